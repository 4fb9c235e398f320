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
