//! The composition view: for one year, what exports and what imports were made of,
//! as horizontal share bars, top products then "Other", each labelled with its name,
//! its share (the largest-remainder tenths, which add up to 100.0%) and its value.
//! The share bars themselves ([`Panel`], [`share_bars`]) serve the partners view too.

use super::frame::{line_height, text, Area, Metrics};
use super::text::wrap;
use super::ChartText;
use crate::analyze::{Analysis, Direction, ProductShare};
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

/// A heading over share bars: one flow's breakdown, or the partners' shares.
pub(super) struct Panel<'a> {
    pub heading: &'a str,
    /// The bars, "Other" last. Partners come as rows whose label is their name.
    pub rows: &'a [ProductShare],
    /// The flow that `rows` break down; `None` for partners.
    pub flow: Option<Direction>,
    /// Said instead of bars when the data has none.
    pub empty: Option<&'a str>,
}

/// One row, its words already fitted.
struct RowPlan {
    index: usize,
    lines: Vec<String>,
    figures: String,
    share: f64,
    is_other: bool,
}

/// One panel, fitted to a width.
struct PanelPlan<'a> {
    flow: Option<Direction>,
    heading: Vec<String>,
    rows: Vec<RowPlan>,
    empty: Option<&'a str>,
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

/// The composition's two panels: the exports' and the imports' bars.
fn panels<'a>(a: &'a Analysis, t: &'a ChartText) -> [Panel<'a>; 2] {
    [
        (Direction::Exports, &t.exports_heading),
        (Direction::Imports, &t.imports_heading),
    ]
    .map(|(flow, heading)| {
        let b = a.breakdown(flow);
        Panel {
            heading,
            rows: b.map_or(&[], |b| &b.rows),
            flow: Some(flow),
            empty: b.is_none().then_some(t.no_breakdown.as_str()),
        }
    })
}

/// Every panel fitted to a width at a density.
fn plan<'a>(
    panels: &[Panel<'a>],
    lang: Lang,
    w: f64,
    fonts: &Fonts,
    d: Density,
    m: &dyn TextMeasure,
) -> Vec<PanelPlan<'a>> {
    let mut out = Vec::new();
    for p in panels {
        out.push(PanelPlan {
            flow: p.flow,
            heading: wrap(p.heading, fonts.heading, w, 2, m),
            rows: plan_rows(p.rows, lang, w, fonts.row, d, m),
            empty: p.empty,
        });
    }
    out
}

fn plan_rows(
    rows: &[ProductShare],
    lang: Lang,
    w: f64,
    font: Font,
    d: Density,
    m: &dyn TextMeasure,
) -> Vec<RowPlan> {
    // One money form for the whole panel: in words ("$167 million") where every name
    // still fits whole, else short ("$167M"), so that names keep the room.
    let figures = |short: bool| -> Vec<String> {
        rows.iter()
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
    let names: Vec<String> = rows
        .iter()
        .map(|r| product_label(&r.code, &r.label, lang))
        .collect();
    let widest = |f: &[String]| f.iter().map(|s| m.width(s, font)).fold(0.0, f64::max);
    let name_w = |f: &[String]| (w - widest(f) - 10.0).max(w * 0.3);
    let fits_whole = |nw: f64| {
        names.iter().all(|n| {
            // One line more than allowed tells a name that does not fit.
            let lines = wrap(n, font, nw, d.max_lines.saturating_add(1), m);
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
        .zip(rows)
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
    let side_by_side = s.width >= SIDE_BY_SIDE_MIN_PX;
    share_bars(s, &panels(a, t), t.lang, k, area, side_by_side, m);
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
    let side_by_side = width >= SIDE_BY_SIDE_MIN_PX;
    let inner = width - 2.0 * k.pad;
    bars_height(&panels(a, t), t.lang, k, inner, side_by_side, m, densest)
}

/// Each panel's width: side by side they share `w`, stacked each takes all of it.
fn panel_width(w: f64, n: usize, side_by_side: bool) -> f64 {
    if side_by_side && n > 1 {
        (w - PANEL_GAP * (n - 1) as f64) / n as f64
    } else {
        w
    }
}

/// The panels' height at a density: the tallest side by side, else all with gaps.
fn total_h(p: &[PanelPlan], f: &Fonts, d: Density, side_by_side: bool) -> f64 {
    let mut h: f64 = 0.0;
    for (i, q) in p.iter().enumerate() {
        let q = panel_h(q, f, d);
        h = match (side_by_side, i) {
            (true, _) => h.max(q),
            (false, 0) => q,
            (false, _) => h + STACK_GAP + q,
        };
    }
    h
}

/// Draws panels of share bars in `area`, side by side or stacked, at the roomiest
/// density that fits; rows that fit at none are left out.
pub(super) fn share_bars(
    s: &mut Scene,
    panels: &[Panel],
    lang: Lang,
    k: &Metrics,
    area: Area,
    side_by_side: bool,
    m: &dyn TextMeasure,
) {
    let fonts = Fonts::new(k);
    let panel_w = panel_width(area.right - area.left, panels.len(), side_by_side);
    if panel_w < 60.0 {
        return;
    }
    let avail = area.bottom - area.top;
    let plan = |d: Density| plan(panels, lang, panel_w, &fonts, d, m);
    let (d, plans) = DENSITIES
        .iter()
        .map(|d| (*d, plan(*d)))
        .find(|(d, p)| total_h(p, &fonts, *d, side_by_side) <= avail)
        .unwrap_or_else(|| {
            // Share what is left after the words among the rows.
            let bare = Density {
                max_lines: 1,
                top: 0.0,
                bar_h: 0.0,
                bottom: 0.0,
            };
            let p = plan(bare);
            let (mut each, mut rows) = (f64::INFINITY, 0.0);
            for q in &p {
                let n = (q.rows.len() as f64).max(1.0);
                each = each.min((avail - panel_h(q, &fonts, bare)) / n);
                rows += n;
            }
            let spare = if side_by_side {
                each
            } else {
                (avail - total_h(&p, &fonts, bare, false)) / rows
            };
            (squeeze(spare), p)
        });

    let mut y = area.top;
    for (i, p) in plans.iter().enumerate() {
        let (x, top) = if side_by_side {
            (area.left + i as f64 * (panel_w + PANEL_GAP), area.top)
        } else {
            (area.left, y)
        };
        y = draw_panel(s, p, x, top, panel_w, area.bottom, &fonts, d) + STACK_GAP;
    }
}

/// The height panels of share bars need in a width `w`, at the roomiest density or
/// the densest.
pub(super) fn bars_height(
    panels: &[Panel],
    lang: Lang,
    k: &Metrics,
    w: f64,
    side_by_side: bool,
    m: &dyn TextMeasure,
    densest: bool,
) -> f64 {
    let fonts = Fonts::new(k);
    let panel_w = panel_width(w, panels.len(), side_by_side);
    let d = if densest {
        DENSITIES[DENSITIES.len() - 1]
    } else {
        DENSITIES[0]
    };
    total_h(
        &plan(panels, lang, panel_w, &fonts, d, m),
        &fonts,
        d,
        side_by_side,
    )
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
    if let Some(empty) = p.empty {
        if y + lh <= limit {
            s.primitives.push(text(
                x,
                y,
                empty.to_string(),
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
        Some(Direction::Imports) => Paint::Imports,
        _ => Paint::Exports,
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
            target: match p.flow {
                Some(flow) => Target::Product {
                    flow,
                    index: r.index,
                },
                None => Target::Partner(r.index),
            },
        });
        y += h;
    }
    y
}
