//! The minor tier end to end, on both backends (SQLite always; PostgreSQL when
//! `TIANPING_TEST_PG_URL` is set, required under CI): finding → alert → minor → rectification
//! notice through the platform → the platform's reply → accepted; or unanswered past the
//! deadline → escalated to a clue (in the same transaction) → case; or the reply rejected →
//! escalated; a violation after an accepted notice is a clue, not a second notice. A platform sees and answers only its own notices; a stale step is refused; a
//! deadline past the calendar's end sits in the unknown-due queue and is never swept as overdue;
//! every step is in the evidence log; the case file, with the notice's steps, verifies offline;
//! the notice history cannot be rewritten.

use std::sync::Arc;

use tianping_cases::case::{Action, Actor, Role};
use tianping_cases::notice::{
    Attachment, EscalationCause, NoticeActor, NoticeError, NoticeRole, NoticeState, ReplyKind,
};
use tianping_detect::{Ref, RefKind, Severity};
use tianping_evidence::{Entry, HashAlg, SigningKey, VerifyOptions};
use tianping_service::cases::Desk;
use tianping_service::evidence::{self, EvidenceKey};
use tianping_service::notices::{self, NoticeServiceError};
use tianping_store::Store;
use tianping_store::notices::{NoticeFilter, NoticeStepOutcome};
use tianping_store_tests::{at, finding_json, fresh_postgres};

fn staff(id: &str, role: NoticeRole) -> NoticeActor {
    NoticeActor {
        id: id.into(),
        role,
    }
}

fn merchant(id: &str, platform: &str) -> Ref {
    Ref {
        kind: RefKind::Merchant,
        id: id.into(),
        platform_id: Some(platform.into()),
        uscc: None,
    }
}

/// Stores findings as a detection run does, each with its evidence-log leaf.
async fn store_findings(store: &dyn Store, bodies: &[String]) {
    store_findings_run(store, "run-n", bodies).await;
}

/// The same, as run `run_id`.
async fn store_findings_run(store: &dyn Store, run_id: &str, bodies: &[String]) {
    tianping_store_tests::store_findings(store, run_id, "2026-11-30", bodies).await;
}

async fn alert_of(store: &dyn Store, merchant_id: &str) -> tianping_store::cases::AlertRow {
    store
        .alerts(None)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.subject_id == merchant_id)
        .unwrap()
}

async fn logged_actions(store: &dyn Store, reference: &str) -> Vec<String> {
    store
        .evidence_by_reference(reference)
        .await
        .unwrap()
        .iter()
        .map(|l| match Entry::decode(&l.data).unwrap() {
            Entry::CaseRecord { action, .. } => action,
            other => panic!("{other:?}"),
        })
        .collect()
}

