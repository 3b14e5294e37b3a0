//! The JavaScript boundary: `analyze()` and the `Chart` handle the element uses.
//!
//! Data stays in Rust behind the handle; JavaScript gets small plain objects.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::analyze::{BalanceKind, Breakdown, Delta, Direction, Query};
use crate::error::{Error, ErrorKind, Position};
use crate::format::{permille, Lang};
use crate::hs::ProductLabels;
use crate::layout::{Interaction, View};
use crate::model::{CountryCode, Dataset};
use crate::names::{product_label, NameOverrides};
use crate::parse::Format;
use crate::partners::ShareBasis;
use crate::reconcile::MirrorSide;
use crate::render::{replay, CanvasMeasure, MeasureCache, Theme};
use crate::rollup::Group;
use crate::scene::{Highlight, Scene, Target};
use crate::{describe, report, Options, Report};

/// Parses `text`, analyses it and returns the analysis as a plain object.
/// Throws an `Error` whose message names the line and column for bad input, and
/// which carries `line` and `column` properties.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let raw = RawOptions::read(&options).map_err(to_js_error)?;
    let data = crate::parse::parse_trades(text, raw.format).map_err(to_js_error)?;
    let opts = raw.resolve(&data).map_err(to_js_error)?;
    let r = report(&data, &opts).map_err(to_js_error)?;
    Ok(report_to_js(&r))
}

/// Reads a big file in a Web Worker: bytes arrive chunk by chunk into wasm memory
/// (never as one JavaScript string), are parsed in place, and only the flows of the
/// focus country are kept and handed back as native CSV for the page's `Chart`.
#[wasm_bindgen]
pub struct Loader {
    bytes: Vec<u8>,
    max_bytes: f64,
}

#[wasm_bindgen]
impl Loader {
    /// A loader that refuses more than `max_bytes`.
    #[wasm_bindgen(constructor)]
    pub fn new(max_bytes: f64) -> Loader {
        Loader {
            bytes: Vec::new(),
            max_bytes,
        }
    }

    /// Reserves room for a file of known size, so that chunks never reallocate.
    pub fn reserve(&mut self, total: f64) -> Result<(), JsValue> {
        self.check(total)?;
        self.bytes.reserve_exact(total.max(0.0) as usize);
        Ok(())
    }

    /// Appends one chunk.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsValue> {
        self.check(self.bytes.len() as f64 + chunk.len() as f64)?;
        self.bytes.extend_from_slice(chunk);
        Ok(())
    }

    fn check(&self, size: f64) -> Result<(), JsValue> {
        if size > self.max_bytes {
            return Err(to_js_error(bad_option(format!(
                "the file is larger than the limit of {} MB (max-bytes)",
                (self.max_bytes / 1e6).round() as u64
            ))));
        }
        Ok(())
    }

    /// Parses what was pushed, checks the analysis, frees the bytes, and returns
    /// `{ csv, rows, kept }`: the kept flows as native CSV, rows read, flows kept.
    pub fn finish(&mut self, options: JsValue) -> Result<JsValue, JsValue> {
        let bytes = std::mem::take(&mut self.bytes);
        let raw = RawOptions::read(&options).map_err(to_js_error)?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            let before = &bytes[..e.valid_up_to()];
            let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let column = before.iter().rev().take_while(|&&b| b != b'\n').count() as u32 + 1;
            to_js_error(Error::at(
                Position::new(line, column),
                ErrorKind::BadOption("the file is not UTF-8 text; save it as UTF-8".into()),
            ))
        })?;
        let opts = crate::parse::ReadOptions {
            keep: raw.focus,
            partner: raw.partner,
        };
        let data = crate::parse::parse_trades_with(text, raw.format, &opts).map_err(to_js_error)?;
        // Errors that only the analysis finds still name the file's own lines.
        let resolved = raw.resolve(&data).map_err(to_js_error)?;
        report(&data, &resolved).map_err(to_js_error)?;
        let csv = crate::native::to_native_csv(&data, js_number);
        Ok(obj(&[
            ("csv", csv.into()),
            ("rows", (data.rows_read as f64).into()),
            ("kept", (data.flows.len() as f64).into()),
        ]))
    }
}

