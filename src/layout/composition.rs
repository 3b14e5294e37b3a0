//! The composition view: for one year, what exports and what imports were made of,
//! as horizontal share bars, top products then "Other", each labelled with its name,
//! its share (the largest-remainder tenths, which add up to 100.0%) and its value.

use super::frame::{line_height, text, Area, Metrics};
use super::text::wrap;
use super::ChartText;
use crate::analyze::{Analysis, Breakdown, Direction};
use crate::format::{money, money_short, permille, Lang};
use crate::measure::TextMeasure;
use crate::names::product_label;
use crate::scene::{
    Align, Baseline, Font, HitRegion, Paint, Primitive, Scene, Target, FOCUS_RING_PX,
};

/// Below this chart width the two flows are stacked rather than side by side.
pub const SIDE_BY_SIDE_MIN_PX: f64 = 560.0;

/// Gap between the two flows' panels.
const PANEL_GAP: f64 = 24.0;
const STACK_GAP: f64 = 14.0;
/// The hit region reaches this far beyond the panel, so that a focus ring there
/// never touches the row's words.
const HIT_OUTSET: f64 = 4.0;
/// Between a row's words and its bar.
const BAR_GAP: f64 = 2.0;

/// How densely rows are set: lines for a name, space above the words, the bar's
/// height, space below the bar.
#[derive(Clone, Copy, Debug)]
struct Density {
    max_lines: usize,
    top: f64,
    bar_h: f64,
    bottom: f64,
}

/// The least space above a row's words: the focus ring is drawn inside the row's
/// region, and tall glyphs reach the top of the em box.
const MIN_TOP: f64 = FOCUS_RING_PX + 2.0;

impl Density {
    /// Rows `gap` apart, at least `MIN_TOP` below the row's top.
    const fn new(max_lines: usize, bar_h: f64, gap: f64) -> Density {
        let half = gap / 2.0;
        Density {
            max_lines,
            top: if half > MIN_TOP + 1.0 {
                half
            } else {
                MIN_TOP + 1.0
            },
            bar_h,
            bottom: half,
        }
    }
}

/// Roomiest first; the first that fits is used, and when none does, the spaces and
/// the bars shrink to what is left ([`squeeze`]).
const DENSITIES: [Density; 5] = [
    Density::new(2, 10.0, 10.0),
    Density::new(2, 8.0, 8.0),
    Density::new(1, 8.0, 6.0),
    Density::new(1, 6.0, 6.0),
    Density::new(1, 5.0, 4.0),
];

/// One-line rows with what is left of `spare` pixels a row once the words take theirs:
/// a 2 to 4 px bar and the least space around it.
fn squeeze(spare: f64) -> Density {
    let top = (spare * 0.45).clamp(MIN_TOP, MIN_TOP + 1.0);
    let bar_h = (spare - top - 1.0).clamp(2.0, 4.0);
    Density {
        max_lines: 1,
        top,
        bar_h,
        bottom: (spare - top - bar_h).max(0.5),
    }
}

/// One row, its words already fitted.
struct RowPlan {
    index: usize,
    lines: Vec<String>,
    figures: String,
    share: f64,
    is_other: bool,
}

/// One flow's panel, fitted to a width.
struct PanelPlan {
    flow: Direction,
    heading: Vec<String>,
    rows: Vec<RowPlan>,
    /// Said instead of rows when the data has no breakdown.
    empty: Option<String>,
}

struct Fonts {
    heading: Font,
    row: Font,
}

impl Fonts {
    fn new(k: &Metrics) -> Fonts {
        Fonts {
            heading: Font::bold(k.legend.size_px),
            row: Font::regular(k.legend.size_px - 1.0),
        }
    }
}

fn heading_h(p: &PanelPlan, f: &Fonts) -> f64 {
    p.heading.len() as f64 * line_height(f.heading) + 4.0
}

fn row_h(r: &RowPlan, f: &Fonts, d: Density) -> f64 {
    d.top + r.lines.len() as f64 * line_height(f.row) + BAR_GAP + d.bar_h + d.bottom
}

fn panel_h(p: &PanelPlan, f: &Fonts, d: Density) -> f64 {
    let body = if p.empty.is_some() {
        line_height(f.row)
    } else {
        p.rows.iter().map(|r| row_h(r, f, d)).sum()
    };
    heading_h(p, f) + body
}

