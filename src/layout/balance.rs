//! The balance view: exports above and imports below a zero line for each year,
//! the balance as a line with markers, a money axis, the record annotated.

use super::text::{ellipsize, wrap};
use super::ChartText;
use crate::analyze::Analysis;
use crate::format::money_short;
use crate::measure::TextMeasure;
use crate::scene::{Align, Baseline, Font, HitRegion, Paint, Primitive, Scene, Target};
use crate::ticks::{nice, ticks};

/// Sizes that change with the chart's width.
struct Metrics {
    pad: f64,
    title: Font,
    legend: Font,
    axis: Font,
    footer: Font,
    marker_r: f64,
}

impl Metrics {
    fn for_width(w: f64) -> Metrics {
        let narrow = w < 480.0;
        Metrics {
            pad: if narrow { 8.0 } else { 12.0 },
            title: Font::bold(if narrow { 16.0 } else { 18.0 }),
            legend: Font::regular(if narrow { 12.0 } else { 13.0 }),
            axis: Font::regular(11.0),
            footer: Font::regular(11.0),
            marker_r: if narrow { 2.5 } else { 3.5 },
        }
    }
}

fn line_height(f: Font) -> f64 {
    (f.size_px * 1.3).round()
}

/// Lays out the balance chart of `a` in a `width` × `height` box of CSS pixels.
pub fn balance_scene(
    a: &Analysis,
    t: &ChartText,
    width: f64,
    height: f64,
    m: &dyn TextMeasure,
) -> Scene {
    let k = Metrics::for_width(width);
    let mut s = Scene {
        width,
        height,
        ..Scene::default()
    };
    let inner_w = (width - 2.0 * k.pad).max(0.0);
    let mut y = k.pad;

    // Title.
    for line in wrap(&t.title, k.title, inner_w, 2, m) {
        s.primitives.push(text(
            k.pad,
            y,
            line,
            k.title,
            Paint::Text,
            Align::Left,
            Baseline::Top,
        ));
        y += line_height(k.title);
    }
    y += 4.0;

    // Legend: swatch and label per item, wrapping as a whole item.
    let sw = 10.0;
    let items = [
        (Paint::Exports, &t.exports, false),
        (Paint::Imports, &t.imports, false),
        (Paint::Balance, &t.balance, true),
    ];
    let mut x = k.pad;
    let lh = line_height(k.legend);
    for (paint, label, is_line) in items {
        let label = ellipsize(label, k.legend, inner_w - sw - 6.0, m);
        let item_w = sw + 6.0 + m.width(&label, k.legend);
        if x > k.pad && x + item_w > width - k.pad {
            x = k.pad;
            y += lh;
        }
        let mid = y + lh / 2.0;
        if is_line {
            s.primitives.push(Primitive::Line {
                x1: x,
                y1: mid,
                x2: x + sw + 2.0,
                y2: mid,
                stroke: paint,
                width: 2.0,
            });
            s.primitives.push(circle(x + sw / 2.0 + 1.0, mid, 3.0));
        } else {
            s.primitives.push(Primitive::Rect {
                x,
                y: mid - sw / 2.0,
                w: sw,
                h: sw,
                fill: paint,
            });
        }
        s.primitives.push(text(
            x + sw + 6.0,
            mid,
            label.clone(),
            k.legend,
            Paint::Text,
            Align::Left,
            Baseline::Middle,
        ));
        x += item_w + 16.0;
    }
    y += lh + 8.0;

    // Footer, laid out from the bottom up so the plot gets what is left.
    let footer_lines = footer_lines(t, k.footer, inner_w, if height < 320.0 { 2 } else { 3 }, m);
    let footer_h = footer_lines.len() as f64 * line_height(k.footer);
    let footer_top = height - k.pad - footer_h;
    for (i, line) in footer_lines.into_iter().enumerate() {
        let ly = footer_top + i as f64 * line_height(k.footer);
        s.primitives.push(text(
            k.pad,
            ly,
            line,
            k.footer,
            Paint::Muted,
            Align::Left,
            Baseline::Top,
        ));
    }

    let year_label_h = line_height(k.axis) + 4.0;
    // A band above the plot for the record's label, so that tall bars never push it into others.
    // The unit, where the axis labels do not carry it, shares that band.
    let annotation_h = if (a.record.is_some() && t.record.is_some()) || t.unit.is_some() {
        k.axis.size_px + 6.0
    } else {
        0.0
    };
    let annotation_top = y + 6.0;
    let plot_top = annotation_top + annotation_h;
    if let Some(unit) = &t.unit {
        s.primitives.push(text(
            k.pad,
            annotation_top,
            unit.clone(),
            k.axis,
            Paint::Muted,
            Align::Left,
            Baseline::Top,
        ));
    }
    let plot_bottom = footer_top - 10.0 - year_label_h;
    let plot_h = plot_bottom - plot_top;
    if plot_h < 40.0 || a.years.is_empty() {
        return s;
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
        return s;
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
    let plot_left = k.pad + label_w + 6.0;
    let plot_right = width - k.pad;
    let plot_w = plot_right - plot_left;
    if plot_w < 40.0 {
        return s;
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
    let bar_w = (band * 0.72).max(1.0);
    let cx = |year: i32| plot_left + (f64::from(year - first) + 0.5) * band;
    let zero = sy(0.0);

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
                flush_run(&mut s, &mut run);
                run.push((cx(yb.year), sy(b)));
            }
            None => flush_run(&mut s, &mut run),
        }
        prev_year = yb.balance.map(|_| yb.year);
    }
    flush_run(&mut s, &mut run);
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
    // The latest year is always labelled: it is the one the story is about.
    let clear_of_last = |year: i32| year == last || cx(last) - cx(year) >= year_w;
    for year in first..=last {
        if (year % step == 0 && clear_of_last(year)) || year == last {
            // Centred under its bar, but never past the chart's edges.
            let half = m.width(&year.to_string(), k.axis) / 2.0;
            let x = cx(year).min(width - k.pad - half).max(k.pad + half);
            s.primitives.push(text(
                x,
                plot_bottom + 4.0,
                year.to_string(),
                k.axis,
                Paint::Muted,
                Align::Center,
                Baseline::Top,
            ));
        }
    }

    // The record, written above the bars near its year with a leader to its marker.
    if let (Some(r), Some(label)) = (a.record, &t.record) {
        if let Some(b) = a.year_balance(r.year).and_then(|y| y.balance) {
            let font = Font::bold(k.axis.size_px);
            let label = ellipsize(label, font, plot_w, m);
            let w = m.width(&label, font);
            let x = cx(r.year);
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
            // Above the tallest exports bar under the label.
            let mut top = zero;
            for yb in &a.years {
                let bx = cx(yb.year);
                if bx + bar_w / 2.0 >= x0 && bx - bar_w / 2.0 <= x1 {
                    for v in [yb.exports, yb.balance].into_iter().flatten() {
                        top = top.min(sy(v.max(0.0)));
                    }
                }
            }
            let baseline = (top - 8.0).max(annotation_top + font.size_px);
            s.primitives.push(text(
                tx,
                baseline,
                label,
                font,
                Paint::Text,
                align,
                Baseline::Alphabetic,
            ));
            let marker_top = sy(b) - k.marker_r - 3.0;
            if marker_top > baseline + 4.0 {
                s.primitives.push(Primitive::Line {
                    x1: x,
                    y1: baseline + 4.0,
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
    s
}

fn flush_run(s: &mut Scene, run: &mut Vec<(f64, f64)>) {
    if run.len() >= 2 {
        s.primitives.push(Primitive::Polyline {
            points: std::mem::take(run),
            stroke: Paint::Balance,
            width: 2.0,
        });
    }
    run.clear();
}

fn circle(x: f64, y: f64, r: f64) -> Primitive {
    Primitive::Circle {
        x,
        y,
        r,
        fill: Paint::Background,
        stroke: Paint::Balance,
        width: 1.5,
    }
}

fn text(
    x: f64,
    y: f64,
    text: String,
    font: Font,
    fill: Paint,
    align: Align,
    baseline: Baseline,
) -> Primitive {
    Primitive::Text {
        x,
        y,
        text,
        font,
        fill,
        align,
        baseline,
    }
}

/// "Source: A; B; and 3 more", in at most `max_lines`, most recent sources first.
fn footer_lines(
    t: &ChartText,
    font: Font,
    max_w: f64,
    max_lines: usize,
    m: &dyn TextMeasure,
) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(note) = &t.note {
        lines.extend(wrap(note, font, max_w, 1, m));
    }
    let budget = max_lines.saturating_sub(lines.len()).max(1);
    if t.sources.is_empty() {
        return lines;
    }
    // Take as many sources as fit, with room for the "and N more" tail; when not even
    // one fits, say how many there are rather than cut a name short.
    let n = t.sources.len().to_string();
    let mut best = wrap(
        &format!("{} {}", t.source_prefix, t.sources_below.replace("{n}", &n)),
        font,
        max_w,
        budget,
        m,
    );
    for shown in (1..=t.sources.len()).rev() {
        let mut body = t.sources[..shown].join("; ");
        if shown < t.sources.len() {
            body = format!(
                "{body}; {}",
                t.more_sources
                    .replace("{n}", &(t.sources.len() - shown).to_string())
            );
        }
        let text = format!("{} {body}", t.source_prefix);
        let wrapped = wrap(&text, font, max_w, usize::MAX, m);
        if wrapped.len() <= budget {
            best = wrapped;
            break;
        }
    }
    lines.extend(best);
    lines
}
