//! Where leaves live: the [`LeafStore`] trait, an in-memory store and an append-only file store.
//!
//! The trait is all the log needs; the SQLite and PostgreSQL store crates implement it over a table
//! with no UPDATE or DELETE. A store keeps each leaf's hash and its data (the canonical entry
//! bytes), so stored records can be re-hashed and checked against a signed head later.

use std::fs::{File, OpenOptions};
use std::io::{self, BufReader, Read, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use crate::hash::{HASH_LEN, Hash, HashAlg};

/// Largest leaf data a store accepts, in bytes (an entry is a few hundred bytes; files are
/// logged by digest, never by content).
pub const MAX_LEAF_DATA: usize = 1024 * 1024;

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// An operating-system error.
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The error.
        #[source]
        source: io::Error,
    },
    /// A leaf index at or past the end.
    #[error("leaf {index} does not exist (size {size})")]
    OutOfRange {
        /// The index asked for.
        index: u64,
        /// The store's size.
        size: u64,
    },
    /// Leaf data over [`MAX_LEAF_DATA`].
    #[error("leaf data of {len} bytes is over the limit of {MAX_LEAF_DATA}")]
    TooLarge {
        /// Its length.
        len: usize,
    },
    /// The stored bytes are not what this store writes.
    #[error("{path}: {reason}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// An earlier write failed part-way; reopen the store to recover.
    #[error("an earlier append failed part-way; reopen the store to recover")]
    Poisoned,
    /// A backend's own error (for implementations outside this crate).
    #[error("{0}")]
    Backend(String),
}

fn io_err(context: impl Into<String>) -> impl FnOnce(io::Error) -> StoreError {
    let context = context.into();
    move |source| StoreError::Io { context, source }
}

/// Append-only storage of leaves (hash and data), addressed by index from 0.
pub trait LeafStore {
    /// Number of leaves.
    fn size(&self) -> u64;

    /// Appends one leaf; returns its index. Durable only after [`LeafStore::sync`].
    fn append(&mut self, leaf_hash: &Hash, leaf_data: &[u8]) -> Result<u64, StoreError>;

    /// The hash of leaf `index`.
    fn leaf_hash_at(&self, index: u64) -> Result<Hash, StoreError>;

    /// The data of leaf `index` (the canonical entry bytes).
    fn leaf_data_at(&self, index: u64) -> Result<Vec<u8>, StoreError>;

    /// Makes every append so far durable.
    fn sync(&mut self) -> Result<(), StoreError> {
        Ok(())
    }

    /// The hashes of leaves `start..end`, appended to `out`. Stores may override this with a
    /// faster range read.
    fn leaf_hashes(&self, start: u64, end: u64, out: &mut Vec<Hash>) -> Result<(), StoreError> {
        for index in start..end {
            out.push(self.leaf_hash_at(index)?);
        }
        Ok(())
    }
}

/// Leaves in memory (tests, and building bundles in memory).
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    leaves: Vec<(Hash, Vec<u8>)>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn get(&self, index: u64) -> Result<&(Hash, Vec<u8>), StoreError> {
        usize::try_from(index)
            .ok()
            .and_then(|i| self.leaves.get(i))
            .ok_or(StoreError::OutOfRange {
                index,
                size: self.size(),
            })
    }

    /// Replaces leaf `index` (hash and data) without any check: for tamper tests only. A real
    /// store never offers this.
    #[doc(hidden)]
    pub fn tamper(&mut self) -> &mut Vec<(Hash, Vec<u8>)> {
        &mut self.leaves
    }
}

impl LeafStore for MemoryStore {
    fn size(&self) -> u64 {
        self.leaves.len() as u64
    }

    fn append(&mut self, leaf_hash: &Hash, leaf_data: &[u8]) -> Result<u64, StoreError> {
        if leaf_data.len() > MAX_LEAF_DATA {
            return Err(StoreError::TooLarge {
                len: leaf_data.len(),
            });
        }
        self.leaves.push((*leaf_hash, leaf_data.to_vec()));
        Ok(self.size() - 1)
    }

    fn leaf_hash_at(&self, index: u64) -> Result<Hash, StoreError> {
        Ok(self.get(index)?.0)
    }

    fn leaf_data_at(&self, index: u64) -> Result<Vec<u8>, StoreError> {
        Ok(self.get(index)?.1.clone())
    }
}

/// The file store's header: magic, format version, hash algorithm code, reserved zeros.
const HEADER_MAGIC: &[u8; 8] = b"TPEVLOG\0";
const HEADER_LEN: u64 = 16;
const FORMAT_VERSION: u8 = 1;
/// A record: `u32` big-endian data length, the 32-byte leaf hash, the data.
const RECORD_PREFIX: u64 = 4 + HASH_LEN as u64;

