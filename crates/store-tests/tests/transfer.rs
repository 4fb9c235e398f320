//! Two installations, one on each backend (SQLite always; the receiver on PostgreSQL when
//! `TIANPING_TEST_PG_URL` is set, required under CI): finding → alert → clue → case → transfer
//! (移送) as a signed package → the receiver verifies, logs and opens it → its case file comes back
//! as feedback → the sender closes the case; every step in each log, both logs checking, and the
//! final case file verifying offline. A package signed by someone else, or edited, is refused.
//! The package carries a transfer letter naming the sending unit (registry id, Chinese and English
//! names, region) and the receiving one; the receiver checks it against the logged transfer event
//! and records the sender's names. A package without a letter, or whose letter misstates the
//! transfer, is refused naming the field.

use std::sync::Arc;

use tianping_cases::case::{Action, Actor, Role};
use tianping_detect::{Ref, RefKind, Severity};
use tianping_evidence::{Entry, HashAlg, SigningKey, VerifyOptions};
use tianping_ingest::{BatchStatus, FileReceipt, FileStatus, Receipt};
use tianping_service::assist::DepartmentNames;
use tianping_service::cases::Desk;
use tianping_service::evidence::{self, EvidenceKey};
use tianping_service::feedback_letter;
use tianping_service::transfer::{self, TransferError};
use tianping_service::transfer_letter::{
    TRANSFER_MEDIA, TransferLetter, UnitNames, export_transfer, transfer_letter,
};
use tianping_store::{CommitOutcome, LakeFile, NewDelivery, Store};
use tianping_store_tests::{at, finding_json, fresh_postgres};

fn actor(id: &str, role: Role) -> Actor {
    Actor {
        id: id.into(),
        role,
    }
}

/// Stores findings as a detection run does, each with its evidence-log leaf.
async fn store_findings(store: &dyn Store, bodies: &[String]) {
    tianping_store_tests::store_findings(store, "run-1", "2026-02-13", bodies).await;
}

