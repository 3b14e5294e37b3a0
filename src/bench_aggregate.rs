//! The aggregate of the peers' data benchmark (`../shared/bench/pages/aggregate.js`),
//! computed from bytes with this crate's CSV reader, so that parse + aggregate can be
//! timed against d3-dsv and PapaParse in one run. Built only with `--features bench`.

use crate::model::FastMap;
use crate::parse::csv::plain_digits;

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
    let mut s = Streaming::default();
    s.push(text.as_bytes());
    s.finish()
}

/// One year's running sums; products by their index in [`Streaming::names`].
struct Acc {
    exports: f64,
    imports: f64,
    total: f64,
    products: Vec<Option<f64>>,
}

/// The aggregate of a file that arrives in parts (the page pushes it a megabyte at a
/// time, so that wasm memory never holds the whole file): complete lines are read as
/// they come; only the last, unfinished record of a part waits for the next.
#[derive(Default)]
pub struct Streaming {
    /// Bytes not read yet: the unfinished end of the last part, then the next part.
    buf: Vec<u8>,
    /// Where the next part goes in `buf` (see [`Streaming::space`]).
    filled: usize,
    /// Column indexes of year, flow, product and value, once the header is read.
    cols: Option<[usize; 4]>,
    /// False when the header lacks a needed column.
    usable: bool,
    delimiter: u8,
    rows: u64,
    years: Vec<(i32, Acc)>,
    year_slot: FastMap<i32, usize>,
    names: Vec<String>,
    ids: FastMap<String, usize>,
}

impl Streaming {
    /// Room for `len` more bytes at the end of what is waiting: the page writes the next
    /// part there (straight into wasm memory), then calls [`Streaming::wrote`].
    pub fn space(&mut self, len: usize) -> &mut [u8] {
        // The buffer only grows (zeroed once), so that each part costs one copy.
        let end = self.filled + len;
        if self.buf.len() < end {
            self.buf.resize(end, 0);
        }
        &mut self.buf[self.filled..end]
    }

    /// Reads the complete records of what is waiting, after `len` bytes were written
    /// into [`Streaming::space`].
    pub fn wrote(&mut self, len: usize) {
        self.filled = (self.filled + len).min(self.buf.len());
        let buf = std::mem::take(&mut self.buf);
        let waiting = &buf[..self.filled];
        // Complete lines only: up to the last line end (a character never spans one).
        let end = waiting
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let used = self.read(&waiting[..end], false);
        self.buf = buf;
        self.buf.copy_within(used..self.filled, 0);
        self.filled -= used;
    }

    /// Appends `bytes` and reads the complete records.
    pub fn push(&mut self, bytes: &[u8]) {
        self.space(bytes.len()).copy_from_slice(bytes);
        self.wrote(bytes.len());
    }

