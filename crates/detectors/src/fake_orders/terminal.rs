//! Version 3: a merchant's own ordering device (an in-store tablet, a kiosk, a counter phone) is
//! not a phone farm.
//!
//! `shared_devices` reads several accounts ordering from one device as a ring run from a few
//! phones. A studio whose customers scan and pay on its tablet at the counter shows the same: many
//! accounts, one device. What tells them apart is whose device it is. A farm phone is where the
//! ring's accounts live — fresh accounts that order nowhere else, or a ring's phones carried from
//! client to client. A counter device is the merchant's: it is used at that merchant only, and
//! the customers who ordered on it are ordinary shoppers who buy elsewhere from their own phones.
//! So a device at least two accounts ordered from at a merchant is that merchant's *terminal* when
//! no order at any other merchant came from it and at least `terminal_elsewhere_share` of the
//! accounts that ordered from it there also ordered at other merchants (from other devices, since
//! the device is used nowhere else). A terminal does not count as a shared device, and the phone
//! farm candidate (`farm.rs`) is not drawn from it; the other behaviours are judged as before.
//!
//! Known false negative: a ring run from phones that serve one client only, whose accounts also
//! buy elsewhere on their own phones (camouflage from a separate device); its phones read as a
//! terminal and it needs two of the other behaviours.

use rustc_hash::{FxHashMap, FxHashSet};

use super::Order;

/// The devices that are one merchant's terminal (see the module documentation).
pub(super) fn terminal_devices(
    orders: &[Order],
    by_merchant: &[Vec<usize>],
    accounts: usize,
    elsewhere_share: f64,
) -> FxHashSet<u32> {
    // Devices at least two accounts ordered from at one merchant: device → (merchant, used at
    // another merchant too).
    let mut shared: FxHashMap<u32, (u32, bool)> = FxHashMap::default();
    for (merchant, idx) in by_merchant.iter().enumerate() {
        let mut pairs: Vec<(u32, u32)> = idx
            .iter()
            .filter_map(|&i| orders[i].device.map(|d| (d, orders[i].account)))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        for w in pairs.chunk_by(|a, b| a.0 == b.0) {
            if w.len() >= 2 {
                shared
                    .entry(w[0].0)
                    .and_modify(|e| e.1 |= e.0 != merchant as u32)
                    .or_insert((merchant as u32, false));
            }
        }
    }
    if shared.is_empty() {
        return FxHashSet::default();
    }
    // Accounts that ordered at more than one merchant; devices used anywhere else.
    let mut first: Vec<u32> = vec![u32::MAX; accounts];
    let mut several: Vec<bool> = vec![false; accounts];
    for o in orders {
        let a = o.account as usize;
        if a >= accounts {
            continue;
        }
        if first[a] == u32::MAX {
            first[a] = o.merchant;
        } else if first[a] != o.merchant {
            several[a] = true;
        }
        if let Some(e) = o.device.and_then(|d| shared.get_mut(&d))
            && e.0 != o.merchant
        {
            e.1 = true;
        }
    }
    // The devices used at one merchant only, by merchant; then each one's accounts there.
    let mut by_merchant_devices: FxHashMap<u32, FxHashSet<u32>> = FxHashMap::default();
    for (&device, &(merchant, elsewhere)) in &shared {
        if !elsewhere {
            by_merchant_devices
                .entry(merchant)
                .or_default()
                .insert(device);
        }
    }
    let mut terminals = FxHashSet::default();
    for (merchant, devices) in by_merchant_devices {
        let mut on: Vec<(u32, u32)> = by_merchant[merchant as usize]
            .iter()
            .map(|&i| &orders[i])
            .filter_map(|o| {
                o.device
                    .filter(|d| devices.contains(d))
                    .map(|d| (d, o.account))
            })
            .collect();
        on.sort_unstable();
        on.dedup();
        for w in on.chunk_by(|a, b| a.0 == b.0) {
            let away = w
                .iter()
                .filter(|(_, a)| several.get(*a as usize).copied().unwrap_or(false))
                .count();
            if w.len() >= 2 && away as f64 >= elsewhere_share * w.len() as f64 {
                terminals.insert(w[0].0);
            }
        }
    }
    terminals
}
