//! Every name the database accepts is the name the code writes: each
//! migration's `CHECK (column IN ('…'))` list equals the `ALL` of the enum
//! that column holds (shared's `named_enum!`).

#[cfg(test)]
mod tests {
    use shared::admin::catalogue::VersionState;
    use shared::admin::units::UnitKind;
    use shared::approvals::application::ApplicantKind;
    use shared::approvals::case::{CaseState, WarningKind};
    use shared::approvals::evaluation::ReviewState;
    use shared::approvals::matter::{HandlingClass, MaterialForm};
    use shared::complaints as co;
    use shared::engine::case_action::ExtensionState;
    use shared::engine::ledger::PauseReason;
    use shared::hotline::ticket::{NoticeKind, Rating};
    use shared::hotline::{Channel, CloseReason, Kind, PartState, Role as HotlineRole, TicketState, Urgency};
    use shared::information as info;
    use shared::security::{Outcome, SecurityKind, RETAIN_DAYS};
    use shared::staff::Role;
    use shared::streamline::{ApprovingBody, DocNature, DocState, MeetingClass, RegisterKind};
    use shared::supervision::{Colour, ItemState, Priority, PublicationKind, SlipKind, Source, TaskRole, TaskState};
    use std::collections::{BTreeMap, BTreeSet};

    type Names = BTreeSet<String>;

    fn names<T: Copy, const N: usize>(all: [T; N], as_str: fn(T) -> &'static str) -> Names {
        all.into_iter().map(|v| as_str(v).to_string()).collect()
    }

    /// (table, column) → the union of the quoted names its CHECKs list.
    fn checks() -> BTreeMap<(String, String), Names> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../backend/migrations");
        let mut out: BTreeMap<(String, String), Names> = BTreeMap::new();
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
        files.sort();
        for file in files {
            let sql = std::fs::read_to_string(&file).unwrap();
            // A table's body ends at the line that closes it; a column added
            // later, at the end of its statement.
            let created = sql.split("CREATE TABLE ").skip(1).map(|c| (c, "\n)"));
            let added = sql.split("ALTER TABLE ").skip(1).map(|c| (c, ";"));
            for (chunk, end) in created.chain(added) {
                let table = chunk.split_whitespace().next().unwrap().to_string();
                let body = chunk[..chunk.find(end).unwrap_or(chunk.len())].split_whitespace().collect::<Vec<_>>().join(" ");
                // A table rebuilt under another name and renamed: its CHECKs
                // replace the old table's.
                if let Some(new_name) = body.strip_prefix(&format!("{table} RENAME TO ")) {
                    let new_name = new_name.trim_end_matches(';').trim().to_string();
                    out.retain(|(t, _), _| *t != new_name);
                    let moved: Vec<_> = out.iter().filter(|((t, _), _)| *t == table).map(|((_, c), n)| (c.clone(), n.clone())).collect();
                    out.retain(|(t, _), _| *t != table);
                    out.extend(moved.into_iter().map(|(c, n)| ((new_name.clone(), c), n)));
                    continue;
                }
                let mut rest = body.as_str();
                while let Some(at) = rest.find(" IN (") {
                    let column = rest[..at].rsplit(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap().to_string();
                    let list_start = at + " IN (".len();
                    let Some(len) = rest[list_start..].find(')') else { break };
                    let list = &rest[list_start..list_start + len];
                    if list.trim_start().starts_with('\'') {
                        let values = list.split(',').map(|v| v.trim().trim_matches('\'').to_string());
                        out.entry((table.clone(), column)).or_default().extend(values);
                    }
                    rest = &rest[list_start..];
                }
            }
        }
        out
    }

