#![no_main]
//! The manifest parser: any bytes give a manifest or an error naming a field, never a panic; a
//! parsed manifest has only safe relative paths.

use libfuzzer_sys::fuzz_target;
use tianping_ingest::manifest::{is_safe_relative_path, parse_manifest};

fuzz_target!(|data: &[u8]| {
    if let Ok(manifest) = parse_manifest(data, 1_000) {
        assert!(!manifest.files.is_empty());
        for file in &manifest.files {
            assert!(is_safe_relative_path(&file.path));
            assert_eq!(file.sha256.len(), 64);
        }
        let _ = manifest.digest();
    }
});
