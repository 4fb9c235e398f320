//! The fifth set's text cases: advertising in listings and live streams (广告法 第九条第（三）项
//! with the SAMR 2023 guideline's exemptions, 第十六至十八条, 第四十六条), disparagement of a
//! named competitor (反不正当竞争法 第十一条), marks (商标法 第五十七条, 第五十九条's fair use) and
//! the clauses of platform agreements, rules, notices, contracts and policy drafts (电子商务法
//! 第三十五条; 消费者权益保护法 第二十六条; 公平竞争审查条例 第八至十二条).

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::City;
use crate::kit::Item;
use crate::kit::house::month_day;
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
    let show = format!("本周最后一场 {}晚19:30 周末儿童剧", month_day(last - 2));
    let listings: [AdCase; 17] = [
        (
            MALL,
            "喵趣宠物",
            "瓦楞纸猫抓板 耐抓之王",
            Some("业内公认的耐抓之王，独一无二的高密度瓦楞，猫咪抓一年都不坏"),
            "general",
            None,
            &[(
                ABS,
                P,
                "“耐抓之王”“独一无二”是绝对化用语，指向商品质量且无法证实（广告法第九条第（三）项）",
            )],
        ),
        (
            LOCAL,
            "新居开荒保洁",
            "新房开荒保洁 按平米计价",
            Some("全杭州收费最低的开荒保洁，找不到比我们更便宜的，不满意免费返工"),
            "general",
            None,
            &[(
                ABS,
                P,
                "“全杭州收费最低”“找不到比我们更便宜的”属绝对化的价格用语，未标明时间、范围和依据（广告法第九条第（三）项；2023年广告绝对化用语执法指南）",
            )],
        ),
        (
            MALL,
            "德匠厨具海外店",
            "德国进口 不锈钢刀具7件套 国家级品质",
            Some("国家级品质，厨房必备，送礼体面"),
            "general",
            None,
            &[(
                ABS,
                P,
                "“国家级品质”使用“国家级”用语，且无任何国家评定依据（广告法第九条第（三）项）",
            )],
        ),
        (
            MALL,
            "雪肌坊",
            "淡斑精华霜 30g 普通化妆品",
            Some("七天淡化色斑，根治黄褐斑，孕期斑也能治"),
            "ordinary_cosmetic",
            None,
            &[(
                HEALTH,
                P,
                "普通化妆品宣称“根治黄褐斑”，属医疗作用宣称（广告法第十七条；化妆品监督管理条例第三十七条）",
            )],
        ),
        (
            MALL,
            "稻花香米行",
            "五常大米 国家地理标志产品 5kg",
            Some("产自黑龙江五常市，地理标志专用标志使用经核准，新米当季"),
            "food",
            None,
            &[(
                ABS,
                N,
                "“国家地理标志产品”是依法核准的地理标志名称，如实表述产品的产地身份，不是“国家级”式的绝对化评价（广告法第九条第（三）项；2023年广告绝对化用语执法指南）",
            )],
        ),
        (
            MALL,
            "喵趣宠物",
            "实木猫爬架 最大承重15kg",
            Some("立柱直径12cm，最大承重15kg，适合多猫家庭"),
            "general",
            None,
            &[(
                ABS,
                N,
                "“最大承重15kg”是商品的技术参数，说明承重上限，不是对品质的绝对化评价（2023年广告绝对化用语执法指南：描述商品客观参数的不属于；广告法第九条第（三）项）",
            )],
        ),
        (
            MALL,
            "本草仙居",
            "铁皮石斛鲜条 500g 云南产",
            Some("抗癌防癌，术后和化疗的人吃了肿瘤会缩小，提高治愈率"),
            "food",
            None,
            &[(
                HEALTH,
                P,
                "普通食品宣称防癌抗癌、使肿瘤缩小，属宣称疾病治疗功能（广告法第十七条；食品安全法第七十一条）",
            )],
        ),
        (
            LOCAL,
            "暖心艾灸馆",
            "上门艾灸调理 60分钟",
            Some("艾灸三次治好腰椎间盘突出，不用手术，不用吃药"),
            "general",
            None,
            &[(
                HEALTH,
                P,
                "非医疗机构的上门艾灸宣称治好腰椎间盘突出、替代手术（广告法第十七条：除医疗、药品、医疗器械外不得涉及疾病治疗功能）",
            )],
        ),
        (
            MALL,
            "安护医疗",
            "医用冷敷贴 II类医疗器械 6贴",
            Some(
                "用于闭合性软组织损伤的物理冷敷。请仔细阅读产品说明书或者在医务人员的指导下购买和使用。",
            ),
            "medical_device",
            Some("浙械广审（文）第261025-07712号"),
            &[
                (
                    HEALTH,
                    N,
                    "已注册的医疗器械在注册的适用范围内宣传，带有忠告语（广告法第十六条）",
                ),
                (
                    APPROVAL,
                    N,
                    "医疗器械广告标明了广告批准文号（广告法第四十六条）",
                ),
            ],
        ),
        (
            MALL,
            "眠安保健",
            "褪黑素维生素B6片 保健食品 60片",
            Some(
                "保健功能：改善睡眠。本品不能代替药物。不适宜人群：少年儿童、孕妇、乳母、从事驾驶和高空作业者。",
            ),
            "health_food",
            Some("浙食健广审（文）第261103-01277号"),
            &[
                (
                    HEALTH,
                    N,
                    "保健食品在批准的保健功能“改善睡眠”范围内宣传，未涉及疾病治疗（广告法第十八条）",
                ),
                (
                    STATEMENT,
                    N,
                    "显著标明了“本品不能代替药物”（广告法第十八条第二款）",
                ),
                (
                    APPROVAL,
                    N,
                    "保健食品广告标明了广告批准文号（广告法第四十六条）",
                ),
            ],
        ),
        (
            MALL,
            "灵芝源",
            "破壁灵芝孢子粉 保健食品 2g×60袋",
            Some("保健功能：增强免疫力。适宜人群：免疫力低下者。"),
            "health_food",
            Some("浙食健广审（文）第260930-00981号"),
            &[(
                STATEMENT,
                P,
                "保健食品广告没有显著标明“本品不能代替药物”（广告法第十八条第二款）",
            )],
        ),
        (
            LOCAL,
            "邻里健康团",
            "氨糖软骨素钙片 保健食品 团长推荐",
            Some("保健功能：增加骨密度。中老年必备，团长亲测，群内接龙价。"),
            "health_food",
            Some("浙食健广审（文）第261011-01025号"),
            &[(
                STATEMENT,
                P,
                "社区团购的保健食品广告没有“本品不能代替药物”的声明（广告法第十八条第二款）",
            )],
        ),
        (
            MALL,
            "深蓝营养",
            "鱼油软胶囊 保健食品 本品不能代替药物",
            Some("保健功能：辅助降血脂。适宜人群：血脂偏高者。"),
            "health_food",
            Some("浙食健广审（文）第261008-00377号"),
            &[(
                STATEMENT,
                N,
                "声明“本品不能代替药物”写在商品标题中，显著标明（广告法第十八条第二款）",
            )],
        ),
        (
            MALL,
            "轻卡厨房",
            "代餐奶昔 巧克力味 12袋",
            Some("每袋含蛋白质15g，饱腹感强，可作早餐"),
            "food",
            None,
            &[(
                STATEMENT,
                N,
                "普通食品，不是保健食品，无须“本品不能代替药物”的声明（广告法第十八条）",
            )],
        ),
        (
            MALL,
            "康泰药房",
            "复方板蓝根颗粒 OTC 15g×20袋",
            Some(
                "清热解毒，凉血。用于风热感冒，咽喉肿痛。请按药品说明书或者在药师指导下购买和使用。",
            ),
            "drug",
            None,
            &[(
                APPROVAL,
                P,
                "非处方药广告有忠告语但没有广告批准文号，未经广告审查（广告法第四十六条）",
            )],
        ),
        (
            MALL,
            "体温家",
            "红外额温计 家用 医疗器械",
            Some("医疗器械，1秒测温。请仔细阅读产品说明书或者在医务人员的指导下购买和使用。"),
            "medical_device",
            None,
            &[(
                APPROVAL,
                P,
                "医疗器械广告没有广告批准文号（广告法第四十六条）",
            )],
        ),
        (
            LOCAL,
            "肠道管家",
            "益生菌粉 保健食品 私域会员专享",
            Some("保健功能：有助于调节肠道菌群。本品不能代替药物。"),
            "health_food",
            None,
            &[(
                APPROVAL,
                P,
                "私域渠道发布的保健食品广告有声明但没有广告批准文号（广告法第四十六条）",
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
                category: "广告/详情页",
                class,
                approval,
                price: 4_900 + k as i64 * 700,
                ..Item::default()
            },
        );
        for &(rule, label, why) in labels {
            KIT.t_listing(city, rule, &l, label, why);
        }
    }
    // A ticketing listing whose "最后" states a schedule.
    let mut s = KIT.shop(city, rng, LOCAL, "ad-show", "小剧场票务");
    KIT.ad_case(
        city,
        &mut s,
        ABS,
        N,
        "“本周最后一场”如实说明演出排期，是表示时间顺序的事实陈述（2023年广告绝对化用语执法指南；广告法第九条第（三）项）",
        &Item {
            title: &show,
            description: Some("演出时长70分钟，适合3—8岁儿童，下周起暂停演出"),
            category: "票务/儿童剧",
            class: "digital",
            price: 12_000,
            returns: false,
            ..Item::default()
        },
    );
    let host = KIT.shop(city, rng, LIVE, "ad-live", "好物严选直播间");
    let sessions: [(&str, &str, Labels); 4] = [
        (
            "h5-live-ad-dashcam",
            "这款行车记录仪就是业界天花板，画质第一，市面上没有任何一款能超过它，闭眼入。",
            &[(
                ABS,
                P,
                "口播“业界天花板”“画质第一”“没有任何一款能超过它”，无依据的绝对化用语（广告法第九条第（三）项）",
            )],
        ),
        (
            "h5-live-ad-goatmilk",
            "这款澳洲进口的羊奶粉，家里老人每天喝一杯，血压就降下来了，高血压的药可以停一停了。",
            &[(
                HEALTH,
                P,
                "直播推销普通食品宣称降血压、可以停药，属宣称疾病治疗功能（广告法第十七条；食品安全法第七十一条）",
            )],
        ),
        (
            "h5-live-ad-grape",
            "这个葡萄籽是保健食品，保健功能是抗氧化，每天一粒，连续吃三个月，气色看得见。",
            &[(
                STATEMENT,
                P,
                "直播推销保健食品，没有说明“本品不能代替药物”（广告法第十八条第二款）",
            )],
        ),
        (
            "h5-live-ad-tea",
            "有高血压的朋友注意，这个茶只是日常饮品，不能治病，正在吃药的千万不要停药，身体不舒服请去医院。",
            &[(
                HEALTH,
                N,
                "提到高血压是为了提醒不能治病、不要停药，没有宣称任何疾病治疗功能（广告法第十七条）",
            )],
        ),
    ];
    for (k, (id, transcript, labels)) in sessions.into_iter().enumerate() {
        KIT.session(city, rng, &host, id, last - 12 + k as i64 * 3, transcript);
        for &(rule, label, why) in labels {
            KIT.t_subject(city, rule, "live_session", LIVE, id, label, why);
        }
    }
}

