//! Writes a [`Scene`] as SVG: the same display list the canvas replays, as a picture
//! that needs no script. Text stays text (selectable, searchable, editable in a
//! drawing program), every string is escaped, and nothing refers outside the file:
//! no scripts, no event attributes, no links, no external fonts or images, so the
//! file is safe to serve and to embed.

use std::fmt::Write;

use crate::format::Lang;
use crate::scene::{Align, Baseline, Font, Primitive, Scene};
use crate::theme::Theme;

/// The words that name and describe the picture for assistive technology and search:
/// `<title>` and `<desc>`.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    /// The chart's title.
    pub title: &'a str,
    /// What it shows, in sentences.
    pub description: &'a str,
    /// Their language, for the `lang` attribute.
    pub lang: Lang,
}

/// Where the alphabetic baseline sits below the top of the em box, and below its
/// middle, in ems. The canvas places `top` and `middle` text by the em box; SVG's
/// `dominant-baseline` would say the same, but drawing programs and rasterisers read
/// it differently, so every text is written on its alphabetic baseline instead. 0.8
/// is the em box's ascent in the common sans-serifs (Noto Sans CJK 1160/1448, DejaVu
/// Sans 928/1164, Arial 1854/2288).
const TOP_TO_BASELINE_EM: f64 = 0.8;
const MIDDLE_TO_BASELINE_EM: f64 = TOP_TO_BASELINE_EM - 0.5;

/// The scene as a standalone SVG document in `theme`'s colours and font family, with
/// `words` as its title and description. The `viewBox` is the scene's size in CSS
/// pixels, and so are `width` and `height`: the picture is the chart at 1×.
pub fn to_svg(scene: &Scene, theme: &Theme, words: &Words) -> String {
    to_svg_scaled(scene, theme, words, 1.0)
}

/// The same with `width` and `height` `scale` times the scene's size (the viewBox stays
/// in CSS pixels): a picture meant for 1200 px laid out at 600 CSS px has scale 2.
pub fn to_svg_scaled(scene: &Scene, theme: &Theme, words: &Words, scale: f64) -> String {
    let (w, h) = (num(scene.width), num(scene.height));
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    };
    let (pw, ph) = (num(scene.width * scale), num(scene.height * scale));
    let lang = match words.lang {
        Lang::En => "en",
        Lang::Ko => "ko",
    };
    let mut out = String::with_capacity(256 + 96 * scene.primitives.len());
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pw}\" height=\"{ph}\" \
         viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"tradegap-title tradegap-desc\" \
         lang=\"{lang}\" font-family=\"{}\">",
        escape(&theme.font_family)
    );
    let _ = writeln!(
        out,
        "<title id=\"tradegap-title\">{}</title>",
        escape(words.title)
    );
    let _ = writeln!(
        out,
        "<desc id=\"tradegap-desc\">{}</desc>",
        escape(words.description)
    );
    // The canvas clears to the background before it draws; so does the picture.
    let _ = writeln!(
        out,
        "<rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>",
        escape(&theme.background)
    );
    for p in &scene.primitives {
        primitive(&mut out, p, theme);
    }
    out.push_str("</svg>\n");
    out
}

/// The SVG of a report's scene: titled by the chart's title, described by its
/// sentences, as the element's canvas is.
pub fn report_svg(report: &crate::Report, scene: &Scene, theme: &Theme) -> String {
    let description = report.sentences.join(" ");
    to_svg(
        scene,
        theme,
        &Words {
            title: &report.chart_text.title,
            description: &description,
            lang: report.chart_text.lang,
        },
    )
}

