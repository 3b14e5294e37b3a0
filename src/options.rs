//! The options a caller gives, as the caller gives them: one struct that the element and
//! the wasm API read from a JavaScript object (serde) and the command line from its flags
//! (clap), resolved against the data into [`Options`].
//!
//! Values are forgiving about form, as attributes are text: `year: 2023` and
//! `year: "2023"` are the same, and an empty string is no value. They are strict about
//! content: an unknown option, a wrong type or a bad value is an error that names the
//! option and what it takes.

use std::cell::RefCell;
use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::analyze::Query;
use crate::error::Error;
use crate::format::Lang;
use crate::hs::ProductLabels;
use crate::layout::View;
use crate::model::{CountryCode, Dataset};
use crate::names::NameOverrides;
use crate::parse::Format;
use crate::reconcile::MirrorSide;
use crate::rollup::Group;
use crate::Options;

/// What to analyse and how to show it: `analyze(text, options)`, the element's
/// attributes, and the command line's flags.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(clap::Args))]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct AnalyzeOptions {
    /// The country whose balance is shown (ISO 3166 alpha-3); default: the first
    /// exporter in the data.
    #[serde(default, deserialize_with = "parsed")]
    #[cfg_attr(not(target_arch = "wasm32"), arg(long, value_name = "CODE"))]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | null"))]
    pub focus: Option<CountryCode>,

    /// The country it trades with; default: the focus country's first partner in the data.
    #[serde(default, deserialize_with = "parsed")]
    #[cfg_attr(not(target_arch = "wasm32"), arg(long, value_name = "CODE"))]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | null"))]
    pub partner: Option<CountryCode>,

    /// How to read the text: auto, native, json, comtrade, comtrade-legacy, baci, wits
    /// or reported (default: detected from the header).
    #[serde(default, deserialize_with = "parsed")]
    #[cfg_attr(not(target_arch = "wasm32"), arg(long, value_name = "FORMAT"))]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(
            optional,
            type = "\"auto\" | \"csv\" | \"native\" | \"json\" | \"comtrade\" | \"comtrade-legacy\" | \"baci\" | \"wits\" | \"reported\" | null"
        )
    )]
    pub format: Option<Format>,

    /// The year to describe (default: the latest year with data; for the story and
    /// composition views, the latest with products).
    #[serde(default, deserialize_with = "whole")]
    #[cfg_attr(not(target_arch = "wasm32"), arg(long))]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "number | string | null")
    )]
    pub year: Option<i32>,

    /// Products to list before "Other" (1 to 50; default 5).
    #[serde(default, deserialize_with = "whole")]
    #[cfg_attr(not(target_arch = "wasm32"), arg(long, value_name = "N"))]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "number | string | null")
    )]
    pub top: Option<i32>,

    /// An earlier year to compare the year with ("Exports −90.0% since 2013").
    #[serde(default, deserialize_with = "whole")]
    #[cfg_attr(not(target_arch = "wasm32"), arg(long, value_name = "YEAR"))]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "number | string | null")
    )]
    pub compare: Option<i32>,

    /// Language of sentences and labels: en or ko (a tag starting with "ko" is Korean,
    /// any other English, as a page's lang attribute may say "en-GB").
    #[serde(default, deserialize_with = "parsed")]
    #[cfg_attr(not(target_arch = "wasm32"), arg(long, value_name = "LANG"))]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "\"en\" | \"ko\" | string | null")
    )]
    pub lang: Option<Lang>,

    /// The view to draw: balance, composition, story or partners (default: the story
    /// when the data has products, else the balance).
    #[serde(default, deserialize_with = "parsed")]
    #[cfg_attr(not(target_arch = "wasm32"), arg(long, value_name = "VIEW"))]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(
            optional,
            type = "\"balance\" | \"composition\" | \"story\" | \"partners\" | null"
        )
    )]
    pub view: Option<View>,

    /// A title instead of the generated one.
    #[serde(default, deserialize_with = "text")]
    #[cfg_attr(not(target_arch = "wasm32"), arg(long))]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | null"))]
    pub title: Option<String>,

    /// A note for the chart's footer.
    #[serde(default, deserialize_with = "text")]
    #[cfg_attr(not(target_arch = "wasm32"), arg(long))]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | null"))]
    pub note: Option<String>,

    /// A credit line that replaces the list of sources in the footer.
    #[serde(default, deserialize_with = "text")]
    #[cfg_attr(not(target_arch = "wasm32"), arg(long))]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | null"))]
    pub source: Option<String>,

    /// Sources to use, in order, where sources disagree about a figure ("A,B" or a list).
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), arg(long, value_name = "A,B"))]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | string[] | null")
    )]
    pub prefer_source: Option<SourceList>,

    /// Whose report to use where both countries report a flow: importer (default) or
    /// exporter.
    #[serde(default, deserialize_with = "parsed")]
    #[cfg_attr(not(target_arch = "wasm32"), arg(long, value_name = "SIDE"))]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "\"importer\" | \"exporter\" | null")
    )]
    pub mirror: Option<MirrorSide>,

    /// Roll product codes up: hs2 (chapters), hs4 (headings) or none.
    #[serde(default, deserialize_with = "parsed")]
    #[cfg_attr(not(target_arch = "wasm32"), arg(long, value_name = "LEVEL"))]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "\"hs2\" | \"hs4\" | \"none\" | string | null")
    )]
    pub rollup: Option<Rollup>,

    /// Named groups of HS codes, each shown as one product: "Textiles=50-63; Wigs=6703-6704"
    /// or, from JavaScript, `{ Textiles: "50-63" }` or `{ Textiles: ["50-55", "61-63"] }`.
    #[serde(default)]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        arg(long, value_name = "\"NAME=50-63;…\"")
    )]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | Record<string, string | string[]> | null")
    )]
    pub groups: Option<GroupList>,

    /// Country names to use instead of the built-in ones: `{ PRK: "DPRK" }`.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), arg(skip))]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "Record<string, string> | null")
    )]
    pub names: Option<NameOverrides>,

    /// Names for product codes that the data gives without one: the text of a
    /// `code,label` CSV or `{ "6704": "Wigs" }`. The command line has the HS table built in.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), arg(skip))]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | Record<string, string> | null")
    )]
    pub labels: Option<ProductLabels>,
}

