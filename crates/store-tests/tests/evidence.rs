//! The evidence log over both stores: what ingest and detection append and when, append-only
//! tables, gap-free indexes under concurrent appenders, signed heads, and the tamper test —
//! randomised edits, deletions, insertions, reorderings and truncate-and-re-sign of the stored
//! records, every one detected by checking against an earlier signed head.

use std::sync::Arc;

use tianping_evidence::{Entry, Hash, HashAlg, SignedTreeHead, SigningKey};
use tianping_ingest::{BatchStatus, FileReceipt, FileStatus, Receipt};
use tianping_service::evidence::{self, EvidenceKey};
use tianping_store::{CommitOutcome, DetectionRun, NewDelivery, NewLeaf, Store, StoredFinding};
use tianping_store_tests::fresh_postgres_database;

fn key() -> EvidenceKey {
    EvidenceKey::from_key(SigningKey::from_seed(&[7; 32]))
}

/// A small deterministic generator (SplitMix64): the tamper trials are reproducible by seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn file_entry(n: u64) -> Entry {
    let content = format!("截图 screenshot {n}");
    Entry::File {
        name: format!("capture-{n}.png"),
        media_type: "image/png".into(),
        size: content.len() as u64,
        sha256: HashAlg::Sha256.digest(content.as_bytes()),
        sm3: HashAlg::Sm3.digest(content.as_bytes()),
        captured_by: "inspector-01".into(),
        captured_at_ms: 1_790_000_000_000 + n as i64,
        source: format!("case:C{n}"),
    }
}

fn file_leaf(n: u64) -> NewLeaf {
    NewLeaf::from_entry(format!("file:{n}"), &file_entry(n)).unwrap()
}

fn receipt(batch: &str) -> Receipt {
    Receipt {
        batch_id: Some(batch.into()),
        supplier: Some("tmall".into()),
        status: BatchStatus::Accepted,
        accepted: 9,
        quarantined: 1,
        warnings: 0,
        received_at: "2026-03-02T02:00:00.000+08:00".into(),
        files: vec![FileReceipt {
            table: "orders".into(),
            path: "orders.csv".into(),
            status: FileStatus::Accepted,
            rows: 10,
            accepted: 9,
            quarantined: 1,
            warnings: 0,
            reason: None,
            reason_en: None,
            ignored_columns: vec![],
        }],
        reason: None,
        reason_en: None,
        batch_digest: Some("ab".repeat(32)),
        original_received_at: None,
    }
}

fn finding(id: &str, body: &str) -> StoredFinding {
    let entry = Entry::Finding {
        finding_id: id.into(),
        rule: "price_fraud.reference_price".into(),
        evidence_sha256: HashAlg::Sha256.digest(b"evidence"),
        finding_sha256: HashAlg::Sha256.digest(body.as_bytes()),
        finding_sm3: HashAlg::Sm3.digest(body.as_bytes()),
    };
    StoredFinding {
        finding_id: id.into(),
        detector: "price_fraud".into(),
        rule: "price_fraud.reference_price".into(),
        severity: "high".into(),
        subject_kind: "listing".into(),
        subject_platform: Some("tmall".into()),
        subject_id: "L1".into(),
        body: body.into(),
        evidence_sha256: HashAlg::Sha256.digest(b"evidence").to_hex(),
        region: None,
        leaf: NewLeaf::from_entry(format!("finding:{id}"), &entry).unwrap(),
    }
}

fn run(id: &str) -> (DetectionRun, Vec<NewLeaf>) {
    let run = DetectionRun {
        run_id: id.into(),
        as_of: "2026-12-20T00:00:00+08:00".into(),
        started_at: "2026-12-20T01:00:00+08:00".into(),
        detectors: "[]".into(),
        params: "{}".into(),
        params_sha256: "0".repeat(64),
        data_sha256: "0".repeat(64),
        findings: 2,
        new_findings: 0,
    };
    let entry = Entry::DetectionRun {
        run_id: id.into(),
        detector: "price_fraud".into(),
        detector_version: 1,
        input_sha256: HashAlg::Sha256.digest(id.as_bytes()),
        findings_sha256: HashAlg::Sha256.digest(b"findings"),
        as_of_ms: 1_797_696_000_000,
    };
    (
        run,
        vec![NewLeaf::from_entry(format!("run:{id}/price_fraud"), &entry).unwrap()],
    )
}

