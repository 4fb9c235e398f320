//! Checks of the seventh set on its own: the same rows for the same seed, every row valid per the
//! standard with unique keys, its batches read back by ingest with nothing quarantined, ids in its
//! namespace, every truth subject in its rows, the coverage it promises, each address key the one
//! the address base gives its registrations, and each compared-price label agreeing with the
//! set's own sales under 第十六条.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::*;
use crate::truth::Label;

/// The set planted alone into an empty city of sixty days.
fn planted(seed: u64) -> City {
    crate::settests::alone(plant, seed, 60)
}

/// Every row of `table` the set wrote, over all suppliers.
fn rows<'a>(city: &'a City, table: &str) -> Vec<&'a Value> {
    city.tables
        .values()
        .filter_map(|t| t.get(table))
        .flatten()
        .collect()
}

#[test]
fn one_seed_gives_one_set_and_another_seed_only_other_pseudonyms() {
    let (a, b, c) = (planted(7), planted(7), planted(8));
    assert!(a.tables == b.tables, "rows differ between two runs");
    assert_eq!(a.truth.to_jsonl(), b.truth.to_jsonl());
    assert!(a.tables != c.tables, "another seed, the same rows");
    let labels = |city: &City| {
        let mut v: Vec<(String, Label, String)> = city
            .truth
            .rows
            .iter()
            .filter(|t| t.subject.kind != "person")
            .map(|t| (t.rule.clone(), t.label, t.subject.id.clone()))
            .collect();
        v.sort_by(|x, y| (&x.0, &x.2).cmp(&(&y.0, &y.2)));
        v
    };
    assert_eq!(labels(&a), labels(&c));
}

#[test]
fn rows_pass_the_validator_and_only_the_planted_bad_codes_warn() {
    let city = planted(7);
    let (n, warned) = crate::settests::validate(&city).unwrap_or_else(|e| panic!("{e}"));
    assert!(n > 8_000, "only {n} rows");
    // The two codes planted with a wrong check character: their merchant rows and the
    // registry row of the one the registry holds.
    let mut places: Vec<&str> = warned
        .iter()
        .map(|w| w.rsplit_once('/').map_or(w.as_str(), |(p, _)| p))
        .collect();
    places.sort_unstable();
    assert_eq!(
        places,
        [
            "huishang/merchants",
            "registry/registry",
            "xiansong/merchants"
        ],
        "{warned:?}"
    );
}

#[test]
fn every_id_is_in_the_sets_namespace() {
    crate::settests::assert_ids_carry_tag(&planted(7), "h7");
}

#[test]
fn every_truth_subject_is_planted() {
    crate::settests::assert_truth_subjects_present(&planted(7));
}

#[test]
fn the_set_covers_all_sixteen_detectors_both_ways() {
    let city = planted(7);
    let truth = &city.truth.rows;
    assert!((135..=160).contains(&truth.len()), "{} cases", truth.len());
    let negatives = truth.iter().filter(|t| t.label == Label::Negative).count();
    let share = negatives as f64 / truth.len() as f64;
    assert!(
        (0.40..=0.45).contains(&share),
        "{negatives} negatives of {}",
        truth.len()
    );
    let mut counts: BTreeMap<&str, [usize; 2]> = BTreeMap::new();
    for t in truth {
        counts.entry(&t.detector).or_default()[usize::from(t.label == Label::Negative)] += 1;
        assert!(t.why.starts_with("holdout7: "), "{}", t.why);
        assert!(
            ["法", "条例", "规定", "办法", "指南", "GB"]
                .iter()
                .any(|i| t.why.contains(i)),
            "no legal basis: {}",
            t.why
        );
    }
    assert_eq!(counts.len(), 16, "{counts:?}");
    for (detector, [p, n]) in &counts {
        assert!(
            *p >= 3 && *n >= 3,
            "{detector}: {p} positives, {n} negatives"
        );
    }
    // No subject carries two labels under one rule.
    let distinct: BTreeSet<(&String, &crate::truth::Subject)> =
        truth.iter().map(|t| (&t.rule, &t.subject)).collect();
    assert_eq!(distinct.len(), truth.len());
}

#[test]
fn address_keys_are_the_address_bases_keys_of_what_was_registered() {
    use tianping_address::KeyLevel;
    let city = planted(7);
    let registered: Vec<(String, String)> = rows(&city, "registry")
        .iter()
        .filter_map(|r| {
            Some((
                r["address"].as_str()?.to_string(),
                r["status"].as_str()?.to_string(),
            ))
        })
        .collect();
    let room = |a: &str| tianping_address::parse(a).key(KeyLevel::Room);
    for t in city
        .truth
        .rows
        .iter()
        .filter(|t| t.subject.kind == "address")
    {
        let exact: Vec<&(String, String)> = registered
            .iter()
            .filter(|(a, _)| room(a) == t.subject.id)
            .collect();
        if t.label == Label::Positive {
            assert!(
                exact.len() >= 8,
                "{}: {} registrations",
                t.subject.id,
                exact.len()
            );
            continue;
        }
        // A negative's key is a building or street number: every registration under it has its
        // own room, or they followed one another (one still active).
        let prefix = t.subject.id.trim_end_matches('|');
        let under: Vec<String> = registered
            .iter()
            .map(|(a, _)| room(a))
            .filter(|k| k.starts_with(prefix))
            .collect();
        assert!(under.len() >= 8, "{}: {under:?}", t.subject.id);
        let distinct: BTreeSet<&String> = under.iter().collect();
        let active = exact.iter().filter(|(_, s)| s == "active").count();
        assert!(
            distinct.len() == under.len() || (exact.len() == under.len() && active == 1),
            "{}: {under:?}",
            t.subject.id
        );
    }
}