fn plan_panel(
    a: &Analysis,
    t: &ChartText,
    flow: Direction,
    w: f64,
    fonts: &Fonts,
    d: Density,
    m: &dyn TextMeasure,
) -> PanelPlan {
    let heading_text = match flow {
        Direction::Exports => &t.exports_heading,
        Direction::Imports => &t.imports_heading,
    };
    let heading = wrap(heading_text, fonts.heading, w, 2, m);
    let Some(b) = a.breakdown(flow) else {
        return PanelPlan {
            flow,
            heading,
            rows: Vec::new(),
            empty: Some(t.no_breakdown.clone()),
        };
    };
    PanelPlan {
        flow,
        heading,
        rows: plan_rows(b, t.lang, w, fonts.row, d, m),
        empty: None,
    }
}

fn plan_rows(
    b: &Breakdown,
    lang: Lang,
    w: f64,
    font: Font,
    d: Density,
    m: &dyn TextMeasure,
) -> Vec<RowPlan> {
    // One money form for the whole panel: in words ("$167 million") where every name
    // still fits whole, else short ("$167M"), so that names keep the room.
    let figures = |short: bool| -> Vec<String> {
        b.rows
            .iter()
            .map(|r| {
                let v = if short {
                    money_short(r.value, lang)
                } else {
                    money(r.value, lang)
                };
                format!("{}  {v}", permille(r.share_permille))
            })
            .collect()
    };
    let names: Vec<String> = b
        .rows
        .iter()
        .map(|r| product_label(&r.code, &r.label, lang))
        .collect();
    let widest = |f: &[String]| f.iter().map(|s| m.width(s, font)).fold(0.0, f64::max);
    let name_w = |f: &[String]| (w - widest(f) - 10.0).max(w * 0.3);
    let fits_whole = |nw: f64| {
        names.iter().all(|n| {
            let lines = wrap(n, font, nw, usize::MAX, m);
            lines.len() <= d.max_lines
        })
    };
    let long = figures(false);
    let figures = if w - widest(&long) >= w * 0.4 && fits_whole(name_w(&long)) {
        long
    } else {
        figures(true)
    };
    let nw = name_w(&figures);
    names
        .into_iter()
        .zip(figures)
        .zip(&b.rows)
        .enumerate()
        .map(|(index, ((name, figures), r))| RowPlan {
            index,
            lines: wrap(&name, font, nw, d.max_lines, m),
            figures,
            share: r.share,
            is_other: r.is_other,
        })
        .collect()
}

/// Draws the composition of the analysis's year in `area`.
pub(super) fn composition(
    s: &mut Scene,
    a: &Analysis,
    t: &ChartText,
    k: &Metrics,
    area: Area,
    m: &dyn TextMeasure,
) {
    let fonts = Fonts::new(k);
    let side_by_side = s.width >= SIDE_BY_SIDE_MIN_PX;
    let panel_w = if side_by_side {
        (area.right - area.left - PANEL_GAP) / 2.0
    } else {
        area.right - area.left
    };
    if panel_w < 60.0 {
        return;
    }
    let avail = area.bottom - area.top;
    let plan = |d: Density| {
        [Direction::Exports, Direction::Imports]
            .map(|flow| plan_panel(a, t, flow, panel_w, &fonts, d, m))
    };
    let total_h = |p: &[PanelPlan; 2], d: Density| {
        let [e, i] = p;
        if side_by_side {
            panel_h(e, &fonts, d).max(panel_h(i, &fonts, d))
        } else {
            panel_h(e, &fonts, d) + STACK_GAP + panel_h(i, &fonts, d)
        }
    };
    let (d, panels) = DENSITIES
        .iter()
        .map(|d| (*d, plan(*d)))
        .find(|(d, p)| total_h(p, *d) <= avail)
        .unwrap_or_else(|| {
            // Share what is left after the words among the rows.
            let bare = Density {
                max_lines: 1,
                top: 0.0,
                bar_h: 0.0,
                bottom: 0.0,
            };
            let p = plan(bare);
            let rows = |p: &PanelPlan| (p.rows.len() as f64).max(1.0);
            let spare = if side_by_side {
                let each = |q: &PanelPlan| (avail - panel_h(q, &fonts, bare)) / rows(q);
                each(&p[0]).min(each(&p[1]))
            } else {
                (avail - total_h(&p, bare)) / (rows(&p[0]) + rows(&p[1]))
            };
            (squeeze(spare), p)
        });

    let mut y = area.top;
    for (i, p) in panels.iter().enumerate() {
        let x = if side_by_side && i == 1 {
            area.left + panel_w + PANEL_GAP
        } else {
            area.left
        };
        let top = if side_by_side { area.top } else { y };
        let bottom = draw_panel(s, p, x, top, panel_w, area.bottom, &fonts, d);
        y = bottom + STACK_GAP;
    }
}

