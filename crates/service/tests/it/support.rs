//! Test support: batches written on the fly with correct (or deliberately wrong) manifests, and a
//! fresh home with an embedded store.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};
use tianping_ingest::{Limits, Receipt};
use tianping_service::{Home, Ingestor, SilentProgress, open_store};
use tianping_store::Store;

pub const RECEIVED_AT: &str = "2026-03-02T02:00:00.000+08:00";

pub fn pid(label: &str) -> String {
    hex::encode(Sha256::digest(label.as_bytes()))
}

/// One file of a batch under construction.
pub struct FileSpec {
    pub table: String,
    pub path: String,
    pub format: String,
    pub bytes: Vec<u8>,
    /// Rows to declare (default: what the test says).
    pub rows: u64,
    /// Digest to declare instead of the real one.
    pub sha256_override: Option<String>,
    /// Write the manifest entry but not the file.
    pub omit: bool,
}

pub struct BatchSpec {
    pub supplier: String,
    pub batch_id: String,
    pub files: Vec<FileSpec>,
    pub manifest_override: Option<Vec<u8>>,
}

impl BatchSpec {
    pub fn new(supplier: &str, batch_id: &str) -> BatchSpec {
        BatchSpec {
            supplier: supplier.into(),
            batch_id: batch_id.into(),
            files: Vec::new(),
            manifest_override: None,
        }
    }

    pub fn file(
        mut self,
        table: &str,
        path: &str,
        format: &str,
        bytes: Vec<u8>,
        rows: u64,
    ) -> BatchSpec {
        self.files.push(FileSpec {
            table: table.into(),
            path: path.into(),
            format: format.into(),
            bytes,
            rows,
            sha256_override: None,
            omit: false,
        });
        self
    }

    pub fn manifest_json(&self) -> serde_json::Value {
        let files: Vec<serde_json::Value> = self
            .files
            .iter()
            .map(|f| {
                let digest = f.sha256_override.clone().unwrap_or_else(|| hex::encode(Sha256::digest(&f.bytes)));
                serde_json::json!({"table": f.table, "path": f.path, "format": f.format, "rows": f.rows, "sha256": digest})
            })
            .collect();
        serde_json::json!({
            "standard": "1", "batch_id": self.batch_id, "supplier": self.supplier,
            "generated_at": "2026-03-02T01:00:00+08:00",
            "period": {"from": "2026-03-01T00:00:00+08:00", "to": "2026-03-02T00:00:00+08:00"},
            "files": files,
        })
    }

    /// Writes the batch as a directory under `parent`.
    pub fn write_dir(&self, parent: &Path) -> PathBuf {
        let dir = parent.join(format!("{}-{}", self.supplier, self.batch_id));
        fs::create_dir_all(&dir).unwrap();
        for f in &self.files {
            if f.omit {
                continue;
            }
            let path = dir.join(&f.path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, &f.bytes).unwrap();
        }
        let manifest = self
            .manifest_override
            .clone()
            .unwrap_or_else(|| serde_json::to_vec_pretty(&self.manifest_json()).unwrap());
        fs::write(dir.join("manifest.json"), manifest).unwrap();
        dir
    }

    /// Writes the batch as a `.zip` whose entries sit in one top-level folder.
    pub fn write_zip(&self, parent: &Path) -> PathBuf {
        let path = parent.join(format!("{}-{}.zip", self.supplier, self.batch_id));
        let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
        let options = zip::write::SimpleFileOptions::default();
        let top = "delivery/";
        zip.start_file(format!("{top}manifest.json"), options)
            .unwrap();
        zip.write_all(&serde_json::to_vec(&self.manifest_json()).unwrap())
            .unwrap();
        for f in &self.files {
            zip.start_file(format!("{top}{}", f.path), options).unwrap();
            zip.write_all(&f.bytes).unwrap();
        }
        zip.finish().unwrap();
        path
    }

