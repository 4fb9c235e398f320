//! The accounts story over both stores: first-run setup happens once, accounts and scope-filtered
//! lists, lock state, single-use TOTP steps, sessions, API keys, and the audit log — appended
//! concurrently without forking, verified, and refused UPDATE and DELETE by the database itself.

use std::sync::Arc;

use tianping_store::accounts::{
    AccountFilter, ApiKeyRecord, AuditEvent, GENESIS_HASH, NewAccount, SessionRecord,
};
use tianping_store::{AccountStore, Store};
use tianping_store_tests::{assert_refused, fresh_postgres};

fn account(id: &str, login: &str, dept: &str, region: &str) -> NewAccount {
    NewAccount {
        user_id: id.into(),
        login: login.into(),
        display_name: format!("用户 {login}"),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA".into(),
        totp_secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ".into(),
        roles: "analyst".into(),
        department: dept.into(),
        region: region.into(),
        created_at: "2026-03-02T01:00:00.000000Z".into(),
    }
}

fn event(i: usize) -> AuditEvent {
    AuditEvent {
        at: format!("2026-03-02T01:00:{:02}.000000Z", i % 60),
        actor: "u-admin".into(),
        action: "login".into(),
        target: format!("account:{i}"),
        outcome: "success".into(),
        detail: "{}".into(),
        source: "127.0.0.1".into(),
    }
}

