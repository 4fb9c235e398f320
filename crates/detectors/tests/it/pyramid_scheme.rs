use serde_json::{Value, json};
use tianping_detect::{Finding, Severity};
use tianping_detectors::pyramid_scheme::PyramidScheme;

use crate::support::*;

const AS_OF: &str = "2026-04-01T00:00:00+08:00";

/// `n` members in a tree where each member recruits `fanout` others, level by level.
fn scheme(n: usize, fanout: usize, fee: i64, recruit: i64, sales: i64) -> Vec<Value> {
    (0..n)
        .map(|i| {
            let referrer = if i == 0 { Value::Null } else { json!(format!("u{}", (i - 1) / fanout)) };
            json!({"platform_id": "p", "scheme_id": "s", "member_pid": format!("u{i}"), "referrer_pid": referrer,
                   "joined_at": format!("2026-03-{:02}T10:00:00+08:00", 1 + i % 28), "entry_fee_fen": fee,
                   "recruitment_rewards_fen": recruit, "sales_rewards_fen": sales})
        })
        .collect()
}

fn detect(rows: Vec<Value>) -> Vec<Finding> {
    run(&PyramidScheme, AS_OF, &data(&[("referrals", rows)], 16))
}

#[test]
fn thirty_members_three_levels_recruitment_pay_is_a_criminal_referral() {
    // fanout 5: levels 1 (1), 2 (5), 3 (25) = 31 members.
    let f = detect(scheme(30, 5, 39_900, 5_000, 0));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].evidence["levels"], 3);
    assert_eq!(f[0].evidence["criminal_referral"], true);
    assert_eq!(f[0].severity, Severity::High);
    assert!(
        f[0].summary.contains("拉人头") && f[0].summary.contains("刑事移送"),
        "{}",
        f[0].summary
    );
}

#[test]
fn thresholds_29_members_and_2_levels() {
    let f = detect(scheme(29, 5, 39_900, 5_000, 0));
    assert_eq!(f.len(), 1, "拉人头 is a finding at any size");
    assert_eq!(
        f[0].evidence["criminal_referral"], false,
        "29 members is under 30"
    );
    assert_eq!(f[0].severity, Severity::Medium);
    // 40 members but only two levels (one root, 39 direct recruits).
    let f = detect(scheme(40, 39, 39_900, 5_000, 0));
    assert_eq!(f[0].evidence["levels"], 2);
    assert_eq!(
        f[0].evidence["criminal_referral"], false,
        "2 levels is under 3"
    );
}

#[test]
fn serious_at_120_members() {
    let f = detect(scheme(120, 5, 39_900, 5_000, 0));
    assert_eq!(f[0].evidence["serious"], true);
    assert_eq!(f[0].severity, Severity::Critical);
    let f = detect(scheme(119, 5, 39_900, 5_000, 0));
    assert_eq!(f[0].evidence["serious"], false);
    assert_eq!(f[0].severity, Severity::High);
}

#[test]
fn no_referral_without_an_entry_fee() {
    // Version 3: 拉人头 over 120 members and 4 levels, but nobody paid to join — 传销 under 禁止传销条例
    // 第七条, not the crime (刑法 第二百二十四条之一 needs joining by paying or buying).
    let f = detect(scheme(120, 5, 0, 5_000, 0));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].evidence["criminal_referral"], false);
    assert_eq!(f[0].evidence["criminal_elements"]["entry_fee"], false);
    assert_eq!(
        f[0].evidence["serious"], false,
        "情节严重 is stated with a referral only"
    );
    assert_eq!(
        f[0].severity,
        Severity::High,
        "the 情节严重 size without a referral"
    );
    assert!(f[0].summary.contains("不作刑事移送"), "{}", f[0].summary);
    assert!(
        !f[0].summary.contains("达到刑事移送标准"),
        "{}",
        f[0].summary
    );
    let notes = f[0].evidence["notes"].to_string();
    assert!(
        notes.contains("第五条") && notes.contains("第二十四条"),
        "{notes}"
    );
}

#[test]
fn team_commission_is_referred_only_with_entry_fees() {
    // 40 members in 4 levels paid on their downline's sales (¥30 against ¥5 for leaves).
    let team = |fee_payers: usize| -> Vec<Value> {
        scheme(40, 3, 0, 0, 0)
            .into_iter()
            .enumerate()
            .map(|(i, mut r)| {
                r["sales_rewards_fen"] = json!(if i * 3 + 1 < 40 { 3_000 } else { 500 });
                r["entry_fee_fen"] = json!(if i < fee_payers { 36_800 } else { 0 });
                r
            })
            .collect()
    };
    // No fee: a pure team commission, 禁止传销条例 第七条第三项, medium, no referral.
    let f = detect(team(0));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].evidence["criminal_referral"], false);
    assert_eq!(f[0].severity, Severity::Medium);
    // At the edge: half the members paid to join (20 of 40) — referred; 19 of 40 — not.
    let f = detect(team(20));
    assert_eq!(
        f[0].evidence["criminal_referral"], true,
        "{}",
        f[0].evidence
    );
    assert_eq!(f[0].severity, Severity::High);
    assert!(
        f[0].summary.contains("达到刑事移送标准"),
        "{}",
        f[0].summary
    );
    let f = detect(team(19));
    assert_eq!(
        f[0].evidence["criminal_referral"], false,
        "{}",
        f[0].evidence
    );
}

