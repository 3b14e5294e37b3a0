//! Words for interaction and comparison: tooltips and live-region lines for years,
//! product bars and partner bars, in English and Korean; the comparison year; records that a later year
//! beat; the year a story opens on.

use tradegap::analyze::Direction;
use tradegap::format::Lang;
use tradegap::layout::View;
use tradegap::parse::{parse_trades, Format};
use tradegap::scene::Target;
use tradegap::{describe, report, Report};

use super::util::{options, report_csv, seed, test_path};

fn seed_report(lang: Lang) -> Report {
    report(&seed(), &options("PRK", "CHN", lang)).expect("the seed reports")
}

fn product(flow: Direction, index: usize) -> Target {
    Target::Product { flow, index }
}

/// (target, tooltip lines, live-region line), for the seed in one language.
type Row<'a> = (Target, &'a [&'a str], &'a str);

fn check_table(r: &Report, table: &[Row<'_>]) {
    for (target, lines, announce) in table {
        let d = describe(r, *target).unwrap_or_else(|| panic!("{target:?} has words"));
        assert_eq!(d.lines, *lines, "{target:?}");
        assert_eq!(d.announce, *announce, "{target:?}");
    }
}

#[test]
fn years_and_bars_in_english() {
    use Direction::{Exports, Imports};
    check_table(
        &seed_report(Lang::En),
        &[
            (
                Target::Year(2019),
                &[
                    "2019",
                    "Exports: $216 million (+1.3% from 2018)",
                    "Imports: $2.59 billion (+16.6% from 2018)",
                    "Deficit: $2.37 billion, largest on record",
                ],
                "2019: deficit $2.37 billion, largest on record; \
                 exports $216 million, imports $2.59 billion.",
            ),
            (
                Target::Year(2023),
                &[
                    "2023",
                    "Exports: $290 million (+115.8% from 2022)",
                    "Imports: $2.03 billion (+127.2% from 2022)",
                    "Deficit: $1.74 billion, largest since 2019",
                ],
                "2023: deficit $1.74 billion, largest since 2019; \
                 exports $290 million, imports $2.03 billion.",
            ),
            // Beaten a year later: the record lasted until 2019.
            (
                Target::Year(2018),
                &[
                    "2018",
                    "Exports: $213 million (\u{2212}86.7% from 2017)",
                    "Imports: $2.22 billion (\u{2212}32.7% from 2017)",
                    "Deficit: $2.01 billion, largest until 2019",
                ],
                "2018: deficit $2.01 billion, largest until 2019; \
                 exports $213 million, imports $2.22 billion.",
            ),
            // The first year has nothing to compare with and sets no record.
            (
                Target::Year(1999),
                &[
                    "1999",
                    "Exports: $41.7 million",
                    "Imports: $328 million",
                    "Deficit: $286 million",
                ],
                "1999: deficit $286 million; exports $41.7 million, imports $328 million.",
            ),
            // A gap: a column without data.
            (
                Target::Year(2021),
                &["2021", "No data for this year"],
                "2021: no data.",
            ),
            (
                product(Exports, 0),
                &[
                    "Wigs and false eyelashes",
                    "HS 6704",
                    "57.6% of exports to China, 2023",
                    "$167 million",
                ],
                "Wigs and false eyelashes: 57.6% of North Korea's exports to China \
                 in 2023, $167 million.",
            ),
            (
                product(Exports, 4),
                &["Other", "14.8% of exports to China, 2023", "$43 million"],
                "Other: 14.8% of North Korea's exports to China in 2023, $43 million.",
            ),
            (
                product(Imports, 0),
                &[
                    "Textiles and fabrics",
                    "HS 50\u{2013}63",
                    "12.7% of imports from China, 2023",
                    "$258 million",
                ],
                "Textiles and fabrics: 12.7% of North Korea's imports from China \
                 in 2023, $258 million.",
            ),
        ],
    );
}

#[test]
fn years_and_bars_in_korean() {
    use Direction::{Exports, Imports};
    check_table(
        &seed_report(Lang::Ko),
        &[
            (
                Target::Year(2019),
                &[
                    "2019년",
                    "수출: 2억 1천600만 달러 (2018년 대비 +1.3%)",
                    "수입: 25억 9천만 달러 (2018년 대비 +16.6%)",
                    "적자: 23억 7천만 달러, 사상 최대",
                ],
                "2019년: 적자 23억 7천만 달러, 사상 최대; \
                 수출 2억 1천600만 달러, 수입 25억 9천만 달러.",
            ),
            (
                Target::Year(2023),
                &[
                    "2023년",
                    "수출: 2억 9천만 달러 (2022년 대비 +115.8%)",
                    "수입: 20억 3천만 달러 (2022년 대비 +127.2%)",
                    "적자: 17억 4천만 달러, 2019년 이후 최대",
                ],
                "2023년: 적자 17억 4천만 달러, 2019년 이후 최대; \
                 수출 2억 9천만 달러, 수입 20억 3천만 달러.",
            ),
            (
                Target::Year(2018),
                &[
                    "2018년",
                    "수출: 2억 1천300만 달러 (2017년 대비 \u{2212}86.7%)",
                    "수입: 22억 2천만 달러 (2017년 대비 \u{2212}32.7%)",
                    "적자: 20억 1천만 달러, 2019년 전까지 최대",
                ],
                "2018년: 적자 20억 1천만 달러, 2019년 전까지 최대; \
                 수출 2억 1천300만 달러, 수입 22억 2천만 달러.",
            ),
            (
                Target::Year(2021),
                &["2021년", "자료 없음"],
                "2021년: 자료 없음.",
            ),
            (
                product(Exports, 0),
                &[
                    "가발과 인조 속눈썹",
                    "HS 6704",
                    "2023년 대중국 수출의 57.6%",
                    "1억 6천700만 달러",
                ],
                "가발과 인조 속눈썹: 2023년 북한의 대중국 수출 가운데 57.6%, 1억 6천700만 달러.",
            ),
            (
                product(Imports, 3),
                &["기타", "2023년 대중국 수입의 68.4%", "13억 9천만 달러"],
                "기타: 2023년 북한의 대중국 수입 가운데 68.4%, 13억 9천만 달러.",
            ),
        ],
    );
}

#[test]
fn a_product_the_breakdown_does_not_have_has_no_words() {
    let r = seed_report(Lang::En);
    assert_eq!(describe(&r, product(Direction::Exports, 5)), None);
    assert_eq!(describe(&r, product(Direction::Imports, 4)), None);
}

#[test]
fn a_surplus_year_in_both_languages() {
    let csv = "year,exporter,importer,value\n\
               2022,KOR,VNM,60900000000\n2022,VNM,KOR,26700000000\n\
               2023,KOR,VNM,53500000000\n2023,VNM,KOR,25800000000\n";
    let en = report_csv(csv, "KOR", "VNM", Lang::En);
    let d = describe(&en, Target::Year(2023)).unwrap();
    assert_eq!(
        d.announce,
        "2023: surplus $27.7 billion; exports $53.5 billion, imports $25.8 billion."
    );
    assert_eq!(d.lines[3], "Surplus: $27.7 billion");
    let ko = report_csv(csv, "KOR", "VNM", Lang::Ko);
    assert_eq!(
        describe(&ko, Target::Year(2023)).unwrap().announce,
        "2023년: 흑자 277억 달러; 수출 535억 달러, 수입 258억 달러."
    );
}

#[test]
fn a_year_with_one_flow_says_which_figure_is_missing() {
    let csv = "year,exporter,importer,value\n\
               2022,PRK,CHN,134400000\n2022,CHN,PRK,893600000\n2023,CHN,PRK,2030000000\n";
    let r = report_csv(csv, "PRK", "CHN", Lang::En);
    let d = describe(&r, Target::Year(2023)).unwrap();
    assert_eq!(
        d.lines,
        [
            "2023",
            "Exports: no data",
            "Imports: $2.03 billion (+127.2% from 2022)"
        ]
    );
    assert_eq!(
        d.announce,
        "2023: no figure for exports, imports $2.03 billion."
    );
}

fn compared(lang: Lang, compare: i32) -> Report {
    let mut o = options("PRK", "CHN", lang);
    o.query.compare = Some(compare);
    report(&seed(), &o).expect("the seed reports with a comparison")
}

#[test]
fn exports_fell_90_percent_since_2013() {
    let en = compared(Lang::En, 2013);
    let c = en.analysis.comparison.expect("2013 is compared with 2023");
    assert_eq!((c.from_year, c.to_year), (2013, 2023));
    assert_eq!(c.headline, Some(Direction::Exports));
    let e = c.exports.unwrap();
    assert!((e.relative.unwrap() - (290e6 / 2.9e9 - 1.0)).abs() < 1e-12);
    assert_eq!(
        en.chart_text.compare.as_deref(),
        Some("Exports \u{2212}90.0% since 2013")
    );
    assert_eq!(
        en.sentences[3],
        "Compared with 2013, exports were down 90.0% from $2.9 billion and imports \
         down 43.6% from $3.6 billion."
    );
    let ko = compared(Lang::Ko, 2013);
    assert_eq!(
        ko.chart_text.compare.as_deref(),
        Some("2013년 대비 수출 \u{2212}90.0%")
    );
    assert_eq!(
        ko.sentences[3],
        "2013년과 비교하면 수출은 29억 달러에서 90.0%, 수입은 36억 달러에서 43.6% 줄었다."
    );
}

#[test]
fn when_both_flows_rose_the_comparison_headlines_the_larger_rise() {
    let mut o = options("PRK", "CHN", Lang::En);
    o.query.compare = Some(1999);
    o.query.year = Some(2008);
    let r = report(&seed(), &o).unwrap();
    assert_eq!(
        r.chart_text.compare.as_deref(),
        Some("Exports +1,698.6% since 1999")
    );
    assert!(r.sentences.contains(
        &"Compared with 1999, exports were up 1,698.6% from $41.7 million and \
                    imports up 518.9% from $328 million."
            .to_string()
    ));
}

#[test]
fn a_comparison_year_not_before_the_selected_one_compares_nothing() {
    let mut o = options("PRK", "CHN", Lang::En);
    o.query.compare = Some(2013);
    o.query.year = Some(2013);
    let r = report(&seed(), &o).unwrap();
    assert_eq!(r.analysis.comparison, None);
    assert_eq!(r.chart_text.compare, None);
    assert!(r.sentences.iter().all(|s| !s.contains("Compared")));
}

#[test]
fn a_comparison_year_without_data_is_an_error_that_names_the_range() {
    let mut o = options("PRK", "CHN", Lang::En);
    o.query.compare = Some(2015);
    let e = report(&seed(), &o).expect_err("2015 is a gap");
    assert!(
        e.to_string()
            .contains("compare: the data has no figures for 2015; it covers 1999 to 2023"),
        "{e}"
    );
}

#[test]
fn a_record_beaten_later_says_until_when() {
    let mut o = options("PRK", "CHN", Lang::En);
    o.query.year = Some(2018);
    let r = report(&seed(), &o).unwrap();
    let rec = r.analysis.record.unwrap();
    assert_eq!((rec.since, rec.until), (None, Some(2019)));
    assert_eq!(
        r.chart_text.record.as_deref(),
        Some("Largest deficit until 2019")
    );
    assert_eq!(
        r.sentences[1],
        "It was the largest deficit in the data, which begins in 1999, until 2019."
    );
    let mut o = options("PRK", "CHN", Lang::Ko);
    o.query.year = Some(2018);
    let r = report(&seed(), &o).unwrap();
    assert_eq!(
        r.sentences[1],
        "이는 1999년 이후 자료 가운데 2019년 전까지 최대 적자였다."
    );
    assert_eq!(
        r.chart_text.record.as_deref(),
        Some("2019년 전까지 최대 적자")
    );
}

/// Totals up to 2024, products only for 2023.
const PRODUCTS_END_EARLIER: &str = "\
year,exporter,importer,product_code,product,value
2023,PRK,CHN,,,290000000
2023,CHN,PRK,,,2030000000
2023,PRK,CHN,6704,Wigs and false eyelashes,167000000
2024,PRK,CHN,,,300000000
2024,CHN,PRK,,,2000000000
";

#[test]
fn the_story_opens_on_the_latest_year_with_products() {
    let data = tradegap::parse::parse_trades(PRODUCTS_END_EARLIER, tradegap::parse::Format::Csv)
        .expect("the fixture parses");
    let story = report(&data, &options("PRK", "CHN", Lang::En)).unwrap();
    assert_eq!(story.view, View::Story);
    assert_eq!(story.analysis.product_years, [2023]);
    assert_eq!(story.analysis.year, 2023);
    assert_eq!(story.analysis.default_story_year(), 2023);
    assert!(story.analysis.composition.is_some());
    // The balance view keeps the latest year with a balance.
    let mut o = options("PRK", "CHN", Lang::En);
    o.view = Some(View::Balance);
    assert_eq!(report(&data, &o).unwrap().analysis.year, 2024);
    // A year asked for is kept.
    let mut o = options("PRK", "CHN", Lang::En);
    o.query.year = Some(2024);
    let r = report(&data, &o).unwrap();
    assert_eq!(r.analysis.year, 2024);
    assert_eq!(r.analysis.composition, None);
}

#[test]
fn data_without_products_defaults_to_the_balance_view() {
    let csv = "year,exporter,importer,value\n2023,PRK,CHN,290000000\n2023,CHN,PRK,2030000000\n";
    assert_eq!(report_csv(csv, "PRK", "CHN", Lang::En).view, View::Balance);
    assert_eq!(View::from_name(" Story "), Some(View::Story));
    assert_eq!(View::from_name("pie"), None);
}

#[test]
fn composition_headings_carry_the_year_and_the_total() {
    let en = seed_report(Lang::En);
    assert_eq!(
        en.chart_text.exports_heading,
        "Exports to China, 2023: $290 million"
    );
    assert_eq!(
        en.chart_text.imports_heading,
        "Imports from China, 2023: $2.03 billion"
    );
    let ko = seed_report(Lang::Ko);
    assert_eq!(
        ko.chart_text.exports_heading,
        "2023년 대중국 수출: 2억 9천만 달러"
    );
    assert_eq!(
        ko.chart_text.imports_heading,
        "2023년 대중국 수입: 20억 3천만 달러"
    );
}

fn partners_report(lang: Lang) -> Report {
    let text = std::fs::read_to_string(test_path("data/golden/partners.csv"))
        .expect("the partners fixture is readable");
    let data = parse_trades(&text, Format::Auto).expect("the partners fixture parses");
    let mut o = options("PRK", "CHN", lang);
    o.view = Some(View::Partners);
    report(&data, &o).expect("the partners fixture reports")
}

#[test]
fn partner_bars_in_english() {
    check_table(
        &partners_report(Lang::En),
        &[
            (
                Target::Partner(0),
                &[
                    "China",
                    "95.2% of total trade, 2023",
                    "Exports: $292 million",
                    "Imports: $2.03 billion",
                    "Total: $2.32 billion",
                ],
                "China: 95.2% of North Korea's total trade in 2023, $2.32 billion; \
                 exports $292 million, imports $2.03 billion.",
            ),
            // "Other" is the World's figures less the top five's.
            (
                Target::Partner(5),
                &[
                    "Other",
                    "1.8% of total trade, 2023",
                    "Exports: $14.5 million",
                    "Imports: $29.3 million",
                    "Total: $43.8 million",
                ],
                "Other: 1.8% of North Korea's total trade in 2023, $43.8 million; \
                 exports $14.5 million, imports $29.3 million.",
            ),
        ],
    );
}

#[test]
fn partner_bars_in_korean() {
    check_table(
        &partners_report(Lang::Ko),
        &[
            (
                Target::Partner(0),
                &[
                    "중국",
                    "2023년 전체 교역의 95.2%",
                    "수출: 2억 9천200만 달러",
                    "수입: 20억 3천만 달러",
                    "합계: 23억 2천만 달러",
                ],
                "중국: 2023년 북한의 전체 교역 가운데 95.2%, 23억 2천만 달러; \
                 수출 2억 9천200만 달러, 수입 20억 3천만 달러.",
            ),
            (
                Target::Partner(1),
                &[
                    "러시아",
                    "2023년 전체 교역의 1.4%",
                    "수출: 231만 달러",
                    "수입: 3천190만 달러",
                    "합계: 3천420만 달러",
                ],
                "러시아: 2023년 북한의 전체 교역 가운데 1.4%, 3천420만 달러; \
                 수출 231만 달러, 수입 3천190만 달러.",
            ),
            (
                Target::Partner(5),
                &[
                    "기타",
                    "2023년 전체 교역의 1.8%",
                    "수출: 1천450만 달러",
                    "수입: 2천930만 달러",
                    "합계: 4천380만 달러",
                ],
                "기타: 2023년 북한의 전체 교역 가운데 1.8%, 4천380만 달러; \
                 수출 1천450만 달러, 수입 2천930만 달러.",
            ),
        ],
    );
}

#[test]
fn partner_bars_without_a_world_row_are_shares_of_the_partners_in_the_data() {
    // No World row, and no figure for North Korea's exports to Russia.
    let csv = "year,exporter,importer,value\n\
               2023,PRK,CHN,300000000\n2023,CHN,PRK,2000000000\n\
               2023,RUS,PRK,40000000\n";
    let en = report_csv(csv, "PRK", "CHN", Lang::En);
    check_table(
        &en,
        &[(
            Target::Partner(1),
            &[
                "Russia",
                "1.7% of trade with the partners in the data, 2023",
                "Exports: no data",
                "Imports: $40 million",
                "Total: $40 million",
            ],
            "Russia: 1.7% of North Korea's trade with the partners in the data in 2023, \
             $40 million; no figure for exports, imports $40 million.",
        )],
    );
    check_table(
        &report_csv(csv, "PRK", "CHN", Lang::Ko),
        &[(
            Target::Partner(1),
            &[
                "러시아",
                "2023년 자료상 교역의 1.7%",
                "수출: 자료 없음",
                "수입: 4천만 달러",
                "합계: 4천만 달러",
            ],
            "러시아: 2023년 북한의 자료상 교역 가운데 1.7%, 4천만 달러; \
             수출 자료 없음, 수입 4천만 달러.",
        )],
    );
    // Two partners, nothing left over: no "Other".
    assert_eq!(describe(&en, Target::Partner(2)), None);
}

#[test]
fn with_one_partner_there_is_no_bar_to_describe() {
    let r = seed_report(Lang::En);
    assert_eq!(describe(&r, Target::Partner(0)), None);
    assert_eq!(
        describe(&partners_report(Lang::En), Target::Partner(6)),
        None
    );
}
