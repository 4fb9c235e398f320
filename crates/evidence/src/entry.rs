//! What gets logged: [`Entry`] and its canonical, versioned byte encoding (the leaf data).
//!
//! # Leaf encoding, version 1 (frozen)
//!
//! ```text
//! "TPEV"            4 bytes, magic
//! 0x01              1 byte, encoding version
//! kind              1 byte: 1 batch receipt, 2 detection run, 3 finding, 4 file, 5 case event,
//!                   6 case record
//! fields            in the order declared below, each one of:
//!                     str  = u32 big-endian byte length, then that many UTF-8 bytes (≤ 64 KiB)
//!                     u32 / u64 / i64 = big-endian
//!                     hash = 32 raw bytes
//!                     time = i64 big-endian, milliseconds since 1970-01-01T00:00:00Z
//! ```
//!
//! Nothing else: no padding, no optional fields, no trailing bytes. [`Entry::decode`] accepts
//! exactly the bytes [`Entry::encode`] produces, so equal entries have equal leaf hashes and a
//! leaf's bytes have exactly one meaning. Do **not** change a variant: add a new kind code (or a
//! new encoding version) instead; old leaves must keep decoding to the same entry forever.

use serde::{Deserialize, Serialize};

use crate::codec::{DecodeError, MAX_STRING_BYTES, Reader, Writer};
use crate::hash::Hash;

const MAGIC: &[u8; 4] = b"TPEV";
const VERSION: u8 = 1;

/// One record of the evidence log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Entry {
    /// An ingested batch's receipt: the root of every finding's lineage (`_batch_id`, `_record`).
    BatchReceipt {
        /// Supplier id from the manifest.
        supplier: String,
        /// Batch id from the manifest.
        batch_id: String,
        /// The batch digest (SHA-256 over the delivery manifest and files, as ingest defines it).
        batch_sha256: Hash,
        /// When the delivery was received (ms since the Unix epoch, UTC).
        received_at_ms: i64,
        /// Rows accepted into the lake.
        rows_accepted: u64,
        /// Rows quarantined.
        rows_quarantined: u64,
    },
    /// One detector run: which data, which logic, which output.
    DetectionRun {
        /// Run id.
        run_id: String,
        /// Detector id.
        detector: String,
        /// Detector version.
        detector_version: u32,
        /// The run's input fingerprint (lake files, parameters, rules in force, `as_of`).
        input_sha256: Hash,
        /// SHA-256 of the run's findings as JSON Lines, sorted by id.
        findings_sha256: Hash,
        /// The run's `as_of` (ms since the Unix epoch, UTC).
        as_of_ms: i64,
    },
    /// A finding (`shared/spec/findings.md` §1).
    Finding {
        /// `finding_id`.
        finding_id: String,
        /// `rule`, `<detector>.<rule>`.
        rule: String,
        /// `evidence_sha256` as the finding states it.
        evidence_sha256: Hash,
        /// SHA-256 of the finding's canonical JSON bytes (keys sorted, no spaces).
        finding_sha256: Hash,
        /// SM3 of the same bytes.
        finding_sm3: Hash,
    },
    /// A captured file or bundle (a screenshot, a page, a delivery, a document).
    File {
        /// File name as captured (no directories).
        name: String,
        /// Media type, e.g. `application/pdf`.
        media_type: String,
        /// Size in bytes.
        size: u64,
        /// SHA-256 of the content.
        sha256: Hash,
        /// SM3 of the content.
        sm3: Hash,
        /// Who captured it (a user or a system component).
        captured_by: String,
        /// When (ms since the Unix epoch, UTC), given by the caller.
        captured_at_ms: i64,
        /// Where from: a batch id, a URL, a case id.
        source: String,
    },
    /// A case (or clue) state transition.
    CaseEvent {
        /// Case or clue id.
        case_id: String,
        /// The named user who made the transition.
        actor: String,
        /// State before.
        from_state: String,
        /// State after.
        to_state: String,
        /// The stated reason.
        reason: String,
        /// When (ms since the Unix epoch, UTC), given by the caller.
        at_ms: i64,
    },
    /// A clue or case event as the case store records it (kind 6): everything of
    /// [`Entry::CaseEvent`] plus its sequence number, the actor's role, the action, and the
    /// SHA-256 of the event's full JSON (a transfer's destination, a decision's figures).
    CaseRecord {
        /// Case or clue id.
        case_id: String,
        /// The event's number in its case: 1, 2, 3…
        seq: u64,
        /// The named user who acted.
        actor: String,
        /// The role they acted in.
        role: String,
        /// The action (`open`, `verify`, `file`, `transfer`, …).
        action: String,
        /// State before (empty for the opening event).
        from_state: String,
        /// State after.
        to_state: String,
        /// The stated reason.
        reason: String,
        /// When (ms since the Unix epoch, UTC), given by the caller.
        at_ms: i64,
        /// SHA-256 of the event's JSON as stored.
        event_sha256: Hash,
    },
}

