//! Checks every held-out set written as a module (`holdout4/` … `holdout6/`) runs on itself: the
//! set planted alone and deterministic, its rows through the ingest validator, its ids in its
//! namespace, every truth subject present in its rows, its coverage of the detectors, its cluster
//! addresses and its compared prices. [`set_checks!`] writes these as one set's tests from what
//! differs between sets (tag, counts, ranges, the warnings it plants, its room-level cluster
//! negatives); each set's `tests.rs` keeps only what is its own.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::RangeInclusive;

use serde_json::Value;
use tianping_domain::schema::table;
use tianping_ingest::keys::Duplicates;
use tianping_ingest::validate::{RawValue, Validator};

use crate::city::City;
use crate::rng::Rng;
use crate::truth::{Label, Truth};

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

/// Planting twice with one seed gives the same rows and truth; another seed gives other
/// pseudonyms but the same cases and labels.
pub(crate) fn assert_deterministic(plant: Plant) {
    let (a, b) = (alone(plant, 7, 60), alone(plant, 7, 60));
    assert!(a.tables == b.tables);
    assert_eq!(a.truth.to_jsonl(), b.truth.to_jsonl());
    let c = alone(plant, 11, 60);
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

/// The set planted over 40 and over 60 days: more than 10,000 rows, every one valid with unique
/// keys; `warned` checks the rows that warn (`supplier/table/uscc`).
pub(crate) fn assert_validates(plant: Plant, warned: fn(&[String])) {
    for days in [40, 60] {
        let city = alone(plant, 7, days);
        let (rows, warnings) = validate(&city).unwrap_or_else(|e| panic!("{e}"));
        assert!(rows > 10_000, "{rows} rows");
        warned(&warnings);
    }
}

/// The rows that warn are those of the two codes planted with a wrong check character: both
/// shops' merchant rows (on `huishang` and `xiansong`) and the registry row of the one the
/// registry holds.
pub(crate) fn two_bad_codes_warn(warned: &[String]) {
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

/// The truth covers all sixteen detectors with at least three violations and three negatives
/// each: `cases` truth rows in all, a share of negatives in `negatives`, every reason starting
/// with `<set>: ` and naming its instrument, no subject labelled twice under one rule.
pub(crate) fn assert_coverage(
    city: &City,
    set: &str,
    cases: RangeInclusive<usize>,
    negatives: RangeInclusive<f64>,
) {
    let truth = &city.truth.rows;
    assert!(cases.contains(&truth.len()), "{} cases", truth.len());
    let negative = truth.iter().filter(|t| t.label == Label::Negative).count();
    let share = negative as f64 / truth.len() as f64;
    assert!(
        negatives.contains(&share),
        "negatives {negative}/{}",
        truth.len()
    );
    let prefix = format!("{set}: ");
    let mut per_detector: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for t in truth {
        let entry = per_detector.entry(&t.detector).or_default();
        match t.label {
            Label::Positive => entry.0 += 1,
            Label::Negative => entry.1 += 1,
        }
        assert!(t.why.starts_with(&prefix), "{}", t.why);
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

/// Each cluster truth row's key is the room key of its registered addresses: a positive has at
/// least eight registrations there; a building-level negative (`…|||`) at least twelve rooms
/// with one registration each; a room-level negative passes `room_negative(registrations,
/// active ones)`.
pub(crate) fn assert_cluster_keys(city: &City, room_negative: fn(usize, usize) -> bool) {
    use tianping_address::KeyLevel;
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
            let prefix = t.subject.id.trim_end_matches('|');
            let rooms: Vec<(&String, &usize)> =
                keys.iter().filter(|(k, _)| k.starts_with(prefix)).collect();
            assert!(
                rooms.len() >= 12 && rooms.iter().all(|(_, n)| **n == 1),
                "{rooms:?}"
            );
        } else {
            let active = registry
                .iter()
                .filter(|r| {
                    r["address"].as_str().is_some_and(|a| {
                        tianping_address::parse(a).key(KeyLevel::Room) == t.subject.id
                    })
                })
                .filter(|r| r["status"] == "active")
                .count();
            assert!(
                room_negative(n, active),
                "{}: {n} registrations, {active} active",
                t.subject.id
            );
        }
    }
}

/// 第十六条 on the set's own rows: a compared price with no stated basis must not exceed the
/// lowest completed sale of the 7 days before the display, or the last sale before them; the
/// label of each of the `expected` compared-price cases agrees.
pub(crate) fn assert_compared_prices(city: &City, expected: usize) {
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
    assert_eq!(checked, expected);
}

/// What delivered files' rows become when ingest reads them.
#[derive(Default)]
pub(crate) struct Read {
    pub(crate) accepted: u64,
    /// `file#record field=value` of each quarantined row.
    pub(crate) quarantined: Vec<String>,
    pub(crate) warnings: u64,
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

/// Reads the batch directories `dirs` back the way `tianping ingest` reads a delivery: each
/// manifest opens, each file's digest and row count verify and every row of a file is accepted
/// (a panic names the batch or file that fails); returns what the rows became, over all files.
pub(crate) fn read_back(dirs: &[std::path::PathBuf]) -> Read {
    let scratch = tempfile::tempdir().expect("tempdir");
    let limits = tianping_ingest::Limits::default();
    let mut total = Read::default();
    for dir in dirs {
        let batch = tianping_ingest::source::open_batch(dir, scratch.path(), &limits)
            .unwrap_or_else(|e| panic!("{}: {e:?}", dir.display()));
        for file in &batch.manifest.files {
            tianping_ingest::source::verify_file(&batch, file, &limits)
                .unwrap_or_else(|e| panic!("{}: {e:?}", file.path));
            let def = table(&file.table).expect("table");
            let path = batch.path_of(file);
            let duplicates =
                tianping_ingest::keys::find_duplicates(&path, file, def, &limits, scratch.path())
                    .expect("keys");
            let mut rows = Read::default();
            let mut issues = Read::default();
            tianping_ingest::read::read_file(
                &path,
                file,
                def,
                &batch.manifest.supplier,
                &limits,
                scratch.path(),
                duplicates,
                &mut rows,
                &mut issues,
            )
            .unwrap_or_else(|e| panic!("{}: {e:?}", file.path));
            assert_eq!(
                rows.accepted, file.rows,
                "{}/{}",
                batch.manifest.supplier, file.path
            );
            total.accepted += rows.accepted;
            total.quarantined.extend(issues.quarantined);
            total.warnings += issues.warnings;
        }
    }
    total
}

/// One held-out set's shared tests, from what differs between sets: its planting function, id
/// tag and truth prefix, the range of its truth rows and of their share of negatives, the check
/// of the rows that warn, the check of its room-level cluster negatives (registrations, active
/// ones) and the number of its compared-price cases.
macro_rules! set_checks {
    (
        plant: $plant:path,
        tag: $tag:literal,
        set: $set:literal,
        cases: $cases:expr,
        negatives: $negatives:expr,
        warned: $warned:expr,
        room_negative: $room:expr,
        compared_prices: $compared:literal $(,)?
    ) => {
        #[test]
        fn planting_twice_gives_the_same_rows_and_truth() {
            $crate::settests::assert_deterministic($plant);
        }

        #[test]
        fn every_row_validates_with_unique_keys() {
            $crate::settests::assert_validates($plant, $warned);
        }

        #[test]
        fn ids_carry_the_sets_tag() {
            $crate::settests::assert_ids_carry_tag(&$crate::settests::alone($plant, 7, 60), $tag);
        }

        #[test]
        fn the_truth_covers_every_detector_both_ways() {
            let city = $crate::settests::alone($plant, 7, 60);
            $crate::settests::assert_coverage(&city, $set, $cases, $negatives);
        }

        #[test]
        fn every_truth_subject_is_in_the_rows() {
            $crate::settests::assert_truth_subjects_present(&$crate::settests::alone(
                $plant, 7, 60,
            ));
        }

        #[test]
        fn each_cluster_key_is_the_room_key_of_its_registered_addresses() {
            let city = $crate::settests::alone($plant, 7, 60);
            $crate::settests::assert_cluster_keys(&city, $room);
        }

        #[test]
        fn compared_price_labels_agree_with_the_planted_sales() {
            let city = $crate::settests::alone($plant, 7, 60);
            $crate::settests::assert_compared_prices(&city, $compared);
        }
    };
}

pub(crate) use set_checks;

/// Every row of `table` a city holds, over all suppliers.
pub(crate) fn rows<'a>(city: &'a City, table: &str) -> Vec<&'a Value> {
    city.tables
        .values()
        .filter_map(|t| t.get(table))
        .flatten()
        .collect()
}

/// Seconds since day 0's midnight of an RFC 3339 time the simulator wrote.
pub(crate) fn seconds(text: &str) -> i64 {
    let day = crate::background::day_of(text);
    let clock: Vec<i64> = text
        .get(11..19)
        .unwrap_or("00:00:00")
        .split(':')
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    day * 86_400
        + clock.first().unwrap_or(&0) * 3_600
        + clock.get(1).unwrap_or(&0) * 60
        + clock.get(2).unwrap_or(&0)
}

/// The set planted alone over 60 days, written as batches (manifests with `seed`) and read back
/// the way ingest reads a delivery: every row accepted, none quarantined, `warnings` warnings.
pub(crate) fn assert_read_back(plant: Plant, seed: u64, warnings: u64) {
    let city = alone(plant, 7, 60);
    let planted: usize = city
        .tables
        .values()
        .flat_map(|t| t.values())
        .map(Vec::len)
        .sum();
    let out = tempfile::tempdir().expect("tempdir");
    let mut files = crate::write::Batches::new(out.path(), crate::format_of);
    for (supplier, tables) in &city.tables {
        for (table, list) in tables {
            for row in list {
                files.put(supplier, table, row.clone()).expect("write");
            }
        }
    }
    let period = (crate::city::at(0, 0), crate::city::at(60, 0));
    let batches = files.finish(seed, (&period.0, &period.1)).expect("finish");
    let dirs: Vec<std::path::PathBuf> = batches.into_iter().map(|b| b.dir).collect();
    let total = read_back(&dirs);
    assert!(total.quarantined.is_empty(), "{:?}", total.quarantined);
    assert_eq!(total.accepted as usize, planted);
    assert_eq!(total.warnings, warnings);
}

/// 消费者权益保护法 第二十五条 on the set's own rows: each of the `expected` return labels
/// agrees with a refused return asked before the end of the seven whole days that start at the
/// midnight after signing, of goods not in an excluded class.
pub(crate) fn assert_return_windows(city: &City, expected: usize) {
    let listings = rows(city, "listings");
    let orders = rows(city, "orders");
    let mut judged = 0;
    for t in city
        .truth
        .rows
        .iter()
        .filter(|t| t.rule == "return_refusal.no_reason_return")
    {
        let order = orders
            .iter()
            .find(|o| {
                o["merchant_id"] == t.subject.id.as_str() && o["return_outcome"] == "rejected"
            })
            .unwrap_or_else(|| panic!("{}: no refused return", t.subject.id));
        let signed = seconds(order["signed_at"].as_str().unwrap_or(""));
        let asked = seconds(order["return_requested_at"].as_str().unwrap_or(""));
        let deadline = (signed.div_euclid(86_400) + 8) * 86_400;
        let class = listings
            .iter()
            .find(|l| l["listing_id"] == order["listing_id"])
            .and_then(|l| l["product_class"].as_str())
            .unwrap_or("");
        let excluded = matches!(class, "custom_made" | "fresh" | "digital" | "periodical");
        assert_eq!(
            asked < deadline && !excluded,
            t.label == Label::Positive,
            "{}: asked {asked}, deadline {deadline}, class {class}",
            t.subject.id
        );
        judged += 1;
    }
    assert_eq!(judged, expected);
}

/// A referral scheme as its rows show it.
pub(crate) struct Scheme {
    pub(crate) members: usize,
    /// The deepest member's number of referrers above it.
    pub(crate) levels: usize,
    /// Members who brought somebody in.
    pub(crate) recruiters: usize,
    pub(crate) heads_paid: bool,
}

/// 刑法 第二百二十四条之一 on the set's own rows: each of the `expected` pyramid labels is
/// positive exactly when its scheme has at least 30 members in at least 3 levels and pays for
/// recruits; `each` checks what else a set wants of a scheme.
pub(crate) fn assert_pyramids(city: &City, expected: usize, each: fn(&str, &Scheme)) {
    let referrals = rows(city, "referrals");
    let mut judged = 0;
    for t in city
        .truth
        .rows
        .iter()
        .filter(|t| t.rule == "pyramid_scheme.pyramid")
    {
        let members: Vec<&&Value> = referrals
            .iter()
            .filter(|r| r["scheme_id"] == t.subject.id.as_str())
            .collect();
        let parent: BTreeMap<&str, &str> = members
            .iter()
            .filter_map(|r| Some((r["member_pid"].as_str()?, r["referrer_pid"].as_str()?)))
            .collect();
        let depth = |pid: &str| {
            let (mut d, mut at) = (0, pid);
            while let Some(up) = parent.get(at) {
                d += 1;
                at = up;
            }
            d
        };
        let scheme = Scheme {
            members: members.len(),
            levels: members
                .iter()
                .filter_map(|r| r["member_pid"].as_str())
                .map(depth)
                .max()
                .unwrap_or(0),
            recruiters: parent.values().collect::<BTreeSet<_>>().len(),
            heads_paid: members
                .iter()
                .any(|r| r["recruitment_rewards_fen"].as_i64().unwrap_or(0) > 0),
        };
        each(&t.subject.id, &scheme);
        let pyramid = scheme.members >= 30 && scheme.levels >= 3 && scheme.heads_paid;
        assert_eq!(
            pyramid,
            t.label == Label::Positive,
            "{}: {} members, {} levels, heads paid {}",
            t.subject.id,
            scheme.members,
            scheme.levels,
            scheme.heads_paid
        );
        judged += 1;
    }
    assert_eq!(judged, expected);
}

/// 电子商务法 第十条 on the set's own rows: each of the `expected` natural-person labels is
/// positive exactly when the person's shops add up to over ¥100,000 a year and the reason names
/// none of 第十条's exemptions (`exempt` words: own produce, convenience labour).
pub(crate) fn assert_natural_totals(city: &City, exempt: &[&str], expected: usize) {
    let merchants = rows(city, "merchants");
    let mut by_holder: BTreeMap<&str, i64> = BTreeMap::new();
    for m in merchants
        .iter()
        .filter(|m| m["merchant_type"] == "natural_person")
    {
        *by_holder
            .entry(m["holder_pid"].as_str().unwrap_or(""))
            .or_default() += m["annual_turnover_fen"].as_i64().unwrap_or(0);
    }
    let mut judged = 0;
    for t in city
        .truth
        .rows
        .iter()
        .filter(|t| t.rule.ends_with("unregistered_natural_person"))
    {
        let m = merchants
            .iter()
            .find(|m| m["merchant_id"] == t.subject.id.as_str())
            .unwrap_or_else(|| panic!("{} not planted", t.subject.id));
        let total = by_holder[m["holder_pid"].as_str().unwrap_or("")];
        let is_exempt = exempt.iter().any(|w| t.why.contains(w));
        assert_eq!(
            total > 10_000_000 && !is_exempt,
            t.label == Label::Positive,
            "{}: {total}",
            t.subject.id
        );
        judged += 1;
    }
    assert_eq!(judged, expected);
}
