//! The fourth set's text cases: advertising in listings and live streams (广告法 第九条第（三）项
//! with the SAMR 2023 guideline's exemptions, 第十六至十八条, 第四十六条), disparagement of a
//! named competitor (反不正当竞争法 第十一条), marks (商标法 第五十七条), and the clauses of
//! platform agreements, rules, notices, contracts and policy drafts (电子商务法 第三十五条;
//! 消费者权益保护法 第二十六条; 公平竞争审查条例 第八至十二条).

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::City;
use crate::kit::rules::{ABS, APPROVAL, HEALTH, STATEMENT};
use crate::kit::{Item, Reg};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative as N, Positive as P};

/// A listing-advertising case: (shop, title, description, class, approval number, the rules it
/// is labelled under with label and why).
type AdCase = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
    &'static [(&'static str, Label, &'static str)],
);

/// A live-stream case: (session, transcript, the rules it is labelled under with label and why).
type LiveCase = (
    &'static str,
    &'static str,
    &'static [(&'static str, Label, &'static str)],
);

pub(super) fn advertising(city: &mut City, rng: &mut Rng, days: i64) {
    let last = days - 1;
    let listings: [AdCase; 18] = [
        (
            "羽动体育",
            "羽毛球拍 全碳素 全网销量冠军",
            Some("进攻型球拍，全网销量冠军，专业选手都在用"),
            "general",
            None,
            &[(
                ABS,
                P,
                "“全网销量冠军”未标明时间、范围和数据来源，属绝对化用语（第九条第（三）项；2023年广告绝对化用语执法指南：表示时间、顺序的用语须标明时间和地域范围并可证实）",
            )],
        ),
        (
            "净屋家政",
            "家庭深度保洁 3小时",
            Some("杭州顶级保洁团队，服务无可替代"),
            "general",
            None,
            &[(
                ABS,
                P,
                "“顶级”“无可替代”直接指向所售服务的品质（第九条第（三）项）",
            )],
        ),
        (
            "黏黏胶业",
            "万能强力胶 最强粘性",
            Some("史无前例的最强粘性，粘什么都永不脱落"),
            "general",
            None,
            &[(
                ABS,
                P,
                "“最强”“史无前例”“永不脱落”均为绝对化用语，指向商品性能（第九条第（三）项）",
            )],
        ),
        (
            "清凉电器",
            "变频空调 挂机1.5匹 一级能效",
            Some("新一级能效，APF值5.3，静音运行"),
            "general",
            None,
            &[(
                ABS,
                N,
                "“一级能效”是国家标准GB 21455规定的能效等级（2023年执法指南：引用国家标准中的等级用语不属绝对化用语）",
            )],
        ),
        (
            "万修家电",
            "上门维修 洗衣机 不加热",
            Some("我们的宗旨：顾客第一，服务至上。维修前报价，不修不收费。"),
            "general",
            None,
            &[(
                ABS,
                N,
                "“顾客第一，服务至上”表达服务理念，不指向商品或服务的质量（2023年执法指南：表示经营理念、服务态度的不属于）",
            )],
        ),
        (
            "谷香茶坊",
            "苦荞茶 黑苦荞 罐装",
            Some("降血脂、清血管，三高人群必备，长期饮用告别降压药"),
            "food",
            None,
            &[(
                HEALTH,
                P,
                "普通食品宣称降血脂、替代降压药，属宣称疾病治疗功能（第十七条；食品安全法第七十一条）",
            )],
        ),
        (
            "茶颜本草",
            "决明子菊花茶 袋泡",
            Some("清肝明目，喝一个月近视度数降低，视力恢复"),
            "food",
            None,
            &[(
                HEALTH,
                P,
                "普通食品宣称降低近视度数、恢复视力，属疾病治疗功能（第十七条）",
            )],
        ),
        (
            "安眠坊",
            "磁疗枕 决明子填充",
            Some("磁疗治疗颈椎病，改善失眠，睡一晚颈椎不疼"),
            "general",
            None,
            &[(
                HEALTH,
                P,
                "普通枕头宣称治疗颈椎病（第十七条：除医疗、药品、医疗器械外不得涉及疾病治疗功能）",
            )],
        ),
        (
            "康复之家",
            "颈椎牵引器 充气式",
            Some(
                "二类医疗器械，用于缓解颈椎病引起的颈部疼痛。请仔细阅读产品说明书或在医务人员指导下购买和使用。",
            ),
            "medical_device",
            Some("浙械广审（文）第261102-04521号"),
            &[
                (
                    HEALTH,
                    N,
                    "已注册的医疗器械在注册适用范围内宣传，并有广告批准文号（第十六条）",
                ),
                (APPROVAL, N, "医疗器械广告标明了广告批准文号（第四十六条）"),
            ],
        ),
        (
            "晴肤美妆",
            "防晒乳 SPF50+ PA++++",
            Some("国妆特字备案号可查，户外防晒，防水防汗"),
            "special_cosmetic",
            None,
            &[(
                HEALTH,
                N,
                "防晒是特殊化妆品经注册后可以宣称的功效，未涉及医疗作用（化妆品监督管理条例：防晒属特殊化妆品，经注册后可宣称）",
            )],
        ),
        (
            "民生大药房",
            "布洛芬缓释胶囊 0.3g×20粒",
            Some(
                "用于缓解轻至中度疼痛如头痛、牙痛、痛经。请按药品说明书或者在药师指导下购买和使用。",
            ),
            "drug",
            Some("国药广审（文）第260912-05678号"),
            &[
                (
                    HEALTH,
                    N,
                    "非处方药在说明书适应症内宣传，带有忠告语（第十六条）",
                ),
                (APPROVAL, N, "药品广告标明了广告批准文号（第四十六条）"),
            ],
        ),
        (
            "海德保健",
            "深海鱼油软胶囊 100粒",
            Some("保健功能：辅助降血脂。适宜人群：血脂偏高者。"),
            "health_food",
            Some("浙食健广审（文）第260915-00123号"),
            &[(
                STATEMENT,
                P,
                "保健食品广告未标明“本品不能代替药物”（第十八条第二款）",
            )],
        ),
        (
            "力源营养",
            "乳清蛋白粉 900g 保健食品",
            Some("保健功能：增强免疫力。蓝帽标志，国家批准。"),
            "health_food",
            Some("浙食健广审（文）第261020-00456号"),
            &[(
                STATEMENT,
                P,
                "保健食品广告没有“本品不能代替药物”的声明（第十八条第二款）",
            )],
        ),
        (
            "元气本草",
            "维生素C咀嚼片 保健食品",
            Some("保健功能：补充维生素C。本品不能代替药物。适宜人群：需要补充维生素C者。"),
            "health_food",
            Some("浙食健广审（文）第260801-00789号"),
            &[(
                STATEMENT,
                N,
                "带有“本品不能代替药物”的声明和广告批准文号（第十八条）",
            )],
        ),
        (
            "麦田食品",
            "全麦苏打饼干 800g",
            Some("低糖配方，早餐代餐，独立小包装"),
            "food",
            None,
            &[(
                STATEMENT,
                N,
                "普通食品，不是保健食品，无须“本品不能代替药物”的声明",
            )],
        ),
        (
            "测康医疗",
            "电子血压计 上臂式 家用",
            Some(
                "医疗器械，精准测量，语音播报。请仔细阅读产品说明书或在医务人员指导下购买和使用。",
            ),
            "medical_device",
            None,
            &[(
                APPROVAL,
                P,
                "医疗器械广告未经审查、无广告批准文号（第四十六条）",
            )],
        ),
        (
            "瑞康特医",
            "全营养配方粉 特殊医学用途配方食品",
            Some("适用于进食受限人群，请在医生或临床营养师指导下使用"),
            "special_medical_food",
            None,
            &[(
                APPROVAL,
                P,
                "特殊医学用途配方食品广告无广告批准文号（第四十六条；药品、医疗器械、保健食品和特殊医学用途配方食品广告审查管理暂行办法）",
            )],
        ),
        (
            "优活健康",
            "辅酶Q10软胶囊 60粒 保健食品",
            Some("保健功能：抗氧化。本品不能代替药物。"),
            "health_food",
            None,
            &[(
                APPROVAL,
                P,
                "保健食品广告标有声明但没有广告批准文号（第四十六条）",
            )],
        ),
    ];
    for (k, (name, title, description, class, approval, labels)) in listings.into_iter().enumerate()
    {
        let mut s = KIT.shop(city, rng, MALL, &format!("ad{k}"), name);
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                description,
                category: "广告/商品详情",
                class,
                approval,
                price: 6_900 + k as i64 * 500,
                ..Item::default()
            },
        );
        for &(rule, label, why) in labels {
            KIT.t_listing(city, rule, &l, label, why);
        }
    }
    // The extra listing in the scale row: a body-fat scale is not a medical device.
    let mut s = KIT.shop(city, rng, MALL, "ad-scale", "轻体生活");
    KIT.ad_case(
        city,
        &mut s,
        APPROVAL,
        N,
        "家用体脂秤是普通电子产品，不属于“三品一械”，无须广告审查",
        &Item {
            title: "智能体脂秤 家用",
            description: Some("13项身体数据，蓝牙连接手机"),
            category: "广告/商品详情",
            price: 9_900,
            ..Item::default()
        },
    );
    let host = KIT.shop(city, rng, LIVE, "ad-live", "暖冬优选直播间");
    let sessions: [LiveCase; 4] = [
        (
            "h4-live-ad-warm",
            "家人们看这件羽绒服，全世界最保暖的一件，没有之一，零下四十度穿都不冷！",
            &[(
                ABS,
                P,
                "口播“全世界最保暖的一件，没有之一”（第九条第（三）项）",
            )],
        ),
        (
            "h4-live-ad-rank",
            "这件是我们直播间今年卖得最好的一款，三个月卖了两万件，后台数据给大家截图了。",
            &[(
                ABS,
                N,
                "与本直播间自己的商品比较，并说明期间和数据来源（2023年执法指南：同一经营者自身商品的真实比较）",
            )],
        ),
        (
            "h4-live-ad-sugar",
            "这个是保健食品，片子每天吃两片，吃三个月糖尿病就好了，胰岛素都可以停掉。",
            &[
                (
                    HEALTH,
                    P,
                    "保健食品口播宣称治愈糖尿病、可停用胰岛素（第十八条第一款第（二）项）",
                ),
                (
                    STATEMENT,
                    P,
                    "保健食品直播推销未说明“本品不能代替药物”（第十八条第二款）",
                ),
            ],
        ),
        (
            "h4-live-ad-calcium",
            "这款钙片是保健食品，保健功能是补充钙。本品不能代替药物，有病请及时就医。适合中老年朋友。",
            &[(
                STATEMENT,
                N,
                "保健食品直播中说明了“本品不能代替药物”（第十八条第二款）",
            )],
        ),
    ];
    for (k, (id, transcript, labels)) in sessions.into_iter().enumerate() {
        KIT.session(city, rng, &host, id, last - 10 + k as i64 * 2, transcript);
        for &(rule, label, why) in labels {
            KIT.t_subject(city, rule, "live_session", LIVE, id, label, why);
        }
    }
}

