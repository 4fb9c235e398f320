//! Operations endpoints, open without credentials: liveness, readiness (the store answers and
//! its durability settings hold), Prometheus metrics, and the OpenAPI document.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use crate::error::ErrorBody;
use crate::state::AppState;

/// A status.
#[derive(Debug, Serialize, ToSchema)]
pub struct Status {
    /// `ok`, or what is wrong.
    pub status: String,
}

/// Liveness.
#[utoipa::path(get, path = "/healthz", operation_id = "health", tag = "ops",
    responses((status = 200, description = "Alive", body = Status)))]
pub async fn health() -> Json<Status> {
    Json(Status {
        status: "ok".into(),
    })
}

/// Readiness.
#[utoipa::path(get, path = "/readyz", operation_id = "ready", tag = "ops",
    responses(
        (status = 200, description = "Ready", body = Status),
        (status = 503, description = "The store is not available", body = ErrorBody)))]
pub async fn ready(State(state): State<AppState>) -> Response {
    match state.store.durability().await {
        Ok(_) => Json(Status {
            status: "ok".into(),
        })
        .into_response(),
        Err(e) => crate::error::ApiError::from(e).into_response(),
    }
}

/// Prometheus metrics.
#[utoipa::path(get, path = "/metrics", operation_id = "metrics", tag = "ops",
    responses((status = 200, description = "Prometheus text format", body = String, content_type = "text/plain")))]
pub async fn metrics(State(state): State<AppState>) -> Response {
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}

/// The OpenAPI document.
#[utoipa::path(get, path = "/api/openapi.json", operation_id = "openapi", tag = "ops",
    responses((status = 200, description = "OpenAPI 3.1", body = Object)))]
pub async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(crate::openapi::ApiDoc::openapi())
}