/// What ingest and detection append, and when.
async fn story(store: Arc<dyn Store>) {
    assert_eq!(store.evidence_size().await.unwrap(), 0);
    // A committed batch logs its receipt in the commit's transaction.
    store
        .begin_delivery(&NewDelivery {
            delivery_id: "d1".into(),
            supplier: Some("tmall".into()),
            batch_id: Some("b1".into()),
            batch_digest: Some("ab".repeat(32)),
            delivery_sha256: None,
            received_at: "2026-03-02T02:00:00.000+08:00".into(),
        })
        .await
        .unwrap();
    let outcome = store.commit_batch("d1", &receipt("b1"), &[]).await.unwrap();
    assert!(matches!(outcome, CommitOutcome::Committed));
    assert_eq!(store.evidence_size().await.unwrap(), 1);
    let leaves = store.evidence_by_reference("batch:tmall/b1").await.unwrap();
    assert_eq!(leaves.len(), 1);
    match Entry::decode(&leaves[0].data).unwrap() {
        Entry::BatchReceipt {
            supplier,
            batch_id,
            rows_accepted,
            rows_quarantined,
            received_at_ms,
            ..
        } => {
            assert_eq!((supplier.as_str(), batch_id.as_str()), ("tmall", "b1"));
            assert_eq!((rows_accepted, rows_quarantined), (9, 1));
            // 2026-03-02T02:00:00+08:00 = 2026-03-01T18:00:00Z.
            assert_eq!(received_at_ms, 1_772_388_000_000);
        }
        other => panic!("expected a batch receipt, got {other:?}"),
    }

    // A run logs one leaf per detector that ran, plus every new finding.
    let (r1, l1) = run("r1");
    let saved = store
        .save_detection(
            &r1,
            &[finding("F1", "{\"a\":1}"), finding("F2", "{\"b\":2}")],
            &[],
            &l1,
        )
        .await
        .unwrap();
    assert_eq!(saved.new, 2);
    assert_eq!(store.evidence_size().await.unwrap(), 4);
    // The same findings again: only the run is logged.
    let (r2, l2) = run("r2");
    store
        .save_detection(
            &r2,
            &[finding("F1", "{\"a\":1}"), finding("F2", "{\"b\":2}")],
            &[],
            &l2,
        )
        .await
        .unwrap();
    assert_eq!(store.evidence_size().await.unwrap(), 5);
    // A changed finding body is logged again; the finding is still stored once.
    let (r3, l3) = run("r3");
    store
        .save_detection(
            &r3,
            &[finding("F1", "{\"a\":1}"), finding("F2", "{\"b\":3}")],
            &[],
            &l3,
        )
        .await
        .unwrap();
    assert_eq!(store.evidence_size().await.unwrap(), 7);
    assert_eq!(
        store
            .evidence_by_reference("finding:F2")
            .await
            .unwrap()
            .len(),
        2
    );
    assert_eq!(store.findings(&[]).await.unwrap().len(), 2);

    // Stored hashes are the hashes of the stored data, for both algorithms.
    let all = store.evidence_leaves(0, 7).await.unwrap();
    assert_eq!(
        all.iter().map(|l| l.index).collect::<Vec<_>>(),
        (0..7).collect::<Vec<_>>()
    );
    for alg in [HashAlg::Sha256, HashAlg::Sm3] {
        let hashes = store.evidence_hashes(alg, 0, 7).await.unwrap();
        for (leaf, h) in all.iter().zip(&hashes) {
            assert_eq!(alg.leaf_hash(&leaf.data).0, *h);
        }
    }

    // Heads: signed once per size, both algorithms, and the check passes.
    let key = key();
    let h1 = evidence::current_head(store.as_ref(), &key, HashAlg::Sha256, 1000)
        .await
        .unwrap();
    let again = evidence::current_head(store.as_ref(), &key, HashAlg::Sha256, 2000)
        .await
        .unwrap();
    assert_eq!(h1, again, "an unchanged log is not re-signed");
    let s1 = evidence::current_head(store.as_ref(), &key, HashAlg::Sm3, 1000)
        .await
        .unwrap();
    assert_eq!((h1.head.size, s1.head.size), (7, 7));
    assert_ne!(h1.head.root, s1.head.root);
    store.append_evidence(&[file_leaf(1)]).await.unwrap();
    let h2 = evidence::current_head(store.as_ref(), &key, HashAlg::Sha256, 3000)
        .await
        .unwrap();
    assert_eq!(h2.head.size, 8);
    let report = evidence::check(store.as_ref(), &key.public_key(), &[h1.clone(), s1])
        .await
        .unwrap();
    assert!(report.ok(), "{:?}", report.failures);
    assert_eq!(report.leaves_ok, 8);
    assert_eq!(report.heads_ok, 5, "3 stored heads and the 2 given");
    // A head signed by another key does not count.
    let other = EvidenceKey::from_key(SigningKey::from_seed(&[8; 32]));
    let foreign = other.signing_key().sign_head(
        &evidence::load_log(store.as_ref(), HashAlg::Sha256)
            .await
            .unwrap()
            .head("x", 1),
    );
    let report = evidence::check(store.as_ref(), &key.public_key(), &[foreign])
        .await
        .unwrap();
    assert_eq!(report.failures.len(), 1);

    // A bundle of a finding verifies offline and is consistent with the earlier head.
    let dir = tempfile::tempdir().unwrap();
    let leaf = store.evidence_by_reference("finding:F1").await.unwrap()[0].clone();
    let bundle = dir.path().join("bundle");
    evidence::export(
        store.as_ref(),
        &key,
        HashAlg::Sha256,
        "案件 C1",
        &[evidence::BundleItem {
            index: leaf.index,
            content: Some(b"{\"a\":1}".to_vec()),
        }],
        4000,
        &bundle,
    )
    .await
    .unwrap();
    let verified = tianping_evidence::verify_bundle_with(
        &bundle,
        &tianping_evidence::VerifyOptions {
            trusted_key: Some(key.public_key()),
            earlier_heads: vec![h1],
        },
    );
    assert!(verified.ok(), "{verified}");
    assert_eq!(verified.entries_verified, 1);
}

