//! Planted registration clusters (集群注册 / 一址多照, 市场主体登记管理条例): many operators at one
//! room, written in different ways, and the look-alikes: an office tower with one company per
//! room, and a cluster-registration host the regulator has approved (on the allow-list the city
//! ships in `detect.toml`).

use serde_json::json;

use crate::city::{City, date, uscc};
use crate::rng::Rng;
use crate::truth::Label;

const RULE: &str = "registration_cluster.one_address";

/// The approved host's address (also written to the city's `detect.toml`).
pub const HOST_ADDRESS: &str = "杭州市滨江区网商路599号1幢1001室";

/// Plants the clusters and the negatives.
pub fn plant(city: &mut City, root: &Rng, days: i64) {
    let mut rng = root.fork("plant-clusters");
    let big = days >= 60;
    // Shell companies in one flat of 余杭区, three people as their legal representatives.
    let variants = [
        "杭州市余杭区文一西路1500号5幢201室",
        "浙江省杭州市余杭区文一西路1500号5号楼201室",
        "杭州余杭文一西路１５００号5幢201",
        "余杭区仓前街道文一西路1500号5栋201室",
    ];
    let reps: Vec<String> = (0..3).map(|_| rng.hex64()).collect();
    for k in 0..if big { 30 } else { 12 } {
        let established = -rng.range(20, 150);
        company(
            city,
            &mut rng,
            &format!("杭州壳{k}科技有限公司"),
            variants[k % 4],
            "330110",
            &reps[k % 3],
            established,
        );
    }
    city.truth.add_global(
        "registration_cluster",
        RULE,
        "address",
        "330110|文一西路|1500|5||201",
        Label::Positive,
        "同一房间登记大量新设公司，三人担任法定代表人",
    );
    // Natural-person shops on the social platform, declaring one flat (half still call it 下城区).
    for k in 0..12 {
        let district = if k % 2 == 0 { "下城区" } else { "拱墅区" };
        let merchant = format!("kanbo-flat{k}");
        city.add("kanbo", "merchants", json!({
            "platform_id": "kanbo", "merchant_id": merchant, "merchant_type": "natural_person", "uscc": null,
            "holder_pid": rng.hex64(), "name": format!("个人小店{k}"), "shop_name": format!("好物{k}铺"),
            "address": format!("杭州市{district}莫干山路88号3单元602室"), "adcode": "330105", "contact_pid": rng.hex64(),
            "license_displayed": true, "opened_on": date(-rng.range(10, 90)), "closed_on": null, "annual_turnover_fen": rng.range(100_000, 2_000_000),
        }));
    }
    city.truth.add_global(
        "registration_cluster",
        RULE,
        "address",
        "330105|莫干山路|88||3|602",
        Label::Positive,
        "12 个自然人网店申报同一住宅地址（部分仍写作下城区）",
    );
    // Eleven trading companies in one room of 上城区, written three ways, registered this year.
    let variants = [
        "杭州市上城区解放路100号2幢301室",
        "上城区解放路100号2号楼301室",
        "浙江省杭州市上城区解放路１００号2栋301",
    ];
    for k in 0..11 {
        let rep = rng.hex64();
        let established = -rng.range(30, 200);
        company(
            city,
            &mut rng,
            &format!("杭州解放{k}贸易有限公司"),
            variants[k % 3],
            "330102",
            &rep,
            established,
        );
    }
    city.truth.add_global(
        "registration_cluster",
        RULE,
        "address",
        "330102|解放路|100|2||301",
        Label::Positive,
        "同一房间登记 11 家新设贸易公司（三种写法）",
    );
    // One company with twelve shops on one platform, all declaring its own office: one operator.
    let code = uscc(&mut rng, "330106", true);
    city.add("registry", "registry", json!({
        "uscc": code, "name": "杭州连锁优品有限公司", "entity_type": "company", "legal_rep_pid": rng.hex64(),
        "address": "杭州市西湖区天目山路398号3幢1201室", "adcode": "330106", "established_on": date(-2000),
        "status": "active", "business_scope": "日用百货零售", "registered_capital_fen": 500_000_000,
        "annual_report_filed": true,
    }));
    for k in 0..12 {
        city.add("huishang", "merchants", json!({
            "platform_id": "huishang", "merchant_id": format!("huishang-chain{k}"), "merchant_type": "company", "uscc": code,
            "holder_pid": null, "name": "杭州连锁优品有限公司", "shop_name": format!("连锁优品{k}号店"),
            "address": "杭州市西湖区天目山路398号3幢1201室", "adcode": "330106", "contact_pid": rng.hex64(),
            "license_displayed": true, "opened_on": date(-rng.range(100, 900)), "closed_on": null, "annual_turnover_fen": 90_000_000,
        }));
    }
    city.truth.add_global(
        "registration_cluster",
        RULE,
        "address",
        "330106|天目山路|398|3||1201",
        Label::Negative,
        "同一公司开设 12 家网店申报本公司地址：只是一个经营者",
    );
    // An office tower: one company per room.
    for k in 0..30 {
        let rep = rng.hex64();
        let established = -rng.range(400, 3000);
        company(
            city,
            &mut rng,
            &format!("杭州软件园{k}有限公司"),
            &format!("杭州市西湖区文三路90号1幢{}室", 101 + k),
            "330106",
            &rep,
            established,
        );
    }
    city.truth.add_global(
        "registration_cluster",
        RULE,
        "address",
        "330106|文三路|90|1||101",
        Label::Negative,
        "写字楼内每家公司各占一个房间",
    );
    // An approved cluster-registration host (allow-listed).
    for k in 0..25 {
        let rep = rng.hex64();
        let established = -rng.range(30, 700);
        company(
            city,
            &mut rng,
            &format!("杭州托管{k}网络有限公司"),
            HOST_ADDRESS,
            "330108",
            &rep,
            established,
        );
    }
    city.truth.add_global(
        "registration_cluster",
        RULE,
        "address",
        "330108|网商路|599|1||1001",
        Label::Negative,
        "经核准的集群注册托管地址（已列入白名单）",
    );
}

fn company(
    city: &mut City,
    rng: &mut Rng,
    name: &str,
    address: &str,
    adcode: &str,
    rep: &str,
    established: i64,
) {
    let code = uscc(rng, adcode, true);
    city.add("registry", "registry", json!({
        "uscc": code, "name": name, "entity_type": "company", "legal_rep_pid": rep, "address": address, "adcode": adcode,
        "established_on": date(established), "status": "active", "business_scope": "技术服务、网络销售",
        "registered_capital_fen": rng.range(1_000_000, 100_000_000), "annual_report_filed": established < -365,
    }));
}
