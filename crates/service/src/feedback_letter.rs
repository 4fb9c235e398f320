//! The feedback letter (移送反馈函): what a transfer's feedback package says about the replying
//! unit, so the sending installation reads who answered — by name, from the replier's own
//! registry — and can check it is the unit it transferred to.
//!
//! At export ([`export_feedback`]) the receiving installation writes the letter from its registry
//! as it is at that moment: the replying unit (its case's department id, Chinese and English
//! names, region), the case it opened and the state it reached, and the sender's case it answers
//! (`in_reply_to`). The letter is logged as a `File` entry ([`FEEDBACK_MEDIA`]) and exported with
//! the case file under a fresh signed head.
//!
//! At import ([`feedback_letter`]) the sender reads the letter only from a verified package and
//! checks it against what the package proves and what its own case recorded: the letter names
//! the package's case, its last state and the log that signed it; it answers the sender's case;
//! and the replying unit, named with its names, lies inside the region the sender's `transfer`
//! event named. Any mismatch refuses the package, naming the field. The department is compared
//! but not refused on: the officer who transferred named the receiving unit as they knew it
//! (e.g. 网监处) and the replier's registry may name it otherwise (网络交易监督管理处), so the
//! result says whether the id or Chinese name matched and the recorded feedback says both.

use std::path::Path;

use serde::{Deserialize, Serialize};
use tianping_cases::case::{Action, CaseEvent};
use tianping_evidence::HashAlg;
use tianping_evidence::bundle::Manifest;
use tianping_store::Store;

use crate::assist::{AssistError, letter_json, log_letter, registry_names};
use crate::cases::{CaseServiceError, Desk};
use crate::evidence::{self, BundleItem, EvidenceKey};
use crate::transfer::{Package, TransferError};
use crate::transfer_letter::UnitNames;

/// Media type of a feedback letter.
pub const FEEDBACK_MEDIA: &str = "application/vnd.tianping.letter.transfer-feedback+json";

/// The feedback letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackLetter {
    /// Always `transfer_feedback`.
    pub kind: String,
    /// The replier's log id.
    pub from_log_id: String,
    /// The replier's case (opened from the transfer).
    pub case_id: String,
    /// The state the replier's case reached.
    pub state: String,
    /// The sender's case this answers.
    pub in_reply_to: String,
    /// The replying unit (always with its names).
    pub from: UnitNames,
    /// Who wrote the feedback (account id).
    pub replied_by: String,
    /// When (ms since the epoch).
    pub replied_at_ms: i64,
}

fn refused(text: String) -> TransferError {
    TransferError::Unusable(text)
}

/// The receiver's side: the feedback on the transfer `in_reply_to` (the sender's case id) for our
/// case `case_id`: the letter (from the registry as it is now), logged, and exported with the
/// case file into the new directory `dir` under a fresh signed head of `alg`.
#[allow(clippy::too_many_arguments)]
pub async fn export_feedback(
    desk: &Desk,
    store: &dyn Store,
    key: &EvidenceKey,
    alg: HashAlg,
    case_id: &str,
    in_reply_to: &str,
    replied_by: &str,
    at_ms: i64,
    dir: &Path,
) -> Result<(FeedbackLetter, Manifest), AssistError> {
    let case = desk.load(store, case_id).await?;
    if in_reply_to.trim().is_empty() || in_reply_to.chars().count() > 200 {
        return Err(AssistError::Refused(format!(
            "反馈所答复的移送案件编号无效：{in_reply_to:?} / in_reply_to {in_reply_to:?} is not a case id"
        )));
    }
    let (department, names) = registry_names(store, &case.department)
        .await?
        .ok_or_else(|| {
            AssistError::Refused(format!(
                "案件 {case_id} 的部门 {} 不在本机部门登记中，无法写明反馈单位 / the case's department {} is not in this installation's registry, so the letter cannot name the replying unit",
                case.department, case.department
            ))
        })?;
    let letter = FeedbackLetter {
        kind: "transfer_feedback".into(),
        from_log_id: key.log_id().to_string(),
        case_id: case_id.to_string(),
        state: case.state.as_str().to_string(),
        in_reply_to: in_reply_to.trim().to_string(),
        from: UnitNames {
            department,
            names: Some(names),
            region: case.region.clone(),
        },
        replied_by: replied_by.to_string(),
        replied_at_ms: at_ms,
    };
    let bytes = letter_json(&letter)?;
    let index = log_letter(
        store,
        "feedback.json",
        FEEDBACK_MEDIA,
        &bytes,
        replied_by,
        at_ms,
        format!("case:{case_id}"),
    )
    .await?;
    let (mut items, _missing) = evidence::case_file_items(store, case_id).await?;
    items.push(BundleItem {
        index,
        content: Some(bytes),
    });
    items.sort_by_key(|i| i.index);
    let manifest = evidence::export(
        store,
        key,
        alg,
        &format!("移送反馈 transfer feedback {case_id} → {in_reply_to}"),
        &items,
        at_ms,
        dir,
    )
    .await?;
    Ok((letter, manifest))
}

