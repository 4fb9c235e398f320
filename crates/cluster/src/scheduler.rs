//! The Ballista scheduler, run in this process (`tianping cluster scheduler`).
//!
//! One scheduler per cluster: its state (executors, jobs) is in memory, so a restart forgets
//! running jobs (their drivers get an error and nothing partial is stored; see the engine).
//! `GET /healthz` and `GET /readyz` (200 once `min_ready_executors` have registered) are served
//! on the same port as the gRPC API.

use std::sync::Arc;

use ballista_scheduler::cluster::BallistaCluster;
use ballista_scheduler::config::SchedulerConfig;

use crate::{ClusterError, HostPort};

/// How to run a scheduler.
#[derive(Debug, Clone)]
pub struct SchedulerOptions {
    /// Where to listen (gRPC, Flight proxy and health probes share it).
    pub bind: HostPort,
    /// The host name executors and drivers use to reach it (default: the bind host).
    pub external_host: Option<String>,
    /// `/readyz` answers 200 once this many executors have registered.
    pub min_ready_executors: usize,
    /// An executor that has not sent a heartbeat for this long is dead (seconds; must exceed the
    /// executors' heartbeat interval).
    pub executor_timeout_secs: u64,
    /// How often to look for dead executors (seconds).
    pub expire_check_secs: u64,
}

impl SchedulerOptions {
    /// Defaults for a scheduler listening on `bind`.
    pub fn new(bind: HostPort) -> SchedulerOptions {
        SchedulerOptions {
            bind,
            external_host: None,
            min_ready_executors: 1,
            executor_timeout_secs: 180,
            expire_check_secs: 15,
        }
    }

    fn config(&self) -> Result<SchedulerConfig, ClusterError> {
        let external_host = match &self.external_host {
            Some(h) => h.clone(),
            None if self.bind.is_unspecified() => {
                return Err(ClusterError::BadOption {
                    option: "--bind",
                    value: self.bind.to_string(),
                    reason:
                        "executors cannot connect to an unspecified address: give --external-host"
                            .into(),
                });
            }
            None => self.bind.host.clone(),
        };
        if self.executor_timeout_secs == 0 {
            return Err(ClusterError::BadOption {
                option: "--executor-timeout-secs",
                value: "0".into(),
                reason: "must be at least 1".into(),
            });
        }
        Ok(SchedulerConfig {
            external_host,
            bind_host: self.bind.host.clone(),
            bind_port: self.bind.port,
            min_ready_executors: self.min_ready_executors,
            executor_timeout_seconds: self.executor_timeout_secs,
            no_executors_grace_period_seconds: self.executor_timeout_secs,
            expire_dead_executor_interval_seconds: self.expire_check_secs.max(1),
            ..SchedulerConfig::default()
        })
    }
}

/// Runs the scheduler until the process ends (or its server fails).
pub async fn run(options: &SchedulerOptions) -> Result<(), ClusterError> {
    let address = options.bind.socket_addr("--bind")?;
    let config = options.config()?;
    let cluster = BallistaCluster::new_from_config(&config)
        .await
        .map_err(|e| ClusterError::Ballista(format!("scheduler: {e}")))?;
    ballista_scheduler::scheduler_process::start_server(cluster, address, Arc::new(config))
        .await
        .map_err(|e| ClusterError::Ballista(format!("scheduler on {}: {e}", options.bind)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unspecified_bind_needs_an_external_host() {
        let o = SchedulerOptions::new(HostPort::parse("--bind", "0.0.0.0:50050").unwrap());
        let e = o.config().err().unwrap().to_string();
        assert!(
            e.contains("--external-host") && e.contains("0.0.0.0:50050"),
            "{e}"
        );
        let o = SchedulerOptions {
            external_host: Some("sched.example".into()),
            ..o
        };
        assert_eq!(o.config().unwrap().external_host, "sched.example");
    }
}
