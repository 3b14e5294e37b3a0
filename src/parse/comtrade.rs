//! UN Comtrade, current API and download CSV (`typeCode, freqCode, refYear, …,
//! reporterCode, …, flowCode, partnerCode, …, cmdCode, …, primaryValue`), and the
//! reader that it shares with the legacy Comtrade CSV and WITS: one loop driven by
//! a [`Layout`] that names each layout's columns.
//!
//! Each row is the reporter's own count: flow `X` is reporter → partner, `M` is
//! partner → reporter; `RX` and `RM` are re-exports and re-imports, kept as their
//! own kind. Partner 0 is the World. The source is the reporter
//! ("China customs (UN Comtrade)"). Rows that are not flows between two countries
//! (regional aggregates, breakdowns by transport or customs procedure, other flow
//! codes, services) are skipped and counted; monthly data is refused, since
//! months are never added up into years.

use super::csv::Records;
use super::row::FlowBuilder;
use super::table::{key, key_is, place_words, Header, Places, Row};
use super::ReadOptions;
use crate::error::{Error, ErrorKind};
use crate::model::{CountryCode, Dataset, Flow, FlowKind, Product};

/// Where a layout keeps what the reader needs: for each, the header name for
/// messages and the folded header names that match it (see [`key`]).
pub struct Layout {
    /// The format's name in messages.
    pub name: &'static str,
    /// Where the figures come from, after the reporter: "UN Comtrade".
    pub via: &'static str,
    /// Year (required).
    pub year: (&'static str, &'static [&'static str]),
    /// A period that is a month when it has six digits.
    pub period: &'static [&'static str],
    /// Frequency: `A` annual, `M` monthly.
    pub freq: &'static [&'static str],
    /// Goods (`C`) or services (`S`).
    pub type_code: &'static [&'static str],
    /// The flow as a code (`X`, `M`, `RX`, `RM`, or legacy 1–4).
    pub flow_code: (&'static str, &'static [&'static str]),
    /// The flow in words (`Export`, `Import`, `Re-Export`, …).
    pub flow_words: &'static [&'static str],
    /// Reporter: numeric code, ISO code, name (at least one).
    pub reporter: [&'static [&'static str]; 3],
    /// Partner: numeric code, ISO code, name (at least one).
    pub partner: [&'static [&'static str]; 3],
    /// Commodity code (required).
    pub product: (&'static str, &'static [&'static str]),
    /// Commodity description.
    pub product_label: &'static [&'static str],
    /// Trade value (required), and what to multiply it by for US dollars.
    pub value: (&'static str, &'static [&'static str], f64),
    /// CIF value, US dollars.
    pub cif: &'static [&'static str],
    /// FOB value, US dollars.
    pub fob: &'static [&'static str],
    /// Columns whose rows are parts of a whole figure unless they hold one of the
    /// "all" values: second partner, customs procedure, mode of transport.
    pub breakdowns: &'static [(&'static [&'static str], &'static [&'static str])],
}

/// UN Comtrade's current layout.
pub const LAYOUT: Layout = Layout {
    name: "UN Comtrade",
    via: "UN Comtrade",
    year: ("refYear", &["refyear", "period"]),
    period: &["period"],
    freq: &["freqcode"],
    type_code: &["typecode"],
    flow_code: ("flowCode", &["flowcode"]),
    flow_words: &["flowdesc"],
    reporter: [&["reportercode"], &["reporteriso"], &["reporterdesc"]],
    partner: [&["partnercode"], &["partneriso"], &["partnerdesc"]],
    product: ("cmdCode", &["cmdcode"]),
    product_label: &["cmddesc"],
    value: ("primaryValue", &["primaryvalue"], 1.0),
    cif: &["cifvalue"],
    fob: &["fobvalue"],
    breakdowns: &[
        (&["partner2code"], &["0"]),
        (&["customscode"], &["C00"]),
        (&["motcode"], &["0"]),
    ],
};

/// Which way a flow points from the reporter, and what kind of flow it is.
enum Direction {
    /// Reporter → partner.
    Out(FlowKind),
    /// Partner → reporter.
    In(FlowKind),
}

/// A flow from its code or its words; `None` for flows that are neither exports,
/// imports, re-exports nor re-imports (Comtrade's DX, FM, processing flows).
fn direction(code: Option<&str>, words: Option<&str>) -> Option<Direction> {
    use Direction::{In, Out};
    use FlowKind::{ReExport, ReImport, Trade};
    let text = code.or(words)?;
    // Comtrade's own codes, as nearly every row has them: no folding.
    match text {
        "X" => return Some(Out(Trade)),
        "M" => return Some(In(Trade)),
        _ => {}
    }
    Some(match key(text).as_str() {
        "x" | "2" | "export" | "exports" | "grossexp" | "grossexports" => Out(Trade),
        "m" | "1" | "import" | "imports" | "grossimp" | "grossimports" => In(Trade),
        "rx" | "3" | "reexport" | "reexports" => Out(ReExport),
        "rm" | "4" | "reimport" | "reimports" => In(ReImport),
        _ => return None,
    })
}

/// Comtrade writes the total `TOTAL`; WITS `Total` or `All Products`.
fn is_total(code: &str) -> bool {
    ["total", "all", "allproducts"]
        .iter()
        .any(|k| key_is(code, k))
}

/// The reporter's source name: `"China customs (UN Comtrade)"`.
pub fn source_name(reporter_name: &str, via: &str) -> String {
    format!("{reporter_name} customs ({via})")
}

/// A place's three columns in one row: numeric code, ISO code, name.
type Place<'r> = (Option<u16>, Option<&'r str>, Option<&'r str>);

fn place<'r>(r: &Row<'r>, cols: [Option<usize>; 3]) -> Result<Place<'r>, Error> {
    Ok((r.code(cols[0])?, r.opt(cols[1]), r.opt(cols[2])))
}

