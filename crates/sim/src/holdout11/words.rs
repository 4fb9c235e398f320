//! Text cases: listings and live transcripts whose ad-law terms are broken over lines, written
//! as 第壹, or stand beside lawful uses of the same words — a usage tip with 最佳, a sales rank
//! with its period and source, a coupon's 最高 (广告法 第九、十六、十七、十八、四十六条); a health
//! statement cut short or with 食物 for 药物, and an ordinary food that needs none; rivals named
//! on air, in listings and in notices, beside a court judgment and published specifications
//! (反不正当竞争法 第十一条); a perfume mark copied in traditional characters and full-width
//! Latin, a wine mark split by a middle dot and sold under an expired licence, beside a licensee
//! in term, a genuine used bottle and a coexisting mark in another class (商标法 第五十七条);
//! platform terms and policy drafts (电子商务法 第三十四、三十五条; 公平竞争审查条例 第八至十二条).

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
        "扫地机器人 销量冠军 全国第壹",
        Some("吸力行业最强 8000Pa，同类产品无可超越"),
        "general",
        None,
        Positive,
        "“全国第壹”（大写数字）、“行业最强”“无可超越”为绝对化用语，无时间、范围和依据，第九条第三项",
    ),
    (
        ABS,
        "波罗的海琥珀 原矿 手串",
        Some("国家\n级 工艺大师手作，\n顶\n级 品质"),
        "general",
        None,
        Positive,
        "“国家级”“顶级”被换行拆开，仍是绝对化用语，第九条第三项",
    ),
    (
        ABS,
        "冲牙器 全球首创 脉冲水流",
        Some("最先进的脉冲技术，1600次/分钟"),
        "general",
        None,
        Positive,
        "“全球首创”“最先进”无任何依据，第九条第三项",
    ),
    (
        ABS,
        "波尔多干红 750ml 醒酒后饮用",
        Some("最佳赏味期：开瓶醒酒30分钟后2小时内；储存温度12—16℃"),
        "food",
        None,
        Negative,
        "“最佳赏味期”是使用方法的提示，不是对商品的绝对化评价，广告法 第九条第三项不适用（《广告绝对化用语执法指南》）",
    ),
    (
        ABS,
        "花香调淡香水 50ml",
        Some(
            "2025年度本平台香水类目销量第一（数据来源：平台公开年度榜单，统计期2025-01-01至2025-12-31）",
        ),
        "general",
        None,
        Negative,
        "“销量第一”标明了时间、范围和数据来源且可核实，广告法 第九条第三项不适用（《广告绝对化用语执法指南》）",
    ),
    (
        ABS,
        "投影仪 幕布套装 100寸",
        Some("本店优惠券最高可减300元，以结算页为准"),
        "general",
        None,
        Negative,
        "“最高可减300元”说的是优惠券金额上限，不是对商品的评价，广告法 第九条第三项不适用",
    ),
    (
        HEALTH,
        "阿胶糕 即食 红枣枸杞",
        Some("补气养血，治疗贫血、\n月经不调，\n三盒见效"),
        "food",
        None,
        Positive,
        "普通食品宣称治疗贫血、月经不调（换行分隔），第十七条",
    ),
    (
        HEALTH,
        "冲牙器 家用 牙周护理",
        Some("治疗牙周炎，牙龈出血一周痊愈"),
        "general",
        None,
        Positive,
        "非医疗器械的家电宣称治疗牙周炎、痊愈，第十七条",
    ),
    (
        HEALTH,
        "阿胶块 250g 普通食品",
        Some("本品为普通食品，不具有治疗作用，贫血请及时就医"),
        "food",
        None,
        Negative,
        "明确否认治疗作用并提示就医，不是疾病治疗功能的宣传，第十七条",
    ),
    (
        STATEMENT,
        "阿胶口服液 保健食品 10支",
        Some("增强免疫力 蓝帽子认证 每日一支"),
        "health_food",
        Some("浙食健广审（文）第261102-02211号"),
        Positive,
        "保健食品广告没有“本品不能代替药物”的声明，第十八条第二款",
    ),
    (
        STATEMENT,
        "阿胶 铁 锌 片 保健食品 60片",
        Some("改善营养性贫血。……本品不能代替"),
        "health_food",
        Some("浙食健广审（文）第261103-02297号"),
        Positive,
        "声明在“本品不能代替”处截断，没有“药物”，不是完整的法定声明，第十八条第二款",
    ),
    (
        STATEMENT,
        "蛋白质粉 保健食品 400g",
        Some("增强免疫力 保健食品。本品不能替代食物。"),
        "health_food",
        Some("浙食健广审（文）第261104-02350号"),
        Positive,
        "写的是“本品不能替代食物”，不是“本品不能代替药物”，仍缺法定声明，第十八条第二款",
    ),
    (
        STATEMENT,
        "维生素D3 保健食品 90粒",
        Some("增加骨密度 保健食品\n【温馨提示】本品不能代替药物。"),
        "health_food",
        Some("浙食健广审（文）第261105-02418号"),
        Negative,
        "声明“本品不能代替药物”完整标明，放在括号提示里，第十八条第二款",
    ),
    (
        STATEMENT,
        "大豆蛋白 保健食品 本品不能代替药物",
        None,
        "health_food",
        Some("浙食健广审（文）第261106-02466号"),
        Negative,
        "声明写在商品标题里，没有详情文字，声明完整，第十八条第二款",
    ),
    (
        STATEMENT,
        "阿胶糕 核桃黑芝麻 500g",
        Some("传统熬制 开袋即食"),
        "food",
        None,
        Negative,
        "普通食品，不是保健食品，无须标明“本品不能代替药物”（广告法 第十八条）",
    ),
    (
        APPROVAL,
        "家用雾化器 医用 儿童成人",
        Some("二类医疗器械 静音雾化"),
        "medical_device",
        None,
        Positive,
        "医疗器械广告无广告批准文号，第四十六条",
    ),
    (
        APPROVAL,
        "布洛芬缓释胶囊 OTC 24粒",
        Some("请按药品说明书或者在药师指导下购买和使用"),
        "drug",
        None,
        Positive,
        "药品广告未经审查、无批准文号，第四十六条",
    ),
    (
        APPROVAL,
        "深海鱼油 保健食品 100粒",
        Some("辅助降血脂 保健食品。本品不能代替药物。"),
        "health_food",
        None,
        Positive,
        "保健食品广告有声明但无广告批准文号，第四十六条",
    ),
    (
        APPROVAL,
        "对乙酰氨基酚片 OTC 20片",
        Some("请按药品说明书或者在药师指导下购买和使用"),
        "drug",
        Some("浙药广审（文）第251201-00123号"),
        Negative,
        "药品广告有批准文号，第四十六条已满足",
    ),
    (
        APPROVAL,
        "全营养配方粉 特医食品 400g",
        Some("特殊医学用途配方食品 请在医生或临床营养师指导下使用"),
        "special_medical_food",
        Some("浙特医食广审（文）第251130-00011号"),
        Negative,
        "特殊医学用途配方食品广告有批准文号，第四十六条已满足",
    ),
    (
        APPROVAL,
        "冲牙器 旅行款 USB充电",
        Some("小家电，非医疗器械"),
        "general",
        None,
        Negative,
        "普通小家电，不属于三品一械，无须广告审查（广告法 第四十六条）",
    ),
];

