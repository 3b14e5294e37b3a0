//! The aggregate of the peers' data benchmark (`../shared/bench/pages/aggregate.js`),
//! computed from bytes with this crate's CSV reader, so that parse + aggregate can be
//! timed against d3-dsv and PapaParse in one run. Built only with `--features bench`.

use std::collections::HashMap;

use crate::parse::csv::Records;

/// One year's figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct YearAggregate {
    /// Calendar year.
    pub year: i32,
    /// Sum of `Export` rows.
    pub exports: f64,
    /// Sum of `Import` rows.
    pub imports: f64,
    /// Sum of all rows.
    pub total: f64,
    /// The ten largest products: name, value, share of the total.
    pub top10: Vec<(String, f64, f64)>,
}

/// What the harness checks: rows counted, and each year's figures in year order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Aggregate {
    /// Rows with a numeric year and value.
    pub rows: u64,
    /// Years ascending.
    pub years: Vec<YearAggregate>,
}

/// Aggregates `year,reporter,partner,flow,hs_code,product,value_usd` text the way
/// aggregate.js does; `None` when a needed column is missing.
pub fn aggregate(text: &str) -> Option<Aggregate> {
    let mut records = Records::new(text);
    let header: Vec<String> = records
        .next_record()?
        .fields
        .iter()
        .map(|f| f.trim().to_string())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name);
    let (year_i, flow_i, product_i, value_i) = (
        col("year")?,
        col("flow")?,
        col("product")?,
        col("value_usd")?,
    );

    struct Acc {
        exports: f64,
        imports: f64,
        total: f64,
        products: HashMap<String, f64>,
    }
    let mut by_year: Vec<(i32, Acc)> = Vec::new();
    let mut rows = 0;
    while let Some(r) = records.next_record() {
        let (Some(y), Some(v)) = (r.fields.get(year_i), r.fields.get(value_i)) else {
            continue;
        };
        let (Ok(year), Ok(value)) = (y.trim().parse::<i32>(), v.trim().parse::<f64>()) else {
            continue;
        };
        rows += 1;
        let acc = match by_year.iter().position(|(y, _)| *y == year) {
            Some(i) => &mut by_year[i].1,
            None => {
                by_year.push((
                    year,
                    Acc {
                        exports: 0.0,
                        imports: 0.0,
                        total: 0.0,
                        products: HashMap::new(),
                    },
                ));
                &mut by_year.last_mut()?.1
            }
        };
        match r.fields.get(flow_i).copied() {
            Some("Export") => acc.exports += value,
            Some("Import") => acc.imports += value,
            _ => {}
        }
        acc.total += value;
        let product = r.fields.get(product_i).copied().unwrap_or("");
        match acc.products.get_mut(product) {
            Some(sum) => *sum += value,
            None => {
                acc.products.insert(product.to_string(), value);
            }
        }
    }
    by_year.sort_by_key(|(y, _)| *y);
    let years = by_year
        .into_iter()
        .map(|(year, acc)| {
            let mut top: Vec<(String, f64)> = acc.products.into_iter().collect();
            top.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            top.truncate(10);
            let top10 = top
                .into_iter()
                .map(|(p, v)| (p, v, v / acc.total))
                .collect();
            YearAggregate {
                year,
                exports: acc.exports,
                imports: acc.imports,
                total: acc.total,
                top10,
            }
        })
        .collect();
    Some(Aggregate { rows, years })
}

#[cfg(target_arch = "wasm32")]
mod web {
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::prelude::*;

    fn set(o: &Object, k: &str, v: JsValue) {
        let _ = Reflect::set(o, &JsValue::from_str(k), &v);
    }

    /// The harness's aggregate object from the file's bytes (one copy into wasm memory).
    #[wasm_bindgen(js_name = benchAggregate)]
    pub fn bench_aggregate(bytes: &[u8]) -> Result<JsValue, JsValue> {
        let text = std::str::from_utf8(bytes).map_err(|_| JsValue::from_str("not UTF-8"))?;
        let a = super::aggregate(text).ok_or_else(|| JsValue::from_str("missing columns"))?;
        let o = Object::new();
        set(&o, "rows", (a.rows as f64).into());
        let list = |f: &dyn Fn(&super::YearAggregate) -> JsValue| -> JsValue {
            a.years.iter().map(f).collect::<Array>().into()
        };
        set(&o, "years", list(&|y| y.year.into()));
        set(&o, "exports", list(&|y| y.exports.into()));
        set(&o, "imports", list(&|y| y.imports.into()));
        set(&o, "balance", list(&|y| (y.imports - y.exports).into()));
        let mut prev: Option<f64> = None;
        let yoy: Array = a
            .years
            .iter()
            .map(|y| {
                let bal = y.imports - y.exports;
                let v = match prev {
                    Some(p) if p != 0.0 => JsValue::from_f64((bal - p) / p.abs() * 100.0),
                    _ => JsValue::NULL,
                };
                prev = Some(bal);
                v
            })
            .collect();
        set(&o, "yoyBalancePct", yoy.into());
        set(
            &o,
            "top10",
            list(&|y| {
                y.top10
                    .iter()
                    .map(|(p, v, s)| {
                        let t = Object::new();
                        set(&t, "product", JsValue::from_str(p));
                        set(&t, "value", (*v).into());
                        set(&t, "share", (*s).into());
                        JsValue::from(t)
                    })
                    .collect::<Array>()
                    .into()
            }),
        );
        Ok(o.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_flows_and_ranks_products_like_the_harness() {
        let text = "year,reporter,partner,flow,hs_code,product,value_usd\n\
                    2001,USA,CHN,Export,84,\"Machinery, nuclear\",10\n\
                    2001,USA,CHN,Import,85,Electrical,30\n\
                    2000,USA,CHN,Import,85,Electrical,5\n\
                    2001,CHN,USA,Export,85,Electrical,2\n";
        let a = aggregate(text).unwrap();
        assert_eq!(a.rows, 4);
        assert_eq!(a.years[0].year, 2000);
        let y = &a.years[1];
        assert_eq!((y.exports, y.imports, y.total), (12.0, 30.0, 42.0));
        assert_eq!(y.top10[0], ("Electrical".to_string(), 32.0, 32.0 / 42.0));
        assert_eq!(y.top10[1].0, "Machinery, nuclear");
    }
}
