//! `tianping-server`: the HTTP service (axum) over the store and ingest — staff login with
//! password and TOTP, platform push with API keys, reads over batches, quarantine, findings and
//! runs, administration split between three administrators, and the audit log.
//!
//! - [`config`]: typed configuration from TOML and environment, validated at start-up.
//! - [`access`]: who is calling; every handler's access check goes through
//!   `tianping_auth::authorize` ([`access::guard`]) and every denial is audited.
//! - [`routes`]: the handlers, one per `tianping_auth::Operation`; [`openapi`]: the document.
//! - [`limit`], [`metrics`]: load shedding (429 over the server-wide rate or a platform's own
//!   rate, 503 over the concurrency cap), Prometheus counters; [`reqlog`]: the access log (one
//!   span and one event per request, with its id, operation, route, actor, status, latency).
//! - [`mask`]: personal numbers masked in every response a caller may not see unmasked;
//!   [`masked`]: findings kept masked and serialised per stored body (the findings list).
//!
//! Time comes from a [`clock::Clock`] so tests drive it; logs carry no personal data or secrets.

pub mod access;
pub mod calendar;
pub mod clock;
pub mod config;
pub mod error;
pub mod extract;
pub mod limit;
pub mod mask;
pub mod masked;
pub mod metrics;
pub mod openapi;
pub mod reqlog;
pub mod routes;
pub mod secrets;
pub mod state;
pub mod uploads;
// --- dense
pub mod stream;
// --- loop
pub mod anchor;

use std::net::SocketAddr;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures::FutureExt;
use tracing::Instrument;

pub use config::{ConfigError, ServerConfig};
pub use state::AppState;

use crate::error::ApiError;
use crate::metrics::Event;

/// The application: the API behind load shedding, and the operations routes beside it.
pub fn app(state: AppState) -> Router {
    let json_limit = state.config.limits.max_json_bytes;
    let api = routes::api_routes()
        .layer(DefaultBodyLimit::max(json_limit))
        .layer(axum::middleware::from_fn_with_state(state.clone(), protect));
    Router::new()
        .merge(api)
        .merge(routes::ops_routes())
        .merge(routes::ui_routes())
        .fallback(|| async { ApiError::not_found("路径 / path") })
        .layer(axum::middleware::from_fn(headers))
        .with_state(state)
}

/// Load shedding, timeouts, panic containment, metrics and the access log ([`reqlog`]).
async fn protect(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = reqlog::new_id();
    let span = reqlog::span(&id, &req);
    state.metrics.start();
    let mut response = admit(&state, req, next, started)
        .instrument(span.clone())
        .await;
    let seconds = started.elapsed().as_secs_f64();
    let status = response.status().as_u16();
    state.metrics.finish(status, seconds);
    let latency_ms = (seconds * 1e6).round() / 1e3;
    span.in_scope(|| tracing::info!(status, latency_ms, "request"));
    response
        .headers_mut()
        .insert(reqlog::REQUEST_ID, reqlog::header(&id));
    response
}

/// The request's platform bucket (if it presents a platform key), the server-wide bucket, the
/// in-flight cap, then the handler under the timeout with panics contained.
async fn admit(state: &AppState, req: Request, next: Next, started: Instant) -> Response {
    if let Some(hash) = access::presented_key_hash(req.headers())
        && let Err(throttled) = state.platform_rate.try_take(&hash, started)
    {
        state.metrics.count_platform_shed(&throttled.supplier);
        tracing::debug!(
            supplier = %throttled.supplier,
            retry_after = throttled.retry_after,
            "platform over its rate"
        );
        let mut response = ApiError::too_many_requests().into_response();
        response.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from(throttled.retry_after),
        );
        return response;
    }
    if !state.rate.try_take(started) {
        state.metrics.count(Event::ShedRate);
        return ApiError::too_many_requests().into_response();
    }
    let Ok(_permit) = state.in_flight.clone().try_acquire_owned() else {
        state.metrics.count(Event::ShedOverload);
        return ApiError::unavailable("服务繁忙，请稍后重试", "the service is busy, retry later")
            .into_response();
    };
    let run = AssertUnwindSafe(next.run(req)).catch_unwind();
    match tokio::time::timeout(state.config.limits.request_timeout, run).await {
        Ok(Ok(response)) => response,
        Ok(Err(_)) => ApiError::internal("handler panicked").into_response(),
        Err(_) => ApiError::unavailable("请求超时", "the request timed out").into_response(),
    }
}

/// Headers on every answer: nothing cached, no content sniffing, no framing.
async fn headers(req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// Errors starting the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The home directory.
    #[error("数据目录无法打开 / the home cannot be opened: {0}")]
    Home(String),
    /// The store.
    #[error("存储无法打开 / the store cannot be opened: {0}")]
    Store(String),
    /// The listener.
    #[error("无法监听 {addr} / cannot listen on {addr}: {error}")]
    Bind {
        /// Address.
        addr: SocketAddr,
        /// Cause.
        error: String,
    },
    /// Serving failed.
    #[error("服务出错 / serving failed: {0}")]
    Serve(String),
}

