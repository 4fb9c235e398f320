//! Planted professional claimants (职业索赔, 牟利性投诉举报) and the lawful complainants a careless
//! triage rule would confuse with them.
//!
//! A claimant buys the same food item again and again in quantity, then files many complaints
//! against many shops from one template about labels and dates, demanding ten-fold compensation.
//! Negatives: an unlucky consumer with many genuine complaints in one month (varied texts,
//! refunds), and a consumer pursuing one dispute with one shop through repeated follow-ups.

use serde_json::json;

use crate::city::{City, DISTRICTS, at, order, plant_listing};
use crate::rng::Rng;
use crate::truth::Label;

const TEMPLATES: &[&str] = &[
    "本人于近日在贵店购买的{item}外包装无中文标签，违反食品安全法相关规定，要求退一赔十。",
    "本人在该店购买{item}，标签未标注生产日期和保质期，属于不符合食品安全标准的食品，要求十倍赔偿。",
];
const ITEMS: &[&str] = &["进口饼干", "坚果礼盒", "蜂蜜", "咖啡豆", "橄榄油"];
const GENUINE: &[&str] = &[
    "买的电水壶用了三天就漏水，商家不给换，请求协调。",
    "外卖送到时饭菜洒了一半，商家拒绝退款。",
    "预付的健身卡门店突然关门，联系不上老板。",
    "网购的羽绒服含绒量和页面写的不一样，要求退货。",
    "快递显示已签收但我没有收到，商家说不归他们管。",
    "充话费多扣了钱，客服一直推脱。",
    "买的手机壳颜色发错了，申请换货一直没处理。",
];

/// Plants the claimants and the negatives.
pub fn plant(city: &mut City, root: &Rng, days: i64, order_no: &mut u64) {
    let mut rng = root.fork("plant-complainants");
    let merchants: Vec<String> = (0..40).map(|k| format!("huishang-m{k}")).collect();
    let claimants = if days >= 60 { 4 } else { 2 };
    for k in 0..claimants {
        let person = rng.hex64();
        let item = ITEMS[k % ITEMS.len()];
        // The purchases: one listing, several orders of ten.
        let l = plant_listing(
            city,
            &mut rng,
            "huishang",
            &format!("claim{k}"),
            3_900,
            "food",
            -300,
        );
        for n in 0..rng.range(3, 6) {
            *order_no += 1;
            let row = order(
                &l,
                *order_no,
                2 + n * 3,
                40_000,
                l.price,
                10,
                &person,
                "completed",
                &mut rng,
            );
            city.add("huishang", "orders", row);
        }
        let complaints = rng.range(15, 30);
        for n in 0..complaints {
            let day = (days - 1) * n / complaints;
            let merchant = &merchants[rng.below(merchants.len() as u64) as usize];
            let text =
                TEMPLATES[rng.below(TEMPLATES.len() as u64) as usize].replace("{item}", item);
            city.add("12315", "complaints", json!({
                "complaint_id": format!("sc{k}-{n}"), "channel": *rng.pick(&["12315_web", "12315_app"]), "received_at": at(day, rng.range(30_000, 70_000)),
                "complainant_pid": person, "kind": if rng.chance(0.3) { "report" } else { "complaint" }, "platform_id": "huishang", "merchant_id": merchant,
                "respondent_uscc": null, "respondent_name": format!("{} 某网店", rng.pick(DISTRICTS).1), "order_id": null, "text": text,
                "amount_fen": rng.range(3_900, 39_000), "demand": if rng.chance(0.85) { "punitive_compensation" } else { "compensation" }, "real_name": true,
            }));
        }
        city.truth.add_person(
            "serial_complainant",
            "serial_complainant.profit_seeking",
            &person,
            Label::Positive,
            &format!("同一模板投诉 {complaints} 件、要求十倍赔偿，并反复大量购买同一食品"),
        );
    }
    // An unlucky month: seven genuine complaints against different shops, all asking for refunds.
    let unlucky = rng.hex64();
    for n in 0..7 {
        city.add("12315", "complaints", json!({
            "complaint_id": format!("unlucky-{n}"), "channel": "12315_app", "received_at": at(days - 10 + n, 50_000),
            "complainant_pid": unlucky, "kind": "complaint", "platform_id": "huishang", "merchant_id": merchants[n as usize * 5],
            "respondent_uscc": null, "respondent_name": "某网店", "order_id": null, "text": GENUINE[n as usize % GENUINE.len()],
            "amount_fen": rng.range(2_000, 80_000), "demand": *rng.pick(&["refund", "exchange", "repair"]), "real_name": true,
        }));
    }
    city.truth.add_person(
        "serial_complainant",
        "serial_complainant.profit_seeking",
        &unlucky,
        Label::Negative,
        "一个月内遭遇多起不同纠纷，诉求为退换修，文本各不相同",
    );
    // A citizen who reports what they see: twenty real-name reports about different shops' food
    // labels, one wording, asking only for an investigation.
    let reporter = rng.hex64();
    for n in 0..20 {
        city.add("12315", "complaints", json!({
            "complaint_id": format!("watch-{n}"), "channel": "12315_web", "received_at": at((days - 1) * n / 20, 45_000),
            "complainant_pid": reporter, "kind": "report", "platform_id": "huishang", "merchant_id": merchants[(n as usize * 7) % merchants.len()],
            "respondent_uscc": null, "respondent_name": "某网店", "order_id": null,
            "text": "该店销售的预包装食品未标注生产日期和生产者信息，请依法查处。",
            "amount_fen": null, "demand": "investigate", "real_name": true,
        }));
    }
    city.truth.add_person(
        "serial_complainant",
        "serial_complainant.profit_seeking",
        &reporter,
        Label::Negative,
        "实名举报多家经营者的标签问题，只要求查处、不索赔：举报不是牟利",
    );
    // One dispute, followed up again and again.
    let persistent = rng.hex64();
    for n in 0..12 {
        city.add("12315", "complaints", json!({
            "complaint_id": format!("followup-{n}"), "channel": "hotline", "received_at": at((days - 1) * n / 12, 36_000),
            "complainant_pid": persistent, "kind": "complaint", "platform_id": "xiansong", "merchant_id": "xiansong-m3",
            "respondent_uscc": null, "respondent_name": "某餐饮店", "order_id": null,
            "text": format!("第{}次反映：预付的储值卡余额商家不认账，要求退还余额。", n + 1),
            "amount_fen": 150_000, "demand": "refund", "real_name": true,
        }));
    }
    city.truth.add_person(
        "serial_complainant",
        "serial_complainant.profit_seeking",
        &persistent,
        Label::Negative,
        "同一纠纷反复催办：件数多、文本相似，但只针对一个经营者且只要求退款",
    );
}
