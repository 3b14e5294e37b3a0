//! The seed story, checked against the news reports it comes from (www/data/nk-china-trade.csv).

use tradegap::analyze::{analyze, BalanceKind, Query};
use tradegap::format::Lang;
use tradegap::report;

use super::util::{code, options, seed};

/// Dollars are exact in the data; allow one dollar for floating point.
fn assert_dollars(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= 1.0,
        "{what}: expected {expected}, got {actual}"
    );
}

fn north_korea_with_china() -> tradegap::analyze::Analysis {
    analyze(&seed(), &Query::new(code("PRK"), code("CHN"))).expect("the seed analyses")
}

fn story_sentences(lang: Lang) -> Vec<String> {
    report(&seed(), &options("PRK", "CHN", lang))
        .expect("the seed reports")
        .sentences
}

#[test]
fn the_story_describes_2023_the_latest_year() {
    assert_eq!(north_korea_with_china().year, 2023);
}

#[test]
fn in_2023_north_korea_sold_290_million_and_bought_2_03_billion() {
    let a = north_korea_with_china();
    let y = a.year_balance(2023).expect("2023 is in the data");
    assert_dollars(y.exports.unwrap(), 290e6, "2023 exports");
    assert_dollars(y.imports.unwrap(), 2.03e9, "2023 imports");
    assert_dollars(y.balance.unwrap(), -1.74e9, "2023 balance");
    assert_dollars(y.total.unwrap(), 2.32e9, "2023 total trade");
}

#[test]
fn the_2023_deficit_is_the_largest_since_2019() {
    let a = north_korea_with_china();
    let r = a.record.expect("2023 sets a record");
    assert_eq!(r.year, 2023);
    assert_eq!(r.kind, BalanceKind::Deficit);
    let (since, balance) = r.since.expect("a larger deficit came before");
    assert_eq!(since, 2019);
    assert_dollars(balance, -2.373e9, "2019 balance");
    assert_eq!(r.first_year, 1999);
}

#[test]
fn in_2017_north_korea_sold_1_6_billion_and_bought_3_3_billion() {
    let a = north_korea_with_china();
    let y = a.year_balance(2017).expect("2017 is in the data");
    assert_dollars(y.exports.unwrap(), 1.6e9, "2017 exports");
    assert_dollars(y.imports.unwrap(), 3.3e9, "2017 imports");
    assert_dollars(y.balance.unwrap(), -1.7e9, "2017 balance");
}

#[test]
fn the_2017_sentence_gives_the_deficit_of_1_7_billion() {
    let mut o = options("PRK", "CHN", Lang::En);
    o.query.year = Some(2017);
    let r = report(&seed(), &o).expect("2017 reports");
    assert_eq!(
        r.sentences[0],
        "In 2017, North Korea's exports to China were $1.6 billion and its imports \
         from China $3.3 billion, a trade deficit of $1.7 billion."
    );
}

#[test]
fn wigs_and_false_eyelashes_lead_2023_exports() {
    let a = north_korea_with_china();
    let c = a.composition.expect("2023 is broken down by product");
    assert_eq!(c.year, 2023);
    let exports = c.exports.expect("exports are broken down");
    assert_dollars(exports.total, 290e6, "exports total");
    assert!(!exports.total_from_products);
    let first = &exports.rows[0];
    assert_eq!(first.code, "6704");
    assert_eq!(first.label, "Wigs and false eyelashes");
    assert_dollars(first.value, 167e6, "wigs");
    assert!(
        (first.share - 167.0 / 290.0).abs() < 1e-12,
        "{}",
        first.share
    );
    assert_eq!(first.share_permille, 576);

    let codes: Vec<&str> = exports.rows.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["6704", "72", "2611", "2716", "other"]);
    let other = exports.rows.last().unwrap();
    assert!(other.is_other);
    assert_eq!(other.label, "Other");
    assert_dollars(other.value, 290e6 - (167e6 + 32e6 + 26e6 + 22e6), "Other");
    assert_dollars(other.value, 43e6, "Other");
}

#[test]
fn displayed_shares_add_up_to_100_percent() {
    let c = north_korea_with_china().composition.unwrap();
    for breakdown in [c.exports.unwrap(), c.imports.unwrap()] {
        let permille: u32 = breakdown.rows.iter().map(|r| r.share_permille).sum();
        assert_eq!(permille, 1000, "{breakdown:?}");
        let share: f64 = breakdown.rows.iter().map(|r| r.share).sum();
        assert!((share - 1.0).abs() < 1e-12, "{breakdown:?}");
    }
}

