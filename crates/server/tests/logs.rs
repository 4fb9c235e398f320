//! Structured logs over real requests: a first-run setup, a login with TOTP and a failed one, a
//! platform's push of a batch whose rows hold a phone and an ID number, denials, a quarantine
//! view, and reads whose path or query hold those numbers. Every `tracing` event is captured
//! twice — as fields (with the fields of the spans around it) and as the text the `fmt`
//! subscriber of `tianping` writes — at every level from every crate. The checks: each request
//! is one `request` event with its request id (the `X-Request-Id` answered), operation, method,
//! route, actor, status and latency; a denial's event carries the same request id; no event holds
//! a raw phone or ID number.
//!
//! Its own test binary: the subscriber is global (so it sees the server's spawned tasks and
//! blocking threads too), and no other test shares it.

#[path = "it/support.rs"]
#[allow(dead_code)]
mod support;

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::io::Write;
use std::sync::Mutex;

use axum::http::{Method, StatusCode};
use serde_json::json;
use sha2::Digest;
use support::{Answer, Auth, Harness, NowUtc, OWNER_DEPT, OWNER_REGION, personal_numbers};
use tianping_auth::Role;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

/// One captured event: its fields and those of its spans, outermost first (`message` is the
/// event's text, `target` its module).
type Fields = BTreeMap<String, String>;

static EVENTS: Mutex<Vec<Fields>> = Mutex::new(Vec::new());
static TEXT: Mutex<Vec<u8>> = Mutex::new(Vec::new());

#[derive(Default)]
struct Visitor(Fields);

impl Visit for Visitor {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_string(), value.to_string());
    }
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.0
            .insert(field.name().to_string(), format!("{value:?}"));
    }
}

/// Records every event's fields with its spans' fields.
struct Capture;

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Capture {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let mut v = Visitor::default();
        attrs.record(&mut v);
        if let Some(span) = ctx.span(id) {
            span.extensions_mut().insert(v);
        }
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        if let Some(span) = ctx.span(id)
            && let Some(v) = span.extensions_mut().get_mut::<Visitor>()
        {
            values.record(v);
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let mut all = Fields::new();
        if let Some(scope) = ctx.event_scope(event) {
            for span in scope.from_root() {
                if let Some(v) = span.extensions().get::<Visitor>() {
                    all.extend(v.0.clone());
                }
            }
        }
        let mut v = Visitor::default();
        event.record(&mut v);
        all.extend(v.0);
        all.insert("target".into(), event.metadata().target().to_string());
        all.insert("level".into(), event.metadata().level().to_string());
        EVENTS.lock().unwrap().push(all);
    }
}

/// The `fmt` output, kept in [`TEXT`].
struct Text;

impl Write for Text {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        TEXT.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A valid 18-digit resident ID number (its check character computed, GB 11643).
fn id_number() -> String {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let body = "33010619900101123";
    let sum: u32 = body
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap() * w)
        .sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{body}{check}")
}

const PHONE: &str = "13900001111";

/// The example tmall batch with a fifth merchant whose holder and contact fields hold a raw ID
/// number and a raw phone number (the manifest's row count and digest updated to match).
fn batch_with_personal_numbers() -> Vec<u8> {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/batches/tmall-2026-03-01-0001");
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let merchants = dir.path().join("merchants.csv");
    let mut csv = std::fs::read_to_string(&merchants).unwrap();
    csv.push_str(&format!(
        "tmall,m5,natural_person,,{},李某,小李店,杭州市上城区,330102,{PHONE},false,2024-04-04,,50000\n",
        id_number()
    ));
    std::fs::write(&merchants, &csv).unwrap();
    let manifest_path = dir.path().join("manifest.json");
    let mut manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest_path).unwrap()).unwrap();
    for file in manifest["files"].as_array_mut().unwrap() {
        if file["table"] == "merchants" {
            file["rows"] = json!(5);
            file["sha256"] = json!(hex::encode(sha2::Sha256::digest(csv.as_bytes())));
        }
    }
    std::fs::write(&manifest_path, manifest.to_string()).unwrap();
    support::zip_dir(dir.path())
}

fn request_id(a: &Answer) -> String {
    a.headers["x-request-id"].to_str().unwrap().to_string()
}

