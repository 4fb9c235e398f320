//! Detector: below_cost — 低价倾销 and forced below-cost selling.
//!
//! Practice, two rules:
//!
//! - `sustained` (价格法 第十四条第二项; 反垄断法 第二十二条第一款第二项): a listing whose daily median
//!   transaction price is below its unit cost (`costs`, `audited` or `declared`, valid on that day) on
//!   at least `min_days` days within `window_days`. The finding gives the market context a case
//!   officer needs for the dominance question: the seller's share of its category (by GMV in the
//!   window, across every platform in the data), the platform's share, HHI and CR4 of the category's
//!   sellers, and whether 反垄断法 第二十四条's presumptions hold (one firm ≥ 1/2; two ≥ 2/3; three
//!   ≥ 3/4, a firm under 1/10 excepted). The statute's own exceptions are not findings: fresh
//!   goods (`product_class = fresh`) and clearance of seasonal or overstocked goods (delisted within
//!   7 days of the last below-cost day) — 依法降价处理鲜活商品、季节性商品、积压商品. A new product
//!   (listed within `launch_days` before the first below-cost day) is a justification the
//!   antitrust guideline recognises: it lowers severity and is stated.
//! - `platform_forced` (反不正当竞争法（2025）第十四条, in force 2025-10-15): during a platform's
//!   campaign, at least `min_merchants` merchants and `min_share` of the campaign's participating
//!   merchants with cost data sell below cost while they did not in the same length of time before
//!   the campaign: a platform-level finding (subject = the platform; related = the campaign and the
//!   merchants).
//!
//! Known false positives: declared costs that include overheads the law does not count; loss
//! leaders within a bundle (the listing is judged alone); volume rebates paid outside the order.
//! Dominance itself is for the case officer: the figures are context, not a conclusion.
//!
//! Parameters: `min_days`, `window_days`, `launch_days` (sustained); `min_merchants`, `min_share`
//! (platform_forced).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;
use tianping_detect::columns::{Columns, china_day, china_day_start, china_time, yuan};
use tianping_detect::{
    DetectCtx, Detector, Draft, FindingSink, Input, InputData, ParamDef, Ref, RefKind, RuleVersion,
    Severity, Window,
};
use tianping_domain::value::format_date;

const SUSTAINED_PARAMS: &[ParamDef] = &[
    ParamDef {
        name: "min_days",
        default: 7.0,
        unit: "days",
        min: 1.0,
        max: 365.0,
        source: "ours: 价格法 第十四条 speaks of dumping, not a one-day price; a week is sustained",
        meaning_zh: "窗口内低于成本销售的最少天数",
    },
    ParamDef {
        name: "window_days",
        default: 30.0,
        unit: "days",
        min: 7.0,
        max: 365.0,
        source: "ours",
        meaning_zh: "统计窗口天数",
    },
    ParamDef {
        name: "launch_days",
        default: 30.0,
        unit: "days",
        min: 0.0,
        max: 365.0,
        source: "平台经济反垄断指南 第十三条 (新商品上市 within a reasonable period); 30 days is ours",
        meaning_zh: "新品上市合理期限",
    },
];

static RULES: [RuleVersion; 3] = [
    RuleVersion {
        rule: "below_cost.sustained",
        effective_from: "2008-08-01",
        effective_to: Some("2022-07-31"),
        legal_basis: &[
            "价格法 第十四条第二项",
            "反垄断法（2008） 第十七条第一款第二项",
        ],
        params: SUSTAINED_PARAMS,
    },
    RuleVersion {
        rule: "below_cost.sustained",
        effective_from: "2022-08-01",
        effective_to: None,
        legal_basis: &["价格法 第十四条第二项", "反垄断法 第二十二条第一款第二项"],
        params: SUSTAINED_PARAMS,
    },
    RuleVersion {
        rule: "below_cost.platform_forced",
        effective_from: "2025-10-15",
        effective_to: None,
        legal_basis: &["反不正当竞争法（2025） 第十四条"],
        params: &[
            ParamDef {
                name: "min_merchants",
                default: 5.0,
                unit: "merchants",
                min: 2.0,
                max: 10_000.0,
                source: "ours: a platform rule shows in many merchants at once",
                meaning_zh: "活动期间新增低于成本销售的最少经营者数",
            },
            ParamDef {
                name: "min_share",
                default: 0.3,
                unit: "ratio",
                min: 0.05,
                max: 1.0,
                source: "ours",
                meaning_zh: "占有成本数据的参与经营者的最低比例",
            },
        ],
    },
];

