//! The rest of an honest city: reviews, daily merchant figures, campaigns, memberships, live
//! sessions, costs, trademarks, complaints, documents and penalties, so that every table of the
//! standard is delivered. Nothing here is a violation; planted cases live in `plant.rs`.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::city::{City, DISTRICTS, at};
use crate::rng::Rng;
use crate::write::Batches;

/// Review fragments: what was bought, how it arrived, what the buyer thinks (composed, so that two
/// honest reviews rarely read the same).
const REVIEW_OPENINGS: &[&str] = &[
    "质量不错，",
    "和描述一致，",
    "味道正宗，",
    "第二次买了，",
    "帮家里老人买的，",
    "朋友推荐的，",
    "做工还行，",
    "比超市便宜，",
    "颜色和图片差不多，",
    "尺寸比想象的小一点，",
    "用了一周才来评价，",
    "包装有点简单，",
];
const REVIEW_MIDDLES: &[&str] = &[
    "物流很快，",
    "快递第三天到的，",
    "发货有点慢，",
    "客服回复及时，",
    "盒子有点压扁了，",
    "送货师傅很客气，",
    "",
    "赠品也收到了，",
    "外卖小哥很准时，",
    "说明书写得清楚，",
];
const REVIEW_CLOSINGS: &[&str] = &[
    "会回购。",
    "家里人都喜欢。",
    "总体满意。",
    "性价比高。",
    "一般般吧。",
    "值这个价。",
    "还要再用用看。",
    "希望能耐用。",
    "孩子很喜欢。",
    "推荐给同事了。",
    "下次活动再买。",
];

/// An honest review text.
pub(crate) fn honest_review_text(rng: &mut Rng) -> String {
    format!(
        "{}{}{}",
        rng.pick(REVIEW_OPENINGS),
        rng.pick(REVIEW_MIDDLES),
        rng.pick(REVIEW_CLOSINGS)
    )
}
const COMPLAINT_TEXTS: &[&str] = &[
    "购买的商品与页面描述不符，申请退货被拒绝，请求协调退款。",
    "下单后商家迟迟不发货，联系客服无人回复。",
    "收到的商品有破损，商家只同意部分退款。",
    "会员自动续费未提前告知，要求退还费用。",
];
const TRANSCRIPT: &str = "欢迎来到直播间，今天给大家介绍这款竹编收纳篮，纯手工编织，尺寸三十乘二十厘米，适合放杂物。\
需要的朋友可以点击下方链接下单，七天无理由退货，有问题随时联系客服。";
const AGREEMENT: &str = "第一条 本协议由平台与平台内经营者订立。第二条 经营者应当依法亮照经营，如实发布商品信息。\
第三条 平台修改本协议的，应当在首页显著位置公开征求意见，并提前七日予以公示。第四条 经营者可以自主选择在多个平台开展经营活动。";
const POLICY_DRAFT: &str = "为促进本市平台经济规范健康发展，现就有关事项通知如下：一、支持各类市场主体平等参与平台经济；\
二、依法保护平台内中小经营者合法权益；三、鼓励平台企业公开交易规则，接受社会监督。";

/// Whether a merchant id is one of the honest background's (`<platform>-m<digits>`).
fn is_honest(merchant: &str) -> bool {
    merchant
        .rsplit_once("-m")
        .is_some_and(|(_, n)| n.bytes().all(|b| b.is_ascii_digit()))
}

/// What the background derives from the orders as they are made — no-reason returns, reviews,
/// daily merchant figures — and the few honest rows the rest of the background refers to. Its
/// size grows with merchants × days, never with orders.
pub(crate) struct Derived {
    rng: Rng,
    days: i64,
    review_share: f64,
    /// (platform, merchant) → slot.
    slots: BTreeMap<(String, String), usize>,
    /// Per slot: the merchant's USCC as its merchant row gives it.
    uscc: Vec<Value>,
    /// Per slot and day: orders and GMV.
    daily: Vec<(u32, i64)>,
    /// Honest merchants per platform (`<platform>-m0` …), in order.
    honest_merchants: Vec<(&'static str, usize)>,
    /// The first registry rows (trademark owners and past penalties refer to them).
    registry: Vec<Value>,
    /// Marketplace listings with declared costs.
    costed: Vec<Value>,
}

/// Registry rows kept for trademarks (10) and penalties (3).
const REGISTRY_KEPT: usize = 13;

impl Derived {
    pub(crate) fn new(root: &Rng, days: i64, review_share: f64) -> Derived {
        Derived {
            rng: root.fork("background-orders"),
            days: days.max(0),
            review_share,
            slots: BTreeMap::new(),
            uscc: Vec::new(),
            daily: Vec::new(),
            honest_merchants: Vec::new(),
            registry: Vec::new(),
            costed: Vec::new(),
        }
    }

