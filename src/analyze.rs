//! Balances, changes, records and composition for one focus country and one partner.
//!
//! Every figure here is unrounded; rounding happens once, in `format`.

use crate::error::{Error, ErrorKind, Position};
use crate::model::{CountryCode, Dataset, Flow, FlowKind, Skipped};
use crate::partners::{partner_shares, Partners};
use crate::reconcile::{pick, re_flows, reporters, MirrorFigure, MirrorSide, Pick, ReFlow};
use crate::rollup::{roll_up, Group, Item};
use crate::shares::largest_remainder;

/// What to analyse.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    /// The country whose balance is shown.
    pub focus: CountryCode,
    /// The country it trades with.
    pub partner: CountryCode,
    /// The year to describe; the latest year with data when `None`.
    pub year: Option<i32>,
    /// How many products to list before "Other".
    pub top: usize,
    /// Sources to use, in order, where sources disagree about one figure.
    pub prefer_source: Vec<String>,
    /// An earlier year to compare `year` with ("Exports −90.0% since 2013").
    pub compare: Option<i32>,
    /// Whose report to use where both countries report a flow.
    pub mirror: MirrorSide,
    /// Roll product codes up to this many digits (2: chapters, 4: headings).
    pub rollup: Option<usize>,
    /// Named groups of product codes, shown as one product each.
    pub groups: Vec<Group>,
}

impl Query {
    /// A query with the default year, top 5 and no preferred sources.
    pub fn new(focus: CountryCode, partner: CountryCode) -> Self {
        Query {
            focus,
            partner,
            year: None,
            top: 5,
            prefer_source: Vec::new(),
            compare: None,
            mirror: MirrorSide::Importer,
            rollup: None,
            groups: Vec::new(),
        }
    }

    /// A query for `focus` and `partner`, taking what the caller left out from the
    /// data: the first flow's exporter as the focus, and as the partner the other side of
    /// the first flow that involves the focus (of the first flow when none does, so that
    /// the analysis says there is no trade between them). `None` when one is missing and
    /// the data is empty.
    pub fn with_defaults(
        data: &Dataset,
        focus: Option<CountryCode>,
        partner: Option<CountryCode>,
    ) -> Option<Query> {
        let focus = focus.or(data.flows.first().map(|f| f.exporter))?;
        let partner = partner.or_else(|| {
            let mut flows = data.flows.iter();
            let first = flows
                .clone()
                .find(|f| f.exporter == focus || f.importer == focus)
                .or(flows.next())?;
            Some(if first.exporter == focus {
                first.importer
            } else {
                first.exporter
            })
        })?;
        Some(Query::new(focus, partner))
    }
}

/// A change from the previous year that has data for the same measure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Delta {
    /// The earlier year compared with.
    pub from_year: i32,
    /// This year's value minus that year's.
    pub absolute: f64,
    /// `absolute` over the magnitude of that year's value; `None` when it was zero.
    pub relative: Option<f64>,
}

/// One year of the focus country's trade with the partner.
#[derive(Clone, Debug, PartialEq)]
pub struct YearBalance {
    /// Calendar year.
    pub year: i32,
    /// Focus → partner, US dollars; `None` when the data has no figure.
    pub exports: Option<f64>,
    /// Partner → focus.
    pub imports: Option<f64>,
    /// `exports - imports`; negative is a deficit. `None` unless both are known.
    pub balance: Option<f64>,
    /// `exports + imports`.
    pub total: Option<f64>,
    /// Change in exports from the previous year with exports.
    pub exports_change: Option<Delta>,
    /// Change in imports from the previous year with imports.
    pub imports_change: Option<Delta>,
    /// Change in the balance from the previous year with a balance.
    pub balance_change: Option<Delta>,
}

/// Whether a balance is a deficit or a surplus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BalanceKind {
    /// Exports below imports.
    Deficit,
    /// Exports above imports.
    Surplus,
}

/// "The largest deficit since 2019", or "on record".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Record {
    /// The year that set it.
    pub year: i32,
    /// Deficit or surplus.
    pub kind: BalanceKind,
    /// The latest earlier year with a larger one, and its balance; `None`: largest on record.
    pub since: Option<(i32, f64)>,
    /// The first year of data, for "on record since".
    pub first_year: i32,
    /// True when no earlier year was on the same side: the first surplus, not the largest.
    pub first_of_kind: bool,
    /// When `since` is `None`: the first later year with a larger one, which ended the
    /// record ("largest until 2019"); `None` while it stands.
    pub until: Option<i32>,
}

