//! The display list: what to draw, in CSS pixels (y down), with colours named by
//! role so that the renderer applies the theme. Nothing here touches a canvas.

use std::fmt::Write;

pub use crate::analyze::Direction;

/// A colour by its role; the theme decides the actual colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paint {
    /// Exports bars and swatches.
    Exports,
    /// Imports bars and swatches.
    Imports,
    /// The balance line and markers.
    Balance,
    /// Titles and labels.
    Text,
    /// Secondary text: axis labels, footer.
    Muted,
    /// Grid lines.
    Grid,
    /// The zero line.
    Axis,
    /// The chart's background (used for marker fills and halos).
    Background,
    /// The band behind the selected year: quiet, behind everything.
    Highlight,
    /// The keyboard focus ring: must stand out from everything it surrounds.
    Focus,
}

/// A font: size in CSS pixels and weight; the family comes from the theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Font {
    /// Size in CSS pixels.
    pub size_px: f64,
    /// Bold or regular.
    pub bold: bool,
}

impl Font {
    /// A regular font of a size.
    pub const fn regular(size_px: f64) -> Font {
        Font {
            size_px,
            bold: false,
        }
    }
    /// A bold font of a size.
    pub const fn bold(size_px: f64) -> Font {
        Font {
            size_px,
            bold: true,
        }
    }
}

/// Horizontal anchoring of text at its x.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Text starts at x.
    Left,
    /// Text is centred on x.
    Center,
    /// Text ends at x.
    Right,
}

/// Vertical anchoring of text at its y.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Baseline {
    /// y is the top of the text.
    Top,
    /// y is the middle of the text.
    Middle,
    /// y is the alphabetic baseline.
    Alphabetic,
}

/// One thing to draw. Positions and sizes are CSS pixels, widths are line widths.
#[allow(missing_docs)] // The fields' names say all there is.
#[derive(Clone, Debug, PartialEq)]
pub enum Primitive {
    /// A filled rectangle.
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: Paint,
    },
    /// A straight line.
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: Paint,
        width: f64,
    },
    /// The outline of a rectangle, the line centred on its edges.
    StrokeRect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        stroke: Paint,
        width: f64,
    },
    /// Connected line segments.
    Polyline {
        points: Vec<(f64, f64)>,
        stroke: Paint,
        width: f64,
    },
    /// A filled, outlined circle.
    Circle {
        x: f64,
        y: f64,
        r: f64,
        fill: Paint,
        stroke: Paint,
        width: f64,
    },
    /// A line of text.
    Text {
        x: f64,
        y: f64,
        text: String,
        font: Font,
        fill: Paint,
        align: Align,
        baseline: Baseline,
    },
}

/// What a region of the chart stands for, for pointer and keyboard input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A year's column in the balance chart.
    Year(i32),
    /// A product's bar in the composition: its row in the breakdown of one flow.
    Product {
        /// Exports or imports.
        flow: Direction,
        /// Index into the breakdown's rows ("Other" is the last).
        index: usize,
    },
    /// A partner's bar in the partners view: its index into
    /// [`Partners::rows`](crate::partners::Partners::rows) ("Other" is the last).
    Partner(usize),
}

/// What to draw on top of a laid-out scene: the pointer's and the keyboard's targets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Highlight {
    /// Under the pointer: outlined thinly.
    pub hover: Option<Target>,
    /// Under the keyboard focus: a ring that stands out.
    pub focus: Option<Target>,
}

/// A rectangle that answers to the pointer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HitRegion {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// What it stands for.
    pub target: Target,
}

/// A whole frame: size, shapes in painting order, and hit regions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
    /// Shapes, first painted first.
    pub primitives: Vec<Primitive>,
    /// Regions for hit-testing, in no particular order.
    pub hits: Vec<HitRegion>,
}

