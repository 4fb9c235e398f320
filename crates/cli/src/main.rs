//! `tianping`: the command line of the platform-economy supervision system.
//!
//! Exit codes: 0 success; 1 a batch or file was rejected whole (ingest) or a query failed
//! (sql); 2 usage error; 3 an internal failure (the store, the disk), after which nothing partial
//! is visible and the command can be re-run.

mod assist;
mod audit;
mod calendar;
mod cases;
#[cfg(feature = "sql")]
mod cluster;
#[cfg(feature = "sql")]
mod credit;
#[cfg(feature = "sql")]
mod credit_facts;
mod departments;
mod evidence;
mod migrate;
mod notices;
mod output;
mod rules;
mod serve;
mod tools;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tianping_ingest::{BatchStatus, Limits};
use tianping_service::{Home, Ingestor, clock, open_store};

use crate::output::{Lang, ProgressBars};

/// 天平 Tianping — 平台经济监管系统 / platform-economy supervision.
#[derive(Parser, Debug)]
#[command(name = "tianping", version, about, long_about = None)]
struct Cli {
    /// Home directory (data and embedded store).
    #[arg(
        long,
        global = true,
        env = "TIANPING_HOME",
        default_value = "./tianping-home"
    )]
    home: PathBuf,
    /// Database URL: postgres://… for PostgreSQL; default the embedded SQLite store in the home.
    #[arg(
        long,
        global = true,
        env = "TIANPING_DATABASE_URL",
        hide_env_values = true
    )]
    database_url: Option<String>,
    /// Machine-readable JSON on stdout.
    #[arg(long, global = true)]
    json: bool,
    /// Language of human-readable output.
    #[arg(
        long,
        global = true,
        env = "TIANPING_LANG",
        value_enum,
        default_value = "zh"
    )]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum EvidenceCommand {
    /// Verify an evidence bundle offline: every file re-hashed, every inclusion proof against the
    /// signed tree head, the head's signature; exit 0 when all hold, 1 otherwise.
    Verify {
        /// The bundle directory.
        bundle: PathBuf,
        /// The log's Ed25519 public key (hex) to trust; without it the key in the bundle is used
        /// and the report says so.
        #[arg(long)]
        key: Option<String>,
        /// Files of earlier signed heads (as `evidence head` prints them, one a line) the
        /// bundle's head must be consistent with.
        #[arg(long = "earlier")]
        earlier: Vec<PathBuf>,
    },
    /// Sign (when the log grew) and print the current tree heads, one JSON object a line: the
    /// form to publish or hand to a witness.
    Head {
        /// `sha256`, `sm3` or `both`.
        #[arg(long, default_value = "both")]
        alg: String,
    },
    /// Check the stored log: every leaf re-hashed (SHA-256 and SM3) and decoded, every recorded
    /// head and every given published head reproduced; exit 0 when all hold, 1 otherwise.
    Check {
        /// Files of published heads (as `evidence head` prints them).
        #[arg(long = "head")]
        heads: Vec<PathBuf>,
    },
    /// Export an evidence bundle (for a court, the merchant or another installation).
    Export {
        /// Finding ids (the finding's canonical JSON goes in as content).
        #[arg(long = "finding")]
        findings: Vec<String>,
        /// Batches, as SUPPLIER/BATCH_ID.
        #[arg(long = "batch")]
        batches: Vec<String>,
        /// Detection run ids.
        #[arg(long = "run")]
        runs: Vec<String>,
        /// Bundle title.
        #[arg(long)]
        title: Option<String>,
        /// `sha256` or `sm3`.
        #[arg(long, default_value = "sha256")]
        alg: String,
        /// The new bundle directory.
        #[arg(long)]
        out: PathBuf,
    },
}

/// Who acts: every transition is made by a named actor in a role, with a reason.
#[derive(clap::Args, Debug)]
struct WhoArgs {
    /// The actor's account id.
    #[arg(long)]
    actor: String,
    /// `dispatcher`, `officer` or `approver`.
    #[arg(long)]
    role: String,
    /// The reason, in the actor's words.
    #[arg(long)]
    reason: String,
    /// When (RFC 3339; default now).
    #[arg(long)]
    at: Option<String>,
}

/// Who acts on a notice: staff (`officer`, `approver`, `dispatcher`) or a platform's account.
#[derive(clap::Args, Debug)]
struct NoticeWhoArgs {
    /// The actor's account id.
    #[arg(long)]
    actor: String,
    /// `officer`, `approver`, `dispatcher` or `platform`.
    #[arg(long)]
    role: String,
    /// The reason, in the actor's words.
    #[arg(long)]
    reason: String,
    /// When (RFC 3339; default now).
    #[arg(long)]
    at: Option<String>,
}

#[derive(Subcommand, Debug)]
enum NoticesCommand {
    /// Issue a rectification notice from a minor alert, through the platform it names, with a
    /// deadline on the working-day calendar.
    Issue {
        /// The alert id.
        alert: String,
        /// Issuing department.
        #[arg(long)]
        department: String,
        /// Issuing region.
        #[arg(long)]
        region: String,
        #[command(flatten)]
        who: NoticeWhoArgs,
    },
    /// Notices, earliest deadline first (open ones unless --all).
    List {
        /// Only this platform's.
        #[arg(long)]
        platform: Option<String>,
        /// Only this department's.
        #[arg(long)]
        department: Option<String>,
        /// Only this region's.
        #[arg(long)]
        region: Option<String>,
        /// Only unanswered ones overdue on this day (YYYY-MM-DD).
        #[arg(long)]
        overdue_on: Option<String>,
        /// Only those whose deadline cannot be computed (calendar year not yet covered).
        #[arg(long)]
        due_unknown: bool,
        /// Include accepted and escalated ones.
        #[arg(long)]
        all: bool,
    },
    /// Record the platform's reply (整改反馈).
    Reply {
        /// The notice id.
        notice: String,
        /// The platform answering (must be the notice's).
        #[arg(long)]
        platform: String,
        /// `done` or `disputed`.
        #[arg(long)]
        kind: String,
        /// The reply text.
        #[arg(long)]
        text: String,
        /// An attachment: a file (hashed here) or NAME=SHA256; repeatable.
        #[arg(long)]
        attach: Vec<String>,
        #[command(flatten)]
        who: NoticeWhoArgs,
    },
    /// Accept the reply: the notice is done.
    Accept {
        /// The notice id.
        notice: String,
        #[command(flatten)]
        who: NoticeWhoArgs,
    },
    /// Escalate a notice to a clue: `overdue` or `reply_rejected`.
    Escalate {
        /// The notice id.
        notice: String,
        /// Why.
        #[arg(long)]
        cause: String,
        #[command(flatten)]
        who: NoticeWhoArgs,
    },
    /// Escalate every notice whose deadline passed unanswered.
    EscalateOverdue {
        /// Only this department's.
        #[arg(long)]
        department: Option<String>,
        #[command(flatten)]
        who: NoticeWhoArgs,
    },
    /// A notice and its history.
    Show {
        /// The notice id.
        notice: String,
    },
}

