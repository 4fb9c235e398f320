//! A finding's proof status (存证状态) for the finding page: its leaf in the evidence log, the
//! leaf's bytes checked against the stored finding, and its inclusion proof checked against the
//! current signed tree head whose signature is verified with the installation's public key —
//! every figure recomputed by `tianping_service::finding_proof` from stored content, no stored
//! "verified" flag consulted.

use axum::Json;
use axum::extract::{Path, State};
use serde_json::Value;
use tianping_auth::{Operation, Resource};
use tianping_service::evidence::EvidenceKey;
use tianping_service::finding_proof::{FindingProof, finding_proof as prove};

use crate::access::{Caller, finding_unit, guard};
use crate::error::{ApiError, ErrorBody};
use crate::routes::data::{audit_read, finding_platform};
use crate::state::AppState;

/// The proof status of one finding: leaf index and hash, the current signed head, the audit path
/// and each check (leaf, entry, content, signature, inclusion, consistency) with its outcome.
#[utoipa::path(get, path = "/api/v1/findings/{finding_id}/proof", operation_id = "finding_proof", tag = "web",
    params(("finding_id" = String, Path, description = "Finding id")),
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The proof status (verified or the failed checks)", body = Object),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody),
        (status = 404, description = "No such finding", body = ErrorBody)))]
pub async fn finding_proof(
    State(state): State<AppState>,
    caller: Caller,
    Path(finding_id): Path<String>,
) -> Result<Json<FindingProof>, ApiError> {
    let target = format!("finding:{finding_id}");
    // The role check first, so an unpermitted caller learns nothing about which ids exist.
    guard(
        &state,
        &caller,
        Operation::FindingProof,
        Resource::Collection,
        &target,
    )
    .await?;
    let Some((body, region)) = state.store.finding_with_region(&finding_id).await? else {
        audit_read(
            &state,
            &caller,
            Operation::FindingProof,
            &target,
            "not_found",
            Value::Null,
        )
        .await?;
        return Err(ApiError::not_found("发现 / finding"));
    };
    let finding: serde_json::Value = serde_json::from_str(&body).map_err(ApiError::internal)?;
    let platform = finding_platform(&finding);
    let unit = finding_unit(&state.config.data_owner, region.as_deref());
    guard(
        &state,
        &caller,
        Operation::FindingProof,
        Resource::Record {
            scope: &unit,
            supplier: platform.as_deref(),
        },
        &target,
    )
    .await?;
    let key = EvidenceKey::load_or_create(&state.home).map_err(ApiError::internal)?;
    let proof = prove(
        state.store.as_ref(),
        &key,
        &finding_id,
        &body,
        state.clock.now().timestamp_millis(),
    )
    .await
    .map_err(ApiError::internal)?;
    audit_read(
        &state,
        &caller,
        Operation::FindingProof,
        &target,
        "success",
        serde_json::json!({
            "verified": proof.verified,
            "leaf_index": proof.leaf_index,
            "tree_size": proof.head.as_ref().map(|h| h.tree_size),
            "root": proof.head.as_ref().map(|h| h.root.clone()),
        }),
    )
    .await?;
    Ok(Json(proof))
}
