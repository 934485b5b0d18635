//! Open311 GeoReport v2 (DOMAIN.md §3, <http://wiki.open311.org/GeoReport_v2>)
//! at `/open311/v2/`: what each path means, and the hotline as GeoReport
//! sees it. A service is a category of the dispatch catalogue (its group
//! the category's parent class); a service request is a ticket
//! (`service_request_id` = the ticket number, `status` open or closed,
//! `status_notes` the latest public note, `agency_responsible` the lead
//! unit, `expected_datetime` the committed deadline, every time with its
//! real `+08:00` offset). Nothing here ever holds the caller's name, phone
//! or e-mail: [`TicketFacts`] has no field for them, the address is
//! masked and mobile numbers typed into free text are masked too.
//!
//! - `tree`: one answer, written as JSON or XML;
//! - `params`: reading and checking what a client sends (the query of
//!   `GET requests`, with the pagination extension's `page` and
//!   `page_size`; the form of `POST requests` and its attributes), and the
//!   intake form a POST becomes.

pub mod params;
#[cfg(test)]
mod tests;
pub mod tree;

use super::catalogue::Category;
use super::privacy::{mask_address, mask_phone};
use super::views::PublicNote;
use super::{Kind, TicketState, Urgency};
use crate::engine::instant::Instant;
use crate::engine::limit::Limit;
use crate::error::{ApiError, ErrorCode};
use tree::Node;

/// The token of the specification, for the discovery document.
pub const SPECIFICATION: &str = "http://wiki.open311.org/GeoReport_v2";
/// Descriptions are free text of at most 4,000 characters (the spec's limit).
pub const MAX_DESCRIPTION_CHARS: usize = 4000;

/// The format a client asked for by the path's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Xml,
}

impl Format {
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json; charset=utf-8",
            Format::Xml => "text/xml; charset=utf-8",
        }
    }

    /// The document for `node`, inside `root` in XML.
    pub fn write(self, node: &Node, root: &str) -> String {
        match self {
            Format::Json => node.json(),
            Format::Xml => node.xml(root),
        }
    }
}

/// What a path under `/open311` names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resource {
    Discovery,
    Services,
    /// A service definition, by service code.
    Service(String),
    Requests,
    /// One request, by `service_request_id`.
    Request(String),
    /// `tokens/{id}`: requests are created at once (`type` realtime), so no
    /// token is ever issued and every token is unknown.
    Token(String),
}

/// One error of the spec's error list: `code` is the HTTP status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Open311Error {
    pub code: u16,
    pub description: String,
}

impl Open311Error {
    pub fn bad(description: impl Into<String>) -> Open311Error {
        Open311Error { code: 400, description: description.into() }
    }

    pub fn forbidden(description: impl Into<String>) -> Open311Error {
        Open311Error { code: 403, description: description.into() }
    }

    pub fn not_found(description: impl Into<String>) -> Open311Error {
        Open311Error { code: 404, description: description.into() }
    }
}

/// The HTTP status of an error list: the first error's.
pub fn status(errors: &[Open311Error]) -> u16 {
    errors.first().map(|e| e.code).unwrap_or(400)
}

/// `[{"code":400,"description":"…"}]`, `<errors><error>…</error></errors>`.
pub fn errors(list: &[Open311Error]) -> Node {
    let item = |e: &Open311Error| Node::Map(vec![("code", Node::Int(e.code as i64)), ("description", Node::text(&e.description))]);
    Node::List("error", list.iter().map(item).collect())
}

/// An API refusal as Open311 errors: 403 for the key, 404 for what does not
/// exist, the HTTP limits as they are, and 400 for the rest (the spec),
/// one error per field of a form.
pub fn from_api(e: &ApiError) -> Vec<Open311Error> {
    let code = match e.code {
        ErrorCode::NotFound => 404,
        ErrorCode::Forbidden | ErrorCode::Unauthenticated => 403,
        ErrorCode::TooManyRequests | ErrorCode::PayloadTooLarge | ErrorCode::LengthRequired => e.code.http_status(),
        ErrorCode::Internal | ErrorCode::Unknown => 500,
        _ => 400,
    };
    if e.fields.is_empty() {
        return vec![Open311Error { code, description: e.message.clone() }];
    }
    e.fields.iter().map(|f| Open311Error { code, description: format!("{}：{}", params::parameter_of(&f.field), f.message) }).collect()
}

