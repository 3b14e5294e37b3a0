//! Text in, [`Dataset`] out: the native CSV and JSON formats.

mod csv;
mod json;
mod row;

pub use self::json::{parse_json, Json, JsonValue};

use crate::error::{Error, ErrorKind, Position};
use crate::model::Dataset;

/// Which reader to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// JSON when the text starts with `[` or `{`, CSV otherwise.
    Auto,
    /// The native CSV format.
    Csv,
    /// An array of objects with the native column names as keys.
    Json,
}

impl Format {
    /// The format from its option name.
    pub fn from_name(name: &str) -> Result<Format, Error> {
        match name.trim().to_ascii_lowercase().as_str() {
            "" | "auto" => Ok(Format::Auto),
            "csv" | "native" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            _ => Err(Error::at(
                Position::new(1, 1),
                ErrorKind::UnknownFormat(name.to_string()),
            )),
        }
    }
}

/// Parses trade flows from text.
pub fn parse_trades(text: &str, format: Format) -> Result<Dataset, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::at(Position::new(1, 1), ErrorKind::Empty));
    }
    let format = match format {
        Format::Auto if text.trim_start().starts_with(['[', '{']) => Format::Json,
        Format::Auto => Format::Csv,
        f => f,
    };
    match format {
        Format::Json => json::parse_flows(text),
        _ => csv::parse_flows(text),
    }
}
