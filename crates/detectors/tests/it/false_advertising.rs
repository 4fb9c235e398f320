use serde_json::{Value, json};
use tianping_detect::{Finding, RefKind, Severity};
use tianping_detectors::false_advertising::FalseAdvertising;

use crate::support::*;

const AS_OF: &str = "2026-06-01T00:00:00+08:00";
const USCC: &str = "91330106MA2AAAAA1X";

fn listing(id: &str, title: &str, desc: Option<&str>, class: &str) -> Value {
    json!({"platform_id": "p", "listing_id": id, "merchant_id": "m", "title": title, "description": desc,
           "product_class": class, "brand": null, "trademark_reg_no": null, "ad_approval_no": null, "list_price_fen": 1000})
}

fn run_with(listings: Vec<Value>, extra: Vec<(&'static str, Vec<Value>)>) -> Vec<Finding> {
    let mut tables = vec![
        ("listings", listings),
        (
            "merchants",
            vec![
                json!({"platform_id": "p", "merchant_id": "m", "uscc": USCC, "name": "杭州某公司", "shop_name": "某店"}),
            ],
        ),
    ];
    tables.extend(extra);
    run(&FalseAdvertising, AS_OF, &data(&tables, 2))
}

fn rules(f: &[Finding]) -> Vec<&str> {
    f.iter().map(|f| f.rule.as_str()).collect()
}

fn one(title: &str, desc: Option<&str>, class: &str) -> Vec<Finding> {
    run_with(vec![listing("l", title, desc, class)], vec![])
}

#[test]
fn absolute_terms_in_titles_and_disguised_terms_are_findings() {
    let f = one("全网最低价 竹编收纳篮", None, "general");
    assert_eq!(rules(&f), ["false_advertising.absolute_terms"]);
    assert!(f[0].summary.contains("全网最低价"), "{}", f[0].summary);
    assert_eq!(f[0].evidence["violations"][0]["term"], "全网最低价");
    let f = one("竹纤维毛巾", Some("送礼的最 佳选择。"), "general");
    assert_eq!(rules(&f), ["false_advertising.absolute_terms"]);
    assert_eq!(f[0].evidence["violations"][0]["written"], "最 佳");
}

#[test]
fn a_registered_trademark_containing_the_term_is_exempt_an_unregistered_brand_is_not() {
    let mut l = listing("l", "第一坊 桂花糕", None, "food");
    l["brand"] = json!("第一坊");
    let mark = json!({"reg_no": "41000001", "mark": "第一坊", "owner_uscc": USCC, "owner_name": "杭州某公司", "valid_to": "2034-01-01"});
    assert!(run_with(vec![l.clone()], vec![("trademarks", vec![mark])]).is_empty());
    let f = run_with(vec![l], vec![]);
    assert_eq!(
        rules(&f),
        ["false_advertising.absolute_terms"],
        "the brand is not registered"
    );
}

#[test]
fn guideline_exemptions_are_not_findings() {
    for (title, desc) in [
        ("明前龙井 250g", Some("最佳赏味期十八个月。")),
        (
            "特级 西湖龙井",
            Some("质量等级：特级，执行标准GB/T 18650。"),
        ),
        ("本店最新款 蚕丝围巾", None),
        ("竹编果盘", Some("第一次买就喜欢上了。")),
        ("电子标签 保证数据的唯一性", None),
        ("山核桃", Some("据2025年天猫坚果榜单，本品销量第一。")),
    ] {
        assert!(one(title, desc, "food").is_empty(), "{title} {desc:?}");
    }
    // Version 9: next to goods whose national standard defines the grade, "特级" is that grade
    // even without the standard cited (执法指南第 3 项: a grade term taken from a standard; GB/T 18650
    // grades 龙井茶 特级 to 五级); next to goods no standard grades so, it is a finding.
    assert!(one("特级 西湖龙井", None, "food").is_empty());
    assert_eq!(
        rules(&one("特级 桂花糕", None, "food")),
        ["false_advertising.absolute_terms"]
    );
}

#[test]
fn strict_classes_lose_the_exemptions_for_efficacy() {
    assert!(one("本店效果最好的鱼油", None, "food").is_empty());
    let f = one(
        "本店效果最好的鱼油",
        Some("每日两粒。本品不能代替药物。"),
        "health_food",
    );
    assert!(rules(&f).contains(&"false_advertising.absolute_terms"));
    let abs = f
        .iter()
        .find(|f| f.rule == "false_advertising.absolute_terms")
        .unwrap();
    assert_eq!(abs.severity, Severity::High);
}

#[test]
fn health_claims_by_class() {
    assert_eq!(
        rules(&one("降血糖 苦瓜茶", None, "food")),
        ["false_advertising.health_claims"]
    );
    assert_eq!(
        rules(&one("防晒霜 SPF50", None, "ordinary_cosmetic")),
        ["false_advertising.health_claims"]
    );
    assert!(one("防晒霜 SPF50", None, "special_cosmetic").is_empty());
    let mut drug = listing(
        "l",
        "布洛芬缓释胶囊",
        Some("用于治疗轻至中度疼痛。"),
        "drug",
    );
    drug["ad_approval_no"] = json!("浙药广审(文)第1号");
    assert!(run_with(vec![drug], vec![]).is_empty());
    assert!(one("护腰带", Some("治疗期间请遵医嘱佩戴。"), "general").is_empty());
}

#[test]
fn missing_statement_and_its_threshold() {
    let mut l = listing(
        "l",
        "鱼油软胶囊",
        Some("精选深海鱼油每日两粒"),
        "health_food",
    );
    l["ad_approval_no"] = json!("国食健广审(文)第1号");
    // Exactly 10 chars of copy: an ad.
    assert_eq!(
        rules(&run_with(vec![l.clone()], vec![])),
        ["false_advertising.missing_statement"]
    );
    l["description"] = json!("精选深海鱼油每日两");
    assert!(
        run_with(vec![l.clone()], vec![]).is_empty(),
        "9 chars: a bare listing"
    );
    l["description"] = json!("精选深海鱼油，每日两粒。本品不能 代替药物。");
    assert!(
        run_with(vec![l], vec![]).is_empty(),
        "statement present (disguise ignored)"
    );
}

#[test]
fn missing_approval_for_reviewed_classes_only() {
    let f = one("感冒灵颗粒", Some("用于感冒引起的头痛发热。"), "drug");
    assert_eq!(rules(&f), ["false_advertising.missing_approval"]);
    assert_eq!(f[0].severity, Severity::High);
    assert_eq!(
        rules(&one(
            "全营养配方粉",
            Some("适用于需要补充营养的人群。"),
            "special_medical_food"
        )),
        ["false_advertising.missing_approval"]
    );
    assert!(one("山楂条 500g", Some("选用山东大山楂，酸甜开胃。"), "food").is_empty());
    assert!(
        one("医用外科口罩 50只", None, "medical_device").is_empty(),
        "no ad copy"
    );
    let mut l = listing("l", "感冒灵颗粒", Some("用于感冒引起的头痛发热。"), "drug");
    l["ad_approval_no"] = json!("浙药广审(文)第1号");
    assert!(run_with(vec![l], vec![]).is_empty());
}

#[test]
fn a_first_offence_lowers_severity_but_never_hides_the_finding() {
    let l = listing("l", "全场最好 竹编篮", None, "general");
    let f = run_with(vec![l.clone()], vec![]);
    assert_eq!((f.len(), f[0].severity), (1, Severity::Medium));
    assert_eq!(f[0].evidence["first_offence"], true);
    let penalty = json!({"penalty_id": "x", "uscc": USCC, "decided_on": "2025-12-01", "legal_basis": "广告法 第五十七条"});
    let f = run_with(vec![l], vec![("penalties", vec![penalty])]);
    assert_eq!((f.len(), f[0].severity), (1, Severity::High));
    assert_eq!(f[0].evidence["first_offence"], false);
}

#[test]
fn live_sessions_are_judged_with_the_merchants_classes() {
    let session = |text: &str| {
        json!({"platform_id": "p", "session_id": "s1", "merchant_id": "m",
        "started_at": "2026-05-01T20:00:00+08:00", "ended_at": "2026-05-01T22:00:00+08:00", "transcript": text})
    };
    let f = run_with(
        vec![],
        vec![(
            "live_sessions",
            vec![session("这款收纳篮是全网第一的好东西。")],
        )],
    );
    assert_eq!(rules(&f), ["false_advertising.absolute_terms"]);
    assert_eq!(
        (f[0].subject.kind, f[0].subject.id.as_str()),
        (RefKind::LiveSession, "s1")
    );
    assert!(f[0].window.is_some());
    let f = run_with(
        vec![],
        vec![("live_sessions", vec![session("这款茶天天喝能降血压。")])],
    );
    assert_eq!(rules(&f), ["false_advertising.health_claims"]);
    let mut drug = listing("d", "降压片", None, "drug");
    drug["ad_approval_no"] = json!("x");
    let f = run_with(
        vec![drug],
        vec![("live_sessions", vec![session("这款药用于降血压。")])],
    );
    assert!(f.is_empty(), "{f:#?}");
}

/// 广告法 第十八条第二款 over live streams: a session selling health food (by the merchant's
/// listings, or because the host names it as one) must say "本品不能代替药物".
#[test]
fn live_sessions_selling_health_food_must_say_it_is_no_substitute_for_drugs() {
    let session = |text: &str| {
        json!({"platform_id": "p", "session_id": "s1", "merchant_id": "m",
        "started_at": "2026-05-01T20:00:00+08:00", "ended_at": "2026-05-01T22:00:00+08:00", "transcript": text})
    };
    let live = |text: &str, listings: Vec<Value>| {
        run_with(listings, vec![("live_sessions", vec![session(text)])])
    };
    // Named as health food by the host; the merchant has no listings here.
    let f = live(
        "这款保健食品葡萄籽胶囊，有助于抗氧化，每天一粒，直播间下单立减。",
        vec![],
    );
    assert_eq!(rules(&f), ["false_advertising.missing_statement"]);
    assert_eq!(f[0].subject.kind, RefKind::LiveSession);
    // Health food by the merchant's listings.
    let mut hf = listing("h", "葡萄籽胶囊", None, "health_food");
    hf["ad_approval_no"] = json!("x");
    let f = live(
        "葡萄籽胶囊今天拍两件打八折，有助于抗氧化。",
        vec![hf.clone()],
    );
    assert_eq!(rules(&f), ["false_advertising.missing_statement"]);
    // Said on air: no finding; not health food: no finding; denied: no finding.
    assert!(live("这款保健食品有助于抗氧化。本品不能代替药物。", vec![]).is_empty());
    assert!(live("这款燕麦片早餐冲一杯，饱腹又方便。", vec![]).is_empty());
    assert!(live("这就是普通的零食，不是保健食品，大家放心吃。", vec![]).is_empty());
}

/// 广告法 第十七条 over live streams: curing a disease or beating medicine, for ordinary goods.
#[test]
fn live_sessions_claiming_to_cure_are_health_claims() {
    let session = json!({"platform_id": "p", "session_id": "s1", "merchant_id": "m",
        "started_at": "2026-05-01T20:00:00+08:00", "ended_at": "2026-05-01T22:00:00+08:00",
        "transcript": "这个护腰带戴一个月，腰间盘突出就治好了，比吃药强多了。"});
    let f = run_with(vec![], vec![("live_sessions", vec![session])]);
    assert_eq!(rules(&f), ["false_advertising.health_claims"]);
    let terms: Vec<&str> = f[0].evidence["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["term"].as_str())
        .collect();
    assert_eq!(terms, ["治好", "比吃药"]);
}

/// 执法指南第 6 项 in a listing: an award with its event and year is not a finding; a bare rank is.
#[test]
fn an_award_with_event_and_year_is_not_an_absolute_term() {
    assert!(
        one(
            "青瓷茶杯",
            Some("该系列荣获2024年中国工艺美术博览会金奖，附证书照片。"),
            "general"
        )
        .is_empty()
    );
    assert_eq!(
        rules(&one(
            "青瓷茶杯",
            Some("工艺行业第一，品质最好。"),
            "general"
        )),
        ["false_advertising.absolute_terms"]
    );
}

/// 广告法 第十七条 / 第十八条第（二）项: telling viewers they can stop their medicine is a
/// treatment claim, for food and for health food; a health food's approved function worded with
/// its assisting prefix is not, but the same words sold as ordinary food are.
#[test]
fn stopping_medication_and_approved_health_functions() {
    let session = |text: &str| {
        json!({"platform_id": "p", "session_id": "s1", "merchant_id": "m",
        "started_at": "2026-05-01T20:00:00+08:00", "ended_at": "2026-05-01T22:00:00+08:00", "transcript": text})
    };
    let live = |text: &str, listings: Vec<Value>| {
        run_with(listings, vec![("live_sessions", vec![session(text)])])
    };
    let f = live("这个纳豆粉我妈吃了半年，降糖药都可以停了。", vec![]);
    assert_eq!(rules(&f), ["false_advertising.health_claims"]);
    assert_eq!(f[0].evidence["violations"][0]["term"], "停药");
    // A host presenting a health food and its approved function: only the missing statement.
    let f = live(
        "这是蓝帽子保健食品，辅助降血脂的功能是批过的，一天两粒。",
        vec![listing("g", "保温杯", None, "general")],
    );
    assert_eq!(rules(&f), ["false_advertising.missing_statement"]);
    // The same words in an ordinary food listing are a health claim.
    let f = one("山楂饮", Some("辅助降血脂，每天一瓶，全家都能喝。"), "food");
    assert_eq!(rules(&f), ["false_advertising.health_claims"]);
    // A health food claiming the disease itself, without the function wording, still is.
    let mut hf = listing(
        "h",
        "鱼油软胶囊",
        Some("降血脂，本品不能代替药物。"),
        "health_food",
    );
    hf["ad_approval_no"] = json!("x");
    let f = run_with(vec![hf], vec![]);
    assert_eq!(rules(&f), ["false_advertising.health_claims"]);
}

/// 执法指南 (non-ranking uses): the modal adverb "最好" giving advice is not a superlative; "最好的"
/// (an adjective use) is.
#[test]
fn modal_best_is_advice_not_a_superlative() {
    for desc in [
        "买之前大家最好先量一下窗户的尺寸，下单备注即可。",
        "定制款最好提前三天预约，节假日发货会慢一些。",
    ] {
        assert!(
            one("铝合金纱窗", Some(desc), "general").is_empty(),
            "{desc}"
        );
    }
    for desc in [
        "这款是最好的纱窗，品质有保障。",
        "送长辈，这款桃酥是最好的选择。",
    ] {
        let f = one("纱窗", Some(desc), "general");
        assert_eq!(rules(&f), ["false_advertising.absolute_terms"], "{desc}");
    }
}

/// Version 7 (fixed after seeing held-out set 6; wordings of our own, more in `tianping-text`'s
/// `classes_v7`): index regulation and medicine comparisons in food copy and live speech; a
/// superlative the advertiser denies.
#[test]
fn index_regulation_medicine_comparisons_and_denied_superlatives() {
    let f = one(
        "荞麦面 控糖人群",
        Some("天天吃，血糖稳稳的，胰岛素也慢慢减量了。"),
        "food",
    );
    assert_eq!(rules(&f), ["false_advertising.health_claims"]);
    let session = json!({"platform_id": "p", "session_id": "s1", "merchant_id": "m",
        "started_at": "2026-05-01T20:00:00+08:00", "ended_at": "2026-05-01T22:00:00+08:00",
        "transcript": "这款秋梨膏比止咳药水还管用，专治小孩咳嗽。"});
    let mut food = listing("f", "秋梨膏", None, "food");
    food["description"] = json!(null);
    let f = run_with(vec![food], vec![("live_sessions", vec![session])]);
    assert_eq!(rules(&f), ["false_advertising.health_claims"]);
    assert!(
        one(
            "手工牛轧糖",
            Some("我们不敢说最好吃，也不说第一，只写清楚用了什么料。"),
            "food"
        )
        .is_empty()
    );
    assert_eq!(
        rules(&one(
            "手工牛轧糖",
            Some("不敢说第一，但绝对是全网最好吃。"),
            "food"
        )),
        ["false_advertising.absolute_terms"]
    );
}

/// Version 9 (fixed after seeing held-out set 8; wordings of our own): a grade next to goods whose
/// national standard defines it is no absolute claim (第九条第（三）项, 执法指南第 3 项); a required
/// statement an OCR wraps over lines is stated (第十八条第二款); a lesion said to shrink is a
/// treatment claim (第十七条) — each with its negative.
#[test]
fn graded_tea_wrapped_statements_and_shrinking_lesions() {
    assert!(one("青山 龙井 特级 礼盒", None, "food").is_empty());
    assert_eq!(
        rules(&one("特级享受 蜂蜜 礼盒", None, "food")),
        ["false_advertising.absolute_terms"]
    );
    let approved = |desc: &str| {
        let mut l = listing("l", "鱼油 软胶囊 保健食品", Some(desc), "health_food");
        l["ad_approval_no"] = json!("浙食健广审(文)第250301-00077号");
        run_with(vec![l], vec![])
    };
    let wrapped = "有助于 调节 血脂\n本品不能\n代替药物\n适宜人群：血脂偏高者";
    assert!(approved(wrapped).is_empty(), "{:?}", approved(wrapped));
    assert_eq!(
        rules(&approved("有助于 调节 血脂\n非药品\n适宜人群：血脂偏高者")),
        ["false_advertising.missing_statement"]
    );
    assert_eq!(
        rules(&one("蜂王浆 250g", Some("坚持吃，肿瘤也会缩小。"), "food")),
        ["false_advertising.health_claims"]
    );
    assert!(one("蜂王浆 250g", Some("冷冻后体积略有缩小。"), "food").is_empty());
}

/// Version 11 (fixed after seeing held-out set 12's false alarm; wordings of our own; absolute-terms
/// lexicon 2026.10): a superlative followed by a usage condition and its value ("最佳醒酒时间：30分钟",
/// "最适宜的养护湿度" aside) tells how to use or keep the goods (执法指南第 2 项), not a finding; with
/// no value, or before a performance figure, it is.
#[test]
fn a_usage_condition_with_its_value_is_no_finding() {
    for (title, desc) in [
        (
            "玻璃醒酒器",
            Some("最佳醒酒时间：30—40分钟；倒酒不超过瓶身一半"),
        ),
        ("蚕丝面膜", Some("最佳使用温度为4℃，冷藏后使用")),
        // At the bounds: four hanzi before the condition, four linking chars before the value.
        ("普洱茶饼", Some("最佳冲泡用茶比例：1比50")),
    ] {
        let f = one(title, desc, "general");
        assert!(f.is_empty(), "{title} {desc:?}: {:?}", rules(&f));
    }
    for (title, desc) in [
        ("玻璃醒酒器", Some("给您最佳醒酒时间体验")),
        ("扫地机器人", Some("最佳吸力 25000Pa")),
        // Past the bounds: six hanzi before the condition.
        ("茶具套装", Some("最佳冲泡绿茶用水温度90度")),
    ] {
        assert_eq!(
            rules(&one(title, desc, "general")),
            ["false_advertising.absolute_terms"],
            "{title} {desc:?}"
        );
    }
}
