//! Text in, [`Dataset`] out: the native CSV and JSON formats, and the files that
//! UN Comtrade, CEPII BACI and WITS give for download.

// The download formats' readers (feature "downloads"): the page's wasm leaves them out.
#[cfg(feature = "downloads")]
mod baci;
#[cfg(feature = "downloads")]
mod comtrade;
#[cfg(feature = "downloads")]
mod comtrade_legacy;
pub(crate) mod csv;
mod json;
#[cfg(feature = "downloads")]
mod reported;
mod row;
#[cfg_attr(not(feature = "downloads"), allow(dead_code))]
mod table;
#[cfg(feature = "downloads")]
mod wits;

pub use self::csv::{Record, Records};
pub use self::json::{parse_json, Json, JsonValue};

use crate::error::{Error, ErrorKind, Position};
use crate::model::{CountryCode, Dataset};

/// Which reader to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Decided from the text: JSON when it starts with `[` or `{`, else from the
    /// CSV header (see [`detect`]), else the native CSV.
    Auto,
    /// The native CSV format.
    Csv,
    /// An array of objects with the native column names as keys.
    Json,
    /// UN Comtrade's current CSV (`reporterCode, flowCode, …, primaryValue`).
    Comtrade,
    /// UN Comtrade's legacy CSV (`Trade Flow Code, …, Trade Value (US$)`).
    ComtradeLegacy,
    /// CEPII BACI (`t,i,j,k,v,q`).
    Baci,
    /// The World Bank's WITS export (`Reporter, TradeFlow, …, Trade Value 1000USD`).
    Wits,
    /// Figures as reported in the news, with their compilers
    /// (`year, series, value_usd, …, compiler`).
    Reported,
}

impl Format {
    /// The format from its option name.
    pub fn from_name(name: &str) -> Result<Format, Error> {
        match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "" | "auto" => Ok(Format::Auto),
            "csv" | "native" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            "comtrade" => Ok(Format::Comtrade),
            "comtrade-legacy" | "legacy" => Ok(Format::ComtradeLegacy),
            "baci" => Ok(Format::Baci),
            "wits" => Ok(Format::Wits),
            "reported" => Ok(Format::Reported),
            _ => Err(Error::at(
                Position::new(1, 1),
                ErrorKind::UnknownFormat(name.to_string()),
            )),
        }
    }

    /// The format as a sentence names it: "UN Comtrade", "CEPII BACI", …
    pub fn title(self) -> &'static str {
        match self {
            Format::Auto | Format::Csv => "native CSV",
            Format::Json => "JSON",
            Format::Comtrade => "UN Comtrade",
            Format::ComtradeLegacy => "UN Comtrade (legacy)",
            Format::Baci => "CEPII BACI",
            Format::Wits => "WITS",
            Format::Reported => "reported-figures",
        }
    }

    /// The option name: `native`, `json`, `comtrade`, `comtrade-legacy`, …
    pub fn name(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::Csv => "native",
            Format::Json => "json",
            Format::Comtrade => "comtrade",
            Format::ComtradeLegacy => "comtrade-legacy",
            Format::Baci => "baci",
            Format::Wits => "wits",
            Format::Reported => "reported",
        }
    }
}

/// The format of a text, from its first character and its CSV header: each
/// download has columns that no other has (Comtrade's `reporterCode` and
/// `flowCode`, the legacy `Trade Flow Code`, BACI's `t,i,j,k,v`, WITS's
/// `Trade Value 1000USD`, the reported figures' `compiler`). Anything else is
/// read as the native CSV, whose errors then say which columns it needs.
pub fn detect(text: &str) -> Format {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with(['[', '{']) {
        return Format::Json;
    }
    let mut records = Records::new(text);
    let Some(first) = records.next_record() else {
        return Format::Csv;
    };
    let h = table::Header::new(&first, "");
    if h.has_all(&["reportercode", "flowcode"]) || h.has_all(&["reporteriso", "primaryvalue"]) {
        Format::Comtrade
    } else if h.has_all(&["tradeflowcode"]) || h.has_all(&["reportercode", "tradevalueus"]) {
        Format::ComtradeLegacy
    } else if h.has_all(&["t", "i", "j", "k", "v"]) {
        Format::Baci
    } else if h.has_all(&["tradeflow", "tradevalue1000usd"]) {
        Format::Wits
    } else if h.has_all(&["valueusd", "compiler"]) && h.find(&["series", "direction"]).is_some() {
        Format::Reported
    } else {
        Format::Csv
    }
}

