//! The efficiency complaints' endpoints (DOMAIN §6), declared as
//! `endpoints.rs` declares the others; `openapi.rs` visits them too.

use super::{Access, Empty, Endpoint, Method, Payload};
use crate::complaints::complaint::ComplaintActionRequest;
use crate::complaints::figures::ComplaintFigures;
use crate::complaints::intake::{ComplaintForm, ComplaintReceipt, StaffIntakeForm};
use crate::complaints::views::{ComplaintCode, ComplaintList, ComplaintView, Evidence, PublicComplaint};
use crate::error::ErrorCode::{self, *};
use serde::{Deserialize, Serialize};
use Payload::{Bytes, Json, Multipart, Nothing};

/// `GET /api/complaints`: one page of complaints.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComplaintsQuery {
    /// `open` (default: by deadline, oldest arrival first without one),
    /// `closed` (latest first) or `all` (newest first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<String>,
    /// One state only (`received`, `handling`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// A complaint number (≤ 30 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// The `next` of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Rows per page, 1–100 (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<String>,
}

/// `GET /api/complaints/figures` and its CSV.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComplaintRangeParams {
    /// YYYY-MM-DD (default: 1 January this year)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// YYYY-MM-DD (default: today)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// The list of evidence files of a complaint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EvidenceList {
    pub items: Vec<Evidence>,
}

/// The fields of an evidence upload besides its files (`evidence` parts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EvidenceUpload {
    /// The complaint's version read (as with every change).
    pub version: i64,
}

endpoints! {
    SubmitComplaint: Post "/api/complaints", Public, "效能投诉与咨询（可匿名；请求头 Idempotency-Key，重复提交得到同一回执）",
        query Empty, body ComplaintForm = Json, answer 201 ComplaintReceipt = Json,
        errors [InvalidParameter, InvalidApplication, IdempotencyMismatch, InProgress, TooManyRequests, PayloadTooLarge, LengthRequired];
    TrackComplaint: Post "/api/complaints/track/{complaint_no}", Public, "凭投诉编号和查询码查询办理结果（查询码在请求体中，不进网址）",
        query Empty, body ComplaintCode = Json, answer 200 PublicComplaint = Json,
        errors [InvalidParameter, NotFound, TooManyRequests, PayloadTooLarge, LengthRequired];
    IntakeComplaint: Post "/api/complaints/intake", Office, "效能投诉登记：来电、来信、来访（请求头 Idempotency-Key）",
        query Empty, body StaffIntakeForm = Json, answer 201 ComplaintReceipt = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, InvalidApplication, IdempotencyMismatch, InProgress, PayloadTooLarge, LengthRequired];
    ListComplaints: Get "/api/complaints", Staff, "效能投诉列表（县府办：全部；承办单位：交办或转办给本单位的，不含投诉人信息）",
        query ComplaintsQuery, body Empty = Nothing, answer 200 ComplaintList = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter];
    GetComplaint: Get "/api/complaints/{complaint_no}", Staff, "效能投诉详情",
        query Empty, body Empty = Nothing, answer 200 ComplaintView = Json, errors [Unauthenticated, PasswordChangeRequired, NotFound];
    ActOnComplaint: Post "/api/complaints/{complaint_no}/action", Staff, "答复咨询、受理决定、延期、调查、追责、办结、回访",
        query Empty, body ComplaintActionRequest = Json, answer 200 ComplaintView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    UploadEvidence: Post "/api/complaints/{complaint_no}/evidence", Staff, "上传调查证据（JPEG、PNG、PDF，规则同申请材料）",
        query Empty, body EvidenceUpload = Multipart, answer 200 ComplaintView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, InvalidUpload, Conflict, PayloadTooLarge, LengthRequired];
    GetEvidence: Get "/api/complaints/{complaint_no}/evidence/{id}", Staff, "查看调查证据",
        query Empty, body Empty = Nothing, answer 200 Empty = Bytes("application/octet-stream"),
        errors [Unauthenticated, PasswordChangeRequired, NotFound];
    GetComplaintFigures: Get "/api/complaints/figures", Office, "效能投诉统计（收件、咨询答复、按时办结、属实，附计算公式）",
        query ComplaintRangeParams, body Empty = Nothing, answer 200 ComplaintFigures = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, InvalidDate];
    ExportComplaintFigures: Get "/api/complaints/figures.csv", Office, "效能投诉统计（CSV）",
        query ComplaintRangeParams, body Empty = Nothing, answer 200 Empty = Bytes("text/csv"),
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, InvalidDate];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_complaint_route_shadows_another() {
        let seg = |p: &'static str| p.trim_matches('/').split('/').collect::<Vec<_>>();
        // `/api/complaints/figures` is declared after `/{complaint_no}`:
        // the router must try the fixed paths first (see router.rs).
        assert_eq!(GetComplaintFigures::matches(Method::Get, &seg("/api/complaints/figures")), Some(vec![]));
        assert_eq!(TrackComplaint::matches(Method::Post, &seg("/api/complaints/track/XT1")), Some(vec!["XT1"]));
    }
}
