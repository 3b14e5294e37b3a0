//! The SVG renderer: golden pictures of every view (both sizes, both languages, the
//! dark theme once), each of them valid XML with nothing active or external in it,
//! the same texts as the scene, and hostile titles and product names kept as text.
//!
//! `UPDATE_GOLDEN=1 cargo test --test tests svg` rewrites tests/golden/svg-*.svg.

use std::path::PathBuf;

use tradegap::format::Lang;
use tradegap::layout::{Interaction, View};
use tradegap::measure::FixedMeasure;
use tradegap::parse::{parse_trades, Format};
use tradegap::scene::Primitive;
use tradegap::svg::report_svg;
use tradegap::theme::Theme;
use tradegap::{report, view_scene};

use super::golden::{compare_golden, Case};
use super::util::{options, test_path};

/// One golden picture: a golden scene's case and a theme.
struct SvgCase {
    case: Case,
    dark: bool,
}

impl SvgCase {
    /// tests/golden/svg-<view>-<fixture>-<w>x<h>[-ko][-dark].svg
    fn path(&self) -> PathBuf {
        let c = &self.case;
        test_path(&format!(
            "golden/svg-{}-{}-{}x{}{}{}.svg",
            c.view.name(),
            c.fixture,
            c.width,
            c.height,
            if c.lang == Lang::Ko { "-ko" } else { "" },
            if self.dark { "-dark" } else { "" },
        ))
    }

    fn theme(&self) -> Theme {
        if self.dark {
            Theme::dark()
        } else {
            Theme::light()
        }
    }

    fn svg(&self) -> String {
        report_svg(&self.case.report(), &self.case.scene(), &self.theme())
    }
}

/// The balance, composition, story and partners views at 640×400 and 320×400 in English
/// and Korean, and the story at 640×400 in the dark theme.
fn svg_cases() -> Vec<SvgCase> {
    let mut out = Vec::new();
    for view in [
        View::Balance,
        View::Composition,
        View::Story,
        View::Partners,
    ] {
        let fixture = if view == View::Partners {
            "partners"
        } else {
            "nk-china"
        };
        for width in [640.0, 320.0] {
            for ko in [false, true] {
                let case = Case::balance(fixture, width, 400.0).view(view);
                let case = if ko { case.ko() } else { case };
                out.push(SvgCase { case, dark: false });
            }
        }
    }
    out.push(SvgCase {
        case: Case::balance("nk-china", 640.0, 400.0).view(View::Story),
        dark: true,
    });
    out
}

#[test]
fn svg_goldens() {
    let failures: Vec<String> = svg_cases()
        .iter()
        .filter_map(|c| compare_golden(&c.path(), &c.svg()))
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Everything in a document that could run or fetch something, in words.
fn active_or_external(doc: &roxmltree::Document) -> Vec<String> {
    let mut found = Vec::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        if matches!(
            name.to_ascii_lowercase().as_str(),
            "script" | "foreignobject" | "iframe" | "image" | "use" | "a" | "style"
        ) {
            found.push(format!("a <{name}> element"));
        }
        for attr in node.attributes() {
            let an = attr.name().to_ascii_lowercase();
            if an.starts_with("on") {
                found.push(format!("an event attribute {an}=\"{}\"", attr.value()));
            }
            if an == "href" || an == "src" || an == "style" {
                found.push(format!("a {an} attribute on <{name}>"));
            }
            if attr.value().contains("url(") || attr.value().contains("javascript:") {
                found.push(format!("{an}=\"{}\" refers elsewhere", attr.value()));
            }
        }
    }
    found
}

