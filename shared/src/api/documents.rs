//! Document transmission's endpoints (电子公文传输, DOMAIN §4), declared as
//! `endpoints.rs` declares the others; `openapi.rs` visits them too.

use super::{Access, Empty, Endpoint, HotlineRangeParams, Method, Payload};
use crate::documents::figures::DocFigures;
use crate::documents::forms::{DocActionRequest, OutgoingForm, SignLimits};
use crate::documents::receipt::ChainCheck;
use crate::documents::views::{DocList, DocView, ReceiptChain};
use crate::error::ErrorCode::{self, *};
use serde::{Deserialize, Serialize};
use Payload::{Bytes, Json, Multipart, Nothing};

/// `GET /api/documents`: the office's documents (newest first), or a unit's inbox.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocsQuery {
    /// The `next` of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Rows per page, 1–100 (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<String>,
}

/// The multipart form of a document's file: `kind` (`body`: the PDF or
/// OFD body, replacing an earlier one; `attachment`) and the file in `file`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocUpload {
    pub kind: String,
}

endpoints! {
    ListDocs: Get "/api/documents", Staff, "公文传输：县府办的发文，或本单位的收件箱",
        query DocsQuery, body Empty = Nothing, answer 200 DocList = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter];
    CreateDoc: Post "/api/documents", Office, "由已审核编号的发文申请登记发文（紧急程度、签发人、主送抄送、非涉密声明）",
        query Empty, body OutgoingForm = Json, answer 201 DocView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, NotFound, Conflict, PayloadTooLarge, LengthRequired];
    GetDocFigures: Get "/api/documents/figures", Office, "公文传输统计：发文、签收率、签收时长、超时签收",
        query HotlineRangeParams, body Empty = Nothing, answer 200 DocFigures = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, InvalidDate];
    ExportDocFigures: Get "/api/documents/figures.csv", Office, "公文传输统计（CSV）",
        query HotlineRangeParams, body Empty = Nothing, answer 200 Empty = Bytes("text/csv"),
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, InvalidDate];
    GetSignLimits: Get "/api/documents/limits", Office, "紧急公文签收时限",
        query Empty, body Empty = Nothing, answer 200 SignLimits = Json, errors [Unauthenticated, Forbidden, PasswordChangeRequired];
    SaveSignLimits: Post "/api/documents/limits", Office, "修改紧急公文签收时限",
        query Empty, body SignLimits = Json, answer 200 SignLimits = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, PayloadTooLarge, LengthRequired];
    GetDoc: Get "/api/documents/{doc_key}", Staff, "一份公文（发文单位：各收文单位的状态；收文单位：本单位的一份）",
        query Empty, body Empty = Nothing, answer 200 DocView = Json, errors [Unauthenticated, PasswordChangeRequired, NotFound];
    ActOnDoc: Post "/api/documents/{doc_key}/action", Staff, "发送、撤回、催收；打开、签收、退文、办理",
        query Empty, body DocActionRequest = Json, answer 200 DocView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    UploadDocFile: Post "/api/documents/{doc_key}/files", Office, "上传正文（PDF或OFD）或附件",
        query Empty, body DocUpload = Multipart, answer 201 DocView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, InvalidUpload, Conflict, PayloadTooLarge, LengthRequired];
    GetDocFile: Get "/api/documents/{doc_key}/files/{id}", Staff, "公文正文或附件（下载）",
        query Empty, body Empty = Nothing, answer 200 Empty = Bytes("application/octet-stream"),
        errors [Unauthenticated, PasswordChangeRequired, NotFound];
    GetReceipts: Get "/api/documents/{doc_key}/receipts", Office, "签收回执：回执链及其核验（打印）",
        query Empty, body Empty = Nothing, answer 200 ReceiptChain = Json, errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound];
    VerifyReceipts: Get "/api/documents/{doc_key}/verify", Office, "核验回执链是否被改动",
        query Empty, body Empty = Nothing, answer 200 ChainCheck = Json, errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound];
}
