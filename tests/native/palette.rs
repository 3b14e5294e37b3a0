//! The default palettes, checked for colour-vision deficiency and contrast.
//!
//! Colours come from where they are defined: the light and dark custom properties in
//! www/tradegap.js (first and second definition of each) and `Theme::default` in
//! src/theme.rs, which must match the light ones. Derived colours are computed as
//! `web::read_theme` does: the selection band halfway between background and grid,
//! the focus ring in the text's colour.
//!
//! - Exports, imports and balance stay apart, CIEDE2000 ΔE ≥ 20 pairwise, for normal
//!   vision and under protanopia, deuteranopia and tritanopia (Machado, Oliveira and
//!   Fernandes 2009, severity 1.0, applied to linear RGB).
//! - WCAG 2.x contrast: text ≥ 4.5:1 against the background and the selection band;
//!   bars, the balance line and the focus ring ≥ 3:1 against the background, bars also
//!   against the band and the composition's tracks (both the band's colour).
//!
//! `cargo test palette -- --nocapture` prints the table.

use std::collections::HashMap;

const MIN_DELTA_E: f64 = 20.0;
const MIN_TEXT: f64 = 4.5;
const MIN_GRAPHIC: f64 = 3.0;

type Rgb = [f64; 3];

/// Machado et al. (2009), severity 1.0, for linear RGB.
const SIMULATIONS: [(&str, [[f64; 3]; 3]); 4] = [
    (
        "normal",
        [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
    ),
    (
        "protanopia",
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ],
    ),
    (
        "deuteranopia",
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ],
    ),
    (
        "tritanopia",
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ],
    ),
];

fn parse_hex(s: &str) -> Option<Rgb> {
    let h = s.trim().strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let c = |i: usize| {
        u8::from_str_radix(&h[i..i + 2], 16)
            .ok()
            .map(|v| f64::from(v) / 255.0)
    };
    Some([c(0)?, c(2)?, c(4)?])
}

fn to_linear(c: f64) -> f64 {
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn linear(rgb: Rgb) -> Rgb {
    rgb.map(to_linear)
}

fn simulate(lin: Rgb, m: &[[f64; 3]; 3]) -> Rgb {
    let mut out = [0.0; 3];
    for (i, row) in m.iter().enumerate() {
        out[i] = (row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]).clamp(0.0, 1.0);
    }
    out
}

/// CIE L*a*b* (D65) of a linear RGB colour.
fn lab(l: Rgb) -> Rgb {
    let x = 0.4124564 * l[0] + 0.3575761 * l[1] + 0.1804375 * l[2];
    let y = 0.2126729 * l[0] + 0.7151522 * l[1] + 0.0721750 * l[2];
    let z = 0.0193339 * l[0] + 0.1191920 * l[1] + 0.9503041 * l[2];
    let f = |t: f64| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x / 0.95047), f(y), f(z / 1.08883));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// CIEDE2000 colour difference (Sharma, Wu and Dalal 2005).