    /// Records that `platform` has honest merchants `<platform>-m0` … `-m{n-1}`.
    pub(crate) fn honest_merchants(&mut self, platform: &'static str, n: usize) {
        self.honest_merchants.push((platform, n));
    }

    /// The slot of a merchant (registered with `uscc` when new).
    pub(crate) fn merchant(&mut self, platform: &str, merchant: &str, uscc: Value) -> usize {
        let key = (platform.to_string(), merchant.to_string());
        if let Some(&slot) = self.slots.get(&key) {
            return slot;
        }
        let slot = self.uscc.len();
        self.slots.insert(key, slot);
        self.uscc.push(uscc);
        self.daily
            .resize(self.daily.len() + self.days as usize, (0, 0));
        slot
    }

    /// Keeps the first honest registry rows.
    pub(crate) fn honest_registry(&mut self, row: &Value) {
        if self.registry.len() < REGISTRY_KEPT {
            self.registry.push(row.clone());
        }
    }

    /// Keeps the honest listings that get a declared cost.
    pub(crate) fn honest_listing(&mut self, platform: &str, row: &Value) {
        if has_declared_cost(platform, row) {
            self.costed.push(row.clone());
        }
    }

    /// Derives from one order of merchant `slot` made on `day`: an honest merchant takes back 5 %
    /// of completed orders with no reason given (the order is changed to show the return), a
    /// share of the completed orders that stay are reviewed (the review is returned), and the
    /// order counts towards the merchant's daily figures.
    pub(crate) fn order(
        &mut self,
        slot: usize,
        day: i64,
        honest: bool,
        o: &mut Value,
    ) -> Option<Value> {
        if honest
            && o["status"] == "completed"
            && self.rng.chance(0.05)
            && let Some(fields) = o.as_object_mut()
        {
            fields.insert("signed_at".into(), json!(at(day + 1, 60_000)));
            fields.insert("return_requested_at".into(), json!(at(day + 3, 36_000)));
            fields.insert("return_reason".into(), json!("no_reason"));
            fields.insert("return_outcome".into(), json!("approved"));
            fields.insert("refunded_at".into(), json!(at(day + 4, 36_000)));
            fields.insert("status".into(), json!("refunded"));
        }
        if (0..self.days).contains(&day)
            && let Some(cell) = self.daily.get_mut(slot * self.days as usize + day as usize)
        {
            cell.0 += 1;
            cell.1 += o["paid_fen"].as_i64().unwrap_or(0);
        }
        if !(honest && o["status"] == "completed" && self.rng.chance(self.review_share)) {
            return None;
        }
        let text = if self.rng.chance(0.1) {
            crate::rings::DEFAULT_REVIEW.to_string()
        } else {
            honest_review_text(&mut self.rng)
        };
        let rng = &mut self.rng;
        Some(json!({
            "platform_id": o["platform_id"], "review_id": format!("r-{}", o["order_id"].as_str().unwrap_or("")),
            "order_id": o["order_id"], "listing_id": o["listing_id"], "merchant_id": o["merchant_id"],
            "reviewer_pid": o["buyer_pid"], "rating": if rng.chance(0.85) { rng.range(4, 5) } else { rng.range(1, 3) },
            "text": text, "has_media": rng.chance(0.2), "created_at": at(day + rng.range(2, 6), rng.range(0, 86_399)),
        }))
    }

    /// The planted orders get what honest ones get (the camouflage orders of brushing rings at
    /// best sellers are reviewed and returned like any other), and count in the daily figures.
    fn planted_orders(&mut self, city: &mut City) {
        let mut reviews: Vec<(String, Value)> = Vec::new();
        for (supplier, tables) in city.tables.iter_mut() {
            let Some(orders) = tables.get_mut("orders") else {
                continue;
            };
            for o in orders.iter_mut() {
                let (Some(p), Some(m), Some(t)) = (
                    o["platform_id"].as_str(),
                    o["merchant_id"].as_str(),
                    o["ordered_at"].as_str(),
                ) else {
                    continue;
                };
                let day = day_of(t);
                let honest = is_honest(m);
                let slot = self.merchant(p, m, Value::Null);
                if let Some(review) = self.order(slot, day, honest, o) {
                    reviews.push((supplier.clone(), review));
                }
            }
        }
        for (supplier, review) in reviews {
            city.add(&supplier, "reviews", review);
        }
        // Planted merchants' codes, as their merchant rows give them.
        for tables in city.tables.values() {
            for m in tables.get("merchants").into_iter().flatten() {
                if let (Some(p), Some(id)) = (m["platform_id"].as_str(), m["merchant_id"].as_str())
                    && let Some(&slot) = self.slots.get(&(p.to_string(), id.to_string()))
                    && let Some(code) = self.uscc.get_mut(slot)
                {
                    *code = m["uscc"].clone();
                }
            }
        }
    }

