//! The append-only Merkle log over a [`LeafStore`]: roots, inclusion and consistency proofs
//! (RFC 6962 §2.1, §2.1.1, §2.1.2), computed from the recursive definitions over `leaf_hash_at`.
//!
//! Memory: the right edge of the tree (≤ 64 hashes) and the hashes of complete subtrees of
//! `2^CACHE_LEVEL` leaves and more (32 bytes per 256 leaves at the lowest cached level, about
//! `size / 4` bytes in all). Any subtree hash needs at most `2^CACHE_LEVEL` leaf reads per
//! level of the proof, never the whole log.

use crate::entry::{EncodeError, Entry};
use crate::hash::{Hash, HashAlg};
use crate::head::TreeHead;
use crate::proof::{ConsistencyProof, InclusionProof};
use crate::store::{LeafStore, StoreError};

/// Complete subtrees of `2^CACHE_LEVEL` leaves or more are cached.
const CACHE_LEVEL: u32 = 8;

/// Leaves read per chunk when rebuilding the cache on open.
const OPEN_CHUNK: u64 = 1 << 14;

/// A log operation failure.
#[derive(Debug, thiserror::Error)]
pub enum LogError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The entry cannot be encoded.
    #[error(transparent)]
    Encode(#[from] EncodeError),
    /// A leaf index not below the tree size asked for.
    #[error("leaf {index} is not in a tree of size {size}")]
    IndexOutOfRange {
        /// The index.
        index: u64,
        /// The tree size.
        size: u64,
    },
    /// A tree size the log has not reached, or a bad pair of sizes.
    #[error("no proof between sizes {size1} and {size2} in a log of size {log_size}")]
    BadSizes {
        /// Earlier size.
        size1: u64,
        /// Later size.
        size2: u64,
        /// Current size.
        log_size: u64,
    },
    /// A stored leaf's data does not hash to its stored leaf hash.
    #[error("leaf {index}: stored data hashes to {computed}, stored hash is {stored}")]
    LeafMismatch {
        /// The leaf.
        index: u64,
        /// Hash of the stored data.
        computed: Hash,
        /// The stored hash.
        stored: Hash,
    },
}

/// An RFC 6962 Merkle log of [`Entry`]s.
#[derive(Debug)]
pub struct Log<S> {
    alg: HashAlg,
    store: S,
    /// Roots of the perfect subtrees along the right edge, largest first: `(level, hash)`.
    frontier: Vec<(u32, Hash)>,
    /// `cache[l - CACHE_LEVEL][i]` = hash of leaves `i·2^l .. (i+1)·2^l`, for every such complete
    /// subtree.
    cache: Vec<Vec<Hash>>,
    size: u64,
}

impl<S: LeafStore> Log<S> {
    /// Opens a log over `store`, reading its leaf hashes once (in chunks) to rebuild the cache.
    pub fn open(alg: HashAlg, store: S) -> Result<Self, LogError> {
        let mut log = Log {
            alg,
            store,
            frontier: Vec::new(),
            cache: Vec::new(),
            size: 0,
        };
        let total = log.store.size();
        let mut chunk = Vec::new();
        let mut start = 0;
        while start < total {
            let end = total.min(start + OPEN_CHUNK);
            chunk.clear();
            log.store.leaf_hashes(start, end, &mut chunk)?;
            for leaf in &chunk {
                log.push_leaf(*leaf);
            }
            start = end;
        }
        Ok(log)
    }

    /// The hash algorithm.
    pub fn alg(&self) -> HashAlg {
        self.alg
    }

    /// Number of leaves.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// Gives the store back.
    pub fn into_store(self) -> S {
        self.store
    }

    /// Appends an entry; returns its leaf index. Call [`Log::sync`] to make it durable.
    pub fn append(&mut self, entry: &Entry) -> Result<u64, LogError> {
        self.append_leaf_data(&entry.encode()?)
    }

