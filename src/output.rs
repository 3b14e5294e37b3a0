//! The analysis object as callers see it: what `analyze()` returns in JavaScript and
//! what `tradegap --json` prints, from one `Serialize` so that the two cannot drift.
//!
//! The internal types stay free of presentation choices (camelCase names, labels in
//! the report's language, shares printed for display); this module makes them.
//! Figures are US dollars, unrounded; a missing figure is `null`.

use serde::Serialize;

use crate::analyze::{BalanceKind, Breakdown, Delta, Direction};
use crate::format::{permille, Lang};
use crate::names::product_label;
use crate::partners::ShareBasis;
use crate::scene;
use crate::Report;

#[cfg(target_arch = "wasm32")]
use tsify::Tsify;

/// The analysis of one focus country's trade with one partner, with its words.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct Analysis {
    /// The view drawn: "balance", "composition", "story" or "partners".
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "\"balance\" | \"composition\" | \"story\" | \"partners\"")
    )]
    pub view: &'static str,
    /// The comparison with an earlier year (`compare` option), or `null`.
    pub comparison: Option<Comparison>,
    /// Years with product rows, ascending.
    pub product_years: Vec<i32>,
    /// The focus country's code (ISO alpha-3).
    pub focus: String,
    /// The partner's code.
    pub partner: String,
    /// The focus country's name in `lang`.
    pub focus_name: String,
    /// The partner's name in `lang`.
    pub partner_name: String,
    /// "en" or "ko".
    #[cfg_attr(target_arch = "wasm32", tsify(type = "\"en\" | \"ko\""))]
    pub lang: &'static str,
    /// The chart's title.
    pub title: String,
    /// The year described.
    pub year: i32,
    /// Exports, imports and balance for each year with data, ascending.
    pub years: Vec<Year>,
    /// The selected year's balance as a record, or `null`.
    pub record: Option<BalanceRecord>,
    /// What the year's exports and imports were made of.
    pub composition: Composition,
    /// The story in sentences, in `lang`.
    pub sentences: Vec<String>,
    /// The sources, with the years each gives.
    pub sources: Vec<Source>,
    /// Figures left out because their sources disagree.
    pub conflicts: Vec<Conflict>,
    /// Flows both countries report, with the gap between their reports.
    pub mirror: Vec<Mirror>,
    /// Whose report the balance uses: "importer" or "exporter".
    #[cfg_attr(target_arch = "wasm32", tsify(type = "\"importer\" | \"exporter\""))]
    pub mirror_side: &'static str,
    /// The countries whose statistics the figures are.
    pub reporters: Vec<String>,
    /// Whether every figure is one country's report.
    pub one_sided: bool,
    /// Whose report the figures are, in words, or `null`.
    pub reporting_note: Option<String>,
    /// The focus country's partners in the year, largest first.
    pub partners: Vec<Partner>,
    /// What the partners' shares are of: "world" or "partners", or `null`.
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "\"world\" | \"partners\" | null")
    )]
    pub partners_basis: Option<&'static str>,
    /// The total the partners' shares are of, or `null`.
    pub partners_total: Option<f64>,
    /// Whether the data has one partner only.
    pub single_partner: bool,
    /// Why there are no partner shares, or `null`.
    pub partners_note: Option<String>,
    /// Re-exports and re-imports, kept out of the balance.
    pub re_flows: Vec<ReFlow>,
    /// Rows the reader passed over on purpose, by reason.
    pub skipped: Vec<Skipped>,
    /// The yearly totals used that the data lacks: the total of the products listed
    /// (issue 13), by year, exports first.
    pub derived_totals: Vec<DerivedTotal>,
    /// Which totals are derived, in words ("Exports 2023: no total in the data; the
    /// total of the products listed."), or `null`.
    pub derived_note: Option<String>,
}

/// A year and flow whose total is the sum of the products the data lists.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct DerivedTotal {
    /// The year.
    pub year: i32,
    /// "exports" or "imports", from the focus country.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "\"exports\" | \"imports\""))]
    pub flow: &'static str,
}

/// One year's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct Year {
    /// The year.
    pub year: i32,
    /// Focus → partner, US dollars; `null` when the data has no figure.
    pub exports: Option<f64>,
    /// Partner → focus.
    pub imports: Option<f64>,
    /// Exports − imports; negative is a deficit.
    pub balance: Option<f64>,
    /// Exports + imports.
    pub total: Option<f64>,
    /// Changes from the previous year with data.
    pub change: Changes,
}

