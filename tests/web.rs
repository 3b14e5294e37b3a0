//! Browser tests of the wasm entry points (`analyze`, `Chart`), run with
//! wasm-bindgen-test in headless Chromium: `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use tradegap::web::{analyze, Chart};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../www/data/nk-china-trade.csv");

// --- helpers ---------------------------------------------------------------

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v)).unwrap();
    }
    o.into()
}

fn prk_chn(lang: &str) -> JsValue {
    options(&[("focus", "PRK"), ("partner", "CHN"), ("lang", lang)])
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key))
        .unwrap_or_else(|_| panic!("cannot read {key:?} of {v:?}"))
}

fn at(v: &JsValue, i: u32) -> JsValue {
    Reflect::get_u32(v, i).unwrap_or_else(|_| panic!("cannot read [{i}] of {v:?}"))
}

fn len(v: &JsValue) -> u32 {
    assert!(js_sys::Array::is_array(v), "not an array: {v:?}");
    v.unchecked_ref::<js_sys::Array>().length()
}

fn num(v: &JsValue, key: &str) -> f64 {
    get(v, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key:?} is not a number in {v:?}"))
}

fn string(v: &JsValue, key: &str) -> String {
    get(v, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key:?} is not a string in {v:?}"))
}

fn sentences(analysis: &JsValue) -> Vec<String> {
    let s = get(analysis, "sentences");
    (0..len(&s))
        .map(|i| at(&s, i).as_string().expect("sentence is a string"))
        .collect()
}

fn year_row(analysis: &JsValue, year: i32) -> JsValue {
    let years = get(analysis, "years");
    (0..len(&years))
        .map(|i| at(&years, i))
        .find(|y| num(y, "year") == f64::from(year))
        .unwrap_or_else(|| panic!("no row for {year}"))
}

fn assert_close(actual: f64, expected: f64, tolerance: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: {actual} is not within {tolerance} of {expected}"
    );
}

/// The `Error` a failed call threw, with its message, line and column.
fn thrown(result: Result<JsValue, JsValue>) -> (String, JsValue, JsValue) {
    let err = result.expect_err("bad input must throw");
    let e = err
        .dyn_ref::<js_sys::Error>()
        .unwrap_or_else(|| panic!("threw something that is not an Error: {err:?}"));
    (
        String::from(e.message()),
        get(&err, "line"),
        get(&err, "column"),
    )
}

fn canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    canvas.set_width(width);
    canvas.set_height(height);
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

// --- analyze ---------------------------------------------------------------

#[wasm_bindgen_test]
fn analyze_seed_gives_sorted_years_and_the_2023_balance() {
    let a = analyze(SEED, prk_chn("en")).expect("seed data analyses");
    let years = get(&a, "years");
    assert!(len(&years) > 10, "expected many years, got {}", len(&years));
    let ys: Vec<f64> = (0..len(&years))
        .map(|i| num(&at(&years, i), "year"))
        .collect();
    assert!(
        ys.windows(2).all(|w| w[0] < w[1]),
        "years not sorted: {ys:?}"
    );

    let y2023 = year_row(&a, 2023);
    assert_close(num(&y2023, "exports"), 290e6, 1.0, "2023 exports");
    assert_close(num(&y2023, "imports"), 2.03e9, 1.0, "2023 imports");
    assert_close(num(&y2023, "balance"), -1.74e9, 1.0, "2023 balance");
}

#[wasm_bindgen_test]
fn analyze_seed_finds_the_largest_deficit_since_2019() {
    let a = analyze(SEED, prk_chn("en")).unwrap();
    let record = get(&a, "record");
    assert!(record.is_object(), "no record: {record:?}");
    assert_eq!(num(&record, "since"), 2019.0);
}

#[wasm_bindgen_test]
fn analyze_seed_composition_leads_with_wigs() {
    let a = analyze(SEED, prk_chn("en")).unwrap();
    let composition = get(&a, "composition");
    assert_eq!(num(&composition, "year"), 2023.0);
    let exports = get(&composition, "exports");
    assert!(len(&exports) >= 2, "expected products plus Other");
    let first = at(&exports, 0);
    assert_eq!(string(&first, "code"), "6704");
    assert_close(num(&first, "share"), 167.0 / 290.0, 1e-9, "wig share");
    let total: f64 = (0..len(&exports))
        .map(|i| num(&at(&exports, i), "share"))
        .sum();
    assert_close(total, 1.0, 1e-9, "export shares sum");
}

