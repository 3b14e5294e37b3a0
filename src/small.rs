//! Helpers that keep the WebAssembly small.
//!
//! Each `sort_by` of the standard library is a few kilobytes of code per element
//! type and comparison, and each `BTreeMap` or `HashMap` type as much again. Here
//! one merge sort of indices serves every caller through a `dyn` comparison, so
//! a new caller costs only its comparison and a permutation.

/// Sorts `v` stably so that `before(a, b)` holds for no later `a` and earlier `b`.
/// O(n log n), and linear on sorted input (the HS label table comes sorted).
pub fn sort_by<T>(v: &mut [T], mut before: impl FnMut(&T, &T) -> bool) {
    let order = sorted_order(v.len(), &mut |i, j| before(&v[i], &v[j]));
    permute(order, &mut |i, j| v.swap(i, j));
}

/// Moves each element to its place along the cycles of the permutation `order`
/// with `swap`: afterwards the element at `k` is the one that was at `order[k]`.
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

/// The indices `0..n` in stably sorted order: a bottom-up merge sort that skips
/// merging runs already in order. Not generic, so there is one copy of it.
fn sorted_order(n: usize, before: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged = order.clone();
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = n.min(lo + width);
            let hi = n.min(mid + width);
            if mid < hi && before(order[mid], order[mid - 1]) {
                let (mut i, mut j) = (lo, mid);
                for slot in &mut merged[lo..hi] {
                    // The right run goes first only when strictly before: stable.
                    if j < hi && (i == mid || before(order[j], order[i])) {
                        *slot = order[j];
                        j += 1;
                    } else {
                        *slot = order[i];
                        i += 1;
                    }
                }
            } else {
                merged[lo..hi].copy_from_slice(&order[lo..hi]);
            }
            lo = hi;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// `s` split around the first `sep`, like `str::split_once(sep)` for a non-empty `sep`
/// (`None` for an empty one). The standard library's substring searcher brings in
/// core's slicing panic, whose message formats a `char` with `Debug` and so pulls
/// in several kilobytes of Unicode tables; this compares bytes.
pub fn split_once<'a>(s: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    let n = sep.len();
    if n == 0 {
        return None;
    }
    let at = s.as_bytes().windows(n).position(|w| w == sep.as_bytes())?;
    Some((s.get(..at)?, s.get(at + n..)?))
}

/// `s` with every `from` replaced by `to`, like `str::replace` for a non-empty `from`.
pub fn replace(s: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some((head, tail)) = split_once(rest, from) {
        out.push_str(head);
        out.push_str(to);
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// `s` without any number of leading `prefix`es, like `str::trim_start_matches(prefix)`.
pub fn trim_start_matches<'a>(mut s: &'a str, prefix: &str) -> &'a str {
    if prefix.is_empty() {
        return s;
    }
    while let Some(rest) = s.strip_prefix(prefix) {
        s = rest;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: [i32; 0] = [];
        sort_by(&mut empty, |a, b| a < b);
        let mut one = [1];
        sort_by(&mut one, |a, b| a < b);
        assert_eq!(one, [1]);
    }

    #[test]
    fn string_helpers_match_the_standard_library() {
        let cases = [
            ("cn_exports_to_prk", "_exports_to_"),
            ("and {n} more, {n}", "{n}"),
            ("{{n}}", "{n}"),
            ("none here", "{n}"),
            ("", "x"),
            ("hshs2", "hs"),
            ("Côte d’Ivoire, ’", "’"),
            ("aaa", "aa"),
        ];
        for (s, sep) in cases {
            assert_eq!(split_once(s, sep), s.split_once(sep), "{s:?} {sep:?}");
            assert_eq!(replace(s, sep, "12"), s.replace(sep, "12"), "{s:?} {sep:?}");
            assert_eq!(trim_start_matches(s, sep), s.trim_start_matches(sep));
        }
        assert_eq!(split_once("abc", ""), None);
        assert_eq!(trim_start_matches("abc", ""), "abc");
    }

    #[test]
    fn matches_the_standard_stable_sort() {
        // A fixed pseudo-random sequence with many ties, of lengths around the powers of two.
        let mut x: u32 = 12345;
        for n in [2, 3, 7, 8, 9, 31, 64, 65, 100, 1000] {
            let v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((x >> 16) % 13, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0 < b.0);
            let mut std = v.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n = {n}");
            sort_by(&mut ours, |a, b| a.1 > b.1);
            let mut reversed = v;
            reversed.reverse();
            assert_eq!(ours, reversed, "n = {n}");
        }
    }
}
