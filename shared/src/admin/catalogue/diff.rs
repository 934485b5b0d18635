//! What one version of a matter changes against another, in words a
//! reviewer reads.

use super::{Change, MaterialSpec, MatterContent};
use crate::approvals::application::FormField;

fn yes_no(b: bool) -> &'static str {
    if b {
        "是"
    } else {
        "否"
    }
}

fn material_text(m: &MaterialSpec) -> String {
    let required = if m.required { "必交" } else { "选交" };
    let note = if m.note.trim().is_empty() { String::new() } else { format!("，{}", m.note.trim()) };
    format!("{}，{}份，{required}{note}", m.form.zh(), m.copies)
}

/// What `after` changes against `before` (`None`: everything is new), in
/// the guide's order, each difference in words a reviewer reads.
pub fn diff(before: Option<&MatterContent>, after: &MatterContent) -> Vec<Change> {
    let mut out = Vec::new();
    let mut field = |label: &str, b: Option<String>, a: String| {
        let b = b.unwrap_or_default();
        if b != a {
            out.push(Change { field: label.into(), before: b, after: a });
        }
    };
    let b = before;
    field("事项编码", b.map(|b| b.code.clone()), after.code.clone());
    field("事项名称", b.map(|b| b.name.clone()), after.name.clone());
    field("办理类别", b.map(|b| b.class.zh().into()), after.class.zh().into());
    field("设定依据", b.map(|b| b.legal_basis.clone()), after.legal_basis.clone());
    field("申请条件", b.map(|b| b.conditions.clone()), after.conditions.clone());
    field("办理流程", b.map(|b| b.procedure.join("\n")), after.procedure.join("\n"));
    field("法定时限（工作日）", b.map(|b| b.statutory_days.to_string()), after.statutory_days.to_string());
    field("承诺时限（工作日）", b.map(|b| b.committed_days.to_string()), after.committed_days.to_string());
    field("收费标准", b.map(|b| b.fee.clone()), after.fee.clone());
    field("收费依据", b.map(|b| b.fee_basis.clone()), after.fee_basis.clone());
    field("免费", b.map(|b| yes_no(b.free).into()), yes_no(after.free).into());
    field("办理结果", b.map(|b| b.result.clone()), after.result.clone());
    field("黄牌预警（剩余工作日）", b.map(|b| b.yellow_days.to_string()), after.yellow_days.to_string());
    // Materials and form fields by name and key, so a reordering alone is
    // not reported as every item changed.
    let old_materials = b.map(|b| b.materials.as_slice()).unwrap_or_default();
    for m in old_materials {
        match after.materials.iter().find(|n| n.name == m.name) {
            None => field(&format!("材料：{}", m.name), Some(material_text(m)), "（删除）".into()),
            Some(n) => field(&format!("材料：{}", m.name), Some(material_text(m)), material_text(n)),
        }
    }
    for n in after.materials.iter().filter(|n| !old_materials.iter().any(|m| m.name == n.name)) {
        field(&format!("材料：{}", n.name), Some("（新增）".into()), material_text(n));
    }
    let field_text = |f: &FormField| format!("{}{}", f.label, if f.required { "（必填）" } else { "" });
    let old_fields = b.map(|b| b.form_fields.as_slice()).unwrap_or_default();
    for f in old_fields {
        let now = after.form_fields.iter().find(|n| n.key == f.key).map(field_text).unwrap_or_else(|| "（删除）".into());
        field(&format!("申请表栏目：{}", f.key), Some(field_text(f)), now);
    }
    for n in after.form_fields.iter().filter(|n| !old_fields.iter().any(|f| f.key == n.key)) {
        field(&format!("申请表栏目：{}", n.key), Some("（新增）".into()), field_text(n));
    }
    out
}
