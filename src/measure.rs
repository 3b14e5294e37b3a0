//! Text width, which layout needs and only a browser knows exactly.

use crate::scene::Font;

/// Measures the width of a line of text in CSS pixels.
pub trait TextMeasure {
    /// The advance width of `text` in `font`.
    fn width(&self, text: &str, font: Font) -> f64;
}

/// A stand-in for tests and native builds: 0.6 em per character, 1 em for wide
/// (CJK) characters. Close enough to a sans-serif to lay out sensibly, and exact
/// to reproduce.
#[derive(Clone, Copy, Debug, Default)]
pub struct FixedMeasure;

impl TextMeasure for FixedMeasure {
    fn width(&self, text: &str, font: Font) -> f64 {
        let ems: f64 = text
            .chars()
            .map(|c| if is_wide(c) { 1.0 } else { 0.6 })
            .sum();
        ems * font.size_px
    }
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFF00..=0xFF60)
}
