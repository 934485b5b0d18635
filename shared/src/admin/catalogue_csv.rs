//! The catalogue as a CSV file (UTF-8 with BOM, one line per matter), for
//! loading a county's whole catalogue and for keeping a copy. Columns, in
//! order (`COLUMNS`):
//!
//! | column | content |
//! |---|---|
//! | 事项编码 | letters, digits, `-`, `_`; identifies the matter |
//! | 事项名称 | |
//! | 实施部门 | a unit's name exactly as in 部门与单位 |
//! | 办理类别 | 即办件, 承诺件, 联办件, 上报件, 补办件 or 退回件 |
//! | 设定依据, 申请条件 | text |
//! | 申请材料 | one material per line: `名称\|原件、复印件或原件及复印件\|份数\|必交或选交\|说明` |
//! | 办理流程 | one step per line |
//! | 法定时限, 承诺时限 | working days (承诺 ≤ 法定) |
//! | 收费标准, 收费依据 | text |
//! | 免费 | 是 or 否 |
//! | 办理结果 | text |
//! | 黄牌预警 | working days left at which cases turn yellow |
//! | 申请表栏目 | one field per line: `代码\|名称\|必填或选填` (may be empty) |

use super::catalogue::{MaterialSpec, MatterContent};
use crate::approvals::application::FormField;
use crate::approvals::matter::{HandlingClass, MaterialForm};
use crate::csv::{parse_csv, to_csv};
use serde::{Deserialize, Serialize};

pub const COLUMNS: [&str; 16] = [
    "事项编码",
    "事项名称",
    "实施部门",
    "办理类别",
    "设定依据",
    "申请条件",
    "申请材料",
    "办理流程",
    "法定时限",
    "承诺时限",
    "收费标准",
    "收费依据",
    "免费",
    "办理结果",
    "黄牌预警",
    "申请表栏目",
];

/// The most lines an import takes (a county's catalogue has hundreds).
pub const MAX_IMPORT_ROWS: usize = 2000;

/// The CSV of `matters`, each with its department's name.
pub fn export(matters: &[(String, MatterContent)]) -> String {
    let rows: Vec<Vec<String>> = matters
        .iter()
        .map(|(department, c)| {
            let materials: Vec<String> = c
                .materials
                .iter()
                .map(|m| format!("{}|{}|{}|{}|{}", m.name, m.form.zh(), m.copies, if m.required { "必交" } else { "选交" }, m.note))
                .collect();
            let fields: Vec<String> =
                c.form_fields.iter().map(|f| format!("{}|{}|{}", f.key, f.label, if f.required { "必填" } else { "选填" })).collect();
            vec![
                c.code.clone(),
                c.name.clone(),
                department.clone(),
                c.class.zh().into(),
                c.legal_basis.clone(),
                c.conditions.clone(),
                materials.join("\n"),
                c.procedure.join("\n"),
                c.statutory_days.to_string(),
                c.committed_days.to_string(),
                c.fee.clone(),
                c.fee_basis.clone(),
                if c.free { "是" } else { "否" }.into(),
                c.result.clone(),
                c.yellow_days.to_string(),
                fields.join("\n"),
            ]
        })
        .collect();
    to_csv(&COLUMNS, &rows)
}

/// One line of an import file: its matter, or what is wrong with it.
pub type ParsedRow = (usize, Result<MatterContent, Vec<String>>);

/// Reads an import file against the county's units (id, name). Every line
/// is checked, with the same rules as the editor; a wrong header refuses
/// the whole file.
pub fn parse(text: &str, units: &[(i64, String)]) -> Result<Vec<ParsedRow>, String> {
    let mut lines = parse_csv(text)?.into_iter();
    let header = lines.next().ok_or("文件是空的：第一行应为表头")?.1;
    let header: Vec<&str> = header.iter().map(|h| h.trim()).collect();
    if header != COLUMNS {
        return Err(format!("表头应为：{}", COLUMNS.join(",")));
    }
    let rows: Vec<(usize, Vec<String>)> = lines.collect();
    if rows.len() > MAX_IMPORT_ROWS {
        return Err(format!("一次最多导入{MAX_IMPORT_ROWS}个事项"));
    }
    let mut out: Vec<ParsedRow> = Vec::new();
    for (line, cells) in rows {
        let mut parsed = row(&cells, units);
        if let Ok(c) = &parsed {
            let twice = out.iter().any(|(_, o)| o.as_ref().is_ok_and(|o| o.code == c.code));
            if twice {
                parsed = Err(vec![format!("事项编码“{}”在文件中重复", c.code)]);
            }
        }
        out.push((line, parsed));
    }
    Ok(out)
}

