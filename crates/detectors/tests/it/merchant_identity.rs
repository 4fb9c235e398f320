use serde_json::{Value, json};
use tianping_detect::{Finding, Severity};
use tianping_detectors::merchant_identity::MerchantIdentity;

use crate::support::*;

const AS_OF: &str = "2026-04-30T00:00:00+08:00";
const GOOD: &str = "91330100799655058B";
const BAD_CHECK: &str = "91350203M0001QAY9B";

fn merchant(id: &str, kind: &str, uscc: Option<&str>, license: bool, turnover: i64) -> Value {
    json!({"platform_id": "p", "merchant_id": id, "merchant_type": kind, "uscc": uscc, "name": format!("{id} 公司"),
           "license_displayed": license, "annual_turnover_fen": turnover})
}

fn registry(uscc: &str, status: &str) -> Value {
    json!({"uscc": uscc, "name": "某公司", "status": status})
}

fn sold(id: &str) -> Value {
    json!({"platform_id": "p", "merchant_id": id, "ordered_at": "2026-04-01T10:00:00+08:00"})
}

fn detect(merchants: Vec<Value>, reg: Vec<Value>, orders: Vec<Value>) -> Vec<Finding> {
    run(
        &MerchantIdentity,
        AS_OF,
        &data(
            &[
                ("merchants", merchants),
                ("registry", reg),
                ("orders", orders),
            ],
            5,
        ),
    )
}

fn rules(f: &[Finding]) -> Vec<&str> {
    f.iter().map(|f| f.rule.as_str()).collect()
}

#[test]
fn a_clean_merchant_gives_nothing() {
    assert!(
        detect(
            vec![merchant("m", "company", Some(GOOD), true, 0)],
            vec![registry(GOOD, "active")],
            vec![sold("m")]
        )
        .is_empty()
    );
}

#[test]
fn bad_check_character_is_a_low_severity_warning() {
    let f = detect(
        vec![merchant("m", "company", Some(BAD_CHECK), true, 0)],
        vec![registry(GOOD, "active")],
        vec![],
    );
    // The code fails the check and the registry does not know it either: both facts are findings.
    let mut both = rules(&f);
    both.sort_unstable();
    assert_eq!(
        both,
        [
            "merchant_identity.unknown_uscc",
            "merchant_identity.uscc_checksum"
        ]
    );
    let checksum = f
        .iter()
        .find(|f| f.rule.ends_with("uscc_checksum"))
        .unwrap();
    assert_eq!(checksum.severity, Severity::Low);
    assert_eq!(checksum.evidence["expected_check_character"], "9");
    // A live code that fails the check but is registered is only the warning.
    let f = detect(
        vec![merchant("m", "company", Some(BAD_CHECK), true, 0)],
        vec![registry(BAD_CHECK, "active")],
        vec![],
    );
    assert_eq!(rules(&f), vec!["merchant_identity.uscc_checksum"]);
}

#[test]
fn unknown_codes_only_once_a_registry_exists() {
    let other = "91110000100017643K";
    let f = detect(
        vec![merchant("m", "company", Some(other), true, 0)],
        vec![registry(GOOD, "active")],
        vec![],
    );
    assert_eq!(rules(&f), vec!["merchant_identity.unknown_uscc"]);
    assert!(
        detect(
            vec![merchant("m", "company", Some(other), true, 0)],
            vec![],
            vec![]
        )
        .is_empty()
    );
}

