//! The distributed engine end to end: a Ballista scheduler and two executors, each a process of
//! this very binary (`tianping cluster scheduler|executor`) on loopback ports, and `detect
//! --cluster` against them. The findings must be byte-identical to the embedded engine's; an
//! executor killed while its log shows it running a task of a detector's query must leave either
//! the same findings or a clear error and nothing stored (the outcome is written to
//! `<target>/cluster-kill-outcome.txt`, which `.ci/run` prints).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{bin, tianping};

/// Scale of the simulated city: `small` by default (the check), `TIANPING_CLUSTER_SCALE`
/// to change it.
fn scale() -> String {
    std::env::var("TIANPING_CLUSTER_SCALE").unwrap_or_else(|_| "small".into())
}

/// A loopback port free right now (bound and released; the processes bind it a moment later).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The scheduler and executor processes; killed when dropped.
struct Cluster {
    scheduler: Child,
    executors: Vec<Child>,
    port: u16,
    logs: PathBuf,
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for child in self.executors.iter_mut().chain([&mut self.scheduler]) {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Cluster {
    fn url(&self) -> String {
        format!("df://127.0.0.1:{}", self.port)
    }

    /// One process's whole log (`scheduler.log`, `executor-<i>.log`).
    fn log(&self, name: &str) -> String {
        std::fs::read_to_string(self.logs.join(name)).unwrap_or_default()
    }

    /// The processes' logs, for a failure message.
    fn logs(&self) -> String {
        let mut out = String::new();
        let mut names: Vec<PathBuf> = std::fs::read_dir(&self.logs)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        names.sort();
        for p in names {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            let tail: Vec<&str> = text.lines().rev().take(30).collect();
            out.push_str(&format!("--- {}\n", p.display()));
            for l in tail.into_iter().rev() {
                out.push_str(l);
                out.push('\n');
            }
        }
        out
    }

    /// Starts a scheduler and `n` executors (one task slot each, heartbeats every second, dead
    /// after 4 s of silence) and waits until all have registered.
    fn start(dir: &Path, n: usize) -> Cluster {
        let logs = dir.join("logs");
        std::fs::create_dir_all(&logs).unwrap();
        let log = |name: &str| std::fs::File::create(logs.join(name)).unwrap();
        let port = free_port();
        // The executors start first and wait for their scheduler (Ballista retries every 0.5 s):
        // the order a supervisor may start them in, and no race with the scheduler's start.
        let mut executors = Vec::new();
        for i in 0..n {
            let work = dir.join(format!("work-{i}"));
            let child = Command::new(bin())
                .args([
                    "cluster",
                    "executor",
                    "--scheduler",
                    &format!("127.0.0.1:{port}"),
                    "--bind",
                    &format!("127.0.0.1:{}", free_port()),
                    "--grpc-port",
                    &free_port().to_string(),
                    "--work-dir",
                    work.to_str().unwrap(),
                    "--vcores",
                    "1",
                    "--heartbeat-secs",
                    "1",
                ])
                .env("TIANPING_LOG", "info")
                .stdout(Stdio::null())
                .stderr(log(&format!("executor-{i}.log")))
                .spawn()
                .unwrap();
            executors.push(child);
        }
        let scheduler = Command::new(bin())
            .args([
                "cluster",
                "scheduler",
                "--bind",
                &format!("127.0.0.1:{port}"),
                "--min-ready-executors",
                &n.to_string(),
                "--executor-timeout-secs",
                "4",
                "--expire-check-secs",
                "1",
            ])
            .env("TIANPING_LOG", "info")
            .stdout(Stdio::null())
            .stderr(log("scheduler.log"))
            .spawn()
            .unwrap();
        let cluster = Cluster {
            scheduler,
            executors,
            port,
            logs: logs.clone(),
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let answer = readyz(port);
            if answer.starts_with("HTTP/1.1 200") {
                assert!(
                    answer.contains(&format!("ready: {n} executors")),
                    "{answer}"
                );
                break;
            }
            assert!(
                Instant::now() < deadline,
                "cluster not ready in 60 s: {answer}\n{}",
                cluster.logs()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        cluster
    }
}

/// `GET /readyz` on the scheduler's port (plain HTTP/1.1, so no client library is needed).
fn readyz(port: u16) -> String {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
        return "no connection".into();
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
    let _ = s.write_all(
        format!("GET /readyz HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    );
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

fn ok(o: &std::process::Output, what: &str) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{what}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Simulates the city once and ingests it into each of `homes`; returns the city's detect.toml.
fn city_into(work: &Path, homes: &[&Path]) -> PathBuf {
    let city = work.join("city");
    ok(
        &tianping(
            work,
            &[
                "simulate",
                "--out",
                city.to_str().unwrap(),
                "--scale",
                &scale(),
                "--seed",
                "7",
            ],
        ),
        "simulate",
    );
    let mut suppliers: Vec<PathBuf> = std::fs::read_dir(&city)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    suppliers.sort();
    for home in homes {
        for s in &suppliers {
            ok(&tianping(home, &["ingest", s.to_str().unwrap()]), "ingest");
        }
    }
    city.join("detect.toml")
}

/// Detectors with findings in the small city's run (of the sixteen; see the test's output).
const MIN_DETECTORS_WITH_FINDINGS: usize = 10;

const AS_OF: &str = "2026-12-20T00:00:00+08:00";

fn detect_args<'a>(config: &'a Path, out: &'a Path) -> Vec<&'a str> {
    vec![
        "detect",
        "--as-of",
        AS_OF,
        "--config",
        config.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]
}

#[test]
fn detect_on_a_two_executor_cluster_gives_byte_identical_findings() {
    let work = tempfile::tempdir().unwrap();
    let (embedded, remote) = (work.path().join("embedded"), work.path().join("remote"));
    let config = city_into(work.path(), &[&embedded, &remote]);
    let started = Instant::now();
    let (a, b) = (work.path().join("a.jsonl"), work.path().join("b.jsonl"));
    ok(
        &tianping(&embedded, &detect_args(&config, &a)),
        "embedded detect",
    );
    let embedded_time = started.elapsed();

    let cluster = Cluster::start(&work.path().join("cluster"), 2);
    let started = Instant::now();
    let mut args = detect_args(&config, &b);
    let url = cluster.url();
    args.extend(["--cluster", url.as_str()]);
    let o = tianping(&remote, &args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "cluster detect: {}\n{}",
        String::from_utf8_lossy(&o.stderr),
        cluster.logs()
    );
    let cluster_time = started.elapsed();
    eprintln!(
        "scale {}: detect embedded {:.1} s, on 2 executors {:.1} s",
        scale(),
        embedded_time.as_secs_f64(),
        cluster_time.as_secs_f64()
    );

    let (fa, fb) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert!(fa.len() > 1000, "the city has findings");
    assert!(fa == fb, "the run's findings are byte-identical");
    // And what each store holds, exported the same way.
    let (sa, sb) = (work.path().join("sa.jsonl"), work.path().join("sb.jsonl"));
    ok(
        &tianping(&embedded, &["findings", "--out", sa.to_str().unwrap()]),
        "export",
    );
    ok(
        &tianping(&remote, &["findings", "--out", sb.to_str().unwrap()]),
        "export",
    );
    assert!(std::fs::read(&sa).unwrap() == std::fs::read(&sb).unwrap());

    // The comparison covers the detectors whose planted cases the city holds: each of them
    // produced findings from its queries on the cluster.
    let text = String::from_utf8_lossy(&fb);
    let mut detectors: Vec<String> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["detector"].as_str().unwrap().to_string()
        })
        .collect();
    detectors.sort();
    detectors.dedup();
    eprintln!("detectors with findings: {} {detectors:?}", detectors.len());
    assert!(
        detectors.len() >= MIN_DETECTORS_WITH_FINDINGS,
        "{detectors:?}"
    );

    // `sql --cluster` answers like the embedded `sql`.
    let q = "SELECT platform_id, count(*) AS n, sum(paid_fen) AS paid FROM orders GROUP BY platform_id ORDER BY platform_id";
    let local = tianping(&embedded, &["sql", "--format", "csv", q]);
    ok(&local, "sql");
    let on_cluster = tianping(&remote, &["sql", "--format", "csv", "--cluster", &url, q]);
    ok(&on_cluster, "sql --cluster");
    assert!(local.stdout.len() > 20);
    assert_eq!(
        String::from_utf8_lossy(&local.stdout),
        String::from_utf8_lossy(&on_cluster.stdout)
    );
    // A home with nothing ingested: every table is empty, and still plans on the cluster.
    let empty = work.path().join("empty");
    let o = tianping(
        &empty,
        &[
            "sql",
            "--format",
            "csv",
            "--cluster",
            &url,
            "SELECT count(*) AS n FROM orders",
        ],
    );
    ok(&o, "sql --cluster over empty tables");
    assert_eq!(String::from_utf8_lossy(&o.stdout), "n\n0\n");
}

#[test]
fn an_executor_killed_mid_run_gives_the_same_findings_or_a_clear_error_and_nothing_stored() {
    let work = tempfile::tempdir().unwrap();
    let (reference, victim) = (work.path().join("reference"), work.path().join("victim"));
    let config = city_into(work.path(), &[&reference, &victim]);
    let (a, b) = (work.path().join("a.jsonl"), work.path().join("b.jsonl"));
    ok(
        &tianping(&reference, &detect_args(&config, &a)),
        "embedded detect",
    );

    let mut cluster = Cluster::start(&work.path().join("cluster"), 2);
    let url = cluster.url();
    let mut args = detect_args(&config, &b);
    args.extend(["--cluster", url.as_str()]);
    let err_path = work.path().join("detect.err");
    let started = Instant::now();
    let mut detect = Command::new(bin())
        .arg("--home")
        .arg(&victim)
        .args(&args)
        .env_remove("TIANPING_DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    // Kill executor 0 while it runs a task of one of the detectors' queries: a task its log shows
    // launched and not finished, of a job the scheduler received after the connection's probe
    // (`SELECT 1`, the run's first job).
    let deadline = started + Duration::from_secs(TASK_WAIT_SECS);
    let (job, task) = loop {
        if let Some(s) = detect.try_wait().unwrap() {
            panic!(
                "detect ended ({s}) before executor 0 was seen running a task of a detector's \
                 query: the test needs a longer run\n{}\n{}",
                std::fs::read_to_string(&err_path).unwrap_or_default(),
                cluster.logs()
            );
        }
        let jobs = submitted_jobs(&cluster.log("scheduler.log"));
        let log0 = cluster.log("executor-0.log");
        let running = launched_tasks(&log0).into_iter().find(|(job, task)| {
            jobs.first() != Some(job) && jobs.contains(job) && !finished(&log0, task)
        });
        if let Some(found) = running {
            break found;
        }
        assert!(
            Instant::now() < deadline,
            "executor 0 ran no task of a detector's query within {TASK_WAIT_SECS} s of detect's \
             start (jobs submitted: {jobs:?})\n{}",
            cluster.logs()
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let kill_at = started.elapsed();
    let mut killed = cluster.executors.remove(0);
    killed.kill().unwrap(); // SIGKILL: no goodbye to the scheduler
    killed.wait().unwrap();
    let deadline = Instant::now() + Duration::from_secs(300);
    let status = loop {
        if let Some(s) = detect.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = detect.kill();
            panic!(
                "detect still running 300 s after the kill\n{}",
                cluster.logs()
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let total = started.elapsed();
    let stderr = std::fs::read_to_string(&err_path).unwrap();
    let stored = work.path().join("stored.jsonl");
    ok(
        &tianping(&victim, &["findings", "--out", stored.to_str().unwrap()]),
        "export",
    );
    let stored = std::fs::read(&stored).unwrap();
    let killed_while = format!(
        "executor 0 SIGKILLed {:.1} s after detect --cluster started, while its log showed task \
         [{task}] (job {job}) launched and not finished",
        kill_at.as_secs_f64()
    );
    let outcome = if status.success() {
        let expected = std::fs::read(&a).unwrap();
        assert!(std::fs::read(&b).unwrap() == expected, "same findings");
        assert!(stored == expected, "same stored findings");
        format!(
            "{killed_while}; outcome: the run completed on the remaining executor in {:.1} s \
             with the embedded run's findings ({} lines, byte-identical, stored the same)",
            total.as_secs_f64(),
            expected.iter().filter(|&&c| c == b'\n').count()
        )
    } else {
        // A clear error: exit 3 (an internal failure, not the user's), one line saying in
        // Chinese and English that the cluster failed, for which detector and table, and that
        // nothing of the run was stored.
        assert_eq!(status.code(), Some(3), "an internal failure: {stderr}");
        let line = stderr
            .lines()
            .find(|l| l.starts_with("错误 error: "))
            .unwrap_or_else(|| panic!("no error line: {stderr}"));
        let detector = tianping_detectors::all()
            .iter()
            .map(|d| d.id())
            .find(|d| line.contains(&format!("检测器 {d} 读取 ")))
            .unwrap_or_else(|| panic!("the error names no detector: {line}"));
        assert!(
            line.starts_with("错误 error: 集群执行失败：")
                && line.contains("本次检测未保存任何结果")
                && line.contains(&format!(
                    "the cluster failed: detector {detector}'s query of "
                ))
                && line.contains("nothing of this run was stored: "),
            "a clear error in Chinese and English: {line}"
        );
        assert!(stored.is_empty(), "no partial findings are stored");
        assert!(!b.exists(), "no findings file is written");
        format!(
            "{killed_while}; outcome: the run failed after {:.1} s with exit 3, nothing stored, \
             no --out file: {line}",
            total.as_secs_f64()
        )
    };
    // Either way the evidence log verifies.
    ok(&tianping(&victim, &["evidence", "check"]), "evidence check");
    // Recorded where CI shows it: `.ci/run` prints this file after the tests.
    let record = bin()
        .parent()
        .and_then(Path::parent)
        .map(|target| target.join("cluster-kill-outcome.txt"))
        .unwrap();
    std::fs::write(&record, format!("{outcome}\n")).unwrap();
    eprintln!("{outcome}");
}

/// Seconds to wait, from detect's start, for executor 0 to be seen running a detector's task.
const TASK_WAIT_SECS: u64 = 240;

/// Tasks an executor's log shows launched, oldest first, as (job id, task identity). Ballista 55
/// logs at `info` `Execute task  : [TID <job>/<stage>.<attempt>/<task>.<attempt>]` when a
/// push-staged executor starts a task (`Received task: [TID …]` when pull-staged).
fn launched_tasks(log: &str) -> Vec<(String, String)> {
    log.lines()
        .filter(|l| l.contains("Execute task") || l.contains("Received task: "))
        .filter_map(|l| {
            let tid = l.split_once("[TID ")?.1.split_once(']')?.0;
            let job = tid.split_once('/')?.0;
            Some((job.to_string(), format!("TID {tid}")))
        })
        .collect()
}

/// Whether the log shows `task` finished (`Finished task : [TID …]`).
fn finished(log: &str, task: &str) -> bool {
    log.contains(&format!("Finished task : [{task}]"))
}

/// Job ids in the order the scheduler received them (`Submitting execution graph for job_id
/// [<job>]`, at `info`).
fn submitted_jobs(log: &str) -> Vec<String> {
    log.lines()
        .filter_map(|l| {
            let rest = l.split_once("Submitting execution graph for job_id [")?.1;
            Some(rest.split_once(']')?.0.to_string())
        })
        .collect()
}