#[wasm_bindgen_test]
fn analyze_seed_narrates_in_english() {
    let a = analyze(SEED, prk_chn("en")).unwrap();
    let s = sentences(&a);
    assert!(!s.is_empty(), "no sentences");
    assert!(
        s.iter().all(|x| !x.trim().is_empty()),
        "empty sentence in {s:?}"
    );
    assert!(
        s.iter().any(|x| x.contains("$1.74 billion")),
        "no \"$1.74 billion\" in {s:?}"
    );
}

#[wasm_bindgen_test]
fn analyze_seed_narrates_in_korean() {
    let a = analyze(SEED, prk_chn("ko")).unwrap();
    let s = sentences(&a);
    assert!(!s.is_empty(), "no sentences");
    assert!(
        s.iter().any(|x| x.contains("17억 4천만 달러")),
        "no \"17억 4천만 달러\" in {s:?}"
    );
}

#[wasm_bindgen_test]
fn bad_number_throws_an_error_with_its_position() {
    let csv = "year,exporter,importer,value\n2023,PRK,CHN,\"12,3x\"";
    let (message, line, column) = thrown(analyze(csv, prk_chn("en")));
    assert_eq!(
        message,
        "line 2, column 4 (value): \"12,3x\" is not a number"
    );
    assert_eq!(line.as_f64(), Some(2.0), "line property");
    assert_eq!(column.as_f64(), Some(4.0), "column property");
}

#[wasm_bindgen_test]
fn extra_field_throws_an_error_on_its_line() {
    // Unquoted, the comma makes a fifth field.
    let csv = "year,exporter,importer,value\n2023,PRK,CHN,12,3x";
    let (message, line, column) = thrown(analyze(csv, prk_chn("en")));
    assert!(message.starts_with("line 2, "), "message: {message}");
    assert_eq!(line.as_f64(), Some(2.0), "line property");
    assert!(column.as_f64().is_some_and(|c| c >= 1.0), "column property");
}

#[wasm_bindgen_test]
fn bad_option_throws_an_error() {
    let result = analyze(SEED, options(&[("focus", "North Korea")]));
    let err = result.clone().expect_err("a bad focus throws");
    let (message, line, _) = thrown(result);
    assert!(
        message.starts_with("option \"focus\""),
        "message: {message}"
    );
    // The options are no place in the data: no line, and the option's name as the field.
    assert!(line.is_null(), "line property");
    assert_eq!(get(&err, "field").as_string().as_deref(), Some("focus"));
}

// --- Chart -----------------------------------------------------------------

#[wasm_bindgen_test]
fn chart_draws_on_a_high_dpi_canvas() {
    let canvas = canvas(300, 150);
    let mut chart = Chart::new(canvas.clone()).expect("2d context");
    chart.load(SEED, prk_chn("en")).expect("seed loads");
    chart
        .draw(640.0, 400.0, 2.0, JsValue::UNDEFINED)
        .expect("draws");
    assert_eq!(
        (canvas.width(), canvas.height()),
        (1280, 800),
        "backing store"
    );

    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let pixels = ctx.get_image_data(0.0, 0.0, 1280.0, 800.0).unwrap().data();
    let background = [pixels[0], pixels[1], pixels[2], pixels[3]];
    let painted = pixels
        .chunks_exact(4)
        .filter(|p| p.iter().zip(background).any(|(a, b)| a.abs_diff(b) > 16))
        .count();
    let total = 1280 * 800;
    assert!(
        painted > total / 100,
        "only {painted} of {total} pixels differ from the background {background:?}"
    );
}

