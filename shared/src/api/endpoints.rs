//! Every endpoint of the API, once. One declared here but not routed by the
//! Worker (`backend/src/router.rs`) fails `tests/api/openapi.test.mjs`,
//! which calls every operation of the generated document.

use super::query::*;
use super::{Access, Done, Empty, Endpoint, Health, Method, Payload};
use crate::admin::accounts::{Account, AccountList, AccountSave, NewAccount, OneTimePassword, PasswordChange, PasswordReset};
use crate::admin::catalogue::{DraftSave, NewDraft, VersionAction, VersionDetail, VersionList};
use crate::admin::catalogue_csv::{CatalogueImport, ImportReport};
use crate::admin::settings::SettingsView;
use crate::admin::units::{
    Intermediary, IntermediaryForm, IntermediaryList, Unit, UnitGroup, UnitGroupList, UnitGroupSave, UnitList, UnitSave,
};
use crate::approvals::application::ApplicationUpload;
use crate::approvals::case::{
    ApplicantData, ApplicantDataRequest, DispositionRequest, Inbox, OfficeOverview, PersonalData, Receipt, StaffCaseView, SupplementUpload,
    TrackView, WarningList,
};
use crate::approvals::evaluation::{EvaluationRequest, RectificationRequest, ReviewItem, VerificationRequest};
use crate::approvals::matter::{DepartmentList, MatterDetail, MatterList};
use crate::approvals::stats::CentreStats;
use crate::engine::calendar::{CalendarYearView, RederiveProgress, YearCalendar};
use crate::engine::case_action::CaseActionRequest;
use crate::engine::deadline::DeadlineAnswer;
use crate::error::ErrorCode::{self, *};
use crate::hotline::catalogue::{Category, CategoryList, CategorySave, KnowledgeItem, KnowledgeList, KnowledgeSave};
use crate::hotline::figures::{Bulletin, HotlineFigures};
use crate::hotline::hotspots::HotspotList;
use crate::hotline::intake::{CallerForm, DispositionRequest as TicketDisposition, IntakeForm, TicketReceipt};
use crate::hotline::partners::{ApiKeyList, IssuedApiKey, NewApiKey};
use crate::hotline::ticket::TicketActionRequest;
use crate::hotline::views::{PublicTicket, QueryCode, RatingRequest, TicketList, TicketView};
use crate::notify::inbox::StaffInbox;
use crate::notify::{NoticeList, NoticeRow, SmsChoice};
use crate::report::Report;
use crate::second_factor::{PasswordAndCode, RecoveryCodes, SecondFactorSetup, SecondFactorStatus};
use crate::security::SecurityEventList;
use crate::staff::{Colleague, EndSessions, LoginRequest, SessionList, SessionsEnded, StaffUser};
use crate::streamline::quota::Dashboard;
use crate::streamline::{
    DocumentList, DocumentRecord, DocumentRequest, MeetingForm, MeetingList, MeetingRecord, NewPlanItem, OfficeEventList, PlanItem,
    PlanList, QuotaEntry, QuotaList, ReviewRequest,
};

use Payload::{Bytes, Json, Multipart, Nothing};

