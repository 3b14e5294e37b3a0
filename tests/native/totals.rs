//! One rule for totals, whatever the reader (issue 13): a year and direction with
//! product rows and no total row gets the sum of its products as its total, marked as
//! derived, said in the footer and the sources panel, and never mixed with a total row
//! from another source.

use tradegap::analyze::{DerivedTotal, Direction, Query};
use tradegap::format::Lang;
use tradegap::model::{Dataset, DERIVED_NOTE};
use tradegap::parse::{parse_trades, parse_trades_with, Format, ReadOptions};
use tradegap::{report, Report};

use super::util::{code, options, test_path};

fn read(rel: &str) -> String {
    std::fs::read_to_string(test_path(rel)).expect("the fixture is readable")
}

/// The file without its total rows (lines that hold `marker` as a cell).
fn without_totals(rel: &str, marker: &str) -> String {
    read(rel)
        .lines()
        .filter(|l| !l.split(',').any(|c| c == marker))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn parse(text: &str, format: Format) -> Dataset {
    parse_trades(text, format).expect("the fixture parses")
}

fn report_of(data: &Dataset, focus: &str, partner: &str, lang: Lang) -> Report {
    report(data, &options(focus, partner, lang)).expect("the fixture analyses")
}

fn derived(year: i32, direction: Direction) -> DerivedTotal {
    DerivedTotal { year, direction }
}

/// Exports and imports of a year, rounded to the dollar.
fn flows_of(r: &Report, year: i32) -> (Option<f64>, Option<f64>) {
    let y = r.analysis.year_balance(year).expect("the year is listed");
    (y.exports.map(f64::round), y.imports.map(f64::round))
}

const NATIVE: &str = "\
year,exporter,importer,product_code,product,value
2022,PRK,CHN,6704,Wigs,100000000
2022,PRK,CHN,7202,Alloy steel,20000000
2022,CHN,PRK,,,1500000000
2023,PRK,CHN,6704,Wigs,167000000
2023,PRK,CHN,7202,Alloy steel,32000000
2023,CHN,PRK,,,2030000000
";

#[test]
fn native_csv_without_an_empty_product_row_gets_the_sum_of_its_products() {
    let r = report_of(&parse(NATIVE, Format::Csv), "PRK", "CHN", Lang::En);
    assert_eq!(flows_of(&r, 2022), (Some(120e6), Some(1.5e9)));
    assert_eq!(flows_of(&r, 2023), (Some(199e6), Some(2.03e9)));
    assert_eq!(
        r.analysis.derived_totals,
        [
            derived(2022, Direction::Exports),
            derived(2023, Direction::Exports)
        ]
    );
    let note = "Exports 2022\u{2013}2023: no total in the data; the total of the products listed.";
    assert_eq!(r.derived_note.as_deref(), Some(note));
    // The footer says it too.
    assert!(r.chart_text.note.as_deref().unwrap_or("").contains(note));
    // The breakdown knows its total is the products', so no share of "exports" is claimed.
    let b = r.analysis.breakdown(Direction::Exports).unwrap();
    assert!(b.total_from_products);
    assert!(r.chart_text.exports_heading.ends_with("(listed products)"));
    // A balance, a record and sentences: the chart is not empty.
    assert_eq!(r.analysis.years.len(), 2);
    assert!(r.sentences[0].contains("$199 million"), "{:?}", r.sentences);
}

#[test]
fn the_korean_note_names_the_years_and_flows() {
    let r = report_of(&parse(NATIVE, Format::Csv), "PRK", "CHN", Lang::Ko);
    assert_eq!(
        r.derived_note.as_deref(),
        Some("2022\u{2013}2023년 수출: 자료에 합계가 없어 표시 품목의 합계를 썼다.")
    );
}

#[test]
fn a_total_row_from_another_source_rules_out_a_derived_total() {
    let csv = "year,exporter,importer,product_code,value,source\n\
               2023,PRK,CHN,,290000000,KITA\n\
               2023,PRK,CHN,6704,167000000,Customs\n\
               2023,CHN,PRK,,2030000000,KITA\n";
    let data = parse(csv, Format::Csv);
    assert!(data.flows.iter().all(|f| !f.derived));
    let r = report_of(&data, "PRK", "CHN", Lang::En);
    assert_eq!(flows_of(&r, 2023), (Some(290e6), Some(2.03e9)));
    assert!(r.analysis.derived_totals.is_empty());
    assert_eq!(r.derived_note, None);
    assert!(
        !r.analysis
            .breakdown(Direction::Exports)
            .unwrap()
            .total_from_products
    );
}

#[test]
fn two_sources_products_are_never_added_together() {
    // Each source's products make a total of their own; they disagree, so the total is
    // a conflict, as two total rows that disagree would be.
    let csv = "year,exporter,importer,product_code,value,source\n\
               2023,PRK,CHN,6704,167000000,KITA\n\
               2023,PRK,CHN,7202,32000000,KITA\n\
               2023,PRK,CHN,6704,160000000,Customs\n\
               2023,CHN,PRK,,2030000000,KITA\n";
    let data = parse(csv, Format::Csv);
    let totals: Vec<(Option<&str>, f64)> = data
        .flows
        .iter()
        .filter(|f| f.derived)
        .map(|f| (data.source_name(f), f.value_usd))
        .collect();
    assert_eq!(totals, [(Some("KITA"), 199e6), (Some("Customs"), 160e6)]);
    let r = report_of(&data, "PRK", "CHN", Lang::En);
    assert_eq!(flows_of(&r, 2023), (None, Some(2.03e9)));
    let c = &r.analysis.conflicts;
    assert!(c.iter().any(|c| c.product.is_none()
        && c.values == [("KITA".to_string(), 199e6), ("Customs".to_string(), 160e6)]));
    // A preferred source settles it with its own products' total.
    let mut o = options("PRK", "CHN", Lang::En);
    o.query.prefer_source = vec!["Customs".into()];
    let r = report(&data, &o).unwrap();
    assert_eq!(flows_of(&r, 2023), (Some(160e6), Some(2.03e9)));
    assert_eq!(
        r.analysis.derived_totals,
        [derived(2023, Direction::Exports)]
    );
}

#[test]
fn json_without_a_total_gets_the_sum_of_its_products() {
    let json = r#"[
      {"year": 2023, "exporter": "PRK", "importer": "CHN", "product_code": "6704", "value": 167000000},
      {"year": 2023, "exporter": "PRK", "importer": "CHN", "product_code": "7202", "value": 32000000},
      {"year": 2023, "exporter": "CHN", "importer": "PRK", "product_code": "50-63", "value": 258000000},
      {"year": 2023, "exporter": "CHN", "importer": "PRK", "product_code": "39", "value": 212000000}
    ]"#;
    let data = parse(json, Format::Json);
    let r = report_of(&data, "PRK", "CHN", Lang::En);
    assert_eq!(flows_of(&r, 2023), (Some(199e6), Some(470e6)));
    assert_eq!(
        r.analysis.derived_totals,
        [
            derived(2023, Direction::Exports),
            derived(2023, Direction::Imports)
        ]
    );
    assert_eq!(
        r.derived_note.as_deref(),
        Some("Exports 2023, imports 2023: no total in the data; the total of the products listed.")
    );
    let a = &r.analysis;
    assert_eq!(
        a.year_balance(2023).unwrap().balance.map(f64::round),
        Some(-271e6)
    );
}

