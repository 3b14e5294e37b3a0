//! Files as they are downloaded (UN Comtrade, its legacy CSV, CEPII BACI, WITS, and
//! figures as the news reported them): detection, meaning, sources, mirror figures,
//! conflicts, partner shares, roll-ups and errors (tests/data/formats).

use tradegap::analyze::{analyze, Analysis, Query};
use tradegap::format::Lang;
use tradegap::hs::ProductLabels;
use tradegap::model::{Dataset, FlowKind};
use tradegap::parse::{detect, parse_trades, Format};
use tradegap::partners::ShareBasis;
use tradegap::reconcile::MirrorSide;
use tradegap::report;
use tradegap::rollup::Group;

use super::util::{code, options, seed, test_path};

fn fixture(name: &str) -> String {
    let path = test_path(&format!("data/formats/{name}"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse(name: &str) -> Dataset {
    parse_trades(&fixture(name), Format::Auto).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn query(focus: &str, partner: &str) -> Query {
    Query::new(code(focus), code(partner))
}

fn run(data: &Dataset, q: &Query) -> Analysis {
    analyze(data, q).unwrap_or_else(|e| panic!("{e}"))
}

/// The error a text gives, as the widget shows it.
fn error(text: &str, format: Format) -> String {
    match parse_trades(text, format) {
        Ok(d) => panic!("parsed {} flows", d.flows.len()),
        Err(e) => e.to_string(),
    }
}

fn skipped(d: &Dataset) -> Vec<(String, u32, u32)> {
    d.skipped
        .iter()
        .map(|s| (s.reason.clone(), s.rows, s.first_line))
        .collect()
}

// Detection and names.

#[test]
fn each_download_is_detected_from_its_header() {
    let cases = [
        ("comtrade-china.csv", Format::Comtrade),
        ("comtrade-mirror.csv", Format::Comtrade),
        ("comtrade-legacy.csv", Format::ComtradeLegacy),
        ("baci.csv", Format::Baci),
        ("wits.csv", Format::Wits),
        ("nk-china-reported-figures.csv", Format::Reported),
        ("nk-china-reported-products.csv", Format::Reported),
    ];
    for (name, want) in cases {
        assert_eq!(detect(&fixture(name)), want, "{name}");
    }
    assert_eq!(detect(&super::util::seed_text()), Format::Csv);
    assert_eq!(detect("  [{\"year\": 2023}]"), Format::Json);
    assert_eq!(detect("anything,else\n1,2\n"), Format::Csv);
    assert_eq!(detect(""), Format::Csv);
}

#[test]
fn format_names_round_trip() {
    for f in [
        Format::Auto,
        Format::Csv,
        Format::Json,
        Format::Comtrade,
        Format::ComtradeLegacy,
        Format::Baci,
        Format::Wits,
        Format::Reported,
    ] {
        assert_eq!(Format::from_name(f.name()).unwrap(), f);
    }
    assert_eq!(Format::from_name("CSV").unwrap(), Format::Csv);
    assert_eq!(
        Format::from_name("comtrade_legacy").unwrap(),
        Format::ComtradeLegacy
    );
}

#[test]
fn a_forced_format_overrides_detection() {
    // A native file read as Comtrade names the first column Comtrade needs.
    assert_eq!(
        error(&super::util::seed_text(), Format::Comtrade),
        "line 1, column 1: this UN Comtrade file has no \"refYear\" column"
    );
    assert_eq!(
        error(&fixture("baci.csv"), Format::Wits),
        "line 1, column 1: this WITS file has no \"Year\" column"
    );
    let d = parse_trades(&fixture("baci.csv"), Format::Baci).unwrap();
    assert_eq!(d.flows.iter().filter(|f| f.product.is_some()).count(), 7);
}

// UN Comtrade, current layout.

#[test]
fn comtrade_flows_point_from_reporter_to_partner_and_back() {
    let d = parse("comtrade-china.csv");
    let f = &d.flows[2]; // 2023, China, X, North Korea, TOTAL
    assert_eq!(
        (f.year, f.exporter, f.importer),
        (2023, code("CHN"), code("PRK"))
    );
    assert_eq!(f.value_usd, 2_031_690_000.0);
    assert_eq!(f.fob_usd, Some(2_031_690_000.0));
    assert_eq!(f.cif_usd, None);
    assert_eq!(f.product, None); // cmdCode TOTAL
    assert_eq!(f.reporter, Some(code("CHN")));
    assert_eq!(f.kind, FlowKind::Trade);
    assert_eq!(f.line, 4);
    assert_eq!(d.source_name(f), Some("China customs (UN Comtrade)"));
    let m = &d.flows[3]; // flow M: partner → reporter
    assert_eq!((m.exporter, m.importer), (code("PRK"), code("CHN")));
    assert_eq!(m.cif_usd, Some(291_890_000.0));
    let wigs = d.flows[4].product.as_ref().unwrap();
    assert_eq!(wigs.code, "6704");
    assert!(wigs
        .label
        .as_deref()
        .unwrap()
        .starts_with("Wigs, false beards"));
    assert_eq!(d.sources, ["China customs (UN Comtrade)"]);
}

#[test]
fn comtrade_re_exports_are_kept_apart_and_out_of_the_balance() {
    let d = parse("comtrade-china.csv");
    let kinds: Vec<FlowKind> = d.flows.iter().map(|f| f.kind).collect();
    assert!(kinds.contains(&FlowKind::ReExport));
    assert!(kinds.contains(&FlowKind::ReImport));
    let a = run(&d, &query("PRK", "CHN"));
    let y = a.year_balance(2023).unwrap();
    // North Korea's exports are China's imports (M), not plus its re-imports (RM).
    assert_eq!(y.exports, Some(291_890_000.0));
    assert_eq!(y.imports, Some(2_031_690_000.0));
    let re: Vec<(i32, String, String, FlowKind, Option<f64>, u32)> = a
        .re_flows
        .iter()
        .map(|r| {
            (
                r.year,
                r.exporter.to_string(),
                r.importer.to_string(),
                r.kind,
                r.value,
                r.rows,
            )
        })
        .collect();
    assert_eq!(
        re,
        [
            (
                2023,
                "CHN".into(),
                "PRK".into(),
                FlowKind::ReExport,
                Some(1.2e6),
                1
            ),
            (
                2023,
                "PRK".into(),
                "CHN".into(),
                FlowKind::ReImport,
                Some(3e5),
                1
            ),
        ]
    );
}

#[test]
fn comtrade_rows_that_are_not_country_flows_are_counted_not_used() {
    let d = parse("comtrade-china.csv");
    assert_eq!(
        skipped(&d),
        [
            (
                "flow \"DX\" is not exports, imports, re-exports or re-imports".into(),
                1,
                10
            ),
            (
                "a breakdown by second partner, customs procedure or transport".into(),
                1,
                11
            ),
            (
                "partner \"Areas, nes\" (899) is not a country".into(),
                1,
                18
            ),
        ]
    );
    // The World (partner 0) is kept: it gives totals, not a country's trade.
    let world = d
        .flows
        .iter()
        .filter(|f| f.importer == code("WLD") || f.exporter == code("WLD"))
        .count();
    assert_eq!(world, 2);
    let a = run(&d, &query("PRK", "CHN"));
    assert_eq!(a.skipped.len(), 3);
}

#[test]
fn monthly_comtrade_data_is_refused_not_added_up() {
    let text = fixture("comtrade-china.csv").replacen(",A,2022", ",M,2022", 1);
    assert_eq!(
        error(&text, Format::Auto),
        "line 2, column 2 (freqCode): this is monthly data; download annual data \
         (frequency A): months are never added up into years"
    );
}

#[test]
fn comtrade_errors_name_line_column_and_header() {
    let text = fixture("comtrade-china.csv").replacen(",893600000,0,True", ",12,3x,0,True", 1);
    // The bad value shifts nothing: csv fields are counted, and this row now has
    // one field more than the header.
    assert_eq!(
        error(&text, Format::Auto),
        "line 2, column 1: expected 47 fields like the header, found 48"
    );
    let text = fixture("comtrade-china.csv").replacen(",893600000,0,True", ",\"12,3x\",0,True", 1);
    assert_eq!(
        error(&text, Format::Auto),
        "line 2, column 44 (primaryValue): \"12,3x\" is not a number"
    );
    let text = fixture("comtrade-china.csv").replacen("C,A,20220101,2022", "C,A,20220101,20x2", 1);
    assert_eq!(
        error(&text, Format::Auto),
        "line 2, column 4 (refYear): \"20x2\" is not a year"
    );
    let text = fixture("comtrade-china.csv").replacen(",156,CHN,China,X", ",15x,CHN,China,X", 1);
    assert_eq!(
        error(&text, Format::Auto),
        "line 2, column 7 (reporterCode): \"15x\" is not a number"
    );
    let header_only: String = fixture("comtrade-china.csv").lines().next().unwrap().into();
    assert_eq!(
        error(&header_only, Format::Auto),
        "line 2, column 1: this UN Comtrade file has a header but no rows"
    );
}

#[test]
fn a_file_of_only_aggregates_says_why_nothing_is_left() {
    let text: String = fixture("comtrade-china.csv")
        .lines()
        .enumerate()
        .filter(|(i, l)| *i == 0 || l.contains(",899,"))
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    assert_eq!(
        error(&text, Format::Auto),
        "line 2, column 1: the only row is not a flow between two countries: \
         partner \"Areas, nes\" (899) is not a country (line 2)"
    );
}

// Mirror figures.

#[test]
fn where_both_report_the_importers_figure_counts_and_the_gap_is_shown() {
    let d = parse("comtrade-mirror.csv");
    let a = run(&d, &query("CHN", "KOR"));
    let y = a.year_balance(2023).unwrap();
    // China → Korea: Korea's CIF import figure; Korea → China: China's.
    assert_eq!((y.exports, y.imports), (Some(110e6), Some(190e6)));
    let m: Vec<(i32, String, f64, f64, f64)> = a
        .mirror
        .iter()
        .map(|m| {
            (
                m.year,
                format!("{}>{}", m.exporter, m.importer),
                m.exporter_value,
                m.importer_value,
                (m.gap.unwrap() * 1000.0).round() / 1000.0,
            )
        })
        .collect();
    assert_eq!(
        m,
        [
            (2023, "CHN>KOR".into(), 100e6, 110e6, 0.1),
            (2023, "KOR>CHN".into(), 200e6, 190e6, -0.05),
        ]
    );
    assert!(a.conflicts.is_empty());
    assert!(!a.one_sided());
    assert_eq!(a.reporters, [code("CHN"), code("KOR")]);
    // 2022 has only China's reports: used as they are.
    let y = a.year_balance(2022).unwrap();
    assert_eq!((y.exports, y.imports), (Some(90e6), Some(180e6)));

    let mut q = query("CHN", "KOR");
    q.mirror = MirrorSide::Exporter;
    let a = run(&d, &q);
    let y = a.year_balance(2023).unwrap();
    assert_eq!((y.exports, y.imports), (Some(100e6), Some(200e6)));
    assert_eq!(a.mirror.len(), 2);
}

#[test]
fn mirror_figures_read_the_same_from_either_side() {
    let d = parse("comtrade-mirror.csv");
    let a = run(&d, &query("KOR", "CHN"));
    let y = a.year_balance(2023).unwrap();
    assert_eq!((y.exports, y.imports), (Some(190e6), Some(110e6)));
    assert_eq!(a.mirror.len(), 2);
}

#[test]
fn one_reporters_figures_are_flagged_as_one_sides_report() {
    let d = parse("comtrade-china.csv");
    let a = run(&d, &query("PRK", "CHN"));
    assert!(a.mirror.is_empty());
    assert_eq!(a.reporters, [code("CHN")]);
    assert!(a.one_sided());
    let r = report(&d, &options("PRK", "CHN", Lang::En)).unwrap();
    let n = tradegap::narrate::Narrator::new(&r.analysis, Lang::En, &Default::default());
    assert_eq!(
        n.reporting_note().as_deref(),
        Some("Every figure is China's report: one side's, with no figures from the other side to compare.")
    );
    let n = tradegap::narrate::Narrator::new(&r.analysis, Lang::Ko, &Default::default());
    assert_eq!(
        n.reporting_note().as_deref(),
        Some("모든 수치는 중국 측 보고로, 상대국 보고와 비교할 수 없다.")
    );
    // Data that does not say who reported makes no claim either way.
    let a = run(&seed(), &query("PRK", "CHN"));
    assert!(a.reporters.is_empty());
    assert!(!a.one_sided());
}

// Partner shares.

#[test]
fn partner_shares_are_shares_of_the_world_total() {
    let d = parse("comtrade-china.csv");
    let a = run(&d, &query("CHN", "PRK"));
    let p = &a.partners;
    assert_eq!(p.year, 2023);
    assert_eq!(p.basis, Some(ShareBasis::World));
    assert_eq!(p.total, Some(3_380e9 + 2_556e9));
    assert!(!p.single_partner);
    let list: Vec<(String, f64)> = p
        .list
        .iter()
        .map(|s| (s.partner.to_string(), s.total))
        .collect();
    assert_eq!(
        list,
        [
            ("USA".into(), 664e9),
            ("KOR".into(), 312e9),
            ("PRK".into(), 2_323_580_000.0),
        ]
    );
    let prk = p.get(code("PRK")).unwrap();
    assert_eq!(prk.exports, Some(2_031_690_000.0));
    assert_eq!(prk.imports, Some(291_890_000.0));
    assert!((prk.share - 2_323_580_000.0 / 5_936e9).abs() < 1e-15);
    let r = report(&d, &options("CHN", "PRK", Lang::En)).unwrap();
    assert_eq!(
        r.sentences.last().unwrap(),
        "North Korea accounted for less than 0.1% of China's total trade in 2023."
    );
    let r = report(&d, &options("CHN", "KOR", Lang::Ko)).unwrap();
    assert_eq!(
        r.sentences.last().unwrap(),
        "2023년 중국의 전체 교역에서 한국이 차지한 비중은 5.3%였다."
    );
    let r = report(&d, &options("CHN", "PRK", Lang::Ko)).unwrap();
    assert_eq!(
        r.sentences.last().unwrap(),
        "2023년 중국의 전체 교역에서 북한이 차지한 비중은 0.1% 미만이었다."
    );
}

#[test]
fn with_one_partner_there_is_no_share_to_claim() {
    let a = run(&seed(), &query("PRK", "CHN"));
    assert!(a.partners.single_partner);
    assert!(a.partners.list.is_empty());
    let r = report(&seed(), &options("PRK", "CHN", Lang::En)).unwrap();
    let n = tradegap::narrate::Narrator::new(&r.analysis, Lang::En, &Default::default());
    assert_eq!(
        n.partners_note().as_deref(),
        Some(
            "The data holds only North Korea's trade with China, so it cannot tell what share \
             of North Korea's trade that is."
        )
    );
    assert!(n.partner_share_sentence().is_none());
}

#[test]
fn partner_shares_without_a_world_row_are_shares_of_the_partners_in_the_data() {
    let csv = "year,exporter,importer,value\n\
               2023,PRK,CHN,300\n2023,CHN,PRK,2000\n\
               2023,PRK,RUS,10\n2023,RUS,PRK,40\n";
    let data = parse_trades(csv, Format::Csv).unwrap();
    let a = run(&data, &query("PRK", "CHN"));
    let p = &a.partners;
    assert_eq!(p.basis, Some(ShareBasis::Partners));
    assert_eq!(p.total, Some(2350.0));
    assert_eq!(p.list[0].partner, code("CHN"));
    assert!((p.list[0].share - 2300.0 / 2350.0).abs() < 1e-12);
    let r = report(&data, &options("PRK", "CHN", Lang::Ko)).unwrap();
    assert_eq!(
        r.sentences.last().unwrap(),
        "2023년 자료에 있는 북한의 교역 가운데 중국의 비중은 97.9%였다."
    );
    let r = report(&data, &options("PRK", "CHN", Lang::En)).unwrap();
    assert_eq!(
        r.sentences.last().unwrap(),
        "China accounted for 97.9% of North Korea's trade with the partners in the data in 2023."
    );
}

// UN Comtrade, legacy layout.

#[test]
fn legacy_comtrade_reads_thousands_separators_and_flow_codes() {
    let d = parse("comtrade-legacy.csv");
    let f = &d.flows[0];
    assert_eq!(
        (f.year, f.exporter, f.importer),
        (2016, code("CHN"), code("PRK"))
    );
    assert_eq!(f.value_usd, 2_634_402_000.0);
    assert_eq!(d.source_name(f), Some("China customs (UN Comtrade)"));
    let a = run(&d, &query("PRK", "CHN"));
    let y = a.year_balance(2017).unwrap();
    assert_eq!((y.exports, y.imports), (Some(1.65e9), Some(3.327e9)));
    assert_eq!(a.re_flows.len(), 2);
    let ore = &a
        .composition
        .as_ref()
        .unwrap()
        .exports
        .as_ref()
        .unwrap()
        .rows[0];
    assert_eq!(ore.code, "2601");
    // "China, Hong Kong SAR" (344) and the World are places too.
    assert!(d.flows.iter().any(|f| f.importer == code("HKG")));
    assert!(d.flows.iter().any(|f| f.importer == code("WLD")));
    // CRLF line endings keep line numbers.
    assert_eq!(d.flows.last().unwrap().line, 10);
}

#[test]
fn legacy_comtrade_errors_name_their_header() {
    let text = fixture("comtrade-legacy.csv").replacen("\"3,327,000,000\"", "\"3,327,00,000\"", 1);
    assert_eq!(
        error(&text, Format::Auto),
        "line 4, column 32 (Trade Value (US$)): \"3,327,00,000\" is not a number"
    );
    let text = fixture("comtrade-legacy.csv").replacen(",2,Export,", ",,,", 1);
    assert_eq!(
        error(&text, Format::Auto),
        "line 2, column 7 (Trade Flow Code): this cell is empty but needs a value"
    );
    // A flow code that is none of the four is a row passed over, and counted.
    let text = fixture("comtrade-legacy.csv").replacen(",2,Export,", ",7,Smuggled,", 1);
    let d = parse_trades(&text, Format::Auto).unwrap();
    assert_eq!(
        skipped(&d),
        [(
            "flow \"7\" is not exports, imports, re-exports or re-imports".into(),
            1,
            2
        )]
    );
}

// CEPII BACI.

#[test]
fn baci_values_are_thousands_and_codes_are_m49() {
    let d = parse("baci.csv");
    assert_eq!(d.sources, ["CEPII BACI"]);
    let f = &d.flows[0];
    assert_eq!(
        (f.year, f.exporter, f.importer),
        (2022, code("CHN"), code("PRK"))
    );
    assert!((f.value_usd - 162_311_520.0).abs() < 1e-6);
    assert_eq!(f.product.as_ref().unwrap().code, "670300");
    assert_eq!(f.reporter, None);
    // A code that lost its leading zero gets it back.
    assert_eq!(d.flows[1].product.as_ref().unwrap().code, "010121");
    // Comtrade's customs-territory codes: 842 is the United States, 251 France.
    assert_eq!(d.flows[4].exporter, code("USA"));
    assert_eq!(d.flows[6].exporter, code("FRA"));
    // BACI has no totals; its HS6 products cover all goods, so they add up to one,
    // which the rule every reader shares adds as a row of its own and says so.
    let totals: Vec<(String, f64, Option<&str>)> = d
        .flows
        .iter()
        .filter(|f| f.product.is_none())
        .map(|f| {
            (
                format!("{}>{}", f.exporter, f.importer),
                (f.value_usd * 1e3).round() / 1e3,
                f.note.as_deref(),
            )
        })
        .collect();
    let note = Some("total of the products listed");
    assert_eq!(
        totals,
        [
            ("CHN>PRK".into(), 162_324_020.0, note),
            ("PRK>CHN".into(), 120_754_109.0, note),
            ("USA>PRK".into(), 3_200.0, note),
            ("CHN>USA".into(), 1_200_750.0, note),
            ("FRA>CHN".into(), 88_000_000.0, note),
        ]
    );
    let a = run(&d, &query("PRK", "CHN"));
    let y = a.year_balance(2022).unwrap();
    assert_eq!(y.exports.map(f64::round), Some(120_754_109.0));
    assert_eq!(y.imports.map(f64::round), Some(162_324_020.0));
    let c = a.composition.as_ref().unwrap();
    assert!(c.exports.as_ref().unwrap().total_from_products);
    assert_eq!(a.derived_totals.len(), 2);
}

#[test]
fn baci_errors_name_their_header() {
    let text = fixture("baci.csv").replacen("162311.52", "lots", 1);
    assert_eq!(
        error(&text, Format::Auto),
        "line 2, column 5 (v): \"lots\" is not a number"
    );
    let text = fixture("baci.csv").replacen("2022,156,408", "2022,156,", 1);
    assert_eq!(
        error(&text, Format::Auto),
        "line 2, column 3 (j): this cell is empty but needs a value"
    );
}

// WITS.

#[test]
fn wits_names_countries_in_words_and_values_in_thousands() {
    let d = parse("wits.csv");
    let f = &d.flows[0];
    assert_eq!(
        (f.year, f.exporter, f.importer),
        (2023, code("CHN"), code("PRK"))
    );
    assert!((f.value_usd - 2_031_690_012.0).abs() < 1e-3);
    assert_eq!(f.product, None);
    assert_eq!(d.source_name(f), Some("China customs (WITS)"));
    assert_eq!(d.flows[2].product.as_ref().unwrap().code, "670419");
    assert!(d.flows.iter().any(|f| f.importer == code("HKG")));
    assert!(d.flows.iter().any(|f| f.importer == code("WLD")));
    assert_eq!(
        skipped(&d),
        [("partner \"Unspecified\" is not a country".into(), 1, 8)]
    );
    let a = run(&d, &query("PRK", "CHN"));
    let y = a.year_balance(2023).unwrap();
    assert_eq!(y.imports.map(f64::round), Some(2_031_690_012.0));
    assert_eq!(a.year_balance(2022).unwrap().exports, Some(134_400_000.0));
}

#[test]
fn wits_errors_name_their_header() {
    let text = fixture("wits.csv").replacen("2031690.012", "\"2,031,69\"", 1);
    assert_eq!(
        error(&text, Format::Auto),
        "line 2, column 7 (Trade Value 1000USD): \"2,031,69\" is not a number"
    );
    let text = fixture("wits.csv").replacen(",2023,\"Korea", ",,\"Korea", 1);
    assert_eq!(
        error(&text, Format::Auto),
        "line 2, column 5 (Year): this cell is empty but needs a value"
    );
}

// Figures as the news reported them: sources and conflicts.

fn reported() -> Dataset {
    parse("nk-china-reported-figures.csv")
}

#[test]
fn reported_figures_keep_their_compilers_as_sources() {
    let d = reported();
    assert!(d.sources.contains(&"KITA".to_string()));
    assert!(d.sources.contains(&"GAC (via Tokyo Shimbun)".to_string()));
    // Total trade and balances are not flows in one direction.
    let reasons: Vec<&str> = d.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "series \"total_trade\" is not a flow in one direction",
            "series \"prk_balance_with_cn\" is not a flow in one direction"
        ]
    );
    assert_eq!(d.skipped[0].rows, 47);
}

#[test]
fn disagreeing_sources_are_listed_and_their_cell_left_empty() {
    let a = run(&reported(), &query("PRK", "CHN"));
    let y2004 = a.year_balance(2004).unwrap();
    // KITA and GAC both say 799 million for China's exports: one figure.
    assert_eq!(y2004.imports, Some(799e6));
    // They disagree on North Korea's exports (585.0 vs 585.7 million): no figure,
    // never a sum or an average.
    assert_eq!(y2004.exports, None);
    assert_eq!(y2004.balance, None);
    let c = a
        .conflicts
        .iter()
        .find(|c| c.year == 2004 && c.product.is_none())
        .unwrap();
    assert_eq!((c.exporter, c.importer), (code("PRK"), code("CHN")));
    assert_eq!(
        c.values,
        [
            ("KITA".to_string(), 585e6),
            ("GAC (via Tokyo Shimbun)".to_string(), 585.7e6)
        ]
    );
    // A year with both figures disputed stays in the list, with nothing in it.
    let y2006 = a.year_balance(2006).unwrap();
    assert_eq!((y2006.exports, y2006.imports), (None, None));
    let years: Vec<i32> = a
        .conflicts
        .iter()
        .filter(|c| c.exporter == code("PRK"))
        .map(|c| c.year)
        .collect();
    assert_eq!(years, [2004, 2006, 2011, 2013, 2019, 2022, 2023]);
    // Figures from one source only are used as they are.
    assert_eq!(a.year_balance(1999).unwrap().exports, Some(41.7e6));
}

#[test]
fn a_preferred_source_settles_a_conflict() {
    let mut q = query("PRK", "CHN");
    q.prefer_source = vec!["KITA".into()];
    let a = run(&reported(), &q);
    let y = a.year_balance(2004).unwrap();
    assert_eq!(y.exports, Some(585e6));
    assert_eq!(y.balance, Some(585e6 - 799e6));
    assert!(a.conflicts.iter().all(|c| c.year != 2004));
    // Where KITA gives no figure, the conflict stays.
    assert!(a.conflicts.iter().any(|c| c.year == 2016));
    let kita = a.sources.iter().find(|s| s.name == "KITA").unwrap();
    assert!(kita.years.contains(&2004));

    // The order of the list decides.
    q.prefer_source = vec!["GAC (via Tokyo Shimbun)".into(), "KITA".into()];
    let a = run(&reported(), &q);
    assert_eq!(a.year_balance(2004).unwrap().exports, Some(585.7e6));
}

#[test]
fn reported_products_by_compiler() {
    let d = parse("nk-china-reported-products.csv");
    let a = run(&d, &query("PRK", "CHN"));
    let wigs: Vec<_> = a
        .conflicts
        .iter()
        .filter(|c| c.year == 2023 && c.product.as_deref() == Some("6704"))
        .collect();
    assert_eq!(wigs.len(), 1);
    assert_eq!(wigs[0].values.len(), 3);
    // "all partners" is the World.
    assert!(d.flows.iter().any(|f| f.importer == code("WLD")));
}

// Perspective.

#[test]
fn focus_and_partner_either_way_round_tell_the_same_figures() {
    let data = seed();
    let nk = run(&data, &query("PRK", "CHN"));
    let cn = run(&data, &query("CHN", "PRK"));
    assert_eq!(nk.years.len(), cn.years.len());
    for (a, b) in nk.years.iter().zip(&cn.years) {
        assert_eq!(a.year, b.year);
        assert_eq!(a.exports, b.imports);
        assert_eq!(a.imports, b.exports);
        assert_eq!(a.balance, b.balance.map(|v| -v));
    }
    let c = cn.composition.as_ref().unwrap();
    assert_eq!(c.imports.as_ref().unwrap().rows[0].code, "6704");
    let d = parse("comtrade-china.csv");
    let a = run(&d, &query("CHN", "PRK"));
    assert_eq!(a.year_balance(2023).unwrap().exports, Some(2_031_690_000.0));
}

// Roll-ups, groups and labels.

#[test]
fn products_roll_up_to_headings_and_chapters() {
    let d = parse("baci.csv");
    let mut q = query("CHN", "PRK");
    let codes = |a: &Analysis| -> Vec<(String, f64)> {
        a.composition
            .as_ref()
            .unwrap()
            .exports
            .as_ref()
            .unwrap()
            .rows
            .iter()
            .map(|r| (r.code.clone(), (r.value * 1e3).round() / 1e3))
            .collect()
    };
    assert_eq!(
        codes(&run(&d, &q)),
        [
            ("670300".into(), 162_311_520.0),
            ("010121".into(), 12_500.0)
        ]
    );
    q.rollup = Some(4);
    assert_eq!(
        codes(&run(&d, &q)),
        [("6703".into(), 162_311_520.0), ("0101".into(), 12_500.0)]
    );
    q.rollup = Some(2);
    q.groups = vec![Group::parse("Hair and wigs", "6703-6704").unwrap()];
    let a = run(&d, &q);
    assert_eq!(
        codes(&a),
        [("6703-6704".into(), 162_311_520.0), ("01".into(), 12_500.0)]
    );
    let rows = &a
        .composition
        .as_ref()
        .unwrap()
        .exports
        .as_ref()
        .unwrap()
        .rows;
    assert_eq!(rows[0].label, "Hair and wigs");
}

#[test]
fn labels_come_from_the_data_else_the_hs_table_else_the_code() {
    let d = parse("baci.csv");
    let mut o = options("PRK", "CHN", Lang::En);
    let labels = |r: &tradegap::Report| -> Vec<String> {
        r.analysis
            .composition
            .as_ref()
            .unwrap()
            .exports
            .as_ref()
            .unwrap()
            .rows
            .iter()
            .map(|r| r.label.clone())
            .collect()
    };
    let r = report(&d, &o).unwrap();
    assert_eq!(labels(&r), ["670419", "271600"]);
    o.labels = ProductLabels::builtin().clone();
    let r = report(&d, &o).unwrap();
    assert_eq!(
        labels(&r),
        [
            "False beards, eyebrows and eyelashes, switches and the like; of synthetic textile materials",
            "Electrical energy"
        ]
    );
    o.query.rollup = Some(2);
    let r = report(&d, &o).unwrap();
    assert_eq!(labels(&r)[1], "Mineral fuels, mineral oils and products of their distillation; bituminous substances; mineral waxes");
    // The data's own label wins over the table.
    let w = parse("wits.csv");
    let mut o = options("PRK", "CHN", Lang::En);
    o.labels = ProductLabels::parse("code,label\n670419,From the table\n").unwrap();
    let r = report(&w, &o).unwrap();
    assert_eq!(
        labels(&r)[0],
        "False beards, eyebrows and eyelashes, switches and the like; of synthetic textile materials"
    );
}

#[test]
fn baci_totals_gather_a_flow_that_the_file_splits_up() {
    let text = "t,i,j,k,v,q\n\
                2022,156,408,670300,1,1\n\
                2022,408,156,670419,2,1\n\
                2022,156,408,670419,4,1\n\
                2021,156,408,670300,8,1\n";
    let d = parse_trades(text, Format::Auto).unwrap();
    let totals: Vec<(i32, String, f64, u32)> = d
        .flows
        .iter()
        .filter(|f| f.product.is_none())
        .map(|f| {
            (
                f.year,
                format!("{}>{}", f.exporter, f.importer),
                f.value_usd,
                f.line,
            )
        })
        .collect();
    assert_eq!(
        totals,
        [
            (2022, "CHN>PRK".into(), 5000.0, 2),
            (2022, "PRK>CHN".into(), 2000.0, 3),
            (2021, "CHN>PRK".into(), 8000.0, 5),
        ]
    );
}

#[test]
fn native_rows_say_who_reported_and_what_kind_of_flow() {
    let d = parse_trades(
        "year,exporter,importer,value,kind,reporter\n\
         2023,CHN,PRK,5,re-export,CHN\n\
         2023,CHN,PRK,100,,CHN\n",
        Format::Csv,
    )
    .unwrap();
    assert_eq!(d.flows[0].kind, FlowKind::ReExport);
    assert_eq!(d.flows[1].kind, FlowKind::Trade);
    assert_eq!(d.flows[1].reporter, Some(code("CHN")));
    assert_eq!(
        error(
            "year,exporter,importer,value,kind\n2023,CHN,PRK,5,smuggled\n",
            Format::Csv
        ),
        "line 2, column 5 (kind): unknown kind \"smuggled\"; use trade, re-export or re-import"
    );
    assert_eq!(
        error(
            "year,exporter,importer,value,reporter\n2023,CHN,PRK,5,China\n",
            Format::Csv
        ),
        "line 2, column 5 (reporter): \"China\" is not a three-letter ISO 3166 country code"
    );
}

/// A deterministic pseudo-random sequence (Knuth's MMIX LCG), so failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}

#[test]
fn mutated_downloads_never_panic() {
    const BITS: &[&str] = &[
        ",",
        "\"",
        "\n",
        "\r\n",
        "0",
        "-1",
        "1e308",
        "TOTAL",
        "RX",
        "M",
        "899",
        "0,",
        "World",
        "Korea, Dem. Rep.",
        "\u{feff}",
        "2023",
        "201701",
        "",
    ];
    let mut rng = Lcg(0x0066_6f72_6d61_7473); // "formats"
    let names = [
        "comtrade-china.csv",
        "comtrade-mirror.csv",
        "comtrade-legacy.csv",
        "baci.csv",
        "wits.csv",
        "nk-china-reported-products.csv",
    ];
    for name in names {
        let seed: Vec<char> = fixture(name).chars().collect();
        for i in 0..150 {
            let mut chars = seed.clone();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(chars.len() + 1).min(chars.len());
                match rng.below(3) {
                    0 => {
                        let end = (at + 1 + rng.below(40)).min(chars.len());
                        chars.drain(at..end);
                    }
                    1 => {
                        let bit = BITS[rng.below(BITS.len())];
                        chars.splice(at..at, bit.chars());
                    }
                    _ => {
                        let from = rng.below(chars.len() + 1).min(chars.len());
                        let end = (from + rng.below(200)).min(chars.len());
                        let piece: Vec<char> = chars[from..end].to_vec();
                        chars.splice(at..at, piece);
                    }
                }
            }
            let text: String = chars.into_iter().collect();
            let outcome = std::panic::catch_unwind(|| {
                for format in [Format::Auto, Format::Comtrade, Format::Baci, Format::Wits] {
                    let Ok(d) = parse_trades(&text, format) else {
                        continue;
                    };
                    let Some(first) = d.flows.first() else {
                        continue;
                    };
                    let o = tradegap::Options::new(Query::new(first.exporter, first.importer));
                    let _ = report(&d, &o);
                }
            });
            assert!(outcome.is_ok(), "{name} case {i} panicked on {text:?}");
        }
    }
}

// A big file is read for one focus and partner: rows of other countries are checked
// but not kept, other partners keep only their totals, and every row is counted.
#[test]
fn reading_for_a_focus_keeps_its_flows_and_counts_every_row() {
    use tradegap::parse::{parse_trades_with, ReadOptions};
    let text = fixture("comtrade-china.csv");
    let all = parse_trades(&text, Format::Auto).unwrap();
    let (prk, chn) = (code("PRK"), code("CHN"));
    let opts = ReadOptions {
        keep: Some(prk),
        partner: Some(chn),
    };
    let kept = parse_trades_with(&text, Format::Auto, &opts).unwrap();
    assert_eq!(kept.rows_read, all.rows_read);
    assert!(!kept.flows.is_empty() && kept.flows.len() <= all.flows.len());
    for f in &kept.flows {
        assert!(f.exporter == prk || f.importer == prk, "{f:?}");
        if f.product.is_some() {
            assert!(f.exporter == chn || f.importer == chn, "{f:?}");
        }
    }
    let expected = all
        .flows
        .iter()
        .filter(|f| f.exporter == prk || f.importer == prk)
        .filter(|f| f.product.is_none() || f.exporter == chn || f.importer == chn)
        .count();
    assert_eq!(kept.flows.len(), expected);
}

// See: reading for a focus, the Comtrade reader skipped other countries' rows after
// checking only their year and value, so a bad CIF or FOB value there went unnoticed
// that reading the whole file reports.
#[test]
fn regression_other_countries_cif_and_fob_values_are_checked_when_reading_for_a_focus() {
    use tradegap::parse::{parse_trades_with, ReadOptions};
    let text = fixture("comtrade-china.csv").replacen(
        ",164000000000,,164000000000,",
        ",n/a,,164000000000,",
        1,
    );
    let all = parse_trades(&text, Format::Auto).map(|_| ()).unwrap_err();
    let opts = ReadOptions {
        keep: Some(code("PRK")),
        partner: Some(code("CHN")),
    };
    let kept = parse_trades_with(&text, Format::Auto, &opts)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(kept.to_string(), all.to_string());
    assert!(all.to_string().contains("\"n/a\""), "{all}");
}

// See: BACI's totals, which the reader adds up itself, were counted as rows read (12 for
// a file of 7 rows): the count that tradegap:progress reports.
#[test]
fn regression_baci_rows_read_counts_the_files_rows_not_the_totals_it_adds() {
    let data = parse("baci.csv");
    assert_eq!(data.rows_read, 7);
    assert!(data.flows.len() > 7, "totals are still added");
}

// See: the "one side's report" note was in the analysis but not under the chart.
#[test]
fn the_footer_says_whose_report_the_figures_are() {
    let data = parse("comtrade-china.csv");
    let r = report(&data, &options("PRK", "CHN", Lang::En)).unwrap();
    let note = r.chart_text.note.as_deref().unwrap_or_default();
    assert!(note.contains("China's report"), "{note}");
    assert_eq!(Some(note), r.reporting_note.as_deref());
}
