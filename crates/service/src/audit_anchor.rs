//! The audit log anchored in the evidence log. The audit log is hash-chained (row *n* stores
//! `SHA-256(row_hash[n-1] ‖ canonical(row n))`), which shows an edit only while the later hashes
//! are left alone: someone able to rewrite the table can recompute the whole chain. Anchoring
//! appends the chain's head — `{"kind":"audit_head","seq":N,"row_hash":"…"}` — to the evidence
//! log as a file entry (reference `audit-head:N`), so the head is covered by every later signed
//! tree head; a rewrite of any row up to N then changes the recomputed hash at N and no longer
//! matches the anchored digest, whatever was done to the stored hashes.
//!
//! The caller drives the schedule and gives the time: `tianping evidence head` anchors before it
//! signs; every detection run writes an anchor with its run record, in the same transaction
//! ([`anchor_leaf`], `tianping detect` and the stream desk); `tianping serve` anchors on a
//! schedule ([`AnchorSchedule`], default every 15 minutes, the server's clock passed in). [`verify_anchors`] recomputes the chain from the rows' contents and names, for each
//! anchor that does not match, the range of rows since the previous matching anchor (one row
//! when anchors are that dense), plus the first row whose stored hash does not chain.

use tianping_evidence::{Entry, HashAlg};
use tianping_store::accounts::{AuditRecord, GENESIS_HASH};
use tianping_store::{NewLeaf, Store, StoreError};

use crate::evidence::CheckFailure;

/// Media type of an anchored audit head.
pub const AUDIT_HEAD_MEDIA: &str = "application/vnd.tianping.audit-head+json";
/// Reference prefix of anchor leaves.
const REFERENCE: &str = "audit-head:";
/// Rows read per query.
const PAGE: u32 = 1000;

/// Errors anchoring.
#[derive(Debug, thiserror::Error)]
pub enum AnchorError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The chain is already broken: anchoring it would attest the tampering.
    #[error(
        "审计日志第 {0} 行的哈希链校验失败，拒绝锚定 / audit row {0} does not verify; refusing to anchor a broken chain"
    )]
    Broken(u64),
}

/// An anchored audit head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditAnchor {
    /// The last audit row covered.
    pub seq: u64,
    /// Its hash.
    pub row_hash: String,
    /// The evidence-log leaf holding it (none: the chain is empty, or the last leaf already
    /// anchors this head).
    pub leaf: Option<u64>,
}