async fn story(store: Arc<dyn Store>) {
    // Setup: once, and only on an empty store.
    assert_eq!(store.count_accounts().await.unwrap(), 0);
    let admin = NewAccount {
        roles: "system_admin".into(),
        ..account("u-admin", "admin", "xinxi", "330100")
    };
    assert!(store.create_first_account(&admin).await.unwrap());
    assert!(
        !store
            .create_first_account(&account("u-x", "second", "xinxi", "330100"))
            .await
            .unwrap()
    );
    assert_eq!(store.count_accounts().await.unwrap(), 1);

    // Accounts: unique logins; lists filtered by scope in the query.
    assert!(
        store
            .create_account(&account("u1", "li", "wangjian", "330106"))
            .await
            .unwrap()
    );
    assert!(
        !store
            .create_account(&account("u9", "li", "jiage", "330106"))
            .await
            .unwrap()
    );
    store
        .create_account(&account("u2", "wang", "jiage", "330106"))
        .await
        .unwrap();
    store
        .create_account(&account("u3", "zhao", "wangjian", "330200"))
        .await
        .unwrap();
    let logins = |v: Vec<tianping_store::accounts::AccountRecord>| {
        v.into_iter().map(|a| a.login).collect::<Vec<_>>()
    };
    let all = store
        .list_accounts(&AccountFilter::default(), 100, 0)
        .await
        .unwrap();
    assert_eq!(logins(all), ["admin", "li", "wang", "zhao"]);
    let wangjian_hz = AccountFilter {
        department: Some("wangjian".into()),
        region_prefix: Some("3301".into()),
    };
    assert_eq!(
        logins(store.list_accounts(&wangjian_hz, 100, 0).await.unwrap()),
        ["li"]
    );
    let hz = AccountFilter {
        department: None,
        region_prefix: Some("3301".into()),
    };
    assert_eq!(
        logins(store.list_accounts(&hz, 2, 1).await.unwrap()),
        ["li", "wang"]
    );

    // Lock state and single-use TOTP steps.
    store
        .set_lock_state("u1", 5, Some("2026-03-02T01:15:00.000000Z"))
        .await
        .unwrap();
    let li = store.account_by_login("li").await.unwrap().unwrap();
    assert_eq!(li.failures, 5);
    assert_eq!(
        li.locked_until.as_deref(),
        Some("2026-03-02T01:15:00.000000Z")
    );
    assert!(!format!("{li:?}").contains("argon2id"));
    assert!(store.record_login_success("u1", 100).await.unwrap());
    assert!(!store.record_login_success("u1", 100).await.unwrap());
    assert!(!store.record_login_success("u1", 99).await.unwrap());
    let li = store.account_by_id("u1").await.unwrap().unwrap();
    assert_eq!(
        (li.failures, li.locked_until, li.totp_last_step),
        (0, None, Some(100))
    );
    assert!(store.set_roles("u1", "analyst,leader").await.unwrap());
    assert!(!store.set_roles("nobody", "analyst").await.unwrap());
    store
        .set_password_hash("u1", "$argon2id$new")
        .await
        .unwrap();
    assert_eq!(
        store
            .account_by_id("u1")
            .await
            .unwrap()
            .unwrap()
            .password_hash,
        "$argon2id$new"
    );

    // Sessions: created, touched, re-authenticated, ended; disabling ends them all.
    let session = SessionRecord {
        token_hash: "h1".into(),
        user_id: "u1".into(),
        created_at: "2026-03-02T01:00:00.000000Z".into(),
        last_seen: "2026-03-02T01:00:00.000000Z".into(),
        authenticated_at: "2026-03-02T01:00:00.000000Z".into(),
    };
    store.create_session(&session).await.unwrap();
    store
        .touch_session("h1", "2026-03-02T01:10:00.000000Z")
        .await
        .unwrap();
    store
        .reauthenticate_session("h1", "2026-03-02T01:20:00.000000Z")
        .await
        .unwrap();
    let s = store.session("h1").await.unwrap().unwrap();
    assert_eq!(s.last_seen, "2026-03-02T01:20:00.000000Z");
    assert_eq!(s.authenticated_at, "2026-03-02T01:20:00.000000Z");
    store.delete_session("h1").await.unwrap();
    assert!(store.session("h1").await.unwrap().is_none());
    store
        .create_session(&SessionRecord {
            token_hash: "h2".into(),
            ..session.clone()
        })
        .await
        .unwrap();
    assert!(store.disable_account("u1").await.unwrap());
    assert!(store.session("h2").await.unwrap().is_none());
    assert!(store.account_by_id("u1").await.unwrap().unwrap().disabled);

    // API keys.
    let key = ApiKeyRecord {
        key_hash: "kh".into(),
        key_id: "k1".into(),
        supplier: "tmall".into(),
        label: "推送".into(),
        created_at: "2026-03-02T01:00:00.000000Z".into(),
        created_by: "u-admin".into(),
        revoked: false,
    };
    store.create_api_key(&key).await.unwrap();
    assert_eq!(store.api_key("kh").await.unwrap(), Some(key.clone()));
    assert_eq!(store.api_key("nope").await.unwrap(), None);
    assert!(store.revoke_api_key("k1").await.unwrap());
    assert!(!store.revoke_api_key("k9").await.unwrap());
    assert!(store.api_key("kh").await.unwrap().unwrap().revoked);

    // --- web (issue 10): enable clears the lock; a TOTP reset replaces the secret, forgets the
    // last step and ends sessions; keys list oldest first, revoked ones included.
    store
        .set_lock_state("u1", 5, Some("2026-03-02T02:00:00.000000Z"))
        .await
        .unwrap();
    assert!(store.enable_account("u1").await.unwrap());
    assert!(!store.enable_account("nobody").await.unwrap());
    let a = store.account_by_id("u1").await.unwrap().unwrap();
    assert!(!a.disabled);
    assert_eq!((a.failures, a.locked_until), (0, None));
    assert!(store.record_login_success("u1", 1000).await.unwrap());
    store
        .create_session(&SessionRecord {
            token_hash: "h3".into(),
            ..session.clone()
        })
        .await
        .unwrap();
    assert!(store.reset_totp("u1", "sealed-new").await.unwrap());
    assert!(!store.reset_totp("nobody", "x").await.unwrap());
    let a = store.account_by_id("u1").await.unwrap().unwrap();
    assert_eq!(
        (a.totp_secret.as_str(), a.totp_last_step),
        ("sealed-new", None)
    );
    assert!(store.session("h3").await.unwrap().is_none());
    store
        .create_api_key(&ApiKeyRecord {
            key_hash: "kh2".into(),
            key_id: "k2".into(),
            created_at: "2026-03-02T02:00:00.000000Z".into(),
            ..key.clone()
        })
        .await
        .unwrap();
    let keys = store.list_api_keys(10).await.unwrap();
    assert_eq!(
        keys.iter()
            .map(|k| (k.key_id.as_str(), k.revoked))
            .collect::<Vec<_>>(),
        [("k1", true), ("k2", false)]
    );
    assert_eq!(store.list_api_keys(1).await.unwrap().len(), 1);

    // Audit: an empty chain verifies; 40 concurrent appends make one unbroken chain.
    let empty = store.verify_audit_chain().await.unwrap();
    assert_eq!((empty.rows, empty.head.as_str()), (0, GENESIS_HASH));
    let mut tasks = Vec::new();
    for i in 0..40 {
        let store = store.clone();
        tasks.push(tokio::spawn(
            async move { store.append_audit(&event(i)).await },
        ));
    }
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    let report = store.verify_audit_chain().await.unwrap();
    assert!(report.is_intact(), "{report:?}");
    assert_eq!(report.rows, 40);
    let newest = store.audit_events(5, None).await.unwrap();
    assert_eq!(
        newest.iter().map(|r| r.seq).collect::<Vec<_>>(),
        [40, 39, 38, 37, 36]
    );
    assert_eq!(newest[0].row_hash, report.head);
    assert_eq!(
        newest[0].row_hash,
        newest[0].event.chain_hash(40, &newest[0].prev_hash)
    );
    let older = store.audit_events(3, Some(2)).await.unwrap();
    assert_eq!(older.len(), 1);
    assert_eq!(older[0].prev_hash, GENESIS_HASH);
}

