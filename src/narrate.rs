//! The analysis in sentences, in English and Korean.
//!
//! Figures are rounded once, by `format`, from the analysis's unrounded values,
//! and shares are the same largest-remainder tenths that the chart shows.

use crate::analyze::{Analysis, BalanceKind, Breakdown, YearBalance};
use crate::format::{money, percent, permille, Lang};
use crate::layout::ChartText;
use crate::names::{country_name, en_possessive, en_subject, product_label, NameOverrides};

/// Words for one analysis in one language.
pub struct Narrator<'a> {
    analysis: &'a Analysis,
    lang: Lang,
    focus: String,
    partner: String,
}

impl<'a> Narrator<'a> {
    /// A narrator with country names resolved for `lang`.
    pub fn new(analysis: &'a Analysis, lang: Lang, names: &NameOverrides) -> Self {
        let q = &analysis.query;
        Narrator {
            analysis,
            lang,
            focus: country_name(q.focus, lang, names),
            partner: country_name(q.partner, lang, names),
        }
    }

    /// The focus country's name.
    pub fn focus(&self) -> &str {
        &self.focus
    }

    /// The partner's name.
    pub fn partner(&self) -> &str {
        &self.partner
    }

    /// Two to four sentences about the analysis's year.
    pub fn sentences(&self) -> Vec<String> {
        let a = self.analysis;
        let Some(y) = a.year_balance(a.year) else {
            return Vec::new();
        };
        let mut out = vec![self.flows_sentence(y)];
        // A record already says how the balance compares; otherwise say what changed.
        match self.record_sentence() {
            Some(s) => out.push(s),
            None => out.extend(self.change_sentence(y)),
        }
        if let Some(s) = self.top_export_sentence() {
            out.push(s);
        }
        out
    }

    /// The words the chart shows: title, legend, record, sources.
    pub fn chart_text(&self, title: Option<&str>, note: Option<&str>) -> ChartText {
        let a = self.analysis;
        let l = self.lang;
        let p = match l {
            Lang::En => en_subject(&self.partner),
            Lang::Ko => self.partner.clone(),
        };
        let record = a.record.map(|r| {
            let deficit = r.kind == BalanceKind::Deficit;
            match (l, r.since) {
                (Lang::En, None) if r.first_of_kind => {
                    format!(
                        "First {} in the data",
                        if deficit { "deficit" } else { "surplus" }
                    )
                }
                (Lang::Ko, None) if r.first_of_kind => {
                    format!("자료상 첫 {}", if deficit { "적자" } else { "흑자" })
                }
                (Lang::En, Some((y, _))) => {
                    format!(
                        "Largest {} since {y}",
                        if deficit { "deficit" } else { "surplus" }
                    )
                }
                (Lang::En, None) => {
                    format!(
                        "Largest {} on record",
                        if deficit { "deficit" } else { "surplus" }
                    )
                }
                (Lang::Ko, Some((y, _))) => {
                    format!("{y}년 이후 최대 {}", if deficit { "적자" } else { "흑자" })
                }
                (Lang::Ko, None) => format!("사상 최대 {}", if deficit { "적자" } else { "흑자" }),
            }
        });
        let sources = a
            .sources
            .iter()
            .map(|u| format!("{}: {}", year_list(&u.years), u.name))
            .collect();
        let (exports, imports, balance, source_prefix, more_sources, sources_below) = match l {
            Lang::En => (
                format!("Exports to {p}"),
                format!("Imports from {p}"),
                "Balance".to_string(),
                "Source:".to_string(),
                "and {n} more, listed below the chart".to_string(),
                "{n} sources, listed below the chart".to_string(),
            ),
            Lang::Ko => (
                format!("대{p} 수출"),
                format!("대{p} 수입"),
                "무역수지".to_string(),
                "출처:".to_string(),
                "외 {n}건(차트 아래 목록)".to_string(),
                "{n}건(차트 아래 목록)".to_string(),
            ),
        };
        ChartText {
            lang: l,
            title: title.map_or_else(|| self.title(), str::to_string),
            exports,
            imports,
            balance,
            record,
            source_prefix,
            sources,
            more_sources,
            sources_below,
            unit: (l == Lang::Ko).then(|| "단위: 달러".to_string()),
            note: note.map(str::to_string),
        }
    }

