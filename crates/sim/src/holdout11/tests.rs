//! Checks of the eleventh set on its own: the checks every set shares (`crate::settests`) with
//! its numbers — the batches read back as ingest reads them, the referral schemes' size, depth
//! and head rewards, one person's shops added up — and its own: times written in UTC or with
//! milliseconds name the same instant, the seven-day return window counted in China time from
//! the day after signing, the k-ary trees' shape, the sales on either side of the seven-day
//! window, the code whose check character is `0`, the code one character off, and the probes.

use serde_json::Value;

use super::market::k_ary;
use super::{Stamp, stamp};
use crate::city::at;
use crate::settests::rows;
use crate::truth::Label;

crate::settests::set_checks! {
    plant: super::plant,
    tag: "h11",
    set: "holdout11",
    cases: 150..=180,
    negatives: 0.45..=0.55,
    warned: crate::settests::two_bad_codes_warn,
    // The room-level negatives: the filed host's fourteen active registrations, and ten
    // successive tenants of one shop front with only the newest active.
    room_negative: |n, active| matches!((n, active), (14, 14) | (10, 1)),
    compared_prices: 8,
}

/// Seconds since day 0's midnight in China time of an RFC 3339 time written with `+08:00` or
/// `Z`, fractional seconds ignored.
fn china_seconds(text: &str) -> i64 {
    let local = crate::settests::seconds(text);
    if text.ends_with('Z') {
        local + 8 * 3_600
    } else {
        local
    }
}

#[test]
fn every_style_of_stamp_names_the_same_instant() {
    for (day, second) in [(0, 0), (31, 86_310), (30, 600), (37, 86_370), (-3, 45_000)] {
        let local = stamp(Stamp::Local, day, second);
        assert_eq!(local, at(day, second));
        let utc = stamp(Stamp::Utc, day, second);
        assert!(utc.ends_with('Z'), "{utc}");
        assert_eq!(china_seconds(&utc), china_seconds(&local), "{utc} {local}");
        let millis = stamp(Stamp::Millis(7), day, second);
        assert!(millis.ends_with(".007+08:00"), "{millis}");
        assert_eq!(china_seconds(&millis), china_seconds(&local));
    }
    // Just after midnight in Hangzhou is the evening before in UTC.
    assert!(stamp(Stamp::Utc, 30, 600).starts_with(&at(29, 0)[..10]));
}

#[test]
fn the_set_written_as_batches_is_read_by_ingest_without_quarantine() {
    // The two planted bad check characters warn: two merchant rows and one registry row.
    crate::settests::assert_read_back(super::plant, 11, 3);
}

#[test]
fn return_labels_follow_the_seven_days_counted_in_china_time_from_the_day_after_signing() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let listings = rows(&city, "listings");
    let orders = rows(&city, "orders");
    let mut judged = 0;
    for t in city
        .truth
        .rows
        .iter()
        .filter(|t| t.rule == "return_refusal.no_reason_return")
    {
        let order = orders
            .iter()
            .find(|o| {
                o["merchant_id"] == t.subject.id.as_str() && o["return_outcome"] == "rejected"
            })
            .unwrap_or_else(|| panic!("{}: no refused return", t.subject.id));
        let signed = china_seconds(order["signed_at"].as_str().unwrap_or(""));
        let asked = china_seconds(order["return_requested_at"].as_str().unwrap_or(""));
        let deadline = (signed.div_euclid(86_400) + 8) * 86_400;
        let class = listings
            .iter()
            .find(|l| l["listing_id"] == order["listing_id"])
            .and_then(|l| l["product_class"].as_str())
            .unwrap_or("");
        let excluded = matches!(class, "custom_made" | "fresh" | "digital" | "periodical");
        assert_eq!(
            asked < deadline && !excluded,
            t.label == Label::Positive,
            "{}: asked {asked}, deadline {deadline}, class {class}",
            t.subject.id
        );
        judged += 1;
    }
    assert_eq!(judged, 7);
    // Two of them are written so that the UTC date is not the China date.
    let crossing = orders
        .iter()
        .filter(|o| o["return_outcome"] == "rejected")
        .filter(|o| {
            ["signed_at", "return_requested_at"].iter().any(|f| {
                let text = o[*f].as_str().unwrap_or("");
                text.ends_with('Z')
                    && china_seconds(text).div_euclid(86_400)
                        != crate::settests::seconds(text).div_euclid(86_400)
            })
        })
        .count();
    assert_eq!(crossing, 2);
}

#[test]
fn pyramid_labels_follow_head_rewards_over_thirty_members_and_three_levels() {
    let city = crate::settests::alone(super::plant, 7, 60);
    crate::settests::assert_pyramids(&city, 6, |id, s| {
        // The smallest paying tree sits exactly at thirty members and three levels.
        if id == "h11-scheme-ejiao" {
            assert_eq!((s.members, s.levels), (30, 3));
        }
    });
}

