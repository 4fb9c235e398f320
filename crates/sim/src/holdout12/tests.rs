//! Checks of the twelfth set on its own: the checks every set shares (`crate::settests`) with
//! its numbers — the batches read back as ingest reads them, the referral schemes' size, depth
//! and head rewards, one person's shops added up — and its own: times written with `+00:00` or
//! with microseconds name the same instant, the seven-day return window counted in China time
//! from the day after signing, the two-leg and fan trees' shape, the sales at the edges of the
//! seven-day window, the swapped code, the renamed company, the probes, the evening bursts'
//! parcels and the raises' coupons.

use serde_json::Value;

use super::market::{FAN_30, fan, two_legs};
use super::{Stamp, stamp};
use crate::city::at;
use crate::settests::rows;
use crate::truth::Label;

crate::settests::set_checks! {
    plant: super::plant,
    tag: "h12",
    set: "holdout12",
    cases: 160..=185,
    negatives: 0.45..=0.55,
    warned: crate::settests::two_bad_codes_warn,
    // The room-level negatives: the filed host's sixteen active registrations, and nine
    // successive tenants of one shop front with only the newest active.
    room_negative: |n, active| matches!((n, active), (16, 16) | (9, 1)),
    compared_prices: 8,
}

/// Seconds since day 0's midnight in China time of an RFC 3339 time written with `+08:00` or
/// `+00:00`, fractional seconds ignored.
fn china_seconds(text: &str) -> i64 {
    let local = crate::settests::seconds(text);
    if text.ends_with("+00:00") {
        local + 8 * 3_600
    } else {
        assert!(text.ends_with("+08:00"), "{text}");
        local
    }
}

#[test]
fn every_style_of_stamp_names_the_same_instant() {
    for (day, second) in [
        (0, 0),
        (32, 86_399),
        (31, 25_200),
        (37, 86_399),
        (-3, 45_000),
    ] {
        let local = stamp(Stamp::Local, day, second);
        assert_eq!(local, at(day, second));
        let zero = stamp(Stamp::Zero, day, second);
        assert!(zero.ends_with("+00:00"), "{zero}");
        assert_eq!(
            china_seconds(&zero),
            china_seconds(&local),
            "{zero} {local}"
        );
        let micros = stamp(Stamp::Micros(7), day, second);
        assert!(micros.ends_with(".000007+08:00"), "{micros}");
        assert_eq!(china_seconds(&micros), china_seconds(&local));
        // Each parses as RFC 3339 to the same instant.
        let parse = |t: &str| {
            tianping_domain::value::parse_time(t)
                .ok()
                .map(|ns| ns / 1_000_000_000)
        };
        assert_eq!(parse(&zero), parse(&local), "{zero}");
        assert_eq!(parse(&micros), parse(&local), "{micros}");
        assert!(parse(&local).is_some(), "{local}");
    }
    // A morning in Hangzhou carries the previous date in UTC.
    assert!(stamp(Stamp::Zero, 31, 25_200).starts_with(&at(30, 0)[..10]));
}

