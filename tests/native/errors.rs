//! Parse errors name the line, column and problem; odd but valid input parses; nothing panics.

use tradegap::analyze::{analyze, Query};
use tradegap::error::ErrorKind;
use tradegap::measure::FixedMeasure;
use tradegap::model::Dataset;
use tradegap::parse::{parse_trades, Format};
use tradegap::{balance_scene, report, Options};

use super::util::{code, seed_text, test_path};

/// Each malformed fixture in tests/data/errors, the format it is read as and its
/// message, exactly, from tests/data/error-messages.tsv (which the CLI and e2e tests
/// read too).
pub fn errored() -> Vec<(String, String, String)> {
    let table = std::fs::read_to_string(test_path("data/error-messages.tsv"))
        .expect("tests/data/error-messages.tsv is readable");
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut cells = l.splitn(3, '\t').map(str::to_string);
            let mut next = || cells.next().expect("three tab-separated cells");
            (next(), next(), next())
        })
        .collect()
}

/// The fixture's text as the CLI reads it: UTF-8, else Windows-1252 byte for byte.
pub fn fixture_text(name: &str) -> String {
    let bytes = std::fs::read(test_path(&format!("data/errors/{name}"))).expect("readable");
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e
            .as_bytes()
            .iter()
            .map(|&b| match b {
                0x80..=0x9f => char::from_u32(WINDOWS_1252[(b - 0x80) as usize]).unwrap_or('?'),
                _ => b as char,
            })
            .collect(),
    }
}

/// Windows-1252's characters for bytes 0x80 to 0x9F (the rest are Latin-1).
const WINDOWS_1252: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039,
    0x152, 0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC,
    0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
];

/// Parses a fixture in `format` and, if that works, analyses it for the focus and
/// partner that the CLI and the element take by default.
fn parse_and_analyze(text: &str, format: &str) -> Result<(), tradegap::error::Error> {
    let data = parse_trades(text, Format::from_name(format)?)?;
    let q = Query::with_defaults(&data, None, None).expect("the data has flows");
    analyze(&data, &q)?;
    Ok(())
}

