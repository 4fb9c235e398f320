//! Checks of the sixth set on its own: deterministic, every row valid per the standard with
//! unique keys, its batches read back by ingest without quarantine, ids in its namespace, every
//! truth subject present in the rows, and the coverage the set promises (sixteen detectors, three
//! violations and three hard negatives each).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::*;
use crate::city::at;
use crate::truth::Label;

/// The set planted alone into an empty city of `days` days.
fn alone(seed: u64, days: i64) -> City {
    crate::settests::alone(plant, seed, days)
}

#[test]
fn planting_twice_gives_the_same_rows_and_truth() {
    let (a, b) = (alone(7, 60), alone(7, 60));
    assert!(a.tables == b.tables);
    assert_eq!(a.truth.to_jsonl(), b.truth.to_jsonl());
    // Another seed: other pseudonyms, the same cases and labels.
    let c = alone(11, 60);
    assert!(a.tables != c.tables);
    let cases = |city: &City| {
        let mut v: Vec<String> = city
            .truth
            .rows
            .iter()
            .map(|t| format!("{} {:?} {}", t.rule, t.label, t.why))
            .collect();
        v.sort();
        v
    };
    assert_eq!(cases(&a), cases(&c));
}

#[test]
fn every_row_validates_with_unique_keys() {
    for days in [40, 60] {
        let city = alone(7, days);
        let (rows, warned) = crate::settests::validate(&city).unwrap_or_else(|e| panic!("{e}"));
        assert!(rows > 10_000, "{rows} rows");
        // Only the two codes planted with a wrong check character warn: both shops' merchant
        // rows and the registry row of the one the registry holds.
        let places: Vec<&str> = warned
            .iter()
            .map(|w| w.rsplit_once('/').map_or(w.as_str(), |(p, _)| p))
            .collect();
        assert_eq!(
            places,
            [
                "huishang/merchants",
                "registry/registry",
                "xiansong/merchants"
            ],
            "{warned:?}"
        );
        let code = |w: &String| w.rsplit_once('/').map(|(_, c)| c.to_string());
        assert_eq!(code(&warned[0]), code(&warned[1]));
    }
}

#[test]
fn ids_carry_the_sets_tag() {
    crate::settests::assert_ids_carry_tag(&alone(7, 60), "h6");
}

#[test]
fn the_truth_covers_every_detector_both_ways() {
    let city = alone(7, 60);
    let truth = &city.truth.rows;
    assert!((150..=160).contains(&truth.len()), "{} cases", truth.len());
    let negatives = truth.iter().filter(|t| t.label == Label::Negative).count();
    let share = negatives as f64 / truth.len() as f64;
    assert!(
        (0.40..=0.455).contains(&share),
        "negatives {negatives}/{}",
        truth.len()
    );
    let mut per_detector: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for t in truth {
        let entry = per_detector.entry(&t.detector).or_default();
        match t.label {
            Label::Positive => entry.0 += 1,
            Label::Negative => entry.1 += 1,
        }
        assert!(t.why.starts_with("holdout6: "), "{}", t.why);
        // Every reason names the instrument it rests on.
        assert!(
            ["《", "法", "条例", "规定", "办法", "指南", "GB"]
                .iter()
                .any(|i| t.why.contains(i)),
            "{}",
            t.why
        );
    }
    assert_eq!(per_detector.len(), 16, "{per_detector:?}");
    for (detector, (p, n)) in &per_detector {
        assert!(
            *p >= 3 && *n >= 3,
            "{detector}: {p} violations, {n} negatives"
        );
    }
    // No subject is labelled twice under one rule.
    let mut seen = BTreeSet::new();
    for t in truth {
        assert!(
            seen.insert((&t.rule, &t.subject)),
            "{} {:?}",
            t.rule,
            t.subject
        );
    }
}

#[test]
fn every_truth_subject_is_in_the_rows() {
    crate::settests::assert_truth_subjects_present(&alone(7, 60));
}

