//! Claims in words: the data's figure written as the article wrote its own, the
//! command line's report, and JSON.
//!
//! Numbers are printed from integers (no float formatting, which would add
//! kilobytes to the WebAssembly).

use serde::Serialize;
#[cfg(target_arch = "wasm32")]
use tsify::Tsify;

use super::tokens::{pow10, Amount, Style};
use super::{Claim, FlowRef, Verdict};

/// `m × 10^-decimals` as text, keeping the decimals (they are the stated precision).
fn fixed(m: u64, decimals: i32) -> String {
    if decimals <= 0 {
        let zeros = "0".repeat((-decimals) as usize);
        return format!("{m}{zeros}");
    }
    let d = decimals as usize;
    let digits = format!("{m:0>width$}", width = d + 1);
    let cut = digits.len() - d;
    match (digits.get(..cut), digits.get(cut..)) {
        (Some(int), Some(frac)) => format!("{int}.{frac}"),
        _ => digits,
    }
}

/// `m × 10^-decimals` as text (for notes elsewhere in the module).
pub(super) fn fixed_pub(m: u64, decimals: i32) -> String {
    fixed(m, decimals)
}

/// A positive dollar amount at the stated precision (one digit finer with `finer`),
/// written in the stated style: "$2.03 billion", "$290M", "20억 3천만 달러".
pub fn fmt_amount(v: f64, a: &Amount, finer: bool) -> String {
    let prec = a.value.prec - i32::from(finer);
    let v = v.abs();
    let m = (v / pow10(prec)).round() as u64;
    match a.style {
        Style::En(pow, suffix) => {
            let decimals = pow - prec;
            // Thousands separators in the whole part: "$2,030 million".
            let digits = fixed(m, decimals);
            let num = match crate::small::split_once(&digits, ".") {
                Some((int, frac)) => format!("{}.{frac}", crate::format::group_digits(int)),
                None => crate::format::group_digits(&digits),
            };
            format!("${num}{suffix}")
        }
        Style::Ko if prec >= 0 => {
            format!("{} 달러", korean_integer(m, prec))
        }
        Style::Ko => crate::format::money_ko(v),
    }
}

/// `m × 10^e` in Korean units, every group written: 17억 4천만, 1억 6천700만.
fn korean_integer(m: u64, e: i32) -> String {
    let Some(n) = 10u128
        .checked_pow(e as u32)
        .and_then(|p| p.checked_mul(u128::from(m)))
    else {
        return m.to_string();
    };
    if n == 0 {
        return "0".into();
    }
    let group = |g: u128| -> String {
        match (g / 1000, g % 1000) {
            (0, r) => r.to_string(),
            (t, 0) => format!("{t}천"),
            (t, r) => format!("{t}천{r}"),
        }
    };
    let mut parts = Vec::new();
    let mut rest = n;
    for (unit, word) in [
        (1_000_000_000_000u128, "조"),
        (100_000_000, "억"),
        (10_000, "만"),
        (1, ""),
    ] {
        let g = rest / unit;
        rest %= unit;
        if g > 0 {
            parts.push(format!("{}{word}", group(g)));
        }
    }
    parts.join(" ")
}

/// A fraction as a percentage at the stated precision; the chart's tenths when the
/// article states tenths.
pub fn fmt_percent(fraction: f64, permille: Option<u32>, a: &Amount, finer: bool) -> String {
    let prec = a.value.prec - i32::from(finer);
    if let (Some(pm), -1) = (permille, prec) {
        return format!("{}%", fixed(u64::from(pm), 1));
    }
    let pct = fraction.abs() * 100.0;
    let m = (pct / pow10(prec)).round() as u64;
    format!("{}%", fixed(m, -prec))
}

/// "2023 exports", "2023 exports of wigs and false eyelashes", "2023 deficit".
pub fn what(year: i32, flow: Option<FlowRef>, product: Option<&str>) -> String {
    let mut s = year.to_string();
    if let Some(f) = flow {
        s.push(' ');
        s.push_str(f.name());
    }
    if let Some(p) = product {
        s.push_str(" of ");
        s.push_str(&p.to_ascii_lowercase());
    }
    s
}

/// Line and column (1-based, in characters) of each claim's start.
fn line_columns(article: &str, claims: &[Claim]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(claims.len());
    let (mut line, mut col, mut at) = (1, 1, 0);
    let mut chars = article.chars();
    for c in claims {
        while at < c.start {
            match chars.next() {
                Some('\n') => {
                    line += 1;
                    col = 1;
                }
                Some(_) => col += 1,
                None => break,
            }
            at += 1;
        }
        out.push((line, col));
    }
    out
}

