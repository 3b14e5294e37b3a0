//! Writing flows back out in the native CSV format: what `--to-native` prints, and
//! what the big-file worker hands to the page once it has kept what the chart needs.

use crate::model::{Dataset, FlowKind};

/// The header of the native format as written here.
pub const HEADER: &str =
    "year,exporter,importer,product_code,product,value,kind,reporter,source,note";

/// A CSV field, quoted when it holds a comma, a quote, a line break or edge spaces.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Every flow of `d` as native CSV, values printed by `number` (the caller decides
/// how: the command line to the millionth, the browser with JavaScript's exact form).
pub fn to_native_csv(d: &Dataset, number: impl Fn(f64) -> String) -> String {
    let mut out = String::with_capacity(64 * (d.flows.len() + 1));
    out.push_str(HEADER);
    out.push('\n');
    for f in &d.flows {
        let (code, label) = match &f.product {
            Some(p) => (p.code.as_str(), p.label.as_deref().unwrap_or("")),
            None => ("", ""),
        };
        let kind = match f.kind {
            FlowKind::Trade => "",
            k => k.name(),
        };
        let reporter = f.reporter.map_or(String::new(), |c| c.to_string());
        let cells = [
            f.year.to_string(),
            f.exporter.to_string(),
            f.importer.to_string(),
            field(code),
            field(label),
            number(f.value_usd),
            kind.to_string(),
            reporter,
            field(d.source_name(f).unwrap_or("")),
            field(f.note.as_deref().unwrap_or("")),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}
