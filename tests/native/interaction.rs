//! Hit-testing, selection, hover and focus on laid-out scenes: what the pointer and the
//! keyboard reach, what they draw, and that a cached layout redraws the same.

use tradegap::analyze::Direction;
use tradegap::format::Lang;
use tradegap::layout::{focus_targets, Interaction, View};
use tradegap::measure::FixedMeasure;
use tradegap::scene::{Highlight, HitRegion, Paint, Primitive, Scene, Target, FOCUS_RING_PX};
use tradegap::{report, Report};

use super::golden::{cases, geometry_problems, Case};
use super::util::{options, seed};

fn seed_report(view: View) -> Report {
    let mut o = options("PRK", "CHN", Lang::En);
    o.view = Some(view);
    report(&seed(), &o).expect("the seed reports")
}

fn story(width: f64, height: f64, i: Interaction) -> Scene {
    tradegap::view_scene(&seed_report(View::Story), i, width, height, &FixedMeasure)
}

fn centre(h: &HitRegion) -> (f64, f64) {
    (h.x + h.w / 2.0, h.y + h.h / 2.0)
}

#[test]
fn every_region_answers_at_its_centre_and_nothing_answers_outside() {
    for (w, h) in [(640.0, 720.0), (360.0, 720.0)] {
        let s = story(w, h, Interaction::default());
        for region in &s.hits {
            let (x, y) = centre(region);
            assert_eq!(s.hit(x, y), Some(region.target), "{w}x{h} {region:?}");
        }
        assert_eq!(s.hit(1.0, 1.0), None, "the title is not a target");
        assert_eq!(s.hit(w / 2.0, h - 2.0), None, "the footer is not a target");
        assert_eq!(s.hit(-5.0, h / 2.0), None);
    }
}

#[test]
fn the_story_has_a_column_per_calendar_year_and_a_row_per_product() {
    let s = story(640.0, 720.0, Interaction::default());
    let years: Vec<i32> = s
        .hits
        .iter()
        .filter_map(|h| match h.target {
            Target::Year(y) => Some(y),
            _ => None,
        })
        .collect();
    assert_eq!(years, (1999..=2023).collect::<Vec<_>>());
    let products = |flow| {
        s.hits
            .iter()
            .filter(|h| matches!(h.target, Target::Product { flow: f, .. } if f == flow))
            .count()
    };
    // Four products and Other; three and Other.
    assert_eq!(products(Direction::Exports), 5);
    assert_eq!(products(Direction::Imports), 4);
    // Side by side at 640: imports to the right of exports, rows top-aligned.
    let first = |flow| {
        s.region(Target::Product { flow, index: 0 })
            .copied()
            .expect("row 0 is drawn")
    };
    let (e, i) = (first(Direction::Exports), first(Direction::Imports));
    assert!(i.x > e.x + e.w, "{e:?} {i:?}");
    // Stacked at 360: imports below exports.
    let narrow = story(360.0, 720.0, Interaction::default());
    let last_export = narrow
        .region(Target::Product {
            flow: Direction::Exports,
            index: 4,
        })
        .copied()
        .unwrap();
    let first_import = narrow
        .region(Target::Product {
            flow: Direction::Imports,
            index: 0,
        })
        .copied()
        .unwrap();
    assert!(first_import.y >= last_export.y + last_export.h);
    assert_eq!(first_import.x, last_export.x);
}

#[test]
fn the_composition_lies_below_the_balance_chart() {
    let s = story(360.0, 720.0, Interaction::default());
    let plot_bottom = s
        .hits
        .iter()
        .filter(|h| matches!(h.target, Target::Year(_)))
        .map(|h| h.y + h.h)
        .fold(0.0, f64::max);
    for h in s
        .hits
        .iter()
        .filter(|h| matches!(h.target, Target::Product { .. }))
    {
        assert!(h.y > plot_bottom + 20.0, "{h:?} is not below {plot_bottom}");
    }
}

