//! Staff accounts as the office and department heads keep them: who may
//! administer whom, the password policy, and the last office admin.

use super::Problems;
use crate::error::{ApiError, ErrorCode};
use crate::staff::{Role, StaffUser};
use serde::{Deserialize, Serialize};

/// An account as the administration lists it (never its password).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub name: String,
    pub role: Role,
    pub department_id: Option<i64>,
    pub department_name: Option<String>,
    pub active: bool,
    /// Signs in with a one-time password and must choose a new one first.
    pub must_change_password: bool,
    pub version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AccountList {
    pub accounts: Vec<Account>,
}

/// A new account; the server answers with its one-time password.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewAccount {
    pub username: String,
    pub name: String,
    pub role: Option<Role>,
    /// The department (`None` for an office admin).
    pub department_id: Option<i64>,
}

/// A change to an account: its name, role, department and whether it is
/// active, with the version read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AccountSave {
    pub name: String,
    pub role: Role,
    pub department_id: Option<i64>,
    pub active: bool,
    pub version: i64,
}

/// A one-time password, shown once to the administrator who made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OneTimePassword {
    pub account: Account,
    pub password: String,
}

/// A reset names the version read, like every other change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PasswordReset {
    pub version: i64,
}

/// The signed-in member's own change of password.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
}

pub const MIN_PASSWORD_CHARS: usize = 10;

/// How long a one-time password (a new account's, or a reset's) signs in:
/// one left unused past this is refused, and the administrator issues a
/// new one (ASVS 5.0 6.4.1: initial secrets expire after a short time).
pub const ONE_TIME_PASSWORD_HOURS: i64 = 72;

/// Whether a one-time password issued at `issued_unix` (seconds) has
/// expired at `now_unix`.
pub fn one_time_password_expired(issued_unix: i64, now_unix: i64) -> bool {
    now_unix - issued_unix > ONE_TIME_PASSWORD_HOURS * 3600
}

/// Passwords people choose first; refused whatever their length.
/// A refusal of the new password, on its field.
fn refused(m: String) -> ApiError {
    ApiError::with_fields(ErrorCode::InvalidParameter, m.clone(), vec![crate::error::FieldError { field: "new".into(), message: m }])
}

/// How a password is looked up among the common ones (the Worker's
/// `common_password` table, migration 0023): lowercased.
pub fn common_password_key(password: &str) -> String {
    password.to_lowercase()
}

/// The refusal of a password found among the common ones.
pub fn common_password() -> ApiError {
    refused("这是常见密码，请换一个不易猜到的".into())
}

/// The password policy (ASVS 5.0 §6.2): length, not only digits, not the
/// user name; no composition rules beyond that. Not a common password
/// either: the Worker looks that up ([`common_password_key`]).
pub fn check_password(username: &str, password: &str) -> Result<(), ApiError> {
    let bad = |m: String| Err(refused(m));
    let n = password.chars().count();
    let lower = password.to_lowercase();
    if n < MIN_PASSWORD_CHARS {
        return bad(format!("新密码至少{MIN_PASSWORD_CHARS}个字符"));
    }
    if n > crate::staff::MAX_PASSWORD_CHARS {
        return bad(format!("新密码最长{}个字符", crate::staff::MAX_PASSWORD_CHARS));
    }
    if password.chars().all(|c| c.is_ascii_digit()) {
        return bad("新密码不能全是数字".into());
    }
    if password.chars().all(|c| password.starts_with(c)) {
        return bad("新密码不能由同一个字符组成".into());
    }
    if !username.trim().is_empty() && lower.contains(&username.trim().to_lowercase()) {
        return bad("新密码不能包含用户名".into());
    }
    Ok(())
}

impl NewAccount {
    pub fn validate(&self) -> Result<Role, ApiError> {
        let mut p = Problems::default();
        let u = self.username.trim();
        if u.is_empty() {
            p.add("username", "请填写用户名");
        } else if !(3..=32).contains(&u.len()) || !u.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.') {
            p.add("username", "用户名为 3–32 位字母、数字、下划线或点");
        }
        p.text("name", "姓名", &self.name, 20);
        if self.role.is_none() {
            p.add("role", "请选择角色");
        }
        p.finish("账号信息有误，请按提示修改")?;
        let role = self.role.unwrap_or(Role::WindowStaff);
        check_placement(role, self.department_id)?;
        Ok(role)
    }
}

impl AccountSave {
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        p.text("name", "姓名", &self.name, 20);
        p.finish("账号信息有误，请按提示修改")?;
        check_placement(self.role, self.department_id)
    }
}

/// Office admins belong to no department; everyone else to one.
fn check_placement(role: Role, department: Option<i64>) -> Result<(), ApiError> {
    match (role, department) {
        (Role::OfficeAdmin, None) | (Role::WindowStaff | Role::DepartmentHead, Some(_)) => Ok(()),
        (Role::OfficeAdmin, Some(_)) => Err(ApiError::new(ErrorCode::InvalidParameter, "县府办管理员不属于任何部门，请不选部门")),
        (_, None) => Err(ApiError::new(ErrorCode::InvalidParameter, "窗口工作人员和部门负责人须选择所在部门")),
    }
}