fn delta_e2000(a: Rgb, b: Rgb) -> f64 {
    let [l1, a1, b1] = a;
    let [l2, a2, b2] = b;
    let c_bar = (a1.hypot(b1) + a2.hypot(b2)) / 2.0;
    let g = 0.5 * (1.0 - (c_bar.powi(7) / (c_bar.powi(7) + 25f64.powi(7))).sqrt());
    let (a1p, a2p) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1p, c2p) = (a1p.hypot(b1), a2p.hypot(b2));
    let hue = |b: f64, a: f64| {
        if a == 0.0 && b == 0.0 {
            0.0
        } else {
            b.atan2(a).to_degrees().rem_euclid(360.0)
        }
    };
    let (h1p, h2p) = (hue(b1, a1p), hue(b2, a2p));
    let dl = l2 - l1;
    let dc = c2p - c1p;
    let dh = if c1p * c2p == 0.0 {
        0.0
    } else {
        let d = h2p - h1p;
        if d > 180.0 {
            d - 360.0
        } else if d < -180.0 {
            d + 360.0
        } else {
            d
        }
    };
    let dh_big = 2.0 * (c1p * c2p).sqrt() * (dh.to_radians() / 2.0).sin();
    let l_bar = (l1 + l2) / 2.0;
    let cp_bar = (c1p + c2p) / 2.0;
    let h_bar = if c1p * c2p == 0.0 {
        h1p + h2p
    } else if (h1p - h2p).abs() <= 180.0 {
        (h1p + h2p) / 2.0
    } else if h1p + h2p < 360.0 {
        (h1p + h2p + 360.0) / 2.0
    } else {
        (h1p + h2p - 360.0) / 2.0
    };
    let cos = |deg: f64| deg.to_radians().cos();
    let t =
        1.0 - 0.17 * cos(h_bar - 30.0) + 0.24 * cos(2.0 * h_bar) + 0.32 * cos(3.0 * h_bar + 6.0)
            - 0.20 * cos(4.0 * h_bar - 63.0);
    let d_theta = 30.0 * (-((h_bar - 275.0) / 25.0).powi(2)).exp();
    let r_c = 2.0 * (cp_bar.powi(7) / (cp_bar.powi(7) + 25f64.powi(7))).sqrt();
    let s_l = 1.0 + 0.015 * (l_bar - 50.0).powi(2) / (20.0 + (l_bar - 50.0).powi(2)).sqrt();
    let s_c = 1.0 + 0.045 * cp_bar;
    let s_h = 1.0 + 0.015 * cp_bar * t;
    let r_t = -(2.0 * d_theta).to_radians().sin() * r_c;
    ((dl / s_l).powi(2)
        + (dc / s_c).powi(2)
        + (dh_big / s_h).powi(2)
        + r_t * (dc / s_c) * (dh_big / s_h))
        .sqrt()
}

/// WCAG 2.x contrast ratio.
fn contrast(a: Rgb, b: Rgb) -> f64 {
    let lum = |c: Rgb| {
        let l = linear(c);
        0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// `--tradegap-<name>: #rrggbb` in the element's stylesheet: the first definition of
/// each name is the light theme's, the second the dark theme's.
fn css_palettes() -> (HashMap<String, String>, HashMap<String, String>) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/tradegap.js");
    let js = std::fs::read_to_string(path).expect("www/tradegap.js is readable");
    let (mut light, mut dark) = (HashMap::new(), HashMap::new());
    for part in js.split("--tradegap-").skip(1) {
        let Some((name, rest)) = part.split_once(':') else {
            continue;
        };
        let value: String = rest.trim_start().chars().take(7).collect();
        if !name.chars().all(|c| c.is_ascii_lowercase()) || parse_hex(&value).is_none() {
            continue;
        }
        if light.contains_key(name) {
            dark.entry(name.to_string()).or_insert(value);
        } else {
            light.insert(name.to_string(), value);
        }
    }
    (light, dark)
}

/// `name: "#rrggbb".into()` in `Theme::default`.
fn theme_default() -> HashMap<String, String> {
    let t = tradegap::theme::Theme::default();
    [
        ("exports", &t.exports),
        ("imports", &t.imports),
        ("balance", &t.balance),
        ("text", &t.text),
        ("muted", &t.muted),
        ("grid", &t.grid),
        ("axis", &t.axis),
        ("background", &t.background),
        ("highlight", &t.highlight),
        ("focus", &t.focus),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.clone()))
    .collect()
}

/// The halfway colour, rounded up, as `web::read_theme` makes the selection band.
fn mix(a: &str, b: &str) -> String {
    let (a, b) = (parse_hex(a).unwrap(), parse_hex(b).unwrap());
    let mut s = String::from("#");
    for i in 0..3 {
        let v = ((a[i] * 255.0).round() as u16 + (b[i] * 255.0).round() as u16).div_ceil(2);
        s.push_str(&format!("{v:02x}"));
    }
    s
}

/// A palette with the derived colours added.
fn complete(mut p: HashMap<String, String>) -> HashMap<String, String> {
    let band = mix(&p["background"], &p["grid"]);
    p.entry("highlight".into()).or_insert(band);
    let text = p["text"].clone();
    p.entry("focus".into()).or_insert(text);
    p
}

