//! Planted text cases for the five text detectors (`false_advertising`, `disparagement`,
//! `counterfeit`, `unfair_terms`, `fair_competition_review`): for every rule at least three
//! violations and three hard negatives — every exemption of the SAMR absolute-terms guideline, a
//! registered brand containing a term, lawful agreements, voluntary exclusivity, a policy draft
//! that invokes the 第十二条 exception properly. All text is written for this simulator.

use serde_json::json;

use crate::city::{City, DISTRICTS, ROADS, at, date, uscc};
use crate::rng::Rng;
use crate::truth::Label;

const FA: &str = "false_advertising";
const ABS: &str = "false_advertising.absolute_terms";
const CLAIMS: &str = "false_advertising.health_claims";
const STATEMENT: &str = "false_advertising.missing_statement";
const APPROVAL: &str = "false_advertising.missing_approval";
const DIS: &str = "disparagement";
const DIS_RULE: &str = "disparagement.named_competitor";
const CF_RULE: &str = "counterfeit.mark_lookalike";
const UT: &str = "unfair_terms";
const UT_RULE: &str = "unfair_terms.restrictive_clause";
const FCR: &str = "fair_competition_review";
const FCR_RULE: &str = "fair_competition_review.clause";

const MALL: &str = "huishang";
const LIVE: &str = "kanbo";

/// A planted shop: a registered company with a merchant account.
struct Shop {
    platform: &'static str,
    merchant: String,
    uscc: String,
    name: String,
    listings: usize,
}

fn shop(city: &mut City, rng: &mut Rng, platform: &'static str, tag: &str, name: &str) -> Shop {
    let merchant = format!("{platform}-tx-{tag}");
    let (adcode, district) = *rng.pick(DISTRICTS);
    let code = uscc(rng, adcode, true);
    let company = format!("杭州{name}有限公司");
    let address = format!("杭州市{district}{}{}号", rng.pick(ROADS), rng.range(1, 999));
    city.add(platform, "merchants", json!({
        "platform_id": platform, "merchant_id": merchant, "merchant_type": "company", "uscc": code, "holder_pid": null,
        "name": company, "shop_name": format!("{name}旗舰店"), "address": address, "adcode": adcode,
        "contact_pid": rng.hex64(), "license_displayed": true, "opened_on": date(-700), "closed_on": null,
        "annual_turnover_fen": 80_000_000,
    }));
    city.add("registry", "registry", json!({
        "uscc": code, "name": company, "entity_type": "company", "legal_rep_pid": rng.hex64(), "address": address,
        "adcode": adcode, "established_on": date(-1500), "status": "active", "business_scope": "日用百货、食品销售",
        "registered_capital_fen": 200_000_000, "annual_report_filed": true,
    }));
    Shop {
        platform,
        merchant,
        uscc: code,
        name: company,
        listings: 0,
    }
}

/// A listing's text fields.
#[derive(Default)]
struct Text<'a> {
    title: &'a str,
    description: Option<&'a str>,
    class: &'a str,
    brand: Option<&'a str>,
    reg_no: Option<&'a str>,
    approval: Option<&'a str>,
    price: i64,
}

/// Adds a listing of `shop`; returns its id.
fn listing(city: &mut City, shop: &mut Shop, t: &Text<'_>) -> String {
    let id = format!("{}-l{}", shop.merchant, shop.listings);
    shop.listings += 1;
    let category = match t.class {
        "food" | "health_food" | "special_medical_food" => "食品/保健",
        "ordinary_cosmetic" | "special_cosmetic" => "美妆/护肤",
        "drug" | "medical_device" => "医药/器械",
        _ => "家居/日用",
    };
    city.add(shop.platform, "listings", json!({
        "platform_id": shop.platform, "listing_id": id, "merchant_id": shop.merchant, "title": t.title,
        "description": t.description, "category": category, "product_class": t.class, "brand": t.brand,
        "trademark_reg_no": t.reg_no, "ad_approval_no": t.approval, "list_price_fen": t.price,
        "no_reason_return": true, "created_at": at(-30, 36_000), "delisted_at": null,
    }));
    id
}

fn session(city: &mut City, rng: &mut Rng, shop: &Shop, id: &str, day: i64, transcript: &str) {
    city.add(LIVE, "live_sessions", json!({
        "platform_id": LIVE, "session_id": id, "room_id": format!("room-{id}"), "host_pid": rng.hex64(),
        "mcn_uscc": null, "merchant_id": shop.merchant, "started_at": at(day, 72_000), "ended_at": at(day, 79_200),
        "peak_viewers": rng.range(500, 20_000), "gmv_fen": rng.range(100_000, 5_000_000), "transcript": transcript,
    }));
}

