//! The JavaScript boundary: `analyze()` and the `Chart` handle the element uses.
//!
//! Data stays in Rust behind the handle; JavaScript gets small plain objects.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::error::{Error, Position};
use crate::layout::{Interaction, View};
use crate::model::Dataset;
use crate::options::AnalyzeOptions;
use crate::output::{self, Description, Rect};
use crate::render::{replay, CanvasMeasure, MeasureCache, Theme};
use crate::scene::{Highlight, Scene, Target};
use crate::{describe, report, Report};

/// Parses `text`, analyses it and returns the analysis as a plain object.
/// Throws an `Error` whose message names the line and column for bad input, and
/// which carries `line` and `column` properties.
#[wasm_bindgen(unchecked_return_type = "Analysis")]
pub fn analyze(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let raw = read_options(&options).map_err(to_js_error)?;
    let data = crate::parse::parse_trades(text, raw.format()).map_err(to_js_error)?;
    let opts = raw.resolve(&data).map_err(to_js_error)?;
    let r = report(&data, &opts).map_err(to_js_error)?;
    Ok(analysis_to_js(&r))
}

/// Reads a big file in a Web Worker: bytes arrive chunk by chunk into wasm memory
/// (never as one JavaScript string), are parsed in place, and only the flows of the
/// focus country are kept and handed back as native CSV for the page's `Chart`. In the
/// desk's module only (feature "downloads"), which the worker loads: a big file is as
/// often a download as native CSV.
#[cfg(feature = "downloads")]
#[wasm_bindgen]
pub struct Loader {
    bytes: Vec<u8>,
    max_bytes: f64,
}

#[cfg(feature = "downloads")]
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
            return Err(to_js_error(Error::option(
                "maxBytes",
                &format!(
                    "the file is larger than the limit of {} MB (max-bytes)",
                    (self.max_bytes / 1e6).round() as u64
                ),
            )));
        }
        Ok(())
    }

    /// Parses what was pushed, checks the analysis, frees the bytes, and returns
    /// `{ csv, rows, kept }`: the kept flows as native CSV, rows read, flows kept.
    #[wasm_bindgen(unchecked_return_type = "{ csv: string, rows: number, kept: number }")]
    pub fn finish(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let bytes = std::mem::take(&mut self.bytes);
        let raw = read_options(&options).map_err(to_js_error)?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            let before = &bytes[..e.valid_up_to()];
            let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let column = before.iter().rev().take_while(|&&b| b != b'\n').count() as u32 + 1;
            to_js_error(Error::at(
                Position::new(line, column),
                crate::error::ErrorKind::BadOption(
                    "the file is not UTF-8 text; save it as UTF-8".into(),
                ),
            ))
        })?;
        let opts = crate::parse::ReadOptions {
            keep: raw.focus,
            partner: raw.partner,
        };
        let data =
            crate::parse::parse_trades_with(text, raw.format(), &opts).map_err(to_js_error)?;
        // Errors that only the analysis finds still name the file's own lines.
        let resolved = raw.resolve(&data).map_err(to_js_error)?;
        report(&data, &resolved).map_err(to_js_error)?;
        #[derive(serde::Serialize)]
        struct Kept {
            csv: String,
            rows: f64,
            kept: f64,
        }
        Ok(to_js(&Kept {
            csv: crate::native::to_native_csv(&data, js_number),
            rows: data.rows_read as f64,
            kept: data.flows.len() as f64,
        }))
    }
}

/// A chart on one canvas: holds the parsed data, the analysis and the last scene,
/// so that a resize re-lays out without re-parsing and a hover re-analyses nothing.
#[wasm_bindgen]
pub struct Chart {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    data: Option<Dataset>,
    raw: Option<AnalyzeOptions>,
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
    #[wasm_bindgen(unchecked_return_type = "Analysis")]
    pub fn load(
        &mut self,
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let raw = read_options(&options).map_err(to_js_error)?;
        self.data = None;
        self.report = None;
        self.scene = None;
        let data = crate::parse::parse_trades(text, raw.format()).map_err(to_js_error)?;
        self.data = Some(data);
        self.raw = Some(raw);
        self.reanalyze()
    }

    /// Analyses the loaded data again with new options (no re-parse); returns the analysis.
    #[wasm_bindgen(js_name = setOptions, unchecked_return_type = "Analysis")]
    pub fn set_options(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.raw = Some(read_options(&options).map_err(to_js_error)?);
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
        let js = analysis_to_js(&r);
        self.report = Some(r);
        self.scene = None;
        self.laid_out = None;
        Ok(js)
    }

