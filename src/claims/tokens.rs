//! An article as tokens: words, amounts (money, percentages), years, punctuation and
//! breaks, each with its place in the text in characters.
//!
//! A hand tokenizer rather than regular expressions: one pass over the characters,
//! no regex engine in the WebAssembly, and the numbers kept exact (a mantissa and a
//! power of ten) so that "the precision stated" is known digit by digit. Only ASCII
//! and Hangul are classified: the standard library's Unicode tables would add
//! kilobytes to the wasm for letters that never make a figure.

/// A decimal number as written: `mant × 10^exp`, with its last stated digit at `10^prec`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dec {
    /// The digits.
    pub mant: u64,
    /// The power of ten of the last digit.
    pub exp: i32,
    /// The power of ten of the last significant digit: `exp` when decimals were written
    /// ("1.70 billion": tens of millions), else where the trailing zeros begin
    /// ("290 million": tens of millions, as a reader takes a round figure).
    pub prec: i32,
}

impl Dec {
    /// The number as a float.
    pub fn value(&self) -> f64 {
        // Dividing by an exact power of ten gives the nearest float to 57.5 or 0.29;
        // multiplying by 0.1 would not.
        if self.exp < 0 {
            self.mant as f64 / pow10(-self.exp)
        } else {
            self.mant as f64 * pow10(self.exp)
        }
    }

    /// The number times `10^pow`.
    fn scaled(self, pow: i32) -> Dec {
        Dec {
            mant: self.mant,
            exp: self.exp + pow,
            prec: self.prec + pow,
        }
    }

    /// The power of ten of the last non-zero digit.
    fn last_nonzero(&self) -> i32 {
        let (mut m, mut e) = (self.mant, self.exp);
        while m != 0 && m % 10 == 0 {
            m /= 10;
            e += 1;
        }
        e
    }
}

/// `10^e` as a float.
pub fn pow10(e: i32) -> f64 {
    10f64.powi(e)
}

/// The currency an amount is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Currency {
    /// US dollars: the data's unit.
    Usd,
    /// Any other, by the name a note uses ("won", "yuan").
    Other(&'static str),
}

/// What an amount measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A bare number: a count, a day, an article number. Not a figure.
    Bare,
    /// Money.
    Money(Currency),
    /// A percentage.
    Percent,
    /// Percentage points.
    Points,
}

/// How an amount was written, so that the data's figure can be written the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Digits with an English scale: the power of the scale and its word
    /// (`(9, " billion")`, `(6, "M")`, `(0, "")`).
    En(i32, &'static str),
    /// Korean units: 17억 4천만.
    Ko,
}

/// A number with its unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Amount {
    /// The number (the low end of a range), in dollars or percent.
    pub value: Dec,
    /// The high end of a range ("$2 billion to $3 billion", "2억~3억 달러").
    pub high: Option<Dec>,
    /// What it measures.
    pub unit: Unit,
    /// How it was written.
    pub style: Style,
    /// True when a currency sign or word was written before it ("$2", not "2 billion").
    pub prefixed: bool,
}

/// One token.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// A word, ASCII lower-cased; a Hangul word keeps its particles ("수출은").
    Word(String),
    /// A number and its unit.
    Amount(Amount),
    /// A year: "2017", "2023년".
    Year(i32),
    /// "4년" in "4년래", "4년 만에": a number of years.
    Years(u32),
    /// A number that is part of something else: a date, a phone number, "13th", "G20".
    Other,
    /// Punctuation inside a sentence.
    Punct(char),
    /// The end of a sentence.
    SentenceEnd,
    /// A blank line: the end of a paragraph (and of a sentence).
    ParagraphEnd,
}

/// A token and its place: character offsets `start..end` into the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// What it is.
    pub tok: Tok,
    /// The first character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// True for a Hangul syllable or jamo.
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '\'' || c == '\u{2019}'
}

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// True for an English month name or its abbreviation.
pub fn is_month(word: &str) -> bool {
    MONTHS.contains(&word.trim_end_matches('.'))
}

