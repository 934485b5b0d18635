//! Open311 partners and their API keys: issued by the office, shown once,
//! kept only as a hash, revocable.

use crate::engine::instant::Instant;
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewApiKey {
    /// Who the key is for (市12345平台, a district app…).
    pub partner: String,
}

impl NewApiKey {
    pub fn validate(&self) -> Result<(), ApiError> {
        let n = self.partner.trim().chars().count();
        if n == 0 || n > 50 {
            return Err(ApiError::new(ErrorCode::InvalidParameter, "请填写使用单位（最长50个字）"));
        }
        Ok(())
    }
}

/// A key as the office's list shows it: never the key itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApiKeyView {
    pub id: i64,
    pub partner: String,
    /// The key's last four characters, to tell keys apart.
    pub hint: String,
    pub created_at: Instant,
    pub created_by: String,
    pub revoked_at: Option<Instant>,
    /// Requests posted with it.
    pub uses: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApiKeyList {
    pub items: Vec<ApiKeyView>,
}

/// A new key, shown this once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IssuedApiKey {
    pub id: i64,
    pub partner: String,
    pub key: String,
}
