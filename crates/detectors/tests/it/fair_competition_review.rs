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

/// `text` is one finding whose first clause cites `provision`.
fn assert_cites(text: &str, provision: &str) {
    let f = draft(text);
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    let provisions: Vec<&str> = f[0].evidence["clauses"][0]["terms"]
        .as_array()
        .map(|t| t.iter().filter_map(|t| t["provision"].as_str()).collect())
        .unwrap_or_default();
    assert!(provisions.contains(&provision), "{text}: {provisions:?}");
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

/// Asserts `text` is one finding citing `provision`.
fn cites(text: &str, provision: &str) {
    let f = draft(text);
    assert_eq!(f.len(), 1, "{text}");
    assert!(
        provisions(&f).iter().any(|p| p == provision),
        "{text}: {:?}",
        provisions(&f)
    );
}

/// 第八条第（三）项: purchase limited to a catalogue or list of suppliers; a catalogue of goods
/// categories for centralised procurement, or an open invitation, is not.
#[test]
fn purchase_limited_to_a_catalogue_or_list() {
    let p = "公平竞争审查条例 第八条第（三）项";
    cites("各学校的校服须从教育局公布的供应商名单中采购。", p);
    cites("新建停车场的充电桩应当在《区绿色产品推荐目录》内选用。", p);
    assert!(draft("政府集中采购目录内的货物应当依法实行集中采购。").is_empty());
    assert!(
        draft("鼓励企业参考行业协会发布的产品目录。").is_empty(),
        "no obligation"
    );
}

/// 第八条第（一）（二）项: approval before entry, an exclusive operator, others excluded — with
/// and without an article 12 ground; a ground without alternatives or a term does not excuse.
#[test]
fn entry_approval_and_exclusive_operation() {
    cites(
        "网络餐饮企业须经本局批准后方可在本区开展配送业务。",
        "公平竞争审查条例 第八条第（一）项",
    );
    let f = draft("为节约能源，全区充电设施统一由某能源公司建设运营，其他企业不得在本区经营。");
    assert_eq!(f.len(), 1);
    assert!(provisions(&f).contains(&"公平竞争审查条例 第八条第（二）项".to_string()));
    assert_eq!(f[0].severity, Severity::Medium, "a ground was invoked");
    assert_eq!(
        f[0].evidence["article_12"]["missing"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    // The same measure with every 第十二条 condition written is not a finding.
    assert!(
        draft("为节约能源，全区充电设施统一由某能源公司建设运营，其他企业不得在本区经营。经评估，没有对公平竞争影响更小的替代方案。本措施有效期三年。")
            .is_empty()
    );
    // With the alternatives but a term word and no duration: still missing the term.
    let f = draft(
        "为节约能源，全区充电设施统一由某能源公司建设运营。经评估，没有对公平竞争影响更小的替代方案。实施期限另行确定。",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].evidence["article_12"]["missing"][0],
        "实施期限或终止条件"
    );
    // Licensing stated with its legal basis is not a new approval.
    assert!(draft("依照《食品安全法》，食品经营者须经许可后方可从事食品经营。").is_empty());
}

/// 第九条第（一）项: extra filing or testing for goods from elsewhere, or their exclusion.
#[test]
fn extra_requirements_on_non_local_goods() {
    let p = "公平竞争审查条例 第九条第（一）项";
    cites(
        "外省生产的建材进入本市工地使用前，须另行送本市机构检测。",
        p,
    );
    cites("外地产的散装白酒不得进入本区农贸市场销售。", p);
    assert!(
        draft("所有进入本区农贸市场的食用农产品应当具备合格证明。").is_empty(),
        "the same rule for all goods"
    );
}

/// 第九条第（三）项 and 第八条第（四）项: local registration as a condition.
#[test]
fn local_conditions_on_bidders_and_entry() {
    cites(
        "参与本项目投标的供应商须在本区设有办公场所。",
        "公平竞争审查条例 第九条第（三）项",
    );
    cites(
        "在本区注册的企业方可申报本区直播基地入驻。",
        "公平竞争审查条例 第八条第（四）项",
    );
}

/// 第十条第（二）（三）项: subsidies and factor-cost waivers for specific, listed operators; the
/// same benefit open to every qualifying firm is not selective.
#[test]
fn benefits_for_specific_operators() {
    cites(
        "对列入重点培育的五家物流企业（名单附后）免收三年厂房租金。",
        "公平竞争审查条例 第十条第（三）项",
    );
    cites(
        "对以下企业给予每家一百万元资金支持：甲公司、乙公司。",
        "公平竞争审查条例 第十条第（二）项",
    );
    assert!(draft("凡符合条件的企业均可申请厂房租金减免，申报标准向社会公开。").is_empty());
    // A stated term is not an exception when no ground is invoked.
    let f = draft("对本区重点培育的两家企业（名单附后）减半收取场地租金，期限两年。");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::High);
}

/// 第十一条第（二）项: the drafting authority sets a market-regulated price or rate; a duty to
/// publish one's own fees is not.
#[test]
fn a_price_or_rate_set_by_the_authority() {
    cites(
        "本区各网约车平台应当执行本局核定的抽成比例和服务费标准，不得擅自调整。",
        "公平竞争审查条例 第十一条第（二）项",
    );
    assert!(draft("平台经营者应当公示服务费标准和收费规则，调整时提前七日公示。").is_empty());
}

/// A prohibition or a promise of equal treatment names a standard without breaking it.
#[test]
fn prohibitions_and_promises_are_not_clauses() {
    assert!(draft("各部门不得限定或者指定特定的供应商，不得以所在地设置限制条件。").is_empty());
    assert!(draft("政府采购对各类企业一视同仁，不得限制外地供应商参与。").is_empty());
}

/// Version 4: an operator named by its legal name is a specific operator (第十条第（二）项), and an
/// authority designating one operator that others must use is 第八条第（三）项.
#[test]
fn named_firms_and_designated_sole_providers() {
    let f = draft("对杭州甲乙科技有限公司给予专项补贴500万元，用于市场推广。");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].evidence["clauses"][0]["terms"][0]["provision"],
        "公平竞争审查条例 第十条第（二）项"
    );
    let f = draft("指定杭州丙丁数据有限公司为全区停车收费唯一结算平台，各停车场须接入其系统。");
    assert_eq!(f.len(), 1);
    assert!(
        f[0].evidence["clauses"][0]["terms"]
            .as_array()
            .is_some_and(|t| t
                .iter()
                .any(|t| t["provision"] == "公平竞争审查条例 第八条第（三）项")),
        "{:?}",
        f[0].evidence
    );
    // Negatives: a universal subsidy on published criteria; a firm named without any benefit or
    // designation; open selection of several operators with no duty on others.
    for text in [
        "对营业额500万元以下的经营者按统一标准给予补贴，不区分所在地和所有制。",
        "杭州甲乙科技有限公司等企业参加了座谈会。",
        "通过公开招标确定3家企业承担配送服务。",
    ] {
        assert!(draft(text).is_empty(), "{text}");
    }
    // Boundary: the duty more than 40 chars after the designated operator is not linked to it.
    let far = format!(
        "指定杭州丙丁数据有限公司{}，各停车场须接入。",
        "为".repeat(41)
    );
    assert!(draft(&far).is_empty());
}

