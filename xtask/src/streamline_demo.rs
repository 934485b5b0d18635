//! The demo county's meetings and documents for last year (2025) and this
//! year (2026, up to 20 November), its meeting plan and quotas. Generated
//! from a fixed seed, so every run gives the same data; this year runs
//! about a fifth below last year, as the report describes.

use crate::sql::text;
use shared::engine::date::Date;
use shared::streamline::{suggest_level, ApprovingBody, DocLevel, DocNature, DocumentRequest, MeetingClass};
use std::fmt::Write;

/// Rebuilds the meeting and document counters from the records (after a
/// bulk load; the Worker keeps them current one record at a time).
pub const COUNTERS_SQL: &str = "DELETE FROM register_month; DELETE FROM register_day;
INSERT INTO register_month (kind, year, month, category, count) SELECT 'meeting', CAST(substr(date, 1, 4) AS INTEGER), CAST(substr(date, 6, 2) AS INTEGER), class, COUNT(*) FROM meeting GROUP BY 1, 2, 3, 4;
INSERT INTO register_day (kind, day, category, count) SELECT 'meeting', date, class, COUNT(*) FROM meeting GROUP BY 1, 2, 3;
INSERT INTO register_month (kind, year, month, category, count) SELECT 'document', CAST(substr(issued_on, 1, 4) AS INTEGER), CAST(substr(issued_on, 6, 2) AS INTEGER), issued_level, COUNT(*) FROM document_request WHERE state = 'issued' GROUP BY 1, 2, 3, 4;
INSERT INTO register_day (kind, day, category, count) SELECT 'document', issued_on, issued_level, COUNT(*) FROM document_request WHERE state = 'issued' GROUP BY 1, 2, 3;
";

/// A small fixed-seed generator: the same demo data on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next(items.len() as u64) as usize]
    }
}

const MEETINGS: [&str; 12] = [
    "全县经济工作会议",
    "全县安全生产工作会议",
    "全县防汛抗旱工作会议",
    "全县招商引资工作推进会",
    "全县农业农村工作会议",
    "全县优化营商环境工作会议",
    "全县森林防火工作会议",
    "全县教育工作会议",
    "全县民生实事推进会",
    "全县重点项目建设观摩会",
    "全县信访稳定工作会议",
    "全县生态环境保护工作会议",
];

const SUBJECTS: [&str; 10] = [
    "关于做好冬季供暖保障工作的通知",
    "关于进一步优化营商环境的若干措施",
    "关于开展安全生产大排查的通知",
    "关于做好春耕生产工作的通知",
    "关于印发重点项目推进方案的通知",
    "关于加强森林防火工作的通知",
    "关于调整县政府领导分工的通知",
    "关于做好防汛准备工作的函",
    "关于商请协助开展人口普查的函",
    "关于进一步规范公文处理工作的通知",
];

/// A working day (Monday–Friday) of `year` up to `last`, at random.
fn day(rng: &mut Rng, year: i32, last: Date) -> Date {
    loop {
        let month = 1 + rng.next(12) as u32;
        let d = Date::from_ymd(year, month, 1 + rng.next(28) as u32).expect("days 1-28 exist");
        if d <= last && !d.weekday().is_weekend() {
            return d;
        }
    }
}

