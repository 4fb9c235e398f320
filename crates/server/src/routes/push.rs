//! Platform push: `POST /api/v1/batches` with a `.zip` (`application/zip`) or `.tar.gz`
//! (`application/gzip`) delivery per the data standard. The body is streamed to a temporary file
//! (bounded by `max_push_bytes`; an interrupted upload leaves only that file, removed on drop, or
//! by the next start's sweep if the process was killed — see `uploads`),
//! the manifest's supplier is checked against the caller's key, and the file is ingested with
//! `tianping_service::Ingestor` — whose commit protocol makes the batch visible whole or not at
//! all. The answer is the receipt.

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use chrono::SecondsFormat;
use futures::StreamExt;
use serde_json::Value;
use tianping_auth::{Operation, Resource};
use tianping_ingest::source::{OpenError, open_batch};
use tokio::io::AsyncWriteExt;

use crate::access::{Caller, audit, delivered, guard};
use crate::error::{ApiError, ErrorBody};
use crate::metrics::Event;
use crate::state::AppState;

fn suffix_of(headers: &HeaderMap) -> Result<&'static str, ApiError> {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match ct.as_str() {
        "application/zip" => Ok(".zip"),
        "application/gzip" | "application/x-gzip" | "application/x-tar+gzip" => Ok(".tar.gz"),
        _ => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("Content-Type {ct:?} 不支持：应为 application/zip 或 application/gzip"),
            format!(
                "Content-Type {ct:?} is not supported: use application/zip or application/gzip"
            ),
        )),
    }
}

/// Streams the body into a new temporary file, refusing more than `max` bytes.
async fn receive(
    state: &AppState,
    body: Body,
    suffix: &str,
) -> Result<tempfile::NamedTempFile, ApiError> {
    let dir = state.uploads.dir().map_err(ApiError::internal)?;
    let file = tempfile::Builder::new()
        .prefix("push-")
        .suffix(suffix)
        .tempfile_in(&dir)
        .map_err(ApiError::internal)?;
    let mut out = tokio::fs::File::from_std(file.reopen().map_err(ApiError::internal)?);
    let max = state.config.limits.max_push_bytes;
    let mut written: u64 = 0;
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk =
            chunk.map_err(|_| ApiError::bad_request("上传中断", "the upload was interrupted"))?;
        written += chunk.len() as u64;
        if written > max {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                format!("批次超过 {max} 字节上限"),
                format!("the batch exceeds the limit of {max} bytes"),
            ));
        }
        out.write_all(&chunk).await.map_err(ApiError::internal)?;
    }
    out.flush().await.map_err(ApiError::internal)?;
    if written == 0 {
        return Err(ApiError::bad_request("请求体为空", "the body is empty"));
    }
    Ok(file)
}

/// Reads the supplier the delivery's manifest names, if it can be read.
async fn manifest_supplier(
    state: &AppState,
    path: std::path::PathBuf,
) -> Result<Option<String>, ApiError> {
    let scratch = tempfile::Builder::new()
        .prefix("peek-")
        .tempdir_in(state.uploads.dir().map_err(ApiError::internal)?)
        .map_err(ApiError::internal)?;
    let limits = tianping_ingest::Limits::standard();
    let opened = tokio::task::spawn_blocking(move || {
        let r = open_batch(&path, scratch.path(), &limits);
        drop(scratch);
        r
    })
    .await
    .map_err(ApiError::internal)?;
    match opened {
        Ok(batch) => Ok(Some(batch.manifest.supplier.clone())),
        Err(OpenError::Rejected { supplier, .. }) => Ok(supplier),
        Err(OpenError::Internal(e)) => Err(ApiError::internal(e)),
    }
}

/// A delivery archive sent as the raw request body (OpenAPI: a binary string).
pub struct Archive;

impl utoipa::PartialSchema for Archive {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .min_length(Some(1))
            .into()
    }
}

impl utoipa::ToSchema for Archive {}

/// A platform pushes a batch.
#[utoipa::path(post, path = "/api/v1/batches", operation_id = "push_batch", tag = "data",
    request_body(description = "A delivery per the data standard: .zip or .tar.gz, as the raw body",
        content((Archive = "application/zip"), (Archive = "application/gzip"))),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The receipt (accepted, rejected, duplicate or conflict)", body = Object),
        (status = 400, description = "Empty or interrupted upload", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not a platform, or the manifest names another supplier", body = ErrorBody),
        (status = 413, description = "Too large", body = ErrorBody),
        (status = 415, description = "Not a zip or gzip body", body = ErrorBody),
        (status = 503, description = "Store unavailable; retry", body = ErrorBody)))]
pub async fn push_batch(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<Value>, ApiError> {
    guard(
        &state,
        &caller,
        Operation::PushBatch,
        Resource::Collection,
        "batches",
    )
    .await?;
    let suffix = suffix_of(&headers)?;
    let file = receive(&state, body, suffix).await?;
    let path = file.path().to_path_buf();
    if let Some(supplier) = manifest_supplier(&state, path.clone()).await? {
        guard(
            &state,
            &caller,
            Operation::PushBatch,
            delivered(&state, Some(&supplier)),
            &format!("supplier:{supplier}"),
        )
        .await?;
    }
    let received_at = state
        .clock
        .now()
        .with_timezone(&tianping_service::clock::china_standard_time())
        .to_rfc3339_opts(SecondsFormat::Millis, false);
    let receipt = state
        .ingestor
        .ingest(&path, &received_at, &tianping_service::SilentProgress)
        .await
        .map_err(|e| {
            tracing::error!(error = %crate::reqlog::safe(&e), "ingest failed");
            ApiError::unavailable(
                "批次未能入库，未留下任何部分，请重试",
                "the batch could not be stored; nothing of it was kept; retry",
            )
        })?;
    drop(file);
    state.metrics.count(Event::Push);
    if receipt.status.as_str() == "accepted" {
        // Committed (durably) before this answer: the stream may read it now.
        state.stream_wake.notify_one();
    }
    let batch = format!(
        "batch:{}/{}",
        receipt.supplier.as_deref().unwrap_or("?"),
        receipt.batch_id.as_deref().unwrap_or("?")
    );
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::PushBatch.id(),
        &batch,
        "success",
        serde_json::json!({ "status": receipt.status.as_str(), "accepted": receipt.accepted, "quarantined": receipt.quarantined }),
    )
    .await?;
    let mut value = serde_json::to_value(&receipt).map_err(ApiError::internal)?;
    crate::mask::mask_json(&mut value);
    Ok(Json(value))
}
