//! Planted "二选一" (exclusive dealing, 电子商务法 第三十五条; 平台经济反垄断指南 第十五条): a platform
//! demotes and throttles the merchants who also sell on a rival, and most of them close their shop
//! on the rival within days. The hard negative: another platform sanctions dual-homed merchants
//! for food-safety reasons, and exits from the rival stay at their base rate.

use serde_json::json;

use crate::city::{City, DISTRICTS, ROADS, date, uscc};
use crate::rng::Rng;
use crate::truth::Label;

/// (platform, rival, operators, of which sanctioned, of those who exit, exits among the rest,
/// action, reason given, label, why)
type Scenario = (
    &'static str,
    &'static str,
    usize,
    usize,
    usize,
    usize,
    &'static [&'static str],
    &'static str,
    Label,
    &'static str,
);

/// Platforms added for the scenarios (id, name).
const EXTRA_PLATFORMS: &[(&str, &str)] = &[
    ("pinjie", "拼街社区团购平台"),
    ("lvxing", "旅行预订平台"),
    ("duogou", "多购折扣平台"),
    ("haoyao", "好药健康平台"),
];

const SCENARIOS: &[Scenario] = &[
    (
        "huishang",
        "kanbo",
        40,
        20,
        14,
        1,
        &["search_demotion", "traffic_limit"],
        "经营者同时在其他平台参加同类促销活动，依据平台独家合作规则调整搜索权重",
        Label::Positive,
        "对同时在看播经营的商家降权限流后，多数商家在两周内关闭看播店铺",
    ),
    (
        "xiansong",
        "kanbo",
        30,
        15,
        1,
        1,
        &["shop_block", "deposit_deduction"],
        "抽检发现食品标签不合格，依据平台食品安全管理规则暂停店铺并扣除保证金",
        Label::Negative,
        "因食品安全问题处罚双平台商家，随后退出看播的比例与基准相同",
    ),
    (
        "pinjie",
        "kanbo",
        30,
        14,
        11,
        1,
        &["deposit_deduction", "shop_block"],
        "商家参加其他平台同类活动，违反平台独家供货承诺，扣除保证金并屏蔽店铺",
        Label::Positive,
        "扣保证金、屏蔽店铺后，多数商家在十天内关闭看播店铺",
    ),
    (
        "lvxing",
        "kanbo",
        24,
        12,
        9,
        0,
        &["fee_increase", "traffic_limit"],
        "未签署独家合作协议的商家上调技术服务费率并限制流量",
        Label::Positive,
        "对未签独家协议的商家提高收费并限流，九家随即退出看播",
    ),
    (
        "duogou",
        "kanbo",
        30,
        15,
        1,
        1,
        &["search_demotion"],
        "经营者存在刷单行为，依据平台规则降低搜索权重",
        Label::Negative,
        "因刷单降权，之后退出看播的比例与未受处罚者相同",
    ),
    (
        "haoyao",
        "kanbo",
        20,
        10,
        0,
        1,
        &["listing_removal", "shop_block"],
        "销售未取得批准文号的药品，下架商品并暂停店铺",
        Label::Negative,
        "因违法销售药品处罚，无人随后退出看播",
    ),
];

/// Plants the scenarios.
pub fn plant(city: &mut City, root: &Rng, days: i64) {
    let mut rng = root.fork("plant-exits");
    for (id, name) in EXTRA_PLATFORMS {
        let adcode = rng.pick(DISTRICTS).0;
        city.add(
            id,
            "platforms",
            json!({
                "platform_id": id, "name": name, "operator_uscc": uscc(&mut rng, adcode, true),
                "categories": ["sales"], "annual_active_users": rng.range(1_000_000, 50_000_000),
                "market_value_cny": null, "domicile_adcode": adcode,
            }),
        );
    }
    for (
        s,
        &(platform, rival, operators, sanctioned, exiting, base_exits, actions, reason, label, why),
    ) in SCENARIOS.iter().enumerate()
    {
        for k in 0..operators {
            let (adcode, district) = *rng.pick(DISTRICTS);
            let code = uscc(&mut rng, adcode, true);
            let name = format!("杭州二选{s}{k}商贸有限公司");
            let address = format!("杭州市{district}{}{}号", rng.pick(ROADS), rng.range(1, 999));
            city.add("registry", "registry", json!({
                "uscc": code, "name": name, "entity_type": "company", "legal_rep_pid": rng.hex64(), "address": address,
                "adcode": adcode, "established_on": date(-1500), "status": "active", "business_scope": "日用百货销售",
                "registered_capital_fen": 100_000_000, "annual_report_filed": true,
            }));
            let treated = k < sanctioned;
            let measure_day = rng.range(days / 3, days / 3 + 6);
            // Exit day from the rival, if any.
            let exit = if treated && k < exiting {
                Some(measure_day + rng.range(2, 10))
            } else if !treated && k - sanctioned < base_exits {
                Some(rng.range(5, days - 5))
            } else {
                None
            };
            for (p, closes) in [(platform, None), (rival, exit)] {
                let merchant = format!("{p}-dual{s}-{k}");
                city.add(p, "merchants", json!({
                    "platform_id": p, "merchant_id": merchant, "merchant_type": "company", "uscc": code, "holder_pid": null,
                    "name": name, "shop_name": format!("二选{s}{k}店"), "address": address, "adcode": adcode,
                    "contact_pid": rng.hex64(), "license_displayed": true, "opened_on": date(-600), "closed_on": closes.map(date),
                    "annual_turnover_fen": 80_000_000,
                }));
                for day in 0..days {
                    let closed = closes.is_some_and(|c| day >= c);
                    if closes.is_some_and(|c| day > c + 3) {
                        break; // a closed shop stops being reported after a few days
                    }
                    let orders = if closed { 0 } else { rng.range(0, 12) };
                    city.add(p, "merchant_daily", json!({
                        "platform_id": p, "merchant_id": merchant, "uscc": code, "date": date(day),
                        "status": if closed { "closed" } else { "open" }, "active_listings": if closed { 0 } else { 5 },
                        "orders": orders, "gmv_fen": orders * 4_900,
                    }));
                }
                if p == platform && treated {
                    city.add(p, "merchant_sanctions", json!({
                        "platform_id": p, "merchant_id": merchant, "at": crate::city::at(measure_day, 36_000),
                        "action": actions[k % actions.len()], "reason_text": reason,
                    }));
                }
            }
        }
        city.truth.add_platform(
            "exclusive_dealing",
            "exclusive_dealing.forced_exit",
            platform,
            label,
            why,
        );
    }
}