pub(super) fn disparagement(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "disparagement.named_competitor";
    let last = days - 1;
    let mut recycler = KIT.shop(city, rng, MALL, "dis-recycle", "闪回收");
    for (title, description, label, why) in [
        (
            "二手手机回收 上门验机",
            "比快收网多给30%！快收网验机造假、故意压价坑人，被坑过的都后悔了",
            P,
            "点名“快收网”，称其“验机造假、故意压价坑人”，无任何依据（第十一条：编造、传播虚假或误导性信息损害竞争对手商誉）",
        ),
        (
            "旧手机估价回收 iPhone 15",
            "回收报价对比（2026年12月1日，iPhone 15 128G 无拆修）：本店3150元，快收网2980元，报价页面截图可查。",
            N,
            "注明日期、机型和可查证据的真实报价对比，没有贬损性陈述",
        ),
    ] {
        KIT.ad_case(
            city,
            &mut recycler,
            RULE,
            label,
            why,
            &Item {
                title,
                description: Some(description),
                category: "二手/回收",
                price: 100,
                ..Item::default()
            },
        );
    }
    let host = KIT.shop(city, rng, LIVE, "dis-live", "宝妈好物直播间");
    for (id, day, transcript, label, why) in [
        (
            "h4-live-dis-milk",
            last - 6,
            "隔壁优宝家的奶粉都是临期翻新重新贴的日期，你们千万别去买，吃坏了孩子谁负责？",
            P,
            "直播中称竞争对手“优宝”的奶粉“临期翻新、重新贴日期”，没有事实依据（第十一条）",
        ),
        (
            "h4-live-dis-recall",
            last - 4,
            "提醒一下：市场监管总局11月发布过召回公告，暖阳牌NF-20型暖风机有过热隐患，公告上都写着。我们今天卖的这款不在召回范围。",
            N,
            "如实转述监管部门公开的召回公告，信息真实、来源明确，不构成商业诋毁",
        ),
    ] {
        KIT.session(city, rng, &host, id, day, transcript);
        KIT.t_subject(city, RULE, "live_session", LIVE, id, label, why);
    }
    for (id, issuer, title, text, label, why) in [
        (
            "h4-doc-notice-renxin",
            "康桥药房",
            "顾客告知",
            "各位街坊注意：仁心大药房卖的都是过期药，被查了好几次，买药请认准康桥药房。",
            P,
            "药房公告点名“仁心大药房”称其“卖的都是过期药”“被查了好几次”，均无事实依据（第十一条）",
        ),
        (
            "h4-doc-notice-yuntu",
            "安达约车",
            "乘客须知",
            "提醒乘客：云途出行的司机都没有经过背景审查，坐他们的车出了事没人管，请选择安达约车。",
            P,
            "店铺公告称“云途出行”的司机“都没有经过背景审查”，为虚假信息（第十一条）",
        ),
        (
            "h4-doc-notice-apart",
            "安达约车",
            "声明",
            "本公司与“云途出行”无任何关联，请乘客认准本公司客服电话和车身标识，谨防冒用。",
            N,
            "澄清两家企业无关联，没有对对方作任何评价",
        ),
    ] {
        HOUSE.document(
            city,
            LOCAL,
            (id, "merchant_notice", issuer),
            title,
            text,
            last - 12,
        );
        KIT.t_global(city, RULE, "document", id, label, why);
    }
}

