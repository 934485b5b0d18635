//! Limits on what one client may send: request body sizes, checked from
//! `Content-Length` before a byte of the body is read, and the per-address
//! rate of anonymous writes (applications, supplements, ratings) through the
//! platform's rate-limiting binding (`[[ratelimits]]` in wrangler.toml,
//! emulated by `wrangler dev`).

use super::client_ip;
use crate::error::AppError;
use shared::error::{ApiError, ErrorCode};
use worker::{Env, Request};

/// The binding, and what wrangler.toml sets it to (kept here for messages).
const WRITES: &str = "ANONYMOUS_WRITES";
pub const WRITES_PER_MINUTE: u32 = 10;

/// The largest JSON body any endpoint takes (a calendar year is the largest,
/// at a few kilobytes).
pub const MAX_JSON_BYTES: u64 = 64 * 1024;

/// Refuses a body larger than `max` before reading it. A body without a
/// declared length is refused too: it could not be bounded before reading.
pub fn body_within(req: &Request, max: u64) -> Result<(), AppError> {
    let length = req.headers().get("Content-Length")?;
    let Some(length) = length.and_then(|l| l.trim().parse::<u64>().ok()) else {
        return Err(ApiError::new(ErrorCode::LengthRequired, "请求缺少 Content-Length（内容长度），请使用浏览器或标准客户端提交").into());
    };
    if length > max {
        let message = format!("提交内容共{}字节，超过上限{}字节；请减少或压缩文件后重试", length, max);
        return Err(ApiError::new(ErrorCode::PayloadTooLarge, message).into());
    }
    Ok(())
}

/// One anonymous write from this address; 429 past the per-minute limit.
pub async fn anonymous_write(req: &Request, env: &Env) -> Result<(), AppError> {
    let outcome = env.rate_limiter(WRITES)?.limit(format!("write:{}", client_ip(req))).await?;
    if outcome.success {
        Ok(())
    } else {
        let message = format!("提交过于频繁（每个网络地址每分钟最多{WRITES_PER_MINUTE}次），请一分钟后再试");
        Err(ApiError::new(ErrorCode::TooManyRequests, message).into())
    }
}