    /// A title for the chart.
    pub fn title(&self) -> String {
        match self.lang {
            Lang::En => format!(
                "{} trade with {}",
                en_possessive(&self.focus),
                en_subject(&self.partner)
            ),
            Lang::Ko => format!("{}의 대{} 무역", self.focus, self.partner),
        }
    }

    fn flows_sentence(&self, y: &YearBalance) -> String {
        let (f, l, year) = (&self.focus, self.lang, y.year);
        let p = match l {
            Lang::En => en_subject(&self.partner),
            Lang::Ko => self.partner.clone(),
        };
        match (y.exports, y.imports, l) {
            (Some(e), Some(i), Lang::En) => {
                let gap = e - i;
                let tail = if gap < 0.0 {
                    format!(", a trade deficit of {}", money(-gap, l))
                } else if gap > 0.0 {
                    format!(", a trade surplus of {}", money(gap, l))
                } else {
                    ": trade was balanced".into()
                };
                format!(
                    "In {year}, {} exports to {p} were {} and its imports from {p} {}{tail}.",
                    en_possessive(f),
                    money(e, l),
                    money(i, l)
                )
            }
            (Some(e), Some(i), Lang::Ko) => {
                let gap = e - i;
                let tail = if gap < 0.0 {
                    format!("로, 무역적자는 {}였다", money(-gap, l))
                } else if gap > 0.0 {
                    format!("로, 무역흑자는 {}였다", money(gap, l))
                } else {
                    "로 수출입이 균형을 이뤘다".into()
                };
                format!(
                    "{year}년 {f}의 대{p} 수출은 {}, 수입은 {}{tail}.",
                    money(e, l),
                    money(i, l)
                )
            }
            (Some(e), None, Lang::En) => format!(
                "In {year}, {} exports to {p} were {}; the data has no figure for its imports.",
                en_possessive(f),
                money(e, l)
            ),
            (Some(e), None, Lang::Ko) => {
                format!(
                    "{year}년 {f}의 대{p} 수출은 {}였고, 수입 자료는 없다.",
                    money(e, l)
                )
            }
            (None, Some(i), Lang::En) => format!(
                "In {year}, {} imports from {p} were {}; the data has no figure for its exports.",
                en_possessive(f),
                money(i, l)
            ),
            (None, Some(i), Lang::Ko) => {
                format!(
                    "{year}년 {f}의 대{p} 수입은 {}였고, 수출 자료는 없다.",
                    money(i, l)
                )
            }
            (None, None, Lang::En) => format!("The data has no figures for {year}."),
            (None, None, Lang::Ko) => format!("{year}년 자료는 없다."),
        }
    }

    fn change_sentence(&self, y: &YearBalance) -> Option<String> {
        let d = y.balance_change?;
        let (prev, now) = (y.balance? - d.absolute, y.balance?);
        // Only say it when the balance stayed on one side: "deficit widened" needs two deficits.
        if prev == 0.0 || (prev < 0.0) != (now < 0.0) {
            return None;
        }
        let deficit = now < 0.0;
        let from = d.from_year;
        let (kind_en, kind_ko) = if deficit {
            ("deficit", "적자")
        } else {
            ("surplus", "흑자")
        };
        let rel = (now.abs() - prev.abs()) / prev.abs();
        if now == prev {
            return Some(match self.lang {
                Lang::En => format!("The {kind_en} was unchanged from {from}."),
                Lang::Ko => format!("{kind_ko}는 {from}년과 같았다."),
            });
        }
        // A change that rounds to 0.0% is no change to a reader.
        if (rel.abs() * 1000.0).round() == 0.0 {
            return Some(match self.lang {
                Lang::En => format!(
                    "The {kind_en} was little changed from {} in {from}.",
                    money(prev.abs(), Lang::En)
                ),
                Lang::Ko => format!(
                    "{kind_ko}는 {from}년({})과 비슷했다.",
                    money(prev.abs(), Lang::Ko)
                ),
            });
        }
        let grew = now.abs() > prev.abs();
        let pct = percent(rel.abs());
        Some(match self.lang {
            Lang::En => format!(
                "The {kind_en} {} by {pct} from {} in {from}.",
                if grew { "widened" } else { "narrowed" },
                money(prev.abs(), Lang::En),
            ),
            Lang::Ko => format!(
                "{kind_ko}는 {from}년({})보다 {pct} {}.",
                money(prev.abs(), Lang::Ko),
                if grew { "늘었다" } else { "줄었다" },
            ),
        })
    }

