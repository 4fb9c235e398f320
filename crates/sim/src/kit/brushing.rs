//! The brushing-ring generator of the held-out sets written as modules: a ring of accounts sharing
//! a few phones, networks and drop addresses that orders, "receives" and reviews with five stars
//! (反不正当竞争法（2025）第九条; 电子商务法 第十七条), and the genuine orders of honest crowds
//! beside it — each with its own buyer, phone, network and address.
//!
//! The draws happen in a fixed order per order; a set's [`Crowd`] constant fixes its review texts
//! and refund delay, so the same seed gives the same rows.

use serde_json::{Value, json};

use super::house::House;
use crate::city::{City, Listing, at};
use crate::rng::Rng;

/// A ring's shared resources.
pub(crate) struct Ring {
    pub(crate) accounts: Vec<String>,
    pub(crate) devices: Vec<String>,
    pub(crate) networks: Vec<String>,
    pub(crate) drops: Vec<String>,
}

impl Ring {
    /// A ring of `accounts` accounts on `devices` phones, `networks` networks and `drops` drop
    /// addresses, drawn in that order.
    pub(crate) fn new(
        rng: &mut Rng,
        accounts: usize,
        devices: usize,
        networks: usize,
        drops: usize,
    ) -> Ring {
        let mut draw = |n: usize| (0..n).map(|_| rng.hex64()).collect::<Vec<_>>();
        Ring {
            accounts: draw(accounts),
            devices: draw(devices),
            networks: draw(networks),
            drops: draw(drops),
        }
    }
}

/// How a ring's orders go.
pub(crate) struct Brush {
    /// Days of the ring's orders.
    pub(crate) days: std::ops::Range<i64>,
    /// Orders per account.
    pub(crate) per_account: i64,
    /// Seconds of day the orders fall in.
    pub(crate) hours: (i64, i64),
    /// Parcel weight range (`None`: no parcel, e.g. an e-ticket, a meal or a service).
    pub(crate) parcel: Option<(i64, i64)>,
    /// Seconds from order to signing.
    pub(crate) signed_after: (i64, i64),
    /// Seconds from signing to the five-star review.
    pub(crate) reviewed_after: (i64, i64),
    /// Whether the orders are refunded after the review.
    pub(crate) refunded: bool,
}

/// A set's buyers' voices: its house, the five-star texts of rings, the mixed texts of genuine
/// buyers, and how long after its review a ring's order is refunded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Crowd {
    pub(crate) house: &'static House,
    /// Five-star review texts of ring accounts.
    pub(crate) glowing: &'static [&'static str],
    /// Mixed review texts of genuine buyers (empty for a set that writes its own ordinary sales:
    /// [`Crowd::genuine`] then writes no review).
    pub(crate) plain: &'static [&'static str],
    /// Seconds from a ring order's review to its refund.
    pub(crate) refund_after: i64,
}

impl Crowd {
    /// A completed order of one unit of `l` at its price by `buyer` (the caller adds it).
    fn bought(
        &self,
        rng: &mut Rng,
        l: &Listing,
        order_no: &mut u64,
        day: i64,
        second: i64,
        buyer: &str,
    ) -> Value {
        let kit = &self.house.kit;
        kit.sale(
            rng,
            l,
            order_no,
            day,
            second,
            l.price,
            1,
            buyer,
            "completed",
        )
    }

    /// The ring's orders of `l`: each account orders `how.per_account` times on the ring's
    /// shared phones, networks and drop addresses, signs, reviews with five stars and, when the
    /// ring refunds, is refunded.
    pub(crate) fn ring_orders(
        &self,
        city: &mut City,
        rng: &mut Rng,
        l: &Listing,
        ring: &Ring,
        how: &Brush,
        order_no: &mut u64,
    ) {
        for (a, account) in ring.accounts.iter().enumerate() {
            for _ in 0..how.per_account {
                let day = rng.range(how.days.start, how.days.end - 1);
                let second = rng.range(how.hours.0, how.hours.1);
                let mut row = self.bought(rng, l, order_no, day, second, account);
                row["device_pid"] = json!(ring.devices[a % ring.devices.len()]);
                row["ip_pid"] = json!(ring.networks[a % ring.networks.len()]);
                row["ship_address_pid"] = json!(ring.drops[a % ring.drops.len()]);
                row["parcel_weight_g"] = json!(how.parcel.map(|(lo, hi)| rng.range(lo, hi)));
                let signed = second + rng.range(how.signed_after.0, how.signed_after.1);
                row["signed_at"] = json!(at(day, signed));
                let reviewed = signed + rng.range(how.reviewed_after.0, how.reviewed_after.1);
                let text = self.glowing[rng.below(self.glowing.len() as u64) as usize];
                self.house.review(city, l, &row, 5, text, at(day, reviewed));
                if how.refunded {
                    row["status"] = json!("refunded");
                    row["refunded_at"] = json!(at(day, reviewed + self.refund_after));
                }
                city.add(l.platform, "orders", row);
            }
        }
    }

    /// One genuine order: its own buyer, phone, network and address, a real parcel, sometimes a
    /// mixed review some days later.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn genuine(
        &self,
        city: &mut City,
        rng: &mut Rng,
        l: &Listing,
        order_no: &mut u64,
        buyer: &str,
        day: i64,
        parcel: Option<(i64, i64)>,
        review_share: f64,
    ) -> Value {
        let second = rng.range(28_000, 80_000);
        let mut row = self.bought(rng, l, order_no, day, second, buyer);
        row["device_pid"] = json!(rng.hex64());
        row["ip_pid"] = json!(rng.hex64());
        row["ship_address_pid"] = json!(rng.hex64());
        row["parcel_weight_g"] = json!(parcel.map(|(lo, hi)| rng.range(lo, hi)));
        row["signed_at"] = json!(at(day + 2, rng.range(30_000, 70_000)));
        if rng.chance(review_share) {
            let pick = rng.below(self.plain.len() as u64) as usize;
            let rating = rng.range(2, 5);
            if let Some(text) = self.plain.get(pick) {
                self.house.review(
                    city,
                    l,
                    &row,
                    rating,
                    text,
                    at(day + rng.range(3, 8), rng.range(0, 86_000)),
                );
            }
        }
        row
    }

    /// Ordinary sales of a listing to the city's shoppers: a genuine order on three days in five,
    /// one in five reviewed.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn ordinary(
        &self,
        city: &mut City,
        rng: &mut Rng,
        buyers: &[String],
        l: &Listing,
        days: i64,
        parcel: Option<(i64, i64)>,
        order_no: &mut u64,
    ) {
        for d in 0..days {
            if !rng.chance(0.6) {
                continue;
            }
            let b = rng.pick(buyers).clone();
            let row = self.genuine(city, rng, l, order_no, &b, d, parcel, 0.2);
            city.add(l.platform, "orders", row);
        }
    }
}