impl AnalyzeOptions {
    /// The options resolved against the data: a missing focus or partner is taken from
    /// it ([`Query::with_defaults`]), everything else from its default.
    pub fn resolve(&self, data: &Dataset) -> Result<Options, Error> {
        let mut query = Query::with_defaults(data, self.focus, self.partner)
            .ok_or_else(|| Error::option("focus", "give a focus and a partner country"))?;
        query.year = self.year;
        query.top = self.top.map_or(5, |t| t.clamp(1, 50) as usize);
        query.prefer_source = self.prefer_source.clone().map(|s| s.0).unwrap_or_default();
        query.compare = self.compare;
        query.mirror = self.mirror.unwrap_or_default();
        query.rollup = self.rollup.and_then(Rollup::digits);
        query.groups = self.groups.clone().map(|g| g.0).unwrap_or_default();
        let mut o = Options::new(query);
        o.format = self.format.unwrap_or(Format::Auto);
        o.lang = self.lang.unwrap_or_default();
        o.names = self.names.clone().unwrap_or_default();
        o.labels = self.labels.clone().unwrap_or_default();
        o.title = self.title.clone();
        o.note = self.note.clone();
        o.view = self.view;
        o.source = self.source.clone();
        Ok(o)
    }

    /// The reader to use.
    pub fn format(&self) -> Format {
        self.format.unwrap_or(Format::Auto)
    }