/// A feedback letter checked against its package and our transfer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFeedback {
    /// The letter.
    pub letter: FeedbackLetter,
    /// The receiving department as our `transfer` event recorded it.
    pub transferred_to: String,
    /// The receiving region as our `transfer` event recorded it.
    pub transferred_to_region: String,
    /// Whether the replying unit's id or Chinese name is what the transfer recorded.
    pub same_department: bool,
}

/// The feedback letter of a verified package answering our transferred case `case_id`, checked
/// against the package and against our case's last `transfer` event (see the module doc);
/// refuses a package carrying any other letter or none.
pub async fn feedback_letter(
    store: &dyn Store,
    case_id: &str,
    package: &Package,
) -> Result<CheckedFeedback, TransferError> {
    if let Some((media, _)) = package.letters.iter().find(|(m, _)| m != FEEDBACK_MEDIA) {
        return Err(refused(format!(
            "证据包类型为 {media}，不是移送反馈 / the package is a {media}, not a transfer feedback"
        )));
    }
    let bytes = package.letter(FEEDBACK_MEDIA).ok_or_else(|| {
        refused(
            "证据包中没有反馈函，无法确认反馈单位 / the package carries no feedback letter naming the replying unit".into(),
        )
    })?;
    let letter: FeedbackLetter =
        serde_json::from_slice(bytes).map_err(|e| refused(format!("feedback.json: {e}")))?;
    let mismatch = |field: &str, found: &str, expected: &str| {
        refused(format!(
            "反馈函字段 {field} 为 {found:?}，应为 {expected:?} / feedback letter field {field} is {found:?}, expected {expected:?}"
        ))
    };
    if letter.kind != "transfer_feedback" {
        return Err(mismatch("kind", &letter.kind, "transfer_feedback"));
    }
    let their_case = package.case_id().unwrap_or("");
    if letter.case_id != their_case {
        return Err(mismatch("case_id", &letter.case_id, their_case));
    }
    let state = package.last_state().unwrap_or("");
    if letter.state != state {
        return Err(mismatch("state", &letter.state, state));
    }
    let signer = package.manifest.signed_head.log_id.as_str();
    if letter.from_log_id != signer {
        return Err(mismatch("from_log_id", &letter.from_log_id, signer));
    }
    if letter.in_reply_to != case_id {
        return Err(mismatch("in_reply_to", &letter.in_reply_to, case_id));
    }
    let from_names = letter
        .from
        .names
        .as_ref()
        .filter(|n| !n.zh.trim().is_empty());
    if letter.from.department.trim().is_empty() || from_names.is_none() {
        return Err(refused(
            "反馈函未写明反馈单位（部门编号、名称、地区）/ the feedback letter does not name the replying unit (id, names, region)".into(),
        ));
    }
    // The replying unit is the one our transfer named.
    let events = store
        .case_events(case_id)
        .await
        .map_err(|e| TransferError::Case(CaseServiceError::from(e)))?;
    let Some(event) = events.iter().rev().find(|e| e.action == "transfer") else {
        return Err(refused(format!(
            "案件 {case_id} 没有移送记录，不能接收移送反馈 / case {case_id} was not transferred, so it takes no transfer feedback"
        )));
    };
    let parsed: CaseEvent = serde_json::from_str(&event.body)
        .map_err(|e| refused(format!("event #{} of {case_id}: {e}", event.seq)))?;
    let Action::Transfer {
        to_department,
        to_region,
    } = &parsed.action
    else {
        return Err(refused(format!(
            "event #{} of {case_id} is not a transfer",
            event.seq
        )));
    };
    let inside = match (
        tianping_auth::Adcode::parse(to_region.trim()),
        tianping_auth::Adcode::parse(letter.from.region.trim()),
    ) {
        (Ok(to), Ok(from)) => to.covers(&from),
        _ => false,
    };
    if !inside {
        return Err(mismatch("from.region", &letter.from.region, to_region));
    }
    let named = from_names.is_some_and(|n| n.zh.trim() == to_department.trim());
    let same_department = letter.from.department.trim() == to_department.trim() || named;
    Ok(CheckedFeedback {
        transferred_to: to_department.clone(),
        transferred_to_region: to_region.clone(),
        same_department,
        letter,
    })
}