    #[test]
    fn every_check_lists_exactly_the_names_of_its_enum() {
        let expected: Vec<((&str, &str), Names)> = vec![
            (("matter_material", "form"), names(MaterialForm::ALL, MaterialForm::as_str)),
            (("matter", "class"), names(HandlingClass::ALL, HandlingClass::as_str)),
            (("case_record", "state"), names(CaseState::ALL, CaseState::as_str)),
            (("case_record", "class"), names(HandlingClass::ALL, HandlingClass::as_str)),
            (("case_record", "applicant_kind"), names(ApplicantKind::ALL, ApplicantKind::as_str)),
            (("staff", "role"), names(Role::ALL, Role::as_str)),
            (("meeting_plan_item", "class"), names(MeetingClass::ALL, MeetingClass::as_str)),
            (("meeting", "class"), names(MeetingClass::ALL, MeetingClass::as_str)),
            (("meeting", "approved_by"), names(ApprovingBody::ALL, ApprovingBody::as_str)),
            (("document_request", "nature"), names(DocNature::ALL, DocNature::as_str)),
            (("document_request", "state"), names(DocState::ALL, DocState::as_str)),
            (("case_pause", "reason"), names(PauseReason::ALL, PauseReason::as_str)),
            // `none` means "no request": never a row, so never stored.
            (("case_extension", "state"), names(ExtensionState::ALL, ExtensionState::as_str).into_iter().filter(|n| n != "none").collect()),
            (("case_warning", "kind"), names(WarningKind::ALL, WarningKind::as_str)),
            (("case_evaluation", "review"), names(ReviewState::ALL, ReviewState::as_str)),
            (("quota", "kind"), names(RegisterKind::ALL, RegisterKind::as_str)),
            (("department", "kind"), names(UnitKind::ALL, UnitKind::as_str)),
            (("matter_version", "state"), names(VersionState::ALL, VersionState::as_str)),
            (("hotline_ticket", "channel"), names(Channel::ALL, Channel::as_str)),
            (("hotline_ticket", "kind"), names(Kind::ALL, Kind::as_str)),
            (("hotline_ticket", "urgency"), names(Urgency::ALL, Urgency::as_str)),
            (("hotline_ticket", "state"), names(TicketState::ALL, TicketState::as_str)),
            (("hotline_ticket", "close_reason"), names(CloseReason::ALL, CloseReason::as_str)),
            (("hotline_ticket", "extension"), names(ExtensionState::ALL, ExtensionState::as_str)),
            (("hotline_ticket", "rating"), names(Rating::ALL, Rating::as_str)),
            (("hotline_part", "role"), names(HotlineRole::ALL, HotlineRole::as_str)),
            (("hotline_part", "state"), names(PartState::ALL, PartState::as_str)),
            (("hotline_notice", "kind"), names(NoticeKind::ALL, NoticeKind::as_str)),
            (("complaint", "channel"), names(co::ComplaintChannel::ALL, co::ComplaintChannel::as_str)),
            (("complaint", "kind"), names(co::ComplaintKind::ALL, co::ComplaintKind::as_str)),
            (("complaint", "state"), names(co::ComplaintState::ALL, co::ComplaintState::as_str)),
            (("complaint", "close_reason"), names(co::ComplaintCloseReason::ALL, co::ComplaintCloseReason::as_str)),
            (("complaint", "mode"), names(co::HandlingMode::ALL, co::HandlingMode::as_str)),
            (("complaint", "extension"), names(ExtensionState::ALL, ExtensionState::as_str)),
            (("complaint", "finding"), names(co::Finding::ALL, co::Finding::as_str)),
            (("complaint", "notice"), names(co::FaultNotice::ALL, co::FaultNotice::as_str)),
            (("complaint", "sanction"), names(co::Sanction::ALL, co::Sanction::as_str)),
            (("complaint", "last_callback"), names(co::complaint::ComplaintCallback::ALL, co::complaint::ComplaintCallback::as_str)),
            (("security_event", "kind"), names(SecurityKind::ALL, SecurityKind::as_str)),
            (("supervision_limit", "source"), names(Source::ALL, Source::as_str)),
            (("supervision_limit", "priority"), names(Priority::ALL, Priority::as_str)),
            (("supervision_item", "source"), names(Source::ALL, Source::as_str)),
            (("supervision_item", "priority"), names(Priority::ALL, Priority::as_str)),
            (("supervision_item", "state"), names(ItemState::ALL, ItemState::as_str)),
            (("supervision_task", "state"), names(TaskState::ALL, TaskState::as_str)),
            (("supervision_task", "extension"), names(ExtensionState::ALL, ExtensionState::as_str)),
            (("supervision_part", "role"), names(TaskRole::ALL, TaskRole::as_str)),
            (("supervision_slip", "kind"), names(SlipKind::ALL, SlipKind::as_str)),
            (("supervision_slip", "colour"), names(Colour::ALL, Colour::as_str)),
            (("supervision_publication", "kind"), names(PublicationKind::ALL, PublicationKind::as_str)),
            (("security_event", "outcome"), names(Outcome::ALL, Outcome::as_str)),
            (("doc_outgoing", "level"), names(shared::streamline::DocLevel::ALL, shared::streamline::DocLevel::as_str)),
            (("doc_outgoing", "urgency"), names(shared::documents::Urgency::ALL, shared::documents::Urgency::as_str)),
            (("doc_outgoing", "state"), names(shared::documents::DocState::ALL, shared::documents::DocState::as_str)),
            (("doc_file", "kind"), names(shared::documents::FileKind::ALL, shared::documents::FileKind::as_str)),
            (("doc_recipient", "role"), names(shared::documents::RecipientRole::ALL, shared::documents::RecipientRole::as_str)),
            (("doc_recipient", "state"), names(shared::documents::RecipientState::ALL, shared::documents::RecipientState::as_str)),
            (("doc_receipt", "kind"), names(shared::documents::ReceiptKind::ALL, shared::documents::ReceiptKind::as_str)),
            (("info_issue", "kind"), names(info::IssueKind::ALL, info::IssueKind::as_str)),
            (("info_item", "category"), names(info::Category::ALL, info::Category::as_str)),
            (("info_item", "state"), names(info::InfoState::ALL, info::InfoState::as_str)),
            (("info_item", "grade"), names(info::emergency::Grade::ALL, info::emergency::Grade::as_str)),
            (("info_item", "report_kind"), names(info::emergency::ReportKind::ALL, info::emergency::ReportKind::as_str)),
            (("info_score_event", "reason"), names(info::ScoreReason::ALL, info::ScoreReason::as_str)),
            (("notice_outbox", "event"), names(shared::notify::NoticeEvent::ALL, shared::notify::NoticeEvent::as_str)),
            (("notice_outbox", "state"), names(shared::notify::NoticeState::ALL, shared::notify::NoticeState::as_str)),
            (("inbox_item", "kind"), names(shared::notify::inbox::InboxKind::ALL, shared::notify::inbox::InboxKind::as_str)),
        ];
        let found = checks();
        for ((table, column), names) in &expected {
            let listed = found.get(&(table.to_string(), column.to_string()));
            assert_eq!(listed, Some(names), "{table}.{column}");
        }
        // No CHECK of names goes unmatched.
        for (table, column) in found.keys() {
            assert!(expected.iter().any(|((t, c), _)| t == table && c == column), "{table}.{column} has no enum");
        }
    }

    /// The delete trigger of the security log keeps rows for the retention
    /// the page states.
    #[test]
    fn the_security_log_keeps_its_rows_as_long_as_shared_says() {
        // Each migration that (re)creates the table's trigger.
        for file in ["0016_security_events.sql", "0020_personal_data_viewed.sql"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../backend/migrations").join(file);
            let sql = std::fs::read_to_string(dir).unwrap();
            let trigger = sql.split("CREATE TRIGGER security_event_kept_for_retention").nth(1).unwrap();
            assert!(trigger.contains(&format!("julianday('now', '-{RETAIN_DAYS} days')")), "{file}: {trigger}");
        }
    }
}
