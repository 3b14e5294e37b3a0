//! The chart builder's core: what a file holds (`inspect`), cells pasted from a
//! spreadsheet (tab-separated), and any format as native CSV with the same analysis.

use tradegap::format::Lang;
use tradegap::inspect::{inspect, to_native_csv};
use tradegap::output::Analysis;
use tradegap::parse::{parse_trades, Format, ReadOptions, Records};
use tradegap::report;

use super::util::{code, options, seed, seed_text, test_path};

fn fixture(name: &str) -> String {
    let path = test_path(&format!("data/formats/{name}"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A CSV text as a spreadsheet copies its cells: tabs between cells, no quotes.
fn as_tsv(csv: &str) -> String {
    let mut records = Records::new(csv);
    let mut out = String::new();
    while let Some(r) = records.next_record() {
        out.push_str(&r.fields.join("\t"));
        out.push('\n');
    }
    out
}

fn number(v: f64) -> String {
    format!("{v}")
}

#[test]
fn pasted_spreadsheet_cells_read_like_the_csv() {
    let tsv = as_tsv(&seed_text());
    assert!(tsv.lines().next().unwrap().contains('\t'));
    let pasted = parse_trades(&tsv, Format::Auto).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pasted.flows.len(), seed().flows.len());
    assert_eq!(pasted.flows, seed().flows);
    assert_eq!(pasted.sources, seed().sources);
    let i = inspect(&tsv, Format::Auto).unwrap();
    assert_eq!((i.format, i.delimiter), ("native", Some("\t")));
}

#[test]
fn pasted_cells_with_thousands_separators_and_an_error_at_its_cell() {
    let tsv = "year\texporter\timporter\tvalue\n2023\tPRK\tCHN\t290,000,000\n2023\tCHN\tPRK\t12x\n";
    let d = parse_trades(tsv, Format::Auto).unwrap_err();
    assert_eq!((d.pos.line, d.pos.column), (3, 4), "{d}");
    let ok = parse_trades(&tsv.replace("12x", "2,030,000,000"), Format::Auto).unwrap();
    assert_eq!(ok.flows[0].value_usd, 290e6);
    assert_eq!(ok.flows[1].value_usd, 2.03e9);
}

#[test]
fn a_comma_in_the_header_keeps_the_comma() {
    // A native CSV whose note holds a tab is still comma-separated.
    let text = "year,exporter,importer,value,note\n2023,PRK,CHN,1,\"a\tb\"\n";
    let d = parse_trades(text, Format::Auto).unwrap();
    assert_eq!(d.flows[0].note.as_deref(), Some("a\tb"));
}

#[test]
fn a_comtrade_file_is_summarised_with_what_it_skipped() {
    let i = inspect(&fixture("comtrade-china.csv"), Format::Auto).unwrap();
    assert_eq!(i.format, "comtrade");
    assert!(i.rows_read > 0);
    assert!(
        i.skipped
            .iter()
            .any(|s| s.reason.contains("Areas, nes") && s.line > 1),
        "{:?}",
        i.skipped
    );
    let prk = i.countries.iter().find(|c| c.code == "PRK").expect("PRK");
    assert_eq!(prk.en, "North Korea");
    assert_eq!(prk.ko, "북한");
    assert!(i.countries.iter().any(|c| c.code == "CHN"));
    assert!(i.has_products);
    assert_eq!(i.years, [2022, 2023]);
    assert_eq!(i.focus_guess.as_deref(), Some("CHN"));
    assert_eq!(i.partner_guess.as_deref(), Some("PRK"));
}

#[test]
fn a_baci_file_and_the_seed_are_summarised() {
    let b = inspect(&fixture("baci.csv"), Format::Auto).unwrap();
    assert_eq!((b.format, b.rows_read), ("baci", 7));
    assert!(b.has_products);
    let s = inspect(&seed_text(), Format::Auto).unwrap();
    assert_eq!(s.format, "native");
    // Most flows first, ties by code: every row of the seed is China and North Korea.
    let first: Vec<&str> = s
        .countries
        .iter()
        .take(2)
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(first, ["CHN", "PRK"]);
    assert_eq!(s.years.first(), Some(&1999));
    assert!(s.product_years.contains(&2023));
    assert!(s.sources.len() > 5);
    assert!(s.conflicts.is_empty(), "{:?}", s.conflicts);
}

#[test]
fn a_broken_file_is_an_error_with_its_place() {
    let e = inspect(
        "year,exporter,importer,value\n2023,PRK,CHN,1\n2023,PRK\n",
        Format::Auto,
    )
    .unwrap_err();
    assert_eq!(e.pos.line, 3);
}

/// The analysis of `text` for `focus` and `partner`, as `analyze()` returns it, without
/// the rows the reader passed over: the native CSV holds flows only (the builder lists
/// those rows beside the preview, from `inspect`).
fn analysis(text: &str, focus: &str, partner: &str) -> Analysis {
    let data = parse_trades(text, Format::Auto).unwrap_or_else(|e| panic!("{e}"));
    let r = report(&data, &options(focus, partner, Lang::En)).unwrap_or_else(|e| panic!("{e}"));
    let mut a = Analysis::from(&r);
    a.skipped.clear();
    a
}

#[test]
fn every_format_converts_to_native_csv_with_the_same_analysis() {
    for name in [
        "comtrade-china.csv",
        "comtrade-mirror.csv",
        "baci.csv",
        "comtrade-legacy.csv",
        "wits.csv",
        "nk-china-reported-figures.csv",
        "nk-china-reported-products.csv",
    ] {
        let text = fixture(name);
        // Both ways round: the file's own pair, and the pair seen from the other side.
        let i = inspect(&text, Format::Auto).unwrap();
        let (f, p) = (i.focus_guess.unwrap(), i.partner_guess.unwrap());
        let all = ReadOptions::default();
        let native = to_native_csv(&text, Format::Auto, &all, number).unwrap();
        assert!(native.starts_with("year,exporter,importer,"), "{name}");
        for (focus, partner) in [(f.as_str(), p.as_str()), (p.as_str(), f.as_str())] {
            let whole = analysis(&text, focus, partner);
            assert_eq!(
                analysis(&native, focus, partner),
                whole,
                "{name} {focus}/{partner}"
            );
            let kept = ReadOptions {
                keep: Some(code(focus)),
                partner: Some(code(partner)),
            };
            let small = to_native_csv(&text, Format::Auto, &kept, number).unwrap();
            assert!(small.len() <= native.len(), "{name}");
            assert_eq!(
                analysis(&small, focus, partner),
                whole,
                "{name} kept for {focus}/{partner}"
            );
        }
    }
    let seed = seed_text();
    let native = to_native_csv(&seed, Format::Auto, &ReadOptions::default(), number).unwrap();
    assert_eq!(
        analysis(&native, "PRK", "CHN"),
        analysis(&seed, "PRK", "CHN")
    );
    assert!(native.contains("KITA"), "sources kept");
}
