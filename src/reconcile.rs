//! One figure per cell (year, direction, product): whose report to use where both
//! countries report the same flow ("mirror" figures), and which source where
//! sources disagree. Figures are never summed or averaged.

use crate::model::{CountryCode, Dataset, Flow, FlowKind};

/// Whose report a balance uses where both countries report a flow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MirrorSide {
    /// The importer's count (CIF), the usual practice: customs watch what comes in
    /// more closely than what goes out.
    #[default]
    Importer,
    /// The exporter's count (FOB).
    Exporter,
}

impl MirrorSide {
    /// `importer` or `exporter` (ASCII case-insensitive); `None` for anything else.
    pub fn from_name(s: &str) -> Option<MirrorSide> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "importer" | "import" | "imports" => Some(MirrorSide::Importer),
            "exporter" | "export" | "exports" => Some(MirrorSide::Exporter),
            _ => None,
        }
    }

    /// The option's name.
    pub fn name(self) -> &'static str {
        match self {
            MirrorSide::Importer => "importer",
            MirrorSide::Exporter => "exporter",
        }
    }
}

/// One flow as both countries report it.
#[derive(Clone, Debug, PartialEq)]
pub struct MirrorFigure {
    /// Year.
    pub year: i32,
    /// Selling country.
    pub exporter: CountryCode,
    /// Buying country.
    pub importer: CountryCode,
    /// The exporter's figure: its FOB value where the data gives one.
    pub exporter_value: f64,
    /// The importer's figure: its CIF value where the data gives one.
    pub importer_value: f64,
    /// `importer_value / exporter_value - 1`: how much more (or, negative, less) the
    /// importer counted. Freight and insurance alone usually make it a few percent.
    /// `None` when the exporter reported zero.
    pub gap: Option<f64>,
}

/// The figure chosen for a cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Pick<'a> {
    /// This flow's value.
    Use(&'a Flow),
    /// Sources that disagree, none preferred: each source and its value.
    Conflict(Vec<(String, f64)>),
}

/// Chooses among the flows of one cell (same year, exporter, importer, product
/// and kind). Where both the exporter and the importer report it, `side` picks
/// whose report counts and the two figures come back as a [`MirrorFigure`]. The
/// first name in `prefer` that has a figure wins over everything; otherwise
/// agreeing sources give their value, and disagreeing ones make a conflict.
pub fn pick<'a>(
    data: &Dataset,
    flows: &[&'a Flow],
    prefer: &[String],
    side: MirrorSide,
) -> (Pick<'a>, Option<MirrorFigure>) {
    let Some(first) = flows.first() else {
        return (Pick::Conflict(Vec::new()), None);
    };
    let (exporter, importer) = (first.exporter, first.importer);
    let by = |c: CountryCode| -> Vec<&'a Flow> {
        flows
            .iter()
            .copied()
            .filter(|f| f.reporter == Some(c))
            .collect()
    };
    let (by_exporter, by_importer) = (by(exporter), by(importer));
    if by_exporter.is_empty() || by_importer.is_empty() {
        return (by_source(data, flows, prefer), None);
    }
    let mirror = match (
        by_source(data, &by_exporter, prefer),
        by_source(data, &by_importer, prefer),
    ) {
        (Pick::Use(e), Pick::Use(i)) => {
            let exporter_value = e.fob_usd.unwrap_or(e.value_usd);
            let importer_value = i.cif_usd.unwrap_or(i.value_usd);
            Some(MirrorFigure {
                year: first.year,
                exporter,
                importer,
                exporter_value,
                importer_value,
                gap: (exporter_value != 0.0).then(|| importer_value / exporter_value - 1.0),
            })
        }
        _ => None,
    };
    // A source the caller named outranks the usual practice.
    if let Some(f) = preferred(data, flows, prefer) {
        return (Pick::Use(f), mirror);
    }
    let dropped = match side {
        MirrorSide::Importer => Some(exporter),
        MirrorSide::Exporter => Some(importer),
    };
    let kept: Vec<&'a Flow> = flows
        .iter()
        .copied()
        .filter(|f| f.reporter != dropped)
        .collect();
    (by_source(data, &kept, prefer), mirror)
}

/// The flow of the first name in `prefer` that has one.
fn preferred<'a>(data: &Dataset, flows: &[&'a Flow], prefer: &[String]) -> Option<&'a Flow> {
    prefer.iter().find_map(|name| {
        flows
            .iter()
            .find(|f| data.source_name(f) == Some(name.as_str()))
            .copied()
    })
}

fn by_source<'a>(data: &Dataset, flows: &[&'a Flow], prefer: &[String]) -> Pick<'a> {
    let Some(&first) = flows.first() else {
        return Pick::Conflict(Vec::new());
    };
    if let Some(f) = preferred(data, flows, prefer) {
        return Pick::Use(f);
    }
    if flows.iter().all(|f| f.value_usd == first.value_usd) {
        return Pick::Use(first);
    }
    Pick::Conflict(
        flows
            .iter()
            .map(|f| {
                (
                    data.source_name(f).unwrap_or("unnamed").to_string(),
                    f.value_usd,
                )
            })
            .collect(),
    )
}