endpoints! {
    /// The no-op route: latency under load is measured against it.
    GetHealth: Get "/api/health", Public, "健康检查",
        query Empty, body Empty = Nothing, answer 200 Health = Json, errors [];
    /// The office Worker's no-op, passed on by the portal (backend/src/
    /// split.rs): what that hop costs, and whether the office Worker answers.
    GetOfficeHealth: Get "/api/health/office", Public, "健康检查（业务 Worker）",
        query Empty, body Empty = Nothing, answer 200 Health = Json, errors [];
    GetOpenApi: Get "/api/openapi.json", Public, "本接口说明（OpenAPI 3.1）",
        query Empty, body Empty = Nothing, answer 200 Empty = Bytes("application/json"), errors [];

    // ---- the public catalogue, calendar, applications and tracking ----
    ListDepartments: Get "/api/departments", Public, "进驻部门及其窗口",
        query Empty, body Empty = Nothing, answer 200 DepartmentList = Json, errors [];
    ListMatters: Get "/api/matters", Public, "办事指南目录（可按部门筛选、按关键词查找）",
        query MattersQuery, body Empty = Nothing, answer 200 MatterList = Json, errors [InvalidParameter];
    GetMatter: Get "/api/matters/{id}", Public, "一个事项的办事指南（九公开）",
        query Empty, body Empty = Nothing, answer 200 MatterDetail = Json, errors [NotFound];
    GetDeadline: Get "/api/calendar/deadline", Public, "按法定工作日计算办结期限",
        query DeadlineParams, body Empty = Nothing, answer 200 DeadlineAnswer = Json,
        errors [MissingParameter, InvalidDate, InvalidDays];
    SubmitApplication: Post "/api/applications", Public, "在线申请（请求头 Idempotency-Key；重复提交得到同一回执）",
        query Empty, body ApplicationUpload = Multipart, answer 201 Receipt = Json,
        errors [InvalidParameter, InvalidApplication, InvalidUpload, NotFound, IdempotencyMismatch, InProgress,
                TooManyRequests, PayloadTooLarge, LengthRequired];
    TrackCase: Post "/api/track/{case_no}", Public, "凭办件编号和查询码查询办件进度（查询码在请求体中，不进网址）",
        query Empty, body QueryCode = Json, answer 200 TrackView = Json,
        errors [InvalidParameter, NotFound, TooManyRequests, PayloadTooLarge, LengthRequired];
    TrackQr: Post "/api/track/{case_no}/qr.svg", Public, "回执上查询链接（查询码在网址片段中）的二维码（查询码在请求体中）",
        query Empty, body QueryCode = Json, answer 200 Empty = Bytes("image/svg+xml"),
        errors [InvalidParameter, NotFound, PayloadTooLarge, LengthRequired];
    Supplement: Post "/api/track/{case_no}/supplement", Public, "补正材料",
        query Empty, body SupplementUpload = Multipart, answer 200 TrackView = Json,
        errors [InvalidParameter, InvalidUpload, NotFound, Conflict, TooManyRequests, PayloadTooLarge, LengthRequired];
    Rate: Post "/api/track/{case_no}/evaluation", Public, "办结后评价（好差评）",
        query Empty, body EvaluationRequest = Json, answer 200 TrackView = Json,
        errors [InvalidParameter, NotFound, Conflict, TooManyRequests, PayloadTooLarge, LengthRequired];
    ChooseSms: Post "/api/track/{case_no}/sms", Public, "申请人选择是否接收短信通知（查询码在请求体中）",
        query Empty, body SmsChoice = Json, answer 200 TrackView = Json,
        errors [InvalidParameter, NotFound, TooManyRequests, PayloadTooLarge, LengthRequired];

    // ---- staff: sign-in, the inbox, a case and what staff do with it ----
    Login: Post "/api/staff/login", Public, "工作人员登录",
        query Empty, body LoginRequest = Json, answer 200 StaffUser = Json,
        errors [InvalidParameter, Unauthenticated, SecondFactorRequired, TooManyRequests, PayloadTooLarge, LengthRequired];
    Logout: Post "/api/staff/logout", Public, "退出登录",
        query Empty, body Empty = Nothing, answer 200 Done = Json, errors [];
    Me: Get "/api/staff/me", Staff, "当前登录的工作人员",
        query Empty, body Empty = Nothing, answer 200 StaffUser = Json, errors [Unauthenticated];
    ListCases: Get "/api/staff/cases", Staff, "办件列表（分页）或查找办件",
        query InboxQuery, body Empty = Nothing, answer 200 Inbox = Json, errors [Unauthenticated, InvalidParameter];
    GetCase: Get "/api/staff/cases/{case_no}", Staff, "办件详情（身份证件号码和手机号码打码）",
        query Empty, body Empty = Nothing, answer 200 StaffCaseView = Json, errors [Unauthenticated, NotFound];
    RevealPersonalData: Post "/api/staff/cases/{case_no}/personal-data", Staff, "查看申请人完整的身份证件号码和手机号码（记入安全日志）",
        query Empty, body Empty = Nothing, answer 200 PersonalData = Json, errors [Unauthenticated, NotFound];
    ExportApplicantData: Post "/api/office/applicant-data", Office, "导出一位申请人的全部个人信息与办件（个人信息保护法，记入安全日志）",
        query Empty, body ApplicantDataRequest = Json, answer 200 ApplicantData = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, PayloadTooLarge, LengthRequired];
    Dispose: Post "/api/staff/cases/{case_no}/disposition", Staff, "受理处置（六类）",
        query Empty, body DispositionRequest = Json, answer 200 StaffCaseView = Json,
        errors [Unauthenticated, Forbidden, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    ActOnCase: Post "/api/staff/cases/{case_no}/action", Staff, "暂停、恢复计时，延期，办结，分派",
        query Empty, body CaseActionRequest = Json, answer 200 StaffCaseView = Json,
        errors [Unauthenticated, Forbidden, NotFound, InvalidParameter, InvalidDays, Conflict, PayloadTooLarge, LengthRequired];
    VerifyReview: Post "/api/staff/cases/{case_no}/verification", Office, "县府办核实差评",
        query Empty, body VerificationRequest = Json, answer 200 StaffCaseView = Json,
        errors [Unauthenticated, Forbidden, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    Rectify: Post "/api/staff/cases/{case_no}/rectification", Staff, "部门报告差评整改",
        query Empty, body RectificationRequest = Json, answer 200 StaffCaseView = Json,
        errors [Unauthenticated, Forbidden, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    ListReviews: Get "/api/staff/reviews", Staff, "差评核实与整改列表",
        query ReviewsQuery, body Empty = Nothing, answer 200 Vec<ReviewItem> = Json, errors [Unauthenticated, InvalidParameter];
    ListColleagues: Get "/api/staff/colleagues", Staff, "本部门在岗工作人员",
        query Empty, body Empty = Nothing, answer 200 Vec<Colleague> = Json, errors [Unauthenticated];
    GetFile: Get "/api/staff/files/{id}", Staff, "办件材料文件",
        query Empty, body Empty = Nothing, answer 200 Empty = Bytes("application/octet-stream"), errors [Unauthenticated, NotFound];

    // ---- the office: meetings and documents, oversight, calendar ----
    GetDashboard: Get "/api/office/dashboard", Staff, "精简会议文件统计（同比、指标）",
        query PeriodParams, body Empty = Nothing, answer 200 Dashboard = Json, errors [Unauthenticated, InvalidParameter];
    ListMeetings: Get "/api/office/meetings", Staff, "会议登记（分页）",
        query MeetingsQuery, body Empty = Nothing, answer 200 MeetingList = Json, errors [Unauthenticated, InvalidParameter];
    RegisterMeeting: Post "/api/office/meetings", Staff, "登记会议",
        query Empty, body MeetingForm = Json, answer 201 MeetingRecord = Json,
        errors [Unauthenticated, Forbidden, InvalidParameter, InvalidApplication, PayloadTooLarge, LengthRequired];
    GetPlan: Get "/api/office/plan", Staff, "年度会议计划",
        query YearParams, body Empty = Nothing, answer 200 PlanList = Json, errors [Unauthenticated, InvalidParameter];
    AddPlanItem: Post "/api/office/plan", Office, "增加年度会议计划项",
        query Empty, body NewPlanItem = Json, answer 201 PlanItem = Json,
        errors [Unauthenticated, Forbidden, InvalidParameter, PayloadTooLarge, LengthRequired];
    ListDocuments: Get "/api/office/documents", Staff, "发文申请与已印发文件（分页）",
        query DocumentsQuery, body Empty = Nothing, answer 200 DocumentList = Json, errors [Unauthenticated, InvalidParameter];
    RequestDocument: Post "/api/office/documents", Staff, "申请发文",
        query Empty, body DocumentRequest = Json, answer 201 DocumentRecord = Json,
        errors [Unauthenticated, Forbidden, InvalidParameter, InvalidApplication, PayloadTooLarge, LengthRequired];
    ReviewDocument: Post "/api/office/documents/{id}/review", Office, "审核发文申请",
        query Empty, body ReviewRequest = Json, answer 200 DocumentRecord = Json,
        errors [Unauthenticated, Forbidden, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    GetQuotas: Get "/api/office/quotas", Staff, "年度会议文件指标",
        query YearParams, body Empty = Nothing, answer 200 QuotaList = Json, errors [Unauthenticated, InvalidParameter];
    SetQuota: Post "/api/office/quotas", Office, "设定年度指标",
        query Empty, body QuotaEntry = Json, answer 200 Done = Json,
        errors [Unauthenticated, Forbidden, InvalidParameter, PayloadTooLarge, LengthRequired];
    ListOfficeEvents: Get "/api/office/events", Office, "县府办操作记录",
        query Empty, body Empty = Nothing, answer 200 OfficeEventList = Json, errors [Unauthenticated, Forbidden];
    GetOverview: Get "/api/office/overview", Office, "时限监察：各部门按期办结率与逾期办件（分页）",
        query PageQuery, body Empty = Nothing, answer 200 OfficeOverview = Json,
        errors [Unauthenticated, Forbidden, InvalidParameter];
    GetStatistics: Get "/api/office/statistics", Office, "中心运行统计",
        query RangeParams, body Empty = Nothing, answer 200 CentreStats = Json,
        errors [Unauthenticated, Forbidden, InvalidParameter, InvalidDate];
    GetReport: Get "/api/office/report", Office, "县府办工作报告：六项工作的数字均取自实时数据，并指明其记录",
        query RangeParams, body Empty = Nothing, answer 200 Report = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, InvalidDate];
    ListWarnings: Get "/api/office/warnings", Office, "某日的黄牌、红牌与视为受理预警",
        query DayParams, body Empty = Nothing, answer 200 WarningList = Json, errors [Unauthenticated, Forbidden, InvalidDate];
    GetCalendarYear: Get "/api/office/calendar", Staff, "一年的节假日安排",
        query YearParams, body Empty = Nothing, answer 200 CalendarYearView = Json, errors [Unauthenticated, InvalidParameter];
    SaveCalendarYear: Post "/api/office/calendar", Office, "录入一年的节假日安排（并重新计算在办件期限）",
        query Empty, body YearCalendar = Json, answer 200 RederiveProgress = Json,
        errors [Unauthenticated, Forbidden, InvalidParameter, PayloadTooLarge, LengthRequired];
    ContinueRederive: Post "/api/office/calendar/rederive", Office, "继续重新计算在办件期限",
        query Empty, body Empty = Nothing, answer 200 RederiveProgress = Json, errors [Unauthenticated, Forbidden];

    // ---- administration: the county's own data ----
    ChangePassword: Post "/api/staff/password", Staff, "修改本人密码（一次性密码登录后须先修改）",
        query Empty, body PasswordChange = Json, answer 200 StaffUser = Json,
        errors [Unauthenticated, InvalidParameter, TooManyRequests, PayloadTooLarge, LengthRequired];
    GetSecondFactor: Get "/api/staff/second-factor", Staff, "本人的两步验证（动态码）状态",
        query Empty, body Empty = Nothing, answer 200 SecondFactorStatus = Json, errors [Unauthenticated];
    SetUpSecondFactor: Post "/api/staff/second-factor/setup", Staff, "生成新的身份验证器密钥和二维码（确认动态码后生效）",
        query Empty, body Empty = Nothing, answer 200 SecondFactorSetup = Json, errors [Unauthenticated];
    ConfirmSecondFactor: Post "/api/staff/second-factor/confirm", Staff, "以当前密码和新密钥的动态码开启两步验证，返回恢复码（只显示一次）",
        query Empty, body PasswordAndCode = Json, answer 200 RecoveryCodes = Json,
        errors [Unauthenticated, InvalidParameter, Conflict, TooManyRequests, PayloadTooLarge, LengthRequired];
    RenewRecoveryCodes: Post "/api/staff/second-factor/recovery-codes", Staff, "换新恢复码（旧恢复码作废）",
        query Empty, body PasswordAndCode = Json, answer 200 RecoveryCodes = Json,
        errors [Unauthenticated, InvalidParameter, Conflict, TooManyRequests, PayloadTooLarge, LengthRequired];
    TurnOffSecondFactor: Post "/api/staff/second-factor/off", Staff, "关闭两步验证（县府办管理员不可关闭）",
        query Empty, body PasswordAndCode = Json, answer 200 Done = Json,
        errors [Unauthenticated, Forbidden, InvalidParameter, Conflict, TooManyRequests, PayloadTooLarge, LengthRequired];
    ListSessions: Get "/api/staff/sessions", Staff, "本人当前登录的设备（会话）",
        query Empty, body Empty = Nothing, answer 200 SessionList = Json, errors [Unauthenticated, PasswordChangeRequired];
    EndOtherSessions: Post "/api/staff/sessions/end-others", Staff, "退出其他所有设备（须再次输入密码）",
        query Empty, body EndSessions = Json, answer 200 SessionsEnded = Json,
        errors [Unauthenticated, PasswordChangeRequired, InvalidParameter, TooManyRequests, PayloadTooLarge, LengthRequired];
    GetInbox: Get "/api/staff/inbox", Staff, "本人的站内消息：未读条数和最近的消息",
        query Empty, body Empty = Nothing, answer 200 StaffInbox = Json, errors [Unauthenticated, PasswordChangeRequired];
    ReadInboxItem: Post "/api/staff/inbox/{id}/read", Staff, "把一条站内消息标为已读",
        query Empty, body Empty = Nothing, answer 200 StaffInbox = Json, errors [Unauthenticated, PasswordChangeRequired, NotFound];
    GetSettings: Get "/api/admin/settings", Office, "县情与服务设置",
        query Empty, body Empty = Nothing, answer 200 SettingsView = Json, errors [Unauthenticated, Forbidden, PasswordChangeRequired];
    SaveSettings: Post "/api/admin/settings", Office, "保存县情与服务设置",
        query Empty, body SettingsView = Json, answer 200 SettingsView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    ListUnits: Get "/api/admin/units", Staff, "部门与成员单位（含窗口）",
        query Empty, body Empty = Nothing, answer 200 UnitList = Json, errors [Unauthenticated, PasswordChangeRequired];
    CreateUnit: Post "/api/admin/units", Office, "新增部门或成员单位",
        query Empty, body UnitSave = Json, answer 201 Unit = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    SaveUnit: Post "/api/admin/units/{id}", Office, "修改、停用或启用部门或成员单位",
        query Empty, body UnitSave = Json, answer 200 Unit = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    ListUnitGroups: Get "/api/admin/unit-groups", Staff, "单位分组（分发名单）",
        query Empty, body Empty = Nothing, answer 200 UnitGroupList = Json, errors [Unauthenticated, PasswordChangeRequired];
    CreateUnitGroup: Post "/api/admin/unit-groups", Office, "新增单位分组",
        query Empty, body UnitGroupSave = Json, answer 201 UnitGroup = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    SaveUnitGroup: Post "/api/admin/unit-groups/{id}", Office, "修改单位分组",
        query Empty, body UnitGroupSave = Json, answer 200 UnitGroup = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    ListIntermediaries: Get "/api/admin/intermediaries", Staff, "中介机构",
        query Empty, body Empty = Nothing, answer 200 IntermediaryList = Json, errors [Unauthenticated, PasswordChangeRequired];
    CreateIntermediary: Post "/api/admin/intermediaries", Office, "新增中介机构",
        query Empty, body IntermediaryForm = Json, answer 201 Intermediary = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    SaveIntermediary: Post "/api/admin/intermediaries/{id}", Office, "修改或停用中介机构",
        query Empty, body IntermediaryForm = Json, answer 200 Intermediary = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    ListAccounts: Get "/api/admin/accounts", Staff, "工作人员账号（县府办：全部；部门负责人：本部门）",
        query Empty, body Empty = Nothing, answer 200 AccountList = Json, errors [Unauthenticated, Forbidden, PasswordChangeRequired];
    CreateAccount: Post "/api/admin/accounts", Staff, "开设账号（答复一次性密码）",
        query Empty, body NewAccount = Json, answer 201 OneTimePassword = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    SaveAccount: Post "/api/admin/accounts/{id}", Staff, "修改账号的姓名、角色、部门，停用或启用",
        query Empty, body AccountSave = Json, answer 200 Account = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    ResetPassword: Post "/api/admin/accounts/{id}/password-reset", Staff, "重置密码为一次性密码",
        query Empty, body PasswordReset = Json, answer 200 OneTimePassword = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, Conflict, PayloadTooLarge, LengthRequired];
    EndAccountSessions: Post "/api/admin/accounts/{id}/end-sessions", Staff, "结束该账号的全部会话（强制下线，记入安全日志）",
        query Empty, body Empty = Nothing, answer 200 SessionsEnded = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound];
    ListMatterVersions: Get "/api/admin/matter-versions", Staff, "事项草稿与版本（县府办：全部；部门负责人：本部门）",
        query VersionsQuery, body Empty = Nothing, answer 200 VersionList = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, NotFound];
    GetMatterVersion: Get "/api/admin/matter-versions/{id}", Staff, "一个事项版本及其与上一版的差异",
        query Empty, body Empty = Nothing, answer 200 VersionDetail = Json, errors [Unauthenticated, PasswordChangeRequired, NotFound];
    CreateMatterDraft: Post "/api/admin/matter-versions", Staff, "起草新事项或事项变更",
        query Empty, body NewDraft = Json, answer 201 VersionDetail = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    SaveMatterDraft: Post "/api/admin/matter-versions/{id}", Staff, "修改草稿",
        query Empty, body DraftSave = Json, answer 200 VersionDetail = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    ActOnMatterVersion: Post "/api/admin/matter-versions/{id}/action", Staff, "提交审核、发布或退回事项版本",
        query Empty, body VersionAction = Json, answer 200 VersionDetail = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    ExportCatalogue: Get "/api/admin/catalogue/export", Office, "导出事项目录（CSV，格式见 shared/src/admin/catalogue_csv.rs）",
        query Empty, body Empty = Nothing, answer 200 Empty = Bytes("text/csv"), errors [Unauthenticated, Forbidden, PasswordChangeRequired];
    ImportCatalogue: Post "/api/admin/catalogue/import", Office, "导入事项目录（逐行校验；有误则不导入任何事项）",
        query Empty, body CatalogueImport = Json, answer 200 ImportReport = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    ListSecurityEvents: Get "/api/admin/security-events", Office, "安全事件日志",
        query SecurityEventsQuery, body Empty = Nothing, answer 200 SecurityEventList = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter];
    ListNotices: Get "/api/admin/notices", Office, "短信通知：按状态和服务商统计，失败原因（号码已脱敏）",
        query NoticesQuery, body Empty = Nothing, answer 200 NoticeList = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter];
    ResendNotice: Post "/api/admin/notices/{id}/resend", Office, "重发一条发送失败的短信",
        query Empty, body Empty = Nothing, answer 200 NoticeRow = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, Conflict];

    // ---- the county head's hotline ----
    SubmitTicket: Post "/api/hotline/tickets", Public, "网上留言（请求头 Idempotency-Key；重复提交得到同一回执）",
        query Empty, body CallerForm = Json, answer 201 TicketReceipt = Json,
        errors [InvalidParameter, InvalidApplication, IdempotencyMismatch, InProgress, TooManyRequests, PayloadTooLarge, LengthRequired];
    TrackTicket: Post "/api/hotline/track/{ticket_no}", Public, "凭工单编号和查询码查询办理进度（查询码在请求体中，不进网址）",
        query Empty, body QueryCode = Json, answer 200 PublicTicket = Json,
        errors [InvalidParameter, NotFound, TooManyRequests, PayloadTooLarge, LengthRequired];
    RateTicket: Post "/api/hotline/track/{ticket_no}/rating", Public, "回访后在网上评价",
        query Empty, body RatingRequest = Json, answer 200 PublicTicket = Json,
        errors [InvalidParameter, NotFound, Conflict, TooManyRequests, PayloadTooLarge, LengthRequired];
    IntakeTicket: Post "/api/hotline/intake", Office, "话务登记（请求头 Idempotency-Key）",
        query Empty, body IntakeForm = Json, answer 201 TicketReceipt = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidApplication, IdempotencyMismatch, PayloadTooLarge, LengthRequired];
    ListTickets: Get "/api/hotline/tickets", Staff, "工单列表（县府办：全部；成员单位：本单位，按期限排序）",
        query TicketsQuery, body Empty = Nothing, answer 200 TicketList = Json,
        errors [Unauthenticated, PasswordChangeRequired, InvalidParameter];
    GetTicket: Get "/api/hotline/tickets/{ticket_no}", Staff, "工单详情",
        query Empty, body Empty = Nothing, answer 200 TicketView = Json, errors [Unauthenticated, PasswordChangeRequired, NotFound];
    DisposeTicket: Post "/api/hotline/tickets/{ticket_no}/disposition", Office, "受理处置：直接答复、告知转接、并单、呈阅、转办",
        query Empty, body TicketDisposition = Json, answer 200 TicketView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    ActOnTicket: Post "/api/hotline/tickets/{ticket_no}/action", Staff, "签收、退单、延期、进展、协办、答复、审核、回访",
        query Empty, body TicketActionRequest = Json, answer 200 TicketView = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    ListCategories: Get "/api/hotline/categories", Staff, "派单目录（诉求类别）",
        query Empty, body Empty = Nothing, answer 200 CategoryList = Json, errors [Unauthenticated, PasswordChangeRequired];
    CreateCategory: Post "/api/hotline/categories", Office, "新增诉求类别",
        query Empty, body CategorySave = Json, answer 201 Category = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    SaveCategory: Post "/api/hotline/categories/{id}", Office, "修改或停用诉求类别",
        query Empty, body CategorySave = Json, answer 200 Category = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    ListKnowledge: Get "/api/hotline/knowledge", Staff, "知识库查找",
        query KnowledgeQuery, body Empty = Nothing, answer 200 KnowledgeList = Json,
        errors [Unauthenticated, PasswordChangeRequired, InvalidParameter];
    CreateKnowledge: Post "/api/hotline/knowledge", Office, "新增知识库条目",
        query Empty, body KnowledgeSave = Json, answer 201 KnowledgeItem = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, PayloadTooLarge, LengthRequired];
    SaveKnowledge: Post "/api/hotline/knowledge/{id}", Office, "修改或停用知识库条目",
        query Empty, body KnowledgeSave = Json, answer 200 KnowledgeItem = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound, InvalidParameter, Conflict, PayloadTooLarge, LengthRequired];
    GetHotlineFigures: Get "/api/hotline/figures", Office, "热线运行统计（办结率、满意率等，附计算公式）",
        query HotlineRangeParams, body Empty = Nothing, answer 200 HotlineFigures = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, InvalidDate];
    ExportHotlineFigures: Get "/api/hotline/figures.csv", Office, "热线运行统计（CSV）",
        query HotlineRangeParams, body Empty = Nothing, answer 200 Empty = Bytes("text/csv"),
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, InvalidDate];
    GetBulletin: Get "/api/hotline/bulletin", Office, "通报名单：两次催办仍未答复的单位",
        query HotlineRangeParams, body Empty = Nothing, answer 200 Bulletin = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, InvalidDate];
    ListHotspots: Get "/api/hotline/hotspots", Office, "热点：同类或同一地点的诉求反复出现",
        query Empty, body Empty = Nothing, answer 200 HotspotList = Json, errors [Unauthenticated, Forbidden, PasswordChangeRequired];
    ListApiKeys: Get "/api/hotline/api-keys", Office, "开放接口（Open311）密钥",
        query Empty, body Empty = Nothing, answer 200 ApiKeyList = Json, errors [Unauthenticated, Forbidden, PasswordChangeRequired];
    IssueApiKey: Post "/api/hotline/api-keys", Office, "发放开放接口密钥（仅显示一次）",
        query Empty, body NewApiKey = Json, answer 201 IssuedApiKey = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, InvalidParameter, PayloadTooLarge, LengthRequired];
    RevokeApiKey: Post "/api/hotline/api-keys/{id}/revoke", Office, "吊销开放接口密钥",
        query Empty, body Empty = Nothing, answer 200 ApiKeyList = Json,
        errors [Unauthenticated, Forbidden, PasswordChangeRequired, NotFound];
}
