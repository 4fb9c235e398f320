//! Within-batch key uniqueness in memory that does not grow with the file.
//!
//! Before a keyed file is validated, a pre-pass reads only its key fields and spills one
//! `(fingerprint, record)` pair (16 bytes) per record to sorted runs on disk (at most
//! [`RUN_PAIRS`] pairs in memory). Merging the runs finds every record whose key fingerprint
//! repeats an earlier record's; those record numbers are sorted the same way, and the main pass
//! reads them back in order as it meets the records. Memory is bounded by one run; disk use is 16
//! bytes per record while the file is read. The fingerprint is 64-bit SipHash of the key texts: the
//! chance that two different keys collide in a file of 50 million rows is about 7 in 100,000.
//!
//! A record counts as a duplicate when an earlier record of the same file has the same key texts,
//! whatever else is wrong with either; records whose key cannot be read (bad JSON, wrong field
//! count, missing key) do not take part.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::hash::{Hash, Hasher};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::Path;

use tianping_domain::schema::TableDef;

use crate::limits::Limits;
use crate::manifest::{Format, ManifestFile};
use crate::read::{ReadError, open_stream};

/// Pairs held in memory before a sorted run is written (64 MiB).
pub const RUN_PAIRS: usize = 4 << 20;

/// Sorts `(u64, u64)` pairs with bounded memory.
struct Spill<'a> {
    scratch: &'a Path,
    buffer: Vec<(u64, u64)>,
    runs: Vec<File>,
}

impl<'a> Spill<'a> {
    fn new(scratch: &'a Path) -> Spill<'a> {
        Spill {
            scratch,
            buffer: Vec::new(),
            runs: Vec::new(),
        }
    }

    fn push(&mut self, pair: (u64, u64)) -> io::Result<()> {
        self.buffer.push(pair);
        if self.buffer.len() >= RUN_PAIRS {
            self.write_run()?;
        }
        Ok(())
    }

    fn write_run(&mut self) -> io::Result<()> {
        self.buffer.sort_unstable();
        let file = tempfile::tempfile_in(self.scratch)?;
        let mut out = BufWriter::with_capacity(1 << 20, file);
        for (a, b) in self.buffer.drain(..) {
            out.write_all(&a.to_le_bytes())?;
            out.write_all(&b.to_le_bytes())?;
        }
        let mut file = out.into_inner().map_err(|e| e.into_error())?;
        io::Seek::rewind(&mut file)?;
        self.runs.push(file);
        Ok(())
    }

    /// The pairs in ascending order.
    fn finish(mut self) -> io::Result<Merged> {
        if self.runs.is_empty() {
            self.buffer.sort_unstable();
            return Ok(Merged::Memory(std::mem::take(&mut self.buffer).into_iter()));
        }
        if !self.buffer.is_empty() {
            self.write_run()?;
        }
        let mut readers: Vec<BufReader<File>> = self
            .runs
            .into_iter()
            .map(|f| BufReader::with_capacity(256 * 1024, f))
            .collect();
        let mut heap = BinaryHeap::new();
        for (i, r) in readers.iter_mut().enumerate() {
            if let Some(pair) = read_pair(r)? {
                heap.push(Reverse((pair, i)));
            }
        }
        Ok(Merged::Runs { readers, heap })
    }
}

fn read_pair(r: &mut BufReader<File>) -> io::Result<Option<(u64, u64)>> {
    let mut bytes = [0u8; 16];
    match r.read_exact(&mut bytes) {
        Ok(()) => {
            let mut a = [0u8; 8];
            let mut b = [0u8; 8];
            a.copy_from_slice(&bytes[..8]);
            b.copy_from_slice(&bytes[8..]);
            Ok(Some((u64::from_le_bytes(a), u64::from_le_bytes(b))))
        }
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(None),
        Err(e) => Err(e),
    }
}

/// Sorted pairs, from memory or merged from runs on disk.
enum Merged {
    Memory(std::vec::IntoIter<(u64, u64)>),
    Runs {
        readers: Vec<BufReader<File>>,
        heap: BinaryHeap<Reverse<((u64, u64), usize)>>,
    },
}

impl Merged {
    fn next_pair(&mut self) -> io::Result<Option<(u64, u64)>> {
        match self {
            Merged::Memory(it) => Ok(it.next()),
            Merged::Runs { readers, heap } => {
                let Some(Reverse((pair, i))) = heap.pop() else {
                    return Ok(None);
                };
                if let Some(next) = read_pair(&mut readers[i])? {
                    heap.push(Reverse((next, i)));
                }
                Ok(Some(pair))
            }
        }
    }
}

/// The records of a file whose key repeats an earlier record's, read back in ascending order.
pub struct Duplicates {
    source: Option<Merged>,
    next: Option<u64>,
}

impl Duplicates {
    /// No duplicates (unkeyed tables, and callers that checked nothing).
    pub fn none() -> Duplicates {
        Duplicates {
            source: None,
            next: None,
        }
    }

