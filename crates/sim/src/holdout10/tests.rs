//! Checks of the tenth set on its own: the checks every set shares (`crate::settests`) with its
//! numbers — the batches read back as ingest reads them, the seven-day return window counted
//! from the day after signing, the referral schemes' size, depth and head rewards, one person's
//! shops added up — and its own: the chains' shape, the coupon-stacked and odd-minute sales on
//! either side of the seven-day window, the renamed operator and the paired probes.

use super::market::chains;
use crate::settests::{rows, seconds};

crate::settests::set_checks! {
    plant: super::plant,
    tag: "h10",
    set: "holdout10",
    cases: 140..=170,
    negatives: 0.45..=0.55,
    warned: crate::settests::two_bad_codes_warn,
    // The room-level negatives: the filed host's fifteen active registrations, and nine
    // successive tenants of one shop front with only the newest active.
    room_negative: |n, active| matches!((n, active), (15, 15) | (9, 1)),
    compared_prices: 7,
}

#[test]
fn chains_hang_off_the_founder_in_runs() {
    let c = chains(17, 8);
    assert_eq!(c.len(), 17);
    assert_eq!(c[0], None);
    assert_eq!(
        (c[1], c[2], c[8], c[9], c[10]),
        (Some(0), Some(1), Some(7), Some(0), Some(9))
    );
    let depth = |mut i: usize| {
        let mut d = 0;
        while let Some(p) = c[i] {
            d += 1;
            i = p;
        }
        d
    };
    assert_eq!((0..17).map(depth).max(), Some(8));
    assert!(chains(5, 0).iter().all(Option::is_none));
}

#[test]
fn the_set_written_as_batches_is_read_by_ingest_without_quarantine() {
    // The two planted bad check characters warn: two merchant rows and one registry row.
    crate::settests::assert_read_back(super::plant, 10, 3);
}

#[test]
fn return_labels_follow_the_seven_days_counted_from_the_day_after_signing() {
    let city = crate::settests::alone(super::plant, 7, 60);
    crate::settests::assert_return_windows(&city, 7);
}

#[test]
fn pyramid_labels_follow_head_rewards_over_thirty_members_and_three_levels() {
    let city = crate::settests::alone(super::plant, 7, 60);
    crate::settests::assert_pyramids(&city, 6, |id, s| {
        // The chains make the paying schemes deep: at least five levels.
        if s.heads_paid && s.levels > 1 {
            assert!(s.levels >= 5, "{id}");
        }
    });
}

#[test]
fn natural_person_labels_follow_the_yearly_total_of_each_persons_shops() {
    let city = crate::settests::alone(super::plant, 7, 60);
    crate::settests::assert_natural_totals(&city, &["手工"], 6);
}

#[test]
fn coupon_and_odd_minute_sales_fall_where_the_labels_say() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let orders = rows(&city, "orders");
    let low = |listing: &str| {
        orders
            .iter()
            .filter(|o| o["listing_id"] == listing)
            .map(|o| {
                (
                    o["unit_price_fen"].as_i64().unwrap_or(0),
                    seconds(o["ordered_at"].as_str().unwrap_or("")),
                )
            })
            .min()
            .unwrap_or((0, 0))
    };
    // The drill's coupon-stacked 339 fell on days 33 to 36, inside the window of day 40.
    let (price, when) = low("h10-drill1-l0");
    assert_eq!(price, 33_900);
    assert!((33 * 86_400..37 * 86_400).contains(&when));
    // The bird's nest's 1288 fell between 13:47 and 14:06 of day 35.
    let (price, when) = low("h10-nest1-l0");
    assert_eq!(price, 128_800);
    assert!((35 * 86_400 + 49_620..=35 * 86_400 + 50_760).contains(&when));
    // The goggles' coupon-stacked 369 fell after 23:36 of day 32, the eighth day before day 40.
    let (price, when) = low("h10-ski1-l0");
    assert_eq!(price, 36_900);
    assert!((32 * 86_400 + 85_000..33 * 86_400).contains(&when));
}

#[test]
fn the_renamed_operator_keeps_its_code_under_a_new_name() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let merchant = rows(&city, "merchants")
        .into_iter()
        .find(|m| m["merchant_id"] == "huishang-h10-id-renamed")
        .expect("renamed shop");
    let registered = rows(&city, "registry")
        .into_iter()
        .find(|r| r["uscc"] == merchant["uscc"])
        .expect("registered");
    assert_eq!(registered["status"], "active");
    assert_ne!(registered["name"], merchant["name"]);
}

#[test]
fn probe_pairs_differ_only_in_history() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let probes: Vec<_> = rows(&city, "price_observations")
        .into_iter()
        .filter(|o| o["source"] == "regulator_probe")
        .collect();
    assert_eq!(probes.len(), 24);
    for pair in probes.chunks(2) {
        assert_eq!(pair[0]["device"], pair[1]["device"]);
        assert_eq!(pair[0]["viewer_adcode"], pair[1]["viewer_adcode"]);
        assert_ne!(pair[0]["viewer_orders_90d"], pair[1]["viewer_orders_90d"]);
    }
}