#[derive(Subcommand, Debug)]
enum CasesCommand {
    /// Open a clue from an alert, assigned to a department and region.
    Open {
        /// The alert id.
        alert: String,
        /// Department in charge.
        #[arg(long)]
        department: String,
        /// Region in charge (adcode or installation name).
        #[arg(long)]
        region: String,
        #[command(flatten)]
        who: WhoArgs,
    },
    /// Take an action on a clue or case: a name (start_verification, file, not_file, publish,
    /// close, …) or JSON for actions with data, e.g.
    /// '{"action":"transfer","to_department":"…","to_region":"…"}'.
    Act {
        /// The clue or case id.
        case: String,
        /// The action.
        action: String,
        #[command(flatten)]
        who: WhoArgs,
    },
    /// Receive a transfer (移送) from another installation: the sender's case file, verified
    /// against the sender's published key, logged, and opened as a clue here.
    Receive {
        /// The package (an evidence bundle directory).
        package: PathBuf,
        /// The sender's Ed25519 public key (hex), as it publishes it.
        #[arg(long)]
        key: String,
        /// Department in charge here.
        #[arg(long)]
        department: String,
        /// Region in charge here.
        #[arg(long)]
        region: String,
        #[command(flatten)]
        who: WhoArgs,
    },
    /// Record the receiver's case file as feedback on a transferred case.
    Feedback {
        /// The transferred case here.
        case: String,
        /// The receiver's package.
        #[arg(long = "from")]
        package: PathBuf,
        /// The receiver's Ed25519 public key (hex).
        #[arg(long)]
        key: String,
        #[command(flatten)]
        who: WhoArgs,
    },
    /// Ask another region for assistance (协查): records the request on the case and writes it as
    /// a signed package (the case file plus the request letter) to --out.
    Assist {
        /// The case id.
        case: String,
        /// Department asked.
        #[arg(long)]
        to_department: String,
        /// Region asked (e.g. the merchant's or platform's home region).
        #[arg(long)]
        to_region: String,
        /// What is asked.
        #[arg(long)]
        request: String,
        /// `sha256` or `sm3`.
        #[arg(long, default_value = "sha256")]
        alg: String,
        /// The new package directory.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        who: WhoArgs,
    },
    /// Receive an assistance request from another installation: verified against the sender's
    /// key, kept under <home>/received/, logged; the request is printed.
    AssistReceive {
        /// The request package.
        package: PathBuf,
        /// The sender's Ed25519 public key (hex).
        #[arg(long)]
        key: String,
        #[command(flatten)]
        who: WhoArgs,
    },
    /// Answer a received assistance request: the reply letter, logged here, as a signed package.
    AssistAnswer {
        /// The request package.
        package: PathBuf,
        /// The sender's Ed25519 public key (hex).
        #[arg(long)]
        key: String,
        /// Answering department.
        #[arg(long)]
        department: String,
        /// Answering region.
        #[arg(long)]
        region: String,
        /// The answer.
        #[arg(long)]
        reply: String,
        /// `sha256` or `sm3`.
        #[arg(long, default_value = "sha256")]
        alg: String,
        /// The new package directory.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        who: WhoArgs,
    },
    /// Record the answer to an assistance request on the case.
    AssistReply {
        /// The case here.
        case: String,
        /// The reply package.
        #[arg(long = "from")]
        package: PathBuf,
        /// The answering installation's Ed25519 public key (hex).
        #[arg(long)]
        key: String,
        #[command(flatten)]
        who: WhoArgs,
    },
    /// Open clues and cases, earliest deadline first.
    Queue {
        /// Only this department.
        #[arg(long)]
        department: Option<String>,
        /// Only this region.
        #[arg(long)]
        region: Option<String>,
        /// Only those overdue on this day (YYYY-MM-DD).
        #[arg(long)]
        overdue_on: Option<String>,
        /// Only those whose deadline cannot be computed (calendar year not yet covered).
        #[arg(long)]
        due_unknown: bool,
        /// Include closed and not-filed ones.
        #[arg(long)]
        all: bool,
    },
    /// A clue or case and its events.
    Show {
        /// The clue or case id.
        case: String,
    },
    /// Export the case file (卷宗) as an evidence bundle: its events and its alert's findings.
    /// With `--reply-to`, the feedback package on a transfer received from another installation
    /// (the case file with a feedback letter naming our unit).
    Export {
        /// The clue or case id.
        case: String,
        /// `sha256` or `sm3`.
        #[arg(long, default_value = "sha256")]
        alg: String,
        /// The new bundle directory.
        #[arg(long)]
        out: PathBuf,
        /// The sender's case id this case answers (a transfer feedback, 移送反馈).
        #[arg(long, requires = "actor")]
        reply_to: Option<String>,
        /// Who writes the feedback (account id); required with `--reply-to`.
        #[arg(long)]
        actor: Option<String>,
    },
}