/// Changes of a year's figures from the previous year with data.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct Changes {
    /// Of exports.
    pub exports: Option<Change>,
    /// Of imports.
    pub imports: Option<Change>,
    /// Of the balance.
    pub balance: Option<Change>,
}

/// A change from an earlier year.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct Change {
    /// The year compared with.
    pub from_year: i32,
    /// The difference in US dollars.
    pub absolute: f64,
    /// The difference as a fraction of the earlier figure; `null` from zero.
    pub relative: Option<f64>,
}

/// A balance that is a record. (Not `Record`: in the generated .d.ts that name would hide
/// TypeScript's `Record<K, V>`, which the options' types use.)
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct BalanceRecord {
    /// The year of the record.
    pub year: i32,
    /// "deficit" or "surplus".
    #[cfg_attr(target_arch = "wasm32", tsify(type = "\"deficit\" | \"surplus\""))]
    pub kind: &'static str,
    /// The last year with a larger one, or `null` (largest on record).
    pub since: Option<i32>,
    /// That year's balance.
    pub since_balance: Option<f64>,
    /// The first year of the data.
    pub first_year: i32,
    /// The chart's annotation, or `null`.
    pub label: Option<String>,
}

/// A year's composition.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct Composition {
    /// The year.
    pub year: i32,
    /// The top exports, then "Other".
    pub exports: Vec<Product>,
    /// The top imports, then "Other".
    pub imports: Vec<Product>,
}

/// One product's part of a flow.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct Product {
    /// The HS code, chapter or range as given; "other" for the rest.
    pub code: String,
    /// Its name in the report's language.
    pub label: String,
    /// US dollars.
    pub value: f64,
    /// A fraction of the flow's total, unrounded.
    pub share: f64,
    /// The share as shown, rounded so that the shown shares add up to 100%.
    pub display_share: String,
    /// Whether this is the "Other" row.
    pub other: bool,
}

/// A source and the years it gives.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct Source {
    /// The source's name.
    pub name: String,
    /// Years it gives figures for.
    pub years: Vec<i32>,
}

/// A figure that sources disagree about.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct Conflict {
    /// The year.
    pub year: i32,
    /// The exporter's code.
    pub exporter: String,
    /// The importer's code.
    pub importer: String,
    /// The product, or `null` for the total.
    pub product: Option<String>,
    /// Each source's figure.
    pub values: Vec<SourceValue>,
}

/// One source's figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct SourceValue {
    /// The source.
    pub source: String,
    /// US dollars.
    pub value: f64,
}

/// A comparison of the year with an earlier one.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct Comparison {
    /// The earlier year.
    pub from_year: i32,
    /// The year described.
    pub to_year: i32,
    /// Exports then and now.
    pub exports: Option<FlowChange>,
    /// Imports then and now.
    pub imports: Option<FlowChange>,
    /// The flow that changed more: "exports" or "imports".
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "\"exports\" | \"imports\" | null")
    )]
    pub headline: Option<&'static str>,
    /// The chart's annotation, or `null`.
    pub label: Option<String>,
}

/// A flow's change between two years.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct FlowChange {
    /// The earlier figure.
    pub from: Option<f64>,
    /// The later figure.
    pub to: Option<f64>,
    /// The difference in US dollars.
    pub absolute: f64,
    /// The difference as a fraction of the earlier figure.
    pub relative: Option<f64>,
}

/// One flow as both countries report it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct Mirror {
    /// The year.
    pub year: i32,
    /// The exporter's code.
    pub exporter: String,
    /// The importer's code.
    pub importer: String,
    /// The exporter's report (FOB), US dollars.
    pub exporter_value: f64,
    /// The importer's report (CIF), US dollars.
    pub importer_value: f64,
    /// (importer − exporter) / exporter, or `null`.
    pub gap: Option<f64>,
}

/// A partner's share of the focus country's trade.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct Partner {
    /// The partner's code.
    pub partner: String,
    /// Exports to it.
    pub exports: Option<f64>,
    /// Imports from it.
    pub imports: Option<f64>,
    /// Exports + imports.
    pub total: f64,
    /// A fraction of the basis' total.
    pub share: f64,
}

/// Re-exports or re-imports, kept out of the balance.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct ReFlow {
    /// The year.
    pub year: i32,
    /// The exporter's code.
    pub exporter: String,
    /// The importer's code.
    pub importer: String,
    /// "re-export" or "re-import".
    #[cfg_attr(target_arch = "wasm32", tsify(type = "\"re-export\" | \"re-import\""))]
    pub kind: &'static str,
    /// US dollars, or `null` where sources disagree.
    pub value: Option<f64>,
    /// Rows they came from.
    pub rows: u32,
}

