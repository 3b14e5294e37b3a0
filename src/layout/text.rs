//! Fitting text into a width: wrapping and ellipsis.

use crate::measure::TextMeasure;
use crate::scene::Font;

/// `text` shortened with "…" until it fits in `max_w`.
pub fn ellipsize(text: &str, font: Font, max_w: f64, m: &dyn TextMeasure) -> String {
    if m.width(text, font) <= max_w {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut n = chars.len();
    while n > 0 {
        n -= 1;
        let s: String = chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
        if m.width(&s, font) <= max_w {
            return s;
        }
    }
    String::new()
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
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
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
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        lines.push(ellipsize(&rest, font, max_w, m));
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
    fn ellipsize_fits() {
        assert_eq!(
            ellipsize("Wigs and false eyelashes", F, 60.0, &FixedMeasure),
            "Wigs and…"
        );
        assert_eq!(ellipsize("Wigs", F, 60.0, &FixedMeasure), "Wigs");
        assert_eq!(ellipsize("Wigs", F, 1.0, &FixedMeasure), "");
    }
}
