//! Identity cases (电子商务法 第十、十二、十五、二十七条; 网络交易监督管理办法 第八条), among them a
//! shop renamed mid-period and a person's shops on three platforms, and addresses hosting many
//! registrations written with 幢/栋/座 and full-width digits (市场主体登记管理条例).

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::City;
use crate::kit::rules::{CHECKSUM, DEREGISTERED, LICENCE, LISTED, Labels, NATURAL, UNKNOWN};
use crate::kit::{Reg, code, registry};
use crate::rng::Rng;
use crate::truth::Label::{Negative, Positive};

/// One identity case: platform, shop tag and name, how it is registered, the name the registry
/// now holds if the operator was renamed, and its labels.
struct Who {
    platform: &'static str,
    tag: &'static str,
    name: &'static str,
    reg: Reg<'static>,
    renamed: Option<&'static str>,
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
        name: "金缕阁",
        reg: reg("company", Some("active"), false, true, 28_000_000, None),
        renamed: None,
        labels: &[(
            CHECKSUM,
            Positive,
            "统一社会信用代码第18位校验字符与GB 32100-2015计算值不符（登记系统中为同一码），电子商务法 第十五条",
        )],
    },
    Who {
        platform: LOCAL,
        tag: "id-bad2",
        name: "潜行者装备",
        reg: reg("company", None, false, true, 19_000_000, None),
        renamed: None,
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
        name: "刻痕纹身",
        reg: reg(
            "individual_business",
            Some("active"),
            true,
            true,
            7_300_000,
            None,
        ),
        renamed: None,
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
        tag: "id-renamed",
        name: "雪峰户外",
        reg: reg("company", Some("active"), true, true, 33_000_000, None),
        renamed: Some("杭州雪峰冰雪运动有限公司"),
        labels: &[
            (
                UNKNOWN,
                Negative,
                "期间内公司更名，平台仍显示旧名，但统一社会信用代码不变且在登记系统中存续，电子商务法 第二十七条",
            ),
            (
                DEREGISTERED,
                Negative,
                "更名不是注销或吊销，主体资格延续，电子商务法 第二十七条",
            ),
        ],
    },
    Who {
        platform: LOCAL,
        tag: "id-unk1",
        name: "琴岛乐器",
        reg: reg("company", None, true, true, 22_000_000, None),
        renamed: None,
        labels: &[(
            UNKNOWN,
            Positive,
            "校验字符正确但登记系统查无此码，电子商务法 第二十七条",
        )],
    },
    Who {
        platform: MALL,
        tag: "id-gone1",
        name: "月光宝盒珠宝",
        reg: reg("company", Some("cancelled"), true, true, 41_000_000, None),
        renamed: None,
        labels: &[(
            DEREGISTERED,
            Positive,
            "公司已注销，店铺仍在平台营业销售，电子商务法 第十二条、第二十七条",
        )],
    },
    Who {
        platform: LIVE,
        tag: "id-gone2",
        name: "畅游潜水",
        reg: reg("company", Some("revoked"), true, true, 26_000_000, None),
        renamed: None,
        labels: &[(
            DEREGISTERED,
            Positive,
            "营业执照被吊销后仍在直播销售，电子商务法 第二十七条",
        )],
    },
    Who {
        platform: LOCAL,
        tag: "id-gone3",
        name: "旧时光积木",
        reg: reg(
            "company",
            Some("cancelled"),
            true,
            true,
            9_000_000,
            Some(-20),
        ),
        renamed: None,
        labels: &[(
            DEREGISTERED,
            Negative,
            "店铺在期间开始前20天已关闭，注销后没有经营，电子商务法 第二十七条",
        )],
    },
    Who {
        platform: MALL,
        tag: "id-abn1",
        name: "星河望远镜",
        reg: reg("company", Some("abnormal"), true, true, 17_000_000, None),
        renamed: None,
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
        name: "悦禧母婴护理",
        reg: reg(
            "company",
            Some("serious_violation"),
            true,
            true,
            52_000_000,
            None,
        ),
        renamed: None,
        labels: &[(
            LISTED,
            Positive,
            "列入严重违法失信名单仍在经营，网络交易监督管理办法",
        )],
    },
    Who {
        platform: MALL,
        tag: "id-ok2",
        name: "锐锋工具",
        reg: reg("company", Some("active"), true, true, 61_000_000, None),
        renamed: None,
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
        name: "岩壁攀岩用品",
        reg: reg("company", Some("active"), true, false, 14_000_000, None),
        renamed: None,
        labels: &[(
            LICENCE,
            Positive,
            "公司店铺未公示营业执照链接，电子商务法 第十五条",
        )],
    },
    Who {
        platform: LIVE,
        tag: "id-lic2",
        name: "小陶手作",
        reg: reg(
            "individual_business",
            Some("active"),
            true,
            false,
            8_100_000,
            None,
        ),
        renamed: None,
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
        "阿伟二手工具",
        0,
        4_000_001,
        &[(
            NATURAL,
            Positive,
            "同一自然人在三个平台的网店年交易额合计100,000.01元（40,000.01+30,000+30,000），超过10万元仍未登记，电子商务法 第十条；网络交易监督管理办法 第八条",
        )],
    ),
    (
        LOCAL,
        "np2",
        "阿伟工具铺",
        0,
        3_000_000,
        &[(
            NATURAL,
            Positive,
            "同一自然人三家网店合计100,000.01元，超过10万元，电子商务法 第十条",
        )],
    ),
    (
        LIVE,
        "np3",
        "阿伟修工具",
        0,
        3_000_000,
        &[(
            NATURAL,
            Positive,
            "同一自然人三家网店合计100,000.01元，超过10万元，电子商务法 第十条",
        )],
    ),
    (
        LOCAL,
        "np4",
        "小雅中古",
        1,
        6_000_000,
        &[
            (
                NATURAL,
                Negative,
                "同一自然人两家网店合计99,999.99元，未超过10万元，网络交易监督管理办法 第八条",
            ),
            (
                LICENCE,
                Negative,
                "依法不需登记的自然人网店无营业执照可公示，电子商务法 第十五条",
            ),
        ],
    ),
    (
        MALL,
        "np5",
        "小雅闲置",
        1,
        3_999_999,
        &[(
            NATURAL,
            Negative,
            "同一自然人两家网店合计99,999.99元，未超过10万元，网络交易监督管理办法 第八条",
        )],
    ),
    (
        LOCAL,
        "np6",
        "老周柴烧陶",
        2,
        24_000_000,
        &[(
            NATURAL,
            Negative,
            "个人销售自制的家庭手工业产品（柴烧陶器），电子商务法 第十条豁免，不受10万元限额约束",
        )],
    ),
];