/// Rows passed over for one reason.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct Skipped {
    /// Why.
    pub reason: String,
    /// How many.
    pub rows: u32,
    /// The first such row's line.
    pub line: u32,
}

/// What is under a point, or what has the focus: a year's column, a product's bar, a
/// partner's bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", try_from = "FlatTarget")]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub enum Target {
    /// A year's column.
    Year {
        /// The year.
        year: i32,
    },
    /// A product's bar.
    Product {
        /// "exports" or "imports".
        flow: Flow,
        /// Its row in the composition's list.
        index: u32,
    },
    /// A partner's bar.
    Partner {
        /// Its row in the partners' list.
        index: u32,
    },
}

/// A target as read: one flat object. An internally tagged enum would buffer every
/// value before looking at `kind` (about 10 KB of wasm for three cases).
#[derive(serde::Deserialize)]
struct FlatTarget {
    kind: String,
    #[serde(default)]
    year: Option<i32>,
    #[serde(default)]
    flow: Option<Flow>,
    #[serde(default)]
    index: Option<u32>,
}

impl TryFrom<FlatTarget> for Target {
    type Error = String;
    fn try_from(t: FlatTarget) -> Result<Self, String> {
        match (t.kind.as_str(), t.year, t.flow, t.index) {
            ("year", Some(year), _, _) => Ok(Target::Year { year }),
            ("year", None, _, _) => Err("a year target needs a whole-number year".into()),
            ("product", _, Some(flow), Some(index)) => Ok(Target::Product { flow, index }),
            ("product", _, _, _) => {
                Err("a product target needs flow \"exports\" or \"imports\" and an index".into())
            }
            ("partner", _, _, Some(index)) => Ok(Target::Partner { index }),
            ("partner", _, _, None) => Err("a partner target needs an index".into()),
            (other, ..) => Err(crate::options::expected(
                "kind \"year\", \"product\" or \"partner\"",
                other,
            )),
        }
    }
}

/// Exports or imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub enum Flow {
    /// Focus → partner.
    Exports,
    /// Partner → focus.
    Imports,
}

impl From<scene::Target> for Target {
    fn from(t: scene::Target) -> Self {
        match t {
            scene::Target::Year(year) => Target::Year { year },
            scene::Target::Product { flow, index } => Target::Product {
                flow: match flow {
                    Direction::Exports => Flow::Exports,
                    Direction::Imports => Flow::Imports,
                },
                index: index as u32,
            },
            scene::Target::Partner(index) => Target::Partner {
                index: index as u32,
            },
        }
    }
}

impl From<Target> for scene::Target {
    fn from(t: Target) -> Self {
        match t {
            Target::Year { year } => scene::Target::Year(year),
            Target::Product { flow, index } => scene::Target::Product {
                flow: match flow {
                    Flow::Exports => Direction::Exports,
                    Flow::Imports => Direction::Imports,
                },
                index: index as usize,
            },
            Target::Partner { index } => scene::Target::Partner(index as usize),
        }
    }
}

/// Words for a target: the tooltip and a line for a live region.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct Description {
    /// The tooltip's lines joined by newlines.
    pub tooltip: String,
    /// The tooltip, a line each; the first is its heading.
    pub lines: Vec<String>,
    /// One line for an `aria-live` region.
    pub announce: String,
}

/// A rectangle in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl From<&crate::model::Skipped> for Skipped {
    fn from(s: &crate::model::Skipped) -> Self {
        Skipped {
            reason: s.reason.clone(),
            rows: s.rows,
            line: s.first_line,
        }
    }
}

fn direction_name(d: Direction) -> &'static str {
    match d {
        Direction::Exports => "exports",
        Direction::Imports => "imports",
    }
}

fn change(d: &Option<Delta>) -> Option<Change> {
    d.map(|d| Change {
        from_year: d.from_year,
        absolute: d.absolute,
        relative: d.relative,
    })
}

fn products(b: &Option<Breakdown>, lang: Lang) -> Vec<Product> {
    let Some(b) = b else {
        return Vec::new();
    };
    b.rows
        .iter()
        .map(|r| Product {
            code: r.code.clone(),
            label: product_label(&r.code, &r.label, lang),
            value: r.value,
            share: r.share,
            display_share: permille(r.share_permille),
            other: r.is_other,
        })
        .collect()
}

