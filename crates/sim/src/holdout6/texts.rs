//! The sixth set's text cases: advertising in listings and live streams (广告法 第九条第（三）项
//! with the SAMR 2023 guideline's exemptions, 第十六至十八条, 第四十六条), disparagement of a
//! named competitor (反不正当竞争法 第十一条), marks (商标法 第五十七条, and a referential use for
//! compatible parts) and the clauses of platform agreements, rules, contracts and policy drafts
//! (电子商务法 第三十五条; 消费者权益保护法 第二十六条; 公平竞争审查条例 第八至十二条). Texts come as
//! questions, lists, traditional characters, English and pinyin mixed in, and emoji separators.

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::City;
use crate::kit::Item;
use crate::kit::rules::{ABS, APPROVAL, HEALTH, Labels, STATEMENT};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative as N, Positive as P};

/// A listing-advertising case: (platform, shop, title, description, class, approval number,
/// labels).
type AdCase = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
    Labels,
);

pub(super) fn advertising(city: &mut City, rng: &mut Rng, days: i64) {
    let last = days - 1;
    let listings: [AdCase; 17] = [
        (
            LOCAL,
            "鸿鹄考研",
            "考研政治 冲刺班 杭州第一的考研机构",
            Some("通过率全省最高，TOP1名师团队，报名即享内部押题"),
            "digital",
            None,
            &[(
                ABS,
                P,
                "“杭州第一”“全省最高”“TOP1”为无依据的绝对化用语（广告法第九条第（三）项；教育培训广告另受第二十四条约束）",
            )],
        ),
        (
            LOCAL,
            "颜究所轻医美",
            "皮秒 全脸嫩肤 顶级设备",
            Some("全球顶级皮秒设备，效果无可比拟，做过的都说好"),
            "general",
            None,
            &[(
                ABS,
                P,
                "“顶级设备”“无可比拟”是绝对化用语，无法证实（广告法第九条第（三）项）",
            )],
        ),
        (
            MALL,
            "囍·婚紗攝影",
            "全網最低價 婚紗照 三亞旅拍 含機票",
            Some("找不到比我們更低的價格！同款套系全網最低，不信來比"),
            "general",
            None,
            &[(
                ABS,
                P,
                "繁体书写的“全網最低價”“找不到比我們更低的價格”是绝对化的价格用语，没有时间、范围和依据（广告法第九条第（三）项；2023年广告绝对化用语执法指南）",
            )],
        ),
        (
            MALL,
            "云匣科技",
            "🔥NO.1云盘🔥 速度全网最快 ✅ 不限速",
            Some("✅上传下载全网zui快✅ 同类产品No.1 ✅ 专属客服"),
            "digital",
            None,
            &[(
                ABS,
                P,
                "emoji间隔的“NO.1”“全网最快”（详情页以拼音写作“全网zui快”）是绝对化用语，没有测试依据（广告法第九条第（三）项）",
            )],
        ),
        (
            LOCAL,
            "鲜达跑腿",
            "同城跑腿 帮买帮送 打通最后一公里",
            Some("30分钟内上门取件，按距离计费，价格公开透明"),
            "general",
            None,
            &[(
                ABS,
                N,
                "“最后一公里”是描述配送末端的固定说法，不是对服务的绝对化评价（2023年广告绝对化用语执法指南；广告法第九条第（三）项）",
            )],
        ),
        (
            MALL,
            "糖小满手作",
            "手工牛轧糖 蔓越莓 400g",
            Some(
                "我们不敢说“最好吃”，也不说“第一”，只告诉你用了什么：奶粉、麦芽糖、花生、蔓越莓，四样原料。",
            ),
            "food",
            None,
            &[(
                ABS,
                N,
                "“最好吃”“第一”出现在明确的否定里，广告没有作出绝对化的宣称（广告法第九条第（三）项）",
            )],
        ),
        (
            LOCAL,
            "颜究所轻医美",
            "点阵激光 痘坑修复 3次疗程",
            Some("治愈率99%，一次见效，零风险无副作用，不满意全额退款"),
            "general",
            None,
            &[(
                HEALTH,
                P,
                "医疗美容服务广告宣称“治愈率99%”“零风险无副作用”，属说明治愈率和对功效、安全性的保证（广告法第十六条第一款第（一）（二）项）",
            )],
        ),
        (
            MALL,
            "杏林大药房",
            "护肝片 保健食品 60片 熬夜应酬",
            Some(
                "治疗脂肪肝、酒精肝，三个疗程转氨酶恢复正常。保健功能：对化学性肝损伤有辅助保护作用。",
            ),
            "health_food",
            Some("浙食健广审（文）第261114-01836号"),
            &[
                (
                    HEALTH,
                    P,
                    "保健食品宣称“治疗脂肪肝、酒精肝”，涉及疾病治疗功能（广告法第十八条第一款第（一）项）",
                ),
                (
                    STATEMENT,
                    P,
                    "保健食品广告没有显著标明“本品不能代替药物”（广告法第十八条第二款）",
                ),
            ],
        ),
        (
            MALL,
            "山野茶舍",
            "苦荞茶 糖友专用 500g",
            Some("糖尿病人可以喝的茶：每天三杯，血糖稳稳的，胰岛素慢慢减量。"),
            "food",
            None,
            &[(
                HEALTH,
                P,
                "普通食品宣称稳定血糖、可减少胰岛素，属宣称疾病治疗功能（广告法第十七条；食品安全法第七十一条）",
            )],
        ),
        (
            MALL,
            "青丝源",
            "防脱洗发液 特殊化妆品 400ml",
            Some("防脱发（国家药监局注册的特殊化妆品功效，国妆特字见包装）。"),
            "special_cosmetic",
            None,
            &[(
                HEALTH,
                N,
                "防脱发是特殊化妆品经注册的功效，在注册范围内宣传，不是疾病治疗宣称（化妆品监督管理条例第十六条、第三十七条；广告法第十七条）",
            )],
        ),
        (
            MALL,
            "糖小满手作",
            "黑芝麻丸 手工 无蔗糖 32颗",
            Some("常有人问：吃这个能治白发吗？不能。它只是零食，白发请看医生。"),
            "food",
            None,
            &[(
                HEALTH,
                N,
                "以问答形式明确否认治疗作用，没有宣称任何疾病治疗功能（广告法第十七条）",
            )],
        ),
        (
            MALL,
            "康源生物",
            "辅酶Q10软胶囊 保健食品 60粒",
            Some("保健功能：增强免疫力。本品可代替部分药物，长期服用效果更佳。"),
            "health_food",
            Some("浙食健广审（文）第261020-00912号"),
            &[(
                STATEMENT,
                P,
                "声明被改写成“本品可代替部分药物”，与法定的“本品不能代替药物”意思相反，没有法定声明（广告法第十八条第二款）",
            )],
        ),
        (
            MALL,
            "康源生物",
            "乳清蛋白粉 保健食品 450g",
            Some("保健功能：增强免疫力。本品不能代替藥物。不適宜人群：少年兒童。"),
            "health_food",
            Some("浙食健广审（文）第261020-00913号"),
            &[
                (
                    STATEMENT,
                    N,
                    "以繁体字标明“本品不能代替藥物”，声明完整（广告法第十八条第二款）",
                ),
                (
                    APPROVAL,
                    N,
                    "保健食品广告标明了广告批准文号（广告法第四十六条）",
                ),
            ],
        ),
        (
            LOCAL,
            "杏林大药房",
            "维生素C咀嚼片 保健食品 30分钟送达",
            Some("保健功能：补充维生素C。夜间也可下单，骑手30分钟送到家。"),
            "health_food",
            Some("浙食健广审（文）第261102-02217号"),
            &[(
                STATEMENT,
                P,
                "药店外卖渠道的保健食品广告没有“本品不能代替药物”的声明（广告法第十八条第二款）",
            )],
        ),
        (
            MALL,
            "光电美肤",
            "家用射频美容仪 II类医疗器械",
            Some("请仔细阅读产品说明书或者在医务人员的指导下购买和使用。"),
            "medical_device",
            None,
            &[(
                APPROVAL,
                P,
                "作为医疗器械发布广告却没有广告批准文号（广告法第四十六条）",
            )],
        ),
        (
            LOCAL,
            "杏林大药房",
            "氯雷他定片 OTC 10mg×6片 夜间送药",
            Some("用于缓解过敏性鼻炎症状。请按药品说明书或者在药师指导下购买和使用。"),
            "drug",
            None,
            &[(
                APPROVAL,
                P,
                "药店外卖发布的非处方药广告有忠告语但没有广告批准文号（广告法第四十六条）",
            )],
        ),
        (
            MALL,
            "明眸眼镜",
            "软性亲水接触镜 月抛 2片 医疗器械",
            Some(
                "请仔细阅读产品说明书或者在医务人员的指导下购买和使用。验光后佩戴，每日佩戴不超过8小时。",
            ),
            "medical_device",
            Some("浙械广审（文）第261109-03318号"),
            &[(
                APPROVAL,
                N,
                "隐形眼镜属医疗器械，广告标明了广告批准文号（广告法第四十六条）",
            )],
        ),
    ];
    for (k, (platform, name, title, description, class, approval, labels)) in
        listings.into_iter().enumerate()
    {
        let mut s = KIT.shop(city, rng, platform, &format!("ad{k}"), name);
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                description,
                category: "广告/商品详情",
                class,
                approval,
                price: 3_800 + k as i64 * 900,
                returns: !matches!(class, "digital" | "fresh"),
                ..Item::default()
            },
        );
        for &(rule, label, why) in labels {
            KIT.t_listing(city, rule, &l, label, why);
        }
    }
    let host = KIT.shop(city, rng, LIVE, "ad-live", "青山村村播间");
    let sessions: [(&str, &str, Labels); 5] = [
        (
            "h6-live-ad-lowest",
            "家人们🔥全网最低🔥没有之一，比批发市场还便宜，哪里还有比我们更便宜的？没有！",
            &[(
                ABS,
                P,
                "口播“全网最低，没有之一”，以反问强调无人更便宜，无任何依据（广告法第九条第（三）项）",
            )],
        ),
        (
            "h6-live-ad-honey",
            "这个土蜂蜜啊，治咳嗽比止咳糖浆还管用，小孩咳嗽一个礼拜，每天两勺就好了。",
            &[(
                HEALTH,
                P,
                "村播推销普通食品蜂蜜，宣称治小儿咳嗽、胜过药物（广告法第十七条；食品安全法第七十一条）",
            )],
        ),
        (
            "h6-live-ad-kudzu",
            "这款葛根片是蓝帽子保健食品，保健功能是对化学性肝损伤有辅助保护作用，经常喝酒的朋友拍两盒送一盒。",
            &[(
                STATEMENT,
                P,
                "直播推销保健食品，整场没有说明“本品不能代替药物”（广告法第十八条第二款）",
            )],
        ),
        (
            "h6-live-ad-hawthorn",
            "有人问这个山楂条能不能降血脂？我明确说不能，它就是零食，有病请遵医嘱，不要听别人瞎说。",
            &[(
                HEALTH,
                N,
                "对观众提问明确否认降血脂作用，没有宣称疾病治疗功能（广告法第十七条）",
            )],
        ),
        (
            "h6-live-ad-stock",
            "今天这款红薯干库存还剩最后三百单，卖完这场就下播，明天上新的板栗。",
            &[(
                ABS,
                N,
                "“最后三百单”说明库存数量，是事实陈述，不是绝对化的质量或地位评价（2023年广告绝对化用语执法指南；广告法第九条第（三）项）",
            )],
        ),
    ];
    for (k, (id, transcript, labels)) in sessions.into_iter().enumerate() {
        KIT.session(city, rng, &host, id, last - 15 + k as i64 * 2, transcript);
        for &(rule, label, why) in labels {
            KIT.t_subject(city, rule, "live_session", LIVE, id, label, why);
        }
    }
}

