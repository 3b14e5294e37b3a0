//! `tradegap`: the widget's analysis on the command line.
//!
//! ```text
//! tradegap FILE [--focus PRK] [--partner CHN] [--year 2023] [--lang ko] [--json]
//!          [--format F] [--prefer-source A,B] [--mirror importer|exporter]
//!          [--rollup hs2|hs4] [--groups "Textiles=50-63"] [--top N] [--to-native]
//! tradegap FILE --check ARTICLE.txt [--as-of 2024] [--json] [--strict]
//! ```
//!
//! Reads any format the widget reads (native CSV or JSON, UN Comtrade, its legacy
//! CSV, BACI, WITS, reported figures), prints the analysis and its sentences as
//! text or JSON, or converts the file to the native CSV. Same core, same errors,
//! same options as the element (`tradegap --help` lists them): exit 0 when all went
//! well, 1 for bad data (`tradegap: FILE: line 7, column 4 (value): "12,3x" is not a
//! number`), 2 for bad arguments. FILE `-` is standard input.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::main(std::env::args_os()));
}

// The binary is for native use; the WebAssembly build has no files or terminal.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::ffi::OsString;
    use std::fmt::Write as _;
    use std::io::{IsTerminal, Read, Write};

    use clap::Parser;
    use indicatif::{ProgressBar, ProgressStyle};

    use tradegap::format::permille;
    use tradegap::hs::ProductLabels;
    use tradegap::model::Dataset;
    use tradegap::options::AnalyzeOptions;
    use tradegap::parse::{parse_trades_with, ReadOptions};
    use tradegap::partners::ShareBasis;
    use tradegap::{output, report, Report};

    /// Prints the trade balance of a focus country with a partner, and the sentences
    /// the widget would show, from a file in any format it reads.
    #[derive(Parser, Debug)]
    #[command(name = "tradegap", version, about, max_term_width = 100)]
    struct Cli {
        /// The file to read; - reads standard input.
        #[arg(value_name = "FILE")]
        file: String,

        #[command(flatten)]
        options: AnalyzeOptions,

        /// Print the analysis as JSON: the object the widget's analyze() returns.
        #[arg(long)]
        json: bool,

        /// Print the file's flows as the native CSV instead.
        #[arg(long, conflicts_with = "json")]
        to_native: bool,

        #[command(flatten)]
        pictures: pictures::PictureArgs,

        // Claim check (issue 11).
        #[cfg(feature = "claims")]
        /// Check every figure of an article (plain text, English or Korean) against the
        /// data instead: each with ✓, ✗ or ?, the data's figure and why.
        #[arg(long, value_name = "ARTICLE", conflicts_with_all = ["to_native", "svg", "png"])]
        check: Option<String>,

        #[cfg(feature = "claims")]
        /// The year the article was written, for "last year" and "지난해" (with --check).
        #[arg(long, value_name = "YEAR", requires = "check")]
        as_of: Option<i32>,

        #[cfg(feature = "claims")]
        /// With --check: exit 1 when any figure differs from the data.
        #[arg(long, requires = "check")]
        strict: bool,
    }

    /// Exit statuses: shells and scripts tell bad data from bad arguments.
    const BAD_DATA: i32 = 1;
    const BAD_ARGUMENTS: i32 = 2;

    /// Runs the command on its arguments (the program's name first); returns the exit
    /// status.
    pub fn main(argv: impl IntoIterator<Item = OsString>) -> i32 {
        let cli = match Cli::try_parse_from(argv) {
            Ok(c) => c,
            Err(e) => {
                // --help and --version print to stdout and exit 0; mistakes exit 2.
                let _ = e.print();
                return if e.use_stderr() { BAD_ARGUMENTS } else { 0 };
            }
        };
        let text = match read_input(&cli.file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("tradegap: {}: {e}", cli.file);
                return BAD_DATA;
            }
        };
        let o = &cli.options;
        // Converting keeps every flow; an analysis needs only the focus country's.
        let read = if cli.to_native {
            ReadOptions::default()
        } else {
            ReadOptions {
                keep: o.focus,
                partner: o.partner,
            }
        };
        let spinner = Progress::spinner(&cli.file, text.len() as u64);
        let parsed = parse_trades_with(&text, o.format(), &read);
        spinner.finish();
        let data = match parsed {
            Ok(d) => d,
            Err(e) => {
                eprintln!("tradegap: {}: {e}", cli.file);
                return BAD_DATA;
            }
        };
        let out = if cli.to_native {
            Ok((to_native(&data), 0))
        } else {
            checked(&data, &cli).unwrap_or_else(|| analysis(&data, &cli).map(|s| (s, 0)))
        };
        match out {
            Ok((s, status)) => {
                let mut stdout = std::io::stdout().lock();
                // A closed pipe (`| head`) is not an error worth a message.
                let _ = stdout.write_all(s.as_bytes());
                status
            }
            Err((code, message)) => {
                eprintln!("tradegap: {}: {message}", cli.file);
                code
            }
        }
    }

    /// A progress bar on stderr for large files, only when stderr is a terminal.
    struct Progress(Option<ProgressBar>);

    impl Progress {
        /// Files below this size read in a blink: no progress for them.
        const LARGE: u64 = 8 << 20;

        fn shown(total: u64) -> bool {
            total >= Self::LARGE && std::io::stderr().is_terminal()
        }

        /// Bytes read of `total`.
        fn bytes(name: &str, total: u64) -> Self {
            Progress(Self::shown(total).then(|| {
                let bar = ProgressBar::new(total);
                bar.set_style(
                    ProgressStyle::with_template(
                        "tradegap: reading {msg} {wide_bar} {binary_bytes}/{binary_total_bytes} ({eta})",
                    )
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
                bar.set_message(name.to_string());
                bar
            }))
        }

        /// A spinner while the text is parsed (the parser gives no progress of its own).
        fn spinner(name: &str, total: u64) -> Self {
            Progress(Self::shown(total).then(|| {
                let bar = ProgressBar::new_spinner();
                bar.set_message(format!("parsing {name}"));
                bar.enable_steady_tick(std::time::Duration::from_millis(120));
                bar
            }))
        }

        fn set(&self, read: u64) {
            if let Some(bar) = &self.0 {
                bar.set_position(read);
            }
        }

        fn finish(&self) {
            if let Some(bar) = &self.0 {
                bar.finish_and_clear();
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
            let progress = Progress::bytes(file, total);
            // Read straight into the text's own buffer, a megabyte at a time for the
            // progress bar (no second buffer, no copy).
            bytes.reserve_exact(total as usize + 1);
            while (&mut f).take(1 << 20).read_to_end(&mut bytes)? > 0 {
                progress.set(bytes.len() as u64);
            }
            progress.finish();
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

    fn analysis(data: &Dataset, cli: &Cli) -> Result<String, (i32, String)> {
        let mut o = cli
            .options
            .resolve(data)
            .map_err(|_| (BAD_ARGUMENTS, "give --focus and --partner".to_string()))?;
        // The command line has the HS table built in; the page fetches it.
        o.labels = ProductLabels::builtin().clone();
        let r = report(data, &o).map_err(|e| (BAD_DATA, e.to_string()))?;
        // Pictures replace the printed analysis, unless --json asks for it as well.
        if cli.pictures.wanted() {
            pictures::write(&r, &cli.pictures)?;
            return Ok(if cli.json { json(&r) } else { String::new() });
        }
        Ok(if cli.json { json(&r) } else { text(&r) })
    }

    /// What `--check` prints and the exit status, when it is given.
    #[cfg(feature = "claims")]
    fn checked(data: &Dataset, cli: &Cli) -> Option<Result<(String, i32), (i32, String)>> {
        cli.check.as_deref().map(|a| check_article(data, cli, a))
    }

    /// Built without the claim check: there is no `--check`.
    #[cfg(not(feature = "claims"))]
    fn checked(_: &Dataset, _: &Cli) -> Option<Result<(String, i32), (i32, String)>> {
        None
    }

    /// `--check ARTICLE`: every figure of the article with its verdict, as text or as
    /// the JSON `checkClaims()` returns; the exit status is 1 with `--strict` when any
    /// figure differs.
    #[cfg(feature = "claims")]
    fn check_article(
        data: &Dataset,
        cli: &Cli,
        article: &str,
    ) -> Result<(String, i32), (i32, String)> {
        let text = read_input(article).map_err(|e| (BAD_DATA, format!("{article}: {e}")))?;
        let mut o = cli
            .options
            .resolve(data)
            .map_err(|_| (BAD_ARGUMENTS, "give --focus and --partner".to_string()))?;
        o.labels = ProductLabels::builtin().clone();
        let options = tradegap::claims::CheckOptions {
            options: o,
            as_of: cli.as_of,
        };
        let claims = tradegap::claims::check(&text, data, &options)
            .map_err(|e| (BAD_DATA, e.to_string()))?;
        let differs = claims
            .iter()
            .any(|c| c.verdict == tradegap::claims::Verdict::Differs);
        let out = if cli.json {
            tradegap::claims::to_json(&claims)
        } else {
            tradegap::claims::report_text(&text, &claims)
        };
        Ok((out, i32::from(cli.strict && differs)))
    }

    /// The analysis object, as the widget's `analyze()` returns it.
    fn json(r: &Report) -> String {
        let mut out = serde_json::to_string(&output::Analysis::from(r))
            .unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()));
        out.push('\n');
        out
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

    // Pictures: --svg and --png (issue 10). The making is in the library
    // (tradegap::picture); this reads the flags and writes the files.
    mod pictures {
        use std::io::Write;

        use tradegap::fonts::Fonts;
        use tradegap::picture::{picture, Size};
        use tradegap::theme::Theme;
        use tradegap::Report;

        use super::{BAD_ARGUMENTS, BAD_DATA};

        /// Static pictures of the chart, laid out and drawn with Noto Sans CJK KR
        /// (TRADEGAP_FONT names another font file).
        #[derive(clap::Args, Debug)]
        #[command(next_help_heading = "Pictures")]
        pub struct PictureArgs {
            /// Write the chart as SVG to FILE (- for standard output).
            #[arg(long, value_name = "FILE", conflicts_with = "to_native")]
            pub svg: Option<String>,

            /// Write the chart as PNG to FILE.
            #[arg(long, value_name = "FILE", conflicts_with = "to_native")]
            pub png: Option<String>,

            /// social: 1200×675 (og:image); square: 1080×1080; print: 2400 px wide at
            /// 300 dpi.
            #[arg(long, value_name = "SIZE", value_parser = ["social", "square", "print"],
                  conflicts_with_all = ["width", "height", "scale"])]
            pub size: Option<String>,

            /// Picture width in pixels (default: 640 CSS pixels times the scale).
            #[arg(long, value_name = "PX")]
            pub width: Option<f64>,

            /// Picture height in pixels (default: what the view needs at the width).
            #[arg(long, value_name = "PX")]
            pub height: Option<f64>,

            /// Pixels per CSS pixel of the layout: 2 draws the same chart twice as
            /// sharp (default 1).
            #[arg(long)]
            pub scale: Option<f64>,

            /// Colours: light or dark.
            #[arg(long, value_name = "THEME", value_parser = ["light", "dark"], default_value = "light")]
            pub theme: String,
        }

        impl PictureArgs {
            /// Whether a picture is asked for.
            pub fn wanted(&self) -> bool {
                self.svg.is_some() || self.png.is_some()
            }

            fn size(&self) -> Size {
                self.size
                    .as_deref()
                    .and_then(Size::from_name)
                    .unwrap_or(Size::Custom {
                        width: self.width,
                        height: self.height,
                        scale: self.scale,
                    })
            }
        }

        /// Lays out the report's chart and writes the pictures asked for.
        pub fn write(r: &Report, args: &PictureArgs) -> Result<(), (i32, String)> {
            let fonts = Fonts::find();
            if !fonts.found() {
                eprintln!(
                    "tradegap: Noto Sans CJK KR not found (Debian: fonts-noto-cjk; or set \
                     TRADEGAP_FONT): text is measured by a fixed-width rule"
                );
            }
            let theme = Theme::from_name(&args.theme).unwrap_or_default();
            let p = picture(r, &theme, args.size(), &fonts)
                .map_err(|e| (BAD_ARGUMENTS, e.to_string()))?;
            if let Some(path) = &args.svg {
                let written = if path == "-" {
                    std::io::stdout().lock().write_all(p.svg.as_bytes())
                } else {
                    std::fs::write(path, &p.svg)
                };
                written.map_err(|e| (BAD_DATA, format!("{path}: {e}")))?;
            }
            if let Some(path) = &args.png {
                let png = p.png(&fonts).map_err(|e| (BAD_DATA, e.to_string()))?;
                std::fs::write(path, png).map_err(|e| (BAD_DATA, format!("{path}: {e}")))?;
            }
            Ok(())
        }
    }
}
