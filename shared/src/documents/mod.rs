//! Document transmission (电子公文传输, DOMAIN §4): an outgoing document
//! made from a document request the office approved and numbered (§5),
//! sent to units, each recipient's sign-for receipt chained by hash, and
//! the figures. States and names here; what may happen when in `rules.rs`,
//! the forms in `forms.rs`, what the API answers in `views.rs`.

pub mod figures;
pub mod forms;
pub mod incoming;
pub mod receipt;
pub mod rules;
pub mod views;

#[cfg(test)]
mod tests;

named_enum! {
/// 紧急程度: 特急 and 加急 have a sign-for limit, 平件 none.
pub enum Urgency {
    ExtraUrgent = "extra_urgent",
    Urgent = "urgent",
    Ordinary = "ordinary",
}
}

impl Urgency {
    pub fn zh(self) -> &'static str {
        match self {
            Urgency::ExtraUrgent => "特急",
            Urgency::Urgent => "加急",
            Urgency::Ordinary => "平件",
        }
    }
}

named_enum! {
/// An outgoing document: registered (the body still to attach) or sent.
pub enum DocState {
    Draft = "draft",
    Sent = "sent",
}
}

impl DocState {
    pub fn zh(self) -> &'static str {
        match self {
            DocState::Draft => "待发送",
            DocState::Sent => "已发送",
        }
    }
}

named_enum! {
/// 主送 or 抄送.
pub enum RecipientRole {
    Main = "main",
    Copy = "copy",
}
}

impl RecipientRole {
    pub fn zh(self) -> &'static str {
        match self {
            RecipientRole::Main => "主送",
            RecipientRole::Copy => "抄送",
        }
    }
}

named_enum! {
/// Where one recipient unit's copy stands.
pub enum RecipientState {
    /// 已送达，未打开
    Delivered = "delivered",
    /// 已打开，未签收
    Opened = "opened",
    Signed = "signed",
    Handled = "handled",
    /// 退文
    Returned = "returned",
    /// 撤回 by the sender before sign-for
    Recalled = "recalled",
}
}

impl RecipientState {
    pub fn zh(self) -> &'static str {
        match self {
            RecipientState::Delivered => "已送达未打开",
            RecipientState::Opened => "已打开未签收",
            RecipientState::Signed => "已签收",
            RecipientState::Handled => "已办理",
            RecipientState::Returned => "已退文",
            RecipientState::Recalled => "已撤回",
        }
    }

    /// Still waiting for the unit's sign-for (the sender may chase or recall).
    pub fn awaiting(self) -> bool {
        matches!(self, RecipientState::Delivered | RecipientState::Opened)
    }
}

named_enum! {
/// One event of a document's receipt chain.
pub enum ReceiptKind {
    Delivered = "delivered",
    Opened = "opened",
    Signed = "signed",
    Handled = "handled",
    Returned = "returned",
    Recalled = "recalled",
    Chased = "chased",
}
}

impl ReceiptKind {
    pub fn zh(self) -> &'static str {
        match self {
            ReceiptKind::Delivered => "送达",
            ReceiptKind::Opened => "打开",
            ReceiptKind::Signed => "签收",
            ReceiptKind::Handled => "办理",
            ReceiptKind::Returned => "退文",
            ReceiptKind::Recalled => "撤回",
            ReceiptKind::Chased => "催收",
        }
    }
}

named_enum! {
/// A stored file of a document: the body (PDF or OFD) or an attachment.
pub enum FileKind {
    Body = "body",
    Attachment = "attachment",
}
}

/// The key a document is addressed by in URLs: `FW` and its request's id
/// (one outgoing document per approved request).
pub fn doc_key(request_id: i64) -> String {
    format!("FW{request_id}")
}
