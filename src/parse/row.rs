//! Turning the cells of one row, from CSV or JSON, into a [`Flow`].

use super::csv::plain_digits;
use super::ReadOptions;
use crate::error::{Error, ErrorKind, Position};
use crate::model::{CountryCode, Dataset, Flow, FlowKind, Product, ProductSums, DERIVED_NOTE};

/// The columns of the native format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Year,
    Exporter,
    Importer,
    Value,
    ProductCode,
    Product,
    Reporter,
    Unit,
    Source,
    Note,
    Kind,
}

pub const COLUMNS: usize = 11;
const REQUIRED: [Column; 4] = [
    Column::Year,
    Column::Exporter,
    Column::Importer,
    Column::Value,
];

impl Column {
    pub fn from_name(name: &str) -> Option<Column> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "year" => Column::Year,
            "exporter" => Column::Exporter,
            "importer" => Column::Importer,
            "value" => Column::Value,
            "product_code" => Column::ProductCode,
            "product" => Column::Product,
            "reporter" => Column::Reporter,
            "unit" => Column::Unit,
            "source" => Column::Source,
            "note" => Column::Note,
            "kind" => Column::Kind,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Column::Year => "year",
            Column::Exporter => "exporter",
            Column::Importer => "importer",
            Column::Value => "value",
            Column::ProductCode => "product_code",
            Column::Product => "product",
            Column::Reporter => "reporter",
            Column::Unit => "unit",
            Column::Source => "source",
            Column::Note => "note",
            Column::Kind => "kind",
        }
    }
}

/// The required columns that a header lacks, first one only.
pub fn missing_required(present: &[bool; COLUMNS]) -> Option<Column> {
    REQUIRED.into_iter().find(|c| !present[*c as usize])
}

/// One cell: its text (`None` when absent or JSON null) and where it is.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    pub text: Option<String>,
    pub pos: Option<Position>,
}

/// What makes two rows the same figure: year, direction, product, source and kind.
type RowKey = (
    i32,
    CountryCode,
    CountryCode,
    Option<String>,
    Option<u32>,
    FlowKind,
);

/// Builds flows row by row, catching duplicates.
#[derive(Default)]
pub struct FlowBuilder {
    pub dataset: Dataset,
    // Keyed by the file's own text (product codes): std's SipHash, keyed at random where the
    // platform has randomness, so that rows made to collide cannot make the check quadratic
    // (FastHasher could be: its collisions can be solved for). It costs no measurable time.
    seen: std::collections::HashMap<RowKey, u32>,
    /// Totals the data lacks, summed from products (see [`ProductSums`]).
    sums: ProductSums,
    keep: Option<CountryCode>,
    partner: Option<CountryCode>,
}

impl FlowBuilder {
    /// Whether a flow between these countries, of a product or the total, would be kept.
    pub fn keeps(&self, exporter: CountryCode, importer: CountryCode, product: bool) -> bool {
        let Some(k) = self.keep else {
            return true;
        };
        let other = if exporter == k {
            importer
        } else if importer == k {
            exporter
        } else {
            return false;
        };
        !product || self.partner.is_none_or(|p| p == other)
    }

    /// A builder that keeps what `opts` asks for.
    pub fn new(opts: &ReadOptions) -> Self {
        FlowBuilder {
            keep: opts.keep,
            partner: opts.partner,
            ..FlowBuilder::default()
        }
    }

