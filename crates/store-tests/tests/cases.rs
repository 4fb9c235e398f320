//! The cases story over both stores: finding → alert → clue → case → assistance → transfer to
//! another region → feedback → closed, with every transition stored with its event in one
//! transaction under an optimistic check; queues by department, region and deadline; the event
//! history replaying to the stored case; and the database refusing to rewrite history.

use std::sync::Arc;

use tianping_cases::Calendar;
use tianping_cases::alert::{Alert, History, Tier, build_views, ref_key};
use tianping_cases::case::{Action, Actor, Case, CaseEvent, Ctx, Role};
use tianping_cases::finding::parse_finding;
use tianping_cases::rules::Rules;
use tianping_detect::{Finding, Ref, RefKind, Severity};
use tianping_store::Store;
use tianping_store::cases::{
    AlertRow, CaseEventRow, CaseRow, ClueOutcome, QueueFilter, TransitionOutcome,
};

use tianping_store_tests::{at, finding_json, fresh_postgres};

// The rows are the service's (`tianping_service::cases`): the story stores what the desk stores.
fn alert_row(a: &Alert, now_ms: i64) -> AlertRow {
    tianping_service::cases::alert_row(a, now_ms, None)
}

fn case_row(c: &Case, opened_at_ms: i64) -> CaseRow {
    tianping_service::cases::case_row(c, opened_at_ms).unwrap()
}

fn event_row(e: &CaseEvent) -> CaseEventRow {
    tianping_service::cases::event_row(e).unwrap()
}

struct Desk<'a> {
    store: &'a dyn Store,
    ctx: Ctx<'a>,
    opened_at_ms: i64,
}

impl Desk<'_> {
    /// One transition: domain first, then the store under the optimistic check.
    async fn step(&self, case: &Case, actor: &Actor, action: Action, reason: &str, t: i64) -> Case {
        let (next, event) = case.apply(actor, action, reason, t, self.ctx).unwrap();
        let outcome = self
            .store
            .apply_transition(
                case.state.as_str(),
                i64::try_from(case.seq).unwrap(),
                &case_row(&next, self.opened_at_ms),
                &event_row(&event),
            )
            .await
            .unwrap();
        assert_eq!(
            outcome,
            TransitionOutcome::Applied,
            "{}",
            event.action.name()
        );
        next
    }
}

fn ids(rows: &[CaseRow]) -> Vec<&str> {
    rows.iter().map(|r| r.case_id.as_str()).collect()
}

