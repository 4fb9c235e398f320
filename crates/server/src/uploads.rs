//! Where pushed archives wait while they are ingested: `<home>/uploads/<process>/`, one directory
//! per server process, owned through an OS file lock on `<home>/uploads/<process>.lock` that the
//! process holds for its lifetime (the kernel releases it when the process dies, also on
//! SIGKILL).
//!
//! A killed server cannot delete its half-received uploads, so [`sweep`] (run at start-up, before
//! listening) removes every process directory whose lock is free, and loose files of older
//! layouts. A live server's directory is never touched: its lock is held, and the lock file is
//! created and locked before the directory exists.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// This process's upload directory, created on first use.
#[derive(Debug)]
pub struct Uploads {
    root: PathBuf,
    mine: Mutex<Option<(File, PathBuf)>>,
}

impl Uploads {
    /// Uploads under `<home>/uploads`.
    pub fn new(home: &Path) -> Uploads {
        Uploads {
            root: home.join("uploads"),
            mine: Mutex::new(None),
        }
    }

    /// This process's directory (created and locked on first call).
    pub fn dir(&self) -> io::Result<PathBuf> {
        let mut mine = self
            .mine
            .lock()
            .map_err(|_| io::Error::other("uploads lock poisoned"))?;
        if let Some((_, dir)) = mine.as_ref() {
            return Ok(dir.clone());
        }
        std::fs::create_dir_all(&self.root)?;
        let id = uuid::Uuid::new_v4().simple().to_string();
        let lock = OpenOptions::new()
            .create_new(true)
            .write(true)
            .open(self.root.join(format!("{id}.lock")))?;
        lock.try_lock().map_err(io::Error::other)?;
        let dir = self.root.join(&id);
        std::fs::create_dir(&dir)?;
        *mine = Some((lock, dir.clone()));
        Ok(dir)
    }
}

/// Removes a file or a directory tree; false if it was not there.
fn remove(path: &Path) -> io::Result<bool> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    };
    let result = if meta.is_dir() {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    };
    match result {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Removes what dead server processes left under `<home>/uploads`; returns how many entries
/// were removed.
pub fn sweep(home: &Path) -> io::Result<usize> {
    let root = home.join("uploads");
    let entries = match std::fs::read_dir(&root) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut names: Vec<String> = Vec::new();
    for entry in entries {
        names.push(entry?.file_name().to_string_lossy().into_owned());
    }
    // Lock files first, so a dead process's directory goes with its lock.
    names.sort_by_key(|n| (!n.ends_with(".lock"), n.clone()));
    let mut removed = 0;
    for name in names {
        let path = root.join(&name);
        if let Some(id) = name.strip_suffix(".lock") {
            let lock = match OpenOptions::new().write(true).open(&path) {
                Ok(f) => f,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            };
            if lock.try_lock().is_err() {
                continue; // a live server's
            }
            removed += usize::from(remove(&root.join(id))?);
            removed += usize::from(remove(&path)?);
        } else if !root.join(format!("{name}.lock")).exists() {
            // A loose upload of the layout before process directories, or a directory whose
            // lock file is gone (owners create the lock first and never remove it).
            removed += usize::from(remove(&path)?);
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sweep_keeps_a_live_directory_and_removes_dead_ones() {
        let home = tempfile::tempdir().unwrap();
        let live = Uploads::new(home.path());
        let live_dir = live.dir().unwrap();
        std::fs::write(live_dir.join("push-1.zip"), b"x").unwrap();
        assert_eq!(live.dir().unwrap(), live_dir, "one directory per process");

        // A dead process: its lock file exists but nobody holds it.
        let dead = home.path().join("uploads/dead");
        std::fs::create_dir_all(&dead).unwrap();
        std::fs::write(dead.join("push-2.zip"), b"half").unwrap();
        std::fs::write(home.path().join("uploads/dead.lock"), b"").unwrap();
        // A loose file from the older layout, and a directory without a lock file.
        std::fs::write(home.path().join("uploads/push-3.zip"), b"old").unwrap();
        std::fs::create_dir_all(home.path().join("uploads/orphan")).unwrap();

        assert_eq!(sweep(home.path()).unwrap(), 4);
        assert!(
            live_dir.join("push-1.zip").exists(),
            "the live upload stays"
        );
        let mut left: Vec<String> = std::fs::read_dir(home.path().join("uploads"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let id = live_dir.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(left, vec![id.clone(), format!("{id}.lock")]);

        drop(live);
        assert_eq!(
            sweep(home.path()).unwrap(),
            2,
            "free once its owner is gone"
        );
        assert_eq!(
            std::fs::read_dir(home.path().join("uploads"))
                .unwrap()
                .count(),
            0
        );
    }

    #[test]
    fn sweep_of_a_home_without_uploads_is_nothing() {
        let home = tempfile::tempdir().unwrap();
        assert_eq!(sweep(home.path()).unwrap(), 0);
    }
}
