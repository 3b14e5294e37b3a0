//! `tradegap`: the widget's analysis on the command line.
//!
//! ```text
//! tradegap FILE [--focus PRK] [--partner CHN] [--year 2023] [--lang ko] [--json]
//!          [--format F] [--prefer-source A,B] [--mirror importer|exporter]
//!          [--rollup hs2|hs4] [--groups "Textiles=50-63"] [--top N] [--to-native]
//! ```
//!
//! Reads any format the widget reads (native CSV or JSON, UN Comtrade, its legacy
//! CSV, BACI, WITS, reported figures), prints the analysis and its sentences as
//! text or JSON, or converts the file to the native CSV. Same core, same errors:
//! `tradegap: FILE: line 7, column 4 (value): "12,3x" is not a number`, exit 1.
//! Bad arguments exit 2. FILE `-` is standard input.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::main(std::env::args().skip(1).collect()));
}

// The binary is for native use; the WebAssembly build has no files or terminal.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::fmt::Write as _;
    use std::io::{IsTerminal, Read, Write};

    use tradegap::analyze::Query;
    use tradegap::format::{permille, Lang};
    use tradegap::hs::ProductLabels;
    use tradegap::model::{CountryCode, Dataset};
    use tradegap::parse::{parse_trades_with, Format, ReadOptions};
    use tradegap::partners::ShareBasis;
    use tradegap::reconcile::MirrorSide;
    use tradegap::rollup::Group;
    use tradegap::{report, Options, Report};

    const USAGE: &str = "\
usage: tradegap FILE [options]

Prints the trade balance of a focus country with a partner, and the sentences
the widget would show, from a file in any format it reads. FILE - is stdin.

options:
  --focus CODE            the country whose balance is shown (ISO alpha-3)
  --partner CODE          the country it trades with
  --year YEAR             the year to describe (default: the latest)
  --lang en|ko            language of the sentences
  --format F              auto, native, json, comtrade, comtrade-legacy, baci,
                          wits or reported (default: detected from the header)
  --prefer-source A,B     sources to use, in order, where sources disagree
  --mirror importer|exporter
                          whose report to use where both countries report a flow
  --rollup hs2|hs4        roll products up to chapters or headings
  --groups \"N=50-63;M=..\" named groups of HS codes
  --top N                 products to list before \"Other\" (default 5)
  --json                  print the analysis as JSON
  --to-native             print the file's flows as the native CSV instead
  -h, --help              this help
