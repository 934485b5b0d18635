//! Information's endpoints (DOMAIN §7): items and what each side does with
//! them, the office's numbered issues and their print view, the year's
//! scoring rules, the league table and the figures, with their CSVs.

use super::{Access, Empty, Endpoint, Method, Payload, RangeParams, YearParams};
use crate::error::ErrorCode::{self, *};
use crate::information::figures::InfoFigures;
use crate::information::item::{InfoActionRequest, SubmissionForm};
use crate::information::research::{DecisionForm, ResearchForm, ResearchList, ResearchView, StudyForm, StudyView};
use crate::information::scoring::ScoreRules;
use crate::information::views::{
    CommissionForm, CommissionList, CommissionView, EmergencyList, InfoItemList, InfoItemView, IssueForm, IssueList, IssueSummary,
    IssueView, League,
};
use serde::{Deserialize, Serialize};
use Payload::{Bytes, Json, Nothing};

/// `GET /api/information/items`: one page of items, newest first (a unit:
/// its own and its joint ones; the office: every unit's).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InfoItemsQuery {
    /// One state only (`submitted`, `returned`, `adopted`, `declined`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The `next` of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Rows per page, 1–100 (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<String>,
}

endpoints! {
    ListInfoItems: Get "/api/information/items", Staff, "信息列表（报送单位：本单位；县府办：全部）",
        query InfoItemsQuery, body Empty = Nothing, answer 200 InfoItemList = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter];
    SubmitInfoItem: Post "/api/information/items", Staff, "报送一条信息（可联合报送）",
        query Empty, body SubmissionForm = Json, answer 201 InfoItemView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    GetInfoItem: Get "/api/information/items/{item_no}", Staff, "一条信息及其办理记录",
        query Empty, body Empty = Nothing, answer 200 InfoItemView = Json, errors [Unauthenticated, PasswordChangeRequired, NotFound];
    ActOnInfoItem: Post "/api/information/items/{item_no}/action", Staff, "重新报送、采用、退回、不予采用、撤销采用、转报、上级采用、领导批示",
        query Empty, body InfoActionRequest = Json, answer 200 InfoItemView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    ExportInfoItems: Get "/api/information/items.csv", Office, "信息采用情况（CSV）",
        query YearParams, body Empty = Nothing, answer 200 Empty = Bytes("text/csv"),
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter];
    ListInfoIssues: Get "/api/information/issues", Office, "《政务信息》、专报、增刊各期",
        query YearParams, body Empty = Nothing, answer 200 IssueList = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter];
    CreateInfoIssue: Post "/api/information/issues", Office, "新编一期（按刊物和年度自动编期号）",
        query Empty, body IssueForm = Json, answer 201 IssueSummary = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    GetInfoIssue: Get "/api/information/issues/{id}", Office, "一期刊物及其刊发的信息（打印）",
        query Empty, body Empty = Nothing, answer 200 IssueView = Json, errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound];
    GetScoreRules: Get "/api/information/rules", Office, "年度信息计分规则",
        query YearParams, body Empty = Nothing, answer 200 ScoreRules = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter];
    SaveScoreRules: Post "/api/information/rules", Office, "修改年度信息计分规则（已记的分按新规则不追溯）",
        query Empty, body ScoreRules = Json, answer 200 ScoreRules = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, PayloadTooLarge, LengthRequired];
    GetLeague: Get "/api/information/league", Staff, "信息工作排名（含计分公式和本月未完成报送任务的单位）",
        query YearParams, body Empty = Nothing, answer 200 League = Json,
        errors [Unauthenticated, PasswordChangeRequired, InvalidParameter];
    ExportLeague: Get "/api/information/league.csv", Staff, "信息工作排名（CSV）",
        query YearParams, body Empty = Nothing, answer 200 Empty = Bytes("text/csv"),
        errors [Unauthenticated, PasswordChangeRequired, InvalidParameter];
    ListCommissions: Get "/api/information/commissions", Staff, "约稿（报送单位：向本单位的约稿；县府办：全部），含未按期报送和可能年度归零的单位",
        query YearParams, body Empty = Nothing, answer 200 CommissionList = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter];
    CreateCommission: Post "/api/information/commissions", Office, "发出约稿（主题、单位、期限）",
        query Empty, body CommissionForm = Json, answer 201 CommissionView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, PayloadTooLarge, LengthRequired];
    ListEmergencies: Get "/api/information/emergencies", Staff, "紧急信息：按事件的首报、续报、终报及首报是否超时",
        query YearParams, body Empty = Nothing, answer 200 EmergencyList = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter];
    ListResearch: Get "/api/information/research", Office, "调研报告（含未报送的执笔人和季度）、领导批示、《工作研究》",
        query YearParams, body Empty = Nothing, answer 200 ResearchList = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter];
    SubmitResearch: Post "/api/information/research", Office, "报送本人一个季度的调研报告（每人每季度一篇）",
        query Empty, body ResearchForm = Json, answer 201 ResearchView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    RecordDecision: Post "/api/information/research/{id}/decision", Office, "记录调研报告进入领导决策（批示为证）",
        query Empty, body DecisionForm = Json, answer 200 ResearchView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    PublishStudy: Post "/api/information/studies", Office, "编发一期《工作研究》及其文章",
        query Empty, body StudyForm = Json, answer 201 StudyView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    GetInfoFigures: Get "/api/information/figures", Office, "信息调研统计与报告口径",
        query RangeParams, body Empty = Nothing, answer 200 InfoFigures = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, InvalidDate];
}