pub(super) fn marks(city: &mut City, rng: &mut Rng) {
    const RULE: &str = "counterfeit.mark_lookalike";
    let lamp_owner = KIT.shop(city, rng, MALL, "mark-lamp", "鹿鸣照明");
    let coat_owner = KIT.shop(city, rng, MALL, "mark-coat", "栖云服饰");
    KIT.trademark(city, "60120451", "鹿鸣", &lamp_owner, &[11]);
    KIT.trademark(city, "60334512", "栖云", &coat_owner, &[25]);
    // A licensee of 鹿鸣, its licence in term.
    let licensee = KIT.shop(city, rng, MALL, "mark-licensee", "明光灯饰");
    city.add(
        "ip_office",
        "trademark_licenses",
        json!({
            "reg_no": "60120451", "licensee_uscc": licensee.uscc, "valid_to": "2027-06-30",
        }),
    );
    let copier = KIT.shop(city, rng, MALL, "mark-copy", "亮点灯具");
    let tail = KIT.shop(city, rng, MALL, "mark-tail", "尾货仓");
    let second_hand = Reg {
        merchant_type: "natural_person",
        turnover: 1_200_000,
        license: false,
        ..KIT.reg()
    };
    let resale = KIT.shop_with(city, rng, MALL, "mark-resale", "闲衣", &second_hand);
    let mut shops = [copier, tail, licensee, resale, coat_owner];
    let cases = [
        (
            0,
            "麓鸣 LED护眼台灯 学生书桌",
            Some("麓鸣"),
            None,
            P,
            "“麓鸣”与注册商标“鹿鸣”（第11类）音同形近，用于同类商品台灯，非被许可人（第五十七条第（二）项）",
        ),
        (
            0,
            "鹿·鸣 护眼台灯 无频闪",
            Some("鹿·鸣"),
            None,
            P,
            "以间隔号拆开注册商标“鹿鸣”用于同类台灯，非被许可人（第五十七条第（二）项）",
        ),
        (
            1,
            "栖云同款 轻薄羽绒马甲",
            None,
            None,
            P,
            "非被许可人在同类服装商品上使用“栖云”商标字样（第五十七条第（一）项）",
        ),
        (
            1,
            "全新 栖云羽绒服 工厂尾单 无吊牌",
            Some("栖云"),
            None,
            P,
            "非被许可人以“工厂尾单”名义销售标有“栖云”的羽绒服，无授权来源（第五十七条第（一）、（三）项）",
        ),
        (
            2,
            "鹿鸣 LED吸顶灯 客厅",
            Some("鹿鸣"),
            Some("60120451"),
            N,
            "商标使用许可在有效期内（至2027年6月30日）的被许可人使用“鹿鸣”",
        ),
        (
            3,
            "二手 栖云羽绒服 9成新 专柜购买附小票",
            Some("栖云"),
            None,
            N,
            "个人转卖自己购买的正品二手商品并附购买凭证，商标权利用尽，不构成侵权",
        ),
        (
            4,
            "栖云 长款羽绒服 官方",
            Some("栖云"),
            Some("60334512"),
            N,
            "商标注册人自己的店铺销售自有品牌商品",
        ),
    ];
    for (shop, title, brand, reg_no, label, why) in cases {
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
                category: "品牌/商标",
                price: 19_900,
                ..Item::default()
            },
        );
    }
}

