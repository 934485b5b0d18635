//! Supervision's endpoints (DOMAIN §6): items, tasks and their actions,
//! slips, files, publications, the limit table and the dashboard.

use super::query::*;
use super::{Access, Empty, Endpoint, Method, Payload};
use crate::error::ErrorCode::{self, *};
use crate::supervision::figures::Dashboard;
use crate::supervision::forms::{ItemForm, PublicationForm, TaskForm};
use crate::supervision::limits::LimitTable;
use crate::supervision::task::TaskActionRequest;
use crate::supervision::views::{ItemCreated, ItemList, ItemView, Publication, PublicationList, SlipList, SlipView, TaskList};
use serde::{Deserialize, Serialize};
use Payload::{Bytes, Json, Multipart, Nothing};

/// The multipart form of a file upload: the file in `file`, and the task
/// whose report it belongs to in `task_no` (none: the item's own file).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SupervisionUpload {
    #[serde(default)]
    pub task_no: Option<String>,
}

endpoints! {
    ListItems: Get "/api/supervision/items", Office, "督查事项列表",
        query ItemsQuery, body Empty = Nothing, answer 200 ItemList = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter];
    RegisterItem: Post "/api/supervision/items", Office, "督查事项立项（含由热线热点、差评转来）",
        query Empty, body ItemForm = Json, answer 201 ItemCreated = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, NotFound, Conflict, PayloadTooLarge, LengthRequired];
    GetItem: Get "/api/supervision/items/{item_no}", Staff, "督查事项详情（承办单位只见本单位任务）",
        query Empty, body Empty = Nothing, answer 200 ItemView = Json, errors [Unauthenticated, PasswordChangeRequired, NotFound];
    AddTask: Post "/api/supervision/items/{item_no}/tasks", Office, "分解立项：交办一项任务（发出交办单）",
        query Empty, body TaskForm = Json, answer 201 ItemView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    UploadSupervisionFile: Post "/api/supervision/items/{item_no}/files", Staff, "上传事项附件或办理结果附件",
        query Empty, body SupervisionUpload = Multipart, answer 201 ItemView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, InvalidUpload, Conflict, PayloadTooLarge, LengthRequired];
    GetSupervisionFile: Get "/api/supervision/files/{id}", Staff, "督查事项附件",
        query Empty, body Empty = Nothing, answer 200 Empty = Bytes("application/octet-stream"),
        errors [Unauthenticated, PasswordChangeRequired, NotFound];
    ListSupervisionTasks: Get "/api/supervision/tasks", Staff, "督办任务（承办单位：本单位收件箱；县府办：全部），按时限排序",
        query SupervisionTasksQuery, body Empty = Nothing, answer 200 TaskList = Json,
        errors [Unauthenticated, PasswordChangeRequired, InvalidParameter];
    ActOnTask: Post "/api/supervision/tasks/{task_no}/action", Staff, "报送进展和结果、配合意见、延期、审核、呈报、销号、后续交办",
        query Empty, body TaskActionRequest = Json, answer 200 ItemView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    ListSlips: Get "/api/supervision/slips", Staff, "交办单、催办单、督办通知单（承办单位：本单位）",
        query SlipsQuery, body Empty = Nothing, answer 200 SlipList = Json,
        errors [Unauthenticated, PasswordChangeRequired, InvalidParameter];
    GetSlip: Get "/api/supervision/slips/{id}", Staff, "一张督办单（打印）",
        query Empty, body Empty = Nothing, answer 200 SlipView = Json, errors [Unauthenticated, PasswordChangeRequired, NotFound];
    GetLimitTable: Get "/api/supervision/limits", Office, "默认办理时限表（按来源和紧急程度）",
        query Empty, body Empty = Nothing, answer 200 LimitTable = Json, errors [Unauthenticated, Forbidden, PasswordChangeRequired];
    SaveLimitTable: Post "/api/supervision/limits", Office, "修改默认办理时限表",
        query Empty, body LimitTable = Json, answer 200 LimitTable = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, PayloadTooLarge, LengthRequired];
    ListPublications: Get "/api/supervision/publications", Office, "《政务督查》和督查专报",
        query Empty, body Empty = Nothing, answer 200 PublicationList = Json, errors [Unauthenticated, Forbidden, PasswordChangeRequired];
    Publish: Post "/api/supervision/publications", Office, "编发一期《政务督查》或督查专报",
        query Empty, body PublicationForm = Json, answer 201 Publication = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, NotFound, PayloadTooLarge, LengthRequired];
    GetSupervisionDashboard: Get "/api/supervision/dashboard", Office, "督查督办统计：按来源、状态和颜色，按单位的按期办结率，逾期清单",
        query HotlineRangeParams, body Empty = Nothing, answer 200 Dashboard = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, InvalidDate];
    ExportSupervisionFigures: Get "/api/supervision/dashboard.csv", Office, "督查督办统计（CSV）",
        query HotlineRangeParams, body Empty = Nothing, answer 200 Empty = Bytes("text/csv"),
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, InvalidDate];
}