    /// Reads what is left and gives the aggregate; `None` when a needed column is missing.
    pub fn finish(mut self) -> Option<Aggregate> {
        let buf = std::mem::take(&mut self.buf);
        self.read(&buf[..self.filled.min(buf.len())], true);
        if !self.usable {
            return None;
        }
        let names = &self.names;
        let mut years: Vec<YearAggregate> = self
            .years
            .into_iter()
            .map(|(year, acc)| {
                let mut top: Vec<(&String, f64)> = acc
                    .products
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| Some((names.get(i)?, (*v)?)))
                    .collect();
                top.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
                top.truncate(10);
                let top10 = top
                    .into_iter()
                    .map(|(p, v)| (p.clone(), v, v / acc.total))
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
        years.sort_by_key(|y| y.year);
        Some(Aggregate {
            rows: self.rows,
            years,
        })
    }

    /// Reads the records of `bytes`; unless `last`, a record left open by a quote at the
    /// end waits for more. Returns the bytes read.
    fn read(&mut self, bytes: &[u8], last: bool) -> usize {
        let Ok(text) = std::str::from_utf8(bytes) else {
            // Not UTF-8: read what is, as one text would be (a field with a bad byte
            // turns into U+FFFD), rather than wait forever.
            let text = String::from_utf8_lossy(bytes);
            self.read_text(&text, true);
            return bytes.len();
        };
        self.read_text(text, last)
    }

    fn read_text(&mut self, text: &str, last: bool) -> usize {
        let mut records = match self.cols {
            Some(_) => crate::parse::Records::with_delimiter(text, self.delimiter),
            None => crate::parse::Records::new(text),
        };
        let cols = match self.cols {
            Some(c) => c,
            None => {
                let Some(header) = records.next_record() else {
                    return 0;
                };
                if header.unclosed.is_some() && !last {
                    return 0;
                }
                let names: Vec<&str> = header.fields.iter().map(|f| f.trim()).collect();
                let col = |name: &str| names.iter().position(|h| *h == name);
                let found = [col("year"), col("flow"), col("product"), col("value_usd")];
                self.usable = found.iter().all(Option::is_some);
                let c = found.map(|i| i.unwrap_or(usize::MAX));
                self.cols = Some(c);
                self.delimiter = crate::parse::csv::delimiter(text);
                c
            }
        };
        let [year_i, flow_i, product_i, value_i] = cols;
        loop {
            let start = records.offset();
            let Some(r) = records.next_record() else {
                return text.len();
            };
            if r.unclosed.is_some() && !last {
                return start;
            }
            let (Some(y), Some(v)) = (r.fields.get(year_i), r.fields.get(value_i)) else {
                continue;
            };
            let (Some(year), Some(value)) = (year_of(y), value_of(v)) else {
                continue;
            };
            self.rows += 1;
            let slot = match self.year_slot.get(&year) {
                Some(&i) => i,
                None => {
                    self.years.push((
                        year,
                        Acc {
                            exports: 0.0,
                            imports: 0.0,
                            total: 0.0,
                            products: Vec::new(),
                        },
                    ));
                    self.year_slot.insert(year, self.years.len() - 1);
                    self.years.len() - 1
                }
            };
            let product = r.fields.get(product_i).copied().unwrap_or("");
            let id = match self.ids.get(product) {
                Some(&i) => i,
                None => {
                    self.names.push(product.to_string());
                    self.ids.insert(product.to_string(), self.names.len() - 1);
                    self.names.len() - 1
                }
            };
            let Some((_, acc)) = self.years.get_mut(slot) else {
                continue;
            };
            match r.fields.get(flow_i).copied() {
                Some("Export") => acc.exports += value,
                Some("Import") => acc.imports += value,
                _ => {}
            }
            acc.total += value;
            if acc.products.len() <= id {
                acc.products.resize(id + 1, None);
            }
            if let Some(sum) = acc.products.get_mut(id) {
                *sum = Some(sum.unwrap_or(0.0) + value);
            }
        }
    }
}

/// `y.trim().parse::<i32>()`, digits first without the parser.
fn year_of(y: &str) -> Option<i32> {
    match plain_digits(y).map(i32::try_from) {
        Some(Ok(n)) => Some(n),
        _ => y.trim().parse().ok(),
    }
}

/// `v.trim().parse::<f64>()`, whole numbers first without the float parser (exact).
fn value_of(v: &str) -> Option<f64> {
    match plain_digits(v) {
        Some(n) => Some(n as f64),
        None => v.trim().parse().ok(),
    }
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
        Ok(to_js(&a))
    }

    /// The same aggregate from a file pushed a part at a time: wasm memory holds one
    /// part and the unfinished record before it, never the file.
    #[wasm_bindgen(js_name = BenchAggregator)]
    #[derive(Default)]
    pub struct BenchAggregator(super::Streaming);

    #[wasm_bindgen(js_class = BenchAggregator)]
    impl BenchAggregator {
        /// An aggregator with nothing read.
        #[wasm_bindgen(constructor)]
        pub fn new() -> BenchAggregator {
            BenchAggregator::default()
        }

        /// Where in wasm memory the page writes the next `len` bytes (valid until the
        /// next call: a view of `memory.buffer` made after this call).
        pub fn space(&mut self, len: usize) -> usize {
            self.0.space(len).as_mut_ptr() as usize
        }

        /// Reads the complete records, once `len` bytes are written at [`Self::space`].
        pub fn wrote(&mut self, len: usize) {
            self.0.wrote(len);
        }

        /// The harness's aggregate object.
        pub fn finish(self) -> Result<JsValue, JsValue> {
            let a = self
                .0
                .finish()
                .ok_or_else(|| JsValue::from_str("missing columns"))?;
            Ok(to_js(&a))
        }
    }

    fn to_js(a: &super::Aggregate) -> JsValue {
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
        o.into()
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

    // The page pushes the file in parts: wherever the parts split it (inside a field, a
    // quoted line break, a multi-byte character or the header), the aggregate is the one
    // of the whole text.
    #[test]
    fn parts_of_any_size_give_the_aggregate_of_the_whole() {
        let text = "year,reporter,partner,flow,hs_code,product,value_usd\n\
                    2001,USA,CHN,Export,84,\"Machinery,\nnuclear\",10\n\
                    2001,USA,CHN,Import,85,Électrique,30\n\
                    \n\
                    2000,USA,CHN,Import,85,\"Électrique\",5.5\n\
                    x,USA,CHN,Import,85,Bad year,5\n\
                    2001,CHN,USA,Export,85,Électrique,2";
        let whole = aggregate(text).unwrap();
        assert_eq!(whole.rows, 4);
        assert_eq!(whole.years[0].top10[0].0, "Électrique");
        assert_eq!(whole.years[1].top10[1].0, "Machinery,\nnuclear");
        for size in 1..text.len() {
            let mut s = Streaming::default();
            for part in text.as_bytes().chunks(size) {
                s.push(part);
            }
            assert_eq!(s.finish().as_ref(), Some(&whole), "parts of {size}");
        }
        let mut s = Streaming::default();
        s.push(b"year,flow,product\n2001,Export,A,1\n");
        assert_eq!(s.finish(), None);
    }
}