    /// Appends raw leaf data (already canonical); returns its leaf index.
    pub fn append_leaf_data(&mut self, leaf_data: &[u8]) -> Result<u64, LogError> {
        let leaf = self.alg.leaf_hash(leaf_data);
        let index = self.store.append(&leaf, leaf_data)?;
        debug_assert_eq!(index, self.size);
        self.push_leaf(leaf);
        Ok(index)
    }

    /// Makes every append so far durable.
    pub fn sync(&mut self) -> Result<(), LogError> {
        Ok(self.store.sync()?)
    }

    fn push_leaf(&mut self, leaf: Hash) {
        self.size += 1;
        let mut level = 0u32;
        let mut hash = leaf;
        while let Some(&(top_level, top)) = self.frontier.last() {
            if top_level != level {
                break;
            }
            self.frontier.pop();
            hash = self.alg.node_hash(&top, &hash);
            level += 1;
            if let Some(slot) = level.checked_sub(CACHE_LEVEL) {
                let slot = slot as usize;
                if self.cache.len() <= slot {
                    self.cache.resize_with(slot + 1, Vec::new);
                }
                if let Some(row) = self.cache.get_mut(slot) {
                    row.push(hash);
                }
            }
        }
        self.frontier.push((level, hash));
    }

    /// The root of the current tree.
    pub fn root(&self) -> Hash {
        let mut edge = self.frontier.iter().rev();
        let Some(&(_, mut root)) = edge.next() else {
            return self.alg.empty_root();
        };
        for (_, left) in edge {
            root = self.alg.node_hash(left, &root);
        }
        root
    }

    /// The root of the tree of the first `size` leaves.
    pub fn root_at(&self, size: u64) -> Result<Hash, LogError> {
        if size > self.size {
            return Err(LogError::BadSizes {
                size1: size,
                size2: size,
                log_size: self.size,
            });
        }
        match size {
            0 => Ok(self.alg.empty_root()),
            s if s == self.size => Ok(self.root()),
            s => self.subtree(0, s),
        }
    }

    /// The unsigned head of the current tree.
    pub fn head(&self, log_id: &str, timestamp_ms: i64) -> TreeHead {
        TreeHead {
            log_id: log_id.to_string(),
            alg: self.alg,
            size: self.size,
            root: self.root(),
            timestamp_ms,
        }
    }

    /// The audit path of leaf `index` in the tree of the first `tree_size` leaves (RFC 6962
    /// §2.1.1).
    pub fn inclusion_proof(&self, index: u64, tree_size: u64) -> Result<InclusionProof, LogError> {
        if tree_size > self.size {
            return Err(LogError::BadSizes {
                size1: tree_size,
                size2: tree_size,
                log_size: self.size,
            });
        }
        if index >= tree_size {
            return Err(LogError::IndexOutOfRange {
                index,
                size: tree_size,
            });
        }
        let mut path = Vec::new();
        self.path(index, 0, tree_size, &mut path)?;
        Ok(InclusionProof {
            leaf_index: index,
            tree_size,
            path,
        })
    }

    /// The consistency proof from the first `size1` leaves to the first `size2` (RFC 6962
    /// §2.1.2); `0 < size1 <= size2 <= size`.
    pub fn consistency_proof(&self, size1: u64, size2: u64) -> Result<ConsistencyProof, LogError> {
        if size1 == 0 || size1 > size2 || size2 > self.size {
            return Err(LogError::BadSizes {
                size1,
                size2,
                log_size: self.size,
            });
        }
        let mut path = Vec::new();
        if size1 < size2 {
            self.subproof(size1, 0, size2, true, &mut path)?;
        }
        Ok(ConsistencyProof { size1, size2, path })
    }

