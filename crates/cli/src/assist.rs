//! `tianping cases assist …`: assistance requests (协查) between installations as signed packages
//! of their own kinds — send a request from a case, receive and answer one, record the answer.
//!
//! Every department printed is named next to its id, in the chosen language: our own units from
//! our registry, the other installation's from the names its letter carries (its registry's); a
//! unit neither holds is printed as given, marked as not in the registry.

use std::path::Path;
use std::process::ExitCode;

use tianping_cases::case::Action;
use tianping_service::assist::{self, AssistError};
use tianping_service::cases::Desk;
use tianping_service::evidence::EvidenceKey;
use tianping_service::{Home, transfer};
use tianping_store::Store;

use crate::cases::{Who, parse_key};
use crate::output::Lang;

/// `names（id，region）` in Chinese or `names (id, region)` in English; a unit without names is
/// marked as not in the registry.
fn unit_label(
    id: &str,
    names: Option<&assist::DepartmentNames>,
    region: &str,
    lang: Lang,
) -> String {
    match (names, lang) {
        (Some(n), Lang::Zh) => format!("{}（{id}，{region}）", n.zh),
        (Some(n), Lang::En) => format!("{} ({id}, {region})", n.en),
        (None, Lang::Zh) => format!("{id}（{region}，不在部门登记中）"),
        (None, Lang::En) => format!("{id} ({region}, not in the registry)"),
    }
}

/// The names our registry gives `department` (an id or Chinese name) when it holds it for a
/// region covering `region`: a 网监处 in another province is not ours.
async fn our_names(
    store: &dyn Store,
    department: &str,
    region: &str,
) -> anyhow::Result<Option<(String, assist::DepartmentNames)>> {
    let registry = tianping_service::departments::load(store).await?;
    let Ok(region) = tianping_auth::Adcode::parse(region.trim()) else {
        return Ok(None);
    };
    Ok(registry
        .resolve(department)
        .ok()
        .filter(|d| d.region.covers(&region))
        .map(|d| {
            (
                d.id.as_str().to_string(),
                assist::DepartmentNames {
                    zh: d.name_zh.clone(),
                    en: d.name_en.clone(),
                },
            )
        }))
}

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
    lang: Lang,
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
            let from = unit_label(
                &letter.from_department,
                letter.from_department_names.as_ref(),
                &letter.from_region,
                lang,
            );
            let to = match our_names(store, &letter.to_department, &letter.to_region).await? {
                Some((id, names)) => unit_label(&id, Some(&names), &letter.to_region, lang),
                None => unit_label(&letter.to_department, None, &letter.to_region, lang),
            };
            eprintln!(
                "协查请求已发出 assistance request #{} of {} from {from} to {to}: package {} ({} entries, head {}); our key {}",
                letter.request_seq,
                letter.case_id,
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
    lang: Lang,
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
            let from = unit_label(
                &letter.from_department,
                letter.from_department_names.as_ref(),
                &letter.from_region,
                lang,
            );
            eprintln!(
                "收到协查请求 assistance request from {from}, log {}, case {} #{}: {}",
                letter.from_log_id, letter.case_id, letter.request_seq, letter.request
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
    lang: Lang,
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
            let from = unit_label(
                &letter.from_department,
                letter.from_department_names.as_ref(),
                &letter.from_region,
                lang,
            );
            eprintln!(
                "协查答复已写出 reply from {from} to {} case {} #{}: {}; our key {}",
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
#[allow(clippy::too_many_arguments)]
pub async fn record_reply(
    home: &Home,
    store: &dyn Store,
    case_id: &str,
    package: &Path,
    key: &str,
    who: &Who,
    json: bool,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let Some(key) = parse_key(key) else {
        return usage("--key: the receiver's 32-byte Ed25519 public key in hex");
    };
    let (actor, at) = match who.resolve() {
        Ok(r) => r,
        Err(e) => return usage(&e),
    };
    let desk = Desk::embedded()?;
    let mut replier = None;
    let result = match transfer::read_package(package, &key) {
        Ok(p) => {
            // The letter receive_reply checks; its names are printed once it is accepted.
            replier = p
                .letter(assist::REPLY_MEDIA)
                .and_then(|b| serde_json::from_slice::<assist::ReplyLetter>(b).ok());
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
            let from = replier.as_ref().map_or_else(String::new, |l| {
                format!(
                    " from {}",
                    unit_label(
                        &l.from_department,
                        l.from_department_names.as_ref(),
                        &l.from_region,
                        lang,
                    )
                )
            });
            eprintln!("已记录协查答复 reply recorded on {}{from}", case.case_id);
            Ok(ExitCode::SUCCESS)
        }
        Err(code) => Ok(code),
    }
}