fn header(alg: HashAlg) -> [u8; HEADER_LEN as usize] {
    let mut out = [0u8; HEADER_LEN as usize];
    for (dst, src) in out.iter_mut().zip(
        HEADER_MAGIC
            .iter()
            .chain([FORMAT_VERSION, alg.code()].iter()),
    ) {
        *dst = *src;
    }
    out
}

/// What opening a file store had to repair.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Recovery {
    /// Records found intact.
    pub records: u64,
    /// Bytes of a torn last append that were cut off (0 when the file was clean).
    pub truncated_bytes: u64,
    /// Whether the file was created by this open.
    pub created: bool,
}

/// An append-only file of length-prefixed records.
///
/// Layout: a 16-byte header (`TPEVLOG\0`, format version 1, hash algorithm code, 6 zero bytes),
/// then one record per leaf: `u32` big-endian data length, the 32-byte leaf hash, the data. Every
/// record is checked on open (the hash must be the algorithm's leaf hash of the data). Earlier
/// bytes are never rewritten: appends go to the end of a file opened in append mode; the only
/// other write is cutting off a torn tail when opening. Memory: 8 bytes per leaf for the offsets.
#[derive(Debug)]
pub struct FileStore {
    path: PathBuf,
    file: File,
    alg: HashAlg,
    offsets: Vec<u64>,
    end: u64,
    poisoned: bool,
}

impl FileStore {
    /// Opens (or creates) the log file at `path` for algorithm `alg`.
    ///
    /// A last record that is incomplete or fails its hash check is taken for a torn append (only
    /// the unsynced tail can be torn) and cut off; [`Recovery::truncated_bytes`] says how much,
    /// so the caller can log it. Anything missing beyond what was cut is caught by the consistency
    /// check against a published signed head, not here.
    pub fn open(path: &Path, alg: HashAlg) -> Result<(FileStore, Recovery), StoreError> {
        let display = path.display().to_string();
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(io_err(format!("open {display}")))?;
        let len = file
            .metadata()
            .map_err(io_err(format!("stat {display}")))?
            .len();
        let expected = header(alg);
        let mut recovery = Recovery::default();
        let mut store = FileStore {
            path: path.to_path_buf(),
            file,
            alg,
            offsets: Vec::new(),
            end: HEADER_LEN,
            poisoned: false,
        };
        if len < HEADER_LEN {
            // A new file, or one whose creation was torn: the header is all it can hold.
            let mut existing = vec![0u8; len as usize];
            store
                .file
                .read_exact_at(&mut existing, 0)
                .map_err(io_err(format!("read {display}")))?;
            if !expected.starts_with(&existing) {
                return Err(store.corrupt("not an evidence log (bad header)"));
            }
            store
                .file
                .set_len(0)
                .map_err(io_err(format!("truncate {display}")))?;
            store
                .file
                .write_all(&expected)
                .map_err(io_err(format!("write {display}")))?;
            store
                .file
                .sync_all()
                .map_err(io_err(format!("fsync {display}")))?;
            sync_parent(path)?;
            recovery.created = len == 0;
            recovery.truncated_bytes = len;
            return Ok((store, recovery));
        }
        let mut found = [0u8; HEADER_LEN as usize];
        store
            .file
            .read_exact_at(&mut found, 0)
            .map_err(io_err(format!("read {display}")))?;
        if found[..9] != expected[..9] || found[10..] != expected[10..] {
            return Err(store.corrupt("not an evidence log of format version 1 (bad header)"));
        }
        if found != expected {
            let name = HashAlg::from_code(found[9]).map_or("unknown", HashAlg::name);
            return Err(store.corrupt(&format!("the log uses hash {name}, not {alg}")));
        }
        store.scan(len)?;
        recovery.records = store.offsets.len() as u64;
        if store.end < len {
            store
                .file
                .set_len(store.end)
                .map_err(io_err(format!("truncate {display}")))?;
            store
                .file
                .sync_all()
                .map_err(io_err(format!("fsync {display}")))?;
            recovery.truncated_bytes = len - store.end;
        }
        Ok((store, recovery))
    }

    /// Reads records from the header to `len`, stopping at the first torn one.
    fn scan(&mut self, len: u64) -> Result<(), StoreError> {
        let display = self.path.display().to_string();
        let mut reader = BufReader::with_capacity(
            1 << 16,
            PositionedReader {
                file: &self.file,
                pos: HEADER_LEN,
            },
        );
        let mut pos = HEADER_LEN;
        let mut data = Vec::new();
        loop {
            let mut prefix = [0u8; RECORD_PREFIX as usize];
            if len - pos < RECORD_PREFIX {
                break;
            }
            reader
                .read_exact(&mut prefix)
                .map_err(io_err(format!("read {display}")))?;
            let (len_bytes, hash_bytes) = prefix.split_at(4);
            let data_len = u32::from_be_bytes(<[u8; 4]>::try_from(len_bytes).unwrap_or_default());
            let data_len = data_len as u64;
            if data_len > MAX_LEAF_DATA as u64 || len - pos - RECORD_PREFIX < data_len {
                break;
            }
            data.resize(data_len as usize, 0);
            reader
                .read_exact(&mut data)
                .map_err(io_err(format!("read {display}")))?;
            if self.alg.leaf_hash(&data).0 != hash_bytes {
                break;
            }
            self.offsets.push(pos);
            pos += RECORD_PREFIX + data_len;
        }
        self.end = pos;
        Ok(())
    }

