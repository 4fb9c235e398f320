//! Identity cases (电子商务法 第十、十二、十五、二十七条; 网络交易监督管理办法 第八条), among them a
//! declared code with two adjacent characters swapped against the registered one, a renamed
//! company whose registry name is the new one, a person's three shops at ¥100,000.01, a shop at
//! exactly ¥100,000, household handicraft and convenience labour; and addresses hosting many
//! registrations written with 弄, 号院, full-width digits and letters (市场主体登记管理条例).

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
    /// The registry holds the operator under the code with two adjacent body characters swapped
    /// (and a check character that fits); the declared code is not registered.
    Swapped,
    /// The company was renamed: the registry has its new name, the platform still shows the old
    /// one; the code is the same.
    Renamed,
    /// The code is redrawn until its check character is `Y`, the last of the character set (30).
    CheckY,
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
        name: "壶韵茶器",
        reg: reg("company", Some("active"), false, true, 28_000_000, None),
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
        name: "洁家清洗",
        reg: reg("company", None, false, true, 14_000_000, None),
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
        name: "珠语饰品",
        reg: reg(
            "individual_business",
            Some("active"),
            true,
            true,
            7_300_000,
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
        tag: "id-y",
        name: "壶艺轩",
        reg: reg("company", Some("active"), true, true, 17_000_000, None),
        twist: Twist::CheckY,
        labels: &[(
            CHECKSUM,
            Negative,
            "31减加权和的余数得30，按GB 32100-2015记为字符集最后一位“Y”，校验字符正确（电子商务法 第十五条）",
        )],
    },
    Who {
        platform: LOCAL,
        tag: "id-unk1",
        name: "码力编程",
        reg: reg("company", None, true, true, 13_000_000, None),
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
        name: "韵木家居",
        reg: reg("company", None, true, true, 29_000_000, None),
        twist: Twist::Swapped,
        labels: &[(
            UNKNOWN,
            Positive,
            "店铺登记的代码（校验正确）把登记系统中同名公司代码的两位相邻字符对调了，店铺所用代码查无登记，电子商务法 第二十七条",
        )],
    },
    Who {
        platform: LOCAL,
        tag: "id-renamed",
        name: "悦整收纳",
        reg: reg("company", Some("active"), true, true, 11_000_000, None),
        twist: Twist::Renamed,
        labels: &[(
            UNKNOWN,
            Negative,
            "公司已更名，登记系统是新名称、平台仍显示旧名称，但代码相同且存续，主体可查，电子商务法 第二十七条",
        )],
    },
    Who {
        platform: MALL,
        tag: "id-gone1",
        name: "步云跑鞋",
        reg: reg("company", Some("cancelled"), true, true, 33_000_000, None),
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
        name: "静享按摩",
        reg: reg("company", Some("revoked"), true, true, 18_000_000, None),
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
        name: "旧时糕饼",
        reg: reg(
            "company",
            Some("cancelled"),
            true,
            true,
            4_000_000,
            Some(-52),
        ),
        twist: Twist::None,
        labels: &[(
            DEREGISTERED,
            Negative,
            "店铺在期间开始前52天关店，注销后没有经营，电子商务法 第二十七条",
        )],
    },
    Who {
        platform: MALL,
        tag: "id-abn1",
        name: "澄明净水",
        reg: reg("company", Some("abnormal"), true, true, 21_000_000, None),
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
        name: "林间民宿",
        reg: reg(
            "company",
            Some("serious_violation"),
            true,
            true,
            8_600_000,
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
        platform: LIVE,
        tag: "id-abn3",
        name: "镜界摄影器材",
        reg: reg(
            "company",
            Some("abnormal"),
            true,
            true,
            2_600_000,
            Some(-75),
        ),
        twist: Twist::None,
        labels: &[(
            LISTED,
            Negative,
            "列入经营异常名录，但店铺在期间开始前75天已关闭，期间内没有经营，网络交易监督管理办法",
        )],
    },
    Who {
        platform: MALL,
        tag: "id-ok2",
        name: "舞韵服饰",
        reg: reg("company", Some("active"), true, true, 41_000_000, None),
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
        name: "净彩家电清洗",
        reg: reg("company", Some("active"), true, false, 12_500_000, None),
        twist: Twist::None,
        labels: &[(
            LICENCE,
            Positive,
            "公司店铺未在首页公示营业执照信息或链接，电子商务法 第十五条",
        )],
    },
    Who {
        platform: LIVE,
        tag: "id-lic2",
        name: "茶油姐",
        reg: reg(
            "individual_business",
            Some("active"),
            true,
            false,
            6_100_000,
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
        "阿杰闲置镜头",
        0,
        3_333_334,
        &[(
            NATURAL,
            Positive,
            "同一自然人三家网店年交易额合计100,000.01元（33,333.34+33,333.34+33,333.33），超过10万元仍未登记，电子商务法 第十条；网络交易监督管理办法 第八条",
        )],
    ),
    (
        LOCAL,
        "np2",
        "阿杰器材",
        0,
        3_333_334,
        &[(
            NATURAL,
            Positive,
            "同一自然人三家网店合计100,000.01元，超过10万元，电子商务法 第十条",
        )],
    ),
    (
        LIVE,
        "np3",
        "阿杰摄影",
        0,
        3_333_333,
        &[(
            NATURAL,
            Positive,
            "同一自然人三家网店合计100,000.01元，超过10万元，电子商务法 第十条",
        )],
    ),
    (
        MALL,
        "np4",
        "小陈茶器转让",
        1,
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
        "周阿姨手工编织",
        2,
        21_000_000,
        &[
            (
                NATURAL,
                Negative,
                "个人销售自己编织的收纳篮等家庭手工业产品，电子商务法 第十条豁免，不受10万元限额约束",
            ),
            (
                LICENCE,
                Negative,
                "依法无须登记的自然人网店没有营业执照可公示，电子商务法 第十五条",
            ),
        ],
    ),
    (
        LOCAL,
        "np6",
        "小吴上门收纳",
        3,
        16_000_000,
        &[(
            NATURAL,
            Negative,
            "个人利用自己的技能上门整理收纳，属依法无须取得许可的便民劳务活动，电子商务法 第十条豁免",
        )],
    ),
    (
        LIVE,
        "np7",
        "跑团老李",
        4,
        13_500_000,
        &[(
            NATURAL,
            Positive,
            "转卖跑鞋的自然人直播店年交易额13.5万元，超过10万元仍未登记，电子商务法 第十条",
        )],
    ),
];

/// `uscc` with the two body characters after the division code swapped (they differ), and a
/// check character that fits.
fn swapped(uscc: &str) -> String {
    let mut body: Vec<u8> = uscc.as_bytes()[..17].to_vec();
    let (i, j) = (8..16)
        .find(|&i| body[i] != body[i + 1])
        .map_or((8, 9), |i| (i, i + 1));
    body.swap(i, j);
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
            Twist::Swapped => {
                let registered = swapped(&shop.uscc);
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
                    -1_650,
                    None,
                );
            }
            Twist::CheckY => {
                let adcode = shop.uscc[2..8].to_string();
                let y = loop {
                    let candidate = code(rng, "91", &adcode, true);
                    if candidate.ends_with('Y') {
                        break candidate;
                    }
                };
                let old = shop.uscc.clone();
                patch(city, (w.platform, "merchants"), ("uscc", &old), "uscc", &y);
                patch(city, ("registry", "registry"), ("uscc", &old), "uscc", &y);
                shop.uscc = y;
            }
            Twist::Renamed => {
                let uscc = shop.uscc.clone();
                let renamed = format!("杭州{}家居服务有限公司", w.name);
                patch(
                    city,
                    ("registry", "registry"),
                    ("uscc", &uscc),
                    "name",
                    &renamed,
                );
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
            "330108|滨安路|1180弄3|||1502",
            "330108",
            &[
                "杭州市滨江区滨安路1180弄3号1502室",
                "杭州市滨江区滨安路１１８０弄３号１５０２室",
                "浙江省杭州市滨江区长河街道滨安路1180弄3号1502",
            ],
            (9, 3, 5, 9),
            false,
            false,
            Positive,
            "5天内3人在同一房间登记9家茶具贸易公司（地址以“弄”、全角数字、省略“室”等变换书写），无集群注册备案，市场主体登记管理条例 第十一条",
        ),
        (
            "330110|荆长路|1288|2||1106",
            "330110",
            &[
                "杭州市余杭区五常街道荆长路1288号院2号楼1106室",
                "杭州市余杭区荆长路1288号院2号楼1106",
            ],
            (8, 1, 2, 8),
            true,
            false,
            Positive,
            "同一人2天内在同一房间登记8家家电清洗个体工商户（地址写作“号院”“号楼”），市场主体登记管理条例 第十一条",
        ),
        (
            "330113|星桥路|1566|B||906",
            "330113",
            &[
                "杭州市临平区东湖街道星桥路1566号Ｂ座906室",
                "杭州市临平区星桥路1566号B座906室",
            ],
            (11, 2, 4, 11),
            false,
            false,
            Positive,
            "4天内2人在同一房间登记11家跑鞋销售公司（“Ｂ座”全角与半角混写），市场主体登记管理条例 第十一条",
        ),
        (
            "330102|钱江路|1366|||1701",
            "330102",
            &["杭州市上城区钱江路1366号1701室"],
            (16, 16, 600, 16),
            false,
            true,
            Negative,
            "经备案的商务秘书企业提供集群注册住所托管，16家企业一年半里陆续登记，各有不同的负责人，属依法允许的集群注册，市场主体登记管理条例 第十一条",
        ),
        (
            "330105|大关路|1211|||1",
            "330105",
            &["杭州市拱墅区大关路1211号1室"],
            (9, 9, 3_000, 1),
            false,
            false,
            Negative,
            "同一沿街商铺八年多里先后9个租户登记，只有最新一家存续，市场主体登记管理条例",
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
                    format!("杭州市余杭区洁{h}{k}号家电清洗店"),
                    "individual_business",
                ),
                (false, true) => ("杭州钱江路商务秘书有限公司".to_string(), "company"),
                (false, false) => (format!("杭州拾贰{h}{k}号商贸有限公司"), "company"),
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
    // A building of 12 rooms over four floors, one registration each.
    for room in 0..12usize {
        let uscc = code(rng, "91", "330113", true);
        let address = format!(
            "杭州市临平区南苑街道人民大道1288号{}0{}室",
            11 + room / 3,
            1 + room % 3
        );
        registry(
            city,
            rng,
            &uscc,
            &format!("杭州人民{room}号网络科技有限公司"),
            "company",
            &address,
            "330113",
            "active",
            -640 - 41 * room as i64,
            None,
        );
    }
    KIT.t_global(
        city,
        CLUSTER,
        "address",
        "330113|人民大道|1288|||",
        Negative,
        "一栋写字楼12个独立房间各登记一家公司，一室一照，市场主体登记管理条例",
    );
}
