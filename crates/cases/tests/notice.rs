//! Rectification notices: issue with a working-day deadline, the platform's reply, accept, the
//! two escalations (overdue, reply rejected), the typed refusals, a deadline past the calendar's
//! end, and replay.

use chrono::{NaiveDate, TimeZone};
use tianping_cases::Calendar;
use tianping_cases::case::Ctx;
use tianping_cases::notice::{
    Attachment, EscalationCause, Notice, NoticeAction, NoticeActor, NoticeError, NoticeRole,
    NoticeState, ReplyKind, notice_id,
};
use tianping_cases::rules::Rules;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// ms since the epoch of a Beijing-time wall clock.
fn at(date: &str, hour: u32) -> i64 {
    chrono::FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .from_local_datetime(&day(date).and_hms_opt(hour, 0, 0).unwrap())
        .unwrap()
        .timestamp_millis()
}

fn who(id: &str, role: NoticeRole) -> NoticeActor {
    NoticeActor {
        id: id.into(),
        role,
    }
}

fn issue_action() -> NoticeAction {
    NoticeAction::Issue {
        alert_id: "alert-0001".into(),
        merchant_key: "merchant|tmall|M7".into(),
        practice: "false_advertising".into(),
        platform: "tmall".into(),
        department: "网监处".into(),
        region: "330106".into(),
        summary: "商品详情页使用“最佳”等绝对化用语".into(),
        basis: vec!["《广告法》第九条".into()],
        finding_ids: vec!["f-1".into()],
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
    fn issued(&self, date: &str) -> (Notice, tianping_cases::notice::NoticeEvent) {
        let t = at(date, 10);
        Notice::issue(
            &notice_id("alert-0001", t),
            &who("u-officer", NoticeRole::Officer),
            issue_action(),
            "轻微且初次，责令整改",
            t,
            self.ctx(),
        )
        .unwrap()
    }
}

fn reply(kind: ReplyKind) -> NoticeAction {
    NoticeAction::Reply {
        kind,
        text: "已删除绝对化用语".into(),
        attachments: vec![Attachment {
            name: "after.png".into(),
            sha256: "ab".repeat(32),
        }],
    }
}

#[test]
fn issue_reply_accept_with_deadline_on_the_calendar() {
    let w = World::new();
    let (n, e) = w.issued("2026-12-01");
    assert_eq!(n.state, NoticeState::Issued);
    assert_eq!(e.seq, 1);
    assert_eq!(e.from, None);
    // 10 working days from Tue 2026-12-01 (the day itself not counted).
    assert_eq!(n.deadline.due, Some(day("2026-12-15")));
    assert_eq!(n.deadline.rule_version, 1);
    let platform = who("p-tmall", NoticeRole::Platform);
    let (n2, e2) = n
        .apply(
            &platform,
            reply(ReplyKind::Done),
            "平台转达商户整改结果",
            at("2026-12-10", 9),
        )
        .unwrap();
    assert_eq!((n2.state, e2.seq), (NoticeState::Replied, 2));
    assert!(!n2.reply.as_ref().unwrap().late);
    let (n3, e3) = n2
        .apply(
            &who("u-officer", NoticeRole::Officer),
            NoticeAction::Accept,
            "核实已整改",
            at("2026-12-11", 9),
        )
        .unwrap();
    assert_eq!(n3.state, NoticeState::Accepted);
    assert_eq!(Notice::replay(&[e, e2, e3], w.ctx()).unwrap(), n3);
    // Terminal: nothing leaves it.
    assert_eq!(
        n3.apply(
            &platform,
            reply(ReplyKind::Done),
            "再次反馈",
            at("2026-12-12", 9)
        ),
        Err(NoticeError::IllegalTransition {
            state: NoticeState::Accepted,
            action: "reply"
        })
    );
}

#[test]
fn overdue_escalation_only_after_the_last_day() {
    let w = World::new();
    let (n, _) = w.issued("2026-12-01");
    let head = who("u-head", NoticeRole::Approver);
    let escalate = || NoticeAction::Escalate {
        cause: EscalationCause::Overdue,
        case_id: "clue-x".into(),
    };
    // The last day itself is still in time.
    assert_eq!(
        n.apply(&head, escalate(), "逾期未反馈", at("2026-12-15", 18)),
        Err(NoticeError::NotOverdue {
            due: day("2026-12-15"),
            on: day("2026-12-15")
        })
    );
    assert!(!n.is_overdue(day("2026-12-15")));
    assert!(n.is_overdue(day("2026-12-16")));
    let (esc, ev) = n
        .apply(&head, escalate(), "逾期未反馈，转线索", at("2026-12-16", 9))
        .unwrap();
    assert_eq!(esc.state, NoticeState::Escalated);
    assert_eq!(
        esc.escalated,
        Some((EscalationCause::Overdue, "clue-x".into()))
    );
    assert_eq!(ev.from, Some(NoticeState::Issued));
    // A rejected-reply escalation needs a reply.
    assert_eq!(
        n.apply(
            &head,
            NoticeAction::Escalate {
                cause: EscalationCause::ReplyRejected,
                case_id: "clue-x".into()
            },
            "驳回",
            at("2026-12-16", 9)
        ),
        Err(NoticeError::CauseMismatch {
            cause: "reply_rejected",
            state: NoticeState::Issued
        })
    );
}

#[test]
fn a_late_reply_is_marked_and_a_rejected_reply_escalates() {
    let w = World::new();
    let (n, _) = w.issued("2026-12-01");
    let (r, _) = n
        .apply(
            &who("p-tmall", NoticeRole::Platform),
            reply(ReplyKind::Disputed),
            "商户有异议",
            at("2026-12-16", 9),
        )
        .unwrap();
    assert!(r.reply.as_ref().unwrap().late);
    assert_eq!(r.reply.as_ref().unwrap().kind, ReplyKind::Disputed);
    let (esc, _) = r
        .apply(
            &who("u-dispatch", NoticeRole::Dispatcher),
            NoticeAction::Escalate {
                cause: EscalationCause::ReplyRejected,
                case_id: "clue-y".into(),
            },
            "异议理由不成立",
            at("2026-12-17", 9),
        )
        .unwrap();
    assert_eq!(esc.state, NoticeState::Escalated);
}

#[test]
fn refusals_name_role_reason_field_and_time() {
    let w = World::new();
    let (n, _) = w.issued("2026-12-01");
    let platform = who("p-tmall", NoticeRole::Platform);
    // Only the platform replies; only staff accept.
    assert_eq!(
        n.apply(
            &who("u-officer", NoticeRole::Officer),
            reply(ReplyKind::Done),
            "代填",
            at("2026-12-02", 9)
        ),
        Err(NoticeError::RoleNotAllowed {
            role: NoticeRole::Officer,
            action: "reply"
        })
    );
    assert_eq!(
        n.apply(&platform, reply(ReplyKind::Done), "  ", at("2026-12-02", 9)),
        Err(NoticeError::NoReason { action: "reply" })
    );
    assert_eq!(
        n.apply(&platform, reply(ReplyKind::Done), "x", at("2026-11-30", 9)),
        Err(NoticeError::BadTime {
            at_ms: at("2026-11-30", 9),
            last_ms: at("2026-12-01", 10)
        })
    );
    let bad_hash = NoticeAction::Reply {
        kind: ReplyKind::Done,
        text: "已整改".into(),
        attachments: vec![Attachment {
            name: "a.pdf".into(),
            sha256: "ABCD".into(),
        }],
    };
    match n.apply(&platform, bad_hash, "反馈", at("2026-12-02", 9)) {
        Err(NoticeError::BadField { field, .. }) => assert_eq!(field, "attachments[0].sha256"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        n.apply(&platform, NoticeAction::Accept, "x", at("2026-12-02", 9)),
        Err(NoticeError::RoleNotAllowed {
            role: NoticeRole::Platform,
            action: "accept"
        })
    );
    assert_eq!(
        n.apply(
            &who("u-officer", NoticeRole::Officer),
            NoticeAction::Accept,
            "x",
            at("2026-12-02", 9)
        ),
        Err(NoticeError::IllegalTransition {
            state: NoticeState::Issued,
            action: "accept"
        })
    );
    // Issuing needs a platform and a basis.
    let mut no_platform = issue_action();
    if let NoticeAction::Issue { platform, .. } = &mut no_platform {
        platform.clear();
    }
    match Notice::issue(
        "n1",
        &who("u-officer", NoticeRole::Officer),
        no_platform,
        "r",
        at("2026-12-01", 9),
        w.ctx(),
    ) {
        Err(NoticeError::BadField { field, .. }) => assert_eq!(field, "platform"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_deadline_past_the_calendar_is_unknown_and_cannot_be_called_overdue() {
    let w = World::new();
    let (_, last) = w.cal.range();
    // Issued on 2026-12-20: ten working days run into a year the calendar does not cover.
    let (n, _) = w.issued("2026-12-20");
    if last == 2026 {
        assert_eq!(n.deadline.due, None);
        assert!(n.deadline.due_unknown.as_deref().unwrap().contains("2027"));
        assert!(!n.is_overdue(day("2027-03-01")));
        assert!(matches!(
            n.apply(
                &who("u-head", NoticeRole::Approver),
                NoticeAction::Escalate {
                    cause: EscalationCause::Overdue,
                    case_id: "clue-z".into()
                },
                "逾期",
                at("2027-03-01", 9)
            ),
            Err(NoticeError::DueUnknown { .. })
        ));
    } else {
        // Once 2027 is in the data, the deadline is a date.
        assert!(n.deadline.due.is_some());
    }
}