static INPUTS: [Input; 5] = [
    Input {
        table: "orders",
        columns: &[
            "platform_id",
            "listing_id",
            "merchant_id",
            "unit_price_fen",
            "paid_fen",
            "ordered_at",
            "status",
        ],
        time_column: Some("ordered_at"),
    },
    Input {
        table: "costs",
        columns: &[
            "platform_id",
            "listing_id",
            "valid_from",
            "valid_to",
            "unit_cost_fen",
            "basis",
        ],
        time_column: None,
    },
    Input {
        table: "listings",
        columns: &[
            "platform_id",
            "listing_id",
            "merchant_id",
            "title",
            "category",
            "product_class",
            "created_at",
            "delisted_at",
        ],
        time_column: None,
    },
    Input {
        table: "campaigns",
        columns: &["platform_id", "campaign_id", "name", "starts_at", "ends_at"],
        time_column: Some("starts_at"),
    },
    Input {
        table: "campaign_participants",
        columns: &["platform_id", "campaign_id", "merchant_id"],
        time_column: None,
    },
];

/// The below_cost detector.
pub struct BelowCost;

type Key = (String, String);

#[derive(Debug, Clone, Default)]
struct ListingInfo {
    merchant: String,
    title: String,
    category: String,
    class: String,
    created: Option<i64>,
    delisted: Option<i64>,
}

#[derive(Debug, Clone)]
struct Cost {
    from_day: i64,
    to_day: Option<i64>,
    fen: i64,
    basis: String,
}

/// (platform, listing) → day → (prices, GMV).
type Daily = BTreeMap<Key, BTreeMap<i64, (Vec<i64>, i64)>>;

fn median(values: &mut [i64]) -> i64 {
    values.sort_unstable();
    values[values.len() / 2]
}

fn cost_on(costs: &[Cost], day: i64) -> Option<&Cost> {
    // The latest record valid that day; audited beats declared when both start the same day.
    costs
        .iter()
        .filter(|c| c.from_day <= day && c.to_day.is_none_or(|to| day <= to))
        .max_by_key(|c| (c.from_day, c.basis == "audited", c.fen))
}

/// Shares, HHI and CR4 of a category's sellers by GMV, and the 第二十四条 presumption for one seller.
fn market(category_gmv: &BTreeMap<Key, i64>, seller: &Key) -> serde_json::Value {
    let total: i64 = category_gmv.values().sum();
    if total <= 0 {
        return json!({"category_gmv_fen": 0});
    }
    let mut shares: Vec<(f64, &Key)> = category_gmv
        .iter()
        .map(|(k, v)| (*v as f64 / total as f64, k))
        .collect();
    shares.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let hhi: f64 = shares.iter().map(|(s, _)| (s * 100.0).powi(2)).sum();
    let cr4: f64 = shares.iter().take(4).map(|(s, _)| s).sum();
    let own = shares
        .iter()
        .find(|(_, k)| *k == seller)
        .map_or(0.0, |(s, _)| *s);
    let rank = shares
        .iter()
        .position(|(_, k)| *k == seller)
        .map_or(0, |r| r + 1);
    let top = |n: usize| shares.iter().take(n).map(|(s, _)| s).sum::<f64>();
    let presumption = if own >= 0.5 {
        Some("一个经营者市场份额达到二分之一（第二十四条第一款第一项）")
    } else if rank > 0 && rank <= 2 && top(2) >= 2.0 / 3.0 && own >= 0.1 {
        Some("两个经营者市场份额合计达到三分之二（第二十四条第一款第二项）")
    } else if rank > 0 && rank <= 3 && top(3) >= 0.75 && own >= 0.1 {
        Some("三个经营者市场份额合计达到四分之三（第二十四条第一款第三项）")
    } else {
        None
    };
    let r4 = |x: f64| (x * 1e4).round() / 1e4;
    json!({
        "category_gmv_fen": total,
        "sellers": shares.len(),
        "seller_share": r4(own),
        "seller_rank": rank,
        "hhi": (hhi * 10.0).round() / 10.0,
        "cr4": r4(cr4),
        "dominance_presumption": presumption,
    })
}

