//! Cue words in English and Korean: which flow a figure is about, how it is hedged,
//! whether a percentage is a change, and the words of record claims.
//!
//! English words are matched whole (lower case); Korean words carry their particles
//! ("수출은", "적자를"), so Korean cues are found inside a word.

use super::FlowRef;

/// True when `text` holds `part`: bytes compared, without the standard library's
/// substring searcher, whose panic path brings Unicode tables into the wasm (see
/// `crate::small`).
pub fn has(text: &str, part: &str) -> bool {
    crate::small::split_once(text, part).is_some()
}

/// A flow cue and how strongly it names a flow: "deficit" or "exports" do; "trade"
/// alone only when nothing else does ("trade deficit" is a deficit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlowCue {
    /// The flow.
    pub flow: FlowRef,
    /// False for the weak cue "trade" / "교역".
    pub strong: bool,
    /// True when a Korean verb or "어치" makes it bind to the figure before it
    /// ("2억9천만 달러어치를 수출했다").
    pub verb: bool,
}

const EXPORTS: &[&str] = &[
    "export",
    "exports",
    "exported",
    "exporting",
    "sold",
    "sell",
    "sells",
    "selling",
    "sales",
    "shipped",
    "shipments",
    "shipment",
    "outbound",
];
const IMPORTS: &[&str] = &[
    "import",
    "imports",
    "imported",
    "importing",
    "bought",
    "buy",
    "buys",
    "buying",
    "purchases",
    "purchased",
    "purchase",
    "spent",
    "inbound",
];
const DEFICIT: &[&str] = &["deficit", "deficits", "shortfall"];
const SURPLUS: &[&str] = &["surplus", "surpluses"];
const BALANCE: &[&str] = &["balance", "gap"];
const TOTAL: &[&str] = &[
    "trade",
    "traded",
    "commerce",
    "turnover",
    "two-way",
    "bilateral",
];

/// The flow an English or Korean word names, if any.
pub fn flow_cue(word: &str) -> Option<FlowCue> {
    let strong = |flow| {
        Some(FlowCue {
            flow,
            strong: true,
            verb: false,
        })
    };
    if word.starts_with(super::tokens::is_hangul) {
        return korean_flow(word);
    }
    if EXPORTS.contains(&word) {
        strong(FlowRef::Exports)
    } else if IMPORTS.contains(&word) {
        strong(FlowRef::Imports)
    } else if DEFICIT.contains(&word) {
        strong(FlowRef::Deficit)
    } else if SURPLUS.contains(&word) {
        strong(FlowRef::Surplus)
    } else if BALANCE.contains(&word) {
        strong(FlowRef::Balance)
    } else if TOTAL.contains(&word) {
        Some(FlowCue {
            flow: FlowRef::Total,
            strong: false,
            verb: false,
        })
    } else {
        None
    }
}

fn korean_flow(word: &str) -> Option<FlowCue> {
    // Balance words first: "무역적자" is a deficit, not trade.
    let table: &[(&str, FlowRef, bool)] = &[
        ("적자", FlowRef::Deficit, true),
        ("흑자", FlowRef::Surplus, true),
        ("수지", FlowRef::Balance, true),
        ("수출입", FlowRef::Total, true),
        ("교역", FlowRef::Total, false),
        ("무역", FlowRef::Total, false),
        ("수출", FlowRef::Exports, true),
        ("수입", FlowRef::Imports, true),
        ("판매", FlowRef::Exports, true),
        ("팔았", FlowRef::Exports, true),
        ("사들", FlowRef::Imports, true),
        ("들여", FlowRef::Imports, true),
    ];
    for (cue, flow, strong) in table {
        if let Some((_, after)) = crate::small::split_once(word, cue) {
            // "수출했다", "수출한", "수입하고", "수출된": a verb, binding backwards.
            let verb = after.starts_with(['하', '했', '한', '된', '됐', '돼', '해'])
                || matches!(*cue, "팔았" | "사들" | "들여");
            return Some(FlowCue {
                flow: *flow,
                strong: *strong,
                verb,
            });
        }
    }
    None
}

/// How a figure is hedged, as a reader takes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hedge {
    /// No hedge: the data rounded to the stated precision must give the figure.
    Exact,
    /// "about", "약", "가량": within one unit of the last stated digit.
    About,
    /// "nearly", "거의", "가까이": at most the figure and within a tenth below it.
    Nearly,
    /// "more than", "over", "이상" (inclusive), "넘는": above it, by less than one unit
    /// of the last stated digit.
    Over {
        /// "at least", "이상": the figure itself counts.
        inclusive: bool,
    },
    /// "less than", "under", "미만", "이하" (inclusive): below it, by less than one unit.
    Under {
        /// "at most", "up to", "이하".
        inclusive: bool,
    },
}

