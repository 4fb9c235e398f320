//! Who sells: shops whose operators the registry contradicts or does not know (电子商务法 第十、
//! 十五、二十七条; 网络交易监督管理办法 第八条), and registrations that pile up at one room written
//! several ways (市场主体登记管理条例), beside lawful lookalikes.

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::{City, Listing};
use crate::kit::rules::{CHECKSUM, DEREGISTERED, LICENCE, LISTED, NATURAL, UNKNOWN};
use crate::kit::{Reg, code, registry};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative, Positive};

const CLUSTER: &str = "registration_cluster.one_address";

/// An operator case: platform, shop tag and name, registration, the goods, and the labels.
struct Operator {
    platform: &'static str,
    shop: (&'static str, &'static str),
    reg: Reg<'static>,
    goods: (&'static str, &'static str, i64),
    labels: &'static [(&'static str, Label, &'static str)],
}

/// Registration as the set's default with some fields changed.
const fn reg(
    merchant_type: &'static str,
    status: Option<&'static str>,
    (valid_code, license): (bool, bool),
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

/// Eight completed sales of the shop's listing over the period.
fn selling(city: &mut City, rng: &mut Rng, buyers: &[String], l: &Listing, order_no: &mut u64) {
    for k in 0..8 {
        KIT.sell(city, rng, buyers, l, order_no, 3 + 7 * k, l.price);
    }
}

/// Operators the registry contradicts, and lawful lookalikes.
pub(super) fn identities(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    let cases = [
        Operator {
            platform: MALL,
            shop: ("badcheck", "茗香阁"),
            reg: reg("company", Some("active"), (false, true), 61_800_000, None),
            goods: ("龙井 散茶 250g", "茶叶/绿茶", 8_800),
            labels: &[(
                CHECKSUM,
                Positive,
                "统一社会信用代码校验位错误，按数据标准即为警示性发现，虽然登记系统有此代码（电子商务法 第十五条；GB 32100-2015）",
            )],
        },
        Operator {
            platform: LOCAL,
            shop: ("ghostcode", "渔家乐"),
            reg: reg("company", None, (false, true), 61_800_000, None),
            goods: ("冻 虾仁 500g", "生鲜/海鲜/虾", 5_800),
            labels: &[
                (
                    CHECKSUM,
                    Positive,
                    "代码校验位错误（GB 32100-2015；电子商务法 第十五条）",
                ),
                (
                    UNKNOWN,
                    Positive,
                    "校验位错误的代码在登记系统中也查无此号（电子商务法 第二十七条）",
                ),
            ],
        },
        Operator {
            platform: MALL,
            shop: ("nocode", "墨韵文具"),
            reg: reg("company", None, (true, true), 61_800_000, None),
            goods: ("毛笔 套装 12支", "文具/毛笔", 6_800),
            labels: &[(
                UNKNOWN,
                Positive,
                "校验位正确但登记系统查无此代码，平台未核验（电子商务法 第二十七条）",
            )],
        },
        Operator {
            platform: LIVE,
            shop: ("nocodebiz", "阿强海鲜"),
            reg: reg("individual_business", None, (true, true), 61_800_000, None),
            goods: ("即食 醉蟹 2只", "生鲜/海鲜/醉蟹", 9_800),
            labels: &[(
                UNKNOWN,
                Positive,
                "个体工商户的92开头代码登记系统查无此号（电子商务法 第二十七条）",
            )],
        },
        Operator {
            platform: MALL,
            shop: ("cancelled", "甜蜜蜂业"),
            reg: reg("company", Some("cancelled"), (true, true), 61_800_000, None),
            goods: ("枇杷蜜 500g", "食品/蜂蜜", 7_800),
            labels: &[(
                DEREGISTERED,
                Positive,
                "公司已注销仍在销售（电子商务法 第十二条、第十五条；市场主体登记管理条例 第三十一条）",
            )],
        },
        Operator {
            platform: LOCAL,
            shop: ("revoked", "江渡旅行社"),
            reg: reg("company", Some("revoked"), (true, true), 61_800_000, None),
            goods: ("千岛湖 游船 船票", "本地生活/游船", 14_000),
            labels: &[(
                DEREGISTERED,
                Positive,
                "营业执照已被吊销仍在售票（电子商务法 第十五条；市场主体登记管理条例 第四十四条）",
            )],
        },
        Operator {
            platform: MALL,
            shop: ("closedsilk", "锦绣丝行"),
            reg: reg(
                "company",
                Some("cancelled"),
                (true, true),
                61_800_000,
                Some(-25),
            ),
            goods: ("真丝 枕套 一对", "家纺/枕套", 12_800),
            labels: &[(
                DEREGISTERED,
                Negative,
                "注销前25天已关店，期间没有任何销售（电子商务法 第十六条）",
            )],
        },
        Operator {
            platform: MALL,
            shop: ("abnormal", "云栖茶社"),
            reg: reg("company", Some("abnormal"), (true, true), 61_800_000, None),
            goods: ("云栖 龙井 二级 200g", "茶叶/绿茶", 15_800),
            labels: &[
                (
                    LISTED,
                    Positive,
                    "列入经营异常名录后仍在销售，按识别规则标为风险（企业信息公示暂行条例 第十七条；电子商务法 第十五条）",
                ),
                (
                    DEREGISTERED,
                    Negative,
                    "经营异常名录不是注销或吊销，主体仍存续（市场主体登记管理条例 第三十一条）",
                ),
            ],
        },
        Operator {
            platform: LOCAL,
            shop: ("blacklist", "鱼乐水族"),
            reg: reg(
                "company",
                Some("serious_violation"),
                (true, true),
                61_800_000,
                None,
            ),
            goods: ("孔雀鱼 活体 5对", "宠物/水族/活体", 5_000),
            labels: &[(
                LISTED,
                Positive,
                "列入严重违法失信名单仍在销售（企业信息公示暂行条例 第十八条；电子商务法 第十五条）",
            )],
        },
        Operator {
            platform: MALL,
            shop: ("nolicence", "快刀工坊"),
            reg: reg("company", Some("active"), (true, false), 61_800_000, None),
            goods: ("水果刀 陶瓷 两把", "厨具/刀具", 3_900),
            labels: &[(
                LICENCE,
                Positive,
                "店铺首页未公示营业执照信息链接（电子商务法 第十五条）",
            )],
        },
        Operator {
            platform: LIVE,
            shop: ("nolicence3d", "打印侠"),
            reg: reg("company", Some("active"), (true, false), 61_800_000, None),
            goods: ("3D打印 钥匙扣 定制名字", "模玩/3D打印服务", 1_900),
            labels: &[(
                LICENCE,
                Positive,
                "直播店铺未公示营业执照信息链接（电子商务法 第十五条）",
            )],
        },
        Operator {
            platform: MALL,
            shop: ("hanfu", "汉服租赁社"),
            reg: reg(
                "individual_business",
                Some("active"),
                (true, true),
                61_800_000,
                None,
            ),
            goods: ("汉服 租赁 宋制 三天", "服饰/汉服租赁", 9_900),
            labels: &[
                (
                    LICENCE,
                    Negative,
                    "个体工商户已公示营业执照链接（电子商务法 第十五条）",
                ),
                (
                    UNKNOWN,
                    Negative,
                    "92开头的代码在登记系统中存续（电子商务法 第二十七条）",
                ),
            ],
        },
        Operator {
            platform: MALL,
            shop: ("teaperson", "小周茶摊"),
            reg: reg("natural_person", None, (true, false), 12_840_000, None),
            goods: ("龙井 散装 250g 转卖", "茶叶/绿茶", 6_800),
            labels: &[(
                NATURAL,
                Positive,
                "个人转卖茶叶，上年交易额128,400元，超过10万元未登记（电子商务法 第十条；网络交易监督管理办法 第八条）",
            )],
        },
        Operator {
            platform: MALL,
            shop: ("beefarmer", "老周蜂场"),
            reg: reg("natural_person", None, (true, false), 18_800_000, None),
            goods: ("自家 土蜂蜜 1kg", "食品/蜂蜜", 9_800),
            labels: &[(
                NATURAL,
                Negative,
                "蜂农销售自养蜂的蜂蜜，属个人销售自产农副产品，不论金额免于登记（电子商务法 第十条）",
            )],
        },
        Operator {
            platform: LOCAL,
            shop: ("knifeman", "老王磨刀"),
            reg: reg("natural_person", None, (true, false), 13_200_000, None),
            goods: ("上门 磨刀 菜刀 一把", "本地生活/磨刀", 1_500),
            labels: &[(
                NATURAL,
                Negative,
                "个人凭手艺上门磨刀，属无须许可的便民劳务，免于登记（电子商务法 第十条）",
            )],
        },
    ];
    for case in &cases {
        let mut shop = KIT.shop_with(
            city,
            rng,
            case.platform,
            case.shop.0,
            case.shop.1,
            &case.reg,
        );
        let (title, category, price) = case.goods;
        let l = HOUSE.goods(city, &mut shop, title, category, "general", price);
        // A shop closed before the period sells nothing in it.
        if case.reg.closed_on.is_none() {
            selling(city, rng, buyers, &l, order_no);
        }
        for &(rule, label, why) in case.labels {
            KIT.t_subject(
                city,
                rule,
                "merchant",
                case.platform,
                &l.merchant,
                label,
                why,
            );
        }
    }
    // One person's two shops: 62,000 and 41,000 yuan, 103,000 together.
    let holder = rng.hex64();
    for (platform, tag, turnover) in [
        (LOCAL, "seaperson", 6_200_000),
        (LIVE, "seapersonlive", 4_100_000),
    ] {
        let r = Reg {
            holder: Some(&holder),
            ..reg("natural_person", None, (true, false), turnover, None)
        };
        let mut shop = KIT.shop_with(city, rng, platform, tag, "阿海", &r);
        let l = HOUSE.goods(
            city,
            &mut shop,
            "舟山 鱼鲞 500g",
            "生鲜/海鲜/干货",
            "general",
            4_900,
        );
        selling(city, rng, buyers, &l, order_no);
        KIT.t_subject(city, NATURAL, "merchant", platform, &l.merchant, Positive, "同一自然人在两个平台的店铺交易额合并为103,000元，超过10万元未登记（网络交易监督管理办法 第八条；电子商务法 第十条）");
    }
}

/// One address's registrations: the ways it is written (taken in turn), how many, the people
/// behind them, the first day and the days between, status per registration, and the label.
struct Pile {
    adcode: &'static str,
    spellings: &'static [&'static str],
    count: usize,
    reps: usize,
    founded: (i64, i64),
    status: fn(usize) -> &'static str,
    name: &'static str,
    entity: &'static str,
    key: &'static str,
    label: Label,
    why: &'static str,
}

