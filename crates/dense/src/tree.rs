//! An indexed tournament tree: the minimum of `(key, index)` in O(1), key changes in O(log n).
//!
//! Ties on the key go to the lowest index — the leftmost minimum, as the reference's `MinTree`.

/// Index of a padding leaf (never a minimum while a real leaf has a finite key).
const NONE: u32 = u32::MAX;

/// A min tournament over `keys`: each internal node holds the winner of its two children.
#[derive(Clone, Debug)]
pub(crate) struct MinTree {
    keys: Vec<f64>,
    /// Internal nodes `1..leaves`: winner index (`NONE` for an all-padding subtree).
    win: Vec<u32>,
    leaves: usize,
}

impl MinTree {
    pub(crate) fn new(keys: Vec<f64>) -> MinTree {
        let leaves = keys.len().next_power_of_two().max(2);
        let mut win = vec![NONE; leaves];
        for node in (1..leaves).rev() {
            let (l, r) = (2 * node, 2 * node + 1);
            let a = if l >= leaves {
                leaf(l - leaves, keys.len())
            } else {
                win[l]
            };
            let b = if r >= leaves {
                leaf(r - leaves, keys.len())
            } else {
                win[r]
            };
            win[node] = winner(&keys, a, b);
        }
        MinTree { keys, win, leaves }
    }

    /// The leftmost minimum: `(index, key)`, or `None` if there are no keys.
    pub(crate) fn min(&self) -> Option<(u32, f64)> {
        let w = self.win[1];
        (w != NONE).then(|| (w, self.keys[w as usize]))
    }

    pub(crate) fn key(&self, i: u32) -> f64 {
        self.keys[i as usize]
    }

    /// Lowers key `i` by `delta ≥ 0` (as `key + (-delta)`, the reference's arithmetic).
    pub(crate) fn decrease(&mut self, i: u32, delta: f64) {
        let k = self.keys[i as usize] + -delta;
        self.keys[i as usize] = k;
        let mut node = (self.leaves + i as usize) / 2;
        while node >= 1 {
            let w = self.win[node];
            if w != i {
                if w != NONE && !less(k, i, self.keys[w as usize], w) {
                    return;
                }
                self.win[node] = i;
            }
            node /= 2;
        }
    }

    /// Sets key `i` to `+inf` (removes it from contention).
    pub(crate) fn remove(&mut self, i: u32) {
        self.keys[i as usize] = f64::INFINITY;
        let mut node = (self.leaves + i as usize) / 2;
        while node >= 1 {
            let (l, r) = (2 * node, 2 * node + 1);
            let (a, b) = if l >= self.leaves {
                (
                    leaf(l - self.leaves, self.keys.len()),
                    leaf(r - self.leaves, self.keys.len()),
                )
            } else {
                (self.win[l], self.win[r])
            };
            self.win[node] = winner(&self.keys, a, b);
            node /= 2;
        }
    }
}

fn leaf(i: usize, n: usize) -> u32 {
    if i < n { i as u32 } else { NONE }
}

/// `(ka, a) < (kb, b)` lexicographically.
fn less(ka: f64, a: u32, kb: f64, b: u32) -> bool {
    ka < kb || (ka == kb && a < b)
}

fn winner(keys: &[f64], a: u32, b: u32) -> u32 {
    match (a, b) {
        (NONE, x) | (x, NONE) => x,
        _ if less(keys[b as usize], b, keys[a as usize], a) => b,
        _ => a,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive_min(keys: &[f64]) -> Option<(u32, f64)> {
        let mut best: Option<(u32, f64)> = None;
        for (i, &k) in keys.iter().enumerate() {
            if best.is_none_or(|(_, bk)| k < bk) {
                best = Some((i as u32, k));
            }
        }
        best
    }

    #[test]
    fn leftmost_minimum_wins_ties() {
        let mut t = MinTree::new(vec![3.0, 1.0, 2.0, 1.0, 5.0]);
        assert_eq!(t.min(), Some((1, 1.0)));
        t.remove(1);
        assert_eq!(t.min(), Some((3, 1.0)));
        t.decrease(4, 4.0);
        assert_eq!(t.min(), Some((3, 1.0)));
        t.decrease(0, 2.0);
        assert_eq!(t.min(), Some((0, 1.0)));
        assert_eq!(MinTree::new(vec![]).min(), None);
        assert_eq!(MinTree::new(vec![7.0]).min(), Some((0, 7.0)));
    }

    proptest! {
        #[test]
        fn agrees_with_a_scan(
            keys in prop::collection::vec(0u8..6, 1..40),
            ops in prop::collection::vec((any::<bool>(), 0usize..40, 0u8..3), 0..80),
        ) {
            let mut keys: Vec<f64> = keys.into_iter().map(f64::from).collect();
            let mut t = MinTree::new(keys.clone());
            for (remove, i, d) in ops {
                let i = i % keys.len();
                if keys[i].is_infinite() { continue; }
                if remove {
                    keys[i] = f64::INFINITY;
                    t.remove(i as u32);
                } else {
                    keys[i] += -f64::from(d);
                    t.decrease(i as u32, f64::from(d));
                }
                let live: Vec<f64> = keys.clone();
                let expect = naive_min(&live);
                prop_assert_eq!(t.min(), expect);
            }
        }
    }
}
