//! The focus country's trade with each partner in one year, as shares of its total:
//! the World row's total where the data has one, else the sum over the partners.

use crate::model::{CountryCode, Dataset, Flow, FlowKind};
use crate::reconcile::{pick, MirrorSide, Pick};
use crate::shares::largest_remainder;

/// One partner's part of the focus country's trade.
#[derive(Clone, Debug, PartialEq)]
pub struct PartnerShare {
    /// The partner.
    pub partner: CountryCode,
    /// Focus → partner, US dollars; `None` when the data has no figure (or its
    /// sources disagree).
    pub exports: Option<f64>,
    /// Partner → focus.
    pub imports: Option<f64>,
    /// Exports plus imports, a missing direction counting as nothing.
    pub total: f64,
    /// `total` over the focus country's total trade.
    pub share: f64,
}

/// What the shares are shares of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareBasis {
    /// The data's World row (partner code 0): all the focus country's trade.
    World,
    /// The partners in the data, added up: the trade the data covers.
    Partners,
}

/// The focus country's partners in one year.
#[derive(Clone, Debug, PartialEq)]
pub struct Partners {
    /// The year.
    pub year: i32,
    /// Partners by total trade, largest first; empty when the data holds the focus
    /// country's trade with only one partner, since a share would mean nothing.
    pub list: Vec<PartnerShare>,
    /// What `share` divides by; `None` with an empty list.
    pub basis: Option<ShareBasis>,
    /// The total that shares divide, US dollars.
    pub total: Option<f64>,
    /// True when the data has only one partner and no World figure for the focus.
    pub single_partner: bool,
    /// The focus country's exports and imports that `total` adds up: the World row's,
    /// or the partners' sums; `None` with an empty list.
    pub flows: Option<(f64, f64)>,
    /// The sources of the figures used, as the data names them.
    pub sources: Vec<String>,
}

/// One bar of the partners view: a partner, or all the others.
#[derive(Clone, Debug, PartialEq)]
pub struct PartnerRow {
    /// The partner; `None` for "Other".
    pub partner: Option<CountryCode>,
    /// Focus → partner (or the others), US dollars; `None` without a figure.
    pub exports: Option<f64>,
    /// Partner (or the others) → focus.
    pub imports: Option<f64>,
    /// Exports plus imports.
    pub total: f64,
    /// `total` over the focus country's total trade, unrounded.
    pub share: f64,
    /// The share in tenths of a percent, rounded so that the rows add up to 1000.
    pub share_permille: u32,
}

impl Partners {
    /// The entry for one partner.
    pub fn get(&self, partner: CountryCode) -> Option<&PartnerShare> {
        self.list.iter().find(|p| p.partner == partner)
    }

    /// The `top` largest partners, then "Other" when anything is left; empty when there
    /// is no share to give.
    pub fn rows(&self, top: usize) -> Vec<PartnerRow> {
        let (Some(total), Some((exports, imports))) = (self.total, self.flows) else {
            return Vec::new();
        };
        // Loops rather than iterator chains: each chain is its own code in the wasm.
        let (mut rows, mut values) = (Vec::new(), Vec::new());
        let (mut shown, mut shown_e, mut shown_i) = (0.0, 0.0, 0.0);
        for p in &self.list[..self.list.len().min(top.max(1))] {
            shown += p.total;
            shown_e += p.exports.unwrap_or(0.0);
            shown_i += p.imports.unwrap_or(0.0);
            values.push(p.total);
            rows.push(PartnerRow {
                partner: Some(p.partner),
                exports: p.exports,
                imports: p.imports,
                total: p.total,
                share: p.share,
                share_permille: 0,
            });
        }
        let rest = total - shown;
        if rest > total * 1e-9 {
            values.push(rest);
            rows.push(PartnerRow {
                partner: None,
                exports: Some((exports - shown_e).max(0.0)),
                imports: Some((imports - shown_i).max(0.0)),
                total: rest,
                share: rest / total,
                share_permille: 0,
            });
        }
        for (r, pm) in rows.iter_mut().zip(largest_remainder(&values, 1000)) {
            r.share_permille = pm;
        }
        rows
    }
}

/// The focus country's trade with every partner in `year`, totals only, each
/// figure chosen as the balance's are (mirror side, preferred sources).
pub fn partner_shares(
    data: &Dataset,
    focus: CountryCode,
    year: i32,
    prefer: &[String],
    side: MirrorSide,
) -> Partners {
    let world = CountryCode::parse("WLD");
    // Cells by (partner, is_export): a list, not a map, to keep the wasm small;
    // a country has a few hundred partners at most.
    let mut cells: Vec<((CountryCode, bool), Vec<&Flow>)> = Vec::new();
    for f in &data.flows {
        if f.year != year || f.kind != FlowKind::Trade || f.product.is_some() {
            continue;
        }
        let key = if f.exporter == focus {
            (f.importer, true)
        } else if f.importer == focus {
            (f.exporter, false)
        } else {
            continue;
        };
        match cells.iter_mut().find(|(k, _)| *k == key) {
            Some((_, flows)) => flows.push(f),
            None => cells.push((key, vec![f])),
        }
    }
    let mut by_partner: Vec<(CountryCode, Option<f64>, Option<f64>)> = Vec::new();
    let mut sources: Vec<String> = Vec::new();
    for ((partner, is_export), flows) in &cells {
        let value = match pick(data, flows, prefer, side).0 {
            Pick::Use(f) => {
                if let Some(name) = data.source_name(f) {
                    if !sources.iter().any(|s| s == name) {
                        sources.push(name.to_string());
                    }
                }
                Some(f.value_usd)
            }
            Pick::Conflict(_) => None,
        };
        let i = match by_partner.iter().position(|p| p.0 == *partner) {
            Some(i) => i,
            None => {
                by_partner.push((*partner, None, None));
                by_partner.len() - 1
            }
        };
        if *is_export {
            by_partner[i].1 = value;
        } else {
            by_partner[i].2 = value;
        }
    }
    let world_flows = by_partner
        .iter()
        .position(|p| Some(p.0) == world)
        .map(|i| by_partner.remove(i))
        .and_then(|(_, e, i)| Some((e?, i?)));
    let mut list: Vec<PartnerShare> = by_partner
        .into_iter()
        .map(|(partner, exports, imports)| PartnerShare {
            partner,
            exports,
            imports,
            total: exports.unwrap_or(0.0) + imports.unwrap_or(0.0),
            share: 0.0,
        })
        .collect();
    let single_partner = world_flows.is_none() && list.len() < 2;
    if single_partner {
        return Partners {
            year,
            list: Vec::new(),
            basis: None,
            total: None,
            single_partner,
            flows: None,
            sources,
        };
    }
    let (basis, total, flows) = match world_flows {
        Some((e, i)) => (ShareBasis::World, e + i, (e, i)),
        None => {
            let sum = |f: fn(&PartnerShare) -> f64| list.iter().map(f).sum::<f64>();
            (
                ShareBasis::Partners,
                sum(|p| p.total),
                (
                    sum(|p| p.exports.unwrap_or(0.0)),
                    sum(|p| p.imports.unwrap_or(0.0)),
                ),
            )
        }
    };
    for p in &mut list {
        p.share = if total > 0.0 { p.total / total } else { 0.0 };
    }
    crate::small::sort_by(&mut list, |a, b| {
        a.total > b.total || (a.total == b.total && a.partner < b.partner)
    });
    Partners {
        year,
        list,
        basis: Some(basis),
        total: Some(total),
        single_partner,
        flows: Some(flows),
        sources,
    }
}
