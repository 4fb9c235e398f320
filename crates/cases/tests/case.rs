//! The clue and case state machine: the whole path with its events and deadlines on the working-day
//! calendar, the typed refusals (state, role, reason, time, preconditions), transfers with
//! feedback, assistance, jurisdiction disputes, the overdue queue, and replay.

use chrono::{NaiveDate, TimeZone};
use tianping_cases::Calendar;
use tianping_cases::case::{
    Action, Actor, Case, CaseError, CaseState, Ctx, Outcome, Role, overdue, undetermined,
};
use tianping_cases::rules::{DeadlineKind, Rules};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// ms since the epoch of a Beijing-time wall clock.
fn at(date: &str, hour: u32) -> i64 {
    let d = day(date);
    chrono::FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .from_local_datetime(&d.and_hms_opt(hour, 0, 0).unwrap())
        .unwrap()
        .timestamp_millis()
}

fn officer() -> Actor {
    Actor {
        id: "u-officer-1".into(),
        role: Role::Officer,
    }
}
fn approver() -> Actor {
    Actor {
        id: "u-head-1".into(),
        role: Role::Approver,
    }
}
fn dispatcher() -> Actor {
    Actor {
        id: "u-dispatch-1".into(),
        role: Role::Dispatcher,
    }
}

struct World {
    cal: Calendar,
    rules: Rules,
}

impl World {
    fn new() -> World {
        World {
            cal: Calendar::embedded().unwrap(),
            rules: Rules::embedded().unwrap(),
        }
    }
    fn ctx(&self) -> Ctx<'_> {
        Ctx {
            calendar: &self.cal,
            rules: &self.rules,
        }
    }
    fn open(&self, date: &str) -> (Case, tianping_cases::case::CaseEvent) {
        Case::open(
            "clue-1",
            &dispatcher(),
            Action::Open {
                alert_id: "alert-1".into(),
                department: "网监处".into(),
                region: "330106".into(),
            },
            "严重预警转线索",
            at(date, 10),
            self.ctx(),
        )
        .unwrap()
    }
}

#[test]
fn the_whole_path_with_events_and_deadlines() {
    let w = World::new();
    let (c, e) = w.open("2026-02-13");
    assert_eq!(
        (e.from, e.to, e.seq, c.state),
        (None, CaseState::Assigned, 1, CaseState::Assigned)
    );
    let d = c.deadline.as_ref().unwrap();
    assert_eq!(
        (d.kind, d.due),
        (DeadlineKind::ClueVerification, Some(day("2026-03-12")))
    );
    assert!(d.basis.contains("第十八条"));
    assert_eq!(
        d.verification,
        tianping_cases::rules::Verification::Secondary
    );

    let mut events = vec![e];
    let mut case = c;
    let steps: Vec<(Actor, Action, &str, i64, CaseState)> = vec![
        (
            officer(),
            Action::StartVerification,
            "开始核查",
            at("2026-02-24", 9),
            CaseState::Verifying,
        ),
        (
            approver(),
            Action::ExtendVerification,
            "需调取平台数据",
            at("2026-03-10", 9),
            CaseState::Verifying,
        ),
        (
            approver(),
            Action::File,
            "证据初步证明违法",
            at("2026-03-20", 9),
            CaseState::Filed,
        ),
        (
            approver(),
            Action::AssignInvestigators {
                investigators: vec!["u-a".into(), "u-b".into()],
            },
            "指定两名办案人员",
            at("2026-03-20", 10),
            CaseState::Investigating,
        ),
        (
            approver(),
            Action::Decide {
                outcome: Outcome::Penalty,
                party_same_province: true,
            },
            "负责人集体讨论决定罚款",
            at("2026-09-29", 15),
            CaseState::Decided,
        ),
        (
            officer(),
            Action::Publish,
            "经公示系统公示",
            at("2026-10-20", 9),
            CaseState::Published,
        ),
        (
            approver(),
            Action::Close,
            "执行完毕",
            at("2026-10-21", 9),
            CaseState::Closed,
        ),
    ];
    let mut dues = Vec::new();
    for (actor, action, reason, t, to) in steps {
        let (next, e) = case.apply(&actor, action, reason, t, w.ctx()).unwrap();
        assert_eq!(
            (e.from, e.to, e.seq, e.at_ms),
            (Some(case.state), to, case.seq + 1, t)
        );
        assert_eq!(
            (e.actor.as_str(), e.role, e.reason.as_str()),
            (actor.id.as_str(), actor.role, reason)
        );
        dues.push(next.deadline.as_ref().and_then(|d| d.due));
        events.push(e);
        case = next;
    }
    assert_eq!(
        dues,
        [
            Some(day("2026-03-12")),
            // Extended by 15 working days from 03-12 (清明 4/4–4/6 lies after).
            Some(day("2026-04-02")),
            // Decision within 90 days of filing.
            Some(day("2026-06-18")),
            Some(day("2026-06-18")),
            // Publication within 20 working days of 2026-09-29: skips 10/1–7, counts Sat 10/10.
            Some(day("2026-11-02")),
            None,
            None,
        ]
    );
    assert_eq!(Case::replay(&events, w.ctx()).unwrap(), case);
    // Nothing follows a closed case.
    assert_eq!(
        case.apply(
            &approver(),
            Action::Close,
            "再次结案",
            at("2026-10-22", 9),
            w.ctx()
        ),
        Err(CaseError::IllegalTransition {
            state: CaseState::Closed,
            action: "close"
        })
    );
}