/// A chart on one canvas: holds the parsed data, the analysis and the last scene,
/// so that a resize re-lays out without re-parsing and a hover re-analyses nothing.
#[wasm_bindgen]
pub struct Chart {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    data: Option<Dataset>,
    raw: Option<RawOptions>,
    report: Option<Report>,
    /// The last layout, without hover and focus; valid for `laid_out`'s size and font.
    scene: Option<Scene>,
    laid_out: Option<(f64, f64, String)>,
    /// The last `draw`'s size, device pixel ratio and theme, for `redraw`.
    last: Option<(f64, f64, f64, Theme)>,
    /// A view set with `setView`, over the options' one.
    view: Option<View>,
    highlight: Highlight,
    /// Text widths measured so far, reused by every layout in the same font.
    widths: std::cell::RefCell<MeasureCache>,
}

#[wasm_bindgen]
impl Chart {
    /// A chart that draws on `canvas`.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement) -> Result<Chart, JsValue> {
        let ctx = canvas
            .get_context("2d")?
            .ok_or_else(|| JsValue::from_str("this browser cannot draw on a canvas"))?
            .dyn_into::<CanvasRenderingContext2d>()?;
        Ok(Chart {
            canvas,
            ctx,
            data: None,
            raw: None,
            report: None,
            scene: None,
            laid_out: None,
            last: None,
            view: None,
            highlight: Highlight::default(),
            widths: Default::default(),
        })
    }

    /// Parses new data and analyses it with `options`; returns the analysis.
    pub fn load(&mut self, text: &str, options: JsValue) -> Result<JsValue, JsValue> {
        let raw = RawOptions::read(&options).map_err(to_js_error)?;
        self.data = None;
        self.report = None;
        self.scene = None;
        let data = crate::parse::parse_trades(text, raw.format).map_err(to_js_error)?;
        self.data = Some(data);
        self.raw = Some(raw);
        self.reanalyze()
    }

    /// Analyses the loaded data again with new options (no re-parse); returns the analysis.
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&mut self, options: JsValue) -> Result<JsValue, JsValue> {
        self.raw = Some(RawOptions::read(&options).map_err(to_js_error)?);
        self.reanalyze()
    }

    fn reanalyze(&mut self) -> Result<JsValue, JsValue> {
        let (Some(data), Some(raw)) = (&self.data, &self.raw) else {
            return Err(JsValue::from_str("no data loaded"));
        };
        let mut opts = raw.resolve(data).map_err(to_js_error)?;
        if self.view.is_some() {
            opts.view = self.view;
        }
        let r = report(data, &opts).map_err(to_js_error)?;
        let js = report_to_js(&r);
        self.report = Some(r);
        self.scene = None;
        self.laid_out = None;
        Ok(js)
    }

    /// The current analysis, as `load` and `setOptions` return it (`null` before data).
    pub fn analysis(&self) -> JsValue {
        self.report.as_ref().map_or(JsValue::NULL, report_to_js)
    }

    /// Lays out and draws at `width` × `height` CSS pixels for a device pixel ratio,
    /// with the view, the selected year, the hover and the focus. The layout is kept
    /// and reused while the size and the font stay the same.
    pub fn draw(
        &mut self,
        width: f64,
        height: f64,
        dpr: f64,
        theme: JsValue,
    ) -> Result<(), JsValue> {
        let theme = read_theme(&theme);
        let (width, height) = (width.max(0.0), height.max(0.0));
        self.paint(width, height, dpr, &theme)?;
        self.last = Some((width, height, dpr, theme));
        Ok(())
    }

    /// Draws again at the last `draw`'s size, pixel ratio and theme: after `setHover` or
    /// `setFocus` the layout is reused, after `setSelectedYear` or `setView` it is laid
    /// out again. False when nothing was drawn yet.
    pub fn redraw(&mut self) -> Result<bool, JsValue> {
        let Some((w, h, dpr, theme)) = self.last.take() else {
            return Ok(false);
        };
        let result = self.paint(w, h, dpr, &theme);
        self.last = Some((w, h, dpr, theme));
        result.map(|_| true)
    }

    fn paint(&mut self, width: f64, height: f64, dpr: f64, theme: &Theme) -> Result<(), JsValue> {
        let Some(report) = &self.report else {
            return Ok(());
        };
        let key = (width, height, theme.font_family.clone());
        if self.scene.is_none() || self.laid_out.as_ref() != Some(&key) {
            let measure = CanvasMeasure::new(&self.ctx, &theme.font_family, &self.widths);
            // The balance view marks a year only when one was chosen; the story always.
            let selected = match report.view {
                View::Balance => self.raw.as_ref().and_then(|r| r.year),
                _ => Some(report.analysis.year),
            };
            let interaction = Interaction {
                selected,
                highlight: Highlight::default(),
            };
            self.scene = Some(crate::view_scene(
                report,
                interaction,
                width,
                height,
                &measure,
            ));
            self.laid_out = Some(key);
        }
        let Some(scene) = &self.scene else {
            return Ok(());
        };
        let extra = scene.highlight_primitives(self.highlight);
        replay(&self.canvas, &self.ctx, scene, &extra, dpr, theme)
    }

    /// A height in CSS pixels at which the current view fits comfortably at `width`
    /// (the story needs far more than 16:10 on a phone). `null` before data.
    #[wasm_bindgen(js_name = preferredHeight)]
    pub fn preferred_height(&self, width: f64, font: Option<String>) -> Option<f64> {
        let r = self.report.as_ref()?;
        let family = font
            .or_else(|| self.last.as_ref().map(|(_, _, _, t)| t.font_family.clone()))
            .unwrap_or_else(|| Theme::default().font_family);
        let measure = CanvasMeasure::new(&self.ctx, &family, &self.widths);
        Some(crate::layout::preferred_height(
            r.view,
            &r.analysis,
            &r.chart_text,
            width.max(0.0),
            &measure,
        ))
    }

    /// The year under a point in CSS pixels, if any.
    #[wasm_bindgen(js_name = yearAt)]
    pub fn year_at(&self, x: f64, y: f64) -> Option<i32> {
        match self.scene.as_ref()?.hit(x, y)? {
            Target::Year(year) => Some(year),
            _ => None,
        }
    }

    /// What is under a point in CSS pixels: `{kind: "year", year}`,
    /// `{kind: "product", flow: "exports" | "imports", index}`,
    /// `{kind: "partner", index}`, or `null`.
    #[wasm_bindgen(js_name = hitAt)]
    pub fn hit_at(&self, x: f64, y: f64) -> JsValue {
        self.scene
            .as_ref()
            .and_then(|s| s.hit(x, y))
            .map_or(JsValue::NULL, target_to_js)
    }

    /// Sets the view (`"balance"`, `"composition"`, `"story"` or `"partners"`; empty or
    /// null: the default for the data). Returns whether the chart must be drawn again.
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&mut self, view: JsValue) -> Result<bool, JsValue> {
        let view = match view.as_string().filter(|v| !v.trim().is_empty()) {
            None => None,
            Some(name) => Some(View::from_name(&name).ok_or_else(|| {
                to_js_error(bad_option(format!(
                    "view \"{name}\" is not balance, composition, story or partners"
                )))
            })?),
        };
        if view == self.view {
            return Ok(false);
        }
        self.view = view;
        if self.report.is_some() {
            self.reanalyze()?;
        }
        Ok(true)
    }

    /// The view drawn: `"balance"`, `"composition"`, `"story"` or `"partners"` (`null`
    /// before data).
    pub fn view(&self) -> JsValue {
        self.report
            .as_ref()
            .map_or(JsValue::NULL, |r| r.view.name().into())
    }

    /// Selects a year: the sentences, the composition and the highlighted column follow.
    /// Returns the new analysis, or `null` (and changes nothing) for a year without data.
    #[wasm_bindgen(js_name = setSelectedYear)]
    pub fn set_selected_year(&mut self, year: i32) -> Result<JsValue, JsValue> {
        let has_data = self
            .report
            .as_ref()
            .is_some_and(|r| r.analysis.year_balance(year).is_some());
        let Some(raw) = self.raw.as_mut().filter(|_| has_data) else {
            return Ok(JsValue::NULL);
        };
        raw.year = Some(year);
        self.reanalyze()
    }

    /// The selected year (the analysis's year), or `null` before data.
    #[wasm_bindgen(js_name = selectedYear)]
    pub fn selected_year(&self) -> Option<i32> {
        self.report.as_ref().map(|r| r.analysis.year)
    }

    /// Sets the target under the pointer (`null`: none). Returns whether to redraw.
    #[wasm_bindgen(js_name = setHover)]
    pub fn set_hover(&mut self, target: JsValue) -> Result<bool, JsValue> {
        let t = target_from_js(&target).map_err(to_js_error)?;
        let changed = self.highlight.hover != t;
        self.highlight.hover = t;
        Ok(changed)
    }

    /// Sets the target with the keyboard focus (`null`: none). Returns whether to redraw.
    #[wasm_bindgen(js_name = setFocus)]
    pub fn set_focus(&mut self, target: JsValue) -> Result<bool, JsValue> {
        let t = target_from_js(&target).map_err(to_js_error)?;
        let changed = self.highlight.focus != t;
        self.highlight.focus = t;
        Ok(changed)
    }

    /// The targets a keyboard moves through, in order: years with data (ascending), then
    /// the exports' bars, then the imports' bars, then the partners' bars, as far as the
    /// drawn view shows them.
    #[wasm_bindgen(js_name = focusTargets)]
    pub fn focus_targets(&self) -> JsValue {
        let Some(r) = &self.report else {
            return Array::new().into();
        };
        let targets = focus_order(r, self.scene.as_ref());
        targets
            .into_iter()
            .map(target_to_js)
            .collect::<Array>()
            .into()
    }

    /// Words for a target: `{tooltip, lines, announce}` (the tooltip's lines joined by
    /// newlines; a line for an `aria-live` region), or `null` for an unknown target.
    pub fn describe(&self, target: JsValue) -> Result<JsValue, JsValue> {
        let Some(t) = target_from_js(&target).map_err(to_js_error)? else {
            return Ok(JsValue::NULL);
        };
        let Some(d) = self.report.as_ref().and_then(|r| describe(r, t)) else {
            return Ok(JsValue::NULL);
        };
        Ok(obj(&[
            ("tooltip", d.lines.join("\n").into()),
            ("lines", array(&d.lines, |l| l.as_str().into())),
            ("announce", d.announce.into()),
        ]))
    }

    /// Where a target is drawn, `{x, y, w, h}` in CSS pixels, for placing a tooltip;
    /// `null` when the last drawing does not show it.
    #[wasm_bindgen(js_name = targetRect)]
    pub fn target_rect(&self, target: JsValue) -> Result<JsValue, JsValue> {
        let t = target_from_js(&target).map_err(to_js_error)?;
        let region = t.and_then(|t| self.scene.as_ref()?.region(t));
        Ok(region.map_or(JsValue::NULL, |r| {
            obj(&[
                ("x", r.x.into()),
                ("y", r.y.into()),
                ("w", r.w.into()),
                ("h", r.h.into()),
            ])
        }))
    }

    /// How many primitives the last scene drew (0 before the first draw).
    #[wasm_bindgen(js_name = primitiveCount)]
    pub fn primitive_count(&self) -> usize {
        self.scene.as_ref().map_or(0, |s| s.primitives.len())
    }
}