/// Which way a flow goes, seen from the focus country.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Direction {
    /// Focus → partner.
    Exports,
    /// Partner → focus.
    Imports,
}

/// The analysis's year against an earlier one that the caller chose (`Query::compare`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Comparison {
    /// The earlier year.
    pub from_year: i32,
    /// The year described.
    pub to_year: i32,
    /// Exports then and now; `from_year` of the delta is the earlier year.
    pub exports: Option<Delta>,
    /// Imports then and now.
    pub imports: Option<Delta>,
    /// The flow to headline: the one that fell furthest, or, when neither fell,
    /// the one that changed most.
    pub headline: Option<Direction>,
}

impl Comparison {
    /// The change of one flow.
    pub fn delta(&self, d: Direction) -> Option<Delta> {
        match d {
            Direction::Exports => self.exports,
            Direction::Imports => self.imports,
        }
    }
}

/// One product's part of a flow.
#[derive(Clone, Debug, PartialEq)]
pub struct ProductShare {
    /// HS code, chapter or range; `"other"` for the rest.
    pub code: String,
    /// A name for the product.
    pub label: String,
    /// US dollars, unrounded.
    pub value: f64,
    /// Fraction of the flow's total, unrounded.
    pub share: f64,
    /// The share in tenths of a percent, rounded so that a flow's rows add up to 1000.
    pub share_permille: u32,
    /// True for the "Other" row.
    pub is_other: bool,
}

/// A flow broken down by product.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Breakdown {
    /// The flow's total, US dollars.
    pub total: f64,
    /// True when the data has no total row and the products' sum stands in for it.
    pub total_from_products: bool,
    /// Top products by value, then "Other" when anything is left.
    pub rows: Vec<ProductShare>,
}

/// What the focus country's exports and imports were made of in one year.
#[derive(Clone, Debug, PartialEq)]
pub struct Composition {
    /// The year.
    pub year: i32,
    /// Focus → partner; `None` when the data has no products for it.
    pub exports: Option<Breakdown>,
    /// Partner → focus.
    pub imports: Option<Breakdown>,
}

/// Two or more sources that disagree about one figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// Year of the figure.
    pub year: i32,
    /// Selling country.
    pub exporter: CountryCode,
    /// Buying country.
    pub importer: CountryCode,
    /// Product code, `None` for the total.
    pub product: Option<String>,
    /// Each source and its value.
    pub values: Vec<(String, f64)>,
}

/// A source and the years whose figures come from it.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceUse {
    /// The source as the data names it.
    pub name: String,
    /// Years drawn from it, ascending.
    pub years: Vec<i32>,
}

/// Everything the widget says and draws about one focus and partner.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// The query that produced it.
    pub query: Query,
    /// Years with any figure, ascending. Years without data are absent: gaps, not zeros.
    pub years: Vec<YearBalance>,
    /// The year described (the query's, or the latest with data).
    pub year: i32,
    /// A record set by `year`, if any.
    pub record: Option<Record>,
    /// The composition of `year`, if the data breaks it down.
    pub composition: Option<Composition>,
    /// Years whose flows the data breaks down by product, ascending.
    pub product_years: Vec<i32>,
    /// `year` against `query.compare`, when that is an earlier year with data.
    pub comparison: Option<Comparison>,
    /// Sources of the figures used, latest first.
    pub sources: Vec<SourceUse>,
    /// Figures left out because their sources disagree.
    pub conflicts: Vec<Conflict>,
    /// Yearly totals that both countries report, each side's figure and the gap.
    pub mirror: Vec<MirrorFigure>,
    /// The countries whose reports give the figures used, sorted; empty when the
    /// data does not say who reported them.
    pub reporters: Vec<CountryCode>,
    /// Re-exports and re-imports between the two, left out of the balance.
    pub re_flows: Vec<ReFlow>,
    /// The focus country's partners in `year`, with shares of its trade.
    pub partners: Partners,
    /// Rows the reader passed over, by reason.
    pub skipped: Vec<Skipped>,
    /// The yearly totals used that the data lacks and that are the total of the
    /// products listed ([`crate::model::ProductSums`]), by year, exports first.
    pub derived_totals: Vec<DerivedTotal>,
}

