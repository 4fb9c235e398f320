//! An adversarial review of the version-5 text detectors with wordings of our own (issue 6): the
//! classes the fifth held-out set exposed, rephrased (other verbs and word orders, traditional
//! characters, colloquial forms), and the lawful texts nearest to them (a denied sanction, a
//! merchant's own freedom, a denial of contract manufacture, a rival praised, a designation by
//! tender, a tax relief with its legal basis). Every case asserts the legally right outcome; each
//! test lists all its failures at once.

use serde_json::{Value, json};
use tianping_detect::Finding;
use tianping_detectors::counterfeit::Counterfeit;
use tianping_detectors::disparagement::Disparagement;
use tianping_detectors::fair_competition_review::FairCompetitionReview;
use tianping_detectors::unfair_terms::UnfairTerms;

use crate::support::*;

const AS_OF: &str = "2026-06-01T00:00:00+08:00";

/// Texts among `texts` whose finding count disagrees with `expected` (found or not), with the
/// findings' evidence.
fn wrong<'a>(
    texts: &[&'a str],
    expected: bool,
    found: impl Fn(&str) -> Vec<Finding>,
) -> Vec<(&'a str, Vec<Value>)> {
    texts
        .iter()
        .map(|t| (*t, found(t)))
        .filter(|(_, f)| f.is_empty() == expected)
        .map(|(t, f)| (t, f.into_iter().map(|f| f.evidence).collect()))
        .collect()
}

fn document(kind: &str, text: &str) -> Vec<Value> {
    vec![json!({"doc_id": "d", "kind": kind, "issuer": "p", "title": "规则", "text": text})]
}

fn platform_rule(text: &str) -> Vec<Finding> {
    run(
        &UnfairTerms,
        AS_OF,
        &data(&[("documents", document("platform_rule", text))], 1),
    )
}

fn campaign(text: &str) -> Vec<Finding> {
    let c = json!({"platform_id": "p", "campaign_id": "c", "name": "大促", "terms_text": text});
    run(&UnfairTerms, AS_OF, &data(&[("campaigns", vec![c])], 1))
}

/// 电子商务法 第三十四、三十五条: a platform-set or locked price or a restriction on other
/// platforms backed by a sanction, and a unilateral change, in other words.
#[test]
fn unfair_terms_in_other_wordings() {
    let campaign_positives = [
        "参加活动的商品价格由平台系统自动调整，商家不得更改，否则取消其活动资格",
        "參加活動的商品價格由平台系統自動調整，商家不得更改，否則取消其活動資格",
        "报名商品须接受平台统一定价，不接受的店铺将被限制流量",
        "秒杀商品一律执行平台核定的活动价，私自改价的，平台不再给予流量扶持",
    ];
    let rule_positives = [
        "商家如在其他平台参加同类活动，平台有权下调其店铺权重并收回活动补贴",
        "凡同时入驻竞对平台的商家，本平台将不再给予流量扶持",
        "商家佣金标准可随时调整，恕不另行通知",
    ];
    let campaign_negatives = [
        "活动期间，商家可随时在后台修改活动价或退出活动，平台不收取任何额外费用",
        "价格保护：下单后30天内价格锁定，如降价可申请退差价",
        "虚假发货的商家，平台将降低其搜索排名；活动价由商家自行设置",
        "商家自主定价，平台不会因为价格高低调整商品排序",
    ];
    let rule_negatives = [
        "商家可同时在其他平台经营，本平台不因此降低其搜索排名",
        "商家可自愿参加其他平台的活动，平台不会因此限制其店铺曝光",
        "自2027年1月1日起，技术服务费费率上调0.5个百分点，平台已于30日前公示征求意见",
    ];
    let mut bad = wrong(&campaign_positives, true, campaign);
    bad.extend(wrong(&rule_positives, true, platform_rule));
    bad.extend(wrong(&campaign_negatives, false, campaign));
    bad.extend(wrong(&rule_negatives, false, platform_rule));
    assert!(bad.is_empty(), "{bad:#?}");
}

/// Owner `o` and licensee `lic` sell 雪溪 at about ¥100; `x` is neither.
fn counterfeit(merchant: &str, title: &str) -> Vec<Finding> {
    let listing = |id: &str, m: &str, t: &str, price: i64| json!({"platform_id": "p", "listing_id": id, "merchant_id": m, "title": t, "brand": null, "list_price_fen": price});
    let listings = vec![
        listing("o1", "o", "雪溪 挂耳咖啡", 9_000),
        listing("o2", "o", "雪溪 咖啡豆", 11_000),
        listing("o3", "lic", "雪溪 冻干咖啡", 10_000),
        listing("c", merchant, title, 9_500),
    ];
    let merchants = ["o", "lic", "x"]
        .iter()
        .map(|m| json!({"platform_id": "p", "merchant_id": m, "uscc": format!("U-{m}")}))
        .collect();
    let tables = vec![
        ("listings", listings),
        ("merchants", merchants),
        (
            "trademarks",
            vec![
                json!({"reg_no": "42000001", "mark": "雪溪", "owner_uscc": "U-o", "owner_name": "杭州雪溪公司", "valid_to": "2034-01-01"}),
            ],
        ),
        (
            "trademark_licenses",
            vec![json!({"reg_no": "42000001", "licensee_uscc": "U-lic", "valid_to": null})],
        ),
    ];
    run(&Counterfeit, AS_OF, &data(&tables, 2))
        .into_iter()
        .filter(|f| f.subject.id == "c")
        .collect()
}

