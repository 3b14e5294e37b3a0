//! Ties each figure to a year, flow and product, and gives the verdict.

use super::cues::{self, has, FlowCue, Hedge, Way};
use super::show::{fmt_amount, fmt_percent, what};
use super::tokens::{is_hangul, pow10, tokenize, Amount, Currency, Dec, Tok, Token, Unit};
use super::{CheckOptions, Claim, FlowRef, Kind, Verdict};
use crate::analyze::{analyze, Analysis, BalanceKind, Direction};
use crate::error::Error;
use crate::format::{money_en, percent, Lang};
use crate::model::{CountryCode, Dataset};
use crate::names::product_label;

/// One product's figure in one year, as the chart shows it.
struct Product {
    year: i32,
    dir: Direction,
    code: String,
    label: String,
    value: f64,
    /// The flow's total the share divides.
    total: f64,
    share: f64,
    /// The share the chart shows, in tenths of a percent (largest remainder), when
    /// the product is among its top rows.
    permille: Option<u32>,
}

/// A way an article names a product: its words, lower case.
struct ProductKey {
    words: Vec<String>,
    code: String,
}

/// A country name as words.
struct CountryKey {
    words: Vec<String>,
    code: CountryCode,
}

/// The data as the claims see it: the chart's analysis, every product year's
/// composition, and the names to look for.
struct Data {
    analysis: Analysis,
    products: Vec<Product>,
    keys: Vec<ProductKey>,
    countries: Vec<CountryKey>,
    focus: CountryCode,
    partner: CountryCode,
    /// The year a figure with no year anywhere is taken to be about.
    default_year: i32,
}

/// A year named in a sentence.
#[derive(Clone, Copy, Debug)]
struct YearMention {
    at: usize,
    year: i32,
    /// "from 2016", "since 2019", "2022년 대비": the year compared with.
    comparison: bool,
}

/// One sentence's cues, by token index.
#[derive(Default)]
struct Cues {
    /// "last year" or "지난해" without the article's year to count from.
    needs_as_of: bool,
    years: Vec<YearMention>,
    flows: Vec<(usize, FlowCue)>,
    products: Vec<(usize, usize)>,
    countries: Vec<(usize, CountryCode)>,
}

/// What carries from sentence to sentence within a paragraph.
#[derive(Clone, Copy, Default)]
struct Carry {
    year: Option<i32>,
    flow: Option<FlowRef>,
}

/// The most tokens taken as one sentence.
const MAX_SENTENCE: usize = 400;

pub(super) fn check(
    article: &str,
    data: &Dataset,
    options: &CheckOptions,
) -> Result<Vec<Claim>, Error> {
    let d = Data::new(data, options)?;
    let chars: Vec<char> = article.chars().collect();
    let toks = tokenize(&chars);
    let mut claims = Vec::new();
    let mut carry = Carry::default();
    let mut lo = 0;
    for i in 0..=toks.len() {
        // A run of text with no full stop is cut every MAX_SENTENCE tokens, so that the
        // work per figure stays bounded and the whole check linear.
        let end = match toks.get(i).map(|t| &t.tok) {
            None => true,
            Some(Tok::SentenceEnd) => true,
            Some(Tok::ParagraphEnd) => true,
            _ => i - lo >= MAX_SENTENCE,
        };
        if !end {
            continue;
        }
        let mut s = Sentence {
            d: &d,
            toks: &toks,
            chars: &chars,
            lo,
            hi: i,
            cues: Cues::default(),
            as_of: options.as_of,
            carry,
        };
        s.find_cues();
        s.claims(&mut claims);
        carry = s.carry;
        if matches!(toks.get(i).map(|t| &t.tok), Some(Tok::ParagraphEnd)) {
            carry = Carry::default();
        }
        lo = i + 1;
    }
    crate::small::sort_by(&mut claims, |a, b| a.start < b.start);
    set_utf16(&chars, &mut claims);
    Ok(claims)
}

/// Fills in the UTF-16 offsets in one pass over the characters.
fn set_utf16(chars: &[char], claims: &mut [Claim]) {
    let mut wanted: Vec<usize> = claims.iter().flat_map(|c| [c.start, c.end]).collect();
    crate::small::sort_by(&mut wanted, |a, b| a < b);
    wanted.dedup();
    let mut map = Vec::with_capacity(wanted.len());
    let (mut ci, mut u) = (0, 0);
    for w in &wanted {
        while ci < *w && ci < chars.len() {
            u += chars[ci].len_utf16();
            ci += 1;
        }
        map.push(u);
    }
    let at = |p: usize| wanted.binary_search(&p).map_or(0, |i| map[i]);
    for c in claims {
        c.start_utf16 = at(c.start);
        c.end_utf16 = at(c.end);
    }
}

impl Data {
    fn new(data: &Dataset, options: &CheckOptions) -> Result<Data, Error> {
        let o = &options.options;
        let mut q = o.query.clone();
        q.year = None;
        let mut analysis = analyze(data, &q)?;
        crate::hs::label_composition(&mut analysis, &o.labels);
        let mut products = Vec::new();
        for &y in &analysis.product_years {
            // The chart's rows for the year (its shares), and every product's value.
            let mut qy = q.clone();
            qy.year = Some(y);
            let chart = analyze(data, &qy)?;
            qy.top = usize::MAX / 2;
            let mut wide = analyze(data, &qy)?;
            crate::hs::label_composition(&mut wide, &o.labels);
            for dir in [Direction::Exports, Direction::Imports] {
                let Some(b) = wide.breakdown(dir) else {
                    continue;
                };
                let shown = chart.breakdown(dir);
                for r in b.rows.iter().filter(|r| !r.is_other) {
                    let permille = shown
                        .and_then(|s| s.rows.iter().find(|x| x.code == r.code && !x.is_other))
                        .map(|x| x.share_permille);
                    products.push(Product {
                        year: y,
                        dir,
                        code: r.code.clone(),
                        label: product_label(&r.code, &r.label, Lang::En),
                        value: r.value,
                        total: b.total,
                        share: r.share,
                        permille,
                    });
                }
            }
        }
        let keys = product_keys(&products);
        let latest = analysis
            .years
            .iter()
            .rev()
            .find(|y| y.balance.is_some())
            .or(analysis.years.last())
            .map_or(analysis.year, |y| y.year);
        let default_year = match options.as_of {
            Some(a) if analysis.years.iter().any(|y| y.year == a - 1) => a - 1,
            _ => latest,
        };
        Ok(Data {
            focus: q.focus,
            partner: q.partner,
            products,
            keys,
            countries: country_keys(),
            default_year,
            analysis,
        })
    }

    fn product(&self, year: i32, code: &str) -> Option<&Product> {
        self.products
            .iter()
            .find(|p| p.year == year && p.code == code)
    }

    /// The label of a product code, from any year.
    fn label(&self, code: &str) -> String {
        self.products
            .iter()
            .find(|p| p.code == code)
            .map_or_else(|| code_name(code), |p| p.label.clone())
    }

    /// The direction a product code goes in the data (exports first).
    fn direction_of(&self, code: &str, year: i32) -> Option<Direction> {
        self.products
            .iter()
            .find(|p| p.code == code && p.year == year)
            .or_else(|| self.products.iter().find(|p| p.code == code))
            .map(|p| p.dir)
    }

    /// The data's value of a flow in a year, signed for the balance.
    fn value(&self, year: i32, flow: FlowRef) -> Option<f64> {
        let y = self.analysis.year_balance(year)?;
        match flow {
            FlowRef::Exports => y.exports,
            FlowRef::Imports => y.imports,
            FlowRef::Total => y.total,
            FlowRef::Deficit | FlowRef::Surplus | FlowRef::Balance => y.balance,
            FlowRef::PartnerShare => None,
        }
    }

    fn years_note(&self) -> String {
        let years: Vec<i32> = self
            .analysis
            .years
            .iter()
            .filter(|y| y.balance.is_some() || y.exports.is_some() || y.imports.is_some())
            .map(|y| y.year)
            .collect();
        crate::narrate::year_list(&years)
    }

    fn country_name(&self, c: CountryCode) -> String {
        crate::names::country_name(c, Lang::En, &crate::names::NameOverrides::default())
    }
}

/// The name of a product code that the data does not have.
fn code_name(code: &str) -> String {
    cues::PRODUCT_WORDS
        .iter()
        .find(|(c, _)| *c == code)
        .and_then(|(_, w)| w.first())
        .map_or_else(|| code.to_string(), |w| w.to_string())
}

