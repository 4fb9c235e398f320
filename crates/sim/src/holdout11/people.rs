//! Identity cases (电子商务法 第十、十二、十五、二十七条; 网络交易监督管理办法 第八条), among them a
//! code whose check character is the `0` that 31 maps to, a declared code one character off the
//! registered one, a branch written with full-width brackets, a person's two shops at ¥100,001
//! and a shop at exactly ¥100,000; and addresses hosting many registrations written with 号楼,
//! 幢, letter blocks and full-width digits (市场主体登记管理条例).

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::City;
use crate::kit::rules::{CHECKSUM, DEREGISTERED, LICENCE, LISTED, Labels, NATURAL, UNKNOWN};
use crate::kit::{Reg, Shop, code, registry};
use crate::rng::Rng;
use crate::truth::Label::{Negative, Positive};

/// What else is done to an identity case's rows after its shop is planted.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Twist {
    None,
    /// The code is redrawn until its check character is `0` (the sum's 31 mapped to 0).
    CheckZero,
    /// The registry holds the operator under a code one body character off the declared one.
    OneOff,
    /// A branch: the platform writes the name with full-width brackets, the registry with
    /// half-width ones.
    Brackets,
}

/// One identity case: platform, shop tag and name, registration, twist and labels.
struct Who {
    platform: &'static str,
    tag: &'static str,
    name: &'static str,
    reg: Reg<'static>,
    twist: Twist,
    labels: Labels,
}

const fn reg(
    merchant_type: &'static str,
    status: Option<&'static str>,
    valid_code: bool,
    license: bool,
    turnover: i64,
    closed_on: Option<i64>,
) -> Reg<'static> {
    Reg {
        merchant_type,
        status,
        valid_code,
        license,
        turnover,
        closed_on,
        holder: None,
        shop_name: None,
    }
}

