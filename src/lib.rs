//! tradegap: trade-balance charts for news stories.
//!
//! Text (CSV or JSON) is parsed into a [`model::Dataset`], analysed for one focus
//! country and partner ([`analyze`]), told in sentences ([`narrate`]), laid out as a
//! display list ([`layout`], [`scene`]) and, in the browser, replayed on a canvas.
//! Everything but the last step is plain Rust that runs natively.
#![warn(missing_docs)]

pub mod analyze;
pub mod countries;
pub mod error;
pub mod format;
pub mod layout;
pub mod measure;
pub mod model;
pub mod names;
pub mod narrate;
pub mod parse;
pub mod scene;
pub mod shares;
pub mod ticks;

#[cfg(target_arch = "wasm32")]
mod render;
#[cfg(target_arch = "wasm32")]
pub mod web;

use analyze::{Analysis, Query};
use error::Error;
use format::Lang;
use layout::ChartText;
use measure::TextMeasure;
use model::Dataset;
use names::NameOverrides;
use narrate::Narrator;
use parse::Format;
use scene::Scene;

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
}

/// Parses `text` with the options' format.
pub fn parse(text: &str, options: &Options) -> Result<Dataset, Error> {
    parse::parse_trades(text, options.format)
}

/// Analyses parsed data and puts it into words.
pub fn report(data: &Dataset, options: &Options) -> Result<Report, Error> {
    let analysis = analyze::analyze(data, &options.query)?;
    let narrator = Narrator::new(&analysis, options.lang, &options.names);
    let sentences = narrator.sentences();
    let chart_text = narrator.chart_text(options.title.as_deref(), options.note.as_deref());
    let focus_name = narrator.focus().to_string();
    let partner_name = narrator.partner().to_string();
    Ok(Report {
        analysis,
        sentences,
        chart_text,
        focus_name,
        partner_name,
    })
}

/// Lays out the balance chart of a report.
pub fn balance_scene(report: &Report, width: f64, height: f64, measure: &dyn TextMeasure) -> Scene {
    layout::balance_scene(&report.analysis, &report.chart_text, width, height, measure)
}