/// Raw SQL an attacker (or an accident) with database access would run.
enum Raw {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

impl Raw {
    async fn exec(&self, sql: &str) -> Result<(), sqlx::Error> {
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        match self {
            Raw::Sqlite(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
            Raw::Postgres(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
        }
    }

    async fn leaf(&self, index: u64) -> (Vec<u8>, String) {
        use sqlx::Row;
        let sql = format!("SELECT leaf_data, kind FROM evidence_leaves WHERE leaf_index = {index}");
        let sql = sqlx::AssertSqlSafe(sql);
        match self {
            Raw::Sqlite(p) => {
                let r = sqlx::query(sql).fetch_one(p).await.unwrap();
                (r.get("leaf_data"), r.get("kind"))
            }
            Raw::Postgres(p) => {
                let r = sqlx::query(sql).fetch_one(p).await.unwrap();
                (r.get("leaf_data"), r.get("kind"))
            }
        }
    }

    async fn close(self) {
        match self {
            Raw::Sqlite(p) => p.close().await,
            Raw::Postgres(p) => p.close().await,
        }
    }

    fn blob(bytes: &[u8]) -> String {
        format!("X'{}'", hex(bytes))
    }

    fn blob_of(&self, bytes: &[u8]) -> String {
        match self {
            Raw::Sqlite(_) => Raw::blob(bytes),
            Raw::Postgres(_) => format!("'\\x{}'::bytea", hex(bytes)),
        }
    }

    async fn disable_guards(&self) {
        match self {
            Raw::Sqlite(_) => {
                for t in [
                    "evidence_leaves_no_update",
                    "evidence_leaves_no_delete",
                    "evidence_heads_no_update",
                    "evidence_heads_no_delete",
                    "evidence_state_only_grows",
                ] {
                    self.exec(&format!("DROP TRIGGER {t}")).await.unwrap();
                }
            }
            Raw::Postgres(_) => {
                for t in ["evidence_leaves", "evidence_heads", "evidence_state"] {
                    self.exec(&format!("ALTER TABLE {t} DISABLE TRIGGER ALL"))
                        .await
                        .unwrap();
                }
            }
        }
    }

    /// Moves leaves `from..` by `delta` (±1), via a detour so the primary key never collides.
    async fn shift(&self, from: u64, delta: i64) {
        self.exec(&format!(
            "UPDATE evidence_leaves SET leaf_index = leaf_index + 1000000000 WHERE leaf_index >= {from}"
        ))
        .await
        .unwrap();
        self.exec(&format!(
            "UPDATE evidence_leaves SET leaf_index = leaf_index - 1000000000 + ({delta}) WHERE leaf_index >= 1000000000"
        ))
        .await
        .unwrap();
        self.exec(&format!(
            "UPDATE evidence_state SET size = size + ({delta})"
        ))
        .await
        .unwrap();
    }

    async fn insert(&self, index: u64, leaf: &NewLeaf) {
        self.exec(&format!(
            "INSERT INTO evidence_leaves (leaf_index, reference, kind, leaf_data, sha256, sm3) VALUES ({index}, '{}', '{}', {}, {}, {})",
            leaf.reference,
            leaf.kind,
            self.blob_of(&leaf.data),
            self.blob_of(&leaf.sha256),
            self.blob_of(&leaf.sm3)
        ))
        .await
        .unwrap();
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The stored tables refuse changes.
async fn append_only(raw: &Raw) {
    for sql in [
        "UPDATE evidence_leaves SET kind = 'file' WHERE leaf_index = 0",
        "DELETE FROM evidence_leaves WHERE leaf_index = 0",
        "UPDATE evidence_heads SET root = 'x'",
        "DELETE FROM evidence_heads",
        "UPDATE evidence_state SET size = 0",
    ] {
        assert!(raw.exec(sql).await.is_err(), "{sql} must be refused");
    }
}

/// One tamper trial on a store holding a log whose first `head.size` leaves a published head
/// covers: returns what was done.
async fn tamper(raw: &Raw, rng: &mut Rng, head_size: u64, total: u64) -> String {
    raw.disable_guards().await;
    let i = rng.below(head_size);
    match rng.below(7) {
        0 => {
            // Flip one byte of a leaf's data, keeping its stored hashes.
            let (mut data, _) = raw.leaf(i).await;
            let at = rng.below(data.len() as u64) as usize;
            data[at] ^= 1 << rng.below(8);
            raw.exec(&format!(
                "UPDATE evidence_leaves SET leaf_data = {} WHERE leaf_index = {i}",
                raw.blob_of(&data)
            ))
            .await
            .unwrap();
            format!("flip a byte of leaf {i}")
        }
        1 => {
            // Rewrite an entry and recompute both its stored hashes (a careful forger).
            let n = 1_000_000 + rng.below(1000);
            let forged = file_leaf(n);
            raw.exec(&format!(
                "UPDATE evidence_leaves SET leaf_data = {}, sha256 = {}, sm3 = {} WHERE leaf_index = {i}",
                raw.blob_of(&forged.data),
                raw.blob_of(&forged.sha256),
                raw.blob_of(&forged.sm3)
            ))
            .await
            .unwrap();
            format!("rewrite leaf {i} with consistent hashes")
        }
        2 => {
            // Delete a leaf and close the gap.
            raw.exec(&format!(
                "DELETE FROM evidence_leaves WHERE leaf_index = {i}"
            ))
            .await
            .unwrap();
            raw.shift(i + 1, -1).await;
            format!("renumber after deleting leaf {i}")
        }
        3 => {
            // Delete a leaf and leave the gap.
            raw.exec(&format!(
                "DELETE FROM evidence_leaves WHERE leaf_index = {i}"
            ))
            .await
            .unwrap();
            format!("delete leaf {i}")
        }
        4 => {
            // Insert a fabricated leaf.
            raw.shift(i, 1).await;
            raw.insert(i, &file_leaf(2_000_000 + rng.below(1000))).await;
            format!("insert a leaf at {i}")
        }
        5 => {
            // Swap two leaves.
            let mut j = rng.below(head_size);
            if j == i {
                j = (i + 1) % head_size;
            }
            raw.exec(&format!(
                "UPDATE evidence_leaves SET leaf_index = 1000000000 WHERE leaf_index = {i}"
            ))
            .await
            .unwrap();
            raw.exec(&format!(
                "UPDATE evidence_leaves SET leaf_index = {i} WHERE leaf_index = {j}"
            ))
            .await
            .unwrap();
            raw.exec(&format!(
                "UPDATE evidence_leaves SET leaf_index = {j} WHERE leaf_index = 1000000000"
            ))
            .await
            .unwrap();
            format!("swap leaves {i} and {j}")
        }
        _ => {
            // Truncate to below the published head, optionally append forged leaves back past
            // it, drop every stored head and re-sign with the installation's own key.
            let keep = i;
            raw.exec(&format!(
                "DELETE FROM evidence_leaves WHERE leaf_index >= {keep}"
            ))
            .await
            .unwrap();
            let mut size = keep;
            if rng.below(2) == 0 {
                while size < total {
                    raw.insert(size, &file_leaf(3_000_000 + size)).await;
                    size += 1;
                }
            }
            raw.exec(&format!("UPDATE evidence_state SET size = {size}"))
                .await
                .unwrap();
            raw.exec("DELETE FROM evidence_heads").await.unwrap();
            format!("truncate to {keep}, regrow to {size}, re-sign")
        }
    }
}

/// Runs `trials` tamper trials; `fresh` gives a new copy of the pristine store and a raw handle.
async fn tamper_trials<F, Fut>(trials: u64, head: &SignedTreeHead, total: u64, mut fresh: F)
where
    F: FnMut(u64) -> Fut,
    Fut: std::future::Future<Output = (Arc<dyn Store>, Raw)>,
{
    let key = key();
    let mut rng = Rng(0x7a_6d_70_65_72);
    let mut kinds = std::collections::BTreeMap::<String, u64>::new();
    for trial in 0..trials {
        let (store, raw) = fresh(trial).await;
        if trial == 0 {
            let report = evidence::check(
                store.as_ref(),
                &key.public_key(),
                std::slice::from_ref(head),
            )
            .await
            .unwrap();
            assert!(
                report.ok(),
                "the pristine copy must pass: {:?}",
                report.failures
            );
        }
        let what = tamper(&raw, &mut rng, head.head.size, total).await;
        raw.close().await;
        if what.contains("re-sign") {
            // The forger signs a head over the forged log with the real key.
            evidence::current_head(store.as_ref(), &key, HashAlg::Sha256, 9_000)
                .await
                .unwrap();
            evidence::current_head(store.as_ref(), &key, HashAlg::Sm3, 9_000)
                .await
                .unwrap();
        }
        let report = evidence::check(
            store.as_ref(),
            &key.public_key(),
            std::slice::from_ref(head),
        )
        .await
        .unwrap();
        assert!(!report.ok(), "trial {trial}: {what} went undetected");
        *kinds
            .entry(what.split(' ').take(2).collect::<Vec<_>>().join(" "))
            .or_default() += 1;
    }
    eprintln!("tamper trials detected: {kinds:?}");
    assert!(
        kinds.len() >= 7,
        "every kind of tampering was tried: {kinds:?}"
    );
}

/// Fills a store with a log: `head_size` leaves under a published head, then more.
async fn fill(store: &dyn Store, head_size: u64, total: u64) -> SignedTreeHead {
    let key = key();
    let leaves: Vec<NewLeaf> = (0..head_size).map(file_leaf).collect();
    store.append_evidence(&leaves).await.unwrap();
    let head = evidence::current_head(store, &key, HashAlg::Sha256, 5_000)
        .await
        .unwrap();
    evidence::current_head(store, &key, HashAlg::Sm3, 5_000)
        .await
        .unwrap();
    let more: Vec<NewLeaf> = (head_size..total).map(file_leaf).collect();
    store.append_evidence(&more).await.unwrap();
    head
}

async fn open_sqlite(path: &std::path::Path) -> Arc<dyn Store> {
    Arc::new(
        tianping_store_sqlite::SqliteStore::open(path)
            .await
            .unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn evidence_story_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    story(open_sqlite(&path).await).await;
    let raw = Raw::Sqlite(
        sqlx::SqlitePool::connect(&format!("sqlite:{}", path.display()))
            .await
            .unwrap(),
    );
    append_only(&raw).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn tamper_is_detected_on_sqlite() {
    // A thousand copies of a database: on a memory file system where there is one, since
    // fsync (synchronous=FULL) would otherwise dominate and is not what is tested here.
    let shm = std::path::Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    };
    let pristine = dir.path().join("pristine.db");
    let (head_size, total) = (97, 120);
    let head = {
        let store = open_sqlite(&pristine).await;
        fill(store.as_ref(), head_size, total).await
    };
    let source = sqlx::SqlitePool::connect(&format!("sqlite:{}", pristine.display()))
        .await
        .unwrap();
    let source = &source;
    let dir_path = dir.path().to_path_buf();
    tamper_trials(1000, &head, total, |trial| {
        let copy = dir_path.join(format!("trial-{}.db", trial % 4));
        async move {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
            }
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "VACUUM INTO '{}'",
                copy.display()
            )))
            .execute(source)
            .await
            .unwrap();
            let raw = Raw::Sqlite(
                sqlx::SqlitePool::connect(&format!("sqlite:{}", copy.display()))
                    .await
                    .unwrap(),
            );
            let store = open_sqlite(&copy).await;
            (store, raw)
        }
    })
    .await;
}

async fn open_postgres(url: &str) -> Arc<dyn Store> {
    Arc::new(
        tianping_store_postgres::PostgresStore::open(url)
            .await
            .unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn evidence_story_on_postgres() {
    let Some((url, _)) = fresh_postgres_database(None).await else {
        return;
    };
    story(open_postgres(&url).await).await;
    let raw = Raw::Postgres(sqlx::PgPool::connect(&url).await.unwrap());
    append_only(&raw).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn concurrent_appends_are_gap_free_on_postgres() {
    let Some((url, _)) = fresh_postgres_database(None).await else {
        return;
    };
    let store = open_postgres(&url).await;
    let mut tasks = Vec::new();
    for t in 0..8u64 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let mut firsts = Vec::new();
            for n in 0..25u64 {
                let pair = [file_leaf(t * 1000 + n * 2), file_leaf(t * 1000 + n * 2 + 1)];
                firsts.push((store.append_evidence(&pair).await.unwrap(), pair));
            }
            firsts
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    assert_eq!(store.evidence_size().await.unwrap(), 400);
    let stored = store.evidence_leaves(0, 400).await.unwrap();
    assert_eq!(stored.len(), 400);
    for (first, pair) in all {
        // Each append's leaves are consecutive, where the store said they start.
        assert_eq!(stored[first as usize].data, pair[0].data);
        assert_eq!(stored[first as usize + 1].data, pair[1].data);
    }
    let key = key();
    evidence::current_head(store.as_ref(), &key, HashAlg::Sha256, 1)
        .await
        .unwrap();
    let report = evidence::check(store.as_ref(), &key.public_key(), &[])
        .await
        .unwrap();
    assert!(report.ok(), "{:?}", report.failures);
}

#[tokio::test(flavor = "multi_thread")]
async fn tamper_is_detected_on_postgres() {
    let Some((url, template)) = fresh_postgres_database(None).await else {
        return;
    };
    let (head_size, total) = (61, 70);
    let head = {
        let store = open_postgres(&url).await;
        fill(store.as_ref(), head_size, total).await
    };
    let template = &template;
    tamper_trials(60, &head, total, |_| async move {
        let (url, _) = fresh_postgres_database(Some(template)).await.unwrap();
        let raw = Raw::Postgres(sqlx::PgPool::connect(&url).await.unwrap());
        (open_postgres(&url).await, raw)
    })
    .await;
}

#[test]
fn forged_hash_helper_is_consistent() {
    // The forger's recomputed hashes are what the store would have computed.
    let leaf = file_leaf(5);
    assert_eq!(HashAlg::Sha256.leaf_hash(&leaf.data), Hash(leaf.sha256));
    assert_eq!(HashAlg::Sm3.leaf_hash(&leaf.data), Hash(leaf.sm3));
}
