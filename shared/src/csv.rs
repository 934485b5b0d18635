//! CSV export of dashboard tables and registers, as spreadsheet programs in
//! China open it: UTF-8 with a byte-order mark, CRLF line ends.

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

#[cfg(test)]
mod tests {
    use super::*;

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