fn document(
    city: &mut City,
    supplier: &str,
    id: &str,
    kind: &str,
    issuer: &str,
    title: &str,
    text: &str,
) {
    city.add(supplier, "documents", json!({
        "doc_id": id, "kind": kind, "issuer": issuer, "title": title, "text": text, "submitted_at": at(4, 36_000),
    }));
}

fn trademark(city: &mut City, reg_no: &str, mark: &str, owner: &Shop) {
    city.add(
        "ip_office",
        "trademarks",
        json!({
            "reg_no": reg_no, "mark": mark, "owner_uscc": owner.uscc, "owner_name": owner.name,
            "nice_classes": [30, 35], "valid_to": "2034-06-30",
        }),
    );
}

/// Plants the text cases.
pub(crate) fn plant(city: &mut City, root: &Rng, days: i64) {
    let mut rng = root.fork("plant-texts");
    let day = (days / 3).max(1);
    absolute_terms(city, &mut rng, day);
    claims(city, &mut rng, day);
    statements(city, &mut rng);
    disparagement_and_counterfeit(city, &mut rng, day);
    terms(city, &mut rng, day);
    policy(city);
}

fn listing_case(
    city: &mut City,
    shop: &mut Shop,
    rule: &str,
    label: Label,
    why: &str,
    t: &Text<'_>,
) {
    let detector = rule.split('.').next().unwrap_or(rule).to_string();
    let id = listing(city, shop, t);
    city.truth
        .add(&detector, rule, shop.platform, &id, label, why);
}