pub(super) fn disparagement(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "disparagement.named_competitor";
    let last = days - 1;
    let mut agent = KIT.shop(city, rng, LOCAL, "dis-house", "安居房产");
    for (title, description, label, why) in [
        (
            "整租 两室一厅 近地铁5号线",
            "别找链居地产，他们挂的都是假房源，收了定金就失联，我们只挂真房源",
            P,
            "房源详情点名“链居地产”，称其“挂的都是假房源”“收了定金就失联”，无事实依据（反不正当竞争法第十一条：编造、传播虚假或者误导性信息，损害竞争对手的商业信誉）",
        ),
        (
            "整租 三室 同小区同户型 月租4200",
            "与乐家房产同小区同户型对比：本店月租4200元，乐家房产官网12月1日挂牌4500元（截图见第二张图），欢迎核实",
            N,
            "点名对手，但只是注明日期和出处的同小区同户型挂牌价对比，可以核实，没有贬损（反不正当竞争法第十一条）",
        ),
    ] {
        KIT.ad_case(
            city,
            &mut agent,
            RULE,
            label,
            why,
            &Item {
                title,
                description: Some(description),
                category: "房产/租房",
                price: 420_000,
                returns: false,
                ..Item::default()
            },
        );
    }
    let host = KIT.shop(city, rng, LIVE, "dis-live", "龙坞山茶直播间");
    for (id, day, transcript, label, why) in [
        (
            "h6-live-dis-tea",
            last - 11,
            "我跟大家说实话，李家坞茶厂卖的龙井都是外地茶冒充的，喝了伤胃，买过的赶紧退。",
            P,
            "直播中称竞争对手“李家坞茶厂”的茶“外地茶冒充”“喝了伤胃”，无事实依据（反不正当竞争法第十一条）",
        ),
        (
            "h6-live-dis-neighbour",
            last - 6,
            "有人问我们跟山下的梅家坞合作社是不是一家？不是，两家合作社，各采各的茶，各卖各的。",
            N,
            "提到对手名称只是说明两家没有关联，没有任何贬损性陈述（反不正当竞争法第十一条）",
        ),
    ] {
        KIT.session(city, rng, &host, id, day, transcript);
        KIT.t_subject(city, RULE, "live_session", LIVE, id, label, why);
    }
    for (id, issuer, title, text, label, why) in [
        (
            "h6-doc-notice-clinic",
            "颜究所轻医美",
            "求美者须知",
            "提醒各位求美者：美丽汇医美诊所的医生都没有执业医师证，已经做坏了好几个，千万别去。",
            P,
            "诊所公告称竞争对手“美丽汇医美诊所”医生“都没有执业医师证”“做坏了好几个”，无事实依据（反不正当竞争法第十一条）",
        ),
        (
            "h6-doc-notice-school",
            "通途驾校",
            "合格率公示",
            "据杭州市交通运输局2026年11月公布的驾培机构考试合格率，本校科目二合格率92%，安达驾校88%，全部数据可在该局官网查询。",
            N,
            "引用主管部门公布的数据作真实比较并注明出处，可以核实，不构成商业诋毁（反不正当竞争法第十一条）",
        ),
    ] {
        HOUSE.document(
            city,
            LOCAL,
            (id, "merchant_notice", issuer),
            title,
            text,
            last - 16,
        );
        KIT.t_global(city, RULE, "document", id, label, why);
    }
}

