//! Numbers as a reader sees them: money in English and Korean, percentages.
//!
//! Each function rounds exactly once, from the unrounded value it is given.

/// The language of words and numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Korean.
    Ko,
}

impl Lang {
    /// `"en"` or `"ko"`; anything starting with `ko` is Korean, the rest English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("ko") {
            Lang::Ko
        } else {
            Lang::En
        }
    }
}

/// The minus sign used in text (U+2212), wider and clearer than a hyphen.
pub const MINUS: char = '\u{2212}';

/// `v` rounded to `digits` significant digits, as `mantissa × 10^exponent`.
fn round_sig(v: f64, digits: u32) -> (u64, i32) {
    let v = v.abs();
    // Below a millionth of a dollar is nothing a reader can see; above 1e300 is not money.
    if !(1e-6..=1e300).contains(&v) {
        return (0, 0);
    }
    let lo = 10u64.pow(digits - 1);
    let hi = 10u64.pow(digits);
    let mut exp = v.log10().floor() as i32 - (digits as i32 - 1);
    loop {
        let scaled = if exp >= 0 {
            v / 10f64.powi(exp)
        } else {
            v * 10f64.powi(-exp)
        };
        let m = scaled.round() as u64;
        // log10 can land one off near powers of ten; step and try again.
        if m >= hi {
            exp += 1;
        } else if m < lo && exp > -300 {
            exp -= 1;
        } else {
            return (m, exp);
        }
    }
}

/// `m × 10^(exp - unit)` as a decimal with trailing zeros trimmed.
fn decimal(m: u64, exp: i32, unit: i32) -> String {
    let shift = exp - unit;
    if shift >= 0 {
        // Appended as text: 10^shift can overflow any integer type.
        return format!("{m}{}", "0".repeat(shift as usize));
    }
    let digits = m.to_string();
    let frac_len = (-shift) as usize;
    let padded = format!("{digits:0>width$}", width = frac_len + 1);
    // All ASCII digits, so this always splits; `split_at` would bring in core's
    // slicing panic with its Unicode tables (see `crate::small`).
    let Some((int, frac)) = padded.split_at_checked(padded.len() - frac_len) else {
        return padded;
    };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// A whole number with `,` between groups of three digits: 1740000000 → "1,740,000,000".
pub fn group_thousands(n: u64) -> String {
    group_digits(&n.to_string())
}

/// A string of digits with `,` between groups of three.
pub fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn sign(v: f64) -> &'static str {
    if v < 0.0 {
        "\u{2212}"
    } else {
        ""
    }
}

/// Money in words, three significant digits: "$1.74 billion", "$290 million",
/// "$375,000"; "−$1.74 billion" when negative.
pub fn money_en(v: f64) -> String {
    let (m, e) = round_sig(v, 3);
    if m == 0 {
        return "$0".into();
    }
    let rounded = m as f64 * 10f64.powi(e);
    let s = sign(v);
    for (unit, word) in [(12, "trillion"), (9, "billion"), (6, "million")] {
        if rounded >= 10f64.powi(unit) {
            return format!("{s}${} {word}", decimal(m, e, unit));
        }
    }
    if e >= 0 {
        // Below a million, so 10^e is at most 10^3.
        format!("{s}${}", group_thousands(m * 10u64.pow(e as u32)))
    } else {
        format!("{s}${}", decimal(m, e, 0))
    }
}

/// Money for an axis: "$1.5B", "$500M", "$20K", "−$2B", "$0".
pub fn money_en_short(v: f64) -> String {
    let (m, e) = round_sig(v, 3);
    if m == 0 {
        return "$0".into();
    }
    let rounded = m as f64 * 10f64.powi(e);
    let s = sign(v);
    for (unit, suffix) in [(12, "T"), (9, "B"), (6, "M"), (3, "K")] {
        if rounded >= 10f64.powi(unit) {
            return format!("{s}${}{suffix}", decimal(m, e, unit));
        }
    }
    format!("{s}${}", decimal(m, e, 0))
}

/// A number of at most four digits in Korean news style: 4천170, 4천, 170.
fn ko_group(g: u64) -> String {
    match (g / 1000, g % 1000) {
        (0, r) => r.to_string(),
        (t, 0) => format!("{t}천"),
        (t, r) => format!("{t}천{r}"),
    }
}

/// A whole number in Korean units, three significant digits: "17억 4천만", "1억 6천700만".
pub fn number_ko(v: f64) -> String {
    let (m, e) = round_sig(v, 3);
    if m == 0 {
        return "0".into();
    }
    if e < 0 {
        return format!("{}{}", sign(v), decimal(m, e, 0));
    }
    // From 10,000조 up, count in 조 rather than overflow.
    if e + 3 > 16 {
        return format!("{}{}조", sign(v), decimal(m, e, 12));
    }
    let mut n = m * 10u64.pow(e as u32);
    let mut parts = Vec::new();
    for (unit, word) in [
        (1_000_000_000_000u64, "조"),
        (100_000_000, "억"),
        (10_000, "만"),
        (1, ""),
    ] {
        let g = n / unit;
        n %= unit;
        if g > 0 {
            parts.push(format!("{}{word}", ko_group(g)));
        }
    }
    format!("{}{}", sign(v), parts.join(" "))
}

