//! UN Comtrade's legacy CSV (`Classification, Year, Period, …, Trade Flow Code,
//! Trade Flow, Reporter Code, Reporter, Reporter ISO, Partner Code, Partner,
//! Partner ISO, …, Commodity Code, Commodity, …, Trade Value (US$)`), whose values
//! often carry thousands separators. Same meaning as the current layout: trade
//! flow 1 is imports, 2 exports, 3 re-exports, 4 re-imports. Read by
//! [`super::comtrade::read`].

use super::comtrade::Layout;

/// The legacy layout's columns.
pub const LAYOUT: Layout = Layout {
    name: "UN Comtrade (legacy)",
    via: "UN Comtrade",
    year: ("Year", &["year"]),
    period: &["period"],
    freq: &[],
    type_code: &[],
    flow_code: ("Trade Flow Code", &["tradeflowcode"]),
    flow_words: &["tradeflow"],
    reporter: [&["reportercode"], &["reporteriso"], &["reporter"]],
    partner: [&["partnercode"], &["partneriso"], &["partner"]],
    product: ("Commodity Code", &["commoditycode"]),
    product_label: &["commodity"],
    value: ("Trade Value (US$)", &["tradevalueus", "tradevalue"], 1.0),
    cif: &["ciftradevalueus", "ciftradevalue"],
    fob: &["fobtradevalueus", "fobtradevalue"],
    breakdowns: &[
        (&["2ndpartnercode"], &["0"]),
        (&["customsproccode"], &["C00"]),
        (&["modeoftransportcode"], &["0"]),
    ],
};
