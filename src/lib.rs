//! tradegap: trade-balance charts for news stories.
//!
//! Text (CSV or JSON) is parsed into a [`model::Dataset`], analysed for one focus
//! country and partner ([`analyze`]), told in sentences ([`narrate`]), laid out as a
//! display list ([`layout`], [`scene`]) and, in the browser, replayed on a canvas.
//! Everything but the last step is plain Rust that runs natively.
#![warn(missing_docs)]

pub mod analyze;
#[cfg(feature = "bench")]
pub mod bench_aggregate;
#[cfg(feature = "claims")]
pub mod claims;
pub mod countries;
pub mod decimal;
pub mod error;
#[cfg(not(target_arch = "wasm32"))]
pub mod fonts;
pub mod format;
pub mod hs;
pub mod inspect;
pub mod layout;
pub mod measure;
pub mod model;
pub mod names;
pub mod narrate;
pub mod native;
pub mod options;
pub mod output;
pub mod parse;
pub mod partners;
#[cfg(not(target_arch = "wasm32"))]
pub mod picture;
pub mod reconcile;
pub mod rollup;
pub mod scene;
pub mod shares;
pub mod small;
pub mod svg;
pub mod theme;
pub mod ticks;

#[cfg(target_arch = "wasm32")]
mod render;
#[cfg(target_arch = "wasm32")]
pub mod web;

use analyze::{Analysis, Query};
use error::Error;
use format::Lang;
use layout::{ChartText, Interaction, View};
use measure::TextMeasure;
use model::Dataset;
use names::NameOverrides;
use narrate::{Description, Narrator};
use parse::Format;
use scene::{Scene, Target};

/// Everything a caller can ask for.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Focus, partner, year, top N, preferred sources.
    pub query: Query,
    /// How to read the text.
    pub format: Format,
    /// Language of sentences and labels.
    pub lang: Lang,
    /// Country names to use instead of the built-in ones.
    pub names: NameOverrides,
    /// A title instead of the generated one.
    pub title: Option<String>,
    /// A note for the chart's footer.
    pub note: Option<String>,
    /// The view to draw; `None`: the story when the data has products, else the balance.
    pub view: Option<View>,
    /// A credit line that replaces the list of sources in the chart's footer.
    pub source: Option<String>,
    /// Names for product codes that the data gives without one (the HS table).
    pub labels: hs::ProductLabels,
}

impl Options {
    /// Options for a focus and a partner, everything else by default.
    pub fn new(query: Query) -> Self {
        Options {
            query,
            format: Format::Auto,
            lang: Lang::En,
            names: NameOverrides::default(),
            title: None,
            note: None,
            view: None,
            source: None,
            labels: hs::ProductLabels::new(),
        }
    }
}

/// An analysis with its words: what the widget shows and says.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The numbers.
    pub analysis: Analysis,
    /// The story in sentences, in the options' language.
    pub sentences: Vec<String>,
    /// The chart's words.
    pub chart_text: ChartText,
    /// The focus country's name in the options' language.
    pub focus_name: String,
    /// The partner's name.
    pub partner_name: String,
    /// The view to draw: the options' or the default for the data.
    pub view: View,
    /// Whose reports the figures are, for the footer ("one side's report").
    pub reporting_note: Option<String>,
    /// The partner's share of the focus country's trade, or why there is none.
    pub partners_note: Option<String>,
    /// Which totals are the total of the products listed (the data has none).
    pub derived_note: Option<String>,
}

/// Parses `text` with the options' format.
pub fn parse(text: &str, options: &Options) -> Result<Dataset, Error> {
    parse::parse_trades(text, options.format)
}

/// Analyses parsed data and puts it into words.
pub fn report(data: &Dataset, options: &Options) -> Result<Report, Error> {
    let mut analysis = analyze::analyze(data, &options.query)?;
    let view = options.view.unwrap_or_else(|| View::default_for(&analysis));
    // A view with the composition opens on the latest year that has one.
    if options.query.year.is_none()
        && matches!(view, View::Composition | View::Story)
        && analysis.default_story_year() != analysis.year
    {
        let mut query = options.query.clone();
        query.year = Some(analysis.default_story_year());
        analysis = analyze::analyze(data, &query)?;
    }
    hs::label_composition(&mut analysis, &options.labels);
    let narrator = Narrator::new(&analysis, options.lang, &options.names);
    let sentences = narrator.sentences();
    let mut chart_text = narrator.chart_text(options.title.as_deref(), options.note.as_deref());
    // The partners view has a title of its own and draws figures of its own sources.
    if view == View::Partners {
        if options.title.is_none() {
            chart_text.title = narrator.partners_title();
        }
        // One year, which the title names: the sources need no years.
        chart_text.sources = analysis.partners.sources.clone();
    }
    if let Some(source) = &options.source {
        chart_text.sources = vec![source.clone()];
    }
    let focus_name = narrator.focus().to_string();
    let partner_name = narrator.partner().to_string();
    let reporting_note = narrator.reporting_note();
    // Totals made from products are said under the chart too, never only in the panel,
    // and before whose report the figures are: the footer's note has one line.
    let derived_note = narrator.derived_note();
    if let Some(dn) = &derived_note {
        chart_text.note = Some(match chart_text.note.take() {
            Some(note) => format!("{note} {dn}"),
            None => dn.clone(),
        });
    }
    // Whose report the figures are belongs under the chart, after the caller's own note.
    if let Some(rn) = &reporting_note {
        chart_text.note = Some(match chart_text.note.take() {
            Some(note) => format!("{note} {rn}"),
            None => rn.clone(),
        });
    }
    let partners_note = narrator.partners_note();
    Ok(Report {
        analysis,
        sentences,
        chart_text,
        focus_name,
        partner_name,
        view,
        reporting_note,
        partners_note,
        derived_note,
    })
}

/// Lays out the report's view with a selection, hover and focus.
pub fn view_scene(
    report: &Report,
    interaction: Interaction,
    width: f64,
    height: f64,
    measure: &dyn TextMeasure,
) -> Scene {
    layout::scene(
        report.view,
        &report.analysis,
        &report.chart_text,
        width,
        height,
        interaction,
        measure,
    )
}

/// The tooltip and the live-region line for a target of a report's chart; `None` for a
/// product the report does not have.
pub fn describe(report: &Report, target: Target) -> Option<Description> {
    Narrator::with_names(
        &report.analysis,
        report.chart_text.lang,
        &report.focus_name,
        &report.partner_name,
    )
    .describe(target)
}

/// Lays out the balance chart of a report.
pub fn balance_scene(report: &Report, width: f64, height: f64, measure: &dyn TextMeasure) -> Scene {
    layout::balance_scene(&report.analysis, &report.chart_text, width, height, measure)
}
