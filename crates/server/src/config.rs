//! The server's configuration: a typed struct read from a TOML file and then the environment
//! (`TIANPING_*`, which wins), validated at start-up. Every error names the key and the value.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;
use tianping_auth::Scope;
use tianping_auth::department::{RawDepartment, Registry};

/// A configuration value that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "配置项 {key} 的值 {value:?} 无效：{message} / configuration {key} = {value:?} is invalid: {message_en}"
)]
pub struct ConfigError {
    /// The key (TOML key or environment variable).
    pub key: String,
    /// The value as given (never a secret: database URLs are shown without credentials).
    pub value: String,
    /// What is wrong, in Chinese.
    pub message: String,
    /// What is wrong, in English.
    pub message_en: String,
}

fn config_error(key: &str, value: &str, zh: &str, en: &str) -> ConfigError {
    ConfigError {
        key: key.to_string(),
        value: value.chars().take(200).collect(),
        message: zh.to_string(),
        message_en: en.to_string(),
    }
}

/// Limits on requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerLimits {
    /// Largest pushed batch archive, bytes.
    pub max_push_bytes: u64,
    /// Largest JSON request body, bytes.
    pub max_json_bytes: usize,
    /// Requests handled at once; more are refused with 503.
    pub max_concurrent_requests: usize,
    /// Requests per second over all clients; more are refused with 429.
    pub max_requests_per_second: u32,
    /// Login and setup attempts per minute per client address; more are refused with 429.
    pub login_attempts_per_minute: u32,
    /// Requests per minute per platform (all API keys of one supplier); more are refused with
    /// 429 and `Retry-After`, before the server-wide bucket is charged.
    pub platform_requests_per_minute: u32,
    /// Requests a platform may make at once before its per-minute rate applies.
    pub platform_burst: u32,
    /// Password hashes computed at once (argon2id uses 19 MiB and ~30 ms of a core each).
    pub hashing_concurrency: usize,
    /// A request taking longer is answered 503.
    pub request_timeout: Duration,
}

impl Default for ServerLimits {
    fn default() -> Self {
        ServerLimits {
            max_push_bytes: 256 * 1024 * 1024,
            max_json_bytes: 64 * 1024,
            max_concurrent_requests: 64,
            max_requests_per_second: 400,
            login_attempts_per_minute: 30,
            platform_requests_per_minute: 600,
            platform_burst: 20,
            hashing_concurrency: 2,
            request_timeout: Duration::from_secs(120),
        }
    }
}

/// The validated configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerConfig {
    /// Address to listen on.
    pub bind: SocketAddr,
    /// The Tianping home directory (lake, staging, SQLite database).
    pub home: PathBuf,
    /// `postgres://…` for PostgreSQL; none for the home's SQLite database.
    pub database_url: Option<String>,
    /// The department and region that own delivered data (batches, quarantine, findings, runs).
    pub data_owner: Scope,
    /// Mark the session cookie `Secure` (behind TLS; on by default).
    pub cookie_secure: bool,
    /// Limits.
    pub limits: ServerLimits,
    /// The directory of the built web interface (`web/dist`), served at `/`; none serves no UI.
    pub web_root: Option<PathBuf>,
    // --- dense
    /// Rule parameter overrides for the streamed alerts (`rules_config`: a TOML file in the
    /// format of `tianping detect --config`, validated against the detectors' rules at start).
    pub rule_overrides: tianping_detect::Overrides,
    /// The installation's departments (`[[departments]]`), seeded into the store at start-up.
    pub departments: Registry,
    // --- loop
    /// How often the server anchors the audit chain's head in the evidence log, by its clock
    /// (`audit_anchor_minutes`, 1–1440, default 15).
    pub audit_anchor_interval: Duration,
    /// How long audit rows are kept (`audit_retention_days`, at least 183: 网络安全法 Art. 21;
    /// `personal_audit_retention_days`, at least 1,096: 个人信息保护法 Art. 56). Validated here
    /// so a server never starts under a shorter policy; the log itself is append-only.
    pub audit_retention: tianping_service::audit_retention::AuditRetention,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    bind: Option<String>,
    home: Option<String>,
    database_url: Option<String>,
    data_owner_department: Option<String>,
    data_owner_region: Option<String>,
    cookie_secure: Option<bool>,
    max_push_bytes: Option<u64>,
    max_json_bytes: Option<u64>,
    max_concurrent_requests: Option<u64>,
    max_requests_per_second: Option<u64>,
    login_attempts_per_minute: Option<u64>,
    platform_requests_per_minute: Option<u64>,
    platform_burst: Option<u64>,
    hashing_concurrency: Option<u64>,
    request_timeout_seconds: Option<u64>,
    web_root: Option<String>,
    // --- dense
    rules_config: Option<String>,
    #[serde(default)]
    departments: Vec<RawDepartment>,
    // --- loop
    audit_anchor_minutes: Option<u64>,
    audit_retention_days: Option<u64>,
    personal_audit_retention_days: Option<u64>,
}