#[test]
fn wits_without_total_rows_gets_the_sum_of_its_products() {
    let text = without_totals("data/formats/wits.csv", "Total");
    let data = parse(&text, Format::Auto);
    let derived_flows: Vec<&str> = data
        .flows
        .iter()
        .filter(|f| f.derived)
        .map(|f| f.note.as_deref().unwrap_or(""))
        .collect();
    assert!(!derived_flows.is_empty());
    assert!(derived_flows.iter().all(|n| *n == DERIVED_NOTE));
    // China's imports from North Korea are North Korea's exports: 160,000.5 thousand.
    let r = report_of(&data, "PRK", "CHN", Lang::En);
    let (exports, _) = flows_of(&r, 2023);
    assert_eq!(exports, Some(160_000_500.0));
    assert!(r
        .analysis
        .derived_totals
        .contains(&derived(2023, Direction::Exports)));
    assert!(r
        .chart_text
        .note
        .as_deref()
        .unwrap_or("")
        .contains("total of the products listed"));
    assert!(!r.sentences.is_empty());
}

#[test]
fn wits_with_its_total_rows_derives_nothing() {
    let data = parse(&read("data/formats/wits.csv"), Format::Auto);
    assert!(data.flows.iter().all(|f| !f.derived));
}

#[test]
fn comtrade_without_total_rows_gets_the_sum_of_its_products() {
    for (rel, format) in [
        ("data/formats/comtrade-china.csv", Format::Comtrade),
        ("data/formats/comtrade-legacy.csv", Format::ComtradeLegacy),
    ] {
        let full = parse(&read(rel), format);
        assert!(full.flows.iter().all(|f| !f.derived), "{rel}");
        let data = parse(&without_totals(rel, "TOTAL"), format);
        assert!(data.flows.iter().any(|f| f.derived), "{rel}");
        // Each derived total is its products' sum, of the same reporter and source.
        for t in data.flows.iter().filter(|f| f.derived) {
            let sum: f64 = data
                .flows
                .iter()
                .filter(|f| {
                    f.product.is_some()
                        && (f.year, f.exporter, f.importer, f.kind, f.source, f.reporter)
                            == (t.year, t.exporter, t.importer, t.kind, t.source, t.reporter)
                })
                .map(|f| f.value_usd)
                .sum();
            assert_eq!(t.value_usd, sum, "{rel}");
        }
        let r = report_of(&data, "PRK", "CHN", Lang::En);
        assert!(!r.analysis.derived_totals.is_empty(), "{rel}");
        assert!(!r.sentences.is_empty(), "{rel}");
        // Nothing derived in a year the file gives totals for.
        let with_totals = report_of(&full, "PRK", "CHN", Lang::En);
        assert!(with_totals.analysis.derived_totals.is_empty(), "{rel}");
    }
}