    /// Writes the daily figures of every merchant with orders, by platform, merchant and day.
    pub(crate) fn write_daily(&self, out: &mut Batches) -> std::io::Result<()> {
        let days = self.days as usize;
        for ((p, m), &slot) in &self.slots {
            for day in 0..days {
                let Some(&(n, gmv)) = self.daily.get(slot * days + day) else {
                    continue;
                };
                if n == 0 {
                    continue;
                }
                out.put(p, "merchant_daily", json!({
                    "platform_id": p, "merchant_id": m, "uscc": self.uscc.get(slot).cloned().unwrap_or(Value::Null),
                    "date": &at(day as i64, 43_200)[..10], "status": "open", "active_listings": 1 + (n % 5), "orders": n, "gmv_fen": gmv,
                }))?;
            }
        }
        Ok(())
    }
}

/// Whether a listing gets a declared cost (some of the marketplace's).
fn has_declared_cost(platform: &str, l: &Value) -> bool {
    platform == "huishang"
        && l["listing_id"]
            .as_str()
            .is_some_and(|id| id.contains("-m1-"))
}

/// Adds the honest background of every remaining table, and what the planted orders derive.
pub fn add(city: &mut City, derived: &mut Derived, root: &Rng, days: i64) {
    let mut rng = root.fork("background");
    derived.planted_orders(city);
    for (platform, _, _) in crate::city::PLATFORMS {
        // The 双十一 campaign, with lawful terms, and a third of the merchants joining.
        let campaign = format!("{platform}-1111");
        city.add(platform, "campaigns", json!({
            "platform_id": platform, "campaign_id": campaign, "name": "双十一购物节",
            "starts_at": at(24, 0), "ends_at": at(28, 0),
            "terms_text": "参加活动的商品须在活动期间按报名价格销售；报名自愿，经营者可随时退出；不得虚构原价。",
        }));
        let honest = derived
            .honest_merchants
            .iter()
            .filter(|(p, _)| p == platform)
            .flat_map(|&(p, n)| (0..n).map(move |k| format!("{p}-m{k}")));
        let planted: Vec<String> = city
            .tables
            .get(*platform)
            .and_then(|t| t.get("merchants"))
            .map(|rows| {
                rows.iter()
                    .filter_map(|m| m["merchant_id"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        // The fourth to twelfth held-out sets' shops stay out of this draw, so planting them
        // leaves every other row of the city as it was.
        let planted = planted.into_iter().filter(|m| {
            ![
                "-h4-", "-h5-", "-h6-", "-h7-", "-h8-", "-h9-", "-h10-", "-h11-", "-h12-",
            ]
            .iter()
            .any(|tag| m.contains(tag))
        });
        let merchants: Vec<String> = honest.chain(planted).collect();
        for m in merchants.iter().filter(|_| rng.chance(0.33)) {
            city.add(platform, "campaign_participants", json!({"platform_id": platform, "campaign_id": campaign, "merchant_id": m, "joined_at": at(20, 36_000)}));
        }
        if let Some(m) = merchants.first() {
            city.add(platform, "merchant_sanctions", json!({"platform_id": platform, "merchant_id": m, "at": at(10, 50_000), "action": "warning", "reason_text": "商品主图与实物不符，提醒整改"}));
        }
        // A membership scheme: two levels, rewards on sales only (lawful distribution).
        let root_member = rng.hex64();
        city.add(platform, "referrals", json!({"platform_id": platform, "scheme_id": format!("{platform}-vip"), "member_pid": root_member, "referrer_pid": null, "joined_at": at(1, 0), "entry_fee_fen": 0, "recruitment_rewards_fen": 0, "sales_rewards_fen": 12_000}));
        for k in 0..5 {
            city.add(platform, "referrals", json!({"platform_id": platform, "scheme_id": format!("{platform}-vip"), "member_pid": rng.hex64(), "referrer_pid": root_member, "joined_at": at(2 + k, 0), "entry_fee_fen": 0, "recruitment_rewards_fen": 0, "sales_rewards_fen": rng.range(0, 5_000)}));
        }
        city.add(platform, "documents", json!({"doc_id": format!("{platform}-agreement-2026"), "kind": "platform_agreement", "issuer": platform, "title": "平台服务协议（2026 年版）", "text": AGREEMENT, "submitted_at": at(0, 36_000)}));
    }
    // Live sessions on the social platform.
    for s in 0..5 {
        city.add("kanbo", "live_sessions", json!({
            "platform_id": "kanbo", "session_id": format!("live-{s}"), "room_id": format!("room-{}", s % 2), "host_pid": rng.hex64(),
            "mcn_uscc": null, "merchant_id": "kanbo-m0", "started_at": at(5 + s, 72_000), "ended_at": at(5 + s, 79_200),
            "peak_viewers": rng.range(100, 50_000), "gmv_fen": rng.range(100_000, 10_000_000), "transcript": TRANSCRIPT,
        }));
    }
    // Costs well under the selling price for some marketplace listings.
    let planted_listings: Vec<Value> = city
        .tables
        .get("huishang")
        .and_then(|t| t.get("listings"))
        .map(|rows| {
            rows.iter()
                .filter(|l| has_declared_cost("huishang", l))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let costed: Vec<Value> = derived
        .costed
        .iter()
        .cloned()
        .chain(planted_listings)
        .collect();
    for l in &costed {
        let price = l["list_price_fen"].as_i64().unwrap_or(0);
        city.add("huishang", "costs", json!({"platform_id": "huishang", "listing_id": l["listing_id"], "valid_from": &at(-100, 0)[..10], "valid_to": null, "unit_cost_fen": price * 6 / 10, "basis": "declared"}));
    }
    // Trademarks of the city's brands, owned by the registry's companies.
    let planted_registry = city
        .tables
        .get("registry")
        .and_then(|t| t.get("registry"))
        .into_iter()
        .flatten()
        .take(REGISTRY_KEPT)
        .cloned();
    let registry: Vec<Value> = derived
        .registry
        .iter()
        .cloned()
        .chain(planted_registry)
        .take(REGISTRY_KEPT)
        .collect();
    for (k, r) in registry.iter().take(10).enumerate() {
        city.add("ip_office", "trademarks", json!({"reg_no": format!("{}", 30_000_000 + k), "mark": format!("好物{k}"), "owner_uscc": r["uscc"], "owner_name": r["name"], "nice_classes": [29, 30, 35], "valid_to": "2033-12-31"}));
        city.add("ip_office", "trademark_licenses", json!({"reg_no": format!("{}", 30_000_000 + k), "licensee_uscc": r["uscc"], "valid_to": null}));
    }
    // Consumer complaints to 12315.
    for c in 0..(days / 2) {
        let district = rng.pick(DISTRICTS).0;
        city.add("12315", "complaints", json!({
            "complaint_id": format!("c{c}"), "channel": *rng.pick(&["12315_web", "12315_app", "hotline"]), "received_at": at(c * 2, 40_000),
            "complainant_pid": rng.hex64(), "kind": "complaint", "platform_id": "huishang", "merchant_id": format!("huishang-m{}", c % 20),
            "respondent_uscc": null, "respondent_name": format!("{district} 某网店"), "order_id": null, "text": rng.pick(COMPLAINT_TEXTS),
            "amount_fen": rng.range(1_000, 100_000), "demand": *rng.pick(&["refund", "exchange", "compensation"]), "real_name": rng.chance(0.5),
        }));
    }
    // The regulator's own imports: a policy draft for fair-competition review and past penalties.
    city.add("regulator", "documents", json!({"doc_id": "draft-2026-01", "kind": "policy_draft", "issuer": "杭州市市场监督管理局", "title": "关于促进平台经济规范健康发展的若干措施（征求意见稿）", "text": POLICY_DRAFT, "submitted_at": at(3, 36_000)}));
    for (k, r) in registry.iter().skip(10).take(3).enumerate() {
        city.add("regulator", "penalties", json!({"penalty_id": format!("hz-2025-{k}"), "uscc": r["uscc"], "decided_on": "2025-06-30", "authority": "杭州市市场监督管理局", "legal_basis": "明码标价和禁止价格欺诈规定 第十九条", "fine_fen": 5_000_000, "confiscated_fen": 0, "kind": "fine"}));
    }
}

/// The simulation day of an RFC 3339 China-time string written by `at`.
pub(crate) fn day_of(text: &str) -> i64 {
    let days = tianping_domain::value::parse_date(text.get(..10).unwrap_or(""))
        .map(i64::from)
        .unwrap_or(0);
    days - i64::from(tianping_domain::value::days_from_civil(2026, 10, 15).unwrap_or(0))
}