/// The path under `/open311` (`/open311/v2/requests/RX….json`): what it
/// names and in which format. Discovery also answers at `/open311/`.
pub fn route(path: &str) -> Result<(Resource, Format), Open311Error> {
    let unknown = || Open311Error::not_found("没有这个接口地址；请从 /open311/v2/discovery.json 查看可用的接口");
    let rest = path
        .strip_prefix("/open311/v2/")
        .or_else(|| path.strip_prefix("/open311/").filter(|r| r.starts_with("discovery.")))
        .ok_or_else(unknown)?;
    let (stem, ext) = rest.rsplit_once('.').ok_or_else(unknown)?;
    let format = match ext {
        "json" => Format::Json,
        "xml" => Format::Xml,
        _ => return Err(Open311Error::not_found(format!("不支持“.{ext}”格式，请使用 .json 或 .xml"))),
    };
    let id = |s: &str| (!s.is_empty() && s.len() <= 64 && !s.contains('/')).then(|| s.to_string()).ok_or_else(unknown);
    let resource = match stem.split_once('/') {
        None => match stem {
            "discovery" => Resource::Discovery,
            "services" => Resource::Services,
            "requests" => Resource::Requests,
            _ => return Err(unknown()),
        },
        Some(("services", code)) => Resource::Service(id(code)?),
        Some(("requests", no)) => Resource::Request(id(no)?),
        Some(("tokens", token)) => Resource::Token(id(token)?),
        Some(_) => return Err(unknown()),
    };
    Ok((resource, format))
}

/// What the discovery document says besides the endpoint's own URL.
pub struct DiscoveryInfo {
    /// Changes whenever the services or their definitions may have.
    pub changeset: String,
    pub contact: String,
    pub key_service: String,
    /// `https://…/open311/v2`.
    pub url: String,
}

pub fn discovery(d: &DiscoveryInfo) -> Node {
    let endpoint = Node::Map(vec![
        ("specification", Node::text(SPECIFICATION)),
        ("url", Node::text(&d.url)),
        ("changeset", Node::text(&d.changeset)),
        ("type", Node::text("production")),
        ("formats", Node::List("format", vec![Node::text("text/xml"), Node::text("application/json")])),
    ]);
    Node::Map(vec![
        ("changeset", Node::text(&d.changeset)),
        ("contact", Node::text(&d.contact)),
        ("key_service", Node::text(&d.key_service)),
        ("endpoints", Node::List("endpoint", vec![endpoint])),
    ])
}

/// A sortable mark that moves on with every change of the catalogue: each
/// save moves a category's version on and a new one adds its first.
pub fn changeset(categories: &[Category]) -> String {
    format!("{:012}", categories.iter().map(|c| c.version.max(0) as u64).sum::<u64>())
}

/// `2小时内`, `3个工作日内`, `当日`.
pub fn within(limit: Limit) -> String {
    match limit {
        Limit::WorkingDays(0) => "当日".into(),
        l => format!("{}内", l.zh()),
    }
}

/// The commitment (`service_notice`): `我们将在13个工作日内答复`, with the
/// deadline once it runs.
pub fn commitment(limit: Limit, deadline: Option<Instant>) -> String {
    match deadline {
        Some(d) => format!("我们将在{}答复（{}前）", within(limit), d.short()),
        None => format!("我们将在{}答复", within(limit)),
    }
}

/// The active categories as services.
pub fn services(categories: &[Category]) -> Node {
    Node::List("service", categories.iter().filter(|c| c.active).map(service).collect())
}

fn service(c: &Category) -> Node {
    let f = &c.form;
    let l = &f.limits;
    let description = format!(
        "{}：{}类诉求。一般诉求{}答复，紧急诉求{}答复，特急诉求{}答复。",
        f.name,
        f.group,
        within(l.normal),
        within(l.urgent),
        within(l.critical)
    );
    let mut keywords = vec![f.name.as_str(), f.group.as_str()];
    keywords.extend(c.lead_unit_name.as_deref());
    Node::Map(vec![
        ("service_code", Node::text(&f.code)),
        ("service_name", Node::text(&f.name)),
        ("description", Node::text(description)),
        // Every service asks for the type and urgency of the request.
        ("metadata", Node::Bool(true)),
        ("type", Node::text("realtime")),
        ("keywords", Node::text(keywords.join(", "))),
        ("group", Node::text(&f.group)),
    ])
}

fn choices<T: Copy>(all: &[T], key: impl Fn(T) -> &'static str, zh: impl Fn(T) -> &'static str) -> Node {
    Node::List("value", all.iter().map(|v| Node::Map(vec![("key", Node::text(key(*v))), ("name", Node::text(zh(*v)))])).collect())
}

/// The keys a client may send for a list attribute, for messages.
pub fn keys_text<T: Copy>(all: &[T], key: impl Fn(T) -> &'static str, zh: impl Fn(T) -> &'static str) -> String {
    all.iter().map(|v| format!("{}（{}）", key(*v), zh(*v))).collect::<Vec<_>>().join("、")
}