#[test]
fn baci_totals_come_from_the_same_rule() {
    let data = parse(&read("data/formats/baci.csv"), Format::Baci);
    let r = report_of(&data, "PRK", "CHN", Lang::En);
    assert_eq!(
        r.analysis.derived_totals,
        [
            derived(2022, Direction::Exports),
            derived(2022, Direction::Imports)
        ]
    );
    assert!(r.derived_note.is_some());
}

#[test]
fn reading_for_a_focus_and_partner_still_derives_other_partners_totals() {
    // The partner shares need the focus's totals with every partner, while product rows
    // are kept for one partner only: the products of the others still add up.
    let opts = ReadOptions {
        keep: Some(code("CHN")),
        partner: Some(code("PRK")),
    };
    let data = parse_trades_with(&read("data/formats/baci.csv"), Format::Baci, &opts).unwrap();
    let totals: Vec<(String, String)> = data
        .flows
        .iter()
        .filter(|f| f.derived)
        .map(|f| (f.exporter.to_string(), f.importer.to_string()))
        .collect();
    for pair in [
        ("CHN", "PRK"),
        ("PRK", "CHN"),
        ("CHN", "USA"),
        ("FRA", "CHN"),
    ] {
        assert!(
            totals.contains(&(pair.0.into(), pair.1.into())),
            "{pair:?} in {totals:?}"
        );
    }
    // No product of another partner is kept.
    assert!(data
        .flows
        .iter()
        .filter(|f| f.product.is_some())
        .all(|f| f.exporter == code("PRK") || f.importer == code("PRK")));
    let whole = parse(&read("data/formats/baci.csv"), Format::Baci);
    let mut q = Query::new(code("CHN"), code("PRK"));
    q.year = Some(2022);
    let part = tradegap::analyze::analyze(&data, &q).unwrap();
    let all = tradegap::analyze::analyze(&whole, &q).unwrap();
    assert_eq!(part.partners, all.partners);
    assert_eq!(part.years, all.years);
}

#[test]
fn derived_totals_survive_the_native_csv_round_trip() {
    // The big-file worker hands the page its kept flows as native CSV, and `--to-native`
    // prints them: a derived total must still be derived when read back.
    let data = parse(&read("data/formats/baci.csv"), Format::Baci);
    let csv = tradegap::native::to_native_csv(&data, |v| v.to_string());
    let back = parse(&csv, Format::Csv);
    let derived = |d: &Dataset| d.flows.iter().filter(|f| f.derived).count();
    assert_eq!(derived(&back), derived(&data));
    let a = report_of(&data, "PRK", "CHN", Lang::En);
    let b = report_of(&back, "PRK", "CHN", Lang::En);
    assert_eq!(a.analysis.derived_totals, b.analysis.derived_totals);
    assert_eq!(a.analysis.years, b.analysis.years);
    assert_eq!(a.derived_note, b.derived_note);
}