async fn story(store: Arc<dyn Store>, tamper: impl AsyncFnOnce() -> Result<u64, sqlx::Error>) {
    let s = store.as_ref();
    tianping_store_tests::seed_departments(s).await;
    let label = s.backend();
    let desk = Desk::embedded().unwrap();
    let key = EvidenceKey::from_key(SigningKey::from_seed(&[7; 32]));
    store_findings(
        s,
        &[
            finding_json(
                "false_advertising",
                "absolute_terms",
                merchant("M7", "tmall"),
                vec![],
                Severity::Medium,
                0.4,
            ),
            finding_json(
                "price_fraud",
                "fake_discount",
                merchant("M8", "jd"),
                vec![],
                Severity::Low,
                0.3,
            ),
            finding_json(
                "fake_orders",
                "ring",
                merchant("M9", "tmall"),
                vec![],
                Severity::High,
                0.9,
            ),
            finding_json(
                "false_advertising",
                "absolute_terms",
                merchant("M10", "jd"),
                vec![],
                Severity::Low,
                0.2,
            ),
        ],
    )
    .await;
    let refresh = desk
        .refresh_alerts(
            s,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            at(2026, 12, 1, 9),
        )
        .await
        .unwrap();
    assert!(refresh.refused.is_empty(), "{label}: {:?}", refresh.refused);
    let (a7, a8, a9, a10) = (
        alert_of(s, "M7").await,
        alert_of(s, "M8").await,
        alert_of(s, "M9").await,
        alert_of(s, "M10").await,
    );
    assert_eq!(
        [
            a7.tier.as_str(),
            a8.tier.as_str(),
            a9.tier.as_str(),
            a10.tier.as_str()
        ],
        ["rectification", "rectification", "clue", "rectification"],
        "{label}"
    );
    let officer = staff("u-officer", NoticeRole::Officer);
    let dispatcher = staff("u-dispatch", NoticeRole::Dispatcher);
    let head = staff("u-head", NoticeRole::Approver);
    let tmall = staff("p-tmall-api", NoticeRole::Platform);
    let jd = staff("p-jd-api", NoticeRole::Platform);

    // Issue: minor alerts only, one open notice per alert.
    let t_issue = at(2026, 12, 1, 10);
    let n7 = notices::issue(
        &desk,
        s,
        &a7.alert_id,
        &officer,
        "网监处",
        "330106",
        "首次轻微违法，责令整改",
        t_issue,
    )
    .await
    .unwrap();
    assert_eq!(n7.platform, "tmall");
    assert_eq!(
        n7.deadline.due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-15")
    );
    let n8 = notices::issue(
        &desk,
        s,
        &a8.alert_id,
        &officer,
        "价监处",
        "330106",
        "首次轻微违法，责令整改",
        t_issue,
    )
    .await
    .unwrap();
    assert!(matches!(
        notices::issue(
            &desk,
            s,
            &a7.alert_id,
            &officer,
            "网监处",
            "330106",
            "重复下发",
            at(2026, 12, 1, 11)
        )
        .await,
        Err(NoticeServiceError::AlreadyOpen { .. })
    ));
    assert!(matches!(
        notices::issue(
            &desk,
            s,
            &a9.alert_id,
            &officer,
            "网监处",
            "330106",
            "x",
            t_issue
        )
        .await,
        Err(NoticeServiceError::NotMinor { .. })
    ));
    assert!(matches!(
        notices::issue(
            &desk,
            s,
            &a7.alert_id,
            &tmall,
            "网监处",
            "330106",
            "平台自行下发",
            at(2026, 12, 1, 11)
        )
        .await,
        Err(NoticeServiceError::Refused(
            NoticeError::RoleNotAllowed { .. }
        ))
    ));
    // Issued on a Sunday near the year's end: the deadline runs past the calendar.
    let n10 = notices::issue(
        &desk,
        s,
        &a10.alert_id,
        &officer,
        "网监处",
        "330106",
        "首次轻微违法",
        at(2026, 12, 20, 10),
    )
    .await
    .unwrap();
    assert_eq!(
        n10.deadline.due, None,
        "{label}: the calendar ends with 2026"
    );

    // The platform sees only its own notices, and cannot answer another's.
    let for_tmall = notices::list(
        s,
        &NoticeFilter {
            platform: Some("tmall".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        for_tmall
            .iter()
            .map(|n| n.notice_id.as_str())
            .collect::<Vec<_>>(),
        [n7.notice_id.as_str()]
    );
    let attachment = Attachment {
        name: "整改后页面.png".into(),
        sha256: HashAlg::Sha256.digest(b"page after the fix").to_hex(),
    };
    assert!(matches!(
        notices::reply(
            s,
            &n7.notice_id,
            "jd",
            &jd,
            ReplyKind::Done,
            "已改",
            vec![],
            "代答",
            at(2026, 12, 9, 9)
        )
        .await,
        Err(NoticeServiceError::NotFound(_))
    ));

    // tmall replies in time; the officer accepts.
    let replied = notices::reply(
        s,
        &n7.notice_id,
        "tmall",
        &tmall,
        ReplyKind::Done,
        "商户已删除“最佳”“第一”等用语",
        vec![attachment.clone()],
        "平台转达商户整改结果",
        at(2026, 12, 10, 9),
    )
    .await
    .unwrap();
    assert_eq!(replied.state, NoticeState::Replied);
    assert!(!replied.reply.as_ref().unwrap().late);
    let accepted = notices::accept(
        s,
        &n7.notice_id,
        &officer,
        "抽查页面，已整改",
        at(2026, 12, 11, 9),
    )
    .await
    .unwrap();
    assert_eq!(accepted.state, NoticeState::Accepted);
    // A stale step (written against an older version) is refused and changes nothing.
    let (stale_next, stale_event) = replied
        .apply(
            &officer,
            tianping_cases::notice::NoticeAction::Accept,
            "再次",
            at(2026, 12, 11, 10),
        )
        .unwrap();
    let stale_next = notices::notice_row(&stale_next).unwrap();
    assert_eq!(
        s.apply_notice_step(
            "replied",
            2,
            &stale_next,
            &notices::notice_event_row(&stale_event).unwrap()
        )
        .await
        .unwrap(),
        NoticeStepOutcome::Conflict {
            state: "accepted".into(),
            version: 3
        }
    );

    // Queues on 2026-12-16: n8 is overdue (last day 12-15, unanswered); n10's day is unknown.
    let overdue = s
        .notices(&NoticeFilter {
            overdue_on: Some("2026-12-16".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        overdue
            .iter()
            .map(|n| n.notice_id.as_str())
            .collect::<Vec<_>>(),
        [n8.notice_id.as_str()],
        "{label}"
    );
    let unknown = s
        .notices(&NoticeFilter {
            due_unknown: true,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        unknown
            .iter()
            .map(|n| n.notice_id.as_str())
            .collect::<Vec<_>>(),
        [n10.notice_id.as_str()],
        "{label}"
    );
    let not_yet = notices::escalate_overdue(
        &desk,
        s,
        &dispatcher,
        None,
        "逾期未反馈",
        at(2026, 12, 15, 18),
    )
    .await
    .unwrap();
    assert!(
        not_yet.escalated.is_empty() && not_yet.refused.is_empty(),
        "{label}: {not_yet:?}"
    );

    // The sweep escalates n8 to a clue, in one transaction with the clue's opening.
    let sweep = notices::escalate_overdue(
        &desk,
        s,
        &dispatcher,
        None,
        "逾期未反馈，转线索核查",
        at(2026, 12, 16, 9),
    )
    .await
    .unwrap();
    assert!(sweep.refused.is_empty(), "{label}: {:?}", sweep.refused);
    assert_eq!(sweep.escalated.len(), 1, "{label}");
    let (escalated_notice, clue_id) = sweep.escalated[0].clone();
    assert_eq!(escalated_notice, n8.notice_id);
    let n8_now = notices::load(s, &n8.notice_id, None).await.unwrap();
    assert_eq!(n8_now.state, NoticeState::Escalated);
    assert_eq!(
        n8_now.escalated,
        Some((EscalationCause::Overdue, clue_id.clone()))
    );
    let a8_now = alert_of(s, "M8").await;
    assert_eq!(
        (a8_now.status.as_str(), a8_now.case_id.as_deref()),
        ("clue", Some(clue_id.as_str()))
    );
    let clue = desk.load(s, &clue_id).await.unwrap();
    assert_eq!(
        (clue.state.as_str(), clue.department.as_str()),
        // Issued for 价监处: the registry id is what records carry.
        ("assigned", "jiage")
    );
    // The clue becomes a case.
    let officer_c = Actor {
        id: "u-officer".into(),
        role: Role::Officer,
    };
    let head_c = Actor {
        id: "u-head".into(),
        role: Role::Approver,
    };
    desk.act(
        s,
        &clue_id,
        &officer_c,
        Action::StartVerification,
        "核查逾期未整改",
        at(2026, 12, 16, 10),
    )
    .await
    .unwrap();
    let filed = desk
        .act(
            s,
            &clue_id,
            &head_c,
            Action::File,
            "逾期未改正，立案",
            at(2026, 12, 18, 10),
        )
        .await
        .unwrap();
    assert_eq!(filed.state.as_str(), "filed");

    // A repeat: M7 shows the practice again after its notice was accepted. The refreshed alert
    // is a clue (the disposal's repeat rule), and no second notice goes out; the findings the
    // accepted notice answered alone would not have made it one.
    let before_repeat = alert_of(s, "M7").await;
    assert_eq!(before_repeat.tier, "rectification", "{label}");
    store_findings_run(
        s,
        "run-repeat",
        &[finding_json(
            "false_advertising",
            "superlatives",
            merchant("M7", "tmall"),
            vec![],
            Severity::Medium,
            0.4,
        )],
    )
    .await;
    desk.refresh_alerts(
        s,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 17).unwrap(),
        at(2026, 12, 17, 9),
    )
    .await
    .unwrap();
    let repeat = alert_of(s, "M7").await;
    assert_eq!(
        repeat.tier, "clue",
        "{label}: a violation after an accepted notice"
    );
    assert!(
        repeat.body.contains("此前已责令整改 1 次"),
        "{label}: {}",
        repeat.body
    );
    assert_eq!(alert_of(s, "M10").await.tier, "rectification", "{label}");
    assert!(matches!(
        notices::issue(
            &desk,
            s,
            &a7.alert_id,
            &officer,
            "网监处",
            "330106",
            "再次发现同类用语",
            at(2026, 12, 17, 10),
        )
        .await,
        Err(NoticeServiceError::NotMinor { .. })
    ));

    // The reply-rejected path: jd disputes n10 (its last day unknown, so not late), an approver
    // rejects the reply, which escalates it.
    let n10_replied = notices::reply(
        s,
        &n10.notice_id,
        "jd",
        &jd,
        ReplyKind::Disputed,
        "商户认为“第一”系销量排名的客观表述",
        vec![attachment],
        "平台转达商户异议",
        at(2026, 12, 21, 10),
    )
    .await
    .unwrap();
    assert!(!n10_replied.reply.as_ref().unwrap().late);
    assert!(matches!(
        notices::escalate(
            &desk,
            s,
            &n10.notice_id,
            &officer,
            EscalationCause::ReplyRejected,
            "驳回",
            at(2026, 12, 22, 9)
        )
        .await,
        Err(NoticeServiceError::Refused(
            NoticeError::RoleNotAllowed { .. }
        ))
    ));
    let (n10_now, clue10) = notices::escalate(
        &desk,
        s,
        &n10.notice_id,
        &head,
        EscalationCause::ReplyRejected,
        "无销量排名依据，异议不成立",
        at(2026, 12, 22, 9),
    )
    .await
    .unwrap();
    assert_eq!(n10_now.state, NoticeState::Escalated);
    assert_eq!(clue10.state.as_str(), "assigned");

    // Every step is in the log, in order.
    assert_eq!(
        logged_actions(s, &format!("notice:{}", n7.notice_id)).await,
        ["issue", "reply", "accept"],
        "{label}"
    );
    assert_eq!(
        logged_actions(s, &format!("notice:{}", n8.notice_id)).await,
        ["issue", "escalate"],
        "{label}"
    );
    assert_eq!(
        logged_actions(s, &format!("notice:{}", n10.notice_id)).await,
        ["issue", "reply", "escalate"],
        "{label}"
    );
    assert_eq!(
        logged_actions(s, &format!("case:{clue_id}")).await,
        ["open", "start_verification", "file"],
        "{label}"
    );
    // The stored history replays to the stored notice.
    let events: Vec<tianping_cases::notice::NoticeEvent> = s
        .notice_events(&n7.notice_id)
        .await
        .unwrap()
        .iter()
        .map(|e| serde_json::from_str(&e.body).unwrap())
        .collect();
    let ctx = tianping_cases::case::Ctx {
        calendar: desk.calendar(),
        rules: desk.rules(),
    };
    assert_eq!(
        tianping_cases::notice::Notice::replay(&events, ctx).unwrap(),
        accepted
    );

    // The case file carries the notice's steps, the case's events and the finding; it verifies
    // offline against the installation's key.
    let (items, missing) = evidence::case_file_items(s, &clue_id).await.unwrap();
    assert!(missing.is_empty(), "{label}: {missing:?}");
    assert_eq!(
        items.len(),
        2 + 3 + 1,
        "{label}: notice issue+escalate, three case events, the finding"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("case-file");
    evidence::export(
        s,
        &key,
        HashAlg::Sm3,
        "卷宗",
        &items,
        at(2026, 12, 22, 12),
        &out,
    )
    .await
    .unwrap();
    let report = tianping_evidence::verify_bundle_with(
        &out,
        &VerifyOptions {
            trusted_key: Some(key.public_key()),
            earlier_heads: vec![],
        },
    );
    assert!(report.ok(), "{label}: {report}");
    assert_eq!(report.entries_verified, 6, "{label}");
    let check = evidence::check(s, &key.public_key(), &[]).await.unwrap();
    assert!(check.ok(), "{label}: {:?}", check.failures);

    // The history of a notice cannot be rewritten.
    assert!(
        tamper().await.is_err(),
        "{label}: notice_events accepted a rewrite"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn notices_story_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let store = tianping_store_sqlite::SqliteStore::open(&path)
        .await
        .unwrap();
    story(Arc::new(store), async || {
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display())).await?;
        let done = sqlx::query("UPDATE notice_events SET reason = 'edited' WHERE seq = 1")
            .execute(&pool)
            .await?;
        Ok(done.rows_affected())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn notices_story_on_postgres() {
    let Some(url) = fresh_postgres().await else {
        return;
    };
    let store = tianping_store_postgres::PostgresStore::open(&url)
        .await
        .unwrap();
    story(Arc::new(store), async || {
        let pool = sqlx::PgPool::connect(&url).await?;
        let done = sqlx::query("DELETE FROM notice_events WHERE seq = 1")
            .execute(&pool)
            .await?;
        Ok(done.rows_affected())
    })
    .await;
}