const WHO: &[Who] = &[
    Who {
        platform: MALL,
        tag: "id-bad1",
        name: "丝韵绣庄",
        reg: reg("company", Some("active"), false, true, 31_000_000, None),
        twist: Twist::None,
        labels: &[(
            CHECKSUM,
            Positive,
            "统一社会信用代码第18位与GB 32100-2015计算的校验字符不符（登记系统中也是同一错码），电子商务法 第十五条",
        )],
    },
    Who {
        platform: LOCAL,
        tag: "id-bad2",
        name: "浪花泳具",
        reg: reg("company", None, false, true, 18_000_000, None),
        twist: Twist::None,
        labels: &[
            (
                CHECKSUM,
                Positive,
                "代码校验字符错误，GB 32100-2015；电子商务法 第十五条",
            ),
            (
                UNKNOWN,
                Positive,
                "登记系统查无此统一社会信用代码，电子商务法 第二十七条",
            ),
        ],
    },
    Who {
        platform: LIVE,
        tag: "id-ok1",
        name: "听松琴坊",
        reg: reg(
            "individual_business",
            Some("active"),
            true,
            true,
            6_900_000,
            None,
        ),
        twist: Twist::None,
        labels: &[
            (
                CHECKSUM,
                Negative,
                "个体工商户92开头的代码校验字符正确，GB 32100-2015（电子商务法 第十五条）",
            ),
            (
                UNKNOWN,
                Negative,
                "个体工商户在登记系统中存续，电子商务法 第二十七条",
            ),
        ],
    },
    Who {
        platform: MALL,
        tag: "id-zero",
        name: "零点香氛",
        reg: reg("company", Some("active"), true, true, 22_000_000, None),
        twist: Twist::CheckZero,
        labels: &[(
            CHECKSUM,
            Negative,
            "加权和除以31余0，31减0得31，按GB 32100-2015记为校验字符“0”，代码正确（电子商务法 第十五条）",
        )],
    },
    Who {
        platform: LOCAL,
        tag: "id-unk1",
        name: "拳心搏击",
        reg: reg("company", None, true, true, 15_000_000, None),
        twist: Twist::None,
        labels: &[(
            UNKNOWN,
            Positive,
            "代码校验正确，但登记系统查无此码，电子商务法 第二十七条",
        )],
    },
    Who {
        platform: MALL,
        tag: "id-unk2",
        name: "醇境酒业",
        reg: reg("company", None, true, true, 26_000_000, None),
        twist: Twist::OneOff,
        labels: &[(
            UNKNOWN,
            Positive,
            "店铺登记的代码（校验正确）与登记系统中同名公司的代码相差一位，店铺所用代码查无登记，电子商务法 第二十七条",
        )],
    },
    Who {
        platform: LOCAL,
        tag: "id-branch",
        name: "浪尖游泳用品",
        reg: reg("company", Some("active"), true, true, 12_000_000, None),
        twist: Twist::Brackets,
        labels: &[(
            UNKNOWN,
            Negative,
            "分公司名称在平台用全角括号、在登记系统用半角括号书写，代码相同且存续，电子商务法 第二十七条",
        )],
    },
    Who {
        platform: MALL,
        tag: "id-gone1",
        name: "月影琥珀",
        reg: reg("company", Some("cancelled"), true, true, 37_000_000, None),
        twist: Twist::None,
        labels: &[(
            DEREGISTERED,
            Positive,
            "公司已注销，店铺仍在平台营业销售，电子商务法 第十二条、第二十七条",
        )],
    },
    Who {
        platform: LIVE,
        tag: "id-gone2",
        name: "驰风单车",
        reg: reg("company", Some("revoked"), true, true, 21_000_000, None),
        twist: Twist::None,
        labels: &[(
            DEREGISTERED,
            Positive,
            "营业执照被吊销后仍在直播间销售，电子商务法 第二十七条",
        )],
    },
    Who {
        platform: LOCAL,
        tag: "id-gone3",
        name: "旧梦美甲",
        reg: reg(
            "company",
            Some("cancelled"),
            true,
            true,
            5_000_000,
            Some(-45),
        ),
        twist: Twist::None,
        labels: &[(
            DEREGISTERED,
            Negative,
            "店铺在期间开始前45天关店，注销后没有经营，电子商务法 第二十七条",
        )],
    },
    Who {
        platform: MALL,
        tag: "id-abn1",
        name: "星幕投影",
        reg: reg("company", Some("abnormal"), true, true, 19_000_000, None),
        twist: Twist::None,
        labels: &[
            (
                LISTED,
                Positive,
                "被列入经营异常名录仍在经营，网络交易监督管理办法",
            ),
            (
                DEREGISTERED,
                Negative,
                "经营异常名录不是注销或吊销，主体资格仍在，电子商务法 第二十七条",
            ),
        ],
    },
    Who {
        platform: LOCAL,
        tag: "id-abn2",
        name: "康宁陪诊",
        reg: reg(
            "company",
            Some("serious_violation"),
            true,
            true,
            9_400_000,
            None,
        ),
        twist: Twist::None,
        labels: &[(
            LISTED,
            Positive,
            "列入严重违法失信名单仍在经营，网络交易监督管理办法",
        )],
    },
    Who {
        platform: LOCAL,
        tag: "id-abn3",
        name: "静水游泳",
        reg: reg(
            "company",
            Some("abnormal"),
            true,
            true,
            3_000_000,
            Some(-60),
        ),
        twist: Twist::None,
        labels: &[(
            LISTED,
            Negative,
            "列入经营异常名录，但店铺在期间开始前60天已关闭，期间内没有经营，网络交易监督管理办法",
        )],
    },
    Who {
        platform: MALL,
        tag: "id-ok2",
        name: "锦绣针坊",
        reg: reg("company", Some("active"), true, true, 44_000_000, None),
        twist: Twist::None,
        labels: &[
            (
                LISTED,
                Negative,
                "登记状态存续，不在任何名录，网络交易监督管理办法",
            ),
            (
                LICENCE,
                Negative,
                "公司已在店铺首页公示营业执照链接，电子商务法 第十五条",
            ),
        ],
    },
    Who {
        platform: LOCAL,
        tag: "id-lic1",
        name: "足道养生",
        reg: reg("company", Some("active"), true, false, 16_000_000, None),
        twist: Twist::None,
        labels: &[(
            LICENCE,
            Positive,
            "公司店铺未公示营业执照链接，电子商务法 第十五条",
        )],
    },
    Who {
        platform: LIVE,
        tag: "id-lic2",
        name: "甲艺",
        reg: reg(
            "individual_business",
            Some("active"),
            true,
            false,
            7_700_000,
            None,
        ),
        twist: Twist::None,
        labels: &[(
            LICENCE,
            Positive,
            "个体工商户直播店未公示营业执照，电子商务法 第十五条",
        )],
    },
];

