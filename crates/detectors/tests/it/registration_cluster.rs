use serde_json::{Value, json};
use tianping_detectors::registration_cluster::RegistrationCluster;

use crate::support::*;

const AS_OF: &str = "2026-05-01T00:00:00+08:00";

/// Written variants of one room: 余杭区文一西路1500号5幢201室.
const VARIANTS: &[&str] = &[
    "杭州市余杭区文一西路1500号5幢201室",
    "浙江省杭州市余杭区文一西路1500号5号楼201室",
    "杭州余杭文一西路１５００号5幢201",
    "余杭区文一西路1500号5栋201室（联系电话13800000000）",
];

fn company(k: usize, address: &str, rep: &str, established: &str) -> Value {
    json!({"uscc": format!("91330110MA{k:08}"), "name": format!("杭州某{k}科技有限公司"), "legal_rep_pid": rep,
           "address": address, "established_on": established, "status": "active"})
}

fn cluster(n: usize) -> Vec<Value> {
    (0..n)
        .map(|k| {
            company(
                k,
                VARIANTS[k % VARIANTS.len()],
                &format!("rep{}", k % 3),
                "2026-03-15",
            )
        })
        .collect()
}

fn detect(
    registry: Vec<Value>,
    merchants: Vec<Value>,
    allowed: &[&str],
) -> Vec<tianping_detect::Finding> {
    let mut ctx = tianping_detect::DetectCtx::new(AS_OF).unwrap();
    if !allowed.is_empty() {
        ctx.lists
            .entry("registration_cluster.one_address".into())
            .or_default()
            .insert(
                "allowed_addresses".into(),
                allowed.iter().map(|s| s.to_string()).collect(),
            );
    }
    let mut sink = tianping_detect::FindingSink::new("registration_cluster", 1);
    tianping_detect::Detector::detect(
        &RegistrationCluster,
        &ctx,
        &data(&[("registry", registry), ("merchants", merchants)], 5),
        &mut sink,
    );
    sink.into_findings()
}

#[test]
fn many_companies_in_one_room_written_differently_are_one_cluster() {
    let f = detect(cluster(12), vec![], &[]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].subject.id, "330110|文一西路|1500|5||201");
    assert_eq!(f[0].evidence["operators"], 12);
    assert_eq!(
        f[0].evidence["written_variants"].as_array().unwrap().len(),
        4
    );
    assert_eq!(
        f[0].evidence["young_operators"], 12,
        "all registered within 180 days"
    );
    assert_eq!(
        f[0].evidence["shared_representatives"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(f[0].severity, tianping_detect::Severity::High);
}

/// `n` operators in one room, each with its own representative (not linked).
fn unlinked(n: usize) -> Vec<Value> {
    (0..n)
        .map(|k| {
            company(
                k,
                VARIANTS[k % VARIANTS.len()],
                &format!("solo{k}"),
                "2026-03-15",
            )
        })
        .collect()
}

/// `n` operators in one room: `young` of them registered in March 2026, the rest in 2015; the
/// first `shared` represented by one person, the others each by their own.
fn linked(n: usize, young: usize, shared: usize) -> Vec<Value> {
    (0..n)
        .map(|k| {
            let rep = if k < shared {
                "boss".to_string()
            } else {
                format!("solo{k}")
            };
            let since = if k < young {
                "2026-03-15"
            } else {
                "2015-06-01"
            };
            company(k, VARIANTS[k % VARIANTS.len()], &rep, since)
        })
        .collect()
}

#[test]
fn nine_operators_are_below_the_threshold_and_ten_meet_it() {
    assert!(detect(unlinked(9), vec![], &[]).is_empty());
    let f = detect(unlinked(10), vec![], &[]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].evidence["linked"], false);
}

#[test]
fn a_linked_room_is_a_cluster_from_five_operators() {
    // Five operators, all new, three of them represented by one person: a finding.
    let f = detect(linked(5, 5, 3), vec![], &[]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["linked"], true);
    assert_eq!(f[0].evidence["operators"], 5);
    // Four: below `min_operators_linked`.
    assert!(detect(linked(4, 4, 4), vec![], &[]).is_empty());
    // The representative behind only two (below `shared_rep_min` = 3): not linked.
    assert!(detect(linked(8, 8, 2), vec![], &[]).is_empty());
    // Exactly half new (4 of 8) is linked; fewer than half (3 of 8) is not.
    assert_eq!(detect(linked(8, 4, 3), vec![], &[]).len(), 1);
    assert!(detect(linked(8, 3, 3), vec![], &[]).is_empty());
    // A couple's two entities at home are far below either number.
    assert!(detect(linked(2, 2, 2), vec![], &[]).is_empty());
}