#[test]
fn team_commission_over_three_levels() {
    // Members with a downline (u0..u12 of 40, three each) are paid on their downline's sales:
    // ¥30 each, against ¥5 for members without one.
    let rows: Vec<Value> = scheme(40, 3, 0, 0, 0)
        .into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            r["sales_rewards_fen"] = json!(if i * 3 + 1 < 40 { 3_000 } else { 500 });
            r
        })
        .collect();
    let f = detect(rows);
    assert_eq!(f.len(), 1);
    let forms = f[0].evidence["forms"].as_array().unwrap();
    assert!(
        forms
            .iter()
            .any(|x| x.as_str().unwrap().starts_with("团队计酬"))
    );
}

#[test]
fn a_sales_only_programme_with_two_levels_is_not_a_finding() {
    assert!(detect(scheme(60, 59, 0, 0, 3_000)).is_empty());
    // A paid membership without levels or recruitment pay is not one either.
    assert!(detect(scheme(60, 59, 19_900, 0, 3_000)).is_empty());
}

#[test]
fn a_commission_on_own_sales_only_is_not_team_pay_however_deep() {
    // 200 members, three to a referrer (5 levels), no fee, no recruitment pay, and every member
    // paid the same on own sales: nobody is paid on a downline.
    assert!(detect(scheme(200, 3, 0, 0, 2_000)).is_empty());
    // At the ratio: uplines paid 1.5 times what leaves earn is team pay (team_pay_ratio = 1.5).
    let rows: Vec<Value> = scheme(40, 3, 0, 0, 0)
        .into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            r["sales_rewards_fen"] = json!(if i * 3 + 1 < 40 { 1_500 } else { 1_000 });
            r
        })
        .collect();
    assert_eq!(detect(rows.clone()).len(), 1);
    let under: Vec<Value> = rows
        .into_iter()
        .map(|mut r| {
            if r["sales_rewards_fen"] == 1_500 {
                r["sales_rewards_fen"] = json!(1_490);
            }
            r
        })
        .collect();
    assert!(detect(under).is_empty());
}

/// `n` members, `fanout` to a referrer, each paid `per_recruit` for every member of its downline:
/// only direct recruits (`indirect` false) or the whole downline.
fn per_recruit_scheme(
    n: usize,
    fanout: usize,
    fee: i64,
    per_recruit: i64,
    indirect: bool,
) -> Vec<Value> {
    let mut rows = scheme(n, fanout, fee, 0, 0);
    let mut direct = vec![0i64; n];
    let mut total = vec![0i64; n];
    for i in 1..n {
        let mut up = (i - 1) / fanout;
        direct[up] += 1;
        loop {
            total[up] += 1;
            if up == 0 {
                break;
            }
            up = (up - 1) / fanout;
        }
    }
    for (i, r) in rows.iter_mut().enumerate() {
        let counted = if indirect { total[i] } else { direct[i] };
        r["recruitment_rewards_fen"] = json!(counted * per_recruit);
    }
    rows
}

/// 禁止传销条例 第七条第（一）项 pays "以其直接或者间接滚动发展的人员数量为依据", and 第二条 needs
/// the organiser to gain from recruiting: a free invitation reward per direct invitee is marketing,
/// the same reward over the whole downline, or for recruits who pay to join, is 拉人头.
#[test]
fn recruitment_pay_needs_indirect_pay_or_paying_recruits() {
    // Free to join, ¥5 per direct invitee, five levels: not a finding.
    assert!(detect(per_recruit_scheme(100, 3, 0, 500, false)).is_empty());
    // Free to join but paid on the whole downline: 拉人头.
    let f = detect(per_recruit_scheme(100, 3, 0, 500, true));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].evidence["paid_beyond_direct_invitees"], true);
    // Per direct recruit, but recruits pay ¥298 to join: 拉人头 and 收入门费.
    let f = detect(per_recruit_scheme(100, 3, 29_800, 5_000, false));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].evidence["forms"].as_array().unwrap().len(), 2);
}

/// 第七条第（二）项: the fee buys the right to join and to develop others for reward. A paid club
/// whose referral links earn nobody anything is not 收入门费, however deep the links.
#[test]
fn a_paid_membership_that_pays_nobody_for_recruits_is_not_an_entry_fee_scheme() {
    assert!(detect(scheme(80, 3, 19_800, 0, 0)).is_empty());
    // The same club paying uplines on their downline: a finding.
    assert_eq!(
        detect(per_recruit_scheme(80, 3, 19_800, 2_000, true)).len(),
        1
    );
}