/// Natural persons' shops: (platform, tag, name, holder index, turnover, labels).
type Person = (&'static str, &'static str, &'static str, usize, i64, Labels);

const PEOPLE: &[Person] = &[
    (
        MALL,
        "np1",
        "阿强二手单车",
        0,
        6_000_000,
        &[(
            NATURAL,
            Positive,
            "同一自然人两家网店年交易额合计100,001元（60,000+40,001），超过10万元仍未登记，电子商务法 第十条；网络交易监督管理办法 第八条",
        )],
    ),
    (
        LOCAL,
        "np2",
        "阿强车铺",
        0,
        4_000_100,
        &[(
            NATURAL,
            Positive,
            "同一自然人两家网店合计100,001元，超过10万元，电子商务法 第十条",
        )],
    ),
    (
        LIVE,
        "np3",
        "小美潮玩转卖",
        1,
        12_000_000,
        &[(
            NATURAL,
            Positive,
            "转卖潮玩的自然人网店年交易额12万元，超过10万元仍未登记，电子商务法 第十条",
        )],
    ),
    (
        MALL,
        "np4",
        "老周闲置",
        2,
        10_000_000,
        &[(
            NATURAL,
            Negative,
            "年交易额正好10万元，没有超过10万元，网络交易监督管理办法 第八条",
        )],
    ),
    (
        LOCAL,
        "np5",
        "王阿姨苏绣",
        3,
        30_000_000,
        &[
            (
                NATURAL,
                Negative,
                "个人销售自己绣制的家庭手工业产品（苏绣），电子商务法 第十条豁免，不受10万元限额约束",
            ),
            (
                LICENCE,
                Negative,
                "依法无须登记的自然人网店没有营业执照可公示，电子商务法 第十五条",
            ),
        ],
    ),
    (
        MALL,
        "np6",
        "小林香水分享",
        4,
        5_000_000,
        &[(
            NATURAL,
            Negative,
            "同一自然人两家网店合计99,999元（50,000+49,999），未超过10万元，网络交易监督管理办法 第八条",
        )],
    ),
    (
        LIVE,
        "np7",
        "小林闲置",
        4,
        4_999_900,
        &[(
            NATURAL,
            Negative,
            "同一自然人两家网店合计99,999元，未超过10万元，网络交易监督管理办法 第八条",
        )],
    ),
];

/// A valid company code of `adcode` whose check character is `0`.
fn code_with_zero_check(rng: &mut Rng, adcode: &str) -> String {
    loop {
        let candidate = code(rng, "91", adcode, true);
        if candidate.ends_with('0') {
            return candidate;
        }
    }
}

/// `uscc` with its first body character after the division code moved one place in the
/// character set, and a check character that fits.
fn one_off(uscc: &str) -> String {
    let chars = tianping_domain::value::USCC_CHARSET;
    let mut body: Vec<u8> = uscc.as_bytes()[..17].to_vec();
    let position = chars.iter().position(|c| *c == body[8]).unwrap_or(0);
    body[8] = chars[(position + 1) % chars.len()];
    let body = String::from_utf8(body).unwrap_or_default();
    let check = tianping_domain::value::uscc_check_character(&body).unwrap_or('0');
    format!("{body}{check}")
}

/// Rewrites `field` of the last row of `table` (supplier `supplier`) whose `key` is `value`.
fn patch(
    city: &mut City,
    (supplier, table): (&str, &str),
    (key, value): (&str, &str),
    field: &str,
    new: &str,
) {
    if let Some(row) = city
        .tables
        .get_mut(supplier)
        .and_then(|t| t.get_mut(table))
        .and_then(|rows| rows.iter_mut().rev().find(|r| r[key] == value))
    {
        row[field] = json!(new);
    }
}

/// The identity cases: each shop with one listing and its sales.
pub(crate) fn identities(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    let sold = |city: &mut City,
                rng: &mut Rng,
                shop: &mut Shop,
                order_no: &mut u64,
                closed: bool| {
        let l = HOUSE.goods(city, shop, "店铺常销款", "综合", "general", 8_800);
        if closed {
            for k in 0..5 {
                KIT.sell(city, rng, buyers, &l, order_no, -90 + 6 * k, l.price);
            }
        } else {
            super::market::CROWD.ordinary(city, rng, buyers, &l, 40, Some((300, 900)), order_no);
        }
    };
    for w in WHO {
        let mut shop = KIT.shop_with(city, rng, w.platform, w.tag, w.name, &w.reg);
        match w.twist {
            Twist::None => {}
            Twist::CheckZero => {
                let adcode = &shop.uscc[2..8];
                let zero = code_with_zero_check(rng, adcode);
                let old = shop.uscc.clone();
                patch(
                    city,
                    (w.platform, "merchants"),
                    ("uscc", &old),
                    "uscc",
                    &zero,
                );
                patch(
                    city,
                    ("registry", "registry"),
                    ("uscc", &old),
                    "uscc",
                    &zero,
                );
                shop.uscc = zero;
            }
            Twist::OneOff => {
                let registered = one_off(&shop.uscc);
                let (adcode, address) = KIT.address(rng);
                registry(
                    city,
                    rng,
                    &registered,
                    &shop.name,
                    "company",
                    &address,
                    adcode,
                    "active",
                    -1_400,
                    None,
                );
            }
            Twist::Brackets => {
                let base = shop.name.trim_end_matches("有限公司").to_string();
                let platform_name = format!("{base}有限公司（西湖分公司）");
                let registry_name = format!("{base}有限公司(西湖分公司)");
                let merchant = shop.merchant.clone();
                patch(
                    city,
                    (w.platform, "merchants"),
                    ("merchant_id", &merchant),
                    "name",
                    &platform_name,
                );
                let uscc = shop.uscc.clone();
                patch(
                    city,
                    ("registry", "registry"),
                    ("uscc", &uscc),
                    "name",
                    &registry_name,
                );
                shop.name = platform_name;
            }
        }
        sold(city, rng, &mut shop, order_no, w.reg.closed_on.is_some());
        for &(rule, label, why) in w.labels {
            KIT.t_subject(
                city,
                rule,
                "merchant",
                w.platform,
                &shop.merchant,
                label,
                why,
            );
        }
    }
    let holders: Vec<String> = (0..5).map(|_| rng.hex64()).collect();
    for &(platform, tag, name, holder, turnover, labels) in PEOPLE {
        let reg = Reg {
            holder: Some(&holders[holder]),
            ..reg("natural_person", None, true, false, turnover, None)
        };
        let mut shop = KIT.shop_with(city, rng, platform, tag, name, &reg);
        sold(city, rng, &mut shop, order_no, false);
        for &(rule, label, why) in labels {
            KIT.t_subject(city, rule, "merchant", platform, &shop.merchant, label, why);
        }
    }
}

const CLUSTER: &str = "registration_cluster.one_address";

/// A cluster case: the room key, its district, the address as each registration writes it,
/// (registrations, representatives, days over which they were registered, active ones), whether
/// the registrations are individual businesses, whether the first is the filed host, label and
/// reason.
type Host = (
    &'static str,
    &'static str,
    &'static [&'static str],
    (usize, usize, i64, usize),
    bool,
    bool,
    crate::truth::Label,
    &'static str,
);

