//! Identity cases (电子商务法 第十、十五、二十七条; 网络交易监督管理办法 第八条) and addresses
//! hosting many registrations (市场主体登记管理条例).

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::City;
use crate::kit::rules::{CHECKSUM, DEREGISTERED, LICENCE, LISTED, NATURAL, UNKNOWN};
use crate::kit::{Reg, code, registry};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative, Positive};

/// One identity case: platform, shop tag and name, how it is registered, and its labels.
struct Who {
    platform: &'static str,
    tag: &'static str,
    name: &'static str,
    reg: Reg<'static>,
    labels: &'static [(&'static str, Label, &'static str)],
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
        name: "鲜竹优选",
        reg: reg("company", Some("active"), false, true, 31_000_000, None),
        labels: &[(
            CHECKSUM,
            Positive,
            "统一社会信用代码校验位错误（登记系统中同一错码，按数据标准为警告级发现），GB 32100-2015；电子商务法 第十五条",
        )],
    },
    Who {
        platform: LOCAL,
        tag: "id-bad2",
        name: "宠趣坊",
        reg: reg("company", None, false, true, 21_000_000, None),
        labels: &[
            (
                CHECKSUM,
                Positive,
                "代码校验位错误，登记系统也查无此码，GB 32100-2015；电子商务法 第十五条",
            ),
            (
                UNKNOWN,
                Positive,
                "登记系统查无此统一社会信用代码，电子商务法 第十五条、第二十七条",
            ),
        ],
    },
    Who {
        platform: MALL,
        tag: "id-ok1",
        name: "钓趣户外",
        reg: reg(
            "individual_business",
            Some("active"),
            true,
            true,
            9_800_000,
            None,
        ),
        labels: &[
            (
                CHECKSUM,
                Negative,
                "个体工商户92开头的代码校验位正确，GB 32100-2015（电子商务法 第十五条）",
            ),
            (
                UNKNOWN,
                Negative,
                "个体工商户在登记系统中有记录且存续，电子商务法 第二十七条",
            ),
        ],
    },
    Who {
        platform: LIVE,
        tag: "id-ok2",
        name: "航拍工坊",
        reg: reg("company", Some("active"), true, true, 52_000_000, None),
        labels: &[
            (
                CHECKSUM,
                Negative,
                "代码校验位正确，GB 32100-2015（电子商务法 第十五条）",
            ),
            (
                LISTED,
                Negative,
                "登记状态为存续，不在经营异常名录或严重违法失信名单，电子商务法 第二十七条",
            ),
        ],
    },
    Who {
        platform: LOCAL,
        tag: "id-unk1",
        name: "安吉山茶",
        reg: reg("company", None, true, true, 26_000_000, None),
        labels: &[(
            UNKNOWN,
            Positive,
            "校验位正确但登记系统查无此码，电子商务法 第二十七条",
        )],
    },
    Who {
        platform: MALL,
        tag: "id-unk2",
        name: "镜界",
        reg: reg("individual_business", None, true, true, 7_400_000, None),
        labels: &[(
            UNKNOWN,
            Positive,
            "个体工商户的92代码登记系统查无，电子商务法 第二十七条",
        )],
    },
    Who {
        platform: LOCAL,
        tag: "id-unk3",
        name: "鲜花小筑",
        reg: reg("company", Some("active"), true, false, 18_000_000, None),
        labels: &[
            (
                UNKNOWN,
                Negative,
                "代码在登记系统中存续，电子商务法 第二十七条",
            ),
            (
                LICENCE,
                Positive,
                "公司店铺未在首页显著位置公示营业执照链接，电子商务法 第十五条",
            ),
        ],
    },
    Who {
        platform: MALL,
        tag: "id-gone1",
        name: "婚礼时光摄影",
        reg: reg("company", Some("cancelled"), true, true, 33_000_000, None),
        labels: &[(
            DEREGISTERED,
            Positive,
            "公司已注销仍在平台开店销售，电子商务法 第十二条、第二十七条",
        )],
    },
    Who {
        platform: LOCAL,
        tag: "id-gone2",
        name: "畅行租车",
        reg: reg("company", Some("revoked"), true, true, 41_000_000, None),
        labels: &[(
            DEREGISTERED,
            Positive,
            "营业执照被吊销后仍在经营，电子商务法 第二十七条",
        )],
    },
    Who {
        platform: MALL,
        tag: "id-gone3",
        name: "竹影家居",
        reg: reg(
            "company",
            Some("cancelled"),
            true,
            true,
            12_000_000,
            Some(-31),
        ),
        labels: &[(
            DEREGISTERED,
            Negative,
            "公司注销前店铺已于期间开始前31天关闭，注销后没有经营，电子商务法 第二十七条",
        )],
    },
    Who {
        platform: LIVE,
        tag: "id-abn1",
        name: "声浪娱乐",
        reg: reg("company", Some("abnormal"), true, true, 27_000_000, None),
        labels: &[
            (
                LISTED,
                Positive,
                "被列入经营异常名录仍在经营（按数据标准的身份规则为发现），网络交易监督管理办法",
            ),
            (
                DEREGISTERED,
                Negative,
                "经营异常名录不是注销或吊销，主体资格仍在，电子商务法 第二十七条",
            ),
        ],
    },
    Who {
        platform: MALL,
        tag: "id-abn2",
        name: "齿白白",
        reg: reg(
            "company",
            Some("serious_violation"),
            true,
            true,
            16_000_000,
            None,
        ),
        labels: &[(
            LISTED,
            Positive,
            "列入严重违法失信名单仍在销售，网络交易监督管理办法",
        )],
    },
    Who {
        platform: LOCAL,
        tag: "id-ok3",
        name: "毛球宠物店",
        reg: reg(
            "individual_business",
            Some("active"),
            true,
            true,
            6_100_000,
            None,
        ),
        labels: &[
            (
                LISTED,
                Negative,
                "个体工商户存续，不在任何名录，网络交易监督管理办法",
            ),
            (
                LICENCE,
                Negative,
                "个体工商户已公示营业执照链接，电子商务法 第十五条",
            ),
        ],
    },
    Who {
        platform: MALL,
        tag: "id-lic1",
        name: "飞鱼渔具",
        reg: reg(
            "individual_business",
            Some("active"),
            true,
            false,
            8_800_000,
            None,
        ),
        labels: &[(
            LICENCE,
            Positive,
            "个体工商户未公示营业执照，电子商务法 第十五条",
        )],
    },
];

