//! Opening a delivered batch: a directory, a `.zip` or a `.tar.gz` (data standard §1).
//!
//! Archives are extracted into a scratch directory with limits on entries and bytes, refusing
//! links and paths that would escape it; then every batch is handled as a directory.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::limits::Limits;
use crate::manifest::{Manifest, ManifestError, ManifestFile, parse_manifest};
use crate::read::FileRejection;

/// Why a batch could not be opened.
#[derive(Debug)]
pub enum OpenError {
    /// The delivery is not a readable batch: the receipt says why.
    Rejected {
        /// Reason in English.
        en: String,
        /// Reason in Chinese.
        zh: String,
        /// `batch_id`, when the manifest could be read that far.
        batch_id: Option<String>,
        /// `supplier`, likewise.
        supplier: Option<String>,
    },
    /// Our side failed.
    Internal(io::Error),
}

impl OpenError {
    fn rejected(en: impl Into<String>, zh: impl Into<String>) -> OpenError {
        OpenError::Rejected {
            en: en.into(),
            zh: zh.into(),
            batch_id: None,
            supplier: None,
        }
    }
}

impl From<ManifestError> for OpenError {
    fn from(e: ManifestError) -> Self {
        let zh = if e.field.is_empty() {
            format!("manifest.json：{}", e.message_zh)
        } else {
            format!("manifest.json：{}：{}", e.field, e.message_zh)
        };
        OpenError::Rejected {
            en: e.to_string(),
            zh,
            batch_id: e.batch_id,
            supplier: e.supplier,
        }
    }
}

/// A batch ready to be read.
#[derive(Debug)]
pub struct OpenedBatch {
    /// The directory holding `manifest.json`.
    pub root: PathBuf,
    /// The parsed manifest.
    pub manifest: Manifest,
    /// Regular files in the batch that the manifest does not list (not ingested; reported).
    pub unlisted: Vec<String>,
    /// SHA-256 of the delivered archive or of `manifest.json` for a directory.
    pub delivery_sha256: String,
    _extracted: Option<tempfile::TempDir>,
}

impl OpenedBatch {
    /// Absolute path of a manifest file.
    pub fn path_of(&self, file: &ManifestFile) -> PathBuf {
        self.root.join(&file.path)
    }
}

fn kind_of(path: &Path) -> Option<&'static str> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if name.ends_with(".zip") {
        Some("zip")
    } else if name.ends_with(".tar.gz") || name.ends_with(".tgz") {
        Some("tar.gz")
    } else {
        None
    }
}

fn sha256_file(path: &Path, max: u64) -> io::Result<(String, u64)> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        total += n as u64;
        if total > max {
            return Err(io::Error::new(
                io::ErrorKind::FileTooLarge,
                format!("larger than {max} bytes"),
            ));
        }
        hasher.update(&buf[..n]);
    }
    Ok((hex::encode(hasher.finalize()), total))
}

/// Copies at most `budget` bytes; fails with a limit message beyond.
fn copy_capped(
    reader: &mut dyn Read,
    writer: &mut dyn Write,
    budget: &mut u64,
) -> Result<(), OpenError> {
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = reader.read(&mut buf).map_err(|e| {
            OpenError::rejected(
                format!("archive cannot be read: {e}"),
                format!("压缩包无法读取：{e}"),
            )
        })?;
        if n == 0 {
            return Ok(());
        }
        if n as u64 > *budget {
            return Err(OpenError::rejected(
                "archive extracts to more than archive_bytes_max bytes",
                "压缩包解压后超过上限 archive_bytes_max",
            ));
        }
        *budget -= n as u64;
        writer.write_all(&buf[..n]).map_err(OpenError::Internal)?;
    }
}

fn safe_join(root: &Path, name: &Path) -> Option<PathBuf> {
    let mut out = root.to_path_buf();
    let mut any = false;
    for component in name.components() {
        match component {
            Component::Normal(part) => {
                out.push(part);
                any = true;
            }
            Component::CurDir => {}
            _ => return None,
        }
    }
    any.then_some(out)
}

