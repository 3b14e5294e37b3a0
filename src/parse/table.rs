//! What the readers of downloaded files share: a header that finds columns by
//! loose names, rows whose errors name the column's header, and a cache of places.

use super::csv::plain_digits;
use super::csv::{Record, Records};
use super::row::{parse_value, parse_year};
use crate::countries;
use crate::error::{Error, ErrorKind, Position};
use crate::model::CountryCode;

/// A header name folded for matching: ASCII letters and digits only, lower case
/// (`"Trade Value (US$)"` → `"tradevalueus"`).
pub fn key(name: &str) -> String {
    folded(name).collect()
}

/// Whether `name` folds to `key` (see [`key`]), without building the folded string.
pub fn key_is(name: &str, key: &str) -> bool {
    folded(name).eq(key.chars())
}

fn folded(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
}

/// The header row of a CSV file.
pub struct Header {
    /// Its line.
    pub line: u32,
    /// The names as written, for messages.
    pub names: Vec<String>,
    keys: Vec<String>,
    /// The format's name, for messages about missing columns.
    format: &'static str,
}

impl Header {
    /// Reads the first record as the header of a `format` file.
    pub fn read(records: &mut Records<'_>, format: &'static str) -> Result<Header, Error> {
        let Some(r) = records.next_record() else {
            return Err(Error::at(Position::new(1, 1), ErrorKind::Empty));
        };
        r.check_quotes()?;
        let h = Header::new(&r, format);
        // Two columns of one name: which one holds the figures, nobody can say.
        for (i, k) in h.keys.iter().enumerate() {
            if !k.is_empty() && h.keys[..i].contains(k) {
                return Err(Error::at(
                    Position::new(h.line, i as u32 + 1),
                    ErrorKind::RepeatedColumn(h.names[i].clone()),
                ));
            }
        }
        Ok(h)
    }

    /// The header in a record.
    pub fn new(r: &Record<'_>, format: &'static str) -> Header {
        Header {
            line: r.line,
            names: r.fields.iter().map(|f| f.trim().to_string()).collect(),
            keys: r.fields.iter().map(|f| key(f)).collect(),
            format,
        }
    }

    /// The index of the first column whose folded name is one of `keys`.
    pub fn find(&self, keys: &[&str]) -> Option<usize> {
        keys.iter()
            .find_map(|k| self.keys.iter().position(|h| h == k))
    }

    /// Like [`Header::find`], but a missing column is an error that names `display`.
    pub fn require(&self, display: &'static str, keys: &[&str]) -> Result<usize, Error> {
        self.find(keys).ok_or_else(|| {
            Error::at(
                Position::new(self.line, 1),
                ErrorKind::MissingFormatColumn {
                    format: self.format,
                    column: display,
                },
            )
        })
    }

    /// True when every one of `keys` is a column.
    pub fn has_all(&self, keys: &[&str]) -> bool {
        keys.iter().all(|k| self.keys.iter().any(|h| h == k))
    }

    /// The number of columns.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// The cells of a record, after checking that it has as many as the header.
    pub fn row<'r>(&'r self, r: &'r Record<'r>) -> Result<Row<'r>, Error> {
        r.check_quotes()?;
        if r.fields.len() != self.len() {
            return Err(Error::at(
                Position::new(r.line, 1),
                ErrorKind::FieldCount {
                    expected: self.len(),
                    found: r.fields.len(),
                },
            ));
        }
        Ok(Row {
            line: r.line,
            fields: &r.fields,
            header: self,
        })
    }
}

/// `str::trim`, with a fast way out for the usual field that starts and ends with a
/// visible ASCII character (a million-row file has fourteen million fields).
fn trim(f: &str) -> &str {
    match (f.as_bytes().first(), f.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => f,
        _ => f.trim(),
    }
}

/// One data row, with errors that name the line, the column and its header.
pub struct Row<'r> {
    /// The row's first line.
    pub line: u32,
    fields: &'r [&'r str],
    header: &'r Header,
}