    /// From a list of record numbers (tests).
    pub fn from_records(mut records: Vec<u64>) -> Duplicates {
        records.sort_unstable();
        records.dedup();
        let mut d = Duplicates {
            source: Some(Merged::Memory(
                records
                    .into_iter()
                    .map(|r| (r, 0))
                    .collect::<Vec<_>>()
                    .into_iter(),
            )),
            next: None,
        };
        d.advance();
        d
    }

    fn advance(&mut self) {
        self.next = self
            .source
            .as_mut()
            .and_then(|s| s.next_pair().ok().flatten())
            .map(|(r, _)| r);
    }

    /// Whether `record` is a duplicate; must be asked in ascending record order.
    pub fn contains(&mut self, record: u64) -> bool {
        while let Some(next) = self.next {
            if next > record {
                return false;
            }
            self.advance();
            if next == record {
                return true;
            }
        }
        false
    }
}

/// The fingerprint of a key.
pub fn fingerprint(texts: &[&str]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for t in texts {
        t.hash(&mut h);
    }
    h.finish()
}

/// Runs the pre-pass over a delivered file of a keyed table. Unkeyed tables give
/// [`Duplicates::none`] without reading.
pub fn find_duplicates(
    path: &Path,
    file: &ManifestFile,
    table: &'static TableDef,
    limits: &Limits,
    scratch_dir: &Path,
) -> Result<Duplicates, ReadError> {
    if table.key.is_empty() {
        return Ok(Duplicates::none());
    }
    let mut spill = Spill::new(scratch_dir);
    let mut failure: Option<io::Error> = None;
    let mut push = |record: u64, texts: &[&str]| {
        if failure.is_none()
            && let Err(e) = spill.push((fingerprint(texts), record))
        {
            failure = Some(e);
        }
    };
    match file.format {
        Format::Csv => {
            let mut stream = open_stream(path, file, limits)?;
            crate::read::csv::for_each_key(&mut *stream, &file.path, table, limits, &mut push)?;
        }
        Format::Jsonl => {
            let mut stream = open_stream(path, file, limits)?;
            crate::read::jsonl::for_each_key(&mut *stream, &file.path, table, limits, &mut push)?;
        }
        #[cfg(feature = "parquet")]
        Format::Parquet => {
            crate::read::parquet::for_each_key(path, file, table, limits, scratch_dir, &mut push)?
        }
        #[cfg(not(feature = "parquet"))]
        Format::Parquet => return Ok(Duplicates::none()),
    }
    if let Some(e) = failure {
        return Err(ReadError::Internal(e));
    }
    let mut merged = spill.finish().map_err(ReadError::Internal)?;
    let mut duplicates = Spill::new(scratch_dir);
    let mut previous: Option<u64> = None;
    while let Some((fp, record)) = merged.next_pair().map_err(ReadError::Internal)? {
        if previous == Some(fp) {
            duplicates.push((record, 0)).map_err(ReadError::Internal)?;
        }
        previous = Some(fp);
    }
    let mut d = Duplicates {
        source: Some(duplicates.finish().map_err(ReadError::Internal)?),
        next: None,
    };
    d.advance();
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_answered_in_order() {
        let mut d = Duplicates::from_records(vec![7, 3, 3, 10]);
        let hits: Vec<u64> = (1..=12).filter(|r| d.contains(*r)).collect();
        assert_eq!(hits, vec![3, 7, 10]);
        assert!(!Duplicates::none().contains(1));
    }

    #[test]
    fn spilled_runs_merge_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::new(dir.path());
        // Enough pairs for several runs would take 64 MiB each; write runs by hand instead.
        for chunk in [[5u64, 1, 9], [2, 8, 3], [7, 4, 6]] {
            for v in chunk {
                spill.push((v, v * 10)).unwrap();
            }
            spill.write_run().unwrap();
        }
        let mut merged = spill.finish().unwrap();
        let mut out = Vec::new();
        while let Some(p) = merged.next_pair().unwrap() {
            out.push(p.0);
        }
        assert_eq!(out, (1..=9).collect::<Vec<_>>());
    }
}