/// The environment variables read, and the TOML key each overrides.
pub const ENV_KEYS: &[(&str, &str)] = &[
    ("TIANPING_BIND", "bind"),
    ("TIANPING_HOME", "home"),
    ("TIANPING_DATABASE_URL", "database_url"),
    ("TIANPING_DATA_OWNER_DEPARTMENT", "data_owner_department"),
    ("TIANPING_DATA_OWNER_REGION", "data_owner_region"),
    ("TIANPING_COOKIE_SECURE", "cookie_secure"),
    ("TIANPING_MAX_PUSH_BYTES", "max_push_bytes"),
    ("TIANPING_MAX_JSON_BYTES", "max_json_bytes"),
    (
        "TIANPING_MAX_CONCURRENT_REQUESTS",
        "max_concurrent_requests",
    ),
    (
        "TIANPING_MAX_REQUESTS_PER_SECOND",
        "max_requests_per_second",
    ),
    (
        "TIANPING_LOGIN_ATTEMPTS_PER_MINUTE",
        "login_attempts_per_minute",
    ),
    (
        "TIANPING_PLATFORM_REQUESTS_PER_MINUTE",
        "platform_requests_per_minute",
    ),
    ("TIANPING_PLATFORM_BURST", "platform_burst"),
    ("TIANPING_HASHING_CONCURRENCY", "hashing_concurrency"),
    (
        "TIANPING_REQUEST_TIMEOUT_SECONDS",
        "request_timeout_seconds",
    ),
    ("TIANPING_WEB_ROOT", "web_root"),
    // --- dense
    ("TIANPING_RULES_CONFIG", "rules_config"),
    // --- loop
    ("TIANPING_AUDIT_ANCHOR_MINUTES", "audit_anchor_minutes"),
    ("TIANPING_AUDIT_RETENTION_DAYS", "audit_retention_days"),
    (
        "TIANPING_PERSONAL_AUDIT_RETENTION_DAYS",
        "personal_audit_retention_days",
    ),
];

fn env_number(key: &str, value: &str) -> Result<u64, ConfigError> {
    value
        .trim()
        .parse()
        .map_err(|_| config_error(key, value, "不是非负整数", "not a non-negative integer"))
}

fn env_bool(key: &str, value: &str) -> Result<bool, ConfigError> {
    match value.trim() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(config_error(
            key,
            value,
            "应为 true 或 false",
            "expected true or false",
        )),
    }
}

fn in_range(key: &str, v: u64, min: u64, max: u64) -> Result<u64, ConfigError> {
    if (min..=max).contains(&v) {
        Ok(v)
    } else {
        Err(config_error(
            key,
            &v.to_string(),
            &format!("应在 {min} 到 {max} 之间"),
            &format!("must be between {min} and {max}"),
        ))
    }
}

/// A database URL without its credentials, for messages.
fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://***{}", &url[..scheme], &url[at..])
        }
        _ => url.to_string(),
    }
}

