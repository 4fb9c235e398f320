//! Checks of the fifth set on its own: deterministic, every row valid per the standard with
//! unique keys, ids in its namespace, every truth subject present in the rows, and the coverage
//! the set promises (sixteen detectors, three violations and three hard negatives each) — the
//! checks every set shares (`crate::settests`), with the fifth set's numbers.

crate::settests::set_checks! {
    plant: super::plant,
    tag: "h5",
    set: "holdout5",
    cases: 150..=165,
    negatives: 0.40..=0.455,
    warned: crate::settests::two_bad_codes_warn,
    // The room-level negatives: six of one family, or nine successive tenants of which only the
    // newest is still active.
    room_negative: |n, active| (n == 6 && active == 6) || (n == 9 && active == 1),
    compared_prices: 10,
}
