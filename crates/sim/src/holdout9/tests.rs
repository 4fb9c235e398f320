//! Checks of the ninth set on its own: the checks every set shares (`crate::settests`) with its
//! numbers, its batches read back as ingest reads them, and its own counting rules re-derived
//! from its rows — the breadth-first trees, the seven-day return window counted from the day
//! after signing, the referral schemes' size, depth and head rewards, one person's shops added
//! up, and the flash windows' place in the seven-day window.

use std::collections::BTreeMap;

use serde_json::Value;

use super::market::breadth_first;
use crate::city::{City, at};
use crate::truth::Label;

crate::settests::set_checks! {
    plant: super::plant,
    tag: "h9",
    set: "holdout9",
    cases: 135..=150,
    negatives: 0.45..=0.55,
    warned: crate::settests::two_bad_codes_warn,
    // The room-level negative: ten successive tenants of one shop front, only the newest active.
    room_negative: |n, active| n == 10 && active == 1,
    compared_prices: 6,
}

/// Every row of `table` the set wrote, over all suppliers.
fn rows<'a>(city: &'a City, table: &str) -> Vec<&'a Value> {
    city.tables
        .values()
        .filter_map(|t| t.get(table))
        .flatten()
        .collect()
}

/// Seconds since day 0's midnight of an RFC 3339 time the simulator wrote.
fn seconds(text: &str) -> i64 {
    let day = crate::background::day_of(text);
    let clock: Vec<i64> = text
        .get(11..19)
        .unwrap_or("00:00:00")
        .split(':')
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    day * 86_400
        + clock.first().unwrap_or(&0) * 3_600
        + clock.get(1).unwrap_or(&0) * 60
        + clock.get(2).unwrap_or(&0)
}

#[test]
fn breadth_first_trees_fill_each_level_before_the_next() {
    let t = breadth_first(30, 3);
    assert_eq!(t.len(), 30);
    let per_level = |d: usize| t.iter().filter(|m| m.1 == d).count();
    assert_eq!(
        (per_level(0), per_level(1), per_level(2), per_level(3)),
        (1, 3, 9, 17)
    );
    // A member's parent joined before it and sits one level up.
    for (i, (parent, depth)) in t.iter().enumerate() {
        if let Some(p) = parent {
            assert!(*p < i);
            assert_eq!(t[*p].1 + 1, *depth);
        }
    }
    assert_eq!(breadth_first(31, 2).iter().map(|m| m.1).max(), Some(4));
    assert!(breadth_first(0, 3).is_empty());
}

#[test]
fn the_set_written_as_batches_is_read_by_ingest_without_quarantine() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let planted: usize = city
        .tables
        .values()
        .flat_map(|t| t.values())
        .map(Vec::len)
        .sum();
    let out = tempfile::tempdir().expect("tempdir");
    let mut files = crate::write::Batches::new(out.path(), crate::format_of);
    for (supplier, tables) in &city.tables {
        for (table, list) in tables {
            for row in list {
                files.put(supplier, table, row.clone()).expect("write");
            }
        }
    }
    let batches = files.finish(9, (&at(0, 0), &at(60, 0))).expect("finish");
    let dirs: Vec<std::path::PathBuf> = batches.into_iter().map(|b| b.dir).collect();
    let total = crate::settests::read_back(&dirs);
    assert!(total.quarantined.is_empty(), "{:?}", total.quarantined);
    assert_eq!(total.accepted as usize, planted);
    // The two planted bad check characters: two merchant rows and one registry row.
    assert_eq!(total.warnings, 3);
}

#[test]
fn return_labels_follow_the_seven_days_counted_from_the_day_after_signing() {
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
        let signed = seconds(order["signed_at"].as_str().unwrap_or(""));
        let asked = seconds(order["return_requested_at"].as_str().unwrap_or(""));
        // The period starts at the midnight after signing and runs seven whole days.
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
    assert_eq!(judged, 6);
}

#[test]
fn pyramid_labels_follow_head_rewards_over_thirty_members_and_three_levels() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let referrals = rows(&city, "referrals");
    let mut judged = 0;
    for t in city
        .truth
        .rows
        .iter()
        .filter(|t| t.rule == "pyramid_scheme.pyramid")
    {
        let members: Vec<&&Value> = referrals
            .iter()
            .filter(|r| r["scheme_id"] == t.subject.id.as_str())
            .collect();
        let parent: BTreeMap<&str, &str> = members
            .iter()
            .filter_map(|r| Some((r["member_pid"].as_str()?, r["referrer_pid"].as_str()?)))
            .collect();
        let depth = |pid: &str| {
            let (mut d, mut at) = (0, pid);
            while let Some(up) = parent.get(at) {
                d += 1;
                at = up;
            }
            d
        };
        let levels = members
            .iter()
            .filter_map(|r| r["member_pid"].as_str())
            .map(depth)
            .max()
            .unwrap_or(0);
        let heads_paid = members
            .iter()
            .any(|r| r["recruitment_rewards_fen"].as_i64().unwrap_or(0) > 0);
        let pyramid = members.len() >= 30 && levels >= 3 && heads_paid;
        assert_eq!(
            pyramid,
            t.label == Label::Positive,
            "{}: {} members, {levels} levels, heads paid {heads_paid}",
            t.subject.id,
            members.len()
        );
        judged += 1;
    }
    assert_eq!(judged, 6);
}

#[test]
fn natural_person_labels_follow_the_yearly_total_of_each_persons_shops() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let merchants = rows(&city, "merchants");
    let mut by_holder: BTreeMap<&str, i64> = BTreeMap::new();
    for m in merchants
        .iter()
        .filter(|m| m["merchant_type"] == "natural_person")
    {
        *by_holder
            .entry(m["holder_pid"].as_str().unwrap_or(""))
            .or_default() += m["annual_turnover_fen"].as_i64().unwrap_or(0);
    }
    let mut judged = 0;
    for t in city
        .truth
        .rows
        .iter()
        .filter(|t| t.rule.ends_with("unregistered_natural_person"))
    {
        let m = merchants
            .iter()
            .find(|m| m["merchant_id"] == t.subject.id.as_str())
            .unwrap_or_else(|| panic!("{} not planted", t.subject.id));
        let total = by_holder[m["holder_pid"].as_str().unwrap_or("")];
        // Over ¥100,000 (exactly ¥100,000 is not over) and not own farm produce.
        let exempt = t.why.contains("自产");
        assert_eq!(
            total > 10_000_000 && !exempt,
            t.label == Label::Positive,
            "{}: {total}",
            t.subject.id
        );
        judged += 1;
    }
    assert_eq!(judged, 6);
}

#[test]
fn flash_windows_fall_on_both_sides_of_the_seven_day_edge() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let orders = rows(&city, "orders");
    // The lowest sale of a compared-price listing and the day it fell on.
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
    // The white tea's 198 fell in the evening of day 33, the window's first day for day 40.
    let (price, when) = low("h9-anji1-l0");
    assert_eq!(price, 19_800);
    assert!((33 * 86_400 + 68_400..33 * 86_400 + 75_600).contains(&when));
    // The drone's 2999 fell at 23:30 of day 32, the eighth day before.
    let (price, when) = low("h9-drone1-l0");
    assert_eq!(price, 299_900);
    assert!((32 * 86_400 + 84_600..33 * 86_400).contains(&when));
}
