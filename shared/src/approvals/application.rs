//! An online application (在线申请): what the applicant fills in on the
//! phone, its validation, and the rules for uploaded files.

use crate::approvals::matter::Material;
use crate::error::{ApiError, ErrorCode, FieldError};
use crate::identity::{CreditCode, Mobile, ResidentId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
pub const MAX_TOTAL_BYTES: u64 = 50 * 1024 * 1024;
pub const MAX_FILES: usize = 30;
pub const MAX_TEXT_CHARS: usize = 200;
/// The longest file name kept (characters); longer names are shortened
/// before their extension.
pub const MAX_FILE_NAME_CHARS: usize = 100;
/// The largest request body a submission or supplement may have: every file
/// at its limit, plus room for the form and the multipart framing.
pub const MAX_UPLOAD_BODY_BYTES: u64 = MAX_TOTAL_BYTES + 1024 * 1024;

named_enum! {
pub enum ApplicantKind {
    Person = "person",
    Organisation = "organisation",
}
}

/// An extra field a matter asks for (e.g. 经营场所地址).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FormField {
    pub key: String,
    pub label: String,
    pub required: bool,
}

/// The text part of a submission, as the phone sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApplicationForm {
    pub matter_id: i64,
    pub applicant_kind: Option<ApplicantKind>,
    pub name: String,
    /// Resident identity number (person) or unified social credit code
    /// (organisation).
    pub id_number: String,
    pub mobile: String,
    pub address: String,
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// The applicant agreed to the notice of what is collected, why and
    /// for how long (`shared::retention::notice`; 个人信息保护法 art. 14, 17).
    #[serde(default)]
    pub consent: bool,
    /// The applicant chose not to receive SMS (the form's checkbox "接收短信
    /// 通知", on by default); the tracking page then is the channel.
    #[serde(default)]
    pub sms_opt_out: bool,
}

/// The multipart form of `POST /api/applications`, as documented: the form
/// as JSON in `form`, and each file in a field `material:<id>` named after
/// the matter's material (several files per material allowed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApplicationUpload {
    /// `ApplicationForm` as JSON.
    pub form: String,
}

/// An uploaded file as the server sees it before storing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UploadMeta<'a> {
    pub material_id: i64,
    pub file_name: &'a str,
    pub size: u64,
    pub head: &'a [u8],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Jpeg,
    Png,
    Pdf,
}

impl FileKind {
    /// Judged by the first bytes, never by the file name.
    pub fn sniff(head: &[u8]) -> Option<FileKind> {
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileKind::Jpeg)
        } else if head.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            Some(FileKind::Png)
        } else if head.starts_with(b"%PDF-") {
            Some(FileKind::Pdf)
        } else {
            None
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::Pdf => "application/pdf",
        }
    }
}

fn field(errors: &mut Vec<FieldError>, field: &str, message: impl Into<String>) {
    errors.push(FieldError { field: field.to_string(), message: message.into() });
}

impl ApplicationForm {
    /// Checks every field and reports every problem at once, so the
    /// applicant fixes the form in one go.
    pub fn validate(&self, extra: &[FormField]) -> Result<(), ApiError> {
        let mut errors = Vec::new();
        let kind = self.applicant_kind;
        if kind.is_none() {
            field(&mut errors, "applicant_kind", "请选择申请人类型（个人或单位）");
        }
        let name = self.name.trim();
        if name.is_empty() {
            field(&mut errors, "name", "请填写申请人姓名或单位名称");
        } else if name.chars().count() > 100 {
            field(&mut errors, "name", "名称过长，请控制在100字以内");
        }
        let id_check = match kind {
            Some(ApplicantKind::Organisation) => CreditCode::parse(&self.id_number).map(|_| ()),
            _ => ResidentId::parse(&self.id_number).map(|_| ()),
        };
        if let Err(message) = id_check {
            field(&mut errors, "id_number", message);
        }
        if let Err(message) = Mobile::parse(&self.mobile) {
            field(&mut errors, "mobile", message);
        }
        let address = self.address.trim();
        if address.is_empty() {
            field(&mut errors, "address", "请填写联系地址");
        } else if address.chars().count() > MAX_TEXT_CHARS {
            field(&mut errors, "address", format!("地址过长，请控制在{MAX_TEXT_CHARS}字以内"));
        }
        if !self.consent {
            field(&mut errors, "consent", "请阅读个人信息收集说明，勾选同意后再提交");
        }
        for f in extra {
            let value = self.fields.get(&f.key).map(|v| v.trim()).unwrap_or("");
            if f.required && value.is_empty() {
                field(&mut errors, &format!("fields.{}", f.key), format!("请填写{}", f.label));
            } else if value.chars().count() > MAX_TEXT_CHARS {
                field(&mut errors, &format!("fields.{}", f.key), format!("{}过长，请控制在{MAX_TEXT_CHARS}字以内", f.label));
            }
        }
        if let Some(unknown) = self.fields.keys().find(|k| !extra.iter().any(|f| &f.key == *k)) {
            field(&mut errors, &format!("fields.{unknown}"), "该事项没有此填写项");
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::with_fields(ErrorCode::InvalidApplication, "申请信息有误，请按提示修改后再提交", errors))
        }
    }

    /// Normalised identity values, once `validate` has passed.
    pub fn normalised_id(&self) -> String {
        match self.applicant_kind {
            Some(ApplicantKind::Organisation) => CreditCode::parse(&self.id_number).map(|c| c.as_str().to_string()).unwrap_or_default(),
            _ => ResidentId::parse(&self.id_number).map(|c| c.as_str().to_string()).unwrap_or_default(),
        }
    }
}

