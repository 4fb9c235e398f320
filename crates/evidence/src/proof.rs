//! Inclusion and consistency proofs and their verification, written from RFC 9162 §2.1.3.2 and
//! §2.1.4.2 (the verification algorithms for the RFC 6962 §2.1.1–2.1.2 proofs).
//!
//! The `*_raw` functions take hashes as byte slices exactly as they arrive from outside (a
//! manifest, a test vector) and apply the checks a strict verifier needs: every hash must have the
//! algorithm's length, a consistency proof from the empty tree is refused (it proves nothing), and
//! an index or size out of range is an error, never a panic.

use thiserror::Error;

use crate::hash::{HASH_LEN, Hash, HashAlg};

/// An audit path: the hashes that, with the leaf hash, recompute the root of a tree of
/// `tree_size` leaves (RFC 6962 §2.1.1 `PATH(m, D[n])`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InclusionProof {
    /// Index of the leaf, from 0.
    pub leaf_index: u64,
    /// Size of the tree the path leads to.
    pub tree_size: u64,
    /// Sibling hashes from the leaf upwards.
    pub path: Vec<Hash>,
}

/// A consistency proof between the trees of `size1` and `size2` leaves (RFC 6962 §2.1.2
/// `PROOF(m, D[n])`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsistencyProof {
    /// The earlier size.
    pub size1: u64,
    /// The later size.
    pub size2: u64,
    /// The proof hashes.
    pub path: Vec<Hash>,
}

/// Why a proof does not verify.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ProofError {
    /// The leaf index is not below the tree size.
    #[error("leaf index {index} is not below tree size {size}")]
    IndexOutOfRange {
        /// The index.
        index: u64,
        /// The tree size.
        size: u64,
    },
    /// The earlier size is larger than the later one.
    #[error("size1 {size1} is larger than size2 {size2}")]
    SizesReversed {
        /// Earlier size.
        size1: u64,
        /// Later size.
        size2: u64,
    },
    /// A consistency proof from the empty tree proves nothing and is refused.
    #[error("a consistency proof from the empty tree is refused")]
    FromEmptyTree,
    /// A hash (root, leaf or proof element) has the wrong length.
    #[error("{what} has {len} bytes, expected {HASH_LEN}")]
    BadHashLength {
        /// Which hash.
        what: &'static str,
        /// Its length.
        len: usize,
    },
    /// The proof has the wrong number of hashes for these sizes.
    #[error("the proof has {found} hashes, expected {expected}")]
    WrongLength {
        /// Length implied by the sizes.
        expected: usize,
        /// Length given.
        found: usize,
    },
    /// The proof does not lead to the given root.
    #[error("the recomputed root {computed} does not match the expected root")]
    RootMismatch {
        /// The root the proof leads to.
        computed: String,
    },
    /// The earlier root recomputed from a consistency proof differs.
    #[error("the recomputed earlier root {computed} does not match root1")]
    Root1Mismatch {
        /// The root the proof leads to.
        computed: String,
    },
    /// For equal sizes, the two roots must be equal.
    #[error("sizes are equal but the roots differ")]
    EqualSizesDifferentRoots,
}

/// Number of hashes in an inclusion proof for `index` in a tree of `size` (RFC 9162 §2.1.3.2
/// consumes exactly this many).
pub fn inclusion_proof_len(index: u64, size: u64) -> usize {
    if index >= size {
        return 0;
    }
    // Levels below the point where the paths of `index` and `size - 1` meet each need one sibling,
    // plus one for every level above where the right edge has a left neighbour.
    let last = size - 1;
    let inner = (64 - (index ^ last).leading_zeros()) as usize;
    let border = index.checked_shr(inner as u32).unwrap_or(0).count_ones() as usize;
    inner + border
}

/// Verifies an inclusion proof given as raw byte slices (RFC 9162 §2.1.3.2).
pub fn verify_inclusion_raw(
    alg: HashAlg,
    leaf_index: u64,
    tree_size: u64,
    leaf_hash: &[u8],
    proof: &[&[u8]],
    root: &[u8],
) -> Result<(), ProofError> {
    let leaf = to_hash("leaf hash", leaf_hash)?;
    let root = to_hash("root", root)?;
    let path = proof
        .iter()
        .map(|p| to_hash("proof hash", p))
        .collect::<Result<Vec<_>, _>>()?;
    let computed = root_from_inclusion(alg, leaf_index, tree_size, &leaf, &path)?;
    if computed == root {
        Ok(())
    } else {
        Err(ProofError::RootMismatch {
            computed: computed.to_hex(),
        })
    }
}

