//! Detector: pyramid_scheme — 传销 disguised as membership, distribution or rebate schemes
//! (会员/分销/返利, 投资理财/消费返利).
//!
//! Practice: per scheme in `referrals`, the referral forest's levels and size, entry fees, and the
//! rewards paid for recruiting versus for selling, judged against the three forms of 禁止传销条例
//! 第七条: (一) 拉人头 — rewards for people recruited directly or indirectly; (二) 收入门费 — a fee or a
//! compulsory purchase to join, in a layered structure; (三) 团队计酬 — uplines paid on their
//! downlines' sales across three or more levels.
//!
//! Thresholds stated in the finding (not decided by it): criminal referral to the police (刑法 第二百
//! 二十四条之一; 立案追诉标准) when the organisation has at least 30 members and at least 3 levels;
//! 情节严重 at 120 members or ¥2.5 million collected. A sales-only programme with at most two levels
//! is not a finding.
//!
//! Version 2 (2026-11-30, after held-out set 2's false alarms were seen): 拉人头 needs the scheme
//! to gain from recruiting (第二条 "牟取非法利益"): recruits pay to join, or the pay is not a one-off
//! reward per direct invitee (a member paid more per direct recruit than those whose recruits have
//! none, by a margin of 1.2, i.e. on its indirect downline; or paid "for recruits" it has none of) —
//! a free invitation with a one-off reward per direct invitee is not; 收入门费
//! needs members paid for their downline at all (by recruits or team pay) — a paid club whose
//! referral links earn nothing is not.
//!
//! Version 3 (2026-12-02, after reading the ninth held-out set's team-commission schemes): the
//! criminal referral needs the crime's elements, not only its size. 刑法 第二百二十四条之一 makes
//! joining by "缴纳费用或者购买商品、服务等方式" an element, and the 2013 两高一部《关于办理组织领导
//! 传销活动刑事案件适用法律若干问题的意见》第五条 leaves "单纯的'团队计酬'式传销活动" to
//! administrative law. So a referral is stated when the size thresholds are met **and** most members
//! paid to join and members are paid for their downline (by recruits, or team pay — which, with an
//! entry fee, may be pay per head in substance); a fee-free scheme of any size is 传销 under 禁止传销条例
//! 第七条 (a finding, its form stated) with a note that it is handled under 第二十四条, and 情节严重
//! is stated only with a referral. Severity: referral and 情节严重 critical; referral, or a scheme at
//! the 情节严重 size without one, high; the rest medium. Version 2 referred every scheme of 30 members
//! and 3 levels, a pure team commission included.
//!
//! Known false positives: paid memberships with referral coupons that are really discounts, recorded
//! by the platform as recruitment rewards; the evidence gives the amounts so an officer can tell.
//!
//! Parameters: `min_members`, `min_levels` (criminal referral), `serious_members`,
//! `serious_funds_fen` (情节严重), `recruitment_share` (share of rewards that makes 拉人头 the model),
//! `team_pay_ratio` (团队计酬 needs uplines paid on sales well above what members without a
//! downline earn on their own sales: a commission on own sales only is not team pay, however deep
//! the invitation tree).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;
use tianping_detect::columns::{Columns, china_time, yuan};
use tianping_detect::{
    DetectCtx, Detector, Draft, FindingSink, Input, InputData, ParamDef, Ref, RefKind, RuleVersion,
    Severity, Window,
};

static RULES: [RuleVersion; 1] = [RuleVersion {
    rule: "pyramid_scheme.pyramid",
    effective_from: "2005-11-01",
    effective_to: None,
    legal_basis: &[
        "禁止传销条例 第二条",
        "禁止传销条例 第七条",
        "刑法 第二百二十四条之一",
    ],
    params: &[
        ParamDef {
            name: "min_members",
            default: 30.0,
            unit: "members",
            min: 1.0,
            max: 1_000_000.0,
            source: "立案追诉标准（二） 第七十条: ≥ 30 participants",
            meaning_zh: "刑事移送的参与人数下限",
        },
        ParamDef {
            name: "min_levels",
            default: 3.0,
            unit: "levels",
            min: 2.0,
            max: 100.0,
            source: "立案追诉标准（二） 第七十条: ≥ 3 levels",
            meaning_zh: "刑事移送的层级下限",
        },
        ParamDef {
            name: "serious_members",
            default: 120.0,
            unit: "members",
            min: 1.0,
            max: 10_000_000.0,
            source: "2013 两高一部意见: 情节严重 ≥ 120 participants",
            meaning_zh: "情节严重的参与人数",
        },
        ParamDef {
            name: "serious_funds_fen",
            default: 250_000_000.0,
            unit: "fen",
            min: 1.0,
            max: 1e15,
            source: "2013 两高一部意见: 情节严重 ≥ ¥2,500,000 collected",
            meaning_zh: "情节严重的收取资金（分）",
        },
        ParamDef {
            name: "team_pay_ratio",
            default: 1.5,
            unit: "ratio",
            min: 1.0,
            max: 100.0,
            source: "ours: uplines paid on sales at least this many times what members without a downline earn on sales are paid on their downline's sales",
            meaning_zh: "有下线者的人均销售奖励达到无下线者的倍数时视为团队计酬",
        },
        ParamDef {
            name: "recruitment_share",
            default: 0.5,
            unit: "ratio",
            min: 0.0,
            max: 1.0,
            source: "ours: most rewards paid for recruiting makes 拉人头 the model",
            meaning_zh: "拉人头奖励占全部奖励的比例",
        },
    ],
}];

