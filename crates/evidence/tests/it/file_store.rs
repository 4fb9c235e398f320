//! The append-only file store: reopening, torn tails at every byte offset, bad headers.

use std::fs::OpenOptions;

use tianping_evidence::{Entry, FileStore, HashAlg, LeafStore, Log, StoreError};

fn event(i: usize) -> Entry {
    Entry::CaseEvent {
        case_id: format!("case-{i}"),
        actor: "张三".into(),
        from_state: "assigned".into(),
        to_state: "verifying".into(),
        reason: "线索核查".repeat(i % 4),
        at_ms: 1_700_000_000_000 + i as i64,
    }
}

#[test]
fn reopen_gives_the_same_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evidence.log");
    let (store, recovery) = FileStore::open(&path, HashAlg::Sm3).unwrap();
    assert!(recovery.created);
    let mut log = Log::open(HashAlg::Sm3, store).unwrap();
    for i in 0..300 {
        log.append(&event(i)).unwrap();
    }
    log.sync().unwrap();
    let root = log.root();
    let proof = log.inclusion_proof(123, 300).unwrap();
    drop(log);

    let (store, recovery) = FileStore::open(&path, HashAlg::Sm3).unwrap();
    assert_eq!(
        (recovery.records, recovery.truncated_bytes, recovery.created),
        (300, 0, false)
    );
    let log = Log::open(HashAlg::Sm3, store).unwrap();
    assert_eq!(log.root(), root);
    assert_eq!(log.inclusion_proof(123, 300).unwrap(), proof);
    assert_eq!(
        Entry::decode(&log.store().leaf_data_at(7).unwrap()).unwrap(),
        event(7)
    );
    assert!(log.audit(300, &root).unwrap());
}

#[test]
fn wrong_algorithm_or_foreign_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evidence.log");
    FileStore::open(&path, HashAlg::Sha256).unwrap();
    let err = FileStore::open(&path, HashAlg::Sm3).unwrap_err();
    assert!(
        err.to_string().contains("uses hash sha256, not sm3"),
        "{err}"
    );

    let foreign = dir.path().join("foreign");
    std::fs::write(&foreign, b"PK\x03\x04 definitely a zip file").unwrap();
    assert!(matches!(
        FileStore::open(&foreign, HashAlg::Sm3),
        Err(StoreError::Corrupt { .. })
    ));
    // A short foreign file too, and the file is left as it was.
    std::fs::write(&foreign, b"PK").unwrap();
    assert!(matches!(
        FileStore::open(&foreign, HashAlg::Sm3),
        Err(StoreError::Corrupt { .. })
    ));
    assert_eq!(std::fs::read(&foreign).unwrap(), b"PK");
}

/// Write records, then cut the file at every byte offset inside the last record (and inside the
/// header of a fresh file): reopening keeps exactly the complete records, never panics, and
/// appending afterwards works.
#[test]
fn torn_tail_at_every_offset_recovers_previous_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evidence.log");
    let (store, _) = FileStore::open(&path, HashAlg::Sha256).unwrap();
    let mut log = Log::open(HashAlg::Sha256, store).unwrap();
    for i in 0..5 {
        log.append(&event(i)).unwrap();
    }
    log.sync().unwrap();
    let before_last = std::fs::metadata(&path).unwrap().len();
    let root4 = log.root();
    log.append(&event(5)).unwrap();
    log.sync().unwrap();
    drop(log);
    let full = std::fs::read(&path).unwrap();
    assert!(full.len() as u64 > before_last + 36);

    for cut in before_last..full.len() as u64 {
        std::fs::write(&path, &full[..cut as usize]).unwrap();
        let (store, recovery) = FileStore::open(&path, HashAlg::Sha256).unwrap();
        assert_eq!(recovery.records, 5, "cut at {cut}");
        assert_eq!(recovery.truncated_bytes, cut - before_last, "cut at {cut}");
        assert_eq!(
            std::fs::metadata(&path).unwrap().len(),
            before_last,
            "cut at {cut}"
        );
        let mut log = Log::open(HashAlg::Sha256, store).unwrap();
        assert_eq!(log.root(), root4, "cut at {cut}");
        log.append(&event(5)).unwrap();
        log.sync().unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            full,
            "re-append after cut at {cut}"
        );
    }

    // A fresh file torn inside its header.
    for cut in 0..16 {
        std::fs::write(&path, &full[..cut]).unwrap();
        let (store, recovery) = FileStore::open(&path, HashAlg::Sha256).unwrap();
        assert_eq!((store.size(), recovery.truncated_bytes), (0, cut as u64));
        assert_eq!(std::fs::read(&path).unwrap(), &full[..16]);
    }
}

/// A last record whose bytes are complete but wrong (zeros from a crash that extended the file
/// before writing it) is also a torn tail.
#[test]
fn zero_filled_tail_is_cut() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evidence.log");
    let (store, _) = FileStore::open(&path, HashAlg::Sm3).unwrap();
    let mut log = Log::open(HashAlg::Sm3, store).unwrap();
    log.append(&event(1)).unwrap();
    log.sync().unwrap();
    drop(log);
    let len = std::fs::metadata(&path).unwrap().len();
    let file = OpenOptions::new().append(true).open(&path).unwrap();
    file.set_len(len + 100).unwrap();
    let (store, recovery) = FileStore::open(&path, HashAlg::Sm3).unwrap();
    assert_eq!((store.size(), recovery.truncated_bytes), (1, 100));
}

/// Appends never rewrite earlier bytes: the old file is a prefix of the new one.
#[test]
fn appends_only_extend_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evidence.log");
    let (store, _) = FileStore::open(&path, HashAlg::Sm3).unwrap();
    let mut log = Log::open(HashAlg::Sm3, store).unwrap();
    let mut previous = std::fs::read(&path).unwrap();
    for i in 0..20 {
        log.append(&event(i)).unwrap();
        log.sync().unwrap();
        let now = std::fs::read(&path).unwrap();
        assert!(now.starts_with(&previous) && now.len() > previous.len());
        previous = now;
    }
    assert!(log.store().leaf_hash_at(20).is_err());
}
