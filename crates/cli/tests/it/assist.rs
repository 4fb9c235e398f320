//! `tianping cases assist | assist-receive | assist-answer | assist-reply` (协查) between two
//! installations, each with its own home, store and key, through the real binary and store: the
//! request recorded on the case and written as a package; received (and refused under a wrong
//! key), printed with the writing unit's registry names; answered by a unit of the receiver's
//! registry (an unknown one refused, listing the valid ones); the answer recorded on the case,
//! once; both evidence logs checking.

use crate::support::{examples, load_departments, tianping};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// The installation's public key, as `evidence head` prints it last.
fn key_of(home: &std::path::Path) -> String {
    let out = tianping(home, &["evidence", "head"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stderr(&out).split_whitespace().last().unwrap().to_string()
}

fn who<'a>(actor: &'a str, role: &'a str, at: &'a str) -> Vec<&'a str> {
    vec![
        "--actor",
        actor,
        "--role",
        role,
        "--reason",
        "协查往来",
        "--at",
        at,
    ]
}

#[test]
fn assistance_request_and_reply_between_two_homes() {
    // Installation A: a clue from a detected alert.
    let a_home = tempfile::tempdir().unwrap();
    let a = a_home.path();
    load_departments(a);
    let batch = examples().join("tmall-2026-03-01-0001");
    assert_eq!(
        tianping(a, &["ingest", batch.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let detect = [
        "detect",
        "--detector",
        "price_fraud",
        "--as-of",
        "2026-03-05T00:00:00+08:00",
    ];
    assert_eq!(tianping(a, &detect).status.code(), Some(0));
    let out = tianping(a, &["--json", "alerts", "--as-of", "2026-03-05"]);
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    let alert = first["alert_id"].as_str().unwrap().to_string();
    let case = format!("clue-{}", alert.trim_start_matches("alert-"));
    let mut open = vec![
        "cases",
        "open",
        alert.as_str(),
        "--department",
        "价格监督检查和反不正当竞争处",
        "--region",
        "330106",
    ];
    open.extend(who("u-a-d1", "dispatcher", "2026-03-05T09:00:00+08:00"));
    let out = tianping(a, &open);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Assistance is asked while verifying (or later).
    let mut verify = vec!["cases", "act", case.as_str(), "start_verification"];
    verify.extend(who("u-a-o1", "officer", "2026-03-05T10:00:00+08:00"));
    assert_eq!(tianping(a, &verify).status.code(), Some(0));
    let key_a = key_of(a);

    // 1. The request: recorded on the case, written as a package.
    let request_dir = a.join("to-shanghai");
    let mut assist = vec![
        "cases",
        "assist",
        case.as_str(),
        "--to-department",
        "网监处",
        "--to-region",
        "310000",
        "--request",
        "请协查该商户在沪经营情况",
        "--out",
        request_dir.to_str().unwrap(),
    ];
    assist.extend(who("u-a-o1", "officer", "2026-03-06T10:00:00+08:00"));
    let out = tianping(a, &assist);
    let said = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(
        said.contains(&format!(
            "assistance request #3 of {case} from 价格监督检查和反不正当竞争处（jiage，330106） to 网监处（310000，不在部门登记中）"
        ))
            && said.ends_with(&format!("our key {key_a}\n")),
        "{said}"
    );
    assert!(request_dir.join("manifest.json").is_file());
    let shown = String::from_utf8(tianping(a, &["cases", "show", &case]).stdout).unwrap();
    assert!(shown.contains("request_assistance"), "{shown}");
    // An officer cannot ask on a case that does not exist.
    let mut missing = assist.clone();
    missing[2] = "clue-nope";
    let missing_dir = a.join("nope");
    missing[10] = missing_dir.to_str().unwrap();
    assert_eq!(tianping(a, &missing).status.code(), Some(1));

    // Installation B (Shanghai): receives it under A's key only.
    let b_home = tempfile::tempdir().unwrap();
    let b = b_home.path();
    load_departments(b);
    let key_b = key_of(b);
    let mut receive = vec![
        "--json",
        "cases",
        "assist-receive",
        request_dir.to_str().unwrap(),
    ];
    receive.extend(who("u-b-d1", "dispatcher", "2026-03-07T09:00:00+08:00"));
    let mut wrong = receive.clone();
    wrong.extend(["--key", key_b.as_str()]);
    let out = tianping(b, &wrong);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("拒绝 refused"));
    receive.extend(["--key", key_a.as_str()]);
    let out = tianping(b, &receive);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let letter: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(letter["kind"], "assistance_request");
    assert_eq!(letter["case_id"], case.as_str());
    assert_eq!(letter["request_seq"], 3);
    assert_eq!(letter["from_department"], "jiage");
    assert_eq!(letter["from_region"], "330106");
    assert_eq!(
        letter["from_department_names"]["zh"],
        "价格监督检查和反不正当竞争处"
    );
    assert_eq!(letter["to_region"], "310000");
    assert_eq!(letter["request"], "请协查该商户在沪经营情况");
    assert_eq!(letter["requested_by"], "u-a-o1");
    assert!(stderr(&out).contains("请协查该商户在沪经营情况"));
    // The sender's unit is named from the letter, next to its id.
    assert!(
        stderr(&out).contains("from 价格监督检查和反不正当竞争处（jiage，330106）"),
        "{}",
        stderr(&out)
    );

    // 2. The answer: by a unit of B's registry; an unknown one is refused listing the valid ones.
    let reply_dir = b.join("reply");
    let answer = |department: &str| {
        let mut args = vec![
            "cases",
            "assist-answer",
            request_dir.to_str().unwrap(),
            "--key",
            key_a.as_str(),
            "--department",
            department,
            "--region",
            "330100",
            "--reply",
            "经查，该商户已于三月停业",
            "--out",
            reply_dir.to_str().unwrap(),
        ];
        args.extend(who("u-b-o1", "officer", "2026-03-08T10:00:00+08:00"));
        tianping(b, &args)
    };
    let out = answer("不存在处");
    assert_ne!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("wangjian（网络交易监督管理处）"),
        "{}",
        stderr(&out)
    );
    assert!(!reply_dir.exists(), "a refused answer writes nothing");
    let out = answer("网络交易监督管理处");
    let said = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(
        said.contains(&format!("case {case} #3")) && said.ends_with(&format!("our key {key_b}\n")),
        "{said}"
    );
    assert!(
        said.contains("reply from 网络交易监督管理处（wangjian，330100）"),
        "{said}"
    );

    // 3. Back at A: the answer is recorded on the case, under B's key, once.
    let reply = |args_key: &str| {
        let mut args = vec![
            "--lang",
            "en",
            "--json",
            "cases",
            "assist-reply",
            case.as_str(),
            "--from",
            reply_dir.to_str().unwrap(),
            "--key",
            args_key,
        ];
        args.extend(who("u-a-o1", "officer", "2026-03-09T10:00:00+08:00"));
        tianping(a, &args)
    };
    assert_eq!(
        reply(&key_a).status.code(),
        Some(1),
        "A's own key does not sign B's reply"
    );
    let out = reply(&key_b);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "reply recorded on {case} from Online Trading Supervision Division (wangjian, 330100)"
        )),
        "{}",
        stderr(&out)
    );
    let recorded: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let asked = &recorded["assistance"][0];
    assert_eq!(asked["seq"], 3);
    let summary = asked["reply"].to_string();
    assert!(
        summary.contains("经查，该商户已于三月停业") && summary.contains("wangjian"),
        "{recorded}"
    );
    let again = reply(&key_b);
    assert_eq!(
        again.status.code(),
        Some(1),
        "the request is no longer open"
    );
    assert!(
        stderr(&again).contains("没有序号为 3 的未答复协查请求"),
        "{}",
        stderr(&again)
    );
    let shown = String::from_utf8(tianping(a, &["cases", "show", &case]).stdout).unwrap();
    assert_eq!(
        shown.matches("record_assistance_reply").count(),
        1,
        "{shown}"
    );

    // Both logs hold every step and check.
    for home in [a, b] {
        let out = tianping(home, &["evidence", "check"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}