/// A service's definition: the type (诉求类型, required) and urgency
/// (紧急程度) of the request, and what happens to the caller's contact.
pub fn definition(code: &str) -> Node {
    let list = |code: &str, required: bool, order: i64, description: &str, hint: String, values: Node| {
        Node::Map(vec![
            ("variable", Node::Bool(true)),
            ("code", Node::text(code)),
            ("datatype", Node::text("singlevaluelist")),
            ("required", Node::Bool(required)),
            ("datatype_description", Node::text(hint)),
            ("order", Node::Int(order)),
            ("description", Node::text(description)),
            ("values", values),
        ])
    };
    let kind = list(
        params::KIND,
        true,
        1,
        "诉求类型",
        "必填，从列表中选一项，提交时填写其 key，如 attribute[kind]=complaint".into(),
        choices(&Kind::ALL, Kind::as_str, Kind::zh),
    );
    let urgency = list(
        params::URGENCY,
        false,
        2,
        "紧急程度",
        "选填，不填按“一般”办理；“特急”仅限危及人身财产安全、需立即处置的诉求".into(),
        choices(&Urgency::ALL, Urgency::as_str, Urgency::zh),
    );
    let contact = Node::Map(vec![
        ("variable", Node::Bool(false)),
        ("code", Node::text("contact")),
        ("datatype", Node::text("text")),
        ("required", Node::Bool(false)),
        ("datatype_description", Node::Null),
        ("order", Node::Int(3)),
        (
            "description",
            Node::text("请在 phone 中提供来电人的手机号码或带区号的固定电话（必填），用于答复和回访；姓名、电话和邮箱只供承办使用，不会在本接口中公开。"),
        ),
    ]);
    Node::Map(vec![("service_code", Node::text(code)), ("attributes", Node::List("attribute", vec![kind, urgency, contact]))])
}

/// A ticket as Open311 may show it: no field for the caller's name, phone
/// or e-mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TicketFacts {
    pub ticket_no: String,
    pub state: TicketState,
    /// The category's code and name, once it has one.
    pub service_code: Option<String>,
    pub service_name: Option<String>,
    /// What happened and what the caller asks (the description).
    pub course: String,
    /// The address as stored: masked here before it is shown.
    pub address: String,
    /// The lead unit.
    pub agency: Option<String>,
    pub received_at: Instant,
    pub deadline: Option<Instant>,
    /// The limit that runs, or else the category's for the ticket's urgency.
    pub limit: Option<Limit>,
    /// The caller's timeline (public notes), oldest first.
    pub timeline: Vec<PublicNote>,
    pub closed_at: Option<Instant>,
}

/// Mobile numbers typed into free text, masked as everywhere else
/// (`13812345678` → `138****5678`); longer runs of digits (ticket numbers)
/// are left alone.
pub fn mask_mobiles(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() == 11 && run.starts_with('1') {
            out.push_str(&mask_phone(run));
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// One service request, in the spec's order of fields; `lat` and `long`
/// are left out (the hotline keeps no coordinates), `media_url` is empty.
pub fn request(t: &TicketFacts) -> Node {
    let open = t.state != TicketState::Closed;
    let last = t.timeline.last();
    let updated = [Some(t.received_at), last.map(|n| n.at), t.closed_at].into_iter().flatten().max().unwrap_or(t.received_at);
    let description: String = mask_mobiles(&t.course).chars().take(MAX_DESCRIPTION_CHARS).collect();
    let notice = t.limit.filter(|_| open).map(|l| commitment(l, t.deadline));
    Node::Map(vec![
        ("service_request_id", Node::text(&t.ticket_no)),
        ("status", Node::text(if open { "open" } else { "closed" })),
        ("status_notes", Node::opt(last.map(|n| mask_mobiles(&n.note)))),
        ("service_name", Node::opt(t.service_name.as_deref())),
        ("service_code", Node::opt(t.service_code.as_deref())),
        ("description", Node::text(description)),
        ("agency_responsible", Node::opt(t.agency.as_deref())),
        ("service_notice", Node::opt(notice)),
        ("requested_datetime", Node::text(t.received_at.to_string())),
        ("updated_datetime", Node::text(updated.to_string())),
        ("expected_datetime", Node::opt(t.deadline.map(|d| d.to_string()))),
        ("address", Node::text(mask_address(&t.address))),
        ("media_url", Node::text("")),
    ])
}

pub fn requests(tickets: &[TicketFacts]) -> Node {
    Node::List("request", tickets.iter().map(request).collect())
}

/// What a POST answers: the new request's number and the commitment.
pub fn posted(ticket_no: &str, notice: &str) -> Node {
    let item =
        Node::Map(vec![("service_request_id", Node::text(ticket_no)), ("service_notice", Node::text(notice)), ("account_id", Node::Null)]);
    Node::List("request", vec![item])
}

/// The XML root of each answer.
pub mod roots {
    pub const DISCOVERY: &str = "discovery";
    pub const SERVICES: &str = "services";
    pub const DEFINITION: &str = "service_definition";
    pub const REQUESTS: &str = "service_requests";
    pub const ERRORS: &str = "errors";
}
