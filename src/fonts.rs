//! Text measured with a real font, natively (the command line's SVG and PNG), so
//! that they lay out the way the browser does with the same font.
//!
//! The font is Noto Sans CJK KR (regular and bold), which draws Latin and Hangul
//! alike; SIL Open Font License 1.1. Debian's `fonts-noto-cjk` installs it (as
//! `scripts/setup.sh` does); `TRADEGAP_FONT` (and `TRADEGAP_FONT_BOLD`) name another
//! font file. Widths come from shaping with `rustybuzz` (HarfBuzz's algorithm, the
//! shaper `resvg` draws the PNG's text with), so kerning and ligatures count as they
//! do when the text is drawn. Without any font file the measure falls back to
//! [`FixedMeasure`], and says so through [`Fonts::found`].

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::measure::{FixedMeasure, TextMeasure};
use crate::scene::Font;

/// The family the pictures ask for, and the face looked up in a collection.
pub const FAMILY: &str = "Noto Sans CJK KR";

/// Where distributions install Noto Sans CJK: regular and bold collections.
const SEARCH: &[(&str, &str)] = &[
    // Debian and Ubuntu (fonts-noto-cjk)
    (
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    ),
    // Fedora (google-noto-sans-cjk-fonts)
    (
        "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Bold.ttc",
    ),
    // Arch (noto-fonts-cjk)
    (
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
    ),
];

/// One face of a font file: its bytes (shared with the rasteriser), index and family.
#[derive(Clone)]
pub struct FontFile {
    /// The whole file.
    pub data: Arc<Vec<u8>>,
    /// The face's index in a collection (0 for a single font).
    pub index: u32,
    /// Where it was read from.
    pub path: PathBuf,
    /// Its family name, as CSS and SVG name it.
    pub family: String,
}

impl std::fmt::Debug for FontFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}, face {})",
            self.family,
            self.path.display(),
            self.index
        )
    }
}

impl FontFile {
    /// Reads a font file and picks the face of `family` in a collection (else the first).
    pub fn read(path: &Path, family: &str) -> Option<FontFile> {
        let data = std::fs::read(path).ok()?;
        let faces = ttf_parser::fonts_in_collection(&data).unwrap_or(1);
        let mut first = None;
        for index in 0..faces {
            let Ok(face) = ttf_parser::Face::parse(&data, index) else {
                continue;
            };
            let name = family_name(&face)?;
            if name.eq_ignore_ascii_case(family) {
                first = Some((index, name));
                break;
            }
            first.get_or_insert((index, name));
        }
        let (index, family) = first?;
        Some(FontFile {
            data: Arc::new(data),
            index,
            path: path.to_path_buf(),
            family,
        })
    }
}

fn family_name(face: &ttf_parser::Face) -> Option<String> {
    use ttf_parser::name_id::{FAMILY, TYPOGRAPHIC_FAMILY};
    let of = |id| {
        face.names()
            .into_iter()
            .filter(|n| n.name_id == id && n.is_unicode())
            .find_map(|n| n.to_string())
    };
    of(TYPOGRAPHIC_FAMILY).or_else(|| of(FAMILY))
}

/// The fonts the pictures are laid out and drawn with.
#[derive(Clone, Debug, Default)]
pub struct Fonts {
    /// The regular face, if one was found.
    pub regular: Option<FontFile>,
    /// The bold face; without it bold text is measured with the regular one.
    pub bold: Option<FontFile>,
}

impl Fonts {
    /// `TRADEGAP_FONT` (and `TRADEGAP_FONT_BOLD`) if set, else Noto Sans CJK KR where
    /// the distributions install it; none when nothing is found.
    pub fn find() -> Fonts {
        if let Some(path) = std::env::var_os("TRADEGAP_FONT") {
            let regular = FontFile::read(Path::new(&path), FAMILY);
            let bold = std::env::var_os("TRADEGAP_FONT_BOLD")
                .and_then(|b| FontFile::read(Path::new(&b), FAMILY));
            return Fonts { regular, bold };
        }
        for (regular, bold) in SEARCH {
            if let Some(r) = FontFile::read(Path::new(regular), FAMILY) {
                return Fonts {
                    regular: Some(r),
                    bold: FontFile::read(Path::new(bold), FAMILY),
                };
            }
        }
        Fonts::default()
    }

    /// Whether a font file was found (else text is measured by the fixed-width rule).
    pub fn found(&self) -> bool {
        self.regular.is_some()
    }

