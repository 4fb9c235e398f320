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

/// What a delivered file's rows become when ingest reads it.
#[derive(Default)]
struct Read {
    accepted: u64,
    quarantined: Vec<String>,
    warnings: u64,
}

impl tianping_ingest::read::RowSink for Read {
    fn push(&mut self, _: u64, _: &[tianping_ingest::validate::Cell<'_>]) -> std::io::Result<()> {
        self.accepted += 1;
        Ok(())
    }
}

impl tianping_ingest::read::IssueSink for Read {
    fn quarantine(&mut self, row: tianping_ingest::QuarantinedRow) -> std::io::Result<()> {
        self.quarantined.push(format!(
            "{}#{} {:?}={:?}",
            row.file, row.record, row.field, row.value
        ));
        Ok(())
    }
    fn warn(&mut self, _: tianping_ingest::RowWarning) -> std::io::Result<()> {
        self.warnings += 1;
        Ok(())
    }
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
    let scratch = tempfile::tempdir().expect("tempdir");
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
    let limits = tianping_ingest::Limits::default();
    let mut total = Read::default();
    for batch in &batches {
        let opened = tianping_ingest::source::open_batch(&batch.dir, scratch.path(), &limits)
            .unwrap_or_else(|e| panic!("{}: {e:?}", batch.dir.display()));
        for file in &opened.manifest.files {
            tianping_ingest::source::verify_file(&opened, file, &limits)
                .unwrap_or_else(|e| panic!("{}: {e:?}", file.path));
            let def = tianping_domain::schema::table(&file.table).expect("table");
            let path = opened.path_of(file);
            let duplicates =
                tianping_ingest::keys::find_duplicates(&path, file, def, &limits, scratch.path())
                    .expect("keys");
            let mut rows = Read::default();
            let mut issues = Read::default();
            tianping_ingest::read::read_file(
                &path,
                file,
                def,
                &opened.manifest.supplier,
                &limits,
                scratch.path(),
                duplicates,
                &mut rows,
                &mut issues,
            )
            .unwrap_or_else(|e| panic!("{}: {e:?}", file.path));
            assert_eq!(rows.accepted, file.rows, "{}", file.path);
            total.accepted += rows.accepted;
            total.quarantined.extend(issues.quarantined);
            total.warnings += issues.warnings;
        }
    }
    assert!(total.quarantined.is_empty(), "{:?}", total.quarantined);
    assert_eq!(total.accepted as usize, planted);
    // The two planted bad check characters: two merchant rows and one registry row.
    assert_eq!(total.warnings, 3);
}
