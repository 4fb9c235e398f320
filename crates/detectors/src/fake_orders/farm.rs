//! The third way `fake_orders` finds a candidate ring: a phone farm at one merchant.
//!
//! Density finds a ring that spreads over several merchants or orders repeatedly; empty parcels
//! find a ring that ships nothing. A ring of fresh accounts that each order **once** at **one**
//! merchant, for goods without a parcel (a membership, an e-ticket, a service redeemed in the
//! shop), is neither: in the account–merchant graph it is a star of degree-one accounts, which
//! FRAUDAR's logarithmic weighting ranks below any block of ordinary traffic (a star of n accounts
//! scores under 1/ln(n + 5)), and it has no parcel to weigh. What such a ring cannot hide is that
//! its accounts are run from a handful of phones. So here the candidate is the merchant's
//! accounts that ordered from a device at least `farm_accounts` of them ordered from; it is then
//! judged like the other candidates (at least `min_accounts` accounts, `min_share` of the
//! merchant's orders and `min_signals` behaviours, of which the shared phones are one by
//! construction, so one more behaviour — instant signing, instant reviews, templated reviews or
//! empty parcels — is needed).
//!
//! Only devices, not networks or addresses: colleagues share an office network and a front desk,
//! and mobile carriers put many customers behind one address; a phone that a dozen accounts order
//! from is not ordinary.

use std::collections::{BTreeMap, BTreeSet};

use super::Order;

/// The accounts among `orders` that ordered from a device at least `farm_accounts` distinct
/// accounts among `orders` ordered from, and the number of such devices.
pub(super) fn farm_accounts<'a>(
    orders: impl Iterator<Item = &'a Order>,
    farm_accounts: usize,
) -> (BTreeSet<u32>, usize) {
    let mut by_device: BTreeMap<u32, BTreeSet<u32>> = BTreeMap::new();
    for o in orders {
        if let Some(d) = o.device {
            by_device.entry(d).or_default().insert(o.account);
        }
    }
    let mut devices = 0;
    let mut accounts = BTreeSet::new();
    for members in by_device.values() {
        if members.len() >= farm_accounts.max(2) {
            devices += 1;
            accounts.extend(members.iter().copied());
        }
    }
    (accounts, devices)
}
