//! Text cases: listings and live transcripts whose ad-law terms are spaced out with ideographic
//! spaces, written as homophones, variant characters and full-width letters, or stand beside
//! lawful uses of the same words — brewing advice with 最佳, a rank with its source, a lens's
//! technical parameters (广告法 第九、十七、十八、四十六条); a health statement rewritten to
//! "不能完全代替", one spaced out but complete, and an ordinary food that needs none; rivals named
//! on air, in listings and in notices, beside a court judgment and published specifications
//! (反不正当竞争法 第十一条); a teaware mark copied in traditional characters, with a space and in
//! full-width Latin, a furniture mark used after its licence ended, beside a licensee in term, a
//! genuine used pot and a coexisting mark in another class (商标法 第五十七条); platform terms and
//! policy drafts (电子商务法 第三十四、三十五条; 公平竞争审查条例 第八至十二条).

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::City;
use crate::kit::rules::{ABS, APPROVAL, HEALTH, STATEMENT};
use crate::kit::{Item, Shop};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative, Positive};

/// A listing text case: (rule, title, description, class, approval, label, why).
type Claim = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
    Label,
    &'static str,
);

const GOODS: &[Claim] = &[
    (
        ABS,
        "紫砂壶 全　网　第　一 大师手作",
        Some("宜兴顶　级原矿紫泥，匠心之作"),
        "general",
        None,
        Positive,
        "“全网第一”“顶级”以全角空格隔开，仍是无依据的绝对化用语，广告法 第九条第三项",
    ),
    (
        ABS,
        "乳胶枕 国家极品质 销量ＮＯ．１",
        Some("天然乳胶含量95%"),
        "general",
        None,
        Positive,
        "以同音的“国家极”代替“国家级”，并写全角“ＮＯ．１”，无时间、范围和依据，广告法 第九条第三项",
    ),
    (
        ABS,
        "按摩椅 㝡舒适 第一品牌",
        Some("行业领先，4D机芯"),
        "general",
        None,
        Positive,
        "“㝡”是“最”的异体字，“最舒适”“第一品牌”无依据，绝对化用语，广告法 第九条第三项",
    ),
    (
        ABS,
        "紫砂壶 开壶 泡茶指南",
        Some("最佳泡茶水温：90—95℃；首次使用前请用沸水烫壶三次"),
        "general",
        None,
        Negative,
        "“最佳泡茶水温”是使用方法的提示，不是对商品的绝对化评价，广告法 第九条第三项不适用（《广告绝对化用语执法指南》）",
    ),
    (
        ABS,
        "碳板跑鞋 男款",
        Some(
            "2025年度本平台跑鞋类目销量第一（数据来源：平台公开年度榜单，统计期2025-01-01至2025-12-31）",
        ),
        "general",
        None,
        Negative,
        "“销量第一”标明了时间、范围和数据来源且可核实，广告法 第九条第三项不适用（《广告绝对化用语执法指南》）",
    ),
    (
        ABS,
        "50mm 定焦镜头 最大光圈F1.8",
        Some("最近对焦距离0.45m，最大放大倍率0.15×"),
        "general",
        None,
        Negative,
        "“最大光圈”“最近对焦距离”是镜头的技术参数名称，不是对商品的评价，广告法 第九条第三项不适用",
    ),
    (
        HEALTH,
        "乳胶枕 护颈 波浪款",
        Some("治疗颈椎病、\n失眠，\n睡一周见效"),
        "general",
        None,
        Positive,
        "普通枕头宣称治疗颈椎病、失眠（换行分隔），广告法 第十七条",
    ),
    (
        HEALTH,
        "山茶油 冷榨 一级",
        Some("天天吃降血压、降血脂，可以替代降压药"),
        "food",
        None,
        Positive,
        "普通食用油宣称降血压、降血脂并可替代降压药，涉及疾病治疗功能，广告法 第十七条",
    ),
    (
        HEALTH,
        "按摩椅 腰背 热敷",
        Some("根治 腰 椎 间 盘 突 出，告别腰痛"),
        "general",
        None,
        Positive,
        "以空格拆开的“根治腰椎间盘突出”，非医疗器械宣称治疗疾病，广告法 第十七条",
    ),
    (
        HEALTH,
        "按摩椅 家用 全身",
        Some("本品为家用按摩器具，不能替代医疗；腰椎疾病请遵医嘱"),
        "general",
        None,
        Negative,
        "明确否认医疗作用并提示遵医嘱，不是疾病治疗功能的宣传，广告法 第十七条",
    ),
    (
        STATEMENT,
        "茶多酚 保健食品 60粒",
        Some("辅助降血脂 蓝帽子 每日两粒"),
        "health_food",
        Some("浙食健广审（文）第261201-03112号"),
        Positive,
        "保健食品广告没有“本品不能代替药物”的声明，广告法 第十八条",
    ),
    (
        STATEMENT,
        "珍珠粉 保健食品 胶囊 90粒",
        Some("改善皮肤水分。本品不能完全代替药物"),
        "health_food",
        Some("浙食健广审（文）第261202-03158号"),
        Positive,
        "声明改写为“不能完全代替药物”，暗示可部分代替药物，不是法定的“本品不能代替药物”，广告法 第十八条",
    ),
    (
        STATEMENT,
        "葡萄籽 保健食品 60粒",
        Some("抗氧化 保健食品。本品不能代替要物"),
        "health_food",
        Some("浙食健广审（文）第261206-03315号"),
        Positive,
        "声明写成同音的“本品不能代替要物”，不是法定的“本品不能代替药物”，保健食品广告仍未标明声明，广告法 第十八条",
    ),
    (
        STATEMENT,
        "辅酶Q10 保健食品 60粒",
        Some("增强免疫力 保健食品\n本 品 不 能 代 替 药 物"),
        "health_food",
        Some("浙食健广审（文）第261203-03201号"),
        Negative,
        "声明“本品不能代替药物”逐字标明，只是字间加了空格，声明完整，广告法 第十八条",
    ),
    (
        STATEMENT,
        "鱼油 保健食品 100粒",
        Some("辅助降血脂。本品不能代替药物治疗疾病。"),
        "health_food",
        Some("浙食健广审（文）第261204-03247号"),
        Negative,
        "声明“本品不能代替药物”完整，后面补充“治疗疾病”不改变其含义，广告法 第十八条",
    ),
    (
        STATEMENT,
        "山茶油 月饼 礼盒",
        Some("中秋送礼 传统工艺"),
        "food",
        None,
        Negative,
        "普通食品，不是保健食品，无须标明“本品不能代替药物”（广告法 第十八条）",
    ),
    (
        APPROVAL,
        "颈椎牵引器 充气式 家用",
        Some("二类医疗器械 缓解颈部不适"),
        "medical_device",
        None,
        Positive,
        "医疗器械广告未经审查、无广告批准文号，广告法 第四十六条",
    ),
    (
        APPROVAL,
        "复方薄荷脑软膏 OTC 10g",
        Some("请按药品说明书或者在药师指导下购买和使用"),
        "drug",
        None,
        Positive,
        "药品广告无批准文号，广告法 第四十六条",
    ),
    (
        APPROVAL,
        "特医食品 全营养配方 400g",
        Some("特殊医学用途配方食品 请在医生或临床营养师指导下使用"),
        "special_medical_food",
        None,
        Positive,
        "特殊医学用途配方食品广告未经审查、无批准文号，广告法 第四十六条",
    ),
    (
        APPROVAL,
        "电子血压计 上臂式",
        Some("二类医疗器械 请仔细阅读产品说明书或者在医务人员的指导下购买和使用"),
        "medical_device",
        Some("浙械广审（文）第261120-00412号"),
        Negative,
        "医疗器械广告有广告批准文号，广告法 第四十六条已满足",
    ),
    (
        APPROVAL,
        "记忆棉 颈枕 旅行款",
        Some("普通家居用品，非医疗器械"),
        "general",
        None,
        Negative,
        "普通枕头，不属于须审查的医疗、药品、医疗器械、保健食品广告（广告法 第四十六条）",
    ),
    (
        APPROVAL,
        "维生素C 保健食品 100片",
        Some("补充维生素C。本品不能代替药物。"),
        "health_food",
        Some("浙食健广审（文）第261205-03299号"),
        Negative,
        "保健食品广告有批准文号且声明完整，广告法 第四十六条已满足",
    ),
];

