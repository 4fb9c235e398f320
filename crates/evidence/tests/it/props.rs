//! A reference Merkle tree written straight from the RFC 6962 §2.1 definitions (whole tree in
//! memory, no cache), cross-checked with the log; and property tests over any sequence of appends.

use proptest::prelude::*;
use tianping_evidence::proof::{
    consistency_proof_len, inclusion_proof_len, verify_consistency, verify_inclusion,
};
use tianping_evidence::{Hash, HashAlg, LeafStore, Log, MemoryStore};

/// `MTH(D[n])` by the definition.
fn mth(alg: HashAlg, leaves: &[Vec<u8>]) -> Hash {
    match leaves.len() {
        0 => alg.empty_root(),
        1 => alg.leaf_hash(&leaves[0]),
        n => {
            let k = n.next_power_of_two() / 2;
            alg.node_hash(&mth(alg, &leaves[..k]), &mth(alg, &leaves[k..]))
        }
    }
}

/// `PATH(m, D[n])` by the definition.
fn path(alg: HashAlg, m: usize, leaves: &[Vec<u8>]) -> Vec<Hash> {
    let n = leaves.len();
    if n <= 1 {
        return Vec::new();
    }
    let k = n.next_power_of_two() / 2;
    if m < k {
        let mut p = path(alg, m, &leaves[..k]);
        p.push(mth(alg, &leaves[k..]));
        p
    } else {
        let mut p = path(alg, m - k, &leaves[k..]);
        p.push(mth(alg, &leaves[..k]));
        p
    }
}

/// `SUBPROOF(m, D[n], b)` by the definition.
fn subproof(alg: HashAlg, m: usize, leaves: &[Vec<u8>], b: bool) -> Vec<Hash> {
    let n = leaves.len();
    if m == n {
        return if b {
            Vec::new()
        } else {
            vec![mth(alg, leaves)]
        };
    }
    let k = n.next_power_of_two() / 2;
    if m <= k {
        let mut p = subproof(alg, m, &leaves[..k], b);
        p.push(mth(alg, &leaves[k..]));
        p
    } else {
        let mut p = subproof(alg, m - k, &leaves[k..], false);
        p.push(mth(alg, &leaves[..k]));
        p
    }
}

fn leaves(n: usize) -> Vec<Vec<u8>> {
    (0..n).map(|i| format!("leaf {i}").into_bytes()).collect()
}

fn log_of(alg: HashAlg, leaves: &[Vec<u8>]) -> Log<MemoryStore> {
    let mut log = Log::open(alg, MemoryStore::new()).unwrap();
    for leaf in leaves {
        log.append_leaf_data(leaf).unwrap();
    }
    log
}

/// Every root, inclusion proof and consistency proof for all sizes up to 40 equals the
/// reference's, for both algorithms, and verifies.
#[test]
fn log_agrees_with_reference_for_all_small_sizes() {
    for alg in HashAlg::ALL {
        let all = leaves(40);
        let log = log_of(alg, &all);
        for n in 0..=all.len() {
            let root = mth(alg, &all[..n]);
            assert_eq!(log.root_at(n as u64).unwrap(), root, "{alg} root {n}");
            for m in 0..n {
                let proof = log.inclusion_proof(m as u64, n as u64).unwrap();
                assert_eq!(proof.path, path(alg, m, &all[..n]), "{alg} path {m} of {n}");
                assert_eq!(proof.path.len(), inclusion_proof_len(m as u64, n as u64));
                verify_inclusion(alg, &proof, &alg.leaf_hash(&all[m]), &root).unwrap();
            }
            for m in 1..=n {
                let proof = log.consistency_proof(m as u64, n as u64).unwrap();
                let want = if m == n {
                    Vec::new()
                } else {
                    subproof(alg, m, &all[..n], true)
                };
                assert_eq!(proof.path, want, "{alg} consistency {m} → {n}");
                if m < n {
                    assert_eq!(proof.path.len(), consistency_proof_len(m as u64, n as u64));
                }
                verify_consistency(alg, &proof, &mth(alg, &all[..m]), &root).unwrap();
            }
        }
    }
}

/// Past the cache level (256 leaves) the cached subtrees give the same answers, including after
/// reopening over the same store.
#[test]
fn cache_and_reopen_agree_with_reference() {
    let all = leaves(1100);
    let log = log_of(HashAlg::Sha256, &all);
    let reopened = Log::open(HashAlg::Sha256, log.store().clone()).unwrap();
    for n in [
        255usize, 256, 257, 511, 512, 513, 768, 1024, 1025, 1099, 1100,
    ] {
        let root = mth(HashAlg::Sha256, &all[..n]);
        assert_eq!(log.root_at(n as u64).unwrap(), root);
        assert_eq!(reopened.root_at(n as u64).unwrap(), root);
        for m in [0, 1, 255, 256, 300, 511, n - 1] {
            if m < n {
                let proof = reopened.inclusion_proof(m as u64, n as u64).unwrap();
                assert_eq!(proof.path, path(HashAlg::Sha256, m, &all[..n]));
            }
        }
        for m in [1usize, 256, 257, 600, n] {
            if m <= n {
                let proof = reopened.consistency_proof(m as u64, n as u64).unwrap();
                let want = if m == n {
                    Vec::new()
                } else {
                    subproof(HashAlg::Sha256, m, &all[..n], true)
                };
                assert_eq!(proof.path, want, "{m} → {n}");
            }
        }
    }
    assert_eq!(reopened.root(), log.root());
}

