use tianping_ingest::{BatchStatus, QuarantinedRow};

use crate::support::*;

async fn quarantine_of(world: &World) -> Vec<QuarantinedRow> {
    world
        .store
        .quarantine("tmall", "b1", 1000, 0)
        .await
        .unwrap()
}

/// Every field rule, one bad `orders` CSV row each, between good rows: the exact rule, field and
/// record are quarantined, every good row is accepted, and the raw bytes are kept exactly.
#[tokio::test(flavor = "multi_thread")]
async fn each_csv_field_rule_is_quarantined_with_its_rule() {
    let long_text = "长".repeat(30_000); // 90,000 bytes > 64 KiB
    let cases: Vec<(&str, String, &str)> = vec![
        ("order_id", "o 1".into(), "id_format"),
        ("order_id", "x".repeat(65), "id_format"),
        ("buyer_pid", "ABC".into(), "pid_format"),
        ("buyer_pid", "13812345678".into(), "raw_phone_number"),
        ("buyer_pid", "11010519491231002X".into(), "raw_id_number"),
        ("buyer_pid", String::new(), "null_required"),
        ("quantity", "0".into(), "below_minimum"),
        ("quantity", "1.5".into(), "int_format"),
        ("unit_price_fen", "-1".into(), "below_minimum"),
        ("ordered_at", "2026-03-01 10:00:00".into(), "time_format"),
        ("ordered_at", "2026-03-01T10:00:00".into(), "time_format"),
        (
            "ordered_at",
            "1600-03-01T10:00:00Z".into(),
            "time_out_of_range",
        ),
        ("ship_adcode", "33010".into(), "adcode_format"),
        ("status", "delivered".into(), "enum_unknown"),
        ("return_reason", "changed_mind".into(), "enum_unknown"),
        ("invoice_requested", "yes".into(), "bool_format"),
        ("platform_id", "jd".into(), "platform_mismatch"),
        ("logistics_no", format!("\"{long_text}\""), "text_too_long"),
    ];
    let mut rows = vec![order_row(1000)];
    for (i, (field, value, _)) in cases.iter().enumerate() {
        rows.push(set(order_row(i), field, value));
        rows.push(order_row(2000 + i));
    }
    let bytes = csv_text(ORDER_HEADER, &rows);
    let n = rows.len() as u64;
    let world = World::new().await;
    let receipt = world
        .ingest_spec(&BatchSpec::new("tmall", "b1").file(
            "orders",
            "orders.csv",
            "csv",
            bytes.clone(),
            n,
        ))
        .await;
    assert_eq!(receipt.status, BatchStatus::Accepted, "{receipt:#?}");
    assert_eq!(receipt.quarantined, cases.len() as u64);
    assert_eq!(receipt.accepted + receipt.quarantined, n);
    assert_eq!(world.lake_rows("orders").await, receipt.accepted);
    let quarantined = quarantine_of(&world).await;
    let lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    for (i, (field, _, rule)) in cases.iter().enumerate() {
        let record = 2 + 2 * i as u64;
        let q = quarantined
            .iter()
            .find(|q| q.record == record)
            .unwrap_or_else(|| panic!("record {record} quarantined"));
        assert_eq!(
            (q.rule.as_str(), q.field.as_deref()),
            (*rule, Some(*field)),
            "case {i}"
        );
        assert_eq!(q.line, Some(record + 1), "header is line 1");
        assert_eq!(
            q.raw, lines[record as usize],
            "raw bytes kept exactly (case {i})"
        );
        assert_eq!(q.personal, rule.starts_with("raw_"));
    }
    let phone = quarantined
        .iter()
        .find(|q| q.rule == "raw_phone_number")
        .unwrap();
    assert_eq!(
        phone.value.as_deref(),
        Some("138****5678"),
        "personal values are masked"
    );
    assert!(!phone.message.contains("13812345678") && !phone.message_en.contains("13812345678"));
}

