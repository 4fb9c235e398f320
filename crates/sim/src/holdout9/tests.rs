//! Checks of the ninth set on its own: the checks every set shares (`crate::settests`) with its
//! numbers — the batches read back as ingest reads them, the seven-day return window counted
//! from the day after signing, the referral schemes' size, depth and head rewards, one person's
//! shops added up — and its own: the breadth-first trees and the flash windows' place on either
//! side of the seven-day window's edge.

use super::market::breadth_first;
use crate::settests::{rows, seconds};

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
    // The two planted bad check characters warn: two merchant rows and one registry row.
    crate::settests::assert_read_back(super::plant, 9, 3);
}

#[test]
fn return_labels_follow_the_seven_days_counted_from_the_day_after_signing() {
    let city = crate::settests::alone(super::plant, 7, 60);
    crate::settests::assert_return_windows(&city, 6);
}

#[test]
fn pyramid_labels_follow_head_rewards_over_thirty_members_and_three_levels() {
    let city = crate::settests::alone(super::plant, 7, 60);
    // The trees are grown breadth-first: every recruiter but the last brought in a full branch,
    // so recruiters are fewer than half the members (the flat card scheme has none).
    crate::settests::assert_pyramids(&city, 6, |id, s| {
        assert!(s.recruiters * 2 <= s.members, "{id}");
    });
}

#[test]
fn natural_person_labels_follow_the_yearly_total_of_each_persons_shops() {
    let city = crate::settests::alone(super::plant, 7, 60);
    crate::settests::assert_natural_totals(&city, &["自产"], 6);
}

#[test]
fn flash_windows_fall_on_both_sides_of_the_seven_day_edge() {
    let city = crate::settests::alone(super::plant, 7, 60);
    let orders = rows(&city, "orders");
    // The lowest sale of a compared-price listing and when it fell.
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
