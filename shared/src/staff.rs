//! Staff accounts, roles and the permission checks every staff endpoint
//! calls by name.

use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

named_enum! {
pub enum Role {
    /// Accepts and disposes of its department's cases.
    WindowStaff = "window_staff",
    /// As window staff, and approves extensions (later).
    DepartmentHead = "department_head",
    /// The government office: sees every department, disposes of none.
    OfficeAdmin = "office_admin",
}
}

impl Role {
    pub fn zh(self) -> &'static str {
        match self {
            Role::WindowStaff => "窗口工作人员",
            Role::DepartmentHead => "部门负责人",
            Role::OfficeAdmin => "县府办管理员",
        }
    }
}

/// The signed-in staff member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffUser {
    pub id: i64,
    pub username: String,
    pub name: String,
    pub role: Role,
    /// `None` for the government office, which belongs to no window.
    pub department_id: Option<i64>,
    pub department_name: Option<String>,
    /// Signed in with a one-time password: must choose a new one before
    /// anything else.
    #[serde(default)]
    pub must_change_password: bool,
    /// Their role requires a second factor they have not set up yet: they
    /// must set it up before anything else (`second_factor::required_for`).
    #[serde(default)]
    pub must_set_up_second_factor: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
    /// The authenticator's code or a recovery code, for an account with a
    /// second factor (asked for by `second_factor_required`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// The longest user name and password a sign-in accepts (characters).
pub const MAX_USERNAME_CHARS: usize = 64;
pub const MAX_PASSWORD_CHARS: usize = 256;

impl LoginRequest {
    /// Length caps, checked before anything is looked up or written.
    pub fn validate(&self) -> Result<(), ApiError> {
        let username = self.username.trim();
        if username.is_empty() || self.password.is_empty() {
            return Err(ApiError::new(ErrorCode::InvalidParameter, "请输入用户名和密码"));
        }
        if username.chars().count() > MAX_USERNAME_CHARS || self.password.chars().count() > MAX_PASSWORD_CHARS {
            return Err(ApiError::new(
                ErrorCode::InvalidParameter,
                format!("用户名最长{MAX_USERNAME_CHARS}个字符，密码最长{MAX_PASSWORD_CHARS}个字符"),
            ));
        }
        Ok(())
    }
}

/// Sign-in throttling (DOMAIN: staff accounts). Wrong passwords are counted
/// per (user name, address) in a window of `LOGIN_WINDOW_SECONDS`; after
/// `LOGIN_FREE_FAILURES` of them each further attempt from that address
/// waits twice as long as the one before, up to the window. Nobody else's
/// failures ever delay a user, so an attacker cannot lock a member out.
pub const LOGIN_WINDOW_SECONDS: i64 = 15 * 60;
pub const LOGIN_FREE_FAILURES: u32 = 5;
/// Wrong passwords from one address per window (any user name), checked first.
pub const LOGIN_PER_ADDRESS: u32 = 50;

/// Seconds to wait after the `failures`-th wrong password before the next
/// attempt from the same address for the same user.
pub fn login_delay(failures: u32) -> i64 {
    match failures.checked_sub(LOGIN_FREE_FAILURES) {
        None => 0,
        Some(n) => 1i64.checked_shl(n.min(20)).unwrap_or(i64::MAX).min(LOGIN_WINDOW_SECONDS),
    }
}

impl StaffUser {
    /// May see a case handled by `lead` (with `co` assisting)?
    pub fn check_can_view(&self, lead: i64, co: &[i64]) -> Result<(), ApiError> {
        if self.role == Role::OfficeAdmin || self.department_id == Some(lead) || self.department_id.is_some_and(|d| co.contains(&d)) {
            Ok(())
        } else {
            Err(not_yours())
        }
    }

    /// May dispose of a case whose lead department is `lead`?
    pub fn check_can_dispose(&self, lead: i64) -> Result<(), ApiError> {
        match self.role {
            Role::WindowStaff | Role::DepartmentHead if self.department_id == Some(lead) => Ok(()),
            _ => Err(not_yours()),
        }
    }
}

impl StaffUser {
    /// Extensions are approved by the head of the case's lead department.
    pub fn check_can_approve_extension(&self, lead: i64) -> Result<(), ApiError> {
        self.check_head_of(lead, "延期须由本部门负责人审批")
    }

