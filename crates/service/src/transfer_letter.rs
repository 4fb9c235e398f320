//! The transfer letter (移送函): what a transfer package says about who sends it and to whom, so
//! the receiving installation — which has its own department registry, not ours — can read the
//! sending and the receiving unit by name.
//!
//! At export ([`export_transfer`]) the sender writes the letter from its registry as it is at
//! that moment: the sending unit (the case's department id, its Chinese and English names, its
//! region) and the receiving unit (the `transfer` event's department and region, with their
//! names when our registry holds that department for that region — a unit of another
//! installation, such as another city's 网监处, is named as the officer recorded it, without
//! names). The letter carries the stored `transfer` event itself; it is logged as a `File` entry
//! ([`TRANSFER_MEDIA`]) and exported with the case file under a fresh signed head.
//!
//! At import ([`transfer_letter`]) the receiver reads the letter only from a verified package and
//! checks it against what the package proves: the letter names the package's case and the log
//! that signed it, and its `transfer` event is byte for byte the one whose SHA-256 the package's
//! case record holds, with the same receiving department and region. Any mismatch refuses the
//! package, naming the field.

use std::path::Path;

use serde::{Deserialize, Serialize};
use tianping_cases::case::{Action, CaseEvent};
use tianping_evidence::bundle::Manifest;
use tianping_evidence::{Entry, HashAlg};
use tianping_store::Store;

use crate::assist::{AssistError, DepartmentNames, letter_json, log_letter, registry_names};
use crate::cases::{CaseServiceError, Desk};
use crate::evidence::{self, BundleItem, EvidenceKey};
use crate::transfer::{Package, TransferError};

/// Media type of a transfer letter.
pub const TRANSFER_MEDIA: &str = "application/vnd.tianping.letter.transfer+json";

/// A unit as the sender's registry named it at export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitNames {
    /// Department id in the sender's registry (or as recorded, for a unit it does not hold).
    pub department: String,
    /// Its names; absent when the sender's registry does not hold the department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<DepartmentNames>,
    /// Region (division code).
    pub region: String,
}

/// The transfer letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferLetter {
    /// Always `transfer`.
    pub kind: String,
    /// The sender's log id.
    pub from_log_id: String,
    /// The sender's case.
    pub case_id: String,
    /// Sequence number of the `transfer` event.
    pub transfer_seq: u64,
    /// The `transfer` event as stored (its SHA-256 is in the package's case record).
    pub transfer_event: String,
    /// The sending unit (always with its names).
    pub from: UnitNames,
    /// The receiving unit.
    pub to: UnitNames,
    /// Who transferred (account id).
    pub transferred_by: String,
    /// When (ms since the epoch).
    pub transferred_at_ms: i64,
}

/// The receiving unit's id and names from our registry, only when it holds a department of
/// that id or name whose region covers the receiving region: a 网监处 in another city is not ours.
async fn receiver_names(
    store: &dyn Store,
    department: &str,
    region: &str,
) -> Result<Option<(String, DepartmentNames)>, AssistError> {
    let registry = crate::departments::load(store)
        .await
        .map_err(|e| AssistError::Case(e.into()))?;
    let Ok(region) = tianping_auth::Adcode::parse(region.trim()) else {
        return Ok(None);
    };
    Ok(registry
        .resolve(department)
        .ok()
        .filter(|d| d.region.covers(&region))
        .map(|d| {
            (
                d.id.as_str().to_string(),
                DepartmentNames {
                    zh: d.name_zh.clone(),
                    en: d.name_en.clone(),
                },
            )
        }))
}

fn refused(text: String) -> TransferError {
    TransferError::Unusable(text)
}

/// The sender's side: for the transferred case `case_id`, the transfer letter (from the registry
/// as it is now), logged, and exported with the case file into the new directory `dir` under a
/// fresh signed head of `alg`.
#[allow(clippy::too_many_arguments)]
pub async fn export_transfer(
    desk: &Desk,
    store: &dyn Store,
    key: &EvidenceKey,
    alg: HashAlg,
    case_id: &str,
    at_ms: i64,
    dir: &Path,
) -> Result<(TransferLetter, Manifest), AssistError> {
    let case = desk.load(store, case_id).await?;
    let events = store
        .case_events(case_id)
        .await
        .map_err(CaseServiceError::from)?;
    let Some(event) = events.iter().rev().find(|e| e.action == "transfer") else {
        return Err(AssistError::Refused(format!(
            "案件 {case_id} 没有移送记录（状态 {}）/ case {case_id} was not transferred (state {})",
            case.state.as_str(),
            case.state.as_str()
        )));
    };
    let parsed: CaseEvent = serde_json::from_str(&event.body)
        .map_err(|e| AssistError::Refused(format!("event #{} of {case_id}: {e}", event.seq)))?;
    let Action::Transfer {
        to_department,
        to_region,
    } = &parsed.action
    else {
        return Err(AssistError::Refused(format!(
            "event #{} of {case_id} is not a transfer",
            event.seq
        )));
    };
    let (from_department, from_names) = registry_names(store, &case.department)
        .await?
        .ok_or_else(|| {
            AssistError::Refused(format!(
                "案件 {case_id} 的部门 {} 不在本机部门登记中，无法写明移送单位 / the case's department {} is not in this installation's registry, so the letter cannot name the sender",
                case.department, case.department
            ))
        })?;
    let to_names = receiver_names(store, to_department, to_region).await?;
    let letter = TransferLetter {
        kind: "transfer".into(),
        from_log_id: key.log_id().to_string(),
        case_id: case_id.to_string(),
        transfer_seq: u64::try_from(event.seq).unwrap_or(0),
        transfer_event: event.body.clone(),
        from: UnitNames {
            department: from_department,
            names: Some(from_names),
            region: case.region.clone(),
        },
        to: UnitNames {
            department: to_names
                .as_ref()
                .map_or_else(|| to_department.clone(), |(id, _)| id.clone()),
            names: to_names.map(|(_, names)| names),
            region: to_region.clone(),
        },
        transferred_by: event.actor.clone(),
        transferred_at_ms: event.at_ms,
    };
    let bytes = letter_json(&letter)?;
    let index = log_letter(
        store,
        "transfer.json",
        TRANSFER_MEDIA,
        &bytes,
        &event.actor,
        at_ms,
        format!("case:{case_id}#{}", event.seq),
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
        &format!("移送 transfer {case_id}#{}", event.seq),
        &items,
        at_ms,
        dir,
    )
    .await?;
    Ok((letter, manifest))
}