/// Opens home and store, then serves until `shutdown` resolves; in-flight requests finish first.
pub async fn serve(
    config: ServerConfig,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let home =
        tianping_service::Home::open(&config.home).map_err(|e| ServeError::Home(e.to_string()))?;
    let store = tianping_service::open_store(&home, config.database_url.as_deref())
        .await
        .map_err(|e| ServeError::Store(e.to_string()))?;
    serve_with(config, home, store, shutdown).await
}

/// Serves an opened home and store on the configured address until `shutdown` resolves. Before
/// listening, removes the uploads a killed server process left behind ([`uploads::sweep`]).
pub async fn serve_with(
    config: ServerConfig,
    home: tianping_service::Home,
    store: Arc<dyn tianping_store::Store>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let addr = config.bind;
    seed_departments(&config, store.as_ref()).await?;
    let swept = uploads::sweep(home.root()).map_err(|e| ServeError::Home(e.to_string()))?;
    if swept > 0 {
        tracing::info!(swept, "removed uploads left by a stopped server");
    }
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| ServeError::Bind {
            addr,
            error: e.to_string(),
        })?;
    let state = AppState::new(store, home, config, Arc::new(clock::SystemClock));
    record_start(&state).await?;
    warn_calendar_reach(state.clock.now());
    serve_on(listener, state, shutdown).await
}

/// Warns in the log when a working-day deadline starting within the next
/// [`calendar::WARNING_DAYS`] could not be computed because the calendar ends (the next year's
/// State Council notice is not entered yet); `tianping calendar` shows the detail.
pub fn warn_calendar_reach(now: chrono::DateTime<chrono::Utc>) {
    let today = now
        .with_timezone(&tianping_service::clock::china_standard_time())
        .date_naive();
    let reach = calendar::reach(today);
    if reach["warning"] == true {
        tracing::warn!(
            calendar_last_day = %reach["last_day"].as_str().unwrap_or_default(),
            deadlines_unknown_from = %reach["unknown_from"].as_str().unwrap_or_default(),
            "工作日历即将到期：请录入下一年度国务院办公厅节假日安排（tianping calendar） / the working-day calendar ends soon: enter next year's holiday notice"
        );
    } else if let Some(error) = reach["error"].as_str() {
        tracing::error!(error, "working-day calendar");
    }
}

/// Appends `server_start` to the audit log with the configuration in force (without secrets)
/// and its SHA-256 ([`config::ServerConfig::audit_summary`]), so every configuration change between
/// starts is in the log. A server that cannot write it does not start (fail closed).
pub async fn record_start(state: &AppState) -> Result<(), ServeError> {
    let (summary, digest) = state.config.audit_summary();
    let event = tianping_store::accounts::AuditEvent {
        at: clock::stored(state.clock.now()),
        actor: "system".into(),
        action: "server_start".into(),
        target: "configuration".into(),
        outcome: "success".into(),
        detail: serde_json::json!({ "config_sha256": digest, "config": summary }).to_string(),
        source: "local".into(),
    };
    state
        .store
        .append_audit(&event)
        .await
        .map_err(|e| ServeError::Store(e.to_string()))?;
    tracing::info!(config_sha256 = %digest, "configuration recorded in the audit log");
    Ok(())
}

/// Stores the configured department registry (and migrates department names in existing rows to
/// ids, or fails naming the row); nothing when none is configured.
pub async fn seed_departments(
    config: &ServerConfig,
    store: &dyn tianping_store::Store,
) -> Result<(), ServeError> {
    if config.departments.is_empty() {
        tracing::warn!("no [[departments]] configured: the stored registry is used as it is");
        return Ok(());
    }
    let report = tianping_service::departments::seed(store, &config.departments)
        .await
        .map_err(|e| ServeError::Store(e.to_string()))?;
    tracing::info!(
        inserted = report.inserted,
        updated = report.updated,
        deactivated = ?report.deactivated,
        migrated = ?report.migrated,
        "department registry seeded"
    );
    Ok(())
}

/// Serves on a bound listener until `shutdown` resolves, then lets in-flight requests finish.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let local = listener
        .local_addr()
        .map_err(|e| ServeError::Serve(e.to_string()))?;
    tracing::info!(%local, "serving");
    // --- dense
    let worker = stream::spawn(state.clone());
    // --- loop
    let anchoring = anchor::spawn(state.clone());
    let served = axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
    .map_err(|e| ServeError::Serve(e.to_string()));
    worker.abort();
    // --- loop
    anchoring.abort();
    served?;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}