#[test]
fn an_office_tower_with_one_company_per_room_is_not_a_cluster() {
    let tower: Vec<Value> = (0..40)
        .map(|k| {
            company(
                k,
                &format!("杭州市西湖区文三路90号1幢{}室", 101 + k),
                &format!("rep{k}"),
                "2018-01-01",
            )
        })
        .collect();
    assert!(detect(tower, vec![], &[]).is_empty());
}

#[test]
fn an_allow_listed_host_address_is_not_a_finding() {
    assert!(
        detect(
            cluster(30),
            vec![],
            &["浙江省杭州市余杭区文一西路1500号5幢201室"]
        )
        .is_empty()
    );
    // The allow-list is matched after normalisation, and only that address is exempt.
    assert_eq!(
        detect(cluster(30), vec![], &["杭州市余杭区文一西路1500号5幢202室"]).len(),
        1
    );
}

#[test]
fn vague_addresses_are_not_grouped() {
    let vague: Vec<Value> = (0..20)
        .map(|k| company(k, "杭州市余杭区", "rep", "2026-03-01"))
        .collect();
    assert!(detect(vague, vec![], &[]).is_empty());
}

#[test]
fn the_2021_reform_does_not_split_a_cluster() {
    // 下城区 was merged into 拱墅区: both names are one place.
    let shops: Vec<Value> = (0..10)
        .map(|k| {
            let district = if k % 2 == 0 { "下城区" } else { "拱墅区" };
            json!({"platform_id": "p", "merchant_id": format!("s{k}"), "merchant_type": "natural_person", "holder_pid": format!("h{k}"),
                   "name": format!("个人网店{k}"), "address": format!("杭州市{district}莫干山路88号3单元602室"), "opened_on": "2026-04-01"})
        })
        .collect();
    let f = detect(vec![], shops, &[]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].subject.id, "330105|莫干山路|88||3|602");
    assert_eq!(f[0].related.len(), 10, "the shops are related");
}

#[test]
fn operators_registered_after_as_of_are_not_counted() {
    let mut registry = unlinked(9);
    registry.push(company(99, VARIANTS[0], "rep0", "2026-06-01"));
    assert!(detect(registry, vec![], &[]).is_empty());
    // Linked: four before as_of and one after is below five.
    let mut registry = linked(4, 4, 4);
    registry.push(company(99, VARIANTS[0], "boss", "2026-06-01"));
    assert!(detect(registry, vec![], &[]).is_empty());
}

/// `unlinked(n)` with the first `struck` entities struck off: cancelled (注销) or revoked (吊销).
fn with_struck_off(n: usize, struck: usize) -> Vec<Value> {
    let mut rows = unlinked(n);
    for (k, row) in rows.iter_mut().enumerate().take(struck) {
        row["status"] = json!(if k % 2 == 0 { "cancelled" } else { "revoked" });
    }
    rows
}

#[test]
fn successive_tenants_struck_off_are_not_a_cluster() {
    // Ten companies over the years, nine struck off: one holds the room now.
    assert!(detect(with_struck_off(10, 9), vec![], &[]).is_empty());
    // At the threshold: eleven, one struck off, leaves ten that exist — a finding, naming the one.
    let f = detect(with_struck_off(11, 1), vec![], &[]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["operators"], 10);
    assert_eq!(f[0].evidence["struck_off_not_counted"], 1);
    assert_eq!(f[0].evidence["struck_off_list"][0], "91330110MA00000000");
    // Just below: ten, one struck off, leaves nine — no finding.
    assert!(detect(with_struck_off(10, 1), vec![], &[]).is_empty());
}

#[test]
fn a_struck_off_entity_still_trading_at_the_address_is_counted() {
    // Ten companies, one revoked, but that one's shop still declares the room: ten operators.
    let registry = with_struck_off(10, 2)
        .into_iter()
        .enumerate()
        .map(|(k, mut r)| {
            if k == 0 {
                r["status"] = json!("active");
            }
            r
        })
        .collect::<Vec<_>>();
    let shop = json!({"platform_id": "p", "merchant_id": "s1", "merchant_type": "company",
        "uscc": "91330110MA00000001", "name": "杭州某1科技有限公司", "address": VARIANTS[1],
        "opened_on": "2026-03-20"});
    let f = detect(registry, vec![shop], &[]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["operators"], 10);
    assert_eq!(f[0].evidence["struck_off_not_counted"], 0);
}

/// `n` operators in one room registered in 2015: the first `shared` by one person, on days
/// `0, step, 2·step…` from 2015-06-01; the others by their own representatives a year apart.
fn old_burst(n: usize, shared: usize, step: i64) -> Vec<Value> {
    let start = i64::from(tianping_domain::value::days_from_civil(2015, 6, 1).unwrap());
    (0..n)
        .map(|k| {
            let (rep, day) = if k < shared {
                ("boss".to_string(), start + step * k as i64)
            } else {
                (format!("solo{k}"), start - 365 * (k as i64 + 1))
            };
            let since = tianping_domain::value::format_date(day);
            company(k, VARIANTS[k % VARIANTS.len()], &rep, &since)
        })
        .collect()
}