#[test]
fn textiles_and_fabrics_lead_2023_imports() {
    let imports = north_korea_with_china()
        .composition
        .unwrap()
        .imports
        .unwrap();
    let first = &imports.rows[0];
    assert_eq!(first.code, "50-63");
    assert_eq!(first.label, "Textiles and fabrics");
    assert_dollars(first.value, 258e6, "textiles");
    let codes: Vec<&str> = imports.rows.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["50-63", "39", "6703", "other"]);
}

#[test]
fn years_missing_from_the_file_are_gaps_not_zeros() {
    let a = north_korea_with_china();
    let years: Vec<i32> = a.years.iter().map(|y| y.year).collect();
    assert_eq!(
        years,
        [
            1999, 2000, 2004, 2006, 2008, 2010, 2011, 2012, 2013, 2014, 2016, 2017, 2018, 2019,
            2020, 2022, 2023
        ]
    );
    for missing in [2001, 2002, 2003, 2005, 2007, 2009, 2015, 2021] {
        assert!(a.year_balance(missing).is_none(), "{missing} is a gap");
    }
}

#[test]
fn the_change_in_2023_is_measured_against_2022_because_2021_is_missing() {
    let a = north_korea_with_china();
    let y = a.year_balance(2023).unwrap();
    for (what, delta) in [
        ("balance", y.balance_change),
        ("exports", y.exports_change),
        ("imports", y.imports_change),
    ] {
        assert_eq!(delta.expect(what).from_year, 2022, "{what}");
    }
    let d = y.balance_change.unwrap();
    assert_dollars(d.absolute, -1.74e9 - -759.2e6, "balance change");
    let e = y.exports_change.unwrap();
    assert_dollars(e.absolute, 290e6 - 134.4e6, "exports change");
}

#[test]
fn every_year_names_its_one_source() {
    let a = north_korea_with_china();
    assert!(a.conflicts.is_empty(), "{:?}", a.conflicts);
    assert_eq!(
        a.sources[0].name,
        "KINU report on KITA data, via The Kangnam Times"
    );
    assert_eq!(a.sources[0].years, [2023]);
    for y in &a.years {
        let n = a
            .sources
            .iter()
            .filter(|s| s.years.contains(&y.year))
            .count();
        assert_eq!(n, 1, "{} has {n} sources", y.year);
    }
}

#[test]
fn english_sentences_carry_the_story_figures() {
    let text = story_sentences(Lang::En).join(" ");
    for want in [
        "$290 million",
        "$2.03 billion",
        "$1.74 billion",
        "since 2019",
        "$2.37 billion",
        "57.6%",
        "$167 million",
    ] {
        assert!(text.contains(want), "{want:?} is not in {text:?}");
    }
}

#[test]
fn korean_sentences_carry_the_story_figures() {
    let text = story_sentences(Lang::Ko).join(" ");
    for want in [
        "2억 9천만 달러",
        "20억 3천만 달러",
        "17억 4천만 달러",
        "2019년",
        "23억 7천만 달러",
        "57.6%",
        "1억 6천700만 달러",
    ] {
        assert!(text.contains(want), "{want:?} is not in {text:?}");
    }
}

#[test]
fn english_sentences_in_full() {
    assert_eq!(
        story_sentences(Lang::En),
        [
            "In 2023, North Korea's exports to China were $290 million and its imports \
             from China $2.03 billion, a trade deficit of $1.74 billion.",
            "It was the largest deficit since 2019, when it was $2.37 billion; the data has no figures for 2021.",
            "Exports rose by 115.8% from 2022 and imports by 127.2%.",
            "Wigs and false eyelashes made up 57.6% of North Korea's exports to China \
             ($167 million).",
        ]
    );
}

#[test]
fn korean_sentences_in_full() {
    assert_eq!(
        story_sentences(Lang::Ko),
        [
            "2023년 북한의 대중국 수출은 2억 9천만 달러, 수입은 20억 3천만 달러로, \
             무역적자는 17억 4천만 달러였다.",
            "이는 2019년(23억 7천만 달러) 이후 최대 적자다(2021년 자료 없음).",
            "2022년보다 수출은 115.8%, 수입은 127.2% 늘었다.",
            "대중국 수출의 57.6%(1억 6천700만 달러)는 가발과 인조 속눈썹이었다.",
        ]
    );
}