#[test]
fn deregistered_operators_still_selling() {
    for (status, rule, severity) in [
        (
            "cancelled",
            "merchant_identity.deregistered_selling",
            Severity::High,
        ),
        (
            "revoked",
            "merchant_identity.deregistered_selling",
            Severity::High,
        ),
        // Being listed does not bar trading: a credit-supervision signal under its own rule.
        (
            "serious_violation",
            "merchant_identity.listed_operator_selling",
            Severity::Medium,
        ),
        (
            "abnormal",
            "merchant_identity.listed_operator_selling",
            Severity::Low,
        ),
    ] {
        let f = detect(
            vec![merchant("m", "company", Some(GOOD), true, 0)],
            vec![registry(GOOD, status)],
            vec![sold("m")],
        );
        assert_eq!(rules(&f), vec![rule], "{status}");
        assert_eq!(f[0].severity, severity);
    }
    // A shop closed before as_of is not still selling.
    let mut closed = merchant("m", "company", Some(GOOD), true, 0);
    closed["closed_on"] = json!("2026-04-08");
    assert!(
        detect(
            vec![closed.clone()],
            vec![registry(GOOD, "cancelled")],
            vec![sold("m")]
        )
        .is_empty()
    );
    closed["closed_on"] = json!("2026-04-30");
    assert!(
        detect(
            vec![closed],
            vec![registry(GOOD, "cancelled")],
            vec![sold("m")]
        )
        .is_empty(),
        "closed on the as_of day"
    );
    // Cancelled but no longer selling: nothing to stop.
    assert!(
        detect(
            vec![merchant("m", "company", Some(GOOD), true, 0)],
            vec![registry(GOOD, "cancelled")],
            vec![]
        )
        .is_empty()
    );
}

#[test]
fn licence_display_applies_to_registered_operators() {
    let f = detect(
        vec![merchant("m", "company", Some(GOOD), false, 0)],
        vec![registry(GOOD, "active")],
        vec![],
    );
    assert_eq!(rules(&f), vec!["merchant_identity.license_not_displayed"]);
    let mut closed = merchant("m", "company", Some(GOOD), false, 0);
    closed["closed_on"] = json!("2026-03-01");
    assert!(
        detect(vec![closed], vec![registry(GOOD, "active")], vec![]).is_empty(),
        "a closed shop shows nothing"
    );
    assert!(
        detect(
            vec![merchant("m", "natural_person", None, false, 100)],
            vec![],
            vec![]
        )
        .is_empty()
    );
}

#[test]
fn the_100000_yuan_line() {
    let at_line = detect(
        vec![merchant("m", "natural_person", None, true, 10_000_000)],
        vec![],
        vec![],
    );
    assert!(
        at_line.is_empty(),
        "exactly ¥100,000 is within the exemption"
    );
    let over = detect(
        vec![merchant("m", "natural_person", None, true, 10_000_001)],
        vec![],
        vec![],
    );
    assert_eq!(
        rules(&over),
        vec!["merchant_identity.unregistered_natural_person"]
    );
}

fn person_shop(platform: &str, id: &str, holder: &str, turnover: i64) -> Value {
    json!({"platform_id": platform, "merchant_id": id, "merchant_type": "natural_person", "holder_pid": holder,
           "name": "个人店", "license_displayed": true, "annual_turnover_fen": turnover})
}

#[test]
fn one_persons_shops_are_added_up_across_platforms() {
    // ¥60,000 + ¥55,000 on two platforms: ¥115,000 together (网络交易监督管理办法 第八条).
    let f = detect(
        vec![
            person_shop("p", "a", "h1", 6_000_000),
            person_shop("q", "b", "h1", 5_500_000),
        ],
        vec![],
        vec![],
    );
    assert_eq!(
        rules(&f),
        vec!["merchant_identity.unregistered_natural_person"; 2]
    );
    assert_eq!(f[0].evidence["annual_turnover_fen"], 11_500_000);
    assert_eq!(f[0].related.len(), 1, "the other shop is related");
    // Two people's shops are not added up; exactly ¥100,000 together is within the exemption.
    assert!(
        detect(
            vec![
                person_shop("p", "a", "h1", 6_000_000),
                person_shop("q", "b", "h2", 5_500_000)
            ],
            vec![],
            vec![]
        )
        .is_empty()
    );
    assert!(
        detect(
            vec![
                person_shop("p", "a", "h1", 6_000_000),
                person_shop("q", "b", "h1", 4_000_000)
            ],
            vec![],
            vec![]
        )
        .is_empty()
    );
}

#[test]
fn own_farm_produce_is_exempt_at_any_amount() {
    let listings = |text: &str| {
        vec![json!({"platform_id": "p", "merchant_id": "farm", "title": text, "description": null})]
    };
    let run_with = |title: &str| {
        run(
            &MerchantIdentity,
            AS_OF,
            &data(
                &[
                    ("merchants", vec![person_shop("p", "farm", "h", 26_000_000)]),
                    ("listings", listings(title)),
                ],
                5,
            ),
        )
    };
    assert!(
        run_with("临安山核桃 农户自产自销").is_empty(),
        "电子商务法 第十条"
    );
    assert_eq!(
        run_with("临安山核桃 批发").len(),
        1,
        "a reseller is not exempt"
    );
}

