//! Static pictures of a report's chart, natively: the SVG the core writes, laid out
//! with the real font ([`crate::fonts`]), and that SVG rasterised to PNG with `resvg`.
//! The command line's `--svg` and `--png` call [`picture`] and [`Picture::png`].

use std::sync::Arc;

use crate::fonts::Fonts;
use crate::format::Lang;
use crate::layout::{Interaction, View};
use crate::scene::Scene;
use crate::svg::{to_svg_scaled, Words};
use crate::theme::Theme;
use crate::Report;

/// How big a picture is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Size {
    /// 1200 × 675 px, laid out at 600 × 337.5 CSS px: an og:image or a Twitter card.
    Social,
    /// 1080 × 1080 px, laid out at 540 × 540 CSS px.
    Square,
    /// 2400 px wide at 300 dpi (8 inches), laid out 800 CSS px wide at the view's
    /// preferred height.
    Print,
    /// A size in pixels and a scale: pixels per CSS pixel of the layout, so that
    /// `--width 1280 --scale 2` lays out at 640 CSS px with text twice as sharp.
    Custom {
        /// Pixel width; default 640 CSS px times the scale.
        width: Option<f64>,
        /// Pixel height; default the view's preferred height at the width.
        height: Option<f64>,
        /// Pixels per CSS pixel; default 1.
        scale: Option<f64>,
    },
}

impl Size {
    /// `social`, `square` or `print` (any case); `None` for anything else.
    pub fn from_name(name: &str) -> Option<Size> {
        match name.trim().to_ascii_lowercase().as_str() {
            "social" => Some(Size::Social),
            "square" => Some(Size::Square),
            "print" => Some(Size::Print),
            _ => None,
        }
    }
}

/// The largest picture made, in pixels a side: beyond it a typo, not a chart.
pub const MAX_SIDE_PX: f64 = 16_000.0;

/// Why no picture was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PictureError(pub String);

impl std::fmt::Display for PictureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PictureError {}

/// A laid-out chart and its SVG, with the pixel size to rasterise it at.
#[derive(Clone, Debug)]
pub struct Picture {
    /// The layout, in CSS pixels.
    pub scene: Scene,
    /// The SVG: `width`/`height` the pixel size, `viewBox` the CSS size.
    pub svg: String,
    /// Pixel width.
    pub width_px: u32,
    /// Pixel height.
    pub height_px: u32,
    /// Resolution to record in the PNG (`print`: 300 dpi).
    pub dpi: Option<f64>,
}

/// Lays out `report`'s view for `size` with the fonts' measure and writes its SVG in
/// `theme`'s colours and the fonts' family. The story and the composition mark the
/// selected year, as the element does; the balance view marks one only when asked for.
pub fn picture(
    report: &Report,
    theme: &Theme,
    size: Size,
    fonts: &Fonts,
) -> Result<Picture, PictureError> {
    let report = &standalone(report);
    let measure = fonts.measure();
    let preferred = |css_w: f64| {
        crate::layout::preferred_height(
            report.view,
            &report.analysis,
            &report.chart_text,
            css_w,
            &measure,
        )
    };
    let (css_w, css_h, scale, dpi) = match size {
        Size::Social => (600.0, 337.5, 2.0, None),
        Size::Square => (540.0, 540.0, 2.0, None),
        Size::Print => (800.0, preferred(800.0), 3.0, Some(300.0)),
        Size::Custom {
            width,
            height,
            scale,
        } => {
            let scale = scale.unwrap_or(1.0);
            if !(scale.is_finite() && (0.1..=10.0).contains(&scale)) {
                return Err(PictureError(format!(
                    "scale {scale} is not between 0.1 and 10"
                )));
            }
            for (name, v) in [("width", width), ("height", height)] {
                if let Some(v) = v {
                    if !(v.is_finite() && (16.0..=MAX_SIDE_PX).contains(&v)) {
                        return Err(PictureError(format!(
                            "{name} {v} is not between 16 and {MAX_SIDE_PX} pixels"
                        )));
                    }
                }
            }
            let css_w = width.map_or(640.0, |w| w / scale);
            let css_h = height.map_or_else(|| preferred(css_w), |h| h / scale);
            (css_w, css_h, scale, None)
        }
    };
    let (width_px, height_px) = ((css_w * scale).round(), (css_h * scale).round());
    if width_px < 1.0 || height_px < 1.0 || width_px > MAX_SIDE_PX || height_px > MAX_SIDE_PX {
        return Err(PictureError(format!(
            "a picture of {width_px} × {height_px} pixels is not between 1 and {MAX_SIDE_PX} a side"
        )));
    }
    let selected = match report.view {
        View::Balance => report.analysis.query.year,
        _ => Some(report.analysis.year),
    };
    let interaction = Interaction {
        selected,
        highlight: Default::default(),
    };
    let scene = crate::view_scene(report, interaction, css_w, css_h, &measure);
    let theme = theme.clone().with_font(&fonts.family_stack());
    let description = report.sentences.join(" ");
    let words = Words {
        title: &report.chart_text.title,
        description: &description,
        lang: report.chart_text.lang,
    };
    let svg = to_svg_scaled(&scene, &theme, &words, scale);
    Ok(Picture {
        scene,
        svg,
        width_px: width_px as u32,
        height_px: height_px as u32,
        dpi,
    })
}