const SERVICES: &[Claim] = &[
    (
        HEALTH,
        "足浴 60分钟 中药泡脚",
        Some("足疗三次 根治失眠、降血压，不用再吃药"),
        "general",
        None,
        Positive,
        "足浴服务宣称根治失眠、降血压，第十七条",
    ),
    (
        HEALTH,
        "三甲医院 全程陪诊",
        Some("协助挂号、取药、陪同就医；本服务不提供任何诊疗"),
        "general",
        None,
        Negative,
        "介绍陪同就医服务时出现医院、就医等词，但没有宣称治疗功能，第十七条",
    ),
    (
        HEALTH,
        "成人游泳 体验课",
        Some("游泳有助于增强体质、放松心情"),
        "general",
        None,
        Negative,
        "“增强体质”是一般健身效果，没有涉及疾病治疗，第十七条",
    ),
];

/// The false-advertising cases: goods and services listings, and two live transcripts.
pub(crate) fn claims(city: &mut City, rng: &mut Rng) {
    for (platform, tag, name, cases) in [
        (MALL, "ads1", "优品汇", GOODS),
        (LOCAL, "ads2", "到家服务", SERVICES),
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
                    price: 12_800,
                    returns: !matches!(class, "drug" | "medical_device"),
                    ..Item::default()
                },
            );
        }
    }
    let live = KIT.shop(city, rng, LIVE, "live1", "琥珀直播间");
    KIT.live_case(
        city,
        rng,
        &live,
        ABS,
        "h11-live-abs1",
        38,
        Positive,
        "主播反复称“全网最低”“没有比我们更低的了”，无依据的绝对化用语，第九条第三项",
        "家人们看好了，这串蜜蜡全网最低！\n全网\n最低！没有比我们更低的了，三、二、一，上链接",
    );
    let floss = KIT.shop(city, rng, LIVE, "live2", "清齿冲牙器直播间");
    KIT.live_case(
        city,
        rng,
        &floss,
        ABS,
        "h11-live-abs2",
        41,
        Negative,
        "“最好饭后半小时使用”是使用方法的提示，没有对商品作绝对化评价，第九条第三项不适用（《广告绝对化用语执法指南》）",
        "冲牙器最好饭后半小时用，水温不要超过40度。第一次用先开1档，牙龈适应了再加档位。",
    );
}

