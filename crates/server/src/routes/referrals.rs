//! A pyramid-scheme finding's referral tree for the finding page: the `referrals` rows of the
//! finding's scheme (platform and scheme from its subject) read from the lake, joined at or
//! before the end of the finding's window — who recruited whom, with each member's entry fee and
//! rewards. Pids are pseudonyms; the answer still passes the personal-number masker. Findings of
//! other kinds answer an empty tree.

use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Value, json};
use tianping_auth::{Operation, Resource};

use crate::access::{Caller, finding_unit, guard};
use crate::error::{ApiError, ErrorBody};
use crate::mask::mask_json;
use crate::routes::data::finding_platform;
use crate::routes::lakeview;
use crate::state::AppState;

/// Most members returned; a larger scheme is cut (`truncated: true`).
const MAX_MEMBERS: usize = 2000;
/// Most rows read from the lake for one scheme.
const SCAN_CAP: usize = 100_000;

/// The referral rows of a scheme finding: `{scheme, platform, members: [{member_pid,
/// referrer_pid, joined_at, entry_fee_fen, recruitment_rewards_fen, sales_rewards_fen}],
/// truncated}`.
#[utoipa::path(get, path = "/api/v1/findings/{finding_id}/referrals", operation_id = "finding_referrals", tag = "web",
    params(("finding_id" = String, Path, description = "Finding id")),
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The scheme's referral rows (empty for other findings)", body = Object),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody),
        (status = 404, description = "No such finding", body = ErrorBody)))]
pub async fn finding_referrals(
    State(state): State<AppState>,
    caller: Caller,
    Path(finding_id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let target = format!("finding:{finding_id}");
    // The role check first, so an unpermitted caller learns nothing about which ids exist.
    guard(
        &state,
        &caller,
        Operation::FindingReferrals,
        Resource::Collection,
        &target,
    )
    .await?;
    let Some((body, region)) = state.store.finding_with_region(&finding_id).await? else {
        return Err(ApiError::not_found("发现 / finding"));
    };
    let finding: Value = serde_json::from_str(&body).map_err(ApiError::internal)?;
    let platform = finding_platform(&finding);
    let unit = finding_unit(&state.config.data_owner, region.as_deref());
    guard(
        &state,
        &caller,
        Operation::FindingReferrals,
        Resource::Record {
            scope: &unit,
            supplier: platform.as_deref(),
        },
        &target,
    )
    .await?;
    let subject = &finding["subject"];
    let scheme = subject["id"].as_str().unwrap_or_default();
    let platform = platform.unwrap_or_default();
    if subject["kind"] != "scheme"
        || !lakeview::is_plain_id(scheme)
        || !lakeview::is_plain_id(&platform)
    {
        return Ok(Json(
            json!({"scheme": null, "platform": null, "members": [], "truncated": false}),
        ));
    }
    // The window's end bounds the rows, as the detector saw them. The finding states it to the
    // second (RFC 3339), the rows hold milliseconds: rows before the next second are in. The
    // bound is applied here on parsed instants (a SQL literal's time zone is not the column's).
    let until = finding["window"]["to"]
        .as_str()
        .and_then(|to| chrono::DateTime::parse_from_rfc3339(to).ok())
        .map(|t| t + chrono::Duration::seconds(1));
    let lake = lakeview::open(&state).await?;
    let mut members: Vec<Value> = lakeview::rows(
        &lake,
        &format!(
            "SELECT member_pid, referrer_pid, CAST(joined_at AS VARCHAR) AS joined_at, entry_fee_fen, \
             recruitment_rewards_fen, sales_rewards_fen FROM referrals \
             WHERE platform_id = '{platform}' AND scheme_id = '{scheme}' \
             ORDER BY member_pid LIMIT {SCAN_CAP}"
        ),
    )
    .await?
    .into_iter()
    .filter(|r| match (until, r["joined_at"].as_str()) {
        (Some(until), Some(j)) => chrono::DateTime::parse_from_rfc3339(j).is_ok_and(|j| j < until),
        _ => true,
    })
    .collect();
    let truncated = members.len() > MAX_MEMBERS;
    members.truncate(MAX_MEMBERS);
    let mut body =
        json!({"scheme": scheme, "platform": platform, "members": members, "truncated": truncated});
    mask_json(&mut body);
    Ok(Json(body))
}
