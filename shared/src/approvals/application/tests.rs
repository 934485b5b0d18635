use super::*;
use crate::approvals::matter::MaterialForm;

fn form() -> ApplicationForm {
    ApplicationForm {
        matter_id: 1,
        applicant_kind: Some(ApplicantKind::Person),
        name: "张三".into(),
        id_number: "11010519491231002X".into(),
        mobile: "13800138000".into(),
        address: "示范县城关镇人民路1号".into(),
        fields: BTreeMap::from([("shop_address".into(), "人民路1号".into())]),
        consent: true,
        sms_opt_out: false,
    }
}

fn extra() -> Vec<FormField> {
    vec![
        FormField { key: "shop_address".into(), label: "经营场所".into(), required: true },
        FormField { key: "remark".into(), label: "备注".into(), required: false },
    ]
}

fn fields_of(e: ApiError) -> Vec<String> {
    assert_eq!(e.code, ErrorCode::InvalidApplication);
    e.fields.into_iter().map(|f| f.field).collect()
}

#[test]
fn no_application_without_agreeing_to_the_personal_data_notice() {
    assert_eq!(fields_of(ApplicationForm { consent: false, ..form() }.validate(&extra()).unwrap_err()), ["consent"]);
}

#[test]
fn a_complete_form_passes() {
    assert_eq!(form().validate(&extra()), Ok(()));
    let org = ApplicationForm { applicant_kind: Some(ApplicantKind::Organisation), id_number: "91350100m000100y43".into(), ..form() };
    assert_eq!(org.validate(&extra()), Ok(()));
    assert_eq!(org.normalised_id(), "91350100M000100Y43");
}

#[test]
fn every_problem_is_reported_at_once() {
    let bad = ApplicationForm {
        matter_id: 1,
        applicant_kind: None,
        name: " ".into(),
        id_number: "123".into(),
        mobile: "123".into(),
        address: "".into(),
        fields: BTreeMap::from([("nope".into(), "x".into())]),
        consent: false,
        sms_opt_out: false,
    };
    assert_eq!(
        fields_of(bad.validate(&extra()).unwrap_err()),
        ["applicant_kind", "name", "id_number", "mobile", "address", "consent", "fields.shop_address", "fields.nope"]
    );
}

#[test]
fn an_organisation_needs_a_credit_code_not_an_id_number() {
    let f = ApplicationForm { applicant_kind: Some(ApplicantKind::Organisation), ..form() };
    assert_eq!(fields_of(f.validate(&extra()).unwrap_err()), ["id_number"]);
}

fn materials() -> Vec<Material> {
    let m = |id, required| Material { id, name: format!("材料{id}"), form: MaterialForm::Copy, copies: 1, required, note: String::new() };
    vec![m(1, true), m(2, false)]
}

const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];
const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

fn up(material_id: i64, size: u64, head: &'static [u8]) -> UploadMeta<'static> {
    UploadMeta { material_id, file_name: "photo.jpg", size, head }
}

#[test]
fn files_are_judged_by_content() {
    assert_eq!(FileKind::sniff(JPEG), Some(FileKind::Jpeg));
    assert_eq!(FileKind::sniff(PNG), Some(FileKind::Png));
    assert_eq!(FileKind::sniff(b"%PDF-1.7\n"), Some(FileKind::Pdf));
    assert_eq!(FileKind::sniff(b"GIF89a"), None);
    assert_eq!(FileKind::sniff(b""), None);
    let kinds = check_uploads(&[up(1, 100, JPEG), up(1, 100, b"%PDF-1.4"), up(2, 5, PNG)], &materials()).unwrap();
    assert_eq!(kinds, [FileKind::Jpeg, FileKind::Pdf, FileKind::Png]);
    // A text file named .jpg is refused, and the message names it.
    let e = check_uploads(&[up(1, 100, b"hello")], &materials()).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidUpload);
    assert!(e.message.contains("photo.jpg") && e.message.contains("材料1"));
}

#[test]
fn size_count_and_completeness_limits() {
    let code = |files: &[UploadMeta<'static>]| check_uploads(files, &materials()).unwrap_err().code;
    assert_eq!(check_uploads(&[up(1, MAX_FILE_BYTES, JPEG)], &materials()).map(|k| k.len()), Ok(1));
    assert_eq!(code(&[up(1, MAX_FILE_BYTES + 1, JPEG)]), ErrorCode::InvalidUpload);
    assert_eq!(code(&[up(1, 0, JPEG)]), ErrorCode::InvalidUpload);
    let six: Vec<_> = (0..6).map(|_| up(1, 9 * 1024 * 1024, JPEG)).collect();
    assert!(check_uploads(&six, &materials()).unwrap_err().message.contains("50MB"));
    let many: Vec<_> = (0..=MAX_FILES).map(|_| up(1, 10, JPEG)).collect();
    assert_eq!(code(&many), ErrorCode::InvalidUpload);
    assert!(check_uploads(&[up(2, 10, JPEG)], &materials()).unwrap_err().message.contains("缺少必需材料“材料1”"));
    assert_eq!(code(&[up(1, 10, JPEG), up(99, 10, JPEG)]), ErrorCode::InvalidUpload);
}

#[test]
fn sizes_for_people() {
    assert_eq!(human_size(0), "0KB");
    assert_eq!(human_size(1), "1KB");
    assert_eq!(human_size(1024 * 1024), "1MB");
    assert_eq!(human_size(3 * 1024 * 1024 + 300 * 1024), "3.30MB");
    assert_eq!(human_size(10 * 1024 * 1024 + 1), "10.01MB");
    assert_eq!(human_size(10 * 1024 * 1024 + 1024), "10.01MB");
    assert_eq!(human_size(MAX_FILE_BYTES), "10MB");
}

#[test]
fn an_oversized_file_says_its_size_in_bytes() {
    let err = check_uploads(&[up(1, MAX_FILE_BYTES + 1024, JPEG)], &materials()).unwrap_err();
    assert!(err.message.contains("10.01MB（10486784字节）"), "{}", err.message);
    assert!(err.message.contains("10MB（10485760字节）的上限"), "{}", err.message);
}

#[test]
fn a_file_for_a_material_the_matter_does_not_list_is_named() {
    let err = check_uploads(&[up(1, 10, JPEG), up(99, 10, JPEG)], &materials()).unwrap_err();
    assert!(err.message.contains("material:99"), "{}", err.message);
}

#[test]
fn file_names_are_cleaned_and_capped() {
    assert_eq!(clean_file_name("营业执照.jpg"), "营业执照.jpg");
    assert_eq!(clean_file_name("  a\u{0}b\u{7}c\r\n.pdf "), "abc.pdf");
    // Right-to-left override: "photo\u{202e}gpj.exe" shows as "photoexe.jpg".
    assert_eq!(clean_file_name("photo\u{202e}gpj.exe"), "photogpj.exe");
    assert_eq!(clean_file_name("\u{2066}x\u{2069}\u{200f}\u{feff}.png"), "x.png");
    assert_eq!(clean_file_name("../../etc/passwd"), ".._.._etc_passwd");
    assert_eq!(clean_file_name("\u{202e}\u{0}  "), "未命名文件");
    let long = format!("{}.pdf", "长".repeat(1_000_000));
    let cleaned = clean_file_name(&long);
    assert_eq!(cleaned.chars().count(), MAX_FILE_NAME_CHARS);
    assert!(cleaned.ends_with("长.pdf"));
    let no_ext = "x".repeat(500);
    assert_eq!(clean_file_name(&no_ext).chars().count(), MAX_FILE_NAME_CHARS);
}
