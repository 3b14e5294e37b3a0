//! From an analysis to a [`Scene`]: positions, sizes and words, no drawing.

mod balance;
mod text;

pub use balance::balance_scene;
pub use text::{ellipsize, wrap};

use crate::format::Lang;

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
    /// What to write when no source fits by name ("{n} sources, listed below the chart").
    pub sources_below: String,
    /// A note for the footer.
    pub note: Option<String>,
}