const SERVICES: &[Claim] = &[
    (
        HEALTH,
        "少儿中国舞 形体课",
        Some("跳舞三个月，矫正脊柱侧弯，治好O型腿"),
        "general",
        None,
        Positive,
        "舞蹈培训宣称矫正脊柱侧弯、治好O型腿，涉及疾病治疗功能，广告法 第十七条",
    ),
    (
        HEALTH,
        "空调深度清洗 上门",
        Some("清洗后减少滤网积尘和异味；清洗不能治疗任何疾病，身体不适请就医"),
        "general",
        None,
        Negative,
        "介绍清洁效果并明确不能治病，没有疾病治疗功能的宣传，广告法 第十七条",
    ),
    (
        HEALTH,
        "莫干山民宿 森林房",
        Some("竹林环绕，空气清新，适合周末放松"),
        "general",
        None,
        Negative,
        "描述环境与放松，不涉及疾病治疗功能，广告法 第十七条",
    ),
];

/// The false-advertising cases: goods and services listings, and two live transcripts.
pub(crate) fn claims(city: &mut City, rng: &mut Rng) {
    for (platform, tag, name, cases) in [
        (MALL, "ads1", "好物严选", GOODS),
        (LOCAL, "ads2", "邻家服务", SERVICES),
    ] {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        for &(rule, title, description, class, approval, label, why) in cases {
            KIT.ad_case(
                city,
                &mut shop,
                rule,
                label,
                why,
                &Item {
                    title,
                    description,
                    category: "综合/宣传",
                    class,
                    approval,
                    price: 16_800,
                    returns: !matches!(class, "drug" | "medical_device"),
                    ..Item::default()
                },
            );
        }
    }
    let live = KIT.shop(city, rng, LIVE, "live1", "诸暨珠语直播间");
    KIT.live_case(
        city,
        rng,
        &live,
        ABS,
        "h12-live-abs1",
        37,
        Positive,
        "主播把“全网最低”一字一顿拆开说，又称“独一无二”“天花板级别”，无依据的绝对化用语，广告法 第九条第三项",
        "这条珍珠项链，全 网 最 低！\n全、网、最、低！品质独一无二，\n珍珠界的天花板级别，姐妹们直接拍",
    );
    let lens = KIT.shop(city, rng, LIVE, "live2", "光圈镜头直播间");
    KIT.live_case(
        city,
        rng,
        &lens,
        ABS,
        "h12-live-abs2",
        42,
        Negative,
        "“最近对焦距离”“最大光圈”是口播的技术参数，没有对商品作绝对化评价，广告法 第九条第三项不适用",
        "这支镜头最近对焦距离是零点四五米，最大光圈一点八，拍半身人像够用。想拍微距的朋友建议看另一支。",
    );
}

