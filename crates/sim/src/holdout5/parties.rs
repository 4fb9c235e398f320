//! The fifth set's operator cases: identity and registration of shops (电子商务法 第十条、
//! 第十五条、第二十七条; 网络交易监督管理办法 第八条's ¥100,000 exemption added across
//! platforms; GB 32100; the 经营异常名录 and 严重违法失信名单) and many operators registered at one
//! address (市场主体登记管理条例).

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
    let (over, under) = (rng.hex64(), rng.hex64());
    /// A natural person's shop of `holder` with `turnover` (fen).
    fn person(holder: &str, turnover: i64) -> Reg<'_> {
        Reg {
            merchant_type: "natural_person",
            holder: Some(holder),
            license: false,
            turnover,
            ..KIT.reg()
        }
    }
    type Labels = &'static [(&'static str, Label, &'static str)];
    // (platform, tag, name, registration, category, the rules it is labelled under)
    let cases: Vec<(&str, &str, &str, Reg<'_>, &str, Labels)> = vec![
        (
            MALL,
            "id-chk-known",
            "宠物之家",
            Reg {
                valid_code: false,
                ..KIT.reg()
            },
            "宠物/用品",
            &[(
                CHECKSUM,
                P,
                "统一社会信用代码的校验位不符合GB 32100；按数据标准这是应提示的警告，即使登记系统里有这个代码（电子商务法第十五条）",
            )],
        ),
        (
            LOCAL,
            "id-chk-unknown",
            "快修家电",
            Reg {
                valid_code: false,
                status: None,
                ..KIT.reg()
            },
            "生活服务/维修",
            &[
                (
                    CHECKSUM,
                    P,
                    "统一社会信用代码校验位错误（GB 32100；电子商务法第十五条）",
                ),
                (
                    UNKNOWN,
                    P,
                    "该代码在登记系统中查无此主体（电子商务法第二十七条：平台应核验登记信息）",
                ),
            ],
        ),
        (
            MALL,
            "id-unknown",
            "环球跨境小站",
            Reg {
                status: None,
                ..KIT.reg()
            },
            "跨境/保健",
            &[(
                UNKNOWN,
                P,
                "代码校验位正确，但登记系统中没有这个主体（电子商务法第二十七条）",
            )],
        ),
        (
            LIVE,
            "id-cancelled",
            "甜心烘焙直播",
            Reg {
                status: Some("cancelled"),
                ..KIT.reg()
            },
            "直播/烘焙",
            &[(
                DEREGISTERED,
                P,
                "公司已注销登记，直播间店铺在期间内仍在接单销售（电子商务法第十条、第二十七条）",
            )],
        ),
        (
            LOCAL,
            "id-revoked",
            "金管家家政",
            Reg {
                merchant_type: "individual_business",
                status: Some("revoked"),
                ..KIT.reg()
            },
            "生活服务/家政",
            &[(
                DEREGISTERED,
                P,
                "个体工商户营业执照已被吊销，家政店铺仍在期间内接单（电子商务法第十条、第二十七条）",
            )],
        ),
        (
            MALL,
            "id-abnormal",
            "恒泰日化批发",
            Reg {
                status: Some("abnormal"),
                ..KIT.reg()
            },
            "批发/日化",
            &[
                (
                    LISTED,
                    P,
                    "被列入经营异常名录的经营者仍在平台持续销售，平台应核验并提示（电子商务法第二十七条；企业信息公示暂行条例第十七条）",
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
            "潮品汇直播",
            Reg {
                status: Some("serious_violation"),
                ..KIT.reg()
            },
            "直播/潮玩",
            &[
                (
                    LISTED,
                    P,
                    "被列入严重违法失信名单的经营者在直播平台持续销售（电子商务法第二十七条；市场监督管理严重违法失信名单管理办法）",
                ),
                (
                    DEREGISTERED,
                    N,
                    "列入严重违法失信名单的主体并未注销或吊销（电子商务法第十条）",
                ),
            ],
        ),
        (
            MALL,
            "id-abnormal-closed",
            "旧物集",
            Reg {
                status: Some("abnormal"),
                closed_on: Some(-20),
                ..KIT.reg()
            },
            "二手/杂货",
            &[(
                LISTED,
                N,
                "经营异常名录上的经营者，其店铺在期间开始前20天已关闭，期间内没有任何销售（电子商务法第二十七条）",
            )],
        ),
        (
            MALL,
            "id-nolicence",
            "鼎盛包装批发",
            Reg {
                license: false,
                ..KIT.reg()
            },
            "批发/包装",
            &[(
                LICENCE,
                P,
                "批发公司店铺首页未公示营业执照电子链接（电子商务法第十五条）",
            )],
        ),
        (
            LOCAL,
            "id-leader-nolicence",
            "幸福里团长",
            Reg {
                merchant_type: "individual_business",
                license: false,
                ..KIT.reg()
            },
            "社区团购/日用",
            &[(
                LICENCE,
                P,
                "作为个体工商户的团长店铺未亮照（电子商务法第十五条；浙江省电子商务条例第七条）",
            )],
        ),
        (
            LIVE,
            "id-natural-120k",
            "阿宁手工饰品",
            Reg {
                merchant_type: "natural_person",
                license: false,
                turnover: 12_000_000,
                ..KIT.reg()
            },
            "直播/饰品",
            &[(
                NATURAL,
                P,
                "自然人网店年交易额12万元，超过10万元而未办理登记；所售饰品是批发进货而非自制（电子商务法第十条；网络交易监督管理办法第八条）",
            )],
        ),
        (
            MALL,
            "id-two-a",
            "小满杂货",
            person(&over, 5_000_000),
            "日用/杂货",
            &[(
                NATURAL,
                P,
                "同一自然人在两个平台的店铺年交易额50,000.00元与50,000.01元合计100,000.01元，超过10万元一分（网络交易监督管理办法第八条：同一经营者在不同平台的交易额合并计算）",
            )],
        ),
        (
            LOCAL,
            "id-two-b",
            "小满杂货",
            person(&over, 5_000_001),
            "社区团购/杂货",
            &[(
                NATURAL,
                P,
                "与该自然人另一店铺合计年交易额100,000.01元，超过10万元（网络交易监督管理办法第八条）",
            )],
        ),
        (
            LOCAL,
            "id-labour",
            "老陈家电清洗",
            Reg {
                merchant_type: "natural_person",
                license: false,
                turnover: 18_000_000,
                ..KIT.reg()
            },
            "生活服务/清洗",
            &[(
                NATURAL,
                N,
                "个人凭自己的手艺上门清洗家电，属依法无须取得许可的便民劳务活动，免于登记，不受10万元额度限制（电子商务法第十条）",
            )],
        ),
        (
            MALL,
            "id-pair-a",
            "阿竹闲置",
            person(&under, 5_000_000),
            "二手/闲置",
            &[
                (
                    NATURAL,
                    N,
                    "同一自然人两家店年交易额50,000.00元与49,999.99元合计99,999.99元，未超过10万元（网络交易监督管理办法第八条）",
                ),
                (
                    LICENCE,
                    N,
                    "未登记的自然人网店本无营业执照可公示（电子商务法第十五条）",
                ),
            ],
        ),
        (
            LIVE,
            "id-pair-b",
            "阿竹闲置",
            person(&under, 4_999_999),
            "直播/闲置",
            &[(
                NATURAL,
                N,
                "与该自然人另一店铺合计99,999.99元，差一分到10万元（网络交易监督管理办法第八条）",
            )],
        ),
    ];
    for (platform, tag, name, reg, category, labels) in cases {
        let mut s = KIT.shop_with(city, rng, platform, tag, name, &reg);
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title: "店铺在售商品",
                category,
                price: 6_800,
                delisted: reg.closed_on,
                ..Item::default()
            },
        );
        if reg.closed_on.is_none() {
            for d in (3..last).step_by(5) {
                KIT.sell(city, rng, buyers, &l, order_no, d, 6_800);
            }
        }
        for &(rule, label, why) in labels {
            KIT.t_subject(city, rule, "merchant", platform, &l.merchant, label, why);
        }
    }
}

