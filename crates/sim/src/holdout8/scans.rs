//! The set's text cases as the platforms deliver them: descriptions that are OCR output of detail
//! images (misread characters, stray spaces, mixed scripts), live transcripts in Zhoushan and
//! Hangzhou dialect (阿拉, 个, 嘞), abbreviations and notices — for 广告法 第九、十六、十七、十八、
//! 四十六条, 反不正当竞争法 第十一条, 商标法 第五十七条, 电子商务法 第三十五条 and 公平竞争审查条例
//! 第八至十二条.

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::{City, date};
use crate::kit::rules::{ABS, APPROVAL, HEALTH, STATEMENT};
use crate::kit::{Item, Shop};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative, Positive};

const RIVAL: &str = "disparagement.named_competitor";
const MARK: &str = "counterfeit.mark_lookalike";
const TERMS: &str = "unfair_terms.restrictive_clause";
const REVIEW: &str = "fair_competition_review.clause";

/// A listing text case: rule, label, why; title, description; class, category, approval number.
type Ad = (
    &'static str,
    Label,
    &'static str,
    (&'static str, &'static str),
    (&'static str, &'static str, Option<&'static str>),
);

/// A live text case: rule, label, why, transcript.
type Live = (&'static str, Label, &'static str, &'static str);

const ADS: &[Ad] = &[
    (
        ABS,
        Positive,
        "OCR出的详情图写「囯家级口感」「杭州销量第l名」「绝无仅有」，是最高级、国家级用语（广告法 第九条第三项）",
        (
            "狮峰 龙井 明前 250g 礼罐",
            "【详情图OCR】囯家级 口感 | 杭州 茶叶 销量 第l名 | 绝无仅有 的 兰花香",
        ),
        ("food", "茶叶/绿茶/龙井", None),
    ),
    (
        ABS,
        Positive,
        "「世界级精度」「顶级热床」是最高级用语（广告法 第九条第三项）",
        (
            "FDM 3D打印机 Pro 世界级精度",
            "Precision 0.05mm ✦ 世界级 精度 ✦ 顶级 热床 hot-bed ✦ 静音",
        ),
        ("general", "数码/3D打印机", None),
    ),
    (
        ABS,
        Negative,
        "「最大抗风8级」是本品自身参数的客观描述，不与他人比较（广告法 第九条第三项；市场监管总局《关于禁止使用绝对化用语的执法指南》）",
        (
            "晴雨伞 三折 加固骨 抗风",
            "参数：最大抗风等级 8级（自测）｜ 伞面 直径 105cm ｜ 重量 380g",
        ),
        ("general", "家居/雨具", None),
    ),
    (
        ABS,
        Negative,
        "「天下第三泉」是虎跑泉的地名别称，不是对商品的评价（广告法 第九条第三项）",
        (
            "虎跑 茶园 龙井 二级",
            "产地：杭州 虎跑「天下第三泉」旁 茶园 ｜ 手工 炒制",
        ),
        ("food", "茶叶/绿茶/龙井", None),
    ),
    (
        HEALTH,
        Positive,
        "普通食品蜂蜜宣称降血糖、治胃病，涉及疾病治疗功能（广告法 第十七条）",
        (
            "土蜂蜜 农家 百花 1kg",
            "每天 一杯 蜂蜜水 ➜ 降 血糖 ➜ 治 胃病（老中医 推荐）",
        ),
        ("food", "食品/蜂蜜", None),
    ),
    (
        HEALTH,
        Positive,
        "普通化妆品宣称治疗痤疮、祛斑（英文ACNE TREATMENT），涉及疾病治疗功能（广告法 第十七条；化妆品监督管理条例 第三十七条）",
        (
            "蚕丝蛋白 面霜 50g",
            "【OCR】蚕丝 蛋白 修护 ✓ 治疗 痤疮 ✓ ACNE TREATMENT ✓ 淡化 色斑",
        ),
        ("ordinary_cosmetic", "美妆/面霜", None),
    ),
    (
        HEALTH,
        Negative,
        "明确写「蜂蜜不能治病」并提示糖尿病人慎食，否定了疗效（广告法 第十七条）",
        (
            "椴树蜜 500g 原蜜",
            "温馨提示：蜂蜜是食品，不能治病；糖尿病人请慎食。",
        ),
        ("food", "食品/蜂蜜", None),
    ),
    (
        HEALTH,
        Negative,
        "保健食品只宣传其注册的保健功能「有助于增强免疫力」并标明不能代替药物（广告法 第十八条）",
        (
            "蜂胶 软胶囊 60粒 国食健注G20261234",
            "保健功能：有助于增强免疫力。本品不能代替药物。适宜人群：免疫力低下者。",
        ),
        (
            "health_food",
            "保健食品/蜂胶",
            Some("浙食健广审(文)第260512-00871号"),
        ),
    ),
    (
        STATEMENT,
        Positive,
        "保健食品广告未标明「本品不能代替药物」（广告法 第十八条第二款）",
        (
            "蜂花粉 片 增强免疫力 国食健注G20250871",
            "破壁 蜂花粉 ｜ 有助于 增强 免疫力 ｜ 每日 2次 每次 4片",
        ),
        (
            "health_food",
            "保健食品/蜂花粉",
            Some("浙食健广审(文)第251130-00412号"),
        ),
    ),
    (
        STATEMENT,
        Positive,
        "只写「非药品」，没有法定的「本品不能代替药物」提示（广告法 第十八条第二款）",
        (
            "灵芝 孢子粉 保健食品 2g×30袋",
            "非药品 | 有助于增强免疫力 | 国食健注G20240933",
        ),
        (
            "health_food",
            "保健食品/灵芝",
            Some("浙食健广审(文)第250808-00193号"),
        ),
    ),
    (
        STATEMENT,
        Negative,
        "「本品不能代替药物」被OCR断成两行，提示仍然完整标明（广告法 第十八条第二款）",
        (
            "鱼油 软胶囊 保健食品 国食健注G20230456",
            "有助于 调节 血脂\n本品不能\n代替药物\n适宜人群：血脂偏高者",
        ),
        (
            "health_food",
            "保健食品/鱼油",
            Some("浙食健广审(文)第250301-00077号"),
        ),
    ),
    (
        STATEMENT,
        Negative,
        "蜂蜜是普通食品，不适用保健食品的提示要求（广告法 第十八条）",
        ("百花蜜 农家 500g", "纯正 百花蜜 ｜ 冲调 烘焙 皆宜"),
        ("food", "食品/蜂蜜", None),
    ),
    (
        APPROVAL,
        Positive,
        "医疗器械广告未取得广告批准文号（广告法 第四十六条）",
        (
            "医用 冷敷凝胶 二类医疗器械 浙械注准20262140331",
            "用于 软组织 挫伤 后 的 物理 降温",
        ),
        ("medical_device", "医疗器械/冷敷", None),
    ),
    (
        APPROVAL,
        Positive,
        "非处方药广告未取得广告批准文号（广告法 第四十六条）",
        ("蜂胶 口腔 喷剂 OTC 20ml", "OTC｜口腔 溃疡 ｜ 每日 3次"),
        ("drug", "医药/口腔", None),
    ),
    (
        APPROVAL,
        Positive,
        "保健食品广告未取得广告批准文号（广告法 第四十六条；保健食品广告审查暂行规定）",
        (
            "蜂王浆 冻干粉 保健食品 国食健注G20250302",
            "有助于 缓解 体力 疲劳。本品不能代替药物。",
        ),
        ("health_food", "保健食品/蜂王浆", None),
    ),
    (
        APPROVAL,
        Negative,
        "医疗器械广告有广告批准文号，且只宣传注册范围内的用途（广告法 第四十六条）",
        (
            "医用 冷敷贴 二类医疗器械 浙械注准20252140118",
            "用于 闭合性 软组织 损伤 的 物理 退热 与 冷敷",
        ),
        (
            "medical_device",
            "医疗器械/冷敷",
            Some("浙械广审(文)第261020-01188号"),
        ),
    ),
    (
        APPROVAL,
        Negative,
        "水族紫外线杀菌灯是普通商品，不属于须审查的医疗、药品、医疗器械广告（广告法 第四十六条）",
        (
            "鱼缸 UV 紫外线 杀菌灯 9W",
            "杀灭 水中 藻类 ｜ 保持 水质 清澈",
        ),
        ("general", "宠物/水族/设备", None),
    ),
];

const LIVES: &[Live] = &[
    (
        ABS,
        Positive,
        "直播说「全宇宙最新鲜」「没有第二家」，是最高级、唯一性用语（广告法 第九条第三项）",
        "主播：各位老板，阿拉舟山个带鱼，全宇宙最新鲜个，没有第二家嘞！\n弹幕：真的假的\n主播：骗侬做啥，拍下就发。",
    ),
    (
        ABS,
        Negative,
        "「第一批到货」说的是到货批次，不是对商品的最高级评价（广告法 第九条第三项）",
        "主播：今朝是阿拉第一批到货个宣纸，四尺生宣，一百张一刀。\n弹幕：好不好写\n主播：吸墨匀，侬写写看。",
    ),
    (
        HEALTH,
        Positive,
        "直播称蜂王浆治好更年期、能让肿瘤缩小，涉及疾病治疗功能（广告法 第十七条、第十八条）",
        "主播：吃了阿拉个蜂王浆，更年期毛病全好嘞，肿瘤也会缩小个！\n弹幕：我妈有结节\n主播：结节也好吃，吃三个月就消掉。",
    ),
    (
        STATEMENT,
        Positive,
        "直播推销保健食品蜂胶软胶囊，未说明「本品不能代替药物」（广告法 第十八条第二款）",
        "主播：这款蜂胶软胶囊是蓝帽子保健食品，国食健注的，有助于增强免疫力。\n弹幕：怎么吃\n主播：一天两粒，三瓶一个疗程，链接在下面。",
    ),
    (
        RIVAL,
        Positive,
        "直播指名「海味鲜」的带鱼用福尔马林泡过，无证据，损害竞争对手商品声誉（反不正当竞争法 第十一条）",
        "主播：隔壁「海味鲜」个带鱼是福尔马林泡过个，阿拉亲眼看到嘞，侬勿要去买。\n弹幕：真的吗\n主播：真个，阿拉个是冰鲜。",
    ),
    (
        RIVAL,
        Negative,
        "主播说明与「海味鲜」无关联并称对方也好，没有贬损（反不正当竞争法 第十一条）",
        "主播：有老板问阿拉跟「海味鲜」是不是一家，不是个，没关系个，伊拉家也蛮好，大家放心买。\n弹幕：知道了",
    ),
];

/// A shop for the text cases on `platform`.
fn shop(city: &mut City, rng: &mut Rng, platform: &'static str, tag: &str, name: &str) -> Shop {
    KIT.shop(city, rng, platform, tag, name)
}

/// The listing and live-stream claims.
pub(super) fn claims(city: &mut City, rng: &mut Rng) {
    let mut stalls = [
        shop(city, rng, MALL, "scanhall", "扫描好物"),
        shop(city, rng, LOCAL, "scanlocal", "同城好物"),
    ];
    for (k, &(rule, label, why, (title, description), (class, category, approval))) in
        ADS.iter().enumerate()
    {
        let item = Item {
            title,
            description: Some(description),
            category,
            class,
            approval,
            price: 2_900 + 700 * k as i64,
            returns: !matches!(class, "drug" | "medical_device"),
            ..Item::default()
        };
        let l = KIT.ad_case(city, &mut stalls[k % 2], rule, label, why, &item);
        // The licensed device under the approval rule is also a lawful health claim.
        if rule == APPROVAL && label == Negative && class == "medical_device" {
            KIT.t_listing(city, HEALTH, &l, Negative, "医疗器械在注册用途内宣传冷敷、物理退热，不属于第十七条禁止的其他广告（广告法 第十七条）");
        }
    }
    let host = shop(city, rng, LIVE, "dialect", "阿拉海鲜档");
    for (k, &(rule, label, why, transcript)) in LIVES.iter().enumerate() {
        let id = format!("h8-live-{k}");
        KIT.live_case(
            city,
            rng,
            &host,
            rule,
            &id,
            20 + 3 * k as i64,
            label,
            why,
            transcript,
        );
    }
}

/// Statements about named rivals: a listing, a live session (in `claims`) and notices.
pub(super) fn rivals(city: &mut City, rng: &mut Rng) {
    let mut stall = shop(city, rng, MALL, "teacompare", "茶山对比");
    let ads: [(&str, &str, Label, &str); 2] = [
        (
            "龙井 二级 250g 正宗 产区",
            "注意：「翠峰茶行」卖的龙井都是四川货冒充的，别上当！本店只卖西湖产区。",
            Positive,
            "指名「翠峰茶行」卖四川货冒充龙井，无任何依据（反不正当竞争法 第十一条）",
        ),
        (
            "龙井 三级 口粮 250g 检测报告",
            "与「翠峰茶行」同款对比：据浙江省茶叶质检站2026-HZ-0412号报告，两家农残均未检出，本店价格低20元。",
            Negative,
            "比较引用可查的检测报告编号且结论如实，并未贬损对方（反不正当竞争法 第十一条）",
        ),
    ];
    for (title, description, label, why) in ads {
        KIT.ad_case(
            city,
            &mut stall,
            RIVAL,
            label,
            why,
            &Item {
                title,
                description: Some(description),
                category: "茶叶/绿茶/龙井",
                class: "food",
                price: 16_800,
                ..Item::default()
            },
        );
    }
    let notices = [
        (
            "h8-notice-sz1",
            "关于「速造工场」的声明",
            "本店郑重提醒：「速造工场」所用打印机均为翻新机，打印件含有毒物质，请勿购买！",
            Positive,
            "商家公告指名「速造工场」用翻新机、打印件有毒，无事实依据（反不正当竞争法 第十一条）",
        ),
        (
            "h8-notice-sz2",
            "与「速造工场」无关联的说明",
            "「速造工场」因虚假宣传被杭州市拱墅区市场监督管理局处罚（杭拱市监处罚〔2026〕118号，已公示），本店与其无任何关联，特此说明。",
            Negative,
            "公告引用已公示的处罚决定书文号，陈述属实（反不正当竞争法 第十一条）",
        ),
        (
            "h8-notice-kx1",
            "致顾客：关于「铭刻刀具」",
            "有顾客在群里说「铭刻刀具」的刀是垃圾钢，生锈断刀，为了安全大家还是别买他家的了。",
            Positive,
            "商家公告传播「铭刻刀具」是垃圾钢、会断刀的传言，无事实依据（反不正当竞争法 第十一条）",
        ),
        (
            "h8-notice-kx2",
            "常见问答 Q&A",
            "Q：你们和「铭刻刀具」是一家吗？A：不是。我们是两家独立的公司，各有各的工艺。",
            Negative,
            "问答只说明两家公司相互独立，没有贬损（反不正当竞争法 第十一条）",
        ),
    ];
    for (id, title, text, label, why) in notices {
        HOUSE.document(
            city,
            MALL,
            (id, "merchant_notice", "huishang-h8-teacompare"),
            title,
            text,
            26,
        );
        KIT.t_global(city, RIVAL, "document", id, label, why);
    }
}

/// A seller of marked goods: the shop, title, brand shown, registration number claimed, label
/// and why.
type Seller<'a> = (
    &'a mut Shop,
    &'static str,
    &'static str,
    Option<&'static str>,
    Label,
    &'static str,
);

/// A registered mark, its owner and licensees, and five sellers of marked goods.
pub(super) fn marks(city: &mut City, rng: &mut Rng) {
    let mut owner = shop(city, rng, MALL, "qingji", "青霁茶业");
    let reg_no = "70880123";
    KIT.trademark(city, reg_no, "青霁", &owner, &[30]);
    let mut licensee = shop(city, rng, MALL, "qingjilic", "湖畔茶铺");
    let mut lapsed = shop(city, rng, LOCAL, "qingjiold", "老街茶行");
    for (who, valid_to) in [(&licensee, Some(date(400))), (&lapsed, Some(date(20)))] {
        city.add(
            "ip_office",
            "trademark_licenses",
            json!({"reg_no": reg_no, "licensee_uscc": who.uscc, "valid_to": valid_to}),
        );
    }
    let mut stranger = shop(city, rng, MALL, "qingjifake", "云雾茶仓");
    let mut variant = shop(city, rng, LOCAL, "qingjiv", "靑山茶舍");
    let mut parts = shop(city, rng, MALL, "sealring", "密友罐具");
    let cases: [Seller<'_>; 6] = [
        (
            &mut stranger,
            "青霁 龙井 明前 200g",
            "青霁",
            Some(reg_no),
            Positive,
            "非许可人在同类商品上使用「青霁」并冒称注册号70880123（商标法 第五十七条第一项）",
        ),
        (
            &mut variant,
            "靑霁 龙井 雨前 250g",
            "靑霁",
            None,
            Positive,
            "「靑霁」与注册商标「青霁」仅一字异体，用于同类茶叶，易混淆（商标法 第五十七条第二项）",
        ),
        (
            &mut lapsed,
            "青霁 龙井 礼盒 2罐",
            "青霁",
            Some(reg_no),
            Positive,
            "许可已于11月4日到期，此后仍以「青霁」销售（商标法 第五十七条第一项）",
        ),
        (
            &mut licensee,
            "青霁 龙井 罐装 100g",
            "青霁",
            Some(reg_no),
            Negative,
            "被许可人，许可期内使用（商标法 第四十三条）",
        ),
        (
            &mut owner,
            "青霁 龙井 特级 礼盒",
            "青霁",
            Some(reg_no),
            Negative,
            "商标权人自己的店铺（商标法 第五十七条）",
        ),
        (
            &mut parts,
            "茶叶罐 替换 密封圈 适用于青霁 100g 罐",
            "密友",
            None,
            Negative,
            "以自有品牌「密友」销售配件，仅为说明适配的罐型提到「青霁」，属说明性使用（商标法 第五十九条）",
        ),
    ];
    for (seller, title, brand, claimed, label, why) in cases {
        KIT.ad_case(
            city,
            seller,
            MARK,
            label,
            why,
            &Item {
                title,
                category: "茶叶/绿茶/龙井",
                class: "food",
                brand: Some(brand),
                reg_no: claimed,
                price: 21_800,
                ..Item::default()
            },
        );
    }
}

/// Platform terms and policy drafts.
pub(super) fn papers(city: &mut City) {
    let terms = [
        (
            LOCAL,
            "h8-agree-fresh",
            "platform_agreement",
            "商家入驻协议 补充条款（渔鲜类目）",
            "第3.2条 商家在本平台经营期间，不得在其他同类平台开设店铺或销售同款商品；\n第3.3条 违反第3.2条的，平台有权单方扣除全部保证金，商家不得申诉。",
            Positive,
            "禁止在其他平台经营并以扣全部保证金、不得申诉作惩罚（电子商务法 第三十五条；平台经济反垄断指南 第十五条）",
        ),
        (
            LIVE,
            "h8-rule-anchor",
            "platform_rule",
            "直播带货 主播管理规则 V2",
            "4.1 签约主播须将全部直播排期安排于本平台；\n4.2 平台可随时单方调整佣金比例，无需通知主播及商家，调整即时生效。",
            Positive,
            "要求全部直播只在本平台，且可不经通知单方调整佣金，属不合理限制和不合理条件（电子商务法 第三十四条、第三十五条）",
        ),
        (
            MALL,
            "h8-agree-multi",
            "platform_agreement",
            "商家服务协议（2027版）",
            "商家可自主选择在多个平台经营。平台调整收费标准的，须提前30日公示，商家不接受的可在公示期内退出并结清保证金。",
            Negative,
            "允许多平台经营，修改收费提前30日公示并允许退出（电子商务法 第三十四条）",
        ),
    ];
    for (platform, id, kind, title, text, label, why) in terms {
        HOUSE.document(city, platform, (id, kind, platform), title, text, 8);
        KIT.t_global(city, TERMS, "document", id, label, why);
    }
    let drafts = [
        (
            "h8-draft-tea",
            "杭州市某区",
            "西湖龙井茶产业扶持办法（征求意见稿）",
            "第五条 外地茶企在本区销售龙井茶的，须另行向区农业农村局备案并缴纳质量保证金5万元；本区注册纳税的茶企免缴。",
            Positive,
            "只对外地茶企设备案和保证金，属对外地经营者的歧视性要求（公平竞争审查条例 第九条第一项、第五项）",
        ),
        (
            "h8-draft-boat",
            "某区文化和旅游局",
            "游船客运服务管理办法（草案）",
            "第八条 本水域游船票务统一由「湖上游」平台独家销售，其他票务平台不得代售。",
            Positive,
            "指定「湖上游」一家平台独家售票，限定经营者（公平竞争审查条例 第八条第三项）",
        ),
        (
            "h8-draft-stationery",
            "某区教育局",
            "中小学学生用品采购指引（征求意见稿）",
            "三、全区中小学统一采购的学生文具，限定从附件所列3家本地企业中选择。",
            Positive,
            "限定从3家本地企业采购，排斥外地供应商（公平竞争审查条例 第八条第三项、第九条第三项）",
        ),
        (
            "h8-draft-redtide",
            "某市海洋与渔业局",
            "关于赤潮期间暂停贝类采捕销售的通告（草案）",
            "因赤潮毒素超标，自发布之日起30日内，对全部经营者暂停相关海域贝类采捕和销售；经比选无影响更小的替代措施；毒素检测合格后即提前解除。",
            Negative,
            "为公共健康对所有经营者一视同仁，论证了无影响更小的替代方案，并有30日期限和解除条件（公平竞争审查条例 第十二条）",
        ),
        (
            "h8-draft-print",
            "某区市场监督管理局",
            "3D打印服务经营规范（征求意见稿）",
            "所有在本区提供3D打印服务的经营者，一律在店堂或网页公示所用耗材成分，不区分本地、外地。",
            Negative,
            "对所有经营者一律适用的信息公示义务，不区分地域，不限制进入（公平竞争审查条例 第九条）",
        ),
        (
            "h8-draft-ferry",
            "某县交通运输局",
            "渡口运营管理办法（征求意见稿）",
            "渡运票价实行明码标价，按《中华人民共和国价格法》和《明码标价和禁止价格欺诈规定》执行。",
            Negative,
            "只重申法律已有的明码标价义务，不设准入或优惠（公平竞争审查条例 第十一条）",
        ),
    ];
    for (id, issuer, title, text, label, why) in drafts {
        HOUSE.document(
            city,
            "regulator",
            (id, "policy_draft", issuer),
            title,
            text,
            12,
        );
        KIT.t_global(city, REVIEW, "document", id, label, why);
    }
}
