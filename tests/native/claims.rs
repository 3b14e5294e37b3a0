//! The claim check (issue 11): articles in English and Korean, in our own words,
//! stating the reference data's figures right, rounded, hedged, wrong and
//! unverifiable; the figures a reporter writes, read; numbers that are not figures,
//! left alone. Tables, as the formatting tests are.

use tradegap::claims::tokens::{tokenize, Tok, Unit};
use tradegap::claims::{check, report_text, to_json, CheckOptions, Claim, Verdict};
use tradegap::format::Lang;

use super::util::{options, seed, test_path};

fn opts(as_of: Option<i32>) -> CheckOptions {
    CheckOptions {
        options: options("PRK", "CHN", Lang::En),
        as_of,
    }
}

fn claims(article: &str, as_of: Option<i32>) -> Vec<Claim> {
    check(article, &seed(), &opts(as_of)).expect("the check runs")
}

fn article(name: &str) -> String {
    std::fs::read_to_string(test_path(&format!("data/articles/{name}")))
        .expect("the article is readable")
}

/// What a claim must be: text, kind, year, flow, product, verdict, inferred.
type Row = (
    &'static str,
    &'static str,
    Option<i32>,
    Option<&'static str>,
    Option<&'static str>,
    Verdict,
    &'static [&'static str],
);

fn assert_rows(got: &[Claim], want: &[Row]) {
    let list: Vec<String> = got
        .iter()
        .map(|c| format!("{} {:?} {}", c.text, c.verdict, c.note))
        .collect();
    assert_eq!(got.len(), want.len(), "claims: {list:#?}");
    for (c, w) in got.iter().zip(want) {
        let product = c.product.as_deref().map(str::to_lowercase);
        let got_row = (
            c.text.as_str(),
            c.kind.name(),
            c.year,
            c.flow.map(|f| f.name()),
            product.as_deref(),
            c.verdict,
            c.inferred.as_slice(),
        );
        assert_eq!(got_row, *w, "{}", c.note);
    }
}

use Verdict::{Differs as X, Match as M, Unverifiable as U};

