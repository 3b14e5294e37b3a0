//! Names for HS codes: a `code,label` table, looked up when the data gives a code
//! without a name.
//!
//! The complete table of chapters and headings (`www/data/hs.csv`, made by
//! `scripts/hs-labels.mjs` from the public-domain HS nomenclature) is about 150 KB,
//! so it is never compiled into the WebAssembly: the page fetches it when it needs
//! labels and passes its text in ([`ProductLabels::parse`]); native programs such as
//! the command line have it built in ([`ProductLabels::builtin`]).

use crate::analyze::Analysis;
use crate::error::{Error, ErrorKind, Position};
use crate::parse::Records;

/// HS codes and their names, sorted by code.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProductLabels {
    entries: Vec<(String, String)>,
}

impl ProductLabels {
    /// No labels.
    pub fn new() -> Self {
        ProductLabels::default()
    }

    /// A table from CSV text with the columns `code,label` (a header row first);
    /// later rows replace earlier ones with the same code.
    pub fn parse(text: &str) -> Result<Self, Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut records = Records::new(text);
        let Some(header) = records.next_record() else {
            return Ok(ProductLabels::default());
        };
        let find = |name: &str| {
            header
                .fields
                .iter()
                .position(|f| f.trim().eq_ignore_ascii_case(name))
        };
        let (Some(code), Some(label)) = (find("code"), find("label")) else {
            return Err(Error::at(
                Position::new(header.line, 1),
                ErrorKind::Unsupported("a label table needs the columns code and label".into()),
            ));
        };
        let mut pairs: Vec<(String, String)> = Vec::new();
        while let Some(r) = records.next_record() {
            if let (Some(c), Some(l)) = (r.fields.get(code), r.fields.get(label)) {
                pairs.push((c.to_string(), l.to_string()));
            }
        }
        Ok(ProductLabels::from_pairs(pairs))
    }

    /// A table from `(code, label)` pairs; later pairs replace earlier ones.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut entries: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(c, l)| (c.trim().to_string(), l.trim().to_string()))
            .filter(|(c, l)| !c.is_empty() && !l.is_empty())
            .collect();
        // The table comes sorted (www/data/hs.csv): an insertion sort is linear.
        crate::small::sort_by(&mut entries, |a, b| a.0 < b.0);
        // Of equal codes, the last is the one kept.
        let mut kept: Vec<(String, String)> = Vec::with_capacity(entries.len());
        for e in entries {
            match kept.last_mut() {
                Some(k) if k.0 == e.0 => *k = e,
                _ => kept.push(e),
            }
        }
        let entries = kept;
        ProductLabels { entries }
    }

    /// The name of a code, if the table has it.
    pub fn get(&self, code: &str) -> Option<&str> {
        self.entries
            .binary_search_by(|(c, _)| c.as_str().cmp(code))
            .ok()
            .map(|i| self.entries[i].1.as_str())
    }

    /// How many codes the table names.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True for an empty table.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every HS chapter and heading, and the subheadings the seed stories name.
    /// Native only: the table is too large for the WebAssembly module.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn builtin() -> &'static ProductLabels {
        static TABLE: std::sync::OnceLock<ProductLabels> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            ProductLabels::parse(include_str!("../www/data/hs.csv")).unwrap_or_default()
        })
    }
}

/// Names the composition's products that have no name in the data: the label
/// is the data's, else the table's, else the code itself.
pub fn label_composition(analysis: &mut Analysis, labels: &ProductLabels) {
    if labels.is_empty() {
        return;
    }
    let Some(c) = analysis.composition.as_mut() else {
        return;
    };
    for b in [c.exports.as_mut(), c.imports.as_mut()]
        .into_iter()
        .flatten()
    {
        for row in b
            .rows
            .iter_mut()
            .filter(|r| !r.is_other && r.label == r.code)
        {
            if let Some(l) = labels.get(&row.code) {
                row.label = l.to_string();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_from_csv() {
        let t = ProductLabels::parse(
            "\u{feff}code,label\n6704,\"Wigs, false beards\"\n72,Iron and steel\n72,Iron and steel, again\n",
        );
        // The last row has three fields: its label is the second, as the header says.
        let t = t.unwrap();
        assert_eq!(t.get("6704"), Some("Wigs, false beards"));
        assert_eq!(t.get("72"), Some("Iron and steel"));
        assert_eq!(t.get("7"), None);
        assert_eq!(t.len(), 2);
        assert!(ProductLabels::parse("hs,name\n1,x\n").is_err());
        assert!(ProductLabels::parse("").unwrap().is_empty());
    }

    #[test]
    fn the_builtin_table_has_every_chapter_and_heading() {
        let t = ProductLabels::builtin();
        assert_eq!(t.get("67").map(|s| &s[..20]), Some("Feathers and down, p"));
        assert!(t.get("6704").unwrap().starts_with("Wigs, false beards"));
        assert_eq!(t.get("2716"), Some("Electrical energy"));
        assert_eq!(
            t.get("670411"),
            Some("Wigs; complete, of synthetic textile materials")
        );
        let chapters = (1..=97)
            .filter(|c| *c != 77) // Reserved for future use.
            .filter(|c| t.get(&format!("{c:02}")).is_some())
            .count();
        assert_eq!(chapters, 96);
        assert!(t.len() > 1300, "{}", t.len());
    }
}
