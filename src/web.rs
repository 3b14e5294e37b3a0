//! The JavaScript boundary: `analyze()` and the `Chart` handle the element uses.
//!
//! Data stays in Rust behind the handle; JavaScript gets small plain objects.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::analyze::{BalanceKind, Breakdown, Delta, Query};
use crate::error::{Error, ErrorKind, Position};
use crate::format::{permille, Lang};
use crate::model::{CountryCode, Dataset};
use crate::names::{product_label, NameOverrides};
use crate::parse::Format;
use crate::render::{replay, CanvasMeasure, Theme};
use crate::scene::{Scene, Target};
use crate::{report, Options, Report};

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

/// A chart on one canvas: holds the parsed data, the analysis and the last scene,
/// so that a resize re-lays out without re-parsing and a hover re-analyses nothing.
#[wasm_bindgen]
pub struct Chart {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    data: Option<Dataset>,
    raw: Option<RawOptions>,
    report: Option<Report>,
    scene: Option<Scene>,
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
        let opts = raw.resolve(data).map_err(to_js_error)?;
        let r = report(data, &opts).map_err(to_js_error)?;
        let js = report_to_js(&r);
        self.report = Some(r);
        self.scene = None;
        Ok(js)
    }

    /// Lays out and draws at `width` × `height` CSS pixels for a device pixel ratio.
    pub fn draw(
        &mut self,
        width: f64,
        height: f64,
        dpr: f64,
        theme: JsValue,
    ) -> Result<(), JsValue> {
        let Some(report) = &self.report else {
            return Ok(());
        };
        let theme = read_theme(&theme);
        let measure = CanvasMeasure::new(&self.ctx, &theme.font_family);
        let scene = crate::balance_scene(report, width.max(0.0), height.max(0.0), &measure);
        replay(&self.canvas, &self.ctx, &scene, dpr, &theme)?;
        self.scene = Some(scene);
        Ok(())
    }

    /// The year under a point in CSS pixels, if any.
    #[wasm_bindgen(js_name = yearAt)]
    pub fn year_at(&self, x: f64, y: f64) -> Option<i32> {
        match self.scene.as_ref()?.hit(x, y)? {
            Target::Year(year) => Some(year),
        }
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
        .map(|v| {
            v.as_string()
                .unwrap_or_else(|| String::from(js_sys::JsString::from(v)))
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
        })
    }

    /// Full options; a missing focus or partner is taken from the first flow.
    fn resolve(&self, data: &Dataset) -> Result<Options, Error> {
        let first = data.flows.first();
        let focus = self.focus.or(first.map(|f| f.exporter));
        let partner = self.partner.or_else(|| {
            first.map(|f| {
                if Some(f.exporter) == focus {
                    f.importer
                } else {
                    f.exporter
                }
            })
        });
        let (Some(focus), Some(partner)) = (focus, partner) else {
            return Err(bad_option("give a focus and a partner country".into()));
        };
        let mut query = Query::new(focus, partner);
        query.year = self.year;
        query.top = self.top;
        query.prefer_source = self.prefer_source.clone();
        let mut o = Options::new(query);
        o.lang = self.lang;
        o.names = self.names.clone();
        o.title = self.title.clone();
        o.note = self.note.clone();
        Ok(o)
    }
}

fn read_theme(v: &JsValue) -> Theme {
    let mut t = Theme::default();
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
    t
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
    obj(&[
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
    ])
}