/// Options as the caller gave them; focus and partner may still be missing.
struct RawOptions {
    focus: Option<CountryCode>,
    partner: Option<CountryCode>,
    format: Format,
    year: Option<i32>,
    top: usize,
    lang: Lang,
    names: NameOverrides,
    prefer_source: Vec<String>,
    title: Option<String>,
    note: Option<String>,
    view: Option<View>,
    compare: Option<i32>,
    source: Option<String>,
    mirror: MirrorSide,
    rollup: Option<usize>,
    groups: Vec<Group>,
    labels: ProductLabels,
}

fn bad_option(msg: String) -> Error {
    Error::at(Position::new(1, 1), ErrorKind::BadOption(msg))
}

fn get(obj: &JsValue, key: &str) -> Option<JsValue> {
    if !obj.is_object() {
        return None;
    }
    Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn get_string(obj: &JsValue, key: &str) -> Option<String> {
    get(obj, key)
        // JavaScript prints numbers: Rust's float printing would add kilobytes to the wasm.
        .map(|v| match v.as_f64() {
            Some(n) => js_number(n),
            None => v.as_string().unwrap_or_default(),
        })
        .filter(|s| !s.trim().is_empty())
}

impl RawOptions {
    fn read(o: &JsValue) -> Result<RawOptions, Error> {
        let country = |key: &str| -> Result<Option<CountryCode>, Error> {
            match get_string(o, key) {
                None => Ok(None),
                Some(s) => CountryCode::parse(s.trim()).map(Some).ok_or_else(|| {
                    bad_option(format!(
                        "{key} \"{s}\" is not a three-letter ISO 3166 country code"
                    ))
                }),
            }
        };
        let number = |key: &str| -> Result<Option<f64>, Error> {
            match get(o, key) {
                None => Ok(None),
                Some(v) => {
                    let n = v
                        .as_f64()
                        .or_else(|| v.as_string().and_then(|s| s.trim().parse().ok()));
                    match n {
                        Some(n) if n.is_finite() && n.fract() == 0.0 => Ok(Some(n)),
                        _ => Err(bad_option(format!("{key} must be a whole number"))),
                    }
                }
            }
        };
        let mut names = NameOverrides::default();
        if let Some(n) = get(o, "names") {
            for key in Object::keys(&Object::from(n.clone())).iter() {
                let (Some(k), Some(v)) = (
                    key.as_string(),
                    get_string(&n, &key.as_string().unwrap_or_default()),
                ) else {
                    continue;
                };
                if let Some(code) = CountryCode::parse(&k) {
                    names.countries.push((code, v));
                }
            }
        }
        let mirror = match get_string(o, "mirror") {
            None => MirrorSide::Importer,
            Some(s) => MirrorSide::from_name(&s)
                .ok_or_else(|| bad_option(format!("mirror \"{s}\" is not importer or exporter")))?,
        };
        let rollup = match get_string(o, "rollup") {
            None => None,
            Some(s) => match crate::small::trim_start_matches(&s.trim().to_ascii_lowercase(), "hs")
            {
                "2" | "chapter" | "chapters" => Some(2),
                "4" | "heading" | "headings" => Some(4),
                "6" | "none" => None,
                _ => {
                    return Err(bad_option(format!(
                        "rollup \"{s}\" is not hs2, hs4 or none"
                    )))
                }
            },
        };
        // Groups: "Textiles=50-63; Wigs=6703-6704", or { Textiles: "50-63" },
        // or { Textiles: ["50-55", "61-63"] }.
        let groups = match get(o, "groups") {
            None => Vec::new(),
            Some(v) if v.is_string() => Group::parse_list(&v.as_string().unwrap_or_default())?,
            Some(v) => {
                let mut groups = Vec::new();
                for key in Object::keys(&Object::from(v.clone())).iter() {
                    let name = key.as_string().unwrap_or_default();
                    let ranges = match get(&v, &name) {
                        Some(r) if Array::is_array(&r) => Array::from(&r)
                            .iter()
                            .filter_map(|x| x.as_string())
                            .collect::<Vec<_>>()
                            .join(","),
                        _ => get_string(&v, &name).unwrap_or_default(),
                    };
                    groups.push(Group::parse(&name, &ranges)?);
                }
                groups
            }
        };
        // Labels for product codes: the text of a code,label CSV (www/data/hs.csv),
        // or an object { "6704": "Wigs" }.
        let labels = match get(o, "labels") {
            None => ProductLabels::new(),
            Some(v) if v.is_string() => ProductLabels::parse(&v.as_string().unwrap_or_default())?,
            Some(v) => ProductLabels::from_pairs(
                Object::keys(&Object::from(v.clone()))
                    .iter()
                    .filter_map(|k| k.as_string())
                    .filter_map(|k| get_string(&v, &k).map(|l| (k, l))),
            ),
        };
        let prefer_source = match get(o, "preferSource") {
            Some(v) if Array::is_array(&v) => Array::from(&v)
                .iter()
                .filter_map(|s| s.as_string())
                .collect(),
            Some(v) => v
                .as_string()
                .map(|s| s.split(',').map(|p| p.trim().to_string()).collect())
                .unwrap_or_default(),
            None => Vec::new(),
        };
        Ok(RawOptions {
            focus: country("focus")?,
            partner: country("partner")?,
            format: Format::from_name(&get_string(o, "format").unwrap_or_default())?,
            year: number("year")?.map(|y| y as i32),
            top: number("top")?.map_or(5, |t| t.clamp(1.0, 50.0) as usize),
            lang: Lang::from_tag(&get_string(o, "lang").unwrap_or_default()),
            names,
            prefer_source,
            title: get_string(o, "title"),
            note: get_string(o, "note"),
            view: match get_string(o, "view") {
                None => None,
                Some(v) => Some(View::from_name(&v).ok_or_else(|| {
                    bad_option(format!(
                        "view \"{v}\" is not balance, composition, story or partners"
                    ))
                })?),
            },
            compare: number("compare")?.map(|y| y as i32),
            source: get_string(o, "source"),
            mirror,
            rollup,
            groups,
            labels,
        })
    }

    /// Full options; a missing focus or partner is taken from the first flow.
    fn resolve(&self, data: &Dataset) -> Result<Options, Error> {
        let mut query = Query::with_defaults(data, self.focus, self.partner)
            .ok_or_else(|| bad_option("give a focus and a partner country".into()))?;
        query.year = self.year;
        query.top = self.top;
        query.prefer_source = self.prefer_source.clone();
        query.compare = self.compare;
        query.mirror = self.mirror;
        query.rollup = self.rollup;
        query.groups = self.groups.clone();
        let mut o = Options::new(query);
        o.labels = self.labels.clone();
        o.lang = self.lang;
        o.names = self.names.clone();
        o.title = self.title.clone();
        o.note = self.note.clone();
        o.view = self.view;
        o.source = self.source.clone();
        Ok(o)
    }
}

fn read_theme(v: &JsValue) -> Theme {
    let mut t = Theme::default();
    // Without their own colours, the selection band sits between the background and the
    // grid, and the focus ring takes the text's colour: right in light and dark alike.
    let (given_highlight, given_focus) = (get_string(v, "highlight"), get_string(v, "focus"));
    let fields: [(&str, &mut String); 9] = [
        ("exports", &mut t.exports),
        ("imports", &mut t.imports),
        ("balance", &mut t.balance),
        ("text", &mut t.text),
        ("muted", &mut t.muted),
        ("grid", &mut t.grid),
        ("axis", &mut t.axis),
        ("background", &mut t.background),
        ("font", &mut t.font_family),
    ];
    for (key, slot) in fields {
        if let Some(s) = get_string(v, key) {
            *slot = s.trim().to_string();
        }
    }
    t.highlight = match given_highlight {
        Some(h) => h.trim().to_string(),
        None => mix_hex(&t.background, &t.grid).unwrap_or_else(|| t.grid.clone()),
    };
    t.focus = given_focus.map_or_else(|| t.text.clone(), |f| f.trim().to_string());
    t
}

/// The colour halfway between two `#rrggbb` colours; `None` for any other notation.
fn mix_hex(a: &str, b: &str) -> Option<String> {
    let rgb = |s: &str| -> Option<[u8; 3]> {
        let h = s.trim().strip_prefix('#')?;
        if h.len() != 6 {
            return None;
        }
        let c = |i: usize| u8::from_str_radix(h.get(i..i + 2)?, 16).ok();
        Some([c(0)?, c(2)?, c(4)?])
    };
    let (a, b) = (rgb(a)?, rgb(b)?);
    let hex = b"0123456789abcdef";
    let mut out = String::from("#");
    for i in 0..3 {
        let v = (u16::from(a[i]) + u16::from(b[i])).div_ceil(2) as u8;
        out.push(hex[usize::from(v >> 4)] as char);
        out.push(hex[usize::from(v & 15)] as char);
    }
    Some(out)
}

/// A target as JavaScript sees it.
fn target_to_js(t: Target) -> JsValue {
    match t {
        Target::Year(year) => obj(&[("kind", "year".into()), ("year", year.into())]),
        Target::Product { flow, index } => obj(&[
            ("kind", "product".into()),
            ("flow", direction_name(flow).into()),
            ("index", (index as u32).into()),
        ]),
        Target::Partner(index) => {
            obj(&[("kind", "partner".into()), ("index", (index as u32).into())])
        }
    }
}

fn direction_name(d: Direction) -> &'static str {
    match d {
        Direction::Exports => "exports",
        Direction::Imports => "imports",
    }
}