/// The selection band: a Highlight rect over the year columns (the composition's
/// tracks share its colour).
fn bands(s: &Scene) -> Vec<(f64, f64, f64, f64)> {
    let columns = s.region(Target::Year(2023)).copied();
    s.primitives
        .iter()
        .filter_map(|p| match p {
            Primitive::Rect {
                x,
                y,
                w,
                h,
                fill: Paint::Highlight,
            } if columns.is_some_and(|c| *y < c.y + c.h && y + h > c.y) => Some((*x, *y, *w, *h)),
            _ => None,
        })
        .collect()
}

#[test]
fn the_selected_year_has_a_band_behind_its_column() {
    let s = story(640.0, 720.0, Interaction::default());
    let b = bands(&s);
    assert_eq!(b.len(), 1, "one band for the story's year");
    let col = s.region(Target::Year(2023)).unwrap();
    assert!((b[0].0 - col.x).abs() < 1e-9 && (b[0].2 - col.w).abs() < 1e-9);
    // Behind: painted before every bar.
    let band_at = s
        .primitives
        .iter()
        .position(|p| {
            matches!(
                p,
                Primitive::Rect {
                    fill: Paint::Highlight,
                    ..
                }
            )
        })
        .unwrap();
    let first_bar = s
        .primitives
        .iter()
        .position(|p| matches!(p, Primitive::Rect { fill: Paint::Exports, y, .. } if *y > col.y))
        .unwrap();
    assert!(band_at < first_bar);

    // Selecting 2017 moves the band and the composition's year along with it.
    let mut o = options("PRK", "CHN", Lang::En);
    o.view = Some(View::Story);
    o.query.year = Some(2017);
    let r = report(&seed(), &o).unwrap();
    let s = tradegap::view_scene(&r, Interaction::default(), 640.0, 720.0, &FixedMeasure);
    let col = s.region(Target::Year(2017)).unwrap();
    assert!((bands(&s)[0].0 - col.x).abs() < 1e-9);
    // 2017 has no products: each panel says so and offers no bars.
    assert!(!s
        .hits
        .iter()
        .any(|h| matches!(h.target, Target::Product { .. })));
    let said = s
        .primitives
        .iter()
        .filter(|p| matches!(p, Primitive::Text { text, .. } if text == "No breakdown by product in the data"))
        .count();
    assert_eq!(said, 2);
    assert!(s.primitives.iter().any(
        |p| matches!(p, Primitive::Text { text, .. } if text == "Exports to China, 2017: $1.6 billion")
    ));

    // The balance view marks a year only when asked.
    let r = seed_report(View::Balance);
    let plain = tradegap::view_scene(&r, Interaction::default(), 640.0, 400.0, &FixedMeasure);
    assert!(bands(&plain).is_empty());
    assert_eq!(
        plain,
        tradegap::balance_scene(&r, 640.0, 400.0, &FixedMeasure)
    );
    let marked = tradegap::view_scene(
        &r,
        Interaction {
            selected: Some(2019),
            ..Interaction::default()
        },
        640.0,
        400.0,
        &FixedMeasure,
    );
    assert_eq!(bands(&marked).len(), 1);
}

/// An outline's paint, line width and box (x, y, w, h).
type Outline = (Paint, f64, (f64, f64, f64, f64));

fn outlines(s: &Scene) -> Vec<Outline> {
    s.primitives
        .iter()
        .filter_map(|p| match p {
            Primitive::StrokeRect {
                x,
                y,
                w,
                h,
                stroke,
                width,
            } => Some((*stroke, *width, (*x, *y, *w, *h))),
            _ => None,
        })
        .collect()
}