#[test]
fn refusals_are_typed_and_name_state_and_action() {
    let w = World::new();
    let (c, _) = w.open("2026-03-02");
    let t = at("2026-03-03", 9);
    assert_eq!(
        c.apply(&officer(), Action::Publish, "公示", t, w.ctx()),
        Err(CaseError::IllegalTransition {
            state: CaseState::Assigned,
            action: "publish"
        })
    );
    let err = c
        .apply(&officer(), Action::File, "立案", t, w.ctx())
        .unwrap_err();
    assert_eq!(
        err,
        CaseError::RoleNotAllowed {
            role: Role::Officer,
            action: "file"
        }
    );
    assert!(err.to_string().contains("无权"));
    assert_eq!(
        c.apply(&officer(), Action::StartVerification, "  ", t, w.ctx()),
        Err(CaseError::NoReason {
            action: "start_verification"
        })
    );
    let nobody = Actor {
        id: " ".into(),
        role: Role::Officer,
    };
    assert_eq!(
        c.apply(&nobody, Action::StartVerification, "核查", t, w.ctx()),
        Err(CaseError::NoActor)
    );
    assert!(matches!(
        c.apply(
            &officer(),
            Action::StartVerification,
            "核查",
            at("2026-03-01", 9),
            w.ctx()
        ),
        Err(CaseError::BadTime { .. })
    ));
    let (v, _) = c
        .apply(&officer(), Action::StartVerification, "核查", t, w.ctx())
        .unwrap();
    let (v, _) = v
        .apply(&approver(), Action::ExtendVerification, "延期", t, w.ctx())
        .unwrap();
    assert_eq!(
        v.apply(
            &approver(),
            Action::ExtendVerification,
            "再延期",
            t,
            w.ctx()
        ),
        Err(CaseError::ExtensionUsed)
    );
    let (f, _) = v
        .apply(&approver(), Action::File, "立案", t, w.ctx())
        .unwrap();
    assert_eq!(
        f.apply(
            &approver(),
            Action::AssignInvestigators {
                investigators: vec!["u-a".into(), "u-a ".into()]
            },
            "指定",
            t,
            w.ctx()
        ),
        Err(CaseError::TooFewInvestigators { given: 1 })
    );
    let (n, _) = v
        .apply(
            &approver(),
            Action::NotFile,
            "初次违法且危害后果轻微并及时改正",
            t,
            w.ctx(),
        )
        .unwrap();
    assert!(n.state.is_terminal());
    assert_eq!(n.deadline, None);
    assert!(matches!(
        Case::open(
            "c",
            &officer(),
            Action::Open {
                alert_id: "a".into(),
                department: "d".into(),
                region: "r".into()
            },
            "x",
            t,
            w.ctx()
        ),
        Err(CaseError::RoleNotAllowed {
            role: Role::Officer,
            action: "open"
        })
    ));
    assert_eq!(
        Case::open(
            "c",
            &dispatcher(),
            Action::Open {
                alert_id: "a".into(),
                department: "".into(),
                region: "r".into()
            },
            "x",
            t,
            w.ctx()
        ),
        Err(CaseError::EmptyField {
            action: "open",
            field: "department"
        })
    );
}

fn investigating(w: &World) -> Case {
    let (c, _) = w.open("2026-03-02");
    let t = at("2026-03-03", 9);
    let (c, _) = c
        .apply(&officer(), Action::StartVerification, "核查", t, w.ctx())
        .unwrap();
    let (c, _) = c
        .apply(&approver(), Action::File, "立案", t, w.ctx())
        .unwrap();
    let (c, _) = c
        .apply(
            &approver(),
            Action::AssignInvestigators {
                investigators: vec!["u-a".into(), "u-b".into()],
            },
            "指定",
            t,
            w.ctx(),
        )
        .unwrap();
    c
}