/// Re-exports or re-imports between the focus and the partner in one year: kept
/// out of the balance (exports and imports usually include them already), but
/// counted so that they are not lost without a word.
#[derive(Clone, Debug, PartialEq)]
pub struct ReFlow {
    /// Year.
    pub year: i32,
    /// Selling country.
    pub exporter: CountryCode,
    /// Buying country.
    pub importer: CountryCode,
    /// Re-export or re-import.
    pub kind: FlowKind,
    /// The total, when the data has a total row for it (the first source's).
    pub value: Option<f64>,
    /// How many rows (totals and products, all sources).
    pub rows: u32,
}

/// The re-exports and re-imports between `a` and `b`, by year, direction and kind.
pub fn re_flows(data: &Dataset, a: CountryCode, b: CountryCode) -> Vec<ReFlow> {
    let mut out: Vec<ReFlow> = Vec::new();
    for f in &data.flows {
        let between = (f.exporter == a && f.importer == b) || (f.exporter == b && f.importer == a);
        if f.kind == FlowKind::Trade || !between {
            continue;
        }
        let key = (f.year, f.exporter, f.importer, f.kind);
        let i = match out
            .iter()
            .position(|r| (r.year, r.exporter, r.importer, r.kind) == key)
        {
            Some(i) => i,
            None => {
                out.push(ReFlow {
                    year: f.year,
                    exporter: f.exporter,
                    importer: f.importer,
                    kind: f.kind,
                    value: None,
                    rows: 0,
                });
                out.len() - 1
            }
        };
        out[i].rows += 1;
        if f.product.is_none() && out[i].value.is_none() {
            out[i].value = Some(f.value_usd);
        }
    }
    crate::small::sort_by(&mut out, |x, y| {
        (x.year, x.exporter, x.importer, x.kind) < (y.year, y.exporter, y.importer, y.kind)
    });
    out
}

/// The countries whose reports give `flows`, sorted; empty when the data does not say.
pub fn reporters<'a>(flows: impl Iterator<Item = &'a Flow>) -> Vec<CountryCode> {
    let mut out: Vec<CountryCode> = Vec::new();
    for c in flows.filter_map(|f| f.reporter) {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    crate::small::sort_by(&mut out, |a, b| a < b);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> CountryCode {
        CountryCode::parse(s).unwrap()
    }

    fn reported(data: &mut Dataset, value: f64, by: &str, cif: Option<f64>) -> Flow {
        let mut f = Flow::new(2023, code("CHN"), code("KOR"), value);
        f.reporter = Some(code(by));
        f.source = Some(data.intern_source(&format!("{by} customs")));
        f.cif_usd = cif;
        f
    }

    #[test]
    fn the_importers_report_counts_unless_asked_otherwise() {
        let mut data = Dataset::default();
        let e = reported(&mut data, 100.0, "CHN", None);
        let i = reported(&mut data, 112.0, "KOR", Some(110.0));
        let flows = [&e, &i];
        let (p, m) = pick(&data, &flows, &[], MirrorSide::Importer);
        assert_eq!(p, Pick::Use(&i));
        let m = m.unwrap();
        assert_eq!((m.exporter_value, m.importer_value), (100.0, 110.0));
        assert!((m.gap.unwrap() - 0.10).abs() < 1e-12);
        let (p, _) = pick(&data, &flows, &[], MirrorSide::Exporter);
        assert_eq!(p, Pick::Use(&e));
        // A source the caller prefers outranks the side.
        let (p, m) = pick(&data, &flows, &["CHN customs".into()], MirrorSide::Importer);
        assert_eq!(p, Pick::Use(&e));
        assert!(m.is_some());
    }

    #[test]
    fn one_sided_figures_are_reconciled_by_source() {
        let mut data = Dataset::default();
        let a = reported(&mut data, 100.0, "CHN", None);
        let mut b = Flow::new(2023, code("CHN"), code("KOR"), 101.0);
        b.source = Some(data.intern_source("KITA"));
        let flows = [&a, &b];
        let (p, m) = pick(&data, &flows, &[], MirrorSide::Importer);
        assert_eq!(
            p,
            Pick::Conflict(vec![("CHN customs".into(), 100.0), ("KITA".into(), 101.0)])
        );
        assert_eq!(m, None);
        let (p, _) = pick(
            &data,
            &flows,
            &["nobody".into(), "KITA".into()],
            MirrorSide::Importer,
        );
        assert_eq!(p, Pick::Use(&b));
    }

    #[test]
    fn mirror_side_names() {
        assert_eq!(
            MirrorSide::from_name(" Exporter"),
            Some(MirrorSide::Exporter)
        );
        assert_eq!(MirrorSide::from_name(""), Some(MirrorSide::Importer));
        assert_eq!(MirrorSide::from_name("both"), None);
    }
}