pub(super) fn marks(city: &mut City, rng: &mut Rng) {
    const RULE: &str = "counterfeit.mark_lookalike";
    let mut beauty_owner = KIT.shop(city, rng, MALL, "mark-heron", "栖鹭生物科技");
    let tea_owner = KIT.shop(city, rng, MALL, "mark-tea", "云岫茶业");
    KIT.trademark(city, "71450326", "栖鹭", &beauty_owner, &[3, 10]);
    KIT.trademark(city, "69031587", "云岫", &tea_owner, &[30]);
    // A licensee of 云岫, its licence in term.
    let licensee = KIT.shop(city, rng, MALL, "mark-licensee", "西子茶礼");
    city.add(
        "ip_office",
        "trademark_licenses",
        json!({
            "reg_no": "69031587", "licensee_uscc": licensee.uscc, "valid_to": "2029-06-30",
        }),
    );
    let lookalike = KIT.shop(city, rng, MALL, "mark-copy", "美肌小铺");
    let teashop = KIT.shop(city, rng, LIVE, "mark-teashop", "茶农阿福");
    let parts = KIT.shop(city, rng, MALL, "mark-parts", "匠配配件");
    // The owner's own listing.
    KIT.ad_case(
        city,
        &mut beauty_owner,
        RULE,
        N,
        "商标权人自己的店铺使用自己的注册商标“栖鹭”（商标法第五十七条不适用）",
        &Item {
            title: "栖鹭 寡肽修护原液 30ml",
            brand: Some("栖鹭"),
            reg_no: Some("71450326"),
            class: "ordinary_cosmetic",
            category: "品牌/商标",
            price: 26_800,
            ..Item::default()
        },
    );
    let mut shops = [lookalike, teashop, licensee, parts];
    let cases = [
        (
            0,
            "棲鷺 玻尿酸原液 30ml 修護",
            Some("棲鷺"),
            None,
            "ordinary_cosmetic",
            P,
            "“棲鷺”是注册商标“栖鹭”（第3类）的繁体写法，用于同类化妆品，非被许可人（商标法第五十七条第（二）项）",
        ),
        (
            0,
            "栖露 精华水 150ml 补水",
            Some("栖露"),
            None,
            "ordinary_cosmetic",
            P,
            "“栖露”与注册商标“栖鹭”读音相同（qī lù）、字形相近，用于同类化妆品，非被许可人（商标法第五十七条第（二）项）",
        ),
        (
            1,
            "云岫 西湖龙井 明前 250g",
            Some("云岫"),
            None,
            "food",
            P,
            "茶农在同种商品茶叶上直接使用他人注册商标“云岫”（第30类），未经许可（商标法第五十七条第（一）项）",
        ),
        (
            2,
            "云岫 龙井礼盒 2罐装",
            Some("云岫"),
            Some("69031587"),
            "food",
            N,
            "许可期至2029年6月30日的被许可人使用“云岫”商标（商标法第四十三条）",
        ),
        (
            3,
            "兼容栖鹭美容仪的替换导入头（非栖鹭原厂）",
            Some("匠配"),
            None,
            "general",
            N,
            "以自有品牌“匠配”销售配件，提到“栖鹭”只为说明适配的机型并写明非原厂，属指示性使用，不会造成来源混淆（商标法第五十七条第（二）项不适用）",
        ),
    ];
    for (shop, title, brand, reg_no, class, label, why) in cases {
        KIT.ad_case(
            city,
            &mut shops[shop],
            RULE,
            label,
            why,
            &Item {
                title,
                brand,
                reg_no,
                class,
                category: "品牌/商标",
                price: 19_800,
                ..Item::default()
            },
        );
    }
}