fn n(v: f64) -> String {
    let s = format!("{:.3}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

/// Width of the focus ring, CSS pixels.
pub const FOCUS_RING_PX: f64 = 2.0;

impl Scene {
    /// The target under a point, if any.
    pub fn hit(&self, x: f64, y: f64) -> Option<Target> {
        self.hits
            .iter()
            .find(|h| x >= h.x && x < h.x + h.w && y >= h.y && y < h.y + h.h)
            .map(|h| h.target)
    }

    /// The hit region of a target, if the scene shows it.
    pub fn region(&self, target: Target) -> Option<&HitRegion> {
        self.hits.iter().find(|h| h.target == target)
    }

    /// The outlines that show hover and focus, to paint after the scene's own
    /// primitives. They depend only on the hit regions, so a pointer move can reuse
    /// a laid-out scene and replace just these.
    pub fn highlight_primitives(&self, h: Highlight) -> Vec<Primitive> {
        let mut out = Vec::new();
        // Inset so that the outline stays inside the region, and so inside the frame.
        let outline =
            |r: &HitRegion, inset: f64, stroke: Paint, width: f64| Primitive::StrokeRect {
                x: r.x + inset,
                y: r.y + inset,
                w: (r.w - 2.0 * inset).max(0.0),
                h: (r.h - 2.0 * inset).max(0.0),
                stroke,
                width,
            };
        // Under the focus ring a hover outline would only blur it.
        if let Some(r) = h
            .hover
            .filter(|t| h.focus != Some(*t))
            .and_then(|t| self.region(t))
        {
            out.push(outline(r, 0.5, Paint::Muted, 1.0));
        }
        if let Some(r) = h.focus.and_then(|t| self.region(t)) {
            out.push(outline(r, FOCUS_RING_PX / 2.0, Paint::Focus, FOCUS_RING_PX));
        }
        out
    }

    /// The scene with hover and focus drawn on top.
    pub fn with_highlight(mut self, h: Highlight) -> Scene {
        let extra = self.highlight_primitives(h);
        self.primitives.extend(extra);
        self
    }

    /// One line per primitive and hit region, numbers to three decimals: the golden-test form.
    pub fn to_text(&self) -> String {
        let mut out = format!("scene {} {}\n", n(self.width), n(self.height));
        for p in &self.primitives {
            let _ = match p {
                Primitive::Rect { x, y, w, h, fill } => {
                    writeln!(out, "rect {} {} {} {} {fill:?}", n(*x), n(*y), n(*w), n(*h))
                }
                Primitive::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    stroke,
                    width,
                } => writeln!(
                    out,
                    "line {} {} {} {} {stroke:?} {}",
                    n(*x1),
                    n(*y1),
                    n(*x2),
                    n(*y2),
                    n(*width)
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
                    "strokerect {} {} {} {} {stroke:?} {}",
                    n(*x),
                    n(*y),
                    n(*w),
                    n(*h),
                    n(*width)
                ),
                Primitive::Polyline {
                    points,
                    stroke,
                    width,
                } => {
                    let pts: Vec<String> = points
                        .iter()
                        .map(|(x, y)| format!("{},{}", n(*x), n(*y)))
                        .collect();
                    writeln!(out, "polyline {stroke:?} {} {}", n(*width), pts.join(" "))
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
                    "circle {} {} {} {fill:?} {stroke:?} {}",
                    n(*x),
                    n(*y),
                    n(*r),
                    n(*width)
                ),
                Primitive::Text {
                    x,
                    y,
                    text,
                    font,
                    fill,
                    align,
                    baseline,
                } => writeln!(
                    out,
                    "text {} {} {}{} {fill:?} {align:?} {baseline:?} {text:?}",
                    n(*x),
                    n(*y),
                    n(font.size_px),
                    if font.bold { "b" } else { "" }
                ),
            };
        }
        for h in &self.hits {
            let _ = writeln!(
                out,
                "hit {} {} {} {} {:?}",
                n(h.x),
                n(h.y),
                n(h.w),
                n(h.h),
                h.target
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hit_testing_finds_the_region_under_the_point() {
        let scene = Scene {
            hits: vec![
                HitRegion {
                    x: 0.0,
                    y: 0.0,
                    w: 10.0,
                    h: 10.0,
                    target: Target::Year(2022),
                },
                HitRegion {
                    x: 10.0,
                    y: 0.0,
                    w: 10.0,
                    h: 10.0,
                    target: Target::Year(2023),
                },
            ],
            ..Scene::default()
        };
        assert_eq!(scene.hit(9.99, 5.0), Some(Target::Year(2022)));
        assert_eq!(scene.hit(10.0, 5.0), Some(Target::Year(2023)));
        assert_eq!(scene.hit(25.0, 5.0), None);
        assert_eq!(scene.hit(5.0, -1.0), None);
    }

    #[test]
    fn text_form_rounds_to_three_decimals() {
        assert_eq!(n(1.23456), "1.235");
        assert_eq!(n(-0.0001), "0");
        assert_eq!(n(12.0), "12");
    }
}