#[test]
fn each_cluster_key_is_the_room_key_of_its_registered_addresses() {
    use tianping_address::KeyLevel;
    let city = alone(7, 60);
    let registry = &city.tables["registry"]["registry"];
    let keys: BTreeMap<String, usize> =
        registry
            .iter()
            .filter_map(|r| r["address"].as_str())
            .fold(BTreeMap::new(), |mut m, a| {
                *m.entry(tianping_address::parse(a).key(KeyLevel::Room))
                    .or_default() += 1;
                m
            });
    for t in city
        .truth
        .rows
        .iter()
        .filter(|t| t.subject.kind == "address")
    {
        let n = keys.get(&t.subject.id).copied().unwrap_or(0);
        if t.label == Label::Positive {
            assert!(n >= 8, "{}: {n} registrations", t.subject.id);
        } else if t.subject.id.ends_with("|||") {
            // The building-level negatives: every registration there has its own room.
            let prefix = t.subject.id.trim_end_matches('|');
            let rooms: Vec<(&String, &usize)> =
                keys.iter().filter(|(k, _)| k.starts_with(prefix)).collect();
            assert!(
                rooms.len() >= 12 && rooms.iter().all(|(_, n)| **n == 1),
                "{rooms:?}"
            );
        } else {
            // The room-level negative: ten successive tenants of which only the newest is still
            // active.
            let at_key: Vec<&Value> = registry
                .iter()
                .filter(|r| {
                    r["address"].as_str().is_some_and(|a| {
                        tianping_address::parse(a).key(KeyLevel::Room) == t.subject.id
                    })
                })
                .collect();
            let active = at_key.iter().filter(|r| r["status"] == "active").count();
            assert!(
                n == 10 && active == 1,
                "{}: {n} registrations, {active} active",
                t.subject.id
            );
        }
    }
}

#[test]
fn compared_price_labels_agree_with_the_planted_sales() {
    // 第十六条 on the set's own rows: a compared price with no stated basis must not exceed the
    // lowest completed sale of the 7 days before the display, or the last sale before them.
    let city = alone(7, 60);
    let day =
        |row: &Value, field: &str| crate::background::day_of(row[field].as_str().unwrap_or(""));
    let rows = |table: &str| {
        city.tables
            .values()
            .filter_map(move |t| t.get(table))
            .flatten()
            .collect::<Vec<&Value>>()
    };
    let (orders, displays) = (rows("orders"), rows("price_observations"));
    let mut checked = 0;
    for t in city
        .truth
        .rows
        .iter()
        .filter(|t| t.rule == "price_fraud.reference_price")
    {
        let shown = displays
            .iter()
            .filter(|o| {
                o["listing_id"] == t.subject.id.as_str() && !o["reference_price_fen"].is_null()
            })
            .max_by_key(|o| day(o, "observed_at"))
            .unwrap_or_else(|| panic!("{}: no compared price shown", t.subject.id));
        let (when, compared) = (
            day(shown, "observed_at"),
            shown["reference_price_fen"].as_i64().unwrap_or(0),
        );
        let sales: Vec<(i64, i64)> = orders
            .iter()
            .filter(|o| o["listing_id"] == t.subject.id.as_str() && o["status"] == "completed")
            .map(|o| {
                (
                    day(o, "ordered_at"),
                    o["unit_price_fen"].as_i64().unwrap_or(0),
                )
            })
            .filter(|&(d, _)| d < when)
            .collect();
        let week_low = sales
            .iter()
            .filter(|&&(d, _)| d >= when - 7)
            .map(|&(_, p)| p)
            .min();
        let last_before = sales.iter().max_by_key(|&&(d, _)| d).map(|&(_, p)| p);
        let bound = week_low.or(last_before).unwrap_or(0);
        let stated_basis =
            shown["reference_kind"] == "other_disclosed" || shown["reference_kind"] == "rrp";
        let violation = !stated_basis && compared > bound;
        assert_eq!(
            violation,
            t.label == Label::Positive,
            "{}: compared {compared}, bound {bound}, {}",
            t.subject.id,
            t.why
        );
        checked += 1;
    }
    assert_eq!(checked, 10);
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
    let city = alone(7, 60);
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
