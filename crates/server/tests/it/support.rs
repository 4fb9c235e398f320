//! The harness: a server over a temporary home, a manual clock, fixtures made directly in the
//! store (accounts, sessions, API keys, findings), and request helpers.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use chrono::{DateTime, Utc};
use http_body_util::BodyExt;
use tianping_auth::Role;
use tianping_auth::session::{Token, TokenKind};
use tianping_server::clock::{ManualClock, random_bytes, stored};
use tianping_server::{AppState, ServerConfig};
use tianping_store::accounts::{ApiKeyRecord, NewAccount, SessionRecord};
use tianping_store::{DetectionRun, Store, StoredFinding};
use tower::ServiceExt;

/// A real hash of a password no test uses, computed once.
fn fixture_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| {
        tianping_auth::password::hash_password("Fixture-Only-Password-9", &[7; 16]).unwrap()
    })
}

/// The department and region owning delivered data in the tests.
pub const OWNER_DEPT: &str = "wangjian";
pub const OWNER_REGION: &str = "330100";

pub struct Harness {
    pub app: Router,
    pub state: AppState,
    pub clock: Arc<ManualClock>,
    _dir: tempfile::TempDir,
}

/// How a request authenticates.
#[derive(Debug, Clone)]
pub enum Auth {
    None,
    Bearer(String),
    Cookie(String),
    ApiKey(String),
}

/// A response.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn code(&self) -> Option<String> {
        self.json()
            .pointer("/error/code")
            .and_then(|c| c.as_str())
            .map(str::to_string)
    }
}

pub fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_772_416_800, 0).unwrap() // 2026-03-02T02:00:00Z
}

impl Harness {
    pub async fn new() -> Harness {
        Harness::with(&[]).await
    }

    pub async fn with(extra_env: &[(&str, &str)]) -> Harness {
        Harness::on(None, extra_env).await
    }