    fn record_sentence(&self) -> Option<String> {
        let r = self.analysis.record?;
        let deficit = r.kind == BalanceKind::Deficit;
        Some(match (self.lang, r.since) {
            (Lang::En, Some((year, b))) => format!(
                "It was the largest {} since {year}, when it was {}.",
                if deficit { "deficit" } else { "surplus" },
                money(b.abs(), Lang::En)
            ),
            (Lang::En, None) if r.first_of_kind => format!(
                "It was the first {} in the data, which begins in {}.",
                if deficit { "deficit" } else { "surplus" },
                r.first_year
            ),
            (Lang::Ko, None) if r.first_of_kind => format!(
                "이는 {}년 이후 자료 가운데 첫 {}다.",
                r.first_year,
                if deficit { "적자" } else { "흑자" }
            ),
            (Lang::En, None) => format!(
                "It was the largest {} in the data, which begins in {}.",
                if deficit { "deficit" } else { "surplus" },
                r.first_year
            ),
            (Lang::Ko, Some((year, b))) => format!(
                "이는 {year}년({}) 이후 최대 {}다.",
                money(b.abs(), Lang::Ko),
                if deficit { "적자" } else { "흑자" }
            ),
            (Lang::Ko, None) => format!(
                "이는 {}년 이후 자료 가운데 최대 {}다.",
                r.first_year,
                if deficit { "적자" } else { "흑자" }
            ),
        })
    }

    fn top_export_sentence(&self) -> Option<String> {
        let exports: &Breakdown = self.analysis.composition.as_ref()?.exports.as_ref()?;
        // Without a total, a share of "exports" would be a share of the listed products only.
        if exports.total_from_products {
            return None;
        }
        let top = exports.rows.iter().find(|r| !r.is_other)?;
        let name = product_label(&top.code, &top.label, self.lang);
        let share = permille(top.share_permille);
        Some(match self.lang {
            Lang::En => format!(
                "{name} made up {share} of {} exports to {} ({}).",
                en_possessive(&self.focus),
                en_subject(&self.partner),
                money(top.value, Lang::En)
            ),
            Lang::Ko => format!(
                "대{} 수출의 {share}({})는 {name}{}.",
                self.partner,
                money(top.value, Lang::Ko),
                ko_was(&name)
            ),
        })
    }
}

/// The past copula after a Korean word: "이었다" after a final consonant, "였다" after a vowel.
fn ko_was(word: &str) -> &'static str {
    match word.chars().last() {
        Some(c @ '\u{AC00}'..='\u{D7A3}') if (c as u32 - 0xAC00) % 28 != 0 => "이었다",
        _ => "였다",
    }
}

/// Years as ranges: [1999, 2000, 2004, 2006, 2007, 2008] → "1999–2000, 2004, 2006–2008".
pub fn year_list(years: &[i32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < years.len() {
        let start = years[i];
        while i + 1 < years.len() && years[i + 1] == years[i] + 1 {
            i += 1;
        }
        parts.push(if years[i] == start {
            start.to_string()
        } else {
            format!("{start}\u{2013}{}", years[i])
        });
        i += 1;
    }
    parts.join(", ")
}