const RIVAL: &str = "disparagement.named_competitor";

/// Rivals named on air, in listings and in notices, and three lawful mentions.
pub(crate) fn rivals(city: &mut City, rng: &mut Rng) {
    let live = KIT.shop(city, rng, LIVE, "live3", "净界扫地机直播");
    let sessions: &[(&str, Label, &str, &str)] = &[
        (
            "h11-live-rival1",
            Positive,
            "直播称对手“Q洁”扫地机偷拍用户家中并把视频传到境外，无任何依据，编造虚假信息损害其商誉，反不正当竞争法 第十一条",
            "大家千万别买Q洁的扫地机，\n它的摄像头会偷拍你家里，视频都传到国外服务器去了，我们净界绝对不会",
        ),
        (
            "h11-live-rival2",
            Negative,
            "如实引用已生效判决（案号可查）说明对手曾虚标吸力，内容真实、来源明确，第十一条",
            "有人问Q洁吸力为什么标那么高？（2026）浙0106民初1234号判决认定它虚标吸力，判决书在裁判文书网可以查到，大家自己看。",
        ),
    ];
    for &(id, label, why, text) in sessions {
        KIT.live_case(city, rng, &live, RIVAL, id, 36, label, why, text);
    }
    let mut shop = KIT.shop(city, rng, MALL, "rival1", "净界官方店");
    let listings: &[(&str, &str, Label, &str)] = &[
        (
            "淡香水 木质调 50ml",
            "别买“馥语”的香水：甲醛超标会致癌，已经被查了，我们的才安全",
            Positive,
            "商品页称对手“馥语”香水甲醛超标致癌、已被查处，编造虚假信息，第十一条",
        ),
        (
            "扫地机器人 S9 8000Pa",
            "本机吸力8000Pa；Q洁X1吸力6000Pa。两者均为各自官网公布参数，检测报告编号见详情",
            Negative,
            "点名对手但只作可核实的公开参数对比，没有贬损，第十一条",
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
            "h11-notice-rival1",
            "致学员的一封信",
            "猛虎拳馆的教练全部无证上岗，上个月已经有学员被打成脑震荡，正在被调查，\n还在那边上课的学员赶紧退费，转来铁拳拳馆。",
            Positive,
            "商家公告散布对手“猛虎拳馆”教练无证、学员受伤、被调查的虚假信息，第十一条",
        ),
        (
            "h11-notice-rival2",
            "关于冒用本馆名义发放传单的声明",
            "本馆与“猛虎拳馆”没有任何关联，近期有人冒用本馆名义在地铁口发放传单，请学员勿混淆。",
            Negative,
            "说明与对手无关联以免混淆，没有贬损对手，第十一条",
        ),
    ];
    for &(id, title, text, label, why) in notices {
        HOUSE.document(
            city,
            LOCAL,
            (id, "merchant_notice", "xiansong-h11-box1"),
            title,
            text,
            40,
        );
        KIT.t_global(city, RIVAL, "document", id, label, why);
    }
}

const MARK: &str = "counterfeit.mark_lookalike";