const RIVAL: &str = "disparagement.named_competitor";

/// Rivals named on air, in listings and in notices, and three lawful mentions.
pub(crate) fn rivals(city: &mut City, rng: &mut Rng) {
    let live = KIT.shop(city, rng, LIVE, "live3", "舒享按摩椅直播");
    let sessions: &[(&str, Label, &str, &str)] = &[
        (
            "h12-live-rival1",
            Positive,
            "直播称对手“康途”按摩椅“电机用的是翻新件，已经夹伤好几个老人”，无任何依据，编造虚假信息损害其商誉，反不正当竞争法 第十一条",
            "康途的按摩椅千万别给爸妈买，\n电机都是拆机翻新件，已经夹伤好几个老人了，我们舒享全是新机芯",
        ),
        (
            "h12-live-rival2",
            Negative,
            "如实引用已生效判决（案号可查）说明对手曾被认定虚标功率，内容真实、来源明确，反不正当竞争法 第十一条",
            "有人问康途的功率为什么标那么高？（2026）浙0108民初2217号判决认定它虚标了额定功率，判决书在裁判文书网公开，大家自己去查。",
        ),
    ];
    for &(id, label, why, text) in sessions {
        KIT.live_case(city, rng, &live, RIVAL, id, 35, label, why, text);
    }
    let mut shop = KIT.shop(city, rng, MALL, "rival1", "清源净水旗舰店");
    let listings: &[(&str, &str, Label, &str)] = &[
        (
            "净水器 RO反渗透 1000G",
            "别买“沁泉”的净水器：滤芯是回收料，出水重金属超标，喝了伤肾，已经被央视曝光",
            Positive,
            "商品页称对手“沁泉”滤芯为回收料、出水重金属超标、被央视曝光，编造虚假信息，反不正当竞争法 第十一条",
        ),
        (
            "净水器 RO反渗透 800G",
            "本机纯水流量2.1L/min；沁泉S8为1.8L/min。两者均为各自官网公布参数，检测报告编号见详情页",
            Negative,
            "点名对手但只作可核实的公开参数对比，没有贬损，反不正当竞争法 第十一条",
        ),
    ];
    for &(title, description, label, why) in listings {
        KIT.ad_case(
            city,
            &mut shop,
            RIVAL,
            label,
            why,
            &Item {
                title,
                description: Some(description),
                category: "综合/对比",
                ..Item::default()
            },
        );
    }
    let notices: &[(&str, &str, &str, Label, &str)] = &[
        (
            "h12-notice-rival1",
            "致家长的一封信",
            "“码上学”编程的老师都是大学生兼职，没有任何资质，\n已经卷款跑路了一家分校，还在那边报名的家长尽快退费，转来我们极客编程。",
            Positive,
            "商家公告散布对手“码上学”教师无资质、卷款跑路的虚假信息，反不正当竞争法 第十一条",
        ),
        (
            "h12-notice-rival2",
            "关于“极客编程”名称的说明",
            "本校与“极客少年编程”没有任何关联，近期多位家长混淆，请以本校官方账号发布的信息为准。",
            Negative,
            "说明与名称相近的机构无关联以免混淆，没有贬损对手，反不正当竞争法 第十一条",
        ),
    ];
    for &(id, title, text, label, why) in notices {
        HOUSE.document(
            city,
            LOCAL,
            (id, "merchant_notice", "xiansong-h12-code1"),
            title,
            text,
            39,
        );
        KIT.t_global(city, RIVAL, "document", id, label, why);
    }
}