/// A target from JavaScript; `null` or `undefined` is none.
fn target_from_js(v: &JsValue) -> Result<Option<Target>, Error> {
    if v.is_null() || v.is_undefined() {
        return Ok(None);
    }
    let kind = get_string(v, "kind").unwrap_or_default();
    let whole = |key: &str| -> Option<f64> {
        get(v, key)
            .and_then(|n| n.as_f64())
            .filter(|n| n.is_finite() && n.fract() == 0.0)
    };
    match kind.as_str() {
        "year" => match whole("year") {
            Some(y) => Ok(Some(Target::Year(y as i32))),
            None => Err(bad_option("a year target needs a whole-number year".into())),
        },
        "product" => {
            let flow = match get_string(v, "flow").as_deref() {
                Some("exports") => Direction::Exports,
                Some("imports") => Direction::Imports,
                _ => {
                    return Err(bad_option(
                        "a product target needs flow \"exports\" or \"imports\"".into(),
                    ))
                }
            };
            match whole("index").filter(|i| *i >= 0.0) {
                Some(i) => Ok(Some(Target::Product {
                    flow,
                    index: i as usize,
                })),
                None => Err(bad_option("a product target needs an index".into())),
            }
        }
        "partner" => match whole("index").filter(|i| *i >= 0.0) {
            Some(i) => Ok(Some(Target::Partner(i as usize))),
            None => Err(bad_option("a partner target needs an index".into())),
        },
        other => Err(bad_option(format!(
            "a target's kind is \"year\", \"product\" or \"partner\", not \"{other}\""
        ))),
    }
}