#[test]
fn focus_draws_a_ring_inside_the_target_and_hover_a_thin_outline() {
    let wigs = Target::Product {
        flow: Direction::Exports,
        index: 0,
    };
    let base = story(640.0, 720.0, Interaction::default());
    assert!(outlines(&base).is_empty());
    let s = story(
        640.0,
        720.0,
        Interaction {
            selected: None,
            highlight: Highlight {
                hover: Some(Target::Year(2019)),
                focus: Some(wigs),
            },
        },
    );
    let o = outlines(&s);
    assert_eq!(o.len(), 2, "{o:?}");
    let (hover, focus) = (o[0], o[1]);
    assert_eq!((hover.0, hover.1), (Paint::Muted, 1.0));
    assert_eq!((focus.0, focus.1), (Paint::Focus, FOCUS_RING_PX));
    // The ring's outer edge is the region's edge: inside the region, clear of the others.
    let r = s.region(wigs).unwrap();
    let (x, y, w, h) = focus.2;
    assert!((x - FOCUS_RING_PX / 2.0 - r.x).abs() < 1e-9);
    assert!((y - FOCUS_RING_PX / 2.0 - r.y).abs() < 1e-9);
    assert!((w + FOCUS_RING_PX - r.w).abs() < 1e-9);
    assert!((h + FOCUS_RING_PX - r.h).abs() < 1e-9);
    // On top of everything.
    assert!(matches!(
        s.primitives.last(),
        Some(Primitive::StrokeRect {
            stroke: Paint::Focus,
            ..
        })
    ));
    // The ring never touches the row's words: they start below its inner edge.
    for p in &s.primitives {
        if let Primitive::Text { x: tx, y: ty, .. } = p {
            if *tx >= r.x && *tx < r.x + r.w && *ty >= r.y && *ty < r.y + r.h {
                assert!(
                    *ty >= r.y + FOCUS_RING_PX + 2.0,
                    "text at {ty} under the ring at {}",
                    r.y
                );
                assert!(*tx >= r.x + FOCUS_RING_PX);
            }
        }
    }
    // Hover and focus on one target: only the ring.
    let both = story(
        640.0,
        720.0,
        Interaction {
            selected: None,
            highlight: Highlight {
                hover: Some(wigs),
                focus: Some(wigs),
            },
        },
    );
    assert_eq!(outlines(&both).len(), 1);
    // A target the scene does not show draws nothing.
    let none = story(
        640.0,
        720.0,
        Interaction {
            selected: None,
            highlight: Highlight {
                hover: Some(Target::Product {
                    flow: Direction::Imports,
                    index: 9,
                }),
                focus: None,
            },
        },
    );
    assert!(outlines(&none).is_empty());
}

#[test]
fn a_cached_layout_with_the_highlight_on_top_is_the_full_layout() {
    // What `Chart` does on a pointer move: keep the scene, replace only the outlines.
    let r = seed_report(View::Story);
    let base = tradegap::view_scene(&r, Interaction::default(), 640.0, 720.0, &FixedMeasure);
    for target in focus_targets(View::Story, &r.analysis) {
        let h = Highlight {
            hover: Some(target),
            focus: Some(Target::Year(2019)),
        };
        let full = tradegap::view_scene(
            &r,
            Interaction {
                selected: None,
                highlight: h,
            },
            640.0,
            720.0,
            &FixedMeasure,
        );
        assert_eq!(base.clone().with_highlight(h), full, "{target:?}");
    }
}

#[test]
fn keyboard_order_is_years_then_exports_then_imports() {
    let r = seed_report(View::Story);
    let t = focus_targets(View::Story, &r.analysis);
    // 17 years with data, 5 exports rows, 4 imports rows.
    assert_eq!(t.len(), 17 + 5 + 4);
    assert_eq!(t[0], Target::Year(1999));
    assert_eq!(t[16], Target::Year(2023));
    assert_eq!(
        t[17],
        Target::Product {
            flow: Direction::Exports,
            index: 0
        }
    );
    assert_eq!(
        t[25],
        Target::Product {
            flow: Direction::Imports,
            index: 3
        }
    );
    assert!(!t.contains(&Target::Year(2021)), "gaps take no focus");
    assert_eq!(focus_targets(View::Balance, &r.analysis).len(), 17);
    assert_eq!(focus_targets(View::Composition, &r.analysis).len(), 9);
}