    /// Writes the batch as a `.tar.gz` with the manifest at the root.
    pub fn write_tar_gz(&self, parent: &Path) -> PathBuf {
        let path = parent.join(format!("{}-{}.tar.gz", self.supplier, self.batch_id));
        let gz = flate2::write::GzEncoder::new(
            fs::File::create(&path).unwrap(),
            flate2::Compression::fast(),
        );
        let mut tar = tar::Builder::new(gz);
        let mut add = |name: &str, bytes: &[u8]| {
            let mut header = tar::Header::new_gnu();
            header.set_size(bytes.len() as u64);
            header.set_mode(0o644);
            header.set_cksum();
            tar.append_data(&mut header, name, bytes).unwrap();
        };
        add(
            "manifest.json",
            &serde_json::to_vec(&self.manifest_json()).unwrap(),
        );
        for f in &self.files {
            add(&f.path, &f.bytes);
        }
        tar.into_inner().unwrap().finish().unwrap();
        path
    }
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// A fresh home with the embedded store.
pub struct World {
    pub dir: tempfile::TempDir,
    pub home: Home,
    pub store: Arc<dyn Store>,
    pub ingestor: Ingestor,
}

impl World {
    pub async fn new() -> World {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::open(&dir.path().join("home")).unwrap();
        let store = open_store(&home, None).await.unwrap();
        let ingestor = Ingestor::new(home.clone(), store.clone(), Limits::standard());
        World {
            dir,
            home,
            store,
            ingestor,
        }
    }

    pub async fn with_limits(limits: Limits) -> World {
        let mut world = World::new().await;
        world.ingestor = Ingestor::new(world.home.clone(), world.store.clone(), limits);
        world
    }

    pub async fn ingest(&self, path: &Path) -> Receipt {
        self.ingestor
            .ingest(path, RECEIVED_AT, &SilentProgress)
            .await
            .unwrap()
    }

    pub async fn ingest_spec(&self, spec: &BatchSpec) -> Receipt {
        let dir = spec.write_dir(self.dir.path());
        self.ingest(&dir).await
    }

    /// Parquet parts currently in the lake (files on disk).
    pub fn parts_on_disk(&self) -> Vec<PathBuf> {
        fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
            if let Ok(entries) = fs::read_dir(dir) {
                for e in entries.flatten() {
                    let p = e.path();
                    if p.is_dir() {
                        walk(&p, out)
                    } else {
                        out.push(p)
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.home.lake(), &mut out);
        out.sort();
        out
    }

    /// Rows in the lake parts the store lists for a table (read back with the parquet crate).
    pub async fn lake_rows(&self, table: &str) -> u64 {
        let files = self.store.lake_files(Some(table)).await.unwrap();
        let mut n = 0;
        for f in files {
            let file = fs::File::open(self.home.lake().join(&f.path)).unwrap();
            let reader =
                parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
                    .unwrap()
                    .build()
                    .unwrap();
            for batch in reader {
                n += batch.unwrap().num_rows() as u64;
            }
        }
        n
    }
}

/// CSV text from a header and rows (cells written as given: the test controls quoting).
pub fn csv_text(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = header.join(",");
    out.push('\n');
    for row in rows {
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out.into_bytes()
}

pub const ORDER_HEADER: &[&str] = &[
    "platform_id",
    "order_id",
    "merchant_id",
    "listing_id",
    "buyer_pid",
    "quantity",
    "unit_price_fen",
    "paid_fen",
    "ordered_at",
    "paid_at",
    "ship_address_pid",
    "ship_adcode",
    "device_pid",
    "ip_pid",
    "logistics_no",
    "parcel_weight_g",
    "signed_at",
    "status",
    "return_requested_at",
    "return_reason",
    "return_outcome",
    "refunded_at",
    "invoice_requested",
    "invoice_issued",
];

/// A valid `orders` row for platform `tmall`.
pub fn order_row(i: usize) -> Vec<String> {
    vec![
        "tmall".into(),
        format!("o{i}"),
        "m1".into(),
        "l1".into(),
        pid(&format!("buyer{i}")),
        "1".into(),
        "1990".into(),
        "1990".into(),
        "2026-03-01T10:00:00+08:00".into(),
        "2026-03-01T10:01:00+08:00".into(),
        pid("addr"),
        "330106".into(),
        pid("dev"),
        pid("ip"),
        "SF1".into(),
        "500".into(),
        String::new(),
        "shipped".into(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        "false".into(),
        "false".into(),
    ]
}

pub fn set(mut row: Vec<String>, field: &str, value: &str) -> Vec<String> {
    let idx = ORDER_HEADER.iter().position(|f| *f == field).unwrap();
    row[idx] = value.into();
    row
}