impl Detector for BelowCost {
    fn id(&self) -> &'static str {
        "below_cost"
    }

    fn version(&self) -> u32 {
        1
    }

    fn rules(&self) -> &'static [RuleVersion] {
        &RULES
    }

    fn inputs(&self) -> &'static [Input] {
        &INPUTS
    }

    fn detect(&self, ctx: &DetectCtx, data: &InputData, sink: &mut FindingSink) {
        let mut info: BTreeMap<Key, ListingInfo> = BTreeMap::new();
        for batch in data.batches("listings") {
            let c = Columns::new(batch);
            for row in 0..c.len() {
                let (Some(p), Some(l), Some(m)) = (
                    c.str("platform_id", row),
                    c.str("listing_id", row),
                    c.str("merchant_id", row),
                ) else {
                    continue;
                };
                let candidate = ListingInfo {
                    merchant: m.into(),
                    title: c.str("title", row).unwrap_or("").into(),
                    category: c
                        .str("category", row)
                        .unwrap_or("")
                        .split('/')
                        .next()
                        .unwrap_or("")
                        .into(),
                    class: c.str("product_class", row).unwrap_or("").into(),
                    created: c.time_ns("created_at", row),
                    delisted: c.time_ns("delisted_at", row),
                };
                let entry = info
                    .entry((p.into(), l.into()))
                    .or_insert_with(|| candidate.clone());
                if (candidate.merchant.as_str(), candidate.title.as_str())
                    < (entry.merchant.as_str(), entry.title.as_str())
                {
                    *entry = candidate;
                }
            }
        }
        let mut costs: BTreeMap<Key, Vec<Cost>> = BTreeMap::new();
        for batch in data.batches("costs") {
            let c = Columns::new(batch);
            for row in 0..c.len() {
                let (Some(p), Some(l), Some(fen)) = (
                    c.str("platform_id", row),
                    c.str("listing_id", row),
                    c.i64("unit_cost_fen", row),
                ) else {
                    continue;
                };
                // Dates arrive as Date32; read them through the generic day accessor.
                let Some(from_day) = date_days(&c, "valid_from", row) else {
                    continue;
                };
                costs.entry((p.into(), l.into())).or_default().push(Cost {
                    from_day,
                    to_day: date_days(&c, "valid_to", row),
                    fen,
                    basis: c.str("basis", row).unwrap_or("declared").into(),
                });
            }
        }
        let mut daily: Daily = BTreeMap::new();
        let mut merchant_of: BTreeMap<Key, String> = BTreeMap::new();
        for batch in data.batches("orders") {
            let c = Columns::new(batch);
            for row in 0..c.len() {
                if matches!(c.str("status", row), Some("cancelled" | "refunded")) {
                    continue;
                }
                let (Some(p), Some(l), Some(m), Some(price), Some(at)) = (
                    c.str("platform_id", row),
                    c.str("listing_id", row),
                    c.str("merchant_id", row),
                    c.i64("unit_price_fen", row),
                    c.time_ns("ordered_at", row),
                ) else {
                    continue;
                };
                let key: Key = (p.into(), l.into());
                merchant_of.entry(key.clone()).or_insert_with(|| m.into());
                let day = daily
                    .entry(key)
                    .or_default()
                    .entry(china_day(at))
                    .or_default();
                day.0.push(price);
                day.1 += c.i64("paid_fen", row).unwrap_or(price);
            }
        }
        // Below-cost days per listing: (day, median price, cost).
        let mut below: BTreeMap<Key, Vec<(i64, i64, Cost)>> = BTreeMap::new();
        for (key, days) in &mut daily {
            let Some(list) = costs.get(key) else { continue };
            for (day, (prices, _)) in days.iter_mut() {
                let Some(cost) = cost_on(list, *day) else {
                    continue;
                };
                let med = median(prices);
                if med < cost.fen {
                    below
                        .entry(key.clone())
                        .or_default()
                        .push((*day, med, cost.clone()));
                }
            }
        }
        if let Some(rule) = ctx.rule_in_force(&RULES, "below_cost.sustained") {
            self.sustained(ctx, rule, &info, &daily, &below, &merchant_of, sink);
        }
        if let Some(rule) = ctx.rule_in_force(&RULES, "below_cost.platform_forced") {
            self.platform_forced(ctx, rule, data, &below, &merchant_of, sink);
        }
    }
}