/// Recomputes the root an inclusion proof leads to (RFC 9162 §2.1.3.2 steps 1–5).
pub fn root_from_inclusion(
    alg: HashAlg,
    leaf_index: u64,
    tree_size: u64,
    leaf_hash: &Hash,
    path: &[Hash],
) -> Result<Hash, ProofError> {
    if leaf_index >= tree_size {
        return Err(ProofError::IndexOutOfRange {
            index: leaf_index,
            size: tree_size,
        });
    }
    let expected = inclusion_proof_len(leaf_index, tree_size);
    if path.len() != expected {
        return Err(ProofError::WrongLength {
            expected,
            found: path.len(),
        });
    }
    let mut f_n = leaf_index;
    let mut s_n = tree_size - 1;
    let mut r = *leaf_hash;
    for p in path {
        if s_n == 0 {
            return Err(ProofError::WrongLength {
                expected,
                found: path.len(),
            });
        }
        if f_n & 1 == 1 || f_n == s_n {
            r = alg.node_hash(p, &r);
            if f_n & 1 == 0 {
                while f_n & 1 == 0 && f_n != 0 {
                    f_n >>= 1;
                    s_n >>= 1;
                }
            }
        } else {
            r = alg.node_hash(&r, p);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    if s_n != 0 {
        return Err(ProofError::WrongLength {
            expected,
            found: path.len(),
        });
    }
    Ok(r)
}

/// Verifies a typed inclusion proof of `leaf_hash` against `root`.
pub fn verify_inclusion(
    alg: HashAlg,
    proof: &InclusionProof,
    leaf_hash: &Hash,
    root: &Hash,
) -> Result<(), ProofError> {
    let computed = root_from_inclusion(
        alg,
        proof.leaf_index,
        proof.tree_size,
        leaf_hash,
        &proof.path,
    )?;
    if computed == *root {
        Ok(())
    } else {
        Err(ProofError::RootMismatch {
            computed: computed.to_hex(),
        })
    }
}

/// Verifies a consistency proof given as raw byte slices (RFC 9162 §2.1.4.2, plus the
/// equal-size and empty-tree rules).
pub fn verify_consistency_raw(
    alg: HashAlg,
    size1: u64,
    size2: u64,
    proof: &[&[u8]],
    root1: &[u8],
    root2: &[u8],
) -> Result<(), ProofError> {
    if size1 > size2 {
        return Err(ProofError::SizesReversed { size1, size2 });
    }
    if size1 == 0 {
        return Err(ProofError::FromEmptyTree);
    }
    if size1 == size2 {
        // Nothing to recompute: the claim is only that both heads name the same tree.
        if !proof.is_empty() {
            return Err(ProofError::WrongLength {
                expected: 0,
                found: proof.len(),
            });
        }
        return if root1 == root2 {
            Ok(())
        } else {
            Err(ProofError::EqualSizesDifferentRoots)
        };
    }
    let root1 = to_hash("root1", root1)?;
    let root2 = to_hash("root2", root2)?;
    let path = proof
        .iter()
        .map(|p| to_hash("proof hash", p))
        .collect::<Result<Vec<_>, _>>()?;
    verify_consistency(
        alg,
        &ConsistencyProof { size1, size2, path },
        &root1,
        &root2,
    )
}

/// Number of hashes in a consistency proof from `size1` to `size2` (`0 < size1 < size2`).
pub fn consistency_proof_len(size1: u64, size2: u64) -> usize {
    if size1 == 0 || size1 >= size2 {
        return 0;
    }
    // Skip the levels where the old tree's right edge is a complete left subtree; what remains is
    // one hash to seed both roots (unless the old tree is itself such a subtree) plus an
    // inclusion path of that node within the new tree.
    let level = size1.trailing_zeros();
    let seed = if size1.is_power_of_two() { 0 } else { 1 };
    seed + inclusion_proof_len((size1 - 1) >> level, ((size2 - 1) >> level) + 1)
}

/// Verifies a typed consistency proof between `root1` (size1) and `root2` (size2).
pub fn verify_consistency(
    alg: HashAlg,
    proof: &ConsistencyProof,
    root1: &Hash,
    root2: &Hash,
) -> Result<(), ProofError> {
    let (size1, size2) = (proof.size1, proof.size2);
    if size1 > size2 {
        return Err(ProofError::SizesReversed { size1, size2 });
    }
    if size1 == 0 {
        return Err(ProofError::FromEmptyTree);
    }
    if size1 == size2 {
        if !proof.path.is_empty() {
            return Err(ProofError::WrongLength {
                expected: 0,
                found: proof.path.len(),
            });
        }
        return if root1 == root2 {
            Ok(())
        } else {
            Err(ProofError::EqualSizesDifferentRoots)
        };
    }
    let expected = consistency_proof_len(size1, size2);
    if proof.path.len() != expected {
        return Err(ProofError::WrongLength {
            expected,
            found: proof.path.len(),
        });
    }
    // RFC 9162 §2.1.4.2 step 2: if size1 is a power of two, the proof omits the old root, which is
    // then the first value of the path.
    let mut hashes = proof.path.iter();
    let first = if size1.is_power_of_two() {
        Some(*root1)
    } else {
        hashes.next().copied()
    };
    let Some(seed) = first else {
        return Err(ProofError::WrongLength {
            expected,
            found: proof.path.len(),
        });
    };
    // Steps 3–4.
    let mut f_n = size1 - 1;
    let mut s_n = size2 - 1;
    while f_n & 1 == 1 {
        f_n >>= 1;
        s_n >>= 1;
    }
    // Step 5.
    let mut f_r = seed;
    let mut s_r = seed;
    // Step 6.
    for c in hashes {
        if s_n == 0 {
            return Err(ProofError::WrongLength {
                expected,
                found: proof.path.len(),
            });
        }
        if f_n & 1 == 1 || f_n == s_n {
            f_r = alg.node_hash(c, &f_r);
            s_r = alg.node_hash(c, &s_r);
            if f_n & 1 == 0 {
                while f_n & 1 == 0 && f_n != 0 {
                    f_n >>= 1;
                    s_n >>= 1;
                }
            }
        } else {
            s_r = alg.node_hash(&s_r, c);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    // Step 7.
    if s_n != 0 {
        return Err(ProofError::WrongLength {
            expected,
            found: proof.path.len(),
        });
    }
    if f_r != *root1 {
        return Err(ProofError::Root1Mismatch {
            computed: f_r.to_hex(),
        });
    }
    if s_r != *root2 {
        return Err(ProofError::RootMismatch {
            computed: s_r.to_hex(),
        });
    }
    Ok(())
}

fn to_hash(what: &'static str, bytes: &[u8]) -> Result<Hash, ProofError> {
    Hash::from_slice(bytes).ok_or(ProofError::BadHashLength {
        what,
        len: bytes.len(),
    })
}