#[test]
fn out_of_range_requests_are_errors() {
    let log = log_of(HashAlg::Sm3, &leaves(5));
    assert!(log.inclusion_proof(5, 5).is_err());
    assert!(log.inclusion_proof(0, 6).is_err());
    assert!(log.consistency_proof(0, 3).is_err());
    assert!(log.consistency_proof(4, 3).is_err());
    assert!(log.consistency_proof(3, 6).is_err());
    assert!(log.root_at(6).is_err());
}

/// The audit re-hashes stored data: a changed record is named by index.
#[test]
fn audit_names_the_changed_record() {
    let mut log = log_of(HashAlg::Sm3, &leaves(20));
    let root = log.root();
    assert!(log.audit(20, &root).unwrap());
    let mut store = log.into_store();
    store.tamper()[13].1 = b"forged".to_vec();
    log = Log::open(HashAlg::Sm3, store).unwrap();
    let err = log.audit(20, &root).unwrap_err();
    assert!(err.to_string().starts_with("leaf 13:"), "{err}");
}

fn flip(hash: &Hash, bit: usize) -> Hash {
    let mut out = *hash;
    out.0[(bit / 8) % 32] ^= 1 << (bit % 8);
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Any sequence of appends: every inclusion proof and every consistency proof verifies, and
    /// a single flipped bit in the leaf, a proof hash, or a head root makes it fail.
    #[test]
    fn proofs_verify_and_bit_flips_fail(
        data in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..24), 1..24),
        sm3 in any::<bool>(),
        bit in 0usize..256,
    ) {
        let alg = if sm3 { HashAlg::Sm3 } else { HashAlg::Sha256 };
        let log = log_of(alg, &data);
        let size = log.size();
        prop_assert_eq!(log.root(), mth(alg, &data));
        for n in 1..=size {
            let root = log.root_at(n).unwrap();
            for m in 0..n {
                let leaf = log.store().leaf_hash_at(m).unwrap();
                let proof = log.inclusion_proof(m, n).unwrap();
                prop_assert!(verify_inclusion(alg, &proof, &leaf, &root).is_ok());
                prop_assert!(verify_inclusion(alg, &proof, &flip(&leaf, bit), &root).is_err());
                prop_assert!(verify_inclusion(alg, &proof, &leaf, &flip(&root, bit)).is_err());
                for i in 0..proof.path.len() {
                    let mut bad = proof.clone();
                    bad.path[i] = flip(&bad.path[i], bit);
                    prop_assert!(verify_inclusion(alg, &bad, &leaf, &root).is_err());
                }
                let mut wrong_index = proof.clone();
                wrong_index.leaf_index ^= 1;
                if wrong_index.leaf_index < n && data[wrong_index.leaf_index as usize] != data[m as usize] {
                    prop_assert!(verify_inclusion(alg, &wrong_index, &leaf, &root).is_err());
                }
            }
            for m in 1..=n {
                let old = log.root_at(m).unwrap();
                let proof = log.consistency_proof(m, n).unwrap();
                prop_assert!(verify_consistency(alg, &proof, &old, &root).is_ok());
                prop_assert!(verify_consistency(alg, &proof, &flip(&old, bit), &root).is_err());
                prop_assert!(verify_consistency(alg, &proof, &old, &flip(&root, bit)).is_err());
                for i in 0..proof.path.len() {
                    let mut bad = proof.clone();
                    bad.path[i] = flip(&bad.path[i], bit);
                    prop_assert!(verify_consistency(alg, &bad, &old, &root).is_err());
                }
                if m < n {
                    let mut short = proof.clone();
                    short.path.pop();
                    prop_assert!(verify_consistency(alg, &short, &old, &root).is_err());
                }
            }
        }
    }

    /// Verification is total: arbitrary sizes, indexes and hash lengths never panic.
    #[test]
    fn verifiers_never_panic(
        index in any::<u64>(), size in any::<u64>(), size2 in any::<u64>(),
        hashes in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..40), 0..70),
    ) {
        let slices: Vec<&[u8]> = hashes.iter().map(Vec::as_slice).collect();
        let h = [7u8; 32];
        let _ = tianping_evidence::proof::verify_inclusion_raw(HashAlg::Sha256, index, size, &h, &slices, &h);
        let _ = tianping_evidence::proof::verify_consistency_raw(HashAlg::Sm3, size, size2, &slices, &h, &h);
        let _ = inclusion_proof_len(index, size);
        let _ = consistency_proof_len(size, size2);
    }

    /// Canonical encoding: decode(encode(e)) == e, and decoding random bytes never panics.
    #[test]
    fn entry_encoding_round_trips(
        id in ".{0,20}", actor in ".{0,20}", at in any::<i64>(), raw in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        use tianping_evidence::Entry;
        let entry = Entry::CaseEvent {
            case_id: id.clone(), actor, from_state: "verifying".into(), to_state: "filed".into(),
            reason: id, at_ms: at,
        };
        let bytes = entry.encode().unwrap();
        prop_assert_eq!(Entry::decode(&bytes).unwrap(), entry);
        if let Ok(decoded) = Entry::decode(&raw) {
            prop_assert_eq!(decoded.encode().unwrap(), raw);
        }
    }
}