fn date_days(c: &Columns<'_>, name: &str, row: usize) -> Option<i64> {
    c.date_days(name, row).map(i64::from)
}

impl BelowCost {
    #[allow(clippy::too_many_arguments)]
    fn sustained(
        &self,
        ctx: &DetectCtx,
        rule: &'static RuleVersion,
        info: &BTreeMap<Key, ListingInfo>,
        daily: &Daily,
        below: &BTreeMap<Key, Vec<(i64, i64, Cost)>>,
        merchant_of: &BTreeMap<Key, String>,
        sink: &mut FindingSink,
    ) {
        let min_days = ctx.param(rule, "min_days") as usize;
        let window = ctx.param(rule, "window_days") as i64;
        let launch_days = ctx.param(rule, "launch_days") as i64;
        for (key, days) in below {
            // The densest window: the most below-cost days within `window` consecutive days.
            let mut best: Option<(usize, usize)> = None;
            for start in 0..days.len() {
                let end = days
                    .iter()
                    .rposition(|d| d.0 < days[start].0 + window)
                    .map_or(start, |e| e + 1);
                if best.is_none_or(|(s, e)| end - start > e - s) {
                    best = Some((start, end));
                }
            }
            let Some((start, end)) = best else { continue };
            let run = &days[start..end];
            if run.len() < min_days {
                continue;
            }
            let (first, last) = (run[0].0, run[run.len() - 1].0);
            let listing = info.get(key).cloned().unwrap_or_default();
            let merchant = if listing.merchant.is_empty() {
                merchant_of.get(key).cloned().unwrap_or_default()
            } else {
                listing.merchant.clone()
            };
            // Market: GMV by (platform, merchant) in the same category over the run's window.
            let mut category_gmv: BTreeMap<Key, i64> = BTreeMap::new();
            let mut platform_gmv: BTreeMap<String, i64> = BTreeMap::new();
            for (k, per_day) in daily {
                let cat = info.get(k).map_or("", |i| i.category.as_str());
                if cat != listing.category {
                    continue;
                }
                let m = info
                    .get(k)
                    .map(|i| i.merchant.clone())
                    .filter(|m| !m.is_empty())
                    .or_else(|| merchant_of.get(k).cloned())
                    .unwrap_or_default();
                for (_, (_, gmv)) in per_day.range(first - window..=last) {
                    *category_gmv.entry((k.0.clone(), m.clone())).or_default() += gmv;
                    *platform_gmv.entry(k.0.clone()).or_default() += gmv;
                }
            }
            let seller = (key.0.clone(), merchant.clone());
            let mut context = market(&category_gmv, &seller);
            let platform_total: i64 = platform_gmv.values().sum();
            if let Some(obj) = context.as_object_mut() {
                obj.insert("category".into(), json!(listing.category));
                obj.insert(
                    "platform_share".into(),
                    json!(
                        (platform_gmv.get(&key.0).copied().unwrap_or(0) as f64
                            / platform_total.max(1) as f64
                            * 1e4)
                            .round()
                            / 1e4
                    ),
                );
            }
            let mut justifications = Vec::new();
            if listing
                .created
                .is_some_and(|c| china_day(c) + launch_days >= first)
            {
                justifications.push(format!(
                    "新商品上市：{} 上架，{} 天内开始低价",
                    listing.created.map(china_time).unwrap_or_default(),
                    launch_days
                ));
            }
            // 价格法 第十四条第二项 itself excepts lawful price cuts on fresh, seasonal and
            // overstocked goods: fresh goods, and goods cleared (delisted within 7 days of the last
            // below-cost day), are not a finding at all.
            if listing.class == "fresh"
                || listing.delisted.is_some_and(|d| china_day(d) <= last + 7)
            {
                continue;
            }
            let presumption = context["dominance_presumption"].is_string();
            let audited = run.iter().all(|d| d.2.basis == "audited");
            let severity = match (presumption, justifications.is_empty()) {
                (true, true) => Severity::High,
                (true, false) | (false, true) => Severity::Medium,
                (false, false) => Severity::Low,
            };
            let worst = run
                .iter()
                .map(|d| (d.2.fen - d.1) as f64 / d.2.fen.max(1) as f64)
                .fold(0.0, f64::max);
            let name = crate::common::listing_name(&key.1, &listing.title);
            let related = if merchant.is_empty() {
                vec![]
            } else {
                vec![Ref::merchant(&key.0, &merchant)]
            };
            sink.push(Draft {
                rule,
                severity,
                score: (run.len() as f64 / window as f64).min(1.0) * 0.5 + worst.min(1.0) * 0.5,
                subject: Ref::listing(&key.0, &key.1),
                related,
                window: Some(Window { from: china_time(china_day_start(first)), to: china_time(china_day_start(last + 1)) }),
                summary: format!(
                    "{}在 {} 至 {} 的 {} 天中有 {} 天成交价中位数低于{}成本（最低 {} 元，成本 {} 元）{}{}。",
                    name,
                    format_date(first),
                    format_date(last),
                    last - first + 1,
                    run.len(),
                    if audited { "经核实的" } else { "申报的" },
                    yuan(run.iter().map(|d| d.1).min().unwrap_or(0)),
                    yuan(run[0].2.fen),
                    if presumption { "；经营者市场份额达到反垄断法第二十四条推定标准" } else { "" },
                    if justifications.is_empty() { String::new() } else { format!("；可能的正当理由：{}", justifications.join("；")) }
                ),
                evidence: json!({
                    "days_below_cost": run.len(),
                    "window_days": window,
                    "min_days": min_days,
                    "days": run.iter().map(|d| json!({"date": format_date(d.0), "median_price_fen": d.1, "unit_cost_fen": d.2.fen, "cost_basis": d.2.basis})).collect::<Vec<_>>(),
                    "max_shortfall_ratio": (worst * 1e4).round() / 1e4,
                    "market": context,
                    "justifications": justifications,
                    "note": "市场支配地位须由办案人员依反垄断法第二十三条认定；份额数据仅为线索",
                }),
            });
        }
    }

