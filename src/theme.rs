//! The chart's colours and font family by role: one source for every renderer (the
//! canvas in the browser, SVG everywhere, PNG natively). The element's stylesheet
//! (`www/tradegap.css`) repeats these values as CSS custom properties so that a page
//! can override them; a native test checks that the two agree.

use crate::scene::Paint;

/// Colours (any CSS colour notation) and a CSS font family.
#[allow(missing_docs)] // The fields are the paints of the same names.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub exports: String,
    pub imports: String,
    pub balance: String,
    pub text: String,
    pub muted: String,
    pub grid: String,
    pub axis: String,
    pub background: String,
    /// The band behind the selected year and the composition's bar tracks.
    pub highlight: String,
    /// The keyboard focus ring.
    pub focus: String,
    /// A CSS `font-family` list.
    pub font_family: String,
}

/// The font stack when the page gives none: the system's sans-serif.
pub const DEFAULT_FONT_FAMILY: &str = "system-ui, sans-serif";

impl Theme {
    /// Dark text and saturated bars on white.
    pub fn light() -> Theme {
        Theme {
            exports: "#2166ac".into(),
            imports: "#d6604d".into(),
            balance: "#1a1a1a".into(),
            text: "#1a1a1a".into(),
            muted: "#595959".into(),
            grid: "#e3e3e3".into(),
            axis: "#8c8c8c".into(),
            background: "#ffffff".into(),
            highlight: "#f1f1f1".into(),
            focus: "#1a1a1a".into(),
            font_family: DEFAULT_FONT_FAMILY.into(),
        }
    }

    /// Light text and lighter bars on near-black.
    pub fn dark() -> Theme {
        Theme {
            exports: "#6baed6".into(),
            imports: "#f4a582".into(),
            balance: "#f0f0f0".into(),
            text: "#f0f0f0".into(),
            muted: "#b3b3b3".into(),
            grid: "#333333".into(),
            axis: "#8c8c8c".into(),
            background: "#121212".into(),
            highlight: "#232323".into(),
            focus: "#f0f0f0".into(),
            font_family: DEFAULT_FONT_FAMILY.into(),
        }
    }

    /// `light` or `dark` (any case, spaces around ignored); `None` for anything else.
    pub fn from_name(name: &str) -> Option<Theme> {
        match name.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::light()),
            "dark" => Some(Theme::dark()),
            _ => None,
        }
    }

    /// The same colours with another font family.
    pub fn with_font(self, font_family: &str) -> Theme {
        Theme {
            font_family: font_family.to_string(),
            ..self
        }
    }

    /// The colour of a paint.
    pub fn paint(&self, p: Paint) -> &str {
        match p {
            Paint::Exports => &self.exports,
            Paint::Imports => &self.imports,
            Paint::Balance => &self.balance,
            Paint::Text => &self.text,
            Paint::Muted => &self.muted,
            Paint::Grid => &self.grid,
            Paint::Axis => &self.axis,
            Paint::Background => &self.background,
            Paint::Highlight => &self.highlight,
            Paint::Focus => &self.focus,
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::light()
    }
}
