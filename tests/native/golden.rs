//! Golden display lists of every view (balance, composition, story, partners), and
//! geometric checks on every one of them.
//!
//! `UPDATE_GOLDEN=1 cargo test --test tests golden` rewrites tests/golden/*.txt; a
//! mismatch writes `<golden>.actual.txt` beside the golden file. `PREVIEW=1` also
//! writes an SVG of each scene to tests/out/preview/, to look at.

use std::path::PathBuf;

use tradegap::format::Lang;
use tradegap::layout::{Interaction, View};
use tradegap::measure::{FixedMeasure, TextMeasure};
use tradegap::names::NameOverrides;
use tradegap::parse::{parse_trades, Format};
use tradegap::scene::{Align, Baseline, Paint, Primitive, Scene, Target};
use tradegap::{balance_scene, report, Options, Report};

use super::util::{code, options, test_path};

/// One chart to render: a fixture in tests/data/golden, whose view, in which language.
pub(super) struct Case {
    pub fixture: &'static str,
    pub focus: &'static str,
    pub partner: &'static str,
    pub lang: Lang,
    pub width: f64,
    pub height: f64,
    pub view: View,
    /// The `compare` option: an earlier year to annotate.
    pub compare: Option<i32>,
}

impl Case {
    /// A balance chart in English.
    pub fn balance(fixture: &'static str, width: f64, height: f64) -> Case {
        let (focus, partner) = match fixture {
            "surplus" => ("KOR", "VNM"),
            _ => ("PRK", "CHN"),
        };
        Case {
            fixture,
            focus,
            partner,
            lang: Lang::En,
            width,
            height,
            view: View::Balance,
            compare: None,
        }
    }

    /// Another view of the same.
    pub fn view(self, view: View) -> Case {
        Case { view, ..self }
    }

    /// In Korean.
    pub fn ko(self) -> Case {
        Case {
            lang: Lang::Ko,
            ..self
        }
    }

    /// tests/golden/[<view>-]<fixture>[-compare<year>]-<w>x<h>[-ko].txt; the balance
    /// view, the first, has no prefix.
    pub fn golden_path(&self) -> PathBuf {
        let lang = if self.lang == Lang::Ko { "-ko" } else { "" };
        let view = match self.view {
            View::Balance => String::new(),
            v => format!("{}-", v.name()),
        };
        let compare = self
            .compare
            .map_or(String::new(), |y| format!("-compare{y}"));
        test_path(&format!(
            "golden/{view}{}{compare}-{}x{}{lang}.txt",
            self.fixture, self.width, self.height
        ))
    }

    pub fn options(&self) -> Options {
        let mut o = options(self.focus, self.partner, self.lang);
        o.view = Some(self.view);
        o.query.compare = self.compare;
        if self.fixture == "long-labels" {
            o.title = Some(
                "North Korea's trade with its largest partner by far, as reported by \
                 Chinese customs and relayed by South Korean agencies, 2019 to 2023"
                    .into(),
            );
            o.names = NameOverrides {
                countries: vec![(
                    code("CHN"),
                    "the People's Republic of China (customs territory, excluding Hong Kong, \
                     Macao and Taiwan)"
                        .into(),
                )],
            };
            o.note = Some(
                "Figures are China's reports of the same flows (mirror data); \
                 North Korea publishes no trade statistics of its own."
                    .into(),
            );
        }
        o
    }

    pub fn report(&self) -> Report {
        let path = test_path(&format!("data/golden/{}.csv", self.fixture));
        let text = std::fs::read_to_string(&path).expect("the fixture is readable");
        let data = parse_trades(&text, Format::Auto).expect("the fixture parses");
        report(&data, &self.options()).expect("the fixture reports")
    }

    pub fn scene(&self) -> Scene {
        let r = self.report();
        match self.view {
            // The balance view as it was first pinned: nothing selected.
            View::Balance => balance_scene(&r, self.width, self.height, &FixedMeasure),
            _ => tradegap::view_scene(
                &r,
                Interaction::default(),
                self.width,
                self.height,
                &FixedMeasure,
            ),
        }
    }
}

