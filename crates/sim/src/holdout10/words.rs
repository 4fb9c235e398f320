//! Text cases: listings and live transcripts whose ad-law terms are split by spaces or line
//! breaks, written in full-width or mixed numerals, or turned around (广告法 第九、十六、十七、
//! 十八、四十六条); rivals named on air, in listings and in notices, and true, checkable
//! comparisons (反不正当竞争法 第十一条); a power-tool mark with a Latin look-alike and a spaced
//! copy, a luxury mark resold genuine and copied (商标法 第五十七条); platform terms and policy
//! drafts (电子商务法 第三十五条; 公平竞争审查条例 第八至十二条).

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::City;
use crate::kit::Item;
use crate::kit::rules::{ABS, APPROVAL, HEALTH, STATEMENT};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative, Positive};

/// A listing text case: (rule, title, description, class, brand and registration, approval,
/// label, why).
type Claim = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<(&'static str, &'static str)>,
    Option<&'static str>,
    Label,
    &'static str,
);

const CLAIMS: &[Claim] = &[
    (
        ABS,
        "锂电钻 全 网 销 量 第 一 20V",
        "专业级 性能 No.1，同价位里没有对手",
        "general",
        None,
        None,
        Positive,
        "“全 网 销 量 第 一”以空格拆开仍是“全网销量第一”，“No.1”同义，无时间、范围和依据，第九条第三项",
    ),
    (
        ABS,
        "智能门锁 C级锁芯 防撬",
        "防盗等级：最\n高\n级\n（行业顶\n级 锁芯）",
        "general",
        None,
        None,
        Positive,
        "“最高级”“顶级”被换行拆开，仍是绝对化用语，第九条第三项",
    ),
    (
        ABS,
        "ＮＯ．１ 拼装积木 城市系列",
        "全球销量第１的积木品牌，独家专利，遥遥领先",
        "general",
        None,
        None,
        Positive,
        "全角“ＮＯ．１”“全球销量第１”为绝对化用语，无任何依据，第九条第三项",
    ),
    (
        ABS,
        "第一坊 陶艺拉坯机 家用静音",
        "第一坊品牌拉坯机，适合初学者，转速0—300转/分",
        "general",
        Some(("第一坊", "72011563")),
        None,
        Negative,
        "“第一坊”是本店已注册商标（第72011563号），商品名称含注册商标中的用语不适用第九条第三项（《广告绝对化用语执法指南》）",
    ),
    (
        ABS,
        "宁夏枸杞 特级 250g 罐装",
        "等级：特级（按GB/T 18672—2014《枸杞》分级）；产地中宁",
        "food",
        None,
        None,
        Negative,
        "“特级”是国家标准GB/T 18672规定的等级用语，不是绝对化宣传，第九条第三项（《广告绝对化用语执法指南》）",
    ),
    (
        ABS,
        "电竞鼠标 轻量化 有线版",
        "本店销量最高的一款鼠标（店内各款对比），比本店旧款轻12克",
        "general",
        None,
        None,
        Negative,
        "“本店销量最高”是同一店铺自身商品间真实的比较，可核实，不是第九条第三项的绝对化用语",
    ),
    (
        HEALTH,
        "即食燕窝 孕妇 6瓶",
        "提高免疫力，治 疗 咳 嗽、哮喘，孕期每天一瓶宝宝更聪明",
        "food",
        None,
        None,
        Positive,
        "普通食品宣称“治 疗 咳 嗽、哮喘”（空格拆分），涉及疾病治疗功能，第十七条",
    ),
    (
        HEALTH,
        "月子服务 28天 产后修复",
        "产后修复中心：根治盆底肌松弛，三次治好产后抑郁，无需就医",
        "general",
        None,
        None,
        Positive,
        "非医疗机构的月子服务宣称根治、治好疾病，第十七条",
    ),
    (
        HEALTH,
        "头茬枸杞 500g",
        "明目\n降三高\n专治老花眼、糖尿病",
        "food",
        None,
        None,
        Positive,
        "普通食品宣称降三高、治老花眼和糖尿病（换行分隔），第十七条",
    ),
    (
        HEALTH,
        "治愈系陶艺课 周末夜场",
        "治愈系手作时光：捏泥、拉坯、上釉，放松身心，适合上班族解压",
        "general",
        None,
        None,
        Negative,
        "“治愈系”是“让人放松”的日常用语，不是疾病治疗功能的宣传，第十七条",
    ),
    (
        HEALTH,
        "鲜炖燕窝 冰糖 70g",
        "本品为普通食品，不能治疗任何疾病；身体不适请及时就医",
        "food",
        None,
        None,
        Negative,
        "明确否认治疗作用的提示，不是疾病治疗功能的宣传，第十七条",
    ),
    (
        HEALTH,
        "月子餐 28天 营养配送",
        "营养师搭配三餐两点。本服务不提供医疗，产后不适请遵医嘱",
        "food",
        None,
        None,
        Negative,
        "只介绍营养搭配并声明不提供医疗，未宣称治疗，第十七条",
    ),
    (
        STATEMENT,
        "乳清蛋白粉 保健食品 450g",
        "增强免疫力 蓝帽子保健食品，每日两勺",
        "health_food",
        None,
        Some("浙食健广审（文）第261003-01188号"),
        Positive,
        "保健食品广告未标明“本品不能代替药物”，第十八条第二款",
    ),
    (
        STATEMENT,
        "深海鱼油 软胶囊 保健食品 120粒",
        "辅助降血脂，本品可以代替药物，长期服用停药无忧",
        "health_food",
        None,
        Some("浙食健广审（文）第261004-01207号"),
        Positive,
        "写的是“本品可以代替药物”，与法定声明意思相反，仍缺“本品不能代替药物”，第十八条",
    ),
    (
        STATEMENT,
        "葡萄籽 维生素C 保健食品 60片",
        "抗氧化 保健食品；药物不能代替本品，每日一片",
        "health_food",
        None,
        Some("浙食健广审（文）第261005-01311号"),
        Positive,
        "“药物不能代替本品”颠倒了主宾，不是“本品不能代替药物”的声明，第十八条第二款",
    ),
    (
        STATEMENT,
        "辅酶Q10 保健食品 30粒",
        "抗氧化 保健食品\n本品不能\n代替药物\n适宜人群：中老年人",
        "health_food",
        None,
        Some("浙食健广审（文）第261006-01422号"),
        Negative,
        "“本品不能代替药物”完整标明，只是换行排版，第十八条第二款",
    ),
    (
        STATEMENT,
        "钙维D 保健食品 100片",
        "增加骨密度 保健食品　本 品 不 能 代 替 药 物",
        "health_food",
        None,
        Some("浙食健广审（文）第261007-01530号"),
        Negative,
        "声明以空格分字标明，文字完整清楚，第十八条第二款",
    ),
    (
        STATEMENT,
        "螺旋藻 保健食品 200片",
        "增強免疫力 保健食品。本品不能代替藥物。",
        "health_food",
        None,
        Some("浙食健广审（文）第261008-01644号"),
        Negative,
        "声明以繁体“本品不能代替藥物”完整标明，意思与法定声明相同，第十八条第二款",
    ),
    (
        APPROVAL,
        "医用分子筛制氧机 5L 家用",
        "二类医疗器械 93%氧浓度 静音",
        "medical_device",
        None,
        None,
        Positive,
        "医疗器械广告无广告批准文号，第四十六条",
    ),
    (
        APPROVAL,
        "特医食品 全营养配方粉 400g",
        "特殊医学用途配方食品，术后营养支持",
        "special_medical_food",
        None,
        None,
        Positive,
        "特殊医学用途配方食品广告未经审查、无批准文号，第四十六条",
    ),
    (
        APPROVAL,
        "氨糖软骨素 保健食品 90片",
        "增加骨密度 保健食品。本品不能代替药物。",
        "health_food",
        None,
        None,
        Positive,
        "保健食品广告无广告批准文号，第四十六条",
    ),
    (
        APPROVAL,
        "电子血压计 上臂式",
        "适用范围以注册证为准",
        "medical_device",
        None,
        Some("浙械广审（文）第２６１１０９－０４４１７号"),
        Negative,
        "有医疗器械广告批准文号（全角数字书写），第四十六条已满足",
    ),
    (
        APPROVAL,
        "干燕盏 500g 家庭装",
        "印尼进口 溯源码可查",
        "food",
        None,
        None,
        Negative,
        "普通食品，不属于三品一械，无须广告审查（广告法 第四十六条）",
    ),
    (
        APPROVAL,
        "滑雪护目镜 防雾 成人",
        "双层镜片 防紫外线UV400",
        "general",
        None,
        None,
        Negative,
        "普通运动用品，不是医疗器械，无须广告审查（广告法 第四十六条）",
    ),
];

