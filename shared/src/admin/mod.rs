//! Administration (DOMAIN.md §9): what a county keeps in the app itself
//! instead of in code or SQL: its settings, departments and member units,
//! unit groups, intermediaries, staff accounts and the versioned matter
//! catalogue. Each rule here is checked by the Worker at the boundary and
//! by the staff pages before sending.

pub mod accounts;
pub mod catalogue;
pub mod catalogue_csv;
pub mod settings;
pub mod units;

use crate::error::{ApiError, ErrorCode, FieldError};

/// Collects per-field problems of one form, then answers them all at once.
#[derive(Default)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError { field: field.into(), message: message.into() });
    }

    /// A required text of at most `max` characters (after trimming).
    pub fn text(&mut self, field: &str, label: &str, value: &str, max: usize) {
        let n = value.trim().chars().count();
        if n == 0 {
            self.add(field, format!("请填写{label}"));
        } else if n > max {
            self.add(field, format!("{label}最长{max}个字"));
        }
    }

    /// An optional text of at most `max` characters.
    pub fn optional_text(&mut self, field: &str, label: &str, value: &str, max: usize) {
        if value.trim().chars().count() > max {
            self.add(field, format!("{label}最长{max}个字"));
        }
    }

    /// A phone number as people write it: digits, with `-`, spaces or
    /// parentheses between them (0000-1234567, 12345, (0000) 1234567).
    pub fn phone(&mut self, field: &str, label: &str, value: &str) {
        let v = value.trim();
        let digits = v.chars().filter(char::is_ascii_digit).count();
        let allowed = v.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | ' ' | '(' | ')'));
        if v.is_empty() {
            self.add(field, format!("请填写{label}"));
        } else if !allowed || !(3..=20).contains(&digits) {
            self.add(field, format!("{label}只能包含数字和“-”，如 0000-1234567"));
        }
    }

    /// `Ok` if nothing was added, else one error with every field's message.
    pub fn finish(self, summary: &str) -> Result<(), ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError::with_fields(ErrorCode::InvalidParameter, summary, self.0))
        }
    }
}