pub(super) fn clusters(city: &mut City, rng: &mut Rng) {
    const RULE: &str = "registration_cluster.one_address";
    // (address variants, district, registrations, representatives, established within (days
    //  before the period), entity, cancelled all but the first, key, label, why)
    type Case = (
        &'static [&'static str],
        &'static str,
        usize,
        usize,
        (i64, i64),
        &'static str,
        bool,
        &'static str,
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            &[
                "杭州市钱塘区江东大道3899号5幢1502室",
                "钱塘区江东大道3899号5号楼1502",
                "浙江省杭州市钱塘区江东大道3899号5幢1502室",
            ],
            "330114",
            10,
            3,
            (4, 19),
            "individual_business",
            false,
            "330114|江东大道|3899|5||1502",
            P,
            "15天内10个社区团购团长个体户登记于同一住宅房间，仅3人经营，地址三种写法，不在核准的集群注册托管地址名单中（市场主体登记管理条例第十一条、第四十五条）",
        ),
        (
            &[
                "杭州市萧山区建设一路66号2幢1203室",
                "萧山区建设一路66号2幢1203",
            ],
            "330109",
            11,
            2,
            (6, 31),
            "company",
            false,
            "330109|建设1路|66|2||1203",
            P,
            "25天内11家跨境电商公司登记于同一房间，法定代表人只有2人（市场主体登记管理条例第十一条：住所应真实）",
        ),
        (
            &["杭州市西湖区文三路478号1幢806室"],
            "330106",
            8,
            1,
            (1, 11),
            "company",
            false,
            "330106|文3路|478|1||806",
            P,
            "10天内8家公司登记于同一房间，法定代表人是同一人（市场主体登记管理条例第十一条）",
        ),
        (
            &["杭州市上城区望江东路332号3幢1801室"],
            "330102",
            6,
            1,
            (400, 3_000),
            "company",
            false,
            "330102|望江东路|332|3||1801",
            N,
            "一个家族的6家公司八年间先后登记在自家办公室，数量不多、时间分散，住所真实（市场主体登记管理条例第十一条：一址多照本身不违法）",
        ),
        (
            &["杭州市拱墅区莫干山路1418号"],
            "330105",
            20,
            20,
            (2, 32),
            "company",
            false,
            "330105|莫干山路|1418|||",
            N,
            "新写字楼启用，一个月内20家公司入驻，但各在不同楼层、不同房间，各有法定代表人：楼宇集中入驻不是一址多照（市场主体登记管理条例第十一条）",
        ),
        (
            &["杭州市滨江区长河路475号2幢1103室"],
            "330108",
            9,
            9,
            (200, 3_600),
            "company",
            true,
            "330108|长河路|475|2||1103",
            N,
            "十年间9家公司先后以同一房间为住所，其中8家早已注销，现存续的只有1家：前后租户更替，不是同时集群登记（市场主体登记管理条例第十一条）",
        ),
    ];
    for (c, (variants, adcode, n, reps, (newest, oldest), entity, successive, key, label, why)) in
        cases.into_iter().enumerate()
    {
        let reps: Vec<String> = (0..reps).map(|_| rng.hex64()).collect();
        for k in 0..n {
            let address = if c == 4 {
                format!("{}{}楼{}室", variants[0], 2 + k, (2 + k) * 100 + 8)
            } else {
                variants[k % variants.len()].to_string()
            };
            let (prefix, kind) = if entity == "individual_business" {
                ("92", "individual_business")
            } else {
                ("91", "company")
            };
            let uscc = code(rng, prefix, adcode, true);
            let name = if kind == "company" {
                format!("杭州同址{c}{k}电子商务有限公司")
            } else {
                format!("杭州市同址{c}{k}团购服务部")
            };
            let established = if successive {
                -(oldest - (oldest - newest) * k as i64 / n as i64)
            } else {
                -rng.range(newest, oldest)
            };
            let status = if successive && k + 1 < n {
                "cancelled"
            } else {
                "active"
            };
            registry(
                city,
                rng,
                &uscc,
                &name,
                kind,
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
