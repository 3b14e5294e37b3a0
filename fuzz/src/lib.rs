//! The checks the fuzz targets run, shared with tests/native/fuzzed.rs (which runs them
//! over the seed corpora): readers either read or name a line and column; whatever
//! reads gives a report, and every view of it lays out, with no NaN or infinity in any
//! text, coordinate, sentence, tooltip or figure (the CSV download's figures).
//!
//! A broken check panics, which libFuzzer reports as a crash with the input.

use tradegap::analyze::Query;
use tradegap::error::Error;
use tradegap::format::Lang;
use tradegap::layout::{Interaction, View};
use tradegap::measure::FixedMeasure;
use tradegap::parse::{parse_trades, Format};
use tradegap::scene::{Primitive, Scene};
use tradegap::{describe, report, view_scene, Options, Report};

/// The sizes every view is laid out at: a phone and a desktop column.
pub const SIZES: [(f64, f64); 2] = [(360.0, 640.0), (1000.0, 600.0)];

/// The views.
pub const VIEWS: [View; 4] = [
    View::Balance,
    View::Composition,
    View::Story,
    View::Partners,
];

/// Bytes as the CLI and the element read them: UTF-8, else one character a byte.
pub fn text_of(data: &[u8]) -> String {
    match std::str::from_utf8(data) {
        Ok(s) => s.to_string(),
        Err(_) => data.iter().map(|&b| b as char).collect(),
    }
}

/// Lines in `text` as the readers count them (LF, CRLF or a lone CR end a line).
fn lines(text: &str) -> u32 {
    let b = text.as_bytes();
    let breaks = b
        .iter()
        .enumerate()
        .filter(|&(i, &c)| c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count();
    breaks as u32 + 1
}

/// An error must name a place that exists, and say so first.
pub fn check_error(e: &Error, text: &str) {
    let message = e.to_string();
    assert!(message.starts_with("line "), "{message}");
    assert!(e.pos.line >= 1 && e.pos.column >= 1, "{message}");
    assert!(
        e.pos.line <= lines(text) + 1,
        "{message}: past the end of the text"
    );
    assert!(!e.message().is_empty(), "{message}");
}

/// Parses `data` in `format`; an error must be well formed, data must be finite.
pub fn parse_checked(data: &[u8], format: Format) {
    let text = text_of(data);
    match parse_trades(&text, format) {
        Err(e) => check_error(&e, &text),
        Ok(d) => {
            for f in &d.flows {
                assert!(f.value_usd.is_finite() && f.value_usd >= 0.0, "{f:?}");
                assert!(f.line >= 1, "{f:?}");
            }
        }
    }
}

/// True when `hay` holds `word` with no letter on either side ("inf" but not "infant").
fn has_word(hay: &str, word: &str) -> bool {
    hay.match_indices(word).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    })
}

/// No "NaN" or "inf" in `shown` unless the input itself has the word (a label may).
pub fn check_no_nan(shown: &str, input: &str, what: &str) {
    for word in ["NaN", "inf", "∞"] {
        if !has_word(input, word) {
            assert!(!has_word(shown, word), "{word} in {what}: {shown}");
        }
    }
}

/// Every number of a scene is finite, and its text has no NaN or inf.
pub fn check_scene(scene: &Scene, input: &str, what: &str) {
    let finite = |v: &[f64]| v.iter().all(|x| x.is_finite());
    for p in &scene.primitives {
        let ok = match p {
            Primitive::Rect { x, y, w, h, .. } => finite(&[*x, *y, *w, *h]),
            Primitive::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                ..
            } => finite(&[*x1, *y1, *x2, *y2, *width]),
            Primitive::StrokeRect {
                x, y, w, h, width, ..
            } => finite(&[*x, *y, *w, *h, *width]),
            Primitive::Polyline { points, width, .. } => {
                *width >= 0.0 && points.iter().all(|(x, y)| x.is_finite() && y.is_finite())
            }
            Primitive::Circle { x, y, r, width, .. } => finite(&[*x, *y, *r, *width]),
            Primitive::Text { x, y, text, .. } => {
                check_no_nan(text, input, what);
                finite(&[*x, *y])
            }
        };
        assert!(ok, "{what}: a coordinate is not finite: {p:?}");
    }
    for h in &scene.hits {
        assert!(
            [h.x, h.y, h.w, h.h].iter().all(|v| v.is_finite()),
            "{what}: hit region {h:?}"
        );
    }
}

/// Everything a report says: sentences, chart words and every figure (Debug prints
/// a NaN float as "NaN" and an infinite one as "inf", which the check then finds).
pub fn check_report_words(r: &Report, input: &str) {
    check_no_nan(&format!("{:?}", r.analysis), input, "the analysis");
    check_no_nan(&format!("{:?}", r.chart_text), input, "the chart's words");
    for s in &r.sentences {
        check_no_nan(s, input, "a sentence");
    }
    // The CSV download writes the years' figures as they are.
    for y in &r.analysis.years {
        for v in [y.exports, y.imports, y.balance, y.total]
            .into_iter()
            .flatten()
        {
            assert!(v.is_finite(), "{y:?}");
        }
    }
}

/// Parses `data` (auto), reports it in English and Korean and, with `layout`, lays out
/// every view at both sizes with every tooltip, checking all of it.
pub fn report_checked(data: &[u8], layout: bool) {
    let text = text_of(data);
    let parsed = match parse_trades(&text, Format::Auto) {
        Ok(d) => d,
        Err(e) => return check_error(&e, &text),
    };
    let Some(query) = Query::with_defaults(&parsed, None, None) else {
        return;
    };
    for lang in [Lang::En, Lang::Ko] {
        let views: &[Option<View>] = if layout {
            &[
                None,
                Some(View::Balance),
                Some(View::Composition),
                Some(View::Story),
                Some(View::Partners),
            ]
        } else {
            &[None]
        };
        for &view in views {
            let mut options = Options::new(query.clone());
            options.lang = lang;
            options.view = view;
            let r = match report(&parsed, &options) {
                Ok(r) => r,
                Err(e) => {
                    check_error(&e, &text);
                    return;
                }
            };
            check_report_words(&r, &text);
            if !layout || view.is_none() {
                continue;
            }
            for (w, h) in SIZES {
                let what = format!("{:?} at {w}x{h}", r.view);
                let scene = view_scene(&r, Interaction::default(), w, h, &FixedMeasure);
                check_scene(&scene, &text, &what);
                for hit in &scene.hits {
                    if let Some(d) = describe(&r, hit.target) {
                        for line in &d.lines {
                            check_no_nan(line, &text, "a tooltip");
                        }
                        check_no_nan(&d.announce, &text, "an announcement");
                    }
                }
            }
        }
    }
}
