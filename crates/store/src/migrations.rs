//! What `tianping migrate` reports: each migration the binary knows, whether the database has
//! it applied, and whether the applied script is the one the binary carries (same checksum).
//! The backends read their `_sqlx_migrations` table; this file only compares.

use serde::Serialize;

/// One migration as the binary knows it and the database holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MigrationStatus {
    /// Version (the file's number, e.g. 4 for `0004_cases.sql`).
    pub version: i64,
    /// Description (the file's name after the number).
    pub description: String,
    /// Applied successfully in this database.
    pub applied: bool,
    /// The applied script's checksum equals the binary's (false when not applied).
    pub checksum_matches: bool,
}

/// An applied migration as the database records it: version, success, checksum.
pub type AppliedMigration = (i64, bool, Vec<u8>);

/// Compares the binary's migrations (`version`, `description`, `checksum`) with the applied ones;
/// the result is in version order, plus any applied version the binary does not know (a newer
/// binary migrated this database) with an empty description.
pub fn compare<'a>(
    known: impl IntoIterator<Item = (i64, &'a str, &'a [u8])>,
    applied: &[AppliedMigration],
) -> Vec<MigrationStatus> {
    let mut out: Vec<MigrationStatus> = known
        .into_iter()
        .map(|(version, description, checksum)| {
            let row = applied.iter().find(|(v, _, _)| *v == version);
            MigrationStatus {
                version,
                description: description.to_string(),
                applied: row.is_some_and(|(_, ok, _)| *ok),
                checksum_matches: row.is_some_and(|(_, ok, sum)| *ok && sum == checksum),
            }
        })
        .collect();
    for (version, ok, _) in applied {
        if !out.iter().any(|m| m.version == *version) {
            out.push(MigrationStatus {
                version: *version,
                description: String::new(),
                applied: *ok,
                checksum_matches: false,
            });
        }
    }
    out.sort_by_key(|m| m.version);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_versions_and_checksums() {
        let known = [
            (1, "ingest", &b"a"[..]),
            (2, "findings", &b"b"[..]),
            (3, "x", &b"c"[..]),
        ];
        let applied = vec![
            (1, true, b"a".to_vec()),
            (2, true, b"zz".to_vec()),
            (9, true, vec![]),
        ];
        let s = compare(known, &applied);
        assert_eq!(s.len(), 4);
        assert!(s[0].applied && s[0].checksum_matches);
        assert!(s[1].applied && !s[1].checksum_matches);
        assert!(!s[2].applied && !s[2].checksum_matches);
        assert_eq!((s[3].version, s[3].description.as_str()), (9, ""));
    }
}
