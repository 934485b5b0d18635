//! Limits on what one client may send: request body sizes, checked from
//! `Content-Length` before a byte of the body is read, and the per-address
//! rates of anonymous writes (applications, supplements, ratings) and of
//! tracking look-ups (per address, and per case or ticket number from any
//! address) and Open311 partners' posts (per key) through the platform's
//! rate-limiting bindings
//! (`[[ratelimits]]` in wrangler.toml, emulated by `wrangler dev`): no D1
//! write per request.

use super::client_ip;
use crate::error::AppError;
use shared::error::{ApiError, ErrorCode};
use worker::{Env, Request};

/// The bindings, and what wrangler.toml sets them to (kept here for messages).
const WRITES: &str = "ANONYMOUS_WRITES";
pub const WRITES_PER_MINUTE: u32 = 10;
const LOOKUPS: &str = "TRACKING_LOOKUPS";
pub const LOOKUPS_PER_MINUTE: u32 = 30;
const NUMBER_LOOKUPS: &str = "NUMBER_LOOKUPS";
pub const NUMBER_LOOKUPS_PER_MINUTE: u32 = 20;
const PARTNER_POSTS: &str = "PARTNER_POSTS";
pub const PARTNER_POSTS_PER_MINUTE: u32 = 60;

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
    let message = format!("提交过于频繁（每个网络地址每分钟最多{WRITES_PER_MINUTE}次），请一分钟后再试");
    per_address(req, env, WRITES, "write", message).await
}

/// One tracking look-up from this address; 429 past the per-minute limit.
pub async fn tracking_lookup(req: &Request, env: &Env) -> Result<(), AppError> {
    let message = format!("查询过于频繁（每个网络地址每分钟最多{LOOKUPS_PER_MINUTE}次），请一分钟后再试");
    per_address(req, env, LOOKUPS, "track", message).await
}

/// One look-up of case or ticket `number`, from any address: guessing one
/// number's 8-digit code from many addresses gets 20 tries a minute in all (the 10^8 codes would take years).
pub async fn number_lookup(env: &Env, number: &str) -> Result<(), AppError> {
    let outcome = env.rate_limiter(NUMBER_LOOKUPS)?.limit(format!("number:{number}")).await?;
    if outcome.success {
        Ok(())
    } else {
        let message = format!("该编号查询过于频繁（每个编号每分钟最多{NUMBER_LOOKUPS_PER_MINUTE}次），请一分钟后再试");
        Err(ApiError::new(ErrorCode::TooManyRequests, message).into())
    }
}

/// One request posted with the Open311 key whose hash is `key_hash`, from
/// any address; 429 past the per-minute limit.
pub async fn partner_post(env: &Env, key_hash: &str) -> Result<(), AppError> {
    let outcome = env.rate_limiter(PARTNER_POSTS)?.limit(format!("partner:{key_hash}")).await?;
    if outcome.success {
        Ok(())
    } else {
        let message = format!("该接口密钥提交过于频繁（每个密钥每分钟最多{PARTNER_POSTS_PER_MINUTE}件），请一分钟后再试");
        Err(ApiError::new(ErrorCode::TooManyRequests, message).into())
    }
}

async fn per_address(req: &Request, env: &Env, binding: &str, kind: &str, message: String) -> Result<(), AppError> {
    let outcome = env.rate_limiter(binding)?.limit(format!("{kind}:{}", client_ip(req))).await?;
    if outcome.success {
        Ok(())
    } else {
        Err(ApiError::new(ErrorCode::TooManyRequests, message).into())
    }
}