    /// A harness over a fresh PostgreSQL database when `TIANPING_TEST_PG_URL` is set (required
    /// under CI), else `None`.
    pub async fn postgres() -> Option<Harness> {
        let Ok(url) = std::env::var("TIANPING_TEST_PG_URL") else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must set TIANPING_TEST_PG_URL: the PostgreSQL run may not be skipped"
            );
            eprintln!("TIANPING_TEST_PG_URL not set: PostgreSQL run skipped");
            return None;
        };
        let admin = sqlx::PgPool::connect(&url).await.unwrap();
        let name = format!("tianping_test_{}", uuid::Uuid::new_v4().simple());
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&admin)
            .await
            .unwrap();
        let base = url
            .rsplit_once('/')
            .map_or(url.as_str(), |(base, _)| base)
            .to_string();
        Some(Harness::on(Some(format!("{base}/{name}")), &[]).await)
    }

    async fn on(database_url: Option<String>, extra_env: &[(&str, &str)]) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let toml = format!(
            "home = {:?}\ndata_owner_department = \"{OWNER_DEPT}\"\ndata_owner_region = \"{OWNER_REGION}\"\ncookie_secure = false\nmax_requests_per_second = 100000\nmax_concurrent_requests = 1000\nlogin_attempts_per_minute = 1000\nplatform_requests_per_minute = 3000000\nplatform_burst = 50000\n",
            dir.path().display().to_string()
        );
        // The Hangzhou registry shipped in config/ (holds OWNER_DEPT and the matrix's `jiage`).
        let departments = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../config/departments-hangzhou.toml"),
        )
        .unwrap();
        let toml = format!("{toml}\n{departments}");
        let env = extra_env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()));
        let config = ServerConfig::load(&toml, env).unwrap();
        let home = tianping_service::Home::open(dir.path()).unwrap();
        let store = tianping_service::open_store(&home, database_url.as_deref())
            .await
            .unwrap();
        tianping_server::seed_departments(&config, store.as_ref())
            .await
            .unwrap();
        let clock = Arc::new(ManualClock::new(t0()));
        let state = AppState::new(store, home, config, clock.clone());
        Harness {
            app: tianping_server::app(state.clone()),
            state,
            clock,
            _dir: dir,
        }
    }

    pub fn store(&self) -> &Arc<dyn Store> {
        &self.state.store
    }

    pub async fn call(
        &self,
        method: Method,
        uri: &str,
        auth: &Auth,
        body: Option<(&str, Vec<u8>)>,
    ) -> Answer {
        let mut req = Request::builder().method(method).uri(uri);
        req = match auth {
            Auth::None => req,
            Auth::Bearer(t) => req.header("authorization", format!("Bearer {t}")),
            Auth::Cookie(t) => req.header("cookie", format!("theme=dark; tianping_session={t}")),
            Auth::ApiKey(k) => req.header("x-api-key", k),
        };
        let req = match body {
            Some((ct, bytes)) => req.header("content-type", ct).body(Body::from(bytes)),
            None => req.body(Body::empty()),
        }
        .unwrap();
        let response = self.app.clone().oneshot(req).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        Answer {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, uri: &str, auth: &Auth) -> Answer {
        self.call(Method::GET, uri, auth, None).await
    }

    pub async fn post_json(&self, uri: &str, auth: &Auth, json: serde_json::Value) -> Answer {
        self.call(
            Method::POST,
            uri,
            auth,
            Some(("application/json", json.to_string().into_bytes())),
        )
        .await
    }

    /// An account made in the store (its password is never used) with a fresh session.
    pub async fn staff(
        &self,
        login: &str,
        roles: &[Role],
        dept: &str,
        region: &str,
    ) -> (String, String) {
        let user_id = uuid::Uuid::new_v4().to_string();
        let roles = tianping_auth::Roles::new(roles.iter().copied()).unwrap();
        assert!(
            self.store()
                .create_account(&NewAccount {
                    user_id: user_id.clone(),
                    login: login.into(),
                    display_name: login.into(),
                    password_hash: fixture_hash().into(),
                    totp_secret: self
                        .state
                        .totp_key
                        .seal(&user_id, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
                        .unwrap(),
                    roles: roles.to_csv(),
                    department: dept.into(),
                    region: region.into(),
                    created_at: stored(self.clock.now_utc()),
                })
                .await
                .unwrap()
        );
        let token = self.session_for(&user_id).await;
        (user_id, token)
    }

    /// A new session for an account, authenticated now.
    pub async fn session_for(&self, user_id: &str) -> String {
        let token = Token::new(TokenKind::Session, &random_bytes().unwrap());
        let now = stored(self.clock.now_utc());
        self.store()
            .create_session(&SessionRecord {
                token_hash: token.storage_hash(),
                user_id: user_id.into(),
                created_at: now.clone(),
                last_seen: now.clone(),
                authenticated_at: now,
            })
            .await
            .unwrap();
        token.reveal().to_string()
    }

    /// A platform API key made in the store.
    pub async fn platform_key(&self, supplier: &str) -> String {
        self.platform_key_with_id(supplier).await.0
    }

    /// The public id of a new platform API key.
    pub async fn platform_key_id(&self, supplier: &str) -> String {
        self.platform_key_with_id(supplier).await.1
    }

    async fn platform_key_with_id(&self, supplier: &str) -> (String, String) {
        let token = Token::new(TokenKind::ApiKey, &random_bytes().unwrap());
        let key_id = uuid::Uuid::new_v4().to_string();
        self.store()
            .create_api_key(&ApiKeyRecord {
                key_hash: token.storage_hash(),
                key_id: key_id.clone(),
                supplier: supplier.into(),
                label: "test".into(),
                created_at: stored(self.clock.now_utc()),
                created_by: "test".into(),
                revoked: false,
            })
            .await
            .unwrap();
        (token.reveal().to_string(), key_id)
    }

    /// The fixture notice ([`Harness::notice_about`] `m-notice`): its id.
    pub async fn notice(&self) -> String {
        self.notice_about("m-notice").await
    }

    /// A minor finding about tmall's merchant `merchant`, stored by its own run, and the alerts
    /// refreshed an hour before `t0`: the merchant's (open, minor) alert id.
    pub async fn minor_alert(&self, merchant: &str) -> String {
        let subject = tianping_detect::Ref {
            kind: tianping_detect::RefKind::Merchant,
            id: merchant.into(),
            platform_id: Some("tmall".into()),
            uscc: None,
        };
        let rule = "false_advertising.absolute_terms";
        let id = tianping_detect::finding::finding_id("false_advertising", rule, &subject, None);
        let evidence = serde_json::json!({"text": "全网最佳"});
        let evidence_sha256 = tianping_detect::finding::evidence_sha256(&evidence);
        let body = serde_json::json!({
            "finding_id": id,
            "detector": "false_advertising",
            "rule": "false_advertising.absolute_terms",
            "detector_version": 1,
            "severity": "medium",
            "score": 0.5,
            "subject": {"kind": "merchant", "id": merchant, "platform_id": "tmall"},
            "related": [],
            "legal_basis": ["广告法 第九条"],
            "summary": "商品页使用绝对化用语",
            "evidence": evidence,
            "evidence_sha256": evidence_sha256
        });
        let run = DetectionRun {
            run_id: format!("run-{merchant}"),
            as_of: "2026-03-02T00:00:00+08:00".into(),
            started_at: "2026-03-02T02:00:00.000+08:00".into(),
            detectors: "[]".into(),
            params: "{}".into(),
            params_sha256: "0".repeat(64),
            data_sha256: "0".repeat(64),
            findings: 1,
            new_findings: 0,
        };
        let finding = StoredFinding {
            finding_id: id.clone(),
            detector: "false_advertising".into(),
            rule: "false_advertising.absolute_terms".into(),
            severity: "medium".into(),
            subject_kind: "merchant".into(),
            subject_platform: Some("tmall".into()),
            subject_id: merchant.into(),
            body: body.to_string(),
            evidence_sha256: evidence_sha256.clone(),
            region: None,
            leaf: tianping_store::NewLeaf::from_entry(
                format!("finding:{id}"),
                &tianping_evidence::Entry::Finding {
                    finding_id: id.clone(),
                    rule: "false_advertising.absolute_terms".into(),
                    evidence_sha256: tianping_evidence::Hash::from_hex(&evidence_sha256).unwrap(),
                    finding_sha256: tianping_evidence::HashAlg::Sha256
                        .digest(body.to_string().as_bytes()),
                    finding_sm3: tianping_evidence::HashAlg::Sm3
                        .digest(body.to_string().as_bytes()),
                },
            )
            .unwrap(),
        };
        self.store()
            .save_detection(&run, &[finding], &[], &[])
            .await
            .unwrap();
        let desk = tianping_service::cases::Desk::embedded().unwrap();
        let at = t0().timestamp_millis() - 3_600_000;
        desk.refresh_alerts(
            self.store().as_ref(),
            chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            at,
        )
        .await
        .unwrap();
        self.store()
            .alerts(None)
            .await
            .unwrap()
            .into_iter()
            .find(|a| a.subject_id == merchant)
            .unwrap()
            .alert_id
    }

    /// A rectification notice to tmall, issued in the data owner's unit from a minor finding
    /// about tmall's merchant `merchant` (its own alert), an hour before `t0`: its id.
    pub async fn notice_about(&self, merchant: &str) -> String {
        let alert_id = self.minor_alert(merchant).await;
        let desk = tianping_service::cases::Desk::embedded().unwrap();
        let issued_at = t0().timestamp_millis() - 3_600_000;
        tianping_service::notices::issue(
            &desk,
            self.store().as_ref(),
            &alert_id,
            &tianping_cases::notice::NoticeActor {
                id: "u-fixture-officer".into(),
                role: tianping_cases::notice::NoticeRole::Officer,
            },
            OWNER_DEPT,
            OWNER_REGION,
            "首次轻微违法，责令整改（测试夹具）",
            issued_at,
        )
        .await
        .unwrap()
        .notice_id
    }

    /// A notice (as [`Harness::notice_about`]) that tmall already answered: its id.
    pub async fn replied_notice(&self, merchant: &str) -> String {
        let notice_id = self.notice_about(merchant).await;
        tianping_service::notices::reply(
            self.store().as_ref(),
            &notice_id,
            "tmall",
            &tianping_cases::notice::NoticeActor {
                id: "platform:tmall".into(),
                role: tianping_cases::notice::NoticeRole::Platform,
            },
            tianping_cases::notice::ReplyKind::Done,
            "商户已整改（测试夹具）",
            Vec::new(),
            "转达商户整改结果",
            t0().timestamp_millis() - 1_800_000,
        )
        .await
        .unwrap();
        notice_id
    }

    /// Findings about two platforms' merchants (one with a phone number in its evidence, which
    /// must never reach a caller unmasked).
    pub async fn findings(&self) -> Vec<String> {
        let run = DetectionRun {
            run_id: "run-1".into(),
            as_of: "2026-03-02T00:00:00+08:00".into(),
            started_at: "2026-03-02T02:00:00.000+08:00".into(),
            detectors: "[]".into(),
            params: "{}".into(),
            params_sha256: "0".repeat(64),
            data_sha256: "0".repeat(64),
            findings: 2,
            new_findings: 0,
        };
        let mut stored_findings = Vec::new();
        let mut ids = Vec::new();
        // The evidence digest is the real one (SHA-256 of the canonical JSON of `evidence`: one
        // key, so serde_json's text is canonical), so the findings read as findings downstream.
        let evidence = serde_json::json!({"contact": "客服电话 13812345678"});
        let evidence_digest: [u8; 32] = {
            use sha2::Digest;
            sha2::Sha256::digest(evidence.to_string().as_bytes()).into()
        };
        let evidence_hex = hex::encode(evidence_digest);
        for platform in ["tmall", "jd"] {
            // The stable id (detector, rule, subject kind, platform, id, window), as detectors make it.
            let id = {
                use sha2::Digest;
                let mut hasher = sha2::Sha256::new();
                for part in [
                    "price_fraud",
                    "price_fraud.reference_price",
                    "merchant",
                    platform,
                    &format!("m-{platform}"),
                    "",
                    "",
                ] {
                    hasher.update(part.as_bytes());
                    hasher.update([0u8]);
                }
                format!("price_fraud-{}", &hex::encode(hasher.finalize())[..24])
            };
            let body = serde_json::json!({
                "finding_id": id,
                "detector": "price_fraud",
                "rule": "price_fraud.reference_price",
                "detector_version": 1,
                "severity": "high",
                "score": 0.9,
                "subject": {"kind": "merchant", "id": format!("m-{platform}"), "platform_id": platform},
                "related": [],
                "legal_basis": ["明码标价和禁止价格欺诈规定 第十六条"],
                "summary": "商家虚构原价",
                "evidence": evidence,
                "evidence_sha256": evidence_hex
            });
            stored_findings.push(StoredFinding {
                finding_id: id.clone(),
                detector: "price_fraud".into(),
                rule: "price_fraud.reference_price".into(),
                severity: "high".into(),
                subject_kind: "merchant".into(),
                subject_platform: Some(platform.into()),
                subject_id: format!("m-{platform}"),
                body: body.to_string(),
                evidence_sha256: evidence_hex.clone(),
                region: None,
                leaf: tianping_store::NewLeaf::from_entry(
                    format!("finding:{id}"),
                    &tianping_evidence::Entry::Finding {
                        finding_id: id.clone(),
                        rule: "price_fraud.reference_price".into(),
                        evidence_sha256: tianping_evidence::Hash(evidence_digest),
                        // Over the canonical JSON, as the store logs findings.
                        finding_sha256: tianping_evidence::HashAlg::Sha256
                            .digest(tianping_detect::finding::canonical_json(&body).as_bytes()),
                        finding_sm3: tianping_evidence::HashAlg::Sm3
                            .digest(tianping_detect::finding::canonical_json(&body).as_bytes()),
                    },
                )
                .unwrap(),
            });
            ids.push(id);
        }
        self.store()
            .save_detection(&run, &stored_findings, &[], &[])
            .await
            .unwrap();
        ids
    }

    // --- web
    /// Alerts from the stored findings, and a clue of the own unit opened from tmall's alert;
    /// answers the clue's id and jd's (still open) alert id.
    pub async fn alerts_and_clue(&self) -> (String, String) {
        let desk = tianping_service::cases::Desk::embedded().unwrap();
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let now_ms = t0().timestamp_millis();
        let refresh = desk
            .refresh_alerts(self.store().as_ref(), as_of, now_ms)
            .await
            .unwrap();
        assert!(refresh.refused.is_empty(), "{:?}", refresh.refused);
        let alerts = self.store().alerts(None).await.unwrap();
        let of = |p: &str| {
            alerts
                .iter()
                .find(|a| a.subject_platform.as_deref() == Some(p))
                .unwrap_or_else(|| panic!("no alert about {p}"))
                .alert_id
                .clone()
        };
        let actor = tianping_cases::case::Actor {
            id: "dispatcher".into(),
            role: tianping_cases::case::Role::Dispatcher,
        };
        let clue = desk
            .open_clue(
                self.store().as_ref(),
                &of("tmall"),
                &actor,
                OWNER_DEPT,
                OWNER_REGION,
                "矩阵测试夹具",
                now_ms,
            )
            .await
            .unwrap();
        (clue.case_id, of("jd"))
    }

    /// A clue in `department` / `region`, opened from a copy of jd's first alert (its own id).
    pub async fn foreign_clue(&self, department: &str, region: &str) -> String {
        let mut alert = self
            .store()
            .alerts(None)
            .await
            .unwrap()
            .into_iter()
            .find(|a| a.subject_platform.as_deref() == Some("jd"))
            .expect("an alert about jd");
        alert.alert_id = format!("{}-foreign", alert.alert_id);
        alert.status = "open".into();
        alert.case_id = None;
        self.store().upsert_alerts(&[alert.clone()]).await.unwrap();
        let desk = tianping_service::cases::Desk::embedded().unwrap();
        let actor = tianping_cases::case::Actor {
            id: "dispatcher".into(),
            role: tianping_cases::case::Role::Dispatcher,
        };
        desk.open_clue(
            self.store().as_ref(),
            &alert.alert_id,
            &actor,
            department,
            region,
            "矩阵测试：外单位线索",
            t0().timestamp_millis(),
        )
        .await
        .unwrap()
        .case_id
    }
}

/// `now` of the manual clock.
pub trait NowUtc {
    fn now_utc(&self) -> DateTime<Utc>;
}

impl NowUtc for ManualClock {
    fn now_utc(&self) -> DateTime<Utc> {
        use tianping_server::clock::Clock;
        self.now()
    }
}

/// An example delivery as a zip archive.
pub fn example_zip(name: &str) -> Vec<u8> {
    zip_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples/batches")
            .join(name),
    )
}

