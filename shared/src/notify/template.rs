//! What a provider's template receives: the variables in the template's
//! order (Tencent takes a list, Aliyun an object keyed by the names), and
//! each provider's documented limit on a variable's length, with the cut
//! that keeps a message within it (recorded on the message).

use super::{NoticeEvent, Vars};

/// The template's variables, named, in the order the approved template
/// uses them (`{1}`, `{2}`… for Tencent; `${no}`… for Aliyun).
pub fn params(event: NoticeEvent, v: &Vars) -> Vec<(&'static str, String)> {
    let mut out = vec![("no", v.no.clone())];
    match event {
        NoticeEvent::CaseReceived | NoticeEvent::HotlineReceived | NoticeEvent::ComplaintReceived => {
            out.push(("code", v.code.clone().unwrap_or_default()))
        }
        NoticeEvent::CaseAccepted => out.push(("date", v.date.clone().unwrap_or_default())),
        NoticeEvent::CaseSupplement
        | NoticeEvent::CaseCompleted
        | NoticeEvent::CaseEvaluate
        | NoticeEvent::HotlineReplied
        | NoticeEvent::HotlineCallback
        | NoticeEvent::ComplaintReplied
        | NoticeEvent::ComplaintCallback => {}
    }
    out
}

/// How long a provider lets one variable be, in characters (a Chinese
/// character, a letter, a digit, a punctuation mark or a space each count
/// one):
/// - Aliyun: 35 characters per variable of a notice template (the default
///   since 10 January 2018; help.aliyun.com "长变量短信发送与字符限制");
/// - Tencent: no limit per variable for an organisation's account, but the
///   whole message, signature included, at most 500 characters ("正文模板审核
///   标准"): the variables share what the template's own text leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarLimit {
    PerVariable(usize),
    /// Characters all the variables together may have.
    Total(usize),
}

pub const ALIYUN_VAR_LIMIT: VarLimit = VarLimit::PerVariable(35);
/// Tencent's 500 less a margin for the signature and the template's fixed
/// text (the longest of ours is under 60 characters with its signature).
pub const TENCENT_VAR_LIMIT: VarLimit = VarLimit::Total(420);

/// Cuts the variables to the limit: a cut value keeps its first characters
/// and ends with "…" (so the reader sees it was cut), the whole within the
/// limit. Returns what was cut as "name:from→to" (characters), for the
/// message's record; empty when nothing was.
pub fn cut(params: &mut [(&'static str, String)], limit: VarLimit) -> Vec<String> {
    let mut cuts = Vec::new();
    let mut left = match limit {
        VarLimit::PerVariable(_) => usize::MAX,
        VarLimit::Total(n) => n,
    };
    for (name, value) in params.iter_mut() {
        let len = value.chars().count();
        let allowed = match limit {
            VarLimit::PerVariable(n) => n,
            VarLimit::Total(_) => left,
        };
        if len > allowed {
            let kept: String = value.chars().take(allowed.saturating_sub(1)).collect();
            *value = if allowed == 0 { String::new() } else { format!("{kept}…") };
            cuts.push(format!("{name}:{len}→{allowed}"));
        }
        left = left.saturating_sub(value.chars().count());
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars() -> Vars {
        Vars { no: "SP202611260001".into(), code: Some("12345678".into()), date: Some("2026-12-01".into()) }
    }

    #[test]
    fn each_template_has_its_variables_in_order() {
        let names = |e| params(e, &vars()).into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        assert_eq!(names(NoticeEvent::CaseReceived), ["no", "code"]);
        assert_eq!(names(NoticeEvent::CaseAccepted), ["no", "date"]);
        assert_eq!(names(NoticeEvent::CaseCompleted), ["no"]);
        assert_eq!(params(NoticeEvent::CaseAccepted, &vars())[1].1, "2026-12-01");
    }

    #[test]
    fn within_the_limit_nothing_is_cut() {
        let mut p = params(NoticeEvent::CaseReceived, &vars());
        let before = p.clone();
        assert!(cut(&mut p, ALIYUN_VAR_LIMIT).is_empty());
        assert!(cut(&mut p, TENCENT_VAR_LIMIT).is_empty());
        assert_eq!(p, before);
    }

    #[test]
    fn aliyun_cuts_each_variable_to_35_characters_counting_chinese_as_one() {
        let long = "县".repeat(40);
        let mut p = vec![("no", long), ("code", "1".repeat(35))];
        assert_eq!(cut(&mut p, ALIYUN_VAR_LIMIT), ["no:40→35"]);
        assert_eq!(p[0].1.chars().count(), 35);
        assert!(p[0].1.ends_with("县…"));
        // Exactly at the limit: kept whole.
        assert_eq!(p[1].1, "1".repeat(35));
    }

    #[test]
    fn tencent_shares_one_total_among_the_variables() {
        let mut p = vec![("no", "a".repeat(400)), ("code", "b".repeat(30)), ("date", "c".repeat(5))];
        assert_eq!(cut(&mut p, TENCENT_VAR_LIMIT), ["code:30→20", "date:5→0"]);
        assert_eq!(p.iter().map(|(_, v)| v.chars().count()).sum::<usize>(), 420);
        assert_eq!(p[1].1, format!("{}…", "b".repeat(19)));
        assert_eq!(p[2].1, "");
    }
}
