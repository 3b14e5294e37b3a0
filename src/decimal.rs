//! Decimal numbers as text, to `f64`, without the standard library's float parser in the
//! page's wasm: `core`'s (Eisel–Lemire with a 10 KB table of powers, and big-number
//! fallbacks) is 19 KB of the module, 15 KB gzip -9, a tenth of what a page loads.
//!
//! Trade figures are short: a mantissa of at most 15 or so digits and a small power of
//! ten. For those, Clinger's fast path is exact: the mantissa and the power of ten are
//! both representable doubles, and one IEEE multiplication or division rounds correctly.
//! Anything else (more than 2^53 in the digits, a power beyond 10^22) goes to a full
//! parser: `str::parse` natively, JavaScript's `parseFloat` in the browser, which round
//! alike: ECMAScript requires correct rounding up to 20 significant digits, and V8,
//! SpiderMonkey and JavaScriptCore round every input correctly (tests/web.rs checks the
//! hard cases in each engine that runs it).

/// Powers of ten that a double holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The largest integer below which every integer is a double.
const EXACT: u64 = 1 << 53;

/// A decimal number, as Rust's `f64::from_str` reads one but without `inf` and `NaN`:
/// an optional sign, digits with an optional point (`1.`, `.5`), an optional exponent
/// (`1e5`, `2.5E-3`). `None` for anything else; an overflow is infinite, as in Rust.
pub fn parse(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (negative, rest) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let int_len = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    let (int, rest) = rest.split_at(int_len);
    let (frac, rest) = match rest.split_first() {
        Some((b'.', after)) => {
            let n = after.iter().take_while(|c| c.is_ascii_digit()).count();
            after.split_at(n)
        }
        _ => (&rest[..0], rest),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let exp = match rest.split_first() {
        None => 0,
        Some((b'e' | b'E', after)) => exponent(after)?,
        Some(_) => return None,
    };
    let magnitude = fast(int, frac, exp).unwrap_or_else(|| full(s));
    Some(if negative { -magnitude } else { magnitude })
}

/// The exponent's digits after `e`, saturated far beyond any double's range.
fn exponent(b: &[u8]) -> Option<i64> {
    let (negative, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = digits
        .iter()
        .fold(0i64, |n, &d| (n * 10 + i64::from(d - b'0')).min(1 << 40));
    Some(if negative { -n } else { n })
}

/// Clinger's fast path on the digits before and after the point and the exponent:
/// `None` when the result might not be exact.
fn fast(int: &[u8], frac: &[u8], exp: i64) -> Option<f64> {
    // Zeros that only place the point: leading ones anywhere, trailing ones after it.
    let frac = trim_end_zeros(frac);
    let mut int = trim_start_zeros(int);
    let mut exp = exp - frac.len() as i64;
    let frac = if int.is_empty() {
        trim_start_zeros(frac)
    } else {
        frac
    };
    if frac.is_empty() {
        // Trailing zeros of a whole number become the exponent: 1000000 is 1e6.
        let kept = trim_end_zeros(int);
        exp += (int.len() - kept.len()) as i64;
        int = kept;
    }
    if int.len() + frac.len() > 19 {
        return None;
    }
    let mantissa = int
        .iter()
        .chain(frac)
        .fold(0u64, |m, &d| m * 10 + u64::from(d - b'0'));
    if mantissa == 0 {
        return Some(0.0);
    }
    if mantissa > EXACT || exp.unsigned_abs() > 22 {
        return None;
    }
    let m = mantissa as f64;
    Some(if exp >= 0 {
        m * POW10[exp as usize]
    } else {
        m / POW10[(-exp) as usize]
    })
}

fn trim_start_zeros(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|&&c| c == b'0').count();
    &b[n..]
}

fn trim_end_zeros(b: &[u8]) -> &[u8] {
    let n = b.iter().rev().take_while(|&&c| c == b'0').count();
    &b[..b.len() - n]
}

/// The magnitude of a well-formed decimal that the fast path cannot take.
#[cfg(not(target_arch = "wasm32"))]
fn full(s: &str) -> f64 {
    s.trim_start_matches(['+', '-']).parse().unwrap_or(f64::NAN)
}

/// The magnitude of a well-formed decimal that the fast path cannot take: the browser's
/// own parser, so that the module carries none.
#[cfg(target_arch = "wasm32")]
fn full(s: &str) -> f64 {
    js_sys::parse_float(s.trim_start_matches(['+', '-']))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both parsers on one text: the same number, bit for bit, or both refuse.
    fn same(s: &str) {
        let ours = parse(s);
        let std = s.parse::<f64>().ok().filter(|v| !v.is_nan());
        let std = match (std, s.to_ascii_lowercase().contains("inf")) {
            (Some(_), true) => None, // "inf" is no decimal
            (v, _) => v,
        };
        assert_eq!(ours.map(f64::to_bits), std.map(f64::to_bits), "{s:?}");
    }

    #[test]
    fn reads_what_rust_reads_bit_for_bit() {
        for s in [
            "0",
            "-0",
            "+0",
            "290000000",
            "2030000000",
            "1740000000.5",
            "0.1",
            ".5",
            "5.",
            "-.5",
            "1e5",
            "1E5",
            "2.5e-3",
            "1e22",
            "1e23",
            "9007199254740992",
            "9007199254740993",
            "123456789012345678901234567890",
            "0.000000000000000000001",
            "1.7976931348623157e308",
            "1e309",
            "2.2250738585072014e-308",
            "4.9e-324",
            "1e-400",
            "0e999999999999",
            "00012.3400",
            "1000000000000000000000000",
            "100.000000000000000000",
            "3.14159265358979323846",
            "0.30000000000000004",
            "1_000",
            "",
            ".",
            "-",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "12a",
            "a12",
            " 12",
            "12 ",
            "inf",
            "NaN",
            "+-1",
            "1e5.5",
            "0x10",
        ] {
            same(s);
        }
    }

    #[test]
    fn random_decimals_match_rust() {
        // A small deterministic generator: digits, points, exponents, signs and zeros in
        // the places that the fast path trims.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..200_000 {
            let mut s = String::new();
            match next() % 4 {
                0 => s.push('-'),
                1 => s.push('+'),
                _ => {}
            }
            for _ in 0..next() % 4 {
                s.push('0');
            }
            for _ in 0..next() % 22 {
                s.push(char::from(b'0' + (next() % 10) as u8));
            }
            if next() % 2 == 0 {
                s.push('.');
                for _ in 0..next() % 20 {
                    s.push(char::from(b'0' + (next() % 10) as u8));
                }
            }
            if next() % 3 == 0 {
                s.push('e');
                s.push_str(&((next() % 60) as i64 - 30).to_string());
            }
            same(&s);
        }
    }

    #[test]
    fn trade_figures_take_the_fast_path() {
        for s in [
            "290000000",
            "2031690000",
            "1740000000.5",
            "0.25",
            "167000",
            "12.345e6",
        ] {
            assert!(fast_path(s), "{s}");
        }
        assert!(!fast_path("9007199254740993"));
        assert!(!fast_path("1e23"));
    }

    fn fast_path(s: &str) -> bool {
        let (int, rest) = s.split_at(s.find(['.', 'e']).unwrap_or(s.len()));
        let (frac, exp) = match rest.strip_prefix('.') {
            Some(f) => f.split_at(f.find('e').unwrap_or(f.len())),
            None => ("", rest),
        };
        let exp = exp.strip_prefix('e').map_or(0, |e| e.parse().unwrap());
        fast(int.as_bytes(), frac.as_bytes(), exp).is_some()
    }
}
