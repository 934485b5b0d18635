use super::*;
use crate::approvals::stats::{Counter, Establishment, Totals};
use crate::engine::date::Date;
use crate::streamline::quota::CategoryRow;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn range() -> Range {
    Range { from: d("2026-01-01"), to: d("2026-11-26") }
}

fn centre() -> CentreStats {
    let mut t = Totals(vec![0; Counter::all().len()]);
    let i = |c| Counter::all().iter().position(|x| *x == c).unwrap();
    t.0[i(Counter::Disposed(crate::approvals::matter::HandlingClass::Immediate))] = 4;
    t.0[i(Counter::OnTime)] = 3;
    t.0[i(Counter::Late)] = 1;
    let e = Establishment {
        departments: 22,
        window_staff: 86,
        intermediaries: 5,
        intermediary_staff: 17,
        matters: 240,
        catalogue_compression: None,
    };
    CentreStats::new(range(), e, &t)
}

fn streamline() -> Dashboard {
    let total = |this, last| CategoryRow::new("total", "合计", this, last, this, None, None);
    Dashboard {
        period: streamline_period(range()),
        cut: None,
        cut_last_year: None,
        meetings: vec![total(40, 50)],
        documents: vec![total(90, 100)],
        monthly: vec![],
        not_started: None,
    }
}

fn inputs() -> Inputs {
    Inputs {
        county: "示范县".into(),
        hotline_phone: "12345".into(),
        centre: centre(),
        members: MemberUnits { townships: 12, departments: 30 },
        hotline: Prose::new().text("热线").figure(7, Records::HotlineTickets).text("件。"),
        e_government: Prose::new().text("发文").figure(3, Records::TransmitDocuments).text("件。"),
        streamline: streamline(),
        supervision: Prose::new().text("督查。"),
        complaints: Prose::new().text("投诉。"),
        information: Prose::new().text("编发").figure(2, Records::InfoIssues).text("期。"),
    }
}

#[test]
fn six_sections_in_the_reports_order_with_live_figures() {
    let r = compose(range(), inputs());
    let works: Vec<Work> = r.sections.iter().map(|s| s.work).collect();
    assert_eq!(works, Work::ALL.to_vec());
    assert_eq!(r.title, "示范县政府办公室工作情况（2026年1月1日至2026年11月26日）");
    let approvals = &r.sections[0];
    assert_eq!(
        approvals.paragraphs[0].to_string(),
        "目前已进驻“中心”的窗口部门22个、窗口工作人员86人；中介服务机构5个，服务人员17人，办理事项共240项。"
    );
    assert_eq!(
        approvals.paragraphs[1].to_string(),
        "2026年1月1日至2026年11月26日，“中心”共受理办件4件，办结0件。其中即办件4件，全部当场办结。承诺件按时办结率75%。"
    );
    assert_eq!(approvals.paragraphs[0].figures()[4], ("240", Records::Catalogue));
    let hotline = r.sections[1].paragraphs[0].to_string();
    assert_eq!(hotline, "“12345”县长公开电话开通以来，我县12处乡镇（街道）、30个县直部门为政府网络成员单位。热线7件。");
    assert_eq!(
        r.sections[3].paragraphs[0].to_string(),
        "2026年1—11月份，全县以县政府名义召开的会议40次，比去年同期减少了20%（去年同期50次）；以县政府和县府办名义下发的文件90件，比去年同期下降了10%（去年同期100件）。"
    );
    assert_eq!(r.sections[4].paragraphs.len(), 2, "supervision and complaints");
}

#[test]
fn every_line_of_work_has_its_paragraphs_and_the_blanks_no_module_records() {
    let r = compose(range(), inputs());
    assert!(r.sections.iter().all(|s| !s.paragraphs.is_empty()));
    assert_eq!(r.sections[2].paragraphs[0].figures(), vec![("3", Records::TransmitDocuments)]);
    assert_eq!(r.sections[5].paragraphs[0].figures(), vec![("2", Records::InfoIssues)]);
    assert!(!r.sections[2].not_recorded.is_empty(), "hardware spending is never a module's figure");
}

/// Numbers in `words` that are neither part of a date ("2026年1月1日",
/// "1—11月份") nor quoted (the hotline's number).
fn loose_numbers(words: &str) -> Vec<String> {
    let (mut found, mut run, mut quoted) = (Vec::new(), String::new(), false);
    for c in words.chars().chain(std::iter::once(' ')) {
        match c {
            '0'..='9' | '.' if !quoted => run.push(c),
            _ => {
                if !run.is_empty() && !matches!(c, '年' | '月' | '日' | '—') {
                    found.push(run.clone());
                }
                run.clear();
                quoted ^= matches!(c, '“' | '”');
            }
        }
    }
    found
}

#[test]
fn every_figure_names_its_records() {
    let r = compose(range(), inputs());
    for s in &r.sections {
        for p in &s.paragraphs {
            for piece in p.0.iter().filter(|p| p.records.is_none()) {
                assert_eq!(loose_numbers(&piece.text), Vec::<String>::new(), "{:?}: “{}”", s.work, piece.text);
            }
        }
    }
    assert_eq!(loose_numbers("共受理12件，“12345”热线，2026年1—11月份"), vec!["12"]);
}

#[test]
fn the_streamline_period_is_the_months_of_the_year_the_range_ends_in() {
    let p = streamline_period(Range { from: d("2025-06-15"), to: d("2026-03-02") });
    assert_eq!((p.year, p.from_month, p.to_month), (2026, 1, 3));
    let p = streamline_period(Range { from: d("2026-04-10"), to: d("2026-04-20") });
    assert_eq!((p.year, p.from_month, p.to_month), (2026, 4, 4));
}

#[test]
fn the_year_on_year_words_follow_the_sign() {
    let mut s = streamline();
    s.meetings = vec![CategoryRow::new("total", "合计", 60, 50, 60, None, None)];
    s.documents = vec![CategoryRow::new("total", "合计", 5, 0, 5, None, None)];
    let text = s.summary().to_string();
    assert!(text.contains("会议60次，比去年同期增加了20%"), "{text}");
    assert!(text.contains("文件5件，去年同期无记录可比"), "{text}");
    s.documents = vec![CategoryRow::new("total", "合计", 7, 7, 7, None, None)];
    assert!(s.summary().to_string().contains("文件7件，与去年同期持平"));
}