/// The transfer letter of a verified package, checked against what the package proves (see the
/// module doc); refuses a package carrying any other letter (an assistance request or reply).
pub fn transfer_letter(package: &Package) -> Result<TransferLetter, TransferError> {
    if let Some((media, _)) = package.letters.iter().find(|(m, _)| m != TRANSFER_MEDIA) {
        return Err(refused(format!(
            "证据包类型为 {media}，不是移送 / the package is a {media}, not a transfer"
        )));
    }
    let bytes = package.letter(TRANSFER_MEDIA).ok_or_else(|| {
        refused(
            "证据包中没有移送函，无法确认移送单位和接收单位 / the package carries no transfer letter naming the sending and receiving units".into(),
        )
    })?;
    let letter: TransferLetter =
        serde_json::from_slice(bytes).map_err(|e| refused(format!("transfer.json: {e}")))?;
    let mismatch = |field: &str, found: &str, expected: &str| {
        refused(format!(
            "移送函字段 {field} 为 {found:?}，证据包证明的是 {expected:?} / transfer letter field {field} is {found:?}, the package proves {expected:?}"
        ))
    };
    if letter.kind != "transfer" {
        return Err(mismatch("kind", &letter.kind, "transfer"));
    }
    let case_id = package.case_id().unwrap_or("");
    if letter.case_id != case_id {
        return Err(mismatch("case_id", &letter.case_id, case_id));
    }
    let signer = package.manifest.signed_head.log_id.as_str();
    if letter.from_log_id != signer {
        return Err(mismatch("from_log_id", &letter.from_log_id, signer));
    }
    let recorded = package.case_records.iter().find_map(|e| match e {
        Entry::CaseRecord {
            seq,
            action,
            event_sha256,
            ..
        } if *seq == letter.transfer_seq => Some((action.clone(), *event_sha256)),
        _ => None,
    });
    let Some((action, digest)) = recorded else {
        return Err(refused(format!(
            "移送函所指的事件 #{} 不在证据包中 / the letter's event #{} is not among the package's case records",
            letter.transfer_seq, letter.transfer_seq
        )));
    };
    if action != "transfer" {
        return Err(mismatch("transfer_seq", &action, "transfer"));
    }
    if HashAlg::Sha256.digest(letter.transfer_event.as_bytes()) != digest {
        return Err(refused(format!(
            "移送函中的事件 #{} 与证据包记录的哈希不符 / the letter's event #{} does not match the SHA-256 the package records",
            letter.transfer_seq, letter.transfer_seq
        )));
    }
    let event: CaseEvent = serde_json::from_str(&letter.transfer_event)
        .map_err(|e| refused(format!("transfer.json transfer_event: {e}")))?;
    let Action::Transfer {
        to_department,
        to_region,
    } = &event.action
    else {
        return Err(mismatch("transfer_event", event.action.name(), "transfer"));
    };
    if &letter.to.region != to_region {
        return Err(mismatch("to.region", &letter.to.region, to_region));
    }
    // The event records what the officer named (an id, or a Chinese name for a unit of another
    // installation); the letter gives the registry id when ours holds it.
    let names_match = letter
        .to
        .names
        .as_ref()
        .is_some_and(|n| &n.zh == to_department);
    if &letter.to.department != to_department && !names_match {
        return Err(mismatch(
            "to.department",
            &letter.to.department,
            to_department,
        ));
    }
    let from_named = letter
        .from
        .names
        .as_ref()
        .is_some_and(|n| !n.zh.trim().is_empty());
    if letter.from.department.trim().is_empty()
        || letter.from.region.trim().is_empty()
        || !from_named
    {
        return Err(refused(
            "移送函未写明移送单位（部门编号、名称、地区）/ the transfer letter does not name the sending unit (id, names, region)".into(),
        ));
    }
    Ok(letter)
}