/// Why an entry cannot be encoded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("field `{field}` has {len} bytes, at most {MAX_STRING_BYTES} are allowed")]
pub struct EncodeError {
    /// The field.
    pub field: &'static str,
    /// Its length.
    pub len: usize,
}

impl Entry {
    /// The kind as written in manifests and reports.
    pub fn kind(&self) -> &'static str {
        match self {
            Entry::BatchReceipt { .. } => "batch_receipt",
            Entry::DetectionRun { .. } => "detection_run",
            Entry::Finding { .. } => "finding",
            Entry::File { .. } => "file",
            Entry::CaseEvent { .. } => "case_event",
            Entry::CaseRecord { .. } => "case_record",
        }
    }

    fn strings(&self) -> Vec<(&'static str, &str)> {
        match self {
            Entry::BatchReceipt {
                supplier, batch_id, ..
            } => {
                vec![("supplier", supplier), ("batch_id", batch_id)]
            }
            Entry::DetectionRun {
                run_id, detector, ..
            } => {
                vec![("run_id", run_id), ("detector", detector)]
            }
            Entry::Finding {
                finding_id, rule, ..
            } => {
                vec![("finding_id", finding_id), ("rule", rule)]
            }
            Entry::File {
                name,
                media_type,
                captured_by,
                source,
                ..
            } => vec![
                ("name", name),
                ("media_type", media_type),
                ("captured_by", captured_by),
                ("source", source),
            ],
            Entry::CaseEvent {
                case_id,
                actor,
                from_state,
                to_state,
                reason,
                ..
            } => vec![
                ("case_id", case_id),
                ("actor", actor),
                ("from_state", from_state),
                ("to_state", to_state),
                ("reason", reason),
            ],
            Entry::CaseRecord {
                case_id,
                actor,
                role,
                action,
                from_state,
                to_state,
                reason,
                ..
            } => vec![
                ("case_id", case_id),
                ("actor", actor),
                ("role", role),
                ("action", action),
                ("from_state", from_state),
                ("to_state", to_state),
                ("reason", reason),
            ],
        }
    }

    /// The canonical leaf data (version 1).
    pub fn encode(&self) -> Result<Vec<u8>, EncodeError> {
        if let Some((field, s)) = self
            .strings()
            .into_iter()
            .find(|(_, s)| s.len() > MAX_STRING_BYTES)
        {
            return Err(EncodeError {
                field,
                len: s.len(),
            });
        }
        let mut w = Writer::default();
        w.bytes(MAGIC).u8(VERSION);
        match self {
            Entry::BatchReceipt {
                supplier,
                batch_id,
                batch_sha256,
                received_at_ms,
                rows_accepted,
                rows_quarantined,
            } => {
                w.u8(1)
                    .str(supplier)
                    .str(batch_id)
                    .hash(batch_sha256)
                    .i64(*received_at_ms)
                    .u64(*rows_accepted)
                    .u64(*rows_quarantined);
            }
            Entry::DetectionRun {
                run_id,
                detector,
                detector_version,
                input_sha256,
                findings_sha256,
                as_of_ms,
            } => {
                w.u8(2)
                    .str(run_id)
                    .str(detector)
                    .u32(*detector_version)
                    .hash(input_sha256)
                    .hash(findings_sha256)
                    .i64(*as_of_ms);
            }
            Entry::Finding {
                finding_id,
                rule,
                evidence_sha256,
                finding_sha256,
                finding_sm3,
            } => {
                w.u8(3)
                    .str(finding_id)
                    .str(rule)
                    .hash(evidence_sha256)
                    .hash(finding_sha256)
                    .hash(finding_sm3);
            }
            Entry::File {
                name,
                media_type,
                size,
                sha256,
                sm3,
                captured_by,
                captured_at_ms,
                source,
            } => {
                w.u8(4)
                    .str(name)
                    .str(media_type)
                    .u64(*size)
                    .hash(sha256)
                    .hash(sm3)
                    .str(captured_by)
                    .i64(*captured_at_ms)
                    .str(source);
            }
            Entry::CaseEvent {
                case_id,
                actor,
                from_state,
                to_state,
                reason,
                at_ms,
            } => {
                w.u8(5)
                    .str(case_id)
                    .str(actor)
                    .str(from_state)
                    .str(to_state)
                    .str(reason)
                    .i64(*at_ms);
            }
            Entry::CaseRecord {
                case_id,
                seq,
                actor,
                role,
                action,
                from_state,
                to_state,
                reason,
                at_ms,
                event_sha256,
            } => {
                w.u8(6)
                    .str(case_id)
                    .u64(*seq)
                    .str(actor)
                    .str(role)
                    .str(action)
                    .str(from_state)
                    .str(to_state)
                    .str(reason)
                    .i64(*at_ms)
                    .hash(event_sha256);
            }
        }
        Ok(w.buf)
    }

    /// Decodes canonical leaf data; refuses anything [`Entry::encode`] would not produce.
    pub fn decode(bytes: &[u8]) -> Result<Entry, DecodeError> {
        let mut r = Reader::new(bytes);
        if r.take(4, "magic")? != MAGIC || r.u8("version")? != VERSION {
            return Err(DecodeError::BadMagic);
        }
        let entry = match r.u8("kind")? {
            1 => Entry::BatchReceipt {
                supplier: r.str("supplier")?,
                batch_id: r.str("batch_id")?,
                batch_sha256: r.hash("batch_sha256")?,
                received_at_ms: r.i64("received_at_ms")?,
                rows_accepted: r.u64("rows_accepted")?,
                rows_quarantined: r.u64("rows_quarantined")?,
            },
            2 => Entry::DetectionRun {
                run_id: r.str("run_id")?,
                detector: r.str("detector")?,
                detector_version: r.u32("detector_version")?,
                input_sha256: r.hash("input_sha256")?,
                findings_sha256: r.hash("findings_sha256")?,
                as_of_ms: r.i64("as_of_ms")?,
            },
            3 => Entry::Finding {
                finding_id: r.str("finding_id")?,
                rule: r.str("rule")?,
                evidence_sha256: r.hash("evidence_sha256")?,
                finding_sha256: r.hash("finding_sha256")?,
                finding_sm3: r.hash("finding_sm3")?,
            },
            4 => Entry::File {
                name: r.str("name")?,
                media_type: r.str("media_type")?,
                size: r.u64("size")?,
                sha256: r.hash("sha256")?,
                sm3: r.hash("sm3")?,
                captured_by: r.str("captured_by")?,
                captured_at_ms: r.i64("captured_at_ms")?,
                source: r.str("source")?,
            },
            5 => Entry::CaseEvent {
                case_id: r.str("case_id")?,
                actor: r.str("actor")?,
                from_state: r.str("from_state")?,
                to_state: r.str("to_state")?,
                reason: r.str("reason")?,
                at_ms: r.i64("at_ms")?,
            },
            6 => Entry::CaseRecord {
                case_id: r.str("case_id")?,
                seq: r.u64("seq")?,
                actor: r.str("actor")?,
                role: r.str("role")?,
                action: r.str("action")?,
                from_state: r.str("from_state")?,
                to_state: r.str("to_state")?,
                reason: r.str("reason")?,
                at_ms: r.i64("at_ms")?,
                event_sha256: r.hash("event_sha256")?,
            },
            code => {
                return Err(DecodeError::UnknownCode {
                    field: "kind",
                    code,
                });
            }
        };
        r.finish()?;
        Ok(entry)
    }
}

