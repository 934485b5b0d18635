//! The security event log (ASVS V16): sign-ins and their failures,
//! throttling, refusals (403), file views, changes of accounts, roles and
//! settings, API keys and ended sessions. Each event names who (the staff
//! member, or the user name as typed), from which address, when, what and
//! with what outcome. The Worker appends them to `security_event`, which
//! nobody can change, and from which only the daily job removes what is
//! older than [`RETAIN_DAYS`]. Never a password, token or query code.

use crate::admin::accounts::{Account, AccountSave};
use crate::api::SecurityEventsQuery;
use crate::engine::date::Date;
use crate::engine::instant::Instant;
use crate::error::{ApiError, ErrorCode};
use crate::page::{page_size, Cursor, PageInfo};
use crate::staff::MAX_USERNAME_CHARS;
use serde::{Deserialize, Serialize};

/// How long an event is kept online: a year, twice the six months the
/// Cybersecurity Law (网络安全法第二十一条) asks of network logs. Migration
/// 0016's delete trigger refuses anything younger (an xtask test holds the
/// two equal); the daily job deletes what is older.
pub const RETAIN_DAYS: u32 = 365;

/// The retention, as the log's page states it.
pub fn retention_statement() -> String {
    format!(
        "安全事件日志在线保存{RETAIN_DAYS}天（一年，不少于《网络安全法》第二十一条要求的六个月），期满后由每日任务自动删除；\
         保存期内在本系统中任何人（包括管理员）都不能修改或删除。日志不记录密码、会话令牌或查询码。"
    )
}

/// The longest texts an event keeps (characters); longer ones are cut.
pub const MAX_ADDRESS_CHARS: usize = 64;
pub const MAX_TARGET_CHARS: usize = 120;
pub const MAX_DETAIL_CHARS: usize = 200;

named_enum! {
/// What happened.
pub enum SecurityKind {
    SignIn = "sign_in",
    SignOut = "sign_out",
    PasswordChanged = "password_changed",
    /// A request refused for coming too often (429), other than a sign-in's.
    Throttled = "throttled",
    /// A signed-in member refused what is not theirs (403).
    Forbidden = "forbidden",
    FileViewed = "file_viewed",
    /// An applicant's identity number and mobile shown unmasked.
    PersonalDataViewed = "personal_data_viewed",
    AccountCreated = "account_created",
    /// Name, or active / inactive.
    AccountChanged = "account_changed",
    /// Role or department (and whatever else changed with it).
    RoleChanged = "role_changed",
    PasswordReset = "password_reset",
    SettingsChanged = "settings_changed",
    ApiKeyIssued = "api_key_issued",
    ApiKeyRevoked = "api_key_revoked",
    /// A member signed out every other session of theirs.
    SessionsEnded = "sessions_ended",
    /// A second factor set up, turned off, its recovery codes renewed, or
    /// cleared by an administrator's reset.
    SecondFactorChanged = "second_factor_changed",
    /// The daily job erased personal data past its retention
    /// (`shared::retention`).
    PersonalDataErased = "personal_data_erased",
}
}

impl SecurityKind {
    pub fn zh(self) -> &'static str {
        match self {
            SecurityKind::SignIn => "登录",
            SecurityKind::SignOut => "退出登录",
            SecurityKind::PasswordChanged => "修改本人密码",
            SecurityKind::Throttled => "请求过于频繁",
            SecurityKind::Forbidden => "越权操作被拒",
            SecurityKind::FileViewed => "查看办件材料",
            SecurityKind::PersonalDataViewed => "查看申请人个人信息",
            SecurityKind::AccountCreated => "开设账号",
            SecurityKind::AccountChanged => "修改账号",
            SecurityKind::RoleChanged => "变更角色或部门",
            SecurityKind::PasswordReset => "重置密码",
            SecurityKind::SettingsChanged => "修改县情设置",
            SecurityKind::ApiKeyIssued => "发放接口密钥",
            SecurityKind::ApiKeyRevoked => "吊销接口密钥",
            SecurityKind::SessionsEnded => "退出其他设备",
            SecurityKind::SecondFactorChanged => "两步验证设置变更",
            SecurityKind::PersonalDataErased => "按保存期限删除个人信息",
        }
    }
}

named_enum! {
/// How it ended.
pub enum Outcome {
    Success = "success",
    /// Wrong credentials.
    Failure = "failure",
    /// Not allowed (403).
    Refused = "refused",
    /// Too many attempts (429).
    Limited = "limited",
}
}

impl Outcome {
    pub fn zh(self) -> &'static str {
        match self {
            Outcome::Success => "成功",
            Outcome::Failure => "失败",
            Outcome::Refused => "拒绝",
            Outcome::Limited => "限流",
        }
    }
}

