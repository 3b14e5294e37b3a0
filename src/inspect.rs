//! What a file holds, for the chart builder (`www/builder.html`): which reader read it,
//! how many rows, what was passed over and why, the countries and years present,
//! whether it has products, its sources and where they disagree, and a guess at the
//! focus and the partner. Also the whole file in the native CSV, for an embed code
//! that carries its data inline.

use serde::Serialize;

use crate::analyze::Query;
use crate::countries;
use crate::error::Error;
use crate::model::{CountryCode, Dataset, Flow, FlowKind};
use crate::output::{Conflict, Skipped, SourceValue};
use crate::parse::{self, Format, ReadOptions};

/// A summary of a file, before any focus or partner is chosen.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Inspection {
    /// The reader that read it: `native`, `json`, `comtrade`, `comtrade-legacy`,
    /// `baci`, `wits` or `reported`.
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(
            type = "\"native\" | \"json\" | \"comtrade\" | \"comtrade-legacy\" | \"baci\" | \"wits\" | \"reported\""
        )
    )]
    pub format: &'static str,
    /// `","` or `"\t"` (cells pasted from a spreadsheet); `null` for JSON.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "\",\" | \"\\t\" | null"))]
    pub delimiter: Option<&'static str>,
    /// Data rows read as flows.
    pub rows_read: u64,
    /// Flows kept (a reader may add some, such as BACI's totals).
    pub flows: usize,
    /// Rows passed over on purpose, by reason.
    pub skipped: Vec<Skipped>,
    /// The countries in the data, most flows first, with their names.
    pub countries: Vec<CountryInfo>,
    /// Years with any flow, ascending.
    pub years: Vec<i32>,
    /// Years with product rows, ascending.
    pub product_years: Vec<i32>,
    /// Whether any row names a product.
    pub has_products: bool,
    /// Source names in order of first appearance.
    pub sources: Vec<String>,
    /// Figures that two sources give differently (same year, direction, product and
    /// reporter): the chart leaves these out unless a source is preferred.
    pub conflicts: Vec<Conflict>,
    /// The focus the chart takes when none is given.
    pub focus_guess: Option<String>,
    /// The partner it takes when none is given.
    pub partner_guess: Option<String>,
}

/// A country present in the data.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct CountryInfo {
    /// ISO 3166 alpha-3.
    pub code: String,
    /// English name (the code when the table has none).
    pub en: String,
    /// Korean name.
    pub ko: String,
    /// Flows from or to it.
    pub flows: usize,
}

/// Reads `text` with `format` and summarises it. Errors are the parser's, with
/// their line and column.
pub fn inspect(text: &str, format: Format) -> Result<Inspection, Error> {
    let data = parse::parse_trades(text, format)?;
    let used = match format {
        Format::Auto => parse::detect(text.strip_prefix('\u{feff}').unwrap_or(text)),
        f => f,
    };
    let delimiter = match used {
        Format::Json => None,
        _ => Some(if parse::csv::delimiter(text) == b'\t' {
            "\t"
        } else {
            ","
        }),
    };
    Ok(summarise(&data, used, delimiter))
}