/// A year and direction whose total is the sum of the products the data lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DerivedTotal {
    /// The year.
    pub year: i32,
    /// Exports or imports, from the focus country.
    pub direction: Direction,
}

impl Analysis {
    /// The entry for a year.
    pub fn year_balance(&self, year: i32) -> Option<&YearBalance> {
        self.years.iter().find(|y| y.year == year)
    }

    /// The year a story opens on: the latest with a product breakdown, else `year`.
    pub fn default_story_year(&self) -> i32 {
        self.product_years.last().copied().unwrap_or(self.year)
    }

    /// The record any year sets, as `record` does for the analysis's year.
    pub fn record_for(&self, year: i32) -> Option<Record> {
        record(&self.years, year)
    }

    /// True when every figure used is one country's report of the trade: nothing
    /// to compare it with ("one side's report"). False when the data does not say
    /// who reported, or when both sides do.
    pub fn one_sided(&self) -> bool {
        self.mirror.is_empty() && !self.reporters.is_empty()
    }

    /// The breakdown of one flow of the analysis's year.
    pub fn breakdown(&self, d: Direction) -> Option<&Breakdown> {
        let c = self.composition.as_ref()?;
        match d {
            Direction::Exports => c.exports.as_ref(),
            Direction::Imports => c.imports.as_ref(),
        }
    }
}

type CellKey = (i32, bool, Option<String>);

/// Cells sorted by key: a sorted `Vec` rather than a `BTreeMap`, which would add
/// kilobytes of code to the WebAssembly per key and value type.
type Cells<'a> = Vec<(CellKey, Cell<'a>)>;

/// A year's total exports and imports, either maybe missing.
type YearTotals = (i32, (Option<f64>, Option<f64>));

/// The figures for one cell after sources are reconciled.
struct Cell<'a> {
    flow: &'a Flow,
}

/// Analyses the trade between `query.focus` and `query.partner`.
pub fn analyze(data: &Dataset, query: &Query) -> Result<Analysis, Error> {
    let (cells, conflicts, mirror) = reconcile(data, query);
    if cells.is_empty() && conflicts.is_empty() {
        return Err(Error::at(
            Position::new(1, 1),
            ErrorKind::NoFlows {
                focus: query.focus.to_string(),
                partner: query.partner.to_string(),
            },
        ));
    }

    // Cells come sorted by year first, so each year's figures are next to each other.
    let mut by_year: Vec<YearTotals> = Vec::new();
    for ((year, is_export, product), cell) in &cells {
        if by_year.last().map(|e| e.0) != Some(*year) {
            by_year.push((*year, (None, None)));
        }
        let Some((_, entry)) = by_year.last_mut() else {
            continue;
        };
        if product.is_none() {
            let v = Some(cell.flow.value_usd);
            if *is_export {
                entry.0 = v;
            } else {
                entry.1 = v;
            }
        }
    }
    let mut years = balances(&by_year);
    // A year whose figures are disputed is listed with them missing, not dropped.
    for c in conflicts.iter().filter(|c| c.product.is_none()) {
        if let Err(i) = years.binary_search_by_key(&c.year, |y| y.year) {
            years.insert(
                i,
                YearBalance {
                    year: c.year,
                    exports: None,
                    imports: None,
                    balance: None,
                    total: None,
                    exports_change: None,
                    imports_change: None,
                    balance_change: None,
                },
            );
        }
    }
    // Data with products but no totals (a download of HS codes only) has years
    // with a composition and no balance.
    let cell_years = || {
        cells
            .iter()
            .map(|(k, _)| k.0)
            .chain(years.iter().map(|y| y.year))
    };
    let year = match query.year {
        Some(y) => y,
        None => years
            .iter()
            .rev()
            .find(|y| y.balance.is_some())
            .or(years.last())
            .map(|y| y.year)
            .or_else(|| cell_years().max())
            .unwrap_or(0),
    };
    if query.year.is_some() && !cell_years().any(|y| y == year) {
        let first = cell_years().min().unwrap_or(0);
        let last = cell_years().max().unwrap_or(0);
        return Err(Error::at(
            Position::new(1, 1),
            ErrorKind::BadOption(format!(
                "the data has no figures for {year}; it covers {first} to {last}"
            )),
        ));
    }

    let composition = composition(&cells, year, query, data)?;
    let record = record(&years, year);
    let sources = sources(data, &cells);
    let mut product_years: Vec<i32> = cells
        .iter()
        .filter(|((_, _, p), _)| p.is_some())
        .map(|((y, _, _), _)| *y)
        .collect();
    product_years.dedup();
    let comparison = match query.compare {
        Some(from) => compare(&years, from, year)?,
        None => None,
    };
    Ok(Analysis {
        query: query.clone(),
        years,
        year,
        record,
        composition,
        product_years,
        comparison,
        sources,
        conflicts,
        mirror,
        reporters: reporters(cells.iter().map(|(_, c)| c.flow)),
        re_flows: re_flows(data, query.focus, query.partner),
        partners: partner_shares(data, query.focus, year, &query.prefer_source, query.mirror),
        skipped: data.skipped.clone(),
        derived_totals: derived_totals(&cells),
    })
}