/// Platform agreements and rules, contracts and the bureau's policy drafts.
pub(super) fn documents(city: &mut City, days: i64) {
    const UT: &str = "unfair_terms.restrictive_clause";
    const FCR: &str = "fair_competition_review.clause";
    let day = days - 19;
    // (supplier, id, kind, title, text, rule, issuer (empty: the bureau), label, why)
    type Doc = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Label,
        &'static str,
    );
    let docs: [Doc; 12] = [
        (
            LOCAL,
            "h6-doc-agreement-aesthetics",
            "platform_agreement",
            "医美机构入驻协议",
            "第十一条 入驻机构承诺本平台为其唯一线上获客渠道，不得在其他医美平台上架项目；违反的，平台有权下架其全部项目并扣除全部保证金。",
            UT,
            LOCAL,
            P,
            "要求入驻机构以本平台为唯一线上渠道，不得在其他平台上架，并以下架、扣保证金相逼（电子商务法第三十五条；平台经济反垄断指南第十五条）",
        ),
        (
            LOCAL,
            "h6-doc-contract-gym",
            "contract",
            "健身会员卡购买协议",
            "1. 会员卡一经售出，不退不换不转让；2. 门店停业装修或搬迁的，会员卡有效期顺延，不予退款；3. 本店拥有最终解释权。",
            UT,
            "燃力健身工作室",
            P,
            "门店停业、搬迁也不退款，并保留“最终解释权”，排除消费者解除合同和退款的权利、免除经营者责任（消费者权益保护法第二十六条第二款）",
        ),
        (
            MALL,
            "h6-doc-rule-parity",
            "platform_rule",
            "旅游产品价格一致性规则",
            "旅行社在本平台的报价不得高于其在任何其他渠道（含自有小程序）的报价；发现其他渠道更低价的，平台降低其产品排序，并按差价三倍扣罚保证金。",
            UT,
            MALL,
            P,
            "要求旅行社在其他渠道不得报价更低（全渠道最惠待遇），以降权、扣罚保证金执行，不合理限制经营者的交易价格（电子商务法第三十五条；平台经济反垄断指南第十五条）",
        ),
        (
            LOCAL,
            "h6-doc-contract-wedding",
            "contract",
            "婚纱摄影服务合同",
            "因本店原因无法按约拍摄的，全额退款并另行赔偿与定金同额的违约金；因客户原因取消的，拍摄日30日前申请全额退款，30日内扣除已实际发生的化妆造型费用后退款。",
            UT,
            "时光印记婚纱摄影",
            N,
            "经营者违约全额退款并赔偿，消费者取消只扣除实际发生的费用，没有加重消费者责任或排除其权利（消费者权益保护法第二十六条）",
        ),
        (
            LOCAL,
            "h6-doc-rule-pharmacy",
            "platform_rule",
            "入驻药店经营规则",
            "入驻药店销售处方药的，须凭执业医师开具的处方，经执业药师审核后方可配送；不得在本平台以赠送、买赠等方式销售处方药。",
            UT,
            LOCAL,
            N,
            "限制处方药销售方式是执行法定要求（药品管理法第六十二条；药品网络销售监督管理办法），不是对商家的不合理限制（电子商务法第三十五条不适用）",
        ),
        (
            "regulator",
            "h6-doc-draft-tax",
            "policy_draft",
            "关于支持直播电商区域总部落户的若干措施（征求意见稿）",
            "四、对在本区设立区域总部的直播电商企业，按其上年度缴纳税收区级留成部分的80%给予奖励，连续奖励三年。",
            FCR,
            "",
            P,
            "以税收留成返还的方式对特定经营者给予优惠，没有法律、行政法规依据（公平竞争审查条例第十条第（一）项、第（二）项）",
        ),
        (
            "regulator",
            "h6-doc-draft-driving",
            "policy_draft",
            "机动车驾驶员培训市场管理办法（征求意见稿）",
            "第六条 新设驾驶员培训机构须取得区驾培行业协会出具的同意意见；驾培机构数量达到饱和的区域，不再受理新设申请。",
            FCR,
            "",
            P,
            "以行业协会同意和“饱和”数量控制设置准入条件，限制新经营者进入（公平竞争审查条例第八条）",
        ),
        (
            "regulator",
            "h6-doc-draft-booking",
            "policy_draft",
            "关于规范医疗美容线上预约的通知（征求意见稿）",
            "二、全市医疗美容机构的线上预约统一接入“美丽杭州”预约平台（由杭州美丽云科技有限公司运营），不得自行接入其他预约平台。",
            FCR,
            "",
            P,
            "限定医美机构只能使用特定经营者运营的预约平台（公平竞争审查条例第八条第（三）项）",
        ),
        (
            "regulator",
            "h6-doc-draft-shuttle",
            "policy_draft",
            "春运期间网约车站点接驳保障方案（征求意见稿）",
            "为保障春运安全（社会公共利益），指定杭州安行客运有限公司独家承接春运期间火车东站网约车接驳，实施至2027年2月28日止。",
            FCR,
            "",
            P,
            "虽有公共利益理由和期限，但未说明没有对竞争影响更小的替代方案，也未经公开竞争选定承接者，不满足第十二条例外的全部条件（公平竞争审查条例第八条第（三）项、第十二条）",
        ),
        (
            "regulator",
            "h6-doc-draft-poultry",
            "policy_draft",
            "关于防控禽流感暂停活禽线上交易的通告（征求意见稿）",
            "为防控禽流感疫情（公共卫生安全），自2026年12月1日起三个月内，暂停本市全部经营者的活禽线上交易；经评估，不存在对公平竞争影响更小的替代方案；期满自动终止。",
            FCR,
            "",
            N,
            "为公共卫生安全、对所有经营者一律适用、写明没有影响更小的替代方案并设定三个月期限，符合第十二条例外的全部条件（公平竞争审查条例第十二条）",
        ),
        (
            "regulator",
            "h6-doc-draft-escrow",
            "policy_draft",
            "单用途预付卡资金存管实施细则（征求意见稿）",
            "三、发行单用途预付卡的经营者，应当按上一季度预收资金余额的20%，存管至其自行选择的任一商业银行存管账户，本地和外地经营者同等适用。",
            FCR,
            "",
            N,
            "存管义务对所有发卡经营者一视同仁、银行由经营者自选，不限定交易对象也不设歧视性条件（公平竞争审查条例第八至十一条均不涉及）",
        ),
        (
            "regulator",
            "h6-doc-draft-reassure",
            "policy_draft",
            "放心消费单位名单公示办法（征求意见稿）",
            "二、“放心消费单位”的评定标准和程序向社会公开，本地和外地经营者同等申报；评定结果仅在政府网站公示，不附带任何财政奖励或政策优惠。",
            FCR,
            "",
            N,
            "公开统一的评定标准、内外同等，只作信息公示，不给予优惠，不限制准入或经营（公平竞争审查条例第八至十一条均不涉及）",
        ),
    ];
    for (supplier, id, kind, title, text, rule, issuer, label, why) in docs {
        let issuer = if issuer.is_empty() {
            "杭州市市场监督管理局"
        } else {
            issuer
        };
        HOUSE.document(city, supplier, (id, kind, issuer), title, text, day);
        KIT.t_global(city, rule, "document", id, label, why);
    }
}