impl Hedge {
    /// The hedge in words for notes.
    pub fn name(self) -> &'static str {
        match self {
            Hedge::Exact => "",
            Hedge::About => "about",
            Hedge::Nearly => "nearly",
            Hedge::Over { inclusive: false } => "more than",
            Hedge::Over { inclusive: true } => "at least",
            Hedge::Under { inclusive: false } => "less than",
            Hedge::Under { inclusive: true } => "at most",
        }
    }
}

/// English hedges before a figure, as word sequences (the last word next to the figure).
const HEDGES_BEFORE: &[(&[&str], Hedge)] = &[
    (&["more", "than"], Hedge::Over { inclusive: false }),
    (&["just", "over"], Hedge::Over { inclusive: false }),
    (&["in", "excess", "of"], Hedge::Over { inclusive: false }),
    (&["upwards", "of"], Hedge::Over { inclusive: false }),
    (&["north", "of"], Hedge::Over { inclusive: false }),
    (&["at", "least"], Hedge::Over { inclusive: true }),
    (&["over"], Hedge::Over { inclusive: false }),
    (&["above"], Hedge::Over { inclusive: false }),
    (&["exceeding"], Hedge::Over { inclusive: false }),
    (&["less", "than"], Hedge::Under { inclusive: false }),
    (&["fewer", "than"], Hedge::Under { inclusive: false }),
    (&["just", "under"], Hedge::Nearly),
    (&["just", "shy", "of"], Hedge::Nearly),
    (&["close", "to"], Hedge::Nearly),
    (&["at", "most"], Hedge::Under { inclusive: true }),
    (&["up", "to"], Hedge::Under { inclusive: true }),
    (&["under"], Hedge::Under { inclusive: false }),
    (&["below"], Hedge::Under { inclusive: false }),
    (&["nearly"], Hedge::Nearly),
    (&["almost"], Hedge::Nearly),
    (&["about"], Hedge::About),
    (&["around"], Hedge::About),
    (&["roughly"], Hedge::About),
    (&["approximately"], Hedge::About),
    (&["approx"], Hedge::About),
    (&["some"], Hedge::About),
    (&["estimated"], Hedge::About),
    (&["circa"], Hedge::About),
    (&["약"], Hedge::About),
    (&["거의"], Hedge::Nearly),
];

/// The hedge that the words just before a figure make (`before` ends next to it).
pub fn hedge_before(before: &[&str]) -> Hedge {
    for (words, hedge) in HEDGES_BEFORE {
        if before.len() >= words.len() && before[before.len() - words.len()..] == **words {
            return *hedge;
        }
    }
    Hedge::Exact
}

/// The hedge that a Korean word right after a figure makes ("이상", "넘는", "가까이").
pub fn hedge_after(word: &str) -> Option<Hedge> {
    let table: &[(&str, Hedge)] = &[
        ("이상", Hedge::Over { inclusive: true }),
        ("넘", Hedge::Over { inclusive: false }),
        ("를넘", Hedge::Over { inclusive: false }),
        ("을넘", Hedge::Over { inclusive: false }),
        ("초과", Hedge::Over { inclusive: false }),
        ("여", Hedge::Over { inclusive: false }),
        ("가까이", Hedge::Nearly),
        ("가량", Hedge::About),
        ("정도", Hedge::About),
        ("안팎", Hedge::About),
        ("내외", Hedge::About),
        ("미만", Hedge::Under { inclusive: false }),
        ("이하", Hedge::Under { inclusive: true }),
        ("남짓", Hedge::Over { inclusive: false }),
    ];
    table
        .iter()
        .find(|(w, _)| word.starts_with(w))
        .map(|(_, h)| *h)
}

/// Which way a change goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    /// Rose, grew, widened.
    Up,
    /// Fell, dived, narrowed.
    Down,
}

const UP: &[&str] = &[
    "up",
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "increase",
    "increased",
    "increases",
    "increasing",
    "grew",
    "grow",
    "grown",
    "grows",
    "growth",
    "jumped",
    "jump",
    "jumps",
    "surged",
    "surge",
    "surges",
    "soared",
    "soar",
    "climbed",
    "climb",
    "gained",
    "gain",
    "higher",
    "more",
    "expanded",
    "widened",
    "widen",
    "swelled",
    "rebounded",
];
const DOWN: &[&str] = &[
    "down",
    "fell",
    "fallen",
    "fall",
    "falls",
    "falling",
    "drop",
    "dropped",
    "drops",
    "declined",
    "decline",
    "declines",
    "decreased",
    "decrease",
    "dived",
    "dive",
    "dove",
    "plunged",
    "plunge",
    "plummeted",
    "slumped",
    "slump",
    "sank",
    "shrank",
    "shrunk",
    "tumbled",
    "lower",
    "less",
    "narrowed",
    "narrow",
    "contracted",
    "slid",
    "collapsed",
    "cut",
];

