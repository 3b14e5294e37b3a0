//! Names for countries and products in each language, with the caller's overrides.

use crate::countries;
use crate::format::Lang;
use crate::model::CountryCode;

/// Country names to use instead of the built-in ones.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NameOverrides {
    /// `(code, name)` pairs; the name is used in every language.
    pub countries: Vec<(CountryCode, String)>,
}

/// A country's name: the override, else the table, else the code itself.
pub fn country_name(code: CountryCode, lang: Lang, overrides: &NameOverrides) -> String {
    if let Some((_, name)) = overrides.countries.iter().find(|(c, _)| *c == code) {
        return name.clone();
    }
    match (countries::by_alpha3(code.as_str()), lang) {
        (Some(c), Lang::En) => c.en.to_string(),
        (Some(c), Lang::Ko) => c.ko.to_string(),
        (None, _) => code.to_string(),
    }
}

/// English names that read with "the": "the United States", "the Philippines".
fn takes_the(name: &str) -> bool {
    name.starts_with("United ")
        || name.ends_with(" Islands")
        || name.ends_with(" Republic")
        || name.starts_with("Republic ")
        || matches!(
            name,
            "Netherlands" | "Philippines" | "Bahamas" | "Gambia" | "Maldives"
        )
}

/// A country as the subject of an English sentence: "North Korea", "the United States".
pub fn en_subject(name: &str) -> String {
    if takes_the(name) {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// The English possessive: "North Korea's", "the United States'".
pub fn en_possessive(name: &str) -> String {
    let subject = en_subject(name);
    if subject.ends_with('s') {
        format!("{subject}'")
    } else {
        format!("{subject}'s")
    }
}

/// Names for the products that the seed stories name, by HS code: (code, English, Korean).
const PRODUCTS: &[(&str, &str, &str)] = &[
    ("0501", "Human hair", "사람 머리카락"),
    ("26", "Ores, slag and ash", "광석·슬래그·회"),
    ("2611", "Tungsten ores", "텅스텐"),
    ("27", "Mineral fuels", "광물성 연료"),
    ("2716", "Electrical energy", "전력"),
    ("39", "Plastics", "플라스틱 제품"),
    ("50-63", "Textiles", "섬유·직물"),
    ("6703", "Wig materials", "가발 재료"),
    ("6704", "Wigs and false eyelashes", "가발과 인조 속눈썹"),
    (
        "67",
        "Wigs, feathers and artificial flowers",
        "가발·조제 우모",
    ),
    ("72", "Iron and steel", "철강"),
    ("9108", "Watch movements", "시계 무브먼트"),
];

/// A product's name in a language. Korean: the table's name where the code is known.
/// Otherwise the data's label; without one (the analysis then gives the code as the
/// label), the table's English name; else the code itself.
pub fn product_label(code: &str, label: &str, lang: Lang) -> String {
    let known = PRODUCTS.iter().find(|(c, _, _)| *c == code);
    if lang == Lang::Ko {
        if code == "other" {
            return "기타".into();
        }
        if let Some((_, _, ko)) = known {
            return (*ko).to_string();
        }
    }
    match known {
        Some((_, en, _)) if label == code || label.trim().is_empty() => (*en).to_string(),
        _ => shortened(label),
    }
}

/// The most characters of a product's name that sentences, tooltips and the data
/// table show: HS names run to about 250; a longer one is cut with "…", so that a
/// megabyte of label never reaches the page's text (the canvas cuts it shorter still).
pub const MAX_LABEL_CHARS: usize = 300;

fn shortened(label: &str) -> String {
    match label.char_indices().nth(MAX_LABEL_CHARS) {
        Some((i, _)) => format!("{}…", label[..i].trim_end()),
        None => label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> CountryCode {
        CountryCode::parse(s).unwrap()
    }

    #[test]
    fn a_label_longer_than_any_hs_name_is_cut() {
        let long = "가발 ".repeat(1000);
        let shown = product_label("6704x", &long, Lang::En);
        assert!(shown.chars().count() <= MAX_LABEL_CHARS + 1);
        assert!(shown.ends_with('…'));
        assert_eq!(product_label("1", "Short", Lang::En), "Short");
    }

    #[test]
    fn names_in_both_languages_with_overrides() {
        let none = NameOverrides::default();
        assert_eq!(country_name(code("PRK"), Lang::En, &none), "North Korea");
        assert_eq!(country_name(code("PRK"), Lang::Ko, &none), "북한");
        assert_eq!(country_name(code("CHN"), Lang::Ko, &none), "중국");
        assert_eq!(country_name(code("XKX"), Lang::En, &none), "XKX");
        let o = NameOverrides {
            countries: vec![(code("PRK"), "DPRK".into())],
        };
        assert_eq!(country_name(code("PRK"), Lang::En, &o), "DPRK");
    }

    #[test]
    fn english_grammar() {
        assert_eq!(en_possessive("North Korea"), "North Korea's");
        assert_eq!(en_possessive("United States"), "the United States'");
        assert_eq!(en_subject("Philippines"), "the Philippines");
        assert_eq!(en_subject("China"), "China");
    }

    #[test]
    fn product_labels() {
        assert_eq!(
            product_label("6704", "Wigs and false eyelashes", Lang::Ko),
            "가발과 인조 속눈썹"
        );
        assert_eq!(
            product_label("6704", "Wigs and false eyelashes", Lang::En),
            "Wigs and false eyelashes"
        );
        assert_eq!(product_label("9999", "Thing", Lang::Ko), "Thing");
        // No label in the data: the table's English name, else the code.
        assert_eq!(
            product_label("6704", "6704", Lang::En),
            "Wigs and false eyelashes"
        );
        assert_eq!(product_label("8542", "8542", Lang::En), "8542");
        assert_eq!(product_label("8542", "8542", Lang::Ko), "8542");
        assert_eq!(product_label("other", "Other", Lang::Ko), "기타");
    }
}
