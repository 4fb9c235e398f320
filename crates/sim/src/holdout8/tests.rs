//! Checks of the eighth set on its own: the checks every set shares (`crate::settests`) with its
//! numbers, its batches read back as ingest reads them, and its own counting rules re-derived
//! from its rows — the drift paths, the seven-day return window counted from the day after
//! signing, the referral trees' size and depth, and one person's shops added up.

use super::drift::Path;

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
    // The two planted bad check characters: two merchant rows and one registry row.
    crate::settests::assert_read_back(super::plant, 8, 3);
}

#[test]
fn return_labels_follow_the_seven_days_counted_from_the_day_after_signing() {
    let city = crate::settests::alone(super::plant, 7, 60);
    crate::settests::assert_return_windows(&city, 6);
}

#[test]
fn pyramid_labels_follow_fees_or_head_rewards_over_thirty_members_and_three_levels() {
    let city = crate::settests::alone(super::plant, 7, 60);
    // Dormant members: every scheme has members who brought nobody in.
    crate::settests::assert_pyramids(&city, 6, |id, s| {
        assert!(s.members > s.recruiters * 2, "{id}");
    });
}

#[test]
fn natural_person_labels_follow_the_yearly_total_of_each_persons_shops() {
    let city = crate::settests::alone(super::plant, 7, 60);
    // Over ¥100,000 and not one of 电子商务法 第十条's exemptions (own produce, services).
    crate::settests::assert_natural_totals(&city, &["自产", "便民劳务"], 5);
}
