//! Property tests of the state machine: any sequence of actions, by any role, with or without
//! reasons, only ever takes edges of the specification below; terminal states are never left; the
//! preconditions hold in every state reached; and the events replay to the same case.

use std::collections::BTreeSet;

use chrono::TimeZone;
use proptest::prelude::*;
use tianping_cases::Calendar;
use tianping_cases::case::{Action, Actor, Case, CaseEvent, CaseState, Ctx, Outcome, Role};
use tianping_cases::rules::Rules;

use CaseState as S;

/// The state edges the specification allows (self-loops for actions that keep the state).
fn edges() -> BTreeSet<(CaseState, CaseState)> {
    let mut e = BTreeSet::from([
        (S::Assigned, S::Verifying),
        (S::Verifying, S::Filed),
        (S::Verifying, S::NotFiled),
        (S::Filed, S::Investigating),
        (S::Investigating, S::Decided),
        (S::Decided, S::Published),
        (S::Decided, S::Closed),
        (S::Published, S::Closed),
        (S::Transferred, S::Closed),
    ]);
    for s in [S::Assigned, S::Verifying, S::Filed, S::Investigating] {
        e.insert((s, S::Transferred));
        e.insert((s, s));
    }
    e.insert((S::Transferred, S::Transferred));
    e.insert((S::Decided, S::Decided)); // an assistance reply may still come in
    e.insert((S::Published, S::Published));
    e
}

fn action(kind: u8, variant: u8) -> Action {
    match kind % 15 {
        0 => Action::StartVerification,
        1 => Action::ExtendVerification,
        2 => Action::File,
        3 => Action::NotFile,
        4 => Action::AssignInvestigators {
            investigators: (0..=(variant % 3)).map(|i| format!("u-{i}")).collect(),
        },
        5 => Action::Decide {
            outcome: [Outcome::Penalty, Outcome::WarningOnly, Outcome::NoPenalty]
                [usize::from(variant % 3)],
            party_same_province: variant.is_multiple_of(2),
        },
        6 => Action::Publish,
        7 => Action::Close,
        8 => Action::Transfer {
            to_department: "网监处".into(),
            to_region: if variant.is_multiple_of(4) {
                "330106".into()
            } else {
                "310117".into()
            },
        },
        9 => Action::RecordFeedback {
            summary: if variant.is_multiple_of(5) {
                " ".into()
            } else {
                "已处理".into()
            },
        },
        10 => Action::RequestAssistance {
            to_department: "网监处".into(),
            to_region: "330110".into(),
            request: "调取记录".into(),
        },
        11 => Action::RecordAssistanceReply {
            request_seq: u64::from(variant % 8),
            summary: "答复".into(),
        },
        12 => Action::DisputeJurisdiction {
            with_department: "网监处".into(),
            with_region: "310117".into(),
        },
        13 => Action::SettleJurisdiction {
            kept: variant.is_multiple_of(2),
        },
        _ => Action::ExtendDecision,
    }
}

fn role(r: u8) -> Role {
    [Role::Dispatcher, Role::Officer, Role::Approver][usize::from(r % 3)]
}

