//! Shared pieces of the row-parser fuzz targets: sinks that check what they receive.

use std::io;

use tianping_ingest::read::{IssueSink, RowSink};
use tianping_ingest::validate::Cell;
use tianping_ingest::{Format, ManifestFile, QuarantinedRow, RowWarning};

/// Counts rows and checks each has one cell per field.
pub struct Rows {
    pub width: usize,
    pub n: u64,
}

impl RowSink for Rows {
    fn push(&mut self, _record: u64, cells: &[Cell<'_>]) -> io::Result<()> {
        assert_eq!(cells.len(), self.width);
        self.n += 1;
        Ok(())
    }
}

/// Counts quarantined rows and checks that personal values never appear unmasked.
#[derive(Default)]
pub struct Issues {
    pub n: u64,
}

impl IssueSink for Issues {
    fn quarantine(&mut self, row: QuarantinedRow) -> io::Result<()> {
        if row.personal {
            let value = row.value.unwrap_or_default();
            assert!(value.contains('*') || value.chars().count() == 0, "personal value shown masked");
        }
        self.n += 1;
        Ok(())
    }
    fn warn(&mut self, _warning: RowWarning) -> io::Result<()> {
        Ok(())
    }
}

pub fn manifest_file(table: &str, format: Format) -> ManifestFile {
    ManifestFile {
        index: 0,
        table: table.to_string(),
        path: "fuzz".to_string(),
        format,
        gzip: false,
        rows: 0,
        sha256: String::new(),
    }
}

/// Picks a table from the first byte of the input.
pub fn pick_table(data: &[u8]) -> (&'static tianping_domain::TableDef, &[u8]) {
    let tables = tianping_domain::TABLES;
    match data.split_first() {
        Some((first, rest)) => (&tables[usize::from(*first) % tables.len()], rest),
        None => (&tables[0], data),
    }
}
