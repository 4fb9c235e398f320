//! Evidence bundles: export and verify, then tamper and check each failure is named.

use std::path::{Path, PathBuf};

use tianping_evidence::bundle::{FailureKind, Manifest, export_bundle};
use tianping_evidence::{
    Entry, ExportItem, ExportRequest, HashAlg, Log, MemoryStore, SigningKey, VerifyOptions,
    verify_bundle, verify_bundle_with,
};

const T0: i64 = 1_717_200_000_000;

struct Fixture {
    _tmp: tempfile::TempDir,
    bundle: PathBuf,
    log: Log<MemoryStore>,
    key: SigningKey,
    /// A head signed when the log had 3 entries (as if published then).
    early_head: tianping_evidence::SignedTreeHead,
}

fn file_entry(name: &str, content: &[u8]) -> Entry {
    Entry::File {
        name: name.into(),
        media_type: "text/html".into(),
        size: content.len() as u64,
        sha256: HashAlg::Sha256.digest(content),
        sm3: HashAlg::Sm3.digest(content),
        captured_by: "officer-7".into(),
        captured_at_ms: T0,
        source: "https://shop.example/item/1".into(),
    }
}

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

/// A log of 9 entries: a batch receipt, a finding, two files, case events; a bundle of 5 of them.
fn fixture(alg: HashAlg) -> Fixture {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    std::fs::create_dir(&src).unwrap();
    let page = b"<html>\xe6\x9c\x80\xe4\xbd\x8e\xe4\xbb\xb7 99</html>".to_vec();
    let finding =
        br#"{"finding_id":"price_fraud-1","rule":"price_fraud.reference_price"}"#.to_vec();
    let shot = vec![0x89u8; 5000];
    let page_path = write(&src, "page.html", &page);
    let finding_path = write(&src, "finding.json", &finding);
    let shot_path = write(&src, "shot.png", &shot);

    let key = SigningKey::from_seed(&[42; 32]);
    let mut log = Log::open(alg, MemoryStore::new()).unwrap();
    let entries = [
        Entry::BatchReceipt {
            supplier: "P001".into(),
            batch_id: "B-2024-06-01".into(),
            batch_sha256: HashAlg::Sha256.digest(b"batch"),
            received_at_ms: T0 - 1000,
            rows_accepted: 1000,
            rows_quarantined: 2,
        },
        file_entry("page.html", &page),
        Entry::Finding {
            finding_id: "price_fraud-1".into(),
            rule: "price_fraud.reference_price".into(),
            evidence_sha256: HashAlg::Sha256.digest(b"{}"),
            finding_sha256: HashAlg::Sha256.digest(&finding),
            finding_sm3: HashAlg::Sm3.digest(&finding),
        },
        Entry::CaseEvent {
            case_id: "HZ-2024-001".into(),
            actor: "李四".into(),
            from_state: "assigned".into(),
            to_state: "verifying".into(),
            reason: "核查线索".into(),
            at_ms: T0 + 1,
        },
        file_entry("截图 1.png", &shot),
        Entry::CaseEvent {
            case_id: "HZ-2024-002".into(),
            actor: "王五".into(),
            from_state: "assigned".into(),
            to_state: "verifying".into(),
            reason: "另案".into(),
            at_ms: T0 + 2,
        },
        file_entry("not-exported.bin", b"x"),
        Entry::CaseEvent {
            case_id: "HZ-2024-001".into(),
            actor: "李四".into(),
            from_state: "verifying".into(),
            to_state: "filed".into(),
            reason: "立案".into(),
            at_ms: T0 + 3,
        },
    ];
    let mut early_head = None;
    for entry in &entries {
        log.append(entry).unwrap();
        if log.size() == 3 {
            early_head = Some(key.sign_head(&log.head("hz/evidence/1", T0)));
        }
    }
    let head = key.sign_head(&log.head("hz/evidence/1", T0 + 10));
    let request = ExportRequest {
        title: "HZ-2024-001 卷宗".into(),
        exported_at_ms: T0 + 20,
        items: vec![
            ExportItem {
                index: 0,
                content: None,
            },
            ExportItem {
                index: 1,
                content: Some(page_path),
            },
            ExportItem {
                index: 2,
                content: Some(finding_path),
            },
            ExportItem {
                index: 3,
                content: None,
            },
            ExportItem {
                index: 4,
                content: Some(shot_path),
            },
            ExportItem {
                index: 7,
                content: None,
            },
        ],
        consistency_from: vec![3],
    };
    let bundle = tmp.path().join("bundle");
    export_bundle(&log, &key, &head, &request, &bundle).unwrap();
    Fixture {
        _tmp: tmp,
        bundle,
        log,
        key,
        early_head: early_head.unwrap(),
    }
}