/// A perfume mark copied and resold, a wine mark split and licensed, and a coexisting mark in
/// another class.
pub(crate) fn marks(city: &mut City, rng: &mut Rng) {
    let scent = KIT.shop(city, rng, MALL, "mark-scent", "芳迹香氛");
    KIT.trademark(city, "71240386", "芳迹 FANGJI", &scent, &[3]);
    let wine = KIT.shop(city, rng, MALL, "mark-wine", "澜庭酒业");
    KIT.trademark(city, "69918027", "澜庭 LANTING", &wine, &[33]);
    let paper = KIT.shop(city, rng, LOCAL, "mark-paper", "芳迹文创");
    KIT.trademark(city, "73305512", "芳迹", &paper, &[16]);
    let mut in_term = KIT.shop(city, rng, LOCAL, "mark-lic1", "澜庭授权酒行");
    let mut expired = KIT.shop(city, rng, MALL, "mark-lic2", "酒窖直营");
    for (licensee, valid_to) in [(&in_term, "2027-06-30"), (&expired, "2026-09-30")] {
        city.add(
            "ip_office",
            "trademark_licenses",
            json!({"reg_no": "69918027", "licensee_uscc": licensee.uscc, "valid_to": valid_to}),
        );
    }
    let mut stranger = KIT.shop(city, rng, LOCAL, "mark-x1", "香氛小铺");
    let mut variant = KIT.shop(city, rng, MALL, "mark-x2", "香水批发");
    let mut wide = KIT.shop(city, rng, LIVE, "mark-x3", "香香直播");
    let mut dotted = KIT.shop(city, rng, LOCAL, "mark-x4", "红酒特卖");
    let mut used = KIT.shop(city, rng, MALL, "mark-used", "二手香氛");
    let mut own = paper;
    let item = |title, description, brand, reg_no, category| Item {
        title,
        description: Some(description),
        category,
        brand: Some(brand),
        reg_no,
        price: 39_900,
        ..Item::default()
    };
    let perfume = "美妆/香水";
    let wines = "酒类/葡萄酒";
    let cases: [(&mut Shop, Item<'_>, Label, &str); 8] = [
        (
            &mut stranger,
            item(
                "芳迹 淡香水 50ml",
                "芳迹正品 专柜同款",
                "芳迹",
                Some("71240386"),
                perfume,
            ),
            Positive,
            "与注册人无许可关系的店铺在同一种商品上使用“芳迹”并冒用其注册号，第五十七条第一项",
        ),
        (
            &mut variant,
            item("芳跡 香水 100ml", "芳跡 经典香型", "芳跡", None, perfume),
            Positive,
            "“芳跡”只是把“迹”写成繁体“跡”，与注册商标“芳迹”读音、字形几乎相同，用于同一种商品，第五十七条第二项",
        ),
        (
            &mut wide,
            item(
                "ＦＡＮＧＪＩ 香水 礼盒",
                "ＦＡＮＧＪＩ 法式香氛",
                "ＦＡＮＧＪＩ",
                None,
                perfume,
            ),
            Positive,
            "全角拉丁字母“ＦＡＮＧＪＩ”与注册商标“芳迹 FANGJI”的拉丁部分相同，用于同一种商品，第五十七条第一项",
        ),
        (
            &mut dotted,
            item("澜·庭 干红 750ml", "澜·庭 波尔多风格", "澜·庭", None, wines),
            Positive,
            "以间隔号隔开的“澜·庭”与注册商标“澜庭”相同，用于同一种商品，第五十七条第一项",
        ),
        (
            &mut expired,
            item(
                "澜庭 干红 整箱",
                "澜庭授权经销",
                "澜庭",
                Some("69918027"),
                wines,
            ),
            Positive,
            "许可合同已于2026-09-30到期，到期后仍以被许可人名义使用“澜庭”，第五十七条第一项",
        ),
        (
            &mut in_term,
            item(
                "澜庭 干红 双支礼盒",
                "澜庭授权经销 许可至2027-06-30",
                "澜庭",
                Some("69918027"),
                wines,
            ),
            Negative,
            "被许可人在许可期限（至2027-06-30）内使用，商标法 第四十三条",
        ),
        (
            &mut used,
            item(
                "芳迹 香水 正品 九成新 闲置",
                "专柜购入，附购买凭证，剩余约80ml",
                "芳迹",
                None,
                perfume,
            ),
            Negative,
            "转售自用后剩余的正品，商标权利已用尽，商标法 第五十七条不适用",
        ),
        (
            &mut own,
            item(
                "芳迹 手账本 A5 布面",
                "芳迹文创自有品牌",
                "芳迹",
                Some("73305512"),
                "文具/本册",
            ),
            Negative,
            "“芳迹”在第16类由文创公司另行注册，与第3类香水商标共存，在本子上使用自己的注册商标不侵权（商标法 第五十七条）",
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
            "h11-agree1",
            "platform_agreement",
            MALL,
            "香水美妆商家服务协议（2026年12月版）",
            "第十一条　商家在其他电商平台的售价不得低于本平台售价；\n发现低于本平台售价的，平台有权下架其全部商品。",
            Positive,
            "以下架相威胁，要求商家在其他平台的售价不低于本平台，不合理限制商家与其他经营者的交易价格，电子商务法 第三十五条",
        ),
        (
            "h11-agree2",
            "platform_agreement",
            LOCAL,
            "到家服务商户协议",
            "第七条　平台有权根据经营需要单方修改本协议，修改后的协议自发布之时起生效，无需另行通知商户。",
            Positive,
            "单方修改、即时生效且不公示征求意见，违反协议修改须公开征求意见并提前七日公示的规定，电子商务法 第三十四条",
        ),
        (
            "h11-agree3",
            "platform_agreement",
            LIVE,
            "直播带货商家物流规范",
            "第五条　商家须使用平台指定的物流服务商；使用其他物流的，每单扣除保证金5元。",
            Positive,
            "强制使用指定物流并以扣保证金处罚，限定商家只能与指定经营者交易，电子商务法 第三十五条",
        ),
        (
            "h11-agree4",
            "platform_agreement",
            MALL,
            "平台服务协议修订公告",
            "本协议修订稿已在首页公示并公开征求意见，自公示之日起七日后生效；商家不同意的，可在生效前退出并结清费用。",
            Negative,
            "修改公开征求意见、提前七日公示并允许退出，符合电子商务法 第三十四条",
        ),
        (
            "h11-agree5",
            "platform_agreement",
            LOCAL,
            "商户物流与配送说明",
            "商户可自主选择物流或自行配送，平台提供的合作物流仅供参考，不影响搜索排序和收费。",
            Negative,
            "明确商户可以自主选择物流，不作限制，电子商务法 第三十五条",
        ),
        (
            "h11-notice-own1",
            "merchant_notice",
            LOCAL,
            "本馆预约方式说明",
            "本馆只接受本平台线上预约和到店预约，其他平台上的同名店铺非本馆开设。",
            Negative,
            "商家自己说明预约渠道，不是平台对商家的限制，电子商务法 第三十五条",
        ),
    ];
    for &(id, kind, supplier, title, text, label, why) in agreements {
        let issuer = if kind == "merchant_notice" {
            "xiansong-h11-swim1"
        } else {
            supplier
        };
        HOUSE.document(city, supplier, (id, kind, issuer), title, text, 12);
        KIT.t_global(city, TERMS, "document", id, label, why);
    }
    let drafts: &[(&str, &str, &str, &str, Label, &str)] = &[
        (
            "h11-draft1",
            "某区商务局",
            "关于扶持本地葡萄酒进口企业的若干措施（征求意见稿）",
            "第三条　对注册地在本区、且在本区纳税满两年的葡萄酒进口企业，按年度进口额的2%给予奖励；\n外地企业在本区设立的分支机构不享受本措施。",
            Positive,
            "以注册地和纳税年限排除外地经营者享受奖励，给予特定经营者选择性补贴，公平竞争审查条例 第九条、第十条",
        ),
        (
            "h11-draft2",
            "某区教育局",
            "中小学生游泳技能普及实施方案（草案）",
            "第四条　全区中小学游泳课统一安排在浪里白条游泳馆进行，其他场馆不得承接。",
            Positive,
            "指定单一经营者承接、排除其他场馆，限定购买特定经营者的服务，公平竞争审查条例 第八条",
        ),
        (
            "h11-draft3",
            "某区发展和改革局",
            "关于规范足浴保健服务价格的通知（草案）",
            "全区足浴门店服务价格不得低于每钟88元，防止恶性低价竞争。",
            Positive,
            "对市场调节价设定最低价格，干预经营者自主定价，公平竞争审查条例 第十一条",
        ),
        (
            "h11-draft4",
            "某区卫生健康委员会",
            "陪诊服务临时管理办法（征求意见稿）",
            "为保障就医秩序和患者安全，2027年1月1日至2027年6月30日试行期间，进入院区提供陪诊服务的人员须完成统一的院感培训；培训免费并向所有经营者开放。经论证，无对竞争影响更小的替代方案，期满后评估。",
            Negative,
            "为公共安全设置对所有经营者一致、免费开放的条件，论证了替代方案并设定期限，符合公平竞争审查条例 第十二条",
        ),
        (
            "h11-draft5",
            "某区机关事务管理局",
            "2027年会议室投影设备采购公告（草案）",
            "面向全国供应商公开招标，不设注册地、所有制和本地业绩限制，评分标准对所有投标人一致。",
            Negative,
            "公开招标、不设地域和所有制限制，公平竞争审查条例 第九条不适用",
        ),
        (
            "h11-draft6",
            "某区市场监督管理局",
            "关于倡导美甲行业诚信经营的通知（草案）",
            "倡导全区美甲经营者明码标价、如实宣传，自愿公开卸甲等附加服务价格；本通知不设任何准入条件或价格要求。",
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
            18,
        );
        KIT.t_global(city, REVIEW, "document", id, label, why);
    }
}