#[rustfmt::skip]
#[test]
fn an_english_article() {
    let got = claims(&article("en-deficit.txt"), Some(2024));
    let wigs = Some("wigs and false eyelashes");
    let y: &[&str] = &["year"];
    assert_rows(
        &got,
        &[
            // The headline: no year anywhere in it, so the article's year before 2024.
            ("$1.74 billion", "money", Some(2023), Some("deficit"), None, M, y),
            ("$290 million", "money", Some(2023), Some("exports"), None, M, &[]),
            ("US$2.03bn", "money", Some(2023), Some("imports"), None, M, &[]),
            ("$1.74 billion", "money", Some(2023), Some("deficit"), None, M, &[]),
            ("largest since 2019", "record", Some(2023), Some("deficit"), None, M, &[]),
            // ×2.16 from 2022.
            ("more than doubled", "change", Some(2023), Some("exports"), None, M, y),
            ("116%", "change", Some(2023), Some("exports"), None, M, y),
            ("127%", "change", Some(2023), Some("imports"), None, M, y),
            ("$2.3 billion", "money", Some(2023), Some("total"), None, M, y),
            // 167 / 290 is 57.6%: the agencies' 57.5% differs at the stated precision.
            ("57.5%", "share", Some(2023), Some("exports"), wigs, X, y),
            ("$167 million", "money", Some(2023), Some("exports"), wigs, M, y),
            ("$32M", "money", Some(2023), Some("exports"), Some("alloy steel"), M, y),
            ("$26M", "money", Some(2023), Some("exports"), Some("tungsten"), M, y),
            ("$22M", "money", Some(2023), Some("exports"), Some("electrical energy"), M, y),
            ("$258 million", "money", Some(2023), Some("imports"), Some("textiles and fabrics"), M, y),
            ("$212 million", "money", Some(2023), Some("imports"), Some("plastic products"), M, y),
            // Two years in one sentence: each figure takes the year after it.
            ("$2.6 billion", "money", Some(2016), Some("exports"), None, M, &[]),
            ("$1.6 billion", "money", Some(2017), Some("exports"), None, M, &[]),
            ("$US3.3 billion", "money", Some(2017), Some("imports"), None, M, &[]),
            ("1.7 billion dollars", "money", Some(2017), Some("deficit"), None, M, y),
            ("US$1.7bn", "money", Some(2017), Some("balance"), None, M, y),
            ("$310 million", "money", Some(2023), Some("exports"), None, X, &[]),
            ("90%", "change", Some(2023), Some("imports"), None, X, &[]),
            // China's customs figure is finer than the data's, which gives 290.00.
            ("291.89 million US dollars", "money", Some(2023), Some("exports"), None, X, y),
            ("largest in four years", "record", Some(2023), Some("deficit"), None, M, y),
            ("$5 billion", "money", Some(2023), None, None, U, y),
            ("$34 million", "money", Some(2023), Some("total"), None, U, y),
            // "this year" is 2024: a forecast the data cannot hold.
            ("$300 million and $400 million", "money", Some(2024), Some("exports"), None, U, &[]),
        ],
    );
    let note = |text: &str| {
        got.iter()
            .find(|c| c.text == text)
            .map(|c| c.note.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        note("57.5%"),
        "the data gives 57.6% ($167 million of $290 million exports, 2023)"
    );
    assert_eq!(
        note("$310 million"),
        "the data gives $290 million (2023 exports)"
    );
    assert!(
        note("90%").contains("imports rose 127% from 2022 to 2023"),
        "{}",
        note("90%")
    );
    assert!(note("$5 billion").contains("not a trade flow"));
    assert!(note("$34 million").contains("about Russia"));
    assert!(note("largest since 2019").contains("no figures for 2021"));
}

#[rustfmt::skip]
#[test]
fn a_korean_article() {
    let got = claims(&article("ko-deficit.txt"), Some(2024));
    let wigs = Some("wigs and false eyelashes");
    let y: &[&str] = &["year"];
    assert_rows(
        &got,
        &[
            ("17억 4천만 달러", "money", Some(2023), Some("deficit"), None, M, y),
            ("2019년 이후 최대", "record", Some(2023), Some("deficit"), None, M, y),
            // 지난해 in an article of 2024.
            ("2억9천만달러", "money", Some(2023), Some("exports"), None, M, &[]),
            ("20억3천만 달러", "money", Some(2023), Some("imports"), None, M, &[]),
            ("17억4천만 달러", "money", Some(2023), Some("deficit"), None, M, y),
            ("4년래 최대", "record", Some(2023), Some("deficit"), None, M, y),
            ("116%", "change", Some(2023), Some("exports"), None, M, y),
            ("127%", "change", Some(2023), Some("imports"), None, M, y),
            ("23억 2천만 달러", "money", Some(2023), Some("total"), None, M, y),
            ("57.5퍼센트", "share", Some(2023), Some("exports"), wigs, X, y),
            ("1억6천700만 달러", "money", Some(2023), Some("exports"), wigs, M, y),
            ("2천600만 달러", "money", Some(2023), Some("exports"), Some("tungsten"), M, y),
            ("2천200만 달러", "money", Some(2023), Some("exports"), Some("electrical energy"), M, y),
            ("16억 달러", "money", Some(2017), Some("exports"), None, M, &[]),
            ("33억 달러", "money", Some(2017), Some("imports"), None, M, &[]),
            // 2017's deficit was the largest in the data then, not "in two years".
            ("2년래 최대", "record", Some(2017), Some("deficit"), None, X, y),
            ("21억 달러", "money", Some(2017), Some("deficit"), None, X, y),
            ("3억 달러", "money", Some(2023), Some("exports"), None, X, y),
            ("4.5%p", "points", Some(2023), Some("exports"), wigs, U, y),
            ("50억 달러", "money", Some(2023), None, None, U, y),
            ("1조 2천억 원", "money", Some(2023), None, None, U, y),
            ("3천400만 달러", "money", Some(2023), Some("total"), None, U, y),
        ],
    );
    let won = got
        .iter()
        .find(|c| c.text == "1조 2천억 원")
        .map(|c| c.note.as_str());
    assert_eq!(won, Some("an amount in won: the data is in US dollars"));
    let more = got
        .iter()
        .find(|c| c.text == "3억 달러")
        .map(|c| c.note.as_str());
    assert_eq!(more, Some("the data gives 2억 9천만 달러 (2023 exports)"));
}

/// Every form of figure the issue lists, read as the right amount at the right
/// precision: (text, unit, value, power of ten of the last stated digit).
#[rustfmt::skip]
#[test]
fn figures_are_read_in_every_form() {
    let money = Unit::Money(tradegap::claims::tokens::Currency::Usd);
    let won = Unit::Money(tradegap::claims::tokens::Currency::Other("won"));
    let cases: &[(&str, Unit, f64, i32)] = &[
        ("$1.74 billion", money, 1.74e9, 7),
        ("US$1.7bn", money, 1.7e9, 8),
        ("$US3.3 billion", money, 3.3e9, 8),
        ("1.74 billion dollars", money, 1.74e9, 7),
        ("$290 million", money, 290e6, 7),
        ("$290M", money, 290e6, 7),
        ("290 million US dollars", money, 290e6, 7),
        ("USD 2.03 billion", money, 2.03e9, 7),
        ("$2,030,000,000", money, 2.03e9, 7),
        ("$1.70 billion", money, 1.7e9, 7),
        ("17억 4천만 달러", money, 1.74e9, 7),
        ("2억9천만달러", money, 290e6, 7),
        ("1억 6천700만 달러", money, 167e6, 6),
        ("4천170만 달러", money, 41.7e6, 5),
        ("17.4억 달러", money, 1.74e9, 7),
        ("1조 2천억 원", won, 1.2e12, 11),
        ("57.5%", Unit::Percent, 57.5, -1),
        ("57.5 percent", Unit::Percent, 57.5, -1),
        ("57.5 per cent", Unit::Percent, 57.5, -1),
        ("57.5퍼센트", Unit::Percent, 57.5, -1),
        ("90%", Unit::Percent, 90.0, 0),
        ("4.5 percentage points", Unit::Points, 4.5, -1),
        ("4.5%p", Unit::Points, 4.5, -1),
    ];
    for (text, unit, value, prec) in cases {
        let chars: Vec<char> = text.chars().collect();
        let toks = tokenize(&chars);
        let amounts: Vec<_> = toks
            .iter()
            .filter_map(|t| match &t.tok {
                Tok::Amount(a) => Some((a, t.start, t.end)),
                _ => None,
            })
            .collect();
        assert_eq!(amounts.len(), 1, "{text}: {toks:?}");
        let (a, start, end) = amounts[0];
        assert_eq!(a.unit, *unit, "{text}");
        assert!(
            (a.value.value() - value).abs() < 1e-6 * value,
            "{text}: {:?}",
            a.value
        );
        assert_eq!(a.value.prec, *prec, "{text}");
        assert_eq!(
            (start, end),
            (0, chars.len()),
            "{text}: the whole text is the figure"
        );
    }
}

#[rustfmt::skip]
#[test]
fn years_in_every_form() {
    // (article, as of, year of its one figure, inferred)
    let cases: &[(&str, Option<i32>, i32, bool)] = &[
        ("North Korea's exports to China were $290 million in 2023.", None, 2023, false),
        ("2023년 대중 수출은 2억9천만 달러였다.", None, 2023, false),
        ("Exports were $290 million last year.", Some(2024), 2023, false),
        ("지난해 수출은 2억9천만 달러였다.", Some(2024), 2023, false),
        ("Exports were $2.6 billion in 2016. They fell to $1.6 billion a year later.", None, 2017, false),
        ("In 2018 exports were $213 million, down from $1.6 billion a year earlier.", None, 2017, false),
        // No year: the data's latest, or the year before the article's.
        ("Exports were $290 million.", None, 2023, true),
        ("Exports were $290 million.", Some(2024), 2023, true),
        // A date is not the figure's year.
        ("On March 5, 2024, officials said exports were $290 million.", None, 2023, true),
        ("2024년 3월 5일 발표에 따르면 수출은 2억9천만 달러였다.", None, 2023, true),
    ];
    for (text, as_of, year, inferred) in cases {
        let got = claims(text, *as_of);
        let c = got.last().expect("a figure");
        assert_eq!(c.year, Some(*year), "{text}: {}", c.note);
        assert_eq!(c.inferred.contains(&"year"), *inferred, "{text}");
        assert_eq!(c.verdict, Verdict::Match, "{text}: {}", c.note);
    }
}

/// One sentence each: the verdict of its last figure. Precision and hedges as a
/// reader takes them.
#[rustfmt::skip]
#[test]
fn verdicts_with_precision_and_hedges() {
    let cases: &[(&str, Verdict)] = &[
        // 2023 exports: exactly $290 million.
        ("In 2023 exports were $290 million.", M),
        ("In 2023 exports were $0.29 billion.", M),
        ("In 2023 exports were $0.3 billion.", M),
        ("In 2023 exports were $291 million.", X),
        ("In 2023 exports were about $300 million.", M),
        ("In 2023 exports were nearly $300 million.", M),
        ("In 2023 exports were almost $400 million.", X),
        ("In 2023 exports were more than $280 million.", M),
        ("In 2023 exports were more than $300 million.", X),
        ("In 2023 exports were over $290 million.", X),
        ("In 2023 exports were at least $290 million.", M),
        ("In 2023 exports were less than $300 million.", M),
        ("In 2023 exports were under $290 million.", X),
        ("2023년 수출은 3억 달러 가까이였다.", M),
        ("2023년 수출은 약 3억 달러였다.", M),
        ("2023년 수출은 거의 3억 달러였다.", M),
        ("2023년 수출은 3억 달러 이상이었다.", X),
        ("2023년 수출은 2억8천만 달러 이상이었다.", M),
        // The 2023 deficit, $1.74 billion, at each precision.
        ("The 2023 deficit was $1.7 billion.", M),
        ("The 2023 deficit was $1.8 billion.", X),
        ("The 2023 deficit was $2 billion.", M),
        ("The 2023 surplus was $1.74 billion.", X),
        // A range, and the imports of $2.03 billion.
        ("Imports in 2023 were $2 billion to $3 billion.", M),
        ("Imports in 2023 were $2-3 billion.", M),
        ("Imports in 2023 were $2.1-3 billion.", X),
        ("Imports in 2023 were between $1 billion and $1.5 billion.", X),
        ("2023년 수입은 20억~30억 달러였다.", M),
        // Shares: 167 / 290 = 57.586%.
        ("In 2023 wigs made up 57.6% of exports.", M),
        ("In 2023 wigs made up 58% of exports.", M),
        ("In 2023 wigs made up 57.5% of exports.", X),
        ("In 2023 wigs made up about 57.5% of exports.", M),
        ("In 2023 wigs made up more than half, 57.59% of exports.", M),
        ("In 2023 wig materials were 8.4% of imports.", M),
        // Exports were 290 of 2,320 million: 12.5% of total trade.
        ("In 2023 exports were 12.5% of total trade.", M),
        ("2023년 수출은 양국 교역의 15%에 그쳤다.", X),
        // Changes: exports 2019 → 2020 fell 77.8%; imports 81.0%.
        ("Exports dived 78% in 2020.", M),
        ("Exports dived 90% in 2020.", X),
        ("Exports rose 78% in 2020.", X),
        ("Imports fell 81% in 2020.", M),
        ("Exports were up 62% in 2023 from 2022.", X),
        // By a factor: exports ×2.16 and imports ×2.27 in 2023; exports ×0.22 in 2020.
        ("In 2023 exports more than doubled.", M),
        ("In 2023 imports nearly tripled.", X),
        // ×2.27 is more than double: "doubled" reads as ×1.8 to ×2.2.
        ("In 2023 imports doubled.", X),
        ("Exports halved in 2020.", X),
        ("수출은 2020년 전년 대비 77.8% 급감했다.", M),
        // Compared with a year the sentence names: 2017 → 2023 exports fell 81.9%.
        ("Exports fell 82% in 2023 compared with 2017.", M),
        // Records.
        ("The 2023 deficit was the largest since 2019.", M),
        ("The 2023 deficit was the largest since 2020.", X),
        ("The 2023 deficit was the largest in four years.", M),
        ("The 2023 deficit was a record.", X),
        ("The 2017 deficit was a record.", M),
        ("2023년 적자는 4년래 최대였다.", M),
        ("2023년 적자는 사상 최대였다.", X),
        ("2023년 적자는 2019년 이후 최대였다.", M),
        // Exports of $290 million in 2023: the last larger year is 2017's $1.6 billion.
        ("In 2023 exports were the highest since 2017.", M),
    ];
    for (text, want) in cases {
        let got = claims(text, Some(2024));
        let c = got.last().unwrap_or_else(|| panic!("{text}: no figure"));
        assert_eq!(c.verdict, *want, "{text}: {} — {}", c.text, c.note);
    }
}

#[test]
fn last_year_without_the_article_year_says_so() {
    let got = claims("Exports were $290 million last year.", None);
    assert_eq!(got[0].inferred, ["year"]);
    assert!(
        got[0]
            .note
            .ends_with("needs the year the article was written (asOf, --as-of)"),
        "{}",
        got[0].note
    );
    let got = claims("The 2017 deficit was a record.", None);
    assert!(
        got[0].note.ends_with("which begins in 1999, until 2018"),
        "{}",
        got[0].note
    );
}

#[rustfmt::skip]
#[test]
fn unverifiable_figures_say_why() {
    let cases: &[(&str, &str)] = &[
        ("North Korea's foreign-exchange reserves were $5 billion in 2023.", "not a trade flow"),
        ("North Korea's trade with Russia was $34 million in 2023.", "about Russia"),
        ("In 2021 exports were $50 million.", "no figures for 2021"),
        ("In 2023 exports exceeded $100 million.", "a threshold"),
        ("2023년 수출은 1억 달러를 돌파했다.", "a threshold"),
        ("In 2023 the budget was 1.2 trillion won.", "won"),
        ("In 2023 coal exports were $10 million.", "coal"),
        ("In 2017 wigs made up 10% of exports.", "2023 only"),
        ("In 2023 wigs' share rose 4.5 percentage points.", "2023 only"),
        ("China accounted for 95% of North Korea's trade in 2023.", "only North Korea's trade with China"),
        ("Analysts expect $400 million this year.", "no figures for 2024"),
    ];
    for (text, why) in cases {
        let got = claims(text, Some(2024));
        let c = got.last().unwrap_or_else(|| panic!("{text}: no figure"));
        assert_eq!(c.verdict, Verdict::Unverifiable, "{text}: {}", c.note);
        assert!(c.note.contains(why), "{text}: {}", c.note);
    }
}

#[test]
fn numbers_that_are_not_figures_are_left_alone() {
    let cases = [
        "",
        "Article 7 of the agreement applies.",
        "The talks resumed on the 13th.",
        "Call +82 2-2100-5678 or (202) 555-0143 for details.",
        "Leaders of the G20 and the G7 met.",
        "The report came out on March 5, 2024, at 10:30.",
        "It was published on 5 March 2024 as version 1.2.3.",
        "About 3,000 workers and 12 ships were involved in 2023.",
        "HS 6704 covers wigs; chapter 72 covers steel.",
        "COVID-19 closed the border in 2020.",
        "2024년 3월 5일 제13차 회의가 열렸다.",
        "북한 노동자 3천 명이 파견됐다.",
    ];
    for text in cases {
        let got = claims(text, Some(2024));
        assert!(got.is_empty(), "{text}: {got:#?}");
    }
}

#[test]
fn positions_count_characters_and_utf16_units() {
    // The emoji is one character and two UTF-16 units; Hangul one of each.
    let text = "수출 😀 In 2023 exports were $290 million.";
    let got = claims(text, None);
    assert_eq!(got.len(), 1);
    let c = &got[0];
    let chars: Vec<char> = text.chars().collect();
    let s: String = chars[c.start..c.end].iter().collect();
    assert_eq!(s, "$290 million");
    assert_eq!(c.start_utf16, c.start + 1);
    assert_eq!(c.end_utf16 - c.start_utf16, "$290 million".len());
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(
        String::from_utf16_lossy(&units[c.start_utf16..c.end_utf16]),
        "$290 million"
    );
}

#[test]
fn mixed_languages_and_inference_across_sentences() {
    let text = "In 2017, North Korea's deficit with China was $1.7 billion. \
                It widened to $2.0 billion the next year. 수입은 22억 달러였다.\n\n\
                The deficit was $1.74 billion.";
    let got = claims(text, Some(2024));
    type Short<'a> = (&'a str, Option<i32>, Option<&'a str>, Verdict, Vec<&'a str>);
    let rows: Vec<Short> = got
        .iter()
        .map(|c| {
            (
                c.text.as_str(),
                c.year,
                c.flow.map(|f| f.name()),
                c.verdict,
                c.inferred.clone(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("$1.7 billion", Some(2017), Some("deficit"), M, vec![]),
            // "the next year" counts from 2017; the flow comes from the sentence before.
            ("$2.0 billion", Some(2018), Some("deficit"), M, vec!["flow"]),
            ("22억 달러", Some(2018), Some("imports"), M, vec!["year"]),
            // A new paragraph starts afresh: the data's latest year.
            (
                "$1.74 billion",
                Some(2023),
                Some("deficit"),
                M,
                vec!["year"]
            ),
        ]
    );
}

#[test]
fn the_report_and_json() {
    let text = "In 2023 North Korea's exports were $290 million and wigs made up 57.5% of them.";
    let got = claims(text, None);
    let report = report_text(text, &got);
    assert_eq!(
        report,
        "\u{2713} 1:36 $290 million [money, 2023, exports]: the data gives $290 million (2023 exports)\n\
         \u{2717} 1:66 57.5% [share, 2023, exports, wigs and false eyelashes]: the data gives 57.6% \
         ($167 million of $290 million exports, 2023)\n\
         2 figures: 1 match, 1 differ, 0 unverifiable\n"
    );
    let json = to_json(&got);
    assert!(
        json.starts_with("{\"claims\":[{\"text\":\"$290 million\",\"start\":35,\"end\":47,"),
        "{json}"
    );
    assert!(json.contains("\"verdict\":\"differs\""), "{json}");
    assert!(json.contains("\"stated\":0.575"), "{json}");
}

// The command line: `tradegap FILE --check ARTICLE [--as-of YEAR] [--json] [--strict]`.

fn tradegap(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tradegap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn article_path(name: &str) -> String {
    test_path(&format!("data/articles/{name}"))
        .to_string_lossy()
        .into_owned()
}

#[test]
fn cli_checks_an_article_and_exits_0() {
    let en = article_path("en-deficit.txt");
    let o = tradegap(&[super::util::SEED_PATH, "--check", &en, "--as-of", "2024"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8(o.stdout).expect("UTF-8");
    assert!(
        out.starts_with(
            "\u{2713} 1:44 $1.74 billion [money, 2023, deficit] (year inferred): \
         the data gives $1.74 billion (2023 deficit)\n"
        ),
        "{out}"
    );
    assert!(out.contains(
        "\u{2717} 7:34 57.5% [share, 2023, exports, wigs and false eyelashes] (year inferred): \
         the data gives 57.6% ($167 million of $290 million exports, 2023)\n"
    ), "{out}");
    assert!(
        out.contains("? 13:70 $5 billion [money, 2023] (year inferred): "),
        "{out}"
    );
    assert!(
        out.ends_with("28 figures: 21 match, 4 differ, 3 unverifiable\n"),
        "{out}"
    );
}

#[test]
fn cli_strict_exits_1_when_a_figure_differs() {
    let ko = article_path("ko-deficit.txt");
    let o = tradegap(&[
        super::util::SEED_PATH,
        "--check",
        &ko,
        "--as-of",
        "2024",
        "--strict",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).expect("UTF-8");
    assert!(out.contains("\u{2713} 3:13 2억9천만달러 [money, 2023, exports]: the data gives 2억 9천만 달러 (2023 exports)\n"), "{out}");
    // Only differences make --strict fail: unverifiable figures do not.
    let dir = std::env::temp_dir().join(format!("tradegap-claims-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let fine = dir.join("fine.txt");
    std::fs::write(
        &fine,
        "In 2023 exports were $290 million. Reserves were $5 billion.",
    )
    .expect("the article is written");
    let o = tradegap(&[
        super::util::SEED_PATH,
        "--check",
        &fine.to_string_lossy(),
        "--strict",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_json_is_the_wasm_object() {
    let en = article_path("en-deficit.txt");
    let o = tradegap(&[
        super::util::SEED_PATH,
        "--check",
        &en,
        "--as-of",
        "2024",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let claims = v["claims"].as_array().expect("a list of claims");
    assert_eq!(claims.len(), 28);
    let share = &claims[9];
    assert_eq!(share["text"], "57.5%");
    assert_eq!(share["kind"], "share");
    assert_eq!(share["verdict"], "differs");
    assert_eq!(share["stated"], 0.575);
    assert!((share["computed"].as_f64().unwrap_or(0.0) - 167.0 / 290.0).abs() < 1e-12);
    assert_eq!(share["inferred"], serde_json::json!(["year"]));
    assert_eq!(share["product"], "Wigs and false eyelashes");
}

#[test]
fn cli_check_arguments() {
    // --as-of and --strict need --check; a missing article is bad input.
    let o = tradegap(&[super::util::SEED_PATH, "--as-of", "2024"]);
    assert_eq!(o.status.code(), Some(2));
    let o = tradegap(&[super::util::SEED_PATH, "--check", "no-such-article.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no-such-article.txt"), "{err}");
}

/// Odd text never panics, and every claim's offsets pick out its text: fragments of
/// figures, numbers, scripts and punctuation joined at random (a fixed seed).
#[test]
fn odd_text_never_panics() {
    let parts = [
        "$",
        "US$",
        "$US",
        "₩",
        "€",
        "1",
        "2023",
        "17억",
        "4천만",
        "달러",
        "원",
        "%",
        "%p",
        "퍼센트",
        " billion",
        "bn",
        "M",
        " million",
        ".",
        ",",
        "5",
        "0",
        "-",
        "–",
        "~",
        "to",
        "between",
        "and",
        " ",
        "\n",
        "\n\n",
        "exports",
        "수출",
        "deficit",
        "적자",
        "largest",
        "since",
        "최대",
        "이후",
        "년",
        "4년래",
        "a year earlier",
        "지난해",
        "last year",
        "record",
        "😀",
        "é",
        "wigs",
        "가발",
        "Russia",
        "러시아",
        "99999999999999999999999",
        "0.000000000001",
        "(",
        ")",
        ";",
        "about",
        "약",
        "이상",
        "more than",
        "nearly",
        "up",
        "fell",
        "증가",
        "G20",
        "13th",
        "Article",
        "March",
    ];
    let mut x: u32 = 7;
    for _ in 0..120 {
        let mut text = String::new();
        for _ in 0..40 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            text.push_str(parts[(x >> 16) as usize % parts.len()]);
        }
        for as_of in [None, Some(2024)] {
            let got = claims(&text, as_of);
            let chars: Vec<char> = text.chars().collect();
            let units: Vec<u16> = text.encode_utf16().collect();
            for c in &got {
                let s: String = chars[c.start..c.end].iter().collect();
                assert_eq!(s, c.text, "{text:?}");
                let u = String::from_utf16_lossy(&units[c.start_utf16..c.end_utf16]);
                assert_eq!(u, c.text, "{text:?}");
            }
        }
    }
}

/// Flows named other ways: from the partner's side, "respectively", a change's
/// starting figure; Korean superlatives. Every figure of each sentence must match.
#[test]
fn flows_and_records_named_other_ways() {
    type Flows = &'static [(&'static str, Option<i32>)];
    let cases: &[(&str, Flows)] = &[
        (
            "North Korea's imports from China more than doubled to $2.03 billion last year, \
             while its exports rose to $290 million from $134 million.",
            &[
                ("imports", Some(2023)),
                ("imports", Some(2023)),
                ("exports", Some(2023)),
                ("exports", Some(2022)),
            ],
        ),
        (
            "Exports and imports were $290 million and $2.03 billion in 2023, respectively.",
            &[("exports", Some(2023)), ("imports", Some(2023))],
        ),
        (
            "China's exports to North Korea were $2.03 billion in 2023.",
            &[("imports", Some(2023))],
        ),
        (
            "In 2023 China bought $290 million of North Korean goods.",
            &[("exports", Some(2023))],
        ),
        (
            "2023년 중국의 대북 수출은 20억3천만 달러였다.",
            &[("imports", Some(2023))],
        ),
        (
            "In 2023 the deficit was $1.74 billion, the largest since 2019 ($2.37 billion).",
            &[
                ("deficit", Some(2023)),
                ("deficit", Some(2023)),
                ("deficit", Some(2019)),
            ],
        ),
        (
            "작년 북한의 대중 무역적자는 17억4천만달러로, 2019년(23억7천만 달러) 이후 가장 컸다.",
            &[
                ("deficit", Some(2023)),
                ("deficit", Some(2023)),
                ("deficit", Some(2019)),
            ],
        ),
    ];
    for (text, want) in cases {
        let got = claims(text, Some(2024));
        let rows: Vec<(&str, Option<i32>)> = got
            .iter()
            .map(|c| (c.flow.map_or("", |f| f.name()), c.year))
            .collect();
        assert_eq!(rows, *want, "{text}");
        for c in &got {
            assert_eq!(c.verdict, Verdict::Match, "{text}: {} — {}", c.text, c.note);
        }
    }
}

/// Percentage points need a product's share in two years: a small file that has them.
#[test]
fn percentage_points_between_two_years_of_shares() {
    let csv = "year,exporter,importer,product_code,product,value\n\
               2022,PRK,CHN,,,100000000\n2022,CHN,PRK,,,500000000\n\
               2022,PRK,CHN,6704,Wigs and false eyelashes,50000000\n\
               2023,PRK,CHN,,,200000000\n2023,CHN,PRK,,,600000000\n\
               2023,PRK,CHN,6704,Wigs and false eyelashes,109000000\n";
    let data = tradegap::parse::parse_trades(csv, tradegap::parse::Format::Csv).expect("parses");
    // 50% in 2022, 54.5% in 2023: 4.5 points up.
    let cases: &[(&str, Verdict)] = &[
        (
            "In 2023 wigs' share of exports rose 4.5 percentage points.",
            M,
        ),
        (
            "In 2023 wigs' share of exports fell 4.5 percentage points.",
            X,
        ),
        (
            "In 2023 wigs' share of exports rose 6 percentage points from 2022.",
            X,
        ),
        ("2023년 가발 수출 비중은 5%p 늘었다.", M),
        ("In 2023 wigs made up 54.5% of exports.", M),
    ];
    for (text, want) in cases {
        let got = check(text, &data, &opts(None)).expect("the check runs");
        let c = got.last().expect("a figure");
        assert_eq!(c.verdict, *want, "{text}: {}", c.note);
    }
    let got = check(cases[0].0, &data, &opts(None)).expect("the check runs");
    assert_eq!(
        got[0].note,
        "the data gives: wigs and false eyelashes rose 4.5 points, from 50.0% in 2022 to 54.5% in 2023"
    );
}