/// Every failure of one palette, and its table.
fn check(theme: &str, p: &HashMap<String, String>) -> (Vec<String>, String) {
    let mut problems = Vec::new();
    let mut table = String::new();
    let rgb = |k: &str| -> Rgb {
        parse_hex(
            p.get(k)
                .unwrap_or_else(|| panic!("{theme}: no colour for {k}")),
        )
        .unwrap_or_else(|| panic!("{theme}: {k} is not #rrggbb"))
    };
    let roles = ["exports", "imports", "balance"];
    for (sim, m) in &SIMULATIONS {
        let mut row = format!("| {theme} | {sim} |");
        for (i, a) in roles.iter().enumerate() {
            for b in &roles[i + 1..] {
                let d = delta_e2000(
                    lab(simulate(linear(rgb(a)), m)),
                    lab(simulate(linear(rgb(b)), m)),
                );
                row.push_str(&format!(" {d:.1} |"));
                if d < MIN_DELTA_E {
                    problems.push(format!(
                        "{theme}, {sim}: {a} {} and {b} {} are only ΔE {d:.1} apart",
                        p[*a], p[*b]
                    ));
                }
            }
        }
        table.push_str(&row);
        table.push('\n');
    }
    let pairs: [(&str, &str, f64); 12] = [
        ("text", "background", MIN_TEXT),
        ("muted", "background", MIN_TEXT),
        ("text", "highlight", MIN_TEXT),
        ("muted", "highlight", MIN_TEXT),
        ("exports", "background", MIN_GRAPHIC),
        ("imports", "background", MIN_GRAPHIC),
        ("balance", "background", MIN_GRAPHIC),
        ("focus", "background", MIN_GRAPHIC),
        ("exports", "highlight", MIN_GRAPHIC),
        ("imports", "highlight", MIN_GRAPHIC),
        ("focus", "highlight", MIN_GRAPHIC),
        ("axis", "background", MIN_GRAPHIC),
    ];
    for (a, b, min) in pairs {
        let c = contrast(rgb(a), rgb(b));
        table.push_str(&format!(
            "| {theme} | {a} {} on {b} {} | {c:.2}:1 | ≥ {min} |\n",
            p[a], p[b]
        ));
        if c < min {
            problems.push(format!(
                "{theme}: {a} {} on {b} {} has contrast {c:.2}:1, below {min}:1",
                p[a], p[b]
            ));
        }
    }
    (problems, table)
}

#[test]
fn the_colour_maths_matches_published_values() {
    // Sharma, Wu and Dalal (2005), table 1, pairs 1 and 17.
    let d = delta_e2000([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485]);
    assert!((d - 2.0425).abs() < 1e-4, "{d}");
    let d = delta_e2000([50.0, 2.5, 0.0], [73.0, 25.0, -18.0]);
    assert!((d - 27.1492).abs() < 1e-4, "{d}");
    // White on black is 21:1; #767676 on white just passes 4.5:1.
    assert!((contrast([1.0; 3], [0.0; 3]) - 21.0).abs() < 1e-9);
    let grey = parse_hex("#767676").unwrap();
    assert!(contrast(grey, [1.0; 3]) >= 4.5);
    // Machado's matrices leave greys grey.
    let g = simulate(linear(grey), &SIMULATIONS[1].1);
    assert!((g[0] - g[2]).abs() < 0.01, "{g:?}");
}

#[test]
fn the_renderer_defaults_are_the_light_stylesheet() {
    let (light, _) = css_palettes();
    let theme = theme_default();
    for (name, value) in &light {
        if let Some(t) = theme.get(name) {
            assert_eq!(
                t.to_ascii_lowercase(),
                value.to_ascii_lowercase(),
                "{name}: Theme::default and the stylesheet disagree"
            );
        }
    }
    assert!(theme.len() >= 8, "{theme:?}");
}

#[test]
fn palettes_survive_colour_blindness_and_meet_wcag_aa() {
    let (light, dark) = css_palettes();
    assert!(light.len() >= 8 && dark.len() >= 8, "{light:?} {dark:?}");
    let mut problems = Vec::new();
    let mut table =
        String::from("| theme | vision | exports–imports | exports–balance | imports–balance |\n");
    let mut contrasts = String::from("| theme | pair | contrast | needs |\n");
    for (theme, p) in [("light", complete(light)), ("dark", complete(dark))] {
        let (pr, t) = check(theme, &p);
        problems.extend(pr);
        for line in t.lines() {
            if line.contains(":1 |") {
                contrasts.push_str(line);
                contrasts.push('\n');
            } else {
                table.push_str(line);
                table.push('\n');
            }
        }
    }
    println!("{table}\n{contrasts}");
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