/// Words for every product: the data's label, the Korean label, and the extra names
/// of `cues::PRODUCT_WORDS` (also for codes the data lacks: "coal" is then a product
/// with no figures, not the flow's total). Longest first, so "wig materials" wins
/// over "wig".
fn product_keys(products: &[Product]) -> Vec<ProductKey> {
    let mut keys: Vec<ProductKey> = Vec::new();
    let mut add = |text: &str, code: &str| {
        let words: Vec<String> = text
            .split_whitespace()
            .map(|w| w.chars().map(|c| c.to_ascii_lowercase()).collect())
            .collect();
        if words.is_empty() || words.len() > MAX_KEY_WORDS || keys.iter().any(|k| k.words == words)
        {
            return;
        }
        keys.push(ProductKey {
            words,
            code: code.to_string(),
        });
    };
    for p in products {
        add(&p.label, &p.code);
        add(&product_label(&p.code, &p.label, Lang::Ko), &p.code);
        if let Some((_, words)) = cues::PRODUCT_WORDS.iter().find(|(c, _)| *c == p.code) {
            for w in *words {
                add(w, &p.code);
            }
        }
    }
    for (code, words) in cues::PRODUCT_WORDS {
        for w in *words {
            add(w, code);
        }
    }
    let len = |k: &ProductKey| {
        (
            k.words.len(),
            k.words.iter().map(|w| w.len()).sum::<usize>(),
        )
    };
    crate::small::sort_by(&mut keys, |a, b| len(a) > len(b));
    keys
}

fn country_keys() -> Vec<CountryKey> {
    let mut keys = Vec::new();
    for c in crate::countries::COUNTRIES {
        let Some(code) = CountryCode::parse(c.alpha3) else {
            continue;
        };
        for name in [c.en, c.ko] {
            let words: Vec<String> = name
                .split_whitespace()
                .map(|w| w.chars().map(|c| c.to_ascii_lowercase()).collect())
                .collect();
            if !words.is_empty() {
                keys.push(CountryKey { words, code });
            }
        }
    }
    // Names reporters use besides the table's.
    for (name, a3) in [
        ("dprk", "PRK"),
        ("pyongyang", "PRK"),
        ("beijing", "CHN"),
        ("moscow", "RUS"),
        ("seoul", "KOR"),
        ("남한", "KOR"),
        ("러시아", "RUS"),
    ] {
        if let Some(code) = CountryCode::parse(a3) {
            keys.push(CountryKey {
                words: vec![name.to_string()],
                code,
            });
        }
    }
    crate::small::sort_by(&mut keys, |a, b| a.words[0] < b.words[0]);
    keys
}

/// Particles after a Korean noun that still leave it the noun: "중국과", "러시아에서".
fn korean_noun_match(word: &str, key: &str) -> bool {
    let Some(rest) = word.strip_prefix(key) else {
        return false;
    };
    rest.is_empty()
        || [
            "은",
            "는",
            "이",
            "가",
            "을",
            "를",
            "과",
            "와",
            "의",
            "에",
            "에서",
            "으로",
            "로",
            "산",
            "측",
            "과의",
            "와의",
            "에서의",
            "에게",
            "도",
            "이나",
            "나",
        ]
        .contains(&rest)
}

/// The most words a product's name has.
const MAX_KEY_WORDS: usize = 6;

/// A word without a possessive: "wigs'", "tungsten's" name the product.
fn bare_word(word: &str) -> &str {
    ["'s", "\u{2019}s", "'", "\u{2019}"]
        .iter()
        .find_map(|p| word.strip_suffix(p))
        .unwrap_or(word)
}

/// A key word against an article word (bare of possessives): equal, or for Hangul a
/// prefix, since Korean words carry their particles ("가발은").
fn word_matches(word: &str, key: &str) -> bool {
    if key.starts_with(is_hangul) {
        word.starts_with(key)
    } else {
        word == key
    }
}

struct Sentence<'a> {
    d: &'a Data,
    toks: &'a [Token],
    chars: &'a [char],
    lo: usize,
    hi: usize,
    cues: Cues,
    as_of: Option<i32>,
    carry: Carry,
}

/// The amount of a figure token.
fn amount(t: &Token) -> Option<&Amount> {
    match &t.tok {
        Tok::Amount(a) if a.unit != Unit::Bare => Some(a),
        _ => None,
    }
}