/// Addresses hosting many registrations, a filed host, a shop front and a building.
pub(crate) fn hosts(city: &mut City, rng: &mut Rng) {
    const HOSTS: &[Host] = &[
        (
            "330106|留和路|1288|3||1205",
            "330106",
            &[
                "杭州市西湖区留下街道留和路1288号3幢1205室",
                "杭州市西湖区留和路１２８８号３幢１２０５室",
                "浙江省杭州市西湖区留和路1288号3幢1205",
            ],
            (8, 2, 6, 8),
            false,
            false,
            Positive,
            "6天内2人在同一房间登记8家香水贸易公司（正好8家，地址以全角数字、省略“室”等变换书写），无集群注册备案，市场主体登记管理条例 第十一条",
        ),
        (
            "330109|金城路|1366|A||2203",
            "330109",
            &[
                "杭州市萧山区北干街道金城路1366号A座2203室",
                "杭州市萧山区金城路1366号Ａ座2203室",
            ],
            (10, 1, 3, 10),
            true,
            false,
            Positive,
            "同一人3天内在同一房间登记10家美甲个体工商户，市场主体登记管理条例 第十一条",
        ),
        (
            "330113|迎宾路|1155|2||1701",
            "330113",
            &[
                "杭州市临平区南苑街道迎宾路1155号2幢1701室",
                "杭州市临平区迎宾路1155号2幢1701",
            ],
            (12, 2, 2, 12),
            false,
            false,
            Positive,
            "2天内2人在同一房间登记12家投影设备销售公司，市场主体登记管理条例 第十一条",
        ),
        (
            "330105|湖州街|1088|||808",
            "330105",
            &["杭州市拱墅区湖州街1088号808室"],
            (14, 14, 540, 14),
            false,
            true,
            Negative,
            "经备案的商务秘书企业提供集群注册住所托管，14家企业一年半里陆续登记，各有不同的负责人，属依法允许的集群注册，市场主体登记管理条例 第十一条",
        ),
        (
            "330102|清泰街|1071|||1",
            "330102",
            &["杭州市上城区清泰街1071号1室"],
            (10, 10, 3_300, 1),
            false,
            false,
            Negative,
            "同一沿街商铺九年里先后10个租户登记，只有最新一家存续，市场主体登记管理条例",
        ),
    ];
    for (h, &(key, adcode, spellings, (n, reps, span, active), individual, filed, label, why)) in
        HOSTS.iter().enumerate()
    {
        let reps: Vec<String> = (0..reps).map(|_| rng.hex64()).collect();
        for k in 0..n {
            let uscc = code(rng, if individual { "92" } else { "91" }, adcode, true);
            let established = -20 - span + (span * k as i64) / (n as i64).max(1);
            let status = if k + active >= n {
                "active"
            } else {
                "cancelled"
            };
            let (name, entity) = match (individual, filed && k == 0) {
                (true, _) => (
                    format!("杭州市萧山区甲{h}{k}号美甲店"),
                    "individual_business",
                ),
                (false, true) => ("杭州湖州街商务秘书有限公司".to_string(), "company"),
                (false, false) => (format!("杭州拾壹{h}{k}号贸易有限公司"), "company"),
            };
            registry(
                city,
                rng,
                &uscc,
                &name,
                entity,
                spellings[k % spellings.len()],
                adcode,
                status,
                established,
                Some(&reps[k % reps.len()]),
            );
            if filed && k == 0 {
                patch(
                    city,
                    ("registry", "registry"),
                    ("uscc", &uscc),
                    "business_scope",
                    "商务秘书服务（集群注册住所托管，已在杭州市市场监督管理局备案）",
                );
            }
        }
        KIT.t_global(city, CLUSTER, "address", key, label, why);
    }
    // A building of 12 rooms over three floors, one registration each.
    for room in 0..12usize {
        let uscc = code(rng, "91", "330114", true);
        let address = format!(
            "杭州市钱塘区白杨街道学林街1099号{}0{}室",
            5 + room / 4,
            1 + room % 4
        );
        registry(
            city,
            rng,
            &uscc,
            &format!("杭州白杨{room}号科技有限公司"),
            "company",
            &address,
            "330114",
            "active",
            -700 - 37 * room as i64,
            None,
        );
    }
    KIT.t_global(
        city,
        CLUSTER,
        "address",
        "330114|学林街|1099|||",
        Negative,
        "一栋写字楼12个独立房间各登记一家公司，一室一照，市场主体登记管理条例",
    );
}