/// Keyboard order: years with data, then exports' bars, then imports', then partners';
/// from the drawn scene when there is one, so that only what is shown can take the focus.
fn focus_order(r: &Report, scene: Option<&Scene>) -> Vec<Target> {
    let mut out: Vec<Target> = match scene {
        Some(s) => s.hits.iter().map(|h| h.target).collect(),
        None => crate::layout::focus_targets(r.view, &r.analysis),
    };
    out.retain(|t| match t {
        Target::Year(y) => r.analysis.year_balance(*y).is_some(),
        _ => true,
    });
    let key = |t: &Target| match t {
        Target::Year(y) => (0, *y, 0),
        Target::Product { flow, index } => (1 + *flow as i32, 0, *index as i32),
        Target::Partner(index) => (3, 0, *index as i32),
    };
    crate::small::sort_by(&mut out, |a, b| key(a) < key(b));
    out
}

fn to_js_error(e: Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let obj: &JsValue = err.as_ref();
    let _ = Reflect::set(obj, &"line".into(), &e.pos.line.into());
    let _ = Reflect::set(obj, &"column".into(), &e.pos.column.into());
    let _ = Reflect::set(
        obj,
        &"field".into(),
        &e.field.as_deref().map_or(JsValue::NULL, JsValue::from_str),
    );
    let _ = Reflect::set(obj, &"detail".into(), &e.message().into());
    err.into()
}

