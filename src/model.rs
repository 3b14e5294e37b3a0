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
    /// True for a total that the data lacks and [`ProductSums`] made from its products.
    pub derived: bool,
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
            derived: false,
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

/// The note a derived total carries: what it is the sum of.
pub const DERIVED_NOTE: &str = "total of the products listed";

/// A hash for the readers' bookkeeping keyed by numbers (years, codes, source ids): FxHash's
/// rotate, xor and multiply, a few instructions a word where SipHash takes dozens. Not
/// resistant to keys chosen to collide: never for keys that hold the file's free text.
#[derive(Clone, Copy, Default)]
pub(crate) struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// The year, direction and kind of a total: any source's total row for it rules out a
/// derived one, so that a derived total is never mixed with another source's total.
type TotalKey = (i32, CountryCode, CountryCode, FlowKind);

/// One derived total: its source and reporter too, as the products summed share them.
type SumKey = (
    i32,
    CountryCode,
    CountryCode,
    FlowKind,
    Option<u32>,
    Option<CountryCode>,
);

/// A running sum of product rows and whether each of them gave a CIF and FOB value.
struct Sum {
    flow: Flow,
    cif: bool,
    fob: bool,
}

/// The one rule for totals, whatever the reader: a year and direction with product
/// rows and no total row gets the sum of its products as its total, marked
/// [`Flow::derived`] with the note [`DERIVED_NOTE`]. Products are summed per source and
/// reporter (two sources' products are never added together), and a total row from any
/// source for that year and direction means no derived total at all.
#[derive(Default)]
pub struct ProductSums {
    totals: std::collections::HashSet<TotalKey, std::hash::BuildHasherDefault<FastHasher>>,
    /// Index into `sums` of each key: sums stay in order of first appearance.
    index: FastMap<SumKey, usize>,
    sums: Vec<Sum>,
}

impl ProductSums {
    /// Takes note of one flow row, a total or a product.
    pub fn observe(&mut self, f: &Flow) {
        // A derived total read back (native CSV written from derived data) is a total too.
        if f.product.is_none() {
            self.totals.insert((f.year, f.exporter, f.importer, f.kind));
            return;
        }
        let key = (f.year, f.exporter, f.importer, f.kind, f.source, f.reporter);
        match self.index.get(&key) {
            Some(&i) => {
                let s = &mut self.sums[i];
                s.flow.value_usd += f.value_usd;
                s.cif &= f.cif_usd.is_some();
                s.fob &= f.fob_usd.is_some();
                s.flow.cif_usd = Some(s.flow.cif_usd.unwrap_or(0.0) + f.cif_usd.unwrap_or(0.0));
                s.flow.fob_usd = Some(s.flow.fob_usd.unwrap_or(0.0) + f.fob_usd.unwrap_or(0.0));
            }
            None => {
                let mut flow = Flow::new(f.year, f.exporter, f.importer, f.value_usd);
                flow.kind = f.kind;
                flow.source = f.source;
                flow.reporter = f.reporter;
                flow.line = f.line;
                flow.cif_usd = f.cif_usd;
                flow.fob_usd = f.fob_usd;
                flow.derived = true;
                flow.note = Some(DERIVED_NOTE.into());
                self.index.insert(key, self.sums.len());
                self.sums.push(Sum {
                    cif: f.cif_usd.is_some(),
                    fob: f.fob_usd.is_some(),
                    flow,
                });
            }
        }
    }

    /// The derived totals: one for each year, direction, source and reporter whose
    /// products had no total row from any source.
    pub fn finish(self) -> Vec<Flow> {
        let totals = self.totals;
        self.sums
            .into_iter()
            .filter(|s| {
                let f = &s.flow;
                !totals.contains(&(f.year, f.exporter, f.importer, f.kind))
            })
            .map(|s| {
                let mut flow = s.flow;
                if !s.cif {
                    flow.cif_usd = None;
                }
                if !s.fob {
                    flow.fob_usd = None;
                }
                flow
            })
            .collect()
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