/// Commits an accepted batch of `table` with its lake file, as ingest does; its `batch_receipt`
/// leaf is appended in the commit's transaction.
async fn commit_batch(store: &dyn Store, supplier: &str, batch: &str, table: &str) {
    let digest = HashAlg::Sha256.digest(batch.as_bytes()).to_hex();
    let received_at = "2026-02-12T02:00:00.000+08:00".to_string();
    let delivery_id = format!("d-{batch}");
    store
        .begin_delivery(&NewDelivery {
            delivery_id: delivery_id.clone(),
            supplier: Some(supplier.into()),
            batch_id: Some(batch.into()),
            batch_digest: Some(digest.clone()),
            delivery_sha256: None,
            received_at: received_at.clone(),
        })
        .await
        .unwrap();
    let receipt = Receipt {
        batch_id: Some(batch.into()),
        supplier: Some(supplier.into()),
        status: BatchStatus::Accepted,
        accepted: 9,
        quarantined: 1,
        warnings: 0,
        received_at,
        files: vec![FileReceipt {
            table: table.into(),
            path: format!("{table}.csv"),
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
        batch_digest: Some(digest),
        original_received_at: None,
    };
    let file = LakeFile {
        path: format!("{table}/supplier={supplier}/batch={batch}/part-0000-x.parquet"),
        table: table.into(),
        supplier: supplier.into(),
        batch_id: batch.into(),
        rows: 9,
        bytes: 1000,
    };
    assert_eq!(
        store
            .commit_batch(&delivery_id, &receipt, &[file])
            .await
            .unwrap(),
        CommitOutcome::Committed
    );
}

async fn two_installations(sender: Arc<dyn Store>, receiver: Arc<dyn Store>) {
    let label = format!("{} → {}", sender.backend(), receiver.backend());
    tianping_store_tests::seed_departments(sender.as_ref()).await;
    tianping_store_tests::seed_departments(receiver.as_ref()).await;
    let desk = Desk::embedded().unwrap();
    let key_a = EvidenceKey::from_key(SigningKey::from_seed(&[1; 32]));
    let key_b = EvidenceKey::from_key(SigningKey::from_seed(&[2; 32]));
    let dir = tempfile::tempdir().unwrap();

    // The sender's data: a batch of orders (fake_orders reads them) and one of the registry
    // (fake_orders does not), both before the finding; another batch of orders after it.
    commit_batch(sender.as_ref(), "tmall", "b-orders", "orders").await;
    commit_batch(sender.as_ref(), "registry", "b-registry", "registry").await;
    // The sender: findings → alerts → a clue.
    let m1 = Ref {
        kind: RefKind::Merchant,
        id: "M1".into(),
        platform_id: Some("tmall".into()),
        uscc: None,
    };
    store_findings(
        sender.as_ref(),
        &[finding_json(
            "fake_orders",
            "ring",
            m1,
            vec![],
            Severity::High,
            0.8,
        )],
    )
    .await;
    commit_batch(sender.as_ref(), "tmall", "b-late", "orders").await;
    let t0 = at(2026, 2, 13, 10);
    let refresh = desk
        .refresh_alerts(
            sender.as_ref(),
            chrono::NaiveDate::from_ymd_opt(2026, 2, 13).unwrap(),
            t0,
        )
        .await
        .unwrap();
    assert!(refresh.refused.is_empty(), "{label}: {:?}", refresh.refused);
    let alert = sender
        .alerts(None)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.tier == "clue")
        .unwrap();
    let case = desk
        .open_clue(
            sender.as_ref(),
            &alert.alert_id,
            &actor("a-dispatch", Role::Dispatcher),
            "网监处",
            "330106",
            "严重预警：刷单炒信",
            t0,
        )
        .await
        .unwrap();
    let id = case.case_id.clone();
    let officer = actor("a-officer", Role::Officer);
    let head = actor("a-head", Role::Approver);
    for (who, action, reason, t) in [
        (
            &officer,
            Action::StartVerification,
            "开始核查",
            at(2026, 2, 13, 11),
        ),
        (&head, Action::File, "符合立案条件", at(2026, 2, 24, 10)),
        (
            &head,
            Action::Transfer {
                to_department: "网监处".into(),
                to_region: "310000".into(),
            },
            "当事人住所地在上海，移送管辖",
            at(2026, 2, 25, 10),
        ),
    ] {
        desk.act(sender.as_ref(), &id, who, action, reason, t)
            .await
            .unwrap();
    }

    // A package without a transfer letter (the bare case file) cannot say who sends it: refused.
    let (items, missing) = evidence::case_file_items(sender.as_ref(), &id)
        .await
        .unwrap();
    assert!(missing.is_empty(), "{label}: {missing:?}");
    let bare_dir = dir.path().join("bare");
    evidence::export(
        sender.as_ref(),
        &key_a,
        HashAlg::Sha256,
        "移送",
        &items,
        at(2026, 2, 25, 11),
        &bare_dir,
    )
    .await
    .unwrap();
    let bare = transfer::read_package(&bare_dir, &key_a.public_key()).unwrap();
    let refused = transfer_letter(&bare).unwrap_err().to_string();
    assert!(refused.contains("no transfer letter"), "{label}: {refused}");

    // A letter that misstates the receiving region (signed by the sender, so it verifies) is
    // refused naming the field: the letter must agree with the logged transfer event.
    let events = sender.case_events(&id).await.unwrap();
    let transfer_event = events.iter().find(|e| e.action == "transfer").unwrap();
    let forged = TransferLetter {
        kind: "transfer".into(),
        from_log_id: key_a.log_id().to_string(),
        case_id: id.clone(),
        transfer_seq: transfer_event.seq as u64,
        transfer_event: transfer_event.body.clone(),
        from: UnitNames {
            department: "wangjian".into(),
            names: Some(DepartmentNames {
                zh: "网监处".into(),
                en: "Online Trading Division".into(),
            }),
            region: "330106".into(),
        },
        to: UnitNames {
            department: "网监处".into(),
            names: None,
            region: "320000".into(),
        },
        transferred_by: transfer_event.actor.clone(),
        transferred_at_ms: transfer_event.at_ms,
    };
    let forged_bytes = serde_json::to_vec(&forged).unwrap();
    let forged_leaf = tianping_store::NewLeaf::from_entry(
        format!("file:{}", HashAlg::Sha256.digest(&forged_bytes).to_hex()),
        &Entry::File {
            name: "transfer.json".into(),
            media_type: TRANSFER_MEDIA.into(),
            size: forged_bytes.len() as u64,
            sha256: HashAlg::Sha256.digest(&forged_bytes),
            sm3: HashAlg::Sm3.digest(&forged_bytes),
            captured_by: "a-head".into(),
            captured_at_ms: at(2026, 2, 25, 10),
            source: format!("case:{id}"),
        },
    )
    .unwrap();
    let forged_index = sender.append_evidence(&[forged_leaf]).await.unwrap();
    let mut forged_items = items.clone();
    forged_items.push(evidence::BundleItem {
        index: forged_index,
        content: Some(forged_bytes),
    });
    let forged_dir = dir.path().join("forged");
    evidence::export(
        sender.as_ref(),
        &key_a,
        HashAlg::Sha256,
        "移送",
        &forged_items,
        at(2026, 2, 25, 11),
        &forged_dir,
    )
    .await
    .unwrap();
    let forged_package = transfer::read_package(&forged_dir, &key_a.public_key()).unwrap();
    let refused = transfer_letter(&forged_package).unwrap_err().to_string();
    assert!(
        refused.contains("to.region") && refused.contains("320000") && refused.contains("310000"),
        "{label}: {refused}"
    );

    // The package: the case file and the transfer letter under a fresh head.
    let package_dir = dir.path().join("to-shanghai");
    let (letter, _) = export_transfer(
        &desk,
        sender.as_ref(),
        &key_a,
        HashAlg::Sha256,
        &id,
        at(2026, 2, 25, 11),
        &package_dir,
    )
    .await
    .unwrap();
    // The sender named by its registry (id, names, region); the receiver is another city's
    // 网监处, which our registry's 网监处 (330100) is not: named as recorded, without names.
    assert_eq!(letter.from.department, "wangjian", "{label}");
    assert_eq!(
        letter.from.names,
        Some(DepartmentNames {
            zh: "网监处".into(),
            en: "Online Trading Division".into()
        })
    );
    assert_eq!(letter.from.region, "330106");
    assert_eq!(
        (
            letter.to.department.as_str(),
            letter.to.names.as_ref(),
            letter.to.region.as_str()
        ),
        ("网监处", None, "310000")
    );
    assert_eq!(letter.transfer_seq, transfer_event.seq as u64);
    assert_eq!(letter.transferred_by, "a-head");

    // The receiver: the wrong key and an edited copy are refused; the real one is opened.
    assert!(matches!(
        transfer::read_package(&package_dir, &key_b.public_key()),
        Err(TransferError::NotVerified(_))
    ));
    let edited = dir.path().join("edited");
    copy_dir(&package_dir, &edited);
    let content = std::fs::read_dir(edited.join("files"))
        .unwrap()
        .map(|f| f.unwrap().path())
        .find(|p| std::fs::read_to_string(p).unwrap().contains("fake_orders"))
        .unwrap();
    let text = std::fs::read_to_string(&content)
        .unwrap()
        .replace("0.8", "0.9");
    std::fs::write(&content, text).unwrap();
    assert!(transfer::read_package(&edited, &key_a.public_key()).is_err());

    let package = transfer::read_package(&package_dir, &key_a.public_key()).unwrap();
    assert_eq!(package.case_id(), Some(id.as_str()));
    assert_eq!(package.last_state(), Some("transferred"));
    let before = receiver.evidence_size().await.unwrap();
    let received = transfer::receive_transfer(
        &desk,
        receiver.as_ref(),
        &package,
        &dir.path().join("received-b"),
        &actor("b-dispatch", Role::Dispatcher),
        "网监处",
        "310104",
        at(2026, 2, 26, 9),
    )
    .await
    .unwrap();
    assert_eq!(received.state.as_str(), "assigned");
    assert_eq!(received.region, "310104");
    // The receiver reads who sent it from the package alone, and records it.
    assert_eq!(transfer_letter(&package).unwrap(), letter, "{label}");
    let opening = receiver.case_events(&received.case_id).await.unwrap();
    assert!(
        opening[0].reason.contains("网监处（wangjian，330106")
            && opening[0]
                .reason
                .contains("Online Trading Division (wangjian, 330106"),
        "{label}: {}",
        opening[0].reason
    );
    // Logged at receipt: the package's manifest, then the opening event.
    let logged = receiver
        .evidence_leaves(before, receiver.evidence_size().await.unwrap())
        .await
        .unwrap();
    assert_eq!(
        logged.iter().map(|l| l.kind.as_str()).collect::<Vec<_>>(),
        ["file", "case_record"],
        "{label}"
    );
    let b_id = received.case_id.clone();
    desk.act(
        receiver.as_ref(),
        &b_id,
        &actor("b-officer", Role::Officer),
        Action::StartVerification,
        "接收移送后核查",
        at(2026, 2, 26, 10),
    )
    .await
    .unwrap();
    desk.act(
        receiver.as_ref(),
        &b_id,
        &actor("b-head", Role::Approver),
        Action::File,
        "立案",
        at(2026, 3, 2, 10),
    )
    .await
    .unwrap();
    let (b_items, _) = evidence::case_file_items(receiver.as_ref(), &b_id)
        .await
        .unwrap();
    // A bare case file (no feedback letter) is no feedback: refused naming what is missing.
    let bare_dir = dir.path().join("bare-reply");
    evidence::export(
        receiver.as_ref(),
        &key_b,
        HashAlg::Sm3,
        "反馈",
        &b_items,
        at(2026, 3, 2, 11),
        &bare_dir,
    )
    .await
    .unwrap();
    let bare = transfer::read_package(&bare_dir, &key_b.public_key()).unwrap();
    let refused = transfer::receive_feedback(
        &desk,
        sender.as_ref(),
        &id,
        &bare,
        &dir.path().join("received-a"),
        &officer,
        "x",
        at(2026, 3, 3, 10),
    )
    .await
    .unwrap_err()
    .to_string();
    assert!(refused.contains("no feedback letter"), "{label}: {refused}");
    // A letter answering another case of ours is refused naming the field.
    let wrong_dir = dir.path().join("wrong-reply");
    feedback_letter::export_feedback(
        &desk,
        receiver.as_ref(),
        &key_b,
        HashAlg::Sm3,
        &b_id,
        "clue-someone-else",
        "b-officer",
        at(2026, 3, 2, 11),
        &wrong_dir,
    )
    .await
    .unwrap();
    let wrong = transfer::read_package(&wrong_dir, &key_b.public_key()).unwrap();
    let refused = feedback_letter::feedback_letter(sender.as_ref(), &id, &wrong)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("in_reply_to") && refused.contains("clue-someone-else"),
        "{label}: {refused}"
    );
    // The feedback: the replier's case file with its letter naming the replying unit.
    let reply_dir = dir.path().join("reply");
    let (sent_letter, _) = feedback_letter::export_feedback(
        &desk,
        receiver.as_ref(),
        &key_b,
        HashAlg::Sm3,
        &b_id,
        &id,
        "b-officer",
        at(2026, 3, 2, 11),
        &reply_dir,
    )
    .await
    .unwrap();
    assert_eq!(
        (
            sent_letter.from.department.as_str(),
            sent_letter.from.region.as_str(),
            sent_letter.state.as_str()
        ),
        ("wangjian", "310104", "filed"),
        "{label}"
    );

    // Back at the sender: a transferred case closes only after the feedback.
    assert!(
        desk.act(
            sender.as_ref(),
            &id,
            &head,
            Action::Close,
            "结案",
            at(2026, 3, 3, 9)
        )
        .await
        .is_err()
    );
    let reply = transfer::read_package(&reply_dir, &key_b.public_key()).unwrap();
    let checked = feedback_letter::feedback_letter(sender.as_ref(), &id, &reply)
        .await
        .unwrap();
    assert_eq!(checked.letter, sent_letter, "{label}");
    assert!(
        checked.same_department,
        "{label}: 网监处 is wangjian's name"
    );
    let with_feedback = transfer::receive_feedback(
        &desk,
        sender.as_ref(),
        &id,
        &reply,
        &dir.path().join("received-a"),
        &officer,
        "收到上海反馈",
        at(2026, 3, 3, 10),
    )
    .await
    .unwrap();
    assert!(
        with_feedback.feedback[0].contains("网监处（wangjian，310104）"),
        "{label}: {}",
        with_feedback.feedback[0]
    );
    assert!(with_feedback.feedback[0].contains(&b_id), "{label}");
    assert!(with_feedback.feedback[0].contains("filed"), "{label}");
    desk.act(
        sender.as_ref(),
        &id,
        &head,
        Action::Close,
        "移送完成，对方已立案",
        at(2026, 3, 3, 11),
    )
    .await
    .unwrap();

    // Every step is in the sender's log, and the final case file verifies offline.
    let records = sender
        .evidence_by_reference(&format!("case:{id}"))
        .await
        .unwrap();
    let actions: Vec<String> = records
        .iter()
        .map(|l| match Entry::decode(&l.data).unwrap() {
            Entry::CaseRecord { action, .. } => action,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        actions,
        [
            "open",
            "start_verification",
            "file",
            "transfer",
            "record_feedback",
            "close"
        ]
    );
    let (items, _) = evidence::case_file_items(sender.as_ref(), &id)
        .await
        .unwrap();
    let final_dir = dir.path().join("case-file");
    evidence::export(
        sender.as_ref(),
        &key_a,
        HashAlg::Sha256,
        "卷宗",
        &items,
        at(2026, 3, 3, 12),
        &final_dir,
    )
    .await
    .unwrap();
    let report = tianping_evidence::verify_bundle_with(
        &final_dir,
        &VerifyOptions {
            trusted_key: Some(key_a.public_key()),
            earlier_heads: vec![],
        },
    );
    assert!(report.ok(), "{report}");
    assert_eq!(
        report.entries_verified, 8,
        "six events, the finding and the receipt of the batch it rests on"
    );
    // The receipt is b-orders' (not the registry's, which fake_orders does not read, nor
    // b-late's, committed after the finding), with supplier, digest, received_at and counts.
    let receipt_leaf = sender
        .evidence_by_reference("batch:tmall/b-orders")
        .await
        .unwrap()
        .pop()
        .unwrap();
    let manifest_path = final_dir.join("manifest.json");
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&manifest_path).unwrap()).unwrap();
    let receipts: Vec<(usize, serde_json::Value)> = manifest["entries"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .filter(|(_, e)| e["entry"]["kind"] == "batch_receipt")
        .map(|(i, e)| (i, e.clone()))
        .collect();
    assert_eq!(receipts.len(), 1, "{label}: {receipts:?}");
    let (at_entry, receipt) = &receipts[0];
    assert_eq!(receipt["index"], receipt_leaf.index, "{label}");
    assert_eq!(
        receipt["entry"],
        serde_json::json!({
            "kind": "batch_receipt",
            "supplier": "tmall",
            "batch_id": "b-orders",
            "batch_sha256": HashAlg::Sha256.digest(b"b-orders").to_hex(),
            "received_at_ms": at(2026, 2, 12, 2),
            "rows_accepted": 9,
            "rows_quarantined": 1,
        }),
        "{label}"
    );
    // One byte of the receipt changed in the bundle: verification fails, naming that entry only.
    let mut data = hex::decode(receipt["leaf_data"].as_str().unwrap()).unwrap();
    let last = data.len() - 1;
    data[last] ^= 1;
    manifest["entries"][*at_entry]["leaf_data"] = hex::encode(&data).into();
    std::fs::write(&manifest_path, serde_json::to_vec(&manifest).unwrap()).unwrap();
    let report = tianping_evidence::verify_bundle_with(
        &final_dir,
        &VerifyOptions {
            trusted_key: Some(key_a.public_key()),
            earlier_heads: vec![],
        },
    );
    assert!(!report.ok(), "{label}: an edited receipt verified");
    assert!(
        report
            .failures
            .iter()
            .all(|f| f.entry == Some(receipt_leaf.index)),
        "{label}: {:?}",
        report.failures
    );
    assert!(
        report
            .to_string()
            .contains(&format!("entry {}", receipt_leaf.index)),
        "{report}"
    );
    for (store, key) in [(&sender, &key_a), (&receiver, &key_b)] {
        let check = evidence::check(store.as_ref(), &key.public_key(), &[])
            .await
            .unwrap();
        assert!(check.ok(), "{label}: {:?}", check.failures);
    }
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to.join("files")).unwrap();
    std::fs::copy(from.join("manifest.json"), to.join("manifest.json")).unwrap();
    for f in std::fs::read_dir(from.join("files")).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), to.join("files").join(f.file_name())).unwrap();
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
async fn transfer_between_two_sqlite_installations() {
    let dir = tempfile::tempdir().unwrap();
    two_installations(
        sqlite(dir.path(), "a.db").await,
        sqlite(dir.path(), "b.db").await,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn transfer_between_sqlite_and_postgres_installations() {
    let Some(url) = fresh_postgres().await else {
        return;
    };
    let pg: Arc<dyn Store> = Arc::new(
        tianping_store_postgres::PostgresStore::open(&url)
            .await
            .unwrap(),
    );
    let dir = tempfile::tempdir().unwrap();
    // Sender on SQLite, receiver on PostgreSQL; and the other way round.
    two_installations(sqlite(dir.path(), "a.db").await, pg.clone()).await;
    let url2 = fresh_postgres().await.unwrap();
    let pg2: Arc<dyn Store> = Arc::new(
        tianping_store_postgres::PostgresStore::open(&url2)
            .await
            .unwrap(),
    );
    two_installations(pg2, sqlite(dir.path(), "c.db").await).await;
}