/// Registrations at one address written several ways, and lawful crowds.
pub(super) fn addresses(city: &mut City, rng: &mut Rng) {
    let piles = [
        Pile {
            adcode: "330110",
            spellings: &[
                "杭州市余杭区文一西路1818号3幢508室",
                "杭州市余杭区文一西路1818号3栋508室",
                "浙江省杭州市余杭区文一西路1818号3幢508室",
                "杭州市余杭区文一西路１８１８号３幢５０８室",
                "余杭区文一西路1818号3幢508室",
            ],
            count: 11,
            reps: 2,
            founded: (-40, 2),
            status: |_| "active",
            name: "杭州叠层{}号三维科技有限公司",
            entity: "company",
            key: "330110|文一西路|1818|3||508",
            label: Positive,
            why: "11家3D打印工作室由2人在三周内登记于同一室，地址写法有栋/幢、全角数字、有无省名之别（市场主体登记管理条例 第十一条；企业名称、住所集中登记风险）",
        },
        Pile {
            adcode: "330106",
            spellings: &[
                "杭州市西湖区龙井路18号2单元201室",
                "杭州市西湖区龙井路十八号2单元201室",
                "杭州西湖区龙井路18号2单元201",
            ],
            count: 9,
            reps: 1,
            founded: (-120, 0),
            status: |_| "active",
            name: "杭州龙井{}号茶叶贸易有限公司",
            entity: "company",
            key: "330106|龙井路|18||2|201",
            label: Positive,
            why: "同一人同一天在同一室登记9家茶叶贸易公司，地址有阿拉伯数字、汉字数字、有无「室」之别（市场主体登记管理条例 第十一条）",
        },
        Pile {
            adcode: "330109",
            spellings: &[
                "杭州市萧山区市心北路66号1幢1203室",
                "杭州市萧山区市心北路66号1幢1203",
                "杭州市萧山区市心北路66號1幢1203室",
            ],
            count: 10,
            reps: 2,
            founded: (-70, 1),
            status: |_| "active",
            name: "杭州市萧山区鲜{}号水产经营部",
            entity: "individual_business",
            key: "330109|市心北路|66|1||1203",
            label: Positive,
            why: "两人轮流在同一室登记10家水产个体户，十天内完成（市场主体登记管理条例 第十一条）",
        },
        Pile {
            adcode: "330108",
            spellings: &["杭州市滨江区江南大道3888号1幢{}室"],
            count: 13,
            reps: 13,
            founded: (-900, 53),
            status: |_| "active",
            name: "杭州孵化{}号科技有限公司",
            entity: "company",
            key: "330108|江南大道|3888|||",
            label: Negative,
            why: "孵化器大楼里13家公司各有自己的房间，各自法定代表人，登记时间分散在近两年里（市场主体登记管理条例 第十一条）",
        },
        Pile {
            adcode: "330105",
            spellings: &["杭州市拱墅区湖墅南路200号{}幢101室"],
            count: 12,
            reps: 12,
            founded: (-1_500, 110),
            status: |_| "active",
            name: "杭州湖墅{}号商贸有限公司",
            entity: "company",
            key: "330105|湖墅南路|200|||",
            label: Negative,
            why: "同一门牌下12幢楼各一家公司，各自独立的住所（市场主体登记管理条例 第十一条）",
        },
        Pile {
            adcode: "330102",
            spellings: &["杭州市上城区解放路158号1幢102室"],
            count: 8,
            reps: 8,
            founded: (-2_800, 330),
            status: |k| if k == 7 { "active" } else { "cancelled" },
            name: "杭州解放路{}号餐饮店有限公司",
            entity: "company",
            key: "330102|解放路|158|1||102",
            label: Negative,
            why: "同一店面八年里先后8任租户，前7家均已注销，只有1家存续（市场主体登记管理条例 第十一条、第三十一条）",
        },
    ];
    for pile in &piles {
        let reps: Vec<String> = (0..pile.reps).map(|_| rng.hex64()).collect();
        for k in 0..pile.count {
            let spelling = pile.spellings[k % pile.spellings.len()];
            // Rooms 1001… of one building, or buildings 1… of one street number.
            let number = if spelling.contains("{}幢") {
                1 + k
            } else {
                1_001 + k
            };
            let address = spelling.replace("{}", &number.to_string());
            let uscc = code(
                rng,
                if pile.entity == "company" { "91" } else { "92" },
                pile.adcode,
                true,
            );
            let name = pile.name.replace("{}", &(k + 1).to_string());
            let day = pile.founded.0 + pile.founded.1 * k as i64;
            registry(
                city,
                rng,
                &uscc,
                &name,
                pile.entity,
                &address,
                pile.adcode,
                (pile.status)(k),
                day,
                Some(&reps[k % reps.len()]),
            );
        }
        KIT.t_global(city, CLUSTER, "address", pile.key, pile.label, pile.why);
    }
}