#[test]
fn warning_only_decisions_are_not_published() {
    let w = World::new();
    let c = investigating(&w);
    let t = at("2026-04-01", 9);
    let (d, _) = c
        .apply(
            &approver(),
            Action::Decide {
                outcome: Outcome::WarningOnly,
                party_same_province: true,
            },
            "警告",
            t,
            w.ctx(),
        )
        .unwrap();
    assert_eq!(d.deadline, None);
    assert!(matches!(
        d.apply(&officer(), Action::Publish, "公示", t, w.ctx()),
        Err(CaseError::DecisionMismatch { .. })
    ));
    assert_eq!(
        d.apply(&approver(), Action::Close, "结案", t, w.ctx())
            .unwrap()
            .0
            .state,
        CaseState::Closed
    );
    // A penalty across provinces: 10 working days to push it to the party's home province.
    let (p, _) = c
        .apply(
            &approver(),
            Action::Decide {
                outcome: Outcome::Penalty,
                party_same_province: false,
            },
            "罚款",
            t,
            w.ctx(),
        )
        .unwrap();
    let dl = p.deadline.as_ref().unwrap();
    assert_eq!(
        (dl.kind, dl.due),
        (
            DeadlineKind::PenaltyPublicationPush,
            Some(day("2026-04-16"))
        )
    );
    assert!(matches!(
        p.apply(&approver(), Action::Close, "结案", t, w.ctx()),
        Err(CaseError::DecisionMismatch { .. })
    ));
}

#[test]
fn transfer_assistance_and_jurisdiction_disputes() {
    let w = World::new();
    let c = investigating(&w);
    let t = at("2026-09-29", 9);
    let (c, req) = c
        .apply(
            &officer(),
            Action::RequestAssistance {
                to_department: "网监处".into(),
                to_region: "330110".into(),
                request: "调取平台交易记录".into(),
            },
            "商户拒绝提供交易记录，请平台住所地协查",
            t,
            w.ctx(),
        )
        .unwrap();
    assert_eq!(
        (req.from, req.to),
        (Some(CaseState::Investigating), CaseState::Investigating)
    );
    assert_eq!(
        c.apply(
            &officer(),
            Action::RecordAssistanceReply {
                request_seq: 99,
                summary: "x".into()
            },
            "答复",
            t,
            w.ctx()
        ),
        Err(CaseError::NoOpenAssistance(99))
    );
    let (c, _) = c
        .apply(
            &officer(),
            Action::RecordAssistanceReply {
                request_seq: req.seq,
                summary: "已提供".into(),
            },
            "收到协查答复",
            t,
            w.ctx(),
        )
        .unwrap();
    assert_eq!(c.assistance[0].reply.as_deref(), Some("已提供"));

    // A dispute: 7 working days from 2026-09-29 → 2026-10-14; transfer waits for settlement.
    let (c, _) = c
        .apply(
            &approver(),
            Action::DisputeJurisdiction {
                with_department: "网监处".into(),
                with_region: "310117".into(),
            },
            "松江认为应由其管辖",
            t,
            w.ctx(),
        )
        .unwrap();
    assert_eq!(c.disputes[0].deadline.due, Some(day("2026-10-14")));
    let transfer = Action::Transfer {
        to_department: "网监处".into(),
        to_region: "310117".into(),
    };
    assert_eq!(
        c.apply(&approver(), transfer.clone(), "移送", t, w.ctx()),
        Err(CaseError::Dispute {
            action: "transfer",
            open: true
        })
    );
    let kinds = |as_of| {
        overdue([&c], day(as_of))
            .into_iter()
            .map(|i| i.deadline.kind)
            .collect::<Vec<_>>()
    };
    // Filed 2026-03-03: the 90-day decision deadline (2026-06-01) is long past as well.
    assert_eq!(
        kinds("2026-10-14"),
        [DeadlineKind::CaseDecision],
        "the last day is not overdue"
    );
    assert_eq!(
        kinds("2026-10-15"),
        [
            DeadlineKind::CaseDecision,
            DeadlineKind::JurisdictionDispute
        ]
    );
    let (c, _) = c
        .apply(
            &approver(),
            Action::SettleJurisdiction { kept: false },
            "协商一致由松江管辖",
            t,
            w.ctx(),
        )
        .unwrap();
    assert_eq!(
        overdue([&c], day("2026-10-15")).len(),
        1,
        "a settled dispute leaves the queue"
    );
    let (c, e) = c
        .apply(&approver(), transfer, "移送有管辖权的机关", t, w.ctx())
        .unwrap();
    assert_eq!(
        (e.from, e.to),
        (Some(CaseState::Investigating), CaseState::Transferred)
    );
    assert_eq!(
        c.apply(&approver(), Action::Close, "结案", t, w.ctx()),
        Err(CaseError::NoFeedback)
    );
    let (c, _) = c
        .apply(
            &officer(),
            Action::RecordFeedback {
                summary: "松江已立案并处罚".into(),
            },
            "收到反馈",
            t,
            w.ctx(),
        )
        .unwrap();
    let (c, _) = c
        .apply(&approver(), Action::Close, "移送后结案", t, w.ctx())
        .unwrap();
    assert_eq!(c.state, CaseState::Closed);
}