#[tokio::test(flavor = "multi_thread")]
async fn csv_structure_errors_are_quarantined() {
    let mut bytes = csv_text(ORDER_HEADER, &[order_row(1)]);
    // A record with one field too few, one with invalid UTF-8 in a field, then a good one.
    let mut short = order_row(2);
    short.pop();
    bytes.extend_from_slice(short.join(",").as_bytes());
    bytes.push(b'\n');
    let bad_utf8 = set(order_row(3), "logistics_no", "SF__");
    let mut line = bad_utf8.join(",").into_bytes();
    let pos = line.windows(4).position(|w| w == b"SF__").unwrap();
    line[pos + 2] = 0xff;
    line[pos + 3] = 0xfe;
    bytes.extend_from_slice(&line);
    bytes.push(b'\n');
    bytes.extend_from_slice(order_row(4).join(",").as_bytes());
    bytes.extend_from_slice(b"\r\n");
    let world = World::new().await;
    let receipt = world
        .ingest_spec(&BatchSpec::new("tmall", "b1").file("orders", "orders.csv", "csv", bytes, 4))
        .await;
    assert_eq!(
        (receipt.accepted, receipt.quarantined),
        (2, 2),
        "{receipt:#?}"
    );
    let q = quarantine_of(&world).await;
    assert_eq!(
        (q[0].record, q[0].rule.as_str(), q[0].field.as_deref()),
        (2, "field_count", None)
    );
    assert!(
        q[0].message_en.contains("23 fields, the header has 24"),
        "{}",
        q[0].message_en
    );
    assert_eq!(
        (q[1].record, q[1].rule.as_str(), q[1].field.as_deref()),
        (3, "invalid_utf8", Some("logistics_no"))
    );
    assert!(q[1].raw.contains(&0xff), "raw keeps the invalid bytes");
}

#[tokio::test(flavor = "multi_thread")]
async fn csv_with_bom_quotes_and_crlf_is_read() {
    let mut rows = vec![order_row(1), order_row(2)];
    rows[1] = set(rows[1].clone(), "logistics_no", "\"SF,\"\"2\"\"\r\nnext\"");
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(csv_text(ORDER_HEADER, &rows).iter().flat_map(|b| {
        if *b == b'\n' {
            vec![b'\r', b'\n']
        } else {
            vec![*b]
        }
    }));
    let world = World::new().await;
    let receipt = world
        .ingest_spec(&BatchSpec::new("tmall", "b1").file("orders", "orders.csv", "csv", bytes, 2))
        .await;
    assert_eq!(
        (receipt.accepted, receipt.quarantined),
        (2, 0),
        "{receipt:#?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn jsonl_rules() {
    let good = |i: usize| {
        serde_json::json!({"platform_id": "tmall", "review_id": format!("r{i}"), "listing_id": "l1", "merchant_id": "m1",
            "reviewer_pid": pid("r"), "rating": 5, "text": "好评", "has_media": false, "created_at": "2026-03-01T10:00:00+08:00"})
    };
    let mut lines: Vec<Vec<u8>> = Vec::new();
    lines.push(serde_json::to_vec(&good(1)).unwrap());
    lines.push(b"{\"platform_id\": \"tmall\",".to_vec()); // 2: does not parse
    lines.push(b"[1, 2]".to_vec()); // 3: not an object
    let mut missing = good(4);
    missing.as_object_mut().unwrap().remove("rating");
    lines.push(serde_json::to_vec(&missing).unwrap()); // 4: missing field
    let mut wrong_type = good(5);
    wrong_type["rating"] = "5".into();
    lines.push(serde_json::to_vec(&wrong_type).unwrap()); // 5: a string where an integer belongs
    let mut null = good(6);
    null["text"] = serde_json::Value::Null;
    lines.push(serde_json::to_vec(&null).unwrap()); // 6: null in a required field
    let mut high = good(7);
    high["rating"] = 6.into();
    lines.push(serde_json::to_vec(&high).unwrap()); // 7: above maximum
    lines.push(serde_json::to_vec(&good(1)).unwrap()); // 8: duplicate key
    lines.push(b"{\"platform_id\": \"tm\xffall\"}".to_vec()); // 9: invalid UTF-8
    let mut extra = good(10);
    extra["colour"] = "red".into();
    lines.push(serde_json::to_vec(&extra).unwrap()); // 10: unknown key, ignored
    let mut bytes = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        bytes.extend_from_slice(line);
        bytes.push(b'\n');
        if i == 0 {
            bytes.extend_from_slice(b"   \n"); // a blank line is not a record
        }
    }
    let world = World::new().await;
    let receipt = world
        .ingest_spec(&BatchSpec::new("tmall", "b1").file(
            "reviews",
            "reviews.jsonl",
            "jsonl",
            bytes,
            10,
        ))
        .await;
    assert_eq!(
        (receipt.accepted, receipt.quarantined),
        (2, 8),
        "{receipt:#?}"
    );
    assert_eq!(receipt.files[0].ignored_columns, vec!["colour".to_string()]);
    let q = quarantine_of(&world).await;
    let got: Vec<(u64, Option<u64>, &str, Option<&str>)> = q
        .iter()
        .map(|q| (q.record, q.line, q.rule.as_str(), q.field.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (2, Some(3), "json_syntax", None),
            (3, Some(4), "json_not_object", None),
            (4, Some(5), "missing_field", Some("rating")),
            (5, Some(6), "type_mismatch", Some("rating")),
            (6, Some(7), "null_required", Some("text")),
            (7, Some(8), "above_maximum", Some("rating")),
            (8, Some(9), "duplicate_key", Some("platform_id,review_id")),
            (9, Some(10), "invalid_utf8", None),
        ]
    );
    assert_eq!(q[0].raw, lines[1], "raw line kept exactly");
}