#[wasm_bindgen_test]
fn chart_finds_the_year_under_the_pointer() {
    let mut chart = Chart::new(canvas(640, 400)).unwrap();
    assert_eq!(chart.year_at(320.0, 200.0), None, "nothing drawn yet");
    chart.load(SEED, prk_chn("en")).unwrap();
    chart.draw(640.0, 400.0, 1.0, JsValue::UNDEFINED).unwrap();

    // Sweep the canvas row by row: some row crosses the plot, where every year
    // has a column, earliest on the left.
    let best: Vec<i32> = (1..40)
        .map(|row| {
            let y = f64::from(row) * 10.0;
            let mut years: Vec<i32> = (0..640)
                .filter_map(|x| chart.year_at(f64::from(x) + 0.5, y))
                .collect();
            years.dedup();
            years
        })
        .max_by_key(Vec::len)
        .unwrap();
    assert!(
        best.len() > 10,
        "expected a column per year, found {best:?}"
    );
    assert!(
        best.windows(2).all(|w| w[0] < w[1]),
        "years not left to right: {best:?}"
    );
    assert!(best.contains(&2023), "no column for 2023 in {best:?}");
    assert_eq!(chart.year_at(-10.0, -10.0), None, "outside the canvas");
}

// --- Chart: views, selection, hover, focus, words -----------------------------

fn target(kind: &str, pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"kind".into(), &kind.into()).unwrap();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

fn year_target(year: i32) -> JsValue {
    target("year", &[("year", year.into())])
}

fn story_chart() -> Chart {
    let mut chart = Chart::new(canvas(640, 720)).unwrap();
    chart.load(SEED, prk_chn("en")).unwrap();
    chart.draw(640.0, 720.0, 1.0, JsValue::UNDEFINED).unwrap();
    chart
}

#[wasm_bindgen_test]
fn the_seed_opens_as_a_story_with_2023_selected() {
    let chart = story_chart();
    assert_eq!(chart.view().as_string().as_deref(), Some("story"));
    assert_eq!(chart.selected_year(), Some(2023));
    let a = chart.analysis();
    assert_eq!(string(&a, "view"), "story");
    assert_eq!(len(&get(&a, "productYears")), 1);
}

#[wasm_bindgen_test]
fn hit_at_names_years_and_product_bars() {
    let chart = story_chart();
    let targets = chart.focus_targets();
    // 17 years with data, 5 export rows, 4 import rows.
    assert_eq!(len(&targets), 26);
    for i in 0..len(&targets) {
        let t = at(&targets, i);
        let rect = chart.target_rect(t.clone()).unwrap();
        let (x, y) = (
            num(&rect, "x") + num(&rect, "w") / 2.0,
            num(&rect, "y") + num(&rect, "h") / 2.0,
        );
        let hit = chart.hit_at(x, y);
        assert_eq!(string(&hit, "kind"), string(&t, "kind"), "{t:?}");
        if string(&t, "kind") == "product" {
            assert_eq!(string(&hit, "flow"), string(&t, "flow"));
            assert_eq!(num(&hit, "index"), num(&t, "index"));
            assert_eq!(chart.year_at(x, y), None, "a bar is not a year");
        } else {
            assert_eq!(num(&hit, "year"), num(&t, "year"));
            assert_eq!(chart.year_at(x, y).map(f64::from), Some(num(&t, "year")));
        }
    }
    assert!(chart.hit_at(-1.0, -1.0).is_null());
}

#[wasm_bindgen_test]
fn hover_and_focus_report_whether_to_redraw() {
    let mut chart = story_chart();
    assert!(chart.set_hover(year_target(2019)).unwrap());
    assert!(!chart.set_hover(year_target(2019)).unwrap(), "same target");
    assert!(chart.redraw().unwrap());
    assert!(chart.set_focus(year_target(2023)).unwrap());
    assert!(chart.set_hover(JsValue::NULL).unwrap());
    assert!(!chart.set_hover(JsValue::UNDEFINED).unwrap());
    assert!(chart.redraw().unwrap());
    assert!(chart.set_hover(target("pie", &[])).is_err());
}

#[wasm_bindgen_test]
fn describe_gives_tooltip_and_announcement() {
    let chart = story_chart();
    let d = chart.describe(year_target(2019)).unwrap();
    assert_eq!(
        string(&d, "announce"),
        "2019: deficit $2.37 billion, largest on record; exports $216 million, imports $2.59 billion."
    );
    assert!(string(&d, "tooltip").starts_with("2019\nExports: $216 million"));
    let wigs = target(
        "product",
        &[("flow", "exports".into()), ("index", 0.into())],
    );
    let d = chart.describe(wigs).unwrap();
    assert_eq!(
        at(&get(&d, "lines"), 0).as_string().as_deref(),
        Some("Wigs and false eyelashes")
    );
    assert!(string(&d, "announce").contains("57.6% of North Korea's exports"));
}