#[test]
fn one_person_registering_a_room_full_at_once_is_linked_however_long_ago() {
    // Version 4: nine companies, one representative, one day, eleven years before as_of.
    let f = detect(old_burst(9, 9, 0), vec![], &[]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["linked"], true);
    assert_eq!(f[0].evidence["young_operators"], 0);
    assert_eq!(f[0].evidence["burst_by_one_representative"], 9);
    // At the line: four of eight by one person within 30 days (days 0, 10, 20, 30) is half.
    assert_eq!(detect(old_burst(8, 4, 10), vec![], &[]).len(), 1);
    // 31 days from the first to the last leaves three in any 30 days: under half.
    let spread = {
        let mut v = old_burst(8, 4, 10);
        v[3]["established_on"] = json!("2015-07-02");
        v
    };
    assert!(detect(spread, vec![], &[]).is_empty());
    // The same person's companies registered years apart are a family's, not a burst.
    assert!(detect(old_burst(8, 8, 400), vec![], &[]).is_empty());
    // A burst without a shared representative (each its own) is not linked either.
    let solo: Vec<Value> = (0..9)
        .map(|k| {
            company(
                k,
                VARIANTS[k % VARIANTS.len()],
                &format!("solo{k}"),
                "2015-06-01",
            )
        })
        .collect();
    assert!(detect(solo, vec![], &[]).is_empty());
}

/// Fifteen companies of fifteen representatives registered a month apart in one room, and the
/// room's host registered with `scope` (status `host_status`) as the sixteenth.
fn hosted(scope: &str, host_status: &str) -> Vec<Value> {
    let mut v: Vec<Value> = (0..15)
        .map(|k| {
            company(
                k,
                VARIANTS[k % VARIANTS.len()],
                &format!("own{k}"),
                &format!("2025-{:02}-10", 1 + k % 12),
            )
        })
        .collect();
    v.push(json!({"uscc": "91330110MAHOST0001", "name": "杭州某商务秘书有限公司", "legal_rep_pid": "host-rep",
        "address": VARIANTS[0], "established_on": "2024-06-01", "status": host_status,
        "business_scope": scope}));
    v
}

/// Version 5: a registered host's room (an entity there, not struck off, whose business scope
/// names 住所托管 / 集群注册, not denied) is no finding on the count alone; a linked site there
/// still is, with the host named.
#[test]
fn a_registered_hosts_room_is_a_cluster_only_when_linked() {
    use tianping_detectors::registration_cluster::hosts_registrations as host;
    for yes in [
        "商务秘书服务（集群注册住所托管）",
        "商务秘书服务；住所托管服务",
        "为集群登记企业提供地址托管",
    ] {
        assert!(host(yes), "{yes}");
    }
    for no in [
        "商务秘书服务",
        "企业管理咨询（不含住所托管）",
        "商务秘书服务，不得从事集群注册",
        "日用百货销售",
        "",
    ] {
        assert!(!host(no), "{no}");
    }
    // Without a host the sixteen are a cluster; behind a registered host they are not.
    let plain = detect(hosted("企业管理咨询", "active"), vec![], &[]);
    assert_eq!(plain.len(), 1, "{plain:#?}");
    assert_eq!(plain[0].evidence["operators"], 16);
    assert!(
        detect(
            hosted("商务秘书服务（集群注册住所托管）", "active"),
            vec![],
            &[]
        )
        .is_empty()
    );
    // A denied scope, or a host struck off, hosts nothing.
    assert_eq!(
        detect(
            hosted("商务秘书服务（不含住所托管）", "active"),
            vec![],
            &[]
        )
        .len(),
        1
    );
    assert_eq!(
        detect(
            hosted("商务秘书服务（集群注册住所托管）", "cancelled"),
            vec![],
            &[]
        )
        .len(),
        1
    );
    // Bulk registration at the host: one person behind six of ten, new, is still a cluster
    // (the linked rule), and the host is named.
    let mut taken = hosted("商务秘书服务（集群注册住所托管）", "active");
    taken.truncate(3);
    taken.push(
        hosted("商务秘书服务（集群注册住所托管）", "active")
            .pop()
            .unwrap(),
    );
    for k in 0..6 {
        taken.push(company(
            200 + k,
            VARIANTS[k % VARIANTS.len()],
            "bulk-rep",
            &format!("2026-04-{:02}", 1 + k),
        ));
    }
    let f = detect(taken, vec![], &[]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["linked"], true);
    assert_eq!(f[0].evidence["operators"], 10);
    assert_eq!(
        f[0].evidence["registered_hosts"][0]["uscc"],
        "91330110MAHOST0001"
    );
}