/// The anchored bytes for the head at `seq`.
pub fn anchor_content(seq: u64, row_hash: &str) -> Vec<u8> {
    format!(r#"{{"kind":"audit_head","row_hash":"{row_hash}","seq":{seq}}}"#).into_bytes()
}

/// The leaf that anchors the audit chain's head now, after checking the chain — for a caller
/// that appends it in a transaction of its own (a detection run writes it with its run record).
/// `None` when the chain is empty or the last leaf already anchors the same head.
pub async fn anchor_leaf(
    store: &dyn Store,
    actor: &str,
    at_ms: i64,
) -> Result<Option<(AuditAnchor, NewLeaf)>, AnchorError> {
    let chain = store.verify_audit_chain().await?;
    if let Some(bad) = chain.first_bad_seq {
        return Err(AnchorError::Broken(bad));
    }
    if chain.rows == 0 {
        // Nothing to attest yet.
        return Ok(None);
    }
    let reference = format!("{REFERENCE}{}", chain.rows);
    let size = store.evidence_size().await?;
    if size > 0 {
        let last = store.evidence_leaves(size - 1, size).await?;
        if last.first().is_some_and(|l| l.reference == reference) {
            return Ok(None);
        }
    }
    let content = anchor_content(chain.rows, &chain.head);
    let entry = Entry::File {
        name: format!("audit-head-{}.json", chain.rows),
        media_type: AUDIT_HEAD_MEDIA.into(),
        size: content.len() as u64,
        sha256: HashAlg::Sha256.digest(&content),
        sm3: HashAlg::Sm3.digest(&content),
        captured_by: actor.to_string(),
        captured_at_ms: at_ms,
        source: "audit_log".into(),
    };
    Ok(Some((
        AuditAnchor {
            seq: chain.rows,
            row_hash: chain.head,
            leaf: None,
        },
        NewLeaf::from_entry(reference, &entry)?,
    )))
}

/// Appends the audit chain's head to the evidence log (unless the chain is empty or the last leaf
/// already anchors the same head), after checking the chain; `actor` and `at_ms` are recorded
/// with it.
pub async fn anchor_audit(
    store: &dyn Store,
    actor: &str,
    at_ms: i64,
) -> Result<AuditAnchor, AnchorError> {
    match anchor_leaf(store, actor, at_ms).await? {
        Some((mut anchor, leaf)) => {
            anchor.leaf = Some(store.append_evidence(&[leaf]).await?);
            Ok(anchor)
        }
        None => {
            let chain = store.verify_audit_chain().await?;
            Ok(AuditAnchor {
                seq: chain.rows,
                row_hash: chain.head,
                leaf: None,
            })
        }
    }
}

/// Every audit row's hash recomputed from its content (index `n - 1` for row `n`), never
/// trusting the stored hashes; stops at a gap in the numbering.
async fn recomputed_chain(store: &dyn Store) -> Result<Vec<String>, StoreError> {
    // `audit_events` pages newest first; collect all, then walk oldest first.
    let mut rows: Vec<AuditRecord> = Vec::new();
    let mut before = None;
    loop {
        let page = store.audit_events(PAGE, before).await?;
        let Some(last) = page.last() else { break };
        before = Some(last.seq);
        rows.extend(page);
    }
    rows.reverse();
    let mut hashes = Vec::with_capacity(rows.len());
    let mut prev = GENESIS_HASH.to_string();
    for (i, r) in rows.iter().enumerate() {
        if r.seq != i as u64 + 1 {
            break;
        }
        prev = r.event.chain_hash(r.seq, &prev);
        hashes.push(prev.clone());
    }
    Ok(hashes)
}

/// Checks every anchored audit head against the audit rows as stored now.
pub async fn verify_anchors(store: &dyn Store) -> Result<(u64, Vec<CheckFailure>), StoreError> {
    let mut anchors: Vec<(u64, u64, tianping_evidence::Hash)> = Vec::new();
    let size = store.evidence_size().await?;
    let mut start = 0;
    while start < size {
        let end = size.min(start + 4096);
        for leaf in store.evidence_leaves(start, end).await? {
            let Some(seq) = leaf.reference.strip_prefix(REFERENCE) else {
                continue;
            };
            if let (Ok(seq), Ok(Entry::File { sha256, .. })) =
                (seq.parse::<u64>(), Entry::decode(&leaf.data))
            {
                anchors.push((leaf.index, seq, sha256));
            }
        }
        start = end;
    }
    let chain = recomputed_chain(store).await?;
    let stored = store.verify_audit_chain().await?;
    let mut failures = Vec::new();
    let mut ok = 0u64;
    let mut last_good = 0u64;
    anchors.sort_by_key(|(_, seq, _)| *seq);
    for (index, seq, digest) in anchors {
        let place = format!("audit anchor leaf {index} (row {seq})");
        let recomputed = match seq {
            0 => Some(GENESIS_HASH.to_string()),
            n => chain.get(n as usize - 1).cloned(),
        };
        let matches = recomputed
            .as_deref()
            .is_some_and(|h| HashAlg::Sha256.digest(&anchor_content(seq, h)) == digest);
        if matches {
            ok += 1;
            last_good = last_good.max(seq);
            continue;
        }
        let from = last_good + 1;
        let rows_zh = if from == seq {
            format!("第 {seq} 行")
        } else {
            format!("第 {from}–{seq} 行")
        };
        let rows_en = if from == seq {
            format!("row {seq}")
        } else {
            format!("rows {from}–{seq}")
        };
        let first_bad = stored
            .first_bad_seq
            .map(|b| {
                (
                    format!("；首个哈希不连的行：第 {b} 行"),
                    format!("; first row whose stored hash does not chain: {b}"),
                )
            })
            .unwrap_or_default();
        let missing = recomputed.is_none();
        failures.push(CheckFailure {
            place,
            message: format!(
                "审计日志{rows_zh}在锚定后被{}（存证记录 {index} 锚定的第 {seq} 行哈希与按现存内容重算的不符）{}",
                if missing { "删除" } else { "改动" },
                first_bad.0
            ),
            message_en: format!(
                "audit {rows_en} {} after anchoring (leaf {index} anchors row {seq}; the rows as stored now do not give that hash){}",
                if missing { "deleted" } else { "changed" },
                first_bad.1
            ),
        });
    }
    Ok((ok, failures))
}

/// When a long-running process anchors next: every `interval_ms` of the clock it is given (the
/// caller passes `now_ms`; nothing here reads a clock). The first call is due at once, so a
/// server anchors when it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorSchedule {
    interval_ms: i64,
    last_ms: Option<i64>,
}

impl AnchorSchedule {
    /// Every `interval_ms` (at least 1).
    pub fn every(interval_ms: i64) -> AnchorSchedule {
        AnchorSchedule {
            interval_ms: interval_ms.max(1),
            last_ms: None,
        }
    }

    /// Whether an anchor is due at `now_ms` (never anchored yet, or an interval has passed since
    /// the last; a clock set back counts from the new time).
    pub fn due(&self, now_ms: i64) -> bool {
        self.last_ms
            .is_none_or(|last| now_ms < last || now_ms - last >= self.interval_ms)
    }

    /// Records an attempt at `now_ms` (made or failed: the next is an interval later).
    pub fn done(&mut self, now_ms: i64) {
        self.last_ms = Some(now_ms);
    }
}

#[cfg(test)]
mod tests {
    use super::AnchorSchedule;

    #[test]
    fn schedule_follows_the_given_clock() {
        let mut s = AnchorSchedule::every(15 * 60_000);
        assert!(s.due(1_000), "due at once");
        s.done(1_000);
        assert!(!s.due(1_000));
        assert!(!s.due(1_000 + 15 * 60_000 - 1));
        assert!(s.due(1_000 + 15 * 60_000));
        s.done(1_000 + 15 * 60_000);
        assert!(s.due(500), "a clock set back is due again");
        assert!(AnchorSchedule::every(0).due(0));
    }
}