impl<'a> Sentence<'a> {
    fn word(&self, i: usize) -> Option<&'a str> {
        if i < self.lo || i >= self.hi {
            return None;
        }
        match &self.toks[i].tok {
            Tok::Word(w) => Some(w.as_str()),
            _ => None,
        }
    }

    fn text(&self, start: usize, end: usize) -> String {
        self.chars[start.min(self.chars.len())..end.min(self.chars.len())]
            .iter()
            .collect()
    }

    fn korean(&self) -> bool {
        (self.lo..self.hi).any(|i| self.word(i).is_some_and(|w| w.starts_with(is_hangul)))
    }

    fn find_cues(&mut self) {
        let mut c = Cues::default();
        let mut last_year: Option<i32> = self.carry.year;
        let mut i = self.lo;
        while i < self.hi {
            match &self.toks[i].tok {
                Tok::Year(y) => {
                    let prev = i.checked_sub(1).and_then(|p| self.word(p));
                    let next = self.word(i + 1);
                    let comparison = prev.is_some_and(cues::comparison_before)
                        || next.is_some_and(cues::comparison_after);
                    c.years.push(YearMention {
                        at: i,
                        year: *y,
                        comparison,
                    });
                    if !comparison {
                        last_year = Some(*y);
                    }
                }
                Tok::Word(w) => {
                    if self.as_of.is_none() {
                        let next = self.word(i + 1);
                        c.needs_as_of |=
                            matches!((w.as_str(), next), ("last" | "this", Some("year")))
                                || ["지난해", "작년", "올해"].iter().any(|k| w.starts_with(k));
                    }
                    if let Some((year, len, comparison)) = self.relative_year(i, last_year) {
                        c.years.push(YearMention {
                            at: i,
                            year,
                            comparison,
                        });
                        i += len;
                        continue;
                    }
                    if let Some(mut cue) = cues::flow_cue(w) {
                        // "China's exports", "China bought", "중국의 대북 수출": the
                        // partner's exports are the focus country's imports.
                        if self.partner_subject(i, &c.countries) {
                            cue.flow = match cue.flow {
                                FlowRef::Exports => FlowRef::Imports,
                                FlowRef::Imports => FlowRef::Exports,
                                f => f,
                            };
                        }
                        c.flows.push((i, cue));
                    }
                    if let Some(len) = self.product_at(i, &mut c) {
                        i += len;
                        continue;
                    }
                    if let Some(len) = self.country_at(i, &mut c) {
                        i += len;
                        continue;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        self.cues = c;
    }

    /// True when the partner is the subject of the flow word at `i`: right before it
    /// in English ("China's exports", "China bought", "China also bought"), or a few
    /// words before it with a subject or possessive particle in Korean ("중국의", "중국은").
    fn partner_subject(&self, i: usize, countries: &[(usize, CountryCode)]) -> bool {
        let Some(&(at, code)) = countries.last() else {
            return false;
        };
        if code != self.d.partner || at >= i {
            return false;
        }
        let Some(w) = self.word(at) else {
            return false;
        };
        if w.starts_with(is_hangul) {
            let particle = ['은', '는', '이', '가', '의'];
            return i - at <= 4 && w.ends_with(particle);
        }
        i - at == 1
            || (i - at == 2
                && matches!(self.word(at + 1), Some("also" | "only" | "then" | "itself")))
    }

    /// "last year", "a year earlier", "지난해", "전년": the year, the words it takes,
    /// and whether it is the year compared with.
    fn relative_year(&self, i: usize, reference: Option<i32>) -> Option<(i32, usize, bool)> {
        let w = self.word(i)?;
        let w1 = self.word(i + 1).unwrap_or("");
        let w2 = self.word(i + 2).unwrap_or("");
        let prev = i.checked_sub(1).and_then(|p| self.word(p)).unwrap_or("");
        let compared = cues::comparison_before(prev);
        let as_of = self.as_of;
        if w.starts_with(is_hangul) {
            let after_cmp = cues::comparison_after(w1);
            if w.starts_with("지난해") || w.starts_with("작년") {
                let cmp = after_cmp || has(w, "보다") || has(w, "대비");
                return as_of.map(|a| (a - 1, 1, cmp));
            }
            if w.starts_with("올해") {
                return as_of.map(|a| (a, 1, false));
            }
            if w.starts_with("전년") {
                let cmp = after_cmp || has(w, "보다") || has(w, "대비") || has(w, "동기");
                return reference.map(|r| (r - 1, 1, cmp));
            }
            return None;
        }
        match (w, w1, w2) {
            ("last", "year", _) => as_of.map(|a| (a - 1, 2, compared)),
            ("this", "year", _) => as_of.map(|a| (a, 2, compared)),
            ("a" | "one", "year", "earlier" | "before" | "ago") => {
                // "a year ago" counts back from the article's year.
                let base = if w2 == "ago" { as_of } else { reference };
                base.map(|r| (r - 1, 3, compared))
            }
            ("the", "previous" | "prior", "year") => reference.map(|r| (r - 1, 3, compared)),
            ("the", "year", "before") => reference.map(|r| (r - 1, 3, compared)),
            ("a" | "one", "year", "later" | "after") => reference.map(|r| (r + 1, 3, compared)),
            ("the", "next" | "following", "year") => reference.map(|r| (r + 1, 3, compared)),
            ("year-on-year" | "year-over-year", _, _) => reference.map(|r| (r - 1, 1, true)),
            ("year", "on" | "over", "year") => reference.map(|r| (r - 1, 3, true)),
            _ => None,
        }
    }

    /// A product name starting at `i`; returns how many words it takes.
    fn product_at(&self, i: usize, c: &mut Cues) -> Option<usize> {
        // The article's words bare of possessives, once, not once per key.
        let words: Vec<&str> = (i..i + MAX_KEY_WORDS)
            .map_while(|j| self.word(j))
            .map(bare_word)
            .collect();
        let first = *words.first()?;
        let first_byte = first.as_bytes().first().copied();
        'keys: for (k, key) in self.d.keys.iter().enumerate() {
            if key.words[0].as_bytes().first().copied() != first_byte
                || key.words.len() > words.len()
            {
                continue;
            }
            for (w, kw) in words.iter().zip(&key.words) {
                if !word_matches(w, kw) {
                    continue 'keys;
                }
            }
            c.products.push((i, k));
            return Some(key.words.len());
        }
        None
    }

    /// A country's name starting at `i`.
    fn country_at(&self, i: usize, c: &mut Cues) -> Option<usize> {
        let w = self.word(i)?;
        let keys = &self.d.countries;
        let mut best: Option<(usize, CountryCode)> = None;
        let mut try_first = |first: &str, exact_hangul: bool| {
            let from = keys.partition_point(|k| k.words[0].as_str() < first);
            for k in keys[from..].iter().take_while(|k| k.words[0] == first) {
                let rest_ok = k.words.iter().enumerate().skip(1).all(|(j, kw)| {
                    self.word(i + j).is_some_and(|aw| {
                        aw == kw || (kw.starts_with(is_hangul) && korean_noun_match(aw, kw))
                    })
                });
                let first_ok = !exact_hangul || korean_noun_match(w, first);
                if rest_ok && first_ok && best.is_none_or(|(n, _)| k.words.len() > n) {
                    best = Some((k.words.len(), k.code));
                }
            }
        };
        if w.starts_with(is_hangul) {
            // Try each prefix of the word: "러시아와의" holds "러시아".
            let mut ends: Vec<usize> = w.char_indices().map(|(b, _)| b).skip(1).collect();
            ends.push(w.len());
            for e in ends {
                if let Some(prefix) = w.get(..e) {
                    try_first(prefix, true);
                }
            }
        } else {
            // "China's", "Russia’s": the possessive is the country.
            let bare = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w);
            try_first(bare, false);
        }
        let (n, code) = best?;
        c.countries.push((i, code));
        Some(n)
    }

    /// Every figure and record claim of the sentence.
    fn claims(&mut self, out: &mut Vec<Claim>) {
        let figs: Vec<usize> = (self.lo..self.hi)
            .filter(|&i| amount(&self.toks[i]).is_some())
            .collect();
        let korean = self.korean();
        let respective = self.respectively(&figs);
        for (n, &i) in figs.iter().enumerate() {
            let seg_lo = if n == 0 { self.lo } else { figs[n - 1] + 1 };
            let seg_hi = figs.get(n + 1).copied().unwrap_or(self.hi);
            let Some(a) = amount(&self.toks[i]).copied() else {
                continue;
            };
            let given = respective.as_ref().and_then(|r| r.get(n).copied());
            let claim = self.figure(i, &a, seg_lo, seg_hi, korean, given);
            if let Some(f) = claim.flow {
                self.carry.flow = Some(f);
            }
            if let Some(y) = claim.year {
                self.carry.year = Some(y);
            }
            out.push(claim);
        }
        self.records(out, korean);
        self.multiples(out, korean);
        // What the sentence names carries to the next one even without a figure.
        if let Some(y) = self
            .cues
            .years
            .iter()
            .rev()
            .find(|y| !y.comparison)
            .map(|y| y.year)
        {
            if figs.is_empty() {
                self.carry.year = Some(y);
            }
        }
        if figs.is_empty() {
            if let Some((_, c)) = self.cues.flows.iter().rev().find(|(_, c)| c.strong) {
                self.carry.flow = Some(c.flow);
            }
        }
    }

    /// "Exports and imports were $290 million and $2.03 billion, respectively": the
    /// flows named before the first figure, in order, one for each figure.
    fn respectively(&self, figs: &[usize]) -> Option<Vec<FlowRef>> {
        let said = (self.lo..self.hi).any(|j| {
            self.word(j)
                .is_some_and(|w| w == "respectively" || w.starts_with("각각"))
        });
        let first = *figs.first()?;
        if !said || figs.len() < 2 {
            return None;
        }
        let flows: Vec<FlowRef> = self
            .cues
            .flows
            .iter()
            .filter(|(at, c)| *at < first && c.strong)
            .map(|(_, c)| c.flow)
            .collect();
        (flows.len() == figs.len()).then_some(flows)
    }

    /// The year of the figure at `i`: (year, inferred).
    fn year_for(&self, i: usize, seg_lo: usize, seg_hi: usize, korean: bool) -> (i32, bool) {
        // "the largest since 2019 ($2.37 billion)": a figure in brackets right after a
        // year is that year's, even a year compared with.
        if i >= self.lo + 2 && matches!(self.toks[i - 1].tok, Tok::Punct('(')) {
            if let Tok::Year(y) = self.toks[i - 2].tok {
                return (y, false);
            }
        }
        let ys: Vec<&YearMention> = self.cues.years.iter().filter(|y| !y.comparison).collect();
        // "$1.6 billion in 2016": a year right after the figure is its own.
        if !korean {
            if let Some(y) = ys
                .iter()
                .find(|y| y.at > i && y.at < seg_hi && y.at <= i + 4)
            {
                return (y.year, false);
            }
        }
        let before_seg = ys.iter().rev().find(|y| y.at < i && y.at >= seg_lo);
        let after_seg = ys.iter().find(|y| y.at > i && y.at < seg_hi);
        let before = ys.iter().rev().find(|y| y.at < i);
        let after = ys.iter().find(|y| y.at > i);
        if let Some(y) = before_seg.or(after_seg).or(before).or(after) {
            return (y.year, false);
        }
        match self.carry.year {
            Some(y) => (y, true),
            None => (self.d.default_year, true),
        }
    }

    /// The flow of the figure at `i`: (flow, inferred).
    fn flow_for(
        &self,
        i: usize,
        seg_lo: usize,
        seg_hi: usize,
        korean: bool,
    ) -> Option<(FlowRef, bool)> {
        let fl = &self.cues.flows;
        let before = |strong: bool, lo: usize| {
            fl.iter()
                .rev()
                .find(|(at, c)| *at < i && *at >= lo && (c.strong || !strong))
                .map(|(_, c)| c.flow)
        };
        let after = |strong: bool, hi: usize| {
            fl.iter()
                .find(|(at, c)| *at > i && *at < hi && (c.strong || !strong))
                .map(|(_, c)| c.flow)
        };
        // "$290 million in exports", "$167 million worth of exports".
        if !korean {
            for j in i + 1..(i + 4).min(seg_hi) {
                if let Some((_, c)) = fl.iter().find(|(at, _)| *at == j) {
                    let linked = (i + 1..j)
                        .all(|k| matches!(self.word(k), Some("in" | "of" | "worth" | "a" | "the")));
                    if linked {
                        return Some((c.flow, false));
                    }
                }
            }
        }
        // Korean: "…달러어치를 수출했다" binds the verb after to the figure before.
        if korean {
            let next_verb = fl
                .iter()
                .find(|(at, c)| *at > i && *at < seg_hi && c.strong && c.verb);
            let worth = self.word(i + 1).is_some_and(|w| w.starts_with("어치"));
            if let Some((at, c)) = next_verb {
                let cue_before = before(true, seg_lo);
                if worth || cue_before.is_none() || *at <= i + 3 {
                    return Some((c.flow, false));
                }
            }
        }
        // English names the flow before the figure, also across an earlier figure
        // ("exports fell from $2.6 billion in 2016 to $1.6 billion"); a cue after it
        // in the same stretch comes next ("$290 million, mostly exports").
        let found = if korean {
            before(true, seg_lo)
                .or_else(|| after(true, seg_hi))
                .or_else(|| before(false, seg_lo))
                .or_else(|| after(false, seg_hi))
                .or_else(|| before(true, self.lo))
                .or_else(|| after(true, self.hi))
        } else {
            before(true, seg_lo)
                .or_else(|| before(true, self.lo))
                .or_else(|| after(true, seg_hi))
                .or_else(|| before(false, seg_lo))
                .or_else(|| after(false, seg_hi))
                .or_else(|| after(true, self.hi))
        }
        .or_else(|| before(false, self.lo))
        .or_else(|| after(false, self.hi));
        match found {
            Some(f) => Some((f, false)),
            None => self.carry.flow.map(|f| (f, true)),
        }
    }

    /// The product of the figure at `i`: an index into the keys.
    fn product_for(&self, i: usize, seg_hi: usize, korean: bool) -> Option<usize> {
        let ps = &self.cues.products;
        if !korean {
            // "$167 million of wigs", "$26 million worth of tungsten".
            if let Some((at, k)) = ps
                .iter()
                .find(|(at, _)| *at > i && *at < seg_hi && *at <= i + 3)
            {
                let linked =
                    (i + 1..*at).all(|k| matches!(self.word(k), Some("in" | "of" | "worth")));
                if linked && *at > i + 1 {
                    return Some(*k);
                }
            }
        }
        // The nearest product before the figure, within its clause.
        let (at, k) = ps.iter().rev().find(|(at, _)| *at < i)?;
        let broken = (*at..i).any(|j| match &self.toks[j].tok {
            Tok::Punct(';') => true,
            Tok::Word(w) => matches!(w.as_str(), "which" | "while" | "whereas" | "but"),
            _ => false,
        });
        (!broken).then_some(*k)
    }

    /// The hedge around the figure at `i`.
    fn hedge(&self, i: usize) -> Hedge {
        let mut before: Vec<&str> = Vec::new();
        let mut j = i;
        while j > self.lo && before.len() < 3 {
            j -= 1;
            match &self.toks[j].tok {
                Tok::Word(w) => before.push(w.as_str()),
                Tok::Punct('~') => before.push("about"),
                _ => break,
            }
        }
        before.reverse();
        let h = cues::hedge_before(&before);
        if h != Hedge::Exact {
            return h;
        }
        // Korean hedges follow: "2억 달러 이상", "3억 달러 가까이", "17억여 달러".
        if let Some(w) = self.word(i + 1) {
            if let Some(h) = cues::hedge_after(w) {
                return h;
            }
        }
        Hedge::Exact
    }

    /// True when the figure at `i` is where a change starts ("from $134 million",
    /// "1억 달러에서") and no year is named for it.
    fn starts_a_change(&self, i: usize, seg_lo: usize, korean: bool) -> bool {
        let ys = &self.cues.years;
        if korean {
            let from = self.word(i + 1).is_some_and(|w| w.starts_with("에서"));
            let own_year = ys.iter().any(|y| y.at >= seg_lo && y.at < i);
            return from && !own_year;
        }
        let mut j = i;
        while j > self.lo {
            j -= 1;
            match self.word(j) {
                Some("from") => break,
                Some(w) if cues::hedge_before(&[w]) != Hedge::Exact => continue,
                _ => return false,
            }
        }
        let own_year = ys.iter().any(|y| y.at > i && y.at <= i + 4);
        self.word(j) == Some("from") && !own_year
    }

    /// A threshold verb before the figure: "exceeded $100 million", "1억 달러를 돌파".
    fn threshold(&self, i: usize) -> bool {
        let before = (i.saturating_sub(2).max(self.lo)..i).any(|j| {
            matches!(
                self.word(j),
                Some(
                    "exceeded"
                        | "exceed"
                        | "exceeds"
                        | "exceeding"
                        | "topped"
                        | "tops"
                        | "top"
                        | "surpassed"
                        | "surpass"
                        | "crossed"
                        | "passed"
                        | "breached"
                )
            )
        });
        let after = (i + 1..(i + 3).min(self.hi)).any(|j| {
            self.word(j).is_some_and(|w| {
                [
                    "돌파",
                    "넘어섰",
                    "넘어선",
                    "넘었",
                    "넘긴",
                    "넘겼",
                    "을넘",
                    "를넘",
                ]
                .iter()
                .any(|t| has(w, t))
            })
        });
        before || after
    }

    /// The change word for a percentage at `i`, if it is a change.
    fn change_way(&self, i: usize, korean: bool) -> Option<Way> {
        if korean {
            for j in i + 1..(i + 3).min(self.hi) {
                if let Some(w) = self.word(j).and_then(cues::change_word) {
                    return Some(w);
                }
            }
            return None;
        }
        // "up 62%", "fell by 90%", "dived 90%"
        let mut j = i;
        let mut n = 0;
        while j > self.lo && n < 3 {
            j -= 1;
            n += 1;
            match self.word(j) {
                Some(
                    "by" | "a" | "some" | "about" | "nearly" | "almost" | "around" | "roughly"
                    | "than" | "more" | "over" | "just",
                ) if n < 3 => continue,
                Some(w) => {
                    // "made up 57.5%" is a share, not a rise.
                    let prev = j.checked_sub(1).and_then(|p| self.word(p));
                    if w == "up" && prev.is_some_and(cues::share_word) {
                        break;
                    }
                    if let Some(way) = cues::change_word(w) {
                        return Some(way);
                    }
                    break;
                }
                None => break,
            }
        }
        // "a 62% rise", "90% lower"
        let next = self.word(i + 1)?;
        match next {
            "rise" | "increase" | "jump" | "surge" | "gain" | "growth" | "higher" | "more"
            | "climb" => Some(Way::Up),
            "drop" | "fall" | "decline" | "decrease" | "plunge" | "slump" | "lower" | "less"
            | "dive" | "contraction" => Some(Way::Down),
            _ => None,
        }
    }

    /// A country other than the focus and the partner named in `lo..hi` when the
    /// partner is not.
    fn other_country(&self, lo: usize, hi: usize) -> Option<CountryCode> {
        let cs: Vec<CountryCode> = self
            .cues
            .countries
            .iter()
            .filter(|(at, _)| *at >= lo && *at < hi)
            .map(|(_, c)| *c)
            .collect();
        if cs.contains(&self.d.partner) {
            return None;
        }
        cs.into_iter()
            .find(|c| *c != self.d.focus && *c != self.d.partner)
    }

    fn figure(
        &self,
        i: usize,
        a: &Amount,
        seg_lo: usize,
        seg_hi: usize,
        korean: bool,
        given: Option<FlowRef>,
    ) -> Claim {
        let t = &self.toks[i];
        let (mut year, mut year_inferred) = self.year_for(i, seg_lo, seg_hi, korean);
        let flow = match given {
            Some(f) => Some((f, false)),
            None => self.flow_for(i, seg_lo, seg_hi, korean),
        };
        // "rose to $290 million from $134 million", "16억 달러에서 29억 달러로": the
        // figure after "from" is the previous year's, when no year of its own is named.
        if let (Some((f, _)), true) = (flow, self.starts_a_change(i, seg_lo, korean)) {
            let earlier = self
                .d
                .analysis
                .years
                .iter()
                .rev()
                .filter(|y| y.year < year)
                .find(|y| self.d.value(y.year, f).is_some());
            if let Some(y) = earlier {
                year = y.year;
                year_inferred = true;
            }
        }
        let product = self.product_for(i, seg_hi, korean);
        let mut c = Claim::unjudged(
            self.text(t.start, t.end),
            (t.start, t.end),
            Kind::Money,
            (year, year_inferred),
            (flow.map(|f| f.0), flow.is_some_and(|f| f.1)),
        );
        let hedge = self.hedge(i);
        let product_code = product.map(|k| self.d.keys[k].code.clone());
        if let Some(code) = &product_code {
            c.product = Some(self.d.label(code));
            // A product's flow is the one the data lists it in, when the words say none.
            if c.flow.is_none() || c.inferred.contains(&"flow") {
                if let Some(dir) = self.d.direction_of(code, year) {
                    c.flow = Some(match dir {
                        Direction::Exports => FlowRef::Exports,
                        Direction::Imports => FlowRef::Imports,
                    });
                }
            }
        }
        match a.unit {
            Unit::Money(cur) => {
                c.stated = Some(a.value.value());
                c.stated_high = a.high.map(|h| h.value());
                self.money(
                    &mut c,
                    a,
                    cur,
                    hedge,
                    i,
                    seg_lo,
                    seg_hi,
                    product_code.as_deref(),
                );
            }
            Unit::Percent => {
                c.stated = Some(a.value.value() / 100.0);
                c.stated_high = a.high.map(|h| h.value() / 100.0);
                match self.change_way(i, korean) {
                    Some(way) => {
                        c.kind = Kind::Change;
                        // A fall is a negative change: "dived 90%" states −0.9.
                        if way == Way::Down {
                            c.stated = c.stated.map(|v| -v);
                            c.stated_high = c.stated_high.map(|v| -v);
                        }
                        self.change(&mut c, a, way, hedge, product_code.as_deref());
                    }
                    None => {
                        c.kind = Kind::Share;
                        self.share(&mut c, a, hedge, i, product_code.as_deref());
                    }
                }
            }
            Unit::Points | Unit::Bare => {
                c.kind = Kind::Points;
                let way = self.change_way(i, korean);
                let sign = if way == Some(Way::Down) { -1.0 } else { 1.0 };
                c.stated = Some(sign * a.value.value() / 100.0);
                self.points(&mut c, a, way, hedge, product_code.as_deref());
            }
        }
        self.as_of_hint(&mut c);
        c
    }

    #[allow(clippy::too_many_arguments)]
    fn money(
        &self,
        c: &mut Claim,
        a: &Amount,
        cur: Currency,
        hedge: Hedge,
        i: usize,
        seg_lo: usize,
        seg_hi: usize,
        product: Option<&str>,
    ) {
        let year = c.year.unwrap_or(self.d.default_year);
        if let Currency::Other(name) = cur {
            c.note = format!("an amount in {name}: the data is in US dollars");
            return;
        }
        if self.threshold(i) {
            let v = c.flow.and_then(|f| self.flow_value(year, f, product));
            c.note = match v {
                Some(v) => format!(
                    "a threshold, not a figure: the data gives {} ({})",
                    money_en(v.abs()),
                    what(year, c.flow, c.product.as_deref())
                ),
                None => "a threshold, not a figure the data gives".into(),
            };
            c.computed = v;
            return;
        }
        let strong_flow = self
            .cues
            .flows
            .iter()
            .any(|(at, f)| *at >= seg_lo && *at < seg_hi && f.strong);
        let not_trade = (seg_lo..seg_hi).find_map(|j| self.word(j).filter(|w| cues::not_trade(w)));
        if let (Some(w), false) = (not_trade, strong_flow) {
            c.flow = None;
            c.note = format!("\"{w}\" is not a trade flow: the data has no such figure");
            c.inferred.retain(|x| *x != "flow");
            return;
        }
        if let Some(other) = self.other_country(seg_lo, seg_hi) {
            c.note = format!(
                "about {}: the data holds {} trade with {} only",
                self.d.country_name(other),
                crate::names::en_possessive(&self.d.country_name(self.d.focus)),
                self.d.country_name(self.d.partner)
            );
            return;
        }
        if self.d.analysis.year_balance(year).is_none() {
            c.note = format!(
                "the data has no figures for {year}; it has {}",
                self.d.years_note()
            );
            return;
        }
        let Some(flow) = c.flow else {
            c.note =
                "no flow named (exports, imports, deficit, trade) in the sentence or before it"
                    .into();
            return;
        };
        let Some(v) = self.flow_value(year, flow, product) else {
            c.note = match product {
                Some(code) => self.no_product_note(year, code),
                None => format!("the data has no {} figure for {year}", flow.name()),
            };
            return;
        };
        c.computed = Some(v);
        // A deficit is a negative balance; the article states its size.
        let (size, side_ok) = match flow {
            FlowRef::Deficit => (-v, v < 0.0),
            FlowRef::Surplus => (v, v > 0.0),
            FlowRef::Balance => (v.abs(), true),
            _ => (v, true),
        };
        if !side_ok {
            c.verdict = Verdict::Differs;
            c.note = format!(
                "the data gives a {} of {} in {year}, not a {}",
                if v < 0.0 { "deficit" } else { "surplus" },
                money_en(v.abs()),
                flow.name()
            );
            return;
        }
        let ok = within(size, a, hedge);
        c.verdict = if ok { Verdict::Match } else { Verdict::Differs };
        let shown = fmt_amount(size, a, !ok && hedge != Hedge::Exact);
        c.note = format!(
            "the data gives {shown} ({})",
            what(year, Some(flow), c.product.as_deref())
        );
        if let Some(p) = product.and_then(|code| self.d.product(year, code)) {
            c.note.push_str(&format!(
                ", {} of {}",
                percent(p.share),
                if p.dir == Direction::Exports {
                    "exports"
                } else {
                    "imports"
                }
            ));
        }
    }

    /// A product's share that rose or fell by percentage points: this year's share
    /// against the year the sentence names, else the previous year with products.
    fn points(
        &self,
        c: &mut Claim,
        a: &Amount,
        way: Option<Way>,
        hedge: Hedge,
        product: Option<&str>,
    ) {
        let year = c.year.unwrap_or(self.d.default_year);
        let years = crate::narrate::year_list(&self.d.analysis.product_years);
        let Some(code) = product else {
            c.note = "a change in a share: no product named".into();
            return;
        };
        let Some(now) = self.d.product(year, code) else {
            c.note = self.no_product_note(year, code);
            return;
        };
        c.flow = Some(if now.dir == Direction::Exports {
            FlowRef::Exports
        } else {
            FlowRef::Imports
        });
        let named = self
            .cues
            .years
            .iter()
            .filter(|y| y.comparison && y.year < year)
            .map(|y| y.year)
            .next_back();
        let then = match named {
            Some(y) => self.d.product(y, code),
            None => self
                .d
                .products
                .iter()
                .filter(|p| p.code == code && p.year < year)
                .max_by_key(|p| p.year),
        };
        let Some(then) = then else {
            c.note = format!(
                "a change in a share: the data breaks down {} for {years} only",
                self.d.label(code).to_ascii_lowercase()
            );
            return;
        };
        let diff = now.share - then.share;
        c.computed = Some(diff);
        let went = if diff >= 0.0 { Way::Up } else { Way::Down };
        let ok = way.is_none_or(|w| w == went) && within_fraction(diff.abs(), None, a, hedge);
        c.verdict = if ok { Verdict::Match } else { Verdict::Differs };
        c.note = format!(
            "the data gives: {} {} {} points, from {} in {} to {} in {year}",
            self.d.label(code).to_ascii_lowercase(),
            if went == Way::Up { "rose" } else { "fell" },
            fmt_percent(diff.abs(), None, a, !ok && hedge != Hedge::Exact).trim_end_matches('%'),
            percent(then.share),
            then.year,
            percent(now.share)
        );
    }

    /// The value of a flow, or of a product within it.
    fn flow_value(&self, year: i32, flow: FlowRef, product: Option<&str>) -> Option<f64> {
        match product {
            Some(code) => {
                let p = self.d.product(year, code)?;
                let dir_ok = match flow {
                    FlowRef::Exports => p.dir == Direction::Exports,
                    FlowRef::Imports => p.dir == Direction::Imports,
                    _ => true,
                };
                dir_ok.then_some(p.value)
            }
            None => self.d.value(year, flow),
        }
    }

    fn no_product_note(&self, year: i32, code: &str) -> String {
        let label = self.d.label(code);
        let years = crate::narrate::year_list(
            &self
                .d
                .products
                .iter()
                .filter(|p| p.code == code)
                .map(|p| p.year)
                .collect::<Vec<_>>(),
        );
        if years.is_empty() {
            format!("the data has no figures for {}", label.to_ascii_lowercase())
        } else if self.d.product(year, code).is_some() {
            let p = self.d.product(year, code);
            let dir = p.map_or("", |p| {
                if p.dir == Direction::Exports {
                    "exports"
                } else {
                    "imports"
                }
            });
            format!(
                "the data lists {} among {dir} only",
                label.to_ascii_lowercase()
            )
        } else {
            format!(
                "the data breaks down {} for {years} only",
                label.to_ascii_lowercase()
            )
        }
    }

    fn share(&self, c: &mut Claim, a: &Amount, hedge: Hedge, i: usize, product: Option<&str>) {
        let year = c.year.unwrap_or(self.d.default_year);
        let Some(code) = product else {
            // "China accounted for 95% of North Korea's trade": the partner's share.
            let partner_named = self
                .cues
                .countries
                .iter()
                .any(|(_, k)| *k == self.d.partner);
            let share_words =
                (self.lo..self.hi).any(|j| self.word(j).is_some_and(cues::share_word));
            if partner_named && share_words {
                c.flow = Some(FlowRef::PartnerShare);
                c.inferred.retain(|x| *x != "flow");
                let ps = &self.d.analysis.partners;
                match ps.get(self.d.partner) {
                    Some(p) if ps.year == year => {
                        c.computed = Some(p.share);
                        let ok = within_fraction(p.share, None, a, hedge);
                        c.verdict = if ok { Verdict::Match } else { Verdict::Differs };
                        c.note = format!(
                            "the data gives {} ({}'s share of {} trade, {year})",
                            fmt_percent(p.share, None, a, !ok && hedge != Hedge::Exact),
                            self.d.country_name(self.d.partner),
                            crate::names::en_possessive(&self.d.country_name(self.d.focus))
                        );
                    }
                    _ => {
                        c.note = if ps.single_partner {
                            format!(
                                "a partner's share: the data holds only {} trade with {}",
                                crate::names::en_possessive(&self.d.country_name(self.d.focus)),
                                self.d.country_name(self.d.partner)
                            )
                        } else {
                            format!("the data gives partners' shares for {} only", ps.year)
                        };
                    }
                }
                return;
            }
            // "Exports were 12.5% of total trade", "수출은 교역의 12.5%".
            let korean = self.korean();
            let of_total = self
                .cues
                .flows
                .iter()
                .any(|(at, f)| f.flow == FlowRef::Total && (korean || *at > i));
            let part = match c.flow {
                Some(f @ (FlowRef::Exports | FlowRef::Imports)) if of_total => Some(f),
                _ => None,
            };
            if let Some(f) = part {
                let (Some(v), Some(total)) =
                    (self.d.value(year, f), self.d.value(year, FlowRef::Total))
                else {
                    c.note = format!(
                        "the data has no figures for {year}; it has {}",
                        self.d.years_note()
                    );
                    return;
                };
                let share = v / total;
                c.computed = Some(share);
                let ok = within_fraction(share, None, a, hedge);
                c.verdict = if ok { Verdict::Match } else { Verdict::Differs };
                c.note = format!(
                    "the data gives {} ({} of {} total trade, {year})",
                    fmt_percent(share, None, a, !ok && hedge != Hedge::Exact),
                    money_short(v),
                    money_short(total)
                );
                return;
            }
            c.note =
                "a percentage of something the data does not break down (no product named)".into();
            return;
        };
        let Some(p) = self.d.product(year, code) else {
            c.note = self.no_product_note(year, code);
            return;
        };
        let flow_dir = match c.flow {
            Some(FlowRef::Exports) => Some(Direction::Exports),
            Some(FlowRef::Imports) => Some(Direction::Imports),
            _ => None,
        };
        if flow_dir.is_some_and(|d| d != p.dir) {
            c.note = self.no_product_note(year, code);
            return;
        }
        c.flow = Some(if p.dir == Direction::Exports {
            FlowRef::Exports
        } else {
            FlowRef::Imports
        });
        c.computed = Some(p.share);
        let ok = within_fraction(p.share, p.permille, a, hedge);
        c.verdict = if ok { Verdict::Match } else { Verdict::Differs };
        c.note = format!(
            "the data gives {} ({} of {} {}, {year})",
            fmt_percent(p.share, p.permille, a, !ok && hedge != Hedge::Exact),
            money_short(p.value),
            money_short(p.total),
            if p.dir == Direction::Exports {
                "exports"
            } else {
                "imports"
            }
        );
    }
}

/// A change between two years of one flow, as the data gives it.
struct Change {
    flow: FlowRef,
    from: i32,
    year: i32,
    then: f64,
    now: f64,
    /// `(now - then) / |then|`; for the balance, the change in its size.
    rel: f64,
    /// ", the previous year in the data" when that is not the year before.
    gap: String,
}

impl Change {
    fn went(&self) -> Way {
        if self.rel >= 0.0 {
            Way::Up
        } else {
            Way::Down
        }
    }

    fn verb(&self) -> &'static str {
        match (self.flow.is_balance(), self.went()) {
            (true, Way::Up) => "widened",
            (true, Way::Down) => "narrowed",
            (false, Way::Up) => "rose",
            (false, Way::Down) => "fell",
        }
    }

    /// "exports rose 116% from 2022 to 2023 ($134 million to $290 million)".
    fn words(&self, pct: &str) -> String {
        format!(
            "the data gives: {} {} {pct} from {}{} to {} ({} to {})",
            self.flow.name(),
            self.verb(),
            self.from,
            self.gap,
            self.year,
            money_short(self.then.abs()),
            money_short(self.now.abs())
        )
    }
}