impl ServerConfig {
    /// The configuration in force, without secrets (the database URL's credentials are
    /// redacted), as recorded in the audit log at every start (`server_start`), and its SHA-256
    /// over the JSON text: a changed setting between two starts shows as a changed digest.
    pub fn audit_summary(&self) -> (serde_json::Value, String) {
        use sha2::Digest;
        let l = &self.limits;
        let summary = serde_json::json!({
            "bind": self.bind.to_string(),
            "home": self.home.display().to_string(),
            "database": self.database_url.as_deref().map(redact_url),
            "data_owner": [self.data_owner.department.as_str(), self.data_owner.region.as_str()],
            "cookie_secure": self.cookie_secure,
            "limits": {
                "max_push_bytes": l.max_push_bytes,
                "max_json_bytes": l.max_json_bytes,
                "max_concurrent_requests": l.max_concurrent_requests,
                "max_requests_per_second": l.max_requests_per_second,
                "login_attempts_per_minute": l.login_attempts_per_minute,
                "platform_requests_per_minute": l.platform_requests_per_minute,
                "platform_burst": l.platform_burst,
                "hashing_concurrency": l.hashing_concurrency,
                "request_timeout_seconds": l.request_timeout.as_secs(),
            },
            "web_root": self.web_root.as_ref().map(|p| p.display().to_string()),
            "rule_overrides": self.rule_overrides,
            "departments": self.departments.iter().map(|d| format!("{d:?}")).collect::<Vec<_>>(),
            "audit_anchor_minutes": self.audit_anchor_interval.as_secs() / 60,
            "audit_retention": self.audit_retention,
        });
        let digest = hex::encode(sha2::Sha256::digest(summary.to_string().as_bytes()));
        (summary, digest)
    }