#[tokio::test(flavor = "multi_thread")]
async fn table_specific_rules_and_warnings() {
    // merchants: uscc required unless natural_person; an inverted interval warns.
    let header = [
        "platform_id",
        "merchant_id",
        "merchant_type",
        "uscc",
        "name",
        "shop_name",
        "address",
        "license_displayed",
        "opened_on",
        "closed_on",
    ];
    let row = |id: &str, kind: &str, uscc: &str, closed: &str| -> Vec<String> {
        vec![
            "tmall".into(),
            id.into(),
            kind.into(),
            uscc.into(),
            "某公司".into(),
            "某店".into(),
            "杭州市".into(),
            "true".into(),
            "2024-01-01".into(),
            closed.into(),
        ]
    };
    let rows = vec![
        row("m1", "company", "91330100799655058B", ""),
        row("m2", "company", "", ""),
        row("m3", "natural_person", "", ""),
        row("m4", "company", "91350203M0001QAY9B", "2023-01-01"),
        row("m5", "company", "9133010079965505", ""),
        row("m6", "company", "91330100799655058B", "2024-13-01"),
    ];
    let world = World::new().await;
    let receipt = world
        .ingest_spec(&BatchSpec::new("tmall", "b1").file(
            "merchants",
            "m.csv",
            "csv",
            csv_text(&header, &rows),
            6,
        ))
        .await;
    assert_eq!(
        (receipt.accepted, receipt.quarantined, receipt.warnings),
        (3, 3, 1),
        "{receipt:#?}"
    );
    let q = quarantine_of(&world).await;
    let got: Vec<(u64, &str)> = q.iter().map(|q| (q.record, q.rule.as_str())).collect();
    assert_eq!(
        got,
        vec![(2, "uscc_required"), (5, "uscc_format"), (6, "date_format")]
    );
    let w = world.store.warnings("tmall", "b1", 100, 0).await.unwrap();
    let got: Vec<(u64, &str, &str)> = w
        .iter()
        .map(|w| (w.record, w.rule.as_str(), w.field.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (4, "uscc_checksum", "uscc"),
            (4, "interval_inverted", "closed_on")
        ]
    );
    assert!(
        w[0].message_en.contains("computes check character 9"),
        "{}",
        w[0].message_en
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn lists_and_regulator_imports() {
    // The regulator may import any platform's rows; list fields in CSV are `;`-separated.
    let header = [
        "platform_id",
        "name",
        "operator_uscc",
        "categories",
        "annual_active_users",
        "domicile_adcode",
    ];
    let rows = vec![
        vec![
            "tmall".into(),
            "甲".into(),
            "91330100799655058B".into(),
            "sales;services".into(),
            "10".into(),
            "330106".into(),
        ],
        vec![
            "jd".into(),
            "乙".into(),
            "91330100799655058B".into(),
            "sales;shopping".into(),
            "10".into(),
            "330106".into(),
        ],
    ];
    let world = World::new().await;
    let receipt = world
        .ingest_spec(&BatchSpec::new("regulator", "b1").file(
            "platforms",
            "p.csv",
            "csv",
            csv_text(&header, &rows),
            2,
        ))
        .await;
    assert_eq!(
        (receipt.accepted, receipt.quarantined),
        (1, 1),
        "{receipt:#?}"
    );
    let q = world
        .store
        .quarantine("regulator", "b1", 10, 0)
        .await
        .unwrap();
    assert_eq!(
        (q[0].rule.as_str(), q[0].field.as_deref()),
        ("enum_unknown", Some("categories"))
    );
    assert!(
        q[0].message_en.contains("allowed: sales, services, social"),
        "{}",
        q[0].message_en
    );
}