/// A number as JavaScript prints it: exact, shortest, and no float printing in the wasm.
fn js_number(v: f64) -> String {
    js_sys::Number::from(v)
        .to_string_with_radix(10)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

fn num(v: Option<f64>) -> JsValue {
    v.map_or(JsValue::NULL, JsValue::from_f64)
}

fn array<T>(items: &[T], f: impl Fn(&T) -> JsValue) -> JsValue {
    items.iter().map(f).collect::<Array>().into()
}

fn delta(d: &Option<Delta>) -> JsValue {
    match d {
        None => JsValue::NULL,
        Some(d) => obj(&[
            ("fromYear", d.from_year.into()),
            ("absolute", d.absolute.into()),
            ("relative", num(d.relative)),
        ]),
    }
}

fn breakdown(b: &Option<Breakdown>, lang: Lang) -> JsValue {
    let Some(b) = b else {
        return Array::new().into();
    };
    array(&b.rows, |r| {
        obj(&[
            ("code", r.code.as_str().into()),
            ("label", product_label(&r.code, &r.label, lang).into()),
            ("value", r.value.into()),
            ("share", r.share.into()),
            ("displayShare", permille(r.share_permille).into()),
            ("other", r.is_other.into()),
        ])
    })
}

fn report_to_js(r: &Report) -> JsValue {
    let a = &r.analysis;
    let lang = r.chart_text.lang;
    let years = array(&a.years, |y| {
        obj(&[
            ("year", y.year.into()),
            ("exports", num(y.exports)),
            ("imports", num(y.imports)),
            ("balance", num(y.balance)),
            ("total", num(y.total)),
            (
                "change",
                obj(&[
                    ("exports", delta(&y.exports_change)),
                    ("imports", delta(&y.imports_change)),
                    ("balance", delta(&y.balance_change)),
                ]),
            ),
        ])
    });
    let record = a.record.map_or(JsValue::NULL, |rec| {
        obj(&[
            ("year", rec.year.into()),
            (
                "kind",
                if rec.kind == BalanceKind::Deficit {
                    "deficit"
                } else {
                    "surplus"
                }
                .into(),
            ),
            ("since", rec.since.map_or(JsValue::NULL, |(y, _)| y.into())),
            ("sinceBalance", num(rec.since.map(|(_, b)| b))),
            ("firstYear", rec.first_year.into()),
            (
                "label",
                r.chart_text
                    .record
                    .as_deref()
                    .map_or(JsValue::NULL, JsValue::from_str),
            ),
        ])
    });
    let (cx, cm) = match &a.composition {
        Some(c) => (breakdown(&c.exports, lang), breakdown(&c.imports, lang)),
        None => (Array::new().into(), Array::new().into()),
    };
    let composition = obj(&[("year", a.year.into()), ("exports", cx), ("imports", cm)]);
    let sources = array(&a.sources, |s| {
        obj(&[
            ("name", s.name.as_str().into()),
            ("years", array(&s.years, |y| (*y).into())),
        ])
    });
    let conflicts = array(&a.conflicts, |c| {
        obj(&[
            ("year", c.year.into()),
            ("exporter", c.exporter.as_str().into()),
            ("importer", c.importer.as_str().into()),
            (
                "product",
                c.product
                    .as_deref()
                    .map_or(JsValue::NULL, JsValue::from_str),
            ),
            (
                "values",
                array(&c.values, |(s, v)| {
                    obj(&[("source", s.as_str().into()), ("value", (*v).into())])
                }),
            ),
        ])
    });
    let comparison = a.comparison.map_or(JsValue::NULL, |c| {
        let flow = |d: Option<Delta>, then: Option<f64>| match d {
            None => JsValue::NULL,
            Some(d) => obj(&[
                ("from", num(then)),
                ("to", num(then.map(|t| t + d.absolute))),
                ("absolute", d.absolute.into()),
                ("relative", num(d.relative)),
            ]),
        };
        let then = a.year_balance(c.from_year);
        obj(&[
            ("fromYear", c.from_year.into()),
            ("toYear", c.to_year.into()),
            ("exports", flow(c.exports, then.and_then(|y| y.exports))),
            ("imports", flow(c.imports, then.and_then(|y| y.imports))),
            (
                "headline",
                c.headline
                    .map_or(JsValue::NULL, |d| direction_name(d).into()),
            ),
            (
                "label",
                r.chart_text
                    .compare
                    .as_deref()
                    .map_or(JsValue::NULL, JsValue::from_str),
            ),
        ])
    });
    let mirror = array(&a.mirror, |m| {
        obj(&[
            ("year", m.year.into()),
            ("exporter", m.exporter.as_str().into()),
            ("importer", m.importer.as_str().into()),
            ("exporterValue", m.exporter_value.into()),
            ("importerValue", m.importer_value.into()),
            ("gap", num(m.gap)),
        ])
    });
    let partners = array(&a.partners.list, |p| {
        obj(&[
            ("partner", p.partner.as_str().into()),
            ("exports", num(p.exports)),
            ("imports", num(p.imports)),
            ("total", p.total.into()),
            ("share", p.share.into()),
        ])
    });
    let partners_basis = match a.partners.basis {
        Some(ShareBasis::World) => "world".into(),
        Some(ShareBasis::Partners) => "partners".into(),
        None => JsValue::NULL,
    };
    let re_flows = array(&a.re_flows, |f| {
        obj(&[
            ("year", f.year.into()),
            ("exporter", f.exporter.as_str().into()),
            ("importer", f.importer.as_str().into()),
            ("kind", f.kind.name().into()),
            ("value", num(f.value)),
            ("rows", f.rows.into()),
        ])
    });
    let skipped = array(&a.skipped, |s| {
        obj(&[
            ("reason", s.reason.as_str().into()),
            ("rows", s.rows.into()),
            ("line", s.first_line.into()),
        ])
    });
    obj(&[
        ("view", r.view.name().into()),
        ("comparison", comparison),
        ("productYears", array(&a.product_years, |y| (*y).into())),
        ("focus", a.query.focus.as_str().into()),
        ("partner", a.query.partner.as_str().into()),
        ("focusName", r.focus_name.as_str().into()),
        ("partnerName", r.partner_name.as_str().into()),
        ("lang", if lang == Lang::Ko { "ko" } else { "en" }.into()),
        ("title", r.chart_text.title.as_str().into()),
        ("year", a.year.into()),
        ("years", years),
        ("record", record),
        ("composition", composition),
        ("sentences", array(&r.sentences, |s| s.as_str().into())),
        ("sources", sources),
        ("conflicts", conflicts),
        ("mirror", mirror),
        ("mirrorSide", a.query.mirror.name().into()),
        ("reporters", array(&a.reporters, |c| c.as_str().into())),
        ("oneSided", a.one_sided().into()),
        ("reportingNote", opt_str(r.reporting_note.as_deref())),
        ("partners", partners),
        ("partnersBasis", partners_basis),
        ("partnersTotal", num(a.partners.total)),
        ("singlePartner", a.partners.single_partner.into()),
        ("partnersNote", opt_str(r.partners_note.as_deref())),
        ("reFlows", re_flows),
        ("skipped", skipped),
        // Issue 13: totals summed from products.
        ("derivedTotals", derived_totals_js(a)),
        ("derivedNote", opt_str(r.derived_note.as_deref())),
    ])
}

fn opt_str(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from_str)
}

// Issue 13: the totals that are the total of the products listed, as
// `[{ year, flow: "exports" | "imports" }]`.
fn derived_totals_js(a: &crate::analyze::Analysis) -> JsValue {
    array(&a.derived_totals, |d| {
        let flow = match d.direction {
            Direction::Exports => "exports",
            Direction::Imports => "imports",
        };
        obj(&[("year", d.year.into()), ("flow", flow.into())])
    })
}
