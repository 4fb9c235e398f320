//! `tianping cases assist …`: assistance requests (协查) between installations as signed packages
//! of their own kinds — send a request from a case, receive and answer one, record the answer.

use std::path::Path;
use std::process::ExitCode;

use tianping_cases::case::Action;
use tianping_service::assist::{self, AssistError};
use tianping_service::cases::Desk;
use tianping_service::evidence::EvidenceKey;
use tianping_service::{Home, transfer};
use tianping_store::Store;

use crate::cases::{Who, parse_key};

fn usage(message: &str) -> anyhow::Result<ExitCode> {
    eprintln!("错误 error: {message}");
    Ok(ExitCode::from(2))
}

fn refused<T>(result: Result<T, AssistError>) -> anyhow::Result<Result<T, ExitCode>> {
    match result {
        Ok(v) => Ok(Ok(v)),
        Err(e) if e.is_user_error() => {
            eprintln!("拒绝 refused: {e}");
            Ok(Err(ExitCode::from(1)))
        }
        Err(e) => Err(e.into()),
    }
}

fn alg_of(alg: &str) -> Option<tianping_evidence::HashAlg> {
    tianping_evidence::HashAlg::from_name(alg)
}

/// `cases assist CASE`: records the request on the case and writes its package to `out`.
#[allow(clippy::too_many_arguments)]
pub async fn request(
    home: &Home,
    store: &dyn Store,
    case_id: &str,
    to_department: &str,
    to_region: &str,
    text: &str,
    alg: &str,
    out: &Path,
    who: &Who,
) -> anyhow::Result<ExitCode> {
    let Some(alg) = alg_of(alg) else {
        return usage(&format!("--alg {alg:?}: sha256 or sm3"));
    };
    let (actor, at) = match who.resolve() {
        Ok(r) => r,
        Err(e) => return usage(&e),
    };
    let desk = Desk::embedded()?;
    let asked = desk
        .act(
            store,
            case_id,
            &actor,
            Action::RequestAssistance {
                to_department: to_department.to_string(),
                to_region: to_region.to_string(),
                request: text.to_string(),
            },
            &who.reason,
            at,
        )
        .await;
    let case = match asked {
        Ok(c) => c,
        Err(e) if e.is_user_error() => {
            eprintln!("拒绝 refused: {e}");
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.into()),
    };
    let seq = case.seq;
    let key = EvidenceKey::load_or_create(home)?;
    let exported = assist::export_request(&desk, store, &key, alg, case_id, seq, at, out).await;
    match refused(exported)? {
        Ok((letter, manifest)) => {
            eprintln!(
                "协查请求已发出 assistance request #{} of {} to {} {}: package {} ({} entries, head {}); our key {}",
                letter.request_seq,
                letter.case_id,
                letter.to_department,
                letter.to_region,
                out.display(),
                manifest.entries.len(),
                manifest.signed_head.tree_size,
                hex::encode(key.public_key().to_bytes())
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(code) => Ok(code),
    }
}

/// `cases assist-receive PACKAGE --key SENDER_KEY`: verifies, keeps and logs a request; prints it.
pub async fn receive(
    home: &Home,
    store: &dyn Store,
    package: &Path,
    key: &str,
    who: &Who,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let Some(key) = parse_key(key) else {
        return usage("--key: the sender's 32-byte Ed25519 public key in hex");
    };
    let (actor, at) = match who.resolve() {
        Ok(r) => r,
        Err(e) => return usage(&e),
    };
    let result = match transfer::read_package(package, &key) {
        Ok(p) => {
            assist::receive_request(store, &p, &home.root().join("received"), &actor.id, at).await
        }
        Err(e) => Err(e.into()),
    };
    match refused(result)? {
        Ok(letter) => {
            if json {
                println!("{}", serde_json::to_string(&letter)?);
            }
            eprintln!(
                "收到协查请求 assistance request from {}（{} {}）case {} #{}: {}",
                letter.from_log_id,
                letter.from_department,
                letter.from_region,
                letter.case_id,
                letter.request_seq,
                letter.request
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(code) => Ok(code),
    }
}

/// `cases assist-answer PACKAGE --key SENDER_KEY --reply TEXT --out DIR`: the reply package.
#[allow(clippy::too_many_arguments)]
pub async fn answer(
    home: &Home,
    store: &dyn Store,
    package: &Path,
    key: &str,
    department: &str,
    region: &str,
    reply: &str,
    alg: &str,
    out: &Path,
    who: &Who,
) -> anyhow::Result<ExitCode> {
    let Some(key) = parse_key(key) else {
        return usage("--key: the sender's 32-byte Ed25519 public key in hex");
    };
    let Some(alg) = alg_of(alg) else {
        return usage(&format!("--alg {alg:?}: sha256 or sm3"));
    };
    let (actor, at) = match who.resolve() {
        Ok(r) => r,
        Err(e) => return usage(&e),
    };
    let our_key = EvidenceKey::load_or_create(home)?;
    let result = match transfer::read_package(package, &key) {
        Ok(p) => {
            assist::export_reply(
                store, &our_key, alg, &p, department, region, reply, &actor.id, at, out,
            )
            .await
        }
        Err(e) => Err(e.into()),
    };
    match refused(result)? {
        Ok((letter, _)) => {
            eprintln!(
                "协查答复已写出 reply to {} case {} #{}: {}; our key {}",
                letter.to_log_id,
                letter.case_id,
                letter.request_seq,
                out.display(),
                hex::encode(our_key.public_key().to_bytes())
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(code) => Ok(code),
    }
}

/// `cases assist-reply CASE --from PACKAGE --key RECEIVER_KEY`: records the answer on the case.
pub async fn record_reply(
    home: &Home,
    store: &dyn Store,
    case_id: &str,
    package: &Path,
    key: &str,
    who: &Who,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let Some(key) = parse_key(key) else {
        return usage("--key: the receiver's 32-byte Ed25519 public key in hex");
    };
    let (actor, at) = match who.resolve() {
        Ok(r) => r,
        Err(e) => return usage(&e),
    };
    let desk = Desk::embedded()?;
    let result = match transfer::read_package(package, &key) {
        Ok(p) => {
            assist::receive_reply(
                &desk,
                store,
                case_id,
                &p,
                &home.root().join("received"),
                &actor,
                &who.reason,
                at,
            )
            .await
        }
        Err(e) => Err(e.into()),
    };
    match refused(result)? {
        Ok(case) => {
            if json {
                println!("{}", serde_json::to_string(&case)?);
            }
            eprintln!("已记录协查答复 reply recorded on {}", case.case_id);
            Ok(ExitCode::SUCCESS)
        }
        Err(code) => Ok(code),
    }
}