    /// The CSS font stack for pictures measured with these fonts: the found family
    /// first, then the same family's web name and the generic sans-serif, for a viewer
    /// that lacks it.
    pub fn family_stack(&self) -> String {
        let mut stack = Vec::new();
        if let Some(r) = &self.regular {
            stack.push(format!("'{}'", r.family.replace(['\'', '"'], "")));
        }
        for f in ["'Noto Sans KR'", "'Noto Sans'", "sans-serif"] {
            if !stack.iter().any(|s| s == f) {
                stack.push(f.to_string());
            }
        }
        stack.join(", ")
    }

    /// A measure with these fonts: shaped widths, or the fixed-width rule without a font.
    pub fn measure(&self) -> FontMeasure<'_> {
        FontMeasure {
            fonts: self,
            cache: RefCell::new(HashMap::new()),
        }
    }
}

/// Measures text by shaping it with the found font.
pub struct FontMeasure<'a> {
    fonts: &'a Fonts,
    /// Layout measures the same strings many times (wrapping, fitting).
    cache: RefCell<HashMap<(bool, String), f64>>,
}

impl FontMeasure<'_> {
    /// The width in ems of `text` in a face; characters the face lacks count as the
    /// fixed-width rule says (the rasteriser falls back to another font for them).
    fn ems(file: &FontFile, text: &str) -> Option<f64> {
        let face = rustybuzz::Face::from_slice(&file.data, file.index)?;
        let upem = f64::from(face.units_per_em());
        if upem <= 0.0 {
            return None;
        }
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        let shaped = rustybuzz::shape(&face, &[], buffer);
        let mut ems = 0.0;
        for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            if info.glyph_id == 0 {
                let c = text
                    .get(info.cluster as usize..)
                    .and_then(|s| s.chars().next())
                    .unwrap_or(' ');
                ems += FixedMeasure.width(c.encode_utf8(&mut [0; 4]), Font::regular(1.0));
            } else {
                ems += f64::from(pos.x_advance) / upem;
            }
        }
        Some(ems)
    }
}

impl TextMeasure for FontMeasure<'_> {
    fn width(&self, text: &str, font: Font) -> f64 {
        let file = if font.bold {
            self.fonts.bold.as_ref().or(self.fonts.regular.as_ref())
        } else {
            self.fonts.regular.as_ref()
        };
        let Some(file) = file else {
            return FixedMeasure.width(text, font);
        };
        let key = (font.bold, text.to_string());
        if let Some(ems) = self.cache.borrow().get(&key) {
            return ems * font.size_px;
        }
        let ems =
            Self::ems(file, text).unwrap_or_else(|| FixedMeasure.width(text, Font::regular(1.0)));
        self.cache.borrow_mut().insert(key, ems);
        ems * font.size_px
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_font_the_fixed_rule_measures() {
        let fonts = Fonts::default();
        assert!(!fonts.found());
        assert_eq!(
            fonts.measure().width("abc", Font::regular(10.0)),
            FixedMeasure.width("abc", Font::regular(10.0))
        );
        assert_eq!(
            fonts.family_stack(),
            "'Noto Sans KR', 'Noto Sans', sans-serif"
        );
    }

    #[test]
    fn a_missing_file_is_no_font() {
        assert!(FontFile::read(Path::new("/nonexistent/font.ttc"), FAMILY).is_none());
    }

    /// Where Noto Sans CJK is installed (scripts/setup.sh installs it), its widths are
    /// proportional: an "i" is narrower than an "m", Hangul is about one em, bold is wider.
    #[test]
    fn noto_sans_cjk_measures_proportionally() {
        let fonts = Fonts::find();
        let Some(regular) = &fonts.regular else {
            eprintln!("Noto Sans CJK is not installed here; nothing to measure");
            return;
        };
        assert_eq!(regular.family, FAMILY, "{regular:?}");
        let m = fonts.measure();
        let f = Font::regular(10.0);
        assert!(m.width("iiii", f) < m.width("mmmm", f));
        let hangul = m.width("북한", f);
        assert!((18.0..=21.0).contains(&hangul), "{hangul}");
        assert!(m.width("Exports", Font::bold(10.0)) > m.width("Exports", f));
        // Cached widths scale with the size.
        assert!(
            (m.width("Exports", Font::regular(20.0)) - 2.0 * m.width("Exports", f)).abs() < 1e-9
        );
        assert_eq!(
            fonts.family_stack(),
            "'Noto Sans CJK KR', 'Noto Sans KR', 'Noto Sans', sans-serif"
        );
    }
}