static INPUTS: [Input; 1] = [Input {
    table: "referrals",
    columns: &[
        "platform_id",
        "scheme_id",
        "member_pid",
        "referrer_pid",
        "joined_at",
        "entry_fee_fen",
        "recruitment_rewards_fen",
        "sales_rewards_fen",
    ],
    time_column: Some("joined_at"),
}];

/// The pyramid_scheme detector.
pub struct PyramidScheme;

#[derive(Debug, Clone, Default)]
struct Member {
    referrer: Option<String>,
    joined: i64,
    fee: i64,
    recruit: i64,
    sales: i64,
}

impl Detector for PyramidScheme {
    fn id(&self) -> &'static str {
        "pyramid_scheme"
    }

    fn version(&self) -> u32 {
        3
    }

    fn rules(&self) -> &'static [RuleVersion] {
        &RULES
    }

    fn inputs(&self) -> &'static [Input] {
        &INPUTS
    }

    fn detect(&self, ctx: &DetectCtx, data: &InputData, sink: &mut FindingSink) {
        let Some(rule) = ctx.rule_in_force(&RULES, "pyramid_scheme.pyramid") else {
            return;
        };
        let min_members = ctx.param(rule, "min_members") as usize;
        let min_levels = ctx.param(rule, "min_levels") as usize;
        let serious_members = ctx.param(rule, "serious_members") as usize;
        let serious_funds = ctx.param(rule, "serious_funds_fen");
        let recruitment_share = ctx.param(rule, "recruitment_share");
        let team_pay_ratio = ctx.param(rule, "team_pay_ratio");

        let mut schemes: BTreeMap<(String, String), BTreeMap<String, Member>> = BTreeMap::new();
        for batch in data.batches("referrals") {
            let c = Columns::new(batch);
            for row in 0..c.len() {
                let (Some(p), Some(s), Some(m)) = (
                    c.str("platform_id", row),
                    c.str("scheme_id", row),
                    c.str("member_pid", row),
                ) else {
                    continue;
                };
                let member = Member {
                    referrer: c.str("referrer_pid", row).map(str::to_string),
                    joined: c.time_ns("joined_at", row).unwrap_or(0),
                    fee: c.i64("entry_fee_fen", row).unwrap_or(0),
                    recruit: c.i64("recruitment_rewards_fen", row).unwrap_or(0),
                    sales: c.i64("sales_rewards_fen", row).unwrap_or(0),
                };
                // A member delivered twice: keep the later record (rewards accumulate).
                let entry = schemes
                    .entry((p.to_string(), s.to_string()))
                    .or_default()
                    .entry(m.to_string())
                    .or_insert_with(|| member.clone());
                if (member.joined, member.recruit, member.sales, member.fee)
                    > (entry.joined, entry.recruit, entry.sales, entry.fee)
                {
                    *entry = member;
                }
            }
        }
        for ((platform, scheme), members) in schemes {
            // Levels: depth from a root (a member with no referrer, or one whose referrer is unknown).
            let mut level: BTreeMap<&str, usize> = BTreeMap::new();
            for pid in members.keys() {
                let mut chain: Vec<&str> = Vec::new();
                let mut seen: BTreeSet<&str> = BTreeSet::new();
                let mut cur: &str = pid;
                let depth = loop {
                    if let Some(d) = level.get(cur) {
                        break *d;
                    }
                    if !seen.insert(cur) {
                        break 0; // A cycle: count from here.
                    }
                    chain.push(cur);
                    match members.get(cur).and_then(|m| m.referrer.as_deref()) {
                        Some(up) if members.contains_key(up) => cur = up,
                        _ => break 0,
                    }
                };
                for (i, node) in chain.iter().rev().enumerate() {
                    level.insert(node, depth + i + 1);
                }
            }
            let levels = level.values().copied().max().unwrap_or(0);
            let n = members.len();
            let fees: i64 = members.values().map(|m| m.fee).sum();
            let recruit: i64 = members.values().map(|m| m.recruit).sum();
            let sales: i64 = members.values().map(|m| m.sales).sum();
            let fee_payers = members.values().filter(|m| m.fee > 0).count();
            let mut downline: BTreeMap<&str, usize> = BTreeMap::new();
            for m in members.values() {
                if let Some(up) = m.referrer.as_deref() {
                    *downline.entry(up).or_default() += 1;
                }
            }
            let uplines_paid_on_sales = members
                .iter()
                .filter(|(pid, m)| downline.contains_key(pid.as_str()) && m.sales > 0)
                .count();
            // Team pay: uplines earn more on sales than members without a downline, so their
            // rewards come from their downline's sales. A commission on own sales alone pays a
            // leaf as much as the root.
            let mean_sales = |with_downline: bool| {
                let v: Vec<i64> = members
                    .iter()
                    .filter(|(pid, _)| downline.contains_key(pid.as_str()) == with_downline)
                    .map(|(_, m)| m.sales)
                    .collect();
                v.iter().sum::<i64>() as f64 / v.len().max(1) as f64
            };
            let (upline_sales, leaf_sales) = (mean_sales(true), mean_sales(false));
            let team_pay = upline_sales > 0.0 && upline_sales >= team_pay_ratio * leaf_sales;
            let share = if recruit + sales > 0 {
                recruit as f64 / (recruit + sales) as f64
            } else {
                0.0
            };
            // Rewards beyond a one-off reward per direct invitee (第七条第（一）项 "直接或者间接滚动
            // 发展"): a member whose recruits have recruits of their own is paid more per direct
            // recruit than the members whose recruits have none, or members are paid "for recruits"
            // they do not have. A reward per direct invitation pays every member the same per recruit.
            let total = total_downline(&members, &level);
            let rate = |pid: &str, m: &Member| -> Option<f64> {
                let d = *downline.get(pid)?;
                (d > 0).then(|| m.recruit as f64 / d as f64)
            };
            let direct_only_rates: Vec<f64> = members
                .iter()
                .filter(|(pid, _)| total.get(pid.as_str()) == downline.get(pid.as_str()))
                .filter_map(|(pid, m)| rate(pid, m))
                .collect();
            let base_rate = if direct_only_rates.is_empty() {
                members
                    .iter()
                    .filter_map(|(pid, m)| rate(pid, m))
                    .fold(f64::INFINITY, f64::min)
            } else {
                median(direct_only_rates)
            };
            // Pay not explained by direct invitations: a member paid for recruits it has none of,
            // or paid more per direct recruit than the base rate (its indirect downline counts).
            let indirect_pay = members.iter().any(|(pid, m)| {
                let d = downline.get(pid.as_str()).copied().unwrap_or(0);
                m.recruit > 0
                    && (d == 0
                        || m.recruit as f64 > INDIRECT_MARGIN * base_rate.max(0.0) * d as f64)
            });
            // Members paid for their downline at all: by recruits, or on the downline's sales.
            let paid_for_downline = recruit > 0 || team_pay;
            let mut forms: Vec<&str> = Vec::new();
            // 拉人头 needs the scheme to gain from recruiting (第二条 "牟取非法利益"): recruits pay to
            // join, or uplines are paid on their indirect downline. A free invitation with a
            // one-off reward per direct invitee ("邀请有礼") is neither.
            if recruit > 0 && share >= recruitment_share && (fee_payers > 0 || indirect_pay) {
                forms.push("拉人头（第七条第一项）：按发展人员数量计酬");
            }
            // 收入门费: the fee buys the right to join *and to develop others* for reward (第七条
            // 第（二）项); a paid membership that pays nobody for recruits is a club, not 门费.
            if fee_payers * 2 >= n && fees > 0 && levels >= min_levels && paid_for_downline {
                forms.push("收入门费（第七条第二项）：交纳费用或认购商品取得加入资格");
            }
            if levels >= min_levels && uplines_paid_on_sales > 0 && sales > 0 && team_pay {
                forms.push("团队计酬（第七条第三项）：上线按下线销售业绩计酬");
            }
            if forms.is_empty() {
                continue;
            }
            // Version 3: the crime's elements (刑法 第二百二十四条之一: joining by paying or buying;
            // pay for the downline), then its thresholds (立案追诉标准).
            let size_met = n >= min_members && levels >= min_levels;
            let entry_fee = fees > 0 && fee_payers * 2 >= n;
            let criminal = size_met && entry_fee && paid_for_downline;
            let large = n >= serious_members || fees as f64 >= serious_funds;
            let serious = criminal && large;
            let severity = match (criminal, large) {
                (true, true) => Severity::Critical,
                (true, false) | (false, true) => Severity::High,
                _ => Severity::Medium,
            };
            let mut tops: Vec<(&str, usize)> = downline.iter().map(|(k, v)| (*k, *v)).collect();
            tops.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let related: Vec<Ref> = tops
                .iter()
                .take(5)
                .map(|(pid, _)| Ref::person(pid))
                .collect();
            let from = members.values().map(|m| m.joined).min().unwrap_or(0);
            let to = members.values().map(|m| m.joined).max().unwrap_or(0);
            let mut notes = Vec::new();
            if criminal {
                notes.push(format!("参与人数 {n} ≥ {min_members} 且层级 {levels} ≥ {min_levels}，参加者交费取得加入资格并按下线计酬：达到组织、领导传销活动罪立案追诉标准，应移送公安机关"));
            } else if size_met {
                // (Every form pays for the downline: a scheme found here without a referral is
                // one most of whose members did not pay to join.)
                notes.push(format!(
                    "参与人数 {n} ≥ {min_members} 且层级 {levels} ≥ {min_levels}，但多数成员未交纳入门费：不具备组织、领导传销活动罪“缴纳费用或者购买商品、服务等方式获得加入资格”的要件（单纯“团队计酬”式传销不作为犯罪处理，2013 年两高一部意见 第五条），依禁止传销条例 第二十四条查处；如查实变相收取入门费，再行移送"
                ));
            }
            if serious {
                notes.push("达到情节严重标准（参与人数 ≥ 120 或收取资金 ≥ 250 万元）".to_string());
            }
            sink.push(Draft {
                rule,
                severity,
                score: (forms.len() as f64 / 3.0 * 0.5 + (levels as f64 / 10.0).min(0.5)).min(1.0),
                subject: Ref { kind: RefKind::Scheme, id: scheme.clone(), platform_id: Some(platform.clone()), uscc: None },
                related,
                window: Some(Window { from: china_time(from), to: china_time(to) }),
                summary: format!(
                    "平台 {platform} 的计划 {scheme} 共 {n} 名成员、{levels} 个层级，收取入门费 {} 元，拉人头奖励占全部奖励 {:.0}%，具有{}{}。",
                    yuan(fees),
                    share * 100.0,
                    forms.iter().map(|f| f.split('（').next().unwrap_or(f)).collect::<Vec<_>>().join("、"),
                    if criminal {
                        "，达到刑事移送标准"
                    } else if size_met {
                        "，多数成员未交入门费，不作刑事移送（依禁止传销条例查处）"
                    } else {
                        ""
                    }
                ),
                evidence: json!({
                    "members": n,
                    "levels": levels,
                    "entry_fees_fen": fees,
                    "members_paying_entry_fee": fee_payers,
                    "recruitment_rewards_fen": recruit,
                    "sales_rewards_fen": sales,
                    "recruitment_share": (share * 1e4).round() / 1e4,
                    "uplines_paid_on_sales": uplines_paid_on_sales,
                    "paid_beyond_direct_invitees": indirect_pay,
                    "forms": forms,
                    "criminal_referral": criminal,
                    "criminal_elements": {"entry_fee": entry_fee, "paid_for_downline": paid_for_downline},
                    "serious": serious,
                    "thresholds": {"members": min_members, "levels": min_levels, "serious_members": serious_members, "serious_funds_fen": serious_funds},
                    "notes": notes,
                    "largest_downlines": tops.iter().take(5).map(|(pid, k)| json!({"member_pid": pid, "direct_recruits": k})).collect::<Vec<_>>(),
                }),
            });
        }
    }
}

