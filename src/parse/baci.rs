//! CEPII BACI (`t,i,j,k,v,q`): year, exporter and importer as numeric codes (M49,
//! or Comtrade's customs-territory codes such as 842 for the United States), HS6
//! product, value in thousands of US dollars, quantity in tonnes (not used).
//!
//! BACI reconciles each flow from both partners' reports into one figure, so its
//! rows have no reporter; the source is "CEPII BACI". It has no total rows: its
//! HS6 products cover all goods, so each flow's total is their sum, made by the
//! rule every reader shares ([`crate::model::ProductSums`]).

use super::csv::Records;
use super::row::FlowBuilder;
use super::table::{place_words, Header, Places};
use super::ReadOptions;
use crate::error::{Error, ErrorKind};
use crate::model::{Dataset, Flow, Product};

/// The format's name in messages.
pub const NAME: &str = "BACI";

/// The source of every BACI figure.
pub const SOURCE: &str = "CEPII BACI";

/// An HS6 code as BACI writes it: some releases drop the leading zero ("10121").
fn hs6(code: &str) -> String {
    if code.len() < 6 && !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()) {
        format!("{code:0>6}")
    } else {
        code.to_string()
    }
}

pub fn parse_flows(text: &str, opts: &ReadOptions) -> Result<Dataset, Error> {
    let mut records = Records::new(text);
    let h = Header::read(&mut records, NAME)?;
    let year = h.require("t", &["t"])?;
    let exporter = h.require("i", &["i"])?;
    let importer = h.require("j", &["j"])?;
    let product = h.require("k", &["k"])?;
    let value = h.require("v", &["v"])?;

    let mut builder = FlowBuilder::new(opts);
    let source = builder.dataset.intern_source(SOURCE);
    let mut places = Places::default();
    let mut rows = 0;
    while let Some(rec) = records.next_record() {
        let r = h.row(&rec)?;
        rows += 1;
        let mut country = |i: usize, role: &str| -> Result<Result<_, String>, Error> {
            let code = r
                .code(Some(i))?
                .ok_or_else(|| r.err(i, ErrorKind::EmptyCell))?;
            Ok(places
                .numeric(code)
                .ok_or_else(|| place_words(role, Some(code), None)))
        };
        let e = country(exporter, "exporter")?;
        let m = country(importer, "importer")?;
        let (e, m) = match (e, m) {
            (Ok(e), Ok(m)) => (e, m),
            (Err(why), _) | (_, Err(why)) => {
                builder.dataset.skip(why, r.line);
                continue;
            }
        };
        if e == m {
            return Err(r.err(importer, ErrorKind::SameCountry(e.to_string())));
        }
        let mut flow = Flow::new(r.year(year)?, e, m, r.value(value)? * 1e3);
        flow.product = Some(Product {
            code: hs6(r.required(product)?),
            label: None,
        });
        flow.source = Some(source);
        flow.line = r.line;
        builder.add(flow)?;
    }
    // BACI has no total rows: the builder makes each flow's total from its products.
    super::finish(builder.finish()?, NAME, h.line, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hs6_codes_get_their_leading_zero_back() {
        assert_eq!(hs6("10121"), "010121");
        assert_eq!(hs6("670411"), "670411");
        assert_eq!(hs6("TOTAL"), "TOTAL");
    }
}
