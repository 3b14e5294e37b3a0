//! The data model: directed trade flows between countries, in US dollars.

use std::fmt;

/// An ISO 3166 alpha-3 country code, stored upper case.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 3]);

impl CountryCode {
    /// The code from three ASCII letters, in any case, or one of the few codes in
    /// the country table with a digit (`S19`, Comtrade's "Other Asia, nes");
    /// `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 3 || !b.iter().all(u8::is_ascii_alphanumeric) {
            return None;
        }
        if !b.iter().all(u8::is_ascii_alphabetic) && crate::countries::by_alpha3(s).is_none() {
            return None;
        }
        Some(CountryCode([
            b[0].to_ascii_uppercase(),
            b[1].to_ascii_uppercase(),
            b[2].to_ascii_uppercase(),
        ]))
    }

    /// The code as text, e.g. `"PRK"`.
    pub fn as_str(&self) -> &str {
        // Only ever built from ASCII letters.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a flow is made of: an HS code, chapter or range of chapters, with a label.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Product {
    /// The code as written (`6704`, `72`, `50-63`); the label when the data has no code.
    pub code: String,
    /// The name given in the data, if any.
    pub label: Option<String>,
}

/// What a flow row measures. Only [`FlowKind::Trade`] goes into balances.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FlowKind {
    /// Exports and imports as customs count them (Comtrade `X` and `M`).
    #[default]
    Trade,
    /// Goods re-exported by the exporter (Comtrade `RX`). Usually already part of
    /// its exports, so never added to them.
    ReExport,
    /// Goods re-imported by the importer (Comtrade `RM`), likewise part of its imports.
    ReImport,
}

impl FlowKind {
    /// The native format's name: `trade`, `re-export` or `re-import`.
    pub fn name(self) -> &'static str {
        match self {
            FlowKind::Trade => "trade",
            FlowKind::ReExport => "re-export",
            FlowKind::ReImport => "re-import",
        }
    }

    /// The kind from its native name (ASCII case-insensitive); empty is trade.
    pub fn from_name(s: &str) -> Option<FlowKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "trade" => Some(FlowKind::Trade),
            "re-export" | "reexport" | "re-exports" => Some(FlowKind::ReExport),
            "re-import" | "reimport" | "re-imports" => Some(FlowKind::ReImport),
            _ => None,
        }
    }
}

/// One directed flow: what `exporter` sold to `importer` in `year`.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    /// Calendar year.
    pub year: i32,
    /// Selling country.
    pub exporter: CountryCode,
    /// Buying country.
    pub importer: CountryCode,
    /// `None` for the year's total in this direction.
    pub product: Option<Product>,
    /// Value in US dollars, unrounded.
    pub value_usd: f64,
    /// Index into [`Dataset::sources`].
    pub source: Option<u32>,
    /// Free text from the `note` column.
    pub note: Option<String>,
    /// Line of the input that gave this flow (1-based), for errors found later.
    pub line: u32,
    /// Trade, or a re-export or re-import kept out of balances.
    pub kind: FlowKind,
    /// The country whose statistics give this figure, when the data says:
    /// the exporter's own report, the importer's ("mirror" data), or neither's.
    pub reporter: Option<CountryCode>,
    /// The CIF value (cost, insurance and freight: how importers count), US dollars.
    pub cif_usd: Option<f64>,
    /// The FOB value (free on board: how exporters count), US dollars.
    pub fob_usd: Option<f64>,
}

impl Flow {
    /// A trade flow with no product, source, note, reporter or CIF/FOB split.
    pub fn new(year: i32, exporter: CountryCode, importer: CountryCode, value_usd: f64) -> Self {
        Flow {
            year,
            exporter,
            importer,
            product: None,
            value_usd,
            source: None,
            note: None,
            line: 0,
            kind: FlowKind::Trade,
            reporter: None,
            cif_usd: None,
            fob_usd: None,
        }
    }
}

/// Rows a reader passed over on purpose (aggregates, breakdowns, statements that
/// are not directed flows), counted by reason so that nothing vanishes unsaid.
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    /// Why, in words: `partner "Areas, nes" (899) is not a country`.
    pub reason: String,
    /// How many rows.
    pub rows: u32,
    /// The first such row's line.
    pub first_line: u32,
}

/// Everything parsed from one input.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    /// Flows in input order.
    pub flows: Vec<Flow>,
    /// Distinct source names, in order of first appearance.
    pub sources: Vec<String>,
    /// Rows left out by the reader, by reason, in order of first appearance.
    pub skipped: Vec<Skipped>,
    /// Data rows read as flows, including those a filter did not keep.
    pub rows_read: u64,
}

impl Dataset {
    /// The index of a source name, adding it on first sight.
    pub fn intern_source(&mut self, name: &str) -> u32 {
        if let Some(i) = self.sources.iter().position(|s| s == name) {
            return i as u32;
        }
        self.sources.push(name.to_string());
        (self.sources.len() - 1) as u32
    }

    /// Counts a row left out for `reason`.
    pub fn skip(&mut self, reason: impl Into<String>, line: u32) {
        let reason = reason.into();
        match self.skipped.iter_mut().find(|s| s.reason == reason) {
            Some(s) => s.rows += 1,
            None => self.skipped.push(Skipped {
                reason,
                rows: 1,
                first_line: line,
            }),
        }
    }

    /// The name of a flow's source.
    pub fn source_name(&self, flow: &Flow) -> Option<&str> {
        flow.source
            .and_then(|i| self.sources.get(i as usize))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_are_three_letters_upper_cased() {
        assert_eq!(
            CountryCode::parse("prk").map(|c| c.to_string()),
            Some("PRK".into())
        );
        assert_eq!(CountryCode::parse("PR"), None);
        assert_eq!(CountryCode::parse("P1K"), None);
        assert_eq!(
            CountryCode::parse("s19").map(|c| c.to_string()),
            Some("S19".into())
        );
        assert_eq!(CountryCode::parse("북한"), None);
    }
}