/// Checks the uploaded files against the matter's materials and the limits,
/// returning each file's kind in order. Every required material needs a file.
pub fn check_uploads(files: &[UploadMeta<'_>], materials: &[Material]) -> Result<Vec<FileKind>, ApiError> {
    let refuse = |message: String| ApiError::new(ErrorCode::InvalidUpload, message);
    if files.len() > MAX_FILES {
        return Err(refuse(format!("文件过多：一次最多上传{MAX_FILES}个文件")));
    }
    let total: u64 = files.iter().map(|f| f.size).sum();
    if total > MAX_TOTAL_BYTES {
        return Err(refuse(format!("文件总大小{}超过{}，请压缩照片或分批提交", human_size(total), human_size(MAX_TOTAL_BYTES))));
    }
    let mut kinds = Vec::with_capacity(files.len());
    for f in files {
        let Some(material) = materials.iter().find(|m| m.id == f.material_id) else {
            return Err(refuse(format!(
                "文件“{}”提交到了材料栏目“material:{}”，该事项没有这项材料，请按材料清单重新选择",
                f.file_name, f.material_id
            )));
        };
        if f.size == 0 {
            return Err(refuse(format!("“{}”的文件“{}”是空文件，请重新选择", material.name, f.file_name)));
        }
        if f.size > MAX_FILE_BYTES {
            return Err(refuse(format!(
                "“{}”的文件“{}”大小为{}（{}字节），超过单个文件{}（{}字节）的上限，请压缩后重新上传",
                material.name,
                f.file_name,
                human_size(f.size),
                f.size,
                human_size(MAX_FILE_BYTES),
                MAX_FILE_BYTES
            )));
        }
        match FileKind::sniff(f.head) {
            Some(kind) => kinds.push(kind),
            None => {
                return Err(refuse(format!(
                    "“{}”的文件“{}”不是JPEG、PNG照片或PDF文件，无法识别，请拍照或另存为PDF后上传",
                    material.name, f.file_name
                )))
            }
        }
    }
    if let Some(missing) = materials.iter().find(|m| m.required && !files.iter().any(|f| f.material_id == m.id)) {
        return Err(refuse(format!("缺少必需材料“{}”，请上传后再提交", missing.name)));
    }
    Ok(kinds)
}

/// A file name as people will see it: control and bidirectional-override
/// characters removed (they can disguise `exe.pdf` as `fdp.exe`), path
/// separators replaced, at most `MAX_FILE_NAME_CHARS` characters with the
/// extension kept. Never used as a storage key.
pub fn clean_file_name(name: &str) -> String {
    let invisible = |c: char| {
        c.is_control() || matches!(c, '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
    };
    let cleaned: String = name.chars().filter(|c| !invisible(*c)).map(|c| if matches!(c, '/' | '\\') { '_' } else { c }).collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        return "未命名文件".to_string();
    }
    if cleaned.chars().count() <= MAX_FILE_NAME_CHARS {
        return cleaned.to_string();
    }
    let ext = cleaned.rsplit_once('.').map(|(_, e)| e).filter(|e| !e.is_empty() && e.chars().count() <= 10);
    match ext {
        Some(ext) => {
            let keep = MAX_FILE_NAME_CHARS - ext.chars().count() - 1;
            format!("{}.{ext}", cleaned.chars().take(keep).collect::<String>())
        }
        None => cleaned.chars().take(MAX_FILE_NAME_CHARS).collect(),
    }
}

/// "10MB", "3.23MB" or "120KB", for people. Rounded up, so a size over a
/// limit never reads the same as the limit (10 MiB + 1 KiB is "10.01MB").
/// Integer arithmetic: float formatting would add kilobytes to the phone's
/// download.
pub fn human_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MB) && bytes > 0 {
        format!("{}MB", bytes / MB)
    } else if bytes >= MB {
        let hundredths = (bytes * 100).div_ceil(MB);
        format!("{}.{:02}MB", hundredths / 100, hundredths % 100)
    } else {
        format!("{}KB", bytes.div_ceil(1024))
    }
}

#[cfg(test)]
mod tests;