/// Reads a file in one of the reporter-based layouts.
pub fn read(text: &str, l: &Layout, opts: &ReadOptions) -> Result<Dataset, Error> {
    let mut records = Records::new(text);
    let h = Header::read(&mut records, l.name)?;
    let year = h.require(l.year.0, l.year.1)?;
    let period = h.find(l.period);
    let freq = h.find(l.freq);
    let type_code = h.find(l.type_code);
    let flow_code = h.find(l.flow_code.1);
    let flow_words = h.find(l.flow_words);
    if flow_code.is_none() && flow_words.is_none() {
        h.require(l.flow_code.0, l.flow_code.1)?;
    }
    let reporter = l.reporter.map(|k| h.find(k));
    let partner = l.partner.map(|k| h.find(k));
    if reporter == [None; 3] {
        h.require("reporter", l.reporter[0])?;
    }
    if partner == [None; 3] {
        h.require("partner", l.partner[0])?;
    }
    let product = h.require(l.product.0, l.product.1)?;
    let product_label = h.find(l.product_label);
    let value = h.require(l.value.0, l.value.1)?;
    let cif = h.find(l.cif);
    let fob = h.find(l.fob);
    let breakdowns: Vec<(Option<usize>, &[&str])> = l
        .breakdowns
        .iter()
        .map(|(k, all)| (h.find(k), *all))
        .collect();

    let mut builder = FlowBuilder::new(opts);
    let mut places = Places::default();
    // Each reporter's source index: a file has a few reporters at most.
    let mut sources: Vec<(CountryCode, u32)> = Vec::new();
    let mut last_source = 0;
    let mut rows = 0;
    while let Some(rec) = records.next_record() {
        let r = h.row(&rec)?;
        rows += 1;
        let line = r.line;
        let monthly = match (r.opt(freq), r.opt(period)) {
            (Some(f), _) => f.eq_ignore_ascii_case("M"),
            (None, Some(p)) => p.len() == 6,
            _ => false,
        };
        if monthly {
            return Err(r.err(
                freq.or(period).unwrap_or(year),
                ErrorKind::Unsupported(
                    "this is monthly data; download annual data (frequency A): \
                     months are never added up into years"
                        .into(),
                ),
            ));
        }
        if let Some(t) = r.opt(type_code).filter(|t| !t.eq_ignore_ascii_case("C")) {
            builder
                .dataset
                .skip(format!("typeCode {t} is not goods"), line);
            continue;
        }
        let breakdown = breakdowns.iter().any(|(i, all)| {
            r.opt(*i)
                .is_some_and(|t| !all.iter().any(|a| t.eq_ignore_ascii_case(a)))
        });
        if breakdown {
            builder.dataset.skip(
                "a breakdown by second partner, customs procedure or transport",
                line,
            );
            continue;
        }
        let (code, words) = (r.opt(flow_code), r.opt(flow_words));
        let Some(direction) = direction(code, words) else {
            let Some(what) = code.or(words) else {
                return Err(r.err(flow_code.or(flow_words).unwrap_or(0), ErrorKind::EmptyCell));
            };
            builder.dataset.skip(
                format!("flow \"{what}\" is not exports, imports, re-exports or re-imports"),
                line,
            );
            continue;
        };
        let (rc, riso, rname) = place(&r, reporter)?;
        let (pc, piso, pname) = place(&r, partner)?;
        let Some(rep) = places.resolve(rc, riso, rname) else {
            builder
                .dataset
                .skip(place_words("reporter", rc, rname.or(riso)), line);
            continue;
        };
        let Some(par) = places.resolve(pc, piso, pname) else {
            builder
                .dataset
                .skip(place_words("partner", pc, pname.or(piso)), line);
            continue;
        };
        if rep == par {
            // Goods a country re-imports from itself, listed with itself as partner.
            builder
                .dataset
                .skip("reporter and partner are the same country", line);
            continue;
        }
        // Rows come grouped by reporter: the last one found is almost always the one.
        let found = match sources.get(last_source) {
            Some(&(c, s)) if c == rep => Some(s),
            _ => sources.iter().position(|(c, _)| *c == rep).map(|i| {
                last_source = i;
                sources[i].1
            }),
        };
        let source = match found {
            Some(s) => s,
            None => {
                let name = rname
                    .map(str::to_string)
                    .or_else(|| crate::countries::by_alpha3(rep.as_str()).map(|c| c.en.into()))
                    .unwrap_or_else(|| rep.to_string());
                let s = builder.dataset.intern_source(&source_name(&name, l.via));
                last_source = sources.len();
                sources.push((rep, s));
                s
            }
        };
        let (exporter, importer, kind) = match direction {
            Direction::Out(k) => (rep, par, k),
            Direction::In(k) => (par, rep, k),
        };
        let code = r.required(product)?;
        // A product of another partner is built all the same: it adds to a total the
        // data may lack, which the partner shares need.
        if !builder.keeps(exporter, importer, false) {
            // Still checked, never built: a big file's other countries cost no allocation.
            r.year(year)?;
            r.value(value)?;
            r.opt_value(cif)?;
            r.opt_value(fob)?;
            builder.dataset.rows_read += 1;
            continue;
        }
        let mut flow = Flow::new(
            r.year(year)?,
            exporter,
            importer,
            r.value(value)? * l.value.2,
        );
        flow.product = (!is_total(code)).then(|| Product {
            code: code.to_string(),
            label: r.opt(product_label).map(str::to_string),
        });
        flow.source = Some(source);
        flow.line = line;
        flow.kind = kind;
        flow.reporter = Some(rep);
        flow.cif_usd = r.opt_value(cif)?;
        flow.fob_usd = r.opt_value(fob)?;
        builder.add(flow)?;
    }
    super::finish(builder.finish()?, l.name, h.line, rows)
}
