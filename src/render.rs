//! Replays a [`Scene`] on a canvas: the only code that draws.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::measure::TextMeasure;
use crate::scene::{Align, Baseline, Font, Paint, Primitive, Scene};

// The colours live in `crate::theme`, shared with the SVG renderer; `web` imports
// `Theme` from here.
pub use crate::theme::Theme;

fn css_font(f: Font, family: &str) -> String {
    // Tenths of a pixel are plenty, and integer printing keeps float formatting out of the wasm.
    let tenths = (f.size_px * 10.0).round() as u32;
    let weight = if f.bold { "bold " } else { "" };
    format!("{weight}{}.{}px {family}", tenths / 10, tenths % 10)
}

/// Widths already measured in one font family, kept across layouts: wrapping and
/// fitting measure the same strings many times, and each `measureText` crosses into
/// JavaScript. Sorted by key for a binary search: a `HashMap` would bring its own
/// kilobytes of code into the WebAssembly.
#[derive(Default)]
pub struct MeasureCache {
    family: String,
    widths: Vec<((u32, bool, String), f64)>,
}

impl MeasureCache {
    /// Entries kept at most; past this the cache starts again (resizes add new strings).
    /// Each new entry moves the later ones up, so this also bounds that cost.
    const MAX: usize = 8_000;
}

/// Measures text with the canvas's own `measureText`, so layout matches drawing.
pub struct CanvasMeasure<'a> {
    ctx: &'a CanvasRenderingContext2d,
    family: &'a str,
    font: RefCell<Option<Font>>,
    cache: &'a RefCell<MeasureCache>,
}

impl<'a> CanvasMeasure<'a> {
    pub fn new(
        ctx: &'a CanvasRenderingContext2d,
        family: &'a str,
        cache: &'a RefCell<MeasureCache>,
    ) -> Self {
        {
            let mut c = cache.borrow_mut();
            if c.family != family || c.widths.len() > MeasureCache::MAX {
                c.family = family.to_string();
                c.widths.clear();
            }
        }
        CanvasMeasure {
            ctx,
            family,
            font: RefCell::new(None),
            cache,
        }
    }
}

impl TextMeasure for CanvasMeasure<'_> {
    fn width(&self, text: &str, font: Font) -> f64 {
        let key = (
            (font.size_px * 100.0).round() as u32,
            font.bold,
            text.to_string(),
        );
        let at = self
            .cache
            .borrow()
            .widths
            .binary_search_by(|(k, _)| k.cmp(&key));
        let at = match at {
            Ok(i) => return self.cache.borrow().widths.get(i).map_or(0.0, |e| e.1),
            Err(i) => i,
        };
        if *self.font.borrow() != Some(font) {
            self.ctx.set_font(&css_font(font, self.family));
            *self.font.borrow_mut() = Some(font);
        }
        let w = self
            .ctx
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or(0.0);
        self.cache.borrow_mut().widths.insert(at, (key, w));
        w
    }
}

/// Context state already set, so that unchanged setters are skipped.
#[derive(Default)]
struct State {
    fill: Option<Paint>,
    stroke: Option<Paint>,
    line_width: Option<f64>,
    font: Option<Font>,
    align: Option<Align>,
    baseline: Option<Baseline>,
}