pub(super) fn disparagement(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "disparagement.named_competitor";
    let last = days - 1;
    let mut petshop = KIT.shop(city, rng, MALL, "dis-pet", "爪爪粮仓");
    let mut rental = KIT.shop(city, rng, MALL, "dis-car", "悠途租车");
    let listing_cases = [
        (
            0,
            "全价猫粮 鸡肉三文鱼 2kg",
            "别再买萌宠家的猫粮了，他家用的是饲料级原料，吃了掉毛软便，我们才是人用级原料",
            P,
            "商品详情点名“萌宠家”，称其使用“饲料级原料”“吃了掉毛软便”，没有任何检测依据（反不正当竞争法第十一条：编造、传播虚假或者误导性信息，损害竞争对手的商品声誉）",
        ),
        (
            1,
            "大众朗逸 2025款 日租",
            "与顺捷租车同款车型（大众朗逸2025款自动挡），本店日租价138元，顺捷租车官网同日标价158元（截图见详情第三张图）",
            N,
            "点名竞争对手，但只是注明日期和出处的同款车型价格对比，真实可查，没有贬损性陈述（反不正当竞争法第十一条）",
        ),
    ];
    for (shop, title, description, label, why) in listing_cases {
        let s = if shop == 0 { &mut petshop } else { &mut rental };
        KIT.ad_case(
            city,
            s,
            RULE,
            label,
            why,
            &Item {
                title,
                description: Some(description),
                category: "宠物/租车",
                price: 13_800,
                ..Item::default()
            },
        );
    }
    let host = KIT.shop(city, rng, LIVE, "dis-live", "票务攻略直播间");
    for (id, day, transcript, label, why) in [
        (
            "h5-live-dis-tickets",
            last - 8,
            "我跟大家讲，票友网上卖的票一半是假票，进不了场的，被骗了都没人管，买票只认我们直播间这个正规渠道。",
            P,
            "直播中称竞争对手“票友网”的票“一半是假票”“进不了场”，没有事实依据（反不正当竞争法第十一条）",
        ),
        (
            "h5-live-dis-compare",
            last - 5,
            "有人问我们和票友网哪个便宜：同一场次同一区域，票友网今天页面标价480，我们这边450，大家可以自己去看。",
            N,
            "点名对手只是如实的同场次价格对比，观众可以自行核实，没有贬损（反不正当竞争法第十一条）",
        ),
    ] {
        KIT.session(city, rng, &host, id, day, transcript);
        KIT.t_subject(city, RULE, "live_session", LIVE, id, label, why);
    }
    for (supplier, id, issuer, title, text, label, why) in [
        (
            LOCAL,
            "h5-doc-notice-suzu",
            "畅行租车",
            "租车须知",
            "提醒各位租车的朋友：速租出行的车都是事故修复车，押金交了从来不退，千万别去。",
            P,
            "店铺公告称竞争对手“速租出行”的车“都是事故修复车”“押金从来不退”，为虚假信息（反不正当竞争法第十一条）",
        ),
        (
            MALL,
            "h5-doc-notice-ruling",
            "爪爪粮仓",
            "维权公告",
            "经杭州市西湖区人民法院（2026）浙0106民初5127号民事判决认定，杭州宠乐多贸易有限公司在其网店使用与本公司注册商标近似的标识构成侵权，该判决已生效。",
            N,
            "如实公告已生效判决认定的事实并注明案号，信息真实、来源可查，不构成商业诋毁（反不正当竞争法第十一条）",
        ),
    ] {
        HOUSE.document(
            city,
            supplier,
            (id, "merchant_notice", issuer),
            title,
            text,
            last - 14,
        );
        KIT.t_global(city, RULE, "document", id, label, why);
    }
}

