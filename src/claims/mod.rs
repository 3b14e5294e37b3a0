//! Claim check: every figure an article states, found, tied to the data and checked.
//!
//! An editor pastes a reporter's draft; for each figure in it ("$1.74 billion",
//! "57.5%", "up 62%", "the largest deficit since 2019", "17억 4천만 달러") this says
//! what it is, what it refers to (year, flow, product: from the words around it, or
//! inferred from earlier in the paragraph), and whether the data behind the chart,
//! rounded to the precision the article states, gives it.
//!
//! The figures compared are the analysis' own ([`crate::report`]): the same years,
//! balances, composition shares and records the chart shows, never recomputed
//! another way. The module is pure: text in, claims out, linear in the article.

mod check;
pub mod cues;
mod show;
pub mod tokens;

#[cfg(not(target_arch = "wasm32"))]
pub use show::to_json;
pub use show::{report_text, ClaimCheck, ClaimOut};

use crate::error::Error;
use crate::model::Dataset;
use crate::Options;

/// What a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An amount of money.
    Money,
    /// A percentage that is a share of something ("57.5% of exports").
    Share,
    /// A percentage change ("up 62%", "90% 급감").
    Change,
    /// A change in percentage points.
    Points,
    /// A record claim ("the largest deficit since 2019", "4년래 최대").
    Record,
}

impl Kind {
    /// The kind's name in the JSON and the JavaScript object.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Share => "share",
            Kind::Change => "change",
            Kind::Points => "points",
            Kind::Record => "record",
        }
    }
}

/// The flow a figure is about, seen from the focus country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowRef {
    /// Focus → partner.
    Exports,
    /// Partner → focus.
    Imports,
    /// The balance called a deficit: imports above exports.
    Deficit,
    /// The balance called a surplus.
    Surplus,
    /// The balance without saying which side ("gap", "수지").
    Balance,
    /// Exports plus imports ("trade", "교역").
    Total,
    /// The partner's share of the focus country's trade.
    PartnerShare,
}

impl FlowRef {
    /// The flow's name in the JSON and the JavaScript object.
    pub fn name(self) -> &'static str {
        match self {
            FlowRef::Exports => "exports",
            FlowRef::Imports => "imports",
            FlowRef::Deficit => "deficit",
            FlowRef::Surplus => "surplus",
            FlowRef::Balance => "balance",
            FlowRef::Total => "total",
            FlowRef::PartnerShare => "partner share",
        }
    }

    /// True for the balance in any of its names.
    pub fn is_balance(self) -> bool {
        matches!(self, FlowRef::Deficit | FlowRef::Surplus | FlowRef::Balance)
    }
}

/// Whether the data supports a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The data, rounded to the precision stated (and read with the stated hedge),
    /// gives the figure.
    Match,
    /// It gives another figure.
    Differs,
    /// It has no such figure.
    Unverifiable,
}

impl Verdict {
    /// The verdict's name in the JSON and the JavaScript object.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Match => "match",
            Verdict::Differs => "differs",
            Verdict::Unverifiable => "unverifiable",
        }
    }

    /// ✓, ✗ or ?.
    pub fn mark(self) -> char {
        match self {
            Verdict::Match => '\u{2713}',
            Verdict::Differs => '\u{2717}',
            Verdict::Unverifiable => '?',
        }
    }
}

/// One figure of the article and what the data says of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// The figure as the article writes it ("US$1.7bn", "the largest deficit since 2019").
    pub text: String,
    /// Its first character, counted in Unicode scalar values.
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// `start` in UTF-16 code units, as JavaScript strings index.
    pub start_utf16: usize,
    /// `end` in UTF-16 code units.
    pub end_utf16: usize,
    /// What it is.
    pub kind: Kind,
    /// The year it refers to.
    pub year: Option<i32>,
    /// The flow it refers to.
    pub flow: Option<FlowRef>,
    /// The product it refers to, by the data's label.
    pub product: Option<String>,
    /// The figure as stated: US dollars, or a fraction for percentages (0.575), signed
    /// for a change ("dived 90%": −0.9; "doubled": 1.0); for a record, the year it says
    /// the record runs since. The low end of a range.
    pub stated: Option<f64>,
    /// The high end of a stated range.
    pub stated_high: Option<f64>,
    /// The data's figure, unrounded, in the same unit.
    pub computed: Option<f64>,
    /// The verdict.
    pub verdict: Verdict,
    /// Why, in words: the data's figure at the stated precision and what it is of.
    pub note: String,
    /// Which of year, flow and product were not in the figure's sentence and were
    /// taken from earlier in the paragraph (or the data's latest year).
    pub inferred: Vec<&'static str>,
}

impl Claim {
    /// A figure not yet judged (`Unverifiable`, no note): its text and place, what it is,
    /// and the year and flow it refers to, each marked in `inferred` when it was not in
    /// the figure's own sentence. UTF-16 offsets are filled in when all are found.
    pub(crate) fn unjudged(
        text: String,
        (start, end): (usize, usize),
        kind: Kind,
        (year, year_inferred): (i32, bool),
        (flow, flow_inferred): (Option<FlowRef>, bool),
    ) -> Claim {
        let mut inferred = Vec::new();
        if year_inferred {
            inferred.push("year");
        }
        if flow_inferred {
            inferred.push("flow");
        }
        Claim {
            text,
            start,
            end,
            start_utf16: 0,
            end_utf16: 0,
            kind,
            year: Some(year),
            flow,
            product: None,
            stated: None,
            stated_high: None,
            computed: None,
            verdict: Verdict::Unverifiable,
            note: String::new(),
            inferred,
        }
    }
}

/// What the checker needs besides the article and the data.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckOptions {
    /// The chart's options: focus, partner, sources, labels.
    pub options: Options,
    /// The year the article was written, for "last year" and "지난해".
    pub as_of: Option<i32>,
}

/// Checks every figure of `article` against `data`.
pub fn check(article: &str, data: &Dataset, options: &CheckOptions) -> Result<Vec<Claim>, Error> {
    check::check(article, data, options)
}