fn manifest(bundle: &Path) -> Manifest {
    serde_json::from_slice(&std::fs::read(bundle.join("manifest.json")).unwrap()).unwrap()
}

fn save(bundle: &Path, m: &Manifest) {
    std::fs::write(
        bundle.join("manifest.json"),
        serde_json::to_vec_pretty(m).unwrap(),
    )
    .unwrap();
}

fn kinds(report: &tianping_evidence::Report) -> Vec<FailureKind> {
    report.failures.iter().map(|f| f.kind).collect()
}

#[test]
fn round_trip_verifies_for_both_algorithms() {
    for alg in HashAlg::ALL {
        let fx = fixture(alg);
        let options = VerifyOptions {
            trusted_key: Some(fx.key.public_key()),
            earlier_heads: vec![fx.early_head.clone()],
        };
        let report = verify_bundle_with(&fx.bundle, &options);
        assert!(report.ok(), "{report}");
        assert_eq!((report.entries_verified, report.files_verified), (6, 3));
        assert_eq!(report.consistent_with, vec![(3, fx.early_head.head.root)]);
        assert_eq!(report.head.as_ref().unwrap().alg, alg);
        let text = report.to_string();
        assert!(
            text.contains("全部校验通过") && text.contains("every check passed"),
            "{text}"
        );
        assert!(verify_bundle(&fx.bundle).ok());
        assert_eq!(manifest(&fx.bundle).hash_alg, alg.name());
    }
}

#[test]
fn changed_byte_in_a_file_names_entry_file_and_digests() {
    let fx = fixture(HashAlg::Sm3);
    let m = manifest(&fx.bundle);
    let content = m.entries[4].content.clone().unwrap();
    let path = fx.bundle.join(&content);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[1234] ^= 0x01;
    std::fs::write(&path, &bytes).unwrap();
    let report = verify_bundle(&fx.bundle);
    assert_eq!(
        kinds(&report),
        vec![FailureKind::ContentSha256, FailureKind::ContentSm3],
        "{report}"
    );
    let f = &report.failures[0];
    assert_eq!(
        (f.entry, f.file.as_deref()),
        (Some(4), Some(content.as_str()))
    );
    assert_eq!(
        f.expected.as_deref(),
        Some(HashAlg::Sha256.digest(&[0x89; 5000]).to_hex().as_str())
    );
    assert_eq!(
        f.found.as_deref(),
        Some(HashAlg::Sha256.digest(&bytes).to_hex().as_str())
    );
    assert!(
        f.zh()
            .contains("内容文件 SHA-256 与记录不符；条目 4；文件 files/"),
        "{}",
        f.zh()
    );
    assert!(f.en().contains("; entry 4; file files/"), "{}", f.en());
    assert_eq!(report.files_verified, 2);
}

#[test]
fn truncated_or_deleted_file_is_named() {
    let fx = fixture(HashAlg::Sha256);
    let m = manifest(&fx.bundle);
    let page = m.entries[1].content.clone().unwrap();
    let shot = m.entries[4].content.clone().unwrap();
    std::fs::write(fx.bundle.join(&page), b"<html>").unwrap();
    std::fs::remove_file(fx.bundle.join(&shot)).unwrap();
    let report = verify_bundle(&fx.bundle);
    assert_eq!(
        kinds(&report),
        vec![
            FailureKind::ContentSize,
            FailureKind::ContentSha256,
            FailureKind::ContentSm3,
            FailureKind::ContentMissing
        ],
        "{report}"
    );
    assert_eq!(report.failures[3].file.as_deref(), Some(shot.as_str()));
}

#[test]
fn dropped_entry_breaks_the_contents_signature() {
    let fx = fixture(HashAlg::Sm3);
    let mut m = manifest(&fx.bundle);
    m.entries.remove(3);
    save(&fx.bundle, &m);
    let report = verify_bundle(&fx.bundle);
    assert_eq!(
        kinds(&report),
        vec![FailureKind::ContentsSignature],
        "{report}"
    );
    assert_eq!(report.entries_verified, 5);
}

#[test]
fn dropped_entry_with_its_file_left_behind_is_also_unlisted() {
    let fx = fixture(HashAlg::Sm3);
    let mut m = manifest(&fx.bundle);
    let removed = m.entries.remove(1);
    save(&fx.bundle, &m);
    let report = verify_bundle(&fx.bundle);
    assert_eq!(
        kinds(&report),
        vec![FailureKind::ContentsSignature, FailureKind::UnlistedFile]
    );
    assert_eq!(report.failures[1].file, removed.content);
}