#[test]
fn a_check_character_warning_states_what_the_registry_shows() {
    // GB 32100 check failed; the registry delivery is the first confirmation (mission-anchors
    // §5.12: warn, confirm against the 公示系统). The warning stays low and says what it shows.
    let registered = detect(
        vec![merchant("m", "company", Some(BAD_CHECK), true, 0)],
        vec![json!({"uscc": BAD_CHECK, "name": "m 公司", "status": "active"})],
        vec![],
    );
    assert_eq!(registered.len(), 1);
    let w = &registered[0];
    assert_eq!(w.severity, Severity::Low);
    assert_eq!(w.evidence["registry"]["registered"], true);
    assert_eq!(w.evidence["registry"]["status"], "active");
    assert_eq!(w.evidence["registry"]["name_matches"], true);
    assert!(
        w.summary
            .contains("登记数据中有该代码（存续，登记名称一致）"),
        "{}",
        w.summary
    );
    // Registered under another name: said so.
    let other_name = detect(
        vec![merchant("m", "company", Some(BAD_CHECK), true, 0)],
        vec![registry(BAD_CHECK, "active")],
        vec![],
    );
    assert_eq!(other_name[0].evidence["registry"]["name_matches"], false);
    // Absent from a registry that exists: said so (and unknown_uscc is its own finding).
    let absent = detect(
        vec![merchant("m", "company", Some(BAD_CHECK), true, 0)],
        vec![registry(GOOD, "active")],
        vec![],
    );
    let w = absent
        .iter()
        .find(|f| f.rule.ends_with("uscc_checksum"))
        .unwrap();
    assert_eq!(w.evidence["registry"]["registered"], false);
    // No registry delivery at all: nothing to say about it.
    let none = detect(
        vec![merchant("m", "company", Some(BAD_CHECK), true, 0)],
        vec![],
        vec![],
    );
    assert!(none[0].evidence["registry"].is_null());
    assert!(none[0].summary.contains("请核对公示系统"));
    // A valid code gives no warning, registered or not.
    assert!(
        detect(
            vec![merchant("m", "company", Some(GOOD), true, 0)],
            vec![],
            vec![]
        )
        .is_empty()
    );
}

/// A natural person's shop over the ¥100,000 line, with one listing of `category` and `title`.
fn one_listing_shop(category: &str, title: &str, turnover: i64) -> Vec<Finding> {
    run(
        &MerchantIdentity,
        AS_OF,
        &data(
            &[
                ("merchants", vec![person_shop("p", "craft", "h", turnover)]),
                (
                    "listings",
                    vec![
                        json!({"platform_id": "p", "merchant_id": "craft", "title": title,
                                "description": null, "category": category}),
                    ],
                ),
            ],
            5,
        ),
    )
}

#[test]
fn household_handicraft_and_convenience_services_are_exempt_at_any_amount() {
    // 电子商务法 第十条: 家庭手工业产品 — the platform classifies the goods as handicraft.
    assert!(one_listing_shop("手工艺/竹编", "店铺在售商品", 15_000_000).is_empty());
    // … or the listing claims household handicraft in its words.
    assert!(one_listing_shop("家居/收纳", "家庭手工 竹编收纳篮", 15_000_000).is_empty());
    // 便民劳务 needing no permit, by category.
    assert!(one_listing_shop("便民服务/上门修鞋", "修鞋补鞋", 15_000_000).is_empty());
    // "手工" in a title of an ordinary category is marketing, not the exemption: ¥100,000.01 is over.
    let f = one_listing_shop("家居/香薰", "手工香薰蜡烛", 10_000_001);
    assert_eq!(rules(&f), ["merchant_identity.unregistered_natural_person"]);
    // Exactly ¥100,000 is within the line whatever the category.
    assert!(one_listing_shop("家居/香薰", "手工香薰蜡烛", 10_000_000).is_empty());
}