    /// Reads the configuration from a TOML text (may be empty) and environment variables
    /// (pass `std::env::vars()`; tests pass their own), then validates it.
    pub fn load(
        toml_text: &str,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<ServerConfig, ConfigError> {
        let mut raw: RawConfig = toml::from_str(toml_text).map_err(|e| {
            config_error(
                "(file)",
                e.message(),
                "配置文件无法解析",
                "the configuration file cannot be parsed",
            )
        })?;
        for (name, value) in env {
            let Some((_, key)) = ENV_KEYS.iter().find(|(n, _)| *n == name) else {
                continue;
            };
            let v = value.as_str();
            match *key {
                "bind" => raw.bind = Some(value.clone()),
                "home" => raw.home = Some(value.clone()),
                "database_url" => raw.database_url = Some(value.clone()),
                "data_owner_department" => raw.data_owner_department = Some(value.clone()),
                "data_owner_region" => raw.data_owner_region = Some(value.clone()),
                "cookie_secure" => raw.cookie_secure = Some(env_bool(&name, v)?),
                "max_push_bytes" => raw.max_push_bytes = Some(env_number(&name, v)?),
                "max_json_bytes" => raw.max_json_bytes = Some(env_number(&name, v)?),
                "max_concurrent_requests" => {
                    raw.max_concurrent_requests = Some(env_number(&name, v)?)
                }
                "max_requests_per_second" => {
                    raw.max_requests_per_second = Some(env_number(&name, v)?)
                }
                "login_attempts_per_minute" => {
                    raw.login_attempts_per_minute = Some(env_number(&name, v)?)
                }
                "platform_requests_per_minute" => {
                    raw.platform_requests_per_minute = Some(env_number(&name, v)?)
                }
                "platform_burst" => raw.platform_burst = Some(env_number(&name, v)?),
                "hashing_concurrency" => raw.hashing_concurrency = Some(env_number(&name, v)?),
                "request_timeout_seconds" => {
                    raw.request_timeout_seconds = Some(env_number(&name, v)?)
                }
                "web_root" => raw.web_root = Some(value.clone()),
                // --- dense
                "rules_config" => raw.rules_config = Some(value.clone()),
                // --- loop
                "audit_anchor_minutes" => raw.audit_anchor_minutes = Some(env_number(&name, v)?),
                "audit_retention_days" => raw.audit_retention_days = Some(env_number(&name, v)?),
                "personal_audit_retention_days" => {
                    raw.personal_audit_retention_days = Some(env_number(&name, v)?)
                }
                _ => {}
            }
        }
        ServerConfig::validate(raw)
    }

    fn validate(raw: RawConfig) -> Result<ServerConfig, ConfigError> {
        let bind_text = raw.bind.unwrap_or_else(|| "127.0.0.1:8080".into());
        let bind: SocketAddr = bind_text.parse().map_err(|_| {
            config_error(
                "bind",
                &bind_text,
                "应为 地址:端口，如 127.0.0.1:8080",
                "expected address:port, e.g. 127.0.0.1:8080",
            )
        })?;
        let home = raw.home.filter(|h| !h.trim().is_empty()).ok_or_else(|| {
            config_error(
                "home",
                "",
                "必须指定数据目录",
                "the home directory is required",
            )
        })?;
        if let Some(url) = &raw.database_url
            && !(url.starts_with("postgres://")
                || url.starts_with("postgresql://")
                || url.starts_with("sqlite:"))
        {
            return Err(config_error(
                "database_url",
                &redact_url(url),
                "应以 postgres:// 或 sqlite: 开头",
                "expected postgres://… or sqlite:PATH",
            ));
        }
        let department = raw.data_owner_department.unwrap_or_default();
        let region = raw.data_owner_region.unwrap_or_default();
        let data_owner = Scope::parse(&department, &region).map_err(|e| {
            let (key, value) = match e {
                tianping_auth::ScopeError::Department(_) => ("data_owner_department", &department),
                tianping_auth::ScopeError::Region(_) => ("data_owner_region", &region),
            };
            config_error(
                key,
                value,
                "数据归属部门和地区必须指定（部门编号；6 位行政区划代码）",
                "the owning department and region of delivered data are required (a department id; a 6-digit division code)",
            )
        })?;
        let departments = Registry::from_raw(&raw.departments)
            .map_err(|e| config_error(&e.place, &e.value, &e.zh, &e.en))?;
        if !departments.is_empty() && departments.get(data_owner.department.as_str()).is_none() {
            return Err(config_error(
                "data_owner_department",
                data_owner.department.as_str(),
                &format!("不在 [[departments]] 中（可选：{}）", departments.choices()),
                &format!("not in [[departments]] (valid: {})", departments.choices()),
            ));
        }
        let d = ServerLimits::default();
        let global = in_range(
            "max_requests_per_second",
            raw.max_requests_per_second
                .unwrap_or(u64::from(d.max_requests_per_second)),
            1,
            1_000_000,
        )?;
        // A platform's defaults are at most half the server-wide rate and burst.
        let (half_per_minute, half_burst) = platform_half(global);
        let limits = ServerLimits {
            max_push_bytes: in_range(
                "max_push_bytes",
                raw.max_push_bytes.unwrap_or(d.max_push_bytes),
                1024,
                1 << 40,
            )?,
            max_json_bytes: in_range(
                "max_json_bytes",
                raw.max_json_bytes.unwrap_or(d.max_json_bytes as u64),
                1024,
                16 << 20,
            )? as usize,
            max_concurrent_requests: in_range(
                "max_concurrent_requests",
                raw.max_concurrent_requests
                    .unwrap_or(d.max_concurrent_requests as u64),
                1,
                100_000,
            )? as usize,
            max_requests_per_second: global as u32,
            login_attempts_per_minute: in_range(
                "login_attempts_per_minute",
                raw.login_attempts_per_minute
                    .unwrap_or(u64::from(d.login_attempts_per_minute)),
                1,
                100_000,
            )? as u32,
            platform_requests_per_minute: in_range(
                "platform_requests_per_minute",
                raw.platform_requests_per_minute
                    .unwrap_or(u64::from(d.platform_requests_per_minute).min(half_per_minute)),
                1,
                60_000_000,
            )? as u32,
            platform_burst: in_range(
                "platform_burst",
                raw.platform_burst
                    .unwrap_or(u64::from(d.platform_burst).min(half_burst)),
                1,
                1_000_000,
            )? as u32,
            hashing_concurrency: in_range(
                "hashing_concurrency",
                raw.hashing_concurrency
                    .unwrap_or(d.hashing_concurrency as u64),
                1,
                256,
            )? as usize,
            request_timeout: Duration::from_secs(in_range(
                "request_timeout_seconds",
                raw.request_timeout_seconds
                    .unwrap_or(d.request_timeout.as_secs()),
                1,
                3600,
            )?),
        };
        platform_share(&limits)?;
        let web_root = match raw.web_root.filter(|w| !w.trim().is_empty()) {
            None => None,
            Some(dir) => {
                let path = PathBuf::from(&dir);
                if !path.join("index.html").is_file() {
                    return Err(config_error(
                        "web_root",
                        &dir,
                        "目录中没有 index.html（先运行 scripts/web-build）",
                        "the directory holds no index.html (run scripts/web-build first)",
                    ));
                }
                Some(path)
            }
        };
        // --- dense
        let rule_overrides = rule_overrides(raw.rules_config.as_deref())?;
        // --- loop
        let audit_anchor_interval = Duration::from_secs(
            60 * in_range(
                "audit_anchor_minutes",
                raw.audit_anchor_minutes.unwrap_or(15),
                1,
                1440,
            )?,
        );
        let audit_retention = tianping_service::audit_retention::AuditRetention::new(
            raw.audit_retention_days,
            raw.personal_audit_retention_days,
        )
        .map_err(|e| config_error(&e.key, &e.value.to_string(), &e.zh, &e.en))?;
        Ok(ServerConfig {
            audit_retention,
            audit_anchor_interval,
            rule_overrides,
            departments,
            web_root,
            bind,
            home: PathBuf::from(home),
            database_url: raw.database_url,
            data_owner,
            cookie_secure: raw.cookie_secure.unwrap_or(true),
            limits,
        })
    }
}

/// Half the server-wide rate (`global` a second) as requests a minute, and half its burst
/// (at least 1).
fn platform_half(global: u64) -> (u64, u64) {
    ((global * 30).max(1), (global / 2).max(1))
}

/// One platform may take at most half of the server-wide rate and burst, so a flood from one
/// leaves the other half to the others.
fn platform_share(limits: &ServerLimits) -> Result<(), ConfigError> {
    let global = u64::from(limits.max_requests_per_second);
    let (half_per_minute, half_burst) = platform_half(global);
    if u64::from(limits.platform_requests_per_minute) > half_per_minute {
        return Err(config_error(
            "platform_requests_per_minute",
            &limits.platform_requests_per_minute.to_string(),
            &format!(
                "不得超过全局速率的一半（max_requests_per_second = {global}，即每分钟 {half_per_minute} 次），否则一个平台可占满整个服务"
            ),
            &format!(
                "must be at most half the server-wide rate (max_requests_per_second = {global}, i.e. {half_per_minute} a minute), or one platform could take the whole service"
            ),
        ));
    }
    if u64::from(limits.platform_burst) > half_burst {
        return Err(config_error(
            "platform_burst",
            &limits.platform_burst.to_string(),
            &format!(
                "不得超过全局突发量的一半（max_requests_per_second = {global}，即 {half_burst} 次）"
            ),
            &format!(
                "must be at most half the server-wide burst (max_requests_per_second = {global}, i.e. {half_burst})"
            ),
        ));
    }
    Ok(())
}

// --- dense
/// Reads and validates the rules configuration file, if one is named.
fn rule_overrides(path: Option<&str>) -> Result<tianping_detect::Overrides, ConfigError> {
    let Some(path) = path.filter(|p| !p.trim().is_empty()) else {
        return Ok(Default::default());
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        config_error(
            "rules_config",
            path,
            &format!("无法读取规则配置文件：{e}"),
            &format!("the rules configuration cannot be read: {e}"),
        )
    })?;
    let bad = |e: tianping_detect::rules::ConfigError| {
        let text = e.to_string();
        let (zh, en) = crate::error::bilingual(&text);
        config_error(
            "rules_config",
            path,
            &format!("规则配置无效：{zh}"),
            &format!("invalid rules configuration: {en}"),
        )
    };
    let (overrides, _lists) = tianping_detect::rules::parse_config(&text).map_err(bad)?;
    let versions = tianping_detectors::rule_versions();
    tianping_detect::rules::validate_overrides(&overrides, &versions).map_err(bad)?;
    Ok(overrides)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    const FILE: &str = r#"
home = "/srv/tianping"
data_owner_department = "wangjian"
data_owner_region = "330100"
max_concurrent_requests = 32
"#;