#[test]
fn swapped_head_fails_every_proof_even_when_validly_signed() {
    let fx = fixture(HashAlg::Sm3);
    // A genuine head of the same log at another size, signed by the same key.
    let other = fx.key.sign_head(&fx.log.head("hz/evidence/1", T0 + 10));
    let mut log = fx.log;
    log.append(&file_entry("later.txt", b"later")).unwrap();
    let later = fx.key.sign_head(&log.head("hz/evidence/1", T0 + 30));
    assert_ne!(other.head.root, later.head.root);
    let mut m = manifest(&fx.bundle);
    m.signed_head = tianping_evidence::bundle::HeadJson::from_signed(&later);
    save(&fx.bundle, &m);
    let report = verify_bundle(&fx.bundle);
    let k = kinds(&report);
    assert!(!k.contains(&FailureKind::HeadSignature), "{report}");
    assert_eq!(
        k.iter()
            .filter(|&&k| k == FailureKind::InclusionProof)
            .count(),
        6,
        "{report}"
    );
    assert!(k.contains(&FailureKind::ContentsSignature) && k.contains(&FailureKind::Consistency));
    let first = report
        .failures
        .iter()
        .find(|f| f.kind == FailureKind::InclusionProof)
        .unwrap();
    assert_eq!(first.expected, Some(later.head.root.to_hex()));
    // The proofs were made for size 8; against size 9 their length is already wrong.
    assert!(
        first.found.as_deref().unwrap().starts_with("the proof has"),
        "{report}"
    );
}

#[test]
fn edited_head_fails_its_signature() {
    let fx = fixture(HashAlg::Sha256);
    let mut m = manifest(&fx.bundle);
    m.signed_head.timestamp_ms += 1;
    save(&fx.bundle, &m);
    let report = verify_bundle(&fx.bundle);
    assert_eq!(
        kinds(&report),
        vec![FailureKind::HeadSignature, FailureKind::ContentsSignature]
    );
}

#[test]
fn wrong_key_is_reported_and_a_resigned_bundle_is_untrusted() {
    let fx = fixture(HashAlg::Sm3);
    let stranger = SigningKey::from_seed(&[9; 32]);
    // Verifying a genuine bundle against another trusted key.
    let options = VerifyOptions {
        trusted_key: Some(stranger.public_key()),
        earlier_heads: vec![],
    };
    let report = verify_bundle_with(&fx.bundle, &options);
    assert_eq!(
        kinds(&report),
        vec![
            FailureKind::UntrustedKey,
            FailureKind::HeadSignature,
            FailureKind::ContentsSignature
        ],
        "{report}"
    );
    assert_eq!(report.key_id, Some(stranger.public_key().key_id()));

    // A forger re-exports the same log with their own key: self-consistent, but not trusted.
    let forged = fx._tmp.path().join("forged");
    let head = stranger.sign_head(&fx.log.head("hz/evidence/1", T0 + 10));
    let request = ExportRequest {
        title: "forged".into(),
        exported_at_ms: T0,
        items: vec![ExportItem {
            index: 3,
            content: None,
        }],
        consistency_from: vec![],
    };
    export_bundle(&fx.log, &stranger, &head, &request, &forged).unwrap();
    assert!(verify_bundle(&forged).ok());
    let options = VerifyOptions {
        trusted_key: Some(fx.key.public_key()),
        earlier_heads: vec![],
    };
    let report = verify_bundle_with(&forged, &options);
    assert_eq!(kinds(&report)[0], FailureKind::UntrustedKey, "{report}");
    // The key id the verifier shows is the trusted one, for comparison with the published id.
    assert_eq!(report.key_id, Some(fx.key.public_key().key_id()));
}

#[test]
fn changed_leaf_data_or_description_is_caught() {
    let fx = fixture(HashAlg::Sm3);
    let mut m = manifest(&fx.bundle);
    // The readable description says something the leaf data does not.
    if let Entry::CaseEvent { reason, .. } = &mut m.entries[3].entry {
        *reason = "撤案".into();
    }
    // The leaf data of another entry changed (one byte of the actor's name).
    let mut data = hex::decode(&m.entries[5].leaf_data).unwrap();
    let last = data.len() - 9;
    data[last] ^= 1;
    m.entries[5].leaf_data = hex::encode(&data);
    save(&fx.bundle, &m);
    let report = verify_bundle(&fx.bundle);
    let k = kinds(&report);
    assert!(
        k.contains(&FailureKind::EntryDescriptionMismatch),
        "{report}"
    );
    let entry5: Vec<FailureKind> = report
        .failures
        .iter()
        .filter(|f| f.entry == Some(7))
        .map(|f| f.kind)
        .collect();
    assert_eq!(
        entry5,
        vec![
            FailureKind::EntryDescriptionMismatch,
            FailureKind::LeafHashMismatch,
            FailureKind::InclusionProof
        ],
        "{report}"
    );
}