pub(super) fn marks(city: &mut City, rng: &mut Rng) {
    const RULE: &str = "counterfeit.mark_lookalike";
    let crab_owner = KIT.shop(city, rng, MALL, "mark-crab", "澄湖水产");
    let pet_owner = KIT.shop(city, rng, MALL, "mark-pet", "汪小白宠物用品");
    KIT.trademark(city, "58807312", "澄湖", &crab_owner, &[31]);
    KIT.trademark(city, "61290457", "汪小白", &pet_owner, &[18, 31]);
    // A licensee of 汪小白, its licence in term.
    let licensee = KIT.shop(city, rng, MALL, "mark-licensee", "萌爪宠物");
    city.add(
        "ip_office",
        "trademark_licenses",
        json!({
            "reg_no": "61290457", "licensee_uscc": licensee.uscc, "valid_to": "2028-03-31",
        }),
    );
    let crabber = KIT.shop(city, rng, MALL, "mark-copy", "湖鲜直供");
    let leash = KIT.shop(city, rng, MALL, "mark-leash", "宠物小铺");
    let farmer = KIT.shop(city, rng, LOCAL, "mark-farmer", "吴中湖蟹合作社");
    let pens = KIT.shop(city, rng, MALL, "mark-pen", "澄湖文具");
    let mut shops = [crabber, leash, licensee, farmer, pens];
    let cases = [
        (
            0,
            "橙湖大闸蟹 鲜活 4对装",
            Some("橙湖"),
            None,
            "fresh",
            P,
            "“橙湖”与注册商标“澄湖”（第31类）读音相同、字形相近，用于同类商品大闸蟹，非被许可人（商标法第五十七条第（二）项）",
        ),
        (
            0,
            "澄湖 大闸蟹 代工厂直发 礼盒",
            Some("澄湖"),
            None,
            "fresh",
            P,
            "非被许可人在同种商品大闸蟹上直接使用“澄湖”商标，以“代工厂直发”示意来源（商标法第五十七条第（一）项）",
        ),
        (
            1,
            "汪小百 宠物牵引绳 中大型犬",
            Some("汪小百"),
            None,
            "general",
            P,
            "“汪小百”与注册商标“汪小白”（第18类含宠物牵引绳）仅一字之差、读音近似，非被许可人（商标法第五十七条第（二）项）",
        ),
        (
            2,
            "汪小白 宠物航空箱 小号",
            Some("汪小白"),
            Some("61290457"),
            "general",
            N,
            "许可期至2028年3月31日的被许可人使用“汪小白”商标（商标法第四十三条）",
        ),
        (
            3,
            "湖蟹 产地苏州吴中澄湖水域 合作社直供",
            None,
            None,
            "fresh",
            N,
            "“澄湖”是湖泊名称，合作社如实标明产地水域，属正当使用地名，不以其作商标（商标法第五十九条第一款）",
        ),
        (
            4,
            "澄湖牌 钢笔 铱金笔尖",
            Some("澄湖"),
            None,
            "general",
            N,
            "“澄湖”注册于第31类（活动物、鲜活水产），钢笔属第16类，商品不类似、也非驰名商标，不构成侵权（商标法第五十七条第（二）项）",
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
                price: 16_800,
                returns: class != "fresh",
                ..Item::default()
            },
        );
    }
}