    #[test]
    fn the_audited_summary_holds_no_database_password_and_changes_with_a_setting() {
        let c = ServerConfig::load(
            FILE,
            env(&[(
                "TIANPING_DATABASE_URL",
                "postgres://tp:s3cret@db:5432/tianping",
            )]),
        )
        .unwrap();
        let (summary, digest) = c.audit_summary();
        let text = summary.to_string();
        assert!(!text.contains("s3cret"), "{text}");
        assert!(text.contains("postgres://***@db:5432/tianping"), "{text}");
        assert_eq!(summary["audit_retention"]["personal_days"], 1096);
        assert_eq!(c.audit_summary().1, digest, "deterministic");
        let d = ServerConfig::load(
            FILE,
            env(&[
                (
                    "TIANPING_DATABASE_URL",
                    "postgres://tp:s3cret@db:5432/tianping",
                ),
                ("TIANPING_AUDIT_RETENTION_DAYS", "200"),
            ]),
        )
        .unwrap();
        assert_ne!(d.audit_summary().1, digest);
    }

    #[test]
    fn audit_retention_below_the_legal_minimum_refuses_to_start_naming_the_law() {
        let c = ServerConfig::load(FILE, env(&[])).unwrap();
        assert_eq!(
            (
                c.audit_retention.security_days,
                c.audit_retention.personal_days
            ),
            (183, 1096)
        );
        let file =
            format!("{FILE}audit_retention_days = 400\npersonal_audit_retention_days = 1500\n");
        let c = ServerConfig::load(&file, env(&[])).unwrap();
        assert_eq!(
            (
                c.audit_retention.security_days,
                c.audit_retention.personal_days
            ),
            (400, 1500)
        );
        let e =
            ServerConfig::load(FILE, env(&[("TIANPING_AUDIT_RETENTION_DAYS", "90")])).unwrap_err();
        assert_eq!(
            (e.key.as_str(), e.value.as_str()),
            ("audit_retention_days", "90")
        );
        assert!(
            e.message.contains("网络安全法") && e.message_en.contains("Art. 21"),
            "{e}"
        );
        let file = format!("{FILE}personal_audit_retention_days = 365\n");
        let e = ServerConfig::load(&file, env(&[])).unwrap_err();
        assert_eq!(e.key, "personal_audit_retention_days");
        assert!(
            e.message.contains("个人信息保护法") && e.message_en.contains("Art. 56"),
            "{e}"
        );
        let e = ServerConfig::load(
            FILE,
            env(&[("TIANPING_PERSONAL_AUDIT_RETENTION_DAYS", "three years")]),
        )
        .unwrap_err();
        assert_eq!(e.key, "TIANPING_PERSONAL_AUDIT_RETENTION_DAYS");
    }