/// Every golden SVG parses as XML, is an accessible image with a title and a
/// description, holds nothing active or external, and draws exactly the scene's texts.
#[test]
fn svg_goldens_are_safe_well_formed_xml() {
    let cases = svg_cases();
    let dir = test_path("golden");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/golden is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("svg-") && name.ends_with(".svg") && !name.contains(".actual.")
        })
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        cases.len(),
        "one golden SVG per case: {files:?}"
    );
    for case in &cases {
        let path = case.path();
        let text = std::fs::read_to_string(&path).expect("the golden SVG is readable");
        let doc = roxmltree::Document::parse(&text)
            .unwrap_or_else(|e| panic!("{} is not XML: {e}", path.display()));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg", "{}", path.display());
        assert_eq!(root.attribute("role"), Some("img"), "{}", path.display());
        let scene = case.case.scene();
        assert_eq!(
            root.attribute("viewBox"),
            Some(format!("0 0 {} {}", scene.width, scene.height).as_str())
        );
        let r = case.case.report();
        let child_text = |tag: &str| {
            root.children()
                .find(|n| n.has_tag_name(tag))
                .and_then(|n| n.text())
                .map(str::to_string)
        };
        assert_eq!(child_text("title"), Some(r.chart_text.title.clone()));
        assert_eq!(child_text("desc"), Some(r.sentences.join(" ")));
        let problems = active_or_external(&doc);
        assert!(problems.is_empty(), "{}: {problems:?}", path.display());

        let drawn: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| n.text().unwrap_or("").to_string())
            .collect();
        let in_scene: Vec<String> = scene
            .primitives
            .iter()
            .filter_map(|p| match p {
                Primitive::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(drawn, in_scene, "{}", path.display());
        assert!(!in_scene.is_empty());
    }
}

const HOSTILE: [&str; 3] = [
    "<img src=x onerror=alert(1)>",
    "]]><script>alert(1)</script>",
    "\"' onload=\"alert(1)",
];

/// A title and a product name made of markup come out as the same characters, drawn as
/// text: no element or attribute appears from them.
#[test]
fn hostile_titles_and_product_names_stay_text() {
    for hostile in HOSTILE {
        let csv = format!(
            "year,exporter,importer,product_code,product,value\n\
             2022,PRK,CHN,,,150000000\n2022,CHN,PRK,,,900000000\n\
             2023,PRK,CHN,,,290000000\n2023,CHN,PRK,,,2030000000\n\
             2023,PRK,CHN,6704,\"{}\",167000000\n",
            hostile.replace('"', "\"\"")
        );
        let data = parse_trades(&csv, Format::Auto).expect("the CSV parses");
        let mut o = options("PRK", "CHN", Lang::En);
        o.title = Some(hostile.to_string());
        o.view = Some(View::Story);
        let r = report(&data, &o).expect("it reports");
        let scene = view_scene(&r, Interaction::default(), 900.0, 720.0, &FixedMeasure);
        let svg = report_svg(&r, &scene, &Theme::light());
        let doc = roxmltree::Document::parse(&svg)
            .unwrap_or_else(|e| panic!("not XML for {hostile:?}: {e}\n{svg}"));
        assert_eq!(active_or_external(&doc), Vec::<String>::new(), "{svg}");
        assert!(doc.descendants().all(|n| !n.has_tag_name("img")), "{svg}");
        let texts: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect();
        assert!(
            texts.contains(&hostile),
            "the title is drawn as text: {texts:?}"
        );
        assert!(
            texts.iter().any(|t| t.contains(hostile)),
            "the product is drawn as text: {texts:?}"
        );
        let title = doc.descendants().find(|n| n.has_tag_name("title"));
        assert_eq!(title.and_then(|n| n.text()), Some(hostile));
        // The product's name is in the scene's labels as well as the title.
        let labelled = texts.iter().filter(|t| t.contains(hostile)).count();
        assert!(labelled >= 2, "title and product label: {texts:?}");
    }
}

/// The element's shadow stylesheet (in www/tradegap.js) declares the same default
/// colours as the core's themes, so the canvas (which reads the custom properties) and
/// the command line's SVG and PNG (which use the core's) agree.
#[test]
fn element_colours_are_the_core_themes() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/tradegap.js"))
        .expect("www/tradegap.js is readable");
    let block = |selector: &str| -> String {
        let start = css
            .find(selector)
            .unwrap_or_else(|| panic!("{selector} in the CSS"));
        let rest = &css[start..];
        rest[..rest.find('}').unwrap_or(rest.len())].to_string()
    };
    let check = |block: &str, theme: &Theme| {
        for (key, value) in [
            ("exports", &theme.exports),
            ("imports", &theme.imports),
            ("balance", &theme.balance),
            ("text", &theme.text),
            ("muted", &theme.muted),
            ("grid", &theme.grid),
            ("axis", &theme.axis),
            ("background", &theme.background),
            ("highlight", &theme.highlight),
        ] {
            let decl = format!("--tradegap-{key}: {value};");
            assert!(block.contains(&decl), "{decl} in {block}");
        }
    };
    check(&block(":host {"), &Theme::light());
    check(
        &block(":host([data-resolved-theme=\"dark\"])"),
        &Theme::dark(),
    );
}
