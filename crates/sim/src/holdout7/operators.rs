//! The seventh set's operator cases: shops' identity and registration (GB 32100's check
//! character; 电子商务法 第十、十五、二十七条; 网络交易监督管理办法 第八条's ¥100,000 one fen… half a
//! fen past it and exactly at it; the 经营异常名录 and 严重违法失信名单; 电子商务法 第十条's household
//! handicraft) and many operators at one address (市场主体登记管理条例), in spellings that differ
//! by 幢/栋/号楼 and by a province prefix.

use super::{KIT, LIVE, LOCAL, MALL};
use crate::city::City;
use crate::kit::{Item, Reg, code, registry};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative as N, Positive as P};

const CHECKSUM: &str = "merchant_identity.uscc_checksum";
const UNKNOWN: &str = "merchant_identity.unknown_uscc";
const DEREGISTERED: &str = "merchant_identity.deregistered_selling";
const LISTED: &str = "merchant_identity.listed_operator_selling";
const LICENCE: &str = "merchant_identity.license_not_displayed";
const NATURAL: &str = "merchant_identity.unregistered_natural_person";

/// One identity case: a shop, how it is registered, what it sells and its labels.
struct Operator {
    platform: &'static str,
    tag: &'static str,
    name: &'static str,
    reg: Reg<'static>,
    title: &'static str,
    labels: &'static [(&'static str, Label, &'static str)],
}

/// A natural person's shop with `turnover` (fen) over the previous twelve months.
fn person(turnover: i64) -> Reg<'static> {
    Reg {
        merchant_type: "natural_person",
        license: false,
        turnover,
        ..KIT.reg()
    }
}