const MARK: &str = "counterfeit.mark_lookalike";

/// A teaware mark copied in traditional characters, with spaces and in full-width Latin, a
/// furniture mark used after its licence ended, beside a licensee in term, a genuine used pot and
/// a coexisting mark in another class.
pub(crate) fn marks(city: &mut City, rng: &mut Rng) {
    let pot = KIT.shop(city, rng, MALL, "mark-pot", "壶隐陶瓷");
    KIT.trademark(city, "75512093", "壶隐 HUYIN", &pot, &[21]);
    let wood = KIT.shop(city, rng, MALL, "mark-wood", "明韵家具");
    KIT.trademark(city, "70344618", "明韵", &wood, &[20]);
    let school = KIT.shop(city, rng, LOCAL, "mark-school", "壶隐茶艺学堂");
    KIT.trademark(city, "76620457", "壶隐", &school, &[41]);
    let mut in_term = KIT.shop(city, rng, LOCAL, "mark-lic1", "明韵授权家居馆");
    let mut expired = KIT.shop(city, rng, MALL, "mark-lic2", "红木特卖场");
    for (licensee, valid_to) in [(&in_term, "2028-03-31"), (&expired, "2026-10-31")] {
        city.add(
            "ip_office",
            "trademark_licenses",
            json!({"reg_no": "70344618", "licensee_uscc": licensee.uscc, "valid_to": valid_to}),
        );
    }
    let mut stranger = KIT.shop(city, rng, LOCAL, "mark-x1", "紫砂小铺");
    let mut variant = KIT.shop(city, rng, MALL, "mark-x2", "陶都批发");
    let mut spaced = KIT.shop(city, rng, LIVE, "mark-x3", "茶器直播");
    let mut wide = KIT.shop(city, rng, MALL, "mark-x4", "壶具仓");
    let mut used = KIT.shop(city, rng, LOCAL, "mark-used", "闲置茶器");
    let mut own = school;
    let item = |title, description, brand, reg_no, category| Item {
        title,
        description: Some(description),
        category,
        brand: Some(brand),
        reg_no,
        price: 58_800,
        ..Item::default()
    };
    let teaware = "茶具/紫砂";
    let furniture = "家具/红木";
    let cases: [(&mut Shop, Item<'_>, Label, &str); 8] = [
        (
            &mut stranger,
            item(
                "壶隐 紫砂壶 石瓢 200ml",
                "壶隐正品 大师监制",
                "壶隐",
                Some("75512093"),
                teaware,
            ),
            Positive,
            "与注册人无许可关系的店铺在同一种商品（茶具）上使用“壶隐”并冒用其注册号，商标法 第五十七条第一项",
        ),
        (
            &mut variant,
            item("壺隱 紫砂壶 仿古", "壺隱 手工全手", "壺隱", None, teaware),
            Positive,
            "“壺隱”是“壶隐”的繁体写法，与注册商标读音、含义相同，用于同一种商品，商标法 第五十七条第二项",
        ),
        (
            &mut spaced,
            item(
                "壶　隐 紫砂壶 直播款",
                "壶　隐 原矿",
                "壶　隐",
                None,
                teaware,
            ),
            Positive,
            "“壶　隐”只是在两字间加了全角空格，与注册商标“壶隐”相同，用于同一种商品，商标法 第五十七条第一项",
        ),
        (
            &mut wide,
            item(
                "ＨＵＹＩＮ 紫砂壶 礼盒",
                "ＨＵＹＩＮ 宜兴",
                "ＨＵＹＩＮ",
                None,
                teaware,
            ),
            Positive,
            "全角“ＨＵＹＩＮ”与注册商标“壶隐 HUYIN”的拉丁部分相同，用于同一种商品，商标法 第五十七条第一项",
        ),
        (
            &mut expired,
            item(
                "明韵 红木 官帽椅",
                "明韵授权经销",
                "明韵",
                Some("70344618"),
                furniture,
            ),
            Positive,
            "许可合同已于2026-10-31到期，此后（期间第17日起）仍以被许可人名义在同一种商品上使用“明韵”，商标法 第五十七条第一项",
        ),
        (
            &mut in_term,
            item(
                "明韵 红木 茶桌",
                "明韵授权经销 许可至2028-03-31",
                "明韵",
                Some("70344618"),
                furniture,
            ),
            Negative,
            "被许可人在许可期限（至2028-03-31）内使用，商标法 第四十三条",
        ),
        (
            &mut used,
            item(
                "壶隐 紫砂壶 自用 九成新",
                "2024年专柜购入，附证书和发票，养了两年",
                "壶隐",
                None,
                teaware,
            ),
            Negative,
            "转售自己购买的正品，商标权利已用尽，商标法 第五十七条不适用",
        ),
        (
            &mut own,
            item(
                "壶隐 茶艺入门课 8课时",
                "壶隐茶艺学堂自有品牌",
                "壶隐",
                Some("76620457"),
                "教育/茶艺",
            ),
            Negative,
            "“壶隐”在第41类由茶艺学堂另行注册，与第21类茶具商标共存，在教育服务上使用自己的注册商标不侵权（商标法 第五十七条）",
        ),
    ];
    for (shop, it, label, why) in cases {
        KIT.ad_case(city, shop, MARK, label, why, &it);
    }
}

const TERMS: &str = "unfair_terms.restrictive_clause";
const REVIEW: &str = "fair_competition_review.clause";

/// Platform agreements and a merchant's notice, and six policy drafts.
pub(crate) fn papers(city: &mut City) {
    let agreements: &[(&str, &str, &str, &str, &str, Label, &str)] = &[
        (
            "h12-agree1",
            "platform_agreement",
            MALL,
            "家具家居商家入驻协议（2027年1月版）",
            "第九条　商家入驻本平台期间，不得在其他网络交易平台开设经营同类商品的店铺；\n违反的，平台有权扣除全部保证金并清退。",
            Positive,
            "禁止商家在其他平台经营并以扣保证金、清退相威胁，限制商家与其他平台交易，电子商务法 第三十五条；平台经济反垄断指南 第十五条",
        ),
        (
            "h12-agree2",
            "platform_agreement",
            LOCAL,
            "上门服务商户协议",
            "第十二条　平台可随时调整服务费率和结算周期，调整自系统通知之日起立即执行，商户继续接单即视为同意。",
            Positive,
            "单方调整费率和结算周期、即时执行、不公开征求意见，违反修改交易规则须公开征求意见并提前七日公示的规定，电子商务法 第三十四条",
        ),
        (
            "h12-agree3",
            "platform_agreement",
            LIVE,
            "直播间商品价格管理规范",
            "第四条　直播间商品价格须为全网最低；商家在其他平台或线下以更低价格销售的，平台有权冻结其货款三十日。",
            Positive,
            "要求全网最低价并以冻结货款处罚，不合理限制商家的交易价格，电子商务法 第三十五条",
        ),
        (
            "h12-agree4",
            "platform_agreement",
            MALL,
            "平台交易规则修订公告",
            "本规则修订稿已于首页显著位置公示并公开征求意见，自公示之日起七日后生效；商家不接受修改的，可在生效前退出并结清费用。",
            Negative,
            "修改公开征求意见、提前七日公示并允许退出，符合电子商务法 第三十四条",
        ),
        (
            "h12-agree5",
            "platform_agreement",
            LOCAL,
            "商户多平台经营说明",
            "商户可同时在其他平台经营，平台不因此调整搜索排序、流量或收费；商户自愿签订独家合作的，可随时无责解除。",
            Negative,
            "明确允许多平台经营、独家合作自愿且可随时解除，电子商务法 第三十五条",
        ),
        (
            "h12-notice-own1",
            "merchant_notice",
            LOCAL,
            "本店预约渠道说明",
            "本店课程只通过本平台和门店前台预约，其他平台上使用本店名称的账号均非本店开设。",
            Negative,
            "商家自己说明预约渠道，不是平台对商家的限制，电子商务法 第三十五条",
        ),
    ];
    for &(id, kind, supplier, title, text, label, why) in agreements {
        let issuer = if kind == "merchant_notice" {
            "xiansong-h12-dance1"
        } else {
            supplier
        };
        HOUSE.document(city, supplier, (id, kind, issuer), title, text, 13);
        KIT.t_global(city, TERMS, "document", id, label, why);
    }
    let drafts: &[(&str, &str, &str, &str, Label, &str)] = &[
        (
            "h12-draft1",
            "某区经济和信息化局",
            "关于支持本地红木家具企业发展的若干意见（征求意见稿）",
            "第五条　区内政府投资项目和国有企业采购红木家具的，优先选用在本区注册且纳税满三年的企业产品；\n外地企业产品原则上不予采购。",
            Positive,
            "以注册地、纳税年限限定采购本地企业产品、排斥外地经营者，公平竞争审查条例 第八条、第九条",
        ),
        (
            "h12-draft2",
            "某区教育局",
            "中小学课后服务编程课程实施方案（草案）",
            "第六条　全区中小学课后编程课程统一由码上学科技有限公司提供，学校不得另行选择其他机构。",
            Positive,
            "指定单一经营者提供服务、排除其他机构，限定交易，公平竞争审查条例 第八条",
        ),
        (
            "h12-draft3",
            "某区商务局",
            "关于规范民宿经营秩序的通知（草案）",
            "为防止低价竞争，全区民宿节假日房价不得低于每晚380元，平日不得低于260元。",
            Positive,
            "对市场调节价设定最低价格，干预经营者自主定价，公平竞争审查条例 第十一条",
        ),
        (
            "h12-draft4",
            "某区住房和城乡建设局",
            "家用燃气热水器及净水设备上门安装安全管理办法（征求意见稿）",
            "为保障用户人身安全，上门安装人员须持有相应职业技能证书；证书考试向所有经营者及其人员开放，不限地域和所有制。本办法试行两年，期满评估；经论证无对竞争影响更小的替代方案。",
            Negative,
            "为保障人身安全设置对所有经营者一致、公开的条件，论证了替代方案并设定期限，符合公平竞争审查条例 第十二条",
        ),
        (
            "h12-draft5",
            "某区文化和旅游局",
            "乡村民宿品质提升补助办法（草案）",
            "对达到民宿等级评定标准的民宿，不论经营者注册地和所有制，按评定等级给予一次性补助；申报条件、评审标准和结果向社会公开。",
            Negative,
            "补助条件对所有经营者一致、公开透明、不设地域和所有制限制，公平竞争审查条例 第十条不适用",
        ),
        (
            "h12-draft6",
            "某区市场监督管理局",
            "关于倡导家电清洗服务明码标价的通知（草案）",
            "倡导全区家电清洗经营者在接单前明示服务项目和收费标准；本通知不设准入条件、不规定价格水平。",
            Negative,
            "倡导性措施，不设准入、价格或地域条件，不影响市场竞争，公平竞争审查条例",
        ),
    ];
    for &(id, issuer, title, text, label, why) in drafts {
        HOUSE.document(
            city,
            "regulator",
            (id, "policy_draft", issuer),
            title,
            text,
            19,
        );
        KIT.t_global(city, REVIEW, "document", id, label, why);
    }
}
