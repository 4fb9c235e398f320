//! Checks every held-out set written as a module (`holdout4/` … `holdout6/`) runs on itself: the
//! set planted alone, its rows through the ingest validator, its ids in its namespace, and every
//! truth subject present in its rows. Each set's `tests.rs` keeps what is its own (counts,
//! coverage, the cases it plants at thresholds).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use tianping_domain::schema::table;
use tianping_ingest::keys::Duplicates;
use tianping_ingest::validate::{RawValue, Validator};

use crate::city::City;
use crate::rng::Rng;
use crate::truth::Truth;

/// A set's planting function (`holdoutN::plant`).
pub(crate) type Plant = fn(&mut City, &Rng, &[String], i64, &mut u64);

/// The set planted alone into an empty city of `days` days.
pub(crate) fn alone(plant: Plant, seed: u64, days: i64) -> City {
    let mut city = City {
        tables: BTreeMap::new(),
        truth: Truth::default(),
    };
    let root = Rng::new(seed);
    let mut shoppers = root.fork("shoppers");
    let buyers: Vec<String> = (0..300).map(|_| shoppers.hex64()).collect();
    let mut order_no = 1_000;
    plant(&mut city, &root, &buyers, days, &mut order_no);
    city
}

/// Every row of the city through the ingest validator: (rows, rows with a warning), or the
/// first problem.
pub(crate) fn validate(city: &City) -> Result<(usize, Vec<String>), String> {
    let (mut rows, mut warned) = (0, Vec::new());
    for (supplier, tables) in &city.tables {
        for (name, list) in tables {
            let def = table(name).ok_or(format!("unknown table {name}"))?;
            let mut validator = Validator::new(def, supplier, Duplicates::none());
            let mut keys = BTreeSet::new();
            for (i, row) in list.iter().enumerate() {
                let object = row
                    .as_object()
                    .ok_or(format!("{name} row {i} not an object"))?;
                if let Some(field) = object.keys().find(|f| def.field_index(f).is_none()) {
                    return Err(format!("{supplier}/{name}: unknown field {field}"));
                }
                let raw = |f: usize| match object.get(def.fields[f].name) {
                    None => RawValue::Absent,
                    Some(Value::Null) => RawValue::Null,
                    Some(v) => RawValue::Json(v),
                };
                let (mut cells, mut warnings) = (Vec::new(), Vec::new());
                if let Err(e) = validator.validate(i as u64, raw, &mut cells, &mut warnings) {
                    return Err(format!(
                        "{supplier}/{name} row {i}: {}\n{row}",
                        e.message_en()
                    ));
                }
                if !warnings.is_empty() {
                    warned.push(format!("{supplier}/{name}/{}", row["uscc"]));
                }
                let key: Vec<String> = def
                    .key_indices()
                    .iter()
                    .map(|&k| {
                        object
                            .get(def.fields[k].name)
                            .map_or(String::new(), Value::to_string)
                    })
                    .collect();
                if !key.is_empty() && !keys.insert(key.clone()) {
                    return Err(format!("{supplier}/{name}: duplicate key {key:?}"));
                }
                rows += 1;
            }
        }
    }
    Ok((rows, warned))
}

/// Every id the set plants starts with `tag-` (merchants: contains `-tag-`), and no merchant id
/// looks like an honest background merchant's.
pub(crate) fn assert_ids_carry_tag(city: &City, tag: &str) {
    let (prefix, infix) = (format!("{tag}-"), format!("-{tag}-"));
    for tables in city.tables.values() {
        for (name, list) in tables {
            for row in list {
                for field in [
                    "listing_id",
                    "order_id",
                    "review_id",
                    "session_id",
                    "doc_id",
                    "campaign_id",
                    "scheme_id",
                    "complaint_id",
                    "room_id",
                ] {
                    if let Some(id) = row.get(field).and_then(Value::as_str) {
                        assert!(id.starts_with(&prefix), "{name}.{field} = {id}");
                    }
                }
                if let Some(id) = row.get("merchant_id").and_then(Value::as_str) {
                    assert!(id.contains(&infix), "{name}.merchant_id = {id}");
                    // Not mistaken for an honest background merchant (`<platform>-m<digits>`).
                    assert!(
                        !id.rsplit_once("-m")
                            .is_some_and(|(_, n)| n.bytes().all(|b| b.is_ascii_digit())),
                        "{id}"
                    );
                }
            }
        }
    }
}

/// Every truth subject (but addresses, which are keys) is a row the set planted.
pub(crate) fn assert_truth_subjects_present(city: &City) {
    let mut present: BTreeSet<(String, String)> = BTreeSet::new();
    for tables in city.tables.values() {
        for (name, list) in tables {
            for row in list {
                let id = |f: &str| row.get(f).and_then(Value::as_str).map(str::to_string);
                let found = match *name {
                    "listings" => id("listing_id").map(|i| ("listing", i)),
                    "merchants" => id("merchant_id").map(|i| ("merchant", i)),
                    "platforms" => id("platform_id").map(|i| ("platform", i)),
                    "documents" => id("doc_id").map(|i| ("document", i)),
                    "live_sessions" => id("session_id").map(|i| ("live_session", i)),
                    "referrals" => id("scheme_id").map(|i| ("scheme", i)),
                    "campaigns" => id("campaign_id").map(|i| ("campaign", i)),
                    "complaints" => id("complainant_pid").map(|i| ("person", i)),
                    _ => None,
                };
                if let Some((kind, id)) = found {
                    present.insert((kind.to_string(), id));
                }
            }
        }
    }
    for t in &city.truth.rows {
        if t.subject.kind == "address" {
            continue;
        }
        assert!(
            present.contains(&(t.subject.kind.clone(), t.subject.id.clone())),
            "{} {:?} not planted",
            t.rule,
            t.subject
        );
    }
}