#[test]
fn each_malformed_fixture_fails_with_its_message() {
    let mut wrong = Vec::new();
    let table = errored();
    assert!(table.len() >= 40, "only {} bad files", table.len());
    for (name, format, want) in &table {
        let text = fixture_text(name);
        match parse_and_analyze(&text, format) {
            Ok(()) => wrong.push(format!("{name}: parsed, expected {want:?}")),
            Err(e) if e.to_string() != *want => wrong.push(format!(
                "{name}:\n  expected {want:?}\n  actual   {:?}",
                e.to_string()
            )),
            Err(e) => {
                // Every message names a line and a column that exist.
                assert!(e.pos.line >= 1 && e.pos.column >= 1, "{name}");
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn every_fixture_in_the_errors_folder_is_in_the_table() {
    let dir = test_path("data/errors");
    let table = errored();
    for entry in std::fs::read_dir(dir).expect("tests/data/errors exists") {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            table.iter().any(|(n, _, _)| *n == name),
            "{name} has no expected message in tests/data/error-messages.tsv"
        );
    }
}

#[test]
fn each_reader_has_its_bad_files() {
    // Every reader meets the same kinds of bad input (issue 13).
    let table = errored();
    for format in [
        "native",
        "json",
        "comtrade",
        "comtrade-legacy",
        "baci",
        "wits",
        "reported",
    ] {
        let n = table.iter().filter(|(_, f, _)| f == format).count();
        assert!(n >= 4, "{format}: {n} bad files");
    }
}

#[test]
fn errors_carry_their_kind_and_field() {
    let e = parse_trades(
        "year,exporter,importer,value\n2023,PRK,CHN,n/a\n",
        Format::Csv,
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotANumber("n/a".into()));
    assert_eq!(e.field.as_deref(), Some("value"));
    assert_eq!((e.pos.line, e.pos.column), (2, 4));
    assert_eq!(e.message(), "\"n/a\" is not a number");
}

fn parse_csv(text: &str) -> Dataset {
    parse_trades(text, Format::Auto).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn csv_error(text: &str) -> String {
    match parse_trades(text, Format::Auto) {
        Ok(d) => panic!("parsed {d:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn headers_may_come_in_any_order_and_case() {
    let d = parse_csv("Value,IMPORTER,Exporter,YEAR\n290000000,CHN,prk,2023\n");
    let f = &d.flows[0];
    assert_eq!(
        (f.year, f.exporter, f.importer),
        (2023, code("PRK"), code("CHN"))
    );
    assert_eq!(f.value_usd, 290e6);
    assert_eq!(f.product, None);
    assert_eq!(f.line, 2);
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let d = parse_csv("\u{feff}year,exporter,importer,value\n2023,PRK,CHN,290000000\n");
    assert_eq!(d.flows[0].year, 2023);
    let j = parse_csv(
        "\u{feff}[{\"year\": 2023, \"exporter\": \"PRK\", \"importer\": \"CHN\", \"value\": 1}]",
    );
    assert_eq!(j.flows[0].value_usd, 1.0);
}

#[test]
fn crlf_line_endings_parse_and_keep_line_numbers() {
    let d = parse_csv("year,exporter,importer,value\r\n2022,PRK,CHN,1\r\n2023,PRK,CHN,2\r\n");
    let lines: Vec<u32> = d.flows.iter().map(|f| f.line).collect();
    assert_eq!(lines, [2, 3]);
    assert_eq!(
        csv_error("year,exporter,importer,value\r\n2022,PRK,CHN,1\r\n2023,PRK,CHN,x\r\n"),
        "line 3, column 4 (value): \"x\" is not a number"
    );
}

#[test]
fn quoted_fields_hold_commas_and_newlines() {
    let text = "year,exporter,importer,value,source,note\n\
                2022,PRK,CHN,\"134,400,000\",\"China customs, via The Diplomat\",\"first line\n\
                second line\n\
                third line\"\n\
                2023,PRK,CHN,290000000,KITA,\"a \"\"quoted\"\" word\"\n";
    let d = parse_csv(text);
    assert_eq!(d.flows[0].value_usd, 134.4e6);
    assert_eq!(d.sources, ["China customs, via The Diplomat", "KITA"]);
    assert_eq!(
        d.flows[0].note.as_deref(),
        Some("first line\nsecond line\nthird line")
    );
    assert_eq!(d.flows[1].note.as_deref(), Some("a \"quoted\" word"));
    // The second row starts on line 5, after the three lines of the first.
    assert_eq!(d.flows[1].line, 5);
}

#[test]
fn an_error_after_a_multi_line_field_names_its_own_line() {
    let text = "year,exporter,importer,value,note\n\
                2022,PRK,CHN,1,\"one\ntwo\nthree\"\n\
                2023,PRK,CHN,1,\"x, y\"\n\
                2024,PRK,CHN,oops,\n";
    assert_eq!(
        csv_error(text),
        "line 6, column 4 (value): \"oops\" is not a number"
    );
}

#[test]
fn units_scale_values_to_dollars() {
    let d = parse_csv(
        "year,exporter,importer,value,unit\n\
         2020,PRK,CHN,48000000,usd\n\
         2021,PRK,CHN,290000,thousand_usd\n\
         2022,PRK,CHN,2030,Million_USD\n\
         2023,PRK,CHN,5,\n",
    );
    let values: Vec<f64> = d.flows.iter().map(|f| f.value_usd).collect();
    assert_eq!(values, [48e6, 290e6, 2.03e9, 5.0]);
}

#[test]
fn thousands_separators_are_read_in_quoted_values() {
    let d = parse_csv("year,exporter,importer,value\n2023,PRK,CHN,\"1,234,000\"\n");
    assert_eq!(d.flows[0].value_usd, 1_234_000.0);
}

#[test]
fn unknown_columns_are_ignored() {
    let d = parse_csv(
        "flag,year,comment,exporter,importer,value,hs_version\n\
         x,2023,\"anything, really\",PRK,CHN,290000000,HS2017\n",
    );
    assert_eq!(d.flows.len(), 1);
    assert_eq!(d.flows[0].value_usd, 290e6);
}

#[test]
fn blank_lines_are_skipped_and_still_counted() {
    let text = "\nyear,exporter,importer,value\n\n2022,PRK,CHN,1\n\n\n2023,PRK,CHN,2\n\n";
    let d = parse_csv(text);
    let lines: Vec<u32> = d.flows.iter().map(|f| f.line).collect();
    assert_eq!(lines, [4, 7]);
    assert_eq!(
        csv_error("year,exporter,importer,value\n\n2022,PRK,CHN,1\n\n2023,PRK,CHN\n"),
        "line 5, column 1: expected 4 fields like the header, found 3"
    );
}

#[test]
fn products_and_sources_are_kept() {
    let d = parse_csv(
        "year,exporter,importer,product_code,product,value,source\n\
         2023,PRK,CHN,6704,Wigs and false eyelashes,167000000,KITA\n\
         2023,CHN,PRK,50-63,Textiles and fabrics,258000000,KITA\n\
         2023,PRK,CHN,,Electricity,22000000,\n",
    );
    let p: Vec<(&str, Option<&str>)> = d
        .flows
        .iter()
        .filter(|f| !f.derived)
        .map(|f| {
            let p = f.product.as_ref().unwrap();
            (p.code.as_str(), p.label.as_deref())
        })
        .collect();
    assert_eq!(
        p,
        [
            ("6704", Some("Wigs and false eyelashes")),
            ("50-63", Some("Textiles and fabrics")),
            // A product with no code is known by its label.
            ("Electricity", Some("Electricity")),
        ]
    );
    assert_eq!(d.source_name(&d.flows[0]), Some("KITA"));
    assert_eq!(d.source_name(&d.flows[2]), None);
}

#[test]
fn json_takes_numbers_and_numeric_strings() {
    let text = r#"[
        {"year": 2023, "exporter": "PRK", "importer": "CHN", "value": 290000000},
        {"year": "2023", "exporter": "chn", "importer": "PRK", "value": "2.03e9",
         "unit": "usd", "product_code": null, "source": "KITA", "extra": [1, {"a": true}]},
        {"year": 2023, "exporter": "PRK", "importer": "CHN", "product_code": 6704,
         "value": "167,000,000"}
    ]"#;
    for format in [Format::Auto, Format::Json] {
        let d = parse_trades(text, format).unwrap();
        let values: Vec<f64> = d.flows.iter().map(|f| f.value_usd).collect();
        assert_eq!(values, [290e6, 2.03e9, 167e6]);
        assert_eq!(d.flows[1].exporter, code("CHN"));
        assert_eq!(d.flows[1].product, None);
        assert_eq!(d.flows[2].product.as_ref().unwrap().code, "6704");
        let lines: Vec<u32> = d.flows.iter().map(|f| f.line).collect();
        assert_eq!(lines, [2, 3, 5]);
    }
}

#[test]
fn the_format_can_be_forced() {
    let json = r#"[{"year": 2023, "exporter": "PRK", "importer": "CHN", "value": 1}]"#;
    assert!(parse_trades(json, Format::Csv).is_err());
    let csv = "year,exporter,importer,value\n2023,PRK,CHN,1\n";
    assert_eq!(
        parse_trades(csv, Format::Json).unwrap_err().to_string(),
        "line 1, column 1: unexpected 'y' where a value should be"
    );
    assert_eq!(
        Format::from_name("xml").unwrap_err().to_string(),
        "line 1, column 1: unknown format \"xml\"; use auto, native, json, comtrade, \
         comtrade-legacy, baci, wits or reported"
    );
    assert_eq!(Format::from_name(" JSON ").unwrap(), Format::Json);
}

/// A deterministic pseudo-random sequence (Knuth's MMIX LCG), so failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Characters that matter to the parsers, more often than random bytes would give them.
const ALPHABET: &[char] = &[
    ',', '"', '\n', '\r', ' ', '[', ']', '{', '}', ':', '\\', '-', '+', '.', 'e', 'E', '0', '1',
    '2', '9', 'P', 'R', 'K', 'C', 'H', 'N', 'u', 'n', 'l', 't', '\u{feff}', '북', 'é',
];

fn mutate(rng: &mut Lcg, seed: &str) -> String {
    let mut chars: Vec<char> = seed.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(chars.len() + 1);
        match rng.below(5) {
            0 if !chars.is_empty() => {
                let end = (at + 1 + rng.below(20)).min(chars.len());
                chars.drain(at.min(end)..end);
            }
            1 => chars.insert(at, ALPHABET[rng.below(ALPHABET.len())]),
            2 if !chars.is_empty() => {
                let i = at.min(chars.len() - 1);
                chars[i] = ALPHABET[rng.below(ALPHABET.len())];
            }
            3 => {
                // Repeat a slice somewhere else: duplicate rows, doubled quotes.
                let from = rng.below(chars.len() + 1);
                let end = (from + rng.below(80)).min(chars.len());
                let piece: Vec<char> = chars[from..end].to_vec();
                let at = at.min(chars.len());
                chars.splice(at..at, piece);
            }
            _ => {
                let numbers = [
                    "0",
                    "-0",
                    "1e308",
                    "5e-324",
                    "1e-300",
                    "99999999999999999999",
                ];
                let at = at.min(chars.len());
                chars.splice(at..at, numbers[rng.below(numbers.len())].chars());
            }
        }
    }
    chars.into_iter().collect()
}

/// Runs the whole pipeline on `text`; only panics (or hangs) can fail.
fn run_everything(text: &str) {
    let mut parsed: Vec<Dataset> = Vec::new();
    for format in [Format::Auto, Format::Csv, Format::Json] {
        match parse_trades(text, format) {
            Ok(d) if !parsed.contains(&d) => parsed.push(d),
            Ok(_) => {}
            Err(e) => {
                let message = e.to_string();
                assert!(message.starts_with("line "), "{message}");
                assert!(e.pos.line >= 1 && e.pos.column >= 1, "{message}");
            }
        }
    }
    for data in parsed {
        let mut pairs: Vec<_> = data
            .flows
            .iter()
            .map(|f| (f.exporter, f.importer))
            .collect();
        pairs.push((code("PRK"), code("CHN")));
        pairs.sort();
        pairs.dedup();
        pairs.truncate(3);
        for (focus, partner) in pairs {
            let options = Options::new(Query::new(focus, partner));
            if let Ok(r) = report(&data, &options) {
                for (w, h) in [(640.0, 400.0), (320.0, 200.0)] {
                    let _ = balance_scene(&r, w, h, &FixedMeasure).to_text();
                }
            }
        }
    }
}

const SEED_JSON: &str = r#"[
  {"year": 2022, "exporter": "PRK", "importer": "CHN", "value": 134400000, "source": "A"},
  {"year": 2022, "exporter": "CHN", "importer": "PRK", "value": "893,600,000"},
  {"year": 2023, "exporter": "PRK", "importer": "CHN", "value": 2.9e8, "unit": "usd"},
  {"year": 2023, "exporter": "CHN", "importer": "PRK", "value": 2030, "unit": "million_usd"},
  {"year": 2023, "exporter": "PRK", "importer": "CHN", "product_code": "6704", "value": 167e6}
]"#;

#[test]
fn random_and_mutated_input_never_panics() {
    let mut rng = Lcg(0x7472_6164_6567_6170); // "tradegap"
    let seed = seed_text();
    for i in 0..2000 {
        let text = match i % 4 {
            // Arbitrary bytes, made into text the way a browser would.
            0 => {
                let bytes: Vec<u8> = (0..rng.below(300)).map(|_| rng.next() as u8).collect();
                String::from_utf8_lossy(&bytes).into_owned()
            }
            // Text from the characters the parsers care about.
            1 => (0..rng.below(300))
                .map(|_| ALPHABET[rng.below(ALPHABET.len())])
                .collect(),
            2 => mutate(&mut rng, &seed),
            _ => mutate(&mut rng, SEED_JSON),
        };
        let result = std::panic::catch_unwind(|| run_everything(&text));
        assert!(result.is_ok(), "case {i} panicked on {text:?}");
    }
}

#[test]
fn extreme_values_lay_out_without_panicking() {
    let mut panicked = Vec::new();
    for (exports, imports) in [
        ("5e-324", "0"),
        ("0", "5e-324"),
        ("1e-300", "2e-300"),
        ("1.7e308", "1.7e308"),
        ("1.7e308", "0"),
        ("0", "0"),
        ("99999999999999999999", "1"),
    ] {
        let text = format!(
            "year,exporter,importer,value\n\
             2022,PRK,CHN,{exports}\n2022,CHN,PRK,{imports}\n\
             2023,PRK,CHN,{imports}\n2023,CHN,PRK,{exports}\n"
        );
        if std::panic::catch_unwind(|| run_everything(&text)).is_err() {
            panicked.push(format!("{exports} / {imports}"));
        }
    }
    assert!(panicked.is_empty(), "panicked on {panicked:?}");
}

// See: the inline-data example, whose CSV in a <script> ends with an indented line.
#[test]
fn whitespace_only_lines_are_blank_lines() {
    let text = "\n   \nyear,exporter,importer,value\n2023,PRK,CHN,290000000\n  \t\n2023,CHN,PRK,2030000000\n      ";
    let data = tradegap::parse::parse_trades(text, tradegap::parse::Format::Csv).unwrap();
    assert_eq!(data.flows.len(), 2);
    assert_eq!(data.flows[1].line, 6);
}

// The CSV reader's parser is reused from one text to the next (building it costs more
// than reading a small file): one left inside an open quote must not leak into the next.
#[test]
fn a_text_left_in_an_open_quote_does_not_change_the_next() {
    let open = "year,exporter,importer,value\n2023,\"PRK,CHN,1\n";
    let good = "year,exporter,importer,value\n2023,PRK,CHN,1\n";
    for _ in 0..3 {
        assert!(parse_trades(open, Format::Csv).is_err());
        let mut records = tradegap::parse::Records::new(open);
        records.next_record();
        // Dropped halfway through a record's quote.
        drop(records);
        let d = parse_trades(good, Format::Csv).expect("the next text reads");
        assert_eq!(d.flows.len(), 1);
        assert_eq!(d.flows[0].value_usd, 1.0);
    }
}
