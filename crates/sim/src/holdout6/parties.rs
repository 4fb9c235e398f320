//! The sixth set's operator cases: identity and registration of shops (电子商务法 第十条's own
//! farm produce and handicraft, 第十五条, 第二十七条; 网络交易监督管理办法 第八条's ¥100,000 for
//! one shop at and one fen past it; GB 32100; the 经营异常名录 and 严重违法失信名单) and many
//! operators registered at one address, with variant spellings and full-width digits
//! (市场主体登记管理条例).

use super::{KIT, LIVE, LOCAL, MALL};
use crate::city::City;
use crate::kit::rules::{CHECKSUM, DEREGISTERED, LICENCE, LISTED, NATURAL, UNKNOWN};
use crate::kit::{Item, Reg, code, registry};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative as N, Positive as P};

pub(super) fn identity(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    let last = days - 1;
    /// A natural person's shop with `turnover` (fen).
    fn person(turnover: i64) -> Reg<'static> {
        Reg {
            merchant_type: "natural_person",
            license: false,
            turnover,
            ..KIT.reg()
        }
    }
    type Labels = &'static [(&'static str, Label, &'static str)];
    // (platform, tag, name, registration, category, title, the rules it is labelled under)
    let cases: Vec<(&str, &str, &str, Reg<'_>, &str, &str, Labels)> = vec![
        (
            MALL,
            "id-chk-known",
            "囍悦婚纱",
            Reg {
                valid_code: false,
                ..KIT.reg()
            },
            "婚庆/摄影",
            "婚纱照 套系 预约",
            &[(
                CHECKSUM,
                P,
                "统一社会信用代码的校验位不符合GB 32100；按数据标准这是应提示的警告，即使登记系统里有这个代码（电子商务法第十五条）",
            )],
        ),
        (
            LOCAL,
            "id-chk-unknown",
            "安家置业",
            Reg {
                valid_code: false,
                status: None,
                ..KIT.reg()
            },
            "房产/中介",
            "二手房 带看 居间服务",
            &[
                (
                    CHECKSUM,
                    P,
                    "房产中介公示的统一社会信用代码校验位错误（GB 32100；电子商务法第十五条）",
                ),
                (
                    UNKNOWN,
                    P,
                    "该代码在登记系统中查无此主体（电子商务法第二十七条：平台应核验登记信息）",
                ),
            ],
        ),
        (
            LOCAL,
            "id-unknown",
            "美丽说轻医美",
            Reg {
                status: None,
                ..KIT.reg()
            },
            "医美/皮肤管理",
            "小气泡清洁 单次",
            &[(
                UNKNOWN,
                P,
                "代码校验位正确，但登记系统中没有这个主体（电子商务法第二十七条）",
            )],
        ),
        (
            MALL,
            "id-cancelled",
            "学而优教育",
            Reg {
                status: Some("cancelled"),
                ..KIT.reg()
            },
            "教育/网课",
            "初中数学 网课 48讲",
            &[(
                DEREGISTERED,
                P,
                "培训公司已注销登记，网店在期间内仍在售课（电子商务法第十条、第二十七条）",
            )],
        ),
        (
            LOCAL,
            "id-revoked",
            "老街汽修",
            Reg {
                merchant_type: "individual_business",
                status: Some("revoked"),
                ..KIT.reg()
            },
            "汽车/维修",
            "更换刹车片 前轮 含工时",
            &[(
                DEREGISTERED,
                P,
                "汽修个体户营业执照已被吊销，店铺仍在期间内接单（电子商务法第十条、第二十七条）",
            )],
        ),
        (
            LOCAL,
            "id-cancelled-closed",
            "旧时光照相馆",
            Reg {
                status: Some("cancelled"),
                closed_on: Some(-30),
                ..KIT.reg()
            },
            "摄影/证件照",
            "证件照 精修 电子版",
            &[(
                DEREGISTERED,
                N,
                "照相馆注销前30天已关闭网店，期间内没有任何销售（电子商务法第十条、第二十七条）",
            )],
        ),
        (
            LOCAL,
            "id-abnormal",
            "力动健身",
            Reg {
                status: Some("abnormal"),
                ..KIT.reg()
            },
            "运动/健身",
            "健身月卡 器械区",
            &[
                (
                    LISTED,
                    P,
                    "被列入经营异常名录的健身房仍在平台持续售卡，平台应核验并提示（电子商务法第二十七条；企业信息公示暂行条例第十七条）",
                ),
                (
                    DEREGISTERED,
                    N,
                    "列入经营异常名录不等于注销或吊销，主体仍然存续（企业信息公示暂行条例第十七条）",
                ),
            ],
        ),
        (
            LIVE,
            "id-serious",
            "鲜果村播",
            Reg {
                status: Some("serious_violation"),
                ..KIT.reg()
            },
            "直播/水果",
            "赣南橙 10斤 村播",
            &[(
                LISTED,
                P,
                "被列入严重违法失信名单的经营者在直播平台持续带货（电子商务法第二十七条；市场监督管理严重违法失信名单管理办法）",
            )],
        ),
        (
            MALL,
            "id-nolicence",
            "途悦旅行社",
            Reg {
                license: false,
                ..KIT.reg()
            },
            "旅游/跟团",
            "西塘乌镇 一日游",
            &[(
                LICENCE,
                P,
                "旅行社店铺首页未公示营业执照电子链接（电子商务法第十五条）",
            )],
        ),
        (
            LOCAL,
            "id-nolicence-salon",
            "丝语美发",
            Reg {
                merchant_type: "individual_business",
                license: false,
                ..KIT.reg()
            },
            "丽人/美发",
            "洗剪吹 造型师",
            &[(
                LICENCE,
                P,
                "美发个体工商户店铺未亮照（电子商务法第十五条；浙江省电子商务条例第七条）",
            )],
        ),
        (
            LIVE,
            "id-natural-over",
            "阿杰零食铺",
            person(10_000_001),
            "直播/零食",
            "网红零食大礼包 批发进货",
            &[
                (
                    NATURAL,
                    P,
                    "自然人网店近12个月交易额100,000.01元，超过10万元一分而未办理登记；所售零食是批发进货，不属免于登记的情形（电子商务法第十条；网络交易监督管理办法第八条）",
                ),
                (
                    LICENCE,
                    N,
                    "未登记的自然人网店本无营业执照可公示，问题在于应当登记而未登记（电子商务法第十五条）",
                ),
            ],
        ),
        (
            MALL,
            "id-natural-at",
            "小鹿手帐",
            person(10_000_000),
            "文具/手帐",
            "手帐贴纸 套装",
            &[(
                NATURAL,
                N,
                "自然人网店近12个月交易额恰好100,000.00元，未超过10万元（网络交易监督管理办法第八条：年交易额累计不超过10万元的无须登记）",
            )],
        ),
        (
            LIVE,
            "id-farmer",
            "龙坞茶农老周",
            person(26_000_000),
            "农产品/茶叶",
            "自家茶园 龙井 自产自销 250g",
            &[(
                NATURAL,
                N,
                "茶农个人销售自家茶园的茶叶，属销售自产农副产品，依法免于登记，不受10万元额度限制（电子商务法第十条）",
            )],
        ),
        (
            MALL,
            "id-craft",
            "竹韵手作",
            person(15_800_000),
            "手工艺品/竹编",
            "手工竹编 果篮 家庭作坊自制",
            &[(
                NATURAL,
                N,
                "个人销售家庭手工编织的竹编制品，属家庭手工业产品，依法免于登记（电子商务法第十条）",
            )],
        ),
        (
            LIVE,
            "id-farmer-resale",
            "果园小妹",
            person(18_000_000),
            "直播/水果",
            "助农 冰糖橙 10斤 批发市场直发",
            &[(
                NATURAL,
                P,
                "以“助农”名义直播，但橙子是从批发市场进货转卖，不是自产，年交易额18万元超过10万元而未登记（电子商务法第十条；网络交易监督管理办法第八条）",
            )],
        ),
    ];
    for (platform, tag, name, reg, category, title, labels) in cases {
        let mut s = KIT.shop_with(city, rng, platform, tag, name, &reg);
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                category,
                price: 8_600,
                delisted: reg.closed_on,
                ..Item::default()
            },
        );
        if reg.closed_on.is_none() {
            for d in (2..last).step_by(4) {
                KIT.sell(city, rng, buyers, &l, order_no, d, 8_600);
            }
        }
        for &(rule, label, why) in labels {
            KIT.t_subject(city, rule, "merchant", platform, &l.merchant, label, why);
        }
    }
}

