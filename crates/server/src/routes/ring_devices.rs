//! A merchant's relations by a brushing ring's devices (`via: "ring_device"`, issue 10: "relations
//! … devices").
//!
//! The data standard has no device field on the merchant side: only the buyer's `device_pid` on
//! `orders` (§3.6, pseudonymised). So the relation is derived from `fake_orders` findings: a
//! finding names its ring's accounts (`related`, kind `person`), and the ring's devices at the
//! merchant are the devices those accounts ordered from there (cancelled orders left out, as the
//! detector does). Another merchant is related when it too has a `fake_orders` finding whose ring
//! ordered from at least one of the same devices — one crew brushing several shops, the link a
//! case officer needs to find the organiser. Requiring the other merchant's own finding keeps out
//! the best sellers a ring buys from as camouflage.
//!
//! Each relation gives the other merchant, the number of shared devices and the finding ids on
//! both sides — never a device id (pseudonyms, but only counts are shown). A merchant is listed
//! only when the caller may read that merchant's platform data (the profile's own check, asked
//! without auditing: this is not a request of its own).
//!
//! Cost: nothing for a merchant without a `fake_orders` finding; otherwise one lake query (the
//! orders from the devices its rings' accounts, at most [`MAX_ACCOUNTS`], ordered from there),
//! run once per data version and set of ring accounts and then answered from the snapshot's
//! cache ([`lakeview::Snapshot::derived`]), one store query for the merchants with a `fake_orders`
//! finding, and one store read per candidate among those (at most [`MAX_CANDIDATES`], those
//! sharing the most devices first). The profile of a brushed merchant was the slowest read under
//! load (48–61 ms a request, release, with the query and a store read for each of up to 200
//! merchants its devices ordered from, most of them camouflage with no finding).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::access::{Caller, may_read_merchant};
use crate::error::ApiError;
use crate::routes::lakeview;
use crate::routes::profile_index::{MAX_ROWS, ProfileIndex};
use crate::state::AppState;

/// Most ring accounts of one merchant looked up (a finding's ring is tens of accounts).
pub const MAX_ACCOUNTS: usize = 1_000;
/// Most other merchants checked for a finding of their own.
pub const MAX_CANDIDATES: usize = 200;
/// `(platform_id, merchant_id)`.
type MerchantId = (String, String);
/// `(buyer_pid, device_pid)` of orders.
type BuyerDevices = Vec<(String, String)>;

/// One ring query's rows, prepared: the orders of the merchant asked about (buyer, device), and
/// every other merchant those devices ordered from with its orders, those sharing the most
/// devices first (then by key: a stable order).
struct Prepared {
    own: BuyerDevices,
    others: Vec<(MerchantId, BuyerDevices)>,
}

impl Prepared {
    fn from_rows(rows: &[Value], platform: &str, merchant: &str) -> Prepared {
        let mut own: BuyerDevices = Vec::new();
        let mut others: BTreeMap<MerchantId, BuyerDevices> = BTreeMap::new();
        for r in rows {
            let (Some(p), Some(m), Some(b), Some(d)) = (
                text(r, "platform_id"),
                text(r, "merchant_id"),
                text(r, "buyer_pid"),
                text(r, "device_pid"),
            ) else {
                continue;
            };
            if (p.as_str(), m.as_str()) == (platform, merchant) {
                own.push((b, d));
            } else if lakeview::is_plain_id(&p) && lakeview::is_plain_id(&m) {
                others.entry((p, m)).or_default().push((b, d));
            }
        }
        let mut others: Vec<(MerchantId, BuyerDevices)> = others.into_iter().collect();
        others.sort_by_cached_key(|(key, orders)| {
            let devices: BTreeSet<&String> = orders.iter().map(|(_, d)| d).collect();
            (std::cmp::Reverse(devices.len()), key.clone())
        });
        Prepared { own, others }
    }
}

/// Most findings read per merchant.
const FINDINGS_MAX: u32 = 500;

/// The `fake_orders` findings among `findings` (stored bodies): `(finding_id, ring accounts)`.
fn rings(findings: &[Value]) -> Vec<(String, BTreeSet<String>)> {
    findings
        .iter()
        .filter(|f| f.get("detector").and_then(Value::as_str) == Some("fake_orders"))
        .filter_map(|f| {
            let id = f.get("finding_id").and_then(Value::as_str)?;
            let accounts: BTreeSet<String> = f
                .get("related")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .filter(|r| r.get("kind").and_then(Value::as_str) == Some("person"))
                .filter_map(|r| r.get("id").and_then(Value::as_str))
                .filter(|a| lakeview::is_plain_id(a))
                .map(str::to_string)
                .collect();
            (!accounts.is_empty()).then(|| (id.to_string(), accounts))
        })
        .collect()
}

fn text(v: &Value, field: &str) -> Option<String> {
    v.get(field).and_then(Value::as_str).map(str::to_string)
}

/// Per device, the findings of `rings` whose accounts ordered from it (`orders`: rows of
/// `buyer_pid`, `device_pid` at one merchant).
fn ring_devices(
    rings: &[(String, BTreeSet<String>)],
    orders: &[(String, String)],
) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (buyer, device) in orders {
        for (id, accounts) in rings {
            if accounts.contains(buyer) {
                out.entry(device.clone()).or_default().insert(id.clone());
            }
        }
    }
    out
}

/// The stored finding bodies of one merchant, parsed.
async fn findings_of(
    state: &AppState,
    platform: &str,
    merchant: &str,
) -> Result<Vec<Value>, ApiError> {
    let page = state
        .store
        .subject_findings(platform, merchant, FINDINGS_MAX)
        .await?;
    page.items
        .iter()
        .map(|body| serde_json::from_str(body).map_err(ApiError::internal))
        .collect()
}