/// Every golden case: each fixture's balance at 640×400 and 320×400, the seed also in
/// Korean; the composition of the seed's 2023 and of long product names at the same
/// sizes; the story at 640×720 and 360×720, also with `compare = 2013`; the partners of
/// North Korea at 640×400 and 320×400, also in Korean, and the seed's single partner.
pub(super) fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for fixture in ["nk-china", "surplus", "long-labels", "gaps"] {
        for width in [640.0, 320.0] {
            out.push(Case::balance(fixture, width, 400.0));
        }
        if fixture == "nk-china" {
            for width in [640.0, 320.0] {
                out.push(Case::balance(fixture, width, 400.0).ko());
            }
        }
    }
    for fixture in ["nk-china", "long-products"] {
        for width in [640.0, 320.0] {
            out.push(Case::balance(fixture, width, 400.0).view(View::Composition));
        }
    }
    out.push(
        Case::balance("nk-china", 320.0, 400.0)
            .view(View::Composition)
            .ko(),
    );
    for width in [640.0, 360.0] {
        out.push(Case::balance("nk-china", width, 720.0).view(View::Story));
        out.push(Case {
            compare: Some(2013),
            ..Case::balance("nk-china", width, 720.0).view(View::Story)
        });
    }
    out.push(
        Case::balance("nk-china", 360.0, 720.0)
            .view(View::Story)
            .ko(),
    );
    out.push(Case::balance("long-products", 360.0, 720.0).view(View::Story));
    for width in [640.0, 320.0] {
        out.push(Case::balance("partners", width, 400.0).view(View::Partners));
    }
    out.push(
        Case::balance("partners", 640.0, 400.0)
            .view(View::Partners)
            .ko(),
    );
    out.push(Case::balance("nk-china", 640.0, 400.0).view(View::Partners));
    out
}

