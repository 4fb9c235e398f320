//! Text cases: listings and live transcripts with pinyin initials, emoji, homophones,
//! traditional/simplified mixes, full-width punctuation and 〇/零 numerals (广告法 第九、十六、
//! 十七、十八、二十八、四十六条), rivals named on air, in listings and in notices (反不正当竞争法
//! 第十一条), a bamboo-ware mark and its variants (商标法 第五十七条), platform terms and policy
//! drafts (电子商务法 第三十五条; 公平竞争审查条例 第八至十二条).

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::City;
use crate::kit::Item;
use crate::kit::rules::{ABS, APPROVAL, HEALTH, STATEMENT};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative, Positive};

/// A listing text case: (rule, title, description, class, approval, label, why).
type Claim = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Label,
    &'static str,
);

const CLAIMS: &[Claim] = &[
    (
        ABS,
        "安吉白茶🍵 全網銷量第①",
        "yyds！全网最正宗的安吉白茶，独一无二，别家都比不上～",
        "food",
        None,
        Positive,
        "“全網銷量第①”“全网最正宗”“独一无二”为绝对化用语，第九条第三项",
    ),
    (
        ABS,
        "竹纤维毛巾 3条装",
        "ＴＯＰ１！国家级品质，史上最柔软的竹纤维毛巾（〇添加荧光剂）",
        "general",
        None,
        Positive,
        "“国家级”“史上最柔软”为绝对化用语（全角ＴＯＰ１同义），第九条第三项",
    ),
    (
        ABS,
        "新手养猫入门礼包",
        "第一次养猫必看：内含喂养指南、猫砂、试吃装；最佳赏味期为开封后30天内",
        "general",
        None,
        Negative,
        "“第一次”是序数，“最佳赏味期”是食品保存期限的通用表述，不是比较性的绝对化用语，第九条",
    ),
    (
        ABS,
        "碳素溪流竿 3.6米",
        "本竿最大承重5公斤（出厂测试值），最小收缩长度46厘米",
        "general",
        None,
        Negative,
        "“最大承重”“最小收缩长度”是本产品自身的参数，不与他人比较，第九条",
    ),
    (
        HEALTH,
        "安吉白茶 老树茶 100g",
        "常喝降血壓、治失眠😴，jt（降糖）效果杠杠的，喝了不用吃药",
        "food",
        None,
        Positive,
        "普通食品宣称降血压、治失眠、降糖并称可替代药物，第十七条",
    ),
    (
        HEALTH,
        "家用美白牙贴 28片",
        "美白同时治牙周炎，牙龈出血一贴就好！！口腔溃疡三天痊癒",
        "ordinary_cosmetic",
        None,
        Positive,
        "普通化妆品宣称治疗牙周炎、牙龈出血、口腔溃疡，第十七条",
    ),
    (
        HEALTH,
        "安吉白茶 袋泡 30包",
        "白茶属于普通食品，不具有疾病治疗作用；身体不适请及时就医",
        "food",
        None,
        Negative,
        "明确否认治疗作用的提示语，不是疾病治疗功能的宣传，第十七条",
    ),
    (
        HEALTH,
        "耳背式助听器 数字降噪",
        "适用于轻中度感音神经性听力损失的听力补偿（以注册证载明的适用范围为准）",
        "medical_device",
        Some("浙械广审（文）第261017-08815号"),
        Negative,
        "医疗器械在注册证适用范围内介绍用途并有广告批准文号，第十六条允许",
    ),
    (
        STATEMENT,
        "深海鱼油软胶囊 蓝帽子 100粒",
        "辅助降血脂✔ 保健功能经注册；每日2粒",
        "health_food",
        None,
        Positive,
        "保健食品广告未显著标明“本品不能代替药物”，第十八条第二款",
    ),
    (
        STATEMENT,
        "竹叶黄酮片 60片",
        "抗氧化💪 保健食品 批准文号见包装；非药品",
        "health_food",
        None,
        Positive,
        "只写“非药品”，没有“本品不能代替药物”的声明，第十八条第二款",
    ),
    (
        STATEMENT,
        "辅酶Q10软胶囊 60粒",
        "抗氧化 保健食品。本品不能代替药物。适宜人群：中老年人",
        "health_food",
        None,
        Negative,
        "已标明“本品不能代替药物”（全角句号分隔），第十八条第二款",
    ),
    (
        STATEMENT,
        "安吉鲜竹笋 真空装 500g",
        "高山冬笋，清水煮十分钟即可；冷藏保存",
        "food",
        None,
        Negative,
        "普通食品，不是保健食品，不需要第十八条的声明（广告法）",
    ),
    (
        APPROVAL,
        "盒式助听器 老人款",
        "大音量 双耳可用 送电池 🎧",
        "medical_device",
        None,
        Positive,
        "医疗器械广告无广告批准文号，第四十六条",
    ),
    (
        APPROVAL,
        "牙齿冷光美白仪（二类医疗器械）",
        "家用冷光 LED 蓝光 配合凝胶使用",
        "medical_device",
        None,
        Positive,
        "二类医疗器械的商品页即广告，发布前未经审查、无批准文号，第四十六条",
    ),
    (
        APPROVAL,
        "助听器 耳内式 定制",
        "需先验配，适用范围以注册证为准",
        "medical_device",
        Some("浙械广审（文）第260822-07731号"),
        Negative,
        "标有医疗器械广告批准文号，第四十六条已满足",
    ),
    (
        APPROVAL,
        "成品老花镜 +150度",
        "树脂镜片 轻便折叠 配眼镜盒",
        "general",
        None,
        Negative,
        "普通商品，不属于三品一械，无须广告审查（广告法 第四十六条）",
    ),
];