impl Sentence<'_> {
    /// The change the claim's flow made in its year: from the year the sentence names
    /// as compared with, else from the previous year with data. `None` with the reason
    /// in the note.
    fn relative_change(&self, c: &mut Claim, product: Option<&str>) -> Option<Change> {
        let year = c.year.unwrap_or(self.d.default_year);
        if let Some(code) = product {
            let years = self.d.products.iter().filter(|p| p.code == code).count();
            if years < 2 {
                c.note = format!(
                    "a change in {}: the data breaks down products for {} only",
                    self.d.label(code).to_ascii_lowercase(),
                    crate::narrate::year_list(&self.d.analysis.product_years)
                );
                return None;
            }
        }
        let Some(flow) = c.flow.filter(|f| *f != FlowRef::PartnerShare) else {
            c.note = "a change of what: no flow named in the sentence or before it".into();
            return None;
        };
        let Some(now) = self.d.value(year, flow) else {
            c.note = format!(
                "the data has no {} figure for {year}; it has {}",
                flow.name(),
                self.d.years_note()
            );
            return None;
        };
        let named = self
            .cues
            .years
            .iter()
            .filter(|y| y.comparison && y.year < year)
            .map(|y| y.year)
            .next_back();
        let from = named.or_else(|| {
            self.d
                .analysis
                .years
                .iter()
                .rev()
                .filter(|y| y.year < year)
                .find(|y| self.d.value(y.year, flow).is_some())
                .map(|y| y.year)
        });
        let Some(from) = from else {
            c.note = format!("the data has no year before {year} to compare with");
            return None;
        };
        let Some(then) = self.d.value(from, flow) else {
            c.note = format!(
                "the data has no {} figure for {from}; it has {}",
                flow.name(),
                self.d.years_note()
            );
            return None;
        };
        if then == 0.0 {
            c.note = format!("the {} was zero in {from}", flow.name());
            return None;
        }
        // The balance changes in size, as the chart's sentences say ("widened by").
        let rel = if flow.is_balance() {
            if (then < 0.0) != (now < 0.0) {
                c.note = format!(
                    "the balance changed sides between {from} and {year}: no percentage change"
                );
                return None;
            }
            (now.abs() - then.abs()) / then.abs()
        } else {
            (now - then) / then.abs()
        };
        c.computed = Some(rel);
        let gap = if named.is_none() && from != year - 1 {
            ", the previous year in the data".to_string()
        } else {
            String::new()
        };
        Some(Change {
            flow,
            from,
            year,
            then,
            now,
            rel,
            gap,
        })
    }

    fn change(&self, c: &mut Claim, a: &Amount, way: Way, hedge: Hedge, product: Option<&str>) {
        let Some(ch) = self.relative_change(c, product) else {
            return;
        };
        let went = ch.went();
        let ok = went == way && within_fraction(ch.rel.abs(), None, a, hedge);
        c.verdict = if ok { Verdict::Match } else { Verdict::Differs };
        let finer = !ok && went == way && hedge != Hedge::Exact;
        c.note = ch.words(&fmt_percent(ch.rel.abs(), None, a, finer));
    }

    /// "doubled", "more than tripled", "halved": a change by a factor.
    fn multiples(&self, out: &mut Vec<Claim>, korean: bool) {
        for i in self.lo..self.hi {
            let factor = match self.word(i) {
                Some("doubled") => 2.0,
                Some("tripled" | "trebled") => 3.0,
                Some("quadrupled") => 4.0,
                Some("halved") => 0.5,
                _ => continue,
            };
            // "more than doubled", "nearly doubled": the hedge is part of the claim.
            let mut before: Vec<&str> = Vec::new();
            let mut j = i;
            while j > self.lo && before.len() < 2 {
                match self.word(j - 1) {
                    Some(w) => before.insert(0, w),
                    None => break,
                }
                j -= 1;
            }
            let hedge = cues::hedge_before(&before);
            let words = match hedge {
                Hedge::Exact => 0,
                h if before.len() == 2 && cues::hedge_before(&before[1..]) == h => 1,
                _ => before.len(),
            };
            let first = i - words;
            let (start, end) = (self.toks[first].start, self.toks[i].end);
            let (year, year_inferred) = self.year_for(i, self.lo, self.hi, korean);
            let flow = self.flow_for(i, self.lo, self.hi, korean);
            let mut c = Claim::unjudged(
                self.text(start, end),
                (start, end),
                Kind::Change,
                (year, year_inferred),
                (flow.map(|f| f.0), flow.is_some_and(|f| f.1)),
            );
            c.stated = Some(factor - 1.0);
            if let Some(ch) = self.relative_change(&mut c, None) {
                let ratio = 1.0 + ch.rel;
                let ok = match hedge {
                    Hedge::Over { .. } if factor > 1.0 => ratio > factor && ratio < factor + 1.0,
                    Hedge::Over { .. } => ratio < factor && ratio > factor / 2.0,
                    Hedge::Nearly => ratio <= factor * 1.02 && ratio >= factor * 0.9,
                    _ => (ratio - factor).abs() <= 0.1 * factor,
                };
                c.verdict = if ok { Verdict::Match } else { Verdict::Differs };
                let times = (ratio.max(0.0) * 100.0).round() as u64;
                c.note = ch.words(&format!(
                    "{}% (\u{d7}{})",
                    ((ch.rel.abs() * 100.0).round() as u64),
                    super::show::fixed_pub(times, 2)
                ));
            }
            out.push(c);
        }
    }

    /// Record claims: "the largest deficit since 2019", "largest in four years",
    /// "a record", "4년래 최대", "2019년 이후 최대", "사상 최대".
    fn records(&self, out: &mut Vec<Claim>, korean: bool) {
        let mut i = self.lo;
        while i < self.hi {
            let Some(w) = self.word(i) else {
                i += 1;
                continue;
            };
            let found = if w.starts_with(is_hangul) {
                self.korean_record(i)
            } else {
                self.english_record(i)
            };
            if let Some((start, end, since)) = found {
                out.push(self.record_claim(start, end, since, korean));
                i = end.max(i + 1);
            } else {
                i += 1;
            }
        }
    }

    /// An English record phrase at `i`: (first token, one past the last, what it claims).
    fn english_record(&self, i: usize) -> Option<(usize, usize, Since)> {
        let w = self.word(i)?;
        let window = (i + 1..(i + 8).min(self.hi)).collect::<Vec<_>>();
        if cues::superlative(w) {
            for &j in &window {
                if matches!(self.toks[j].tok, Tok::Punct(';' | ',')) && j > i + 3 {
                    break;
                }
                match (self.word(j), self.toks.get(j + 1).map(|t| &t.tok)) {
                    (Some("since"), Some(Tok::Year(y))) => {
                        return Some((i, j + 2, Since::Year(*y)));
                    }
                    (Some("in"), _) => {
                        let n = match self.toks.get(j + 1).map(|t| &t.tok) {
                            Some(Tok::Amount(a)) if a.unit == Unit::Bare && a.value.exp == 0 => {
                                Some(a.value.mant as u32)
                            }
                            Some(Tok::Word(x)) => cues::number_word(x).or(match x.as_str() {
                                "a" if self.word(j + 2) == Some("decade") => Some(10),
                                _ => None,
                            }),
                            _ => None,
                        };
                        let unit = self.word(j + 2);
                        if let (Some(n), Some("years" | "decade")) = (n, unit) {
                            return Some((i, j + 3, Since::Years(n)));
                        }
                        if self.word(j + 1) == Some("the") && self.word(j + 2) == Some("data") {
                            return Some((i, j + 3, Since::Ever));
                        }
                        if self.word(j + 1) == Some("history") {
                            return Some((i, j + 2, Since::Ever));
                        }
                    }
                    (Some("on"), _) if self.word(j + 1) == Some("record") => {
                        return Some((i, j + 2, Since::Ever));
                    }
                    (Some("ever"), _) => return Some((i, j + 1, Since::Ever)),
                    _ => {}
                }
            }
            return None;
        }
        if w == "record" || w == "record-high" || w == "record-breaking" {
            let prev = i.checked_sub(1).and_then(|p| self.word(p));
            // "not a record" denies one; "record" of "on record" belongs to a superlative.
            let denied = (i.saturating_sub(2).max(self.lo)..i)
                .any(|j| matches!(self.word(j), Some("not" | "no" | "never")));
            if denied {
                return None;
            }
            if matches!(prev, Some("on" | "the" | "trade")) && self.word(i + 1) != Some("high") {
                return None;
            }
            let next = self.word(i + 1);
            let flowish = next.is_some_and(|n| cues::flow_cue(n).is_some() || n == "high");
            let moneyish = self.toks.get(i + 1).is_some_and(|t| amount(t).is_some());
            if matches!(prev, Some("a" | "new" | "all-time")) || flowish || moneyish {
                let end = if next == Some("high") { i + 2 } else { i + 1 };
                return Some((i, end, Since::Ever));
            }
        }
        if w == "first" {
            // "the first deficit since 2019"
            let f = self.word(i + 1).and_then(cues::flow_cue)?;
            if self.word(i + 2) == Some("since") {
                if let Some(Tok::Year(y)) = self.toks.get(i + 3).map(|t| &t.tok) {
                    if f.flow.is_balance() {
                        return Some((i, i + 4, Since::First(*y)));
                    }
                }
            }
        }
        None
    }

    fn korean_record(&self, i: usize) -> Option<(usize, usize, Since)> {
        let w = self.word(i)?;
        // "최대", "최고", or "가장 컸다" / "가장 큰" / "가장 많았다".
        let most = w == "가장"
            && self
                .word(i + 1)
                .is_some_and(|x| x.starts_with(['큰', '컸', '크', '많']));
        if !(most || w.starts_with("최대") || w.starts_with("최고") || has(w, "최대")) {
            return None;
        }
        let end = if most { i + 2 } else { i + 1 };
        // Look back a few tokens: "2019년 이후 최대", "2019년(23억 달러) 이후 가장 컸다",
        // "4년래 최대", "4년 만에 최대", "사상 최대".
        let lo = i.saturating_sub(8).max(self.lo);
        for j in (lo..i).rev() {
            match &self.toks[j].tok {
                Tok::Word(x) if x.starts_with("이후") => {
                    let year = (lo..j).rev().find_map(|k| match self.toks[k].tok {
                        Tok::Year(y) => Some((k, y)),
                        _ => None,
                    });
                    if let Some((k, y)) = year {
                        return Some((k, end, Since::Year(y)));
                    }
                }
                Tok::Years(n) => {
                    let next = self.word(j + 1).unwrap_or("");
                    if next.starts_with('래')
                        || next.starts_with("만에")
                        || next.starts_with("만의")
                    {
                        return Some((j, end, Since::Years(*n)));
                    }
                }
                Tok::Word(x) if x.starts_with("사상") || x.starts_with("역대") => {
                    return Some((j, end, Since::Ever));
                }
                _ => {}
            }
        }
        None
    }

    /// Says why a year was guessed when the sentence said "last year" with no
    /// article year to count from.
    fn as_of_hint(&self, c: &mut Claim) {
        if self.cues.needs_as_of && c.inferred.contains(&"year") {
            c.note
                .push_str("; \"last year\" needs the year the article was written (asOf, --as-of)");
        }
    }

    fn record_claim(&self, start: usize, end: usize, since: Since, korean: bool) -> Claim {
        let (s, mut e) = (self.toks[start].start, self.toks[end - 1].end);
        // "최대였다": the claim ends with "최대", not with its particles.
        if let Tok::Word(w) = &self.toks[end - 1].tok {
            if let Some((head, _)) =
                crate::small::split_once(w, "최대").or_else(|| crate::small::split_once(w, "최고"))
            {
                e = self.toks[end - 1].start + head.chars().count() + 2;
            }
        }
        let (year, year_inferred) = self.year_for(start, self.lo, self.hi, korean);
        // The measure: a flow word inside or next to the phrase, else the sentence's.
        let fl = &self.cues.flows;
        let near = fl
            .iter()
            .filter(|(at, c)| c.strong && *at + 3 >= start && *at <= end + 2)
            .min_by_key(|(at, _)| at.abs_diff(start))
            .map(|(_, c)| c.flow);
        let (flow, flow_inferred) = match near {
            Some(f) => (Some(f), false),
            None => match self.flow_for(start, self.lo, self.hi, korean) {
                Some((f, inf)) => (Some(f), inf),
                None => (None, false),
            },
        };
        let mut c = Claim::unjudged(
            self.text(s, e),
            (s, e),
            Kind::Record,
            (year, year_inferred),
            (flow, flow_inferred),
        );
        let stated_since = match since {
            Since::Year(y) | Since::First(y) => Some(y),
            Since::Years(n) => Some(year - n as i32),
            Since::Ever => None,
        };
        c.stated = stated_since.map(f64::from);
        let Some(flow) = flow else {
            c.note = "a record of what: no flow named".into();
            return c;
        };
        if self.d.analysis.year_balance(year).is_none() {
            c.note = format!(
                "the data has no figures for {year}; it has {}",
                self.d.years_note()
            );
            return c;
        }
        if let Since::First(y) = since {
            return self.first_since(c, year, y, flow);
        }
        let data_since = if flow.is_balance() {
            let Some(r) = self.d.analysis.record_for(year) else {
                c.verdict = Verdict::Differs;
                c.note = self.no_record_note(year, flow);
                return c;
            };
            let kind_ok = match flow {
                FlowRef::Deficit => r.kind == BalanceKind::Deficit,
                FlowRef::Surplus => r.kind == BalanceKind::Surplus,
                _ => true,
            };
            if !kind_ok {
                c.verdict = Verdict::Differs;
                c.note = format!(
                    "the data gives a {} in {year}, not a {}",
                    if r.kind == BalanceKind::Deficit {
                        "deficit"
                    } else {
                        "surplus"
                    },
                    flow.name()
                );
                return c;
            }
            r.since.map(|s| s.0)
        } else {
            match self.flow_record(year, flow) {
                Some(s) => s,
                None => {
                    c.verdict = Verdict::Differs;
                    c.note = self.no_record_note(year, flow);
                    return c;
                }
            }
        };
        c.computed = data_since.map(f64::from);
        let name = flow.name();
        let first = self.d.analysis.years.first().map_or(year, |y| y.year);
        let data_words = match data_since {
            Some(y) => {
                let missing: Vec<i32> = (y + 1..year)
                    .filter(|k| self.d.value(*k, flow).is_none())
                    .collect();
                let gap = if missing.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; the data has no figures for {}",
                        crate::narrate::year_list(&missing)
                    )
                };
                let then = self
                    .d
                    .value(y, flow)
                    .map_or(String::new(), |v| format!(" ({})", money_en(v.abs())));
                format!("the largest since {y}{then}{gap}")
            }
            None => {
                // "Largest until 2019": a later year beat it.
                let until = if flow.is_balance() {
                    self.d.analysis.record_for(year).and_then(|r| r.until)
                } else {
                    None
                };
                let until = until.map_or(String::new(), |u| format!(", until {u}"));
                format!("the largest in the data, which begins in {first}{until}")
            }
        };
        c.verdict = if data_since == stated_since {
            Verdict::Match
        } else {
            Verdict::Differs
        };
        let now = self
            .d
            .value(year, flow)
            .map_or(String::new(), |v| format!(" of {}", money_en(v.abs())));
        c.note = format!("the data gives: the {year} {name}{now} is {data_words}");
        c
    }

    /// "Largest since" for exports, imports or total trade: the latest earlier year
    /// with a larger figure (`Some(None)`: larger than every earlier year); `None`
    /// when the year's figure is not above the previous year's.
    fn flow_record(&self, year: i32, flow: FlowRef) -> Option<Option<i32>> {
        let now = self.d.value(year, flow)?;
        let earlier: Vec<(i32, f64)> = self
            .d
            .analysis
            .years
            .iter()
            .filter(|y| y.year < year)
            .filter_map(|y| self.d.value(y.year, flow).map(|v| (y.year, v)))
            .collect();
        let (_, prev) = *earlier.last()?;
        if prev >= now {
            return None;
        }
        Some(
            earlier
                .iter()
                .rev()
                .find(|(_, v)| *v > now)
                .map(|(y, _)| *y),
        )
    }

    fn no_record_note(&self, year: i32, flow: FlowRef) -> String {
        let prev = self
            .d
            .analysis
            .years
            .iter()
            .rev()
            .filter(|y| y.year < year)
            .find_map(|y| self.d.value(y.year, flow).map(|v| (y.year, v)));
        match (self.d.value(year, flow), prev) {
            (Some(now), Some((py, pv))) => format!(
                "no record: the {} of {} in {year} was not larger than in {py} ({})",
                flow.name(),
                money_en(now.abs()),
                money_en(pv.abs())
            ),
            _ => format!(
                "no record: the data has no earlier {} to compare",
                flow.name()
            ),
        }
    }

    /// "The first deficit since 2019": that year on the same side, the years between
    /// on the other.
    fn first_since(&self, mut c: Claim, year: i32, since: i32, flow: FlowRef) -> Claim {
        let side = |y: i32| self.d.value(y, FlowRef::Balance).map(|b| b < 0.0);
        let want_deficit = flow != FlowRef::Surplus;
        let now = side(year);
        let last_same = self
            .d
            .analysis
            .years
            .iter()
            .rev()
            .filter(|y| y.year < year)
            .find(|y| side(y.year) == Some(want_deficit))
            .map(|y| y.year);
        c.computed = last_same.map(f64::from);
        let ok =
            now == Some(want_deficit)
                && last_same == Some(since)
                && self.d.analysis.years.iter().any(|y| {
                    y.year > since && y.year < year && side(y.year) == Some(!want_deficit)
                });
        c.verdict = if ok { Verdict::Match } else { Verdict::Differs };
        c.note = match last_same {
            Some(y) => format!(
                "the data's previous {} before {year} is in {y}",
                if want_deficit { "deficit" } else { "surplus" }
            ),
            None => "the data has no earlier year on that side".into(),
        };
        c
    }
}

