//! What every view shares: sizes for a width, the title, the legend and the footer.

use super::text::{ellipsize, wrap};
use super::ChartText;
use crate::measure::TextMeasure;
use crate::scene::{Align, Baseline, Font, Paint, Primitive, Scene};
use crate::small::replace;

/// Sizes that change with the chart's width.
pub(super) struct Metrics {
    pub pad: f64,
    pub title: Font,
    pub legend: Font,
    pub axis: Font,
    pub footer: Font,
    pub marker_r: f64,
}

impl Metrics {
    pub fn for_width(w: f64) -> Metrics {
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

/// The height of a line of text in a font.
pub(super) fn line_height(f: Font) -> f64 {
    (f.size_px * 1.3).round()
}

/// A box in CSS pixels that a part of a view is laid out in.
#[derive(Clone, Copy, Debug)]
pub(super) struct Area {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

/// A scene of `width` × `height` with its title (and legend, when asked) and footer
/// drawn, the sizes for its width, and the area left between them for the view.
pub(super) fn frame(
    t: &ChartText,
    width: f64,
    height: f64,
    legend: bool,
    m: &dyn TextMeasure,
) -> (Scene, Metrics, Area) {
    let k = Metrics::for_width(width);
    let mut s = Scene {
        width,
        height,
        ..Scene::default()
    };
    let top = header(&mut s, t, &k, legend, m);
    // Footer, laid out from the bottom up so the view gets what is left.
    let bottom = footer(&mut s, t, &k, m);
    let area = Area {
        left: k.pad,
        top,
        right: width - k.pad,
        bottom,
    };
    (s, k, area)
}

/// Draws the title and, when asked, the legend; returns the y below them.
pub(super) fn header(
    s: &mut Scene,
    t: &ChartText,
    k: &Metrics,
    legend: bool,
    m: &dyn TextMeasure,
) -> f64 {
    let width = s.width;
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
    if !legend {
        return y + 4.0;
    }

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
    y + lh + 8.0
}

/// Draws the footer from the bottom up; returns its top.
pub(super) fn footer(s: &mut Scene, t: &ChartText, k: &Metrics, m: &dyn TextMeasure) -> f64 {
    let (width, height) = (s.width, s.height);
    let inner_w = (width - 2.0 * k.pad).max(0.0);
    let lines = footer_lines(t, k.footer, inner_w, if height < 320.0 { 2 } else { 3 }, m);
    let footer_h = lines.len() as f64 * line_height(k.footer);
    let footer_top = height - k.pad - footer_h;
    for (i, line) in lines.into_iter().enumerate() {
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
    footer_top
}

/// A balance marker: a ring in the balance's colour around the background.
pub(super) fn circle(x: f64, y: f64, r: f64) -> Primitive {
    Primitive::Circle {
        x,
        y,
        r,
        fill: Paint::Background,
        stroke: Paint::Balance,
        width: 1.5,
    }
}

/// A line of text.
pub(super) fn text(
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
        &format!(
            "{} {}",
            t.source_prefix,
            replace(&t.sources_below, "{n}", &n)
        ),
        font,
        max_w,
        budget,
        m,
    );
    // Lists longer than the lines could ever hold are not even joined: with thousands of
    // sources, joining and wrapping each shorter list would take quadratic time.
    let most = super::text::max_chars(font, max_w, budget);
    let mut chars = t.source_prefix.chars().count();
    let mut longest = 0;
    for s in &t.sources {
        chars += s.chars().count() + 2;
        if chars > most {
            break;
        }
        longest += 1;
    }
    for shown in (1..=longest.max(1)).rev() {
        let mut body = t.sources[..shown].join("; ");
        if shown < t.sources.len() {
            body = format!(
                "{body}; {}",
                replace(
                    &t.more_sources,
                    "{n}",
                    &(t.sources.len() - shown).to_string()
                )
            );
        }
        let text = format!("{} {body}", t.source_prefix);
        // One line more than the budget tells a list that does not fit.
        let wrapped = wrap(&text, font, max_w, budget.saturating_add(1), m);
        if wrapped.len() <= budget {
            best = wrapped;
            break;
        }
    }
    lines.extend(best);
    lines
}