/// What to keep while reading, so that a big file never has to be held as flows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Keep only flows to or from this country. Every row is still checked for errors,
    /// but duplicates only among the flows kept: remembering every other row's key would
    /// cost a big file the memory this saves.
    pub keep: Option<CountryCode>,
    /// With `keep`: product rows only with this partner; other partners' totals stay,
    /// for the partner shares.
    pub partner: Option<CountryCode>,
}

/// Parses trade flows from text.
pub fn parse_trades(text: &str, format: Format) -> Result<Dataset, Error> {
    parse_trades_with(text, format, &ReadOptions::default())
}

/// Parses trade flows from text, keeping only what `opts` asks for.
pub fn parse_trades_with(text: &str, format: Format, opts: &ReadOptions) -> Result<Dataset, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::at(Position::new(1, 1), ErrorKind::Empty));
    }
    if let Some(at) = text.find('\u{feff}') {
        return Err(Error::at(char_position(text, at), ErrorKind::StrayBom));
    }
    let format = match format {
        Format::Auto => detect(text),
        f => f,
    };
    match format {
        Format::Json => json::parse_flows(text, opts),
        Format::Auto | Format::Csv => csv::parse_flows(text, opts),
        #[cfg(feature = "downloads")]
        Format::Comtrade => comtrade::read(text, &comtrade::LAYOUT, opts),
        #[cfg(feature = "downloads")]
        Format::ComtradeLegacy => comtrade::read(text, &comtrade_legacy::LAYOUT, opts),
        #[cfg(feature = "downloads")]
        Format::Baci => baci::parse_flows(text, opts),
        #[cfg(feature = "downloads")]
        Format::Wits => comtrade::read(text, &wits::LAYOUT, opts),
        #[cfg(feature = "downloads")]
        Format::Reported => reported::parse_flows(text, opts),
        #[cfg(not(feature = "downloads"))]
        download => Err(Error::at(
            Position::new(1, 1),
            ErrorKind::ReaderNotBuilt(download.title()),
        )),
    }
}

/// The line and character column of byte `at` in `text` (lines end as the CSV reader
/// ends them: LF, CRLF or a lone CR).
fn char_position(text: &str, at: usize) -> Position {
    let before = &text.as_bytes()[..at];
    let mut line = 1;
    let mut line_start = 0;
    for (i, &b) in before.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && before.get(i + 1) != Some(&b'\n')) {
            line += 1;
            line_start = i + 1;
        }
    }
    let column = text[line_start..at].chars().count() as u32 + 1;
    Position::new(line, column)
}

/// The dataset a reader built from `rows` data rows, or why it is empty: no rows
/// at all, or rows that were all passed over (their reasons, most common first).
#[cfg(feature = "downloads")]
fn finish(
    data: Dataset,
    name: &'static str,
    header_line: u32,
    rows: u32,
) -> Result<Dataset, Error> {
    // Rows that a filter passed over still count: the data was not empty.
    if !data.flows.is_empty() || data.rows_read > 0 {
        return Ok(data);
    }
    if data.skipped.is_empty() {
        return Err(Error::at(
            Position::new(header_line + 1, 1),
            ErrorKind::NoRows(name),
        ));
    }
    let mut skipped = data.skipped.clone();
    crate::small::sort_by(&mut skipped, |a, b| a.rows > b.rows);
    let reasons: Vec<String> = skipped
        .iter()
        .take(3)
        .map(|s| format!("{} (line {})", s.reason, s.first_line))
        .collect();
    let more = skipped.len().saturating_sub(3);
    let mut reasons = reasons.join("; ");
    if more > 0 {
        reasons.push_str(&format!("; and {more} more"));
    }
    Err(Error::at(
        Position::new(skipped[0].first_line, 1),
        ErrorKind::NothingUsable { rows, reasons },
    ))
}