#[tokio::test(flavor = "multi_thread")]
async fn accounts_story_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let store = tianping_store_sqlite::SqliteStore::open(&path)
        .await
        .unwrap();
    story(Arc::new(store.clone())).await;
    store.close().await;

    // The application's own connection cannot change or remove audit rows.
    assert_refused(
        &format!("sqlite:{}", path.display()),
        &[
            "UPDATE audit_log SET outcome = 'failure' WHERE seq = 3",
            "UPDATE audit_log SET row_hash = prev_hash",
            "DELETE FROM audit_log WHERE seq = 40",
            "DELETE FROM audit_log",
        ],
        "append-only",
    )
    .await;
    let pool = sqlx::SqlitePool::connect(&format!("sqlite:{}", path.display()))
        .await
        .unwrap();
    // Tampering that bypasses the triggers (dropping them, as a database owner could) is
    // detected by the chain.
    sqlx::query("DROP TRIGGER audit_log_no_update")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE audit_log SET target = 'account:x' WHERE seq = 7")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let store = tianping_store_sqlite::SqliteStore::open(&path)
        .await
        .unwrap();
    let report = store.verify_audit_chain().await.unwrap();
    assert_eq!(report.first_bad_seq, Some(7));
    assert_eq!(report.rows, 6);
}

#[tokio::test(flavor = "multi_thread")]
async fn tail_truncation_is_detected_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let store = tianping_store_sqlite::SqliteStore::open(&path)
        .await
        .unwrap();
    for i in 0..5 {
        store.append_audit(&event(i)).await.unwrap();
    }
    store.close().await;
    let pool = sqlx::SqlitePool::connect(&format!("sqlite:{}", path.display()))
        .await
        .unwrap();
    sqlx::query("DROP TRIGGER audit_log_no_delete")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("DELETE FROM audit_log WHERE seq = 5")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let store = tianping_store_sqlite::SqliteStore::open(&path)
        .await
        .unwrap();
    let report = store.verify_audit_chain().await.unwrap();
    assert_eq!((report.rows, report.first_bad_seq), (4, Some(5)));
}

#[tokio::test(flavor = "multi_thread")]
async fn accounts_story_on_postgres() {
    let Some(url) = fresh_postgres().await else {
        return;
    };
    let store = tianping_store_postgres::PostgresStore::open(&url)
        .await
        .unwrap();
    story(Arc::new(store.clone())).await;
    store.close().await;
    assert_refused(
        &url,
        &[
            "UPDATE audit_log SET outcome = 'failure' WHERE seq = 3",
            "DELETE FROM audit_log WHERE seq = 40",
            "TRUNCATE audit_log",
        ],
        "append-only",
    )
    .await;
    let pool = sqlx::PgPool::connect(&url).await.unwrap();
    sqlx::query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE audit_log SET detail = '{\"x\":1}' WHERE seq = 12")
        .execute(&pool)
        .await
        .unwrap();
    let store = tianping_store_postgres::PostgresStore::open(&url)
        .await
        .unwrap();
    let report = store.verify_audit_chain().await.unwrap();
    assert_eq!(report.first_bad_seq, Some(12));
}
