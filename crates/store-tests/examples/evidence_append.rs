//! Appends per second to the evidence log with durable commits, against the floor: a plain
//! durable insert of the same bytes into the same database, one transaction each.
//!
//! `cargo run --release -p tianping-store-tests --example evidence_append -- [N] [postgres://…]`
//! (SQLite in a temporary directory when no URL is given). Prints one line per measurement.

use std::time::Instant;

use tianping_evidence::{Entry, HashAlg};
use tianping_store::{NewLeaf, Store};

fn leaf(n: u64) -> NewLeaf {
    let content = format!("content {n}");
    let entry = Entry::File {
        name: format!("capture-{n}.png"),
        media_type: "image/png".into(),
        size: content.len() as u64,
        sha256: HashAlg::Sha256.digest(content.as_bytes()),
        sm3: HashAlg::Sm3.digest(content.as_bytes()),
        captured_by: "bench".into(),
        captured_at_ms: n as i64,
        source: "bench".into(),
    };
    NewLeaf::from_entry(format!("file:{n}"), &entry).expect("encodes")
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let url = args.get(2).cloned();
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, backend): (Box<dyn Store>, &str) = match &url {
        Some(url) => (
            Box::new(
                tianping_store_postgres::PostgresStore::open(url)
                    .await
                    .expect("open"),
            ),
            "postgres",
        ),
        None => (
            Box::new(
                tianping_store_sqlite::SqliteStore::open(&dir.path().join("b.db"))
                    .await
                    .expect("open"),
            ),
            "sqlite",
        ),
    };
    let leaves: Vec<NewLeaf> = (0..n).map(leaf).collect();
    // The floor: the same bytes, inserted one durable transaction each, through the same driver.
    let plain = match &url {
        Some(url) => {
            let pool = sqlx::PgPool::connect(url).await.expect("connect");
            sqlx::query("CREATE TABLE IF NOT EXISTS bench_plain (id BIGINT PRIMARY KEY, data BYTEA NOT NULL)")
                .execute(&pool)
                .await
                .expect("create");
            let start = Instant::now();
            for (i, l) in leaves.iter().enumerate() {
                let mut tx = pool.begin().await.expect("begin");
                sqlx::query("INSERT INTO bench_plain (id, data) VALUES ($1, $2)")
                    .bind(i as i64)
                    .bind(&l.data)
                    .execute(&mut *tx)
                    .await
                    .expect("insert");
                tx.commit().await.expect("commit");
            }
            start.elapsed()
        }
        None => {
            let options = sqlx::sqlite::SqliteConnectOptions::new()
                .filename(dir.path().join("b.db"))
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sqlx::sqlite::SqliteSynchronous::Full);
            let pool = sqlx::SqlitePool::connect_with(options)
                .await
                .expect("connect");
            sqlx::query("CREATE TABLE IF NOT EXISTS bench_plain (id INTEGER PRIMARY KEY, data BLOB NOT NULL)")
                .execute(&pool)
                .await
                .expect("create");
            let start = Instant::now();
            for (i, l) in leaves.iter().enumerate() {
                let mut tx = pool.begin().await.expect("begin");
                sqlx::query("INSERT INTO bench_plain (id, data) VALUES ($1, $2)")
                    .bind(i as i64)
                    .bind(&l.data)
                    .execute(&mut *tx)
                    .await
                    .expect("insert");
                tx.commit().await.expect("commit");
            }
            start.elapsed()
        }
    };
    let start = Instant::now();
    for l in &leaves {
        store
            .append_evidence(std::slice::from_ref(l))
            .await
            .expect("append");
    }
    let logged = start.elapsed();
    // Batched: 100 leaves a transaction (what a detection run does).
    let start = Instant::now();
    for chunk in leaves.chunks(100) {
        store.append_evidence(chunk).await.expect("append");
    }
    let batched = start.elapsed();
    let rate = |d: std::time::Duration| n as f64 / d.as_secs_f64();
    println!(
        "{backend}: n={n} plain insert {:.0}/s; evidence append {:.0}/s (ratio {:.2}); evidence append, 100 a transaction {:.0}/s",
        rate(plain),
        rate(logged),
        logged.as_secs_f64() / plain.as_secs_f64(),
        rate(batched)
    );
}
