//! Checks of the fourth set on its own: deterministic, every row valid per the standard with
//! unique keys, ids in its namespace, every truth subject present in the rows, and the coverage
//! the set promises (sixteen detectors, three violations and three hard negatives each) — the
//! checks every set shares (`crate::settests`), with the fourth set's numbers.

crate::settests::set_checks! {
    plant: super::plant,
    tag: "h4",
    set: "holdout4",
    cases: 150..=180,
    negatives: 0.38..=0.47,
    // Only the one code planted with a wrong check character warns (on its merchant row).
    warned: |warned: &[String]| {
        assert_eq!(warned.len(), 1, "{warned:?}");
        assert!(warned[0].starts_with("huishang/merchants/"), "{warned:?}");
    },
    // The room-level negatives: two registrations at one room.
    room_negative: |n, _active| n == 2,
    compared_prices: 13,
}