    /// Adds the flow in one row. `row` is the row's own position, for cells it lacks.
    pub fn push(&mut self, cells: &[Cell; COLUMNS], row: Position) -> Result<(), Error> {
        let text = |c: Column| -> Option<&str> {
            cells[c as usize]
                .text
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let pos = |c: Column| cells[c as usize].pos.unwrap_or(row);
        let err = |c: Column, kind| Error::in_field(pos(c), c.name(), kind);
        let required = |c: Column| text(c).ok_or_else(|| err(c, ErrorKind::EmptyCell));

        let year_text = required(Column::Year)?;
        let year = parse_year(year_text).map_err(|kind| err(Column::Year, kind))?;
        let country = |c: Column| -> Result<CountryCode, Error> {
            let s = required(c)?;
            let code =
                CountryCode::parse(s).ok_or_else(|| err(c, ErrorKind::BadCountry(s.into())))?;
            if !known(code) {
                return Err(err(c, ErrorKind::UnknownCountry(s.into())));
            }
            Ok(code)
        };
        let exporter = country(Column::Exporter)?;
        let importer = country(Column::Importer)?;
        if exporter == importer {
            return Err(err(
                Column::Importer,
                ErrorKind::SameCountry(exporter.to_string()),
            ));
        }
        let scale = match text(Column::Unit).map(str::to_ascii_lowercase).as_deref() {
            None | Some("usd") => 1.0,
            Some("thousand_usd") => 1e3,
            Some("million_usd") => 1e6,
            Some(_) => {
                let unit = text(Column::Unit).unwrap_or_default();
                return Err(err(Column::Unit, ErrorKind::UnknownUnit(unit.into())));
            }
        };
        let value_text = required(Column::Value)?;
        let value = parse_value(value_text).map_err(|kind| err(Column::Value, kind))? * scale;
        let kind = match text(Column::Kind) {
            None => FlowKind::Trade,
            Some(s) => FlowKind::from_name(s)
                .ok_or_else(|| err(Column::Kind, ErrorKind::UnknownKind(s.into())))?,
        };
        let reporter = match text(Column::Reporter) {
            None => None,
            Some(s) => Some(
                CountryCode::parse(s)
                    .ok_or_else(|| err(Column::Reporter, ErrorKind::BadCountry(s.into())))?,
            ),
        };

        let product = match (text(Column::ProductCode), text(Column::Product)) {
            (None, None) => None,
            (code, label) => Some(Product {
                code: code.or(label).unwrap_or_default().to_string(),
                label: label.map(str::to_string),
            }),
        };
        let source = text(Column::Source).map(|s| self.dataset.intern_source(s));
        let mut flow = Flow::new(year, exporter, importer, value);
        flow.product = product;
        flow.source = source;
        flow.note = text(Column::Note).map(str::to_string);
        // A total written out as derived (by `--to-native` or the big-file worker) is read
        // back as one: its note says so.
        flow.derived = flow.product.is_none() && flow.note.as_deref() == Some(DERIVED_NOTE);
        flow.line = row.line;
        flow.kind = kind;
        flow.reporter = reporter;
        self.add(flow)
    }

    /// Adds a flow built by any reader; a second flow for the same year, direction,
    /// product, kind and source is an error naming the first one's line.
    pub fn add(&mut self, flow: Flow) -> Result<(), Error> {
        self.dataset.rows_read += 1;
        // Products of partners not kept still add up to totals that are kept.
        if self.keeps(flow.exporter, flow.importer, false) {
            self.sums.observe(&flow);
        }
        self.add_derived(flow)
    }

    /// The dataset, with a total made from the products wherever the data has none.
    pub fn finish(mut self) -> Result<Dataset, Error> {
        for total in std::mem::take(&mut self.sums).finish() {
            self.add_derived(total)?;
        }
        Ok(self.dataset)
    }

    /// Adds a flow that a reader built from rows already counted (derived totals), as
    /// [`FlowBuilder::add`] does but without counting it as a row read.
    pub fn add_derived(&mut self, flow: Flow) -> Result<(), Error> {
        if !self.keeps(flow.exporter, flow.importer, flow.product.is_some()) {
            return Ok(());
        }
        let key = (
            flow.year,
            flow.exporter,
            flow.importer,
            flow.product.as_ref().map(|p| p.code.clone()),
            flow.source,
            flow.kind,
        );
        if let Some(&first_line) = self.seen.get(&key) {
            let kind = match flow.kind {
                FlowKind::Trade => String::new(),
                k => format!(" {}s", k.name()),
            };
            let what = format!(
                "{}, {} to {}{kind}, {}{}",
                flow.year,
                flow.exporter,
                flow.importer,
                flow.product.as_ref().map_or("total", |p| p.code.as_str()),
                flow.source
                    .and_then(|i| self.dataset.sources.get(i as usize))
                    .map(|s| format!(", source \"{s}\""))
                    .unwrap_or_default()
            );
            return Err(Error::at(
                Position::new(flow.line, 1),
                ErrorKind::Duplicate { first_line, what },
            ));
        }
        self.seen.insert(key, flow.line);
        self.dataset.flows.push(flow);
        Ok(())
    }
}

/// True for a code in the country table, or one of ISO 3166's codes for users to
/// assign (`XAA` to `XZZ`; the World Bank gives Kosovo `XKX`): a typo such as `CHM`
/// for `CHN` is an error, not a country of its own.
fn known(code: CountryCode) -> bool {
    code.as_str().starts_with('X') || crate::countries::by_alpha3(code.as_str()).is_some()
}

/// A year: a whole number from 1900 to 2100.
pub fn parse_year(s: &str) -> Result<i32, ErrorKind> {
    let year: i64 = match plain_digits(s) {
        Some(n) => n as i64,
        None => s
            .trim()
            .parse()
            .map_err(|_| ErrorKind::NotAYear(s.into()))?,
    };
    if !(1900..=2100).contains(&year) {
        return Err(ErrorKind::YearOutOfRange(year));
    }
    Ok(year as i32)
}

/// The largest value a cell may hold, in its unit: forty times the world's yearly
/// trade in dollars. Far beyond any figure, far below where sums of a file's values
/// (even in millions) could overflow to infinity and print as "inf".
pub const MAX_VALUE: f64 = 1e15;

/// A trade value: a plain or scientific number, optionally with `,` thousands
/// separators in groups of three; finite and not negative.
pub fn parse_value(s: &str) -> Result<f64, ErrorKind> {
    // Whole dollars, as most files give them: the same f64 that parsing gives, since it
    // is exact, and never above MAX_VALUE (15 digits are below 1e15).
    if let Some(n) = plain_digits(s) {
        return Ok(n as f64);
    }
    let plain;
    let digits = if s.as_bytes().contains(&b',') {
        if !has_thousands_groups(s) {
            return Err(ErrorKind::NotANumber(s.into()));
        }
        plain = s.replace(',', "");
        plain.as_str()
    } else {
        s
    };
    let Some(v) = crate::decimal::parse(digits) else {
        let word = digits.strip_prefix(['+', '-']).unwrap_or(digits);
        let word = word.to_ascii_lowercase();
        return Err(if matches!(word.as_str(), "inf" | "infinity" | "nan") {
            ErrorKind::NotFinite(s.into())
        } else {
            ErrorKind::NotANumber(s.into())
        });
    };
    if !v.is_finite() {
        return Err(ErrorKind::NotFinite(s.into()));
    }
    if v < 0.0 {
        return Err(ErrorKind::Negative(s.into()));
    }
    if v > MAX_VALUE {
        return Err(ErrorKind::TooLarge(s.into()));
    }
    Ok(v + 0.0) // -0 becomes 0
}

fn has_thousands_groups(s: &str) -> bool {
    let int = s.split('.').next().unwrap_or("");
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_table() {
        let ok = [
            ("290000000", 290e6),
            ("2.03e9", 2.03e9),
            ("1,234,567", 1234567.0),
            ("1,234.5", 1234.5),
            ("0", 0.0),
            ("-0", 0.0),
            (".5", 0.5),
        ];
        for (s, v) in ok {
            assert_eq!(parse_value(s), Ok(v), "{s}");
        }
        let bad = [
            ("12,3x", ErrorKind::NotANumber("12,3x".into())),
            ("1,23", ErrorKind::NotANumber("1,23".into())),
            ("n/a", ErrorKind::NotANumber("n/a".into())),
            ("inf", ErrorKind::NotFinite("inf".into())),
            ("NaN", ErrorKind::NotFinite("NaN".into())),
            ("1e999", ErrorKind::NotFinite("1e999".into())),
            ("-Infinity", ErrorKind::NotFinite("-Infinity".into())),
            // Two signs are no number, as Rust's parser says.
            ("+-inf", ErrorKind::NotANumber("+-inf".into())),
            ("--5", ErrorKind::NotANumber("--5".into())),
            ("-5", ErrorKind::Negative("-5".into())),
        ];
        for (s, e) in bad {
            assert_eq!(parse_value(s), Err(e), "{s}");
        }
    }

    // The digits-only shortcut gives what `str::parse` gives, up to where it stops (15
    // digits) and past it, where parsing takes over.
    #[test]
    fn plain_digits_read_as_parse_reads_them() {
        let mut n: u64 = 1;
        let mut texts = vec!["0".to_string(), "00".into(), "007".into(), "".into()];
        for _ in 0..19 {
            texts.push(n.to_string());
            texts.push((n - 1).to_string());
            texts.push(format!("0{n}"));
            n = n.saturating_mul(10).saturating_add(7);
        }
        texts.extend(["999999999999999", "1000000000000000", "9007199254740993"].map(String::from));
        texts.extend(["1 ", " 1", "+1", "-1", "1.", "1e3", "1,000", "١"].map(String::from));
        for s in &texts {
            let slow = s
                .parse::<f64>()
                .ok()
                .filter(|v| *v <= MAX_VALUE && !s.starts_with(['+', '-', ' ']));
            match plain_digits(s) {
                Some(v) => {
                    assert_eq!(Some(v as f64), slow, "{s:?}");
                    assert_eq!(parse_value(s), Ok(v as f64), "{s:?}");
                }
                None => assert!(
                    s.len() > 15 || !s.bytes().all(|b| b.is_ascii_digit()) || s.is_empty(),
                    "{s:?}"
                ),
            }
            let year_slow = s.trim().parse::<i64>().ok();
            if let Some(y) = year_slow.filter(|y| (1900..=2100).contains(y)) {
                assert_eq!(parse_year(s), Ok(y as i32), "{s:?}");
            }
        }
        assert_eq!(parse_year("1899"), Err(ErrorKind::YearOutOfRange(1899)));
        assert_eq!(parse_year(" 2023 "), Ok(2023));
        assert_eq!(
            parse_year("2023.0"),
            Err(ErrorKind::NotAYear("2023.0".into()))
        );
    }
}