    fn platform_forced(
        &self,
        ctx: &DetectCtx,
        rule: &'static RuleVersion,
        data: &InputData,
        below: &BTreeMap<Key, Vec<(i64, i64, Cost)>>,
        merchant_of: &BTreeMap<Key, String>,
        sink: &mut FindingSink,
    ) {
        let min_merchants = ctx.param(rule, "min_merchants") as usize;
        let min_share = ctx.param(rule, "min_share");
        let mut participants: BTreeMap<Key, BTreeSet<String>> = BTreeMap::new();
        for batch in data.batches("campaign_participants") {
            let c = Columns::new(batch);
            for row in 0..c.len() {
                if let (Some(p), Some(id), Some(m)) = (
                    c.str("platform_id", row),
                    c.str("campaign_id", row),
                    c.str("merchant_id", row),
                ) {
                    participants
                        .entry((p.into(), id.into()))
                        .or_default()
                        .insert(m.into());
                }
            }
        }
        // Merchants with cost data, and their below-cost days.
        let mut merchant_days: BTreeMap<(String, String), BTreeSet<i64>> = BTreeMap::new();
        let mut with_costs: BTreeSet<(String, String)> = BTreeSet::new();
        for (key, merchant) in merchant_of {
            with_costs.insert((key.0.clone(), merchant.clone()));
            if let Some(days) = below.get(key) {
                merchant_days
                    .entry((key.0.clone(), merchant.clone()))
                    .or_default()
                    .extend(days.iter().map(|d| d.0));
            }
        }
        let mut campaigns = Vec::new();
        for batch in data.batches("campaigns") {
            let c = Columns::new(batch);
            for row in 0..c.len() {
                if let (Some(p), Some(id), Some(s), Some(e)) = (
                    c.str("platform_id", row),
                    c.str("campaign_id", row),
                    c.time_ns("starts_at", row),
                    c.time_ns("ends_at", row),
                ) {
                    campaigns.push((
                        p.to_string(),
                        id.to_string(),
                        c.str("name", row).unwrap_or("").to_string(),
                        s,
                        e,
                    ));
                }
            }
        }
        campaigns.sort();
        campaigns.dedup();
        for (platform, id, name, starts, ends) in campaigns {
            let (s, e) = (china_day(starts), china_day(ends));
            let length = e - s + 1;
            let Some(members) = participants.get(&(platform.clone(), id.clone())) else {
                continue;
            };
            let eligible: Vec<&String> = members
                .iter()
                .filter(|m| with_costs.contains(&(platform.clone(), (*m).clone())))
                .collect();
            let mut newly: Vec<&String> = Vec::new();
            for m in &eligible {
                let days = merchant_days.get(&(platform.clone(), (*m).clone()));
                let during = days.is_some_and(|d| d.range(s..=e).next().is_some());
                let before = days.is_some_and(|d| d.range(s - length..s).next().is_some());
                if during && !before {
                    newly.push(m);
                }
            }
            if eligible.is_empty()
                || newly.len() < min_merchants
                || (newly.len() as f64) < min_share * eligible.len() as f64
            {
                continue;
            }
            let share = newly.len() as f64 / eligible.len() as f64;
            let mut related = vec![Ref {
                kind: RefKind::Campaign,
                id: id.clone(),
                platform_id: Some(platform.clone()),
                uscc: None,
            }];
            related.extend(newly.iter().map(|m| Ref::merchant(&platform, m)));
            sink.push(Draft {
                rule,
                severity: if share >= 0.5 { Severity::High } else { Severity::Medium },
                score: share,
                subject: Ref::platform(&platform),
                related,
                window: Some(Window { from: china_time(starts), to: china_time(ends) }),
                summary: format!(
                    "平台 {platform} 的活动「{name}」期间，{} 家参与经营者（占有成本数据的参与者 {:.0}%）开始低于成本销售，活动前同等时长内并无此情形，疑似平台强制或变相强制按其定价规则低于成本销售。",
                    newly.len(),
                    share * 100.0
                ),
                evidence: json!({
                    "campaign_id": id,
                    "campaign_name": name,
                    "starts_at": china_time(starts),
                    "ends_at": china_time(ends),
                    "participants_with_costs": eligible.len(),
                    "newly_below_cost": newly,
                    "share": (share * 1e4).round() / 1e4,
                    "comparison_period_days": length,
                    "min_merchants": min_merchants,
                    "min_share": min_share,
                }),
            });
        }
    }
}