fn summarise(data: &Dataset, format: Format, delimiter: Option<&'static str>) -> Inspection {
    let mut counts: Vec<(CountryCode, usize)> = Vec::new();
    let mut years: Vec<i32> = Vec::new();
    let mut product_years: Vec<i32> = Vec::new();
    for f in &data.flows {
        for c in [f.exporter, f.importer] {
            match counts.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c, 1)),
            }
        }
        if !years.contains(&f.year) {
            years.push(f.year);
        }
        if f.product.is_some() && !product_years.contains(&f.year) {
            product_years.push(f.year);
        }
    }
    // Most flows first (the countries a file is about), then by code.
    crate::small::sort_by(&mut counts, |a, b| {
        a.1 > b.1 || (a.1 == b.1 && a.0.as_str() < b.0.as_str())
    });
    crate::small::sort_by(&mut years, |a, b| a < b);
    crate::small::sort_by(&mut product_years, |a, b| a < b);
    let countries = counts
        .into_iter()
        .map(|(c, flows)| {
            let known = countries::by_alpha3(c.as_str());
            CountryInfo {
                code: c.to_string(),
                en: known.map_or_else(|| c.to_string(), |k| k.en.to_string()),
                ko: known.map_or_else(|| c.to_string(), |k| k.ko.to_string()),
                flows,
            }
        })
        .collect();
    let guess = Query::with_defaults(data, None, None);
    Inspection {
        format: format.name(),
        delimiter,
        rows_read: data.rows_read,
        flows: data.flows.len(),
        skipped: data.skipped.iter().map(Skipped::from).collect(),
        countries,
        years,
        has_products: !product_years.is_empty(),
        product_years,
        sources: data.sources.clone(),
        conflicts: conflicts(data),
        focus_guess: guess.as_ref().map(|q| q.focus.to_string()),
        partner_guess: guess.as_ref().map(|q| q.partner.to_string()),
    }
}

/// Cells (year, direction, product, kind, reporter) whose sources give different values.
fn conflicts(data: &Dataset) -> Vec<Conflict> {
    let mut flows: Vec<&Flow> = data.flows.iter().filter(|f| f.source.is_some()).collect();
    /// One figure's cell: flows with equal keys are the same figure from different sources.
    type Key<'f> = (
        i32,
        CountryCode,
        CountryCode,
        FlowKind,
        Option<CountryCode>,
        Option<&'f str>,
    );
    fn key(f: &Flow) -> Key<'_> {
        (
            f.year,
            f.exporter,
            f.importer,
            f.kind,
            f.reporter,
            f.product.as_ref().map(|p| p.code.as_str()),
        )
    }
    crate::small::sort_by(&mut flows, |a, b| key(a) < key(b));
    let mut out = Vec::new();
    let mut start = 0;
    while start < flows.len() {
        let mut end = start + 1;
        while end < flows.len() && key(flows[start]) == key(flows[end]) {
            end += 1;
        }
        let group = &flows[start..end];
        let first = group[0].value_usd;
        if group.len() > 1
            && group.iter().any(|f| f.value_usd != first)
            && group[0].kind == FlowKind::Trade
        {
            out.push(Conflict {
                year: group[0].year,
                exporter: group[0].exporter.to_string(),
                importer: group[0].importer.to_string(),
                product: group[0].product.as_ref().map(|p| p.code.clone()),
                values: group
                    .iter()
                    .map(|f| SourceValue {
                        source: data.source_name(f).unwrap_or("").to_string(),
                        value: f.value_usd,
                    })
                    .collect(),
            });
        }
        start = end;
    }
    out
}

/// Any format as the native CSV, sources and notes kept. With a focus, only its flows
/// are kept (and with a partner too, products only with that partner), as the
/// big-file reader keeps them: an embed of one chart carries no more than it draws.
pub fn to_native_csv(
    text: &str,
    format: Format,
    keep: &ReadOptions,
    number: impl Fn(f64) -> String,
) -> Result<String, Error> {
    let data = parse::parse_trades_with(text, format, keep)?;
    Ok(crate::native::to_native_csv(&data, number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflicts_are_cells_whose_sources_disagree() {
        let text = "year,exporter,importer,value,source\n\
                    2023,PRK,CHN,290,KITA\n\
                    2023,PRK,CHN,291,KOTRA\n\
                    2022,PRK,CHN,100,KITA\n\
                    2022,PRK,CHN,100,KOTRA\n";
        let i = inspect(text, Format::Auto).unwrap();
        assert_eq!(i.conflicts.len(), 1);
        assert_eq!(i.conflicts[0].year, 2023);
        let values: Vec<(&str, f64)> = i.conflicts[0]
            .values
            .iter()
            .map(|v| (v.source.as_str(), v.value))
            .collect();
        assert_eq!(values, [("KITA", 290.0), ("KOTRA", 291.0)]);
        assert_eq!(i.sources, ["KITA", "KOTRA"]);
    }
}
