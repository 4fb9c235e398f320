//! Platforms pressing their merchants through fee schedules: campaigns whose terms fix prices
//! under cost and raise the commission, deduct deposits or remove listings of those who do not
//! follow (反不正当竞争法（2025） 第十四条; 电子商务法 第三十五条), and commission and annual-fee
//! schedules that punish a presence on a rival (电子商务法 第三十五条; 平台经济反垄断指南 第十五条),
//! each beside lawful lookalikes.

use serde_json::json;

use super::{HOUSE, KIT};
use crate::city::{City, at, date};
use crate::kit::{Homed, Measure, code, homed_shop, registry};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative, Positive};

const FORCED: &str = "below_cost.platform_forced";
const TERMS: &str = "unfair_terms.restrictive_clause";
const EXIT: &str = "exclusive_dealing.forced_exit";

/// A platform campaign: its platform, the goods, prices (usual, campaign, cost), how many of six
/// participants sell at the campaign price, the terms, and the measure against one who refused.
struct Campaign {
    platform: (&'static str, &'static str),
    goods: (&'static str, &'static str),
    prices: (i64, i64, i64),
    follow: usize,
    terms: (&'static str, &'static str),
    refused: Option<(&'static str, &'static str)>,
    labels: [(Label, &'static str); 2],
}

/// Six platform campaigns: three that force prices under cost, three that do not.
pub(super) fn campaigns(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    let cases = [
        Campaign {
            platform: ("h8-chaxiang", "茶香云集"),
            goods: ("新茶尝鲜 龙井 100g", "茶叶/绿茶"),
            prices: (26_800, 13_400, 18_000),
            follow: 6,
            terms: (
                "新茶尝鲜节 报名须知",
                "一、活动价由平台按日常价5折统一核定，商家不得修改。\n二、未报名或擅自改价的店铺，技术服务费费率自次日起由5%上调至12%，活动结束后30日内不予恢复。\n三、报名即视为同意以上条款。",
            ),
            refused: Some((
                "fee_increase",
                "未按新茶尝鲜节核定价销售：技术服务费费率5%→12%",
            )),
            labels: [
                (
                    Positive,
                    "平台统一核定五折活动价（低于商家成本），不跟从者技术服务费由5%调到12%，参与商家活动期间均低于成本销售（反不正当竞争法（2025） 第十四条）",
                ),
                (
                    Positive,
                    "报名须知强制接受平台定价并以费率上调惩罚不跟从者，属不合理限制平台内经营者定价（电子商务法 第三十五条）",
                ),
            ],
        },
        Campaign {
            platform: ("h8-yugang", "渔港集市"),
            goods: ("冻 黄鱼鲞 500g", "生鲜/海鲜/干货"),
            prices: (9_800, 5_900, 7_200),
            follow: 5,
            terms: (
                "海鲜年货节 规则",
                "活动期间平台对报名商品统一设置到手价并自动改价；商家关闭自动改价的，按每件商品扣除保证金2000元；活动期间不得退出。",
            ),
            refused: Some((
                "deposit_deduction",
                "关闭统一到手价自动改价，扣除保证金2000元",
            )),
            labels: [
                (
                    Positive,
                    "平台统一设置低于成本的到手价并自动改价，关闭改价扣保证金，活动期间六家中五家低于成本销售（反不正当竞争法（2025） 第十四条）",
                ),
                (
                    Positive,
                    "规则以扣保证金强制自动改价且不得退出，属不合理限制（电子商务法 第三十五条）",
                ),
            ],
        },
        Campaign {
            platform: ("h8-wenfang", "文房优选"),
            goods: ("毛边纸 练习纸 500张", "文具/练习纸"),
            prices: (3_900, 2_400, 2_900),
            follow: 6,
            terms: (
                "开学季 跟价规则",
                "1. 报名商品由平台按全网竞品最低价自动跟价；\n2. 商家关闭跟价功能的，相关商品即时下架；\n3. 跟价结果商家不得异议。",
            ),
            refused: Some(("listing_removal", "关闭开学季自动跟价，商品下架")),
            labels: [
                (
                    Positive,
                    "平台自动跟随全网最低价使商品低于成本，关闭跟价即下架，参与商家全部低于成本销售（反不正当竞争法（2025） 第十四条）",
                ),
                (
                    Positive,
                    "以下架强制自动跟价并排除商家异议，属不合理限制（电子商务法 第三十五条）",
                ),
            ],
        },
        Campaign {
            platform: ("h8-sanwei", "三维造物"),
            goods: ("3D打印 耗材 PLA 1kg", "数码/3D打印耗材"),
            prices: (6_900, 4_900, 5_500),
            follow: 2,
            terms: (
                "造物节 报名说明",
                "报名自愿，活动价由商家自行设定，可随时在后台退出活动，退出不影响店铺权益。",
            ),
            refused: None,
            labels: [
                (
                    Negative,
                    "活动价由商家自定且可随时退出，两家自行定价低于成本，平台无强制（反不正当竞争法（2025） 第十四条）",
                ),
                (
                    Negative,
                    "报名自愿、商家定价、随时退出，不限制经营者（电子商务法 第三十五条）",
                ),
            ],
        },
        Campaign {
            platform: ("h8-fengchao", "蜂巢优品"),
            goods: ("土蜂蜜 500g", "食品/蜂蜜"),
            prices: (8_800, 7_900, 5_600),
            follow: 6,
            terms: (
                "蜂蜜节 活动规则",
                "商家自行申报活动价，平台审核价格不得低于申报成本；活动期间虚假发货的，按平台规则处理。",
            ),
            refused: Some(("warning", "虚假发货：揽收记录与物流单号不符")),
            labels: [
                (
                    Negative,
                    "活动价由商家申报且高于成本，唯一的处罚针对虚假发货，与价格无关（反不正当竞争法（2025） 第十四条）",
                ),
                (
                    Negative,
                    "规则只约束虚假发货，定价由商家自主（电子商务法 第三十五条）",
                ),
            ],
        },
        Campaign {
            platform: ("h8-chouduan", "绸缎庄"),
            goods: ("真丝 眼罩 双面", "服饰/配件"),
            prices: (6_800, 5_800, 3_900),
            follow: 6,
            terms: (
                "丝绸季 参考价说明",
                "平台提供参考活动价，仅供参考，商家可自行定价；2027年度费率表：全体商家技术服务费统一由4%调为4.5%，与是否报名无关。",
            ),
            refused: None,
            labels: [
                (
                    Negative,
                    "参考价仅供参考且高于成本，费率调整对全体商家一致，与是否跟价无关（反不正当竞争法（2025） 第十四条）",
                ),
                (
                    Negative,
                    "参考价不强制，费率表对所有商家一致，无差别对待（电子商务法 第三十五条）",
                ),
            ],
        },
    ];
    for (c, case) in cases.iter().enumerate() {
        campaign(city, rng, buyers, c, case, order_no);
    }
}

fn campaign(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    c: usize,
    case: &Campaign,
    order_no: &mut u64,
) {
    let (platform, name) = case.platform;
    HOUSE.platform_row(city, rng, platform, name, "sales");
    let id = format!("{platform}-fest");
    let (title, text) = case.terms;
    city.add(
        platform,
        "campaigns",
        json!({
            "platform_id": platform, "campaign_id": id, "name": title, "starts_at": at(33, 0),
            "ends_at": at(43, 86_399), "terms_text": text,
        }),
    );
    let doc = format!("{platform}-terms");
    HOUSE.document(
        city,
        platform,
        (&doc, "platform_rule", platform),
        case.terms.0,
        case.terms.1,
        30,
    );
    let (usual, during, unit) = case.prices;
    for k in 0..7 {
        let mut shop = KIT.shop(
            city,
            rng,
            platform,
            &format!("fest{c}{k}"),
            &format!("{name}{k}号商户"),
        );
        let l = HOUSE.goods(
            city,
            &mut shop,
            case.goods.0,
            case.goods.1,
            "general",
            usual,
        );
        city.add(platform, "costs", json!({
            "platform_id": platform, "listing_id": l.id, "valid_from": date(-90), "valid_to": null,
            "unit_cost_fen": unit, "basis": "declared",
        }));
        let refuser = k == 6;
        if !refuser {
            city.add(
                platform,
                "campaign_participants",
                json!({
                    "platform_id": platform, "campaign_id": id, "merchant_id": l.merchant,
                    "joined_at": at(31, 36_000 + 600 * k as i64),
                }),
            );
        }
        for d in 10..44 {
            let follows = !refuser && d >= 33 && k < case.follow;
            let price = if follows { during } else { usual };
            KIT.sell(city, rng, buyers, &l, order_no, d, price);
            if follows && rng.chance(0.5) {
                KIT.sell(city, rng, buyers, &l, order_no, d, price);
            }
        }
        if let (true, Some((action, reason))) = (refuser, case.refused) {
            city.add(
                platform,
                "merchant_sanctions",
                json!({
                    "platform_id": platform, "merchant_id": l.merchant, "at": at(34, 33_000),
                    "action": action, "reason_text": reason,
                }),
            );
        }
    }
    let [(forced, forced_why), (terms, terms_why)] = case.labels;
    KIT.t_platform(city, FORCED, platform, forced, forced_why);
    KIT.t_global(city, TERMS, "document", &doc, terms, terms_why);
}

/// A fee schedule's measures: who is measured (the first `measured` of twelve operators), the
/// action and reason, and when the measured leave the rival (`None`: they do not) or the
/// platform itself.
struct Schedule {
    platform: (&'static str, &'static str),
    measured: usize,
    action: &'static str,
    reason: &'static str,
    /// Days after each one's measure the measured leave the rival (the first `.0` of them).
    leave_rival: Option<(usize, i64, i64)>,
    /// So many operators not measured leave the rival on a drawn day.
    others_leave: usize,
    /// The measured leave the sanctioning platform instead.
    leave_here: bool,
    label: Label,
    why: &'static str,
}

/// Six platforms' fee schedules against operators also on one rival: three that drive them off
/// it, three that do not.
pub(super) fn fee_schedules(city: &mut City, rng: &mut Rng, days: i64) {
    let rival = "h8-duimian";
    HOUSE.platform_row(city, rng, rival, "对面好店", "sales");
    let cases = [
        Schedule {
            platform: ("h8-jinhu", "锦湖优选"),
            measured: 5,
            action: "fee_increase",
            reason: "检测到同时在其他平台经营：佣金费率由3%上调至15%",
            leave_rival: Some((4, 1, 4)),
            others_leave: 0,
            leave_here: false,
            label: Positive,
            why: "因在对面好店经营把佣金从3%提到15%，五家中四家在各自被调费后1至4天内关闭对面好店的店铺（电子商务法 第三十五条；平台经济反垄断指南 第十五条）",
        },
        Schedule {
            platform: ("h8-xixi", "西溪好物"),
            measured: 6,
            action: "fee_increase",
            reason: "未签署独家合作协议：年费由6800元调整为36800元",
            leave_rival: Some((5, 2, 6)),
            others_leave: 0,
            leave_here: false,
            label: Positive,
            why: "不签独家协议的年费从6800元调到36800元，六家中五家随后2至6天内退出对手平台（电子商务法 第三十五条；平台经济反垄断指南 第十五条）",
        },
        Schedule {
            platform: ("h8-gushan", "孤山市集"),
            measured: 4,
            action: "search_demotion",
            reason: "店铺在竞对平台同步上架，搜索降权并按费率表B档（8%）收取服务费",
            leave_rival: Some((4, 0, 3)),
            others_leave: 0,
            leave_here: false,
            label: Positive,
            why: "因在竞对平台上架而降权并改按高档费率，四家均在3天内关闭对手平台店铺（电子商务法 第三十五条；平台经济反垄断指南 第十五条）",
        },
        Schedule {
            platform: ("h8-baidi", "白堤生活"),
            measured: 12,
            action: "fee_increase",
            reason: "2027年度费率表（分批通知）：全类目佣金统一由3%调至4%，适用全体商家",
            leave_rival: None,
            others_leave: 0,
            leave_here: false,
            label: Negative,
            why: "费率表对全体商家统一上调，与是否在其他平台经营无关，无人退出对手平台（平台经济反垄断指南 第十五条）",
        },
        Schedule {
            platform: ("h8-qiantang", "钱塘优品"),
            measured: 4,
            action: "fee_increase",
            reason: "超时发货率超过5%：保证金由1万元上调至3万元",
            leave_rival: None,
            others_leave: 1,
            leave_here: false,
            label: Negative,
            why: "因超时发货提高保证金，与多平台经营无关；被处理的无人退出对手平台，另有一家未被处理者自行退出（电子商务法 第三十五条）",
        },
        Schedule {
            platform: ("h8-santan", "三潭集"),
            measured: 4,
            action: "traffic_limit",
            reason: "售假投诉成立：限流30天并按费率表C档收费",
            leave_rival: None,
            others_leave: 0,
            leave_here: true,
            label: Negative,
            why: "因售假投诉限流，被处理的商家关闭的是本平台店铺，对手平台店铺照常经营（平台经济反垄断指南 第十五条）",
        },
    ];
    for (s, case) in cases.iter().enumerate() {
        schedule(city, rng, (s, case), rival, days);
    }
}

fn schedule(city: &mut City, rng: &mut Rng, (s, case): (usize, &Schedule), rival: &str, days: i64) {
    let (platform, name) = case.platform;
    HOUSE.platform_row(city, rng, platform, name, "sales");
    for k in 0..12 {
        let (adcode, address) = KIT.address(rng);
        let uscc = code(rng, "91", adcode, true);
        let company = format!("杭州{name}联营{s}{k}商贸有限公司");
        let founded = -rng.range(700, 2_400);
        registry(
            city, rng, &uscc, &company, "company", &address, adcode, "active", founded, None,
        );
        let measured = k < case.measured;
        // Measures staggered over three weeks, one every two to four days.
        let on = 14 + 3 * k as i64 + rng.range(0, 1);
        let rival_exit = match case.leave_rival {
            Some((n, lo, hi)) if measured && k < n => Some(on + rng.range(lo, hi)),
            _ if !measured && k - case.measured < case.others_leave => Some(rng.range(20, 45)),
            _ => None,
        };
        let here_exit = (measured && case.leave_here).then(|| on + rng.range(3, 7));
        for (p, closes) in [(platform, here_exit), (rival, rival_exit)] {
            let merchant = format!("{p}-h8-fee{s}{k}");
            let shop_name = format!("{name}联营{k}号");
            let homed = Homed {
                merchant: &merchant,
                company: &company,
                shop_name: &shop_name,
                uscc: &uscc,
                address: &address,
                adcode,
                opened: (300, 1_200),
                turnover: 38_000_000,
                orders: (3, 19),
                order_value: 8_600,
                listings: 24,
            };
            let measure: Option<Measure<'_>> =
                (p == platform && measured).then_some((on, 40_800, case.action, case.reason));
            homed_shop(city, rng, p, &homed, (closes, measure), days);
        }
    }
    KIT.t_platform(city, EXIT, platform, case.label, case.why);
}
