//! Errors with the place in the input where they happened.

use std::fmt;

/// A place in the input text: 1-based line and column.
///
/// For CSV the column counts fields (the 4th field is column 4); for JSON it counts
/// characters on the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column number.
    pub column: u32,
}

impl Position {
    /// A position from its line and column.
    pub const fn new(line: u32, column: u32) -> Self {
        Position { line, column }
    }

    /// No place in the input: the error is in the options, not the data.
    pub const NONE: Position = Position { line: 0, column: 0 };
}

/// Bad input: what is wrong, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    /// Where the problem is.
    pub pos: Position,
    /// The header name of the CSV column or JSON key involved, if any.
    pub field: Option<String>,
    /// What is wrong, in words a reporter understands.
    pub kind: ErrorKind,
}

/// What is wrong with the input.
#[allow(missing_docs)] // Each variant's fields fill in its message.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input holds no data at all.
    Empty,
    /// The header lacks a column that every row needs.
    MissingColumn(&'static str),
    /// The same column name appears twice in the header.
    RepeatedColumn(String),
    /// A row has a different number of fields from the header.
    FieldCount { expected: usize, found: usize },
    /// A required cell is empty.
    EmptyCell,
    /// A value that should be a number is not one.
    NotANumber(String),
    /// A number that is infinite or NaN.
    NotFinite(String),
    /// A trade value below zero.
    Negative(String),
    /// A year that is not a whole number.
    NotAYear(String),
    /// A year outside 1900–2100.
    YearOutOfRange(i64),
    /// A unit other than usd, thousand_usd or million_usd.
    UnknownUnit(String),
    /// A country code that is not three letters.
    BadCountry(String),
    /// A flow from a country to itself.
    SameCountry(String),
    /// A second row for the same year, direction, product and source.
    Duplicate { first_line: u32, what: String },
    /// A format name the parser does not know.
    UnknownFormat(String),
    /// A `kind` other than trade, re-export or re-import.
    UnknownKind(String),
    /// A downloaded file's header lacks a column its format needs.
    MissingFormatColumn {
        format: &'static str,
        column: &'static str,
    },
    /// Data that the reader understands but will not use, and why.
    Unsupported(String),
    /// Every row was passed over (aggregates, unknown places): nothing to chart.
    NothingUsable { rows: u32, reasons: String },
    /// JSON that does not parse.
    Json(String),
    /// Product rows that add up to more than the flow's total.
    ProductsExceedTotal {
        what: String,
        products: String,
        total: String,
    },
    /// No flows between the focus and the partner.
    NoFlows { focus: String, partner: String },
    /// An option passed by the caller is invalid.
    BadOption(String),
    /// A value beyond any trade figure (over 10^15 in its unit).
    TooLarge(String),
    /// A three-letter code that is not in the country table.
    UnknownCountry(String),
    /// A JSON object with the same key twice.
    RepeatedKey(String),
    /// A quoted CSV field whose closing quote never comes.
    UnclosedQuote,
    /// A byte order mark after the start of the text: two files run together.
    StrayBom,
    /// A header with no rows after it, in a downloaded file's format.
    NoRows(&'static str),
    /// A download format whose reader this build leaves out (the page's wasm reads only
    /// the native CSV and JSON; the element then loads the module that has it).
    ReaderNotBuilt(&'static str),
}

impl Error {
    /// An error at a position, with no column name.
    pub fn at(pos: Position, kind: ErrorKind) -> Self {
        Error {
            pos,
            field: None,
            kind,
        }
    }

    /// A bad option: `option "mirror": expected "importer" or "exporter", got "both"`.
    /// `name` empty: about the options as a whole. It has no position in the data.
    pub fn option(name: &str, message: &str) -> Self {
        let text = if name.is_empty() {
            format!("options: {message}")
        } else {
            format!("option \"{name}\": {message}")
        };
        Error {
            pos: Position::NONE,
            field: (!name.is_empty()).then(|| name.to_string()),
            kind: ErrorKind::BadOption(text),
        }
    }

    /// An error at a position in a named column.
    pub fn in_field(pos: Position, field: &str, kind: ErrorKind) -> Self {
        Error {
            pos,
            field: Some(field.to_string()),
            kind,
        }
    }

    /// The message without the position: what the widget shows under "line 7, column 4".
    pub fn message(&self) -> String {
        use ErrorKind::*;
        match &self.kind {
            Empty => "the data is empty: expected a header row such as \
                      year,exporter,importer,value and at least one row"
                .into(),
            MissingColumn(name) => {
                format!("\"{name}\" is missing: every row needs year, exporter, importer and value")
            }
            RepeatedColumn(name) => format!("the header has the column \"{name}\" twice"),
            FieldCount { expected, found } => {
                format!("expected {expected} fields like the header, found {found}")
            }
            EmptyCell => "this cell is empty but needs a value".into(),
            NotANumber(s) => match comma_decimal(s) {
                Some(point) => format!(
                    "\"{s}\" is not a number: a comma only separates thousands, in groups \
                     of three; write a decimal with a point ({point})"
                ),
                None => format!("\"{s}\" is not a number"),
            },
            NotFinite(s) => format!("\"{s}\" is not a finite number"),
            Negative(s) => format!("{s} is negative; trade values are zero or more"),
            NotAYear(s) => format!("\"{s}\" is not a year"),
            YearOutOfRange(y) => format!("{y} is outside the years 1900 to 2100"),
            UnknownUnit(s) => {
                format!("unknown unit \"{s}\"; use usd, thousand_usd or million_usd")
            }
            BadCountry(s) => format!("\"{s}\" is not a three-letter ISO 3166 country code"),
            SameCountry(s) => format!("{s} cannot trade with itself"),
            Duplicate { first_line, what } => {
                format!("duplicate of line {first_line} ({what}); two rows are never added up")
            }
            UnknownFormat(s) => format!(
                "unknown format \"{s}\"; use auto, native, json, comtrade, comtrade-legacy, \
                 baci, wits or reported"
            ),
            UnknownKind(s) => {
                format!("unknown kind \"{s}\"; use trade, re-export or re-import")
            }
            MissingFormatColumn { format, column } => {
                format!("this {format} file has no \"{column}\" column")
            }
            Unsupported(s) => s.clone(),
            NothingUsable { rows: 1, reasons } => {
                format!("the only row is not a flow between two countries: {reasons}")
            }
            NothingUsable { rows, reasons } => {
                format!("none of the {rows} rows is a flow between two countries: {reasons}")
            }
            Json(s) => s.clone(),
            ProductsExceedTotal {
                what,
                products,
                total,
            } => {
                format!("{what}: the products add up to {products}, more than the total {total}")
            }
            NoFlows { focus, partner } => {
                format!("the data holds no trade between {focus} and {partner}")
            }
            BadOption(s) => s.clone(),
            TooLarge(s) => format!(
                "{s} is more than any trade figure (at most 1,000,000,000,000,000 in the \
                 file's unit): check the unit and the decimal point"
            ),
            UnknownCountry(s) => format!(
                "\"{s}\" is not a country code in ISO 3166 (alpha-3, as \"PRK\" or \"CHN\")"
            ),
            RepeatedKey(k) => format!("the key \"{k}\" is in this object twice"),
            UnclosedQuote => "this quoted field is never closed: a closing \" is missing".into(),
            StrayBom => "a byte order mark (U+FEFF) in the middle of the text: \
                         two files were joined? Remove it, or save each file on its own"
                .into(),
            NoRows("JSON") => "the array has no rows: expected an object for each row, \
                               with year, exporter, importer and value"
                .into(),
            NoRows(format) => format!("this {format} file has a header but no rows"),
            ReaderNotBuilt(format) => format!(
                "this is a {format} file, and this build reads only the native CSV and \
                 JSON: load tradegap_desk.js, which reads every format (the <trade-gap> \
                 element does so by itself)"
            ),
        }
    }

    /// The format whose reader this build leaves out, if that is the error.
    pub fn missing_reader(&self) -> Option<&'static str> {
        match self.kind {
            ErrorKind::ReaderNotBuilt(format) => Some(format),
            _ => None,
        }
    }
}

/// A number written with a decimal comma ("290,5"), as the same number with a point;
/// `None` for anything else.
fn comma_decimal(s: &str) -> Option<String> {
    let (int, frac) = s.trim().split_once(',')?;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    (digits(int.trim_start_matches(['-', '+'])) && digits(frac)).then(|| format!("{int}.{frac}"))
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // An option is no place in the data.
        if self.pos == Position::NONE {
            return f.write_str(&self.message());
        }
        write!(f, "line {}, column {}", self.pos.line, self.pos.column)?;
        if let Some(field) = &self.field {
            write!(f, " ({field})")?;
        }
        write!(f, ": {}", self.message())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_place_then_problem() {
        let e = Error::in_field(
            Position::new(7, 4),
            "value",
            ErrorKind::NotANumber("12,3x".into()),
        );
        assert_eq!(
            e.to_string(),
            "line 7, column 4 (value): \"12,3x\" is not a number"
        );
    }
}
