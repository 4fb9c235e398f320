//! `tianping notices …`: a minor alert from detection → a rectification notice through the
//! platform (a second one refused) → listed for the platform → the platform's reply with an
//! attachment hashed from its file (a staff member cannot reply for it) → accepted → shown with
//! its history; bad flags are usage errors.

use crate::support::{examples, load_departments, tianping};

#[test]
fn issue_list_reply_accept_show() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    load_departments(h);
    let batch = examples().join("tmall-2026-03-01-0001");
    assert_eq!(
        tianping(h, &["ingest", batch.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let detect = ["detect", "--as-of", "2026-03-05T00:00:00+08:00"];
    assert_eq!(tianping(h, &detect).status.code(), Some(0));
    let out = tianping(h, &["--json", "alerts", "--as-of", "2026-03-05"]);
    assert_eq!(out.status.code(), Some(0));
    let alerts: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let minor = alerts
        .iter()
        .find(|a| {
            a["disposal"]["tier"] == "rectification" && a["disposal"]["via_platform"].is_string()
        })
        .unwrap_or_else(|| panic!("no minor alert among {} alerts", alerts.len()));
    let alert = minor["alert_id"].as_str().unwrap();
    let who = |actor: &'static str, role: &'static str, at: &'static str| {
        vec![
            "--actor",
            actor,
            "--role",
            role,
            "--reason",
            "依职权处理",
            "--at",
            at,
        ]
    };
    let mut issue = vec![
        "--json",
        "notices",
        "issue",
        alert,
        "--department",
        "wangjian",
        "--region",
        "330106",
    ];
    issue.extend(who("u-o1", "officer", "2026-03-05T10:00:00+08:00"));
    let out = tianping(h, &issue);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let notice: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = notice["notice_id"].as_str().unwrap().to_string();
    // Thursday 2026-03-05 + 10 working days.
    assert_eq!(notice["deadline"]["due"], "2026-03-19");
    let platform = notice["platform"].as_str().unwrap().to_string();
    assert_eq!(
        tianping(h, &issue).status.code(),
        Some(1),
        "one open notice per alert"
    );

    let out = tianping(h, &["notices", "list", "--platform", &platform]);
    assert!(String::from_utf8_lossy(&out.stdout).contains(&id));
    let out = tianping(h, &["notices", "list", "--platform", "nobody"]);
    assert!(out.stdout.is_empty());
    assert_eq!(
        tianping(h, &["notices", "list", "--overdue-on", "3/20"])
            .status
            .code(),
        Some(2)
    );

    let attachment = h.join("整改后.png");
    std::fs::write(&attachment, b"page after the fix").unwrap();
    let digest = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(b"page after the fix"))
    };
    let reply = |role: &'static str| {
        let mut args = vec![
            "notices".to_string(),
            "reply".into(),
            id.clone(),
            "--platform".into(),
            platform.clone(),
            "--kind".into(),
            "done".into(),
            "--text".into(),
            "已删除虚构原价".into(),
            "--attach".into(),
            attachment.to_str().unwrap().into(),
        ];
        args.extend(
            who("p-api", role, "2026-03-10T09:00:00+08:00")
                .into_iter()
                .map(String::from),
        );
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        tianping(h, &refs)
    };
    assert_eq!(
        reply("officer").status.code(),
        Some(1),
        "staff cannot reply for the platform"
    );
    let out = reply("platform");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut accept = vec!["notices", "accept", id.as_str()];
    accept.extend(who("u-o1", "officer", "2026-03-11T09:00:00+08:00"));
    assert_eq!(tianping(h, &accept).status.code(), Some(0));

    let out = tianping(h, &["notices", "show", &id]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("accepted"), "{text}");
    assert!(text.contains(&digest), "{text}");
    assert!(text.contains("#3\taccept"), "{text}");
}
