//! The home directory: the embedded database, the lake, scratch space, rejected files and the
//! ingest lock.
//!
//! ```text
//! <home>/tianping.db        embedded store (SQLite, WAL)
//! <home>/lake/              Parquet parts (see tianping-lake)
//! <home>/rejected/          files of rejected batches, byte for byte
//! <home>/staging/           scratch (archive extraction); emptied on every ingest
//! <home>/ingest.lock        held while a delivery is processed
//! ```

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

/// Errors opening the home directory.
#[derive(Debug, thiserror::Error)]
pub enum HomeError {
    /// The directory cannot be created or written.
    #[error("home directory {path}: {source}")]
    Io {
        /// The path concerned.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

/// The home directory of one installation.
#[derive(Debug, Clone)]
pub struct Home {
    root: PathBuf,
}

impl Home {
    /// Opens (creating if needed) the home directory.
    pub fn open(root: &Path) -> Result<Home, HomeError> {
        for dir in [
            root.to_path_buf(),
            root.join("lake"),
            root.join("staging"),
            root.join("rejected"),
        ] {
            fs::create_dir_all(&dir).map_err(|source| HomeError::Io {
                path: dir.clone(),
                source,
            })?;
        }
        Ok(Home {
            root: root.to_path_buf(),
        })
    }

    /// The home directory itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The embedded database file.
    pub fn database_path(&self) -> PathBuf {
        self.root.join("tianping.db")
    }

    /// The lake root.
    pub fn lake(&self) -> PathBuf {
        self.root.join("lake")
    }

    /// Scratch space.
    pub fn staging(&self) -> PathBuf {
        self.root.join("staging")
    }

    /// Where files of rejected batches are kept.
    pub fn rejected(&self) -> PathBuf {
        self.root.join("rejected")
    }

    /// Takes the ingest lock (blocking until no other process holds it).
    pub fn lock_ingest(&self) -> io::Result<IngestLock> {
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.root.join("ingest.lock"))?;
        file.lock()?;
        Ok(IngestLock { _file: file })
    }
}

/// Held while a delivery is processed; released on drop (and by the OS if the process dies).
#[derive(Debug)]
pub struct IngestLock {
    _file: File,
}