#[test]
fn a_shop_is_exempt_only_when_every_listing_is() {
    let f = run(
        &MerchantIdentity,
        AS_OF,
        &data(
            &[
                (
                    "merchants",
                    vec![person_shop("p", "craft", "h", 15_000_000)],
                ),
                (
                    "listings",
                    vec![
                        json!({"platform_id": "p", "merchant_id": "craft", "title": "竹编果篮",
                               "description": null, "category": "手工艺/竹编"}),
                        json!({"platform_id": "p", "merchant_id": "craft", "title": "塑料收纳箱 批发",
                               "description": null, "category": "家居/收纳"}),
                    ],
                ),
            ],
            5,
        ),
    );
    assert_eq!(rules(&f), ["merchant_identity.unregistered_natural_person"]);
}

#[test]
fn convenience_labour_is_recognised_by_the_kind_of_work_under_any_top_level() {
    // 电子商务法 第十条: 个人利用自己的技能从事依法无须取得许可的便民劳务活动 — a lower category
    // level naming the work, whatever the platform calls the top level.
    assert!(one_listing_shop("到家服务/家电维修", "冰箱洗衣机检修", 20_000_000).is_empty());
    assert!(one_listing_shop("本地生活/保洁", "两小时日常打扫", 10_000_001).is_empty());
    assert!(one_listing_shop("家政/育儿嫂", "白班育儿", 30_000_000).is_empty());
    // … or the listing's words.
    assert!(one_listing_shop("本地生活/其他", "上门清洗油烟机", 12_000_000).is_empty());
    // Goods named after the work are goods: a 家电清洗剂 reseller over the line is a finding.
    let f = one_listing_shop("清洁用品/家电清洗剂", "空调清洗剂 3瓶装", 10_000_001);
    assert_eq!(rules(&f), ["merchant_identity.unregistered_natural_person"]);
    // A service level that is not labour exempt by itself (开锁 is a 特种行业) stays a finding.
    let f = one_listing_shop("生活服务/开锁", "开锁换锁芯", 10_000_001);
    assert_eq!(rules(&f), ["merchant_identity.unregistered_natural_person"]);
    // At the line: exactly ¥100,000 is within it anyway.
    assert!(one_listing_shop("生活服务/开锁", "开锁换锁芯", 10_000_000).is_empty());
}

#[test]
fn an_own_mark_claims_own_produce_only_under_a_farm_product_category() {
    // Version 5: "自家" with a primary farm product's category level is a claim of own produce
    // (电子商务法 第十条: 个人销售自产农副产品 at any amount).
    assert!(one_listing_shop("食品/蜂蜜", "自家 土蜂蜜 1kg", 18_800_000).is_empty());
    assert!(one_listing_shop("生鲜/禽蛋", "自养 散养柴鸡蛋 30枚", 30_000_000).is_empty());
    // The same mark under goods that are no farm product is not the claim: over the line.
    let f = one_listing_shop("数码/耳机", "自家 蓝牙耳机", 10_000_001);
    assert_eq!(rules(&f), ["merchant_identity.unregistered_natural_person"]);
    // A farm product without the mark, or with words that it was bought in, is not exempt.
    let f = one_listing_shop("食品/蜂蜜", "土蜂蜜 1kg", 10_000_001);
    assert_eq!(rules(&f), ["merchant_identity.unregistered_natural_person"]);
    let f = one_listing_shop("茶叶/绿茶", "自家 龙井 批发市场进货 转卖", 10_000_001);
    assert_eq!(rules(&f), ["merchant_identity.unregistered_natural_person"]);
    // At the line: exactly ¥100,000 is within it anyway.
    assert!(one_listing_shop("食品/蜂蜜", "土蜂蜜 1kg", 10_000_000).is_empty());
}

#[test]
fn knife_grinding_is_convenience_labour() {
    // Version 5: 磨刀 (磨剪子戗菜刀) is done with one's own skill and needs no permit.
    assert!(one_listing_shop("本地生活/磨刀", "菜刀 一把", 13_200_000).is_empty());
    assert!(one_listing_shop("本地生活/其他", "上门磨刀 剪刀", 13_200_000).is_empty());
    // A knife sold, not ground, is goods: over the line it is a finding.
    let f = one_listing_shop("厨具/刀具", "不锈钢菜刀", 10_000_001);
    assert_eq!(rules(&f), ["merchant_identity.unregistered_natural_person"]);
}