/// What a record claim says the record runs since.
#[derive(Clone, Copy, Debug)]
enum Since {
    Year(i32),
    Years(u32),
    Ever,
    First(i32),
}

fn money_short(v: f64) -> String {
    money_en(v)
}

/// True when `computed` (dollars) is the stated amount, read with its hedge.
pub(super) fn within(computed: f64, a: &Amount, hedge: Hedge) -> bool {
    within_dec(computed, a.value, a.high, hedge)
}

/// True when a fraction is the stated percentage; `permille` is the chart's own
/// rounding to tenths, used when the article states tenths.
fn within_fraction(fraction: f64, permille: Option<u32>, a: &Amount, hedge: Hedge) -> bool {
    let pct = match permille {
        Some(pm) if a.value.prec == -1 && hedge == Hedge::Exact => f64::from(pm) / 10.0,
        _ => fraction * 100.0,
    };
    within_dec(pct, a.value, a.high, hedge)
}

fn within_dec(c: f64, v: Dec, high: Option<Dec>, hedge: Hedge) -> bool {
    let p = pow10(v.prec);
    let s = v.value();
    let eps = 1e-9 * s.abs().max(p);
    let rounded = (c / p).round() * p;
    if let Some(h) = high {
        let hp = pow10(h.prec.min(v.prec));
        let r = (c / hp).round() * hp;
        return r >= s - eps && r <= h.value() + eps;
    }
    let eq = (rounded - s).abs() <= eps;
    match hedge {
        Hedge::Exact => eq,
        Hedge::About => eq || (c - s).abs() <= 0.05 * s + eps,
        Hedge::Nearly => c <= s + p / 2.0 && c >= 0.9 * s - eps,
        Hedge::Over { inclusive } => {
            (c > s + eps || (inclusive && (c - s).abs() <= eps)) && c <= s + p + eps
        }
        Hedge::Under { inclusive } => {
            (c < s - eps || (inclusive && (c - s).abs() <= eps)) && c >= s - p - eps
        }
    }
}
