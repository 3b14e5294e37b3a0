//! The command line: the same core and the same errors as the widget, run as a
//! program (`tradegap FILE --focus PRK --partner CHN …`).

use std::io::Write;
use std::process::{Command, Output, Stdio};

use tradegap::analyze::{analyze, Query};
use tradegap::parse::{parse_trades, Format};

use super::util::{code, test_path, SEED_PATH};

fn tradegap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tradegap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn fixture(rel: &str) -> String {
    test_path(rel).to_string_lossy().into_owned()
}

#[test]
fn prints_the_years_and_the_story() {
    let o = tradegap(&[SEED_PATH, "--focus", "PRK", "--partner", "CHN"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("North Korea's trade with China\n"), "{out}");
    assert!(
        out.contains("  2023          290,000,000        2,030,000,000       -1,740,000,000\n"),
        "{out}"
    );
    assert!(out.contains(
        "In 2023, North Korea's exports to China were $290 million and its imports from \
         China $2.03 billion, a trade deficit of $1.74 billion.\n"
    ));
    assert!(out.contains("It was the largest deficit since 2019, when it was $2.37 billion; the data has no figures for 2021.\n"));
    // Nothing on stderr: no progress for a small file, or when stderr is not a terminal.
    assert_eq!(stderr(&o), "");
}

#[test]
fn sentences_in_korean_and_a_chosen_year() {
    let o = tradegap(&[
        SEED_PATH,
        "--focus=PRK",
        "--partner=CHN",
        "--lang",
        "ko",
        "--year",
        "2017",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("2017년 북한의 대중국 수출은 16억 달러, 수입은 33억 달러로"),
        "{}",
        stdout(&o)
    );
}

/// The output as JSON.
fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(o)).expect("the output is JSON")
}

