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
    let (message, line, _) = thrown(analyze(SEED, options(&[("focus", "North Korea")])));
    assert!(message.contains("focus"), "message: {message}");
    assert!(line.as_f64().is_some(), "line property");
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