/// Sizes the canvas's backing store for `dpr` and draws the scene, then `extra` on
/// top (hover and focus outlines, so that a cached scene need not be copied).
pub fn replay(
    canvas: &HtmlCanvasElement,
    ctx: &CanvasRenderingContext2d,
    scene: &Scene,
    extra: &[Primitive],
    dpr: f64,
    theme: &Theme,
) -> Result<(), JsValue> {
    let dpr = if dpr.is_finite() && dpr > 0.0 {
        dpr
    } else {
        1.0
    };
    let (w, h) = (
        (scene.width * dpr).round() as u32,
        (scene.height * dpr).round() as u32,
    );
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0)?;
    ctx.set_fill_style_str(&theme.background);
    ctx.fill_rect(0.0, 0.0, scene.width, scene.height);
    ctx.set_line_join("round");
    ctx.set_line_cap("butt");

    // A thin straight line centred on a device pixel is sharp, not a 2 px blur.
    let snap = |v: f64, width: f64| {
        let px = (width * dpr).round().max(1.0);
        if px as i64 % 2 == 1 {
            ((v * dpr).floor() + 0.5) / dpr
        } else {
            (v * dpr).round() / dpr
        }
    };

    let mut st = State::default();
    for p in scene.primitives.iter().chain(extra) {
        match p {
            Primitive::Rect { x, y, w, h, fill } => {
                set_fill(ctx, &mut st, *fill, theme);
                // Snap edges to device pixels so neighbouring bars do not blur together.
                let (x0, y0) = ((x * dpr).round() / dpr, (y * dpr).round() / dpr);
                let (x1, y1) = (((x + w) * dpr).round() / dpr, ((y + h) * dpr).round() / dpr);
                ctx.fill_rect(x0, y0, (x1 - x0).max(1.0 / dpr), y1 - y0);
            }
            Primitive::Line {
                x1,
                y1,
                x2,
                y2,
                stroke,
                width,
            } => {
                set_stroke(ctx, &mut st, *stroke, *width, theme);
                let (mut a, mut b, mut c, mut d) = (*x1, *y1, *x2, *y2);
                if b == d {
                    b = snap(b, *width);
                    d = b;
                }
                if a == c {
                    a = snap(a, *width);
                    c = a;
                }
                ctx.begin_path();
                ctx.move_to(a, b);
                ctx.line_to(c, d);
                ctx.stroke();
            }
            Primitive::StrokeRect {
                x,
                y,
                w,
                h,
                stroke,
                width,
            } => {
                set_stroke(ctx, &mut st, *stroke, *width, theme);
                // Edges on device pixels, as for lines, so that a 1 px outline is sharp.
                let (x0, y0) = (snap(*x, *width), snap(*y, *width));
                let (x1, y1) = (snap(x + w, *width), snap(y + h, *width));
                ctx.stroke_rect(x0, y0, x1 - x0, y1 - y0);
            }
            Primitive::Polyline {
                points,
                stroke,
                width,
            } => {
                set_stroke(ctx, &mut st, *stroke, *width, theme);
                ctx.begin_path();
                for (i, (x, y)) in points.iter().enumerate() {
                    if i == 0 {
                        ctx.move_to(*x, *y);
                    } else {
                        ctx.line_to(*x, *y);
                    }
                }
                ctx.stroke();
            }
            Primitive::Circle {
                x,
                y,
                r,
                fill,
                stroke,
                width,
            } => {
                set_fill(ctx, &mut st, *fill, theme);
                set_stroke(ctx, &mut st, *stroke, *width, theme);
                ctx.begin_path();
                ctx.arc(*x, *y, *r, 0.0, std::f64::consts::TAU)?;
                ctx.fill();
                ctx.stroke();
            }
            Primitive::Text {
                x,
                y,
                text,
                font,
                fill,
                align,
                baseline,
            } => {
                set_fill(ctx, &mut st, *fill, theme);
                if st.font != Some(*font) {
                    ctx.set_font(&css_font(*font, &theme.font_family));
                    st.font = Some(*font);
                }
                if st.align != Some(*align) {
                    ctx.set_text_align(match align {
                        Align::Left => "left",
                        Align::Center => "center",
                        Align::Right => "right",
                    });
                    st.align = Some(*align);
                }
                if st.baseline != Some(*baseline) {
                    ctx.set_text_baseline(match baseline {
                        Baseline::Top => "top",
                        Baseline::Middle => "middle",
                        Baseline::Alphabetic => "alphabetic",
                    });
                    st.baseline = Some(*baseline);
                }
                ctx.fill_text(text, *x, *y)?;
            }
        }
    }
    Ok(())
}

fn set_fill(ctx: &CanvasRenderingContext2d, st: &mut State, p: Paint, theme: &Theme) {
    if st.fill != Some(p) {
        ctx.set_fill_style_str(theme.paint(p));
        st.fill = Some(p);
    }
}

fn set_stroke(ctx: &CanvasRenderingContext2d, st: &mut State, p: Paint, width: f64, theme: &Theme) {
    if st.stroke != Some(p) {
        ctx.set_stroke_style_str(theme.paint(p));
        st.stroke = Some(p);
    }
    if st.line_width != Some(width) {
        ctx.set_line_width(width);
        st.line_width = Some(width);
    }
}
