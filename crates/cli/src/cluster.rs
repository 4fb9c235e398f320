//! `tianping cluster scheduler|executor`: Apache DataFusion Ballista's scheduler and executor
//! from this binary, and the `--cluster df://HOST:PORT` session that `detect` and `sql` use.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Subcommand;
use tianping_cluster::executor::ExecutorOptions;
use tianping_cluster::scheduler::SchedulerOptions;
use tianping_cluster::{ClusterError, ClusterUrl, HostPort};

/// Where `detect` and `sql` run their queries.
#[derive(clap::Args, Debug, Clone)]
pub struct ClusterArgs {
    /// Run the queries on a Ballista cluster: its scheduler as df://HOST:PORT. The lake (the
    /// home's `lake/`) must be at the same absolute path on every executor.
    #[arg(long, env = "TIANPING_CLUSTER")]
    pub cluster: Option<String>,
    /// Target partitions of the plans on the cluster (about the executors' task slots).
    #[arg(long, default_value_t = 8, requires = "cluster")]
    pub partitions: usize,
    /// Give up if the cluster does not answer a probe query within this many seconds.
    #[arg(long, default_value_t = 60, requires = "cluster")]
    pub probe_timeout_secs: u64,
}

#[derive(Subcommand, Debug)]
pub enum ClusterCommand {
    /// Run a Ballista scheduler (one per cluster; state in memory). Health: GET /healthz,
    /// GET /readyz on the same port.
    Scheduler {
        /// Where to listen, HOST:PORT.
        #[arg(long, default_value = "127.0.0.1:50050")]
        bind: String,
        /// The host executors and drivers use to reach this scheduler (default: the bind host).
        #[arg(long)]
        external_host: Option<String>,
        /// /readyz answers 200 once this many executors have registered.
        #[arg(long, default_value_t = 1)]
        min_ready_executors: usize,
        /// An executor silent for this many seconds is dead (must exceed its heartbeat interval).
        #[arg(long, default_value_t = 180)]
        executor_timeout_secs: u64,
        /// How often to look for dead executors, in seconds.
        #[arg(long, default_value_t = 15)]
        expire_check_secs: u64,
    },
    /// Run a Ballista executor registered with a scheduler.
    Executor {
        /// The scheduler, HOST:PORT.
        #[arg(long)]
        scheduler: String,
        /// Where to listen for Arrow Flight, HOST:PORT (the host an IP address).
        #[arg(long, default_value = "127.0.0.1:50051")]
        bind: String,
        /// The port the scheduler pushes tasks to (default: the Flight port + 1).
        #[arg(long)]
        grpc_port: Option<u16>,
        /// The host others use to reach this executor (default: the bind host).
        #[arg(long)]
        external_host: Option<String>,
        /// Shuffle files (local disk; default: a new temporary directory).
        #[arg(long)]
        work_dir: Option<PathBuf>,
        /// Tasks run at once (default: the machine's cores).
        #[arg(long)]
        vcores: Option<usize>,
        /// Seconds between heartbeats to the scheduler.
        #[arg(long, default_value_t = 60)]
        heartbeat_secs: u64,
        /// Exit at once if the scheduler does not answer, instead of retrying every 0.5 s until
        /// it does (the default, for an executor started before its scheduler).
        #[arg(long)]
        no_wait_for_scheduler: bool,
    },
}

/// Runs a `cluster` subcommand until the process is stopped.
pub async fn run(command: ClusterCommand) -> anyhow::Result<ExitCode> {
    let outcome = match command {
        ClusterCommand::Scheduler {
            bind,
            external_host,
            min_ready_executors,
            executor_timeout_secs,
            expire_check_secs,
        } => {
            let options = match HostPort::parse("--bind", &bind) {
                Ok(bind) => SchedulerOptions {
                    external_host,
                    min_ready_executors,
                    executor_timeout_secs,
                    expire_check_secs,
                    ..SchedulerOptions::new(bind)
                },
                Err(e) => return usage(e),
            };
            eprintln!(
                "调度器 scheduler: listening on {} (Ballista 55, DataFusion {})",
                options.bind,
                tianping_query::datafusion::DATAFUSION_VERSION
            );
            tianping_cluster::scheduler::run(&options).await
        }
        ClusterCommand::Executor {
            scheduler,
            bind,
            grpc_port,
            external_host,
            work_dir,
            vcores,
            heartbeat_secs,
            no_wait_for_scheduler,
        } => {
            let parsed = HostPort::parse("--scheduler", &scheduler)
                .and_then(|s| HostPort::parse("--bind", &bind).map(|b| (s, b)));
            let options = match parsed {
                Ok((scheduler, bind)) => ExecutorOptions {
                    grpc_port,
                    external_host,
                    work_dir,
                    vcores,
                    heartbeat_secs,
                    wait_for_scheduler: !no_wait_for_scheduler,
                    ..ExecutorOptions::new(scheduler, bind)
                },
                Err(e) => return usage(e),
            };
            eprintln!(
                "执行器 executor: Flight on {}, scheduler {}",
                options.bind, options.scheduler
            );
            tianping_cluster::executor::run(&options).await
        }
    };
    match outcome {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e @ ClusterError::BadOption { .. }) => usage(e),
        Err(e) => Err(e.into()),
    }
}

fn usage(e: ClusterError) -> anyhow::Result<ExitCode> {
    eprintln!("错误 error: {e}");
    Ok(ExitCode::from(2))
}

/// The session on the cluster `args` names, or `None` for embedded; a bad URL is a usage error
/// (`Err(Ok(exit code))`), an unreachable cluster an internal one.
pub async fn session(
    args: &ClusterArgs,
) -> Result<Option<tianping_query::datafusion::prelude::SessionContext>, anyhow::Result<ExitCode>> {
    let Some(url) = &args.cluster else {
        return Ok(None);
    };
    let url = ClusterUrl::parse("--cluster", url).map_err(usage)?;
    if args.partitions == 0 {
        return Err(usage(ClusterError::BadOption {
            option: "--partitions",
            value: "0".into(),
            reason: "must be at least 1".into(),
        }));
    }
    tianping_cluster::remote::connect(
        &url,
        args.partitions,
        Duration::from_secs(args.probe_timeout_secs.max(1)),
    )
    .await
    .map(Some)
    .map_err(|e| Err(e.into()))
}