/// The way an English change word goes.
pub fn change_word(word: &str) -> Option<Way> {
    if word.starts_with(super::tokens::is_hangul) {
        return korean_change(word);
    }
    if UP.contains(&word) {
        Some(Way::Up)
    } else if DOWN.contains(&word) {
        Some(Way::Down)
    } else {
        None
    }
}

fn korean_change(word: &str) -> Option<Way> {
    const UP_KO: &[&str] = &[
        "증가", "늘", "급증", "상승", "확대", "뛰", "올랐", "성장", "폭증", "불어", "커졌",
    ];
    const DOWN_KO: &[&str] = &[
        "감소",
        "줄",
        "급감",
        "하락",
        "축소",
        "떨어",
        "곤두박질",
        "추락",
        "폭락",
        "급락",
        "쪼그라",
    ];
    if UP_KO.iter().any(|w| word.starts_with(w)) {
        Some(Way::Up)
    } else if DOWN_KO.iter().any(|w| word.starts_with(w)) {
        Some(Way::Down)
    } else {
        None
    }
}

/// Words that make a percentage a share ("accounted for 57.5%", "비중").
pub fn share_word(word: &str) -> bool {
    matches!(
        word,
        "accounted" | "account" | "accounts" | "share" | "made" | "make" | "makes" | "comprised"
    ) || ["비중", "차지", "점유"].iter().any(|w| has(word, w))
}

/// Words before a year that make it the year compared with, not the figure's year
/// ("from 2016", "since 2019", "compared with 2022").
pub fn comparison_before(word: &str) -> bool {
    matches!(
        word,
        "from" | "since" | "than" | "with" | "versus" | "vs" | "over" | "on"
    )
}

/// Korean words after a year that make it the year compared with ("2022년 대비",
/// "2019년보다", "2019년 이후").
pub fn comparison_after(word: &str) -> bool {
    [
        "대비",
        "보다",
        "에비해",
        "비해",
        "이후",
        "부터",
        "에서",
        "대비로",
    ]
    .iter()
    .any(|w| word.starts_with(w))
}

/// Words of money that trade data does not hold: reserves, output, aid.
pub fn not_trade(word: &str) -> bool {
    matches!(
        word,
        "reserves"
            | "reserve"
            | "gdp"
            | "budget"
            | "aid"
            | "investment"
            | "investments"
            | "remittances"
            | "revenue"
            | "revenues"
            | "earnings"
            | "output"
            | "loan"
            | "loans"
            | "debt"
            | "fine"
            | "fines"
            | "sanctions"
    ) || [
        "외환보유",
        "보유액",
        "국내총생산",
        "지원",
        "투자",
        "예산",
        "송금",
        "원조",
        "차관",
    ]
    .iter()
    .any(|w| has(word, w))
}

/// English number words for "largest in four years".
pub fn number_word(word: &str) -> Option<u32> {
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    words.iter().position(|w| *w == word).map(|i| i as u32 + 1)
}

/// Words that make a superlative a record claim.
pub fn superlative(word: &str) -> bool {
    matches!(
        word,
        "largest" | "biggest" | "widest" | "highest" | "greatest" | "deepest"
    )
}

/// Extra names for products that the seed stories name, by HS code: how reporters
/// write them in both languages besides the data's own label.
pub const PRODUCT_WORDS: &[(&str, &[&str])] = &[
    (
        "6704",
        &[
            "wigs and false eyelashes",
            "false eyelashes",
            "eyelashes",
            "wigs",
            "wig",
            "hairpieces",
            "가발과 인조 속눈썹",
            "가발",
            "속눈썹",
        ],
    ),
    (
        "6703",
        &[
            "wig materials",
            "wig-making materials",
            "human hair",
            "hair",
            "가발 재료",
            "가발용",
            "모발",
        ],
    ),
    (
        "72",
        &[
            "alloy steel",
            "iron and steel",
            "steel",
            "ferroalloys",
            "철강",
            "합금강",
            "합금철",
        ],
    ),
    ("2611", &["tungsten ores", "tungsten", "텅스텐"]),
    (
        "2716",
        &["electrical energy", "electricity", "power", "전력", "전기"],
    ),
    (
        "50-63",
        &[
            "textiles and fabrics",
            "textiles",
            "textile",
            "fabrics",
            "fabric",
            "섬유",
            "직물",
        ],
    ),
    (
        "39",
        &["plastic products", "plastics", "plastic", "플라스틱"],
    ),
    ("2701", &["coal", "석탄"]),
    ("27", &["mineral fuels", "fuel", "fuels", "광물성 연료"]),
];
