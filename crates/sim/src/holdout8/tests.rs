//! Checks of the eighth set on its own: the checks every set shares (`crate::settests`) with its
//! numbers, its batches read back as ingest reads them, and its own counting rules re-derived
//! from its rows — the drift paths, the seven-day return window counted from the day after
//! signing, the referral trees' size and depth, and one person's shops added up.

use std::collections::BTreeMap;

use serde_json::Value;

use super::drift::Path;
use crate::city::{City, at};
use crate::truth::Label;

crate::settests::set_checks! {
    plant: super::plant,
    tag: "h8",
    set: "holdout8",
    cases: 150..=170,
    negatives: 0.40..=0.50,
    warned: crate::settests::two_bad_codes_warn,
    // The room-level negative: eight successive tenants, only the newest still active.
    room_negative: |n, active| n == 8 && active == 1,
    compared_prices: 13,
}

/// Every row of `table` the set wrote, over all suppliers.
fn rows<'a>(city: &'a City, table: &str) -> Vec<&'a Value> {
    city.tables
        .values()
        .filter_map(|t| t.get(table))
        .flatten()
        .collect()
}

#[test]
fn paths_move_a_little_every_day_and_hold_outside_their_knots() {
    let p = Path(&[(0, 10_000), (10, 12_000), (12, 12_000), (13, 9_000)]);
    assert_eq!(p.on(-5), 10_000);
    assert_eq!(p.on(5), 11_000);
    assert_eq!(p.on(10), 12_000);
    assert_eq!(p.on(13), 9_000);
    assert_eq!(p.on(99), 9_000);
    assert_eq!(Path(&[]).on(3), 0);
    // Daily steps of 2 %: never a jump on a drifting stretch.
    for d in 1..10 {
        assert_eq!(p.on(d) - p.on(d - 1), 200);
    }
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
    let batches = files.finish(8, (&at(0, 0), &at(60, 0))).expect("finish");
    let dirs: Vec<std::path::PathBuf> = batches.into_iter().map(|b| b.dir).collect();
    let total = crate::settests::read_back(&dirs);
    assert!(total.quarantined.is_empty(), "{:?}", total.quarantined);
    assert_eq!(total.accepted as usize, planted);
    // The two planted bad check characters: two merchant rows and one registry row.
    assert_eq!(total.warnings, 3);
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
fn return_labels_follow_the_seven_days_counted_from_the_day_after_signing() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let listings = rows(&city, "listings");
    let mut judged = 0;
    for t in city
        .truth
        .rows
        .iter()
        .filter(|t| t.rule == "return_refusal.no_reason_return")
    {
        let order = rows(&city, "orders")
            .into_iter()
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
fn pyramid_labels_follow_fees_or_head_rewards_over_thirty_members_and_three_levels() {
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
        let fee = members
            .iter()
            .any(|r| r["entry_fee_fen"].as_i64().unwrap_or(0) > 0);
        // Dormant members: every scheme has members who brought nobody in.
        let recruiters: std::collections::BTreeSet<&str> = parent.values().copied().collect();
        assert!(members.len() > recruiters.len() * 2, "{}", t.subject.id);
        let pyramid = members.len() >= 30 && levels >= 3 && heads_paid;
        assert_eq!(
            pyramid,
            t.label == Label::Positive,
            "{}: {} members, {levels} levels, fee {fee}, heads paid {heads_paid}",
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
        // Over ¥100,000 and not one of 电子商务法 第十条's exemptions (own produce, services).
        let exempt = t.why.contains("自产") || t.why.contains("便民劳务");
        assert_eq!(
            total > 10_000_000 && !exempt,
            t.label == Label::Positive,
            "{}: {total}",
            t.subject.id
        );
        judged += 1;
    }
    assert_eq!(judged, 5);
}