    #[test]
    fn file_then_environment() {
        let c = ServerConfig::load(FILE, env(&[("TIANPING_BIND", "0.0.0.0:9000")])).unwrap();
        assert_eq!(c.bind.to_string(), "0.0.0.0:9000");
        assert_eq!(c.home, PathBuf::from("/srv/tianping"));
        assert_eq!(c.limits.max_concurrent_requests, 32);
        assert_eq!(c.limits.max_json_bytes, 64 * 1024);
        assert!(c.cookie_secure);
        let c = ServerConfig::load(
            FILE,
            env(&[
                ("TIANPING_MAX_CONCURRENT_REQUESTS", "8"),
                ("TIANPING_COOKIE_SECURE", "false"),
                ("UNRELATED", "x"),
            ]),
        )
        .unwrap();
        assert_eq!(c.limits.max_concurrent_requests, 8);
        assert!(!c.cookie_secure);
    }

    #[test]
    fn errors_name_the_key_and_value() {
        let e = ServerConfig::load(FILE, env(&[("TIANPING_BIND", "localhost")])).unwrap_err();
        assert_eq!((e.key.as_str(), e.value.as_str()), ("bind", "localhost"));
        let e = ServerConfig::load(FILE, env(&[("TIANPING_MAX_PUSH_BYTES", "lots")])).unwrap_err();
        assert_eq!(e.key, "TIANPING_MAX_PUSH_BYTES");
        let e = ServerConfig::load(FILE, env(&[("TIANPING_MAX_CONCURRENT_REQUESTS", "0")]))
            .unwrap_err();
        assert_eq!(e.key, "max_concurrent_requests");
        let e =
            ServerConfig::load(FILE, env(&[("TIANPING_DATA_OWNER_REGION", "3301")])).unwrap_err();
        assert_eq!(e.key, "data_owner_region");
        let e = ServerConfig::load("home = \"/x\"", env(&[])).unwrap_err();
        assert_eq!(e.key, "data_owner_department");
        let e = ServerConfig::load("bnid = 1", env(&[])).unwrap_err();
        assert_eq!(e.key, "(file)");
        let e = ServerConfig::load(
            FILE,
            env(&[("TIANPING_DATABASE_URL", "mysql://root:hunter2@db/x")]),
        )
        .unwrap_err();
        assert!(!e.to_string().contains("hunter2"), "{e}");
        let with = |extra: &str| ServerConfig::load(&format!("{FILE}{extra}"), env(&[]));
        let good = "\n[[departments]]\nid = \"wangjian\"\nname_zh = \"网监处\"\nname_en = \"Online\"\nregion = \"330100\"\n";
        assert_eq!(with(good).unwrap().departments.len(), 1);
        let e = with(&good.replace("330100", "3301")).unwrap_err();
        assert_eq!(
            (e.key.as_str(), e.value.as_str()),
            ("departments[0].region", "3301")
        );
        let e = with(&format!("{good}parent = \"nowhere\"\n")).unwrap_err();
        assert_eq!(e.key, "departments[0].parent");
        let e = with(&format!("{good}{good}")).unwrap_err();
        assert_eq!(e.key, "departments[1].id");
        let e = with(&good.replace("wangjian", "jiage")).unwrap_err();
        assert_eq!(e.key, "data_owner_department");
        assert!(e.to_string().contains("jiage（网监处）"), "{e}");
        assert!(e.to_string().contains("配置项") && e.to_string().contains("configuration"));
    }