    /// The hash algorithm written in the header.
    pub fn alg(&self) -> HashAlg {
        self.alg
    }

    fn corrupt(&self, reason: &str) -> StoreError {
        StoreError::Corrupt {
            path: self.path.clone(),
            reason: reason.to_string(),
        }
    }

    fn offset(&self, index: u64) -> Result<u64, StoreError> {
        usize::try_from(index)
            .ok()
            .and_then(|i| self.offsets.get(i).copied())
            .ok_or(StoreError::OutOfRange {
                index,
                size: self.size(),
            })
    }

    fn read_at(&self, buf: &mut [u8], pos: u64) -> Result<(), StoreError> {
        self.file
            .read_exact_at(buf, pos)
            .map_err(io_err(format!("read {} at {pos}", self.path.display())))
    }
}

impl LeafStore for FileStore {
    fn size(&self) -> u64 {
        self.offsets.len() as u64
    }

    fn append(&mut self, leaf_hash: &Hash, leaf_data: &[u8]) -> Result<u64, StoreError> {
        if self.poisoned {
            return Err(StoreError::Poisoned);
        }
        if leaf_data.len() > MAX_LEAF_DATA {
            return Err(StoreError::TooLarge {
                len: leaf_data.len(),
            });
        }
        let mut record = Vec::with_capacity(RECORD_PREFIX as usize + leaf_data.len());
        record.extend_from_slice(&(leaf_data.len() as u32).to_be_bytes());
        record.extend_from_slice(&leaf_hash.0);
        record.extend_from_slice(leaf_data);
        if let Err(source) = self.file.write_all(&record) {
            self.poisoned = true;
            return Err(StoreError::Io {
                context: format!("append to {}", self.path.display()),
                source,
            });
        }
        self.offsets.push(self.end);
        self.end += record.len() as u64;
        Ok(self.size() - 1)
    }

    fn leaf_hash_at(&self, index: u64) -> Result<Hash, StoreError> {
        let mut out = [0u8; HASH_LEN];
        self.read_at(&mut out, self.offset(index)? + 4)?;
        Ok(Hash(out))
    }

    fn leaf_data_at(&self, index: u64) -> Result<Vec<u8>, StoreError> {
        let pos = self.offset(index)?;
        let mut len = [0u8; 4];
        self.read_at(&mut len, pos)?;
        let len = u32::from_be_bytes(len) as usize;
        if len > MAX_LEAF_DATA {
            return Err(self.corrupt(&format!("record {index} claims {len} bytes")));
        }
        let mut data = vec![0u8; len];
        self.read_at(&mut data, pos + RECORD_PREFIX)?;
        Ok(data)
    }

    fn sync(&mut self) -> Result<(), StoreError> {
        self.file
            .sync_data()
            .map_err(io_err(format!("fsync {}", self.path.display())))
    }

    fn leaf_hashes(&self, start: u64, end: u64, out: &mut Vec<Hash>) -> Result<(), StoreError> {
        if start >= end {
            return Ok(());
        }
        let first = self.offset(start)?;
        let stop = if end == self.size() {
            self.end
        } else {
            self.offset(end)?
        };
        let mut buf = vec![0u8; usize::try_from(stop - first).unwrap_or(0)];
        self.read_at(&mut buf, first)?;
        let mut rest = buf.as_slice();
        for index in start..end {
            let corrupt = || self.corrupt(&format!("record {index} is short"));
            let (len, tail) = rest.split_at_checked(4).ok_or_else(corrupt)?;
            let len = u32::from_be_bytes(<[u8; 4]>::try_from(len).map_err(|_| corrupt())?) as usize;
            let (hash, tail) = tail.split_at_checked(HASH_LEN).ok_or_else(corrupt)?;
            out.push(Hash::from_slice(hash).ok_or_else(corrupt)?);
            rest = tail.get(len..).ok_or_else(corrupt)?;
        }
        Ok(())
    }
}

/// A `Read` over positional reads, so scanning never moves the append handle's cursor.
struct PositionedReader<'a> {
    file: &'a File,
    pos: u64,
}

impl Read for PositionedReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.file.read_at(buf, self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

fn sync_parent(path: &Path) -> Result<(), StoreError> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    File::open(parent)
        .and_then(|dir| dir.sync_all())
        .map_err(io_err(format!("fsync {}", parent.display())))
}