/// The files of a delivery directory as a zip archive, in name order.
pub fn zip_dir(dir: &std::path::Path) -> Vec<u8> {
    use std::io::Write;
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            zip.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(&std::fs::read(&path).unwrap()).unwrap();
        }
        zip.finish().unwrap();
    }
    buf.into_inner()
}

/// Raw phone numbers (`1[3-9]` + 9 digits) and 18-digit ID numbers with a valid check
/// character found in a text: digit runs tested with `tianping_domain`'s detectors, outside
/// identifiers (words of ≥ 32 hex digits: hashes, UUIDs, tokens).
pub fn personal_numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    for word in text.split(|c: char| !is_word(c)) {
        let bare = word
            .strip_prefix("tps_")
            .or_else(|| word.strip_prefix("tpk_"))
            .unwrap_or(word);
        let identifier = bare.chars().filter(char::is_ascii_hexdigit).count() >= 32
            && bare.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
        if identifier {
            continue;
        }
        let bytes = word.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                if i < bytes.len() && (bytes[i] == b'X' || bytes[i] == b'x') {
                    i += 1;
                }
                let run = &word[start..i];
                let mobile = run.len() == 11
                    && run.starts_with('1')
                    && tianping_domain::value::looks_like_phone_number(run);
                let id = tianping_domain::value::id_number_checksum_ok(run);
                if mobile || id {
                    found.push(run.to_string());
                }
            } else {
                i += 1;
            }
        }
    }
    found
}
