use serde_json::json;
use tianping_detect::{Finding, RefKind};
use tianping_detectors::unfair_terms::UnfairTerms;

use crate::support::*;

const AS_OF: &str = "2026-06-01T00:00:00+08:00";

fn doc(kind: &str, text: &str) -> Vec<Finding> {
    let d = json!({"doc_id": "d", "kind": kind, "issuer": "p", "title": "协议", "text": text});
    run(&UnfairTerms, AS_OF, &data(&[("documents", vec![d])], 1))
}

fn campaign(text: &str) -> Vec<Finding> {
    let c = json!({"platform_id": "p", "campaign_id": "c", "name": "大促", "terms_text": text});
    run(&UnfairTerms, AS_OF, &data(&[("campaigns", vec![c])], 1))
}

#[test]
fn exclusivity_and_unilateral_change_are_findings() {
    let f = doc(
        "platform_agreement",
        "第二条 经营者入驻本平台期间，不得入驻其他平台，否则没收保证金。",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].subject.kind, RefKind::Document);
    assert!(
        f[0].summary.contains("不得入驻其他平台"),
        "{}",
        f[0].summary
    );
    assert_eq!(
        doc(
            "platform_rule",
            "平台有权随时修改本规则，修改后立即生效，恕不另行通知。"
        )
        .len(),
        1
    );
    assert_eq!(
        doc("merchant_notice", "本店商品一经售出，概不退换。").len(),
        1
    );
    let f = campaign("报名商家不得参加其他平台同类活动，违者搜索降权。");
    assert_eq!((f.len(), f[0].subject.kind), (1, RefKind::Campaign));
}

#[test]
fn prohibitions_voluntary_exclusivity_and_other_kinds_are_not() {
    assert!(
        doc(
            "platform_agreement",
            "平台不得要求经营者二选一，经营者可以自主选择在其他平台经营。"
        )
        .is_empty()
    );
    assert!(campaign("自愿选择独家合作的商家可获得流量扶持，可随时退出。").is_empty());
    assert!(
        doc("policy_draft", "不得入驻其他平台。").is_empty(),
        "policy drafts are for fair_competition_review"
    );
    assert!(doc("contract", "不得入驻其他平台。").is_empty());
}

#[test]
fn weak_cues_need_company() {
    assert!(
        campaign("违规商家将被搜索降权。").is_empty(),
        "one weak cue"
    );
    assert_eq!(
        campaign("未缴纳推广费的商家屏蔽店铺并搜索降权。").len(),
        1,
        "two weak cues"
    );
}

#[test]
fn notice_of_seven_days_satisfies_article_34() {
    assert!(
        doc(
            "platform_rule",
            "修改内容将于实施前七日公示，恕不另行通知。"
        )
        .is_empty()
    );
    assert_eq!(
        doc(
            "platform_rule",
            "修改内容将于实施前六日公示，恕不另行通知。"
        )
        .len(),
        1
    );
}
