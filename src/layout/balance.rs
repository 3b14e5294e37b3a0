//! The balance view: exports above and imports below a zero line for each year,
//! the balance as a line with markers, a money axis, the record annotated.

use super::frame::{circle, frame, line_height, text, Area, Metrics};
use super::text::ellipsize;
use super::ChartText;
use crate::analyze::{Analysis, Direction};
use crate::format::money_short;
use crate::measure::TextMeasure;
use crate::scene::{Align, Baseline, Font, HitRegion, Paint, Primitive, Scene, Target};
use crate::ticks::{nice, ticks};

/// Lays out the balance chart of `a` in a `width` × `height` box of CSS pixels.
pub fn balance_scene(
    a: &Analysis,
    t: &ChartText,
    width: f64,
    height: f64,
    m: &dyn TextMeasure,
) -> Scene {
    balance_view(a, t, width, height, None, m)
}

/// The balance view with a year highlighted as selected.
pub(super) fn balance_view(
    a: &Analysis,
    t: &ChartText,
    width: f64,
    height: f64,
    selected: Option<i32>,
    m: &dyn TextMeasure,
) -> Scene {
    let (mut s, k, area) = frame(t, width, height, true, m);
    plot(&mut s, a, t, &k, area, selected, m);
    s
}

/// Draws the balance plot in `area`: the annotation band on top, the axis, the bars,
/// the balance line, the year labels and one hit region per calendar year.
pub(super) fn plot(
    s: &mut Scene,
    a: &Analysis,
    t: &ChartText,
    k: &Metrics,
    area: Area,
    selected: Option<i32>,
    m: &dyn TextMeasure,
) {
    let year_label_h = line_height(k.axis) + 4.0;
    // A band above the plot for the record's label, so that tall bars never push it into others.
    // The unit, where the axis labels do not carry it, shares that band.
    let row_h = k.axis.size_px + 6.0;
    let record_row = (a.record.is_some() && t.record.is_some()) || t.unit.is_some();
    let compare = a.comparison.zip(t.compare.as_ref());
    let annotation_h =
        if record_row { row_h } else { 0.0 } + if compare.is_some() { row_h } else { 0.0 };
    let annotation_top = area.top + 6.0;
    // The comparison gets a row of its own, below the record's.
    let compare_top = annotation_top + if record_row { row_h } else { 0.0 };
    let plot_top = annotation_top + annotation_h;
    if let Some(unit) = &t.unit {
        s.primitives.push(text(
            area.left,
            annotation_top,
            unit.clone(),
            k.axis,
            Paint::Muted,
            Align::Left,
            Baseline::Top,
        ));
    }
    let plot_bottom = area.bottom - 10.0 - year_label_h;
    let plot_h = plot_bottom - plot_top;
    if plot_h < 40.0 || a.years.is_empty() {
        return;
    }

    // Y scale over everything drawn, always including zero.
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for yb in &a.years {
        for v in [yb.exports, yb.imports.map(|i| -i), yb.balance]
            .into_iter()
            .flatten()
        {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    let count = ((plot_h / 45.0).floor() as usize).clamp(2, 8);
    if !lo.is_finite() || !hi.is_finite() {
        return;
    }
    let (lo, hi) = if lo == hi {
        (lo - 1.0, hi + 1.0)
    } else {
        nice(lo, hi, count)
    };
    let tick_values = ticks(lo, hi, count);
    let labels: Vec<String> = tick_values
        .iter()
        .map(|v| money_short(*v, t.lang))
        .collect();
    let label_w = labels
        .iter()
        .map(|l| m.width(l, k.axis))
        .fold(0.0, f64::max);
    let plot_left = area.left + label_w + 6.0;
    let plot_right = area.right;
    let plot_w = plot_right - plot_left;
    if plot_w < 40.0 {
        return;
    }
    let sy = |v: f64| plot_bottom - (v - lo) / (hi - lo) * plot_h;

    for (v, label) in tick_values.iter().zip(labels) {
        let ty = sy(*v);
        let (paint, w) = if *v == 0.0 {
            (Paint::Axis, 1.0)
        } else {
            (Paint::Grid, 1.0)
        };
        if *v != 0.0 {
            s.primitives.push(Primitive::Line {
                x1: plot_left,
                y1: ty,
                x2: plot_right,
                y2: ty,
                stroke: paint,
                width: w,
            });
        }
        s.primitives.push(text(
            plot_left - 6.0,
            ty,
            label,
            k.axis,
            Paint::Muted,
            Align::Right,
            Baseline::Middle,
        ));
    }

    // One band per calendar year from first to last, so a missing year shows as a gap.
    let first = a.years[0].year;
    let last = a.years[a.years.len() - 1].year;
    let n = (last - first + 1) as f64;
    let band = plot_w / n;
    // Few years make wide bands; a bar wider than a thumb reads as an area, not a year.
    let bar_w = (band * 0.72).clamp(1.0, 56.0);
    let cx = |year: i32| plot_left + (f64::from(year - first) + 0.5) * band;
    let zero = sy(0.0);
    let selected = selected.filter(|y| (first..=last).contains(y));

    // The selected year: a quiet band behind its column and its label.
    if let Some(year) = selected {
        s.primitives.push(Primitive::Rect {
            x: cx(year) - band / 2.0,
            y: plot_top,
            w: band,
            h: plot_bottom + year_label_h - plot_top,
            fill: Paint::Highlight,
        });
    }

    for yb in &a.years {
        let x = cx(yb.year) - bar_w / 2.0;
        if let Some(e) = yb.exports {
            let top = sy(e);
            s.primitives.push(Primitive::Rect {
                x,
                y: top,
                w: bar_w,
                h: zero - top,
                fill: Paint::Exports,
            });
        }
        if let Some(i) = yb.imports {
            s.primitives.push(Primitive::Rect {
                x,
                y: zero,
                w: bar_w,
                h: sy(-i) - zero,
                fill: Paint::Imports,
            });
        }
    }
    s.primitives.push(Primitive::Line {
        x1: plot_left,
        y1: zero,
        x2: plot_right,
        y2: zero,
        stroke: Paint::Axis,
        width: 1.0,
    });

    // Balance: lines only between consecutive years, so gaps stay gaps.
    let mut run: Vec<(f64, f64)> = Vec::new();
    let mut prev_year = None;
    for yb in &a.years {
        match yb.balance {
            Some(b) if prev_year == Some(yb.year - 1) => run.push((cx(yb.year), sy(b))),
            Some(b) => {
                flush_run(s, &mut run);
                run.push((cx(yb.year), sy(b)));
            }
            None => flush_run(s, &mut run),
        }
        prev_year = yb.balance.map(|_| yb.year);
    }
    flush_run(s, &mut run);
    let record_year = a.record.map(|r| r.year);
    for yb in &a.years {
        if let Some(b) = yb.balance {
            let r = if Some(yb.year) == record_year {
                k.marker_r + 1.5
            } else {
                k.marker_r
            };
            s.primitives.push(circle(cx(yb.year), sy(b), r));
        }
    }

    // Year labels, thinned to round steps so that they never touch.
    let year_w = m.width("0000", k.axis) + 8.0;
    let step = [1, 2, 5, 10, 20, 25, 50, 100]
        .into_iter()
        .find(|st| f64::from(*st) * band >= year_w)
        .unwrap_or(200);
    // The selected year and the latest are always labelled: they are what the story is
    // about. The latest gives way to a selected year too close to it.
    let clear = |a: i32, b: i32| (cx(a) - cx(b)).abs() >= year_w;
    let label_last = selected.is_none_or(|sel| sel == last || clear(sel, last));
    let required: Vec<i32> = selected
        .into_iter()
        .chain(label_last.then_some(last))
        .collect();
    for year in first..=last {
        let is_required = required.contains(&year);
        let fits = year % step == 0 && required.iter().all(|r| clear(year, *r));
        if is_required || fits {
            // Centred under its bar, but never past the chart's edges.
            let half = m.width(&year.to_string(), k.axis) / 2.0;
            let x = cx(year).min(area.right - half).max(area.left + half);
            let paint = if Some(year) == selected {
                Paint::Text
            } else {
                Paint::Muted
            };
            s.primitives.push(text(
                x,
                plot_bottom + 4.0,
                year.to_string(),
                k.axis,
                paint,
                Align::Center,
                Baseline::Top,
            ));
        }
    }

    // Where each annotation goes: a label, its box, its leader's x.
    let font = Font::bold(k.axis.size_px);
    let place = |label: &str, x: f64| -> (String, Align, f64, f64, f64) {
        let label = ellipsize(label, font, plot_w, m);
        let w = m.width(&label, font);
        let (align, x0, x1) = if x + w / 2.0 > plot_right {
            (Align::Right, x + bar_w / 2.0 - w, x + bar_w / 2.0)
        } else if x - w / 2.0 < plot_left {
            (Align::Left, x - bar_w / 2.0, x - bar_w / 2.0 + w)
        } else {
            (Align::Center, x - w / 2.0, x + w / 2.0)
        };
        let tx = match align {
            Align::Right => x + bar_w / 2.0,
            Align::Left => x - bar_w / 2.0,
            Align::Center => x,
        };
        (label, align, tx, x0, x1)
    };
    // The top of what is drawn in the columns between x0 and x1.
    let column_top = |x0: f64, x1: f64| {
        let mut top = zero;
        for yb in &a.years {
            let bx = cx(yb.year);
            if bx + bar_w / 2.0 >= x0 && bx - bar_w / 2.0 <= x1 {
                for v in [yb.exports, yb.balance].into_iter().flatten() {
                    top = top.min(sy(v.max(0.0)));
                }
            }
        }
        top
    };

    // The comparison, in its own row above its year, with a leader down to the column.
    let mut compare_span = None;
    if let Some((c, label)) = compare {
        let x = cx(c.from_year);
        let (label, align, tx, x0, x1) = place(label, x);
        let baseline = compare_top + font.size_px;
        s.primitives.push(text(
            tx,
            baseline,
            label,
            font,
            Paint::Text,
            align,
            Baseline::Alphabetic,
        ));
        let target_top = column_top(x, x) - 3.0;
        if target_top > baseline + 4.0 {
            s.primitives.push(Primitive::Line {
                x1: x,
                y1: baseline + 4.0,
                x2: x,
                y2: target_top,
                stroke: Paint::Muted,
                width: 1.0,
            });
        }
        // The flow compared, marked then and now: a tick on each bar's end.
        for year in [c.from_year, c.to_year] {
            let Some(yb) = a.year_balance(year) else {
                continue;
            };
            let end = match c.headline {
                Some(Direction::Imports) => yb.imports.map(|i| sy(-i)),
                _ => yb.exports.map(sy),
            };
            if let Some(ey) = end {
                let bx = cx(year);
                s.primitives.push(Primitive::Line {
                    x1: bx - bar_w / 2.0 - 2.0,
                    y1: ey,
                    x2: bx + bar_w / 2.0 + 2.0,
                    y2: ey,
                    stroke: Paint::Text,
                    width: 2.0,
                });
            }
        }
        compare_span = Some((x0, x1));
    }

    // The record, written above the bars near its year with a leader to its marker.
    if let (Some(r), Some(label)) = (a.record, &t.record) {
        if let Some(b) = a.year_balance(r.year).and_then(|y| y.balance) {
            let (label, align, tx, x0, x1) = place(label, cx(r.year));
            let x = cx(r.year);
            // Above the tallest exports bar under the label, but in its own row when the
            // comparison's row is below it.
            let top = column_top(x0, x1);
            let own_row = annotation_top + font.size_px;
            let baseline = if compare.is_some() {
                own_row
            } else {
                (top - 8.0).max(own_row)
            };
            s.primitives.push(text(
                tx,
                baseline,
                label,
                font,
                Paint::Text,
                align,
                Baseline::Alphabetic,
            ));
            // A leader through the comparison's label would cross its words: start below it.
            let crosses = compare_span.is_some_and(|(c0, c1)| x >= c0 - 3.0 && x <= c1 + 3.0);
            let leader_top = if crosses { plot_top } else { baseline + 4.0 };
            let marker_top = sy(b) - k.marker_r - 3.0;
            if marker_top > leader_top {
                s.primitives.push(Primitive::Line {
                    x1: x,
                    y1: leader_top,
                    x2: x,
                    y2: marker_top,
                    stroke: Paint::Muted,
                    width: 1.0,
                });
            }
        }
    }

    for year in first..=last {
        s.hits.push(HitRegion {
            x: cx(year) - band / 2.0,
            y: plot_top,
            w: band,
            h: plot_h,
            target: Target::Year(year),
        });
    }
}

fn flush_run(s: &mut Scene, run: &mut Vec<(f64, f64)>) {
    if run.len() >= 2 {
        // A halo in the background's colour keeps the line legible where it crosses
        // bars: the dark theme's near-white line on its peach imports is only 1.75:1.
        s.primitives.push(Primitive::Polyline {
            points: run.clone(),
            stroke: Paint::Background,
            width: 4.0,
        });
        s.primitives.push(Primitive::Polyline {
            points: std::mem::take(run),
            stroke: Paint::Balance,
            width: 2.0,
        });
    }
    run.clear();
}