fn extract_zip(archive: &Path, into: &Path, limits: &Limits) -> Result<(), OpenError> {
    let file = File::open(archive).map_err(OpenError::Internal)?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| {
        OpenError::rejected(
            format!("not a readable zip archive: {e}"),
            format!("不是可读的 zip 压缩包：{e}"),
        )
    })?;
    if zip.len() > limits.archive_entries_max {
        return Err(OpenError::rejected(
            format!(
                "zip has {} entries, limit archive_entries_max is {}",
                zip.len(),
                limits.archive_entries_max
            ),
            format!(
                "zip 有 {} 个条目，超过上限 archive_entries_max={}",
                zip.len(),
                limits.archive_entries_max
            ),
        ));
    }
    let mut budget = limits.archive_bytes_max;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| {
            OpenError::rejected(
                format!("zip entry {i} cannot be read: {e}"),
                format!("zip 第 {i} 个条目无法读取：{e}"),
            )
        })?;
        let name = entry
            .name()
            .map(|n| n.into_owned())
            .unwrap_or_else(|_| format!("#{i}"));
        if entry.is_symlink() {
            return Err(OpenError::rejected(
                format!("zip entry {name:?} is a link; links are not allowed"),
                format!("zip 条目 {name:?} 是链接，不允许"),
            ));
        }
        let target = entry
            .enclosed_name()
            .and_then(|p| safe_join(into, &p))
            .ok_or_else(|| {
                OpenError::rejected(
                    format!("zip entry {name:?} has an unsafe path"),
                    format!("zip 条目 {name:?} 的路径不安全"),
                )
            })?;
        if entry.is_dir() {
            fs::create_dir_all(&target).map_err(OpenError::Internal)?;
            continue;
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(OpenError::Internal)?;
        }
        let mut out = File::create(&target).map_err(OpenError::Internal)?;
        copy_capped(&mut entry, &mut out, &mut budget)?;
    }
    Ok(())
}

fn extract_tar_gz(archive: &Path, into: &Path, limits: &Limits) -> Result<(), OpenError> {
    let file = File::open(archive).map_err(OpenError::Internal)?;
    let mut tar = tar::Archive::new(flate2::read::MultiGzDecoder::new(io::BufReader::new(file)));
    let entries = tar.entries().map_err(|e| {
        OpenError::rejected(
            format!("not a readable tar.gz archive: {e}"),
            format!("不是可读的 tar.gz 压缩包：{e}"),
        )
    })?;
    let mut budget = limits.archive_bytes_max;
    for (count, entry) in entries.enumerate() {
        if count >= limits.archive_entries_max {
            return Err(OpenError::rejected(
                format!(
                    "tar.gz has more than archive_entries_max = {} entries",
                    limits.archive_entries_max
                ),
                format!(
                    "tar.gz 条目数超过上限 archive_entries_max={}",
                    limits.archive_entries_max
                ),
            ));
        }
        let mut entry = entry.map_err(|e| {
            OpenError::rejected(
                format!("tar.gz cannot be read: {e}"),
                format!("tar.gz 无法读取：{e}"),
            )
        })?;
        let name = entry
            .path()
            .map_err(|e| {
                OpenError::rejected(
                    format!("tar entry has a bad path: {e}"),
                    format!("tar 条目路径无效：{e}"),
                )
            })?
            .into_owned();
        let kind = entry.header().entry_type();
        if kind.is_symlink() || kind.is_hard_link() {
            return Err(OpenError::rejected(
                format!("tar entry {name:?} is a link; links are not allowed"),
                format!("tar 条目 {name:?} 是链接，不允许"),
            ));
        }
        if !(kind.is_file() || kind.is_dir()) {
            continue;
        }
        let target = safe_join(into, &name).ok_or_else(|| {
            OpenError::rejected(
                format!("tar entry {name:?} has an unsafe path"),
                format!("tar 条目 {name:?} 的路径不安全"),
            )
        })?;
        if kind.is_dir() {
            fs::create_dir_all(&target).map_err(OpenError::Internal)?;
            continue;
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(OpenError::Internal)?;
        }
        let mut out = File::create(&target).map_err(OpenError::Internal)?;
        copy_capped(&mut entry, &mut out, &mut budget)?;
    }
    Ok(())
}

/// Finds `manifest.json` at the root or inside a single top-level folder.
fn find_root(dir: &Path) -> Result<PathBuf, OpenError> {
    if dir.join("manifest.json").is_file() {
        return Ok(dir.to_path_buf());
    }
    let entries: Vec<_> = fs::read_dir(dir)
        .map_err(OpenError::Internal)?
        .filter_map(Result::ok)
        .collect();
    if let [only] = entries.as_slice() {
        let path = only.path();
        if path.is_dir() && path.join("manifest.json").is_file() {
            return Ok(path);
        }
    }
    Err(OpenError::rejected(
        "no manifest.json at the root or in a single top-level folder",
        "根目录或唯一顶层文件夹中没有 manifest.json",
    ))
}

fn list_files(
    root: &Path,
    prefix: &str,
    out: &mut Vec<String>,
    budget: &mut usize,
) -> io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(root)?.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if *budget == 0 {
            return Ok(());
        }
        *budget -= 1;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        let kind = entry.file_type()?;
        if kind.is_dir() {
            list_files(&entry.path(), &rel, out, budget)?;
        } else {
            out.push(rel);
        }
    }
    Ok(())
}

