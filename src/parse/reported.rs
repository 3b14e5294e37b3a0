//! Figures as the news reported them, one row per figure and compiler
//! (`year, series, value_usd, value_as_stated, compiler, source_publisher,
//! source_url, note`, as in `nk-china-reported-figures.csv`; or `year, direction,
//! hs_code, product_as_named, value_usd, …` for products).
//!
//! The series names the direction: `cn_exports_to_prk` is China → North Korea,
//! `cn_imports_from_prk` North Korea → China, `prk_exports_all_partners` North
//! Korea → World. Countries are ISO alpha-3 or alpha-2 codes. Other series (total
//! trade, balances) are statements about two flows at once and are skipped, counted.
//! The compiler is the source: where compilers disagree, the analysis says so.

use super::csv::Records;
use super::row::FlowBuilder;
use super::table::Header;
use super::ReadOptions;
use crate::countries;
use crate::error::Error;
use crate::model::{CountryCode, Dataset, Flow, Product};

/// The format's name in messages.
pub const NAME: &str = "reported figures";

fn country(token: &str) -> Option<CountryCode> {
    if token == "all_partners" || token == "world" {
        return CountryCode::parse("WLD");
    }
    let c = match token.len() {
        3 => countries::by_alpha3(token),
        2 => countries::by_alpha2(token),
        _ => None,
    }?;
    CountryCode::parse(c.alpha3)
}

/// Exporter and importer of a series such as `cn_exports_to_prk`.
fn direction(series: &str) -> Option<(CountryCode, CountryCode)> {
    let s = series.trim().to_ascii_lowercase();
    if let Some((a, b)) = crate::small::split_once(&s, "_exports_to_") {
        return Some((country(a)?, country(b)?));
    }
    if let Some((a, b)) = crate::small::split_once(&s, "_imports_from_") {
        return Some((country(b)?, country(a)?));
    }
    if let Some(a) = s.strip_suffix("_exports_all_partners") {
        return Some((country(a)?, country("world")?));
    }
    if let Some(a) = s.strip_suffix("_imports_all_partners") {
        return Some((country("world")?, country(a)?));
    }
    None
}

pub fn parse_flows(text: &str, opts: &ReadOptions) -> Result<Dataset, Error> {
    let mut records = Records::new(text);
    let h = Header::read(&mut records, NAME)?;
    let year = h.require("year", &["year"])?;
    let series = h.require("series", &["series", "direction"])?;
    let value = h.require("value_usd", &["valueusd"])?;
    let compiler = h.require("compiler", &["compiler"])?;
    let code = h.find(&["hscode", "productcode"]);
    let label = h.find(&["productasnamed", "product"]);
    let note = h.find(&["note"]);

    let mut builder = FlowBuilder::new(opts);
    let mut rows = 0;
    while let Some(rec) = records.next_record() {
        let r = h.row(&rec)?;
        rows += 1;
        let name = r.required(series)?;
        let Some((exporter, importer)) = direction(name) else {
            builder.dataset.skip(
                format!("series \"{name}\" is not a flow in one direction"),
                r.line,
            );
            continue;
        };
        let mut flow = Flow::new(r.year(year)?, exporter, importer, r.value(value)?);
        flow.product = r.opt(code).map(|c| Product {
            code: c.to_string(),
            label: r.opt(label).map(str::to_string),
        });
        flow.source = Some(builder.dataset.intern_source(r.required(compiler)?));
        flow.note = r.opt(note).map(str::to_string);
        flow.line = r.line;
        builder.add(flow)?;
    }
    super::finish(builder.finish()?, NAME, h.line, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_names_give_directions() {
        let pair = |s: &str| direction(s).map(|(e, i)| format!("{e}>{i}"));
        assert_eq!(pair("cn_exports_to_prk").as_deref(), Some("CHN>PRK"));
        assert_eq!(pair("cn_imports_from_prk").as_deref(), Some("PRK>CHN"));
        assert_eq!(pair("prk_exports_all_partners").as_deref(), Some("PRK>WLD"));
        assert_eq!(pair("prk_imports_all_partners").as_deref(), Some("WLD>PRK"));
        assert_eq!(pair("total_trade"), None);
        assert_eq!(pair("prk_balance_with_cn"), None);
        assert_eq!(pair("xx_exports_to_prk"), None);
    }
}