    #[test]
    fn platform_rate_has_defaults_bounds_and_at_most_half_the_server() {
        let c = ServerConfig::load(FILE, env(&[])).unwrap();
        assert_eq!(
            (
                c.limits.platform_requests_per_minute,
                c.limits.platform_burst
            ),
            (600, 20)
        );
        let c = ServerConfig::load(
            FILE,
            env(&[
                ("TIANPING_PLATFORM_REQUESTS_PER_MINUTE", "30"),
                ("TIANPING_PLATFORM_BURST", "3"),
            ]),
        )
        .unwrap();
        assert_eq!(
            (
                c.limits.platform_requests_per_minute,
                c.limits.platform_burst
            ),
            (30, 3)
        );
        assert_eq!(c.audit_summary().0["limits"]["platform_burst"], 3);
        let e = ServerConfig::load(FILE, env(&[("TIANPING_PLATFORM_BURST", "0")])).unwrap_err();
        assert_eq!((e.key.as_str(), e.value.as_str()), ("platform_burst", "0"));
        let e = ServerConfig::load(FILE, env(&[("TIANPING_PLATFORM_BURST", "many")])).unwrap_err();
        assert_eq!(e.key, "TIANPING_PLATFORM_BURST");
        // 400 a second server-wide: a platform may have 12,000 a minute and a burst of 200.
        let half = ServerConfig::load(
            FILE,
            env(&[
                ("TIANPING_PLATFORM_REQUESTS_PER_MINUTE", "12000"),
                ("TIANPING_PLATFORM_BURST", "200"),
            ]),
        );
        assert!(half.is_ok(), "{half:?}");
        let e = ServerConfig::load(
            FILE,
            env(&[("TIANPING_PLATFORM_REQUESTS_PER_MINUTE", "12001")]),
        )
        .unwrap_err();
        assert_eq!(
            (e.key.as_str(), e.value.as_str()),
            ("platform_requests_per_minute", "12001")
        );
        assert!(e.message_en.contains("12000 a minute"), "{e}");
        // A lower server-wide rate lowers the defaults to its half; a value above it is refused.
        let low = |pairs: &[(&str, &str)]| {
            let mut all = vec![("TIANPING_MAX_REQUESTS_PER_SECOND", "10")];
            all.extend_from_slice(pairs);
            ServerConfig::load(FILE, env(&all))
        };
        let c = low(&[]).unwrap();
        assert_eq!(
            (
                c.limits.platform_requests_per_minute,
                c.limits.platform_burst
            ),
            (300, 5)
        );
        let e = low(&[("TIANPING_PLATFORM_BURST", "6")]).unwrap_err();
        assert_eq!((e.key.as_str(), e.value.as_str()), ("platform_burst", "6"));
        assert!(e.message.contains("max_requests_per_second = 10"), "{e}");
    }

