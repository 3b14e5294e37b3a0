//! Products rolled up: HS6 subheadings into HS4 headings into HS2 chapters, and
//! chapters into named groups ("Textiles" = chapters 50–63).
//!
//! A product code is text: an HS code (`6704`), a chapter (`72`) or a range of
//! codes of one length (`50-63`). Rolling up adds distinct products into their
//! heading or group; it never adds a figure to a figure that already contains it:
//! a row whose code lies inside another row's code (6704 inside 67) is that row's
//! part, and is left out of the sum when both are present.

use crate::error::{Error, ErrorKind, Position};

/// A range of HS codes of one length, inclusive: `50-63`, or `6704` alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeRange {
    /// First code.
    pub from: String,
    /// Last code, as long as `from`.
    pub to: String,
}

impl CodeRange {
    /// A code or range of codes: digits, or digits, a hyphen or dash, and as many
    /// digits again. `None` for anything else (a product named only by a label).
    pub fn parse(s: &str) -> Option<CodeRange> {
        let s = s.trim();
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        let (from, to) = match s.split_once(['-', '\u{2013}']) {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (s, s),
        };
        if !digits(from) || !digits(to) || from.len() != to.len() || from > to {
            return None;
        }
        Some(CodeRange {
            from: from.to_string(),
            to: to.to_string(),
        })
    }

    /// True when every code in `other` lies inside this range: 67 covers 6704 and
    /// 670411; 50-63 covers 52, 5208 and 55-56.
    pub fn covers(&self, other: &CodeRange) -> bool {
        let n = self.from.len();
        // Bytes, not `str` slices: the codes are ASCII digits, and a `str` slice brings
        // in core's slicing panic with its Unicode tables (see `crate::small`).
        let (from, to) = (other.from.as_bytes(), other.to.as_bytes());
        from.len() >= n && from[..n] >= *self.from.as_bytes() && to[..n] <= *self.to.as_bytes()
    }

    /// The range as text: `50-63`, or `6704`.
    pub fn text(&self) -> String {
        if self.from == self.to {
            self.from.clone()
        } else {
            format!("{}-{}", self.from, self.to)
        }
    }
}

/// Products shown together under one name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The name shown: "Textiles".
    pub name: String,
    /// The codes it takes, in any number of ranges.
    pub ranges: Vec<CodeRange>,
}

impl Group {
    /// A group from a name and ranges written `50-63` or `50-63, 6704`.
    pub fn parse(name: &str, ranges: &str) -> Result<Group, Error> {
        let bad = |msg: String| Error::at(Position::new(1, 1), ErrorKind::BadOption(msg));
        let name = name.trim();
        if name.is_empty() {
            return Err(bad("a product group needs a name".into()));
        }
        let mut parsed = Vec::new();
        for part in ranges
            .split([',', ';', ' '])
            .filter(|p| !p.trim().is_empty())
        {
            parsed.push(CodeRange::parse(part).ok_or_else(|| {
                bad(format!(
                    "group \"{name}\": \"{}\" is not an HS code or a range such as 50-63",
                    part.trim()
                ))
            })?);
        }
        if parsed.is_empty() {
            return Err(bad(format!("group \"{name}\" has no HS codes")));
        }
        Ok(Group {
            name: name.to_string(),
            ranges: parsed,
        })
    }

    /// Groups written `Textiles=50-63; Wigs=6703-6704` (the element's attribute).
    pub fn parse_list(text: &str) -> Result<Vec<Group>, Error> {
        text.split(['\n', '|'])
            .flat_map(|line| line.split(';'))
            .filter(|g| !g.trim().is_empty())
            .map(|g| match g.split_once('=') {
                Some((name, ranges)) => Group::parse(name, ranges),
                None => Group::parse(g, ""),
            })
            .collect()
    }

    /// The codes as text: `50-63, 6704`.
    pub fn codes(&self) -> String {
        let parts: Vec<String> = self.ranges.iter().map(CodeRange::text).collect();
        parts.join(", ")
    }

    fn covers(&self, r: &CodeRange) -> bool {
        self.ranges.iter().any(|g| g.covers(r))
    }
}

/// One product's figure on its way into a breakdown.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The code (or the label, for a product with no code).
    pub code: String,
    /// The data's name for it, if any.
    pub label: Option<String>,
    /// US dollars.
    pub value: f64,
}