#[wasm_bindgen_test]
fn selecting_a_year_reanalyses_and_a_gap_changes_nothing() {
    let mut chart = story_chart();
    let a = chart.set_selected_year(2017).unwrap();
    assert_eq!(num(&a, "year"), 2017.0);
    assert_eq!(chart.selected_year(), Some(2017));
    assert!(sentences(&a)[0].starts_with("In 2017,"));
    assert!(chart.set_selected_year(2021).unwrap().is_null(), "a gap");
    assert_eq!(chart.selected_year(), Some(2017));
    // Laid out again at the last size: 2017's column is selected, and has no bars below.
    assert!(chart.redraw().unwrap());
    assert!(chart.primitive_count() > 0);
    assert_eq!(len(&chart.focus_targets()), 17);
}

#[wasm_bindgen_test]
fn the_preferred_height_of_a_phone_story_is_tall() {
    let chart = story_chart();
    let h = chart.preferred_height(360.0, None).unwrap();
    assert!(h > 600.0, "{h}");
}

#[wasm_bindgen_test]
fn views_and_compare_come_from_options_or_set_view() {
    let mut chart = Chart::new(canvas(640, 400)).unwrap();
    let o = prk_chn("en");
    Reflect::set(&o, &"view".into(), &"composition".into()).unwrap();
    Reflect::set(&o, &"compare".into(), &2013.into()).unwrap();
    let a = chart.load(SEED, o).unwrap();
    assert_eq!(string(&a, "view"), "composition");
    let c = get(&a, "comparison");
    assert_eq!(string(&c, "label"), "Exports \u{2212}90.0% since 2013");
    assert_eq!(string(&c, "headline"), "exports");
    chart.draw(640.0, 400.0, 1.0, JsValue::UNDEFINED).unwrap();
    // Nine bars, no years.
    assert_eq!(len(&chart.focus_targets()), 9);
    assert!(chart.set_view("balance".into()).unwrap());
    assert!(!chart.set_view("balance".into()).unwrap());
    chart.draw(640.0, 400.0, 1.0, JsValue::UNDEFINED).unwrap();
    assert_eq!(len(&chart.focus_targets()), 17);
    assert!(chart.set_view("pie".into()).is_err());
}

#[wasm_bindgen_test]
fn the_partners_view_offers_a_target_per_bar() {
    const PARTNERS: &str = include_str!("data/golden/partners.csv");
    let mut chart = Chart::new(canvas(640, 400)).unwrap();
    let o = prk_chn("en");
    Reflect::set(&o, &"view".into(), &"partners".into()).unwrap();
    let a = chart.load(PARTNERS, o).unwrap();
    assert_eq!(string(&a, "view"), "partners");
    assert_eq!(string(&a, "title"), "North Korea's trade partners, 2023");
    chart.draw(640.0, 400.0, 1.0, JsValue::UNDEFINED).unwrap();
    // China, Russia, India, Brazil, Vietnam and Other; no years.
    let targets = chart.focus_targets();
    assert_eq!(len(&targets), 6);
    for i in 0..6 {
        let t = at(&targets, i);
        assert_eq!(string(&t, "kind"), "partner");
        assert_eq!(num(&t, "index"), f64::from(i));
        let rect = chart.target_rect(t.clone()).unwrap();
        let (x, y) = (
            num(&rect, "x") + num(&rect, "w") / 2.0,
            num(&rect, "y") + num(&rect, "h") / 2.0,
        );
        let hit = chart.hit_at(x, y);
        assert_eq!(string(&hit, "kind"), "partner");
        assert_eq!(num(&hit, "index"), f64::from(i));
        assert_eq!(chart.year_at(x, y), None, "a bar is not a year");
    }
    let d = chart
        .describe(target("partner", &[("index", 0.into())]))
        .unwrap();
    assert_eq!(
        string(&d, "tooltip"),
        "China\n95.2% of total trade, 2023\nExports: $292 million\n\
         Imports: $2.03 billion\nTotal: $2.32 billion"
    );
    assert!(chart
        .describe(target("partner", &[("index", 6.into())]))
        .unwrap()
        .is_null());
    assert!(chart.set_focus(target("partner", &[])).is_err());
    assert!(chart
        .set_focus(target("partner", &[("index", 1.into())]))
        .unwrap());
    assert!(chart.redraw().unwrap());
    // Back to the balance: years only.
    assert!(chart.set_view("balance".into()).unwrap());
    chart.draw(640.0, 400.0, 1.0, JsValue::UNDEFINED).unwrap();
    assert_eq!(len(&chart.focus_targets()), 2);
    let (message, _, _) = thrown(chart.set_view("pie".into()).map(JsValue::from));
    assert!(
        message.contains(
            "option \"view\": expected \"balance\", \"composition\", \"story\" or \"partners\""
        ),
        "{message}"
    );
}

