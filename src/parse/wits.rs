//! The World Bank's WITS export (`Reporter, TradeFlow, ProductCode, Product
//! Description, Year, Partner, Trade Value 1000USD, …`): countries by English name
//! as WITS spells them ("Korea, Dem. Rep."), values in thousands of US dollars.
//! WITS relays each reporter's Comtrade figures, so the reporter is the source.
//! Read by [`super::comtrade::read`].

use super::comtrade::Layout;

/// The WITS layout's columns.
pub const LAYOUT: Layout = Layout {
    name: "WITS",
    via: "WITS",
    year: ("Year", &["year"]),
    period: &[],
    freq: &[],
    type_code: &[],
    flow_code: ("TradeFlow", &["tradeflow", "tradeflowname"]),
    flow_words: &[],
    reporter: [
        &[],
        &["reporteriso3", "reporteriso"],
        &["reporter", "reportername"],
    ],
    partner: [
        &[],
        &["partneriso3", "partneriso"],
        &["partner", "partnername"],
    ],
    product: ("ProductCode", &["productcode"]),
    product_label: &["productdescription"],
    value: ("Trade Value 1000USD", &["tradevalue1000usd"], 1e3),
    cif: &[],
    fob: &[],
    breakdowns: &[],
};