/// Rolls `items` up to HS codes of `digits` digits (2 or 4; `None` keeps codes as
/// they are) and into `groups` (the first group that covers a code takes it).
/// Rows inside another row are its parts and are dropped first. Labels: the data's
/// own for a code it names, the group's name for a group, else none (the caller
/// looks the code up). With no level and no groups, `items` come back unchanged.
pub fn roll_up(items: Vec<Item>, digits: Option<usize>, groups: &[Group]) -> Vec<Item> {
    if digits.is_none() && groups.is_empty() {
        return items;
    }
    let ranges: Vec<Option<CodeRange>> = items.iter().map(|i| CodeRange::parse(&i.code)).collect();
    let inside_another = |i: usize| {
        ranges[i].as_ref().is_some_and(|r| {
            ranges
                .iter()
                .enumerate()
                .any(|(j, o)| j != i && o.as_ref().is_some_and(|o| o != r && o.covers(r)))
        })
    };
    let mut out: Vec<Item> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if inside_another(i) {
            continue;
        }
        let (code, label) = match &ranges[i] {
            Some(r) => match groups.iter().find(|g| g.covers(r)) {
                Some(g) => (g.codes(), Some(g.name.clone())),
                None => match digits {
                    Some(n) if r.from.len() > n && r.from.get(..n) == r.to.get(..n) => {
                        (r.from.get(..n).unwrap_or_default().to_string(), None)
                    }
                    _ => (item.code.clone(), item.label.clone()),
                },
            },
            None => (item.code.clone(), item.label.clone()),
        };
        match out.iter_mut().find(|o| o.code == code) {
            Some(o) => {
                o.value += item.value;
                if o.label.is_none() {
                    o.label = label;
                }
            }
            None => out.push(Item {
                code,
                label,
                value: item.value,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(code: &str, value: f64) -> Item {
        Item {
            code: code.into(),
            label: None,
            value,
        }
    }

    fn summary(items: &[Item]) -> Vec<(String, Option<String>, f64)> {
        items
            .iter()
            .map(|i| (i.code.clone(), i.label.clone(), i.value))
            .collect()
    }

    #[test]
    fn ranges_table() {
        let r = |s: &str| CodeRange::parse(s);
        assert_eq!(r("50-63").unwrap().text(), "50-63");
        assert_eq!(r(" 50 – 63 ").unwrap().text(), "50-63");
        assert_eq!(r("6704").unwrap().text(), "6704");
        for bad in ["", "x", "50-6", "63-50", "67a", "-", "Electricity"] {
            assert_eq!(r(bad), None, "{bad}");
        }
        let covers = |a: &str, b: &str| r(a).unwrap().covers(&r(b).unwrap());
        assert!(covers("67", "6704"));
        assert!(covers("67", "670411"));
        assert!(covers("50-63", "52"));
        assert!(covers("50-63", "5208"));
        assert!(covers("50-63", "55-56"));
        assert!(covers("6704", "6704"));
        assert!(!covers("6704", "67"));
        assert!(!covers("50-63", "64"));
        assert!(!covers("50-63", "49-51"));
        assert!(!covers("6704", "6703"));
    }

    #[test]
    fn groups_parse_and_name_their_errors() {
        let g = Group::parse_list("Textiles=50-63; Wigs = 6703, 6704").unwrap();
        assert_eq!(g[0].name, "Textiles");
        assert_eq!(g[0].codes(), "50-63");
        assert_eq!(g[1].codes(), "6703, 6704");
        assert_eq!(
            Group::parse("Textiles", "50-6x").unwrap_err().to_string(),
            "line 1, column 1: group \"Textiles\": \"50-6x\" is not an HS code or a range such as 50-63"
        );
        assert!(Group::parse("Empty", "").is_err());
        assert!(Group::parse(" ", "50").is_err());
    }

    #[test]
    fn subheadings_roll_up_into_headings_and_chapters() {
        let items = vec![
            item("670411", 100.0),
            item("670419", 50.0),
            item("670300", 30.0),
            item("720221", 7.0),
            item("Electricity", 2.0),
        ];
        assert_eq!(
            summary(&roll_up(items.clone(), Some(4), &[])),
            [
                ("6704".into(), None, 150.0),
                ("6703".into(), None, 30.0),
                ("7202".into(), None, 7.0),
                ("Electricity".into(), None, 2.0),
            ]
        );
        assert_eq!(
            summary(&roll_up(items.clone(), Some(2), &[])),
            [
                ("67".into(), None, 180.0),
                ("72".into(), None, 7.0),
                ("Electricity".into(), None, 2.0),
            ]
        );
        assert_eq!(roll_up(items.clone(), None, &[]), items);
    }

    #[test]
    fn a_row_inside_another_is_its_part_not_an_addition() {
        let mut chapter = item("67", 167.66);
        chapter.label = Some("Prepared feathers".into());
        let items = vec![chapter, item("6704", 166.7), item("72", 34.0)];
        assert_eq!(
            summary(&roll_up(items, Some(2), &[])),
            [
                ("67".into(), Some("Prepared feathers".into()), 167.66),
                ("72".into(), None, 34.0),
            ]
        );
    }

    #[test]
    fn groups_take_the_codes_they_cover() {
        let textiles = Group::parse("Textiles", "50-63").unwrap();
        let items = vec![
            item("5208", 10.0),
            item("61", 20.0),
            item("6704", 5.0),
            item("50-63", 1.0),
        ];
        // "50-63" in the data covers 5208 and 61: they are its parts.
        assert_eq!(
            summary(&roll_up(items, None, std::slice::from_ref(&textiles))),
            [
                ("6704".into(), None, 5.0),
                ("50-63".into(), Some("Textiles".into()), 1.0),
            ]
        );
        let items = vec![item("5208", 10.0), item("61", 20.0), item("670411", 5.0)];
        assert_eq!(
            summary(&roll_up(items, Some(4), &[textiles])),
            [
                ("50-63".into(), Some("Textiles".into()), 30.0),
                ("6704".into(), None, 5.0),
            ]
        );
    }
}