/// The false-advertising cases: listings, and two live transcripts.
pub(crate) fn claims(city: &mut City, rng: &mut Rng) {
    let mut shop = KIT.shop(city, rng, MALL, "claims1", "竹溪良品");
    for &(rule, title, description, class, approval, label, why) in CLAIMS {
        KIT.ad_case(
            city,
            &mut shop,
            rule,
            label,
            why,
            &Item {
                title,
                description: Some(description),
                category: "综合/健康",
                class,
                approval,
                price: 12_800,
                ..Item::default()
            },
        );
    }
    let live = KIT.shop(city, rng, LIVE, "live1", "聆声直播间");
    KIT.live_case(
        city,
        rng,
        &live,
        ABS,
        "h9-live-abs1",
        44,
        Positive,
        "直播称助听器“全国最好的，没有之一”“全世界音质最清楚”，第九条第三项",
        "家人们看过来！咱家这款助听器是全国最好的，没有之一！！全世界音质最清楚的就是它，ｇｏｇｏｇｏ上链接",
    );
    KIT.live_case(
        city,
        rng,
        &live,
        HEALTH,
        "h9-live-health1",
        47,
        Negative,
        "主播明确说助听器只能补偿听力、治不了耳聋，要治疗去医院，不是治疗功能宣传，第十七条",
        "很多老人家问能不能治耳聋，我说实话：助听器只是听力补偿，治不了耳聋，耳朵有病请去医院看医生。今天下单送两板电池",
    );
}

const RIVAL: &str = "disparagement.named_competitor";

/// Rivals named in a live room, a listing and a notice, and three lawful mentions.
pub(crate) fn rivals(city: &mut City, rng: &mut Rng) {
    let live = KIT.shop(city, rng, LIVE, "live2", "萌爪宠物直播");
    let sessions: &[(&str, Label, &str, &str)] = &[
        (
            "h9-live-rival1",
            Positive,
            "直播称对手“福宝宠物粮”全是诱食剂加陈粮、狗吃了掉毛，无任何依据，反不正当竞争法 第十一条",
            "宝子们注意了，隔壁那家“福宝宠物粮”，里面全是诱食剂加陈粮，狗狗吃了掉毛，千万别买！买我们家的放心",
        ),
        (
            "h9-live-rival2",
            Negative,
            "主播在自家缺货时推荐对手“福宝宠物粮”，没有贬损，第十一条",
            "我们家这款今天卖完啦，不好意思～“福宝宠物粮”那款成分也挺好的，着急的宝子可以去看看",
        ),
    ];
    for &(id, label, why, text) in sessions {
        KIT.live_case(city, rng, &live, RIVAL, id, 38, label, why, text);
    }
    let mut shop = KIT.shop(city, rng, LOCAL, "rival1", "清晰视界眼镜");
    let listings: &[(&str, &str, Label, &str)] = &[
        (
            "树脂近视镜片 1.67 非球面",
            "别去‘晴川眼镜’配了，他家卖的都是A货镜片，度数全是错的，十个顾客九个返工",
            Positive,
            "商品页称对手“晴川眼镜”卖假镜片、度数全错，编造虚假信息损害其商誉，第十一条",
        ),
        (
            "近视镜片 1.60 防蓝光",
            "与“晴川眼镜”同为1.60折射率镜片，参数见各自官网；本店提供免费复查",
            Negative,
            "点名对手只作事实参数的中性比较，没有贬损，第十一条",
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
                category: "眼镜/镜片",
                ..Item::default()
            },
        );
    }
    let notices: &[(&str, &str, &str, Label, &str)] = &[
        (
            "h9-notice-rival1",
            "致广大飞友的一封信",
            "近日坊间传闻“鸿飞无人机”炸机率高达90%，经我司亲测属实，请各位飞友远离该品牌，选购本店翔鹰系列。",
            Positive,
            "商家公告散布“鸿飞无人机炸机率90%”的虚假信息并称亲测属实，第十一条",
        ),
        (
            "h9-notice-rival2",
            "关于网传鸿飞无人机炸机的说明",
            "网传“鸿飞无人机”炸机一事，该公司已发布检测报告辟谣，我们同为行业经营者，请大家不信谣不传谣。",
            Negative,
            "公告为对手辟谣，不是诋毁，第十一条",
        ),
    ];
    for &(id, title, text, label, why) in notices {
        HOUSE.document(
            city,
            MALL,
            (id, "merchant_notice", "huishang-h9-drone3"),
            title,
            text,
            41,
        );
        KIT.t_global(city, RIVAL, "document", id, label, why);
    }
}

