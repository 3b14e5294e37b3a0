//! The fuzz targets' checks (fuzz/src/lib.rs) on every committed input and on
//! generated data with extreme figures: readers name a line and column or read; what
//! reads reports and lays out in every view, and no NaN or inf reaches scene text,
//! sentences, tooltips or the figures of the CSV download. Inputs that once crashed a
//! target live in tests/data/fuzzed/ and run here on every `cargo test`.

#[path = "../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod harness;

use tradegap::parse::Format;

use super::util::test_path;

const FORMATS: [Format; 8] = [
    Format::Auto,
    Format::Csv,
    Format::Json,
    Format::Comtrade,
    Format::ComtradeLegacy,
    Format::Baci,
    Format::Wits,
    Format::Reported,
];

/// Every file under the fuzz targets' seed folders, and the regressions.
fn committed_inputs() -> Vec<(String, Vec<u8>)> {
    let root = test_path("..");
    let mut out = Vec::new();
    for dir in [
        "tests/data/formats",
        "tests/data/errors",
        "tests/data/golden",
        "tests/data/fuzzed",
        "www/data/formats",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_file() {
                let bytes = std::fs::read(&path).expect("readable");
                out.push((path.display().to_string(), bytes));
            }
        }
    }
    out.push((
        "www/data/nk-china-trade.csv".into(),
        std::fs::read(root.join("www/data/nk-china-trade.csv")).expect("readable"),
    ));
    out
}

#[test]
fn every_committed_input_passes_the_fuzz_checks() {
    let inputs = committed_inputs();
    assert!(inputs.len() > 100, "{} inputs", inputs.len());
    let mut failed = Vec::new();
    for (name, bytes) in &inputs {
        let run = std::panic::catch_unwind(|| {
            for f in FORMATS {
                harness::parse_checked(bytes, f);
            }
            harness::report_checked(bytes, true);
        });
        if run.is_err() {
            failed.push(name.clone());
        }
    }
    assert!(failed.is_empty(), "failed: {failed:?}");
}

/// A small deterministic generator: the same inputs on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() as usize % items.len()]
    }
}

const VALUES: &[&str] = &[
    "0",
    "5e-324",
    "1e-300",
    "1",
    "0.5",
    "290000000",
    "2.03e9",
    "6e14",
    "900719925474099",
    "666666666666666.6",
    "4.9e-324",
];

/// A native CSV of totals and products with extreme figures, gaps and one or two
/// partners: data every reader accepts.
fn generated(rng: &mut Lcg) -> String {
    let mut out = String::from("year,exporter,importer,product_code,product,value,unit\n");
    let first = 1990 + (rng.next() % 30) as i32;
    let years = 1 + rng.next() % 6;
    for y in 0..years as i32 {
        if rng.next() % 5 == 0 {
            continue; // a gap
        }
        for (e, m) in [("PRK", "CHN"), ("CHN", "PRK"), ("PRK", "RUS")] {
            if rng.next() % 4 == 0 {
                continue;
            }
            let unit = rng.pick(&["usd", "thousand_usd", "million_usd", ""]);
            let with_total = rng.next() % 3 != 0;
            let products = rng.next() % 4;
            let mut sum = 0.0_f64;
            for p in 0..products {
                let v = rng.pick(VALUES);
                sum += v.parse::<f64>().unwrap_or(0.0);
                let code = ["6704", "72", "50-63", "2716"][p as usize];
                out.push_str(&format!(
                    "{},{e},{m},{code},Label {p},{v},{unit}\n",
                    first + y
                ));
            }
            if with_total || products == 0 {
                // A total at least the products' sum (finite), or an extreme one.
                let total = if rng.next() % 2 == 0 {
                    format!("{:e}", sum * 1.5)
                } else {
                    rng.pick(VALUES).to_string()
                };
                out.push_str(&format!("{},{e},{m},,,{total},{unit}\n", first + y));
            }
        }
    }
    out
}

#[test]
fn generated_extreme_data_never_shows_nan_or_inf() {
    let mut rng = Lcg(0x6861_7264_656e); // "harden"
    let mut failed = Vec::new();
    let mut read = 0;
    for i in 0..300 {
        let text = generated(&mut rng);
        read += usize::from(tradegap::parse::parse_trades(&text, Format::Csv).is_ok());
        let run = std::panic::catch_unwind(|| harness::report_checked(text.as_bytes(), true));
        if run.is_err() {
            failed.push(format!("case {i}:\n{text}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    // The data is meant to be read: the checks run on reports, not only on errors.
    assert!(read > 150, "only {read} of 300 generated files read");
}

#[test]
fn the_check_finds_nan_and_inf_but_not_infant() {
    let bad = std::panic::catch_unwind(|| harness::check_no_nan("a $NaN deficit", "", "text"));
    assert!(bad.is_err());
    let bad = std::panic::catch_unwind(|| harness::check_no_nan("up inf%", "", "text"));
    assert!(bad.is_err());
    // Words that hold the letters are not numbers.
    harness::check_no_nan("Preparations for infant use", "", "text");
    // A label in the data may say it; the check cannot tell it from a figure.
    harness::check_no_nan("inf", "product,inf", "text");
}