    /// Options from any serde deserializer (a JavaScript object, JSON); an error names
    /// the option: `option "mirror": expected "importer" or "exporter", got "both"`.
    pub fn deserialize_named<'de, D: Deserializer<'de>>(d: D) -> Result<Self, Error>
    where
        D::Error: fmt::Display,
    {
        let key = RefCell::new(None);
        AnalyzeOptions::deserialize(AsMap(d, &key)).map_err(|e| {
            let inner = e.to_string();
            // serde-wasm-bindgen's errors are JavaScript Errors, printed "Error: …".
            let inner = inner.strip_prefix("Error: ").unwrap_or(&inner);
            Error::option(key.borrow().as_deref().unwrap_or(""), inner)
        })
    }
}

/// A deserializer that reads a struct as a map, so that every key the caller gave is
/// seen and an unknown one is an error: serde-wasm-bindgen looks up only the struct's
/// own field names in an object, which would let a misspelt option pass in silence.
/// It also keeps the key last read, which an error then names (the option's name is
/// the only place an options object has).
struct AsMap<'k, D>(D, &'k RefCell<Option<String>>);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for AsMap<'_, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(Keyed(visitor, self.1))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The struct's visitor, handed a map that records each key as it is read.
struct Keyed<'k, V>(V, &'k RefCell<Option<String>>);

impl<'de, V: Visitor<'de>> Visitor<'de> for Keyed<'_, V> {
    type Value = V::Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(KeyedMap(map, self.1))
    }
}

struct KeyedMap<'k, A>(A, &'k RefCell<Option<String>>);

impl<'de, A: MapAccess<'de>> MapAccess<'de> for KeyedMap<'_, A> {
    type Error = A::Error;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some(key) = self.0.next_key::<String>()? else {
            return Ok(None);
        };
        let field = seed.deserialize(de::IntoDeserializer::<A::Error>::into_deserializer(
            key.as_str(),
        ));
        self.1.replace(Some(key));
        field.map(Some)
    }
    fn next_value_seed<S: de::DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, A::Error> {
        self.0.next_value_seed(seed)
    }
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// How far to roll product codes up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rollup {
    /// HS chapters (two digits).
    Hs2,
    /// HS headings (four digits).
    Hs4,
    /// The codes as given.
    None,
}

impl Rollup {
    /// Digits to keep; `None` for no roll-up.
    pub fn digits(self) -> Option<usize> {
        match self {
            Rollup::Hs2 => Some(2),
            Rollup::Hs4 => Some(4),
            Rollup::None => None,
        }
    }
}

impl FromStr for Rollup {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let lower = s.trim().to_ascii_lowercase();
        match crate::small::trim_start_matches(&lower, "hs") {
            "2" | "chapter" | "chapters" => Ok(Rollup::Hs2),
            "4" | "heading" | "headings" => Ok(Rollup::Hs4),
            "6" | "none" | "" => Ok(Rollup::None),
            _ => Err(expected("\"hs2\", \"hs4\" or \"none\"", s)),
        }
    }
}

/// Source names in order of preference.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceList(pub Vec<String>);

impl FromStr for SourceList {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(SourceList(
            s.split(',')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
        ))
    }
}

impl<'de> Deserialize<'de> for SourceList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SourceList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("source names, as \"A,B\" or a list of strings")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<SourceList, E> {
                s.parse().map_err(E::custom)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<SourceList, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    let s = s.trim();
                    if !s.is_empty() {
                        out.push(s.to_string());
                    }
                }
                Ok(SourceList(out))
            }
            fn visit_unit<E: de::Error>(self) -> Result<SourceList, E> {
                Ok(SourceList::default())
            }
        }
        d.deserialize_any(V)
    }
}

/// Named groups of HS codes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupList(pub Vec<Group>);

impl FromStr for GroupList {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Group::parse_list(s).map(GroupList).map_err(|e| e.message())
    }
}

