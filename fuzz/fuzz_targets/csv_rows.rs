#![no_main]
//! The CSV reader and row validator: no panic; every record is accepted or quarantined.

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use tianping_ingest::read::{csv, ReadError};
use tianping_ingest::{Format, Limits};

fuzz_target!(|data: &[u8]| {
    let (table, body) = common::pick_table(data);
    let file = common::manifest_file(table.name, Format::Csv);
    let limits = Limits { record_bytes_max: 4096, ..Limits::standard() };
    let mut rows = common::Rows { width: table.fields.len(), n: 0 };
    let mut issues = common::Issues::default();
    let stream = Box::new(std::io::Cursor::new(body.to_vec()));
    match csv::read(stream, &file, table, "tmall", &limits, tianping_ingest::keys::Duplicates::none(), &mut rows, &mut issues) {
        Ok(counts) => {
            assert_eq!(counts.accepted, rows.n);
            assert_eq!(counts.quarantined, issues.n);
            assert_eq!(counts.accepted + counts.quarantined, counts.records);
        }
        Err(ReadError::Rejected(_)) => {}
        Err(ReadError::Internal(e)) => panic!("internal error on fuzz input: {e}"),
    }
});