    /// The current analysis, as `load` and `setOptions` return it (`null` before data).
    #[wasm_bindgen(unchecked_return_type = "Analysis | null")]
    pub fn analysis(&self) -> JsValue {
        self.report.as_ref().map_or(JsValue::NULL, analysis_to_js)
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
    #[wasm_bindgen(js_name = hitAt, unchecked_return_type = "Target | null")]
    pub fn hit_at(&self, x: f64, y: f64) -> JsValue {
        self.scene
            .as_ref()
            .and_then(|s| s.hit(x, y))
            .map_or(JsValue::NULL, |t| to_js(&output::Target::from(t)))
    }

    /// Sets the view (`"balance"`, `"composition"`, `"story"` or `"partners"`; empty or
    /// null: the default for the data). Returns whether the chart must be drawn again.
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&mut self, view: JsValue) -> Result<bool, JsValue> {
        let view = match view.as_string().filter(|v| !v.trim().is_empty()) {
            None => None,
            Some(name) => Some(
                name.parse::<View>()
                    .map_err(|e| to_js_error(Error::option("view", &e)))?,
            ),
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
    #[wasm_bindgen(js_name = setSelectedYear, unchecked_return_type = "Analysis | null")]
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
    pub fn set_hover(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Target | null")] target: JsValue,
    ) -> Result<bool, JsValue> {
        let t = target_from_js(&target).map_err(to_js_error)?;
        let changed = self.highlight.hover != t;
        self.highlight.hover = t;
        Ok(changed)
    }

    /// Sets the target with the keyboard focus (`null`: none). Returns whether to redraw.
    #[wasm_bindgen(js_name = setFocus)]
    pub fn set_focus(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Target | null")] target: JsValue,
    ) -> Result<bool, JsValue> {
        let t = target_from_js(&target).map_err(to_js_error)?;
        let changed = self.highlight.focus != t;
        self.highlight.focus = t;
        Ok(changed)
    }

    /// The targets a keyboard moves through, in order: years with data (ascending), then
    /// the exports' bars, then the imports' bars, then the partners' bars, as far as the
    /// drawn view shows them.
    #[wasm_bindgen(js_name = focusTargets, unchecked_return_type = "Target[]")]
    pub fn focus_targets(&self) -> JsValue {
        let targets: Vec<output::Target> = match &self.report {
            None => Vec::new(),
            Some(r) => focus_order(r, self.scene.as_ref())
                .into_iter()
                .map(output::Target::from)
                .collect(),
        };
        to_js(&targets)
    }

    /// Words for a target: `{tooltip, lines, announce}` (the tooltip's lines joined by
    /// newlines; a line for an `aria-live` region), or `null` for an unknown target.
    #[wasm_bindgen(unchecked_return_type = "Description | null")]
    pub fn describe(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Target | null")] target: JsValue,
    ) -> Result<JsValue, JsValue> {
        let Some(t) = target_from_js(&target).map_err(to_js_error)? else {
            return Ok(JsValue::NULL);
        };
        let Some(d) = self.report.as_ref().and_then(|r| describe(r, t)) else {
            return Ok(JsValue::NULL);
        };
        Ok(to_js(&Description {
            tooltip: d.lines.join("\n"),
            lines: d.lines,
            announce: d.announce,
        }))
    }

    /// Where a target is drawn, `{x, y, w, h}` in CSS pixels, for placing a tooltip;
    /// `null` when the last drawing does not show it.
    #[wasm_bindgen(js_name = targetRect, unchecked_return_type = "Rect | null")]
    pub fn target_rect(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Target | null")] target: JsValue,
    ) -> Result<JsValue, JsValue> {
        let t = target_from_js(&target).map_err(to_js_error)?;
        let region = t.and_then(|t| self.scene.as_ref()?.region(t));
        Ok(region.map_or(JsValue::NULL, |r| {
            to_js(&Rect {
                x: r.x,
                y: r.y,
                w: r.w,
                h: r.h,
            })
        }))
    }

    /// How many primitives the last scene drew (0 before the first draw).
    #[wasm_bindgen(js_name = primitiveCount)]
    pub fn primitive_count(&self) -> usize {
        self.scene.as_ref().map_or(0, |s| s.primitives.len())
    }
}

/// Reads the options object (`undefined` or `null`: all defaults).
fn read_options(o: &JsValue) -> Result<AnalyzeOptions, Error> {
    if o.is_undefined() || o.is_null() {
        return Ok(AnalyzeOptions::default());
    }
    AnalyzeOptions::deserialize_named(serde_wasm_bindgen::Deserializer::from(o.clone()))
}

/// A value as JavaScript sees it: plain objects, `null` for a missing figure.
fn to_js<T: serde::Serialize>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    // Our output types hold only strings, numbers, booleans, lists and structs, which
    // always serialize; an error here would be a bug, shown as `null`.
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

fn analysis_to_js(r: &Report) -> JsValue {
    to_js(&output::Analysis::from(r))
}

/// The colours and font the element passes to `draw`; missing ones keep the defaults.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
struct ThemeIn {
    exports: Option<String>,
    imports: Option<String>,
    balance: Option<String>,
    text: Option<String>,
    muted: Option<String>,
    grid: Option<String>,
    axis: Option<String>,
    background: Option<String>,
    font: Option<String>,
    highlight: Option<String>,
    focus: Option<String>,
}

fn read_theme(v: &JsValue) -> Theme {
    let given: ThemeIn = serde_wasm_bindgen::from_value(v.clone()).unwrap_or_default();
    let mut t = Theme::default();
    let fields: [(Option<String>, &mut String); 9] = [
        (given.exports, &mut t.exports),
        (given.imports, &mut t.imports),
        (given.balance, &mut t.balance),
        (given.text, &mut t.text),
        (given.muted, &mut t.muted),
        (given.grid, &mut t.grid),
        (given.axis, &mut t.axis),
        (given.background, &mut t.background),
        (given.font, &mut t.font_family),
    ];
    for (value, slot) in fields {
        if let Some(s) = value.filter(|s| !s.trim().is_empty()) {
            *slot = s.trim().to_string();
        }
    }
    // Without their own colours, the selection band sits between the background and the
    // grid, and the focus ring takes the text's colour: right in light and dark alike.
    t.highlight = match given.highlight.filter(|s| !s.trim().is_empty()) {
        Some(h) => h.trim().to_string(),
        None => mix_hex(&t.background, &t.grid).unwrap_or_else(|| t.grid.clone()),
    };
    t.focus = given
        .focus
        .filter(|s| !s.trim().is_empty())
        .map_or_else(|| t.text.clone(), |f| f.trim().to_string());
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

/// A target from JavaScript; `null` or `undefined` is none.
fn target_from_js(v: &JsValue) -> Result<Option<Target>, Error> {
    if v.is_null() || v.is_undefined() {
        return Ok(None);
    }
    serde_wasm_bindgen::from_value::<output::Target>(v.clone())
        .map(|t| Some(t.into()))
        .map_err(|e| Error::option("target", &e.to_string()))
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
    // An option's error has no place in the data: `line` and `column` are null.
    let (line, column) = if e.pos == Position::NONE {
        (JsValue::NULL, JsValue::NULL)
    } else {
        (e.pos.line.into(), e.pos.column.into())
    };
    let _ = Reflect::set(obj, &"line".into(), &line);
    let _ = Reflect::set(obj, &"column".into(), &column);
    let _ = Reflect::set(
        obj,
        &"field".into(),
        &e.field.as_deref().map_or(JsValue::NULL, JsValue::from_str),
    );
    let _ = Reflect::set(obj, &"detail".into(), &e.message().into());
    // The element reads this to load the module that has the reader, and tries again.
    if let Some(format) = e.missing_reader() {
        let _ = Reflect::set(obj, &"missingReader".into(), &format.into());
    }
    err.into()
}

/// A number as JavaScript prints it: exact, shortest, and no float printing in the wasm.
#[cfg(any(feature = "downloads", feature = "builder"))]
fn js_number(v: f64) -> String {
    js_sys::Number::from(v)
        .to_string_with_radix(10)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

// ---- The chart builder (www/builder.html): what a file holds, and the file as
// native CSV for an embed that carries its data inline. In the desk's module only
// (feature "builder"), with the claim check. ----

/// Reads `text` with `format` (`"auto"` or empty: detected) and returns what it holds:
/// `{ format, delimiter, rowsRead, flows, skipped, countries: [{code, en, ko, flows}],
/// years, productYears, hasProducts, sources, conflicts, focusGuess, partnerGuess }`.
/// Throws the parser's Error, with `line` and `column`, for bad input.
#[cfg(feature = "builder")]
#[wasm_bindgen(unchecked_return_type = "Inspection")]
pub fn inspect(text: &str, format: Option<String>) -> Result<JsValue, JsValue> {
    let format =
        crate::parse::Format::from_name(format.as_deref().unwrap_or("")).map_err(to_js_error)?;
    let summary = crate::inspect::inspect(text, format).map_err(to_js_error)?;
    Ok(to_js(&summary))
}

/// `text` in any format as the native CSV, sources and notes kept; with `focus` (and
/// `partner`) in the options, only the flows that chart needs, as `Loader` keeps them.
#[cfg(feature = "builder")]
#[wasm_bindgen(js_name = toNativeCsv)]
pub fn to_native_csv(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions")] options: JsValue,
) -> Result<String, JsValue> {
    let raw = read_options(&options).map_err(to_js_error)?;
    let keep = crate::parse::ReadOptions {
        keep: raw.focus,
        partner: raw.partner,
    };
    crate::inspect::to_native_csv(text, raw.format(), &keep, js_number).map_err(to_js_error)
}

// Pictures (issue 10): the chart as SVG, from the same scene the canvas draws.
#[wasm_bindgen]
impl Chart {
    /// The last drawing as a standalone SVG document, in CSS pixels: the title, the
    /// footer and its sources as text, the sentences as its description, no hover or
    /// focus ring; in `theme`'s colours and font, read as `draw` reads them. `undefined`
    /// before the first draw.
    pub fn svg(&self, theme: JsValue) -> Option<String> {
        let (report, scene) = (self.report.as_ref()?, self.scene.as_ref()?);
        Some(crate::svg::report_svg(report, scene, &read_theme(&theme)))
    }
}

// ---- Claim check (issue 11) ----------------------------------------------------

/// Checks every figure of an article against the data: `{ claims: [{ text, start,
/// end, kind, year, flow, product, stated, statedHigh, computed, verdict, note,
/// inferred }] }`, `start`/`end` in UTF-16 code units as JavaScript strings index.
/// `options` are `analyze()`'s plus `asOf`, the year the article was written (for
/// "last year", "지난해"). Throws like `analyze()` for bad data or options.
#[cfg(feature = "claims")]
#[wasm_bindgen(js_name = checkClaims, unchecked_return_type = "ClaimCheck")]
pub fn check_claims(
    article: &str,
    data_text: &str,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions & { asOf?: number | string | null }")]
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let (raw, as_of) = read_check_options(&options).map_err(to_js_error)?;
    let data = crate::parse::parse_trades(data_text, raw.format()).map_err(to_js_error)?;
    let opts = raw.resolve(&data).map_err(to_js_error)?;
    let check = crate::claims::CheckOptions {
        options: opts,
        as_of,
    };
    let claims = crate::claims::check(article, &data, &check).map_err(to_js_error)?;
    Ok(to_js(&crate::claims::ClaimCheck::new(&claims)))
}

#[cfg(feature = "claims")]
/// `analyze()`'s options and `asOf`, read from a copy of the object without it (the
/// analysis options refuse names they do not know).
fn read_check_options(o: &JsValue) -> Result<(AnalyzeOptions, Option<i32>), Error> {
    if !o.is_object() {
        return Ok((read_options(o)?, None));
    }
    let copy = js_sys::Object::assign(&js_sys::Object::new(), &js_sys::Object::from(o.clone()));
    let key = JsValue::from_str("asOf");
    let v = Reflect::get(&copy, &key).unwrap_or(JsValue::UNDEFINED);
    let _ = Reflect::delete_property(&copy, &key);
    let as_of =
        if v.is_undefined() || v.is_null() || v.as_string().is_some_and(|s| s.trim().is_empty()) {
            None
        } else {
            let n = v.as_f64().or_else(|| {
                v.as_string()
                    .and_then(|s| s.trim().parse::<i32>().ok())
                    .map(f64::from)
            });
            match n {
                Some(n) if n.fract() == 0.0 && (1900.0..=2100.0).contains(&n) => Some(n as i32),
                _ => {
                    return Err(Error::option(
                        "asOf",
                        "expected a year between 1900 and 2100",
                    ))
                }
            }
        };
    Ok((read_options(&copy.into())?, as_of))
}