    /// Re-hashes every stored leaf's data and compares it with the stored leaf hash; then
    /// compares the recomputed root of `size` leaves with `root`. Reads one leaf at a time.
    pub fn audit(&self, size: u64, root: &Hash) -> Result<bool, LogError> {
        if size > self.size {
            return Err(LogError::BadSizes {
                size1: size,
                size2: size,
                log_size: self.size,
            });
        }
        for index in 0..size {
            let stored = self.store.leaf_hash_at(index)?;
            let computed = self.alg.leaf_hash(&self.store.leaf_data_at(index)?);
            if stored != computed {
                return Err(LogError::LeafMismatch {
                    index,
                    computed,
                    stored,
                });
            }
        }
        Ok(self.root_at(size)? == *root)
    }

    /// `PATH(m, D[lo:hi])`, leaf upwards.
    fn path(&self, m: u64, lo: u64, hi: u64, out: &mut Vec<Hash>) -> Result<(), LogError> {
        let n = hi - lo;
        if n <= 1 {
            return Ok(());
        }
        let k = split(n);
        if m < k {
            self.path(m, lo, lo + k, out)?;
            out.push(self.subtree(lo + k, hi)?);
        } else {
            self.path(m - k, lo + k, hi, out)?;
            out.push(self.subtree(lo, lo + k)?);
        }
        Ok(())
    }

    /// `SUBPROOF(m, D[lo:hi], b)`.
    fn subproof(
        &self,
        m: u64,
        lo: u64,
        hi: u64,
        whole: bool,
        out: &mut Vec<Hash>,
    ) -> Result<(), LogError> {
        let n = hi - lo;
        if m == n {
            if !whole {
                out.push(self.subtree(lo, hi)?);
            }
            return Ok(());
        }
        let k = split(n);
        if m <= k {
            self.subproof(m, lo, lo + k, whole, out)?;
            out.push(self.subtree(lo + k, hi)?);
        } else {
            self.subproof(m - k, lo + k, hi, false, out)?;
            out.push(self.subtree(lo, lo + k)?);
        }
        Ok(())
    }

    /// `MTH(D[lo:hi])`, `lo < hi <= size`.
    fn subtree(&self, lo: u64, hi: u64) -> Result<Hash, LogError> {
        let n = hi - lo;
        if n == 1 {
            return Ok(self.store.leaf_hash_at(lo)?);
        }
        if n.is_power_of_two() && lo.is_multiple_of(n) {
            let level = n.trailing_zeros();
            if let Some(slot) = level.checked_sub(CACHE_LEVEL) {
                let cached = self
                    .cache
                    .get(slot as usize)
                    .and_then(|row| row.get(usize::try_from(lo >> level).ok()?));
                if let Some(hash) = cached {
                    return Ok(*hash);
                }
            }
            if level <= CACHE_LEVEL {
                let mut leaves = Vec::with_capacity(n as usize);
                self.store.leaf_hashes(lo, hi, &mut leaves)?;
                return Ok(self.perfect_root(leaves));
            }
        }
        let k = split(n);
        Ok(self
            .alg
            .node_hash(&self.subtree(lo, lo + k)?, &self.subtree(lo + k, hi)?))
    }

    /// Root of a power-of-two number of leaf hashes, reducing in place.
    fn perfect_root(&self, mut level: Vec<Hash>) -> Hash {
        while level.len() > 1 {
            level = level
                .chunks(2)
                .map(|pair| match pair {
                    [left, right] => self.alg.node_hash(left, right),
                    [single] => *single,
                    _ => self.alg.empty_root(),
                })
                .collect();
        }
        level
            .first()
            .copied()
            .unwrap_or_else(|| self.alg.empty_root())
    }
}

/// The largest power of two strictly below `n` (`n >= 2`).
fn split(n: u64) -> u64 {
    debug_assert!(n >= 2);
    1 << (63 - (n - 1).leading_zeros())
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn split_is_largest_power_of_two_below() {
        assert_eq!(split(2), 1);
        assert_eq!(split(3), 2);
        assert_eq!(split(4), 2);
        assert_eq!(split(5), 4);
        assert_eq!(split(8), 4);
        assert_eq!(split(9), 8);
        assert_eq!(split(u64::MAX), 1 << 63);
    }
}
