//! Helpers shared by detectors.

use std::collections::BTreeMap;

use tianping_detect::InputData;
use tianping_detect::columns::Columns;

/// (platform, listing) → (merchant, title) from the `listings` input. Several deliveries may carry
/// the same listing: the smallest pair is kept, so the result does not depend on row order.
pub fn listing_titles(data: &InputData) -> BTreeMap<(&str, &str), (&str, &str)> {
    let mut out = BTreeMap::new();
    for batch in data.batches("listings") {
        let c = Columns::new(batch);
        for row in 0..c.len() {
            if let (Some(p), Some(l), Some(m)) = (
                c.str("platform_id", row),
                c.str("listing_id", row),
                c.str("merchant_id", row),
            ) {
                let value = (m, c.str("title", row).unwrap_or(""));
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
    use super::binomial_upper_tail;

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