/// The identity cases: each shop with one listing and its sales.
pub(crate) fn identities(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    let sold = |city: &mut City,
                rng: &mut Rng,
                shop: &mut crate::kit::Shop,
                order_no: &mut u64,
                closed: bool| {
        let l = HOUSE.goods(city, shop, "店铺热销款", "综合", "general", 7_900);
        if closed {
            for k in 0..4 {
                KIT.sell(city, rng, buyers, &l, order_no, -70 + 7 * k, l.price);
            }
        } else {
            super::market::CROWD.ordinary(city, rng, buyers, &l, 40, Some((250, 800)), order_no);
        }
    };
    for w in WHO {
        let mut shop = KIT.shop_with(city, rng, w.platform, w.tag, w.name, &w.reg);
        if let Some(new_name) = w.renamed {
            // The registry holds the new name; the platform still shows the old one.
            if let Some(row) = city
                .tables
                .get_mut("registry")
                .and_then(|t| t.get_mut("registry"))
                .and_then(|rows| {
                    rows.iter_mut()
                        .rev()
                        .find(|r| r["uscc"] == shop.uscc.as_str())
                })
            {
                row["name"] = json!(new_name);
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
    let holders: Vec<String> = (0..3).map(|_| rng.hex64()).collect();
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
/// (registrations, representatives, days over which they were registered, active ones),
/// whether the first registration is the filed host, label and reason.
type Host = (
    &'static str,
    &'static str,
    &'static [&'static str],
    (usize, usize, i64, usize),
    bool,
    crate::truth::Label,
    &'static str,
);

/// Addresses hosting many registrations, a filed host, a building and a shop front.
pub(crate) fn hosts(city: &mut City, rng: &mut Rng) {
    const HOSTS: &[Host] = &[
        (
            "330108|江虹路|1166|2||1108",
            "330108",
            &[
                "杭州市滨江区江虹路1166号2幢1108室",
                "杭州市滨江区江虹路１１６６号２幢１１０８室",
                "浙江省杭州市滨江区江虹路1166号2栋1108室",
            ],
            (11, 3, 20, 11),
            false,
            Positive,
            "20天内3人在同一房间登记11家电动工具贸易公司（地址以幢/栋、全角数字变换书写），无集群注册备案，市场主体登记管理条例 第十一条",
        ),
        (
            "330102|秋涛路|1077|B||605",
            "330102",
            &[
                "杭州市上城区秋涛路1077号B座605室",
                "杭州市上城区秋涛路1077号b座605",
            ],
            (9, 1, 2, 9),
            false,
            Positive,
            "同一人两天内在同一房间登记9家珠宝销售公司，市场主体登记管理条例 第十一条",
        ),
        (
            "330113|星桥北路|1035||3|702",
            "330113",
            &[
                "杭州市临平区星桥街道星桥北路1035号3单元702室",
                "杭州市临平区星桥北路1035号3单元702",
            ],
            (8, 2, 5, 8),
            false,
            Positive,
            "5天内2人在同一住宅房间登记8家纹身工作室（个体工商户），市场主体登记管理条例 第十一条",
        ),
        (
            "330106|学院路|1020|||501",
            "330106",
            &["杭州市西湖区学院路1020号501室"],
            (15, 15, 600, 15),
            true,
            Negative,
            "经备案的商务秘书企业提供集群注册住所托管，15家企业一年多里陆续登记，各有不同的负责人，属依法允许的集群注册，市场主体登记管理条例 第十一条",
        ),
        (
            "330105|莫干山路|1049|||101",
            "330105",
            &["杭州市拱墅区莫干山路1049号101室"],
            (9, 9, 3_100, 1),
            false,
            Negative,
            "同一沿街商铺八年多里先后9个租户登记，只有最新一家存续，市场主体登记管理条例",
        ),
    ];
    for (h, &(key, adcode, spellings, (n, reps, span, active), filed, label, why)) in
        HOSTS.iter().enumerate()
    {
        let reps: Vec<String> = (0..reps).map(|_| rng.hex64()).collect();
        let individual = h == 2;
        for k in 0..n {
            let uscc = code(rng, if individual { "92" } else { "91" }, adcode, true);
            let established = -30 - span + (span * k as i64) / (n as i64).max(1);
            let status = if k + active >= n {
                "active"
            } else {
                "cancelled"
            };
            let (name, entity) = match (individual, filed && k == 0) {
                (true, _) => (format!("杭州市拾{h}{k}号纹身工作室"), "individual_business"),
                (false, true) => ("杭州学院路商务秘书有限公司".to_string(), "company"),
                (false, false) => (format!("杭州拾{h}{k}号商贸有限公司"), "company"),
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
                // The host's scope says what it is.
                if let Some(row) = city
                    .tables
                    .get_mut("registry")
                    .and_then(|t| t.get_mut("registry"))
                    .and_then(|rows| rows.last_mut())
                {
                    row["business_scope"] =
                        json!("商务秘书服务（集群注册住所托管，已在杭州市市场监督管理局备案）");
                }
            }
        }
        KIT.t_global(city, CLUSTER, "address", key, label, why);
    }
    // A building of 13 rooms, one registration each.
    for room in 0..13usize {
        let uscc = code(rng, "91", "330114", true);
        let address = format!(
            "杭州市钱塘区下沙路1061号{}0{}室",
            3 + room / 6,
            1 + room % 6
        );
        registry(
            city,
            rng,
            &uscc,
            &format!("杭州下沙{room}号科技有限公司"),
            "company",
            &address,
            "330114",
            "active",
            -500 - 41 * room as i64,
            None,
        );
    }
    KIT.t_global(
        city,
        CLUSTER,
        "address",
        "330114|下沙路|1061|||",
        Negative,
        "一栋写字楼13个独立房间各登记一家公司，一室一照，市场主体登记管理条例",
    );
}
