//! What an Open311 client sends, read and checked: the query of
//! `GET requests` (filters, the 90-day window, the pagination extension),
//! the form of `POST requests` and its attributes, and the intake form a
//! POST becomes (the five elements, channel Open311). Every problem is
//! reported at once, each as its own error, in Chinese.

use super::{keys_text, Open311Error, MAX_DESCRIPTION_CHARS};
use crate::engine::instant::Instant;
use crate::hotline::intake::{valid_phone, CallerForm, IntakeForm};
use crate::hotline::{Channel, Kind, Urgency};

/// The attributes of every service definition.
pub const KIND: &str = "kind";
pub const URGENCY: &str = "urgency";

/// Requests per page unless the client asks (`page_size`), and at most.
pub const PAGE_SIZE: u32 = 50;
pub const MAX_PAGE_SIZE: u32 = 100;
/// A query answers at most its first 1,000 requests (the spec's volume).
pub const MAX_RESULTS: u32 = 1000;
/// The window of `start_date` to `end_date`, and the default: 90 days.
pub const WINDOW_DAYS: i64 = 90;
/// Request numbers one query may name.
pub const MAX_IDS: usize = 100;
/// Who the caller is when the client sends no name.
pub const ANONYMOUS: &str = "开放接口用户";

/// The Open311 parameter behind a field of the intake form, for messages.
pub fn parameter_of(field: &str) -> &str {
    match field {
        "caller_name" => "first_name/last_name",
        "caller_phone" => "phone",
        "address" => "address_string",
        "cause" | "course" => "description",
        "kind" => "attribute[kind]",
        "occurred" => "requested_datetime",
        other => other,
    }
}

/// An `application/x-www-form-urlencoded` body (or query) as its pairs,
/// in order; text that is not UTF-8 once decoded is refused.
pub fn decode_form(body: &str) -> Result<Vec<(String, String)>, Open311Error> {
    let decode = |s: &str| -> Option<String> {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' => {
                    let hex = s.get(i + 1..i + 3)?;
                    out.push(u8::from_str_radix(hex, 16).ok()?);
                    i += 2;
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8(out).ok()
    };
    let bad = || Open311Error::bad("提交内容无法解析：应为 UTF-8 编码的 application/x-www-form-urlencoded 表单");
    body.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            Ok((decode(k).ok_or_else(bad)?, decode(v).ok_or_else(bad)?))
        })
        .collect()
}

/// Every value given for `name`: repeated, comma separated, or both;
/// empty values count as not given (the spec's optional arguments).
fn values<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs.iter().filter(|(k, _)| k == name).flat_map(|(_, v)| v.split(',')).map(str::trim).filter(|v| !v.is_empty()).collect()
}

/// The last value given for `name`, if not empty.
fn value<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
}

fn unix_seconds(i: Instant) -> i64 {
    Instant::from_unix_ms(0.0).seconds_until(i)
}

fn days_later(i: Instant, days: i64) -> Instant {
    Instant::from_unix_ms(((unix_seconds(i) + days * 86_400) * 1000) as f64)
}

/// A w3 date-time with its offset. A `+` left unencoded in a query arrives
/// as a space; a date-time never holds one, so it is read back as `+`.
fn instant(name: &str, v: &str) -> Result<Instant, Open311Error> {
    Instant::parse(&v.replace(' ', "+"))
        .map_err(|_| Open311Error::bad(format!("{name}“{v}”无效：应为带时区的时间，如 2026-11-01T00:00:00+08:00 或 2026-10-31T16:00:00Z")))
}

fn number(name: &str, v: Option<&str>, default: u32, range: std::ops::RangeInclusive<u32>, what: &str) -> Result<u32, Open311Error> {
    match v {
        None => Ok(default),
        Some(v) => {
            v.parse::<u32>().ok().filter(|n| range.contains(n)).ok_or_else(|| Open311Error::bad(format!("{name}“{v}”无效：应为{what}")))
        }
    }
}

/// `GET requests`, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestsQuery {
    /// `service_request_id`: when given, every other argument is ignored.
    pub ids: Vec<String>,
    pub service_codes: Vec<String>,
    /// `Some(true)` open only, `Some(false)` closed only.
    pub open: Option<bool>,
    pub start: Instant,
    pub end: Instant,
    pub page: u32,
    pub page_size: u32,
}

impl RequestsQuery {
    pub fn offset(&self) -> u32 {
        (self.page - 1) * self.page_size
    }

    /// Rows this page may hold: within the page, and within the first 1,000.
    pub fn limit(&self) -> u32 {
        self.page_size.min(MAX_RESULTS.saturating_sub(self.offset()))
    }
}

