//! The analysis in sentences, in English and Korean.
//!
//! Figures are rounded once, by `format`, from the analysis's unrounded values,
//! and shares are the same largest-remainder tenths that the chart shows.

use crate::analyze::{Analysis, BalanceKind, Breakdown, Delta, Direction, Record, YearBalance};
use crate::format::{money, percent, percent_change, permille, Lang};
use crate::layout::ChartText;
use crate::model::CountryCode;
use crate::names::{country_name, en_possessive, en_subject, product_label, NameOverrides};
use crate::partners::{PartnerRow, ShareBasis};
use crate::reconcile::MirrorSide;
use crate::scene::Target;

/// What to show and say about one target: tooltip lines and a sentence for a live region.
#[derive(Clone, Debug, PartialEq)]
pub struct Description {
    /// The tooltip, a line each; the first is its heading.
    pub lines: Vec<String>,
    /// One line for a screen reader's live region.
    pub announce: String,
}

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

    /// A narrator with country names already resolved (a report keeps them).
    pub fn with_names(analysis: &'a Analysis, lang: Lang, focus: &str, partner: &str) -> Self {
        Narrator {
            analysis,
            lang,
            focus: focus.to_string(),
            partner: partner.to_string(),
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

    /// One to six sentences about the analysis's year: its flows and balance, the
    /// record or the balance's change, the flows' change from the previous year with
    /// data, the comparison year, the top export.
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
        out.extend(self.flows_change_sentence(y));
        out.extend(self.comparison_sentence());
        if let Some(s) = self.top_export_sentence() {
            out.push(s);
        }
        out.extend(self.partner_share_sentence());
        out
    }

    /// The partner's share of the focus country's trade, when the data holds its
    /// trade with several partners or the World.
    pub fn partner_share_sentence(&self) -> Option<String> {
        let a = self.analysis;
        let ps = &a.partners;
        let fraction = ps.get(a.query.partner)?.share;
        // A share too small to show as 0.1% is not "0.0%": it is there, just small.
        let share = match self.lang {
            _ if fraction <= 0.0 || (fraction * 1000.0).round() > 0.0 => percent(fraction),
            Lang::En => "less than 0.1%".to_string(),
            Lang::Ko => "0.1% 미만".to_string(),
        };
        let world = ps.basis == Some(ShareBasis::World);
        let year = ps.year;
        Some(match (self.lang, world) {
            (Lang::En, true) => format!(
                "{} accounted for {share} of {} total trade in {year}.",
                capitalize(&en_subject(&self.partner)),
                en_possessive(&self.focus)
            ),
            (Lang::En, false) => format!(
                "{} accounted for {share} of {} trade with the partners in the data in {year}.",
                capitalize(&en_subject(&self.partner)),
                en_possessive(&self.focus)
            ),
            (Lang::Ko, true) => format!(
                "{year}년 {}의 전체 교역에서 {}{} 차지한 비중은 {share}{}.",
                self.focus,
                self.partner,
                ko_subject(&self.partner),
                ko_was(&share)
            ),
            (Lang::Ko, false) => format!(
                "{year}년 자료에 있는 {}의 교역 가운데 {}의 비중은 {share}{}.",
                self.focus,
                self.partner,
                ko_was(&share)
            ),
        })
    }

    /// What the data says about partners: the share sentence, or, when it holds
    /// only one partner, that it cannot give a share.
    pub fn partners_note(&self) -> Option<String> {
        let a = self.analysis;
        if !a.partners.single_partner {
            return self.partner_share_sentence();
        }
        Some(match self.lang {
            Lang::En => {
                let whose = en_possessive(&self.focus);
                format!(
                    "The data holds only {whose} trade with {}, so it cannot tell what share \
                     of {whose} trade that is.",
                    en_subject(&self.partner)
                )
            }
            Lang::Ko => format!(
                "자료에는 {}의 대{} 교역만 있어, 전체 교역에서 차지하는 비중은 알 수 없다.",
                self.focus, self.partner
            ),
        })
    }

    /// Whose reports the figures are, for the footer: one side's (mirror data with
    /// nothing to compare), or, where both sides report, which side the chart uses.
    /// `None` when the data does not say who reported.
    pub fn reporting_note(&self) -> Option<String> {
        let a = self.analysis;
        if !a.mirror.is_empty() {
            let importer = a.query.mirror == MirrorSide::Importer;
            return Some(match (self.lang, importer) {
                (Lang::En, true) => {
                    "Where both countries report a flow, the chart uses the importer's figure."
                        .into()
                }
                (Lang::En, false) => {
                    "Where both countries report a flow, the chart uses the exporter's figure."
                        .into()
                }
                (Lang::Ko, true) => "양국이 모두 보고한 흐름은 수입국 수치를 썼다.".into(),
                (Lang::Ko, false) => "양국이 모두 보고한 흐름은 수출국 수치를 썼다.".into(),
            });
        }
        if !a.one_sided() {
            return None;
        }
        let q = &a.query;
        let names: Vec<String> = a
            .reporters
            .iter()
            .map(|&c| {
                if c == q.focus {
                    self.focus.clone()
                } else if c == q.partner {
                    self.partner.clone()
                } else {
                    country_name(c, self.lang, &NameOverrides::default())
                }
            })
            .collect();
        Some(match self.lang {
            Lang::En => format!(
                "Every figure is {} report: one side's, with no figures from the other side to compare.",
                en_possessive(&names.join(" and "))
            ),
            Lang::Ko => format!(
                "모든 수치는 {} 측 보고로, 상대국 보고와 비교할 수 없다.",
                names.join("·")
            ),
        })
    }

    /// Which totals are the total of the products listed, for the footer and the
    /// sources panel: "Exports 2021–2023, imports 2023: no total in the data; the
    /// total of the products listed." `None` when every total is in the data.
    pub fn derived_note(&self) -> Option<String> {
        let d = &self.analysis.derived_totals;
        if d.is_empty() {
            return None;
        }
        let years = |dir: Direction| -> Vec<i32> {
            d.iter()
                .filter(|t| t.direction == dir)
                .map(|t| t.year)
                .collect()
        };
        let (ex, im) = (years(Direction::Exports), years(Direction::Imports));
        let l = self.lang;
        let mut parts = Vec::new();
        for (ys, en, ko) in [(&ex, "exports", "수출"), (&im, "imports", "수입")] {
            if !ys.is_empty() {
                parts.push(match l {
                    Lang::En => format!("{en} {}", year_list(ys)),
                    Lang::Ko => format!("{}년 {ko}", year_list(ys)),
                });
            }
        }
        Some(match l {
            Lang::En => format!(
                "{}: no total in the data; the total of the products listed.",
                capitalize(&parts.join(", "))
            ),
            Lang::Ko => format!(
                "{}: 자료에 합계가 없어 표시 품목의 합계를 썼다.",
                parts.join(", ")
            ),
        })
    }

    /// The words the chart shows: title, legend, record, sources.
    pub fn chart_text(&self, title: Option<&str>, note: Option<&str>) -> ChartText {
        let a = self.analysis;
        let l = self.lang;
        let rows = a.partners.rows(a.query.top);
        let mut partner_labels = Vec::new();
        for r in &rows {
            partner_labels.push(self.partner_label(r));
        }
        let p = match l {
            Lang::En => en_subject(&self.partner),
            Lang::Ko => self.partner.clone(),
        };
        let record = a.record.map(|r| {
            let deficit = r.kind == BalanceKind::Deficit;
            match (l, r.since, r.until) {
                (Lang::En, None, _) if r.first_of_kind => {
                    format!(
                        "First {} in the data",
                        if deficit { "deficit" } else { "surplus" }
                    )
                }
                (Lang::Ko, None, _) if r.first_of_kind => {
                    format!("자료상 첫 {}", if deficit { "적자" } else { "흑자" })
                }
                (Lang::En, Some((y, _)), _) => {
                    format!(
                        "Largest {} since {y}",
                        if deficit { "deficit" } else { "surplus" }
                    )
                }
                (Lang::En, None, Some(u)) => {
                    format!(
                        "Largest {} until {u}",
                        if deficit { "deficit" } else { "surplus" }
                    )
                }
                (Lang::En, None, None) => {
                    format!(
                        "Largest {} on record",
                        if deficit { "deficit" } else { "surplus" }
                    )
                }
                (Lang::Ko, Some((y, _)), _) => {
                    format!("{y}년 이후 최대 {}", if deficit { "적자" } else { "흑자" })
                }
                (Lang::Ko, None, Some(u)) => {
                    format!(
                        "{u}년 전까지 최대 {}",
                        if deficit { "적자" } else { "흑자" }
                    )
                }
                (Lang::Ko, None, None) => {
                    format!("사상 최대 {}", if deficit { "적자" } else { "흑자" })
                }
            }
        });
        let compare = self.compare_label();
        let heading = |d: Direction| self.composition_heading(d);
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
                "and {n} more under Sources".to_string(),
                "{n} sources, listed under Sources".to_string(),
            ),
            Lang::Ko => (
                format!("대{p} 수출"),
                format!("대{p} 수입"),
                "무역수지".to_string(),
                "출처:".to_string(),
                "외 {n}건(출처 참고)".to_string(),
                "{n}건(출처 참고)".to_string(),
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
            compare,
            exports_heading: heading(Direction::Exports),
            imports_heading: heading(Direction::Imports),
            no_breakdown: match l {
                Lang::En => "No breakdown by product in the data".into(),
                Lang::Ko => "품목별 자료 없음".into(),
            },
            partner_labels,
            partners_heading: self.partners_heading(),
            partners_note: rows.is_empty().then(|| self.partners_note()).flatten(),
        }
    }

    /// The partners view's title: "North Korea's trade partners, 2023".
    pub fn partners_title(&self) -> String {
        let year = self.analysis.partners.year;
        match self.lang {
            Lang::En => format!(
                "{} trade partners, {year}",
                capitalize(&en_possessive(&self.focus))
            ),
            Lang::Ko => format!("{year}년 {}의 교역 상대국", self.focus),
        }
    }

    /// What the partners' shares are of, alone and the focus country's: ("total trade",
    /// "North Korea's total trade"), or the trade with the partners in the data.
    fn partners_whole(&self) -> (&'static str, String) {
        let world = self.analysis.partners.basis == Some(ShareBasis::World);
        let (of, owner) = match self.lang {
            Lang::En => (
                if world {
                    "total trade"
                } else {
                    "trade with the partners in the data"
                },
                en_possessive(&self.focus),
            ),
            Lang::Ko => (
                if world {
                    "전체 교역"
                } else {
                    "자료상 교역"
                },
                format!("{}의", self.focus),
            ),
        };
        (of, format!("{owner} {of}"))
    }

    /// The partners' heading: "North Korea's total trade: $2.44 billion".
    fn partners_heading(&self) -> String {
        let Some(total) = self.analysis.partners.total else {
            return String::new();
        };
        let whole = capitalize(&self.partners_whole().1);
        format!("{whole}: {}", money(total, self.lang))
    }

    /// A country's name: the focus's and the partner's as the narrator has them.
    fn country(&self, c: CountryCode) -> String {
        let q = &self.analysis.query;
        if c == q.focus {
            self.focus.clone()
        } else if c == q.partner {
            self.partner.clone()
        } else {
            country_name(c, self.lang, &NameOverrides::default())
        }
    }

    /// A partners-view bar's name: the partner's, or "Other".
    fn partner_label(&self, r: &PartnerRow) -> String {
        match r.partner {
            Some(c) => self.country(c),
            None => product_label("other", "Other", self.lang),
        }
    }

    /// "Exports to China, 2023: $290 million", the heading of one flow's share bars.
    fn composition_heading(&self, d: Direction) -> String {
        let a = self.analysis;
        let p = match self.lang {
            Lang::En => en_subject(&self.partner),
            Lang::Ko => self.partner.clone(),
        };
        let year = a.composition.as_ref().map_or(a.year, |c| c.year);
        let total = a.year_balance(year).and_then(|y| match d {
            Direction::Exports => y.exports,
            Direction::Imports => y.imports,
        });
        // Without a total in the data, the shares are of the listed products.
        let listed = a
            .breakdown(d)
            .filter(|b| b.total_from_products)
            .map(|b| b.total);
        let l = self.lang;
        let head = match (l, d) {
            (Lang::En, Direction::Exports) => format!("Exports to {p}, {year}"),
            (Lang::En, Direction::Imports) => format!("Imports from {p}, {year}"),
            (Lang::Ko, Direction::Exports) => format!("{year}년 대{p} 수출"),
            (Lang::Ko, Direction::Imports) => format!("{year}년 대{p} 수입"),
        };
        match (total, listed, l) {
            (_, Some(t), Lang::En) => format!("{head}: {} (listed products)", money(t, l)),
            (_, Some(t), Lang::Ko) => format!("{head}: {}(표시 품목 합계)", money(t, l)),
            (Some(t), None, _) => format!("{head}: {}", money(t, l)),
            (None, None, _) => head,
        }
    }

    /// "Exports −90.0% since 2013": the comparison's headline flow, for the chart.
    fn compare_label(&self) -> Option<String> {
        let c = self.analysis.comparison?;
        let d = c.headline?;
        let rel = c.delta(d)?.relative?;
        let pct = percent_change(rel);
        let from = c.from_year;
        Some(match (self.lang, d) {
            (Lang::En, Direction::Exports) => format!("Exports {pct} since {from}"),
            (Lang::En, Direction::Imports) => format!("Imports {pct} since {from}"),
            (Lang::Ko, Direction::Exports) => format!("{from}년 대비 수출 {pct}"),
            (Lang::Ko, Direction::Imports) => format!("{from}년 대비 수입 {pct}"),
        })
    }

    /// Exports and imports against the previous year with data for each:
    /// "Exports rose by 115.8% from 2022 and imports by 127.2%."
    fn flows_change_sentence(&self, y: &YearBalance) -> Option<String> {
        let parts: Vec<(Direction, Delta)> = [
            (Direction::Exports, y.exports_change),
            (Direction::Imports, y.imports_change),
        ]
        .into_iter()
        .filter_map(|(d, c)| c.filter(|c| c.relative.is_some()).map(|c| (d, c)))
        .collect();
        let first = parts.first()?.1.from_year;
        let same_year = parts.iter().all(|(_, c)| c.from_year == first);
        let moves: Vec<Move> = parts.iter().map(|(_, c)| Move::of(c)).collect();
        let same_move = moves.iter().all(|m| *m == moves[0]);
        let all_moved = moves.iter().all(|m| matches!(m, Move::Rose | Move::Fell));
        let pct = |c: &Delta| percent(c.relative.unwrap_or(0.0).abs());
        // Both flat: one clause for the two.
        if parts.len() == 2 && same_year && same_move && !all_moved {
            return Some(match (self.lang, moves[0]) {
                (Lang::En, Move::Same) => {
                    format!("Exports and imports were unchanged from {first}.")
                }
                (Lang::En, _) => format!("Exports and imports were little changed from {first}."),
                (Lang::Ko, Move::Same) => format!("수출과 수입은 {first}년과 같았다."),
                (Lang::Ko, _) => format!("수출과 수입은 {first}년과 비슷했다."),
            });
        }
        let n = parts.len();
        let mut clauses = Vec::new();
        for (i, ((d, c), mv)) in parts.iter().zip(&moves).enumerate() {
            // The year is said once when it is the same for both.
            let say_year = i == 0 || !same_year;
            let last = i + 1 == n;
            clauses.push(match self.lang {
                Lang::En => {
                    let what = match d {
                        Direction::Exports => "exports",
                        Direction::Imports => "imports",
                    };
                    let year = if say_year {
                        format!(" from {}", c.from_year)
                    } else {
                        String::new()
                    };
                    match mv {
                        // "and imports by 127.2%": the verb is the first clause's.
                        Move::Rose | Move::Fell if i > 0 && same_move && same_year => {
                            format!("{what} by {}", pct(c))
                        }
                        Move::Rose => format!("{what} rose by {}{year}", pct(c)),
                        Move::Fell => format!("{what} fell by {}{year}", pct(c)),
                        Move::Flat => format!("{what} were little changed{year}"),
                        Move::Same => format!("{what} were unchanged{year}"),
                    }
                }
                Lang::Ko => {
                    let what = match d {
                        Direction::Exports => "수출은",
                        Direction::Imports => "수입은",
                    };
                    // "2022년보다 수출은 115.8%, 수입은 127.2% 늘었다": one verb for two.
                    let shared = same_year && same_move && all_moved;
                    let y = c.from_year;
                    let end = |done: &str, more: &str| if last { done } else { more }.to_string();
                    match mv {
                        _ if shared && !last => format!("{what} {}", pct(c)),
                        _ if shared => {
                            let verb = if *mv == Move::Fell {
                                "줄었다"
                            } else {
                                "늘었다"
                            };
                            format!("{what} {} {verb}", pct(c))
                        }
                        Move::Rose | Move::Fell => {
                            let verb = if *mv == Move::Rose {
                                end("늘었다", "늘었고")
                            } else {
                                end("줄었다", "줄었고")
                            };
                            if say_year {
                                format!("{what} {y}년보다 {} {verb}", pct(c))
                            } else {
                                format!("{what} {} {verb}", pct(c))
                            }
                        }
                        Move::Flat | Move::Same => {
                            let verb = if *mv == Move::Same {
                                end("같았다", "같았고")
                            } else {
                                end("비슷했다", "비슷했고")
                            };
                            if say_year {
                                format!("{what} {y}년과 {verb}")
                            } else {
                                format!("{what} {verb}")
                            }
                        }
                    }
                }
            });
        }
        Some(match self.lang {
            Lang::En => capitalize(&format!("{}.", clauses.join(" and "))),
            Lang::Ko if same_year && same_move && all_moved => {
                format!("{first}년보다 {}.", clauses.join(", "))
            }
            Lang::Ko => format!("{}.", clauses.join(", ")),
        })
    }

    /// The analysis's year against the comparison year:
    /// "Compared with 2013, exports were down 90.0% from $2.9 billion and imports down 43.6% from $3.6 billion."
    fn comparison_sentence(&self) -> Option<String> {
        let c = self.analysis.comparison?;
        let parts: Vec<(Direction, Delta)> = [
            (Direction::Exports, c.exports),
            (Direction::Imports, c.imports),
        ]
        .into_iter()
        .filter_map(|(d, x)| x.filter(|x| x.relative.is_some()).map(|x| (d, x)))
        .collect();
        if parts.is_empty() {
            return None;
        }
        let then = |d: Direction| {
            let y = self.analysis.year_balance(c.from_year)?;
            match d {
                Direction::Exports => y.exports,
                Direction::Imports => y.imports,
            }
        };
        let l = self.lang;
        let from = c.from_year;
        let n = parts.len();
        let moves: Vec<Move> = parts.iter().map(|(_, x)| Move::of(x)).collect();
        let same_move = moves.windows(2).all(|w| w[0] == w[1]);
        let mut clauses = Vec::new();
        for (i, ((d, x), mv)) in parts.iter().zip(&moves).enumerate() {
            let was = money(then(*d).unwrap_or(0.0), l);
            let pct = percent(x.relative.unwrap_or(0.0).abs());
            clauses.push(match l {
                Lang::En => {
                    let what = match d {
                        Direction::Exports => "exports",
                        Direction::Imports => "imports",
                    };
                    let verb = match mv {
                        Move::Rose => format!("up {pct} from {was}"),
                        Move::Fell => format!("down {pct} from {was}"),
                        Move::Flat => format!("little changed from {was}"),
                        Move::Same => format!("unchanged from {was}"),
                    };
                    if i == 0 {
                        format!("{what} were {verb}")
                    } else {
                        format!("{what} {verb}")
                    }
                }
                Lang::Ko => {
                    let what = match d {
                        Direction::Exports => "수출은",
                        Direction::Imports => "수입은",
                    };
                    let last = i + 1 == n;
                    if !last && same_move && matches!(mv, Move::Rose | Move::Fell) {
                        format!("{what} {was}에서 {pct}")
                    } else {
                        let (end, mid) = match mv {
                            Move::Rose => (format!("{pct} 늘었다"), format!("{pct} 늘었고")),
                            Move::Fell => (format!("{pct} 줄었다"), format!("{pct} 줄었고")),
                            Move::Flat => ("비슷했다".into(), "비슷했고".into()),
                            Move::Same => ("같았다".into(), "같았고".into()),
                        };
                        let verb = if last { end } else { mid };
                        match mv {
                            Move::Rose | Move::Fell => format!("{what} {was}에서 {verb}"),
                            Move::Flat | Move::Same => format!("{what} {was}와 {verb}"),
                        }
                    }
                }
            });
        }
        Some(match l {
            Lang::En => format!("Compared with {from}, {}.", clauses.join(" and ")),
            Lang::Ko => format!("{from}년과 비교하면 {}.", clauses.join(", ")),
        })
    }

    /// The tooltip and the live-region line for a year or a product bar; `None` for a
    /// product the analysis does not have.
    pub fn describe(&self, target: Target) -> Option<Description> {
        match target {
            Target::Year(year) => Some(self.describe_year(year)),
            Target::Product { flow, index } => self.describe_product(flow, index),
            Target::Partner(index) => self.describe_partner(index),
        }
    }

    /// A partner's bar: its share of the focus country's trade, exports, imports, total.
    fn describe_partner(&self, index: usize) -> Option<Description> {
        let a = self.analysis;
        let ps = &a.partners;
        let rows = ps.rows(a.query.top);
        let r = rows.get(index)?;
        let l = self.lang;
        let name = self.partner_label(r);
        let share = permille(r.share_permille);
        let total = money(r.total, l);
        let year = ps.year;
        let (of, whole) = self.partners_whole();
        let en = l == Lang::En;
        // Exports, imports, total, a missing figure.
        let w = if en {
            ["Exports", "Imports", "Total", "no data"]
        } else {
            ["수출", "수입", "합계", "자료 없음"]
        };
        let mut lines = vec![name.clone(), String::new()];
        let mut said = Vec::new();
        for (v, what) in [(r.exports, w[0]), (r.imports, w[1])] {
            let m = v.map(|v| money(v, l));
            lines.push(format!("{what}: {}", m.as_deref().unwrap_or(w[3])));
            said.push(match (m, en) {
                (Some(m), true) => format!("{} {m}", what.to_ascii_lowercase()),
                (None, true) => format!("no figure for {}", what.to_ascii_lowercase()),
                (m, false) => format!("{what} {}", m.as_deref().unwrap_or(w[3])),
            });
        }
        lines.push(format!("{}: {total}", w[2]));
        let said = said.join(", ");
        let announce = if en {
            lines[1] = format!("{share} of {of}, {year}");
            format!("{name}: {share} of {whole} in {year}, {total}; {said}.")
        } else {
            lines[1] = format!("{year}년 {of}의 {share}");
            format!("{name}: {year}년 {whole} 가운데 {share}, {total}; {said}.")
        };
        Some(Description { lines, announce })
    }

    /// "largest since 2019", "largest until 2019", "largest on record", "first deficit in the data".
    fn standing(&self, r: &Record) -> String {
        let deficit = r.kind == BalanceKind::Deficit;
        match (self.lang, r.since, r.until) {
            (Lang::En, None, _) if r.first_of_kind => format!(
                "first {} in the data",
                if deficit { "deficit" } else { "surplus" }
            ),
            (Lang::Ko, None, _) if r.first_of_kind => {
                format!("자료상 첫 {}", if deficit { "적자" } else { "흑자" })
            }
            (Lang::En, Some((y, _)), _) => format!("largest since {y}"),
            (Lang::En, None, Some(u)) => format!("largest until {u}"),
            (Lang::En, None, None) => "largest on record".into(),
            (Lang::Ko, Some((y, _)), _) => format!("{y}년 이후 최대"),
            (Lang::Ko, None, Some(u)) => format!("{u}년 전까지 최대"),
            (Lang::Ko, None, None) => "사상 최대".into(),
        }
    }

    fn describe_year(&self, year: i32) -> Description {
        let l = self.lang;
        let Some(y) = self.analysis.year_balance(year) else {
            return match l {
                Lang::En => Description {
                    lines: vec![year.to_string(), "No data for this year".into()],
                    announce: format!("{year}: no data."),
                },
                Lang::Ko => Description {
                    lines: vec![format!("{year}년"), "자료 없음".into()],
                    announce: format!("{year}년: 자료 없음."),
                },
            };
        };
        let change = |c: Option<Delta>| -> String {
            match (c, l) {
                (
                    Some(Delta {
                        from_year,
                        relative: Some(r),
                        ..
                    }),
                    Lang::En,
                ) => {
                    format!(" ({} from {from_year})", percent_change(r))
                }
                (
                    Some(Delta {
                        from_year,
                        relative: Some(r),
                        ..
                    }),
                    Lang::Ko,
                ) => {
                    format!(" ({from_year}년 대비 {})", percent_change(r))
                }
                _ => String::new(),
            }
        };
        let flow = |v: Option<f64>, c: Option<Delta>, en: &str, ko: &str| match (v, l) {
            (Some(v), Lang::En) => format!("{en}: {}{}", money(v, l), change(c)),
            (Some(v), Lang::Ko) => format!("{ko}: {}{}", money(v, l), change(c)),
            (None, Lang::En) => format!("{en}: no data"),
            (None, Lang::Ko) => format!("{ko}: 자료 없음"),
        };
        let standing = self.analysis.record_for(year).map(|r| self.standing(&r));
        let with_standing = |s: String| match &standing {
            Some(st) => format!("{s}, {st}"),
            None => s,
        };
        // "deficit $2.37 billion, largest on record"; a balanced year has no amount.
        let balance_phrase = |capital: bool| -> Option<String> {
            let b = y.balance?;
            let word = |en: &str, ko: &str| -> String {
                match l {
                    Lang::En if capital => capitalize(en),
                    Lang::En => en.to_string(),
                    Lang::Ko => ko.to_string(),
                }
            };
            let sep = if capital { ": " } else { " " };
            Some(if b < 0.0 {
                format!("{}{sep}{}", word("deficit", "적자"), money(-b, l))
            } else if b > 0.0 {
                format!("{}{sep}{}", word("surplus", "흑자"), money(b, l))
            } else {
                word("balanced", "수출입 균형")
            })
        };
        let mut lines = vec![match l {
            Lang::En => year.to_string(),
            Lang::Ko => format!("{year}년"),
        }];
        lines.push(flow(y.exports, y.exports_change, "Exports", "수출"));
        lines.push(flow(y.imports, y.imports_change, "Imports", "수입"));
        if let Some(b) = balance_phrase(true) {
            lines.push(with_standing(b));
        }
        let money_or_none = |v: Option<f64>, en: &str, ko: &str| match (v, l) {
            (Some(v), Lang::En) => format!("{en} {}", money(v, l)),
            (Some(v), Lang::Ko) => format!("{ko} {}", money(v, l)),
            (None, Lang::En) => format!("no figure for {en}"),
            (None, Lang::Ko) => format!("{ko} 자료 없음"),
        };
        let flows = format!(
            "{}, {}",
            money_or_none(y.exports, "exports", "수출"),
            money_or_none(y.imports, "imports", "수입")
        );
        let head = match l {
            Lang::En => format!("{year}: "),
            Lang::Ko => format!("{year}년: "),
        };
        let announce = match balance_phrase(false) {
            Some(b) => format!("{head}{}; {flows}.", with_standing(b)),
            None => format!("{head}{flows}."),
        };
        Description { lines, announce }
    }

    fn describe_product(&self, d: Direction, index: usize) -> Option<Description> {
        let a = self.analysis;
        let b = a.breakdown(d)?;
        let row = b.rows.get(index)?;
        let l = self.lang;
        let name = product_label(&row.code, &row.label, l);
        let share = permille(row.share_permille);
        let value = money(row.value, l);
        let year = a.composition.as_ref().map_or(a.year, |c| c.year);
        let p = match l {
            Lang::En => en_subject(&self.partner),
            Lang::Ko => self.partner.clone(),
        };
        let listed = b.total_from_products;
        let of_flow = match (l, d, listed) {
            (Lang::En, Direction::Exports, false) => format!("exports to {p}"),
            (Lang::En, Direction::Exports, true) => format!("listed exports to {p}"),
            (Lang::En, Direction::Imports, false) => format!("imports from {p}"),
            (Lang::En, Direction::Imports, true) => format!("listed imports from {p}"),
            (Lang::Ko, Direction::Exports, false) => format!("대{p} 수출"),
            (Lang::Ko, Direction::Exports, true) => format!("대{p} 수출 표시 품목"),
            (Lang::Ko, Direction::Imports, false) => format!("대{p} 수입"),
            (Lang::Ko, Direction::Imports, true) => format!("대{p} 수입 표시 품목"),
        };
        let mut lines = vec![name.clone()];
        let code_line = (!row.is_other && row.code != row.label && is_hs_code(&row.code))
            .then(|| format!("HS {}", row.code.replace('-', "\u{2013}")));
        lines.extend(code_line);
        let announce = match l {
            Lang::En => {
                lines.push(format!("{share} of {of_flow}, {year}"));
                lines.push(value.clone());
                format!(
                    "{name}: {share} of {} {of_flow} in {year}, {value}.",
                    en_possessive(&self.focus)
                )
            }
            Lang::Ko => {
                lines.push(format!("{year}년 {of_flow}의 {share}"));
                lines.push(value.clone());
                format!(
                    "{name}: {year}년 {}의 {of_flow} 가운데 {share}, {value}.",
                    self.focus
                )
            }
        };
        Some(Description { lines, announce })
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
        if let (None, Some(until), false) = (r.since, r.until, r.first_of_kind) {
            return Some(match self.lang {
                Lang::En => format!(
                    "It was the largest {} in the data, which begins in {}, until {until}.",
                    if deficit { "deficit" } else { "surplus" },
                    r.first_year
                ),
                Lang::Ko => format!(
                    "이는 {}년 이후 자료 가운데 {until}년 전까지 최대 {}였다.",
                    r.first_year,
                    if deficit { "적자" } else { "흑자" }
                ),
            });
        }
        // "Since 2019" also speaks for the years in between: say which of them the data lacks.
        let unknown = r.since.map_or_else(String::new, |(since, _)| {
            let known = |y: i32| {
                self.analysis
                    .years
                    .iter()
                    .any(|b| b.year == y && b.balance.is_some())
            };
            let missing: Vec<i32> = (since + 1..r.year).filter(|y| !known(*y)).collect();
            if missing.is_empty() {
                String::new()
            } else {
                year_list(&missing)
            }
        });
        Some(match (self.lang, r.since) {
            (Lang::En, Some((year, b))) if !unknown.is_empty() => format!(
                "It was the largest {} since {year}, when it was {}; the data has no figures for {unknown}.",
                if deficit { "deficit" } else { "surplus" },
                money(b.abs(), Lang::En)
            ),
            (Lang::Ko, Some((year, b))) if !unknown.is_empty() => format!(
                "이는 {year}년({}) 이후 최대 {}다({unknown}년 자료 없음).",
                money(b.abs(), Lang::Ko),
                if deficit { "적자" } else { "흑자" }
            ),
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

/// How a figure moved, as a sentence says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Move {
    Rose,
    Fell,
    /// Changed by less than 0.05%: "0.0%" would read as no change and be wrong.
    Flat,
    /// Exactly the same.
    Same,
}

impl Move {
    fn of(d: &Delta) -> Move {
        match d.relative {
            _ if d.absolute == 0.0 => Move::Same,
            Some(r) if (r.abs() * 1000.0).round() == 0.0 => Move::Flat,
            _ if d.absolute > 0.0 => Move::Rose,
            _ => Move::Fell,
        }
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_ascii() => {
            let mut out = String::with_capacity(s.len());
            out.push(f.to_ascii_uppercase());
            out.push_str(c.as_str());
            out
        }
        Some(f) => upper(f) + c.as_str(),
        None => String::new(),
    }
}

/// `c` in upper case by the Unicode case mapping, as `char::to_uppercase` gives it.
/// In the browser this asks JavaScript's `toUpperCase`, which applies the same mapping
/// with the browser's own tables: Rust's would add some 13 KB to the WebAssembly for
/// a name that starts with a lower-case letter other than a-z.
#[cfg(not(target_arch = "wasm32"))]
fn upper(c: char) -> String {
    c.to_uppercase().collect()
}

#[cfg(target_arch = "wasm32")]
fn upper(c: char) -> String {
    js_sys::JsString::from(c).to_upper_case().into()
}

/// An HS code, chapter or range of chapters: digits, maybe with one dash.
fn is_hs_code(code: &str) -> bool {
    !code.is_empty()
        && code.chars().all(|c| c.is_ascii_digit() || c == '-')
        && code.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// The subject particle after a Korean word: "이" after a final consonant, "가" after a vowel.
fn ko_subject(word: &str) -> &'static str {
    match word.chars().last() {
        Some(c @ '\u{AC00}'..='\u{D7A3}') if (c as u32 - 0xAC00) % 28 != 0 => "이",
        _ => "가",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalize_maps_the_first_letter_only() {
        assert_eq!(capitalize("the United States"), "The United States");
        assert_eq!(capitalize("Åland Islands"), "Åland Islands");
        assert_eq!(capitalize("élan vital"), "Élan vital");
        assert_eq!(capitalize("ßa"), "SSa");
        assert_eq!(capitalize("북한"), "북한");
        assert_eq!(capitalize("1 deficit"), "1 deficit");
        assert_eq!(capitalize(""), "");
    }
}
