//! The state every handler shares.

use std::sync::Arc;

use tianping_service::{Home, Ingestor};
use tianping_store::Store;
use tokio::sync::Semaphore;

use crate::clock::Clock;
use crate::config::ServerConfig;
use crate::limit::{KeyedLimiter, PlatformLimiter, TokenBucket};
use crate::masked::MaskedFindings;
use crate::metrics::Metrics;
use crate::routes::lakeview::LakeCache;
use crate::secrets::TotpKey;
use crate::uploads::Uploads;

/// Shared state (cheap to clone).
#[derive(Clone)]
pub struct AppState {
    /// The store.
    pub store: Arc<dyn Store>,
    /// Ingest of pushed batches.
    pub ingestor: Arc<Ingestor>,
    /// The home directory.
    pub home: Home,
    /// Validated configuration.
    pub config: Arc<ServerConfig>,
    /// The clock.
    pub clock: Arc<dyn Clock>,
    /// Counters.
    pub metrics: Arc<Metrics>,
    /// Password hashing slots.
    pub hashing: Arc<Semaphore>,
    /// Requests in flight.
    pub in_flight: Arc<Semaphore>,
    /// The global request rate.
    pub rate: Arc<TokenBucket>,
    /// Login and setup attempts per client address.
    pub logins: Arc<KeyedLimiter>,
    /// Requests per platform (supplier), by the API key presented.
    pub platform_rate: Arc<PlatformLimiter>,
    /// This process's directory for pushed archives.
    pub uploads: Arc<Uploads>,
    /// The key sealing TOTP secrets at rest.
    pub totp_key: Arc<TotpKey>,
    // --- dense
    /// The streamed `fake_orders` state (updated by `crate::stream`'s worker).
    pub stream: Arc<tianping_service::stream::StreamDesk>,
    /// Wakes the stream worker after a batch is acknowledged.
    pub stream_wake: Arc<tokio::sync::Notify>,
    /// The lake session of the current data version (helper `load`).
    pub lake: Arc<LakeCache>,
    /// Findings masked and serialised once per stored body (helper `load`).
    pub masked: Arc<MaskedFindings>,
}

impl AppState {
    /// State over an opened store and home.
    pub fn new(
        store: Arc<dyn Store>,
        home: Home,
        config: ServerConfig,
        clock: Arc<dyn Clock>,
    ) -> AppState {
        let limits = &config.limits;
        let ingestor = Ingestor::new(
            home.clone(),
            store.clone(),
            tianping_ingest::Limits::standard(),
        );
        let rate = f64::from(limits.max_requests_per_second);
        let stream = tianping_service::stream::StreamDesk::new(
            store.clone(),
            home.lake(),
            config.rule_overrides.clone(),
        );
        AppState {
            stream: Arc::new(stream),
            stream_wake: Arc::new(tokio::sync::Notify::new()),
            ingestor: Arc::new(ingestor),
            hashing: Arc::new(Semaphore::new(limits.hashing_concurrency)),
            in_flight: Arc::new(Semaphore::new(limits.max_concurrent_requests)),
            rate: Arc::new(TokenBucket::new(rate, rate.max(1.0))),
            logins: Arc::new(KeyedLimiter::new(limits.login_attempts_per_minute)),
            platform_rate: Arc::new(PlatformLimiter::new(
                limits.platform_requests_per_minute,
                limits.platform_burst,
            )),
            metrics: Arc::new(Metrics::default()),
            uploads: Arc::new(Uploads::new(home.root())),
            totp_key: Arc::new(TotpKey::new(home.root())),
            lake: Arc::new(LakeCache::default()),
            masked: Arc::new(MaskedFindings::default()),
            store,
            home,
            config: Arc::new(config),
            clock,
        }
    }
}