// --- issue 5: downloaded formats, sources, mirror figures, partners --------

const COMTRADE: &str = include_str!("data/formats/comtrade-china.csv");
const MIRROR: &str = include_str!("data/formats/comtrade-mirror.csv");
const REPORTED: &str = include_str!("data/formats/nk-china-reported-figures.csv");
const BACI: &str = include_str!("data/formats/baci.csv");

#[wasm_bindgen_test]
fn a_comtrade_file_is_detected_and_tells_whose_report_it_is() {
    let a = analyze(COMTRADE, prk_chn("en")).expect("the Comtrade file analyses");
    let y = year_row(&a, 2023);
    assert_eq!(num(&y, "exports"), 291_890_000.0);
    assert_eq!(num(&y, "imports"), 2_031_690_000.0);
    assert_eq!(get(&a, "oneSided"), JsValue::TRUE);
    assert_eq!(
        at(&get(&a, "reporters"), 0).as_string().as_deref(),
        Some("CHN")
    );
    assert!(string(&a, "reportingNote").starts_with("Every figure is China's report"));
    assert_eq!(len(&get(&a, "reFlows")), 2);
    assert_eq!(string(&at(&get(&a, "reFlows"), 0), "kind"), "re-export");
    assert_eq!(len(&get(&a, "skipped")), 3);
    // North Korea's trade is only with China here: no share to claim.
    assert_eq!(get(&a, "singlePartner"), JsValue::TRUE);
    assert_eq!(len(&get(&a, "partners")), 0);
    // Seen from China, the World row makes shares of all its trade.
    let a = analyze(COMTRADE, options(&[("focus", "CHN"), ("partner", "PRK")])).unwrap();
    assert_eq!(string(&a, "partnersBasis"), "world");
    assert_eq!(string(&at(&get(&a, "partners"), 0), "partner"), "USA");
}

#[wasm_bindgen_test]
fn the_mirror_option_picks_whose_report_counts() {
    let kor = |side: &str| options(&[("focus", "CHN"), ("partner", "KOR"), ("mirror", side)]);
    let a = analyze(MIRROR, kor("importer")).unwrap();
    assert_eq!(num(&year_row(&a, 2023), "exports"), 110e6);
    let m = at(&get(&a, "mirror"), 0);
    assert_eq!(num(&m, "exporterValue"), 100e6);
    assert_eq!(num(&m, "importerValue"), 110e6);
    assert_close(num(&m, "gap"), 0.1, 1e-12, "gap");
    let a = analyze(MIRROR, kor("exporter")).unwrap();
    assert_eq!(num(&year_row(&a, 2023), "exports"), 100e6);
    let (message, line, column) = thrown(analyze(MIRROR, kor("both")));
    assert_eq!(
        message,
        "option \"mirror\": expected \"importer\" or \"exporter\", got \"both\""
    );
    // An option is no place in the data.
    assert!(line.is_null() && column.is_null());
}

// --- issue 8: options read by serde, the result written by serde -------------