/// The one `request` event of a request.
fn request_event(events: &[Fields], id: &str) -> Fields {
    let found: Vec<&Fields> = events
        .iter()
        .filter(|e| {
            e.get("request_id").map(String::as_str) == Some(id)
                && e.get("message").map(String::as_str) == Some("request")
        })
        .collect();
    assert_eq!(found.len(), 1, "one request event for {id}: {found:?}");
    found[0].clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn request_logs_are_structured_and_hold_no_personal_number() {
    let subscriber = tracing_subscriber::registry().with(Capture).with(
        tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_writer(|| Text),
    );
    // Also the `log` records of dependencies (through `tracing-log`).
    tracing_subscriber::util::SubscriberInitExt::try_init(subscriber).unwrap();
    let h = Harness::new().await;
    // (answer, operation, route, status, actor if known)
    let mut seen: Vec<(Answer, &str, &str, StatusCode, Option<String>)> = Vec::new();

    // First-run setup, a failed login, a login with password and TOTP.
    let setup = h
        .post_json(
            "/api/setup",
            &Auth::None,
            json!({"login": "admin", "display_name": "管理员", "password": "Correct-Horse-42",
                   "department": "hzscjg", "region": "330100"}),
        )
        .await;
    let secret = setup.json()["totp_secret"].as_str().unwrap().to_string();
    let admin_id = setup.json()["user_id"].as_str().unwrap().to_string();
    seen.push((setup, "setup", "/api/setup", StatusCode::CREATED, None));
    let code = tianping_auth::totp::Totp::from_base32(&secret)
        .unwrap()
        .code_at(h.clock.now_utc().timestamp())
        .unwrap();
    let login = |password: &'static str, code: String| json!({"login": "admin", "password": password, "totp": code});
    let failed = h
        .post_json(
            "/api/session",
            &Auth::None,
            login("Wrong-Horse-42", code.clone()),
        )
        .await;
    seen.push((
        failed,
        "login",
        "/api/session",
        StatusCode::UNAUTHORIZED,
        None,
    ));
    let ok = h
        .post_json("/api/session", &Auth::None, login("Correct-Horse-42", code))
        .await;
    seen.push((ok, "login", "/api/session", StatusCode::OK, Some(admin_id)));

    // A platform pushes a batch whose rows hold a raw phone and ID number: quarantined.
    let tmall = h.platform_key("tmall").await;
    let jd = h.platform_key("jd").await;
    let zip = batch_with_personal_numbers();
    let raw_numbers = {
        let text = String::from_utf8_lossy(
            &std::fs::read(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../../examples/batches/tmall-2026-03-01-0001/merchants.csv"),
            )
            .unwrap(),
        )
        .into_owned();
        personal_numbers(&format!("{text} {PHONE} {}", id_number()))
    };
    assert!(
        raw_numbers.contains(&PHONE.to_string()) && raw_numbers.contains(&id_number()),
        "the scanner finds the numbers the batch holds: {raw_numbers:?}"
    );
    let push = |key: String, zip: Vec<u8>| {
        let h = &h;
        async move {
            h.call(
                Method::POST,
                "/api/v1/batches",
                &Auth::ApiKey(key),
                Some(("application/zip", zip)),
            )
            .await
        }
    };
    let pushed = push(tmall.clone(), zip.clone()).await;
    assert_eq!(pushed.json()["status"], "accepted", "{}", pushed.text());
    assert!(pushed.json()["quarantined"].as_u64().unwrap() >= 2);
    seen.push((
        pushed,
        "push_batch",
        "/api/v1/batches",
        StatusCode::OK,
        Some("platform:tmall".into()),
    ));

    // Denials: another platform pushes tmall's batch; an analyst asks to unmask.
    let denied = push(jd, zip).await;
    let denied_id = request_id(&denied);
    seen.push((
        denied,
        "push_batch",
        "/api/v1/batches",
        StatusCode::FORBIDDEN,
        Some("platform:jd".into()),
    ));
    let (analyst_id, analyst) = h
        .staff("li", &[Role::Analyst], OWNER_DEPT, OWNER_REGION)
        .await;
    let analyst = Auth::Bearer(analyst);
    let q = "/api/v1/batches/tmall/tmall-2026-03-01-0001/quarantine";
    let unmask = h
        .post_json(
            &format!("{q}/unmask"),
            &analyst,
            json!({"reason": "核查数据来源"}),
        )
        .await;
    seen.push((
        unmask,
        "unmask_quarantine",
        "/api/v1/batches/{supplier}/{batch_id}/quarantine/unmask",
        StatusCode::FORBIDDEN,
        Some(analyst_id.clone()),
    ));

    // The quarantine view (masked), and reads whose path or query hold the raw numbers.
    let view = h.get(q, &analyst).await;
    assert!(view.text().contains("holder_pid"), "{}", view.text());
    seen.push((
        view,
        "list_quarantine",
        "/api/v1/batches/{supplier}/{batch_id}/quarantine",
        StatusCode::OK,
        Some(analyst_id.clone()),
    ));
    let probes = [
        format!("/api/v1/findings/{PHONE}"),
        format!("/api/v1/findings?subject={}", id_number()),
        format!("/api/v1/batches/tmall/{}", id_number()),
    ];
    for uri in &probes {
        assert!(!personal_numbers(uri).is_empty(), "{uri}");
    }
    let answers = [
        (
            h.get(&probes[0], &analyst).await,
            "get_finding",
            "/api/v1/findings/{finding_id}",
            StatusCode::NOT_FOUND,
        ),
        (
            h.get(&probes[1], &analyst).await,
            "list_findings",
            "/api/v1/findings",
            StatusCode::OK,
        ),
        (
            h.get(&probes[2], &analyst).await,
            "get_batch",
            "/api/v1/batches/{supplier}/{batch_id}",
            StatusCode::NOT_FOUND,
        ),
    ];
    for (a, op, route, status) in answers {
        seen.push((a, op, route, status, Some(analyst_id.clone())));
    }

    let events = EVENTS.lock().unwrap().clone();
    let text = String::from_utf8(TEXT.lock().unwrap().clone()).unwrap();

    // Each request: one `request` event with its id, operation, method, route, status, latency
    // and (once known) actor.
    for (answer, op, route, status, actor) in &seen {
        assert_eq!(answer.status, *status, "{op}: {}", answer.text());
        let id = request_id(answer);
        assert_eq!(id.len(), 32, "{id}");
        let e = request_event(&events, &id);
        assert_eq!(e["operation"], *op, "{e:?}");
        assert_eq!(e["route"], *route, "{e:?}");
        assert_eq!(e["status"], status.as_u16().to_string(), "{e:?}");
        assert!(e["method"] == "GET" || e["method"] == "POST", "{e:?}");
        assert_eq!(e["level"], "INFO");
        let ms: f64 = e["latency_ms"].parse().unwrap();
        assert!((0.0..120_000.0).contains(&ms), "{e:?}");
        if let Some(actor) = actor {
            assert_eq!(e.get("actor"), Some(actor), "{e:?}");
        }
        // The text line the `fmt` subscriber wrote for it carries the same fields.
        let line = text
            .lines()
            .find(|l| l.contains(&id) && l.contains(" request status="))
            .unwrap_or_else(|| panic!("no text line for {id}"));
        for field in [
            format!("operation={op}"),
            format!("status={}", status.as_u16()),
            "latency_ms=".into(),
        ] {
            assert!(line.contains(&field), "{field} in {line}");
        }
    }
    // The denial's own event carries the request's id, the operation, the actor and the reason.
    let denial = events
        .iter()
        .find(|e| {
            e.get("request_id") == Some(&denied_id)
                && e.get("message").map(String::as_str) == Some("access denied")
        })
        .expect("the denial is logged");
    assert_eq!(denial["op"], "push_batch");
    assert_eq!(denial["actor"], "platform:jd");
    assert_eq!(denial["reason"], "OutOfScope");

    // No event and no text line holds a raw phone or ID number.
    assert!(events.len() > seen.len(), "{} events", events.len());
    for e in &events {
        let values: Vec<&str> = e.values().map(String::as_str).collect();
        let found = personal_numbers(&values.join(" "));
        assert!(found.is_empty(), "personal numbers {found:?} in {e:?}");
    }
    let found = personal_numbers(&text);
    assert!(
        found.is_empty(),
        "personal numbers {found:?} in the log text"
    );
    assert!(!text.contains(PHONE) && !text.contains(&id_number()[6..14]));
    // Nor does the audit log (the findings filter by an ID number is recorded masked).
    let audit = h.store().audit_events(500, None).await.unwrap();
    assert!(audit.iter().any(|r| r.event.action == "list_findings"));
    for r in &audit {
        let found = personal_numbers(&format!("{} {}", r.event.target, r.event.detail));
        assert!(
            found.is_empty(),
            "personal numbers {found:?} in {:?}",
            r.event
        );
    }
    eprintln!(
        "{} events, {} text lines, {} requests checked",
        events.len(),
        text.lines().count(),
        seen.len()
    );
}