#[test]
fn json_holds_the_analysis_object() {
    let file = fixture("data/formats/comtrade-china.csv");
    let o = tradegap(&[&file, "--focus", "CHN", "--partner", "PRK", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = json(&o);
    assert_eq!(doc["focus"], "CHN");
    assert_eq!(doc["year"], 2023);
    let last = doc["years"]
        .as_array()
        .and_then(|y| y.last())
        .expect("years");
    assert_eq!(last["exports"], 2031690000.0);
    assert_eq!(last["imports"], 291890000.0);
    assert_eq!(doc["oneSided"], true);
    assert_eq!(doc["partnersBasis"], "world");
    assert_eq!(doc["partners"][0]["partner"], "USA");
    assert_eq!(doc["reFlows"][0]["kind"], "re-export");
    assert!(!doc["sentences"].as_array().expect("sentences").is_empty());
    // A missing figure is null, never left out.
    assert!(doc["comparison"].is_null());
    assert!(last["change"]
        .as_object()
        .is_some_and(|c| c.contains_key("balance")));
}

#[test]
fn json_lists_conflicts_and_escapes_text() {
    let file = fixture("data/formats/nk-china-reported-figures.csv");
    let args = [
        "--focus",
        "PRK",
        "--partner",
        "CHN",
        "--json",
        "--year",
        "2004",
    ];
    let o = tradegap(&[&[file.as_str()][..], &args].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = json(&o);
    let c = &doc["conflicts"][0];
    assert_eq!(c["year"], 2004);
    assert!(c["product"].is_null());
    let year = |doc: &serde_json::Value, y: i64| {
        doc["years"]
            .as_array()
            .and_then(|ys| ys.iter().find(|v| v["year"] == y).cloned())
            .expect("the year")
    };
    assert!(year(&doc, 2004)["exports"].is_null());

    let o = tradegap(&[&[file.as_str()][..], &args, &["--prefer-source", "KITA"]].concat());
    assert_eq!(year(&json(&o), 2004)["exports"], 585000000.0);
}

#[test]
fn every_format_converts_to_the_native_csv_and_back() {
    for (name, focus, partner) in [
        ("comtrade-china.csv", "PRK", "CHN"),
        ("comtrade-mirror.csv", "CHN", "KOR"),
        ("comtrade-legacy.csv", "PRK", "CHN"),
        ("baci.csv", "PRK", "CHN"),
        ("wits.csv", "PRK", "CHN"),
        ("nk-china-reported-figures.csv", "PRK", "CHN"),
    ] {
        let file = fixture(&format!("data/formats/{name}"));
        let o = tradegap(&[&file, "--to-native"]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let native = stdout(&o);
        assert!(
            native.starts_with(
                "year,exporter,importer,product_code,product,value,kind,reporter,source,note\n"
            ),
            "{name}"
        );
        let original =
            parse_trades(&std::fs::read_to_string(&file).unwrap(), Format::Auto).unwrap();
        let converted =
            parse_trades(&native, Format::Csv).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(converted.flows.len(), original.flows.len(), "{name}");
        assert_eq!(converted.sources, original.sources, "{name}");
        let q = Query::new(code(focus), code(partner));
        let (a, b) = (
            analyze(&original, &q).unwrap(),
            analyze(&converted, &q).unwrap(),
        );
        for (x, y) in a.years.iter().zip(&b.years) {
            let close = |p: Option<f64>, q: Option<f64>| match (p, q) {
                (Some(p), Some(q)) => (p - q).abs() <= 1e-6 * p.abs().max(1.0),
                (p, q) => p == q,
            };
            assert!(
                close(x.exports, y.exports) && close(x.imports, y.imports),
                "{name} {}",
                x.year
            );
        }
        assert_eq!(a.conflicts.len(), b.conflicts.len(), "{name}");
        assert_eq!(a.mirror.len(), b.mirror.len(), "{name}");
        assert_eq!(a.re_flows.len(), b.re_flows.len(), "{name}");
    }
}

#[test]
fn bad_data_names_file_line_column_and_header() {
    let file = fixture("data/errors/value-not-a-number.csv");
    let o = tradegap(&[&file, "--focus", "PRK", "--partner", "CHN"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!("tradegap: {file}: line 7, column 4 (value): \"12,3x\" is not a number\n")
    );
    assert_eq!(stdout(&o), "");

    let o = tradegap(&["/no/such/file.csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("tradegap: /no/such/file.csv: "),
        "{}",
        stderr(&o)
    );

    let o = tradegap(&[SEED_PATH, "--focus", "PRK", "--partner", "USA"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!("tradegap: {SEED_PATH}: line 1, column 1: the data holds no trade between PRK and USA\n")
    );
}

#[test]
fn bad_arguments_exit_2_and_say_what_the_option_takes() {
    for (args, message) in [
        (
            &[][..],
            "the following required arguments were not provided",
        ),
        (&["a.csv", "b.csv"][..], "unexpected argument 'b.csv'"),
        (
            &[SEED_PATH, "--focus"][..],
            "a value is required for '--focus <CODE>'",
        ),
        (
            &[SEED_PATH, "--focus", "North Korea"][..],
            "invalid value 'North Korea' for '--focus <CODE>': expected a three-letter ISO 3166 \
             country code, got \"North Korea\"",
        ),
        (
            &[SEED_PATH, "--frobnicate"][..],
            "unexpected argument '--frobnicate'",
        ),
        (
            &[SEED_PATH, "--format", "xml"][..],
            "invalid value 'xml' for '--format <FORMAT>': expected auto, native, json, comtrade, \
             comtrade-legacy, baci, wits or reported, got \"xml\"",
        ),
        (
            &[SEED_PATH, "--mirror", "both"][..],
            "invalid value 'both' for '--mirror <SIDE>': expected \"importer\" or \"exporter\", \
             got \"both\"",
        ),
        (
            &[SEED_PATH, "--year", "last"][..],
            "invalid value 'last' for '--year <YEAR>'",
        ),
        (
            &[SEED_PATH, "--json", "--to-native"][..],
            "the argument '--json' cannot be used with '--to-native'",
        ),
    ] {
        let o = tradegap(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(err.contains("--help"), "{args:?}: {err}");
        assert_eq!(stdout(&o), "");
    }
    let o = tradegap(&["--help"]);
    assert!(o.status.success());
    let help = stdout(&o);
    assert!(help.contains("Usage: tradegap [OPTIONS] <FILE>"), "{help}");
    for flag in [
        "--focus <CODE>",
        "--mirror <SIDE>",
        "--json",
        "--to-native",
        "--version",
    ] {
        assert!(help.contains(flag), "{flag}: {help}");
    }
    let o = tradegap(&["--version"]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        format!("tradegap {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_missing_focus_is_a_bad_argument_and_bad_data_exits_1() {
    // No trade between the focus and the partner: the data's fault, not the arguments'.
    let o = tradegap(&[SEED_PATH, "--focus", "PRK", "--partner", "USA"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("the data holds no trade between PRK and USA"));
}

#[test]
fn reads_standard_input_and_forced_formats() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tradegap"))
        .args([
            "-",
            "--format",
            "baci",
            "--focus",
            "PRK",
            "--partner",
            "CHN",
            "--rollup",
            "hs2",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let text = std::fs::read(fixture("data/formats/baci.csv")).unwrap();
    child.stdin.take().unwrap().write_all(&text).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    // Chapters, named from the built-in HS table.
    assert!(out.contains("67 Feathers and down, prepared;"), "{out}");
    assert!(out.contains("27 Mineral fuels, mineral oils"), "{out}");
}

#[test]
fn a_windows_1252_file_reads() {
    let dir = std::env::temp_dir().join(format!("tradegap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("latin.csv");
    let mut bytes = b"year,exporter,importer,value,source\n2023,PRK,CHN,1,C".to_vec();
    bytes.push(0xf4); // ô in Windows-1252, not UTF-8
    bytes.extend_from_slice(b"te\n");
    std::fs::write(&path, bytes).unwrap();
    let o = tradegap(&[path.to_str().unwrap(), "--json"]);
    std::fs::remove_dir_all(&dir).ok();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"name\":\"Côte\""), "{}", stdout(&o));
}

/// Issue 13: every file of the bad-input corpus makes the CLI exit 1 with its message,
/// the same message the core gives (tests/data/error-messages.tsv).
#[test]
fn every_bad_file_exits_1_with_its_message() {
    let mut wrong = Vec::new();
    for (name, format, want) in super::errors::errored() {
        let file = fixture(&format!("data/errors/{name}"));
        let o = tradegap(&[&file, "--format", &format]);
        let err = stderr(&o);
        if o.status.code() != Some(1) || !err.trim_end().ends_with(&format!(": {want}")) {
            wrong.push(format!(
                "{name}: exit {:?}\n  expected {want:?}\n  stderr   {err:?}",
                o.status.code()
            ));
        }
        if !stdout(&o).is_empty() {
            wrong.push(format!("{name}: printed to stdout"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}