impl From<&Report> for Analysis {
    fn from(r: &Report) -> Self {
        let a = &r.analysis;
        let lang = r.chart_text.lang;
        let comparison = a.comparison.map(|c| {
            let then = a.year_balance(c.from_year);
            let flow = |d: Option<Delta>, from: Option<f64>| {
                d.map(|d| FlowChange {
                    from,
                    to: from.map(|t| t + d.absolute),
                    absolute: d.absolute,
                    relative: d.relative,
                })
            };
            Comparison {
                from_year: c.from_year,
                to_year: c.to_year,
                exports: flow(c.exports, then.and_then(|y| y.exports)),
                imports: flow(c.imports, then.and_then(|y| y.imports)),
                headline: c.headline.map(direction_name),
                label: r.chart_text.compare.clone(),
            }
        });
        let composition = match &a.composition {
            Some(c) => Composition {
                year: c.year,
                exports: products(&c.exports, lang),
                imports: products(&c.imports, lang),
            },
            None => Composition {
                year: a.year,
                exports: Vec::new(),
                imports: Vec::new(),
            },
        };
        Analysis {
            view: r.view.name(),
            comparison,
            product_years: a.product_years.clone(),
            focus: a.query.focus.to_string(),
            partner: a.query.partner.to_string(),
            focus_name: r.focus_name.clone(),
            partner_name: r.partner_name.clone(),
            lang: match lang {
                Lang::Ko => "ko",
                Lang::En => "en",
            },
            title: r.chart_text.title.clone(),
            year: a.year,
            years: a
                .years
                .iter()
                .map(|y| Year {
                    year: y.year,
                    exports: y.exports,
                    imports: y.imports,
                    balance: y.balance,
                    total: y.total,
                    change: Changes {
                        exports: change(&y.exports_change),
                        imports: change(&y.imports_change),
                        balance: change(&y.balance_change),
                    },
                })
                .collect(),
            record: a.record.map(|rec| BalanceRecord {
                year: rec.year,
                kind: match rec.kind {
                    BalanceKind::Deficit => "deficit",
                    BalanceKind::Surplus => "surplus",
                },
                since: rec.since.map(|(y, _)| y),
                since_balance: rec.since.map(|(_, b)| b),
                first_year: rec.first_year,
                label: r.chart_text.record.clone(),
            }),
            composition,
            sentences: r.sentences.clone(),
            sources: a
                .sources
                .iter()
                .map(|s| Source {
                    name: s.name.clone(),
                    years: s.years.clone(),
                })
                .collect(),
            conflicts: a
                .conflicts
                .iter()
                .map(|c| Conflict {
                    year: c.year,
                    exporter: c.exporter.to_string(),
                    importer: c.importer.to_string(),
                    product: c.product.clone(),
                    values: c
                        .values
                        .iter()
                        .map(|(source, value)| SourceValue {
                            source: source.clone(),
                            value: *value,
                        })
                        .collect(),
                })
                .collect(),
            mirror: a
                .mirror
                .iter()
                .map(|m| Mirror {
                    year: m.year,
                    exporter: m.exporter.to_string(),
                    importer: m.importer.to_string(),
                    exporter_value: m.exporter_value,
                    importer_value: m.importer_value,
                    gap: m.gap,
                })
                .collect(),
            mirror_side: a.query.mirror.name(),
            reporters: a.reporters.iter().map(|c| c.to_string()).collect(),
            one_sided: a.one_sided(),
            reporting_note: r.reporting_note.clone(),
            partners: a
                .partners
                .list
                .iter()
                .map(|p| Partner {
                    partner: p.partner.to_string(),
                    exports: p.exports,
                    imports: p.imports,
                    total: p.total,
                    share: p.share,
                })
                .collect(),
            partners_basis: a.partners.basis.map(|b| match b {
                ShareBasis::World => "world",
                ShareBasis::Partners => "partners",
            }),
            partners_total: a.partners.total,
            single_partner: a.partners.single_partner,
            partners_note: r.partners_note.clone(),
            re_flows: a
                .re_flows
                .iter()
                .map(|f| ReFlow {
                    year: f.year,
                    exporter: f.exporter.to_string(),
                    importer: f.importer.to_string(),
                    kind: f.kind.name(),
                    value: f.value,
                    rows: f.rows,
                })
                .collect(),
            skipped: a.skipped.iter().map(Skipped::from).collect(),
            derived_totals: a
                .derived_totals
                .iter()
                .map(|d| DerivedTotal {
                    year: d.year,
                    flow: match d.direction {
                        Direction::Exports => "exports",
                        Direction::Imports => "imports",
                    },
                })
                .collect(),
            derived_note: r.derived_note.clone(),
        }
    }
}
