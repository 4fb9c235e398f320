//! Assistance (协查) between two installations, one on each backend (SQLite always; PostgreSQL
//! when `TIANPING_TEST_PG_URL` is set, required under CI): a case asks the merchant's home region
//! → the request travels as a signed package of its own kind → the receiver verifies, keeps and
//! logs it and answers with a signed reply package → the sender verifies it and records the reply
//! on the case. Every step is an event or a logged file on the side that took it; packages of
//! the wrong kind, for the wrong case, or signed by someone else are refused; both logs check and
//! the final case file verifies offline.

use std::sync::Arc;

use tianping_cases::case::{Action, Actor, Role};
use tianping_detect::{Ref, RefKind, Severity};
use tianping_evidence::{Entry, HashAlg, SigningKey, VerifyOptions};
use tianping_service::assist::{self, AssistError};
use tianping_service::cases::Desk;
use tianping_service::evidence::{self, EvidenceKey};
use tianping_service::transfer::{self, TransferError};
use tianping_store::Store;
use tianping_store_tests::{at, finding_json, fresh_postgres};

fn actor(id: &str, role: Role) -> Actor {
    Actor {
        id: id.into(),
        role,
    }
}

async fn store_findings(store: &dyn Store, bodies: &[String]) {
    tianping_store_tests::store_findings(store, "run-a", "2026-03-01", bodies).await;
}

fn kinds_since(leaves: &[tianping_store::StoredLeaf]) -> Vec<String> {
    leaves
        .iter()
        .map(|l| match Entry::decode(&l.data).unwrap() {
            Entry::CaseRecord { action, .. } => format!("case:{action}"),
            Entry::File { media_type, .. } => format!("file:{media_type}"),
            other => other.kind().to_string(),
        })
        .collect()
}

