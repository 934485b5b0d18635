//! Query strings of the endpoints, as they travel: every parameter optional
//! text, validated by the handler with the rules in `shared` (so a bad value
//! gets the same Chinese message whichever client sent it).

use serde::{Deserialize, Serialize};

macro_rules! query {
    ($(#[$doc:meta])* $name:ident { $($(#[$fdoc:meta])* $field:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub struct $name {
            $(
                $(#[$fdoc])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<String>,
            )*
        }
    };
}

query!(
    /// `GET /api/matters`
    MattersQuery {
        /// A department's id: only its matters.
        department,
        /// Words in the matter's name, its result or its department (≤ 50 characters).
        q,
    }
);

query!(
    /// `GET /api/calendar/deadline`
    DeadlineParams {
        /// The acceptance day, YYYY-MM-DD (the day itself does not count).
        accepted,
        /// Working days, 0–365.
        days,
    }
);

query!(
    /// `GET /api/staff/cases`: one page of the inbox, or a search.
    InboxQuery {
        /// A case state, or `open` (default): submitted, awaiting supplement, in progress, reported up.
        state,
        /// A class of handling.
        class,
        /// `me`, `none` (not yet assigned) or a colleague's id.
        assignee,
        /// A case number, a mobile number or the start of an applicant's name (≤ 30 characters); no paging.
        q,
        /// The `next` of the previous page.
        after,
        /// Rows per page, 1–100 (default 50).
        limit,
    }
);

query!(
    /// A paged list with nothing else to choose.
    PageQuery {
        /// The `next` of the previous page.
        after,
        /// Rows per page, 1–100 (default 50).
        limit,
    }
);

query!(
    /// A period: a year and a range of its months.
    PeriodParams {
        /// 2000–2100; default this year.
        year,
        /// First month, 1–12; default 1.
        from,
        /// Last month, 1–12; default this month in this year, else 12.
        to,
    }
);

query!(
    /// `GET /api/office/meetings`
    MeetingsQuery {
        year,
        from,
        to,
        /// `class1` or `class2`.
        class,
        after,
        limit,
    }
);

query!(
    /// `GET /api/office/documents`: `state=pending` for requests waiting for
    /// review, otherwise documents issued in the period.
    DocumentsQuery {
        state,
        year,
        from,
        to,
        /// An issuing level.
        level,
        after,
        limit,
    }
);

query!(
    /// A year (2000–2100).
    YearParams { year }
);

query!(
    /// `GET /api/staff/reviews`
    ReviewsQuery {
        /// A review state; default the open ones.
        state,
    }
);

query!(
    /// `GET /api/office/statistics`: a date range, default this year to today.
    RangeParams {
        /// YYYY-MM-DD
        from,
        /// YYYY-MM-DD
        to,
    }
);

query!(
    /// `GET /api/office/warnings`
    DayParams {
        /// YYYY-MM-DD; default today.
        day,
    }
);

/// A query as `a=1&b=2`, empty parameters left out, values percent-encoded.
pub fn query_string<Q: Serialize>(q: &Q) -> String {
    let Ok(serde_json::Value::Object(map)) = serde_json::to_value(q) else { return String::new() };
    map.iter()
        .filter_map(|(k, v)| v.as_str().filter(|s| !s.is_empty()).map(|s| format!("{k}={}", percent_encode(s))))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-encoding of everything but RFC 3986's unreserved characters.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

query!(
    /// `GET /api/admin/matter-versions`: drafts and versions.
    VersionsQuery {
        /// `draft`, `submitted`, `returned` or `published`; default: every unpublished one.
        state,
        /// A matter's id: its whole history.
        matter,
    }
);

query!(
    /// `GET /api/hotline/tickets`
    TicketsQuery {
        /// `open` (default: the office's queue, or the unit's inbox, by
        /// deadline), `closed` (latest first), or `all` (the office: every
        /// ticket, newest first; a unit: as `open`).
        view,
        /// One state only (`received`, `dispatched`, …).
        state,
        /// A ticket number, the city's ticket number or the caller's phone
        /// (the office), or a ticket number (a unit); ≤ 50 characters.
        q,
        /// The `next` of the previous page.
        after,
        /// Rows per page, 1–100 (default 50).
        limit,
    }
);

query!(
    /// `GET /api/hotline/knowledge`
    KnowledgeQuery {
        /// Words of the title or answer (≤ 50 characters).
        q,
        /// A category's id.
        category,
    }
);

query!(
    /// `GET /api/hotline/figures`, `/api/hotline/figures.csv`, `/api/hotline/bulletin`
    HotlineRangeParams {
        /// YYYY-MM-DD (default: 1 January this year)
        from,
        /// YYYY-MM-DD (default: today)
        to,
        /// A unit's id: that unit only.
        unit,
    }
);

query!(
    /// `GET /api/admin/security-events`: the security event log, newest first.
    SecurityEventsQuery {
        /// YYYY-MM-DD: from the start of this day (China time).
        from,
        /// YYYY-MM-DD: to the end of this day.
        to,
        /// An event kind (`sign_in`, `forbidden`, …).
        kind,
        /// A user name, exactly (as typed, for failed sign-ins).
        user,
        /// A client address, exactly.
        address,
        /// `success`, `failure`, `refused` or `limited`.
        outcome,
        /// The `next` of the previous page.
        after,
        /// Rows per page, 1–100 (default 50).
        limit,
    }
);

query!(
    /// `GET /api/admin/notices`: messages to applicants, newest first.
    NoticesQuery {
        /// `queued`, `sent`, `delivered` or `failed`: that state only.
        state,
        /// The `next` of the previous page.
        after,
        /// Rows per page, 1–100 (default 50).
        limit,
    }
);

query!(
    /// `GET /api/supervision/items`: the office's items, newest first.
    ItemsQuery {
        /// `registered`, `in_progress` or `closed`.
        state,
        /// A source (`head_office_meeting`, `leader_instruction`, …).
        source,
        /// An item number, or words of its title (≤ 50 characters).
        q,
        /// An origin (`hotspot:…`, `case:…`): the item handed off from it.
        origin,
        /// The `next` of the previous page.
        after,
        /// Rows per page, 1–100 (default 50).
        limit,
    }
);

query!(
    /// `GET /api/supervision/tasks`: tasks by deadline.
    SupervisionTasksQuery {
        /// `open` (default: a unit's inbox, or every open task for the
        /// office), `overdue`, or `closed` (latest first).
        view,
        /// The `next` of the previous page.
        after,
        /// Rows per page, 1–100 (default 50).
        limit,
    }
);

query!(
    /// `GET /api/supervision/slips`: slips, newest first.
    SlipsQuery {
        /// `assignment`, `reminder` or `notice`.
        kind,
        /// The `next` of the previous page.
        after,
        /// Rows per page, 1–100 (default 50).
        limit,
    }
);