/// Compares the scenes of a fixture with their golden files.
pub(super) fn check_goldens(fixture: &str) {
    let failures: Vec<String> = cases()
        .into_iter()
        .filter(|c| c.fixture == fixture)
        .filter_map(|case| compare_golden(&case.golden_path(), &case.scene().to_text()))
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Compares `actual` with the golden file at `path` (or rewrites it with
/// UPDATE_GOLDEN=1); on a mismatch, writes `<golden>.actual.<ext>` beside it and
/// returns what differs, in words.
pub(super) fn compare_golden(path: &std::path::Path, actual: &str) -> Option<String> {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("txt");
    let actual_path = path.with_extension(format!("actual.{ext}"));
    if update {
        std::fs::write(path, actual).expect("the golden file is writable");
        let _ = std::fs::remove_file(&actual_path);
        return None;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected == actual {
        let _ = std::fs::remove_file(&actual_path);
        return None;
    }
    std::fs::write(&actual_path, actual).expect("the .actual file is writable");
    let first_diff = expected
        .lines()
        .zip(actual.lines())
        .position(|(e, a)| e != a)
        .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
    Some(format!(
        "{} differs from line {}:\n  expected {:?}\n  actual   {:?}\n  \
         see: diff {} {}\n  or rerun with UPDATE_GOLDEN=1 if the change is intended",
        path.display(),
        first_diff + 1,
        expected.lines().nth(first_diff).unwrap_or("<end>"),
        actual.lines().nth(first_diff).unwrap_or("<end>"),
        path.display(),
        actual_path.display(),
    ))
}

#[test]
fn golden_nk_china() {
    check_goldens("nk-china");
}

#[test]
fn golden_surplus() {
    check_goldens("surplus");
}

#[test]
fn golden_long_labels() {
    check_goldens("long-labels");
}

#[test]
fn golden_gaps() {
    check_goldens("gaps");
}

#[test]
fn golden_long_products() {
    check_goldens("long-products");
}

#[test]
fn golden_partners() {
    check_goldens("partners");
}

/// Writes tests/out/preview/<golden name>.svg for every case when PREVIEW=1.
#[test]
fn previews() {
    if std::env::var_os("PREVIEW").is_none_or(|v| v != "1") {
        return;
    }
    let dir = test_path("out/preview");
    std::fs::create_dir_all(&dir).expect("tests/out/preview is writable");
    for case in cases() {
        let name = case.golden_path().with_extension("svg");
        let name = name.file_name().expect("a file name");
        let svg = super::preview::to_svg(&case.scene());
        std::fs::write(dir.join(name), svg).expect("the preview is writable");
    }
}

/// A box in CSS pixels.
#[derive(Clone, Copy, Debug)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    /// True when the boxes share more than a sliver `eps` pixels deep.
    fn overlaps(&self, o: &Rect, eps: f64) -> bool {
        self.x0 < o.x1 - eps && o.x0 < self.x1 - eps && self.y0 < o.y1 - eps && o.y0 < self.y1 - eps
    }

    fn inside(&self, o: &Rect) -> bool {
        const EPS: f64 = 0.001;
        self.x0 >= o.x0 - EPS
            && self.x1 <= o.x1 + EPS
            && self.y0 >= o.y0 - EPS
            && self.y1 <= o.y1 + EPS
    }
}

/// The box a line of text covers: FixedMeasure's width (0.6 em a character, 1 em for
/// Hangul), one em high, with the alphabetic baseline 0.8 em below the top.
fn text_box(
    x: f64,
    y: f64,
    text: &str,
    font: tradegap::scene::Font,
    align: Align,
    baseline: Baseline,
) -> Rect {
    let w = FixedMeasure.width(text, font);
    let h = font.size_px;
    let x0 = match align {
        Align::Left => x,
        Align::Center => x - w / 2.0,
        Align::Right => x - w,
    };
    let y0 = match baseline {
        Baseline::Top => y,
        Baseline::Middle => y - h / 2.0,
        Baseline::Alphabetic => y - 0.8 * h,
    };
    Rect {
        x0,
        y0,
        x1: x0 + w,
        y1: y0 + h,
    }
}

fn rect_of(x: f64, y: f64, w: f64, h: f64) -> Rect {
    Rect {
        x0: x,
        y0: y,
        x1: x + w,
        y1: y + h,
    }
}

/// Everything wrong with a scene's geometry, in words.
pub(super) fn geometry_problems(scene: &Scene) -> Vec<String> {
    let mut problems = Vec::new();
    let frame = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: scene.width,
        y1: scene.height,
    };
    // The plot is where the year columns are.
    let years: Vec<_> = scene
        .hits
        .iter()
        .filter(|h| matches!(h.target, Target::Year(_)))
        .collect();
    let plot = (!years.is_empty()).then(|| Rect {
        x0: years.iter().map(|h| h.x).fold(f64::INFINITY, f64::min),
        y0: years[0].y,
        x1: years
            .iter()
            .map(|h| h.x + h.w)
            .fold(f64::NEG_INFINITY, f64::max),
        y1: years[0].y + years[0].h,
    });
    let zero = scene.primitives.iter().rev().find_map(|p| match p {
        Primitive::Line {
            y1,
            y2,
            stroke: Paint::Axis,
            ..
        } if y1 == y2 => Some(*y1),
        _ => None,
    });

    let mut texts: Vec<(String, Rect)> = Vec::new();
    // Bars in the balance plot, and every other filled rect but the selection band.
    let mut bars: Vec<(Paint, Rect)> = Vec::new();
    let mut rects: Vec<(Paint, Rect)> = Vec::new();
    for p in &scene.primitives {
        match p {
            Primitive::Text {
                x,
                y,
                text,
                font,
                align,
                baseline,
                ..
            } => {
                let b = text_box(*x, *y, text, *font, *align, *baseline);
                if !b.inside(&frame) {
                    problems.push(format!("text {text:?} {b:?} is outside the frame"));
                }
                texts.push((text.clone(), b));
            }
            Primitive::Rect { x, y, w, h, fill } => {
                let r = rect_of(*x, *y, *w, *h);
                if *w < 0.0 || *h < 0.0 {
                    problems.push(format!("{fill:?} rect {r:?} has a negative size"));
                }
                if !r.inside(&frame) {
                    problems.push(format!("{fill:?} rect {r:?} is outside the frame"));
                }
                // Legend swatches sit above the plot and the composition below it.
                let in_plot = plot.is_some_and(|pl| r.y1 > pl.y0 && r.y0 < pl.y1);
                // The selection band lies behind the plot's bars and labels.
                if in_plot && *fill == Paint::Highlight {
                    continue;
                }
                if in_plot {
                    bars.push((*fill, r));
                } else {
                    rects.push((*fill, r));
                }
            }
            Primitive::StrokeRect {
                x, y, w, h, stroke, ..
            } => {
                let r = rect_of(*x, *y, *w, *h);
                if !r.inside(&frame) {
                    problems.push(format!("{stroke:?} outline {r:?} is outside the frame"));
                }
            }
            Primitive::Line {
                x1,
                y1,
                x2,
                y2,
                stroke,
                ..
            } => {
                let r = Rect {
                    x0: x1.min(*x2),
                    y0: y1.min(*y2),
                    x1: x1.max(*x2),
                    y1: y1.max(*y2),
                };
                if !r.inside(&frame) {
                    problems.push(format!("{stroke:?} line {r:?} is outside the frame"));
                }
            }
            Primitive::Polyline { points, stroke, .. } => {
                for &(x, y) in points {
                    let r = Rect {
                        x0: x,
                        y0: y,
                        x1: x,
                        y1: y,
                    };
                    if !r.inside(plot.as_ref().unwrap_or(&frame)) {
                        problems.push(format!(
                            "{stroke:?} polyline point ({x}, {y}) is outside the plot"
                        ));
                    }
                }
            }
            Primitive::Circle { x, y, r, .. } => {
                let b = Rect {
                    x0: x - r,
                    y0: y - r,
                    x1: x + r,
                    y1: y + r,
                };
                if !b.inside(&frame) {
                    problems.push(format!("circle {b:?} is outside the frame"));
                }
            }
        }
    }

    for (i, (a, ra)) in texts.iter().enumerate() {
        for (b, rb) in &texts[i + 1..] {
            // Touching is fine; a hundredth of a pixel is rounding.
            if ra.overlaps(rb, 0.01) {
                problems.push(format!("text {a:?} {ra:?} overlaps text {b:?} {rb:?}"));
            }
        }
        for (paint, bar) in bars.iter().chain(&rects) {
            // Half a pixel of slack: the box's descent is an estimate, and most
            // glyphs have none.
            if ra.overlaps(bar, 0.5) {
                problems.push(format!(
                    "text {a:?} {ra:?} overlaps the {paint:?} bar {bar:?}"
                ));
            }
        }
    }

    // Outside the plot, bars lie on their tracks (the band's colour) and nowhere else.
    for (i, (pa, a)) in rects.iter().enumerate() {
        for (pb, b) in &rects[i + 1..] {
            let on_track = (*pa == Paint::Highlight) != (*pb == Paint::Highlight);
            if !on_track && a.overlaps(b, 0.01) {
                problems.push(format!("{pa:?} rect {a:?} overlaps {pb:?} rect {b:?}"));
            }
        }
    }

    for (i, a) in scene.hits.iter().enumerate() {
        let ra = rect_of(a.x, a.y, a.w, a.h);
        if !ra.inside(&frame) {
            problems.push(format!("hit region {:?} is outside the frame", a.target));
        }
        for b in &scene.hits[i + 1..] {
            if ra.overlaps(&rect_of(b.x, b.y, b.w, b.h), 0.01) {
                problems.push(format!(
                    "hit regions {:?} and {:?} overlap",
                    a.target, b.target
                ));
            }
        }
    }

    if let (Some(plot), Some(zero)) = (plot, zero) {
        for (paint, bar) in &bars {
            if !bar.inside(&plot) {
                problems.push(format!(
                    "{paint:?} bar {bar:?} is outside the plot {plot:?}"
                ));
            }
            match paint {
                Paint::Exports if (bar.y1 - zero).abs() > 0.001 => problems.push(format!(
                    "exports bar {bar:?} does not stand on the zero line at {zero}"
                )),
                Paint::Imports if (bar.y0 - zero).abs() > 0.001 => problems.push(format!(
                    "imports bar {bar:?} does not hang from the zero line at {zero}"
                )),
                Paint::Exports | Paint::Imports => {}
                other => problems.push(format!("a {other:?} rect {bar:?} in the plot")),
            }
        }
        for (i, (pa, a)) in bars.iter().enumerate() {
            for (pb, b) in &bars[i + 1..] {
                if a.overlaps(b, 0.01) {
                    problems.push(format!("{pa:?} bar {a:?} overlaps {pb:?} bar {b:?}"));
                }
            }
        }
    }
    problems
}

#[test]
fn no_text_overlaps_and_everything_inside() {
    let mut report = Vec::new();
    for case in cases() {
        let problems = geometry_problems(&case.scene());
        if !problems.is_empty() {
            report.push(format!(
                "{}:\n  {}",
                case.golden_path().display(),
                problems.join("\n  ")
            ));
        }
    }
    assert!(report.is_empty(), "\n{}", report.join("\n"));
}

#[test]
fn the_seed_chart_has_a_bar_pair_and_a_marker_for_every_year() {
    let scene = cases()[0].scene();
    let plot_top = scene.hits[0].y;
    let in_plot = |paint: Paint| {
        scene
            .primitives
            .iter()
            .filter(|p| matches!(p, Primitive::Rect { fill, y, h, .. } if *fill == paint && y + h > plot_top))
            .count()
    };
    // 17 years of data; the legend's swatches sit above the plot.
    assert_eq!(in_plot(Paint::Exports), 17);
    assert_eq!(in_plot(Paint::Imports), 17);
    let markers = scene
        .primitives
        .iter()
        .filter(|p| matches!(p, Primitive::Circle { y, .. } if *y > plot_top))
        .count();
    assert_eq!(markers, 17);
    // One column per calendar year from 1999 to 2023, gaps included.
    assert_eq!(scene.hits.len(), 25);
}

/// What the footer says about sources, if it hides one without saying so.
fn footer_problem(case: &Case) -> Option<String> {
    let r = case.report();
    let scene = balance_scene(&r, case.width, case.height, &FixedMeasure);
    // Footer lines are the muted, left-aligned text; wrapping broke them at spaces.
    let footer: Vec<&str> = scene
        .primitives
        .iter()
        .filter_map(|p| match p {
            Primitive::Text {
                text,
                fill: Paint::Muted,
                align: Align::Left,
                ..
            } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let footer = footer.join(" ");
    let t = &r.chart_text;
    let shown = t
        .sources
        .iter()
        .filter(|s| footer.contains(s.as_str()))
        .count();
    let hidden = t.sources.len() - shown;
    let more = if shown == 0 {
        t.sources_below.replace("{n}", &hidden.to_string())
    } else {
        t.more_sources.replace("{n}", &hidden.to_string())
    };
    (hidden > 0 && !footer.contains(&more)).then(|| {
        format!(
            "{}: the footer names {shown} of {} sources and does not say {more:?}; it reads {footer:?}",
            case.golden_path().display(),
            t.sources.len()
        )
    })
}

#[test]
fn the_footer_names_every_source_or_says_how_many_it_left_out() {
    let problems: Vec<String> = cases()
        .iter()
        .filter(|c| c.view == View::Balance)
        .filter_map(footer_problem)
        .collect();
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