impl StaffUser {
    /// May this member administer accounts of `department` with `role`?
    /// The office: any account. A department head: window staff and heads
    /// of their own department. Window staff: none.
    pub fn check_can_administer(&self, role: Role, department: Option<i64>) -> Result<(), ApiError> {
        match self.role {
            Role::OfficeAdmin => Ok(()),
            Role::DepartmentHead if role != Role::OfficeAdmin && department.is_some() && department == self.department_id => Ok(()),
            Role::DepartmentHead => Err(ApiError::new(ErrorCode::Forbidden, "部门负责人只能管理本部门的工作人员账号")),
            Role::WindowStaff => Err(ApiError::new(ErrorCode::Forbidden, "账号管理仅限县府办管理员和部门负责人")),
        }
    }
}

/// Refuses a change that would leave no active office admin: someone must
/// always be able to administer the county.
pub fn check_keeps_an_admin(before: &Account, after_role: Role, after_active: bool, active_admins: u32) -> Result<(), ApiError> {
    let was = before.active && before.role == Role::OfficeAdmin;
    let stays = after_active && after_role == Role::OfficeAdmin;
    if was && !stays && active_admins <= 1 {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "这是最后一个在岗的县府办管理员账号，不能停用或改为其他角色；请先为他人开设管理员账号",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_time_passwords_last_three_days() {
        let issued = 1_790_000_000;
        assert!(!one_time_password_expired(issued, issued));
        assert!(!one_time_password_expired(issued, issued + 72 * 3600));
        assert!(one_time_password_expired(issued, issued + 72 * 3600 + 1));
    }

    fn user(role: Role, department_id: Option<i64>) -> StaffUser {
        StaffUser {
            id: 1,
            username: "u".into(),
            name: "甲".into(),
            role,
            department_id,
            department_name: None,
            must_change_password: false,
            must_set_up_second_factor: false,
        }
    }

    fn account(role: Role, active: bool) -> Account {
        let department_id = (role != Role::OfficeAdmin).then_some(3);
        Account {
            id: 9,
            username: "x".into(),
            name: "乙".into(),
            role,
            department_id,
            department_name: None,
            active,
            must_change_password: false,
            version: 1,
        }
    }

    #[test]
    fn who_administers_whom() {
        let office = user(Role::OfficeAdmin, None);
        let head = user(Role::DepartmentHead, Some(3));
        let window = user(Role::WindowStaff, Some(3));
        for role in Role::ALL {
            let dept = (role != Role::OfficeAdmin).then_some(4);
            assert!(office.check_can_administer(role, dept).is_ok());
            assert!(window.check_can_administer(role, Some(3)).is_err());
        }
        assert!(head.check_can_administer(Role::WindowStaff, Some(3)).is_ok());
        assert!(head.check_can_administer(Role::DepartmentHead, Some(3)).is_ok());
        assert!(head.check_can_administer(Role::WindowStaff, Some(4)).is_err());
        assert!(head.check_can_administer(Role::OfficeAdmin, None).is_err());
        assert!(head.check_can_administer(Role::WindowStaff, None).is_err());
    }

    #[test]
    fn the_last_admin_stays() {
        let admin = account(Role::OfficeAdmin, true);
        assert!(check_keeps_an_admin(&admin, Role::OfficeAdmin, false, 1).is_err());
        assert!(check_keeps_an_admin(&admin, Role::WindowStaff, true, 1).is_err());
        assert!(check_keeps_an_admin(&admin, Role::OfficeAdmin, false, 2).is_ok());
        assert!(check_keeps_an_admin(&admin, Role::OfficeAdmin, true, 1).is_ok());
        // Someone else's account never counts against the rule.
        assert!(check_keeps_an_admin(&account(Role::WindowStaff, true), Role::WindowStaff, false, 1).is_ok());
        assert!(check_keeps_an_admin(&account(Role::OfficeAdmin, false), Role::OfficeAdmin, false, 1).is_ok());
    }

    #[test]
    fn password_policy() {
        assert!(check_password("zhang", "Spring-River-42").is_ok());
        for bad in ["short1!", "12345678901", "aaaaaaaaaaaa", "my-zhang-password"] {
            assert!(check_password("zhang", bad).is_err(), "{bad}");
        }
        // Common passwords are looked up by their lowercase form (the table
        // holds them lowercased), and refused on the same field.
        assert_eq!(common_password_key("Password123"), "password123");
        assert_eq!(common_password().fields[0].field, "new");
    }

    #[test]
    fn placement_follows_the_role() {
        let ok = NewAccount { username: "li.na".into(), name: "李娜".into(), role: Some(Role::WindowStaff), department_id: Some(2) };
        assert_eq!(ok.validate(), Ok(Role::WindowStaff));
        assert!(NewAccount { department_id: None, ..ok.clone() }.validate().is_err());
        assert!(NewAccount { role: Some(Role::OfficeAdmin), ..ok.clone() }.validate().is_err());
        assert!(NewAccount { role: Some(Role::OfficeAdmin), department_id: None, ..ok.clone() }.validate().is_ok());
        assert!(NewAccount { username: "李娜".into(), ..ok }.validate().is_err());
    }
}