#[test]
fn overdue_and_undetermined_queues() {
    let w = World::new();
    let (a, _) = w.open("2026-02-13"); // due 2026-03-12
    let (b, _) = Case::open(
        "clue-2",
        &dispatcher(),
        Action::Open {
            alert_id: "alert-2".into(),
            department: "价监处".into(),
            region: "330102".into(),
        },
        "预警转线索",
        at("2026-12-20", 10),
        w.ctx(),
    )
    .unwrap();
    let d = b.deadline.as_ref().unwrap();
    assert_eq!(
        d.due, None,
        "15 working days from 2026-12-20 run into 2027, not covered"
    );
    assert!(d.due_unknown.as_deref().unwrap().contains("2027"));
    assert_eq!(overdue([&a, &b], day("2026-03-12")).len(), 0);
    let q = overdue([&a, &b], day("2026-03-13"));
    assert_eq!(
        q.iter().map(|i| i.case_id.as_str()).collect::<Vec<_>>(),
        ["clue-1"]
    );
    assert_eq!(
        undetermined([&a, &b])
            .iter()
            .map(|i| i.case_id.as_str())
            .collect::<Vec<_>>(),
        ["clue-2"]
    );
}

#[test]
fn replay_refuses_edited_events() {
    let w = World::new();
    let (c, e1) = w.open("2026-03-02");
    let (_, e2) = c
        .apply(
            &officer(),
            Action::StartVerification,
            "核查",
            at("2026-03-03", 9),
            w.ctx(),
        )
        .unwrap();
    let mut edited = e2.clone();
    edited.to = CaseState::Filed;
    assert!(matches!(
        Case::replay(&[e1.clone(), edited], w.ctx()),
        Err(CaseError::Replay { seq: 2, .. })
    ));
    let mut forged = e2;
    forged.role = Role::Approver;
    assert!(matches!(
        Case::replay(&[e1, forged], w.ctx()),
        Err(CaseError::RoleNotAllowed {
            role: Role::Approver,
            action: "start_verification"
        })
    ));
    assert!(matches!(
        Case::replay(&[], w.ctx()),
        Err(CaseError::Replay { seq: 0, .. })
    ));
    let _ = Rules::embedded()
        .unwrap()
        .deadline(DeadlineKind::CaseDecision, day("2026-01-01"))
        .unwrap();
}

#[test]
fn the_decision_period_extends_once_by_thirty_days() {
    let w = World::new();
    let c = investigating(&w);
    let d = c.deadline.as_ref().unwrap();
    assert_eq!(
        (d.kind, d.due),
        (DeadlineKind::CaseDecision, Some(day("2026-06-01")))
    );
    let t = at("2026-05-20", 9);
    assert_eq!(
        c.apply(&officer(), Action::ExtendDecision, "案情复杂", t, w.ctx()),
        Err(CaseError::RoleNotAllowed {
            role: Role::Officer,
            action: "extend_decision"
        })
    );
    let (e, ev) = c
        .apply(
            &approver(),
            Action::ExtendDecision,
            "案情复杂，负责人批准延长",
            t,
            w.ctx(),
        )
        .unwrap();
    assert_eq!(
        (ev.from, ev.to),
        (Some(CaseState::Investigating), CaseState::Investigating)
    );
    assert_eq!(e.deadline.as_ref().unwrap().due, Some(day("2026-07-01")));
    assert_eq!(
        e.apply(&approver(), Action::ExtendDecision, "再次延长", t, w.ctx()),
        Err(CaseError::ExtensionUsed)
    );
    let (a, _) = w.open("2026-03-02");
    assert_eq!(
        a.apply(&approver(), Action::ExtendDecision, "延长", t, w.ctx()),
        Err(CaseError::IllegalTransition {
            state: CaseState::Assigned,
            action: "extend_decision"
        })
    );
}