#[test]
fn outlines_stay_inside_the_frame_and_nothing_overlaps_with_them_drawn() {
    let mut problems = Vec::new();
    for case in cases().into_iter().filter(|c| c.view != View::Balance) {
        let r = case.report();
        for target in focus_targets(r.view, &r.analysis) {
            let s = tradegap::view_scene(
                &r,
                Interaction {
                    selected: None,
                    highlight: Highlight {
                        hover: Some(target),
                        focus: Some(target),
                    },
                },
                case.width,
                case.height,
                &FixedMeasure,
            );
            problems.extend(
                geometry_problems(&s)
                    .into_iter()
                    .map(|p| format!("{} {target:?}: {p}", case.golden_path().display())),
            );
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// The share labels of rows, in order; each must be drawn.
fn share_labels(s: &Scene, targets: &[Target]) -> Vec<String> {
    let mut out = Vec::new();
    for &target in targets {
        let region = s
            .region(target)
            .unwrap_or_else(|| panic!("{target:?} is not drawn"));
        let label = s.primitives.iter().find_map(|p| match p {
            Primitive::Text { x, y, text, .. }
                if *y >= region.y && *y < region.y + region.h && *x > region.x + region.w / 2.0 =>
            {
                Some(text.clone())
            }
            _ => None,
        });
        out.push(label.expect("each row has its figures"));
    }
    out
}

#[test]
fn every_row_is_drawn_and_the_shares_shown_add_up_to_100_percent() {
    for case in cases().into_iter().filter(|c| c.view != View::Balance) {
        let r = case.report();
        let s = case.scene();
        let rows = focus_targets(case.view, &r.analysis);
        // Each flow's rows, and the partners', add up on their own.
        for group in [Some(Direction::Exports), Some(Direction::Imports), None] {
            let targets: Vec<Target> = rows
                .iter()
                .copied()
                .filter(|t| match (t, group) {
                    (Target::Product { flow, .. }, Some(g)) => *flow == g,
                    (Target::Partner(_), None) => true,
                    _ => false,
                })
                .collect();
            if targets.is_empty() {
                continue;
            }
            let labels = share_labels(&s, &targets);
            let tenths: u32 = labels
                .iter()
                .map(|l| {
                    let pct = l.split('%').next().unwrap().replace('.', "");
                    pct.parse::<u32>().unwrap_or_else(|_| panic!("{l:?}"))
                })
                .sum();
            assert_eq!(
                tenths,
                1000,
                "{} {group:?}: {labels:?}",
                case.golden_path().display()
            );
        }
    }
}

#[test]
fn the_wigs_row_reads_name_share_and_value() {
    let s = Case::balance("nk-china", 640.0, 400.0)
        .view(View::Composition)
        .scene();
    let texts: Vec<&str> = s
        .primitives
        .iter()
        .filter_map(|p| match p {
            Primitive::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    // The name may wrap; the figures keep to one line.
    assert!(texts.contains(&"57.6%  $167 million"), "{texts:?}");
    assert!(
        texts.iter().any(|t| t.starts_with("Wigs and false")),
        "{texts:?}"
    );
    assert!(texts.contains(&"14.8%  $43 million"), "{texts:?}");
}

#[test]
fn at_its_preferred_height_the_story_shows_everything_and_too_short_it_keeps_the_balance() {
    let r = seed_report(View::Story);
    for width in [320.0, 360.0, 640.0, 1000.0] {
        let h = tradegap::layout::preferred_height(
            View::Story,
            &r.analysis,
            &r.chart_text,
            width,
            &FixedMeasure,
        );
        assert!(h > width * 10.0 / 16.0 || width < 700.0, "{width}: {h}");
        let s = tradegap::view_scene(&r, Interaction::default(), width, h, &FixedMeasure);
        let products = s
            .hits
            .iter()
            .filter(|h| matches!(h.target, Target::Product { .. }))
            .count();
        assert_eq!(products, 9, "{width}x{h}");
        assert!(
            s.region(Target::Year(2023)).is_some_and(|c| c.h > 150.0),
            "{width}x{h}"
        );
        assert_eq!(geometry_problems(&s), Vec::<String>::new(), "{width}x{h}");
    }
    // 16:10 on a phone: no room for both, so the balance chart alone, 2023 selected.
    let s = tradegap::view_scene(&r, Interaction::default(), 360.0, 300.0, &FixedMeasure);
    assert!(s.hits.iter().all(|h| matches!(h.target, Target::Year(_))));
    assert_eq!(bands(&s).len(), 1);
    assert_eq!(geometry_problems(&s), Vec::<String>::new());
}

#[test]
fn in_every_layout_a_row_keeps_its_words_clear_of_its_focus_ring() {
    for case in cases().into_iter().filter(|c| c.view != View::Balance) {
        let s = case.scene();
        for r in s
            .hits
            .iter()
            .filter(|h| matches!(h.target, Target::Product { .. } | Target::Partner(_)))
        {
            for p in &s.primitives {
                let Primitive::Text { x, y, text, .. } = p else {
                    continue;
                };
                let inside = *x >= r.x && *x <= r.x + r.w && *y >= r.y && *y < r.y + r.h;
                assert!(
                    !inside || (*y >= r.y + FOCUS_RING_PX + 2.0 && *x >= r.x + FOCUS_RING_PX + 2.0),
                    "{}: {text:?} at ({x}, {y}) is under the ring of {:?}",
                    case.golden_path().display(),
                    r.target
                );
            }
        }
    }
}

/// The partners fixture, parsed.
fn partners_data() -> tradegap::model::Dataset {
    let text = std::fs::read_to_string(super::util::test_path("data/golden/partners.csv"))
        .expect("the partners fixture is readable");
    tradegap::parse::parse_trades(&text, tradegap::parse::Format::Auto)
        .expect("the partners fixture parses")
}

/// The texts of a scene, in painting order.
fn texts(s: &Scene) -> Vec<&str> {
    s.primitives
        .iter()
        .filter_map(|p| match p {
            Primitive::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_partners_view_has_a_bar_per_top_partner_then_other() {
    let case = Case::balance("partners", 640.0, 400.0).view(View::Partners);
    let r = case.report();
    assert_eq!(r.view, View::Partners);
    assert_eq!(r.chart_text.title, "North Korea's trade partners, 2023");
    let s = case.scene();
    let bars: Vec<Target> = (0..6).map(Target::Partner).collect();
    assert_eq!(s.hits.iter().map(|h| h.target).collect::<Vec<_>>(), bars);
    assert_eq!(focus_targets(View::Partners, &r.analysis), bars);
    // Names on the left, share and total on the right, top to bottom.
    let labels = share_labels(&s, &bars);
    assert_eq!(
        labels,
        [
            "95.2%  $2.32 billion",
            "1.4%  $34.2 million",
            "0.8%  $20.4 million",
            "0.4%  $10.2 million",
            "0.4%  $9.4 million",
            "1.8%  $43.8 million",
        ]
    );
    let t = texts(&s);
    for name in ["China", "Russia", "India", "Brazil", "Vietnam", "Other"] {
        assert!(t.contains(&name), "{name}: {t:?}");
    }
    assert!(
        t.contains(&"North Korea's total trade: $2.44 billion"),
        "{t:?}"
    );
    // The footer names the sources of the partners' figures, not only China's.
    let footer = t.iter().filter(|l| l.starts_with("Source:")).count();
    assert_eq!(footer, 1, "{t:?}");
    let sources = r.chart_text.sources.join("; ");
    assert_eq!(
        sources,
        "China customs; KOTRA estimate; Partners' customs (UN Comtrade mirror); \
         Ministry of Unification"
    );
    // The bars run from the same edge and "Other" is grey.
    let fills: Vec<(Paint, f64)> = s
        .primitives
        .iter()
        .filter_map(|p| match p {
            Primitive::Rect { fill, x, .. } if *fill != Paint::Highlight => Some((*fill, *x)),
            _ => None,
        })
        .collect();
    assert_eq!(fills.len(), 6);
    assert!(fills[..5].iter().all(|(f, _)| *f == Paint::Exports));
    assert_eq!(fills[5].0, Paint::Muted);
    assert!(fills.iter().all(|(_, x)| *x == fills[0].1));
    for region in &s.hits {
        let (x, y) = centre(region);
        assert_eq!(s.hit(x, y), Some(region.target));
    }
    // A smaller `top`: fewer bars, a larger "Other", still 100.0% in all.
    let mut o = case.options();
    o.query.top = 2;
    let r = report(&partners_data(), &o).unwrap();
    let s = tradegap::view_scene(&r, Interaction::default(), 640.0, 400.0, &FixedMeasure);
    let bars: Vec<Target> = (0..3).map(Target::Partner).collect();
    assert_eq!(
        share_labels(&s, &bars),
        [
            "95.2%  $2.32 billion",
            "1.4%  $34.2 million",
            "3.4%  $83.8 million"
        ]
    );
}

#[test]
fn with_one_partner_the_partners_view_says_so_and_draws_no_bar() {
    let case = Case::balance("nk-china", 640.0, 400.0).view(View::Partners);
    let r = case.report();
    assert!(r.analysis.partners.single_partner);
    let s = case.scene();
    assert!(s.hits.is_empty());
    assert!(focus_targets(View::Partners, &r.analysis).is_empty());
    assert!(!s
        .primitives
        .iter()
        .any(|p| matches!(p, Primitive::Rect { .. })));
    // The note, whole, centred between the title and the footer; no share anywhere.
    let centred: Vec<(f64, &str)> = s
        .primitives
        .iter()
        .filter_map(|p| match p {
            Primitive::Text {
                x,
                text,
                align: tradegap::scene::Align::Center,
                ..
            } => Some((*x, text.as_str())),
            _ => None,
        })
        .collect();
    assert!(centred.iter().all(|(x, _)| *x == 320.0));
    let said = centred
        .iter()
        .map(|(_, t)| *t)
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(Some(said), r.partners_note);
    assert!(!texts(&s).iter().any(|t| t.contains('%')));
    // In Korean, on a phone.
    let r = case.ko().report();
    let s = tradegap::view_scene(&r, Interaction::default(), 320.0, 400.0, &FixedMeasure);
    assert_eq!(geometry_problems(&s), Vec::<String>::new());
    assert!(
        texts(&s).contains(&"2023년 북한의 교역 상대국"),
        "{:?}",
        texts(&s)
    );
    assert!(s.hits.is_empty());
    assert!(texts(&s).iter().any(|t| t.starts_with("자료에는 북한의")));
}

#[test]
fn the_partners_view_is_asked_for_never_the_default() {
    assert_eq!(View::from_name(" Partners "), Some(View::Partners));
    assert_eq!(View::Partners.name(), "partners");
    let mut o = Case::balance("partners", 640.0, 400.0).options();
    o.view = None;
    assert_eq!(report(&partners_data(), &o).unwrap().view, View::Balance);
    // The partners of the latest year, not of the latest year with products, as the
    // story would open on.
    let csv = "year,exporter,importer,product_code,value\n\
               2022,PRK,CHN,,100\n2022,PRK,CHN,6704,60\n2022,CHN,PRK,,200\n\
               2023,PRK,CHN,,150\n2023,CHN,PRK,,250\n2023,PRK,RUS,,10\n";
    let data = tradegap::parse::parse_trades(csv, tradegap::parse::Format::Csv).unwrap();
    let mut o = options("PRK", "CHN", Lang::En);
    o.view = Some(View::Story);
    assert_eq!(report(&data, &o).unwrap().analysis.year, 2022);
    o.view = Some(View::Partners);
    let r = report(&data, &o).unwrap();
    assert_eq!((r.analysis.year, r.analysis.partners.year), (2023, 2023));
    assert_eq!(r.chart_text.partner_labels, ["China", "Russia"]);
}

#[test]
fn at_its_preferred_height_the_partners_view_shows_every_bar() {
    for (fixture, bars) in [("partners", 6), ("nk-china", 0)] {
        let r = Case::balance(fixture, 640.0, 400.0)
            .view(View::Partners)
            .report();
        for width in [320.0, 640.0, 1000.0] {
            let h = tradegap::layout::preferred_height(
                View::Partners,
                &r.analysis,
                &r.chart_text,
                width,
                &FixedMeasure,
            );
            let s = tradegap::view_scene(&r, Interaction::default(), width, h, &FixedMeasure);
            assert_eq!(s.hits.len(), bars, "{fixture} {width}x{h}");
            assert_eq!(geometry_problems(&s), Vec::<String>::new(), "{width}x{h}");
            assert!(h < 400.0, "{fixture} {width}x{h}");
        }
    }
}