fn absolute_terms(city: &mut City, rng: &mut Rng, day: i64) {
    use Label::{Negative as N, Positive as P};
    let mut s = shop(city, rng, MALL, "abs", "优选贸易");
    let cases: [(Label, &str, Text<'_>); 5] = [
        (
            P,
            "标题称“全网最低价”",
            Text {
                title: "全网最低价 手工竹编收纳篮 大号",
                class: "general",
                price: 3_900,
                ..Text::default()
            },
        ),
        (
            P,
            "描述称“国家级品质”，“最 佳”用空格规避",
            Text {
                title: "竹纤维毛巾 3条装",
                description: Some("国家级品质，柔软吸水，是送礼的最 佳选择。"),
                class: "general",
                price: 4_900,
                ..Text::default()
            },
        ),
        (
            P,
            "称“销量第一”而无时间和出处",
            Text {
                title: "临安山核桃仁 销量第一 500g",
                class: "food",
                price: 8_800,
                ..Text::default()
            },
        ),
        (
            N,
            "“最佳赏味期”是使用提示（执法指南第2项）",
            Text {
                title: "明前西湖龙井 250g",
                description: Some("密封冷藏保存，最佳赏味期十八个月，开封后请尽快饮用。"),
                class: "food",
                price: 39_900,
                ..Text::default()
            },
        ),
        (
            N,
            "“特级”附执行标准，是标准等级（执法指南第3项）",
            Text {
                title: "特级 西湖龙井 250g",
                description: Some("质量等级：特级，执行标准GB/T 18650。"),
                class: "food",
                price: 45_900,
                ..Text::default()
            },
        ),
    ];
    for (label, why, t) in &cases {
        listing_case(city, &mut s, ABS, *label, why, t);
    }
    let mut s = shop(city, rng, MALL, "abs2", "竹影家居");
    let cases: [(Label, &str, Text<'_>); 2] = [
        (
            N,
            "“本店最新款”是店内自我比较（执法指南第1项）",
            Text {
                title: "本店最新款 蚕丝围巾",
                class: "general",
                price: 25_900,
                ..Text::default()
            },
        ),
        (
            N,
            "“第一次”是时间顺序，不是排名（执法指南第7项）",
            Text {
                title: "竹编果盘 手工编织",
                description: Some("第一次买就喜欢上了这种编法，每一件都由老师傅手工完成。"),
                class: "general",
                price: 6_900,
                ..Text::default()
            },
        ),
    ];
    for (label, why, t) in &cases {
        listing_case(city, &mut s, ABS, *label, why, t);
    }
    // A registered trademark containing "第一" (执法指南第4项), owned by the merchant.
    let mut owner = shop(city, rng, MALL, "diyifang", "第一坊食品");
    trademark(city, "41000001", "第一坊", &owner);
    listing_case(
        city,
        &mut owner,
        ABS,
        N,
        "品牌“第一坊”是该经营者的注册商标（执法指南第4项）",
        &Text {
            title: "第一坊 桂花糕 300g",
            class: "food",
            brand: Some("第一坊"),
            reg_no: Some("41000001"),
            price: 3_200,
            ..Text::default()
        },
    );
    // Live streams.
    let host = shop(city, rng, LIVE, "abs-live", "播客好物");
    for (id, label, why, text) in [
        (
            "tx-live-abs1",
            P,
            "主播称“全网第一”“最好用”",
            "家人们，这款收纳篮是全网第一的好东西，我们家用过最好用的就是它，赶紧下单。",
        ),
        (
            "tx-live-abs2",
            N,
            "“第一次”“最佳赏味期”均属豁免",
            "第一次来直播间的朋友欢迎你们，这款龙井最佳赏味期是十八个月，收到后放冰箱冷藏。",
        ),
    ] {
        session(city, rng, &host, id, day, text);
        city.truth
            .add_subject(FA, ABS, "live_session", LIVE, id, label, why);
    }
}

fn claims(city: &mut City, rng: &mut Rng, day: i64) {
    use Label::{Negative as N, Positive as P};
    let mut s = shop(city, rng, MALL, "claims", "康泰生活");
    let cases: [(Label, &str, Text<'_>); 6] = [
        (
            P,
            "普通食品宣称“降血糖”（广告法第十七条）",
            Text {
                title: "降血糖 苦瓜茶 250g",
                class: "food",
                price: 5_900,
                ..Text::default()
            },
        ),
        (
            P,
            "普通化妆品宣称“美白祛斑”（特殊化妆品功效）",
            Text {
                title: "美白祛斑 精华霜 30g",
                class: "ordinary_cosmetic",
                price: 12_900,
                ..Text::default()
            },
        ),
        (
            P,
            "保健食品宣称“防癌”（广告法第十八条第（二）项）",
            Text {
                title: "灵芝孢子粉胶囊 60粒",
                description: Some("每日两次，防癌抗衰。本品不能代替药物。"),
                class: "health_food",
                approval: Some("国食健广审(文)第260101001号"),
                price: 29_900,
                ..Text::default()
            },
        ),
        (
            N,
            "特殊化妆品在注册范围内宣称防晒",
            Text {
                title: "清透防晒乳 SPF50 50ml",
                class: "special_cosmetic",
                price: 15_900,
                ..Text::default()
            },
        ),
        (
            N,
            "药品广告可说明适应症（广告法第十七条除外情形）",
            Text {
                title: "布洛芬缓释胶囊 0.3g×24粒",
                description: Some(
                    "用于治疗轻至中度疼痛。请按药品说明书或者在药师指导下购买和使用。",
                ),
                class: "drug",
                approval: Some("浙药广审(文)第260102002号"),
                price: 2_600,
                ..Text::default()
            },
        ),
        (
            N,
            "“治疗期间”是使用说明，不是疗效宣称",
            Text {
                title: "护腰带 透气款",
                description: Some("治疗期间请遵医嘱佩戴，每次不超过两小时。"),
                class: "general",
                price: 8_900,
                ..Text::default()
            },
        ),
    ];
    for (label, why, t) in &cases {
        listing_case(city, &mut s, CLAIMS, *label, why, t);
    }
    let host = shop(city, rng, LIVE, "claims-live", "茶语人家");
    session(
        city,
        rng,
        &host,
        "tx-live-claims1",
        day + 1,
        "这款荞麦茶天天喝能降血压，喝一个月就能根治，叔叔阿姨们放心买。",
    );
    city.truth.add_subject(
        FA,
        CLAIMS,
        "live_session",
        LIVE,
        "tx-live-claims1",
        P,
        "直播中称普通食品“降血压”“根治”",
    );
}

fn statements(city: &mut City, rng: &mut Rng) {
    use Label::{Negative as N, Positive as P};
    let mut s = shop(city, rng, MALL, "health", "安康保健品");
    let approval = Some("国食健广审(文)第260103003号");
    let statement_cases: [(Label, &str, Text<'_>); 6] = [
        (
            P,
            "保健食品广告未标明“本品不能代替药物”",
            Text {
                title: "深海鱼油软胶囊 100粒",
                description: Some("精选深海鱼油，每日两粒，全家适用。"),
                class: "health_food",
                approval,
                price: 15_900,
                ..Text::default()
            },
        ),
        (
            P,
            "保健食品广告未标明“本品不能代替药物”",
            Text {
                title: "蛋白质粉 400g",
                description: Some("乳清蛋白与大豆蛋白双蛋白配方，冲调方便。"),
                class: "health_food",
                approval,
                price: 19_900,
                ..Text::default()
            },
        ),
        (
            P,
            "保健食品广告未标明“本品不能代替药物”",
            Text {
                title: "钙维生素D片 120片",
                description: Some("每日一片，随餐嚼服，适合中老年人。"),
                class: "health_food",
                approval,
                price: 9_900,
                ..Text::default()
            },
        ),
        (
            N,
            "已标明“本品不能代替药物”",
            Text {
                title: "维生素C咀嚼片 90片",
                description: Some("每日一片，酸甜口味。本品不能代替药物。"),
                class: "health_food",
                approval,
                price: 6_900,
                ..Text::default()
            },
        ),
        (
            N,
            "声明中夹空格仍是已标明",
            Text {
                title: "葡萄籽胶囊 60粒",
                description: Some("每日两粒。本品不能 代替药物。"),
                class: "health_food",
                approval,
                price: 12_900,
                ..Text::default()
            },
        ),
        (
            N,
            "只有商品名称、没有广告文案",
            Text {
                title: "褪黑素片 30片",
                class: "health_food",
                approval,
                price: 4_900,
                ..Text::default()
            },
        ),
    ];
    for (label, why, t) in &statement_cases {
        listing_case(city, &mut s, STATEMENT, *label, why, t);
    }
    let mut s = shop(city, rng, MALL, "pharma", "仁心大药房");
    let approval_cases: [(Label, &str, Text<'_>); 6] = [
        (
            P,
            "药品广告未载明广告批准文号",
            Text {
                title: "感冒灵颗粒 10袋",
                description: Some(
                    "用于感冒引起的头痛发热。请按药品说明书或者在药师指导下购买和使用。",
                ),
                class: "drug",
                price: 1_800,
                ..Text::default()
            },
        ),
        (
            P,
            "医疗器械广告未载明广告批准文号",
            Text {
                title: "家用上臂式电子血压计",
                description: Some(
                    "大屏显示，一键测量。请仔细阅读产品说明书或者在医务人员的指导下购买和使用。",
                ),
                class: "medical_device",
                price: 19_900,
                ..Text::default()
            },
        ),
        (
            P,
            "特殊医学用途配方食品广告未载明广告批准文号",
            Text {
                title: "全营养配方粉 400g",
                description: Some("适用于需要补充营养的人群，请在医生或临床营养师指导下使用。"),
                class: "special_medical_food",
                price: 26_900,
                ..Text::default()
            },
        ),
        (
            N,
            "药品广告载明了广告批准文号",
            Text {
                title: "复方板蓝根颗粒 20袋",
                description: Some("清热解毒。请按药品说明书或者在药师指导下购买和使用。"),
                class: "drug",
                approval: Some("浙药广审(文)第260104004号"),
                price: 1_500,
                ..Text::default()
            },
        ),
        (
            N,
            "只有商品名称、没有广告文案",
            Text {
                title: "医用外科口罩 50只",
                class: "medical_device",
                price: 2_900,
                ..Text::default()
            },
        ),
        (
            N,
            "普通食品的广告不需要审查",
            Text {
                title: "山楂条 500g",
                description: Some("选用山东大山楂，酸甜开胃，独立小包装。"),
                class: "food",
                price: 2_500,
                ..Text::default()
            },
        ),
    ];
    for (label, why, t) in &approval_cases {
        listing_case(city, &mut s, APPROVAL, *label, why, t);
    }
}

fn disparagement_and_counterfeit(city: &mut City, rng: &mut Rng, day: i64) {
    use Label::{Negative as N, Positive as P};
    // The brand owner, a licensee and their genuine listings (the market price).
    let mut owner = shop(city, rng, MALL, "xuexi", "雪溪咖啡");
    trademark(city, "42000001", "雪溪", &owner);
    trademark(city, "42000002", "AURELO", &owner);
    let mut licensee = shop(city, rng, MALL, "xuexi-lic", "溪畔食品");
    city.add(
        "ip_office",
        "trademark_licenses",
        json!({"reg_no": "42000001", "licensee_uscc": licensee.uscc, "valid_to": "2030-12-31"}),
    );
    city.add(
        "ip_office",
        "trademark_licenses",
        json!({"reg_no": "42000002", "licensee_uscc": licensee.uscc, "valid_to": null}),
    );
    for (t, b, p) in [
        ("雪溪 挂耳咖啡 10片", "雪溪", 8_900),
        ("雪溪 咖啡豆 500g", "雪溪", 12_900),
        ("AURELO 真皮钱包", "AURELO", 59_900),
    ] {
        listing(
            city,
            &mut owner,
            &Text {
                title: t,
                class: "food",
                brand: Some(b),
                reg_no: None,
                price: p,
                ..Text::default()
            },
        );
    }
    listing(
        city,
        &mut licensee,
        &Text {
            title: "AURELO 男士皮带",
            class: "general",
            brand: Some("AURELO"),
            price: 49_900,
            ..Text::default()
        },
    );
    listing_case(
        city,
        &mut licensee,
        CF_RULE,
        N,
        "被许可人使用许可商标",
        &Text {
            title: "雪溪 冻干咖啡 20颗",
            class: "food",
            brand: Some("雪溪"),
            reg_no: Some("42000001"),
            price: 9_900,
            ..Text::default()
        },
    );
    listing_case(
        city,
        &mut owner,
        CF_RULE,
        N,
        "权利人自己的清仓低价商品",
        &Text {
            title: "雪溪 临期咖啡豆 清仓",
            class: "food",
            brand: Some("雪溪"),
            price: 2_900,
            ..Text::default()
        },
    );
    // Counterfeits and look-alikes.
    let mut fake = shop(city, rng, MALL, "fake", "潮品汇");
    let cases: [(Label, &str, Text<'_>); 4] = [
        (
            P,
            "形近字“雷溪”仿冒“雪溪”，售价远低于市场价",
            Text {
                title: "雷溪 挂耳咖啡 10片",
                class: "food",
                brand: Some("雷溪"),
                price: 1_990,
                ..Text::default()
            },
        ),
        (
            P,
            "“AURE1O”以数字1冒充字母L，并称“原单”",
            Text {
                title: "AURE1O 真皮钱包 原单",
                class: "general",
                price: 8_900,
                ..Text::default()
            },
        ),
        (
            P,
            "使用相同商标“雪溪”，称“高仿”，售价远低于市场价",
            Text {
                title: "雪溪 咖啡豆 高仿 500g",
                class: "food",
                brand: Some("雪溪"),
                price: 2_900,
                ..Text::default()
            },
        ),
        (
            P,
            "近似拼写“Aurela”仿冒“AURELO”",
            Text {
                title: "Aurela 复古钱包",
                class: "general",
                brand: Some("Aurela"),
                price: 19_900,
                ..Text::default()
            },
        ),
    ];
    for (label, why, t) in &cases {
        listing_case(city, &mut fake, CF_RULE, *label, why, t);
    }
    let mut reseller = shop(city, rng, MALL, "resell", "咖啡小铺");
    let cases: [(Label, &str, Text<'_>); 3] = [
        (
            N,
            "转售正品：相同商标、市场价、无仿冒用语（权利用尽）",
            Text {
                title: "雪溪 挂耳咖啡 10片 正品",
                class: "food",
                brand: Some("雪溪"),
                price: 9_500,
                ..Text::default()
            },
        ),
        (
            N,
            "“适用于雪溪咖啡机”说明配件用途",
            Text {
                title: "滤网 适用于雪溪咖啡机",
                class: "general",
                price: 990,
                ..Text::default()
            },
        ),
        (
            N,
            "“高仿真”是普通用语，且未使用他人商标",
            Text {
                title: "高仿真绿植摆件 客厅装饰",
                class: "general",
                price: 3_900,
                ..Text::default()
            },
        ),
    ];
    for (label, why, t) in &cases {
        listing_case(city, &mut reseller, CF_RULE, *label, why, t);
    }

    // Disparagement.
    let mut rival = shop(city, rng, MALL, "rival", "咖香坊");
    let cases: [(Label, &str, Text<'_>); 5] = [
        (
            P,
            "称“隔壁家卖的都是假货，千万别买”",
            Text {
                title: "手工竹编收纳篮",
                description: Some("隔壁家卖的都是假货，千万别买，认准我们。"),
                class: "general",
                price: 5_900,
                ..Text::default()
            },
        ),
        (
            P,
            "点名注册商标“雪溪”，称其咖啡“都是假的”“致癌”",
            Text {
                title: "云南小粒咖啡豆 500g",
                description: Some("雪溪的咖啡豆都是假的，喝多了致癌，不如试试我们的。"),
                class: "food",
                price: 6_900,
                ..Text::default()
            },
        ),
        (
            N,
            "只说自己不卖假货，没有指向对手",
            Text {
                title: "云南小粒咖啡 挂耳",
                description: Some("本店不卖假货，假一赔十。"),
                class: "food",
                price: 3_900,
                ..Text::default()
            },
        ),
        (
            N,
            "提到隔壁家但没有负面陈述",
            Text {
                title: "咖啡滤纸 100张",
                description: Some("隔壁家也有同款，欢迎比价。"),
                class: "general",
                price: 990,
                ..Text::default()
            },
        ),
        (
            N,
            "“垃圾袋”不是负面陈述",
            Text {
                title: "加厚垃圾袋 100只",
                description: Some("比别家的更结实耐用。"),
                class: "general",
                price: 1_290,
                ..Text::default()
            },
        ),
    ];
    for (label, why, t) in &cases {
        listing_case(city, &mut rival, DIS_RULE, *label, why, t);
    }
    // The owner defending its own brand is not disparagement.
    listing_case(
        city,
        &mut owner,
        DIS_RULE,
        N,
        "权利人说自己的品牌“绝不是假货”",
        &Text {
            title: "雪溪 咖啡礼盒",
            description: Some("我们雪溪咖啡绝不是假货，每一批都可溯源。"),
            class: "food",
            brand: Some("雪溪"),
            price: 16_900,
            ..Text::default()
        },
    );
    let host = shop(city, rng, LIVE, "dis-live", "美肌小屋");
    session(
        city,
        rng,
        &host,
        "tx-live-dis1",
        day + 2,
        "某品牌的面霜含有害物质，用了会烂脸，大家千万不要买，买我们家的。",
    );
    city.truth.add_subject(
        DIS,
        DIS_RULE,
        "live_session",
        LIVE,
        "tx-live-dis1",
        P,
        "直播中称“某品牌的面霜含有害物质”",
    );
    document(
        city,
        MALL,
        "tx-notice-dis",
        "merchant_notice",
        "咖香坊旗舰店",
        "店铺公告",
        "本店郑重提醒：友商的挂耳咖啡都是山寨货，请认准本店。",
    );
    city.truth.add_global(
        DIS,
        DIS_RULE,
        "document",
        "tx-notice-dis",
        P,
        "店铺公告称“友商的挂耳咖啡都是山寨货”",
    );
}

fn terms(city: &mut City, rng: &mut Rng, day: i64) {
    use Label::{Negative as N, Positive as P};
    let _ = rng;
    let docs: [(&str, &str, &str, &str, Label, &str); 6] = [
        (
            "tx-agreement-exclusive",
            "platform_agreement",
            "平台内经营者入驻协议（补充条款）",
            "第一条 经营者应当如实发布商品信息。第二条 经营者入驻本平台期间，不得入驻其他平台，否则本平台有权没收保证金。",
            P,
            "协议要求经营者不得入驻其他平台（二选一），并以没收保证金相威胁",
        ),
        (
            "tx-rule-change",
            "platform_rule",
            "平台交易规则（2026 修订）",
            "一、平台有权随时修改本规则，修改后立即生效，恕不另行通知。二、经营者应遵守本规则。",
            P,
            "规则可随时修改、立即生效，未提前七日公示",
        ),
        (
            "tx-notice-noreturn",
            "merchant_notice",
            "店铺公告",
            "本店商品一经售出，概不退换，最终解释权归本店所有。",
            P,
            "店堂告示排除消费者退换货权利",
        ),
        (
            "tx-rule-notice",
            "platform_rule",
            "平台规则修订说明",
            "平台修改本规则的，修改内容将于实施前七日在首页公示，恕不另行通知。经营者不接受修改的，可以退出平台。",
            N,
            "修改规则提前七日公示，符合电子商务法第三十四条",
        ),
        (
            "tx-agreement-lawful",
            "platform_agreement",
            "公平经营承诺",
            "平台不得要求经营者二选一，经营者可以自主选择在其他平台开展经营。平台不会限制经营者参加其他平台的活动。",
            N,
            "协议明确不要求二选一",
        ),
        (
            "tx-agreement-fees",
            "platform_agreement",
            "技术服务费协议",
            "经营者按成交金额的百分之二支付技术服务费，保证金在退出平台后十五个工作日内全额退还。",
            N,
            "收费与保证金条款合理明确",
        ),
    ];
    for (id, kind, title, text, label, why) in docs {
        document(city, MALL, id, kind, MALL, title, text);
        city.truth
            .add_global(UT, UT_RULE, "document", id, label, why);
    }
    let campaigns: [(&str, &str, Label, &str); 3] = [
        (
            "tx-camp-exclusive",
            "报名参加本次大促的商家须与平台独家合作，活动期间不得参加其他平台同类活动，违者搜索降权。",
            P,
            "活动规则要求不得参加其他平台活动，违者搜索降权",
        ),
        (
            "tx-camp-forced",
            "参加活动的商家须缴纳推广费，未缴纳者屏蔽店铺并搜索降权。",
            P,
            "以屏蔽店铺、搜索降权强制收费",
        ),
        (
            "tx-camp-voluntary",
            "自愿选择独家合作的商家可获得首页流量扶持，商家可随时退出。",
            N,
            "自愿的独家合作激励，一个弱线索不构成限制",
        ),
    ];
    for (id, text, label, why) in campaigns {
        city.add(LIVE, "campaigns", json!({
            "platform_id": LIVE, "campaign_id": id, "name": "年终大促", "starts_at": at(day + 5, 0), "ends_at": at(day + 8, 0),
            "terms_text": text,
        }));
        city.truth
            .add_subject(UT, UT_RULE, "campaign", LIVE, id, label, why);
    }
}

fn policy(city: &mut City) {
    use Label::{Negative as N, Positive as P};
    let issuer = "杭州市某区商务局";
    let drafts: [(&str, &str, &str, Label, &str); 7] = [
        (
            "tx-draft-designate",
            "关于加快智慧商圈建设的实施意见（征求意见稿）",
            "一、本区政府投资的商圈改造项目应当指定使用本地企业生产的智能终端。二、加强商圈运营管理。",
            P,
            "指定使用本地企业的商品（第八条第（三）项）",
        ),
        (
            "tx-draft-tax",
            "关于支持平台企业落户的若干政策（征求意见稿）",
            "对在本区注册的平台企业给予税收返还，并给予一次性奖励五百万元。",
            P,
            "对特定经营者税收返还（第十条第（一）项）",
        ),
        (
            "tx-draft-price",
            "关于规范网约车经营的通知（征求意见稿）",
            "本区网约车服务实行统一定价，各平台收费不得低于指导价。",
            P,
            "干预市场调节价（第十一条）",
        ),
        (
            "tx-draft-partial",
            "关于支持新能源产业的若干措施（征求意见稿）",
            "为保护生态环境，对本区新能源车企给予税收返还。",
            P,
            "援引第十二条例外，但没有替代方案说明和实施期限",
        ),
        (
            "tx-draft-exception",
            "关于推动节能改造的若干措施（征求意见稿）",
            "为节约能源、保护生态环境，对购置节能设备的经营者给予税收返还。经评估，没有对公平竞争影响更小的替代方案。本措施实施期限为两年。",
            N,
            "完整援引第十二条例外：理由、无更小替代方案、实施期限",
        ),
        (
            "tx-draft-lawful",
            "关于扶持小微企业的通知（征求意见稿）",
            "符合条件的小微企业依法享受税收优惠，各部门不得设置歧视性条件。",
            N,
            "依法享受税收优惠，有法律依据",
        ),
        (
            "tx-draft-expo",
            "关于组织企业参加展会的通知（征求意见稿）",
            "支持本地产品参加国内外展会，展位向所有企业公开招募。",
            N,
            "单一弱线索：支持参展，不限定、不歧视",
        ),
    ];
    for (id, title, text, label, why) in drafts {
        document(city, "regulator", id, "policy_draft", issuer, title, text);
        city.truth
            .add_global(FCR, FCR_RULE, "document", id, label, why);
    }
    city.truth.add_global(
        FCR,
        FCR_RULE,
        "document",
        "draft-2026-01",
        N,
        "诚信背景：支持平等参与的政策草案",
    );
}