/// Natural persons' shops: (platform, tag, name, holder index, turnover, labels).
type Person = (
    &'static str,
    &'static str,
    &'static str,
    usize,
    i64,
    &'static [(&'static str, Label, &'static str)],
);

const PEOPLE: &[Person] = &[
    (
        MALL,
        "np1",
        "阿杰二手机",
        0,
        10_000_100,
        &[(
            NATURAL,
            Positive,
            "自然人网店年交易额100,001元，超过10万元的零星小额标准仍未登记，电子商务法 第十条；网络交易监督管理办法 第八条",
        )],
    ),
    (
        MALL,
        "np2",
        "小周宠物用品",
        1,
        4_000_000,
        &[(
            NATURAL,
            Positive,
            "同一自然人三家网店年交易额合计105,000元（40,000+35,000+30,000），超过10万元，电子商务法 第十条",
        )],
    ),
    (
        LOCAL,
        "np3",
        "小周宠物",
        1,
        3_500_000,
        &[(
            NATURAL,
            Positive,
            "同一自然人三家网店合计105,000元，超过10万元，电子商务法 第十条",
        )],
    ),
    (
        LIVE,
        "np4",
        "小周萌宠",
        1,
        3_000_000,
        &[(
            NATURAL,
            Positive,
            "同一自然人三家网店合计105,000元，超过10万元，电子商务法 第十条",
        )],
    ),
    (
        LOCAL,
        "np5",
        "阿芳手作花束",
        2,
        10_000_000,
        &[
            (
                NATURAL,
                Negative,
                "年交易额恰为100,000元，未超过10万元，网络交易监督管理办法 第八条",
            ),
            (
                LICENCE,
                Negative,
                "依法不需登记的自然人网店无营业执照可公示（应公示自我声明），电子商务法 第十五条",
            ),
        ],
    ),
    (
        MALL,
        "np6",
        "老林家冬笋",
        3,
        18_000_000,
        &[(
            NATURAL,
            Negative,
            "农户销售自产农副产品（自家竹林冬笋），电子商务法 第十条豁免，不受10万元限额约束",
        )],
    ),
];