/// The command line's report: a line per figure with ✓, ✗ or ?, where it is, what
/// it refers to and the reason, then a count.
pub fn report_text(article: &str, claims: &[Claim]) -> String {
    let mut out = String::new();
    for (c, (line, col)) in claims.iter().zip(line_columns(article, claims)) {
        let mut about = vec![c.kind.name().to_string()];
        if let Some(y) = c.year {
            about.push(y.to_string());
        }
        if let Some(f) = c.flow {
            about.push(f.name().to_string());
        }
        if let Some(p) = &c.product {
            about.push(p.to_ascii_lowercase());
        }
        let inferred = if c.inferred.is_empty() {
            String::new()
        } else {
            format!(" ({} inferred)", c.inferred.join(", "))
        };
        out.push_str(&format!(
            "{} {line}:{col} {} [{}]{inferred}: {}\n",
            c.verdict.mark(),
            c.text,
            about.join(", "),
            c.note
        ));
    }
    let count = |v: Verdict| claims.iter().filter(|c| c.verdict == v).count();
    out.push_str(&format!(
        "{} figures: {} match, {} differ, {} unverifiable\n",
        claims.len(),
        count(Verdict::Match),
        count(Verdict::Differs),
        count(Verdict::Unverifiable)
    ));
    out
}

/// The claims as JavaScript and `tradegap --check --json` see them, from one
/// `Serialize`: `{ claims: [...] }`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct ClaimCheck {
    /// Every figure of the article, in the order of the text.
    pub claims: Vec<ClaimOut>,
}

/// One figure of the article and what the data says of it (`Claim` in TypeScript).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename = "Claim", rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(Tsify), tsify(missing_as_null))]
pub struct ClaimOut {
    /// The figure as the article writes it.
    pub text: String,
    /// Where it starts, in UTF-16 code units (as JavaScript strings index).
    pub start: usize,
    /// Where it ends, in UTF-16 code units.
    pub end: usize,
    /// Where it starts, in characters (Unicode scalar values).
    pub start_char: usize,
    /// Where it ends, in characters.
    pub end_char: usize,
    /// "money", "share", "change", "points" or "record".
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "\"money\" | \"share\" | \"change\" | \"points\" | \"record\"")
    )]
    pub kind: &'static str,
    /// The year it refers to.
    pub year: Option<i32>,
    /// "exports", "imports", "deficit", "surplus", "balance", "total" or "partner share".
    pub flow: Option<&'static str>,
    /// The product, by the data's label.
    pub product: Option<String>,
    /// As stated: US dollars, or a fraction for percentages; for a record, the year it
    /// says the record runs since (`null`: on record). The low end of a range.
    pub stated: Option<f64>,
    /// The high end of a stated range.
    pub stated_high: Option<f64>,
    /// The data's figure, unrounded, in the same unit.
    pub computed: Option<f64>,
    /// "match", "differs" or "unverifiable".
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "\"match\" | \"differs\" | \"unverifiable\"")
    )]
    pub verdict: &'static str,
    /// Why, in words.
    pub note: String,
    /// Which of "year", "flow" were taken from earlier in the paragraph.
    pub inferred: Vec<&'static str>,
}

impl From<&Claim> for ClaimOut {
    fn from(c: &Claim) -> Self {
        ClaimOut {
            text: c.text.clone(),
            start: c.start_utf16,
            end: c.end_utf16,
            start_char: c.start,
            end_char: c.end,
            kind: c.kind.name(),
            year: c.year,
            flow: c.flow.map(FlowRef::name),
            product: c.product.clone(),
            stated: c.stated,
            stated_high: c.stated_high,
            computed: c.computed,
            verdict: c.verdict.name(),
            note: c.note.clone(),
            inferred: c.inferred.clone(),
        }
    }
}

impl ClaimCheck {
    /// The output of a list of claims.
    pub fn new(claims: &[Claim]) -> Self {
        ClaimCheck {
            claims: claims.iter().map(ClaimOut::from).collect(),
        }
    }
}

/// The claims as JSON, one line: what `checkClaims()` returns in JavaScript.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_json(claims: &[Claim]) -> String {
    let mut out = serde_json::to_string(&ClaimCheck::new(claims))
        .unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()));
    out.push('\n');
    out
}
