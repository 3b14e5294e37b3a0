//! The data model: directed trade flows between countries, in US dollars.

use std::fmt;

/// An ISO 3166 alpha-3 country code, stored upper case.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 3]);

impl CountryCode {
    /// The code from three ASCII letters, in any case; `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 3 || !b.iter().all(u8::is_ascii_alphabetic) {
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
}

/// Everything parsed from one input.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    /// Flows in input order.
    pub flows: Vec<Flow>,
    /// Distinct source names, in order of first appearance.
    pub sources: Vec<String>,
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
        assert_eq!(CountryCode::parse("북한"), None);
    }
}