    /// Cases are assigned to a handler by the head of the lead department.
    pub fn check_can_assign(&self, lead: i64) -> Result<(), ApiError> {
        self.check_head_of(lead, "办件分派须由本部门负责人操作")
    }

    fn check_head_of(&self, lead: i64, refusal: &str) -> Result<(), ApiError> {
        if self.role == Role::DepartmentHead && self.department_id == Some(lead) {
            Ok(())
        } else {
            Err(ApiError::new(ErrorCode::Forbidden, refusal))
        }
    }

    /// Only the government office may set quotas, plan meetings and review
    /// document requests.
    pub fn check_is_office(&self) -> Result<(), ApiError> {
        if self.role == Role::OfficeAdmin {
            Ok(())
        } else {
            Err(ApiError::new(ErrorCode::Forbidden, "此项操作仅限县府办管理员"))
        }
    }

    /// Whose records a wing's list shows this member: `None` for the office
    /// (every unit's), the member's own unit otherwise; a member of no unit
    /// is refused.
    pub fn list_scope(&self) -> Result<Option<i64>, ApiError> {
        match (self.role, self.department_id) {
            (Role::OfficeAdmin, _) => Ok(None),
            (_, Some(unit)) => Ok(Some(unit)),
            (_, None) => Err(ApiError::new(ErrorCode::Forbidden, "您不属于任何单位，没有可查看的列表")),
        }
    }

    /// May act in the name of `department` (`None`: the office itself)?
    /// The office may act for anyone; department staff only for their own.
    pub fn check_acts_for(&self, department: Option<i64>) -> Result<(), ApiError> {
        if self.role == Role::OfficeAdmin || (department.is_some() && self.department_id == department) {
            Ok(())
        } else {
            Err(ApiError::new(ErrorCode::Forbidden, "只能以本部门名义登记或申请"))
        }
    }
}

/// One of the signed-in member's sessions (a browser signed in as them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionInfo {
    pub started_at: crate::engine::instant::Instant,
    /// Its last use, to within `SESSION_TOUCH_SECONDS`.
    pub last_active_at: crate::engine::instant::Instant,
    pub address: String,
    /// The browser, as it names itself.
    pub agent: String,
    /// The session this request came with.
    pub current: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionList {
    pub sessions: Vec<SessionInfo>,
}

/// Signing out everywhere else: the password again (ASVS 7.5.2), so a
/// session left open cannot throw its owner out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EndSessions {
    pub password: String,
}

/// How many other sessions were ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionsEnded {
    pub ended: u32,
}

/// A session ends after 8 hours whatever happens (absolute), or after 30
/// minutes without a request (idle): a desk left signed in is not left open.
pub const SESSION_SECONDS: i64 = 8 * 3600;
pub const SESSION_IDLE_SECONDS: i64 = 30 * 60;
/// Use moves the idle limit on at most once in this many seconds, so a busy
/// page does not write to D1 on every request.
pub const SESSION_TOUCH_SECONDS: i64 = 5 * 60;

/// Whether a session last moved on at `idle_until` should be moved on at `now`.
pub fn session_needs_touch(idle_until: i64, now: i64) -> bool {
    idle_until - now < SESSION_IDLE_SECONDS - SESSION_TOUCH_SECONDS
}

/// A member of a department's staff, for assigning and filtering by handler.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Colleague {
    pub id: i64,
    pub name: String,
    pub role: Role,
}

fn not_yours() -> ApiError {
    ApiError::new(ErrorCode::Forbidden, "该办件不属于您所在部门，无权查看或办理")
}

#[cfg(test)]
mod session_tests {
    use super::*;

    #[test]
    fn use_moves_the_idle_limit_at_most_every_five_minutes() {
        let now = 1_000_000;
        assert!(!session_needs_touch(now + SESSION_IDLE_SECONDS, now));
        assert!(!session_needs_touch(now + SESSION_IDLE_SECONDS - SESSION_TOUCH_SECONDS + 1, now));
        assert!(session_needs_touch(now + SESSION_IDLE_SECONDS - SESSION_TOUCH_SECONDS - 1, now));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role, department_id: i64) -> StaffUser {
        let department_id = (role != Role::OfficeAdmin).then_some(department_id);
        StaffUser {
            id: 1,
            username: "u".into(),
            name: "n".into(),
            role,
            department_id,
            department_name: None,
            must_change_password: false,
            must_set_up_second_factor: false,
        }
    }

