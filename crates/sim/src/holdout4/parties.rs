//! The fourth set's operator cases: identity and registration of shops (电子商务法 第十条、
//! 第十五条、第二十七条; 网络交易监督管理办法 第八条's ¥100,000 exemption added across
//! platforms; GB 32100) and many operators registered at one address (市场主体登记管理条例).

use super::{KIT, LIVE, LOCAL, MALL};
use crate::city::City;
use crate::kit::rules::{CHECKSUM, DEREGISTERED, LICENCE, NATURAL, UNKNOWN};
use crate::kit::{Item, Reg, code, registry};
use crate::rng::Rng;
use crate::truth::Label::{Negative as N, Positive as P};

pub(super) fn identity(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    let last = days - 1;
    // (platform, tag, name, registration, category, the rules it is labelled under)
    let holder = rng.hex64();
    let one_person = Reg {
        merchant_type: "natural_person",
        holder: Some(&holder),
        license: false,
        ..KIT.reg()
    };
    type Labels = &'static [(&'static str, crate::truth::Label, &'static str)];
    let cases: Vec<(&'static str, &str, &str, Reg<'_>, &str, Labels)> = vec![
        (
            MALL,
            "id-badcheck",
            "云端数码",
            Reg {
                valid_code: false,
                status: None,
                ..KIT.reg()
            },
            "数码/配件",
            &[
                (
                    CHECKSUM,
                    P,
                    "统一社会信用代码校验位不符合GB 32100（电子商务法第十五条）",
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
            "id-unreg92",
            "阿强烧烤",
            Reg {
                merchant_type: "individual_business",
                status: None,
                ..KIT.reg()
            },
            "外卖/烧烤",
            &[(
                UNKNOWN,
                P,
                "以92开头的个体工商户代码校验位正确，但登记系统中没有该主体（电子商务法第二十七条）",
            )],
        ),
        (
            MALL,
            "id-revoked",
            "鑫源五金",
            Reg {
                status: Some("revoked"),
                ..KIT.reg()
            },
            "五金/工具",
            &[(
                DEREGISTERED,
                P,
                "营业执照已被吊销，期间内仍在平台接单销售（电子商务法第十条、第二十七条）",
            )],
        ),
        (
            LOCAL,
            "id-nolicence",
            "巷口面馆",
            Reg {
                merchant_type: "individual_business",
                license: false,
                ..KIT.reg()
            },
            "外卖/面食",
            &[(
                LICENCE,
                P,
                "个体工商户未在店铺首页公示营业执照信息（电子商务法第十五条）",
            )],
        ),
        (
            LIVE,
            "id-natural-over",
            "小林手作直播",
            Reg {
                merchant_type: "natural_person",
                license: false,
                turnover: 10_000_100,
                ..KIT.reg()
            },
            "服饰/配饰",
            &[(
                NATURAL,
                P,
                "自然人店铺年交易额100,001元，超过10万元的免登记额度一元而未登记（电子商务法第十条；网络交易监督管理办法第八条）",
            )],
        ),
        (
            MALL,
            "id-person-a",
            "阿梅的店",
            Reg {
                turnover: 4_000_000,
                ..one_person
            },
            "服饰/女装",
            &[(
                NATURAL,
                P,
                "同一自然人在三个平台的店铺年交易额合计105,000元（40,000+35,000+30,000），超过10万元应当登记（网络交易监督管理办法第八条：同一经营者在不同平台的交易额合并计算）",
            )],
        ),
        (
            LOCAL,
            "id-person-b",
            "阿梅的店",
            Reg {
                turnover: 3_500_000,
                ..one_person
            },
            "生活服务/代购",
            &[(
                NATURAL,
                P,
                "与该自然人另两家店合计年交易额105,000元，超过10万元（网络交易监督管理办法第八条）",
            )],
        ),
        (
            LIVE,
            "id-person-c",
            "阿梅的店",
            Reg {
                turnover: 3_000_000,
                ..one_person
            },
            "服饰/直播",
            &[(
                NATURAL,
                P,
                "与该自然人另两家店合计年交易额105,000元，超过10万元（网络交易监督管理办法第八条）",
            )],
        ),
        (
            LIVE,
            "id-live-nolicence",
            "潮玩优选",
            Reg {
                license: false,
                ..KIT.reg()
            },
            "直播/潮玩",
            &[(
                LICENCE,
                P,
                "公司在直播平台开店销售，店铺页未公示营业执照电子链接（电子商务法第十五条）",
            )],
        ),
        (
            LOCAL,
            "id-cancelled-selling",
            "老街馄饨",
            Reg {
                merchant_type: "individual_business",
                status: Some("cancelled"),
                ..KIT.reg()
            },
            "外卖/小吃",
            &[(
                DEREGISTERED,
                P,
                "个体工商户已办理注销登记，外卖店铺仍在期间内接单（电子商务法第十条、第二十七条）",
            )],
        ),
        (
            MALL,
            "id-bamboo",
            "竹韵手作",
            Reg {
                merchant_type: "natural_person",
                license: false,
                turnover: 15_000_000,
                ..KIT.reg()
            },
            "手工艺/竹编",
            &[(
                NATURAL,
                N,
                "个人销售自家制作的竹编等家庭手工业产品，无须登记，不受10万元额度限制（电子商务法第十条）",
            )],
        ),
        (
            MALL,
            "id-natural-under",
            "小周闲置",
            Reg {
                merchant_type: "natural_person",
                license: false,
                turnover: 9_999_900,
                ..KIT.reg()
            },
            "二手/闲置",
            &[
                (
                    NATURAL,
                    N,
                    "自然人店铺年交易额99,999元，未超过10万元（网络交易监督管理办法第八条）",
                ),
                (LICENCE, N, "未登记的自然人店铺本无营业执照可公示"),
            ],
        ),
        (
            MALL,
            "id-cancelled-gone",
            "旧时光书店",
            Reg {
                status: Some("cancelled"),
                closed_on: Some(-30),
                ..KIT.reg()
            },
            "图书/二手书",
            &[(
                DEREGISTERED,
                N,
                "主体注销前店铺已于期间开始前关闭，期间内没有任何销售",
            )],
        ),
        (
            MALL,
            "id-abnormal",
            "恒达包装",
            Reg {
                status: Some("abnormal"),
                ..KIT.reg()
            },
            "包装/耗材",
            &[(
                DEREGISTERED,
                N,
                "被列入经营异常名录并不等于注销或吊销，主体仍然存续，可以继续经营（企业信息公示暂行条例第十七条）",
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
                price: 5_900,
                delisted: reg.closed_on,
                ..Item::default()
            },
        );
        if reg.closed_on.is_none() {
            for d in (2..last).step_by(6) {
                KIT.sell(city, rng, buyers, &l, order_no, d, 5_900);
            }
        }
        for &(rule, label, why) in labels {
            KIT.t_subject(city, rule, "merchant", platform, &l.merchant, label, why);
        }
    }
}

pub(super) fn clusters(city: &mut City, rng: &mut Rng) {
    const RULE: &str = "registration_cluster.one_address";
    // (address variants, district, companies, representatives, established within (days before
    //  the period), entity, key, label, why)
    type Case = (
        &'static [&'static str],
        &'static str,
        usize,
        usize,
        (i64, i64),
        &'static str,
        &'static str,
        crate::truth::Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            &[
                "杭州市拱墅区东新路538号2幢1306室",
                "浙江省杭州市拱墅区东新路538号2号楼1306",
                "拱墅区东新路538号2幢1306室",
            ],
            "330105",
            9,
            2,
            (5, 40),
            "company",
            "330105|东新路|538|2||1306",
            P,
            "40天内9家电商公司登记于同一住宅房间，仅2人担任法定代表人，地址三种写法",
        ),
        (
            &[
                "杭州市滨江区滨盛路1509号1单元2103室",
                "滨江区滨盛路1509号1单元2103",
                "浙江省杭州市滨江区滨盛路1509号1单元2103室",
            ],
            "330108",
            14,
            14,
            (3, 30),
            "individual_business",
            "330108|滨盛路|1509||1|2103",
            P,
            "14家主播个体工商户一个月内登记于同一住宅房间（一址多照），该地址不在核准的集群注册托管地址名单中",
        ),
        (
            &[
                "杭州市上城区秋涛北路77号5幢602室",
                "上城区秋涛北路77号5幢602",
            ],
            "330102",
            8,
            1,
            (2, 20),
            "company",
            "330102|秋涛北路|77|5||602",
            P,
            "20天内8家公司登记于同一房间，法定代表人都是同一人",
        ),
        (
            &["杭州市西湖区丰潭路430号"],
            "330106",
            12,
            12,
            (200, 3_000),
            "company",
            "330106|丰潭路|430|||",
            N,
            "同一写字楼12家公司，各在不同楼层、不同房间，登记时间跨越多年：一栋楼多家企业是正常的",
        ),
        (
            &["杭州市临平区农贸市场路12号"],
            "330113",
            12,
            12,
            (300, 2_000),
            "individual_business",
            "330113|农贸市场路|12|||",
            N,
            "农贸市场内12个摊位的个体户，各有独立摊位号，登记时间跨越数年",
        ),
        (
            &["杭州市余杭区五常大道181号3幢2单元501室"],
            "330110",
            2,
            1,
            (400, 1_500),
            "company",
            "330110|五常大道|181|3|2|501",
            N,
            "夫妻两人在自家住址各登记一个主体（一家公司、一家个体户），数量少、时间相隔多年",
        ),
    ];
    for (c, (variants, adcode, n, reps, (newest, oldest), entity, key, label, why)) in
        cases.into_iter().enumerate()
    {
        let reps: Vec<String> = (0..reps).map(|_| rng.hex64()).collect();
        for k in 0..n {
            let address = if variants.len() == 1 {
                match c {
                    3 => format!("{}{}楼{}室", variants[0], 3 + k, (3 + k) * 100 + 1 + k % 3),
                    4 => format!("{}A{}室", variants[0], 101 + k),
                    _ => variants[0].to_string(),
                }
            } else {
                variants[k % variants.len()].to_string()
            };
            let (prefix, kind) = match (c, k) {
                (5, 1) => ("92", "individual_business"),
                _ if entity == "individual_business" => ("92", "individual_business"),
                _ => ("91", "company"),
            };
            let uscc = code(rng, prefix, adcode, true);
            let name = if kind == "company" {
                format!("杭州聚址{c}{k}网络科技有限公司")
            } else {
                format!("杭州市聚址{c}{k}经营部")
            };
            let established = -rng.range(newest, oldest);
            registry(
                city,
                rng,
                &uscc,
                &name,
                kind,
                &address,
                adcode,
                "active",
                established,
                Some(&reps[k % reps.len()]),
            );
        }
        KIT.t_global(city, RULE, "address", key, label, why);
    }
}