#[wasm_bindgen_test]
fn options_name_what_is_wrong_and_what_they_take() {
    let seed = include_str!("data/golden/nk-china.csv");
    let cases: [(&[(&str, &str)], &str); 5] = [
        (
            &[("focus", "North Korea")],
            "option \"focus\": expected a three-letter ISO 3166 country code, got \"North Korea\"",
        ),
        (
            &[("year", "last")],
            "option \"year\": expected a whole number, got \"last\"",
        ),
        (
            &[("rollup", "hs8")],
            "option \"rollup\": expected \"hs2\", \"hs4\" or \"none\", got \"hs8\"",
        ),
        (
            &[("format", "xml")],
            "option \"format\": expected auto, native, json, comtrade, comtrade-legacy, baci, \
             wits or reported, got \"xml\"",
        ),
        (&[("mirrors", "importer")], "unknown field `mirrors`"),
    ];
    for (pairs, want) in cases {
        let (message, _, _) = thrown(analyze(seed, options(pairs)));
        assert!(message.contains(want), "{pairs:?}: {message}");
    }
    // A number where text is wanted, and text where a number is: both read.
    let o = prk_chn("en");
    Reflect::set(&o, &"year".into(), &"2017".into()).unwrap();
    Reflect::set(&o, &"top".into(), &3.into()).unwrap();
    let a = analyze(seed, o).unwrap();
    assert_eq!(num(&a, "year"), 2017.0);
    // A wrong type names the option too.
    let o = prk_chn("en");
    Reflect::set(&o, &"names".into(), &7.into()).unwrap();
    let (message, _, _) = thrown(analyze(seed, o));
    assert!(
        message.starts_with("option \"names\": invalid type"),
        "{message}"
    );
    // No options at all: the data's first flow decides.
    assert!(analyze(seed, JsValue::UNDEFINED).is_ok());
}

#[wasm_bindgen_test]
fn the_result_is_plain_objects_with_null_for_missing_figures() {
    let a = analyze(REPORTED, prk_chn("en")).unwrap();
    assert_eq!(
        js_sys::Object::get_prototype_of(&a),
        js_sys::Object::get_prototype_of(&js_sys::Object::new())
    );
    let y = year_row(&a, 2004);
    // Present and null, not undefined, so that JSON.stringify keeps it.
    assert!(Reflect::has(&y, &"exports".into()).unwrap());
    assert!(get(&y, "exports").is_null());
    assert!(get(&get(&year_row(&a, 1999), "change"), "exports").is_null());
    let json = js_sys::JSON::stringify(&a).unwrap().as_string().unwrap();
    assert!(json.contains("\"exports\":null"), "{json}");
}

#[wasm_bindgen_test]
fn conflicts_leave_their_cell_null_until_a_source_is_preferred() {
    let a = analyze(REPORTED, prk_chn("en")).unwrap();
    assert!(get(&year_row(&a, 2004), "exports").is_null());
    assert!(len(&get(&a, "conflicts")) > 0);
    let o = prk_chn("en");
    let prefer = js_sys::Array::of1(&JsValue::from_str("KITA"));
    Reflect::set(&o, &JsValue::from_str("preferSource"), &prefer).unwrap();
    let a = analyze(REPORTED, o).unwrap();
    assert_eq!(num(&year_row(&a, 2004), "exports"), 585e6);
}

#[wasm_bindgen_test]
fn groups_roll_up_and_labels_come_from_a_table() {
    let o = options(&[
        ("focus", "CHN"),
        ("partner", "PRK"),
        ("format", "baci"),
        ("rollup", "hs4"),
        ("labels", "code,label\n0101,Horses and the like\n"),
    ]);
    let groups = Object::new();
    Reflect::set(&groups, &"Hair and wigs".into(), &"6703-6704".into()).unwrap();
    Reflect::set(&o, &"groups".into(), &groups).unwrap();
    let a = analyze(BACI, o).unwrap();
    let rows = get(&get(&a, "composition"), "exports");
    assert_eq!(string(&at(&rows, 0), "code"), "6703-6704");
    assert_eq!(string(&at(&rows, 0), "label"), "Hair and wigs");
    assert_eq!(string(&at(&rows, 1), "code"), "0101");
    assert_eq!(string(&at(&rows, 1), "label"), "Horses and the like");
}

/// Numbers beyond the exact fast path go to the browser's parseFloat: the same double,
/// bit for bit, as Rust's own parser gives.
#[wasm_bindgen_test]
fn decimals_past_the_fast_path_read_as_rust_reads_them() {
    for s in [
        "9007199254740993",
        "123456789012345678901234567890",
        "1e23",
        "-1e23",
        "0.1e-30",
        "1.7976931348623157e308",
        "2.2250738585072014e-308",
        "4.9e-324",
        "3.14159265358979323846264338327950288",
        "1e309",
        "+.5e-25",
    ] {
        let want: f64 = s.parse().unwrap();
        let got = tradegap::decimal::parse(s).unwrap();
        assert_eq!(got.to_bits(), want.to_bits(), "{s}");
    }
}