fn row(cells: &[String], units: &[(i64, String)]) -> Result<MatterContent, Vec<String>> {
    if cells.len() != COLUMNS.len() {
        return Err(vec![format!("应有{}列，实有{}列", COLUMNS.len(), cells.len())]);
    }
    let mut problems = Vec::new();
    let cell = |i: usize| cells[i].trim().to_string();
    let mut number = |i: usize| {
        cell(i).parse::<u32>().unwrap_or_else(|_| {
            problems.push(format!("{}应为整数", COLUMNS[i]));
            0
        })
    };
    let (statutory_days, committed_days, yellow_days) = (number(8), number(9), number(14));
    let department_id = units.iter().find(|(_, n)| *n == cell(2)).map(|(id, _)| *id).unwrap_or_else(|| {
        problems.push(format!("实施部门“{}”不在部门与单位中", cell(2)));
        0
    });
    let class = HandlingClass::ALL.into_iter().find(|c| c.zh() == cell(3)).unwrap_or_else(|| {
        problems.push(format!("办理类别“{}”应为即办件、承诺件、联办件、上报件、补办件或退回件", cell(3)));
        HandlingClass::Commitment
    });
    let free = match cell(12).as_str() {
        "是" => true,
        "否" => false,
        other => {
            problems.push(format!("免费一栏应为“是”或“否”，不是“{other}”"));
            false
        }
    };
    let lines = |i: usize| -> Vec<String> { cells[i].lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect() };
    let materials = lines(6).iter().filter_map(|l| material(l).map_err(|e| problems.push(e)).ok()).collect();
    let form_fields = lines(15).iter().filter_map(|l| form_field(l).map_err(|e| problems.push(e)).ok()).collect();
    let content = MatterContent {
        code: cell(0),
        name: cell(1),
        department_id,
        class,
        legal_basis: cell(4),
        conditions: cell(5),
        materials,
        procedure: lines(7),
        statutory_days,
        committed_days,
        fee: cell(10),
        fee_basis: cell(11),
        free,
        result: cell(13),
        yellow_days,
        form_fields,
    };
    if let Err(e) = content.validate() {
        problems.extend(e.fields.into_iter().map(|f| f.message));
    }
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(problems)
    }
}

fn material(line: &str) -> Result<MaterialSpec, String> {
    let parts: Vec<&str> = line.split('|').map(str::trim).collect();
    let [name, form, copies, required, note] = parts[..] else {
        return Err(format!("材料“{line}”应写成：名称|原件|1|必交|说明"));
    };
    let form = MaterialForm::ALL.into_iter().find(|f| f.zh() == form).ok_or(format!("材料“{name}”的形式应为原件、复印件或原件及复印件"))?;
    let copies = copies.parse().map_err(|_| format!("材料“{name}”的份数应为整数"))?;
    let required = match required {
        "必交" => true,
        "选交" => false,
        _ => return Err(format!("材料“{name}”应注明必交或选交")),
    };
    Ok(MaterialSpec { name: name.into(), form, copies, required, note: note.into() })
}

fn form_field(line: &str) -> Result<FormField, String> {
    let parts: Vec<&str> = line.split('|').map(str::trim).collect();
    let [key, label, required] = parts[..] else {
        return Err(format!("申请表栏目“{line}”应写成：代码|名称|必填"));
    };
    let required = match required {
        "必填" => true,
        "选填" => false,
        _ => return Err(format!("申请表栏目“{label}”应注明必填或选填")),
    };
    Ok(FormField { key: key.into(), label: label.into(), required })
}

named_enum! {
/// What an import did with one line.
pub enum ImportOutcome {
    Created = "created",
    Updated = "updated",
    Unchanged = "unchanged",
}
}

impl ImportOutcome {
    pub fn zh(self) -> &'static str {
        match self {
            ImportOutcome::Created => "新增",
            ImportOutcome::Updated => "更新（发布新版本）",
            ImportOutcome::Unchanged => "未变",
        }
    }
}

/// The body of an import: the file's text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogueImport {
    pub csv: String,
}

/// One line of a successful import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ImportedRow {
    pub line: usize,
    pub code: String,
    pub name: String,
    pub outcome: ImportOutcome,
}

/// What an import did, line by line (a file with any wrong line is refused
/// whole, with each line's problems in the error's `fields`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ImportReport {
    pub rows: Vec<ImportedRow>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::catalogue::tests::content;

    fn units() -> Vec<(i64, String)> {
        vec![(1, "县市场监督管理局".into()), (2, "县公安局".into())]
    }

    #[test]
    fn a_catalogue_exports_and_reads_back_unchanged() {
        let mut second = content();
        second.code = "GA-002".into();
        second.department_id = 2;
        second.form_fields.clear();
        second.materials[0].note = "可用\"电子证照\", 加盖公章".into();
        second.legal_basis = "-《条例》第三条".into();
        let matters = vec![("县市场监督管理局".to_string(), content()), ("县公安局".to_string(), second.clone())];
        let csv = export(&matters);
        let back = parse(&csv, &units()).unwrap();
        assert_eq!(back, vec![(2, Ok(content())), (back[1].0, Ok(second))]);
    }

    #[test]
    fn every_wrong_line_is_reported_with_its_number() {
        let good = export(&[("县市场监督管理局".to_string(), content())]);
        let mut csv = good.clone();
        csv.push_str("X-1,名称,不存在的局,特办件,依据,条件,申请书|原件|一|必交|,流程,10,12,不收费,,也许,结果,2,\r\n");
        // The good line again (its cells hold line breaks: everything after the header).
        csv.push_str(good.split_once("\r\n").unwrap().1);
        let rows = parse(&csv, &units()).unwrap();
        assert!(rows[0].1.is_ok());
        let bad = rows[1].1.as_ref().unwrap_err();
        for expected in ["不存在的局", "特办件", "也许", "份数", "承诺时限"] {
            assert!(bad.iter().any(|p| p.contains(expected)), "{expected}: {bad:?}");
        }
        assert!(rows[2].1.as_ref().unwrap_err()[0].contains("重复"));
    }

    #[test]
    fn a_wrong_header_refuses_the_file() {
        assert!(parse("编码,名称\r\n1,2\r\n", &units()).unwrap_err().contains("表头"));
        assert!(parse("", &units()).is_err());
    }
}