#[test]
fn compared_price_labels_follow_article_16_on_the_sets_own_sales() {
    let city = planted(7);
    let day = |v: &Value, f: &str| crate::background::day_of(v[f].as_str().unwrap_or(""));
    let (orders, shown) = (rows(&city, "orders"), rows(&city, "price_observations"));
    let mut judged = 0;
    for t in city
        .truth
        .rows
        .iter()
        .filter(|t| t.rule == "price_fraud.reference_price")
    {
        let display = shown
            .iter()
            .filter(|o| {
                o["listing_id"] == t.subject.id.as_str() && o["reference_price_fen"].is_i64()
            })
            .max_by_key(|o| day(o, "observed_at"))
            .unwrap_or_else(|| panic!("{}: no compared price", t.subject.id));
        let when = day(display, "observed_at");
        let compared = display["reference_price_fen"].as_i64().unwrap_or(0);
        // Completed sales on the seven whole days before the display's day; if none, the last
        // sale before them.
        let mut before: Vec<(i64, i64)> = orders
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
        before.sort_unstable();
        let week = before
            .iter()
            .filter(|&&(d, _)| d >= when - 7)
            .map(|&(_, p)| p)
            .min();
        let bound = week.or(before.last().map(|&(_, p)| p)).unwrap_or(0);
        let basis = matches!(
            display["reference_kind"].as_str(),
            Some("rrp" | "other_disclosed")
        );
        assert_eq!(
            !basis && compared > bound,
            t.label == Label::Positive,
            "{}: compared {compared}, bound {bound}",
            t.subject.id
        );
        judged += 1;
    }
    assert_eq!(judged, 13);
}

/// Counts what ingest does with a delivered file's rows: accepted, quarantined (described) and
/// warned.
#[derive(Default)]
struct Tally(u64, Vec<String>, u64);

impl tianping_ingest::read::RowSink for Tally {
    fn push(&mut self, _: u64, _: &[tianping_ingest::validate::Cell<'_>]) -> std::io::Result<()> {
        self.0 += 1;
        Ok(())
    }
}

impl tianping_ingest::read::IssueSink for Tally {
    fn quarantine(&mut self, row: tianping_ingest::QuarantinedRow) -> std::io::Result<()> {
        self.1
            .push(format!("{}#{} {:?}", row.file, row.record, row.field));
        Ok(())
    }
    fn warn(&mut self, _: tianping_ingest::RowWarning) -> std::io::Result<()> {
        self.2 += 1;
        Ok(())
    }
}

/// Reads one delivered batch directory as `tianping ingest` does (manifest, digests and row
/// counts verified, duplicate keys found, rows validated) into `into`.
fn read_back(dir: &std::path::Path, scratch: &std::path::Path, into: &mut Tally) {
    use tianping_ingest::{keys, read, source};
    let limits = tianping_ingest::Limits::default();
    let batch = source::open_batch(dir, scratch, &limits).unwrap_or_else(|e| panic!("{e:?}"));
    let supplier = batch.manifest.supplier.clone();
    for file in &batch.manifest.files {
        let path = batch.path_of(file);
        let def = tianping_domain::schema::table(&file.table).expect("a table of the standard");
        source::verify_file(&batch, file, &limits)
            .unwrap_or_else(|e| panic!("{}: {e:?}", file.path));
        let seen = keys::find_duplicates(&path, file, def, &limits, scratch)
            .unwrap_or_else(|e| panic!("{}: {e:?}", file.path));
        let mut accepted = Tally::default();
        read::read_file(
            &path,
            file,
            def,
            &supplier,
            &limits,
            scratch,
            seen,
            &mut accepted,
            into,
        )
        .unwrap_or_else(|e| panic!("{}: {e:?}", file.path));
        assert_eq!(accepted.0, file.rows, "{}: rows accepted", file.path);
        into.0 += accepted.0;
    }
}

#[test]
fn written_as_batches_the_set_is_ingested_without_quarantine() {
    let city = planted(7);
    let planted_rows: usize = city
        .tables
        .values()
        .flat_map(|t| t.values())
        .map(Vec::len)
        .sum();
    let out = tempfile::tempdir().expect("tempdir");
    let scratch = tempfile::tempdir().expect("tempdir");
    let mut writer = crate::write::Batches::new(out.path(), crate::format_of);
    for (supplier, table, row) in city.tables.iter().flat_map(|(s, ts)| {
        ts.iter()
            .flat_map(move |(t, rs)| rs.iter().map(move |r| (s, *t, r)))
    }) {
        writer.put(supplier, table, row.clone()).expect("write");
    }
    let mut tally = Tally::default();
    for batch in writer.finish(7, (&at(0, 0), &at(60, 0))).expect("finish") {
        read_back(&batch.dir, scratch.path(), &mut tally);
    }
    let Tally(accepted, quarantined, warnings) = tally;
    assert!(quarantined.is_empty(), "{quarantined:?}");
    assert_eq!(accepted as usize, planted_rows);
    assert_eq!(
        warnings, 3,
        "two bad check characters: two shops, one registry row"
    );
}
