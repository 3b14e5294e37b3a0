//! Rounding shares so that the displayed parts add up to the whole.

/// Splits `units` (1000 for tenths of a percent) among `values` in proportion,
/// with the largest-remainder (Hamilton) method: every part is its quota rounded
/// down, and the units left go to the largest remainders. Ties go to the larger
/// value, then to the earlier one. All zeros, or no values, give all zeros.
pub fn largest_remainder(values: &[f64], units: u32) -> Vec<u32> {
    let sum: f64 = values.iter().filter(|v| v.is_finite() && **v > 0.0).sum();
    if sum <= 0.0 {
        return vec![0; values.len()];
    }
    let quotas: Vec<f64> = values
        .iter()
        .map(|&v| {
            if v.is_finite() && v > 0.0 {
                v / sum * f64::from(units)
            } else {
                0.0
            }
        })
        .collect();
    let mut parts: Vec<u32> = quotas.iter().map(|q| q.floor() as u32).collect();
    let given: u32 = parts.iter().sum();
    let mut order: Vec<usize> = (0..values.len()).collect();
    crate::small::sort_by(&mut order, |&a, &b| {
        let ra = quotas[a] - quotas[a].floor();
        let rb = quotas[b] - quotas[b].floor();
        rb.total_cmp(&ra)
            .then(values[b].total_cmp(&values[a]))
            .then(a.cmp(&b))
            .is_lt()
    });
    for &i in order.iter().take(units.saturating_sub(given) as usize) {
        parts[i] += 1;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(&[f64], &[u32])] = &[
            // The seed story: 2023 exports, top four and Other.
            (&[167.0, 32.0, 26.0, 22.0, 43.0], &[576, 110, 90, 76, 148]),
            (&[1.0, 1.0, 1.0], &[334, 333, 333]),
            (
                &[2.0, 1.0, 1.0, 1.0, 1.0, 1.0],
                &[285, 143, 143, 143, 143, 143],
            ),
            (&[1.0], &[1000]),
            (&[0.0, 0.0], &[0, 0]),
            (&[], &[]),
            (&[5.0, 0.0, 5.0], &[500, 0, 500]),
        ];
        for (values, want) in cases {
            let got = largest_remainder(values, 1000);
            assert_eq!(&got, want, "{values:?}");
            if values.iter().any(|v| *v > 0.0) {
                assert_eq!(got.iter().sum::<u32>(), 1000);
            }
        }
    }

    #[test]
    fn always_adds_up() {
        // Irregular values that naive rounding gets wrong.
        let values = [33.33, 33.33, 33.34, 0.004, 12.5, 7.77];
        assert_eq!(largest_remainder(&values, 1000).iter().sum::<u32>(), 1000);
    }
}