/// The false-advertising cases: listings, and two live transcripts.
pub(crate) fn claims(city: &mut City, rng: &mut Rng) {
    let mut shop = KIT.shop(city, rng, MALL, "claims1", "百味优选");
    for &(rule, title, description, class, mark, approval, label, why) in CLAIMS {
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
                brand: mark.map(|m| m.0),
                reg_no: mark.map(|m| m.1),
                approval,
                price: 16_800,
                ..Item::default()
            },
        );
    }
    // The shop's own registered mark, which contains 第一.
    KIT.trademark(city, "72011563", "第一坊", &shop, &[7, 21]);
    let live = KIT.shop(city, rng, LIVE, "live1", "拼趣积木直播间");
    KIT.live_case(
        city,
        rng,
        &live,
        ABS,
        "h10-live-abs1",
        43,
        Positive,
        "直播称积木“全世界最好玩的，没有之一”（逐字换行的字幕），第九条第三项",
        "家人们！这款积木是全世界\n最\n好\n玩\n的，没有之一！\n库存不多 3、2、1 上链接",
    );
    let nest = KIT.shop(city, rng, LIVE, "live2", "燕归来直播间");
    KIT.live_case(
        city,
        rng,
        &nest,
        HEALTH,
        "h10-live-health1",
        45,
        Negative,
        "主播明确说燕窝是普通食品、治不了病，生病要去医院，不是治疗功能宣传，第十七条",
        "有姐妹问燕窝能不能治咳嗽？我说实话，燕窝就是普通食品，治不了病，咳嗽请去医院。今天下单送冰糖",
    );
}