/// Words before a full stop that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "no", "vs", "etc", "inc", "co", "corp", "ltd", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est",
];

/// English scales after a number: (text, power, style suffix, needs a currency before
/// it). Longest first so that "bn" is not read as "b".
const SCALES: &[(&str, i32, &str, bool)] = &[
    ("trillion", 12, " trillion", false),
    ("billion", 9, " billion", false),
    ("million", 6, " million", false),
    ("thousand", 3, " thousand", false),
    ("bln", 9, "bn", true),
    ("mln", 6, "m", true),
    ("trn", 12, "tn", true),
    ("bn", 9, "bn", true),
    ("mn", 6, "m", true),
    ("tn", 12, "tn", true),
    ("b", 9, "B", true),
    ("m", 6, "M", true),
    ("k", 3, "K", true),
];

/// Currency words after a number (ASCII lower case or Hangul), longest first.
const CURRENCY_AFTER: &[(&str, Currency)] = &[
    ("us dollars", Currency::Usd),
    ("u.s. dollars", Currency::Usd),
    ("american dollars", Currency::Usd),
    ("dollars", Currency::Usd),
    ("dollar", Currency::Usd),
    ("usd", Currency::Usd),
    ("달러", Currency::Usd),
    ("불", Currency::Usd),
    ("won", Currency::Other("won")),
    ("원", Currency::Other("won")),
    ("yuan", Currency::Other("yuan")),
    ("renminbi", Currency::Other("yuan")),
    ("위안", Currency::Other("yuan")),
    ("euros", Currency::Other("euros")),
    ("유로", Currency::Other("euros")),
    ("yen", Currency::Other("yen")),
    ("엔", Currency::Other("yen")),
];

/// Percentage words after a number, longest first: (text, points).
const PERCENT_AFTER: &[(&str, bool)] = &[
    ("percentage points", true),
    ("percentage point", true),
    ("퍼센트포인트", true),
    ("%포인트", true),
    ("％포인트", true),
    ("%p", true),
    ("pp", true),
    ("percent", false),
    ("per cent", false),
    ("퍼센트", false),
    ("pct", false),
    ("%", false),
    ("％", false),
];

struct Scanner<'a> {
    c: &'a [char],
    i: usize,
    out: Vec<Token>,
}

/// Splits an article (as characters) into tokens. Linear in its length.
pub fn tokenize(chars: &[char]) -> Vec<Token> {
    let mut s = Scanner {
        c: chars,
        i: 0,
        out: Vec::new(),
    };
    s.run();
    s.out
}

