//! One answer, two formats: every Open311 answer is built once as a
//! [`Node`] tree and written as JSON or XML from it, the way the spec maps
//! one to the other (the Spark convention: a list of `<service>` elements
//! inside `<services>` is a JSON array). The XML writer is ours: a handful
//! of element names from code, text escaped, characters XML 1.0 cannot
//! carry dropped, so the document is always well-formed UTF-8.

use serde_json::{Map, Value};

/// A value of an Open311 answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// JSON `null`, an empty element in XML.
    Null,
    Bool(bool),
    Int(i64),
    Text(String),
    /// A JSON array; in XML, one element of the given name per item.
    List(&'static str, Vec<Node>),
    /// A JSON object; in XML, one element per field, in this order.
    Map(Vec<(&'static str, Node)>),
}

impl Node {
    pub fn text(s: impl Into<String>) -> Node {
        Node::Text(s.into())
    }

    /// Text, or `null` when absent.
    pub fn opt(s: Option<impl Into<String>>) -> Node {
        s.map(|s| Node::Text(s.into())).unwrap_or(Node::Null)
    }

    pub fn to_json(&self) -> Value {
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Int(n) => Value::from(*n),
            Node::Text(s) => Value::String(s.clone()),
            Node::List(_, items) => Value::Array(items.iter().map(Node::to_json).collect()),
            Node::Map(fields) => Value::Object(fields.iter().map(|(k, v)| ((*k).to_string(), v.to_json())).collect::<Map<_, _>>()),
        }
    }

    /// The JSON document, fields in the tree's order (the spec's).
    pub fn json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    fn write_json(&self, out: &mut String) {
        let string = |out: &mut String, s: &str| out.push_str(&Value::String(s.to_string()).to_string());
        match self {
            Node::List(_, items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
            Node::Map(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    string(out, k);
                    out.push(':');
                    v.write_json(out);
                }
                out.push('}');
            }
            Node::Text(s) => string(out, s),
            scalar => out.push_str(&scalar.to_json().to_string()),
        }
    }

    /// The XML document, the tree inside a `root` element.
    pub fn xml(&self, root: &str) -> String {
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        element(&mut out, root, self);
        out.push('\n');
        out
    }
}

fn element(out: &mut String, name: &str, node: &Node) {
    match node {
        Node::Null => {
            out.push('<');
            out.push_str(name);
            out.push_str("/>");
        }
        _ => {
            out.push('<');
            out.push_str(name);
            out.push('>');
            content(out, node);
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
    }
}

fn content(out: &mut String, node: &Node) {
    match node {
        Node::Null => {}
        Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Node::Int(n) => out.push_str(&n.to_string()),
        Node::Text(s) => escape_into(out, s),
        Node::List(item, items) => items.iter().for_each(|i| element(out, item, i)),
        Node::Map(fields) => fields.iter().for_each(|(k, v)| element(out, k, v)),
    }
}

/// Whether XML 1.0 can carry `c` at all (its `Char` production).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Text for element content: markup characters escaped, characters XML
/// cannot carry (most control characters, U+FFFE, U+FFFF) dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // A lone carriage return would be read back as a newline.
            '\r' => out.push_str("&#13;"),
            c if xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Node {
        Node::List(
            "service",
            vec![Node::Map(vec![
                ("service_code", Node::text("noise")),
                ("metadata", Node::Bool(true)),
                ("order", Node::Int(1)),
                ("datatype_description", Node::Null),
                ("values", Node::List("value", vec![Node::Map(vec![("key", Node::text("a")), ("name", Node::text("甲"))])])),
            ])],
        )
    }

    #[test]
    fn one_tree_two_formats() {
        assert_eq!(
            sample().json(),
            r#"[{"service_code":"noise","metadata":true,"order":1,"datatype_description":null,"values":[{"key":"a","name":"甲"}]}]"#
        );
        assert_eq!(
            sample().xml("services"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<services><service><service_code>noise</service_code><metadata>true</metadata>\
             <order>1</order><datatype_description/><values><value><key>a</key><name>甲</name></value></values></service></services>\n"
        );
        assert_eq!(Node::List("request", vec![]).xml("service_requests").lines().nth(1), Some("<service_requests></service_requests>"));
    }

    #[test]
    fn text_is_escaped_and_what_xml_cannot_carry_is_dropped() {
        assert_eq!(escape("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
        assert_eq!(escape("行1\n行2\t\r"), "行1\n行2\t&#13;");
        assert_eq!(escape("a\u{0}b\u{1b}c\u{FFFE}d\u{1F600}"), "abcd\u{1F600}");
        assert_eq!(escape("]]>"), "]]&gt;");
        let doc = Node::Map(vec![("description", Node::text("</description><x>"))]).xml("r");
        assert!(doc.contains("<description>&lt;/description&gt;&lt;x&gt;</description>"), "{doc}");
    }
}