/// Demo rows have fixed ids and are inserted with `OR IGNORE`, so loading the
/// demo again keeps what was registered meanwhile; counters are rebuilt.
pub fn sql(out: &mut String) {
    let mut rng = Rng(20_260_101);
    let (mut meeting_id, mut document_id) = (0, 0);
    let last_day = |y| if y == 2026 { Date::parse("2026-11-20").expect("date") } else { Date::parse(&format!("{y}-12-31")).expect("date") };
    for (year, class1, class2) in [(2025, 26, 44), (2026, 19, 36)] {
        for (class, n) in [(MeetingClass::Class1, class1), (MeetingClass::Class2, class2)] {
            for _ in 0..n {
                let date = day(&mut rng, year, last_day(year));
                let bodies: Vec<ApprovingBody> =
                    ApprovingBody::ALL.into_iter().filter(|b| shared::streamline::may_approve(class, *b)).collect();
                let body = *rng.pick(&bodies);
                let approval = Date::from_ymd(year, date.ymd().1, 1).expect("first of month");
                let department = 1 + rng.next(11);
                meeting_id += 1;
                writeln!(
                    out,
                    "INSERT OR IGNORE INTO meeting (id, title, organiser_department_id, date, duration_minutes, participants, class, approved_by, approval_date, approval_ref, registered_at) \
                     VALUES ({meeting_id}, {}, {department}, '{date}', {}, {}, '{}', '{}', '{approval}', {}, '{date}T09:00:00+08:00');",
                    text(rng.pick::<&str>(&MEETINGS)),
                    60 + 30 * rng.next(4),
                    text("各乡镇（街道）、县直各部门主要负责人"),
                    class.as_str(),
                    body.as_str(),
                    text(&format!("{}纪要〔{year}〕{}号", body.zh(), 1 + rng.next(40))),
                )
                .expect("write to String");
            }
        }
        // Issued documents, and this year a few still waiting for review.
        let per_level = if year == 2025 { [44, 82, 40, 18, 60] } else { [33, 64, 35, 17, 52] };
        let mut seq = [0u32; 5];
        let mut rows = Vec::new();
        for (i, level) in DocLevel::ALL.into_iter().enumerate() {
            for _ in 0..per_level[i] {
                rows.push((day(&mut rng, year, last_day(year)), i, level));
            }
        }
        rows.sort_by_key(|r| r.0);
        for (issued_on, i, level) in rows {
            seq[i] += 1;
            document_id += 1;
            document(out, &mut rng, document_id, level, Some((issued_on, seq[i])));
        }
        for (i, level) in DocLevel::ALL.into_iter().enumerate() {
            writeln!(out, "INSERT INTO document_number_seq (level, year, last) VALUES ('{}', {year}, {}) ON CONFLICT (level, year) DO UPDATE SET last = max(last, excluded.last);", level.as_str(), seq[i]).expect("write");
        }
    }
    for level in [DocLevel::CountyGovernment, DocLevel::CountyOffice, DocLevel::CountyOffice, DocLevel::InformalLetter] {
        document_id += 1;
        document(out, &mut rng, document_id, level, None);
    }
    for (year, quotas) in [(2025, [30, 50, 50, 90, 50]), (2026, [24, 42, 40, 70, 40])] {
        let (meetings, documents) = quotas.split_at(2);
        for (class, q) in MeetingClass::ALL.into_iter().zip(meetings) {
            writeln!(out, "INSERT OR REPLACE INTO quota (year, kind, category, quota, updated_at) VALUES ({year}, 'meeting', '{}', {q}, '{year}-01-05T09:00:00+08:00');", class.as_str()).expect("write");
        }
        for (level, q) in DocLevel::ALL.into_iter().zip(documents) {
            writeln!(out, "INSERT OR REPLACE INTO quota (year, kind, category, quota, updated_at) VALUES ({year}, 'document', '{}', {q}, '{year}-01-05T09:00:00+08:00');", level.as_str()).expect("write");
        }
    }
    for (i, title) in MEETINGS.iter().enumerate() {
        let class = if i % 3 == 0 { "class1" } else { "class2" };
        writeln!(
            out,
            "INSERT OR IGNORE INTO meeting_plan_item (id, year, title, class, month) VALUES ({}, 2026, {}, '{class}', {});",
            i + 1,
            text(title),
            1 + i
        )
        .expect("write");
    }
    out.push_str(COUNTERS_SQL);
}

/// A document request at `level`: issued (date, number) or still pending.
fn document(out: &mut String, rng: &mut Rng, id: u32, level: DocLevel, issued: Option<(Date, u32)>) {
    let (needs_government_authority, nature, departments) = match level {
        DocLevel::CountyGovernment => (true, DocNature::Policy, vec![1 + rng.next(11) as i64, 1 + rng.next(11) as i64]),
        DocLevel::CountyOffice => (true, DocNature::WorkArrangement, vec![1 + rng.next(11) as i64]),
        DocLevel::InformalLetter => (true, DocNature::Correspondence, vec![1 + rng.next(11) as i64]),
        DocLevel::JointDepartment => (false, DocNature::WorkArrangement, vec![1, 4]),
        DocLevel::Department => (false, DocNature::WorkArrangement, vec![1 + rng.next(11) as i64]),
    };
    let mut departments = departments;
    departments.dedup();
    let request = DocumentRequest {
        subject: rng.pick(&SUBJECTS).to_string(),
        proposed_level: level,
        within_one_department: departments.len() == 1 && !needs_government_authority,
        drafting_departments: departments,
        needs_government_authority,
        nature,
        length_chars: 800 + 100 * rng.next(30) as u32,
    };
    let suggested = suggest_level(&request);
    let nature = serde_json::to_value(request.nature).expect("serialisable");
    let (state, issued_level, prefix, seq, on, at) = match issued {
        Some((date, seq)) => (
            "issued",
            format!("'{}'", level.as_str()),
            text(crate::demo::settings().doc_prefixes.get(level)),
            seq.to_string(),
            format!("'{date}'"),
            format!("{date}T08:30:00+08:00"),
        ),
        None => ("pending", "NULL".into(), "NULL".into(), "NULL".into(), "NULL".into(), "2026-11-20T10:00:00+08:00".into()),
    };
    writeln!(
        out,
        "INSERT OR IGNORE INTO document_request (id, subject, proposed_level, suggested_level, drafting_departments, within_one_department, needs_government_authority, nature, length_chars, requested_at, state, issued_level, issued_prefix, issued_seq, issued_on, last_change) \
         VALUES ({id}, {}, '{}', '{}', '{}', {}, {}, '{}', {}, '{at}', '{state}', {issued_level}, {prefix}, {seq}, {on}, 'demo');",
        text(&request.subject),
        level.as_str(),
        suggested.as_str(),
        serde_json::to_string(&request.drafting_departments).expect("serialisable"),
        request.within_one_department as u8,
        request.needs_government_authority as u8,
        nature.as_str().unwrap_or("work_arrangement"),
        request.length_chars,
    )
    .expect("write to String");
}
