//! The staff's in-app inbox: what a unit must act on (migration 0029's
//! triggers write it), with each member's read mark.

use serde::{Deserialize, Serialize};

named_enum! {
    /// What the item is about.
    pub enum InboxKind {
        /// A new application for the department.
        NewCase = "new_case",
        /// A case's yellow or red card, or its deemed-acceptance warning.
        CaseWarning = "case_warning",
        /// A hotline ticket dispatched to the unit.
        Dispatch = "dispatch",
        /// A hotline 催办 reminder or notice.
        HotlineChase = "hotline_chase",
        /// A document to sign for.
        Document = "document",
        /// A supervision slip (交办单, 催办单, 督办通知单).
        SupervisionSlip = "supervision_slip",
        /// An efficiency complaint assigned (交办) or transferred (转办) to
        /// the unit.
        Complaint = "complaint",
    }
}

/// One item in a member's inbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InboxMessage {
    pub id: i64,
    pub kind: InboxKind,
    pub title: String,
    /// The staff app's page of the item.
    pub link: String,
    pub created_at: String,
    pub read: bool,
}

/// The member's unread count and latest items, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffInbox {
    pub unread: u64,
    pub items: Vec<InboxMessage>,
}

/// Items an inbox page shows.
pub const INBOX_PAGE: u32 = 50;