/// The report with a footer for a picture on its own: it has no "Sources" section to
/// point to, so the sources that do not fit are only counted ("and 12 more").
fn standalone(report: &Report) -> Report {
    let mut r = report.clone();
    let (more, below) = match r.chart_text.lang {
        Lang::En => ("and {n} more", "{n} sources"),
        Lang::Ko => ("외 {n}건", "{n}건"),
    };
    r.chart_text.more_sources = more.into();
    r.chart_text.sources_below = below.into();
    r
}

impl Picture {
    /// The picture as PNG, drawn by `resvg` with the fonts (else the system's fonts),
    /// with its resolution recorded when it has one.
    pub fn png(&self, fonts: &Fonts) -> Result<Vec<u8>, PictureError> {
        let mut db = resvg::usvg::fontdb::Database::new();
        for file in [&fonts.regular, &fonts.bold].into_iter().flatten() {
            db.load_font_source(resvg::usvg::fontdb::Source::Binary(file.data.clone()));
        }
        match &fonts.regular {
            Some(r) => db.set_sans_serif_family(r.family.clone()),
            None => db.load_system_fonts(),
        }
        if db.is_empty() {
            return Err(PictureError(
                "no font to draw text with: install Noto Sans CJK (Debian: fonts-noto-cjk) \
                 or set TRADEGAP_FONT to a font file"
                    .into(),
            ));
        }
        let options = resvg::usvg::Options {
            fontdb: Arc::new(db),
            font_family: fonts
                .regular
                .as_ref()
                .map_or_else(|| "sans-serif".into(), |r| r.family.clone()),
            // The SVG has no images; should one ever appear, nothing is fetched or read.
            image_href_resolver: resvg::usvg::ImageHrefResolver {
                resolve_data: Box::new(|_, _, _| None),
                resolve_string: Box::new(|_, _| None),
            },
            ..Default::default()
        };
        let tree = resvg::usvg::Tree::from_str(&self.svg, &options)
            .map_err(|e| PictureError(format!("the SVG could not be read back: {e}")))?;
        let mut pixmap = resvg::tiny_skia::Pixmap::new(self.width_px, self.height_px)
            .ok_or_else(|| PictureError("the picture is too large to draw".into()))?;
        let size = tree.size();
        let transform = resvg::tiny_skia::Transform::from_scale(
            self.width_px as f32 / size.width(),
            self.height_px as f32 / size.height(),
        );
        resvg::render(&tree, transform, &mut pixmap.as_mut());
        // tiny-skia keeps premultiplied alpha; PNG wants it straight.
        let mut rgba = Vec::with_capacity(pixmap.data().len());
        for p in pixmap.pixels() {
            let c = p.demultiply();
            rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
        }
        encode_png(&rgba, self.width_px, self.height_px, self.dpi)
    }
}

fn encode_png(rgba: &[u8], w: u32, h: u32, dpi: Option<f64>) -> Result<Vec<u8>, PictureError> {
    let fail = |e: png::EncodingError| PictureError(format!("the PNG could not be written: {e}"));
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Best);
        if let Some(dpi) = dpi {
            // pHYs counts pixels per metre: 300 dpi is 11811.
            let ppm = (dpi / 0.0254).round() as u32;
            enc.set_pixel_dims(Some(png::PixelDimensions {
                xppu: ppm,
                yppu: ppm,
                unit: png::Unit::Meter,
            }));
        }
        let mut writer = enc.write_header().map_err(fail)?;
        writer.write_image_data(rgba).map_err(fail)?;
        writer.finish().map_err(fail)?;
    }
    Ok(out)
}
