//! The options object: one struct read from JSON (as from JavaScript) and from flags.

use clap::Parser;
use tradegap::options::{AnalyzeOptions, Rollup};
use tradegap::reconcile::MirrorSide;

use super::util::{code, seed};

fn from_json(text: &str) -> Result<AnalyzeOptions, String> {
    let mut d = serde_json::Deserializer::from_str(text);
    AnalyzeOptions::deserialize_named(&mut d).map_err(|e| e.to_string())
}

/// The options as the command line reads them.
#[derive(Parser)]
struct Flags {
    #[command(flatten)]
    options: AnalyzeOptions,
}

fn from_flags(args: &[&str]) -> AnalyzeOptions {
    Flags::try_parse_from(std::iter::once("tradegap").chain(args.iter().copied()))
        .expect("the flags parse")
        .options
}

#[test]
fn json_and_flags_give_the_same_options() {
    let json = from_json(
        r#"{"focus":"prk","partner":"CHN","year":2023,"top":"3","lang":"ko","view":"story",
            "mirror":"exporter","rollup":"hs2","preferSource":["KITA","KOTRA"],
            "groups":{"Textiles":["50-55","61-63"]},"title":"T","compare":"2013"}"#,
    )
    .expect("the options read");
    let flags = from_flags(&[
        "--focus",
        "prk",
        "--partner",
        "CHN",
        "--year",
        "2023",
        "--top",
        "3",
        "--lang",
        "ko",
        "--view",
        "story",
        "--mirror",
        "exporter",
        "--rollup",
        "hs2",
        "--prefer-source",
        "KITA, KOTRA",
        "--groups",
        "Textiles=50-55,61-63",
        "--title",
        "T",
        "--compare",
        "2013",
    ]);
    assert_eq!(json, flags);
    assert_eq!(json.focus, Some(code("PRK")));
    assert_eq!(json.mirror, Some(MirrorSide::Exporter));
    assert_eq!(json.rollup, Some(Rollup::Hs2));
    let resolved = json.resolve(&seed()).expect("resolves");
    assert_eq!(resolved.query.top, 3);
    assert_eq!(resolved.query.rollup, Some(2));
    assert_eq!(resolved.query.prefer_source, ["KITA", "KOTRA"]);
}

#[test]
fn empty_and_null_values_are_no_value() {
    let o = from_json(r#"{"focus":"","partner":null,"title":"  ","year":null}"#).unwrap();
    assert_eq!(o, AnalyzeOptions::default());
    // Missing focus and partner come from the data.
    let q = o.resolve(&seed()).unwrap().query;
    assert_eq!((q.focus, q.partner), (code("PRK"), code("CHN")));
    assert_eq!(q.top, 5);
}

#[test]
fn bad_options_name_the_option_and_what_it_takes() {
    for (json, want) in [
        (
            r#"{"mirror":"both"}"#,
            r#"option "mirror": expected "importer" or "exporter", got "both""#,
        ),
        (
            r#"{"focus":"North Korea"}"#,
            r#"option "focus": expected a three-letter ISO 3166 country code, got "North Korea""#,
        ),
        (
            r#"{"year":2023.5}"#,
            r#"option "year": expected text or a whole number, got a fraction"#,
        ),
        (
            r#"{"top":"many"}"#,
            r#"option "top": expected a whole number, got "many""#,
        ),
        (
            r#"{"view":"pie"}"#,
            r#"option "view": expected "balance", "composition", "story" or "partners", got "pie""#,
        ),
        (
            r#"{"groups":{"Textiles":"fabric"}}"#,
            r#"option "groups": group "Textiles": "fabric" is not an HS code or a range such as 50-63"#,
        ),
        (
            r#"{"names":{"North Korea":"DPRK"}}"#,
            r#"option "names": expected a three-letter ISO 3166 country code, got "North Korea""#,
        ),
        (
            r#"{"names":7}"#,
            r#"option "names": invalid type: integer `7`"#,
        ),
        (
            r#"{"mirrors":"importer"}"#,
            r#"option "mirrors": unknown field `mirrors`, expected one of `focus`"#,
        ),
    ] {
        let err = from_json(json).expect_err(json);
        // No "line 1, column 1" in front: an option is no place in the data.
        assert!(err.starts_with(want), "{json}: {err}");
    }
}