#[test]
fn consistency_with_an_earlier_head_catches_a_rewritten_history() {
    let fx = fixture(HashAlg::Sha256);
    // The operator rewrites entry 1 and re-signs a fresh log with the real key: the bundle is
    // self-consistent, but not consistent with the head published when the log had 3 entries.
    let mut forged_log = Log::open(HashAlg::Sha256, MemoryStore::new()).unwrap();
    for index in 0..fx.log.size() {
        use tianping_evidence::LeafStore as _;
        let mut data = fx.log.store().leaf_data_at(index).unwrap();
        if index == 0 {
            let mut entry = Entry::decode(&data).unwrap();
            if let Entry::BatchReceipt {
                rows_quarantined, ..
            } = &mut entry
            {
                *rows_quarantined = 0;
            }
            data = entry.encode().unwrap();
        }
        forged_log.append_leaf_data(&data).unwrap();
    }
    let head = fx.key.sign_head(&forged_log.head("hz/evidence/1", T0 + 50));
    let forged = fx._tmp.path().join("rewritten");
    let request = ExportRequest {
        title: "rewritten".into(),
        exported_at_ms: T0,
        items: vec![ExportItem {
            index: 3,
            content: None,
        }],
        consistency_from: vec![3],
    };
    export_bundle(&forged_log, &fx.key, &head, &request, &forged).unwrap();
    assert!(verify_bundle(&forged).ok());
    let options = VerifyOptions {
        trusted_key: None,
        earlier_heads: vec![fx.early_head.clone()],
    };
    let report = verify_bundle_with(&forged, &options);
    assert_eq!(
        kinds(&report),
        vec![FailureKind::EarlierHeadNotCovered],
        "{report}"
    );
}

#[test]
fn hostile_manifests_never_panic() {
    let fx = fixture(HashAlg::Sm3);
    let path = fx.bundle.join("manifest.json");
    let original = std::fs::read_to_string(&path).unwrap();
    let cases: Vec<String> = vec![
        String::new(),
        "{".into(),
        "[]".into(),
        original.replacen("\"hash_alg\": \"sm3\"", "\"hash_alg\": \"md5\"", 1),
        original.replace("files/", "../"),
        original.replace("files/", "/etc/"),
        original.replace("\"format_version\": 1", "\"format_version\": 2"),
        original.replace("\"tree_size\": 8", "\"tree_size\": 18446744073709551615"),
        original.replace("\"index\": 7", "\"index\": 3"),
    ];
    let expected = [
        FailureKind::ManifestInvalid,
        FailureKind::ManifestInvalid,
        FailureKind::ManifestInvalid,
        FailureKind::HashAlg,
        FailureKind::ContentUnsafePath,
        FailureKind::ContentUnsafePath,
        FailureKind::UnsupportedFormat,
        FailureKind::HeadSignature,
        FailureKind::DuplicateEntry,
    ];
    for (case, kind) in cases.iter().zip(expected) {
        std::fs::write(&path, case).unwrap();
        let report = verify_bundle(&fx.bundle);
        assert!(!report.ok());
        assert!(kinds(&report).contains(&kind), "{kind:?} not in {report}");
    }
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        kinds(&verify_bundle(&fx.bundle)),
        vec![FailureKind::ManifestMissing]
    );
}

#[test]
fn export_refuses_content_that_does_not_match() {
    let fx = fixture(HashAlg::Sm3);
    let wrong = write(fx._tmp.path(), "wrong.html", b"not the page");
    let head = fx.key.sign_head(&fx.log.head("hz/evidence/1", T0));
    let request = ExportRequest {
        title: "t".into(),
        exported_at_ms: T0,
        items: vec![ExportItem {
            index: 1,
            content: Some(wrong),
        }],
        consistency_from: vec![],
    };
    let err = export_bundle(
        &fx.log,
        &fx.key,
        &head,
        &request,
        &fx._tmp.path().join("b2"),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("does not match the logged entry"),
        "{err}"
    );
    let other = SigningKey::from_seed(&[1; 32]);
    let err =
        export_bundle(&fx.log, &other, &head, &request, &fx._tmp.path().join("b3")).unwrap_err();
    assert!(err.to_string().contains("does not verify"), "{err}");
}
