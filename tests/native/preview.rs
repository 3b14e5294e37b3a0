//! Writes SVG previews of scenes to tests/out/preview/ (only with PREVIEW=1): for eyes, not asserts.

use tradegap::scene::{Align, Baseline, Paint, Primitive, Scene};
use tradegap::theme::Theme;

fn colour(p: Paint) -> String {
    Theme::light().paint(p).to_string()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The scene as SVG, the way the canvas renderer draws it.
pub fn to_svg(s: &Scene) -> String {
    let mut out = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' width='{}' height='{}' font-family='DejaVu Sans, sans-serif'><rect width='100%' height='100%' fill='#fff'/>\n",
        s.width, s.height
    );
    for p in &s.primitives {
        out += &match p {
            Primitive::Rect { x, y, w, h, fill } => format!("<rect x='{x}' y='{y}' width='{w}' height='{h}' fill='{}'/>\n", colour(*fill)),
            Primitive::StrokeRect { x, y, w, h, stroke, width } => format!("<rect x='{x}' y='{y}' width='{w}' height='{h}' fill='none' stroke='{}' stroke-width='{width}'/>\n", colour(*stroke)),
            Primitive::Line { x1, y1, x2, y2, stroke, width } => format!("<line x1='{x1}' y1='{y1}' x2='{x2}' y2='{y2}' stroke='{}' stroke-width='{width}'/>\n", colour(*stroke)),
            Primitive::Polyline { points, stroke, width } => {
                let pts: Vec<String> = points.iter().map(|(x, y)| format!("{x},{y}")).collect();
                format!("<polyline points='{}' fill='none' stroke='{}' stroke-width='{width}'/>\n", pts.join(" "), colour(*stroke))
            }
            Primitive::Circle { x, y, r, fill, stroke, width } => format!("<circle cx='{x}' cy='{y}' r='{r}' fill='{}' stroke='{}' stroke-width='{width}'/>\n", colour(*fill), colour(*stroke)),
            Primitive::Text { x, y, text, font, fill, align, baseline } => {
                let anchor = match align { Align::Left => "start", Align::Center => "middle", Align::Right => "end" };
                let base = match baseline { Baseline::Top => "text-before-edge", Baseline::Middle => "middle", Baseline::Alphabetic => "alphabetic" };
                format!("<text x='{x}' y='{y}' font-size='{}' font-weight='{}' fill='{}' text-anchor='{anchor}' dominant-baseline='{base}'>{}</text>\n", font.size_px, if font.bold { "bold" } else { "normal" }, colour(*fill), esc(text))
            }
        };
    }
    for h in &s.hits {
        out += &format!("<rect x='{}' y='{}' width='{}' height='{}' fill='none' stroke='magenta' stroke-width='0.3' stroke-dasharray='2 2' opacity='0.5'/>\n", h.x, h.y, h.w, h.h);
    }
    out + "</svg>\n"
}
