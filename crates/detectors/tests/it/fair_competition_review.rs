use serde_json::json;
use tianping_detect::{Finding, RefKind, Severity};
use tianping_detectors::fair_competition_review::FairCompetitionReview;

use crate::support::*;

const AS_OF: &str = "2026-06-01T00:00:00+08:00";

fn draft(text: &str) -> Vec<Finding> {
    let d = json!({"doc_id": "d", "kind": "policy_draft", "issuer": "某区商务局", "title": "若干措施", "text": text});
    run(
        &FairCompetitionReview,
        AS_OF,
        &data(&[("documents", vec![d])], 1),
    )
}

#[test]
fn review_standard_clauses_are_cited_by_article_and_item() {
    let f = draft("本区政府投资项目应当指定使用本地企业生产的设备。");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].subject.kind, RefKind::Document);
    assert_eq!(f[0].severity, Severity::High);
    assert_eq!(
        f[0].evidence["clauses"][0]["terms"][0]["provision"],
        "公平竞争审查条例 第八条第（三）项"
    );
    assert!(
        f[0].summary.contains("第八条第（三）项"),
        "{}",
        f[0].summary
    );
    assert_eq!(draft("对在本区注册的平台企业给予税收返还。").len(), 1);
    assert_eq!(draft("本区网约车服务实行统一定价。").len(), 1);
}

#[test]
fn the_article_12_exception_path() {
    let complete = "为节约能源，对购置节能设备的经营者给予税收返还。经评估，没有对公平竞争影响更小的替代方案。实施期限为两年。";
    assert!(draft(complete).is_empty());
    let f = draft("为节约能源，对购置节能设备的经营者给予税收返还。");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Medium);
    assert_eq!(
        f[0].evidence["article_12"]["missing"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    assert!(f[0].summary.contains("第十二条"));
}

#[test]
fn legal_basis_weak_cues_and_other_kinds_are_not_findings() {
    assert!(draft("符合条件的小微企业依法享受税收优惠。").is_empty());
    assert!(
        draft("支持本地产品参加国内外展会。").is_empty(),
        "one weak cue"
    );
    assert_eq!(draft("支持本地产品，给予补贴。").len(), 1, "two weak cues");
    let d = json!({"doc_id": "d", "kind": "platform_rule", "issuer": "p", "title": "规则", "text": "指定使用本平台的物流。"});
    assert!(
        run(
            &FairCompetitionReview,
            AS_OF,
            &data(&[("documents", vec![d])], 1)
        )
        .is_empty()
    );
}

#[test]
fn not_before_the_regulation() {
    let d = json!({"doc_id": "d", "kind": "policy_draft", "issuer": "局", "title": "t", "text": "指定使用本地企业的设备。"});
    assert!(
        run(
            &FairCompetitionReview,
            "2024-07-01T00:00:00+08:00",
            &data(&[("documents", vec![d])], 1)
        )
        .is_empty()
    );
}

fn provisions(f: &[Finding]) -> Vec<String> {
    f.iter()
        .flat_map(|f| {
            f.evidence["clauses"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .flat_map(|c| c["terms"].as_array().cloned().unwrap_or_default())
        .filter_map(|t| t["provision"].as_str().map(str::to_string))
        .collect()
}

/// 条例 第九条第（二）项: forcing operators from elsewhere to set up a branch or subsidiary here,
/// in any wording of the place and the entity.
#[test]
fn a_required_local_branch() {
    for text in [
        "外地企业参与本县冷链配送的，须在本县成立分公司。",
        "承接本市网约车业务的平台应当在本市注册具有独立法人资格的企业。",
    ] {
        let f = draft(text);
        assert_eq!(f.len(), 1, "{text}");
        assert!(
            provisions(&f)
                .iter()
                .any(|p| p == "公平竞争审查条例 第九条第（二）项"),
            "{text}: {:?}",
            provisions(&f)
        );
    }
    // An invitation without obligation, and a promise of equal treatment, are not.
    assert!(draft("欢迎各类企业来区投资兴业。").is_empty());
    assert!(draft("不得要求外地企业在本区设立分支机构。").is_empty());
}

/// 第十一条第（三）项: a floor or cap on a market-regulated price or fee; a cap on a subsidy is not
/// a price.
#[test]
fn a_floor_or_cap_on_market_prices() {
    let f = draft("辖区内共享单车的骑行收费标准每小时不得高于三元。");
    assert_eq!(f.len(), 1);
    assert!(provisions(&f).contains(&"公平竞争审查条例 第十一条第（三）项".to_string()));
    let f = draft("各快递企业在本区的派送服务费每件不低于2元。");
    assert_eq!(f.len(), 1);
    assert!(draft("对购置新能源货车的企业，每辆补贴不超过两万元。").is_empty());
    // Too far apart to be one bound (at the 15-char gap).
    assert!(
        draft("价格监测工作由市发改委牵头负责，各区县配合，监测点位数量不低于20个。").is_empty()
    );
}

/// 第十条第（一）项: rewards computed from tax paid are a tax rebate in disguise; a benefit the law
/// grants is not.
#[test]
fn rewards_by_tax_paid() {
    let f = draft("对入驻本园区的电商企业，按其企业所得税区级财政贡献的60%给予扶持。");
    assert_eq!(f.len(), 1);
    assert!(provisions(&f).contains(&"公平竞争审查条例 第十条第（一）项".to_string()));
    assert!(draft("小微企业依法享受国家规定的税收优惠，并可申请创业补贴。").is_empty());
}