/// One event as the office reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SecurityEvent {
    pub id: i64,
    pub at: Instant,
    pub kind: SecurityKind,
    pub outcome: Outcome,
    /// The staff member, where known (not for an unknown user name).
    pub staff_id: Option<i64>,
    /// The staff member's user name, or as typed at a failed sign-in; empty
    /// for an anonymous request.
    pub username: String,
    /// The client's address (`CF-Connecting-IP`).
    pub address: String,
    /// What it concerned: `account:12`, `file:34`, `settings`, `api_key:3`,
    /// or the request (`GET /api/admin/settings`).
    pub target: String,
    pub detail: String,
}

/// One page of events, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SecurityEventList {
    pub events: Vec<SecurityEvent>,
    #[serde(flatten)]
    pub page: PageInfo,
}

/// A search of the log, validated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SecurityFilter {
    /// From the start of this day (China time).
    pub from: Option<Instant>,
    /// Before this instant: the start of the day after `to`.
    pub until: Option<Instant>,
    pub kind: Option<SecurityKind>,
    pub outcome: Option<Outcome>,
    /// A user name, exactly.
    pub user: Option<String>,
    /// An address, exactly.
    pub address: Option<String>,
    /// After the event at this instant with this id (the next page).
    pub after: Option<(Instant, i64)>,
    pub limit: u32,
}

fn bad(message: &str) -> ApiError {
    ApiError::new(ErrorCode::InvalidParameter, message)
}

impl SecurityFilter {
    pub fn parse(q: &SecurityEventsQuery) -> Result<SecurityFilter, ApiError> {
        let text = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        let day = |v: &Option<String>, what: &str| {
            text(v).map(|d| Date::parse(&d).map_err(|_| bad(&format!("{what}应为 YYYY-MM-DD 格式的日期")))).transpose()
        };
        let (from, to) = (day(&q.from, "开始日期")?, day(&q.to, "结束日期")?);
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(bad("开始日期不能晚于结束日期"));
            }
        }
        let kind = text(&q.kind).map(|k| SecurityKind::parse(&k).ok_or_else(|| bad("事件类型无效"))).transpose()?;
        let outcome = text(&q.outcome).map(|o| Outcome::parse(&o).ok_or_else(|| bad("结果无效"))).transpose()?;
        let user = text(&q.user);
        if user.as_ref().is_some_and(|u| u.chars().count() > MAX_USERNAME_CHARS) {
            return Err(bad(&format!("用户名最长{MAX_USERNAME_CHARS}个字符")));
        }
        let address = text(&q.address);
        if address.as_ref().is_some_and(|a| a.chars().count() > MAX_ADDRESS_CHARS) {
            return Err(bad(&format!("网络地址最长{MAX_ADDRESS_CHARS}个字符")));
        }
        let after = match text(&q.after) {
            None => None,
            Some(a) => {
                let c = Cursor::decode(&a)?;
                let at = Instant::parse(&c.key).map_err(|_| bad("翻页参数无效，请回到第一页重新查看"))?;
                Some((at, c.id))
            }
        };
        Ok(SecurityFilter {
            from: from.map(Instant::start_of_day),
            until: to.map(|t| Instant::start_of_day(t.next())),
            kind,
            outcome,
            user,
            address,
            after,
            limit: page_size(q.limit.as_deref())?,
        })
    }
}

/// The cursor of the page that starts after `event`.
pub fn cursor_after(event: &SecurityEvent) -> String {
    Cursor { key: event.at.to_string(), at: String::new(), id: event.id }.encode()
}

/// `s` cut to `max` characters, control characters dropped (a log line is
/// one line, whatever was typed).
pub fn clip(s: &str, max: usize) -> String {
    s.chars().filter(|c| !c.is_control()).take(max).collect()
}

/// What an account's save changed, and which kind of event that is: a
/// change of role or department is a role change.
pub fn account_change(before: &Account, after: &AccountSave) -> (SecurityKind, String) {
    let mut parts = Vec::new();
    let moved = before.role != after.role || before.department_id != after.department_id;
    if before.role != after.role {
        parts.push(format!("角色：{}→{}", before.role.zh(), after.role.zh()));
    }
    if before.department_id != after.department_id {
        let unit = |d: Option<i64>| d.map(|d| format!("单位#{d}")).unwrap_or_else(|| "县府办".into());
        parts.push(format!("单位：{}→{}", unit(before.department_id), unit(after.department_id)));
    }
    if before.name != after.name.trim() {
        parts.push(format!("姓名：{}→{}", before.name, after.name.trim()));
    }
    if before.active != after.active {
        parts.push((if after.active { "启用" } else { "停用" }).to_string());
    }
    if parts.is_empty() {
        parts.push("无变化".into());
    }
    let kind = if moved { SecurityKind::RoleChanged } else { SecurityKind::AccountChanged };
    (kind, clip(&format!("{}：{}", before.username, parts.join("；")), MAX_DETAIL_CHARS))
}

#[cfg(test)]
mod tests;
