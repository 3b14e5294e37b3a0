//! Helpers that keep the WebAssembly small.
//!
//! Each `sort_by` of the standard library is a few kilobytes of code per element
//! type and comparison, and each `BTreeMap` or `HashMap` type as much again. For
//! the short lists of an analysis (partners, mirror figures, reporters) and lists
//! that come sorted (the HS label table), an insertion sort is as fast and costs
//! a few hundred bytes.

/// Sorts `v` stably so that `before(a, b)` holds for no later `a` and earlier `b`.
/// Quadratic in the worst case and linear on sorted input: for short or sorted lists.
pub fn sort_by<T>(v: &mut [T], mut before: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
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
}