const RIVAL: &str = "disparagement.named_competitor";

/// Rivals named on air, in listings and in notices, and three lawful mentions.
pub(crate) fn rivals(city: &mut City, rng: &mut Rng) {
    let live = KIT.shop(city, rng, LIVE, "live3", "锐固工具直播");
    let sessions: &[(&str, Label, &str, &str)] = &[
        (
            "h10-live-rival1",
            Positive,
            "直播称对手“坚石”电钻全是翻新机、电池会炸，无任何依据，反不正当竞争法 第十一条",
            "别买坚 石家的电钻啊，他们卖的全是翻新机，电池用两个月就炸，我朋友就是被炸伤的！买锐固放心",
        ),
        (
            "h10-live-rival2",
            Negative,
            "引用市消保委公开的比较试验数据（时间、来源可查），如实比较噪音，没有贬损，第十一条",
            "根据杭州市消保委2026年10月的电钻比较试验，坚石那款噪音88分贝，我们84分贝，报告在消保委官网可以查到，大家自己对比",
        ),
    ];
    for &(id, label, why, text) in sessions {
        KIT.live_case(city, rng, &live, RIVAL, id, 37, label, why, text);
    }
    let mut shop = KIT.shop(city, rng, MALL, "rival1", "铁卫智能锁");
    let listings: &[(&str, &str, Label, &str)] = &[
        (
            "智能门锁 C级 人脸识别",
            "千万别买“安盾”的锁：一撬就开，他们标的C级锁芯是假的，小区已经被盗好几家",
            Positive,
            "商品页称对手“安盾”锁芯造假、一撬就开，编造虚假信息损害其商誉，第十一条",
        ),
        (
            "智能门锁 C级 指纹款",
            "与“安盾”同为C级锁芯（公安部检测报告编号见详情页），参数对比以各自官网为准",
            Negative,
            "点名对手只作可核实的参数对比，没有贬损，第十一条",
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
                category: "家装/智能门锁",
                ..Item::default()
            },
        );
    }
    let notices: &[(&str, &str, &str, Label, &str)] = &[
        (
            "h10-notice-rival1",
            "致各位准妈妈的提醒",
            "听说“悦禧月子会所”上个月发生新生儿感染，已经被卫健委查封，预约了的宝妈赶紧退款，转来我们安馨。",
            Positive,
            "商家公告散布对手“悦禧月子会所”感染、被查封的虚假信息，第十一条",
        ),
        (
            "h10-notice-rival2",
            "关于悦禧月子会所装修期间客户承接的说明",
            "“悦禧月子会所”已在其官方账号公告12月暂停营业装修。已预约该会所的客户如需临时入住，本店可按原价承接，信息以悦禧官方公告为准。",
            Negative,
            "如实转述对手自己发布的公告并注明来源，没有贬损，第十一条",
        ),
    ];
    for &(id, title, text, label, why) in notices {
        HOUSE.document(
            city,
            LOCAL,
            (id, "merchant_notice", "xiansong-h10-yuezi1"),
            title,
            text,
            39,
        );
        KIT.t_global(city, RIVAL, "document", id, label, why);
    }
}

const MARK: &str = "counterfeit.mark_lookalike";