    // --- dense
    #[test]
    fn rules_config_is_read_and_validated_at_start() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("detect.toml");
        std::fs::write(
            &good,
            "[params.\"fake_orders.dense_block\"]\ndensity_threshold = 0.8\n",
        )
        .unwrap();
        let path = good.to_str().unwrap();
        let c = ServerConfig::load(FILE, env(&[("TIANPING_RULES_CONFIG", path)])).unwrap();
        assert_eq!(
            c.rule_overrides["fake_orders.dense_block"]["density_threshold"],
            0.8
        );
        assert!(
            ServerConfig::load(FILE, env(&[]))
                .unwrap()
                .rule_overrides
                .is_empty()
        );
        // Out of bounds, unknown parameter, missing file: refused, naming the key and the file.
        for (name, text) in [
            (
                "low.toml",
                "[params.\"fake_orders.dense_block\"]\ndensity_threshold = 0.0\n",
            ),
            (
                "typo.toml",
                "[params.\"fake_orders.dense_block\"]\ndensity = 1\n",
            ),
        ] {
            let bad = dir.path().join(name);
            std::fs::write(&bad, text).unwrap();
            let bad = bad.to_str().unwrap();
            let e = ServerConfig::load(FILE, env(&[("TIANPING_RULES_CONFIG", bad)])).unwrap_err();
            assert_eq!(
                (e.key.as_str(), e.value.as_str()),
                ("rules_config", bad),
                "{e}"
            );
            // Chinese first, English after, each naming the parameter once.
            let (zh, en, shown) = (&e.message, &e.message_en, e.to_string());
            let want = if name == "low.toml" {
                ("超出允许范围", "is outside")
            } else {
                ("没有参数", "unknown parameter")
            };
            assert!(zh.contains(want.0) && !zh.contains(want.1), "{shown}");
            assert!(en.contains(want.1) && !en.contains(want.0), "{shown}");
        }
        let missing = dir.path().join("none.toml");
        let e = ServerConfig::load(
            FILE,
            env(&[("TIANPING_RULES_CONFIG", missing.to_str().unwrap())]),
        )
        .unwrap_err();
        assert_eq!(e.key, "rules_config");
    }
}