fn code_shape(s: &str) -> bool {
    (1..=30).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Reads the query of `GET requests` at `now`: without dates, the last 90
/// days; with one, 90 days from or to it; with both, at most 90 days.
pub fn requests_query(pairs: &[(String, String)], now: Instant) -> Result<RequestsQuery, Vec<Open311Error>> {
    let mut errors = Vec::new();
    let ids: Vec<String> = values(pairs, "service_request_id").into_iter().map(String::from).collect();
    for id in ids.iter().filter(|id| id.len() > 40 || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')) {
        errors.push(Open311Error::bad(format!("service_request_id“{id}”无效：应为工单编号，如 RX2026112612345678")));
    }
    if ids.len() > MAX_IDS {
        errors.push(Open311Error::bad(format!("service_request_id 一次最多{MAX_IDS}个")));
    }
    let page = number("page", value(pairs, "page"), 1, 1..=u32::MAX, "从1开始的整数");
    let page_size = number("page_size", value(pairs, "page_size"), PAGE_SIZE, 1..=MAX_PAGE_SIZE, &format!("1到{MAX_PAGE_SIZE}之间的整数"));
    let (page, page_size) = match (page, page_size) {
        (Ok(p), Ok(s)) => (p, s),
        (p, s) => {
            errors.extend(p.err().into_iter().chain(s.err()));
            (1, PAGE_SIZE)
        }
    };
    let mut q = RequestsQuery { ids, service_codes: Vec::new(), open: None, start: now, end: now, page, page_size };
    if !q.ids.is_empty() {
        return if errors.is_empty() { Ok(q) } else { Err(errors) };
    }
    for code in values(pairs, "service_code") {
        if code_shape(code) {
            q.service_codes.push(code.to_string());
        } else {
            errors.push(Open311Error::bad(format!("没有服务代码“{code}”，请查看 services.json")));
        }
    }
    let (mut open, mut closed) = (false, false);
    for s in values(pairs, "status") {
        match s {
            "open" => open = true,
            "closed" => closed = true,
            _ => errors.push(Open311Error::bad(format!("status“{s}”无效：只能是 open 或 closed"))),
        }
    }
    // Both statuses are every status.
    q.open = (open != closed).then_some(open);
    let start = value(pairs, "start_date").map(|v| instant("start_date", v));
    let end = value(pairs, "end_date").map(|v| instant("end_date", v));
    match (start.transpose(), end.transpose()) {
        (Ok(s), Ok(e)) => {
            let (s, e) = match (s, e) {
                (Some(s), Some(e)) => (s, e),
                (Some(s), None) => (s, days_later(s, WINDOW_DAYS)),
                (None, Some(e)) => (days_later(e, -WINDOW_DAYS), e),
                (None, None) => (days_later(now, -WINDOW_DAYS), now),
            };
            if e < s {
                errors.push(Open311Error::bad("end_date 早于 start_date"));
            } else if s.seconds_until(e) > WINDOW_DAYS * 86_400 {
                errors.push(Open311Error::bad(format!("start_date 到 end_date 最长{WINDOW_DAYS}天，请分段查询")));
            }
            (q.start, q.end) = (s, e);
        }
        (s, e) => errors.extend(s.err().into_iter().chain(e.err())),
    }
    if q.offset() >= MAX_RESULTS {
        let last = MAX_RESULTS.div_ceil(q.page_size);
        errors.push(Open311Error::bad(format!(
            "每次查询最多返回前{MAX_RESULTS}条（每页{}条时到第{last}页为止），请缩小 start_date 到 end_date 的范围后再翻页",
            q.page_size
        )));
    }
    if errors.is_empty() {
        Ok(q)
    } else {
        Err(errors)
    }
}

/// `POST requests`, checked (the key is checked before, by the Worker).
#[derive(Clone, Debug, PartialEq)]
pub struct NewRequest {
    pub service_code: String,
    pub description: String,
    /// `address_string`, or the coordinates in words when only they are given.
    pub address: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub kind: Kind,
    pub urgency: Urgency,
}

fn choice<T: Copy>(
    pairs: &[(String, String)],
    code: &str,
    all: &[T],
    key: fn(T) -> &'static str,
    zh: fn(T) -> &'static str,
) -> Result<Option<T>, Open311Error> {
    match value(pairs, &format!("attribute[{code}]")) {
        None => Ok(None),
        Some(v) => all
            .iter()
            .copied()
            .find(|x| key(*x) == v)
            .map(Some)
            .ok_or_else(|| Open311Error::bad(format!("attribute[{code}] 的值“{v}”无效，可选：{}", keys_text(all, key, zh)))),
    }
}

/// Reads the form of `POST requests`: a service code, a description, a
/// location (`address_string`, or `lat` and `long`), a phone to reply to,
/// and the attributes of the service definition.
pub fn new_request(pairs: &[(String, String)]) -> Result<NewRequest, Vec<Open311Error>> {
    let mut errors = Vec::new();
    let text = |name: &str| value(pairs, name).unwrap_or("").to_string();
    let service_code = text("service_code");
    if service_code.is_empty() {
        errors.push(Open311Error::bad("缺少 service_code（服务代码，见 services.json）"));
    }
    let description = text("description");
    let n = description.chars().count();
    if !(5..=MAX_DESCRIPTION_CHARS).contains(&n) {
        errors.push(Open311Error::bad(format!("请在 description 中写明事情经过和诉求（5到{MAX_DESCRIPTION_CHARS}个字，现为{n}个字）")));
    }
    let coordinate = |name: &str, max: f64| -> Result<Option<f64>, Open311Error> {
        match value(pairs, name) {
            None => Ok(None),
            Some(v) => v
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && x.abs() <= max)
                .map(Some)
                .ok_or_else(|| Open311Error::bad(format!("{name}“{v}”无效：应为 WGS84 坐标（-{max}到{max}）"))),
        }
    };
    let address = match (text("address_string"), coordinate("lat", 90.0), coordinate("long", 180.0)) {
        (a, _, _) if !a.is_empty() => a,
        (_, Ok(Some(lat)), Ok(Some(long))) => format!("经纬度{lat:.6},{long:.6}"),
        (_, Ok(None), Ok(None)) => {
            errors.push(Open311Error::bad("请提供 address_string（事发地点），或同时提供 lat 和 long"));
            String::new()
        }
        (_, lat, long) => {
            let before = errors.len();
            errors.extend(lat.err().into_iter().chain(long.err()));
            if errors.len() == before {
                errors.push(Open311Error::bad("lat 和 long 须同时提供"));
            }
            String::new()
        }
    };
    let phone = text("phone");
    if !valid_phone(&phone) {
        errors
            .push(Open311Error::bad("请提供 phone：来电人的手机号码或带区号的固定电话，用于答复和回访（只供承办使用，不会在接口中公开）"));
    }
    for (k, _) in pairs.iter().filter(|(k, _)| k.starts_with("attribute[")) {
        if k != &format!("attribute[{KIND}]") && k != &format!("attribute[{URGENCY}]") {
            errors.push(Open311Error::bad(format!("没有属性“{k}”：本服务的属性为 attribute[{KIND}] 和 attribute[{URGENCY}]，见服务定义")));
        }
    }
    let kind = match choice(pairs, KIND, &Kind::ALL, Kind::as_str, Kind::zh) {
        Ok(Some(k)) => Some(k),
        Ok(None) => {
            let keys = keys_text(&Kind::ALL, Kind::as_str, Kind::zh);
            errors.push(Open311Error::bad(format!("请提供 attribute[{KIND}]（诉求类型），可选：{keys}")));
            None
        }
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let urgency = choice(pairs, URGENCY, &Urgency::ALL, Urgency::as_str, Urgency::zh).unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    match kind {
        Some(kind) if errors.is_empty() => Ok(NewRequest {
            service_code,
            description,
            address,
            first_name: text("first_name"),
            last_name: text("last_name"),
            phone,
            kind,
            urgency: urgency.unwrap_or(Urgency::Normal),
        }),
        _ => Err(errors),
    }
}

impl NewRequest {
    /// `last_name` then `first_name` for Chinese names, `first last`
    /// otherwise; `开放接口用户` when neither is given. At most 30 characters.
    pub fn caller_name(&self) -> String {
        let (first, last) = (self.first_name.trim(), self.last_name.trim());
        let latin = |s: &str| s.chars().any(|c| c.is_ascii_alphabetic());
        let name = match (first.is_empty(), last.is_empty()) {
            (true, true) => ANONYMOUS.to_string(),
            (false, true) => first.to_string(),
            (true, false) => last.to_string(),
            _ if latin(first) || latin(last) => format!("{first} {last}"),
            _ => format!("{last}{first}"),
        };
        name.chars().take(30).collect()
    }

    /// The ticket this request becomes, taken in at `at`: the description
    /// is the course, the cause the service's name and its first words.
    pub fn intake_form(&self, service_name: &str, at: Instant) -> IntakeForm {
        let first_line = self.description.trim().lines().next().unwrap_or("").trim();
        let mut words: String = first_line.chars().take(30).collect();
        if first_line.chars().count() > 30 {
            words.push('…');
        }
        IntakeForm {
            caller: CallerForm {
                kind: Some(self.kind),
                caller_name: self.caller_name(),
                caller_phone: self.phone.clone(),
                address: self.address.clone(),
                occurred: format!("{}（开放接口提交时间）", at.short()),
                cause: format!("{service_name}：{words}"),
                course: self.description.trim().to_string(),
                confidential: false,
            },
            channel: Channel::Open311,
            urgency: self.urgency,
            city_ticket_no: String::new(),
        }
    }
}

/// When the first try of a retried POST may have built its form (whose
/// `occurred` is that minute): the minute its ticket was stored, or the one
/// before, as the form is built a moment before the ticket is stored.
pub fn first_try_times(received: Instant) -> [Instant; 2] {
    [received, Instant::from_unix_ms(((unix_seconds(received) - 60) * 1000) as f64)]
}

/// The intake rules (DOMAIN §3) on the form a POST became, as Open311 errors
/// named by the client's parameters.
pub fn check_intake(form: &IntakeForm) -> Result<(), Vec<Open311Error>> {
    let problems = form.problems();
    if problems.is_empty() {
        return Ok(());
    }
    Err(problems.into_iter().map(|p| Open311Error::bad(format!("{}：{}", parameter_of(&p.field), p.message))).collect())
}