impl Serialize for Hash {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Hash {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Hash::from_hex(&text)
            .ok_or_else(|| serde::de::Error::custom("expected 64 hex digits (a 32-byte hash)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::HashAlg;

    fn file_entry() -> Entry {
        Entry::File {
            name: "截图.png".into(),
            media_type: "image/png".into(),
            size: 3,
            sha256: HashAlg::Sha256.digest(b"abc"),
            sm3: HashAlg::Sm3.digest(b"abc"),
            captured_by: "officer-7".into(),
            captured_at_ms: 1_700_000_000_000,
            source: "batch-2024-01".into(),
        }
    }

    #[test]
    fn encoding_is_pinned() {
        let bytes = Entry::CaseEvent {
            case_id: "C1".into(),
            actor: "u".into(),
            from_state: "a".into(),
            to_state: "b".into(),
            reason: "".into(),
            at_ms: -1,
        }
        .encode()
        .unwrap();
        assert_eq!(
            hex::encode(&bytes),
            concat!(
                "54504556",
                "01",
                "05",
                "00000002",
                "4331",
                "00000001",
                "75",
                "00000001",
                "61",
                "00000001",
                "62",
                "00000000",
                "ffffffffffffffff"
            )
        );
    }

    #[test]
    fn case_record_is_pinned_and_round_trips() {
        let entry = Entry::CaseRecord {
            case_id: "C1".into(),
            seq: 2,
            actor: "u".into(),
            role: "r".into(),
            action: "a".into(),
            from_state: "".into(),
            to_state: "b".into(),
            reason: "".into(),
            at_ms: 1,
            event_sha256: Hash([0xab; 32]),
        };
        let bytes = entry.encode().unwrap();
        assert_eq!(
            hex::encode(&bytes),
            concat!(
                "54504556",
                "01",
                "06",
                "00000002",
                "4331",
                "0000000000000002",
                "00000001",
                "75",
                "00000001",
                "72",
                "00000001",
                "61",
                "00000000",
                "00000001",
                "62",
                "00000000",
                "0000000000000001",
                "abababababababababababababababababababababababababababababababab"
            )
        );
        assert_eq!(Entry::decode(&bytes).unwrap(), entry);
        for cut in 0..bytes.len() {
            assert!(Entry::decode(&bytes[..cut]).is_err());
        }
    }

    #[test]
    fn decode_refuses_trailing_truncated_and_unknown() {
        let bytes = file_entry().encode().unwrap();
        assert_eq!(Entry::decode(&bytes).unwrap(), file_entry());
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(
            Entry::decode(&longer),
            Err(DecodeError::Trailing { count: 1 })
        );
        for cut in 0..bytes.len() {
            assert!(
                Entry::decode(&bytes[..cut]).is_err(),
                "prefix of {cut} bytes decoded"
            );
        }
        let mut unknown = bytes.clone();
        unknown[5] = 9;
        assert_eq!(
            Entry::decode(&unknown),
            Err(DecodeError::UnknownCode {
                field: "kind",
                code: 9
            })
        );
        let mut version = bytes;
        version[4] = 2;
        assert_eq!(Entry::decode(&version), Err(DecodeError::BadMagic));
    }

    #[test]
    fn overlong_strings_are_refused_both_ways() {
        let long = "x".repeat(MAX_STRING_BYTES + 1);
        let entry = Entry::CaseEvent {
            case_id: "C".into(),
            actor: "u".into(),
            from_state: "a".into(),
            to_state: "b".into(),
            reason: long.clone(),
            at_ms: 0,
        };
        assert_eq!(
            entry.encode(),
            Err(EncodeError {
                field: "reason",
                len: long.len()
            })
        );
        let mut w = Writer::default();
        w.bytes(MAGIC)
            .u8(VERSION)
            .u8(5)
            .str("C")
            .str("u")
            .str("a")
            .str("b")
            .str(&long)
            .i64(0);
        assert_eq!(
            Entry::decode(&w.buf),
            Err(DecodeError::BadString { field: "reason" })
        );
    }

    #[test]
    fn json_view_round_trips() {
        let json = serde_json::to_string(&file_entry()).unwrap();
        assert!(
            json.starts_with(r#"{"kind":"file","name":"截图.png""#),
            "{json}"
        );
        let back: Entry = serde_json::from_str(&json).unwrap();
        assert_eq!(back, file_entry());
    }
}
