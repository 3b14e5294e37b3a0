//! Pictures natively (src/picture.rs): the presets' pixel sizes and resolution, the
//! bars drawn in their colours, and a picture laid out with the real font.
//! `PICTURES=1` also writes them to tests/out/pictures/, to look at.

use tradegap::fonts::Fonts;
use tradegap::format::Lang;
use tradegap::layout::View;
use tradegap::picture::{picture, Size};
use tradegap::theme::Theme;
use tradegap::{report, Report};

use super::util::{options, seed};

fn story(lang: Lang) -> Report {
    let mut o = options("PRK", "CHN", lang);
    o.view = Some(View::Story);
    report(&seed(), &o).expect("the seed reports")
}

/// A decoded PNG: size, pixels as RGBA, and its pHYs chunk if any.
pub(super) struct Decoded {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
    pub pixels_per_metre: Option<u32>,
}

pub(super) fn decode(bytes: &[u8]) -> Decoded {
    let mut decoder = png::Decoder::new(bytes);
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("a PNG header");
    let pixels_per_metre = reader
        .info()
        .pixel_dims
        .filter(|d| d.unit == png::Unit::Meter && d.xppu == d.yppu)
        .map(|d| d.xppu);
    let mut buf = vec![0; reader.output_buffer_size()];
    let frame = reader.next_frame(&mut buf).expect("a PNG frame");
    assert_eq!(frame.color_type, png::ColorType::Rgba);
    buf.truncate(frame.buffer_size());
    Decoded {
        width: frame.width,
        height: frame.height,
        rgba: buf,
        pixels_per_metre,
    }
}

/// How many pixels are exactly `#rrggbb`.
pub(super) fn count(d: &Decoded, hex: &str) -> usize {
    let h = hex.trim_start_matches('#');
    let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).expect("a hex colour");
    let want = [c(0), c(2), c(4), 255];
    d.rgba.chunks_exact(4).filter(|p| *p == want).count()
}

fn save(name: &str, bytes: &[u8]) {
    if std::env::var_os("PICTURES").is_some_and(|v| v == "1") {
        let dir = super::util::test_path("out/pictures");
        std::fs::create_dir_all(&dir).expect("tests/out/pictures is writable");
        std::fs::write(dir.join(name), bytes).expect("the picture is writable");
    }
}

#[test]
fn presets_have_their_pixel_sizes_and_resolution() {
    let fonts = Fonts::find();
    let r = story(Lang::En);
    for (size, name, w, h, ppm) in [
        (Size::Social, "social", 1200, Some(675), None),
        (Size::Square, "square", 1080, Some(1080), None),
        (Size::Print, "print", 2400, None, Some(11811)),
        (
            Size::Custom {
                width: Some(800.0),
                height: Some(500.0),
                scale: Some(1.25),
            },
            "custom",
            800,
            Some(500),
            None,
        ),
    ] {
        let p = picture(&r, &Theme::light(), size, &fonts).expect("a picture");
        let png = p.png(&fonts).expect("a PNG");
        save(&format!("story-{name}.png"), &png);
        save(&format!("story-{name}.svg"), p.svg.as_bytes());
        let d = decode(&png);
        assert_eq!(d.width, w, "{name}");
        if let Some(h) = h {
            assert_eq!(d.height, h, "{name}");
        }
        assert_eq!((p.width_px, p.height_px), (d.width, d.height), "{name}");
        assert_eq!(d.pixels_per_metre, ppm, "{name}");
        // Bars are flat colour: many pixels are exactly the theme's exports and imports.
        let area = (d.width * d.height) as usize;
        for (paint, hex) in [("exports", "#2166ac"), ("imports", "#d6604d")] {
            let n = count(&d, hex);
            assert!(n > area / 400, "{name}: {n} {paint} pixels of {area}");
        }
        assert!(
            count(&d, "#ffffff") > area / 3,
            "{name}: a white background"
        );
    }
}

#[test]
fn the_dark_theme_draws_its_own_colours() {
    let fonts = Fonts::find();
    let p = picture(&story(Lang::Ko), &Theme::dark(), Size::Social, &fonts).expect("a picture");
    let png = p.png(&fonts).expect("a PNG");
    save("story-social-ko-dark.png", &png);
    let d = decode(&png);
    let dark = Theme::dark();
    for hex in [&dark.exports, &dark.imports, &dark.background] {
        assert!(count(&d, hex) > 1000, "{hex}: {}", count(&d, hex));
    }
    let light = Theme::light();
    for hex in [&light.exports, &light.imports, &light.background] {
        assert_eq!(count(&d, hex), 0, "{hex}");
    }
}

#[test]
fn bad_sizes_are_refused_in_words() {
    let fonts = Fonts::default();
    let r = story(Lang::En);
    for (size, words) in [
        (
            Size::Custom {
                width: None,
                height: None,
                scale: Some(0.0),
            },
            "scale 0 is not between 0.1 and 10",
        ),
        (
            Size::Custom {
                width: Some(1e9),
                height: None,
                scale: None,
            },
            "width 1000000000 is not between 16 and 16000 pixels",
        ),
    ] {
        let e = picture(&r, &Theme::light(), size, &fonts).expect_err("refused");
        assert_eq!(e.to_string(), words);
    }
}

/// With the real font the layout measures Noto Sans CJK's widths, not the fixed rule's,
/// and the SVG names that family first.
#[test]
fn pictures_are_laid_out_with_the_real_font() {
    let fonts = Fonts::find();
    let r = story(Lang::En);
    let p = picture(&r, &Theme::light(), Size::Social, &fonts).expect("a picture");
    assert!(p
        .svg
        .contains("width=\"1200\" height=\"675\" viewBox=\"0 0 600 337.5\""));
    if fonts.found() {
        assert!(
            p.svg.contains(
                "font-family=\"'Noto Sans CJK KR', 'Noto Sans KR', 'Noto Sans', sans-serif\""
            ),
            "{}",
            p.svg.get(..500).unwrap_or_default()
        );
        let fixed =
            picture(&r, &Theme::light(), Size::Social, &Fonts::default()).expect("a picture");
        assert_ne!(p.scene, fixed.scene, "the real font lays out differently");
    }
}

/// The demo page's og:image is the social card `make social` writes: a 1200 × 675 PNG
/// beside the page, drawn in the chart's colours.
#[test]
fn the_demo_has_its_social_card() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let html = std::fs::read_to_string(root.join("index.html")).expect("www/index.html");
    let src = html
        .split("<meta property=\"og:image\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("an og:image in www/index.html");
    for file in [src, "social-ko.png"] {
        let d = decode(&std::fs::read(root.join(file)).expect("the social card is committed"));
        assert_eq!((d.width, d.height), (1200, 675), "{file}");
        let light = Theme::light();
        for hex in [&light.exports, &light.imports] {
            assert!(count(&d, hex) > 5000, "{file}: {hex}");
        }
    }
}

/// A picture stands alone: sources that do not fit its footer are counted, not sent to
/// a "Sources" section that only the element has.
#[test]
fn a_pictures_footer_points_nowhere_else() {
    let fonts = Fonts::find();
    for (lang, more) in [(Lang::En, "more"), (Lang::Ko, "외 ")] {
        let p = picture(&story(lang), &Theme::light(), Size::Social, &fonts).expect("a picture");
        let footer: Vec<&str> = p.svg.lines().filter(|l| l.contains(more)).collect();
        assert!(!footer.is_empty(), "{}", p.svg);
        for line in footer {
            assert!(
                !line.contains("under Sources") && !line.contains("출처 참고"),
                "{line}"
            );
        }
    }
}