impl<'de> Deserialize<'de> for GroupList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// One group's codes: "50-63" or ["50-55", "61-63"].
        struct Codes(String);
        impl<'de> Deserialize<'de> for Codes {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok(Codes(SourceList::deserialize(d)?.0.join(",")))
            }
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = GroupList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "groups, as \"Textiles=50-63; Wigs=6703-6704\" or { Textiles: \"50-63\" }",
                )
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<GroupList, E> {
                s.parse().map_err(E::custom)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<GroupList, A::Error> {
                let mut out = Vec::new();
                while let Some((name, codes)) = map.next_entry::<String, Codes>()? {
                    out.push(
                        Group::parse(&name, &codes.0)
                            .map_err(|e| de::Error::custom(e.message()))?,
                    );
                }
                Ok(GroupList(out))
            }
            fn visit_unit<E: de::Error>(self) -> Result<GroupList, E> {
                Ok(GroupList::default())
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for NameOverrides {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = NameOverrides;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("country names by code, as { PRK: \"North Korea\" }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NameOverrides, A::Error> {
                let mut names = NameOverrides::default();
                while let Some((code, name)) = map.next_entry::<String, String>()? {
                    let code: CountryCode = code.parse().map_err(de::Error::custom)?;
                    if !name.trim().is_empty() {
                        names.countries.push((code, name.trim().to_string()));
                    }
                }
                Ok(names)
            }
            fn visit_unit<E: de::Error>(self) -> Result<NameOverrides, E> {
                Ok(NameOverrides::default())
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for ProductLabels {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ProductLabels;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a code,label CSV or labels by code, as { \"6704\": \"Wigs\" }")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<ProductLabels, E> {
                ProductLabels::parse(s).map_err(|e| E::custom(e.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ProductLabels, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry::<String, String>()? {
                    pairs.push(pair);
                }
                Ok(ProductLabels::from_pairs(pairs))
            }
            fn visit_unit<E: de::Error>(self) -> Result<ProductLabels, E> {
                Ok(ProductLabels::default())
            }
        }
        d.deserialize_any(V)
    }
}

/// `expected …, got "s"`: the one shape of a bad value's message.
pub fn expected(what: &str, got: &str) -> String {
    format!("expected {what}, got \"{got}\"")
}

/// A value given as text or as a whole number, trimmed; `None` for null, undefined or
/// an empty string.
struct Text;

impl<'de> Visitor<'de> for Text {
    type Value = Option<String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("text")
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        let s = s.trim();
        Ok((!s.is_empty()).then(|| s.to_string()))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
        Ok(Some(n.to_string()))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Ok(Some(n.to_string()))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Self::Value, E> {
        // Whole numbers read as their digits; JavaScript gives every number as a double.
        if n.is_finite() && n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
            Ok(Some((n as i64).to_string()))
        } else {
            Err(E::custom("expected text or a whole number, got a fraction"))
        }
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(Text)
    }
}

/// An option read as text, then parsed with the type's `FromStr`.
fn parsed<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr<Err = String>,
{
    match d.deserialize_option(Text)? {
        None => Ok(None),
        Some(s) => s.parse().map(Some).map_err(de::Error::custom),
    }
}

/// Free text; a number is taken as its digits.
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_option(Text)
}

/// A whole number, given as a number or as text.
fn whole<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
    match d.deserialize_option(Text)? {
        None => Ok(None),
        Some(s) => s
            .parse()
            .map(Some)
            .map_err(|_| de::Error::custom(expected("a whole number", &s))),
    }
}

impl FromStr for CountryCode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        CountryCode::parse(s.trim())
            .ok_or_else(|| expected("a three-letter ISO 3166 country code", s))
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Format::from_name(s).map_err(|_| {
            expected(
                "auto, native, json, comtrade, comtrade-legacy, baci, wits or reported",
                s,
            )
        })
    }
}

impl FromStr for View {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        View::from_name(s)
            .ok_or_else(|| expected("\"balance\", \"composition\", \"story\" or \"partners\"", s))
    }
}

impl FromStr for MirrorSide {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        MirrorSide::from_name(s).ok_or_else(|| expected("\"importer\" or \"exporter\"", s))
    }
}

impl FromStr for Lang {
    type Err = String;
    /// Never fails: a page's language may be any tag, and what is not Korean is English.
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(Lang::from_tag(s))
    }
}