async fn story(store: Arc<dyn Store>, tamper: impl AsyncFnOnce() -> Result<u64, sqlx::Error>) {
    let backend = store.backend();
    let calendar = Calendar::embedded().unwrap();
    let rules = Rules::embedded().unwrap();
    let ctx = Ctx {
        calendar: &calendar,
        rules: &rules,
    };

    // Findings → alerts.
    let m1 = Ref {
        kind: RefKind::Merchant,
        id: "M1".into(),
        platform_id: Some("tmall".into()),
        uscc: None,
    };
    let l1 = Ref {
        kind: RefKind::Listing,
        id: "L1".into(),
        platform_id: Some("tmall".into()),
        uscc: None,
    };
    let findings: Vec<Finding> = [
        finding_json(
            "fake_orders",
            "ring",
            m1.clone(),
            vec![],
            Severity::High,
            0.8,
        ),
        finding_json(
            "price_fraud",
            "reference_price",
            l1,
            vec![m1.clone()],
            Severity::Medium,
            0.6,
        ),
        finding_json(
            "price_fraud",
            "raise_then_discount",
            Ref {
                kind: RefKind::Listing,
                id: "L1".into(),
                platform_id: Some("tmall".into()),
                uscc: None,
            },
            vec![m1.clone()],
            Severity::Low,
            0.3,
        ),
    ]
    .iter()
    .map(|text| parse_finding(text).unwrap())
    .collect();
    let t0 = at(2026, 2, 13, 10);
    let views = build_views(
        &findings,
        &History::default(),
        &rules,
        &calendar,
        chrono::NaiveDate::from_ymd_opt(2026, 2, 13).unwrap(),
    )
    .unwrap();
    assert_eq!(views.len(), 1, "one view for M1");
    let rows: Vec<AlertRow> = views[0].alerts.iter().map(|a| alert_row(a, t0)).collect();
    let summary = store.upsert_alerts(&rows).await.unwrap();
    assert_eq!((summary.new, summary.updated), (2, 0), "{backend}");
    let summary = store.upsert_alerts(&rows).await.unwrap();
    assert_eq!(
        (summary.new, summary.updated),
        (0, 2),
        "{backend}: upsert, not duplicate"
    );
    let stored = store.alerts(Some(&ref_key(&m1))).await.unwrap();
    assert_eq!(
        stored
            .iter()
            .map(|a| a.practice.as_str())
            .collect::<Vec<_>>(),
        ["fake_orders", "price_fraud"]
    );
    assert_eq!(
        stored[1].finding_ids.matches("price_fraud-").count(),
        2,
        "two findings, one alert"
    );
    let clue_alert = views[0]
        .alerts
        .iter()
        .find(|a| a.disposal.tier == Tier::Clue)
        .unwrap();
    let minor_alert = views[0]
        .alerts
        .iter()
        .find(|a| a.disposal.tier == Tier::Rectification)
        .unwrap();

    // Alert → clue, assigned to 网监处 of 西湖区 (330106).
    let dispatcher = Actor {
        id: "u-dispatch".into(),
        role: Role::Dispatcher,
    };
    let officer = Actor {
        id: "u-officer".into(),
        role: Role::Officer,
    };
    let head = Actor {
        id: "u-head".into(),
        role: Role::Approver,
    };
    let open = Action::Open {
        alert_id: clue_alert.alert_id.clone(),
        department: "网监处".into(),
        region: "330106".into(),
    };
    let (case, opening) = Case::open(
        "clue-0001",
        &dispatcher,
        open.clone(),
        "严重预警：刷单炒信",
        t0,
        ctx,
    )
    .unwrap();
    assert_eq!(
        store
            .create_clue(&case_row(&case, t0), &event_row(&opening))
            .await
            .unwrap(),
        ClueOutcome::Created
    );
    let (dup, dup_event) = Case::open("clue-0002", &dispatcher, open, "重复交办", t0, ctx).unwrap();
    assert_eq!(
        store
            .create_clue(&case_row(&dup, t0), &event_row(&dup_event))
            .await
            .unwrap(),
        ClueOutcome::AlreadyClue {
            case_id: "clue-0001".into()
        }
    );
    let stored = store.alerts(None).await.unwrap();
    assert_eq!(stored[0].case_id.as_deref(), Some("clue-0001"));
    assert_eq!(stored[0].status, "clue");
    assert_eq!(store.upsert_alerts(&rows).await.unwrap().updated, 2);
    assert_eq!(
        store.alerts(None).await.unwrap()[0].status,
        "clue",
        "{backend}: re-upsert keeps the link"
    );

    // A second clue whose 15 working days run into 2027 (not in the calendar): due unknown.
    let late_open = Action::Open {
        alert_id: minor_alert.alert_id.clone(),
        department: "价监处".into(),
        region: "330102".into(),
    };
    let t_late = at(2026, 12, 20, 10);
    let (late, late_event) = Case::open(
        "clue-0003",
        &head,
        late_open,
        "轻微预警升级核查",
        t_late,
        ctx,
    )
    .unwrap();
    assert_eq!(
        store
            .create_clue(&case_row(&late, t_late), &event_row(&late_event))
            .await
            .unwrap(),
        ClueOutcome::Created
    );

    // Queues: by department and region, overdue on a date, unknown due dates.
    let q =
        |department: Option<&str>, region: Option<&str>, overdue_on: Option<&str>| QueueFilter {
            department: department.map(String::from),
            region: region.map(String::from),
            overdue_on: overdue_on.map(String::from),
            ..QueueFilter::default()
        };
    assert_eq!(
        ids(&store.case_queue(&q(None, None, None)).await.unwrap()),
        ["clue-0001", "clue-0003"]
    );
    assert_eq!(
        ids(&store
            .case_queue(&q(Some("网监处"), Some("330106"), None))
            .await
            .unwrap()),
        ["clue-0001"]
    );
    assert!(
        store
            .case_queue(&q(Some("网监处"), Some("330102"), None))
            .await
            .unwrap()
            .is_empty()
    );
    // Due 2026-03-12: not overdue on its last day, overdue the day after.
    assert!(
        store
            .case_queue(&q(None, None, Some("2026-03-12")))
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        ids(&store
            .case_queue(&q(None, None, Some("2026-03-13")))
            .await
            .unwrap()),
        ["clue-0001"]
    );
    let unknown = QueueFilter {
        due_unknown: true,
        ..QueueFilter::default()
    };
    assert_eq!(
        ids(&store.case_queue(&unknown).await.unwrap()),
        ["clue-0003"]
    );

    // Clue → case → assistance → transfer → feedback → closed.
    let desk = Desk {
        store: store.as_ref(),
        ctx,
        opened_at_ms: t0,
    };
    let c = desk
        .step(
            &case,
            &officer,
            Action::StartVerification,
            "开始核查",
            at(2026, 2, 24, 9),
        )
        .await;
    let stale = c.clone();
    let c = desk
        .step(
            &c,
            &officer,
            Action::RequestAssistance {
                to_department: "网监处".into(),
                to_region: "330110".into(),
                request: "调取平台交易记录".into(),
            },
            "商户拒绝提供记录，请平台住所地余杭协查",
            at(2026, 2, 25, 9),
        )
        .await;
    // A second officer acting on the stale copy is refused, and nothing is written.
    let (other, other_event) = stale
        .apply(&head, Action::NotFile, "不予立案", at(2026, 2, 25, 10), ctx)
        .unwrap();
    assert_eq!(
        store
            .apply_transition(
                "verifying",
                2,
                &case_row(&other, t0),
                &event_row(&other_event)
            )
            .await
            .unwrap(),
        TransitionOutcome::Conflict {
            state: "verifying".into(),
            version: 3
        },
        "{backend}"
    );
    let c = desk
        .step(
            &c,
            &officer,
            Action::RecordAssistanceReply {
                request_seq: 3,
                summary: "余杭已提供交易记录".into(),
            },
            "收到协查答复",
            at(2026, 3, 2, 9),
        )
        .await;
    let c = desk
        .step(
            &c,
            &head,
            Action::File,
            "有证据初步证明存在违法行为",
            at(2026, 3, 3, 9),
        )
        .await;
    let c = desk
        .step(
            &c,
            &head,
            Action::AssignInvestigators {
                investigators: vec!["u-a".into(), "u-b".into()],
            },
            "指定两名办案人员",
            at(2026, 3, 3, 10),
        )
        .await;
    let row = store.case("clue-0001").await.unwrap().unwrap();
    assert_eq!(
        (
            row.state.as_str(),
            row.deadline_kind.as_deref(),
            row.due_date.as_deref()
        ),
        ("investigating", Some("case_decision"), Some("2026-06-01"))
    );

    // Two officers race on the same version: exactly one wins.
    let (a, ea) = c
        .apply(
            &head,
            Action::Transfer {
                to_department: "网监处".into(),
                to_region: "310117".into(),
            },
            "违法行为发生地在松江，移送",
            at(2026, 3, 10, 9),
            ctx,
        )
        .unwrap();
    let (b, eb) = c
        .apply(
            &head,
            Action::Transfer {
                to_department: "价监处".into(),
                to_region: "330106".into(),
            },
            "移送价监处",
            at(2026, 3, 10, 9),
            ctx,
        )
        .unwrap();
    let (row_a, event_a, row_b, event_b) = (
        case_row(&a, t0),
        event_row(&ea),
        case_row(&b, t0),
        event_row(&eb),
    );
    let (ra, rb) = tokio::join!(
        store.apply_transition("investigating", 6, &row_a, &event_a),
        store.apply_transition("investigating", 6, &row_b, &event_b),
    );
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    let won = match (&ra, &rb) {
        (TransitionOutcome::Applied, TransitionOutcome::Conflict { state, version }) => {
            assert_eq!((state.as_str(), *version), ("transferred", 7));
            a
        }
        (TransitionOutcome::Conflict { state, version }, TransitionOutcome::Applied) => {
            assert_eq!((state.as_str(), *version), ("transferred", 7));
            b
        }
        other => panic!("{backend}: expected one winner, got {other:?}"),
    };
    let c = desk
        .step(
            &won,
            &officer,
            Action::RecordFeedback {
                summary: "接收方已立案并作出处罚".into(),
            },
            "收到移送反馈",
            at(2026, 4, 20, 9),
        )
        .await;
    let c = desk
        .step(
            &c,
            &head,
            Action::Close,
            "移送案件已办结",
            at(2026, 4, 21, 9),
        )
        .await;

    // The history replays to the stored case.
    let events = store.case_events("clue-0001").await.unwrap();
    assert_eq!(
        events.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        [
            "open",
            "start_verification",
            "request_assistance",
            "record_assistance_reply",
            "file",
            "assign_investigators",
            "transfer",
            "record_feedback",
            "close",
        ]
    );
    assert_eq!(
        events.iter().map(|e| e.seq).collect::<Vec<_>>(),
        (1..=9).collect::<Vec<i64>>()
    );
    let parsed: Vec<CaseEvent> = events
        .iter()
        .map(|e| serde_json::from_str(&e.body).unwrap())
        .collect();
    let replayed = Case::replay(&parsed, ctx).unwrap();
    assert_eq!(replayed, c);
    // Every event is in the evidence log, in order, with the hash of its stored JSON.
    let leaves = store.evidence_by_reference("case:clue-0001").await.unwrap();
    assert_eq!(leaves.len(), events.len());
    for (leaf, event) in leaves.iter().zip(&events) {
        match tianping_evidence::Entry::decode(&leaf.data).unwrap() {
            tianping_evidence::Entry::CaseRecord {
                seq,
                action,
                event_sha256,
                ..
            } => {
                assert_eq!(seq as i64, event.seq);
                assert_eq!(action, event.action);
                assert_eq!(
                    event_sha256,
                    tianping_evidence::HashAlg::Sha256.digest(event.body.as_bytes())
                );
            }
            other => panic!("expected a case record, got {other:?}"),
        }
    }
    let key = tianping_service::evidence::EvidenceKey::from_key(
        tianping_evidence::SigningKey::from_seed(&[3; 32]),
    );
    tianping_service::evidence::current_head(
        store.as_ref(),
        &key,
        tianping_evidence::HashAlg::Sm3,
        1,
    )
    .await
    .unwrap();
    let report = tianping_service::evidence::check(store.as_ref(), &key.public_key(), &[])
        .await
        .unwrap();
    assert!(report.ok(), "{:?}", report.failures);
    let row = store.case("clue-0001").await.unwrap().unwrap();
    assert_eq!(serde_json::from_str::<Case>(&row.body).unwrap(), c);
    assert_eq!((row.state.as_str(), row.version), ("closed", 9));
    assert_eq!(
        ids(&store.case_queue(&q(None, None, None)).await.unwrap()),
        ["clue-0003"],
        "closed cases leave the queue"
    );
    let all = QueueFilter {
        include_finished: true,
        ..QueueFilter::default()
    };
    assert_eq!(store.case_queue(&all).await.unwrap().len(), 2);

    // History cannot be rewritten, even by hand.
    assert!(
        tamper().await.is_err(),
        "{backend}: case_events accepted an UPDATE"
    );
    assert_eq!(store.case_events("clue-0001").await.unwrap(), events);

    // A transition on a case that does not exist.
    let mut ghost = case_row(&c, t0);
    ghost.case_id = "nope".into();
    let mut ghost_event = event_row(&parsed[8]);
    ghost_event.case_id = "nope".into();
    assert_eq!(
        store
            .apply_transition("transferred", 8, &ghost, &ghost_event)
            .await
            .unwrap(),
        TransitionOutcome::NoCase
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn cases_story_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let store = tianping_store_sqlite::SqliteStore::open(&path)
        .await
        .unwrap();
    story(Arc::new(store), async || {
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display())).await?;
        let done = sqlx::query("UPDATE case_events SET reason = 'edited' WHERE seq = 1")
            .execute(&pool)
            .await?;
        Ok(done.rows_affected())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn cases_story_on_postgres() {
    let Some(url) = fresh_postgres().await else {
        return;
    };
    let store = tianping_store_postgres::PostgresStore::open(&url)
        .await
        .unwrap();
    story(Arc::new(store), async || {
        let pool = sqlx::PgPool::connect(&url).await?;
        let done = sqlx::query("DELETE FROM case_events WHERE seq = 1")
            .execute(&pool)
            .await?;
        Ok(done.rows_affected())
    })
    .await;
}