#[test]
fn the_set_written_as_batches_is_read_by_ingest_without_quarantine() {
    // The two planted bad check characters warn: two merchant rows and one registry row.
    crate::settests::assert_read_back(super::plant, 12, 3);
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
    // The first is asked in the very last second of the seven days.
    let last = orders
        .iter()
        .find(|o| o["merchant_id"] == "huishang-h12-ret1" && o["return_outcome"] == "rejected")
        .expect("ret1");
    let asked = china_seconds(last["return_requested_at"].as_str().unwrap_or(""));
    let signed = china_seconds(last["signed_at"].as_str().unwrap_or(""));
    assert_eq!(asked + 1, (signed.div_euclid(86_400) + 8) * 86_400);
    // Two are written so that the UTC date is not the China date.
    let crossing = orders
        .iter()
        .filter(|o| o["return_outcome"] == "rejected")
        .filter(|o| {
            ["signed_at", "return_requested_at"].iter().any(|f| {
                let text = o[*f].as_str().unwrap_or("");
                text.ends_with("+00:00")
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
        // The fan sits exactly at thirty members and three levels.
        if id == "h12-scheme-pearl" {
            assert_eq!((s.members, s.levels), (30, 3));
        }
        if id == "h12-scheme-pearl2" {
            assert_eq!(s.members, 29);
            assert!(s.heads_paid);
        }
    });
}

#[test]
fn two_leg_trees_and_fans_have_their_shapes() {
    let depth = |tree: &[Option<usize>], mut i: usize| {
        let mut d = 0;
        while let Some(p) = tree[i] {
            d += 1;
            i = p;
        }
        d
    };
    let t = two_legs(31);
    assert_eq!(
        (t[0], t[1], t[2], t[3], t[30]),
        (None, Some(0), Some(0), Some(1), Some(14))
    );
    // No member has more than two legs.
    for i in 0..31 {
        assert!(t.iter().filter(|p| **p == Some(i)).count() <= 2);
    }
    assert_eq!((0..31).map(|i| depth(&t, i)).max(), Some(4));
    let t = two_legs(29);
    assert_eq!((0..29).map(|i| depth(&t, i)).max(), Some(4));
    let t = fan(FAN_30);
    assert_eq!(t.len(), 30);
    assert_eq!((0..30).map(|i| depth(&t, i)).max(), Some(3));
    let per_level = |tree: &[Option<usize>], n: usize| {
        (0..=3)
            .map(|d| (0..n).filter(|&i| depth(tree, i) == d).count())
            .collect::<Vec<_>>()
    };
    assert_eq!(per_level(&t, 30), [1, 3, 8, 18]);
    // A fan whose list runs past its members stops.
    assert_eq!(fan(&[0, 5]).len(), 1);
}

#[test]
fn natural_person_labels_follow_the_yearly_total_of_each_persons_shops() {
    let city = crate::settests::alone(super::plant, 7, 60);
    crate::settests::assert_natural_totals(&city, &["手工", "便民劳务"], 7);
}

#[test]
fn lower_sales_fall_where_the_compared_price_labels_say() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let orders = rows(&city, "orders");
    let low = |listing: &str| {
        orders
            .iter()
            .filter(|o| o["listing_id"] == listing && o["status"] == "completed")
            .map(|o| {
                (
                    o["unit_price_fen"].as_i64().unwrap_or(0),
                    china_seconds(o["ordered_at"].as_str().unwrap_or("")),
                )
            })
            .min()
            .unwrap_or((0, 0))
    };
    // The teapot's 1080 fell in the last second of day 39, the window's last before day 40.
    assert_eq!(low("h12-pot1-l0"), (108_000, 39 * 86_400 + 86_399));
    // The pillow's 299 fell in the last second of day 32, the eighth day before day 40.
    assert_eq!(low("h12-pillow1-l0"), (29_900, 32 * 86_400 + 86_399));
    // The racket's week low is the price after the shop's coupon.
    assert_eq!(low("h12-racket1-l0").0, 41_900);
    // The shoes' 559 were written with +00:00 and fell on day 36 in either reading.
    let shoes: Vec<&&Value> = orders
        .iter()
        .filter(|o| o["listing_id"] == "h12-shoe1-l0" && o["unit_price_fen"] == 55_900)
        .collect();
    assert_eq!(shoes.len(), 2);
    for o in shoes {
        let text = o["ordered_at"].as_str().unwrap_or("");
        assert!(text.ends_with("+00:00"), "{text}");
        assert_eq!(crate::background::day_of(text), 36);
        assert_eq!(china_seconds(text).div_euclid(86_400), 36);
    }
    // The pearl's only sale in the week before day 40 is its 2599.
    let week: Vec<i64> = orders
        .iter()
        .filter(|o| o["listing_id"] == "h12-pearl1-l0")
        .filter(|o| {
            (33..40).contains(&crate::background::day_of(
                o["ordered_at"].as_str().unwrap_or(""),
            ))
        })
        .map(|o| o["unit_price_fen"].as_i64().unwrap_or(0))
        .collect();
    assert_eq!(week, [259_900]);
}

#[test]
fn the_swapped_code_is_not_registered_and_the_renamed_company_and_the_y_code_are() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let merchants = rows(&city, "merchants");
    let registry = rows(&city, "registry");
    let merchant = |id: &str| -> &Value {
        merchants
            .iter()
            .find(|m| m["merchant_id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let registered = |uscc: &str| registry.iter().find(|r| r["uscc"] == uscc);
    let declared = merchant("huishang-h12-id-unk2")["uscc"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(registered(&declared).is_none());
    let twin = registry
        .iter()
        .filter_map(|r| r["uscc"].as_str())
        .find(|c| {
            c.len() == 18 && c[..8] == declared[..8] && *c != declared && {
                let (a, b): (Vec<char>, Vec<char>) =
                    (c[..17].chars().collect(), declared[..17].chars().collect());
                let diff: Vec<usize> = (0..17).filter(|&i| a[i] != b[i]).collect();
                diff.len() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]]
            }
        })
        .expect("the registered twin");
    assert_eq!(
        tianping_domain::value::uscc_check_character(&twin[..17]),
        twin.chars().last()
    );
    let y = merchant("huishang-h12-id-y")["uscc"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(y.ends_with('Y'), "{y}");
    assert_eq!(
        tianping_domain::value::uscc_check_character(&y[..17]),
        Some('Y')
    );
    assert!(registered(&y).is_some());
    let renamed = merchant("xiansong-h12-id-renamed");
    let row = registered(renamed["uscc"].as_str().unwrap_or("")).expect("registered");
    assert_eq!(row["status"], "active");
    assert_ne!(row["name"], renamed["name"]);
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
        assert_eq!(pair[0]["listing_id"], pair[1]["listing_id"]);
        assert_eq!(pair[0]["device"], pair[1]["device"]);
        assert_eq!(pair[0]["viewer_adcode"], pair[1]["viewer_adcode"]);
        assert_eq!(pair[0]["viewer_segment"], pair[1]["viewer_segment"]);
        assert_ne!(pair[0]["viewer_orders_90d"], pair[1]["viewer_orders_90d"]);
        let gap = china_seconds(pair[1]["observed_at"].as_str().unwrap_or(""))
            - china_seconds(pair[0]["observed_at"].as_str().unwrap_or(""));
        assert!((0..120).contains(&gap), "{gap}");
        let (a, b) = (&pair[0]["payable_price_fen"], &pair[1]["payable_price_fen"]);
        if pair[0]["listing_id"] == "h12-water3-l0" {
            assert_eq!(a, b);
        } else {
            assert_eq!(b.as_i64().unwrap_or(0) - a.as_i64().unwrap_or(0), 3_000);
        }
    }
}

#[test]
fn the_evening_bursts_ship_identical_light_parcels_in_one_hour() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let burst: Vec<&Value> = rows(&city, "orders")
        .into_iter()
        .filter(|o| o["merchant_id"] == "huishang-h12-ring1" && o["parcel_weight_g"] == 120)
        .collect();
    assert_eq!(burst.len(), 60);
    for o in &burst {
        let at = china_seconds(o["ordered_at"].as_str().unwrap_or(""));
        assert!([40, 44, 48].contains(&at.div_euclid(86_400)));
        assert!((72_000..75_600).contains(&at.rem_euclid(86_400)), "{at}");
        assert_eq!(o["status"], "refunded");
    }
    let devices: std::collections::BTreeSet<&str> = burst
        .iter()
        .filter_map(|o| o["device_pid"].as_str())
        .collect();
    assert_eq!(devices.len(), 3);
}

#[test]
fn the_coupon_raise_pays_the_old_price_off_the_raised_one() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let shown: Vec<&Value> = rows(&city, "price_observations")
        .into_iter()
        .filter(|o| o["listing_id"] == "h12-shoe2-l0" && o["promo_kind"] == "coupon")
        .collect();
    assert_eq!(shown.len(), 5);
    for o in shown {
        assert_eq!(o["displayed_price_fen"], 79_900);
        assert_eq!(o["payable_price_fen"], 59_900);
        assert!(o["reference_price_fen"].is_null());
    }
    let listing = rows(&city, "listings")
        .into_iter()
        .find(|l| l["listing_id"] == "h12-shoe2-l0")
        .expect("listing");
    assert_eq!(listing["list_price_fen"], 59_900);
}