/// Version 5, 第八条第（三）项: an authority designating an operator as the sole, exclusive or
/// appointed supplier or service unit restricts others by the designation itself; invoking food
/// safety (a public interest, 第十二条) without the alternatives and a term leaves it a finding that
/// names what is missing; a choice by open tender is not a designation.
#[test]
fn a_sole_designated_unit_with_article_12_claimed_but_unmet() {
    let text = "为保障食品安全，确定杭州某某冷链物流有限公司为全区养老机构生鲜定点供应单位。";
    let f = draft(text);
    assert_eq!(f.len(), 1, "{text}");
    assert!(provisions(&f).contains(&"公平竞争审查条例 第八条第（三）项".to_string()));
    let missing = f[0].evidence["article_12"]["missing"].as_array().cloned();
    assert_eq!(missing.map(|m| m.len()), Some(2), "{:?}", f[0].evidence);
    cites(
        "指定市交投集团下属公司为全市公共充电桩独家运营单位。",
        "公平竞争审查条例 第八条第（三）项",
    );
    for text in [
        "通过公开招标确定全区学校食材配送企业，中标结果向社会公示。",
        // Food safety with all three conditions of 第十二条 written.
        "为保障食品安全，指定定点检测机构承担全区农贸市场快检服务；经评估，没有对公平竞争影响更小的替代方案；实施期限至2027年12月31日。",
        // Boundary: the service word more than 30 chars after "唯一".
        &format!("指定唯一{}配送单位", "的".repeat(31)),
    ] {
        assert!(draft(text).is_empty(), "{text}");
    }
}

