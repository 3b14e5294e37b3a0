//! The command line's pictures: `--svg` and `--png` with the presets, a pixel size and
//! scale, the dark theme, and the errors; the PNG is decoded and its bars' colours
//! counted.

use std::path::PathBuf;
use std::process::{Command, Output};

use tradegap::theme::Theme;

use super::picture::{count, decode};
use super::util::{test_path, SEED_PATH};

fn tradegap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tradegap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// tests/out/cli-pictures/NAME, its directory made.
fn out(name: &str) -> PathBuf {
    let dir = test_path("out/cli-pictures");
    std::fs::create_dir_all(&dir).expect("tests/out/cli-pictures is writable");
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

fn png_of(args: &[&str], name: &str) -> super::picture::Decoded {
    let path = out(name);
    let path_s = path.to_string_lossy().into_owned();
    let mut all = vec![
        SEED_PATH,
        "--focus",
        "PRK",
        "--partner",
        "CHN",
        "--png",
        &path_s,
    ];
    all.extend_from_slice(args);
    let o = tradegap(&all);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    assert!(o.stdout.is_empty(), "pictures print nothing");
    decode(&std::fs::read(&path).expect("the PNG was written"))
}

#[test]
fn png_presets_have_their_sizes_and_draw_the_bars_in_their_colours() {
    let light = Theme::light();
    for (args, name, w, h, ppm) in [
        (
            &["--size", "social"][..],
            "social.png",
            1200,
            Some(675),
            None,
        ),
        (
            &["--size", "square", "--lang", "ko"][..],
            "square-ko.png",
            1080,
            Some(1080),
            None,
        ),
        (
            &["--size", "print", "--view", "composition"][..],
            "print.png",
            2400,
            None,
            Some(11811),
        ),
        (
            &[
                "--width", "900", "--height", "500", "--scale", "1.5", "--view", "balance",
            ][..],
            "custom.png",
            900,
            Some(500),
            None,
        ),
    ] {
        let d = png_of(args, name);
        assert_eq!(d.width, w, "{args:?}");
        if let Some(h) = h {
            assert_eq!(d.height, h, "{args:?}");
        }
        assert_eq!(d.pixels_per_metre, ppm, "{args:?}");
        let area = (d.width * d.height) as usize;
        for hex in [&light.exports, &light.imports] {
            let n = count(&d, hex);
            assert!(n > area / 400, "{args:?}: {n} pixels of {hex} in {area}");
        }
    }
}

#[test]
fn the_dark_theme_has_dark_colours() {
    let d = png_of(&["--size", "social", "--theme", "dark"], "dark.png");
    let (dark, light) = (Theme::dark(), Theme::light());
    for hex in [&dark.exports, &dark.imports, &dark.background] {
        assert!(count(&d, hex) > 1000, "{hex}");
    }
    assert_eq!(count(&d, &light.background), 0);
}

/// `--svg -` writes the SVG to standard output: the title given, escaped, as text, the
/// footer's credit line and the sentences.
#[test]
fn svg_to_stdout_carries_the_title_footer_and_sentences() {
    let hostile = "<img src=x onerror=alert(1)> ]]>";
    let o = tradegap(&[
        SEED_PATH,
        "--focus",
        "PRK",
        "--partner",
        "CHN",
        "--svg",
        "-",
        "--title",
        hostile,
        "--source",
        "China customs",
        "--lang",
        "ko",
        "--size",
        "square",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = String::from_utf8(o.stdout).expect("UTF-8");
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is XML");
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some("1080"));
    assert_eq!(root.attribute("viewBox"), Some("0 0 540 540"));
    assert_eq!(root.attribute("lang"), Some("ko"));
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(texts.first().copied(), Some(hostile), "{texts:?}");
    assert!(
        texts.iter().any(|t| t.contains("China customs")),
        "{texts:?}"
    );
    assert!(doc.descendants().all(|n| !n.has_tag_name("img")));
    let desc = doc.descendants().find(|n| n.has_tag_name("desc"));
    let desc = desc.and_then(|n| n.text()).unwrap_or("");
    assert!(desc.contains("2023년"), "{desc}");
}

#[test]
fn bad_picture_arguments_exit_2_and_unwritable_files_exit_1() {
    let o = tradegap(&[
        SEED_PATH, "--png", "x.png", "--size", "social", "--width", "100",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--width"), "{}", stderr(&o));

    let o = tradegap(&[SEED_PATH, "--png", "x.png", "--size", "poster"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));

    let o = tradegap(&[
        SEED_PATH,
        "--focus",
        "PRK",
        "--partner",
        "CHN",
        "--png",
        "x.png",
        "--scale",
        "0",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("scale 0 is not between 0.1 and 10"),
        "{}",
        stderr(&o)
    );

    let o = tradegap(&[
        SEED_PATH,
        "--focus",
        "PRK",
        "--partner",
        "CHN",
        "--png",
        "/nonexistent/dir/chart.png",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("/nonexistent/dir/chart.png"),
        "{}",
        stderr(&o)
    );
}
