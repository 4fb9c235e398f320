//! A Ballista executor, run in this process (`tianping cluster executor`).
//!
//! It registers with the scheduler, runs the tasks pushed to it, and keeps shuffle output in its
//! work directory (local disk; the output of a stage dies with its executor, and the scheduler
//! re-runs the stage elsewhere). It reads lake parts by the absolute `file://` paths the driver
//! registered: the lake must be mounted at the same path on every executor.

use std::path::PathBuf;
use std::sync::Arc;

use ballista_executor::executor_process::{ExecutorProcessConfig, start_executor_process};

use crate::{ClusterError, HostPort};

/// How to run an executor.
#[derive(Debug, Clone)]
pub struct ExecutorOptions {
    /// The scheduler's `HOST:PORT`.
    pub scheduler: HostPort,
    /// Where to listen for Arrow Flight (shuffle and result fetches).
    pub bind: HostPort,
    /// The gRPC port the scheduler pushes tasks to (default: the Flight port + 1).
    pub grpc_port: Option<u16>,
    /// The host name others use to reach it (default: the bind host).
    pub external_host: Option<String>,
    /// Shuffle files (default: a new temporary directory).
    pub work_dir: Option<PathBuf>,
    /// Tasks run at once (default: the machine's cores).
    pub vcores: Option<usize>,
    /// Seconds between heartbeats to the scheduler.
    pub heartbeat_secs: u64,
    /// Wait for a scheduler that is not up yet (an executor started before it, or a scheduler
    /// restarting): Ballista retries every 0.5 s. Ballista 55's retry loop does not stop at its
    /// timeout, so the wait is bounded only by whoever started the executor (a supervisor, a
    /// readiness deadline). Without it an executor that cannot reach the scheduler at once exits
    /// with "Could not connect to scheduler".
    pub wait_for_scheduler: bool,
}

impl ExecutorOptions {
    /// Defaults for an executor of `scheduler` listening on `bind`.
    pub fn new(scheduler: HostPort, bind: HostPort) -> ExecutorOptions {
        ExecutorOptions {
            scheduler,
            bind,
            grpc_port: None,
            external_host: None,
            work_dir: None,
            vcores: None,
            heartbeat_secs: 60,
            wait_for_scheduler: true,
        }
    }

    fn config(&self) -> Result<ExecutorProcessConfig, ClusterError> {
        let bad = |option: &'static str, value: String, reason: &str| ClusterError::BadOption {
            option,
            value,
            reason: reason.to_string(),
        };
        // The bind host must be an IP address: Ballista parses `HOST:PORT` as a socket address.
        let bind_ip = self.bind.socket_addr("--bind")?.ip().to_string();
        let external_host = match &self.external_host {
            Some(h) => h.clone(),
            None if self.bind.is_unspecified() => {
                return Err(bad(
                    "--bind",
                    self.bind.to_string(),
                    "others cannot connect to an unspecified address: give --external-host",
                ));
            }
            None => self.bind.host.clone(),
        };
        if self.bind.port == 0 {
            return Err(bad("--bind", self.bind.to_string(), "give a port (not 0)"));
        }
        let grpc_port = match self.grpc_port {
            Some(p) => p,
            None => self.bind.port.checked_add(1).ok_or_else(|| {
                bad(
                    "--bind",
                    self.bind.to_string(),
                    "port 65535 leaves no room for the gRPC port: give --grpc-port",
                )
            })?,
        };
        if grpc_port == self.bind.port || grpc_port == 0 {
            return Err(bad(
                "--grpc-port",
                grpc_port.to_string(),
                "must differ from the Flight port and not be 0",
            ));
        }
        if let Some(dir) = &self.work_dir {
            std::fs::create_dir_all(dir)
                .map_err(|e| bad("--work-dir", dir.display().to_string(), &e.to_string()))?;
        }
        let work_dir = match &self.work_dir {
            Some(dir) => Some(
                dir.to_str()
                    .ok_or_else(|| {
                        bad(
                            "--work-dir",
                            dir.display().to_string(),
                            "the path is not UTF-8",
                        )
                    })?
                    .to_string(),
            ),
            None => None,
        };
        let mut config = ExecutorProcessConfig {
            bind_host: bind_ip,
            external_host: Some(external_host),
            port: self.bind.port,
            grpc_port,
            scheduler_host: self.scheduler.host.clone(),
            scheduler_port: self.scheduler.port,
            work_dir,
            executor_heartbeat_interval_seconds: self.heartbeat_secs.max(1),
            // Any non-zero value turns Ballista's retry loop on (see `wait_for_scheduler`).
            scheduler_connect_timeout_seconds: if self.wait_for_scheduler { 60 } else { 0 },
            print_thread_info: false,
            ..ExecutorProcessConfig::default()
        };
        if let Some(v) = self.vcores {
            if v == 0 {
                return Err(bad("--vcores", "0".into(), "must be at least 1"));
            }
            config.vcores = v;
        }
        Ok(config)
    }
}

/// Runs the executor until the process receives SIGINT/SIGTERM (or fails).
pub async fn run(options: &ExecutorOptions) -> Result<(), ClusterError> {
    let config = options.config()?;
    start_executor_process(Arc::new(config))
        .await
        .map_err(|e| ClusterError::Ballista(format!("executor on {}: {e}", options.bind)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hp(s: &str) -> HostPort {
        HostPort::parse("--x", s).unwrap()
    }

    #[test]
    fn an_executor_waits_for_its_scheduler_unless_told_not_to() {
        let o = ExecutorOptions::new(hp("127.0.0.1:50050"), hp("127.0.0.1:50060"));
        assert!(o.config().unwrap().scheduler_connect_timeout_seconds > 0);
        let fail_fast = ExecutorOptions {
            wait_for_scheduler: false,
            ..o
        };
        assert_eq!(
            fail_fast
                .config()
                .unwrap()
                .scheduler_connect_timeout_seconds,
            0
        );
    }

    #[test]
    fn ports_and_hosts_are_checked_naming_the_option() {
        let o = ExecutorOptions::new(hp("127.0.0.1:50050"), hp("127.0.0.1:50060"));
        let c = o.config().unwrap();
        assert_eq!((c.port, c.grpc_port), (50060, 50061));
        assert_eq!(c.external_host.as_deref(), Some("127.0.0.1"));
        let e = ExecutorOptions::new(hp("127.0.0.1:50050"), hp("0.0.0.0:50060"))
            .config()
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("--external-host"), "{e}");
        let e = ExecutorOptions {
            grpc_port: Some(50060),
            ..o.clone()
        }
        .config()
        .err()
        .unwrap()
        .to_string();
        assert!(e.starts_with("--grpc-port"), "{e}");
        let e = ExecutorOptions {
            vcores: Some(0),
            ..o.clone()
        }
        .config()
        .err()
        .unwrap()
        .to_string();
        assert!(e.starts_with("--vcores"), "{e}");
        let e = ExecutorOptions::new(hp("127.0.0.1:50050"), hp("127.0.0.1:65535"))
            .config()
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("--grpc-port"), "{e}");
    }
}