fn check(case: &Case, event: &CaseEvent, before: &Case) {
    assert_eq!(event.from, Some(before.state));
    assert_eq!(event.to, case.state);
    assert_eq!(event.seq, before.seq + 1);
    assert_eq!(case.seq, event.seq);
    assert!(
        edges().contains(&(before.state, case.state)),
        "edge {:?} → {:?} by {}",
        before.state,
        case.state,
        event.action.name()
    );
    assert!(
        !before.state.is_terminal(),
        "left terminal state {:?}",
        before.state
    );
    assert!(event.action.allowed_roles().contains(&event.role));
    assert!(!event.reason.trim().is_empty());
    if matches!(case.state, S::Investigating | S::Decided | S::Published) {
        assert!(case.investigators.len() >= 2);
    }
    if case.state == S::Published {
        assert_eq!(case.outcome, Some(Outcome::Penalty));
    }
    if (before.state, case.state) == (S::Decided, S::Closed) {
        assert_ne!(
            case.outcome,
            Some(Outcome::Penalty),
            "a penalty closed without publication"
        );
    }
    if (before.state, case.state) == (S::Transferred, S::Closed) {
        assert!(!case.feedback.is_empty());
    }
    if matches!(case.state, S::Filed | S::Transferred) && before.state != case.state {
        assert!(
            case.disputes.iter().all(|d| d.settled.is_some()),
            "moved on with a dispute open"
        );
    }
    assert!(case.deadline.as_ref().is_none_or(|d| d.extensions <= 1));
    assert!(case.disputes.iter().filter(|d| d.settled.is_none()).count() <= 1);
    if case.state == S::Transferred {
        assert!(
            case.transferred_to
                .as_ref()
                .is_some_and(|(d, r)| (d, r) != (&case.department, &case.region))
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_action_sequence_stays_on_the_edges_and_replays(
        steps in proptest::collection::vec((any::<u8>(), any::<u8>(), any::<u8>(), any::<bool>(), 0u32..3000), 1..200)
    ) {
        let cal = Calendar::embedded().unwrap();
        let rules = Rules::embedded().unwrap();
        let ctx = Ctx { calendar: &cal, rules: &rules };
        let start = chrono::FixedOffset::east_opt(8 * 3600).unwrap()
            .with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap().timestamp_millis();
        let opener = Actor { id: "u-d".into(), role: Role::Dispatcher };
        let open = Action::Open { alert_id: "alert-x".into(), department: "网监处".into(), region: "330106".into() };
        let (mut case, first) = Case::open("clue-p", &opener, open, "转线索", start, ctx).unwrap();
        let mut events = vec![first];
        let mut t = start;
        let mut reached = BTreeSet::from([case.state]);
        for (kind, variant, r, empty_reason, minutes) in steps {
            t += i64::from(minutes) * 60_000;
            let actor = Actor { id: format!("u-{r}"), role: role(r) };
            let reason = if empty_reason { "" } else { "理由" };
            match case.apply(&actor, action(kind, variant), reason, t, ctx) {
                Ok((next, event)) => {
                    check(&next, &event, &case);
                    events.push(event);
                    case = next;
                    reached.insert(case.state);
                }
                Err(_) => {
                    // A refusal changes nothing: `apply` borrows the case.
                }
            }
            if case.state.is_terminal() {
                let head = Actor { id: "u-h".into(), role: Role::Approver };
                for k in 0..15u8 {
                    let refused = case.apply(&head, action(k, 1), "理由", t, ctx).is_err();
                    prop_assert!(refused, "terminal state left by {}", action(k, 1).name());
                }
            }
        }
        let replayed = Case::replay(&events, ctx).unwrap();
        prop_assert_eq!(&replayed, &case);
        // Events survive a JSON round trip (the evidence log stores them as JSON).
        let json = serde_json::to_string(&events).unwrap();
        let back: Vec<CaseEvent> = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, events);
        prop_assert!(reached.iter().all(|s| CaseState::ALL.contains(s)));
    }
}

/// The random walks do reach the far states (so the property above is not vacuous).
#[test]
fn random_walks_reach_every_state() {
    let cal = Calendar::embedded().unwrap();
    let rules = Rules::embedded().unwrap();
    let ctx = Ctx {
        calendar: &cal,
        rules: &rules,
    };
    let mut reached = BTreeSet::new();
    // SplitMix64: every output well mixed, so the fields drawn from one output are independent.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    for _ in 0..300 {
        let opener = Actor {
            id: "u-d".into(),
            role: Role::Dispatcher,
        };
        let open = Action::Open {
            alert_id: "a".into(),
            department: "网监处".into(),
            region: "330106".into(),
        };
        let (mut case, _) =
            Case::open("c", &opener, open, "转线索", 1_772_413_200_000, ctx).unwrap();
        reached.insert(case.state);
        for _ in 0..400 {
            let n = next();
            let actor = Actor {
                id: "u".into(),
                role: role((n % 3) as u8),
            };
            if let Ok((c, _)) = case.apply(
                &actor,
                action(((n >> 8) % 15) as u8, ((n >> 16) % 256) as u8),
                "理由",
                case.last_at_ms,
                ctx,
            ) {
                case = c;
                reached.insert(case.state);
            }
        }
    }
    assert_eq!(reached, CaseState::ALL.into_iter().collect::<BTreeSet<_>>());
}
