//! Helpers shared by detectors.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use tianping_detect::InputData;
use tianping_detect::SemiJoin;
use tianping_detect::columns::Columns;

/// A reduction's semi-join shared by the pricing detectors: the listings that price observations
/// name (titles are looked up for observed listings only).
pub static OBSERVED_LISTINGS: SemiJoin = SemiJoin {
    columns: &["platform_id", "listing_id"],
    table: "price_observations",
    other_columns: &["platform_id", "listing_id"],
};

/// A listing as the data names it: (platform, listing), borrowed from the input batches.
pub type ListingKey<'a> = (&'a str, &'a str);

/// Rows grouped by listing without an owned string per row: a hash index from the borrowed key
/// to its group (the last key is remembered, as rows of one listing often come together). Within
/// a group, items keep the order they were pushed in; [`ByListing::into_sorted`] orders the groups
/// by key, so what a detector does with them never depends on the hash.
pub struct ByListing<'a, T> {
    index: FxHashMap<ListingKey<'a>, usize>,
    groups: Vec<(ListingKey<'a>, Vec<T>)>,
    last: Option<(ListingKey<'a>, usize)>,
}

impl<T> Default for ByListing<'_, T> {
    fn default() -> Self {
        ByListing {
            index: FxHashMap::default(),
            groups: Vec::new(),
            last: None,
        }
    }
}

impl<'a, T> ByListing<'a, T> {
    /// Appends `item` to the group of `key`.
    pub fn push(&mut self, key: ListingKey<'a>, item: T) {
        let at = match self.last {
            Some((k, i)) if k == key => i,
            _ => {
                let next = self.groups.len();
                let i = *self.index.entry(key).or_insert(next);
                if i == next {
                    self.groups.push((key, Vec::new()));
                }
                self.last = Some((key, i));
                i
            }
        };
        self.groups[at].1.push(item);
    }

    /// The groups, sorted by key.
    pub fn into_sorted(self) -> Vec<(ListingKey<'a>, Vec<T>)> {
        let mut groups = self.groups;
        groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        groups
    }
}

/// (platform, listing) → (merchant, title) from the `listings` input. Several deliveries may carry
/// the same listing: the smallest pair is kept, so the result does not depend on row order.
pub fn listing_titles(data: &InputData) -> BTreeMap<(&str, &str), (&str, &str)> {
    let mut out = BTreeMap::new();
    for batch in data.batches("listings") {
        let c = Columns::new(batch);
        let (platform, listing, merchant, title) = (
            c.text("platform_id"),
            c.text("listing_id"),
            c.text("merchant_id"),
            c.text("title"),
        );
        for row in 0..c.len() {
            if let (Some(p), Some(l), Some(m)) =
                (platform.get(row), listing.get(row), merchant.get(row))
            {
                let value = (m, title.get(row).unwrap_or(""));
                let entry = out.entry((p, l)).or_insert(value);
                if value < *entry {
                    *entry = value;
                }
            }
        }
    }
    out
}

/// How a listing is named in a Chinese summary: 商品「title」（id）, or 商品 id without a title.
pub fn listing_name(listing: &str, title: &str) -> String {
    if title.is_empty() {
        format!("商品 {listing}")
    } else {
        format!("商品「{title}」（{listing}）")
    }
}

/// P(K ≥ k) for K ~ Binomial(n, p), summed in log space.
pub fn binomial_upper_tail(n: usize, k: usize, p: f64) -> f64 {
    if k == 0 {
        return 1.0;
    }
    if p >= 1.0 {
        return 1.0;
    }
    let ln_p = p.ln();
    let ln_q = (1.0 - p).ln();
    let mut ln_choose = 0.0f64; // ln C(n, 0)
    let mut terms = Vec::with_capacity(n + 1);
    for i in 0..=n {
        if i > 0 {
            ln_choose += ((n - i + 1) as f64).ln() - (i as f64).ln();
        }
        if i >= k {
            terms.push(ln_choose + i as f64 * ln_p + (n - i) as f64 * ln_q);
        }
    }
    let max = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let sum: f64 = terms.iter().map(|t| (t - max).exp()).sum();
    (max + sum.ln()).exp().min(1.0)
}

/// A figure rounded to 4 decimals for a finding's evidence.
pub fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

#[cfg(test)]
mod tests {
    use super::{ByListing, binomial_upper_tail};

    #[test]
    fn groups_by_listing_in_key_order_keeping_row_order() {
        let mut g: ByListing<'_, u32> = ByListing::default();
        for (i, key) in [("p", "b"), ("p", "a"), ("p", "b"), ("o", "z"), ("p", "a")]
            .into_iter()
            .enumerate()
        {
            g.push(key, i as u32);
        }
        assert_eq!(
            g.into_sorted(),
            vec![
                (("o", "z"), vec![3]),
                (("p", "a"), vec![1, 4]),
                (("p", "b"), vec![0, 2]),
            ]
        );
    }

    #[test]
    fn binomial_tail_matches_hand_values() {
        // P(K >= 1 | n = 3, p = 0.5) = 7/8; P(K >= 3) = 1/8; P(K >= 0) = 1.
        assert!((binomial_upper_tail(3, 1, 0.5) - 0.875).abs() < 1e-12);
        assert!((binomial_upper_tail(3, 3, 0.5) - 0.125).abs() < 1e-12);
        assert_eq!(binomial_upper_tail(3, 0, 0.5), 1.0);
        // P(K >= 14 | n = 20, p = 0.02) = 5.67170410174619e-20 (exact sum of the terms with
        // Python's math.comb).
        let v = binomial_upper_tail(20, 14, 0.02);
        assert!((v / 5.67170410174619e-20 - 1.0).abs() < 1e-9, "{v}");
    }
}
