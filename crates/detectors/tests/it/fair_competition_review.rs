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