/// 商标法 第五十七条第（一）项: the mark itself with a claimed production source, in other words;
/// a reseller denying contract manufacture, a word that only contains "oem", and the licensee.
#[test]
fn counterfeit_source_claims_in_other_wordings() {
    let by_x = |t: &str| counterfeit("x", t);
    let positives = [
        "雪溪 挂耳咖啡 大牌代加工 同一流水线",
        "雪溪咖啡豆 代工廠直發",
        "雪溪 冻干咖啡 Oem工厂货",
        "雪溪 咖啡豆 外贸原单 尾货处理",
    ];
    let negatives = [
        "雪溪 挂耳咖啡 正品行货 非代工产品",
        "雪溪 挂耳咖啡 拒绝贴牌代工 假一赔十",
        "雪溪 咖啡杯 Poem诗意款",
    ];
    let mut bad = wrong(&positives, true, by_x);
    bad.extend(wrong(&negatives, false, by_x));
    bad.extend(wrong(
        &["雪溪 冻干咖啡 大牌代加工"],
        false,
        |t: &str| counterfeit("lic", t),
    ));
    assert!(bad.is_empty(), "{bad:#?}");
}

fn notice(text: &str) -> Vec<Finding> {
    let merchants = vec![
        json!({"platform_id": "p", "merchant_id": "m", "uscc": "U1", "name": "杭州甲公司", "shop_name": "甲租车旗舰店"}),
    ];
    let docs = vec![
        json!({"doc_id": "n", "kind": "merchant_notice", "issuer": "甲", "title": "公告", "text": text}),
    ];
    run(
        &Disparagement,
        AS_OF,
        &data(&[("merchants", merchants), ("documents", docs)], 1),
    )
}

/// 反不正当竞争法 第十一条: a rival's hidden history and never-honoured duties, in other words;
/// a rival praised with the same characters, our own conduct, a generic warning.
#[test]
fn disparagement_in_other_wordings() {
    let positives = [
        "提醒大家：安达租车公司的车基本都是泡过水的",
        "速达家政公司押金压根不退，大家小心",
        "恒通车行家卖的二手车出过大事故，还调过表",
        "快修網收了錢從來不發貨，千萬別找他們",
    ];
    let negatives = [
        "本店车辆从不调表，事故车一律不收",
        "速达家政公司的阿姨从来不退缩，再脏的活也干",
        "安达租车公司的车从来不褪色掉漆，保养得好",
        "租车前请看清合同条款，押金退还时间以合同为准",
    ];
    let mut bad = wrong(&positives, true, notice);
    bad.extend(wrong(&negatives, false, notice));
    assert!(bad.is_empty(), "{bad:#?}");
}

fn draft(text: &str) -> Vec<Finding> {
    let d = json!({"doc_id": "d", "kind": "policy_draft", "issuer": "某区商务局", "title": "若干措施", "text": text});
    run(
        &FairCompetitionReview,
        AS_OF,
        &data(&[("documents", vec![d])], 1),
    )
}

/// 公平竞争审查条例 第八条第（三）项 and 第十条第（一）项, in other words; the lawful ways of
/// designating (tender, with 第十二条's conditions) and of relieving taxes (under a law).
#[test]
fn fair_competition_review_in_other_wordings() {
    let positives = [
        "由区商务局指定杭州某某再生资源有限公司独家承办全区家电以旧换新回收业务",
        "选定杭州某某检测有限公司作为全市农产品唯一检测机构",
        "新设立的跨境电商企业免交三年房产税和城镇土地使用税",
        "對新引進的總部企業，三年內減半徵收房產稅",
    ];
    let negatives = [
        "依据《中华人民共和国企业所得税法》第二十八条，对符合条件的高新技术企业减按15%的税率征收企业所得税",
        "对按期完成整改的企业返还保证金，税务部门做好配合",
        "经公开招标，确定杭州某某公司为全区垃圾分类唯一收运服务单位，服务期三年",
        "为保障食品安全，加强对校园食堂的监督检查",
        "为保障公共安全，指定市燃气集团为全市管道燃气唯一经营单位；经论证，没有对公平竞争影响更小的替代方案；实施期限为2026年1月1日至2028年12月31日。",
    ];
    let mut bad = wrong(&positives, true, draft);
    bad.extend(wrong(&negatives, false, draft));
    assert!(bad.is_empty(), "{bad:#?}");
}