pub(super) fn identities(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    let cases = [
        Operator {
            platform: MALL,
            tag: "id-check-held",
            name: "微光香氛二店",
            reg: Reg {
                valid_code: false,
                ..KIT.reg()
            },
            title: "香薰补充液 200ml",
            labels: &[(
                CHECKSUM,
                P,
                "统一社会信用代码校验位不符合GB 32100，登记系统中有此码；按数据标准列为校验位警告线索（GB 32100-2015；电子商务法第十五条）",
            )],
        },
        Operator {
            platform: LOCAL,
            tag: "id-check-unknown",
            name: "随手修",
            reg: Reg {
                valid_code: false,
                status: None,
                ..KIT.reg()
            },
            title: "上门维修 水电 开关插座",
            labels: &[
                (
                    CHECKSUM,
                    P,
                    "统一社会信用代码校验位错误（GB 32100-2015；电子商务法第十五条）",
                ),
                (
                    UNKNOWN,
                    P,
                    "校验位错误的代码在登记系统中查无此码（电子商务法第十五条、第二十七条）",
                ),
            ],
        },
        Operator {
            platform: MALL,
            tag: "id-unknown",
            name: "卡盟数码",
            reg: Reg {
                status: None,
                ..KIT.reg()
            },
            title: "游戏手柄 无线 蓝牙",
            labels: &[(
                UNKNOWN,
                P,
                "格式和校验位都正确的代码在登记系统中查无此码，平台未核验（电子商务法第二十七条）",
            )],
        },
        Operator {
            platform: LOCAL,
            tag: "id-cancelled",
            name: "永安殡葬用品",
            reg: Reg {
                status: Some("cancelled"),
                ..KIT.reg()
            },
            title: "骨灰盒 实木 雕花",
            labels: &[(
                DEREGISTERED,
                P,
                "经营者已注销登记，店铺仍在销售（电子商务法第十二条、第十五条；网络交易监督管理办法）",
            )],
        },
        Operator {
            platform: LOCAL,
            tag: "id-revoked",
            name: "快开锁",
            reg: Reg {
                merchant_type: "individual_business",
                status: Some("revoked"),
                ..KIT.reg()
            },
            title: "上门换锁芯 C级",
            labels: &[(
                DEREGISTERED,
                P,
                "个体工商户营业执照已被吊销，店铺仍在接单（电子商务法第十五条；网络交易监督管理办法）",
            )],
        },
        Operator {
            platform: LOCAL,
            tag: "id-abnormal",
            name: "谜境剧本杀",
            reg: Reg {
                status: Some("abnormal"),
                ..KIT.reg()
            },
            title: "剧本杀 8人本 欢乐本",
            labels: &[
                (
                    LISTED,
                    P,
                    "经营者被列入经营异常名录仍在经营；按规则列为线索（企业信息公示暂行条例第十七条）",
                ),
                (
                    DEREGISTERED,
                    N,
                    "列入经营异常名录不是注销或吊销，登记仍然存续（市场主体登记管理条例）",
                ),
            ],
        },
        Operator {
            platform: LIVE,
            tag: "id-serious",
            name: "佳缘红娘",
            reg: Reg {
                status: Some("serious_violation"),
                ..KIT.reg()
            },
            title: "婚恋会员 月卡",
            labels: &[(
                LISTED,
                P,
                "经营者被列入严重违法失信名单仍在直播销售（企业信息公示暂行条例；网络交易监督管理办法）",
            )],
        },
        Operator {
            platform: LOCAL,
            tag: "id-nolicence",
            name: "速搬搬家",
            reg: Reg {
                license: false,
                ..KIT.reg()
            },
            title: "居民搬家 3小时",
            labels: &[(
                LICENCE,
                P,
                "企业店铺首页未公示营业执照信息（电子商务法第十五条）",
            )],
        },
        Operator {
            platform: LOCAL,
            tag: "id-nolicence-ib",
            name: "净白洗衣",
            reg: Reg {
                merchant_type: "individual_business",
                license: false,
                ..KIT.reg()
            },
            title: "羽绒服干洗",
            labels: &[(LICENCE, P, "个体工商户店铺未亮照（电子商务法第十五条）")],
        },
        Operator {
            platform: MALL,
            tag: "id-person-over",
            name: "小林的手机壳",
            reg: person(10_000_050),
            title: "手机壳 透明 防摔",
            labels: &[
                (
                    NATURAL,
                    P,
                    "自然人网店近12个月交易额100000.50元，超过10万元仍未办理登记（电子商务法第十条；网络交易监督管理办法第八条）",
                ),
                (
                    LICENCE,
                    N,
                    "自然人网店没有营业执照可亮，不适用亮照要求（电子商务法第十五条）",
                ),
            ],
        },
        Operator {
            platform: LIVE,
            tag: "id-person-resale",
            name: "阿杰数码",
            reg: person(25_000_000),
            title: "蓝牙耳机 批发价",
            labels: &[(
                NATURAL,
                P,
                "自然人在直播间转卖批发来的耳机，年交易额25万元，不是自产或手工产品，应当登记（电子商务法第十条）",
            )],
        },
        Operator {
            platform: MALL,
            tag: "id-person-at",
            name: "小周的书签",
            reg: person(10_000_000),
            title: "黄铜书签 刻字",
            labels: &[(
                NATURAL,
                N,
                "近12个月交易额恰为10万元，未超过“年交易额累计不超过10万元”的豁免（网络交易监督管理办法第八条）",
            )],
        },
        Operator {
            platform: MALL,
            tag: "id-embroidery",
            name: "绣娘阿婆",
            reg: person(16_600_000),
            title: "家庭手工苏绣 团扇 真丝",
            labels: &[(
                NATURAL,
                N,
                "个人销售家庭手工业产品，依法不需办理市场主体登记，不受10万元限制（电子商务法第十条）",
            )],
        },
        Operator {
            platform: LOCAL,
            tag: "id-revoked-closed",
            name: "老街钟表",
            reg: Reg {
                status: Some("revoked"),
                closed_on: Some(-20),
                ..KIT.reg()
            },
            title: "钟表维修 换电池",
            labels: &[(
                DEREGISTERED,
                N,
                "执照被吊销前店铺已于期间开始前20天关闭并下架，期间内没有经营（电子商务法第十五条）",
            )],
        },
    ];
    let last = days - 1;
    for c in cases {
        let mut s = KIT.shop_with(city, rng, c.platform, c.tag, c.name, &c.reg);
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title: c.title,
                category: "主体/核验",
                price: 6_600,
                delisted: c.reg.closed_on,
                ..Item::default()
            },
        );
        if c.reg.closed_on.is_none() {
            for d in (1..last).filter(|d| d % 3 == 1) {
                KIT.sell(city, rng, buyers, &l, order_no, d, 6_600);
            }
        }
        for &(rule, verdict, why) in c.labels {
            KIT.t_subject(
                city,
                rule,
                "merchant",
                c.platform,
                &l.merchant,
                verdict,
                why,
            );
        }
    }
}

/// One address case: the spellings used, how many register there, by how many people, over how
/// many days before the period, and whether each is in its own room.
struct Address {
    spellings: &'static [&'static str],
    adcode: &'static str,
    entity: &'static str,
    count: usize,
    people: usize,
    /// Established between these many days before the period (newest, oldest).
    within: (i64, i64),
    /// One after another: each struck off before the next (all but the newest).
    successive: bool,
    key: &'static str,
    verdict: Label,
    why: &'static str,
}