/// The `ring_device` relations of `platform`/`merchant`, whose stored findings are `findings`:
/// `{via, platform_id, merchant_id, merchant_key, name?, uscc?, shared_devices, finding_ids}`
/// sorted by shared devices (most first), then platform and merchant id; at most [`MAX_ROWS`].
pub async fn relations(
    state: &AppState,
    caller: &Caller,
    snap: &lakeview::Snapshot,
    index: &ProfileIndex,
    platform: &str,
    merchant: &str,
    findings: &[Value],
) -> Result<Vec<Value>, ApiError> {
    let own_rings = rings(findings);
    if own_rings.is_empty() || !lakeview::is_plain_id(platform) || !lakeview::is_plain_id(merchant)
    {
        return Ok(Vec::new());
    }
    // One query: every order from a device the rings' accounts ordered from here (ids checked
    // plain before they enter SQL text). Its rows here give the ring's devices; the others, the
    // merchants those devices also ordered from.
    let accounts: BTreeSet<&String> = own_rings.iter().flat_map(|(_, a)| a).collect();
    let list: Vec<String> = accounts
        .iter()
        .take(MAX_ACCOUNTS)
        .map(|a| format!("'{a}'"))
        .collect();
    let sql = format!(
        "SELECT DISTINCT platform_id, merchant_id, buyer_pid, device_pid FROM orders \
         WHERE (status IS NULL OR status <> 'cancelled') AND device_pid IN (\
         SELECT device_pid FROM orders WHERE platform_id = '{platform}' \
         AND merchant_id = '{merchant}' AND buyer_pid IN ({}) AND device_pid IS NOT NULL \
         AND (status IS NULL OR status <> 'cancelled'))",
        list.join(", ")
    );
    // The query and what is prepared from its rows depend on the data version and the text
    // only (platform, merchant, accounts): kept per version.
    let prepared = snap
        .derived(&sql, || async {
            let rows = lakeview::rows(&snap.lake, &sql).await?;
            let n = rows.len();
            Ok((Prepared::from_rows(&rows, platform, merchant), n))
        })
        .await?;
    let mine = ring_devices(&own_rings, &prepared.own);
    if mine.is_empty() {
        return Ok(Vec::new());
    }
    // Only merchants with a `fake_orders` finding can be related: one store query narrows the
    // candidates (most are shops the rings bought from as camouflage) before any finding is read.
    let brushed: BTreeSet<MerchantId> = state
        .store
        .finding_subjects("fake_orders")
        .await?
        .into_iter()
        .collect();
    let candidates = prepared
        .others
        .iter()
        .filter(|(key, _)| brushed.contains(key));
    let mut out: Vec<(usize, (String, String), Value)> = Vec::new();
    for ((p, m), orders) in candidates.take(MAX_CANDIDATES) {
        // Only merchants whose profile the caller may read (no audit entry: not a request).
        if !may_read_merchant(state, caller, p, index.place(p, m)?.as_deref()) {
            continue;
        }
        let their_rings = rings(&findings_of(state, p, m).await?);
        if their_rings.is_empty() {
            continue;
        }
        let theirs = ring_devices(&their_rings, orders);
        let shared: Vec<&String> = theirs.keys().filter(|d| mine.contains_key(*d)).collect();
        if shared.is_empty() {
            continue;
        }
        let mut ids: BTreeSet<String> = BTreeSet::new();
        for d in &shared {
            ids.extend(mine[*d].iter().cloned());
            ids.extend(theirs[*d].iter().cloned());
        }
        let mut row = Map::new();
        row.insert("via".into(), "ring_device".into());
        row.insert("platform_id".into(), p.as_str().into());
        row.insert("merchant_id".into(), m.as_str().into());
        row.insert("merchant_key".into(), format!("merchant|{p}|{m}").into());
        if let Some(shop) = index.shop(p, m)? {
            for field in ["shop_name", "uscc"] {
                if let Some(v) = shop.get(field).filter(|v| v.is_string()) {
                    let key = if field == "shop_name" { "name" } else { field };
                    row.insert(key.into(), v.clone());
                }
            }
        }
        row.insert("shared_devices".into(), shared.len().into());
        row.insert(
            "finding_ids".into(),
            Value::Array(ids.into_iter().map(Value::from).collect()),
        );
        out.push((shared.len(), (p.clone(), m.clone()), Value::Object(row)));
    }
    out.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    Ok(out.into_iter().take(MAX_ROWS).map(|(_, _, v)| v).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rings_take_person_accounts_of_fake_orders_findings_only() {
        let findings = vec![
            json!({"finding_id": "f1", "detector": "fake_orders",
                   "related": [{"kind": "person", "id": "a1"}, {"kind": "merchant", "id": "m9"},
                               {"kind": "person", "id": "bad'id"}]}),
            json!({"finding_id": "f2", "detector": "price_fraud",
                   "related": [{"kind": "person", "id": "a2"}]}),
            json!({"finding_id": "f3", "detector": "fake_orders", "related": []}),
        ];
        let r = rings(&findings);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].0, "f1");
        assert_eq!(r[0].1.iter().collect::<Vec<_>>(), ["a1"]);
    }

    #[test]
    fn ring_devices_are_those_the_ring_accounts_ordered_from() {
        let rings = vec![("f1".to_string(), BTreeSet::from(["a1".to_string()]))];
        let orders = vec![
            ("a1".to_string(), "d1".to_string()),
            ("a1".to_string(), "d2".to_string()),
            ("honest".to_string(), "d3".to_string()),
        ];
        let d = ring_devices(&rings, &orders);
        assert_eq!(d.keys().collect::<Vec<_>>(), ["d1", "d2"]);
        assert_eq!(d["d1"].iter().collect::<Vec<_>>(), ["f1"]);
    }
}