impl<'r> Row<'r> {
    /// The trimmed text of column `i` ("" when there is no such column).
    pub fn text(&self, i: usize) -> &'r str {
        self.fields.get(i).map_or("", |f| trim(f))
    }

    /// The text of an optional column, `None` when it is absent or empty.
    pub fn opt(&self, i: Option<usize>) -> Option<&'r str> {
        i.map(|i| self.text(i)).filter(|s| !s.is_empty())
    }

    /// Where column `i` is.
    pub fn pos(&self, i: usize) -> Position {
        Position::new(self.line, i as u32 + 1)
    }

    /// An error in column `i`, named by its header.
    pub fn err(&self, i: usize, kind: ErrorKind) -> Error {
        let name = self.header.names.get(i).map_or("", String::as_str);
        Error::in_field(self.pos(i), name, kind)
    }

    /// The text of a column that must not be empty.
    pub fn required(&self, i: usize) -> Result<&'r str, Error> {
        let s = self.text(i);
        if s.is_empty() {
            return Err(self.err(i, ErrorKind::EmptyCell));
        }
        Ok(s)
    }

    /// A trade value in column `i` (thousands separators allowed).
    pub fn value(&self, i: usize) -> Result<f64, Error> {
        parse_value(self.required(i)?).map_err(|k| self.err(i, k))
    }

    /// An optional trade value: `None` when the cell is empty or absent.
    pub fn opt_value(&self, i: Option<usize>) -> Result<Option<f64>, Error> {
        match (i, self.opt(i)) {
            (Some(i), Some(s)) => parse_value(s).map(Some).map_err(|k| self.err(i, k)),
            _ => Ok(None),
        }
    }

    /// A year in column `i`.
    pub fn year(&self, i: usize) -> Result<i32, Error> {
        parse_year(self.required(i)?).map_err(|k| self.err(i, k))
    }

    /// A numeric place code in column `i` (M49 or Comtrade's): `None` when empty.
    pub fn code(&self, i: Option<usize>) -> Result<Option<u16>, Error> {
        let (Some(i), Some(s)) = (i, self.opt(i)) else {
            return Ok(None);
        };
        if let Some(n) = plain_digits(s).and_then(|n| u16::try_from(n).ok()) {
            return Ok(Some(n));
        }
        // Some exports write codes as floats ("156.0").
        let digits = s.strip_suffix(".0").unwrap_or(s);
        digits
            .parse::<u16>()
            .map(Some)
            .map_err(|_| self.err(i, ErrorKind::NotANumber(s.into())))
    }
}

/// Country lookups, cached: a large file names the same few places again and
/// again. (Plain vectors, not hash maps: each hash map type costs the
/// WebAssembly kilobytes, and a file names a few hundred places at most.)
pub struct Places {
    /// By numeric code (0–999): `None` not looked up yet, `Some(None)` not a country.
    numeric: Vec<Option<Option<CountryCode>>>,
    names: Vec<(String, Option<CountryCode>)>,
    last_name: usize,
}

impl Default for Places {
    fn default() -> Self {
        Places {
            numeric: vec![None; 1000],
            names: Vec::new(),
            last_name: 0,
        }
    }
}

impl Places {
    /// The country of a numeric trade code (M49 or Comtrade's; 0 is the World).
    pub fn numeric(&mut self, code: u16) -> Option<CountryCode> {
        let lookup = || countries::by_trade_code(code).and_then(|c| CountryCode::parse(c.alpha3));
        match self.numeric.get_mut(code as usize) {
            Some(Some(found)) => *found,
            Some(slot) => *slot.insert(lookup()),
            None => lookup(),
        }
    }

    /// The country of a name or an ISO alpha-3 code that the table knows.
    pub fn name(&mut self, name: &str) -> Option<CountryCode> {
        // Rows often come grouped by partner: try the last name first.
        if let Some((n, c)) = self.names.get(self.last_name) {
            if n == name {
                return *c;
            }
        }
        if let Some(i) = self.names.iter().position(|(n, _)| n == name) {
            self.last_name = i;
            return self.names[i].1;
        }
        let found = countries::by_alpha3(name)
            .or_else(|| countries::by_name(name))
            .and_then(|c| CountryCode::parse(c.alpha3));
        self.last_name = self.names.len();
        self.names.push((name.to_string(), found));
        found
    }

    /// A place given by a numeric code, an ISO code or a name, in that order of trust.
    pub fn resolve(
        &mut self,
        code: Option<u16>,
        iso: Option<&str>,
        name: Option<&str>,
    ) -> Option<CountryCode> {
        code.and_then(|c| self.numeric(c))
            .or_else(|| iso.and_then(|s| self.name(s)))
            .or_else(|| name.and_then(|s| self.name(s)))
    }
}

/// How a row that names no country is counted: `partner "Areas, nes" (899)`.
pub fn place_words(role: &str, code: Option<u16>, name: Option<&str>) -> String {
    match (name, code) {
        (Some(n), Some(c)) => format!("{role} \"{n}\" ({c}) is not a country"),
        (Some(n), None) => format!("{role} \"{n}\" is not a country"),
        (None, Some(c)) => format!("{role} {c} is not a country"),
        (None, None) => format!("{role} is not given"),
    }
}
