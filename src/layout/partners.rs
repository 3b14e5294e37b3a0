//! The partners view: the focus country's largest partners in the analysis's year as
//! share bars with "Other", each labelled with the partner's name, its share of the
//! focus country's trade (largest-remainder tenths, which add up to 100.0%) and the
//! trade's total. With one partner in the data there is no share to show: the view
//! says so in the middle of the plot instead.

use super::composition::{bars_height, share_bars, Panel};
use super::frame::{line_height, text, Area, Metrics};
use super::text::wrap;
use super::ChartText;
use crate::analyze::{Analysis, ProductShare};
use crate::measure::TextMeasure;
use crate::scene::{Align, Baseline, Paint, Scene};

/// The partners as share rows whose labels are their names; empty when there is no
/// share to show.
fn rows(a: &Analysis, t: &ChartText) -> Vec<ProductShare> {
    let mut out = Vec::new();
    for (r, name) in a.partners.rows(a.query.top).iter().zip(&t.partner_labels) {
        out.push(ProductShare {
            code: String::new(),
            label: name.clone(),
            value: r.total,
            share: r.share,
            share_permille: r.share_permille,
            is_other: r.partner.is_none(),
        });
    }
    out
}

fn panel<'a>(t: &'a ChartText, rows: &'a [ProductShare]) -> Panel<'a> {
    Panel {
        heading: &t.partners_heading,
        rows,
        flow: None,
        empty: None,
    }
}

/// The note's lines, as many as `h` holds.
fn note_lines(t: &ChartText, k: &Metrics, w: f64, h: f64, m: &dyn TextMeasure) -> Vec<String> {
    let max = (h / line_height(k.legend)).floor().max(1.0) as usize;
    t.partners_note
        .as_deref()
        .map_or_else(Vec::new, |n| wrap(n, k.legend, w, max, m))
}

/// Draws the partners' bars in `area`, or the note centred in it.
pub(super) fn partners(
    s: &mut Scene,
    a: &Analysis,
    t: &ChartText,
    k: &Metrics,
    area: Area,
    m: &dyn TextMeasure,
) {
    let rows = rows(a, t);
    if !rows.is_empty() {
        share_bars(s, &[panel(t, &rows)], t.lang, k, area, false, m);
        return;
    }
    let (w, h) = (area.right - area.left, area.bottom - area.top);
    let lines = note_lines(t, k, w, h, m);
    let lh = line_height(k.legend);
    let mut y = area.top + ((h - lines.len() as f64 * lh) / 2.0).max(0.0);
    for line in lines {
        s.primitives.push(text(
            area.left + w / 2.0,
            y,
            line,
            k.legend,
            Paint::Text,
            Align::Center,
            Baseline::Top,
        ));
        y += lh;
    }
}

/// The height the view's bars (or its note) take at `width`.
pub(super) fn natural_height(
    a: &Analysis,
    t: &ChartText,
    k: &Metrics,
    width: f64,
    m: &dyn TextMeasure,
) -> f64 {
    let w = width - 2.0 * k.pad;
    let rows = rows(a, t);
    if rows.is_empty() {
        return note_lines(t, k, w, f64::INFINITY, m).len() as f64 * line_height(k.legend);
    }
    bars_height(&[panel(t, &rows)], t.lang, k, w, false, m, false)
}
