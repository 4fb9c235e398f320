//! Verifies an evidence bundle offline and prints the report (Chinese and English).
//!
//! ```text
//! cargo run -p tianping-evidence --example verify -- BUNDLE_DIR [--key HEX_ED25519_PUBLIC_KEY]
//! ```
//!
//! Exit code 0 when every check passed, 1 when any failed, 2 on bad arguments.

use std::path::PathBuf;
use std::process::ExitCode;

use tianping_evidence::{PublicKey, SigAlg, VerifyOptions, verify_bundle_with};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut bundle = None;
    let mut options = VerifyOptions::default();
    while let Some(arg) = args.next() {
        if arg == "--key" {
            let key = args
                .next()
                .and_then(|hex_key| hex::decode(hex_key).ok())
                .and_then(|bytes| PublicKey::from_bytes(SigAlg::Ed25519, &bytes).ok());
            let Some(key) = key else {
                eprintln!("--key needs a 32-byte Ed25519 public key in hex");
                return ExitCode::from(2);
            };
            options.trusted_key = Some(key);
        } else {
            bundle = Some(PathBuf::from(arg));
        }
    }
    let Some(bundle) = bundle else {
        eprintln!("usage: verify BUNDLE_DIR [--key HEX_ED25519_PUBLIC_KEY]");
        return ExitCode::from(2);
    };
    let report = verify_bundle_with(&bundle, &options);
    print!("{report}");
    if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
