//! From an analysis to a [`Scene`]: positions, sizes and words, no drawing.

mod balance;
mod composition;
mod frame;
mod partners;
mod text;

pub use balance::balance_scene;
pub use composition::SIDE_BY_SIDE_MIN_PX;
pub use text::{ellipsize, wrap};

use crate::analyze::Analysis;
use crate::format::Lang;
use crate::measure::TextMeasure;
use crate::scene::{Highlight, Scene};
use frame::{frame, Area, Metrics};

/// Which chart to draw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// Exports, imports and the balance over the years.
    Balance,
    /// What one year's exports and imports were made of.
    Composition,
    /// The balance above, the selected year's composition below.
    #[default]
    Story,
    /// The focus country's largest partners in the year, as shares of its trade.
    Partners,
}

impl View {
    /// The view named `balance`, `composition`, `story` or `partners` (any case);
    /// `None` otherwise.
    pub fn from_name(name: &str) -> Option<View> {
        match name.trim().to_ascii_lowercase().as_str() {
            "balance" => Some(View::Balance),
            "composition" => Some(View::Composition),
            "story" => Some(View::Story),
            "partners" => Some(View::Partners),
            _ => None,
        }
    }

    /// The view's name, as `from_name` reads it.
    pub fn name(self) -> &'static str {
        match self {
            View::Balance => "balance",
            View::Composition => "composition",
            View::Story => "story",
            View::Partners => "partners",
        }
    }

    /// The view to show when none is asked for: the story when the data has products.
    pub fn default_for(a: &Analysis) -> View {
        if a.product_years.is_empty() {
            View::Balance
        } else {
            View::Story
        }
    }
}

/// What the reader has chosen and points at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Interaction {
    /// The year highlighted in the balance chart (the story's selected year).
    pub selected: Option<i32>,
    /// Hover and keyboard focus, drawn on top.
    pub highlight: Highlight,
}

/// Lays out `view` of an analysis with the reader's selection, hover and focus.
///
/// The hover and focus outlines are the last primitives and depend only on the hit
/// regions: `scene(.., Interaction { highlight: Highlight::default(), .. })` followed by
/// [`Scene::with_highlight`] gives the same scene, which is how a pointer move redraws
/// without laying out again.
pub fn scene(
    view: View,
    a: &Analysis,
    t: &ChartText,
    width: f64,
    height: f64,
    i: Interaction,
    m: &dyn TextMeasure,
) -> Scene {
    let s = match view {
        View::Balance => balance::balance_view(a, t, width, height, i.selected, m),
        View::Composition => composition_scene(a, t, width, height, m),
        View::Story => story_scene(a, t, width, height, m),
        View::Partners => framed(a, t, width, height, m, partners::partners),
    };
    s.with_highlight(i.highlight)
}

/// The targets a view offers before it is laid out: years with data (the balance and
/// the story), then the exports' and the imports' rows (the composition and the story),
/// or the partners' bars (the partners view). A laid-out scene may show fewer rows when
/// space is short.
pub fn focus_targets(view: View, a: &Analysis) -> Vec<crate::scene::Target> {
    use crate::analyze::Direction;
    use crate::scene::Target;
    let mut out = Vec::new();
    if matches!(view, View::Balance | View::Story) {
        out.extend(a.years.iter().map(|y| Target::Year(y.year)));
    }
    if matches!(view, View::Composition | View::Story) {
        for flow in [Direction::Exports, Direction::Imports] {
            let n = a.breakdown(flow).map_or(0, |b| b.rows.len());
            out.extend((0..n).map(|index| Target::Product { flow, index }));
        }
    }
    if view == View::Partners {
        for i in 0..a.partners.rows(a.query.top).len() {
            out.push(Target::Partner(i));
        }
    }
    out
}

/// Lays out the composition of the analysis's year.
pub fn composition_scene(
    a: &Analysis,
    t: &ChartText,
    width: f64,
    height: f64,
    m: &dyn TextMeasure,
) -> Scene {
    framed(a, t, width, height, m, composition::composition)
}

/// Draws a part of a view in an area of the scene.
type Part = fn(&mut Scene, &Analysis, &ChartText, &Metrics, Area, &dyn TextMeasure);

/// A view without a legend: the title, `part` in the middle, the footer.
fn framed(
    a: &Analysis,
    t: &ChartText,
    width: f64,
    height: f64,
    m: &dyn TextMeasure,
    part: Part,
) -> Scene {
    let (mut s, k, mut area) = frame(t, width, height, false, m);
    area.bottom -= 10.0;
    part(&mut s, a, t, &k, area, m);
    s
}