/// Platform agreements and rules, a training contract, and the bureau's policy drafts.
pub(super) fn documents(city: &mut City, days: i64) {
    const UT: &str = "unfair_terms.restrictive_clause";
    const FCR: &str = "fair_competition_review.clause";
    let day = days - 15;
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
            "h4-doc-agreement-solo",
            "platform_agreement",
            "商家入驻协议（2026年12月修订）",
            "第十二条 商家在本平台经营期间，不得在其他外卖平台上线同品牌门店；违反的，平台有权下线其全部门店并扣除保证金。",
            UT,
            LOCAL,
            P,
            "以下线门店、扣保证金禁止商家在其他平台经营（电子商务法第三十五条；平台经济反垄断指南第十五条）",
        ),
        (
            MALL,
            "h4-doc-rule-parity",
            "platform_rule",
            "商品价格管理规则",
            "第五条 商家在本平台的售价不得高于其在其他任何渠道（含自营小程序、线下门店）的售价，发现违反的，平台将降低其商品搜索排名。",
            UT,
            MALL,
            P,
            "以搜索降权强制“全渠道最低价”，限制商家在其他渠道的自主定价（电子商务法第三十五条）",
        ),
        (
            MALL,
            "h4-doc-contract-course",
            "contract",
            "暑期托管班报名协议",
            "第七条 学员报名后因任何原因退课的，已缴学费概不退还；本协议最终解释权归本机构所有。",
            UT,
            "阳光托管中心",
            P,
            "格式条款排除消费者退费的权利（消费者权益保护法第二十六条第二款）",
        ),
        (
            LOCAL,
            "h4-doc-rule-licence",
            "platform_rule",
            "餐饮商户资质管理规则",
            "商户应在店铺首页公示营业执照和食品经营许可证；发现无证经营的，平台将下线门店。",
            UT,
            LOCAL,
            N,
            "要求公示证照、下线无证门店是平台的法定核验义务（电子商务法第二十七条；食品安全法第六十二条）",
        ),
        (
            MALL,
            "h4-doc-agreement-open",
            "platform_agreement",
            "平台服务协议（商家版）",
            "商家可自主决定在其他平台或渠道经营，本平台不作任何限制。收费标准调整提前30日公示，商家不同意的可解除协议且不承担违约责任。",
            UT,
            MALL,
            N,
            "明示不限制多平台经营，收费调整提前公示并允许无责退出（电子商务法第三十四条）",
        ),
        (
            MALL,
            "h4-doc-contract-refund",
            "contract",
            "编程培训课程协议",
            "开课前退课的全额退款；开课后退课的，按未上课时占总课时的比例退还学费，七个工作日内退回原支付账户。",
            UT,
            "码上编程培训中心",
            N,
            "按未上课时比例退费，条款公平",
        ),
        (
            "regulator",
            "h4-doc-draft-procure",
            "policy_draft",
            "关于规范公务出行服务采购的通知（征求意见稿）",
            "三、全市各级机关采购公务出行服务的，同等条件下优先选择在本市注册的网约车企业。",
            FCR,
            "",
            P,
            "政府采购中对本地注册企业给予优先，排斥或限制外地经营者（第九条第（三）项）",
        ),
        (
            "regulator",
            "h4-doc-draft-subsidy",
            "policy_draft",
            "关于支持平台企业发展的若干意见（征求意见稿）",
            "五、对杭州云帆出行科技有限公司给予专项补贴1000万元，用于其平台业务推广。",
            FCR,
            "",
            P,
            "无法律依据、未经批准对特定经营者给予选择性补贴（第十条第（二）项）",
        ),
        (
            "regulator",
            "h4-doc-draft-escrow",
            "policy_draft",
            "校外培训预收费监管实施办法（征求意见稿）",
            "第六条 指定杭州学汇科技有限公司为全市校外培训预收费资金监管唯一服务平台，各培训机构须通过其系统收费。",
            FCR,
            "",
            P,
            "限定经营者只能使用指定企业提供的服务（第八条第（三）项）",
        ),
        (
            "regulator",
            "h4-doc-draft-relief",
            "policy_draft",
            "寒潮冰冻灾害应急物资配送保障方案（征求意见稿）",
            "为应对寒潮冰冻灾害，2026年12月15日至2027年2月28日期间，由市应急管理局通过公开遴选确定的3家企业承担应急物资配送。经评估，没有对公平竞争影响更小的替代方案；期满自动终止。",
            FCR,
            "",
            N,
            "为救灾需要，公开遴选、写明没有影响更小的替代方案并设定终止期限，符合第十二条例外的全部条件",
        ),
        (
            "regulator",
            "h4-doc-draft-equal",
            "policy_draft",
            "政府采购营商环境优化措施（征求意见稿）",
            "二、各类经营主体平等参与政府采购活动，不得以供应商所在地、所有制形式、组织形式等设置差别待遇或者歧视待遇。",
            FCR,
            "",
            N,
            "要求平等对待各类供应商，正是第九条所要求的",
        ),
        (
            "regulator",
            "h4-doc-draft-digital",
            "policy_draft",
            "小微电商数字化改造补贴办法（征求意见稿）",
            "四、对上年度营业额500万元以下的小微电商经营者，按统一标准给予每户2000元数字化改造补贴，不区分所在地和所有制，申报条件和结果向社会公开。",
            FCR,
            "",
            N,
            "补贴按公开统一的客观条件普惠发放，不针对特定经营者、不区分所在地（第十条所禁止的是选择性的优惠）",
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