/// A power-tool mark (with a licensee, a stranger, a Latin look-alike, a spaced copy and a
/// referential use) and a luxury mark resold genuine and copied.
pub(crate) fn marks(city: &mut City, rng: &mut Rng) {
    let owner = KIT.shop(city, rng, MALL, "mark-owner", "坚石工具");
    KIT.trademark(city, "63518820", "坚石 JIANSHI", &owner, &[7, 8]);
    let lux = KIT.shop(city, rng, MALL, "mark-lux", "璐雅官方");
    KIT.trademark(city, "58804417", "璐雅 LUYA", &lux, &[18, 25]);
    let mut licensee = KIT.shop(city, rng, LOCAL, "mark-lic1", "坚石授权五金");
    city.add(
        "ip_office",
        "trademark_licenses",
        json!({"reg_no": "63518820", "licensee_uscc": licensee.uscc, "valid_to": "2028-03-31"}),
    );
    let mut stranger = KIT.shop(city, rng, LOCAL, "mark-x1", "五金速购");
    let mut latin = KIT.shop(city, rng, MALL, "mark-x2", "工具多多");
    let mut spaced = KIT.shop(city, rng, LOCAL, "mark-x3", "电锤批发");
    let mut parts = KIT.shop(city, rng, MALL, "mark-ref", "能量格配件");
    let mut resale = KIT.shop(city, rng, MALL, "mark-used1", "寻宝中古");
    let mut copies = KIT.shop(city, rng, LOCAL, "mark-used2", "潮品汇");
    let item = |title, description, brand, reg_no, category| Item {
        title,
        description: Some(description),
        category,
        brand: Some(brand),
        reg_no,
        price: 29_900,
        ..Item::default()
    };
    let tools = "五金/电动工具";
    let bags = "二手/奢侈品/手袋";
    let cases: [(&mut crate::kit::Shop, Item<'_>, Label, &str); 7] = [
        (
            &mut stranger,
            item(
                "坚石 无刷电钻 20V",
                "坚石正品 全国联保",
                "坚石",
                Some("63518820"),
                tools,
            ),
            Positive,
            "与商标注册人无许可关系的店铺在同一种商品上使用“坚石”并冒用其注册号，第五十七条第一项",
        ),
        (
            &mut latin,
            item(
                "JlANSHl 冲击钻 工业级",
                "JlANSHl 德国工艺",
                "JlANSHl",
                None,
                tools,
            ),
            Positive,
            "“JlANSHl”以小写l冒充大写I，与注册商标“JIANSHI”视觉上几乎相同，用于同一种商品，第五十七条第二项",
        ),
        (
            &mut spaced,
            item(
                "坚 石 电锤 26mm",
                "坚 石 电锤 工地专用",
                "坚 石",
                None,
                tools,
            ),
            Positive,
            "以空格隔开的“坚 石”与注册商标相同，用于同一种商品，第五十七条第一项",
        ),
        (
            &mut copies,
            item(
                "璐雅 LUYA 1:1复刻 托特包",
                "顶级复刻 与专柜一致 高仿",
                "璐雅",
                None,
                bags,
            ),
            Positive,
            "自称“1:1复刻”“高仿”的手袋使用“璐雅 LUYA”商标，销售侵犯注册商标专用权的商品，第五十七条第一项、第三项",
        ),
        (
            &mut licensee,
            item(
                "坚石 角磨机 125mm",
                "坚石授权经销",
                "坚石",
                Some("63518820"),
                tools,
            ),
            Negative,
            "被许可人在许可期限（至2028-03-31）内使用，商标法 第四十三条",
        ),
        (
            &mut resale,
            item(
                "璐雅 LUYA 中古托特包 9成新",
                "专柜购入，附原始购物小票，经第三方机构鉴定为正品",
                "璐雅",
                None,
                bags,
            ),
            Negative,
            "转售经鉴定的正品二手手袋，商标权利已用尽，商标法 第五十七条不适用（商标法司法实践中的权利用尽原则）",
        ),
        (
            &mut parts,
            item(
                "能量格 充电器 适配坚石20V电池",
                "本品为能量格品牌，适配坚石20V电池，非坚石官方产品",
                "能量格",
                None,
                tools,
            ),
            Negative,
            "以自己的商标销售，只为说明适配对象而提及“坚石”并声明非官方产品，属指示性使用，不构成第五十七条的侵权（商标法）",
        ),
    ];
    for (shop, it, label, why) in cases {
        KIT.ad_case(city, shop, MARK, label, why, &it);
    }
}

const TERMS: &str = "unfair_terms.restrictive_clause";
const REVIEW: &str = "fair_competition_review.clause";

/// Two platform agreements each way, a merchant's own notice, and six policy drafts.
pub(crate) fn papers(city: &mut City) {
    let agreements: &[(&str, &str, &str, &str, &str, Label, &str)] = &[
        (
            "h10-agree1",
            "platform_agreement",
            LOCAL,
            "月子中心商户入驻协议（2026年冬季版）",
            "第九条　商户在其他生活服务平台开设门店的，履约保证金由1万元提高至10万元，技术服务费率由4%调整为9%。",
            Positive,
            "以提高保证金和服务费惩罚在其他平台经营的商户，不合理限制其交易，电子商务法 第三十五条",
        ),
        (
            "h10-agree2",
            "platform_agreement",
            MALL,
            "电竞外设品牌合作协议",
            "第四条　合作商家须将本平台作为其唯一线上销售渠道；\n经查实在其他平台销售的，平台有权冻结其货款并终止合作。",
            Positive,
            "要求以本平台为唯一线上渠道并以冻结货款相威胁，电子商务法 第三十五条",
        ),
        (
            "h10-agree3",
            "platform_agreement",
            LIVE,
            "直播商家服务协议（2026版）",
            "第六条　商家可以自主选择在多个平台经营，本平台不因此调整收费、流量或搜索排序。",
            Negative,
            "明确允许多平台经营且不因此区别对待，电子商务法 第三十五条",
        ),
        (
            "h10-notice-own1",
            "merchant_notice",
            MALL,
            "本店销售渠道说明",
            "本店商品仅在本平台销售，其他平台同名店铺非本店开设，请认准本店。",
            Negative,
            "商家自己说明其销售渠道，不是平台对商家的限制，电子商务法 第三十五条",
        ),
    ];
    for &(id, kind, supplier, title, text, label, why) in agreements {
        let issuer = if kind == "merchant_notice" {
            "huishang-h10-claims1"
        } else {
            supplier
        };
        HOUSE.document(city, supplier, (id, kind, issuer), title, text, 14);
        KIT.t_global(city, TERMS, "document", id, label, why);
    }
    let drafts: &[(&str, &str, &str, &str, Label, &str)] = &[
        (
            "h10-draft1",
            "某区卫生健康局",
            "母婴照护机构运营补贴办法（征求意见稿）",
            "第五条　补贴对象限于在本区注册登记且在本区纳税满三年的月子中心；外地品牌在本区设立的门店不予补贴。",
            Positive,
            "以注册地和纳税年限排除外地经营者享受补贴，公平竞争审查条例 第九条、第十条",
        ),
        (
            "h10-draft2",
            "某区发展和改革局",
            "关于规范母婴护理服务价格的通知（草案）",
            "全区月子中心28天套餐价格不得低于每日2000元，防止低价恶性竞争。",
            Positive,
            "对市场调节价设定最低价格，干预经营者自主定价，公平竞争审查条例 第十一条",
        ),
        (
            "h10-draft3",
            "某区教育局",
            "中小学冬季滑雪研学活动实施方案（草案）",
            "第三条　全区中小学滑雪研学统一由西岭滑雪场承接，其他场馆不得承接。",
            Positive,
            "指定单一经营者承接并排除其他经营者，限定购买特定经营者的服务，公平竞争审查条例 第八条",
        ),
        (
            "h10-draft4",
            "某区市场监督管理局",
            "关于纹身服务经营提示的通知（草案）",
            "全区所有纹身经营者一律不得为未成年人提供纹身服务（依据《未成年人纹身治理工作办法》），对各类经营者一视同仁。",
            Negative,
            "重申现行规定、对所有经营者同等适用，不限制竞争，公平竞争审查条例",
        ),
        (
            "h10-draft5",
            "某区应急管理局",
            "冬季水库冰下潜水安全管理办法（征求意见稿）",
            "为保障冬季水域公共安全，2026年12月1日至2027年2月28日期间，区内水库冰下潜水仅限持有水域救援资质的机构开展；经论证，无对竞争影响更小的替代方案，期满自动失效。",
            Negative,
            "为公共安全，论证无更小影响的替代方案并设定明确期限，符合公平竞争审查条例 第十二条的例外",
        ),
        (
            "h10-draft6",
            "某区机关事务管理局",
            "2027年电动工具集中采购公告（草案）",
            "本次采购面向全国供应商公开招标，不设注册地、所有制和业绩地域限制，评分标准对所有投标人一致。",
            Negative,
            "面向全国公开招标、不设地域限制，公平竞争审查条例 第九条不适用",
        ),
    ];
    for &(id, issuer, title, text, label, why) in drafts {
        HOUSE.document(
            city,
            "regulator",
            (id, "policy_draft", issuer),
            title,
            text,
            16,
        );
        KIT.t_global(city, REVIEW, "document", id, label, why);
    }
}