";

    /// What the command line asks for.
    struct Args {
        file: String,
        focus: Option<CountryCode>,
        partner: Option<CountryCode>,
        year: Option<i32>,
        top: usize,
        lang: Lang,
        format: Format,
        prefer_source: Vec<String>,
        mirror: MirrorSide,
        rollup: Option<usize>,
        groups: Vec<Group>,
        json: bool,
        to_native: bool,
    }

    /// Runs the command; returns the exit status.
    pub fn main(argv: Vec<String>) -> i32 {
        let args = match parse_args(argv) {
            Ok(Some(a)) => a,
            Ok(None) => {
                print!("{USAGE}");
                return 0;
            }
            Err(msg) => {
                eprintln!("tradegap: {msg}\n\n{USAGE}");
                return 2;
            }
        };
        let text = match read_input(&args.file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("tradegap: {}: {e}", args.file);
                return 1;
            }
        };
        let progress = Progress::new(&args.file, text.len() as u64);
        progress.message("parsing");
        // Converting keeps every flow; an analysis needs only the focus country's.
        let keep = if args.to_native { None } else { args.focus };
        let partner = if args.to_native { None } else { args.partner };
        let parsed = parse_trades_with(&text, args.format, &ReadOptions { keep, partner });
        progress.done();
        let data = match parsed {
            Ok(d) => d,
            Err(e) => {
                eprintln!("tradegap: {}: {e}", args.file);
                return 1;
            }
        };
        let out = if args.to_native {
            Ok(to_native(&data))
        } else {
            analysis(&data, &args)
        };
        match out {
            Ok(s) => {
                let mut stdout = std::io::stdout().lock();
                // A closed pipe (`| head`) is not an error worth a message.
                let _ = stdout.write_all(s.as_bytes());
                0
            }
            Err(e) => {
                eprintln!("tradegap: {}: {e}", args.file);
                1
            }
        }
    }

    fn parse_args(argv: Vec<String>) -> Result<Option<Args>, String> {
        let mut a = Args {
            file: String::new(),
            focus: None,
            partner: None,
            year: None,
            top: 5,
            lang: Lang::En,
            format: Format::Auto,
            prefer_source: Vec::new(),
            mirror: MirrorSide::Importer,
            rollup: None,
            groups: Vec::new(),
            json: false,
            to_native: false,
        };
        let mut files = Vec::new();
        let mut it = argv.into_iter();
        while let Some(arg) = it.next() {
            // `--name=value` and `--name value` both work.
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
                _ => (arg.clone(), None),
            };
            let mut value = |name: &str| -> Result<String, String> {
                inline
                    .clone()
                    .or_else(|| it.next())
                    .ok_or_else(|| format!("{name} needs a value"))
            };
            let country = |s: String, name: &str| {
                CountryCode::parse(s.trim()).ok_or_else(|| {
                    format!("{name} \"{s}\" is not a three-letter ISO 3166 country code")
                })
            };
            match name.as_str() {
                "-h" | "--help" => return Ok(None),
                "--focus" => a.focus = Some(country(value(&name)?, &name)?),
                "--partner" => a.partner = Some(country(value(&name)?, &name)?),
                "--year" => {
                    let v = value(&name)?;
                    a.year = Some(
                        v.trim()
                            .parse()
                            .map_err(|_| format!("--year \"{v}\" is not a year"))?,
                    );
                }
                "--top" => {
                    let v = value(&name)?;
                    let n: usize = v
                        .trim()
                        .parse()
                        .map_err(|_| format!("--top \"{v}\" is not a whole number"))?;
                    a.top = n.clamp(1, 50);
                }
                "--lang" => a.lang = Lang::from_tag(&value(&name)?),
                "--format" => {
                    a.format = Format::from_name(&value(&name)?).map_err(|e| e.message())?
                }
                "--prefer-source" => {
                    a.prefer_source = value(&name)?
                        .split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect()
                }
                "--mirror" => {
                    let v = value(&name)?;
                    a.mirror = MirrorSide::from_name(&v)
                        .ok_or_else(|| format!("--mirror \"{v}\" is not importer or exporter"))?;
                }
                "--rollup" => {
                    let v = value(&name)?;
                    a.rollup = match v.trim().to_ascii_lowercase().trim_start_matches("hs") {
                        "2" => Some(2),
                        "4" => Some(4),
                        "6" | "none" => None,
                        _ => return Err(format!("--rollup \"{v}\" is not hs2, hs4 or none")),
                    };
                }
                "--groups" => {
                    a.groups = Group::parse_list(&value(&name)?).map_err(|e| e.message())?
                }
                "--json" => a.json = true,
                "--to-native" => a.to_native = true,
                "-" => files.push(arg),
                s if s.starts_with('-') => return Err(format!("unknown option {s}")),
                _ => files.push(arg),
            }
        }
        match files.len() {
            1 => a.file = files.remove(0),
            0 => return Err("give a file to read".into()),
            _ => return Err(format!("give one file, not {}", files.len())),
        }
        Ok(Some(a))
    }

    /// Shows bytes read on stderr for large files, only when stderr is a terminal.
    struct Progress {
        on: bool,
        name: String,
        total: u64,
    }

    impl Progress {
        /// Files below this size read in a blink: no progress for them.
        const LARGE: u64 = 8 << 20;

        fn new(name: &str, total: u64) -> Self {
            Progress {
                on: total >= Self::LARGE && std::io::stderr().is_terminal(),
                name: name.to_string(),
                total,
            }
        }

        fn bytes(&self, read: u64) {
            if self.on {
                let mb = |b: u64| b as f64 / 1048576.0;
                let pct = (read * 100).checked_div(self.total).unwrap_or(100);
                eprint!(
                    "\r\x1b[Ktradegap: reading {}: {:.1} of {:.1} MB ({pct}%)",
                    self.name,
                    mb(read),
                    mb(self.total)
                );
            }
        }

        fn message(&self, what: &str) {
            if self.on {
                eprint!("\r\x1b[Ktradegap: {what} {}…", self.name);
            }
        }

        fn done(&self) {
            if self.on {
                eprint!("\r\x1b[K");
            }
        }
    }

    /// The file's text: UTF-8, or, failing that, Windows-1252 (older Comtrade and
    /// WITS exports), so that a legacy file reads rather than fails.
    fn read_input(file: &str) -> std::io::Result<String> {
        let mut bytes = Vec::new();
        if file == "-" {
            std::io::stdin().lock().read_to_end(&mut bytes)?;
        } else {
            let mut f = std::fs::File::open(file)?;
            let total = f.metadata().map(|m| m.len()).unwrap_or(0);
            let progress = Progress::new(file, total);
            bytes.reserve(total as usize);
            let mut chunk = vec![0u8; 1 << 20];
            loop {
                let n = f.read(&mut chunk)?;
                if n == 0 {
                    break;
                }
                bytes.extend_from_slice(&chunk[..n]);
                progress.bytes(bytes.len() as u64);
            }
            progress.done();
        }
        Ok(match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => e.as_bytes().iter().map(|&b| cp1252(b)).collect(),
        })
    }

    fn cp1252(b: u8) -> char {
        const HIGH: [char; 32] = [
            '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
            '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
            '\u{9d}', 'ž', 'Ÿ',
        ];
        match b {
            0x80..=0x9f => HIGH[(b - 0x80) as usize],
            _ => b as char,
        }
    }

    fn options(data: &Dataset, a: &Args) -> Result<Options, String> {
        let mut q =
            Query::with_defaults(data, a.focus, a.partner).ok_or("give --focus and --partner")?;
        q.year = a.year;
        q.top = a.top;
        q.prefer_source = a.prefer_source.clone();
        q.mirror = a.mirror;
        q.rollup = a.rollup;
        q.groups = a.groups.clone();
        let mut o = Options::new(q);
        o.lang = a.lang;
        o.format = a.format;
        o.labels = ProductLabels::builtin().clone();
        Ok(o)
    }

    fn analysis(data: &Dataset, a: &Args) -> Result<String, String> {
        let o = options(data, a)?;
        let r = report(data, &o).map_err(|e| e.to_string())?;
        Ok(if a.json { json(&r) } else { text(&r) })
    }

    // Text.

    /// Whole dollars with thousands separators; `–` for no figure.
    fn dollars(v: Option<f64>) -> String {
        let Some(v) = v else {
            return "–".into();
        };
        let digits = format!("{:.0}", v.abs());
        let sign = if v.round() < 0.0 { "-" } else { "" };
        format!("{sign}{}", tradegap::format::group_digits(&digits))
    }

    fn pct(fraction: f64) -> String {
        format!("{:.1}%", fraction * 100.0)
    }

    fn text(r: &Report) -> String {
        let a = &r.analysis;
        let mut o = String::new();
        let _ = writeln!(o, "{}", r.chart_text.title);
        let _ = writeln!(o, "US dollars; – is no figure\n");
        let _ = writeln!(
            o,
            "{:>6} {:>20} {:>20} {:>20}",
            "year", "exports", "imports", "balance"
        );
        for y in &a.years {
            let _ = writeln!(
                o,
                "{:>6} {:>20} {:>20} {:>20}",
                y.year,
                dollars(y.exports),
                dollars(y.imports),
                dollars(y.balance)
            );
        }
        if let Some(c) = &a.composition {
            for (what, b) in [("exports", &c.exports), ("imports", &c.imports)] {
                let Some(b) = b else { continue };
                let _ = writeln!(o, "\n{} {what}, {} in all:", c.year, dollars(Some(b.total)));
                for row in &b.rows {
                    let _ = writeln!(
                        o,
                        "  {:>6}  {:>20}  {}",
                        permille(row.share_permille),
                        dollars(Some(row.value)),
                        if row.is_other || row.label == row.code {
                            row.label.clone()
                        } else {
                            format!("{} {}", row.code, row.label)
                        }
                    );
                }
            }
        }
        let _ = writeln!(o);
        for s in &r.sentences {
            let _ = writeln!(o, "{s}");
        }
        for note in [&r.reporting_note, &r.partners_note, &r.derived_note]
            .into_iter()
            .flatten()
        {
            if !r.sentences.contains(note) {
                let _ = writeln!(o, "{note}");
            }
        }
        if !a.partners.list.is_empty() {
            let basis = match a.partners.basis {
                Some(ShareBasis::World) => "of all its trade (the World row)",
                _ => "of its trade with the partners in the data",
            };
            let _ = writeln!(o, "\nPartners in {}, share {basis}:", a.partners.year);
            for p in &a.partners.list {
                let _ = writeln!(
                    o,
                    "  {:>6}  {:>20}  {}",
                    pct(p.share),
                    dollars(Some(p.total)),
                    p.partner
                );
            }
        }
        if !a.mirror.is_empty() {
            let _ = writeln!(
                o,
                "\nBoth sides' reports (exporter FOB, importer CIF, gap):"
            );
            for m in &a.mirror {
                let _ = writeln!(
                    o,
                    "  {} {} → {}: {} / {} / {}",
                    m.year,
                    m.exporter,
                    m.importer,
                    dollars(Some(m.exporter_value)),
                    dollars(Some(m.importer_value)),
                    m.gap.map_or("–".into(), pct)
                );
            }
        }
        if !a.conflicts.is_empty() {
            let _ = writeln!(o, "\nLeft out, the sources disagree:");
            for c in &a.conflicts {
                let values: Vec<String> = c
                    .values
                    .iter()
                    .map(|(s, v)| format!("{s} {}", dollars(Some(*v))))
                    .collect();
                let _ = writeln!(
                    o,
                    "  {} {} → {} {}: {}",
                    c.year,
                    c.exporter,
                    c.importer,
                    c.product.as_deref().unwrap_or("total"),
                    values.join("; ")
                );
            }
        }
        if !a.re_flows.is_empty() {
            let _ = writeln!(o, "\nLeft out of the balance:");
            for f in &a.re_flows {
                let _ = writeln!(
                    o,
                    "  {} {} → {} {}s: {} ({} row{})",
                    f.year,
                    f.exporter,
                    f.importer,
                    f.kind.name(),
                    dollars(f.value),
                    f.rows,
                    if f.rows == 1 { "" } else { "s" }
                );
            }
        }
        if !a.skipped.is_empty() {
            let _ = writeln!(o, "\nRows passed over:");
            for s in &a.skipped {
                let _ = writeln!(
                    o,
                    "  {} × {} (first on line {})",
                    s.rows, s.reason, s.first_line
                );
            }
        }
        if !a.sources.is_empty() {
            let _ = writeln!(o, "\nSources:");
            for s in &r.chart_text.sources {
                let _ = writeln!(o, "  {s}");
            }
        }
        o
    }

    // JSON, written by hand: the shape of the widget's analysis object.

    /// A JSON string literal.
    fn jstr(s: &str) -> String {
        let mut o = String::with_capacity(s.len() + 2);
        o.push('"');
        for c in s.chars() {
            match c {
                '"' => o.push_str("\\\""),
                '\\' => o.push_str("\\\\"),
                '\n' => o.push_str("\\n"),
                '\r' => o.push_str("\\r"),
                '\t' => o.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(o, "\\u{:04x}", c as u32);
                }
                c => o.push(c),
            }
        }
        o.push('"');
        o
    }

    /// A JSON number; `null` for none (and for what JSON cannot hold).
    fn jnum(v: Option<f64>) -> String {
        match v {
            Some(v) if v.is_finite() => format!("{v}"),
            _ => "null".into(),
        }
    }

    fn jopt(s: Option<&str>) -> String {
        s.map_or("null".into(), jstr)
    }

    fn jobj(pairs: &[(&str, String)]) -> String {
        let body: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{}:{v}", jstr(k)))
            .collect();
        format!("{{{}}}", body.join(","))
    }

    fn jarr<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
        let body: Vec<String> = items.iter().map(f).collect();
        format!("[{}]", body.join(","))
    }

    fn json(r: &Report) -> String {
        let a = &r.analysis;
        let years = jarr(&a.years, |y| {
            jobj(&[
                ("year", y.year.to_string()),
                ("exports", jnum(y.exports)),
                ("imports", jnum(y.imports)),
                ("balance", jnum(y.balance)),
                ("total", jnum(y.total)),
            ])
        });
        let breakdown = |b: &Option<tradegap::analyze::Breakdown>| match b {
            None => "[]".to_string(),
            Some(b) => jarr(&b.rows, |row| {
                jobj(&[
                    ("code", jstr(&row.code)),
                    ("label", jstr(&row.label)),
                    ("value", jnum(Some(row.value))),
                    ("share", jnum(Some(row.share))),
                    ("displayShare", jstr(&permille(row.share_permille))),
                    ("other", row.is_other.to_string()),
                ])
            }),
        };
        let composition = match &a.composition {
            Some(c) => jobj(&[
                ("year", c.year.to_string()),
                ("exports", breakdown(&c.exports)),
                ("imports", breakdown(&c.imports)),
            ]),
            None => jobj(&[
                ("year", a.year.to_string()),
                ("exports", "[]".into()),
                ("imports", "[]".into()),
            ]),
        };
        let record = match &a.record {
            None => "null".into(),
            Some(rec) => jobj(&[
                ("year", rec.year.to_string()),
                (
                    "kind",
                    jstr(match rec.kind {
                        tradegap::analyze::BalanceKind::Deficit => "deficit",
                        tradegap::analyze::BalanceKind::Surplus => "surplus",
                    }),
                ),
                (
                    "since",
                    rec.since.map_or("null".into(), |(y, _)| y.to_string()),
                ),
                ("sinceBalance", jnum(rec.since.map(|(_, b)| b))),
                ("firstYear", rec.first_year.to_string()),
            ]),
        };
        let sources = jarr(&a.sources, |s| {
            jobj(&[
                ("name", jstr(&s.name)),
                ("years", jarr(&s.years, |y| y.to_string())),
            ])
        });
        let conflicts = jarr(&a.conflicts, |c| {
            jobj(&[
                ("year", c.year.to_string()),
                ("exporter", jstr(c.exporter.as_str())),
                ("importer", jstr(c.importer.as_str())),
                ("product", jopt(c.product.as_deref())),
                (
                    "values",
                    jarr(&c.values, |(s, v)| {
                        jobj(&[("source", jstr(s)), ("value", jnum(Some(*v)))])
                    }),
                ),
            ])
        });
        let mirror = jarr(&a.mirror, |m| {
            jobj(&[
                ("year", m.year.to_string()),
                ("exporter", jstr(m.exporter.as_str())),
                ("importer", jstr(m.importer.as_str())),
                ("exporterValue", jnum(Some(m.exporter_value))),
                ("importerValue", jnum(Some(m.importer_value))),
                ("gap", jnum(m.gap)),
            ])
        });
        let partners = jarr(&a.partners.list, |p| {
            jobj(&[
                ("partner", jstr(p.partner.as_str())),
                ("exports", jnum(p.exports)),
                ("imports", jnum(p.imports)),
                ("total", jnum(Some(p.total))),
                ("share", jnum(Some(p.share))),
            ])
        });
        let basis = match a.partners.basis {
            Some(ShareBasis::World) => jstr("world"),
            Some(ShareBasis::Partners) => jstr("partners"),
            None => "null".into(),
        };
        let re_flows = jarr(&a.re_flows, |f| {
            jobj(&[
                ("year", f.year.to_string()),
                ("exporter", jstr(f.exporter.as_str())),
                ("importer", jstr(f.importer.as_str())),
                ("kind", jstr(f.kind.name())),
                ("value", jnum(f.value)),
                ("rows", f.rows.to_string()),
            ])
        });
        let skipped = jarr(&a.skipped, |s| {
            jobj(&[
                ("reason", jstr(&s.reason)),
                ("rows", s.rows.to_string()),
                ("line", s.first_line.to_string()),
            ])
        });
        let mut out = jobj(&[
            ("focus", jstr(a.query.focus.as_str())),
            ("partner", jstr(a.query.partner.as_str())),
            ("focusName", jstr(&r.focus_name)),
            ("partnerName", jstr(&r.partner_name)),
            (
                "lang",
                jstr(if r.chart_text.lang == Lang::Ko {
                    "ko"
                } else {
                    "en"
                }),
            ),
            ("title", jstr(&r.chart_text.title)),
            ("year", a.year.to_string()),
            ("years", years),
            ("record", record),
            ("composition", composition),
            ("sentences", jarr(&r.sentences, |s| jstr(s))),
            ("sources", sources),
            ("conflicts", conflicts),
            ("mirror", mirror),
            ("mirrorSide", jstr(a.query.mirror.name())),
            ("reporters", jarr(&a.reporters, |c| jstr(c.as_str()))),
            ("oneSided", a.one_sided().to_string()),
            ("reportingNote", jopt(r.reporting_note.as_deref())),
            ("partners", partners),
            ("partnersBasis", basis),
            ("partnersTotal", jnum(a.partners.total)),
            ("singlePartner", a.partners.single_partner.to_string()),
            ("partnersNote", jopt(r.partners_note.as_deref())),
            ("reFlows", re_flows),
            ("skipped", skipped),
            // Issue 13: totals summed from products.
            ("derivedTotals", derived_totals_json(a)),
            ("derivedNote", jopt(r.derived_note.as_deref())),
        ]);
        out.push('\n');
        out
    }

    // Issue 13: the totals that are the total of the products listed, as
    // `[{"year": 2023, "flow": "exports"}]`.
    fn derived_totals_json(a: &tradegap::analyze::Analysis) -> String {
        jarr(&a.derived_totals, |d| {
            let flow = match d.direction {
                tradegap::analyze::Direction::Exports => "exports",
                tradegap::analyze::Direction::Imports => "imports",
            };
            jobj(&[("year", d.year.to_string()), ("flow", jstr(flow))])
        })
    }

    // The native CSV.

    /// A CSV field, quoted when it must be.
    #[cfg(test)]
    use tradegap::native::field;

    /// A value in dollars, to the millionth and no further: a value given in
    /// thousands (BACI, WITS) and multiplied out carries binary noise below that.
    fn value(v: f64) -> String {
        let s = format!("{v:.6}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" {
            "0".into()
        } else {
            s.to_string()
        }
    }

    fn to_native(d: &Dataset) -> String {
        tradegap::native::to_native_csv(d, value)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn json_strings_are_escaped() {
            assert_eq!(jstr("a\"b\\c\nd\u{1}é"), "\"a\\\"b\\\\c\\nd\\u0001é\"");
            assert_eq!(jnum(Some(290e6)), "290000000");
            assert_eq!(jnum(Some(0.5)), "0.5");
            assert_eq!(jnum(None), "null");
        }

        #[test]
        fn values_and_fields_for_csv() {
            assert_eq!(value(162311.52 * 1e3), "162311520");
            assert_eq!(value(2.5), "2.5");
            assert_eq!(value(0.0), "0");
            assert_eq!(field("Korea, Dem. Rep."), "\"Korea, Dem. Rep.\"");
            assert_eq!(field("a \"b\""), "\"a \"\"b\"\"\"");
            assert_eq!(field("plain"), "plain");
        }

        #[test]
        fn dollars_have_separators() {
            assert_eq!(dollars(Some(-1_740_000_000.4)), "-1,740,000,000");
            assert_eq!(dollars(Some(12.0)), "12");
            assert_eq!(dollars(None), "–");
        }

        #[test]
        fn windows_1252_is_read_when_utf8_fails() {
            assert_eq!(cp1252(0xf4), 'ô');
            assert_eq!(cp1252(0x92), '’');
        }
    }
}