impl Scanner<'_> {
    fn at(&self, i: usize) -> char {
        self.c.get(i).copied().unwrap_or('\0')
    }

    fn push(&mut self, tok: Tok, start: usize, end: usize) {
        self.out.push(Token { tok, start, end });
    }

    /// True when `word` (ASCII lower case or Hangul) is at `i`, case-insensitively,
    /// and not followed by another ASCII letter; returns its end.
    fn word_at(&self, i: usize, word: &str) -> Option<usize> {
        let mut j = i;
        for w in word.chars() {
            let c = self.at(j);
            if c.to_ascii_lowercase() != w {
                return None;
            }
            j += 1;
        }
        let last_ascii = word.chars().last().is_some_and(|c| c.is_ascii_alphabetic());
        if last_ascii && self.at(j).is_ascii_alphabetic() {
            return None;
        }
        Some(j)
    }

    fn skip_spaces(&self, mut i: usize) -> usize {
        while matches!(self.at(i), ' ' | '\t' | '\u{a0}') {
            i += 1;
        }
        i
    }

    fn run(&mut self) {
        while self.i < self.c.len() {
            let c = self.at(self.i);
            let start = self.i;
            if c.is_whitespace() {
                let mut newlines = 0;
                while self.i < self.c.len() && self.at(self.i).is_whitespace() {
                    newlines += usize::from(self.at(self.i) == '\n');
                    self.i += 1;
                }
                if newlines >= 2 {
                    self.push(Tok::ParagraphEnd, start, self.i);
                }
            } else if c.is_ascii_digit() {
                self.number(start, None);
            } else if let Some((cur, end)) = self.currency_before(start) {
                let j = self.skip_spaces(end);
                if self.at(j).is_ascii_digit() {
                    self.i = j;
                    self.number(start, Some(cur));
                } else {
                    self.i = end;
                    self.push(Tok::Punct(c), start, end);
                }
            } else if c.is_ascii_alphabetic() {
                self.word(start);
            } else if is_hangul(c) {
                while self.i < self.c.len() && is_hangul(self.at(self.i)) {
                    self.i += 1;
                }
                let w: String = self.c[start..self.i].iter().collect();
                self.push(Tok::Word(w), start, self.i);
            } else if matches!(c, '.' | '!' | '?' | '\u{3002}') {
                self.i += 1;
                // Closing quotes and brackets belong to the sentence they close.
                while matches!(self.at(self.i), '"' | '\'' | '\u{201d}' | '\u{2019}' | ')') {
                    self.i += 1;
                }
                let next = self.at(self.i);
                let ends = (next == '\0' || next.is_whitespace()) && !self.abbreviation(start);
                if ends {
                    self.push(Tok::SentenceEnd, start, self.i);
                } else {
                    self.push(Tok::Punct(c), start, self.i);
                }
            } else {
                self.i += 1;
                self.push(Tok::Punct(c), start, self.i);
            }
        }
    }

    /// True when the full stop at `dot` ends an abbreviation ("Mr.", "U.S.", "No.").
    fn abbreviation(&self, dot: usize) -> bool {
        let Some(Token {
            tok: Tok::Word(w),
            end,
            ..
        }) = self.out.last()
        else {
            return false;
        };
        if *end != dot {
            return false;
        }
        let bare = w.trim_end_matches('.');
        // "U.S." and "U.N.": single letters with stops.
        (bare.len() == 1 && bare.chars().all(|c| c.is_ascii_alphabetic()))
            || w.contains('.')
            || ABBREVIATIONS.contains(&bare)
    }

    fn word(&mut self, start: usize) {
        // "US$1.7bn", "U.S. $": a currency sign right after letters.
        let mut i = start;
        loop {
            while is_word_char(self.at(i)) {
                i += 1;
            }
            // "COVID-19", "MiG-29", "K-pop": a hyphen inside a word; "U.S.": stops inside.
            let c = self.at(i);
            if (c == '-' || c == '.') && self.at(i + 1).is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            break;
        }
        let w: String = self.c[start..i]
            .iter()
            .map(|c| c.to_ascii_lowercase())
            .collect();
        self.i = i;
        self.push(Tok::Word(w), start, i);
    }

    /// A currency sign or code before a number: "$", "US$", "$US", "USD", "₩", "€".
    fn currency_before(&self, i: usize) -> Option<(Currency, usize)> {
        let c = self.at(i);
        let usd = Currency::Usd;
        match c {
            '$' => {
                let j = i + 1;
                // "$US3.3 billion"
                let j = if self.at(j) == 'U'
                    && self.at(j + 1) == 'S'
                    && !self.at(j + 2).is_ascii_alphabetic()
                {
                    j + 2
                } else {
                    j
                };
                Some((usd, j))
            }
            'U' | 'u' => {
                // "US$", "U.S.$", "USD 1.7 billion"
                for (text, needs_digit) in [("us$", false), ("u.s.$", false), ("usd", true)] {
                    if let Some(end) = self.prefix_at(i, text) {
                        let after = self.skip_spaces(end);
                        if !needs_digit || self.at(after).is_ascii_digit() {
                            return Some((usd, end));
                        }
                    }
                }
                None
            }
            '\u{20a9}' | '\u{ffe6}' => Some((Currency::Other("won"), i + 1)),
            '\u{20ac}' => Some((Currency::Other("euros"), i + 1)),
            '\u{a3}' => Some((Currency::Other("pounds"), i + 1)),
            '\u{a5}' | '\u{ffe5}' => Some((Currency::Other("yuan or yen"), i + 1)),
            _ => None,
        }
    }

    /// `text` at `i`, ASCII case-insensitively, without a word-boundary check.
    fn prefix_at(&self, i: usize, text: &str) -> Option<usize> {
        let mut j = i;
        for w in text.chars() {
            if self.at(j).to_ascii_lowercase() != w {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// Digits with thousands separators and decimals at `i`: the number and its end.
    /// `None` when they are not a number by themselves ("1.2.3").
    fn digits(&self, mut i: usize) -> (Dec, usize, bool) {
        let mut mant: u64 = 0;
        let mut digits = 0u32;
        let mut exp = 0i32;
        let mut decimals = false;
        let mut push = |d: char, mant: &mut u64| {
            if digits < 18 {
                *mant = *mant * 10 + u64::from(d as u8 - b'0');
                digits += 1;
                true
            } else {
                false
            }
        };
        loop {
            let c = self.at(i);
            if c.is_ascii_digit() {
                if !push(c, &mut mant) {
                    exp += 1;
                }
                i += 1;
            } else if c == ','
                && (1..=3).all(|k| self.at(i + k).is_ascii_digit())
                && !self.at(i + 4).is_ascii_digit()
                && !decimals
            {
                i += 1;
            } else {
                break;
            }
        }
        if self.at(i) == '.' && self.at(i + 1).is_ascii_digit() {
            decimals = true;
            i += 1;
            while self.at(i).is_ascii_digit() {
                if push(self.at(i), &mut mant) {
                    exp -= 1;
                }
                i += 1;
            }
        }
        let d = Dec {
            mant,
            exp,
            prec: exp,
        };
        let d = if decimals {
            d
        } else {
            Dec {
                prec: d.last_nonzero(),
                ..d
            }
        };
        (d, i, decimals)
    }

    /// A number at `self.i` and what follows it; `currency` when a sign came before.
    fn number(&mut self, start: usize, currency: Option<Currency>) {
        let num_start = self.i;
        let (first, i, _) = self.digits(num_start);
        let prev = num_start.checked_sub(1).map_or('\0', |p| self.at(p));
        // Glued to letters before ("G20") or part of a dotted or dashed code.
        if currency.is_none() && (prev.is_ascii_alphabetic() || prev == '.') {
            return self.other(start, i);
        }
        // "1.2.3", "10:30", "02-123-4567", "2024-01-05": not amounts.
        let next = self.at(i);
        if (matches!(next, '.' | ':' | '/') && self.at(i + 1).is_ascii_digit())
            || (prev == '-' && currency.is_none())
        {
            return self.other_run(start, i);
        }
        // Korean units: 17억 4천만, 2억9천만, 4천170만, 1조 2천억.
        if matches!(next, '조' | '억' | '만' | '천' | '백' | '십') {
            let (value, end, _) = self.korean(num_start);
            return self.after_number(start, end, value, Style::Ko, currency);
        }
        // "$2-3 billion", "2016-2017", "02-123-4567"
        if matches!(next, '-' | '\u{2013}') && self.at(i + 1).is_ascii_digit() {
            let (second, end2, _) = self.digits(i + 1);
            let after = self.at(end2);
            if matches!(after, '-' | '.' | '/' | ':') && self.at(end2 + 1).is_ascii_digit() {
                return self.other_run(start, end2);
            }
            let is_year = |d: &Dec| d.exp == 0 && (1900..=2100).contains(&d.mant);
            if currency.is_none() && is_year(&first) && (is_year(&second) || second.mant < 100) {
                // A span of years: 2016-2017, 2016–17.
                self.push(Tok::Year(first.mant as i32), start, i);
                let y2 = if is_year(&second) {
                    second.mant
                } else {
                    first.mant / 100 * 100 + second.mant
                };
                self.push(Tok::Punct('-'), i, i + 1);
                self.i = end2;
                self.push(Tok::Year(y2 as i32), i + 1, end2);
                return;
            }
            // A range of amounts that share what follows the second number.
            let before = self.out.len();
            self.i = end2;
            self.after_number(i + 1, end2, second, Style::En(0, ""), currency);
            if let Some(Token {
                tok: Tok::Amount(a),
                start: s2,
                end,
            }) = self.out.last().cloned()
            {
                if self.out.len() == before + 1 && a.unit != Unit::Bare && s2 == i + 1 {
                    let pow = match a.style {
                        Style::En(p, _) => p,
                        Style::Ko => 0,
                    };
                    let lo = first.scaled(pow);
                    self.out.pop();
                    self.push(
                        Tok::Amount(Amount {
                            value: lo,
                            high: Some(a.value),
                            ..a
                        }),
                        start,
                        end,
                    );
                    return;
                }
            }
            self.out.truncate(before);
            return self.other_run(start, end2);
        }
        self.after_number(start, i, first, Style::En(0, ""), currency);
    }

    /// A Korean number from `i`: groups of digits with 천, 백, 십 inside a group of four
    /// and 만, 억, 조 between groups, glued or one space apart ("17억 4천만", "2억9천만").
    fn korean(&self, mut i: usize) -> (Dec, usize, bool) {
        let mut terms: Vec<Dec> = Vec::new();
        let mut group: Vec<Dec> = Vec::new();
        let mut any_decimals = false;
        let mut end = i;
        while self.at(i).is_ascii_digit() {
            let (d, e, dec) = self.digits(i);
            any_decimals |= dec;
            let mut j = e;
            let small = match self.at(j) {
                '천' => 3,
                '백' => 2,
                '십' => 1,
                _ => 0,
            };
            if small > 0 {
                j += 1;
            }
            group.push(d.scaled(small));
            end = j;
            // "4천170만": more digits in the same group.
            if small > 0 && self.at(j).is_ascii_digit() {
                i = j;
                continue;
            }
            let big = match self.at(j) {
                '만' => 4,
                '억' => 8,
                '조' => 12,
                _ => break,
            };
            terms.extend(group.drain(..).map(|d| d.scaled(big)));
            j += 1;
            end = j;
            let k = self.skip_spaces(j);
            let (_, dend, _) = self.digits(k);
            let more = k - j <= 1
                && self.at(k).is_ascii_digit()
                && matches!(self.at(dend), '천' | '백' | '십' | '만' | '억' | '조');
            if !more {
                break;
            }
            i = k;
        }
        terms.append(&mut group);
        let total = sum(&terms);
        // Without decimals the last non-zero digit is the precision (17억 4천만: 10^7);
        // with them ("17.4억"), the last decimal written.
        let prec = if any_decimals {
            terms.iter().map(|d| d.prec).min().unwrap_or(total.exp)
        } else {
            total.last_nonzero()
        };
        (Dec { prec, ..total }, end, any_decimals)
    }

    /// The unit after a number that ends at `end`: scale, currency, percent, 년.
    fn after_number(
        &mut self,
        start: usize,
        end: usize,
        value: Dec,
        style: Style,
        currency: Option<Currency>,
    ) {
        let mut i = end;
        let mut value = value;
        let mut style = style;
        // Ordinals and codes: "13th", "3rd", "5G"; a scale glued on needs a currency.
        if self.at(i).is_ascii_alphabetic() {
            let scale = SCALES
                .iter()
                .find_map(|s| self.word_at(i, s.0).map(|e| (s, e)));
            match scale {
                Some(((_, p, suffix, _), e)) if currency.is_some() => {
                    value = value.scaled(*p);
                    style = Style::En(*p, suffix);
                    i = e;
                }
                _ => return self.other(start, i),
            }
        } else if style == Style::En(0, "") {
            let j = self.skip_spaces(i);
            if j > i {
                let scale = SCALES
                    .iter()
                    .filter(|(_, _, _, glued)| !glued || currency.is_some())
                    .find_map(|s| self.word_at(j, s.0).map(|e| (s, e)));
                if let Some(((_, p, suffix, _), e)) = scale {
                    value = value.scaled(*p);
                    style = Style::En(*p, suffix);
                    i = e;
                }
            }
        }
        let j = self.skip_spaces(i);
        // A percentage: "57.5%", "57.5 percent", "57.5퍼센트", "4.5%p", "4.5 percentage points".
        if currency.is_none() {
            for (t, points) in PERCENT_AFTER {
                let found = self.prefix_at(i, t).or_else(|| self.prefix_at(j, t));
                let Some(e) = found else { continue };
                let wordy = t.ends_with(|c: char| c.is_ascii_alphabetic());
                if wordy && self.at(e).is_ascii_alphabetic() {
                    continue;
                }
                let unit = if *points { Unit::Points } else { Unit::Percent };
                self.i = e;
                // A percentage is as precise as its last digit: "90%" is not "about 90%".
                let a = Amount {
                    value: Dec {
                        prec: value.exp,
                        ..value
                    },
                    high: None,
                    unit,
                    style,
                    prefixed: false,
                };
                return self.push(Tok::Amount(a), start, e);
            }
        }
        // A currency after: "1.74 billion dollars", "2억9천만달러", "1조 2천억 원".
        let mut unit = currency.map(Unit::Money);
        let mut stop = i;
        if unit.is_none() {
            for (t, cur) in CURRENCY_AFTER {
                let korean = t.starts_with(is_hangul);
                let found = if korean {
                    self.prefix_at(i, t).or_else(|| self.prefix_at(j, t))
                } else {
                    self.word_at(j, t)
                };
                let Some(e) = found else { continue };
                // "원" and "불" also begin other words ("원산", "불법"): only alone or
                // with a particle.
                let next = self.at(e);
                let particle = matches!(
                    next,
                    '이' | '을'
                        | '에'
                        | '으'
                        | '은'
                        | '도'
                        | '로'
                        | '의'
                        | '씩'
                        | '대'
                        | '과'
                        | '와'
                        | '가'
                        | '어'
                        | '규'
                        | '정'
                );
                if matches!(*t, "원" | "불") && is_hangul(next) && !particle {
                    continue;
                }
                unit = Some(Unit::Money(*cur));
                stop = e;
                break;
            }
        }
        let plain = value.exp == 0 && style == Style::En(0, "");
        let year_like = plain && (1900..=2100).contains(&value.mant);
        match unit {
            Some(u) => {
                self.i = stop;
                let a = Amount {
                    value,
                    high: None,
                    unit: u,
                    style,
                    prefixed: currency.is_some(),
                };
                self.push(Tok::Amount(a), start, stop);
                self.range();
            }
            None if plain && self.at(i) == '년' => {
                // "2023년"; "2024년 3월" is a date; "4년" in "4년래" a number of years.
                let k = self.skip_spaces(i + 1);
                let (_, dend, _) = self.digits(k);
                self.i = i + 1;
                let tok = if !year_like {
                    Tok::Years(value.mant.min(1000) as u32)
                } else if self.at(k).is_ascii_digit() && self.at(dend) == '월' {
                    Tok::Other
                } else {
                    Tok::Year(value.mant as i32)
                };
                self.push(tok, start, i + 1);
            }
            None if year_like && !self.date_before(true) => {
                self.i = i;
                self.push(Tok::Year(value.mant as i32), start, i);
            }
            None => {
                self.i = i;
                // Days and months are not amounts ("March 5", "5일", "3월").
                let tok = if self.date_before(false)
                    || matches!(self.at(i), '월' | '일' | '시' | '분')
                {
                    Tok::Other
                } else {
                    Tok::Amount(Amount {
                        value,
                        high: None,
                        unit: Unit::Bare,
                        style,
                        prefixed: false,
                    })
                };
                self.push(tok, start, i);
            }
        }
    }

    /// True when the tokens before make this number part of a date: a day after a
    /// month ("March 5"), a year after a day and a month ("March 5, 2019", "5 March
    /// 2019"). A year after a month alone ("May 2023") is still a year.
    fn date_before(&self, year: bool) -> bool {
        let n = self.out.len();
        let month =
            |k: usize| matches!(self.out.get(k).map(|t| &t.tok), Some(Tok::Word(w)) if is_month(w));
        let day = |k: usize| match self.out.get(k).map(|t| &t.tok) {
            Some(Tok::Other) => true,
            Some(Tok::Amount(a)) => {
                a.unit == Unit::Bare && a.value.exp == 0 && (1..=31).contains(&a.value.mant)
            }
            _ => false,
        };
        let comma = |k: usize| matches!(self.out.get(k).map(|t| &t.tok), Some(Tok::Punct(',')));
        if !year {
            return n >= 1 && month(n - 1);
        }
        (n >= 2 && day(n - 1) && month(n - 2))
            || (n >= 3 && comma(n - 1) && day(n - 2) && month(n - 3))
            || (n >= 2 && month(n - 1) && day(n - 2))
    }

    /// Joins the money just pushed with an amount before it into a range:
    /// "$2 billion to $3 billion", "between $2 billion and $3 billion", "2억~3억 달러".
    fn range(&mut self) {
        let n = self.out.len();
        if n < 3 {
            return;
        }
        let (Tok::Amount(hi), Tok::Amount(lo)) = (&self.out[n - 1].tok, &self.out[n - 3].tok)
        else {
            return;
        };
        let joiner = match &self.out[n - 2].tok {
            Tok::Word(w) => w == "to" || (w == "and" && self.between(n - 3)),
            Tok::Punct(c) => matches!(c, '-' | '\u{2013}' | '~' | '\u{301c}' | '\u{ff5e}'),
            _ => false,
        };
        if !joiner || matches!(lo.unit, Unit::Percent | Unit::Points) {
            return;
        }
        // "from $1.6 billion to $1.7 billion" is a change, not a range.
        if n >= 4 && matches!(&self.out[n - 4].tok, Tok::Word(w) if w == "from") {
            return;
        }
        let (hi, lo) = (*hi, *lo);
        let lo_value = match (lo.unit, lo.style, hi.style) {
            // A bare low end takes the high end's scale: "$2-3 billion", "2~3억 달러".
            (Unit::Bare, Style::En(0, _), Style::En(p, _)) => lo.value.scaled(p),
            (Unit::Bare | Unit::Money(_), _, _) => lo.value,
            _ => return,
        };
        if lo_value.value() > hi.value.value() {
            return;
        }
        let start = self.out[n - 3].start;
        let end = self.out[n - 1].end;
        self.out.truncate(n - 3);
        self.push(
            Tok::Amount(Amount {
                value: lo_value,
                high: Some(hi.value),
                prefixed: lo.prefixed || hi.prefixed,
                ..hi
            }),
            start,
            end,
        );
    }

    fn between(&self, k: usize) -> bool {
        k >= 1 && matches!(&self.out[k - 1].tok, Tok::Word(w) if w == "between")
    }

    /// A number glued to other characters: consumed whole, not an amount.
    fn other(&mut self, start: usize, end: usize) {
        let mut j = end;
        while self.at(j).is_ascii_alphanumeric() {
            j += 1;
        }
        self.i = j;
        self.push(Tok::Other, start, j);
    }

    /// A run of digits and separators ("02-123-4567", "10:30", "1.2.3"): one token.
    fn other_run(&mut self, start: usize, end: usize) {
        let mut j = end;
        while self.at(j).is_ascii_digit()
            || (matches!(self.at(j), '-' | '.' | ':' | '/' | ')' | '(')
                && self.at(j + 1).is_ascii_digit())
        {
            j += 1;
        }
        self.i = j;
        self.push(Tok::Other, start, j);
    }
}

/// The exact sum of decimals (saturating far beyond any trade figure).
fn sum(terms: &[Dec]) -> Dec {
    let Some(min) = terms.iter().map(|d| d.exp).min() else {
        return Dec {
            mant: 0,
            exp: 0,
            prec: 0,
        };
    };
    let mut total: u128 = 0;
    for d in terms {
        let k = (d.exp - min).clamp(0, 30) as u32;
        total = total.saturating_add(u128::from(d.mant).saturating_mul(10u128.pow(k)));
    }
    let mut exp = min;
    while total > u128::from(u64::MAX) || (total != 0 && total % 10 == 0) {
        total /= 10;
        exp += 1;
    }
    Dec {
        mant: total as u64,
        exp,
        prec: exp,
    }
}
