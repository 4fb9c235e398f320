//! Checks of the sixth set on its own: deterministic, every row valid per the standard with
//! unique keys, its batches read back by ingest without quarantine, ids in its namespace, every
//! truth subject present in the rows, and the coverage the set promises (sixteen detectors, three
//! violations and three hard negatives each) — the checks every set shares (`crate::settests`),
//! with the sixth set's numbers, and the read-back, its own.

use crate::city::at;

crate::settests::set_checks! {
    plant: super::plant,
    tag: "h6",
    set: "holdout6",
    cases: 150..=160,
    negatives: 0.40..=0.455,
    warned: crate::settests::two_bad_codes_warn,
    // The room-level negative: ten successive tenants of which only the newest is still active.
    room_negative: |n, active| n == 10 && active == 1,
    compared_prices: 10,
}

#[test]
fn the_set_written_as_batches_is_read_by_ingest_without_quarantine() {
    // The set alone, written by the simulator's own batch writer (CSV, JSON Lines, gzip and
    // Parquet as each table is delivered) and read back the way `tianping ingest` reads a
    // delivery: manifests open, digests and row counts verify, every row is accepted.
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
        for (table, rows) in tables {
            for row in rows {
                files.put(supplier, table, row.clone()).expect("write");
            }
        }
    }
    let (from, to) = (at(0, 0), at(60, 0));
    let batches = files.finish(7, (&from, &to)).expect("finish");
    let dirs: Vec<std::path::PathBuf> = batches.into_iter().map(|b| b.dir).collect();
    let total = crate::settests::read_back(&dirs);
    assert!(total.quarantined.is_empty(), "{:?}", total.quarantined);
    assert_eq!(total.accepted as usize, planted);
    // The two planted bad check characters: two merchant rows and one registry row.
    assert_eq!(total.warnings, 3);
}
