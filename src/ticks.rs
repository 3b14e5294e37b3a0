//! "Nice" axis ticks: round numbers 1, 2 or 5 × 10^k apart (the d3-array method).

const E10: f64 = 7.071_067_811_865_476; // √50
const E5: f64 = 3.162_277_660_168_379_5; // √10
const E2: f64 = std::f64::consts::SQRT_2;

/// The distance between ticks for about `count` ticks over `[start, stop]`, as
/// (step, inverse): exactly one of them is 0 when the step is below one, so that
/// ticks are computed by division and do not drift.
fn tick_spec(start: f64, stop: f64, count: f64) -> (f64, f64) {
    let step = (stop - start) / count.max(0.0);
    let power = step.log10().floor();
    let error = step / 10f64.powf(power);
    let factor = if error >= E10 {
        10.0
    } else if error >= E5 {
        5.0
    } else if error >= E2 {
        2.0
    } else {
        1.0
    };
    if power < 0.0 {
        (0.0, 10f64.powf(-power) / factor)
    } else {
        (factor * 10f64.powf(power), 0.0)
    }
}

/// About `count` evenly spaced round numbers within `[start, stop]`, ascending
/// (or descending when `stop < start`). Non-finite input or `count` ≤ 0 gives none.
pub fn ticks(start: f64, stop: f64, count: usize) -> Vec<f64> {
    if !start.is_finite() || !stop.is_finite() || count == 0 {
        return Vec::new();
    }
    if start == stop {
        return vec![start];
    }
    let reverse = stop < start;
    let (lo, hi) = if reverse {
        (stop, start)
    } else {
        (start, stop)
    };
    let (step, inv) = tick_spec(lo, hi, count as f64);
    // Spans near the limits of f64 give infinite or zero steps; no ticks beat a runaway loop.
    if !step.is_finite() || !inv.is_finite() || (step == 0.0 && inv == 0.0) {
        return Vec::new();
    }
    let mut out = Vec::new();
    // Round, then step inside the domain: ceil and floor would lose 1.14 to 56.99999.
    if step > 0.0 {
        let (mut i0, mut i1) = ((lo / step).round() as i64, (hi / step).round() as i64);
        if (i0 as f64) * step < lo {
            i0 += 1;
        }
        if (i1 as f64) * step > hi {
            i1 -= 1;
        }
        if i1 - i0 > 1000 {
            return Vec::new();
        }
        out.extend((i0..=i1).map(|i| i as f64 * step));
    } else if inv > 0.0 {
        let (mut i0, mut i1) = ((lo * inv).round() as i64, (hi * inv).round() as i64);
        if (i0 as f64) / inv < lo {
            i0 += 1;
        }
        if (i1 as f64) / inv > hi {
            i1 -= 1;
        }
        if i1 - i0 > 1000 {
            return Vec::new();
        }
        out.extend((i0..=i1).map(|i| i as f64 / inv));
    }
    for t in &mut out {
        *t += 0.0; // no −0
    }
    if reverse {
        out.reverse();
    }
    out
}

/// The tick step that [`ticks`] uses, positive; 0 when none.
pub fn tick_step(start: f64, stop: f64, count: usize) -> f64 {
    let (lo, hi) = if stop < start {
        (stop, start)
    } else {
        (start, stop)
    };
    if !lo.is_finite() || !hi.is_finite() || count == 0 || lo == hi {
        return 0.0;
    }
    match tick_spec(lo, hi, count as f64) {
        (s, _) if s > 0.0 && s.is_finite() => s,
        (_, inv) if inv > 0.0 && inv.is_finite() => 1.0 / inv,
        _ => 0.0,
    }
}

/// `[start, stop]` widened outward to multiples of the tick step (d3-scale's `nice`).
pub fn nice(start: f64, stop: f64, count: usize) -> (f64, f64) {
    let (mut lo, mut hi) = (start.min(stop), start.max(stop));
    // Twice, as d3 does: widening can change the step.
    for _ in 0..2 {
        let step = tick_step(lo, hi, count);
        if step <= 0.0 {
            break;
        }
        lo = (lo / step).floor() * step;
        hi = (hi / step).ceil() * step;
    }
    (lo + 0.0, hi + 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(f64, f64, usize, &[f64])] = &[
            (
                0.0,
                1.0,
                10,
                &[0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
            ),
            (0.0, 1.0, 5, &[0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
            (0.0, 1.0, 2, &[0.0, 0.5, 1.0]),
            (0.0, 1.0, 1, &[0.0, 1.0]),
            (0.0, 10.0, 5, &[0.0, 2.0, 4.0, 6.0, 8.0, 10.0]),
            (-10.0, 10.0, 5, &[-10.0, -5.0, 0.0, 5.0, 10.0]),
            (1.0, 0.0, 5, &[1.0, 0.8, 0.6, 0.4, 0.2, 0.0]),
            (
                0.98,
                1.14,
                10,
                &[0.98, 1.0, 1.02, 1.04, 1.06, 1.08, 1.1, 1.12, 1.14],
            ),
            (1.0, 1.0, 5, &[1.0]),
            (0.0, 1.0, 0, &[]),
            (f64::NAN, 1.0, 5, &[]),
            (0.0, f64::INFINITY, 5, &[]),
            // The seed story's range: imports to $3.3B below zero, exports to $2.9B above.
            (-3.3e9, 2.9e9, 6, &[-3e9, -2e9, -1e9, 0.0, 1e9, 2e9]),
        ];
        for &(a, b, n, want) in cases {
            assert_eq!(ticks(a, b, n), want, "ticks({a}, {b}, {n})");
        }
    }

    #[test]
    fn stays_within_domain_and_has_no_negative_zero() {
        for n in 1..=10 {
            for (a, b) in [(-1.3, 7.9), (0.001, 0.0099), (-2.2e9, 3.4e9)] {
                for t in ticks(a, b, n) {
                    assert!((a..=b).contains(&t), "{t} outside {a}..{b}");
                    assert!(!(t == 0.0 && t.is_sign_negative()));
                }
            }
        }
    }

    #[test]
    fn nice_widens_to_round_numbers() {
        assert_eq!(nice(-3.3e9, 2.9e9, 6), (-4e9, 3e9));
        assert_eq!(nice(0.0, 0.96, 10), (0.0, 1.0));
        assert_eq!(nice(1.0, 1.0, 5), (1.0, 1.0));
    }
}