/// Money in Korean: "17억 4천만 달러", "2억 9천만 달러".
pub fn money_ko(v: f64) -> String {
    format!("{} 달러", number_ko(v))
}

/// Money in words in a language.
pub fn money(v: f64, lang: Lang) -> String {
    match lang {
        Lang::En => money_en(v),
        Lang::Ko => money_ko(v),
    }
}

/// Money for an axis label in a language ("$1.5B", "15억").
pub fn money_short(v: f64, lang: Lang) -> String {
    match lang {
        Lang::En => money_en_short(v),
        Lang::Ko => number_ko(v),
    }
}

/// Tenths of a percent as text: 576 → "57.6%".
pub fn permille(pm: u32) -> String {
    format!("{}.{}%", pm / 10, pm % 10)
}

/// A fraction as a percentage with one decimal: 0.57586 → "57.6%", 16.986 → "1,698.6%";
/// negative with "−".
pub fn percent(fraction: f64) -> String {
    let tenths = (fraction.abs() * 1000.0).round() as u64;
    let s = if fraction < 0.0 && tenths > 0 {
        "\u{2212}"
    } else {
        ""
    };
    format!("{s}{}.{}%", group_thousands(tenths / 10), tenths % 10)
}

/// A change as a signed percentage: "+12.0%", "−45.2%".
pub fn percent_change(fraction: f64) -> String {
    let p = percent(fraction);
    if fraction > 0.0 && (fraction * 1000.0).round() > 0.0 {
        format!("+{p}")
    } else {
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_money_table() {
        let cases = [
            (1.74e9, "$1.74 billion"),
            (1_739_000_000.0, "$1.74 billion"),
            (2.03e9, "$2.03 billion"),
            (2.373e9, "$2.37 billion"),
            (1.7e9, "$1.7 billion"),
            (2e9, "$2 billion"),
            (290e6, "$290 million"),
            (291_890_000.0, "$292 million"),
            (167e6, "$167 million"),
            (41.7e6, "$41.7 million"),
            (999.6e6, "$1 billion"),
            (375_000.0, "$375,000"),
            (1234.0, "$1,230"),
            (12.5, "$12.5"),
            (0.0, "$0"),
            (-1.74e9, "\u{2212}$1.74 billion"),
            (3.2e12, "$3.2 trillion"),
        ];
        for (v, want) in cases {
            assert_eq!(money_en(v), want, "{v}");
        }
    }

    #[test]
    fn english_axis_table() {
        let cases = [
            (0.0, "$0"),
            (5e8, "$500M"),
            (1e9, "$1B"),
            (1.5e9, "$1.5B"),
            (-2e9, "\u{2212}$2B"),
            (2e4, "$20K"),
            (250.0, "$250"),
        ];
        for (v, want) in cases {
            assert_eq!(money_en_short(v), want, "{v}");
        }
    }

    #[test]
    fn korean_money_table() {
        let cases = [
            (1.74e9, "17억 4천만 달러"),
            (290e6, "2억 9천만 달러"),
            (2.03e9, "20억 3천만 달러"),
            (2.373e9, "23억 7천만 달러"),
            (167e6, "1억 6천700만 달러"),
            (166_737_894.0, "1억 6천700만 달러"),
            (41.7e6, "4천170만 달러"),
            (32e6, "3천200만 달러"),
            (1e9, "10억 달러"),
            (375_000.0, "37만 5천 달러"),
            (1.23e12, "1조 2천300억 달러"),
            (0.0, "0 달러"),
        ];
        for (v, want) in cases {
            assert_eq!(money_ko(v), want, "{v}");
        }
        assert_eq!(money_short(-1.5e9, Lang::Ko), "\u{2212}15억");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(167.0 / 290.0), "57.6%");
        assert_eq!(percent(166_737_894.0 / 291_890_000.0), "57.1%");
        assert_eq!(percent(0.0), "0.0%");
        assert_eq!(percent(1.0), "100.0%");
        assert_eq!(percent(-0.00001), "0.0%");
        assert_eq!(percent(16.986), "1,698.6%");
        assert_eq!(percent_change(16.986), "+1,698.6%");
        assert_eq!(percent_change(-0.452), "\u{2212}45.2%");
        assert_eq!(percent_change(0.12), "+12.0%");
        assert_eq!(permille(576), "57.6%");
        assert_eq!(permille(1000), "100.0%");
    }

    #[test]
    fn languages() {
        assert_eq!(Lang::from_tag("ko-KR"), Lang::Ko);
        assert_eq!(Lang::from_tag("en"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }
}