/// The identity cases: each shop with one listing and its sales.
pub(crate) fn identities(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    // A shop's one listing: ordinary sales over forty days, or three sales before the period
    // for a shop that closed before it.
    let sold = |city: &mut City,
                rng: &mut Rng,
                shop: &mut crate::kit::Shop,
                order_no: &mut u64,
                closed: bool| {
        let l = HOUSE.goods(city, shop, "店铺主推商品", "综合", "general", 6_900);
        if closed {
            for k in 0..3 {
                KIT.sell(city, rng, buyers, &l, order_no, -60 + 5 * k, l.price);
            }
        } else {
            super::market::CROWD.ordinary(city, rng, buyers, &l, 40, Some((300, 900)), order_no);
        }
    };
    for w in WHO {
        let mut shop = KIT.shop_with(city, rng, w.platform, w.tag, w.name, &w.reg);
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
    let holders: Vec<String> = (0..4).map(|_| rng.hex64()).collect();
    for &(platform, tag, name, holder, turnover, labels) in PEOPLE {
        let reg = Reg {
            holder: Some(&holders[holder]),
            license: false,
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

/// A cluster case: the room key of its addresses, the address as each registration writes it,
/// (registrations, representatives, days over which they were registered, active ones), label
/// and reason.
type Host = (
    &'static str,
    &'static [&'static str],
    (usize, usize, i64, usize),
    Label,
    &'static str,
);

/// Addresses hosting many registrations, and three that host many lawfully.
pub(crate) fn hosts(city: &mut City, rng: &mut Rng) {
    const HOSTS: &[Host] = &[
        (
            "330110|文一西路|9188|3||201",
            &[
                "杭州市余杭区文一西路9188号3幢201室",
                "浙江省杭州市余杭区文一西路9188号3幢201室",
                "杭州市余杭区文一西路9188号3栋201室",
            ],
            (12, 2, 9, 12),
            Positive,
            "9天内2人在同一房间登记12家电商公司，无集群注册托管备案，市场主体登记管理条例 第十一条",
        ),
        (
            "330113|迎宾路|9216|||808",
            &[
                "杭州市临平区南苑街道迎宾路9216号808室",
                "杭州市临平区迎宾路9216号808室",
            ],
            (10, 1, 1, 10),
            Positive,
            "同一人同一天在一个房间登记10家宠物美容个体工商户，市场主体登记管理条例 第十一条",
        ),
        (
            "330109|金城路|9327||1|1502",
            &[
                "杭州市萧山区金城路9327号1单元1502室",
                "杭州市萧山区金城路9327号1单元1502",
            ],
            (9, 3, 14, 9),
            Positive,
            "14天内3人在同一房间登记9家无人机贸易公司，注册资本相同，市场主体登记管理条例 第十一条",
        ),
        (
            "330105|湖墅南路|9433|||101",
            &["杭州市拱墅区湖墅南路9433号101室"],
            (10, 10, 2_900, 1),
            Negative,
            "同一沿街商铺八年间先后10个租户登记，仅最新一家存续，其余已注销，市场主体登记管理条例",
        ),
    ];
    for (h, &(key, spellings, (n, reps, span, active), label, why)) in HOSTS.iter().enumerate() {
        let reps: Vec<String> = (0..reps).map(|_| rng.hex64()).collect();
        let adcode = if h == 1 {
            "330113"
        } else if h == 2 {
            "330109"
        } else if h == 3 {
            "330105"
        } else {
            "330110"
        };
        for k in 0..n {
            let individual = h == 1;
            let uscc = code(rng, if individual { "92" } else { "91" }, adcode, true);
            let established = -40 - span + (span * k as i64) / (n as i64).max(1);
            let status = if k + active >= n {
                "active"
            } else {
                "cancelled"
            };
            registry(
                city,
                rng,
                &uscc,
                &format!(
                    "杭州寰{h}{k}号{}",
                    if individual {
                        "宠物美容店"
                    } else {
                        "电子商务有限公司"
                    }
                ),
                if individual {
                    "individual_business"
                } else {
                    "company"
                },
                spellings[k % spellings.len()],
                adcode,
                status,
                established,
                Some(&reps[k % reps.len()]),
            );
        }
        KIT.t_global(city, CLUSTER, "address", key, label, why);
    }
    // Two buildings: each room holds one registration.
    let floors: &[(&str, &str, &str, &str)] = &[
        (
            "330108|江南大道|9518|||",
            "杭州市滨江区江南大道9518号",
            "330108",
            "一栋写字楼12个房间各登记一家公司，每室一照，市场主体登记管理条例",
        ),
        (
            "330106|古墩路|9624|||",
            "杭州市西湖区古墩路9624号",
            "330106",
            "孵化器14个独立房间各一家初创公司，市场主体登记管理条例",
        ),
    ];
    for (f, &(key, base, adcode, why)) in floors.iter().enumerate() {
        for room in 0..12 + 2 * f {
            let uscc = code(rng, "91", adcode, true);
            let address = format!("{base}{}0{}室", 3 + room / 6, 1 + room % 6);
            registry(
                city,
                rng,
                &uscc,
                &format!("杭州楼宇{f}{room}科技有限公司"),
                "company",
                &address,
                adcode,
                "active",
                -400 - 37 * room as i64,
                None,
            );
        }
        KIT.t_global(city, CLUSTER, "address", key, Negative, why);
    }
}