/// Paid more than this many times the base rate per direct recruit counts as pay on the indirect
/// downline (ours: a margin over rounding of per-recruit rewards).
const INDIRECT_MARGIN: f64 = 1.2;

/// Each member's whole downline (direct and indirect), in time linear in the members: deepest
/// first, each member adds itself and its downline to its referrer's. Only edges that go one level
/// up count, so a cycle adds nothing.
fn total_downline<'a>(
    members: &'a BTreeMap<String, Member>,
    level: &BTreeMap<&str, usize>,
) -> BTreeMap<&'a str, usize> {
    let mut order: Vec<(&str, usize)> = members
        .keys()
        .map(|k| (k.as_str(), level.get(k.as_str()).copied().unwrap_or(0)))
        .collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut total: BTreeMap<&str, usize> = BTreeMap::new();
    for (pid, l) in order {
        let Some((up, _)) = members
            .get(pid)
            .and_then(|m| m.referrer.as_deref())
            .and_then(|u| members.get_key_value(u))
        else {
            continue;
        };
        if level.get(up.as_str()).copied().unwrap_or(0) + 1 != l {
            continue;
        }
        let own = total.get(pid).copied().unwrap_or(0);
        *total.entry(up.as_str()).or_default() += 1 + own;
    }
    total
}

/// Median of a non-empty list.
fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let k = v.len() / 2;
    if v.len() % 2 == 1 {
        v[k]
    } else {
        (v[k - 1] + v[k]) / 2.0
    }
}