/// The totals used that were summed from products: cells come sorted by year, and
/// exports (`true`) after imports, so they are reversed within each year.
fn derived_totals(cells: &[(CellKey, Cell<'_>)]) -> Vec<DerivedTotal> {
    let mut out: Vec<DerivedTotal> = cells
        .iter()
        .filter(|((_, _, p), c)| p.is_none() && c.flow.derived)
        .map(|((year, is_export, _), _)| DerivedTotal {
            year: *year,
            direction: if *is_export {
                Direction::Exports
            } else {
                Direction::Imports
            },
        })
        .collect();
    crate::small::sort_by(&mut out, |a, b| {
        (a.year, a.direction) < (b.year, b.direction)
    });
    out
}

/// Picks one flow per cell (year, direction, product): whose report where both
/// countries report it (`query.mirror`), then which source. Cells whose sources
/// disagree, with no preferred source among them, become conflicts and are left
/// out. Re-exports and re-imports are not cells: they stay out of the balance.
fn reconcile<'a>(
    data: &'a Dataset,
    query: &Query,
) -> (Cells<'a>, Vec<Conflict>, Vec<MirrorFigure>) {
    let mut keyed: Vec<(CellKey, &'a Flow)> = Vec::new();
    for f in &data.flows {
        if f.kind != FlowKind::Trade {
            continue;
        }
        let is_export = if f.exporter == query.focus && f.importer == query.partner {
            true
        } else if f.exporter == query.partner && f.importer == query.focus {
            false
        } else {
            continue;
        };
        let key = (
            f.year,
            is_export,
            f.product.as_ref().map(|p| p.code.clone()),
        );
        keyed.push((key, f));
    }
    // A stable sort keeps each cell's flows in the order of the data.
    crate::small::sort_by(&mut keyed, |a, b| a.0 < b.0);
    let mut cells = Vec::new();
    let mut conflicts = Vec::new();
    let mut mirror = Vec::new();
    for group in keyed.chunk_by(|a, b| a.0 == b.0) {
        let key = &group[0].0;
        let flows: Vec<&'a Flow> = group.iter().map(|(_, f)| *f).collect();
        let (picked, both) = pick(data, &flows, &query.prefer_source, query.mirror);
        if key.2.is_none() {
            mirror.extend(both);
        }
        match picked {
            Pick::Use(flow) => cells.push((key.clone(), Cell { flow })),
            Pick::Conflict(values) => conflicts.push(Conflict {
                year: key.0,
                exporter: flows[0].exporter,
                importer: flows[0].importer,
                product: key.2.clone(),
                values,
            }),
        }
    }
    // Exports first, as the chart reads.
    crate::small::sort_by(&mut mirror, |a, b| {
        (a.year, a.exporter != query.focus) < (b.year, b.exporter != query.focus)
    });
    (cells, conflicts, mirror)
}

fn balances(by_year: &[YearTotals]) -> Vec<YearBalance> {
    let mut out: Vec<YearBalance> = Vec::with_capacity(by_year.len());
    for &(year, (exports, imports)) in by_year {
        if exports.is_none() && imports.is_none() {
            continue;
        }
        let balance = exports.zip(imports).map(|(e, i)| e - i);
        let total = exports.zip(imports).map(|(e, i)| e + i);
        let delta = |get: fn(&YearBalance) -> Option<f64>, now: Option<f64>| {
            let now = now?;
            let prev = out.iter().rev().find_map(|y| get(y).map(|v| (y.year, v)))?;
            Some(Delta {
                from_year: prev.0,
                absolute: now - prev.1,
                relative: relative(prev.1, now),
            })
        };
        let exports_change = delta(|y| y.exports, exports);
        let imports_change = delta(|y| y.imports, imports);
        let balance_change = delta(|y| y.balance, balance);
        out.push(YearBalance {
            year,
            exports,
            imports,
            balance,
            total,
            exports_change,
            imports_change,
            balance_change,
        });
    }
    out
}

/// The record `year` sets, if its balance beats the previous year with a balance.
fn record(years: &[YearBalance], year: i32) -> Option<Record> {
    let balance = years.iter().find(|y| y.year == year)?.balance?;
    let kind = if balance < 0.0 {
        BalanceKind::Deficit
    } else if balance > 0.0 {
        BalanceKind::Surplus
    } else {
        return None;
    };
    // Larger means further from zero on the same side.
    let larger = |b: f64| match kind {
        BalanceKind::Deficit => b < balance,
        BalanceKind::Surplus => b > balance,
    };
    let earlier: Vec<(i32, f64)> = years
        .iter()
        .filter(|y| y.year < year)
        .filter_map(|y| y.balance.map(|b| (y.year, b)))
        .collect();
    let &(_, previous) = earlier.last()?;
    if larger(previous) || previous == balance {
        return None;
    }
    let since = earlier.iter().rev().find(|(_, b)| larger(*b)).copied();
    // "Largest on record" after a single earlier year says no more than "larger than last year".
    if since.is_none() && earlier.len() < 2 {
        return None;
    }
    let first_of_kind = !earlier
        .iter()
        .any(|(_, b)| (*b < 0.0) == (balance < 0.0) && *b != 0.0);
    // A record over the whole data so far lasts until a later year beats it.
    let until = if since.is_none() {
        years
            .iter()
            .filter(|y| y.year > year)
            .find(|y| y.balance.is_some_and(larger))
            .map(|y| y.year)
    } else {
        None
    };
    Some(Record {
        first_of_kind,
        year,
        kind,
        since,
        first_year: earlier[0].0,
        until,
    })
}

/// `year` against the earlier year `from`. `from` must have data; a `from` that is
/// not earlier than `year` (the reader selected an earlier year) compares nothing.
fn compare(years: &[YearBalance], from: i32, year: i32) -> Result<Option<Comparison>, Error> {
    let Some(then) = years.iter().find(|y| y.year == from) else {
        let first = years.first().map_or(0, |y| y.year);
        let last = years.last().map_or(0, |y| y.year);
        return Err(Error::at(
            Position::new(1, 1),
            ErrorKind::BadOption(format!(
                "compare: the data has no figures for {from}; it covers {first} to {last}"
            )),
        ));
    };
    let Some(now) = years.iter().find(|y| y.year == year) else {
        return Ok(None);
    };
    if from >= year {
        return Ok(None);
    }
    let delta = |a: Option<f64>, b: Option<f64>| {
        let (a, b) = (a?, b?);
        Some(Delta {
            from_year: from,
            absolute: b - a,
            relative: relative(a, b),
        })
    };
    let exports = delta(then.exports, now.exports);
    let imports = delta(then.imports, now.imports);
    let rel = |d: Option<Delta>| d.and_then(|d| d.relative);
    let candidates = [
        (Direction::Exports, rel(exports)),
        (Direction::Imports, rel(imports)),
    ];
    let fell = candidates
        .iter()
        .filter_map(|(d, r)| r.filter(|r| *r < 0.0).map(|r| (*d, r)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    let moved = candidates
        .iter()
        .filter_map(|(d, r)| r.map(|r| (*d, r.abs())))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
    if exports.is_none() && imports.is_none() {
        return Ok(None);
    }
    Ok(Some(Comparison {
        from_year: from,
        to_year: year,
        exports,
        imports,
        headline: fell.or(moved).map(|(d, _)| d),
    }))
}

fn composition(
    cells: &[(CellKey, Cell<'_>)],
    year: i32,
    query: &Query,
    data: &Dataset,
) -> Result<Option<Composition>, Error> {
    let exports = breakdown(cells, year, true, query, data)?;
    let imports = breakdown(cells, year, false, query, data)?;
    if exports.is_none() && imports.is_none() {
        return Ok(None);
    }
    Ok(Some(Composition {
        year,
        exports,
        imports,
    }))
}

fn breakdown(
    cells: &[(CellKey, Cell<'_>)],
    year: i32,
    is_export: bool,
    query: &Query,
    _data: &Dataset,
) -> Result<Option<Breakdown>, Error> {
    let top = query.top;
    let items: Vec<Item> = cells
        .iter()
        .filter(|((y, e, p), _)| *y == year && *e == is_export && p.is_some())
        .map(|(_, c)| Item {
            code: code_of(c.flow).to_string(),
            label: c.flow.product.as_ref().and_then(|p| p.label.clone()),
            value: c.flow.value_usd,
        })
        .collect();
    if items.is_empty() {
        return Ok(None);
    }
    let mut products = roll_up(items, query.rollup, &query.groups);
    crate::small::sort_by(&mut products, |a, b| {
        b.value
            .total_cmp(&a.value)
            .then_with(|| a.code.cmp(&b.code))
            .is_lt()
    });
    let products_sum: f64 = products.iter().map(|p| p.value).sum();
    // A derived total is no check on the products: reconciled product by product, they
    // may come from other sources than the one whose products made it. Shares are then
    // of the products listed, as they are without any total.
    let total_flow = cells
        .iter()
        .find(|((y, e, p), _)| *y == year && *e == is_export && p.is_none())
        .map(|(_, c)| c.flow)
        .filter(|f| !f.derived);
    let (total, total_from_products) = match total_flow {
        Some(t) => (t.value_usd, false),
        None => (products_sum, true),
    };
    // Values are summed in floating point, so allow for its rounding, not for real excess.
    if let Some(t) = total_flow {
        if products_sum > total * (1.0 + 1e-9) + 1e-6 {
            let direction = if is_export { "exports" } else { "imports" };
            return Err(Error::at(
                Position::new(t.line, 1),
                ErrorKind::ProductsExceedTotal {
                    what: format!("{year} {direction}"),
                    products: dollars(products_sum),
                    total: dollars(t.value_usd),
                },
            ));
        }
    }
    let shown = products.len().min(top.max(1));
    let mut rows: Vec<ProductShare> = products[..shown]
        .iter()
        .map(|p| {
            let code = p.code.clone();
            let label = p.label.clone().unwrap_or_else(|| code.clone());
            ProductShare {
                code,
                label,
                value: p.value,
                share: 0.0,
                share_permille: 0,
                is_other: false,
            }
        })
        .collect();
    let other = total - products[..shown].iter().map(|p| p.value).sum::<f64>();
    if other > total * 1e-9 {
        rows.push(ProductShare {
            code: "other".into(),
            label: "Other".into(),
            value: other,
            share: 0.0,
            share_permille: 0,
            is_other: true,
        });
    }
    let values: Vec<f64> = rows.iter().map(|r| r.value).collect();
    let permille = largest_remainder(&values, 1000);
    for (row, pm) in rows.iter_mut().zip(permille) {
        row.share = if total > 0.0 { row.value / total } else { 0.0 };
        row.share_permille = pm;
    }
    Ok(Some(Breakdown {
        total,
        total_from_products,
        rows,
    }))
}

/// The change from `then` to `now` over the magnitude of `then`: `None` when `then`
/// is zero, or so small (a denormal) that the ratio is beyond any float.
fn relative(then: f64, now: f64) -> Option<f64> {
    let r = (now - then) / then.abs();
    (then != 0.0 && r.is_finite()).then_some(r)
}

/// Whole dollars with thousands separators, for messages that must be exact.
fn dollars(v: f64) -> String {
    format!("${}", crate::format::group_thousands(v.round() as u64))
}

fn code_of(f: &Flow) -> &str {
    f.product.as_ref().map_or("", |p| p.code.as_str())
}

fn sources(data: &Dataset, cells: &[(CellKey, Cell<'_>)]) -> Vec<SourceUse> {
    let mut uses: Vec<SourceUse> = Vec::new();
    for ((year, _, _), cell) in cells {
        let Some(name) = data.source_name(cell.flow) else {
            continue;
        };
        match uses.iter_mut().find(|u| u.name == name) {
            Some(u) => {
                if !u.years.contains(year) {
                    u.years.push(*year);
                }
            }
            None => uses.push(SourceUse {
                name: name.to_string(),
                years: vec![*year],
            }),
        }
    }
    for u in &mut uses {
        crate::small::sort_by(&mut u.years, |a, b| a < b);
    }
    // Latest first: the figures a reader looks at first are the recent ones.
    crate::small::sort_by(&mut uses, |a, b| {
        b.years
            .last()
            .cmp(&a.years.last())
            .then(a.name.cmp(&b.name))
            .is_lt()
    });
    uses
}