/// Platform agreements and rules, merchant notices, contracts and the bureau's policy drafts.
pub(super) fn documents(city: &mut City, days: i64) {
    const UT: &str = "unfair_terms.restrictive_clause";
    const FCR: &str = "fair_competition_review.clause";
    let day = days - 17;
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
    let docs: [Doc; 11] = [
        (
            LOCAL,
            "h5-doc-agreement-jiazheng",
            "platform_agreement",
            "家政服务机构入驻协议",
            "第九条 入驻家政服务机构在合作期内不得在其他家政服务平台开设店铺或承接订单；经查实的，平台有权终止合作并不予退还服务保证金。",
            UT,
            LOCAL,
            P,
            "禁止入驻机构在其他平台经营，并以终止合作、不退保证金相逼（电子商务法第三十五条；平台经济反垄断指南第十五条）",
        ),
        (
            MALL,
            "h5-doc-rule-promo",
            "platform_rule",
            "大促活动管理规则",
            "第六条 商家同期参加其他平台大促活动的，本平台有权取消其本平台全部活动资格，并按双倍标准收取当季技术服务费。",
            UT,
            MALL,
            P,
            "以取消活动资格、双倍收费限制商家参加其他平台的促销（电子商务法第三十五条；平台经济反垄断指南第十五条）",
        ),
        (
            MALL,
            "h5-doc-contract-ticket",
            "contract",
            "票务服务协议",
            "第五条 门票一经售出概不退换；演出延期、取消或更换主要演员的，亦不予退款。",
            UT,
            "乐票演出",
            P,
            "演出取消也不退款，免除经营者自身违约的责任（消费者权益保护法第二十六条第二款）",
        ),
        (
            MALL,
            "h5-doc-contract-refund",
            "contract",
            "演出票退票规则",
            "演出取消或延期的，全额退款；因个人原因退票的，演出开始7日前可申请，收取票价10%的手续费。",
            UT,
            "剧场之家",
            N,
            "演出取消全额退款，个人原因退票收取合理手续费，没有排除消费者权利（消费者权益保护法第二十六条）",
        ),
        (
            "regulator",
            "h5-doc-draft-produce",
            "policy_draft",
            "关于推进农产品上行的若干措施（征求意见稿）",
            "三、本市社区团购平台销售的蔬菜、水果，须从市农投集团确定的供应商名录中采购。",
            FCR,
            "",
            P,
            "限定平台只能向指定名录内的供应商采购，限定经营、购买特定经营者的商品（公平竞争审查条例第八条第（三）项）",
        ),
        (
            "regulator",
            "h5-doc-draft-rental",
            "policy_draft",
            "汽车租赁行业规范发展办法（征求意见稿）",
            "第七条 外地汽车租赁企业在本市设立经营网点的，须先在本市设立注册资本不低于1000万元的子公司。",
            FCR,
            "",
            P,
            "要求外地企业在本地设立子公司才能经营，设置歧视性准入条件，妨碍商品和要素自由流动（公平竞争审查条例第九条）",
        ),
        (
            "regulator",
            "h5-doc-draft-landtax",
            "policy_draft",
            "关于支持平台企业落户的若干政策（征求意见稿）",
            "二、对2027年在本市新设立的平台企业，免征前三年城镇土地使用税。",
            FCR,
            "",
            P,
            "没有法律、行政法规依据或者国务院批准，对特定经营者减免税款（公平竞争审查条例第十条第（一）项）",
        ),
        (
            "regulator",
            "h5-doc-draft-canteen",
            "policy_draft",
            "校园食材配送管理办法（征求意见稿）",
            "第四条 为保障校园食品安全，指定杭州鲜达供应链有限公司等3家企业为全市中小学校食材唯一配送单位。",
            FCR,
            "",
            P,
            "援引食品安全为由指定唯一配送单位，但未论证没有对竞争影响更小的替代方案、未设定实施期限，不符合第十二条例外的条件（公平竞争审查条例第八条第（三）项、第十二条）",
        ),
        (
            "regulator",
            "h5-doc-draft-vegetables",
            "policy_draft",
            "春节蔬菜保供运费补贴方案（征求意见稿）",
            "为保障春节期间蔬菜稳定供应（社会公共利益），2027年1月20日至2月20日，对参与保供的社区团购企业按配送量给予运费补贴，补贴对象通过公开申报、统一标准确定；经评估，没有对公平竞争影响更小的替代方案；期满自动终止。",
            FCR,
            "",
            N,
            "为保供的公共利益、公开申报统一标准、写明没有影响更小的替代方案并设定终止期限，符合第十二条例外的全部条件（公平竞争审查条例第十二条）",
        ),
        (
            "regulator",
            "h5-doc-draft-verify",
            "policy_draft",
            "关于加强网络交易主体信息核验的通知（征求意见稿）",
            "一、平台经营者应当依法核验、登记平台内经营者的身份信息，并定期核验更新。",
            FCR,
            "",
            N,
            "重申电子商务法第二十七条的法定义务，不限制任何经营者的市场准入或经营（公平竞争审查条例第八至十一条均不涉及）",
        ),
        (
            "regulator",
            "h5-doc-draft-training",
            "policy_draft",
            "家政服务人员职业技能提升补贴办法（征求意见稿）",
            "三、对参加职业技能培训并取得证书的家政服务人员，按每人1000元给予培训补贴，不限户籍和所在企业，申领条件和结果向社会公开。",
            FCR,
            "",
            N,
            "补贴按公开统一的客观条件发放给个人，不针对特定经营者、不区分户籍和企业（公平竞争审查条例第十条所禁止的是选择性的优惠）",
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