pub(super) fn addresses(city: &mut City, rng: &mut Rng) {
    const RULE: &str = "registration_cluster.one_address";
    let cases = [
        Address {
            spellings: &[
                "杭州市拱墅区莫干山路1118号3幢1203室",
                "杭州市拱墅区莫干山路1118号3栋1203室",
                "浙江省杭州市拱墅区莫干山路1118号3幢1203室",
            ],
            adcode: "330105",
            entity: "individual_business",
            count: 10,
            people: 2,
            within: (5, 45),
            successive: false,
            key: "330105|莫干山路|1118|3||1203",
            verdict: P,
            why: "10家游戏代充工作室由2人在40天内登记在同一套房（写法有幢、栋和省名之别），登记地址与经营场所明显不符（市场主体登记管理条例第十一条、第十七条）",
        },
        Address {
            spellings: &["杭州市钱塘区下沙路258号2幢508室"],
            adcode: "330114",
            entity: "company",
            count: 9,
            people: 1,
            within: (60, 64),
            successive: false,
            key: "330114|下沙路|258|2||508",
            verdict: P,
            why: "同一人4天内在同一房间登记9家电动车销售公司（市场主体登记管理条例第十一条）",
        },
        Address {
            spellings: &[
                "杭州市上城区秋涛路380号1幢1719室",
                "浙江省杭州市上城区秋涛路380号1幢1719室",
            ],
            adcode: "330102",
            entity: "company",
            count: 13,
            people: 3,
            within: (20, 34),
            successive: false,
            key: "330102|秋涛路|380|1||1719",
            verdict: P,
            why: "13家婚恋咨询公司由3人在两周内登记在同一房间（市场主体登记管理条例第十一条）",
        },
        Address {
            spellings: &["杭州市西湖区西溪路525号2幢{room}室"],
            adcode: "330106",
            entity: "company",
            count: 12,
            people: 12,
            within: (30, 900),
            successive: false,
            key: "330106|西溪路|525|2||",
            verdict: N,
            why: "众创空间同一幢楼里12家公司各有自己的房间、各自的法定代表人，不是一址多照（市场主体登记管理条例第十一条）",
        },
        Address {
            spellings: &["杭州市富阳区金桥北路66号{building}幢{building}01室"],
            adcode: "330111",
            entity: "individual_business",
            count: 11,
            people: 11,
            within: (100, 2_000),
            successive: false,
            key: "330111|金桥北路|66|||",
            verdict: N,
            why: "同一小区11户各在自己家（不同幢）登记个体户，住所各不相同（市场主体登记管理条例第十一条）",
        },
        Address {
            spellings: &["杭州市建德市新安江街道江滨中路77号2楼"],
            adcode: "330182",
            entity: "company",
            count: 8,
            people: 8,
            within: (200, 3_000),
            successive: true,
            key: "330182|江滨中路|77|||",
            verdict: N,
            why: "8家公司先后租用同一铺面，每家在下一家登记前已注销或被吊销，同一时间只有一家（市场主体登记管理条例）",
        },
    ];
    for (c, a) in cases.into_iter().enumerate() {
        let people: Vec<String> = (0..a.people).map(|_| rng.hex64()).collect();
        for k in 0..a.count {
            let spelling = a.spellings[k % a.spellings.len()];
            let address = spelling
                .replace("{room}", &(301 + k * 101).to_string())
                .replace("{building}", &(k + 1).to_string());
            let prefix = if a.entity == "individual_business" {
                "92"
            } else {
                "91"
            };
            let uscc = code(rng, prefix, a.adcode, true);
            let name = if a.entity == "company" {
                format!("杭州同址{c}{k}信息咨询有限公司")
            } else {
                format!("杭州市同址{c}{k}工作室")
            };
            let span = a.within.1 - a.within.0;
            let established = if a.successive {
                -(a.within.1 - span * k as i64 / a.count as i64)
            } else {
                -(a.within.0 + rng.range(0, span))
            };
            let status = if a.successive && k + 1 < a.count {
                if k % 3 == 0 { "revoked" } else { "cancelled" }
            } else {
                "active"
            };
            registry(
                city,
                rng,
                &uscc,
                &name,
                a.entity,
                &address,
                a.adcode,
                status,
                established,
                Some(&people[k % people.len()]),
            );
        }
        KIT.t_global(city, RULE, "address", a.key, a.verdict, a.why);
    }
}