/// Gap between the balance chart and the composition in the story.
const STORY_GAP: f64 = 18.0;
/// The balance chart's share of the story: it keeps at least this much height when the
/// composition can still fit at its densest ...
const STORY_BALANCE_PREFERRED: f64 = 280.0;
/// ... and never less than this: below it the story is the balance chart alone.
const STORY_BALANCE_MIN: f64 = 150.0;

/// A height at which a view of the analysis fits comfortably at `width`: the story with
/// its composition at the roomiest and the balance chart at its preferred height.
/// For a container that can choose its height (the balance view: 10/16 of the width).
pub fn preferred_height(
    view: View,
    a: &Analysis,
    t: &ChartText,
    width: f64,
    m: &dyn TextMeasure,
) -> f64 {
    let balance = (width * 10.0 / 16.0).clamp(300.0, 560.0);
    if view == View::Balance {
        return balance;
    }
    // The frame's height, from a scene that is laid out and thrown away.
    const PROBE_H: f64 = 10_000.0;
    let (_, k, area) = frame(t, width, PROBE_H, view == View::Story, m);
    let frame_h = area.top + (PROBE_H - area.bottom);
    let body = match view {
        View::Partners => partners::natural_height(a, t, &k, width, m),
        _ => composition::natural_height(a, t, &k, width, m, false),
    } + 10.0;
    let h = match view {
        View::Story => frame_h + STORY_BALANCE_PREFERRED + STORY_GAP + body,
        _ => frame_h + body,
    };
    h.ceil()
}

/// Lays out the story: the balance chart with the analysis's year selected above, that
/// year's composition below. When the height cannot hold both, the balance chart alone.
pub fn story_scene(
    a: &Analysis,
    t: &ChartText,
    width: f64,
    height: f64,
    m: &dyn TextMeasure,
) -> Scene {
    let (mut s, k, full) = frame(t, width, height, true, m);
    let (top, bottom) = (full.top, full.bottom);
    let middle = bottom - top;
    // The composition takes what it needs at its roomiest, within limits that leave
    // the balance chart readable.
    let roomy = composition::natural_height(a, t, &k, width, m, false);
    let dense = composition::natural_height(a, t, &k, width, m, true);
    let room = middle - STORY_GAP - 10.0;
    if room - dense < STORY_BALANCE_MIN {
        balance::plot(&mut s, a, t, &k, full, Some(a.year), m);
        return s;
    }
    let comp_h = roomy
        .min(room - STORY_BALANCE_PREFERRED)
        .max(dense)
        .min(room - STORY_BALANCE_MIN);
    let split = bottom - comp_h - 10.0;
    balance::plot(
        &mut s,
        a,
        t,
        &k,
        Area {
            bottom: split - STORY_GAP,
            ..full
        },
        Some(a.year),
        m,
    );
    composition::composition(
        &mut s,
        a,
        t,
        &k,
        Area {
            top: split,
            bottom: bottom - 10.0,
            ..full
        },
        m,
    );
    s
}

/// The words a chart shows, already in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartText {
    /// Language for numbers on the axis.
    pub lang: Lang,
    /// The chart's title.
    pub title: String,
    /// Legend label for the focus country's exports.
    pub exports: String,
    /// Legend label for its imports.
    pub imports: String,
    /// Legend label for the balance.
    pub balance: String,
    /// The unit of the axis when its labels do not show it ("단위: 달러").
    pub unit: Option<String>,
    /// The record, to annotate on its year ("Largest deficit since 2019").
    pub record: Option<String>,
    /// "Source:" or "출처:".
    pub source_prefix: String,
    /// Sources as shown, most recent first ("KITA (2023)").
    pub sources: Vec<String>,
    /// What to write for sources that did not fit ("and 3 more"); `{n}` is the count.
    pub more_sources: String,
    /// What to write when no source fits by name ("{n} sources, listed under Sources").
    pub sources_below: String,
    /// A note for the footer.
    pub note: Option<String>,
    /// The comparison's headline, to annotate on its year ("Exports −90.0% since 2013").
    pub compare: Option<String>,
    /// Heading of the exports' share bars ("Exports to China, 2023: $290 million").
    pub exports_heading: String,
    /// Heading of the imports' share bars.
    pub imports_heading: String,
    /// What a flow without a product breakdown shows instead of bars.
    pub no_breakdown: String,
    /// The partners view's bars' names, one for each of the analysis's
    /// [`Partners::rows`](crate::partners::Partners::rows) ("Other" last).
    pub partner_labels: Vec<String>,
    /// Heading of the partners' bars: what their shares are of
    /// ("North Korea's total trade: $2.44 billion").
    pub partners_heading: String,
    /// The partners view's words when it has no bars: that the data holds one partner.
    pub partners_note: Option<String>,
}
