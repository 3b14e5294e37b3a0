//! Helpers shared by the test modules: fixtures, country codes, one-call reports.

use tradegap::analyze::Query;
use tradegap::format::Lang;
use tradegap::model::{CountryCode, Dataset};
use tradegap::parse::{parse_trades, Format};
use tradegap::{report, Options, Report};

/// The repository's copy of the reference data.
pub const SEED_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/nk-china-trade.csv");

/// A path under `tests/`.
pub fn test_path(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(rel)
}

/// The reference data as text.
pub fn seed_text() -> String {
    std::fs::read_to_string(SEED_PATH).expect("www/data/nk-china-trade.csv is readable")
}

/// The reference data, parsed.
pub fn seed() -> Dataset {
    parse_trades(&seed_text(), Format::Auto).expect("the reference data parses")
}

/// A country code that is known to be valid.
pub fn code(s: &str) -> CountryCode {
    CountryCode::parse(s).expect("a three-letter code")
}

/// Options for `focus` trading with `partner`, in `lang`.
pub fn options(focus: &str, partner: &str, lang: Lang) -> Options {
    let mut o = Options::new(Query::new(code(focus), code(partner)));
    o.lang = lang;
    o
}

/// Parses `csv` and reports `focus`'s trade with `partner` in `lang`.
pub fn report_csv(csv: &str, focus: &str, partner: &str, lang: Lang) -> Report {
    let data = parse_trades(csv, Format::Csv).expect("the fixture parses");
    report(&data, &options(focus, partner, lang)).expect("the fixture analyses")
}

/// The sentences about `focus`'s trade with `partner` in `csv`.
pub fn sentences(csv: &str, focus: &str, partner: &str, lang: Lang) -> Vec<String> {
    report_csv(csv, focus, partner, lang).sentences
}