    #[test]
    fn lists_show_the_office_everything_and_a_member_their_unit() {
        assert_eq!(user(Role::OfficeAdmin, 0).list_scope().unwrap(), None);
        assert_eq!(user(Role::WindowStaff, 4).list_scope().unwrap(), Some(4));
        assert_eq!(user(Role::DepartmentHead, 12).list_scope().unwrap(), Some(12));
        let stray = StaffUser { department_id: None, ..user(Role::WindowStaff, 1) };
        assert_eq!(stray.list_scope().unwrap_err().code, ErrorCode::Forbidden);
    }

    #[test]
    fn departments_see_and_handle_only_their_own_cases() {
        let staff = user(Role::WindowStaff, 1);
        assert!(staff.check_can_view(1, &[]).is_ok());
        assert!(staff.check_can_view(2, &[1]).is_ok(), "co-department of a joint case");
        assert_eq!(staff.check_can_view(2, &[3]).unwrap_err().code, ErrorCode::Forbidden);
        assert!(staff.check_can_dispose(1).is_ok());
        assert!(staff.check_can_dispose(2).is_err());
        assert!(user(Role::DepartmentHead, 2).check_can_dispose(2).is_ok());
    }

    #[test]
    fn only_the_lead_departments_head_assigns_and_approves() {
        assert!(user(Role::DepartmentHead, 1).check_can_assign(1).is_ok());
        assert!(user(Role::DepartmentHead, 1).check_can_approve_extension(1).is_ok());
        for (role, dept) in [(Role::DepartmentHead, 2), (Role::WindowStaff, 1), (Role::OfficeAdmin, 1)] {
            assert_eq!(user(role, dept).check_can_assign(1).unwrap_err().code, ErrorCode::Forbidden);
            assert_eq!(user(role, dept).check_can_approve_extension(1).unwrap_err().code, ErrorCode::Forbidden);
        }
    }

    #[test]
    fn the_office_oversees_but_does_not_dispose() {
        let admin = user(Role::OfficeAdmin, 99);
        assert!(admin.check_can_view(1, &[]).is_ok());
        assert!(admin.check_can_dispose(1).is_err());
        assert!(admin.check_can_dispose(99).is_err());
    }

    #[test]
    fn only_the_office_governs_quotas_and_reviews() {
        assert!(user(Role::OfficeAdmin, 0).check_is_office().is_ok());
        assert_eq!(user(Role::DepartmentHead, 1).check_is_office().unwrap_err().code, ErrorCode::Forbidden);
        assert!(user(Role::OfficeAdmin, 0).check_acts_for(Some(3)).is_ok());
        assert!(user(Role::OfficeAdmin, 0).check_acts_for(None).is_ok());
        assert!(user(Role::WindowStaff, 3).check_acts_for(Some(3)).is_ok());
        assert!(user(Role::WindowStaff, 3).check_acts_for(Some(4)).is_err());
        assert!(user(Role::WindowStaff, 3).check_acts_for(None).is_err());
    }

    #[test]
    fn roles_round_trip() {
        for r in [Role::WindowStaff, Role::DepartmentHead, Role::OfficeAdmin] {
            let s = serde_json::to_value(r).unwrap();
            assert_eq!(Role::parse(s.as_str().unwrap()), Some(r));
        }
    }

    #[test]
    fn sign_in_delays_grow_and_stop_at_the_window() {
        let delays: Vec<i64> = (0..=25).map(login_delay).collect();
        assert!(delays[..LOGIN_FREE_FAILURES as usize].iter().all(|d| *d == 0));
        assert_eq!(&delays[5..10], &[1, 2, 4, 8, 16]);
        assert!(delays.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(delays[25], LOGIN_WINDOW_SECONDS);
        assert_eq!(login_delay(u32::MAX), LOGIN_WINDOW_SECONDS);
    }

    #[test]
    fn sign_in_fields_are_capped() {
        let req = |u: &str, p: &str| LoginRequest { username: u.into(), password: p.into(), code: None };
        assert!(req("scjg_window", "Demo@2026").validate().is_ok());
        assert!(req(&"u".repeat(MAX_USERNAME_CHARS), "x").validate().is_ok());
        assert!(req(&"u".repeat(MAX_USERNAME_CHARS + 1), "x").validate().is_err());
        assert!(req("u", &"p".repeat(MAX_PASSWORD_CHARS + 1)).validate().is_err());
        assert!(req(" ", "x").validate().is_err());
        assert!(req("u", "").validate().is_err());
    }
}