/// Version 5, 第十条第（一）项 (and 税收征收管理法 第三条: taxes are reduced or exempted only under
/// laws and administrative regulations): a draft that itself exempts, reduces or refunds a tax for
/// some operators without a stated legal basis is a clause to review; one that states its legal
/// basis, or a non-tax measure open to everyone, is not.
#[test]
fn tax_relief_without_a_legal_basis() {
    for text in [
        "对新迁入本区的直播电商企业，减半征收两年房产税。",
        "年交易额超过10亿元的平台企业，可申请返还其缴纳的印花税。",
    ] {
        cites(text, "公平竞争审查条例 第十条第（一）项");
    }
    for text in [
        "符合条件的小型微利企业依法减免企业所得税，由税务机关按国家有关规定办理。",
        "对参加培训的个人按统一标准给予补贴，不区分户籍和所在企业。",
    ] {
        assert!(draft(text).is_empty(), "{text}");
    }
}

/// Version 7 (fixed after seeing held-out set 6; wordings of our own): an operator designated
/// without "指定" ("统一接入…平台"), entry gated by an industry association or by a quota
/// (第八条), and "承接" among the things a designated operator does.
#[test]
fn designation_without_the_word_and_entry_gated_by_an_association_or_a_quota() {
    let cited = |text: &str| -> Vec<String> {
        draft(text)
            .iter()
            .flat_map(|f| {
                f.evidence["clauses"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
            })
            .flat_map(|c| c["terms"].as_array().cloned().unwrap_or_default())
            .filter_map(|t| t["provision"].as_str().map(str::to_string))
            .collect()
    };
    for text in [
        "全区养老机构的智能监护设备统一使用由杭州康护科技有限公司提供的系统。",
        "各停车场统一接入“城市停车”平台，不得另行接入其他系统。",
    ] {
        assert!(
            cited(text).contains(&"公平竞争审查条例 第八条第（三）项".to_string()),
            "{text}: {:?}",
            cited(text)
        );
    }
    for text in [
        "新开办家政服务企业应当取得市家政行业协会的推荐意见。",
        "网约车经营者数量实行总量控制，达到规划数量后不再受理新的经营许可申请。",
        "申请开办驾培机构的，须加入市驾培行业协会成为会员后方可招生。",
        "全市网约车运力实行总量控制，暂停新增。",
    ] {
        assert!(
            cited(text).contains(&"公平竞争审查条例 第八条第（四）项".to_string()),
            "{text}: {:?}",
            cited(text)
        );
    }
    // Negatives: a free choice, a government platform with no operator named and no exclusion,
    // no association consent required, a subsidy budget that runs out.
    for text in [
        "各医疗机构可自行选择任一符合标准的预约平台接入。",
        "各单位统一使用省一体化政务服务平台办理。",
        "新设机构无需取得行业协会同意，实行告知承诺制。",
        "补贴资金实行总量控制，额满不再受理申报。",
        "鼓励驾培机构自愿加入行业协会。",
    ] {
        assert!(draft(text).is_empty(), "{text}: {:?}", draft(text));
    }
    // At the gap: the association more than sixteen chars after the obligation is not read.
    assert!(
        draft("新设机构须取得所在区人民政府交通运输主管部门指导的驾培行业协会同意。").is_empty()
    );
}

#[test]
fn a_designated_sole_operator_with_an_incomplete_article_12_claim() {
    let f = draft(
        "为保障公共安全，指定杭州顺达客运有限公司独家承接机场夜间接驳服务，实施至2027年3月31日止。",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Medium);
    assert_eq!(
        f[0].evidence["article_12"]["missing"],
        json!(["没有对公平竞争影响更小的替代方案的说明"])
    );
    // Every condition written: the exception applies.
    assert!(
        draft("为保障公共安全，指定杭州顺达客运有限公司独家承接机场夜间接驳服务。经评估，没有对公平竞争影响更小的替代方案。实施至2027年3月31日止。")
            .is_empty()
    );
    // Chosen by open tender: not a designation to review.
    assert!(draft("经公开招标，确定杭州顺达客运有限公司独家承接机场夜间接驳服务。").is_empty());
}

/// Standards 2026.8 (fixed after seeing held-out set 7; wordings of our own): a sole operator
/// designated in the passive ("由…统一承接"), others of a trade excluded ("其他…机构不得…承接"), and
/// an authority steering operators to "优先" use a local or named operator's goods (第八条).
#[test]
fn passive_designation_trade_exclusion_and_steered_preference() {
    for (text, provision) in [
        (
            "全市渣土运输业务由市城投渣土公司统一承运。",
            "公平竞争审查条例 第八条第（二）项",
        ),
        (
            "本县农村客运线路由县公交集团独家经营。",
            "公平竞争审查条例 第八条第（二）项",
        ),
        (
            "其他家政服务企业不得在本街道开展保洁服务。",
            "公平竞争审查条例 第八条第（二）项",
        ),
        (
            "其他外卖配送机构不得进入园区承接配送业务。",
            "公平竞争审查条例 第八条第（二）项",
        ),
        (
            "鼓励各学校食堂优先采购本地企业生产的米面油。",
            "公平竞争审查条例 第八条第（三）项",
        ),
        (
            "引导物业小区优先安装杭州易充科技有限公司的充电桩。",
            "公平竞争审查条例 第八条第（三）项",
        ),
    ] {
        assert_cites(text, provision);
    }
    // Negatives and boundaries: chosen by open tender; applicants submitting papers; a trade open
    // to all; a preference with no operator (priority for a purpose); equal access.
    for text in [
        "经公开招标，全市渣土运输业务由中标企业统一承运。",
        "申报材料由申请人统一提供至区商务局。",
        "其他家政服务企业可以在本街道开展保洁服务。",
        "优先保障孤寡老人的供暖需求。",
        "鼓励停车场自主选择接入符合标准的停车APP，所有企业一视同仁。",
    ] {
        assert!(draft(text).is_empty(), "{text}: {:?}", draft(text));
    }
}

/// Standards file 2026.9 (fixed after seeing held-out set 8's two misses; wordings of our own):
/// selling is a business a draft can reserve to one operator or bar others from ("由…平台独家销售",
/// "其他…平台不得代售": 第八条第（二）项), and buying limited to a few listed operators without the word
/// "名单" ("只能从以下两家供应商采购": 第八条第（三）项).
#[test]
fn exclusive_selling_and_purchase_limited_to_a_few_listed_operators() {
    for (text, provision) in [
        (
            "景区门票统一由「游湖通」平台独家销售。",
            "公平竞争审查条例 第八条第（二）项",
        ),
        (
            "其他售票平台不得代售本线路船票。",
            "公平竞争审查条例 第八条第（二）项",
        ),
        (
            "各校校服限定从附件所列4家企业中选择。",
            "公平竞争审查条例 第八条第（三）项",
        ),
        (
            "办公耗材只能从以下两家供应商采购。",
            "公平竞争审查条例 第八条第（三）项",
        ),
    ] {
        assert_cites(text, provision);
    }
    // Negatives and boundaries: sellers free to choose; chosen by open tender; a gap too long
    // between the limit and the operators.
    for text in [
        "船票可在任一售票平台销售，所有企业一视同仁。",
        "经公开招标，校服限定从中标的3家企业中选择。",
        "商家可自行选择在多个平台销售。",
        "采购须从经过严格质量检验并且信誉良好的供应商中选择。",
    ] {
        assert!(draft(text).is_empty(), "{text}: {:?}", draft(text));
    }
}

/// Standards file 2026.10 (fixed after seeing held-out set 11's two misses; wordings of our own):
/// a reward only for operators registered or paying tax locally, and non-local operators' branches
/// shut out of a measure (第九条第（四）项、第（二）项); others of a trade named by their premises
/// barred from a business reserved to one ("其他场馆不得承接", 第八条第（二）项).
#[test]
fn local_registration_for_rewards_non_local_branches_and_premises_barred() {
    for (text, provision) in [
        (
            "对注册地在本区、且在本区纳税满三年的咖啡烘焙企业，按年度销售额的1%给予奖励。",
            "公平竞争审查条例 第九条第（四）项",
        ),
        (
            "外省企业在本市设立的分公司不享受本办法。",
            "公平竞争审查条例 第九条第（二）项",
        ),
        (
            "外地企业不享受本政策。",
            "公平竞争审查条例 第九条第（四）项",
        ),
        (
            "全区老年大学书法课统一安排在墨香书院开设，其他门店不得承接。",
            "公平竞争审查条例 第八条第（二）项",
        ),
    ] {
        assert_cites(text, provision);
    }
    // Hard negatives: a reward open to every operator whatever its registration; non-local
    // branches treated alike; other premises free to take the business; premises barred from
    // something that is no business.
    for text in [
        "不论注册地，凡在本区开展咖啡烘焙业务的企业均按年度销售额的1%给予奖励。",
        "外省企业设立的分公司同等享受本办法。",
        "其他门店可自愿承接书法课。",
        "其他场所不得吸烟。",
        "面向全国供应商公开招标，不设注册地限制。",
    ] {
        assert!(draft(text).is_empty(), "{text}: {:?}", draft(text));
    }
}

/// Version 11, standards file 2026.11 (fixed after seeing held-out set 12's two misses; wordings of
/// our own): a service reserved to a named operator without "指定" ("统一由…有限公司承接") and a bar on
/// buyers choosing other operators ("不得另行选择其他服务商") limit dealings to a specific operator
/// (第八条第（三）项); a floor or cap on a price named by the goods or service ("房价", "学费") is
/// a bound on a market-regulated price (第十一条第（三）项).
#[test]
fn a_named_operator_reserved_others_barred_and_floors_on_room_prices() {
    for (text, provision) in [
        (
            "全区中小学研学旅行统一由远山研学旅行服务有限公司承接。",
            "公平竞争审查条例 第八条第（三）项",
        ),
        (
            "各街道不得另行选择其他保洁服务商。",
            "公平竞争审查条例 第八条第（三）项",
        ),
        (
            "为维护市场秩序，景区周边农家乐房价旺季不得低于每晚300元。",
            "公平竞争审查条例 第十一条第（三）项",
        ),
        (
            "校外培训机构学费不得高于每课时120元。",
            "公平竞争审查条例 第十一条第（三）项",
        ),
    ] {
        assert_cites(text, provision);
    }
    // Hard negatives: chosen by open tender; buyers free to choose; a subcontracting ban; a cap on
    // a subsidy for room prices; a price the operators set themselves and publish.
    for text in [
        "研学旅行服务经公开招标确定，统一由中标的远山研学旅行服务有限公司承接。",
        "各街道可自主选择其他保洁服务商。",
        "检测机构不得委托其他机构检测。",
        "对农家乐的房费补贴不超过每晚50元。",
        "农家乐房价由经营者自主确定并明码标价。",
    ] {
        assert!(draft(text).is_empty(), "{text}: {:?}", draft(text));
    }
}
