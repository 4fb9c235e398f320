//! The seventh set's text cases: advertising words in listings and on air (广告法 第九、十六、
//! 十七、十八、二十八条), statements about named rivals (反不正当竞争法 第十一条), marks and their
//! licences (商标法 第五十七条), and clauses in platform documents (电子商务法 第三十四、三十五条)
//! and policy drafts (公平竞争审查条例). Text comes as rhetorical questions, markdown tables, live
//! dialogue with 弹幕, numbered clauses, full-width digits and spaced-out words.

use serde_json::json;

use super::{KIT, LIVE, LOCAL, MALL, item, paper};
use crate::city::City;
use crate::kit::{Item, Shop};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative as N, Positive as P};

/// A mark case: (shop, title, brand, claimed registration number, label, why).
type MarkCase<'a> = (
    &'a mut Shop,
    &'static str,
    &'static str,
    Option<&'static str>,
    Label,
    &'static str,
);

/// A document case: (supplier, id, kind, issuer, title, text, rule, label, why).
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

/// Where a text case's words are.
enum Place {
    /// A listing: (platform, title, description, class, ad approval number).
    Listing(
        &'static str,
        &'static str,
        Option<&'static str>,
        &'static str,
        Option<&'static str>,
    ),
    /// A live session's transcript.
    Live(&'static str),
}

/// One text case.
struct Said {
    rule: &'static str,
    shop: &'static str,
    place: Place,
    verdict: Label,
    why: &'static str,
}

const ABSOLUTE: &str = "false_advertising.absolute_terms";
const HEALTH: &str = "false_advertising.health_claims";
const STATEMENT: &str = "false_advertising.missing_statement";
const APPROVAL: &str = "false_advertising.missing_approval";
const RIVAL: &str = "disparagement.named_competitor";

/// Plants text cases in listings and live sessions of one shop per case.
fn plant_said(city: &mut City, rng: &mut Rng, cases: Vec<Said>, prefix: &str, day: i64) {
    for (k, c) in cases.into_iter().enumerate() {
        match c.place {
            Place::Listing(platform, title, description, class, approval) => {
                let mut s = KIT.shop(city, rng, platform, &format!("{prefix}{k}"), c.shop);
                let l = KIT.listing(
                    city,
                    &mut s,
                    &Item {
                        title,
                        description,
                        category: "宣传/详情页",
                        class,
                        approval,
                        price: 15_800,
                        returns: class != "custom_made",
                        ..Item::default()
                    },
                );
                KIT.t_listing(city, c.rule, &l, c.verdict, c.why);
            }
            Place::Live(transcript) => {
                let s = KIT.shop(city, rng, LIVE, &format!("{prefix}{k}"), c.shop);
                let id = format!("h7-live-{prefix}{k}");
                KIT.live_case(
                    city,
                    rng,
                    &s,
                    c.rule,
                    &id,
                    day + k as i64,
                    c.verdict,
                    c.why,
                    transcript,
                );
            }
        }
    }
}

pub(super) fn claims(city: &mut City, rng: &mut Rng, days: i64) {
    let cases = vec![
        Said {
            rule: ABSOLUTE,
            shop: "钓趣渔具",
            place: Place::Listing(
                MALL,
                "碳素鱼竿 3.6米 超轻超硬",
                Some("还有比它更轻的竿吗？没有！全网最轻，拿在手里像没拿一样。"),
                "general",
                None,
            ),
            verdict: P,
            why: "以反问自答宣称“全网最轻”，使用最高级用语且无依据（广告法第九条第三项）",
        },
        Said {
            rule: ABSOLUTE,
            shop: "微光香氛",
            place: Place::Listing(
                MALL,
                "冷萃香薰精华 100ml",
                Some(
                    "| 项目 | 说明 |\n|---|---|\n| 工艺 | 全球首创 冷萃 |\n| 品质 | 世界级 |\n| 留香 | 8小时 |",
                ),
                "ordinary_cosmetic",
                None,
            ),
            verdict: P,
            why: "详情页表格里写“全球首创”“世界级”，属于广告法禁止的绝对化用语（广告法第九条第三项）",
        },
        Said {
            rule: ABSOLUTE,
            shop: "推理馆剧本杀",
            place: Place::Live(
                "主播：咱们这家是杭州最好的剧本杀馆！\n弹幕：真的假的？\n主播：绝对的，全杭州第一，没有之一，不信你们去比。\n弹幕：那我约周六。",
            ),
            verdict: P,
            why: "直播对话中称“杭州最好”“全杭州第一，没有之一”，无任何依据（广告法第九条第三项）",
        },
        Said {
            rule: ABSOLUTE,
            shop: "野趣营地装备",
            place: Place::Listing(
                MALL,
                "鹅绒睡袋 冬季 露营",
                Some("舒适温度 -10℃，最低适用温度 -20℃（按 EN 13537 测试）"),
                "general",
                None,
            ),
            verdict: N,
            why: "“最低适用温度”是产品技术参数的客观表述，不是对商品的绝对化评价（广告法第九条；市场监管总局绝对化用语执法指南）",
        },
        Said {
            rule: ABSOLUTE,
            shop: "时刻表行",
            place: Place::Listing(
                MALL,
                "石英表 简约 女款",
                Some("购表后第一次保养免费，首次进店送真皮表带一条。"),
                "general",
                None,
            ),
            verdict: N,
            why: "“第一次保养”“首次进店”是次序表述，不是“第一”的排名宣称（广告法第九条；市场监管总局绝对化用语执法指南）",
        },
        Said {
            rule: ABSOLUTE,
            shop: "知音琴行",
            place: Place::Listing(
                LOCAL,
                "古筝一对一 成人零基础",
                Some("授课老师：国家一级演奏员（职称证书编号见资质页）"),
                "general",
                None,
            ),
            verdict: N,
            why: "“国家一级演奏员”是真实可查的国家职称名称，不是对服务的最高级宣称（广告法第九条；广告法第二十八条）",
        },
        Said {
            rule: HEALTH,
            shop: "贝贝乐母婴",
            place: Place::Listing(
                MALL,
                "婴幼儿益生菌固体饮料 30袋",
                Some("调理肠道，治疗湿疹，增强宝宝免疫力，比吃药安全"),
                "food",
                None,
            ),
            verdict: P,
            why: "普通食品宣称“治疗湿疹”，涉及疾病治疗功能（广告法第十七条；食品安全法第七十三条）",
        },
        Said {
            rule: HEALTH,
            shop: "微光香氛",
            place: Place::Listing(
                MALL,
                "薰衣草精油 10ml 助眠",
                Some("滴两滴在枕边：助眠、治疗失眠、抗抑郁，比安眠药还管用"),
                "ordinary_cosmetic",
                None,
            ),
            verdict: P,
            why: "普通化妆品宣称“治疗失眠”“抗抑郁”，是医疗用语（广告法第十七条；化妆品监督管理条例第三十七条）",
        },
        Said {
            rule: HEALTH,
            shop: "康颐养老用品",
            place: Place::Live(
                "叔叔阿姨们看过来，这台按摩椅天天按二十分钟，老寒腿能治好，高血压也能降下来，降压药都可以少吃！\n弹幕：真能降血压？\n主播：能！我们好多老顾客都停药了。",
            ),
            verdict: P,
            why: "直播中称按摩椅能治好老寒腿、降血压、可以停药，非医疗器械宣传疾病治疗功能（广告法第十七条）",
        },
        Said {
            rule: HEALTH,
            shop: "康颐养老用品",
            place: Place::Listing(
                MALL,
                "电子血压计 上臂式 语音播报",
                Some("用于测量成人血压，测量结果仅供参考，请遵医嘱。"),
                "medical_device",
                Some("浙械广审（文）第260708号"),
            ),
            verdict: N,
            why: "已注册的医疗器械在其适用范围内说明用途，并有广告批准文号（广告法第十六条）",
        },
        Said {
            rule: HEALTH,
            shop: "微光香氛",
            place: Place::Listing(
                MALL,
                "薰衣草香薰 扩香石套装",
                Some("只提供香气，不能治疗失眠，长期睡眠问题请及时就医。"),
                "ordinary_cosmetic",
                None,
            ),
            verdict: N,
            why: "“不能治疗失眠”是明确的否定，商品未宣称任何疗效（广告法第十七条）",
        },
        Said {
            rule: HEALTH,
            shop: "康颐养老用品",
            place: Place::Listing(
                MALL,
                "维生素C咀嚼片 保健食品 60片",
                Some("保健功能：补充维生素C。本品不能代替药物。"),
                "health_food",
                Some("浙食健广审（文）第261201号"),
            ),
            verdict: N,
            why: "保健食品只宣传经注册的保健功能，有“本品不能代替药物”和广告批准文号（广告法第十八条）",
        },
        Said {
            rule: STATEMENT,
            shop: "贝贝乐母婴",
            place: Place::Listing(
                MALL,
                "孕妇DHA 藻油软胶囊 保健食品",
                Some("孕期、哺乳期补充DHA，每日一粒。"),
                "health_food",
                Some("浙食健广审（文）第261187号"),
            ),
            verdict: P,
            why: "保健食品详情页没有“本品不能代替药物”的声明（广告法第十八条）",
        },
        Said {
            rule: STATEMENT,
            shop: "康颐养老用品",
            place: Place::Live(
                "氨糖软骨素，蓝帽子保健食品，爷爷奶奶膝盖不好的，每天两粒，上下楼走路就有劲了。今晚下单买二送一。",
            ),
            verdict: P,
            why: "直播推销保健食品，整场没有说明“本品不能代替药物”（广告法第十八条）",
        },
        Said {
            rule: STATEMENT,
            shop: "康颐养老用品",
            place: Place::Listing(
                MALL,
                "辅酶Q10 软胶囊 保健食品 中老年",
                Some("每日一粒，请遵医嘱服用。"),
                "health_food",
                Some("浙食健广审（文）第261190号"),
            ),
            verdict: P,
            why: "只写“请遵医嘱服用”，没有“本品不能代替药物”的声明（广告法第十八条）",
        },
        Said {
            rule: STATEMENT,
            shop: "康颐养老用品",
            place: Place::Listing(
                MALL,
                "乳清蛋白粉 中老年 保健食品",
                Some("保健功能：增强免疫力。本品 不能 代替 药物。"),
                "health_food",
                Some("浙食健广审（文）第261193号"),
            ),
            verdict: N,
            why: "声明“本品不能代替药物”在详情页中（词间有空格），已显著标明（广告法第十八条）",
        },
        Said {
            rule: STATEMENT,
            shop: "贝贝乐母婴",
            place: Place::Listing(
                MALL,
                "NFC 苹果汁 无添加 儿童",
                Some("鲜榨冷藏，开盖即饮。"),
                "food",
                None,
            ),
            verdict: N,
            why: "普通食品不是保健食品，不需要“本品不能代替药物”的声明（广告法第十八条）",
        },
        Said {
            rule: APPROVAL,
            shop: "康颐养老用品",
            place: Place::Listing(
                MALL,
                "助听器 数字降噪 老人专用 隐形",
                Some("医疗器械，适用于轻中度听力损失。"),
                "medical_device",
                None,
            ),
            verdict: P,
            why: "医疗器械广告没有广告批准文号（广告法第四十六条；医疗器械广告审查办法）",
        },
        Said {
            rule: APPROVAL,
            shop: "贝贝乐母婴",
            place: Place::Listing(
                MALL,
                "儿童止咳糖浆 OTC 甲类 100ml",
                Some("用于儿童感冒引起的咳嗽，请按说明书使用。"),
                "drug",
                None,
            ),
            verdict: P,
            why: "非处方药在网店发布广告，没有广告批准文号（广告法第四十六条）",
        },
        Said {
            rule: APPROVAL,
            shop: "康颐养老用品",
            place: Place::Listing(
                MALL,
                "电动轮椅 折叠 老人代步 医疗器械",
                Some("二类医疗器械，锂电续航20公里。"),
                "medical_device",
                None,
            ),
            verdict: P,
            why: "二类医疗器械的商品宣传没有广告批准文号（广告法第四十六条）",
        },
        Said {
            rule: APPROVAL,
            shop: "康颐养老用品",
            place: Place::Listing(
                MALL,
                "助听器 耳背式 老人",
                Some("医疗器械，适用于中度听力损失，请在验配师指导下使用。"),
                "medical_device",
                Some("浙械广审（文）第261015号"),
            ),
            verdict: N,
            why: "医疗器械广告有广告批准文号（广告法第四十六条）",
        },
        Said {
            rule: APPROVAL,
            shop: "康颐养老用品",
            place: Place::Listing(
                MALL,
                "家用按摩椅 全身 零重力",
                Some("家用电器，3C认证，不属于医疗器械。"),
                "general",
                None,
            ),
            verdict: N,
            why: "按摩椅是家用电器，不属于药品、医疗器械、保健食品、特殊医学用途配方食品，不需广告审查（广告法第四十六条）",
        },
    ];
    plant_said(city, rng, cases, "ad", days - 9);
}

pub(super) fn rivals(city: &mut City, rng: &mut Rng, days: i64) {
    let cases = vec![
        Said {
            rule: RIVAL,
            shop: "快修侠手机维修",
            place: Place::Listing(
                LOCAL,
                "手机换屏 当天取 质保一年",
                Some("友情提醒：极客快修用的都是拆机翻新屏，修完三天就坏，别上当！"),
                "general",
                None,
            ),
            verdict: P,
            why: "点名同城竞争对手“极客快修”，无根据地称其使用拆机翻新屏，损害其商业信誉（反不正当竞争法第十一条）",
        },
        Said {
            rule: RIVAL,
            shop: "良缘婚恋",
            place: Place::Live(
                "弹幕：缘定APP靠谱吗？\n主播：缘定上的会员十个有八个是托，注册的全是假资料，别去交钱。",
            ),
            verdict: P,
            why: "直播中点名竞争对手“缘定”，编造其会员“十个有八个是托”（反不正当竞争法第十一条）",
        },
        Said {
            rule: RIVAL,
            shop: "驭风电动车",
            place: Place::Listing(
                MALL,
                "电动车 续航对比 实测",
                Some(
                    "与乐行E5相比：续航实测62km vs 55km（数据来源：浙江省轻工业品质量检验研究院检测报告，报告编号2026-QT-0915）",
                ),
                "general",
                None,
            ),
            verdict: N,
            why: "与点名对手的比较给出了检测机构和报告编号，真实可查证，不是编造、传播虚假信息（反不正当竞争法第十一条）",
        },
        Said {
            rule: RIVAL,
            shop: "知音琴行",
            place: Place::Live(
                "有家长问我们和寻音琴行是不是一家——不是的，我们没有任何关系，他们的老师也很专业，大家按自己的需要选。",
            ),
            verdict: N,
            why: "直播中澄清与“寻音琴行”没有关联并肯定对方，没有贬损（反不正当竞争法第十一条）",
        },
    ];
    plant_said(city, rng, cases, "rival", days - 20);
    // Shop notices (documents).
    let notices: [(&str, &str, &str, Label, &str); 2] = [
        (
            "h7-notice-funeral",
            "致家属的一封信",
            "各位家属：城西福寿殡仪公司收费不透明，还偷换骨灰盒，请勿委托，选择我们安和殡仪更放心。",
            P,
            "店铺公告点名“城西福寿殡仪公司”，称其“偷换骨灰盒”，无任何依据（反不正当竞争法第十一条）",
        ),
        (
            "h7-notice-recycle",
            "关于旧机回收的提醒",
            "据杭州市市场监督管理局2026年11月公示的行政处罚决定书（杭市监处罚〔2026〕118号），城东旧机回收公司因虚假宣传被处罚。本店回收价格全部公示。",
            N,
            "如实转述监管部门公开的行政处罚决定并注明文号，不是编造、传播虚假信息（反不正当竞争法第十一条）",
        ),
    ];
    for (id, title, text, verdict, why) in notices {
        paper(
            city,
            LOCAL,
            (id, "merchant_notice", LOCAL),
            title,
            text,
            days - 15,
        );
        KIT.t_global(city, RIVAL, "document", id, verdict, why);
    }
    // One more rival notice of each label, in English mixed with Chinese.
    let mixed: [(&str, &str, &str, Label, &str); 2] = [
        (
            "h7-notice-lock",
            "Notice 公告",
            "Warning：平安开锁以外的“神锁王”师傅 no license，开完锁还会配你家钥匙，千万别找他们！",
            P,
            "中英混写的店铺公告点名“神锁王”，编造其无资质并私配钥匙（反不正当竞争法第十一条）",
        ),
        (
            "h7-notice-laundry",
            "FAQ 常见问题",
            "Q：你们和净衣坊是同一家吗？A：No，不是同一家，我们之间没有任何合作关系。",
            N,
            "问答式公告只澄清与“净衣坊”没有关系，没有任何贬损（反不正当竞争法第十一条）",
        ),
    ];
    for (id, title, text, verdict, why) in mixed {
        paper(
            city,
            LOCAL,
            (id, "merchant_notice", LOCAL),
            title,
            text,
            days - 11,
        );
        KIT.t_global(city, RIVAL, "document", id, verdict, why);
    }
}

pub(super) fn marks(city: &mut City, rng: &mut Rng) {
    const RULE: &str = "counterfeit.mark_lookalike";
    let mut camping = KIT.shop(city, rng, MALL, "mark-jilan", "霁岚户外");
    let mut strings = KIT.shop(city, rng, MALL, "mark-xiange", "弦歌乐器");
    let tea = KIT.shop(city, rng, LOCAL, "mark-jilan-tea", "霁岚茶业");
    KIT.trademark(city, "71234567", "霁岚", &camping, &[22]);
    KIT.trademark(city, "71234568", "弦歌", &strings, &[15]);
    KIT.trademark(city, "71234569", "霁岚", &tea, &[30]);
    let licensee = |city: &mut City, rng: &mut Rng, tag: &str, name: &str, reg: &str, to: &str| {
        let s = KIT.shop(city, rng, MALL, tag, name);
        city.add(
            "ip_office",
            "trademark_licenses",
            json!({
                "reg_no": reg, "licensee_uscc": s.uscc, "valid_to": to,
            }),
        );
        s
    };
    let mut dealer = licensee(
        city,
        rng,
        "mark-dealer",
        "山野户外授权店",
        "71234567",
        "2028-06-30",
    );
    let mut lapsed = licensee(
        city,
        rng,
        "mark-lapsed",
        "丝竹乐器行",
        "71234568",
        "2026-10-12",
    );
    let mut copier = KIT.shop(city, rng, MALL, "mark-copy", "山野同源工厂店");
    let mut sounder = KIT.shop(city, rng, MALL, "mark-sound", "民谣弦铺");
    let mut tea = tea;
    // (shop, title, brand, claimed reg no, class of goods, label, why)
    let cases: [MarkCase<'_>; 6] = [
        (
            &mut copier,
            "霁岚帐篷 户外 同源工厂 一室一厅",
            "霁岚",
            Some("71234567"),
            P,
            "非权利人、未获许可，在同一种商品（帐篷，第22类）上使用注册商标“霁岚”并冒用其注册号（商标法第五十七条第一项）",
        ),
        (
            &mut sounder,
            "弦哥 吉他弦 民谣 进口钢芯",
            "弦哥",
            None,
            P,
            "在同类商品（乐器弦，第15类）上使用与“弦歌”读音相同、字形近似的“弦哥”，易使公众混淆（商标法第五十七条第二项）",
        ),
        (
            &mut lapsed,
            "弦歌 古筝弦 全套 21根",
            "弦歌",
            Some("71234568"),
            P,
            "许可于2026年10月12日到期，期满后继续使用“弦歌”商标（商标法第五十七条第一项）",
        ),
        (
            &mut dealer,
            "霁岚 天幕 授权经销 防晒",
            "霁岚",
            Some("71234567"),
            N,
            "被许可人在许可期内（至2028年6月30日）使用“霁岚”商标（商标法第四十三条）",
        ),
        (
            &mut tea,
            "霁岚 高山云雾茶 250g",
            "霁岚",
            Some("71234569"),
            N,
            "茶叶店使用的是自己在第30类注册的“霁岚”，与帐篷上的“霁岚”是不同类别的共存注册（商标法第五十六条）",
        ),
        (
            &mut strings,
            "弦歌 民谣吉他 41寸 单板",
            "弦歌",
            Some("71234568"),
            N,
            "商标权人自己的店铺使用自己的注册商标（商标法第五十六条）",
        ),
    ];
    for (shop, title, brand, reg_no, verdict, why) in cases {
        let l = KIT.listing(
            city,
            shop,
            &Item {
                title,
                category: "品牌/商标",
                brand: Some(brand),
                reg_no,
                price: 25_800,
                ..Item::default()
            },
        );
        KIT.t_listing(city, RULE, &l, verdict, why);
    }
    // The camping brand's own listing (not a case), so the mark is in use by its owner.
    let _ = item(
        city,
        &mut camping,
        ("霁岚 户外折叠椅", None),
        "品牌/商标",
        "general",
        19_900,
    );
}

pub(super) fn papers(city: &mut City, days: i64) {
    const TERMS: &str = "unfair_terms.restrictive_clause";
    const REVIEW: &str = "fair_competition_review.clause";
    // (supplier, id, kind, issuer, title, text, rule, label, why)
    let docs: [Doc; 9] = [
        (
            LOCAL,
            "h7-doc-script-join",
            "platform_agreement",
            LOCAL,
            "剧本杀商家入驻协议",
            "第七条 商家入驻本平台期间，不得在其他平台上架相同剧本或开展团购；\n第八条 违反第七条的，平台有权清退店铺并扣除全部保证金。",
            TERMS,
            P,
            "入驻协议禁止商家在其他平台上架和团购，并以清退、扣保证金相威胁（电子商务法第三十五条；平台经济反垄断指南第十五条）",
        ),
        (
            LOCAL,
            "h7-doc-parking-rule",
            "platform_rule",
            LOCAL,
            "停车缴费规则",
            "3.1 用户授权平台在停车超时时从绑定银行卡直接扣划费用，扣划金额由平台确定，用户不得提出异议。",
            TERMS,
            P,
            "规则允许平台单方确定金额并直接扣款、排除用户异议，加重用户责任、排除其权利（电子商务法第三十四条；消费者权益保护法第二十六条）",
        ),
        (
            MALL,
            "h7-doc-music-agreement",
            "platform_agreement",
            MALL,
            "乐器类目商家服务协议",
            "一、商家可以同时在其他平台经营，本平台不作任何限制。\n二、本平台调整收费标准的，提前三十日公示；商家不同意的，可以退出并结清费用。",
            TERMS,
            N,
            "明确允许多平台经营，收费调整提前公示并可退出，符合法律要求（电子商务法第三十四条、第三十五条）",
        ),
        (
            "regulator",
            "h7-draft-funeral",
            "policy_draft",
            "某区民政局",
            "关于规范殡葬服务的实施意见（征求意见稿）",
            "四、本区殡葬服务由区殡仪服务中心统一承接，其他殡葬服务机构不得在本区承接遗体接运业务。",
            REVIEW,
            P,
            "指定唯一经营者承接遗体接运、排除其他机构，未说明第十二条的任何条件（公平竞争审查条例第八条）",
        ),
        (
            "regulator",
            "h7-draft-parking",
            "policy_draft",
            "某区城管局",
            "智慧停车推广方案（征求意见稿）",
            "（二）鼓励全区公共停车场优先接入本地企业“城泊科技”开发的停车APP，接入的按每个泊位给予50元补贴。",
            REVIEW,
            P,
            "对点名的本地企业给予优先接入和补贴，限定经营、给予特定经营者优惠（公平竞争审查条例第八条、第十条）",
        ),
        (
            "regulator",
            "h7-draft-ebike",
            "policy_draft",
            "某县经信局",
            "电动自行车销售管理办法（征求意见稿）",
            "第九条 外地品牌电动自行车进入本县销售的，须另行向县经信部门备案并缴纳质量保证金20万元。",
            REVIEW,
            P,
            "对外地商品设定额外备案和保证金，妨碍商品自由流通（公平竞争审查条例第九条）",
        ),
        (
            "regulator",
            "h7-draft-cold",
            "policy_draft",
            "某区民政局",
            "寒潮期间孤寡老人上门供暖服务方案（征求意见稿）",
            "为保障特大寒潮期间孤寡老人取暖（社会保障），经公开遴选确定三家上门供暖服务企业，实施期限自2026年12月1日至2027年2月28日；经评估，没有对市场竞争影响更小的替代方案，且不会严重排除、限制市场竞争。",
            REVIEW,
            N,
            "为社会保障目的，公开遴选、有明确期限、已论证无影响更小的替代方案且不严重排除竞争，符合第十二条的全部条件（公平竞争审查条例第十二条）",
        ),
        (
            "regulator",
            "h7-draft-charging",
            "policy_draft",
            "某区发改局",
            "公共充电服务平台接入规范（征求意见稿）",
            "所有充电设施运营企业均可按统一技术标准平等接入区公共充电服务平台，不设数量限制，不收取接入费用。",
            REVIEW,
            N,
            "对所有经营者一视同仁、无数量限制、无费用，不限制竞争（公平竞争审查条例第八条）",
        ),
        (
            "regulator",
            "h7-draft-price-sign",
            "policy_draft",
            "某区市场监管局",
            "停车场明码标价指引（征求意见稿）",
            "依据《明码标价和禁止价格欺诈规定》，本区停车场经营者应当在入口显著位置公示收费标准和计费方式。",
            REVIEW,
            N,
            "重申法律规定的明码标价义务，对所有经营者相同（公平竞争审查条例第八条）",
        ),
    ];
    for (supplier, id, kind, issuer, title, text, rule, verdict, why) in docs {
        paper(city, supplier, (id, kind, issuer), title, text, days - 25);
        KIT.t_global(city, rule, "document", id, verdict, why);
    }
}
