//! Limits on everything a supplier can send (TigerStyle: "put a limit on everything").
//!
//! Every limit is explicit, has a documented default and is reported by name when it is hit.

/// Limits applied while opening and reading a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Maximum bytes of `manifest.json`.
    pub manifest_bytes_max: u64,
    /// Maximum number of files listed in one manifest.
    pub manifest_files_max: usize,
    /// Maximum bytes of one delivered file, as delivered (compressed or not).
    pub file_bytes_max: u64,
    /// Maximum bytes of one file after gzip decompression.
    pub decompressed_bytes_max: u64,
    /// Maximum bytes extracted from one `.zip` / `.tar.gz` archive in total.
    pub archive_bytes_max: u64,
    /// Maximum number of entries in one archive.
    pub archive_entries_max: usize,
    /// Maximum bytes of one CSV record or JSON line (a longer one rejects the file).
    pub record_bytes_max: usize,
    /// Maximum number of data rows in one file.
    pub rows_per_file_max: u64,
    /// Maximum number of columns in a CSV header or keys in a JSON object.
    pub columns_max: usize,
}

impl Limits {
    /// The defaults: generous enough for a platform's daily delivery, small enough that a hostile
    /// file cannot exhaust a 24 GiB machine.
    pub fn standard() -> Limits {
        Limits {
            manifest_bytes_max: 1 << 20,
            manifest_files_max: 1_000,
            file_bytes_max: 64 << 30,
            decompressed_bytes_max: 256 << 30,
            archive_bytes_max: 256 << 30,
            archive_entries_max: 10_000,
            record_bytes_max: 16 << 20,
            rows_per_file_max: 2_000_000_000,
            columns_max: 1_024,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::standard()
    }
}
