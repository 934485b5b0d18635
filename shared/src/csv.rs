//! CSV export of dashboard tables and registers, as spreadsheet programs in
//! China open it: UTF-8 with a byte-order mark, CRLF line ends.

use crate::engine::period::Rate;

/// A CSV document: the header line, then one line per row.
pub fn to_csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    let line = |cells: &mut dyn Iterator<Item = &str>, out: &mut String| {
        let quoted: Vec<String> = cells.map(cell).collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    };
    line(&mut header.iter().copied(), &mut out);
    for row in rows {
        line(&mut row.iter().map(String::as_str), &mut out);
    }
    out
}

/// One line of a figures table (the county, or a unit): its label, its
/// counters in column order, its rates, then any further cells.
pub struct FigureLine<'a> {
    pub label: &'a str,
    pub counts: Vec<u64>,
    pub rates: &'a [Rate],
    pub extra: Vec<String>,
}

/// A figures table as CSV: `单位`, a column per counter (`counters`, their
/// labels), one per rate in percent (`rates`, for their names), then the
/// `extra` columns; a rate that has no value is an empty cell.
pub fn figures_csv<'a>(counters: &[&str], rates: &[Rate], extra: &[&str], lines: impl IntoIterator<Item = FigureLine<'a>>) -> String {
    let rate_names: Vec<String> = rates.iter().map(|r| format!("{}（%）", r.name)).collect();
    let mut header: Vec<&str> = vec!["单位"];
    header.extend(counters);
    header.extend(rate_names.iter().map(String::as_str));
    header.extend(extra);
    let rows: Vec<Vec<String>> = lines
        .into_iter()
        .map(|l| {
            let mut line = vec![l.label.to_string()];
            line.extend(l.counts.iter().map(u64::to_string));
            line.extend(l.rates.iter().map(|r| r.value.map(|v| v.to_string()).unwrap_or_default()));
            line.extend(l.extra);
            line
        })
        .collect();
    to_csv(&header, &rows)
}

/// Quotes a cell when it holds a comma, quote or line break; a leading
/// `=`, `+`, `-` or `@` is defused so a spreadsheet never runs it as a formula.
fn cell(s: &str) -> String {
    let s =
        if s.starts_with(['=', '+', '@']) || (s.starts_with('-') && s.parse::<f64>().is_err()) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Reads a CSV document (RFC 4180: quoted cells may hold commas, quotes and
/// line breaks; CRLF or LF line ends; a leading byte-order mark is skipped)
/// into its lines of cells, each with the line number it starts on. A
/// cell that `cell` defused (`'=…`) is read back as written.
pub fn parse_csv(text: &str) -> Result<Vec<(usize, Vec<String>)>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut line, mut start) = (false, 1, 1);
    let mut chars = text.chars().peekable();
    let undefuse = |f: String| match f.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
        _ => f,
    };
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(undefuse(std::mem::take(&mut field))),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(undefuse(std::mem::take(&mut field)));
                rows.push((start, std::mem::take(&mut row)));
                line += 1;
                start = line;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(format!("第{start}行起的引号没有闭合"));
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(undefuse(field));
        rows.push((start, row));
    }
    // Blank lines carry nothing.
    rows.retain(|(_, r)| !(r.len() == 1 && r[0].trim().is_empty()));
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_it_writes() {
        let rows = vec![
            vec!["一类会议".to_string(), "-13.6".into(), "".into()],
            vec!["关于\"春耕\"的通知, 补充".into(), "a\nb\r\nc".into(), "=SUM(A1)".into()],
        ];
        let csv = to_csv(&["类别", "本期", "备注"], &rows);
        let back = parse_csv(&csv).unwrap();
        assert_eq!(back[0], (1, vec!["类别".to_string(), "本期".into(), "备注".into()]));
        assert_eq!(back[1], (2, rows[0].clone()));
        assert_eq!(back[2], (3, rows[1].clone()));
        assert_eq!(back.len(), 3);
    }

    #[test]
    fn lf_endings_blank_lines_and_broken_quotes() {
        assert_eq!(parse_csv("a,b\n\n1,2").unwrap(), vec![(1, vec!["a".into(), "b".into()]), (3, vec!["1".into(), "2".into()])]);
        assert!(parse_csv("a,\"b\n1,2").unwrap_err().contains("第1行"));
    }

    #[test]
    fn escapes_what_needs_escaping() {
        let rows = vec![
            vec!["一类会议".to_string(), "19".into(), "-13.6".into()],
            vec!["关于\"春耕\"的通知, 补充".into(), "a\nb".into(), "=SUM(A1)".into()],
        ];
        let csv = to_csv(&["类别", "本期", "同比(%)"], &rows);
        assert_eq!(csv, "\u{feff}类别,本期,同比(%)\r\n一类会议,19,-13.6\r\n\"关于\"\"春耕\"\"的通知, 补充\",\"a\nb\",'=SUM(A1)\r\n");
    }
}
