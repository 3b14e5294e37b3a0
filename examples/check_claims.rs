//! Checks an article's figures against a data file and prints the report and the time
//! it took; with a size, repeats the article to about that many bytes first (the
//! linear-time measurement of issue 11).
//!
//! ```text
//! cargo run --release --example check_claims -- DATA.csv ARTICLE.txt [AS_OF] [BYTES]
//! ```

use std::time::Instant;

use tradegap::analyze::Query;
use tradegap::claims::{check, report_text, CheckOptions};
use tradegap::model::CountryCode;
use tradegap::parse::{parse_trades, Format};
use tradegap::Options;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(data_path), Some(article_path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: check_claims DATA.csv ARTICLE.txt [AS_OF] [BYTES]");
        std::process::exit(2);
    };
    let as_of = args.get(2).and_then(|s| s.parse().ok());
    let size: Option<usize> = args.get(3).and_then(|s| s.parse().ok());
    let text = std::fs::read_to_string(data_path).expect("the data file reads");
    let mut article = std::fs::read_to_string(article_path).expect("the article reads");
    if let Some(size) = size {
        let one = article.clone();
        while article.len() < size {
            article.push_str("\n\n");
            article.push_str(&one);
        }
    }
    let data = parse_trades(&text, Format::Auto).expect("the data parses");
    let (Some(focus), Some(partner)) = (CountryCode::parse("PRK"), CountryCode::parse("CHN"))
    else {
        return;
    };
    let options = CheckOptions {
        options: Options::new(Query::new(focus, partner)),
        as_of,
    };
    // Medians of five runs.
    let mut times = Vec::new();
    let mut claims = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        claims = check(&article, &data, &options).expect("the check runs");
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    if size.is_none() {
        print!("{}", report_text(&article, &claims));
    }
    eprintln!(
        "{} bytes, {} chars, {} claims: median {:.1} ms (of 5 runs)",
        article.len(),
        article.chars().count(),
        claims.len(),
        times[2]
    );
}
