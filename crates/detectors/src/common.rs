//! Helpers shared by detectors.

use std::collections::BTreeMap;

use tianping_detect::InputData;
use tianping_detect::columns::Columns;

/// (platform, listing) → (merchant, title) from the `listings` input. Several deliveries may carry
/// the same listing: the smallest pair is kept, so the result does not depend on row order.
pub fn listing_titles(data: &InputData) -> BTreeMap<(String, String), (String, String)> {
    let mut out: BTreeMap<(String, String), (String, String)> = BTreeMap::new();
    for batch in data.batches("listings") {
        let c = Columns::new(batch);
        for row in 0..c.len() {
            if let (Some(p), Some(l), Some(m)) = (
                c.str("platform_id", row),
                c.str("listing_id", row),
                c.str("merchant_id", row),
            ) {
                let value = (m.to_string(), c.str("title", row).unwrap_or("").to_string());
                let entry = out
                    .entry((p.to_string(), l.to_string()))
                    .or_insert_with(|| value.clone());
                if value < *entry {
                    *entry = value;
                }
            }
        }
    }
    out
}