/// Opens a batch at `path` (directory or archive), extracting archives under `scratch`.
pub fn open_batch(path: &Path, scratch: &Path, limits: &Limits) -> Result<OpenedBatch, OpenError> {
    let meta = fs::metadata(path).map_err(|e| {
        OpenError::rejected(
            format!("{}: cannot be opened: {e}", path.display()),
            format!("{}：无法打开：{e}", path.display()),
        )
    })?;
    let (root, extracted, delivery_sha256) = if meta.is_dir() {
        (find_root(path)?, None, None)
    } else {
        let kind = kind_of(path).ok_or_else(|| {
            OpenError::rejected(
                format!(
                    "{}: a batch is a directory, a .zip or a .tar.gz",
                    path.display()
                ),
                format!("{}：批次须为目录、.zip 或 .tar.gz", path.display()),
            )
        })?;
        let (digest, _) = sha256_file(path, limits.file_bytes_max).map_err(|e| {
            OpenError::rejected(
                format!("{}: {e}", path.display()),
                format!("{}：{e}", path.display()),
            )
        })?;
        fs::create_dir_all(scratch).map_err(OpenError::Internal)?;
        let dir = tempfile::Builder::new()
            .prefix("extract-")
            .tempdir_in(scratch)
            .map_err(OpenError::Internal)?;
        match kind {
            "zip" => extract_zip(path, dir.path(), limits)?,
            _ => extract_tar_gz(path, dir.path(), limits)?,
        }
        (find_root(dir.path())?, Some(dir), Some(digest))
    };
    let manifest_path = root.join("manifest.json");
    let size = fs::metadata(&manifest_path)
        .map_err(OpenError::Internal)?
        .len();
    if size > limits.manifest_bytes_max {
        return Err(OpenError::rejected(
            format!(
                "manifest.json is {size} bytes, limit manifest_bytes_max is {}",
                limits.manifest_bytes_max
            ),
            format!(
                "manifest.json 为 {size} 字节，超过上限 manifest_bytes_max={}",
                limits.manifest_bytes_max
            ),
        ));
    }
    let bytes = fs::read(&manifest_path).map_err(OpenError::Internal)?;
    let manifest = parse_manifest(&bytes, limits.manifest_files_max)?;
    let delivery_sha256 = delivery_sha256.unwrap_or_else(|| hex::encode(Sha256::digest(&bytes)));
    let mut all = Vec::new();
    let mut budget = limits.archive_entries_max;
    list_files(&root, "", &mut all, &mut budget).map_err(OpenError::Internal)?;
    let unlisted = all
        .into_iter()
        .filter(|p| p != "manifest.json" && !manifest.files.iter().any(|f| &f.path == p))
        .collect();
    Ok(OpenedBatch {
        root,
        manifest,
        unlisted,
        delivery_sha256,
        _extracted: extracted,
    })
}

/// Checks that a listed file exists as a regular file within limits and has the declared digest.
pub fn verify_file(
    batch: &OpenedBatch,
    file: &ManifestFile,
    limits: &Limits,
) -> Result<(), FileRejection> {
    let path = batch.path_of(file);
    let p = &file.path;
    let meta = fs::symlink_metadata(&path).map_err(|_| {
        FileRejection::new(
            format!("{p}: listed in the manifest but not delivered"),
            format!("{p}：清单列出但未随批次提供"),
        )
    })?;
    if !meta.file_type().is_file() {
        return Err(FileRejection::new(
            format!("{p}: not a regular file"),
            format!("{p}：不是普通文件"),
        ));
    }
    if meta.len() > limits.file_bytes_max {
        return Err(FileRejection::new(
            format!(
                "{p}: {} bytes, limit file_bytes_max is {}",
                meta.len(),
                limits.file_bytes_max
            ),
            format!(
                "{p}：{} 字节，超过上限 file_bytes_max={}",
                meta.len(),
                limits.file_bytes_max
            ),
        ));
    }
    let (digest, _) = sha256_file(&path, limits.file_bytes_max).map_err(|e| {
        FileRejection::new(
            format!("{p}: cannot be read: {e}"),
            format!("{p}：无法读取：{e}"),
        )
    })?;
    if digest != file.sha256 {
        return Err(FileRejection::new(
            format!(
                "{p}: sha256 mismatch: manifest {}, file {digest}",
                file.sha256
            ),
            format!("{p}：sha256 不符：清单 {}，文件 {digest}", file.sha256),
        ));
    }
    Ok(())
}