/// The height the composition needs at its roomiest density, for a view to share
/// space with it.
pub(super) fn natural_height(
    a: &Analysis,
    t: &ChartText,
    k: &Metrics,
    width: f64,
    m: &dyn TextMeasure,
    densest: bool,
) -> f64 {
    let fonts = Fonts::new(k);
    let side_by_side = width >= SIDE_BY_SIDE_MIN_PX;
    let inner = width - 2.0 * k.pad;
    let panel_w = if side_by_side {
        (inner - PANEL_GAP) / 2.0
    } else {
        inner
    };
    let d = if densest {
        DENSITIES[DENSITIES.len() - 1]
    } else {
        DENSITIES[0]
    };
    let [e, i] = [Direction::Exports, Direction::Imports]
        .map(|flow| plan_panel(a, t, flow, panel_w, &fonts, d, m));
    if side_by_side {
        panel_h(&e, &fonts, d).max(panel_h(&i, &fonts, d))
    } else {
        panel_h(&e, &fonts, d) + STACK_GAP + panel_h(&i, &fonts, d)
    }
}

/// Draws one panel from `top`; rows that would pass `limit` are left out. Returns the
/// panel's bottom.
#[allow(clippy::too_many_arguments)]
fn draw_panel(
    s: &mut Scene,
    p: &PanelPlan,
    x: f64,
    top: f64,
    w: f64,
    limit: f64,
    f: &Fonts,
    d: Density,
) -> f64 {
    let mut y = top;
    let heading_lh = line_height(f.heading);
    for line in &p.heading {
        if y + heading_lh > limit {
            return y;
        }
        s.primitives.push(text(
            x,
            y,
            line.clone(),
            f.heading,
            Paint::Text,
            Align::Left,
            Baseline::Top,
        ));
        y += heading_lh;
    }
    y += 4.0;
    let lh = line_height(f.row);
    if let Some(empty) = &p.empty {
        if y + lh <= limit {
            s.primitives.push(text(
                x,
                y,
                empty.clone(),
                f.row,
                Paint::Muted,
                Align::Left,
                Baseline::Top,
            ));
            y += lh;
        }
        return y;
    }
    let fill = match p.flow {
        Direction::Exports => Paint::Exports,
        Direction::Imports => Paint::Imports,
    };
    for r in &p.rows {
        let h = row_h(r, f, d);
        if y + h > limit + 0.001 {
            break;
        }
        let mut ty = y + d.top;
        for (i, line) in r.lines.iter().enumerate() {
            s.primitives.push(text(
                x,
                ty,
                line.clone(),
                f.row,
                Paint::Text,
                Align::Left,
                Baseline::Top,
            ));
            if i == 0 {
                s.primitives.push(text(
                    x + w,
                    ty,
                    r.figures.clone(),
                    f.row,
                    Paint::Text,
                    Align::Right,
                    Baseline::Top,
                ));
            }
            ty += lh;
        }
        let bar_y = ty + BAR_GAP;
        // The track is the whole flow; the bar its share. The track takes the selection
        // band's quiet colour, which every bar contrasts with (the grid's need not).
        s.primitives.push(Primitive::Rect {
            x,
            y: bar_y,
            w,
            h: d.bar_h,
            fill: Paint::Highlight,
        });
        let bar_w = (r.share.clamp(0.0, 1.0) * w).max(if r.share > 0.0 { 1.0 } else { 0.0 });
        s.primitives.push(Primitive::Rect {
            x,
            y: bar_y,
            w: bar_w,
            h: d.bar_h,
            // "Other" is not a product: grey, so that it does not read as one.
            fill: if r.is_other { Paint::Muted } else { fill },
        });
        s.hits.push(HitRegion {
            x: x - HIT_OUTSET,
            y,
            w: w + 2.0 * HIT_OUTSET,
            h,
            target: Target::Product {
                flow: p.flow,
                index: r.index,
            },
        });
        y += h;
    }
    y
}