fn primitive(out: &mut String, p: &Primitive, theme: &Theme) {
    let colour = |paint| escape(theme.paint(paint));
    let _ = match p {
        Primitive::Rect { x, y, w, h, fill } => writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
            num(*x),
            num(*y),
            num(w.max(0.0)),
            num(h.max(0.0)),
            colour(*fill)
        ),
        Primitive::Line {
            x1,
            y1,
            x2,
            y2,
            stroke,
            width,
        } => writeln!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            num(*x1),
            num(*y1),
            num(*x2),
            num(*y2),
            colour(*stroke),
            num(*width)
        ),
        Primitive::StrokeRect {
            x,
            y,
            w,
            h,
            stroke,
            width,
        } => writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{}\" \
             stroke-width=\"{}\"/>",
            num(*x),
            num(*y),
            num(w.max(0.0)),
            num(h.max(0.0)),
            colour(*stroke),
            num(*width)
        ),
        Primitive::Polyline {
            points,
            stroke,
            width,
        } => {
            let mut pts = String::with_capacity(points.len() * 16);
            for (i, (x, y)) in points.iter().enumerate() {
                if i > 0 {
                    pts.push(' ');
                }
                pts.push_str(&num(*x));
                pts.push(',');
                pts.push_str(&num(*y));
            }
            // The canvas joins segments with round joins and butt caps.
            writeln!(
                out,
                "<polyline points=\"{pts}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" \
                 stroke-linejoin=\"round\"/>",
                colour(*stroke),
                num(*width)
            )
        }
        Primitive::Circle {
            x,
            y,
            r,
            fill,
            stroke,
            width,
        } => writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            num(*x),
            num(*y),
            num(r.max(0.0)),
            colour(*fill),
            colour(*stroke),
            num(*width)
        ),
        Primitive::Text {
            x,
            y,
            text,
            font,
            fill,
            align,
            baseline,
        } => {
            let anchor = match align {
                Align::Left => "",
                Align::Center => " text-anchor=\"middle\"",
                Align::Right => " text-anchor=\"end\"",
            };
            let y = y + baseline_shift(*baseline, *font);
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{}{anchor} fill=\"{}\">{}</text>",
                num(*x),
                num(y),
                num(font.size_px),
                if font.bold {
                    " font-weight=\"bold\""
                } else {
                    ""
                },
                colour(*fill),
                escape(text)
            )
        }
    };
}

/// How far below the scene's `y` the alphabetic baseline of a text is.
fn baseline_shift(baseline: Baseline, font: Font) -> f64 {
    match baseline {
        Baseline::Top => TOP_TO_BASELINE_EM * font.size_px,
        Baseline::Middle => MIDDLE_TO_BASELINE_EM * font.size_px,
        Baseline::Alphabetic => 0.0,
    }
}

/// A number to a thousandth of a pixel, without a trailing `.0` or `-0`. Integer
/// arithmetic only: float formatting would add kilobytes to the WebAssembly.
fn num(v: f64) -> String {
    let t = if v.is_finite() {
        (v * 1000.0).round() as i64
    } else {
        0
    };
    let (sign, t) = if t < 0 { ("-", -t) } else { ("", t) };
    let (whole, frac) = (t / 1000, t % 1000);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{frac:03}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// Text for XML content and double-quoted attributes (apostrophes stay as they are:
/// every attribute here is in double quotes). Characters that XML 1.0 does not allow
/// at all (most control characters) become U+FFFD, so that the file always parses.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::Paint;

    #[test]
    fn numbers_are_short_and_exact_to_a_thousandth() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(1.23456), "1.235");
        assert_eq!(num(-0.0001), "0");
        assert_eq!(num(-2.5), "-2.5");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(f64::NAN), "0");
    }

    #[test]
    fn markup_and_control_characters_are_escaped() {
        assert_eq!(
            escape("<img src=x onerror=\"alert(1)\"> ]]> & '\u{0}"),
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; ]]&gt; &amp; '\u{FFFD}"
        );
    }

    #[test]
    fn text_is_written_on_its_alphabetic_baseline() {
        let scene = Scene {
            width: 100.0,
            height: 50.0,
            primitives: vec![Primitive::Text {
                x: 50.0,
                y: 10.0,
                text: "A & B".into(),
                font: Font::bold(10.0),
                fill: Paint::Text,
                align: Align::Center,
                baseline: Baseline::Top,
            }],
            hits: vec![],
        };
        let svg = to_svg(
            &scene,
            &Theme::light(),
            &Words {
                title: "T",
                description: "D",
                lang: Lang::En,
            },
        );
        assert!(
            svg.contains(
                "<text x=\"50\" y=\"18\" font-size=\"10\" font-weight=\"bold\" \
                 text-anchor=\"middle\" fill=\"#1a1a1a\">A &amp; B</text>"
            ),
            "{svg}"
        );
        assert!(svg.contains("viewBox=\"0 0 100 50\""), "{svg}");
    }
}