/// How a cluster case's registrations are spread over an address.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Spread {
    /// All at the spellings given, cycled.
    Same,
    /// Each on its own floor and room of the numbered building (`…{floor}楼{room}室`).
    Floors,
    /// Each in room 101 of its own building of the campus (`…{k}幢101室`).
    Buildings,
}

pub(super) fn clusters(city: &mut City, rng: &mut Rng) {
    const RULE: &str = "registration_cluster.one_address";
    // (address variants, district, registrations, representatives, established within (days
    //  before the period), entity, all but the newest struck off, spread, key, label, why)
    type Case = (
        &'static [&'static str],
        &'static str,
        usize,
        usize,
        (i64, i64),
        &'static str,
        bool,
        Spread,
        &'static str,
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            &[
                "杭州市临平区迎宾路1008号3幢1706室",
                "临平区迎宾路1008号3栋1706",
                "浙江省杭州市临平区迎宾路１００８号３幢１７０６室",
            ],
            "330113",
            12,
            4,
            (3, 20),
            "individual_business",
            false,
            Spread::Same,
            "330113|迎宾路|1008|3||1706",
            P,
            "17天内12个主播个体户登记于同一住宅房间，仅4人经营，地址有全角数字和“栋/幢”等三种写法，不在核准的集群注册托管地址名单中（市场主体登记管理条例第十一条、第四十五条）",
        ),
        (
            &[
                "杭州市余杭区五常大道181号2幢903室",
                "余杭区五常大道181号2号楼903室",
            ],
            "330110",
            9,
            2,
            (1, 6),
            "company",
            false,
            Spread::Same,
            "330110|五常大道|181|2||903",
            P,
            "5天内9家医美咨询公司登记于同一房间，法定代表人只有2人（市场主体登记管理条例第十一条：住所应真实）",
        ),
        (
            &["杭州市滨江区江南大道588号1幢2208室"],
            "330108",
            14,
            5,
            (10, 40),
            "company",
            false,
            Spread::Same,
            "330108|江南大道|588|1||2208",
            P,
            "一个月内14家教育科技公司登记于同一房间，5名法定代表人轮流出任（市场主体登记管理条例第十一条）",
        ),
        (
            &["杭州市拱墅区湖墅南路88号"],
            "330105",
            12,
            12,
            (30, 1_500),
            "individual_business",
            false,
            Spread::Floors,
            "330105|湖墅南路|88|||",
            N,
            "12名家政从业者以各自住所登记个体户，都在同一栋住宅楼但各在不同楼层、不同房间：同一门牌号下的不同住所不是一址多照（市场主体登记管理条例第十一条）",
        ),
        (
            &["杭州市西湖区文一西路998号"],
            "330106",
            12,
            12,
            (5, 60),
            "company",
            false,
            Spread::Buildings,
            "330106|文一西路|998|||",
            N,
            "产业园12幢楼各有一家公司登记在“101室”：房号相同但楼幢不同，是12个不同的住所（市场主体登记管理条例第十一条）",
        ),
        (
            &["杭州市上城区解放东路29号1幢1502室"],
            "330102",
            10,
            10,
            (150, 4_300),
            "company",
            true,
            Spread::Same,
            "330102|解放东路|29|1||1502",
            N,
            "十二年间10家公司先后以同一房间为住所，前9家已注销或吊销，现在只有1家存续：前后租户更替，不是同时集群登记（市场主体登记管理条例第十一条）",
        ),
    ];
    for (
        c,
        (variants, adcode, n, reps, (newest, oldest), entity, successive, spread, key, label, why),
    ) in cases.into_iter().enumerate()
    {
        let reps: Vec<String> = (0..reps).map(|_| rng.hex64()).collect();
        for k in 0..n {
            let address = match spread {
                Spread::Same => variants[k % variants.len()].to_string(),
                Spread::Floors => format!("{}{}楼{}室", variants[0], 3 + k, (3 + k) * 100 + 2),
                Spread::Buildings => format!("{}{}幢101室", variants[0], 1 + k),
            };
            let prefix = if entity == "individual_business" {
                "92"
            } else {
                "91"
            };
            let uscc = code(rng, prefix, adcode, true);
            let name = if entity == "company" {
                format!("杭州共址{c}{k}科技有限公司")
            } else {
                format!("杭州市共址{c}{k}服务部")
            };
            let established = if successive {
                -(oldest - (oldest - newest) * k as i64 / n as i64)
            } else {
                -rng.range(newest, oldest)
            };
            let status = match (successive && k + 1 < n, k % 2) {
                (false, _) => "active",
                (true, 0) => "cancelled",
                (true, _) => "revoked",
            };
            registry(
                city,
                rng,
                &uscc,
                &name,
                entity,
                &address,
                adcode,
                status,
                established,
                Some(&reps[k % reps.len()]),
            );
        }
        KIT.t_global(city, RULE, "address", key, label, why);
    }
}
