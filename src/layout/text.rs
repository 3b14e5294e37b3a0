//! Fitting text into a width: wrapping and ellipsis.

use crate::measure::TextMeasure;
use crate::scene::Font;

/// The narrowest advance any character is given, in ems: a thin space is 0.2 em, and
/// the narrowest letters of common faces about 0.22 em. Text longer than this allows
/// cannot fit, whatever the font, so it is cut before being measured.
const NARROWEST_EM: f64 = 0.15;

/// The most characters that `lines` lines of `max_w` could hold in any font.
pub fn max_chars(font: Font, max_w: f64, lines: usize) -> usize {
    let per_line = (max_w.max(0.0) / (NARROWEST_EM * font.size_px.max(1.0))).ceil();
    // Cast saturates: an infinite width is no bound at all.
    (per_line as usize).saturating_add(1).saturating_mul(lines)
}

/// `text` cut to what `lines` lines could ever hold, and whether it was cut: a 1 MB
/// label is never measured whole (measuring is linear in its length, and an
/// ellipsis search measures it many times).
fn cap(text: &str, font: Font, max_w: f64, lines: usize) -> (&str, bool) {
    let n = max_chars(font, max_w, lines);
    match text.char_indices().nth(n) {
        Some((i, _)) => (&text[..i], true),
        None => (text, false),
    }
}

/// `text` shortened with "…" until it fits in `max_w`.
pub fn ellipsize(text: &str, font: Font, max_w: f64, m: &dyn TextMeasure) -> String {
    let (text, cut) = cap(text, font, max_w, 1);
    shorten(text, cut, font, max_w, m)
}

/// `text` as is when it fits and nothing was `cut` from it; else its longest prefix
/// with "…" that fits, found by halving (a prefix is never wider than a longer one).
fn shorten(text: &str, cut: bool, font: Font, max_w: f64, m: &dyn TextMeasure) -> String {
    if !cut && m.width(text, font) <= max_w {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let with_ellipsis = |n: usize| -> String {
        chars[..n].iter().collect::<String>().trim_end().to_string() + "…"
    };
    // Prefixes of lo characters fit (or lo is 0); of hi, they do not.
    let (mut lo, mut hi) = (0, if cut { chars.len() + 1 } else { chars.len() });
    if m.width(&with_ellipsis(0), font) > max_w {
        return String::new();
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if m.width(&with_ellipsis(mid), font) <= max_w {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    with_ellipsis(lo)
}

/// `text` broken into lines no wider than `max_w`, at spaces where possible, in at
/// most `max_lines` lines; the last shortened with "…" when the text does not fit.
pub fn wrap(
    text: &str,
    font: Font,
    max_w: f64,
    max_lines: usize,
    m: &dyn TextMeasure,
) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let (text, cut) = cap(text, font, max_w, max_lines.saturating_add(1));
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        // Lines past the last one shown are never laid out.
        if lines.len() > max_lines {
            break;
        }
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if m.width(&candidate, font) <= max_w {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // A word wider than the line is broken by characters.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if m.width(&piece, font) > max_w && piece.chars().count() > 1 {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        current = piece;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if (lines.len() > max_lines || cut) && !lines.is_empty() {
        let last = lines.len().min(max_lines) - 1;
        let rest = lines[last..].join(" ");
        lines.truncate(last);
        // More text follows the last line shown, so it ends with "…" whether it fits or not.
        let (rest, _) = cap(&rest, font, max_w, 1);
        lines.push(shorten(rest, true, font, max_w, m));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::FixedMeasure;

    const F: Font = Font::regular(10.0); // 6 px a character with FixedMeasure

    #[test]
    fn wraps_at_spaces() {
        let lines = wrap("North Korea's trade with China", F, 90.0, 5, &FixedMeasure);
        assert_eq!(lines, ["North Korea's", "trade with", "China"]);
    }

    #[test]
    fn ellipsis_when_too_many_lines() {
        let lines = wrap("one two three four five six", F, 60.0, 2, &FixedMeasure);
        assert_eq!(lines, ["one two", "three fou…"]);
    }

    #[test]
    fn breaks_a_word_longer_than_the_line() {
        let lines = wrap("abcdefghijkl", F, 30.0, 5, &FixedMeasure);
        assert_eq!(lines, ["abcde", "fghij", "kl"]);
    }

    #[test]
    fn a_megabyte_label_is_cut_before_it_is_measured() {
        use std::cell::Cell;
        /// Counts the characters measured.
        struct Counting(Cell<usize>);
        impl TextMeasure for Counting {
            fn width(&self, text: &str, font: Font) -> f64 {
                self.0.set(self.0.get() + text.chars().count());
                FixedMeasure.width(text, font)
            }
        }
        for unit in ["Wigs and false eyelashes ", "가발과 인조 속눈썹 "] {
            let label = unit.repeat(1_000_000 / unit.len());
            let m = Counting(Cell::new(0));
            let short = ellipsize(&label, F, 300.0, &m);
            assert!(short.ends_with('…') && FixedMeasure.width(&short, F) <= 300.0);
            let lines = wrap(&label, F, 300.0, 2, &m);
            assert_eq!(lines.len(), 2);
            assert!(lines[1].ends_with('…'), "{lines:?}");
            // A few thousand characters measured, not a million (let alone a million squared).
            assert!(m.0.get() < 100_000, "{} characters measured", m.0.get());
        }
    }

    #[test]
    fn text_cut_for_length_still_ends_with_an_ellipsis() {
        // 10 px font: 0.15 em is 1.5 px, so 60 px holds at most 41 characters of any font.
        let long = "i".repeat(100);
        let s = ellipsize(&long, F, 60.0, &FixedMeasure);
        assert_eq!(s, format!("{}…", "i".repeat(9)));
    }

    #[test]
    fn ellipsize_fits() {
        assert_eq!(
            ellipsize("Wigs and false eyelashes", F, 60.0, &FixedMeasure),
            "Wigs and…"
        );
        assert_eq!(ellipsize("Wigs", F, 60.0, &FixedMeasure), "Wigs");
        assert_eq!(ellipsize("Wigs", F, 1.0, &FixedMeasure), "");
    }
}