async fn two_installations(sender: Arc<dyn Store>, receiver: Arc<dyn Store>) {
    let label = format!("{} → {}", sender.backend(), receiver.backend());
    tianping_store_tests::seed_departments(sender.as_ref()).await;
    tianping_store_tests::seed_departments(receiver.as_ref()).await;
    let desk = Desk::embedded().unwrap();
    let key_a = EvidenceKey::from_key(SigningKey::from_seed(&[3; 32]));
    let key_b = EvidenceKey::from_key(SigningKey::from_seed(&[4; 32]));
    let dir = tempfile::tempdir().unwrap();

    // The sender: a serious finding about a Shenzhen merchant on a Hangzhou platform → a case.
    let merchant = Ref {
        kind: RefKind::Merchant,
        id: "M-SZ".into(),
        platform_id: Some("tmall".into()),
        uscc: None,
    };
    store_findings(
        sender.as_ref(),
        &[finding_json(
            "fake_orders",
            "ring",
            merchant,
            vec![],
            Severity::High,
            0.85,
        )],
    )
    .await;
    let t0 = at(2026, 3, 2, 9);
    desk.refresh_alerts(
        sender.as_ref(),
        chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        t0,
    )
    .await
    .unwrap();
    let alert = sender
        .alerts(None)
        .await
        .unwrap()
        .into_iter()
        .next()
        .unwrap();
    let case = desk
        .open_clue(
            sender.as_ref(),
            &alert.alert_id,
            &actor("a-dispatch", Role::Dispatcher),
            "网监处",
            "330106",
            "严重预警",
            t0,
        )
        .await
        .unwrap();
    let id = case.case_id.clone();
    let officer = actor("a-officer", Role::Officer);
    desk.act(
        sender.as_ref(),
        &id,
        &officer,
        Action::StartVerification,
        "开始核查",
        at(2026, 3, 2, 10),
    )
    .await
    .unwrap();
    let asked = desk
        .act(
            sender.as_ref(),
            &id,
            &officer,
            Action::RequestAssistance {
                to_department: "网监处".into(),
                to_region: "440300".into(),
                request: "请协助核实该商户注册地址及经营者身份".into(),
            },
            "商户住所地在深圳",
            at(2026, 3, 2, 11),
        )
        .await
        .unwrap();
    let seq = asked.assistance[0].seq;

    // Step 1: the request package.
    let before_a = sender.evidence_size().await.unwrap();
    let request_dir = dir.path().join("request");
    let (letter, _) = assist::export_request(
        &desk,
        sender.as_ref(),
        &key_a,
        HashAlg::Sha256,
        &id,
        seq,
        at(2026, 3, 2, 12),
        &request_dir,
    )
    .await
    .unwrap();
    assert_eq!(
        (letter.to_region.as_str(), letter.request_seq),
        ("440300", seq)
    );
    // The letter carries the sender's registry id and its names (the receiver has its own
    // registry).
    assert_eq!(letter.from_department, "wangjian");
    assert_eq!(
        letter.from_department_names.as_ref().map(|n| n.zh.as_str()),
        Some("网监处")
    );
    // A request that is not open cannot be sent.
    assert!(matches!(
        assist::export_request(
            &desk,
            sender.as_ref(),
            &key_a,
            HashAlg::Sha256,
            &id,
            seq + 7,
            at(2026, 3, 2, 12),
            &dir.path().join("nope")
        )
        .await,
        Err(AssistError::Refused(_))
    ));

    // Step 2: the receiver. The wrong key is refused; a request is not a transfer.
    assert!(matches!(
        transfer::read_package(&request_dir, &key_b.public_key()),
        Err(TransferError::NotVerified(_))
    ));
    let package = transfer::read_package(&request_dir, &key_a.public_key()).unwrap();
    assert!(matches!(
        transfer::receive_transfer(&desk, receiver.as_ref(), &package, &dir.path().join("kept-b"), &actor("b-dispatch", Role::Dispatcher), "网监处", "440300", at(2026, 3, 3, 9)).await,
        Err(TransferError::Unusable(m)) if m.contains("assistance-request")
    ));
    let before_b = receiver.evidence_size().await.unwrap();
    let received = assist::receive_request(
        receiver.as_ref(),
        &package,
        &dir.path().join("kept-b"),
        "b-officer",
        at(2026, 3, 3, 9),
    )
    .await
    .unwrap();
    assert_eq!(received, letter);
    let reply_dir = dir.path().join("reply");
    // A unit the receiver's registry does not hold cannot answer.
    let unknown = assist::export_reply(
        receiver.as_ref(),
        &key_b,
        HashAlg::Sm3,
        &package,
        "无此部门",
        "440300",
        "答复",
        "b-officer",
        at(2026, 3, 5, 16),
        &dir.path().join("reply-unknown"),
    )
    .await
    .unwrap_err();
    assert!(
        unknown.is_user_error() && unknown.to_string().contains("无此部门"),
        "{unknown}"
    );
    let (reply_letter, _) = assist::export_reply(
        receiver.as_ref(),
        &key_b,
        HashAlg::Sm3,
        &package,
        "网监处",
        "440300",
        "经核实，该商户注册地址为虚假地址，经营者已失联",
        "b-officer",
        at(2026, 3, 5, 16),
        &reply_dir,
    )
    .await
    .unwrap();
    assert_eq!(reply_letter.from_department, "wangjian");
    assert_eq!(
        reply_letter.from_department_names.map(|n| n.en),
        Some("Online Trading Division".to_string())
    );
    let b_logged = receiver
        .evidence_leaves(before_b, receiver.evidence_size().await.unwrap())
        .await
        .unwrap();
    assert_eq!(
        kinds_since(&b_logged),
        [
            "file:application/vnd.tianping.evidence-bundle+json".to_string(),
            format!("file:{}", assist::REPLY_MEDIA)
        ],
        "{label}: the receipt and the reply letter in the receiver's log"
    );

    // Step 3: back at the sender. The request package is not a reply; the reply is recorded.
    assert!(matches!(
        assist::receive_reply(
            &desk,
            sender.as_ref(),
            &id,
            &package,
            &dir.path().join("kept-a"),
            &officer,
            "x",
            at(2026, 3, 6, 9)
        )
        .await,
        Err(AssistError::Refused(_))
    ));
    let reply = transfer::read_package(&reply_dir, &key_b.public_key()).unwrap();
    assert!(matches!(
        assist::receive_reply(&desk, sender.as_ref(), "clue-other", &reply, &dir.path().join("kept-a"), &officer, "x", at(2026, 3, 6, 9)).await,
        Err(AssistError::Refused(m)) if m.contains("clue-other")
    ));
    assert!(matches!(
        transfer::receive_feedback(
            &desk,
            sender.as_ref(),
            &id,
            &reply,
            &dir.path().join("kept-a"),
            &officer,
            "x",
            at(2026, 3, 6, 9)
        )
        .await,
        Err(TransferError::Unusable(_))
    ));
    let answered = assist::receive_reply(
        &desk,
        sender.as_ref(),
        &id,
        &reply,
        &dir.path().join("kept-a"),
        &officer,
        "收到深圳协查答复",
        at(2026, 3, 6, 9),
    )
    .await
    .unwrap();
    let reply_text = answered.assistance[0].reply.as_deref().unwrap();
    assert!(
        reply_text.contains("虚假地址") && reply_text.contains(key_b.log_id()),
        "{label}: {reply_text}"
    );
    // The same request cannot be answered twice.
    assert!(
        assist::receive_reply(
            &desk,
            sender.as_ref(),
            &id,
            &reply,
            &dir.path().join("kept-a"),
            &officer,
            "再次",
            at(2026, 3, 6, 10)
        )
        .await
        .is_err()
    );

    let a_logged = sender
        .evidence_leaves(before_a, sender.evidence_size().await.unwrap())
        .await
        .unwrap();
    let a_kinds = kinds_since(&a_logged);
    assert_eq!(
        a_kinds.first(),
        Some(&format!("file:{}", assist::REQUEST_MEDIA)),
        "{label}: {a_kinds:?}"
    );
    assert_eq!(
        a_kinds.len(),
        3,
        "{label}: letter, reply receipt, reply event (refused replies log nothing): {a_kinds:?}"
    );
    assert!(
        a_kinds.contains(&"file:application/vnd.tianping.evidence-bundle+json".to_string()),
        "{label}: {a_kinds:?}"
    );
    assert_eq!(
        a_kinds.last().map(String::as_str),
        Some("case:record_assistance_reply"),
        "{label}: {a_kinds:?}"
    );
    let records: Vec<String> = sender
        .evidence_by_reference(&format!("case:{id}"))
        .await
        .unwrap()
        .iter()
        .map(|l| match Entry::decode(&l.data).unwrap() {
            Entry::CaseRecord { action, .. } => action,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        records,
        [
            "open",
            "start_verification",
            "request_assistance",
            "record_assistance_reply"
        ],
        "{label}"
    );

    // The case file verifies offline; both logs check against their keys.
    let (items, _) = evidence::case_file_items(sender.as_ref(), &id)
        .await
        .unwrap();
    let out = dir.path().join("case-file");
    evidence::export(
        sender.as_ref(),
        &key_a,
        HashAlg::Sha256,
        "卷宗",
        &items,
        at(2026, 3, 6, 12),
        &out,
    )
    .await
    .unwrap();
    let report = tianping_evidence::verify_bundle_with(
        &out,
        &VerifyOptions {
            trusted_key: Some(key_a.public_key()),
            earlier_heads: vec![],
        },
    );
    assert!(report.ok(), "{label}: {report}");
    assert_eq!(
        report.entries_verified, 5,
        "{label}: four events and the finding"
    );
    for (store, key) in [(&sender, &key_a), (&receiver, &key_b)] {
        let check = evidence::check(store.as_ref(), &key.public_key(), &[])
            .await
            .unwrap();
        assert!(check.ok(), "{label}: {:?}", check.failures);
    }
}

async fn sqlite(dir: &std::path::Path, name: &str) -> Arc<dyn Store> {
    Arc::new(
        tianping_store_sqlite::SqliteStore::open(&dir.join(name))
            .await
            .unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn assistance_between_two_sqlite_installations() {
    let dir = tempfile::tempdir().unwrap();
    two_installations(
        sqlite(dir.path(), "a.db").await,
        sqlite(dir.path(), "b.db").await,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn assistance_between_sqlite_and_postgres_installations() {
    let Some(url) = fresh_postgres().await else {
        return;
    };
    let pg: Arc<dyn Store> = Arc::new(
        tianping_store_postgres::PostgresStore::open(&url)
            .await
            .unwrap(),
    );
    let dir = tempfile::tempdir().unwrap();
    two_installations(sqlite(dir.path(), "a.db").await, pg).await;
    let url2 = fresh_postgres().await.unwrap();
    let pg2: Arc<dyn Store> = Arc::new(
        tianping_store_postgres::PostgresStore::open(&url2)
            .await
            .unwrap(),
    );
    two_installations(pg2, sqlite(dir.path(), "c.db").await).await;
}