#[test]
fn k_ary_trees_fill_level_by_level() {
    let t = k_ary(13, 3);
    assert_eq!(t[0], None);
    assert_eq!(
        (t[1], t[3], t[4], t[12]),
        (Some(0), Some(0), Some(1), Some(3))
    );
    let depth = |tree: &[Option<usize>], mut i: usize| {
        let mut d = 0;
        while let Some(p) = tree[i] {
            d += 1;
            i = p;
        }
        d
    };
    let t = k_ary(30, 3);
    assert_eq!((0..30).map(|i| depth(&t, i)).max(), Some(3));
    let t = k_ary(64, 2);
    assert_eq!((0..64).map(|i| depth(&t, i)).max(), Some(6));
    assert!(k_ary(4, 0).iter().all(Option::is_none));
}

#[test]
fn natural_person_labels_follow_the_yearly_total_of_each_persons_shops() {
    let city = crate::settests::alone(super::plant, 7, 60);
    crate::settests::assert_natural_totals(&city, &["手工", "自产"], 7);
}

#[test]
fn lower_sales_fall_where_the_compared_price_labels_say() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let orders = rows(&city, "orders");
    let low = |listing: &str, status: &str| {
        orders
            .iter()
            .filter(|o| o["listing_id"] == listing && o["status"] == status)
            .map(|o| {
                (
                    o["unit_price_fen"].as_i64().unwrap_or(0),
                    china_seconds(o["ordered_at"].as_str().unwrap_or("")),
                )
            })
            .min()
            .unwrap_or((0, 0))
    };
    // The wine's 529 fell on day 33, the first day of the window before day 40.
    let (price, when) = low("h11-wine1-l0", "completed");
    assert_eq!(price, 52_900);
    assert_eq!(when.div_euclid(86_400), 33);
    // The bike's completed 10999 fell at 23:58 of day 31, the eighth day before day 39, written
    // in UTC; its cancelled 10999 fell inside the window.
    let (price, when) = low("h11-bike1-l0", "completed");
    assert_eq!((price, when), (1_099_900, 31 * 86_400 + 86_310));
    let (price, when) = low("h11-bike1-l0", "cancelled");
    assert_eq!(price, 1_099_900);
    assert_eq!(when.div_euclid(86_400), 35);
    // The perfume's week low is one yuan under its compared price.
    assert_eq!(low("h11-scent1-l0", "completed").0, 68_900);
}

#[test]
fn the_zero_check_code_is_valid_and_the_one_off_code_is_not_registered() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let merchants = rows(&city, "merchants");
    let registry = rows(&city, "registry");
    let code_of = |id: &str| -> String {
        merchants
            .iter()
            .find(|m| m["merchant_id"] == id)
            .and_then(|m| m["uscc"].as_str())
            .unwrap_or("")
            .to_string()
    };
    let registered = |uscc: &str| registry.iter().any(|r| r["uscc"] == uscc);
    let zero = code_of("huishang-h11-id-zero");
    assert!(zero.ends_with('0'), "{zero}");
    assert_eq!(
        tianping_domain::value::uscc_check_character(&zero[..17]),
        Some('0')
    );
    assert!(registered(&zero));
    let declared = code_of("huishang-h11-id-unk2");
    assert!(!registered(&declared));
    let twin = registry
        .iter()
        .filter_map(|r| r["uscc"].as_str())
        .find(|c| {
            c.len() == 18
                && c[..8] == declared[..8]
                && c.bytes()
                    .zip(declared.bytes())
                    .filter(|(a, b)| a != b)
                    .count()
                    <= 2
                && *c != declared
        })
        .expect("the registered twin");
    assert_eq!(
        tianping_domain::value::uscc_check_character(&twin[..17]),
        twin.chars().last()
    );
}

#[test]
fn probe_pairs_differ_only_in_history() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let probes: Vec<&Value> = rows(&city, "price_observations")
        .into_iter()
        .filter(|o| o["source"] == "regulator_probe")
        .collect();
    assert_eq!(probes.len(), 24);
    for pair in probes.chunks(2) {
        assert_eq!(pair[0]["device"], pair[1]["device"]);
        assert_eq!(pair[0]["viewer_adcode"], pair[1]["viewer_adcode"]);
        assert_eq!(pair[0]["viewer_segment"], pair[1]["viewer_segment"]);
        assert_ne!(pair[0]["viewer_orders_90d"], pair[1]["viewer_orders_90d"]);
        // The foot-massage pairs pay the same within a pair.
        if pair[0]["listing_id"] == "h11-foot1-l0" {
            assert_eq!(pair[0]["payable_price_fen"], pair[1]["payable_price_fen"]);
        }
    }
}
