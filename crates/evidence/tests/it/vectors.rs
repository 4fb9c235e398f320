//! Every inclusion and consistency vector in `shared/data/rfc6962-merkle-vectors` (transparency-dev
//! /merkle, Apache-2.0) and the SM3 vectors in `shared/data/sm3-vectors`.

use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde_json::Value;
use tianping_evidence::proof::{verify_consistency_raw, verify_inclusion_raw};
use tianping_evidence::{HashAlg, Log, MemoryStore};

fn shared_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    out.sort();
}

fn b64(v: &Value) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(v.as_str().unwrap())
        .unwrap()
}

/// A list of base64 hashes; `null` (as Go writes an empty slice) is the empty list.
fn b64_list(v: &Value) -> Vec<Vec<u8>> {
    if v.is_null() {
        return Vec::new();
    }
    v.as_array().unwrap().iter().map(b64).collect()
}

fn load(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The classic CT test leaves the vectors are built from.
fn ct_leaves() -> Vec<Vec<u8>> {
    [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ]
    .iter()
    .map(|h| hex::decode(h).unwrap())
    .collect()
}

#[test]
fn rfc6962_inclusion_vectors() {
    let mut files = Vec::new();
    json_files(
        &shared_data().join("rfc6962-merkle-vectors/testdata/inclusion"),
        &mut files,
    );
    assert!(
        files.len() > 80,
        "found only {} inclusion vectors",
        files.len()
    );
    let (mut accepted, mut rejected) = (0, 0);
    for path in &files {
        let v = load(path);
        let proof = b64_list(&v["proof"]);
        let proof: Vec<&[u8]> = proof.iter().map(Vec::as_slice).collect();
        let res = verify_inclusion_raw(
            HashAlg::Sha256,
            v["leafIdx"].as_u64().unwrap(),
            v["treeSize"].as_u64().unwrap(),
            &b64(&v["leafHash"]),
            &proof,
            &b64(&v["root"]),
        );
        let want_err = v["wantErr"].as_bool().unwrap();
        assert_eq!(res.is_err(), want_err, "{}: {res:?}", path.display());
        if want_err {
            rejected += 1
        } else {
            accepted += 1
        }
    }
    assert!(
        accepted > 0 && rejected > accepted,
        "{accepted} accepted, {rejected} rejected"
    );
}

#[test]
fn rfc6962_consistency_vectors() {
    let mut files = Vec::new();
    json_files(
        &shared_data().join("rfc6962-merkle-vectors/testdata/consistency"),
        &mut files,
    );
    assert!(
        files.len() > 80,
        "found only {} consistency vectors",
        files.len()
    );
    for path in &files {
        let v = load(path);
        let proof = b64_list(&v["proof"]);
        let proof: Vec<&[u8]> = proof.iter().map(Vec::as_slice).collect();
        let res = verify_consistency_raw(
            HashAlg::Sha256,
            v["size1"].as_u64().unwrap(),
            v["size2"].as_u64().unwrap(),
            &proof,
            &b64(&v["root1"]),
            &b64(&v["root2"]),
        );
        assert_eq!(
            res.is_err(),
            v["wantErr"].as_bool().unwrap(),
            "{}: {res:?}",
            path.display()
        );
    }
}

/// The log built from the CT leaves produces exactly the roots and proofs of every happy-path
/// vector (the vectors only say what to accept; this says the log generates the same bytes).
#[test]
fn log_generates_the_vector_roots_and_proofs() {
    let mut log = Log::open(HashAlg::Sha256, MemoryStore::new()).unwrap();
    for leaf in ct_leaves() {
        log.append_leaf_data(&leaf).unwrap();
    }
    assert_eq!(
        log.root().to_hex(),
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    );
    let mut files = Vec::new();
    json_files(
        &shared_data().join("rfc6962-merkle-vectors/testdata"),
        &mut files,
    );
    let mut checked = 0;
    for path in files.iter().filter(|p| p.ends_with("happy-path.json")) {
        let v = load(path);
        let kind = path
            .components()
            .rev()
            .nth(2)
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap();
        let want: Vec<String> = b64_list(&v["proof"]).iter().map(hex::encode).collect();
        match kind {
            "inclusion" => {
                let size = v["treeSize"].as_u64().unwrap();
                let index = v["leafIdx"].as_u64().unwrap();
                assert_eq!(
                    log.root_at(size).unwrap().0.to_vec(),
                    b64(&v["root"]),
                    "{}",
                    path.display()
                );
                assert_eq!(
                    log.store_leaf_hash(index),
                    b64(&v["leafHash"]),
                    "{}",
                    path.display()
                );
                let got = log.inclusion_proof(index, size).unwrap();
                let got: Vec<String> = got.path.iter().map(|h| h.to_hex()).collect();
                assert_eq!(got, want, "{}", path.display());
            }
            "consistency" => {
                let (size1, size2) = (v["size1"].as_u64().unwrap(), v["size2"].as_u64().unwrap());
                assert_eq!(log.root_at(size1).unwrap().0.to_vec(), b64(&v["root1"]));
                assert_eq!(log.root_at(size2).unwrap().0.to_vec(), b64(&v["root2"]));
                let got = log.consistency_proof(size1, size2).unwrap();
                let got: Vec<String> = got.path.iter().map(|h| h.to_hex()).collect();
                assert_eq!(got, want, "{}", path.display());
            }
            _ => continue,
        }
        checked += 1;
    }
    assert!(checked >= 8, "checked {checked} happy paths");
}

trait LeafHashAt {
    fn store_leaf_hash(&self, index: u64) -> Vec<u8>;
}

impl LeafHashAt for Log<MemoryStore> {
    fn store_leaf_hash(&self, index: u64) -> Vec<u8> {
        use tianping_evidence::LeafStore as _;
        self.store().leaf_hash_at(index).unwrap().0.to_vec()
    }
}

#[test]
fn sm3_message_vectors() {
    let v = load(&shared_data().join("sm3-vectors/sm3_vectors.json"));
    let vectors = v["vectors"].as_array().unwrap();
    assert_eq!(vectors.len(), 5);
    for vector in vectors {
        let message = match vector["message_hex"].as_str() {
            Some(h) => hex::decode(h).unwrap(),
            None => {
                let rep = &vector["message_repeat"];
                let byte = hex::decode(rep["byte"].as_str().unwrap()).unwrap()[0];
                vec![byte; rep["count"].as_u64().unwrap() as usize]
            }
        };
        assert_eq!(
            HashAlg::Sm3.digest(&message).to_hex(),
            vector["sm3"].as_str().unwrap(),
            "{}",
            vector["name"]
        );
    }
}

#[test]
fn sm3_merkle_vectors() {
    let v = &load(&shared_data().join("sm3-vectors/sm3_vectors.json"))["merkle_rfc6962_structure_with_sm3"];
    let leaves: Vec<Vec<u8>> = v["leaves_hex"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| hex::decode(h.as_str().unwrap()).unwrap())
        .collect();
    let mut log = Log::open(HashAlg::Sm3, MemoryStore::new()).unwrap();
    for (leaf, want) in leaves.iter().zip(v["leaf_hashes"].as_array().unwrap()) {
        assert_eq!(
            HashAlg::Sm3.leaf_hash(leaf).to_hex(),
            want.as_str().unwrap()
        );
        log.append_leaf_data(leaf).unwrap();
    }
    let roots = v["roots_by_tree_size"].as_object().unwrap();
    assert_eq!(roots.len(), 9);
    for (size, root) in roots {
        assert_eq!(
            log.root_at(size.parse().unwrap()).unwrap().to_hex(),
            root.as_str().unwrap(),
            "size {size}"
        );
    }
    let proofs = v["inclusion_proofs_tree_size_8"].as_object().unwrap();
    assert_eq!(proofs.len(), 8);
    let root8 = log.root();
    for (index, want) in proofs {
        let index: u64 = index.parse().unwrap();
        let proof = log.inclusion_proof(index, 8).unwrap();
        let got: Vec<String> = proof.path.iter().map(|h| h.to_hex()).collect();
        let want: Vec<&str> = want
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h.as_str().unwrap())
            .collect();
        assert_eq!(got, want, "leaf {index}");
        let leaf = HashAlg::Sm3.leaf_hash(&leaves[index as usize]);
        tianping_evidence::proof::verify_inclusion(HashAlg::Sm3, &proof, &leaf, &root8).unwrap();
    }
}