#[test]
fn the_chart_annotates_the_record_in_both_languages() {
    let en = report(&seed(), &options("PRK", "CHN", Lang::En)).unwrap();
    assert_eq!(en.chart_text.title, "North Korea's trade with China");
    assert_eq!(
        en.chart_text.record.as_deref(),
        Some("Largest deficit since 2019")
    );
    let ko = report(&seed(), &options("PRK", "CHN", Lang::Ko)).unwrap();
    assert_eq!(ko.chart_text.title, "북한의 대중국 무역");
    assert_eq!(
        ko.chart_text.record.as_deref(),
        Some("2019년 이후 최대 적자")
    );
}

#[test]
fn seen_from_china_the_deficit_is_a_surplus_since_2019() {
    let a = analyze(&seed(), &Query::new(code("CHN"), code("PRK"))).unwrap();
    let y = a.year_balance(2023).unwrap();
    assert_dollars(y.exports.unwrap(), 2.03e9, "China's exports");
    assert_dollars(y.imports.unwrap(), 290e6, "China's imports");
    assert_dollars(y.balance.unwrap(), 1.74e9, "China's surplus");
    let r = a.record.expect("a record surplus");
    assert_eq!(r.kind, BalanceKind::Surplus);
    assert_eq!(r.since.map(|(y, _)| y), Some(2019));
    assert_dollars(r.since.unwrap().1, 2.373e9, "2019 surplus");
}

#[test]
fn seen_from_china_in_english_and_korean() {
    let en = report(&seed(), &options("CHN", "PRK", Lang::En)).unwrap();
    assert_eq!(
        en.sentences,
        [
            "In 2023, China's exports to North Korea were $2.03 billion and its imports \
             from North Korea $290 million, a trade surplus of $1.74 billion.",
            "It was the largest surplus since 2019, when it was $2.37 billion; the data has no figures for 2021.",
            "Exports rose by 127.2% from 2022 and imports by 115.8%.",
            "Textiles and fabrics made up 12.7% of China's exports to North Korea \
             ($258 million).",
        ]
    );
    let ko = report(&seed(), &options("CHN", "PRK", Lang::Ko)).unwrap();
    assert_eq!(
        ko.sentences,
        [
            "2023년 중국의 대북한 수출은 20억 3천만 달러, 수입은 2억 9천만 달러로, \
             무역흑자는 17억 4천만 달러였다.",
            "이는 2019년(23억 7천만 달러) 이후 최대 흑자다(2021년 자료 없음).",
            "2022년보다 수출은 127.2%, 수입은 115.8% 늘었다.",
            "대북한 수출의 12.7%(2억 5천800만 달러)는 섬유·직물이었다.",
        ]
    );
}

// A missing focus or partner comes from the data's first flow, for the CLI and the element alike.
#[test]
fn a_missing_focus_or_partner_comes_from_the_first_flow() {
    let data = seed();
    let first = &data.flows[0];
    let q = Query::with_defaults(&data, None, None).expect("the seed has flows");
    assert_eq!((q.focus, q.partner), (first.exporter, first.importer));
    let q = Query::with_defaults(&data, Some(first.importer), None).unwrap();
    assert_eq!((q.focus, q.partner), (first.importer, first.exporter));
    let q = Query::with_defaults(&data, None, Some(code("USA"))).unwrap();
    assert_eq!((q.focus, q.partner), (first.exporter, code("USA")));
    let empty = tradegap::model::Dataset::default();
    assert_eq!(Query::with_defaults(&empty, Some(code("PRK")), None), None);
    assert!(Query::with_defaults(&empty, Some(code("PRK")), Some(code("CHN"))).is_some());
}

// See: with a focus and no partner, the partner came from the data's first flow even
// when the focus was not in it: a country the focus may not trade with at all, and not
// the one a big file read for that focus (its first kept flow) gives.
#[test]
fn regression_a_missing_partner_comes_from_the_first_flow_of_the_focus() {
    use tradegap::parse::{parse_trades, parse_trades_with, Format, ReadOptions};
    let text = "year,exporter,importer,value\n2023,USA,JPN,5\n2023,PRK,CHN,2\n2023,CHN,PRK,3\n";
    let all = parse_trades(text, Format::Csv).unwrap();
    let q = Query::with_defaults(&all, Some(code("PRK")), None).unwrap();
    assert_eq!(q.partner, code("CHN"));
    let kept = ReadOptions {
        keep: Some(code("PRK")),
        partner: None,
    };
    let big = parse_trades_with(text, Format::Csv, &kept).unwrap();
    assert_eq!(Query::with_defaults(&big, Some(code("PRK")), None), Some(q));
    // A focus the data never names still gets a partner, and the analysis says why it
    // cannot draw: the data holds no trade between them.
    let q = Query::with_defaults(&all, Some(code("KOR")), None).unwrap();
    assert_eq!(q.partner, code("USA"));
}