const MARK: &str = "counterfeit.mark_lookalike";

/// A bamboo-ware mark, its owner, a licensee in term, one whose licence ended, a stranger, a
/// variant spelling and a seller's own registered mark.
pub(crate) fn marks(city: &mut City, rng: &mut Rng) {
    let mut owner = KIT.shop(city, rng, MALL, "mark-owner", "竹里馆竹艺");
    KIT.trademark(city, "59318806", "竹里馆", &owner, &[20, 21]);
    let mut licensee = KIT.shop(city, rng, MALL, "mark-lic1", "安吉竹工坊");
    let mut lapsed = KIT.shop(city, rng, LOCAL, "mark-lic2", "余杭竹器行");
    for (shop, to) in [(&licensee, "2027-06-30"), (&lapsed, "2026-11-04")] {
        city.add(
            "ip_office",
            "trademark_licenses",
            json!({"reg_no": "59318806", "licensee_uscc": shop.uscc, "valid_to": to}),
        );
    }
    let mut stranger = KIT.shop(city, rng, LOCAL, "mark-x1", "好竹优品");
    let mut variant = KIT.shop(city, rng, MALL, "mark-x2", "竹家小院");
    let mut own = KIT.shop(city, rng, MALL, "mark-own", "竹韵馆家居");
    KIT.trademark(city, "61207734", "竹韵馆", &own, &[20]);
    let item = |title, brand, reg_no| Item {
        title,
        category: "家居/竹木制品",
        brand: Some(brand),
        reg_no,
        price: 8_900,
        ..Item::default()
    };
    let cases: [(&mut crate::kit::Shop, Item<'_>, Label, &str); 6] = [
        (
            &mut stranger,
            item("竹里馆 手工竹编果篮", "竹里馆", Some("59318806")),
            Positive,
            "与他人无许可关系的店铺以“竹里馆”商标并冒用其注册号销售同类竹编，第五十七条第一项",
        ),
        (
            &mut variant,
            item("竹裏館 竹制茶盘 家用", "竹裏館", None),
            Positive,
            "“竹裏館”为“竹里馆”的繁体/异体写法，用于同类商品，容易导致混淆，第五十七条第二项",
        ),
        (
            &mut lapsed,
            item("竹里馆 竹蒸笼 三层", "竹里馆", Some("59318806")),
            Positive,
            "许可合同于2026-11-04到期后仍以“竹里馆”销售，第五十七条第一项",
        ),
        (
            &mut owner,
            item("竹里馆 竹编收纳盒", "竹里馆", Some("59318806")),
            Negative,
            "商标注册人自己的商品，第五十七条不适用（商标法）",
        ),
        (
            &mut licensee,
            item("竹里馆 竹筷 10双装", "竹里馆", Some("59318806")),
            Negative,
            "被许可人在许可期限（至2027-06-30）内使用，商标法 第四十三条",
        ),
        (
            &mut own,
            item("竹韵馆 竹制砧板", "竹韵馆", Some("61207734")),
            Negative,
            "卖家使用自己注册的“竹韵馆”商标，字形字义与“竹里馆”不同，不构成近似，第五十七条",
        ),
    ];
    for (shop, it, label, why) in cases {
        KIT.ad_case(city, shop, MARK, label, why, &it);
    }
}

const TERMS: &str = "unfair_terms.restrictive_clause";
const REVIEW: &str = "fair_competition_review.clause";

/// A platform agreement each way, and six policy drafts (公平竞争审查条例).
pub(crate) fn papers(city: &mut City) {
    let agreements: &[(&str, &str, &str, Label, &str)] = &[
        (
            "h9-agree1",
            "宠物洗护门店入驻协议（2026版）",
            "第七条　入驻本平台的宠物洗护门店，不得在其他团购平台上架同类服务；违反的，平台有权下调其搜索权重并冻结结算款九十日。",
            Positive,
            "限制商家在其他平台经营并以降权、冻结结算款相威胁，电子商务法 第三十五条",
        ),
        (
            "h9-agree2",
            "鲜花商家服务协议",
            "第五条　商家可同时在其他平台经营。平台调整收费标准的，提前三十日公示，商家不同意的可以退出并结清款项。",
            Negative,
            "允许多平台经营，收费变更提前公示并可退出，电子商务法 第三十四条、第三十五条",
        ),
    ];
    for &(id, title, text, label, why) in agreements {
        HOUSE.document(
            city,
            LOCAL,
            (id, "platform_agreement", LOCAL),
            title,
            text,
            12,
        );
        KIT.t_global(city, TERMS, "document", id, label, why);
    }
    let drafts: &[(&str, &str, &str, &str, Label, &str)] = &[
        (
            "h9-draft1",
            "安吉县农业农村局",
            "安吉白茶品牌推广补助办法（征求意见稿）",
            "第三条　申报主体限本县注册登记的茶叶企业；外地企业须在本县设立分支机构满三年方可申报。",
            Positive,
            "以注册地和在本地设立分支机构年限限制外地经营者享受补助，公平竞争审查条例 第九条、第十条",
        ),
        (
            "h9-draft2",
            "杭州市某区商务局",
            "电动自行车电池以旧换新实施方案（草案）",
            "第四条　全区以旧换新的旧电池回收统一由杭电能源有限公司一家承接，其他回收企业不得参与。",
            Positive,
            "指定单一经营者承接并排除其他经营者，公平竞争审查条例 第八条",
        ),
        (
            "h9-draft3",
            "某区文化和旅游局",
            "婚纱摄影外景拍摄管理办法（征求意见稿）",
            "第六条　婚纱摄影企业须加入区婚庆行业协会，并经协会同意后方可在本区景区承接外景拍摄业务。",
            Positive,
            "以加入协会并经其同意作为经营条件，设置不合理的准入条件，公平竞争审查条例 第八条",
        ),
        (
            "h9-draft4",
            "杭州市某区市场监督管理局",
            "关于无人机销售提示的通知（草案）",
            "所有销售无人机的经营者，应在商品页面提示购买者依法进行实名登记，对各类经营者一视同仁。",
            Negative,
            "对所有经营者同等适用的信息提示义务，不限制竞争，公平竞争审查条例",
        ),
        (
            "h9-draft5",
            "某区农业农村局",
            "犬只狂犬病免疫工作方案（草案）",
            "依据动物防疫法，为防控狂犬病，犬只免疫在两年内由各街道动物防疫机构统一实施；经比较，委托分散的宠物医院无法保证免疫记录完整，本方案期满后评估并终止。",
            Negative,
            "为公共卫生安全，无更小限制的替代方案并设定两年期限，符合公平竞争审查条例 第十二条的例外",
        ),
        (
            "h9-draft6",
            "某街道办事处",
            "鲜花临时摊点管理办法（征求意见稿）",
            "第二条　任何经营者均可申请节日鲜花临时摊点，按申请先后顺序安排，不限户籍和注册地。",
            Negative,
            "准入对所有经营者开放，不限注册地，公平竞争审查条例 第九条不适用",
        ),
    ];
    for &(id, issuer, title, text, label, why) in drafts {
        HOUSE.document(
            city,
            "regulator",
            (id, "policy_draft", issuer),
            title,
            text,
            15,
        );
        KIT.t_global(city, REVIEW, "document", id, label, why);
    }
}
