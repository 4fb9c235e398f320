//! Scale-out on Apache DataFusion Ballista: the scheduler and the executor run from Tianping's
//! own binary (one artefact to deploy), and the driver's remote session that plans the same
//! queries as the embedded engine and runs them on the cluster.
//!
//! * [`scheduler::run`] — a Ballista scheduler (in-memory cluster state, one per cluster).
//! * [`executor::run`] — a Ballista executor registered with a scheduler; it reads the lake's
//!   Parquet parts by the absolute paths the driver registered, so the lake must be on a path
//!   that every executor sees the same (a shared file system).
//! * [`remote::connect`] — a `SessionContext` whose queries run on the cluster, with the same
//!   session settings as the embedded [`tianping_query::Lake`].
//!
//! Ballista's version tracks DataFusion's major; both are pinned together in the workspace.

pub mod address;
pub mod executor;
pub mod remote;
pub mod scheduler;

pub use address::{ClusterUrl, HostPort};

/// Errors of the cluster layer.
#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    /// A bad address or option (the user's error), naming the option and the value.
    #[error("{option} {value:?}: {reason}")]
    BadOption {
        /// The option, e.g. `--bind`.
        option: &'static str,
        /// The value given.
        value: String,
        /// Why it is refused.
        reason: String,
    },
    /// The scheduler or an executor failed, or the scheduler could not be reached.
    #[error("{0}")]
    Ballista(String),
}
