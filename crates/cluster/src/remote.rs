//! The driver's side: a DataFusion session whose queries are planned here, sent to the
//! scheduler as logical plans, run on the executors, and whose (reduced) results come back to
//! this process over Arrow Flight.

use std::time::Duration;

use ballista::prelude::SessionContextExt;
use datafusion::execution::SessionStateBuilder;
use datafusion::prelude::SessionContext;

use crate::{ClusterError, ClusterUrl};

/// A session on the cluster at `url` with the lake's session settings and `partitions` target
/// partitions (about the executors' total task slots). Runs `SELECT 1` on the cluster first, so
/// an unreachable scheduler or a cluster without executors is a clear error now rather than in
/// the middle of a detection; the probe gives up after `probe_timeout` (a scheduler without
/// executors queues jobs rather than failing them).
pub async fn connect(
    url: &ClusterUrl,
    partitions: usize,
    probe_timeout: Duration,
) -> Result<SessionContext, ClusterError> {
    let state = SessionStateBuilder::new()
        .with_config(tianping_query::session_config(partitions))
        .with_default_features()
        .build();
    let ctx = SessionContext::remote_with_state(&url.to_string(), state)
        .await
        .map_err(|e| ClusterError::Ballista(format!("{url}: {e}")))?;
    let probe = async {
        let batches = ctx.sql("SELECT 1 AS one").await?.collect().await?;
        Ok::<usize, datafusion::error::DataFusionError>(batches.iter().map(|b| b.num_rows()).sum())
    };
    let Ok(outcome) = tokio::time::timeout(probe_timeout, probe).await else {
        return Err(ClusterError::Ballista(format!(
            "集群不可用 cluster unavailable at {url}: no answer to a probe query within {} s \
             (are executors registered? `GET http://{}/readyz`)",
            probe_timeout.as_secs(),
            url.0
        )));
    };
    match outcome {
        Ok(1) => Ok(ctx),
        Ok(n) => Err(ClusterError::Ballista(format!(
            "{url}: the probe query returned {n} rows instead of 1"
        ))),
        Err(e) => Err(ClusterError::Ballista(format!(
            "集群不可用 cluster unavailable at {url}: {e}"
        ))),
    }
}