/// Credit risk classification (企业信用风险分类).
#[cfg(feature = "sql")]
#[derive(Subcommand, Debug)]
enum CreditCommand {
    /// Classify every registered entity A–D as of a day (internal, not public): prints the class
    /// distribution; `--out` writes one JSON object a line per entity with its indicators, points
    /// and triggers.
    Classify {
        /// The day (YYYY-MM-DD); events after it are not counted.
        #[arg(long)]
        as_of: String,
        /// Per-entity results (JSON Lines, sorted by USCC).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// 双随机、一公开: the reproducible draw of inspection objects and inspectors.
#[cfg(feature = "sql")]
#[derive(Subcommand, Debug)]
enum InspectCommand {
    /// Draw objects (by credit class) and inspectors for a plan; writes the draw record (inputs,
    /// digests, result) to --out or <home>/draws/.
    Draw {
        /// The plan (TOML; see docs/credit.md).
        #[arg(long)]
        plan: PathBuf,
        /// The inspector register (TOML, with declared conflicts).
        #[arg(long)]
        inspectors: PathBuf,
        /// The public seed, published before the draw.
        #[arg(long)]
        seed: String,
        /// The day the classes are computed for (YYYY-MM-DD, not after the check starts).
        #[arg(long)]
        as_of: String,
        /// Earlier draw records of the year (count towards the annual cap); repeatable.
        #[arg(long)]
        prior: Vec<PathBuf>,
        /// Where to write the draw record (JSON).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Also write the public form (no classes) here.
        #[arg(long)]
        public: Option<PathBuf>,
        /// Who makes the draw (account id; recorded with the draw's evidence leaf).
        #[arg(long, default_value = "system:inspect")]
        actor: String,
    },
    /// Re-run a recorded draw from its inputs and public seed and compare everything; exit 0 when
    /// it matches, 1 otherwise.
    Verify {
        /// The draw record.
        record: PathBuf,
        /// Also re-classify the object register from the current lake and store as of the
        /// record's day and compare it.
        #[arg(long)]
        recompute_register: bool,
    },
}

#[derive(Subcommand, Debug)]
enum AddressCommand {
    /// Parse addresses (one a line) into province … room, division codes and a canonical key;
    /// one JSON object a line.
    Normalize {
        /// Input file (default: stdin).
        input: Option<PathBuf>,
        /// Division context for short forms: hangzhou (default), none, or a division code.
        #[arg(long, default_value = "hangzhou")]
        context: String,
        /// Write to this file instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the HTTP API (staff login, platform push, reads, administration, audit).
    Serve(serve::ServeArgs),
    /// Ingest batches (directories, .zip or .tar.gz) per the data exchange standard.
    Ingest {
        /// Batch directories or archives.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// SQL over every ingested table (names as in the data standard).
    #[cfg(feature = "sql")]
    Sql {
        /// The query.
        query: String,
        /// Output format (default: table on a terminal, csv otherwise).
        #[arg(long, value_enum)]
        format: Option<output::Format>,
        /// Write to this file instead of stdout (`-` for stdout).
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        cluster: cluster::ClusterArgs,
    },
    /// Run the detectors over what has been ingested and store the findings.
    #[cfg(feature = "sql")]
    Detect {
        /// Run only this detector (repeatable).
        #[arg(long = "detector")]
        detectors: Vec<String>,
        /// Detect as of this time (RFC 3339; default: now).
        #[arg(long)]
        as_of: Option<String>,
        /// Also write this run's findings as JSON Lines (`-` for stdout).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Parameter overrides (TOML: `[params."<detector>.<rule>"] name = value`).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Run detectors even when nothing they read changed.
        #[arg(long)]
        force: bool,
        /// Fetch every declared input as plain rows, ignoring the detectors' reductions (the
        /// same findings; more comes back to this process). For measuring what they save.
        #[arg(long)]
        no_reduce: bool,
        #[command(flatten)]
        cluster: cluster::ClusterArgs,
    },
    /// Apply the store's migrations (the embedded SQLite store, or PostgreSQL with
    /// --database-url) and report each version and the durability settings; exit 1 if the
    /// database is not at this binary's versions afterwards.
    Migrate,
    /// Scale-out: run a Ballista scheduler or executor from this binary.
    #[cfg(feature = "sql")]
    Cluster {
        #[command(subcommand)]
        command: cluster::ClusterCommand,
    },
    /// Export stored findings as JSON Lines, sorted by finding_id.
    Findings {
        /// File to write (`-` for stdout).
        #[arg(long)]
        out: PathBuf,
        /// Only this detector (repeatable).
        #[arg(long = "detector")]
        detectors: Vec<String>,
    },
    /// The whole flow on generated data: simulate a city, ingest it, detect, score against the truth.
    #[cfg(feature = "sql")]
    Demo {
        /// tiny or small.
        #[arg(long, default_value = "small")]
        scale: String,
        /// Random seed.
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
    /// Dense blocks (FRAUDAR) in any edge list: `src,dst[,weight]` CSV in, blocks as JSON out.
    Blocks {
        /// The edge list (one `src,dst[,weight]` a line).
        #[arg(long)]
        edges: PathBuf,
        /// Use the third field as the edge weight (duplicates summed); otherwise 0/1 edges.
        #[arg(long)]
        weights: bool,
        /// Column weighting: fraudar (1/ln(d+5)), avg (none) or sqrt (1/sqrt(d+5)).
        #[arg(long, default_value = "fraudar")]
        metric: String,
        /// Number of blocks (each found block's edges are removed before the next).
        #[arg(short = 'k', default_value_t = 1)]
        k: usize,
        /// Write to this file instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The unified address base (统一地址库).
    Address {
        #[command(subcommand)]
        command: AddressCommand,
    },
    /// Alerts (预警) from the stored findings: refreshed, then listed ranked (severity, score).
    Alerts {
        /// Notice deadlines count from this day (YYYY-MM-DD; default today, Beijing time).
        #[arg(long)]
        as_of: Option<String>,
        /// Only this merchant (`kind|platform|id`).
        #[arg(long)]
        merchant: Option<String>,
        /// List the stored alerts without rebuilding them.
        #[arg(long)]
        no_refresh: bool,
    },
    /// Credit risk classes A–D (企业信用风险分类, internal).
    #[cfg(feature = "sql")]
    Credit {
        #[command(subcommand)]
        command: CreditCommand,
    },
    /// 双随机 inspections: draw and verify.
    #[cfg(feature = "sql")]
    Inspect {
        #[command(subcommand)]
        command: InspectCommand,
    },
    /// Clues and cases (线索与案件): open, act, queues, history, case file.
    Cases {
        #[command(subcommand)]
        command: CasesCommand,
    },
    /// Rectification notices (责令整改通知): issue, list, reply, accept, escalate, show.
    Notices {
        #[command(subcommand)]
        command: NoticesCommand,
    },
    /// Electronic evidence (电子存证).
    Evidence {
        #[command(subcommand)]
        command: EvidenceCommand,
    },
    /// The audit log (审计日志): export a period as a verifiable archive, verify an archive.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// The department registry (部门): load it from the installation configuration, list it.
    Departments {
        #[command(subcommand)]
        command: DepartmentsCommand,
    },
    /// Write a synthetic city's batches per the data standard, plus truth.jsonl.
    Simulate {
        /// Output directory (one batch directory per supplier).
        #[arg(long)]
        out: PathBuf,
        /// tiny (seconds), small (the demo and CI) or city (≈ 50,000 merchants, 10 million
        /// orders; minutes).
        #[arg(long, default_value = "small")]
        scale: String,
        /// Random seed: the same seed gives byte-identical output.
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Add the held-out scenarios (written apart from the detectors; score them with
        /// `eval --holdout`).
        #[arg(long)]
        holdout: bool,
    },
    /// Precision and recall of findings against a simulator's truth file, per detector and rule.
    Eval {
        /// truth.jsonl from `tianping simulate`.
        #[arg(long)]
        truth: PathBuf,
        /// Findings (JSON Lines); default: the stored findings.
        #[arg(long)]
        findings: Option<PathBuf>,
        /// Only these detectors (repeatable); default: every detector in the truth file.
        #[arg(long = "detector")]
        detectors: Vec<String>,
        /// Exit 1 if any rule's precision is below this.
        #[arg(long)]
        min_precision: Option<f64>,
        /// Exit 1 if any rule's recall is below this.
        #[arg(long)]
        min_recall: Option<f64>,
        /// Score only a held-out set (`simulate --holdout`): `holdout` (the first), `holdout2`, `holdout3`, `holdout4`, `holdout5`, `holdout6`, `holdout7`, `holdout8`, `holdout9`, `holdout10`, `holdout11` or `holdout12`.
        #[arg(long, num_args = 0..=1, default_missing_value = "holdout")]
        holdout: Option<String>,
    },
    /// The rules of the registered detectors: legal basis, period in force, and each parameter's
    /// value on a day with its source (code default or a stored setting); `set` records a new
    /// setting, `history` lists them.
    Rules {
        /// Values as of this day (YYYY-MM-DD; default: today in China).
        #[arg(long)]
        as_of: Option<String>,
        #[command(subcommand)]
        command: Option<RulesCommand>,
    },
    /// The working-day calendar: the years it covers (one State Council notice each) and, per
    /// working-day deadline in force, the last day a period can start and still be computed.
    /// Exit 1 when a period starting on the day cannot be computed (enter the next year's notice).
    Calendar {
        /// As of this day (YYYY-MM-DD; default: today in China).
        #[arg(long)]
        as_of: Option<String>,
    },
    /// List batches and their receipts, newest first.
    Batches {
        /// At most this many.
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Show the quarantined rows (and warnings) of a batch.
    Quarantine {
        /// Supplier of the batch.
        supplier: String,
        /// Batch id.
        batch_id: String,
        /// At most this many rows.
        #[arg(long, default_value_t = 100)]
        limit: u32,
        /// Skip this many rows.
        #[arg(long, default_value_t = 0)]
        offset: u64,
    },
}

#[derive(Subcommand, Debug)]
enum RulesCommand {
    /// Record a parameter setting as the local operator (`local:<user>`; audited). Staff use the
    /// API (`POST /api/v1/rules/{rule}/settings`: system administrator, re-authenticated, audited
    /// under their account). Nothing is overwritten: the value in force on a day is the setting
    /// with the latest first day on or before it; `tianping detect` applies it from that day.
    Set {
        /// Rule (`<detector>.<rule>`, as `tianping rules` lists them).
        rule: String,
        /// Parameter name.
        param: String,
        /// Value (a number within the parameter's bounds).
        value: String,
        /// First day it applies (YYYY-MM-DD, China time).
        #[arg(long)]
        from: String,
        /// Why: the legal or policy basis (free text, required).
        #[arg(long)]
        reason: String,
    },
    /// Every stored setting (of one rule when given), by rule, parameter, first day and id.
    History {
        /// Only this rule.
        rule: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
enum AuditCommand {
    /// Write the audit rows of `[from, to)` with their chain hashes to a JSON Lines archive that
    /// `audit verify` checks offline (the log itself is never changed).
    Export {
        /// Period start, inclusive (RFC 3339, or YYYY-MM-DD = Beijing midnight).
        #[arg(long)]
        from: String,
        /// Period end, exclusive (RFC 3339, or YYYY-MM-DD = Beijing midnight).
        #[arg(long)]
        to: String,
        /// The archive file to write.
        #[arg(long)]
        out: PathBuf,
        /// Days every audit row is kept (at least 183: 网络安全法 Art. 21).
        #[arg(long, env = "TIANPING_AUDIT_RETENTION_DAYS")]
        audit_retention_days: Option<u64>,
        /// Days personal-information processing records are kept (at least 1096: 个人信息保护法
        /// Art. 56).
        #[arg(long, env = "TIANPING_PERSONAL_AUDIT_RETENTION_DAYS")]
        personal_audit_retention_days: Option<u64>,
    },
    /// Check an archive: numbering, links and every row's hash; exit 1 naming the first bad line.
    Verify {
        /// The archive file.
        archive: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
enum DepartmentsCommand {
    /// Store the `[[departments]]` of an installation configuration file (validated whole), and
    /// rewrite department names in existing accounts, cases and notices to ids.
    Load {
        /// The installation configuration (TOML; e.g. config/departments-hangzhou.toml).
        #[arg(long)]
        config: PathBuf,
    },
    /// The stored registry: id, names, region, parent, active.
    List,
    /// Every account, clue/case and notice whose department is no id of the registry, each named
    /// (table, row, value, and the id a `load` would rewrite it to); exit 1 if any maps to none.
    Check,
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("TIANPING_LOG"))
        .with_writer(std::io::stderr)
        .init();
    match run(cli).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("错误 error: {e:#}");
            ExitCode::from(3)
        }
    }
}

/// `tianping simulate`: the synthetic city's batches under `out` (no home, no database).
fn simulate(
    out: &std::path::Path,
    scale: &str,
    seed: u64,
    holdout: bool,
    lang: output::Lang,
) -> anyhow::Result<ExitCode> {
    let Some(scale) = tianping_sim::city::Scale::parse(scale) else {
        eprintln!("错误 error: --scale must be tiny, small or city");
        return Ok(ExitCode::from(2));
    };
    let written = tianping_sim::simulate(out, scale, seed, holdout)?;
    for (table, n) in &written.rows {
        eprintln!("{table:24} {n:>10}");
    }
    eprintln!(
        "{} {}",
        written.batches.len(),
        if lang == output::Lang::Zh {
            "个批次已写入"
        } else {
            "batches written"
        }
    );
    Ok(ExitCode::SUCCESS)
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // Verifying a bundle needs no home and no database.
    if let Command::Evidence {
        command:
            EvidenceCommand::Verify {
                bundle,
                key,
                earlier,
            },
    } = &cli.command
    {
        return tools::verify_evidence(bundle, key.as_deref(), earlier);
    }
    // Nor does verifying an audit archive.
    if let Command::Audit {
        command: AuditCommand::Verify { archive },
    } = &cli.command
    {
        return audit::verify(archive, cli.json, cli.lang);
    }
    // Nor does reading the working-day calendar (data in the binary).
    if let Command::Calendar { as_of } = &cli.command {
        return calendar::run(as_of.as_deref(), cli.json, cli.lang);
    }
    // Nor does writing a simulated city (it only writes batches under --out).
    if let Command::Simulate {
        out,
        scale,
        seed,
        holdout,
    } = &cli.command
    {
        return simulate(out, scale, *seed, *holdout, cli.lang);
    }
    // A scheduler or executor needs no home and no database either.
    #[cfg(feature = "sql")]
    if let Command::Cluster { command } = cli.command {
        return cluster::run(command).await;
    }
    let home = Home::open(&cli.home)?;
    if let Command::Migrate = cli.command {
        return migrate::run(&home, cli.database_url.as_deref(), cli.json, cli.lang).await;
    }
    let store = open_store(&home, cli.database_url.as_deref()).await?;
    match cli.command {
        Command::Serve(args) => serve::serve(args, home, store, cli.database_url.as_deref()).await,
        Command::Ingest { paths } => {
            let ingestor = Ingestor::new(home, store, Limits::standard());
            let bars = ProgressBars::new(std::io::stderr().is_terminal() && !cli.json);
            let mut any_rejected = false;
            for path in paths {
                let received_at = clock::now_rfc3339();
                let receipt = ingestor.ingest(&path, &received_at, &bars).await?;
                bars.clear();
                if matches!(
                    receipt.status,
                    BatchStatus::Rejected | BatchStatus::Conflict
                ) {
                    any_rejected = true;
                }
                if cli.json {
                    println!("{}", serde_json::to_string(&receipt)?);
                } else {
                    eprintln!("{}", output::render_receipt(&receipt, cli.lang, &path));
                }
            }
            Ok(if any_rejected {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        #[cfg(feature = "sql")]
        Command::Sql {
            query,
            format,
            out,
            cluster,
        } => {
            let session = match cluster::session(&cluster).await {
                Ok(session) => session,
                Err(exit) => return exit,
            };
            let files = store.lake_files(None).await?;
            let parts: Vec<_> = files
                .into_iter()
                .map(|f| tianping_query::LakePart {
                    table: f.table,
                    path: f.path,
                })
                .collect();
            let lake = match session {
                None => tianping_query::Lake::open(&home.lake(), &parts).await?,
                Some(ctx) => {
                    tianping_query::Lake::open_on_cluster(ctx, &home.lake(), &parts).await?
                }
            };
            let to_stdout = out.as_ref().is_none_or(|p| p.as_os_str() == "-");
            let format = format.unwrap_or(if to_stdout && std::io::stdout().is_terminal() {
                output::Format::Table
            } else {
                output::Format::Csv
            });
            match output::run_sql(&lake, &query, format, out.as_deref()).await {
                Ok(()) => Ok(ExitCode::SUCCESS),
                Err(output::SqlFailure::User(msg)) => {
                    eprintln!("SQL 错误 error: {msg}");
                    Ok(ExitCode::from(1))
                }
                Err(output::SqlFailure::Internal(e)) => Err(e),
            }
        }
        #[cfg(feature = "sql")]
        Command::Detect {
            detectors,
            as_of,
            out,
            config,
            force,
            no_reduce,
            cluster,
        } => {
            let placement = match cluster::session(&cluster).await {
                Ok(None) => tianping_engine::Placement::Embedded,
                Ok(Some(ctx)) => tianping_engine::Placement::Cluster(ctx),
                Err(exit) => return exit,
            };
            let (overrides, lists) = match &config {
                Some(path) => {
                    let text = std::fs::read_to_string(path)
                        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                    match tianping_detect::rules::parse_config(&text) {
                        Ok(o) => o,
                        Err(e) => {
                            eprintln!("配置错误 configuration error: {}: {e}", path.display());
                            return Ok(ExitCode::from(2));
                        }
                    }
                }
                None => Default::default(),
            };
            // The audit chain's head is anchored with the run record, in its transaction. A chain
            // that no longer verifies is not anchored (that would attest the tampering): the run
            // goes ahead and the command fails after it, naming the row.
            let (anchor_leaves, anchor_refused) = match tianping_service::audit_anchor::anchor_leaf(
                store.as_ref(),
                "system:detect",
                clock::now_ms(),
            )
            .await
            {
                Ok(Some((_, leaf))) => (vec![leaf], None),
                Ok(None) => (Vec::new(), None),
                Err(e @ tianping_service::audit_anchor::AnchorError::Broken(_)) => {
                    (Vec::new(), Some(e))
                }
                Err(e) => return Err(e.into()),
            };
            let request = tianping_engine::DetectRequest {
                as_of: as_of.unwrap_or_else(clock::now_rfc3339),
                detectors,
                overrides,
                lists,
                force,
                no_reduce,
                anchor_leaves,
            };
            let report = match tianping_engine::run_on(
                placement,
                &home.lake(),
                store.as_ref(),
                &request,
                &clock::now_rfc3339(),
            )
            .await
            {
                Ok(report) => report,
                Err(
                    e @ (tianping_engine::EngineError::UnknownDetector(..)
                    | tianping_engine::EngineError::BadAsOf(_)
                    | tianping_engine::EngineError::Config(_)),
                ) => {
                    eprintln!("错误 error: {e}");
                    return Ok(ExitCode::from(2));
                }
                Err(e) => return Err(e.into()),
            };
            if let Some(out) = out {
                let lines: Vec<String> = report
                    .findings
                    .iter()
                    .map(serde_json::to_string)
                    .collect::<Result<_, _>>()?;
                output::write_lines(&out, &lines)?;
            }
            eprintln!("{}", output::render_run(&report, cli.lang));
            if let Some(e) = anchor_refused {
                eprintln!("错误 error: {e}");
                return Ok(ExitCode::from(3));
            }
            Ok(ExitCode::SUCCESS)
        }
        // Dispatched before the store is opened.
        Command::Migrate => Err(anyhow::anyhow!("migrate runs before the store is opened")),
        // Dispatched before the home is opened.
        #[cfg(feature = "sql")]
        Command::Cluster { .. } => Err(anyhow::anyhow!("cluster commands run without a home")),
        Command::Findings { out, detectors } => {
            let bodies = store.findings(&detectors).await?;
            output::write_lines(&out, &bodies)?;
            eprintln!(
                "{} {}",
                bodies.len(),
                if cli.lang == output::Lang::Zh {
                    "条发现已导出"
                } else {
                    "findings exported"
                }
            );
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "sql")]
        Command::Demo { scale, seed } => {
            let Some(scale) = tianping_sim::city::Scale::parse(&scale)
                .filter(|s| *s != tianping_sim::city::Scale::City)
            else {
                eprintln!("错误 error: --scale must be tiny or small");
                return Ok(ExitCode::from(2));
            };
            let zh = cli.lang == output::Lang::Zh;
            let city_dir = home.root().join(format!("demo-city-{seed}"));
            eprintln!(
                "{} {}",
                if zh {
                    "① 生成模拟城市："
                } else {
                    "1. simulating a city into"
                },
                city_dir.display()
            );
            let written = tianping_sim::simulate(&city_dir, scale, seed, false)?;
            eprintln!(
                "{} {}",
                if zh {
                    "② 入库批次："
                } else {
                    "2. ingesting batches:"
                },
                written.batches.len()
            );
            let ingestor = Ingestor::new(home.clone(), store.clone(), Limits::standard());
            let bars = ProgressBars::new(std::io::stderr().is_terminal());
            for batch in &written.batches {
                let receipt = ingestor.ingest(batch, &clock::now_rfc3339(), &bars).await?;
                bars.clear();
                eprintln!(
                    "   {:10} {:10} {} {:>8}  {} {:>4}",
                    receipt.supplier.as_deref().unwrap_or("?"),
                    receipt.status.as_str(),
                    if zh { "接收" } else { "accepted" },
                    receipt.accepted,
                    if zh { "隔离" } else { "quarantined" },
                    receipt.quarantined
                );
            }
            eprintln!(
                "{}",
                if zh {
                    "③ 运行检测"
                } else {
                    "3. detecting"
                }
            );
            let (overrides, lists) =
                tianping_detect::rules::parse_config(&std::fs::read_to_string(&written.config)?)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", written.config.display()))?;
            let request = tianping_engine::DetectRequest {
                as_of: "2026-12-20T00:00:00+08:00".into(),
                overrides,
                lists,
                ..Default::default()
            };
            let report = tianping_engine::run(
                &home.lake(),
                store.as_ref(),
                &request,
                &clock::now_rfc3339(),
            )
            .await?;
            eprintln!("{}", output::render_run(&report, cli.lang));
            eprintln!(
                "{}",
                if zh {
                    "④ 与模拟真值比对（精确率、召回率）"
                } else {
                    "4. scoring against the truth"
                }
            );
            let scores = tianping_sim::truth::evaluate_jsonl(
                &std::fs::read_to_string(&written.truth)?,
                &store.findings(&[]).await?,
                &[],
            )?;
            eprintln!("{}", output::render_scores(&scores, cli.lang));
            eprintln!(
                "{}\n  tianping --home {} sql \"SELECT platform_id, count(*) AS orders, sum(paid_fen) / 100 AS gmv_yuan FROM orders GROUP BY 1\"\n  tianping --home {} findings --out findings.jsonl",
                if zh { "下一步：" } else { "next:" },
                home.root().display(),
                home.root().display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Blocks {
            edges,
            weights,
            metric,
            k,
            out,
        } => tools::blocks(&edges, weights, &metric, k, out.as_deref()),
        Command::Address {
            command:
                AddressCommand::Normalize {
                    input,
                    context,
                    out,
                },
        } => tools::normalize_addresses(input.as_deref(), &context, out.as_deref()),
        Command::Alerts {
            as_of,
            merchant,
            no_refresh,
        } => {
            cases::alerts(
                store.as_ref(),
                as_of.as_deref(),
                merchant.as_deref(),
                !no_refresh,
                cli.json,
                cli.lang,
            )
            .await
        }
        Command::Cases { command } => {
            let who = |w: WhoArgs| cases::Who {
                actor: w.actor,
                role: w.role,
                reason: w.reason,
                at: w.at,
            };
            match command {
                CasesCommand::Open {
                    alert,
                    department,
                    region,
                    who: w,
                } => {
                    cases::open(
                        store.as_ref(),
                        &alert,
                        &department,
                        &region,
                        &who(w),
                        cli.json,
                    )
                    .await
                }
                CasesCommand::Act {
                    case,
                    action,
                    who: w,
                } => cases::act(store.as_ref(), &case, &action, &who(w), cli.json).await,
                CasesCommand::Queue {
                    department,
                    region,
                    overdue_on,
                    due_unknown,
                    all,
                } => {
                    if let Some(day) = &overdue_on
                        && chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_err()
                    {
                        eprintln!("错误 error: --overdue-on {day:?}: expected YYYY-MM-DD");
                        return Ok(ExitCode::from(2));
                    }
                    let department =
                        match departments::filter_id(store.as_ref(), department).await? {
                            Ok(d) => d,
                            Err(message) => {
                                eprintln!("错误 error: {message}");
                                return Ok(ExitCode::from(2));
                            }
                        };
                    let filter = tianping_store::cases::QueueFilter {
                        department,
                        region,
                        overdue_on,
                        due_unknown,
                        include_finished: all,
                    };
                    cases::queue(store.as_ref(), &filter, cli.json).await
                }
                CasesCommand::Receive {
                    package,
                    key,
                    department,
                    region,
                    who: w,
                } => {
                    cases::receive(
                        &home,
                        store.as_ref(),
                        &package,
                        &key,
                        &department,
                        &region,
                        &who(w),
                        cli.json,
                    )
                    .await
                }
                CasesCommand::Feedback {
                    case,
                    package,
                    key,
                    who: w,
                } => {
                    cases::feedback(
                        &home,
                        store.as_ref(),
                        &case,
                        &package,
                        &key,
                        &who(w),
                        cli.json,
                    )
                    .await
                }
                CasesCommand::Assist {
                    case,
                    to_department,
                    to_region,
                    request,
                    alg,
                    out,
                    who: w,
                } => {
                    assist::request(
                        &home,
                        store.as_ref(),
                        &case,
                        &to_department,
                        &to_region,
                        &request,
                        &alg,
                        &out,
                        &who(w),
                        cli.lang,
                    )
                    .await
                }
                CasesCommand::AssistReceive {
                    package,
                    key,
                    who: w,
                } => {
                    assist::receive(
                        &home,
                        store.as_ref(),
                        &package,
                        &key,
                        &who(w),
                        cli.json,
                        cli.lang,
                    )
                    .await
                }
                CasesCommand::AssistAnswer {
                    package,
                    key,
                    department,
                    region,
                    reply,
                    alg,
                    out,
                    who: w,
                } => {
                    assist::answer(
                        &home,
                        store.as_ref(),
                        &package,
                        &key,
                        &department,
                        &region,
                        &reply,
                        &alg,
                        &out,
                        &who(w),
                        cli.lang,
                    )
                    .await
                }
                CasesCommand::AssistReply {
                    case,
                    package,
                    key,
                    who: w,
                } => {
                    assist::record_reply(
                        &home,
                        store.as_ref(),
                        &case,
                        &package,
                        &key,
                        &who(w),
                        cli.json,
                        cli.lang,
                    )
                    .await
                }
                CasesCommand::Show { case } => cases::show(store.as_ref(), &case, cli.json).await,
                CasesCommand::Export {
                    case,
                    alg,
                    out,
                    reply_to: Some(reply_to),
                    actor,
                } => {
                    let actor = actor.unwrap_or_default();
                    cases::export_feedback(
                        &home,
                        store.as_ref(),
                        &case,
                        &reply_to,
                        &actor,
                        &alg,
                        &out,
                    )
                    .await
                }
                CasesCommand::Export { case, alg, out, .. } => {
                    cases::export(&home, store.as_ref(), &case, &alg, &out).await
                }
            }
        }
        Command::Notices { command } => {
            let who = |w: NoticeWhoArgs| notices::Who {
                actor: w.actor,
                role: w.role,
                reason: w.reason,
                at: w.at,
            };
            match command {
                NoticesCommand::Issue {
                    alert,
                    department,
                    region,
                    who: w,
                } => {
                    notices::issue(
                        store.as_ref(),
                        &alert,
                        &department,
                        &region,
                        &who(w),
                        cli.json,
                    )
                    .await
                }
                NoticesCommand::List {
                    platform,
                    department,
                    region,
                    overdue_on,
                    due_unknown,
                    all,
                } => {
                    if let Some(day) = &overdue_on
                        && chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_err()
                    {
                        eprintln!("错误 error: --overdue-on {day:?}: expected YYYY-MM-DD");
                        return Ok(ExitCode::from(2));
                    }
                    let department =
                        match departments::filter_id(store.as_ref(), department).await? {
                            Ok(d) => d,
                            Err(message) => {
                                eprintln!("错误 error: {message}");
                                return Ok(ExitCode::from(2));
                            }
                        };
                    let filter = tianping_store::notices::NoticeFilter {
                        platform,
                        department,
                        region,
                        overdue_on,
                        due_unknown,
                        include_finished: all,
                    };
                    notices::list(store.as_ref(), &filter, cli.json).await
                }
                NoticesCommand::Reply {
                    notice,
                    platform,
                    kind,
                    text,
                    attach,
                    who: w,
                } => {
                    notices::reply(
                        store.as_ref(),
                        &notice,
                        &platform,
                        &kind,
                        &text,
                        &attach,
                        &who(w),
                        cli.json,
                    )
                    .await
                }
                NoticesCommand::Accept { notice, who: w } => {
                    notices::accept(store.as_ref(), &notice, &who(w), cli.json).await
                }
                NoticesCommand::Escalate {
                    notice,
                    cause,
                    who: w,
                } => notices::escalate(store.as_ref(), &notice, &cause, &who(w), cli.json).await,
                NoticesCommand::EscalateOverdue { department, who: w } => {
                    let department =
                        match departments::filter_id(store.as_ref(), department).await? {
                            Ok(d) => d,
                            Err(message) => {
                                eprintln!("错误 error: {message}");
                                return Ok(ExitCode::from(2));
                            }
                        };
                    notices::escalate_overdue(store.as_ref(), department.as_deref(), &who(w)).await
                }
                NoticesCommand::Show { notice } => {
                    notices::show(store.as_ref(), &notice, cli.json).await
                }
            }
        }
        #[cfg(feature = "sql")]
        Command::Credit {
            command: CreditCommand::Classify { as_of, out },
        } => {
            credit::classify(
                &home,
                store.as_ref(),
                &as_of,
                out.as_deref(),
                cli.json,
                cli.lang,
            )
            .await
        }
        #[cfg(feature = "sql")]
        Command::Inspect { command } => match command {
            InspectCommand::Draw {
                plan,
                inspectors,
                seed,
                as_of,
                prior,
                out,
                public,
                actor,
            } => {
                let args = credit::DrawArgs {
                    plan,
                    inspectors,
                    seed,
                    as_of,
                    prior,
                    out,
                    public,
                    actor,
                };
                credit::draw(&home, store.as_ref(), &args, cli.json, cli.lang).await
            }
            InspectCommand::Verify {
                record,
                recompute_register,
            } => {
                credit::verify(
                    &home,
                    store.as_ref(),
                    &record,
                    recompute_register,
                    cli.json,
                    cli.lang,
                )
                .await
            }
        },
        Command::Audit { command } => match command {
            AuditCommand::Export {
                from,
                to,
                out,
                audit_retention_days,
                personal_audit_retention_days,
            } => {
                audit::export(
                    store.as_ref(),
                    &from,
                    &to,
                    &out,
                    (audit_retention_days, personal_audit_retention_days),
                    cli.json,
                    cli.lang,
                )
                .await
            }
            AuditCommand::Verify { archive } => audit::verify(&archive, cli.json, cli.lang),
        },
        Command::Departments { command } => match command {
            DepartmentsCommand::Load { config } => {
                departments::load(store.as_ref(), &config, cli.json, cli.lang).await
            }
            DepartmentsCommand::List => departments::list(store.as_ref(), cli.json).await,
            DepartmentsCommand::Check => {
                departments::check(store.as_ref(), cli.json, cli.lang).await
            }
        },
        Command::Evidence { command } => match command {
            EvidenceCommand::Verify {
                bundle,
                key,
                earlier,
            } => tools::verify_evidence(&bundle, key.as_deref(), &earlier),
            EvidenceCommand::Head { alg } => evidence::head(&home, store.as_ref(), &alg).await,
            EvidenceCommand::Check { heads } => {
                evidence::check(&home, store.as_ref(), &heads, cli.lang).await
            }
            EvidenceCommand::Export {
                findings,
                batches,
                runs,
                title,
                alg,
                out,
            } => {
                let args = evidence::ExportArgs {
                    findings,
                    batches,
                    runs,
                    title,
                    alg,
                    out,
                };
                evidence::export(&home, store.as_ref(), &args).await
            }
        },
        Command::Simulate {
            out,
            scale,
            seed,
            holdout,
        } => simulate(&out, &scale, seed, holdout, cli.lang),
        Command::Calendar { as_of } => calendar::run(as_of.as_deref(), cli.json, cli.lang),
        Command::Eval {
            truth,
            findings,
            detectors,
            min_precision,
            min_recall,
            holdout,
        } => {
            let truth_text = std::fs::read_to_string(&truth)
                .map_err(|e| anyhow::anyhow!("{}: {e}", truth.display()))?;
            let lines: Vec<String> = match &findings {
                Some(path) => std::fs::read_to_string(path)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
                    .lines()
                    .map(str::to_string)
                    .collect(),
                None => store.findings(&[]).await?,
            };
            let scope = match holdout {
                Some(set) => tianping_sim::truth::Scope::Holdout(set),
                None => tianping_sim::truth::Scope::All,
            };
            let scores =
                tianping_sim::truth::evaluate_jsonl_in(&truth_text, &lines, &detectors, scope)?;
            if cli.json {
                for s in &scores {
                    println!("{}", serde_json::to_string(s)?);
                }
            } else {
                eprintln!("{}", output::render_scores(&scores, cli.lang));
            }
            let below = scores.iter().any(|s| {
                min_precision.is_some_and(|p| s.precision < p)
                    || min_recall.is_some_and(|r| s.recall < r)
            });
            Ok(if below {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Rules { as_of, command } => match command {
            None => rules::show(store.as_ref(), as_of.as_deref(), cli.json, cli.lang).await,
            Some(RulesCommand::History { rule }) => {
                rules::history(store.as_ref(), rule.as_deref(), cli.json, cli.lang).await
            }
            Some(RulesCommand::Set {
                rule,
                param,
                value,
                from,
                reason,
            }) => {
                let args = rules::SetArgs {
                    rule: &rule,
                    param: &param,
                    value: &value,
                    from: &from,
                    reason: &reason,
                };
                rules::set(store.as_ref(), args, cli.json, cli.lang).await
            }
        },
        Command::Batches { limit } => {
            let batches = store.batches(limit).await?;
            if cli.json {
                for b in &batches {
                    println!("{}", serde_json::to_string(&b.receipt)?);
                }
            } else {
                eprintln!("{}", output::render_batches(&batches, cli.lang));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Quarantine {
            supplier,
            batch_id,
            limit,
            offset,
        } => {
            let rows = store
                .quarantine(&supplier, &batch_id, limit, offset)
                .await?;
            let warnings = store.warnings(&supplier, &batch_id, limit, offset).await?;
            if cli.json {
                for row in &rows {
                    println!("{}", output::quarantine_json(row));
                }
            } else {
                eprintln!("{}", output::render_quarantine(&rows, &warnings, cli.lang));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
