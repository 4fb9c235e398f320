//! Protecting the service: a token bucket over all requests (429 beyond the rate), a cap on
//! requests in flight (503 beyond it), per-address buckets for login and setup attempts, and one
//! bucket per platform (supplier) for requests made with its API keys, taken before the
//! server-wide bucket so one platform's flood cannot use up the others' share. Time is passed
//! in, so the buckets are tested without sleeping.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Tokens of one bucket and when they were last counted.
#[derive(Debug, Clone, Copy)]
struct Tokens {
    tokens: f64,
    last: Instant,
}

impl Tokens {
    fn full(burst: f64, now: Instant) -> Tokens {
        Tokens {
            tokens: burst,
            last: now,
        }
    }

    /// Refills at `rate` per second up to `burst`, then takes a token if there is one; else the
    /// time until one is there.
    fn take(&mut self, now: Instant, rate: f64, burst: f64) -> Result<(), Duration> {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * rate).min(burst);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - self.tokens) / rate))
        }
    }

    /// Whether the bucket would be full again at `now` (so it can be forgotten).
    fn full_at(&self, now: Instant, rate: f64, burst: f64) -> bool {
        self.tokens + now.saturating_duration_since(self.last).as_secs_f64() * rate >= burst
    }
}

/// A token bucket: `rate` tokens per second, holding at most `burst`.
#[derive(Debug)]
pub struct TokenBucket {
    rate: f64,
    burst: f64,
    state: Mutex<Option<Tokens>>,
}

impl TokenBucket {
    /// A full bucket.
    pub fn new(rate_per_second: f64, burst: f64) -> TokenBucket {
        TokenBucket {
            rate: rate_per_second,
            burst,
            state: Mutex::new(None),
        }
    }

    /// Takes a token at `now` if there is one.
    pub fn try_take(&self, now: Instant) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.get_or_insert_with(|| Tokens::full(self.burst, now))
            .take(now, self.rate, self.burst)
            .is_ok()
    }
}

/// Keys remembered at most; beyond it, full buckets are dropped first, then all.
const MAX_KEYS: usize = 100_000;

/// One bucket per key (a client address), forgotten when full again; bounded in size.
#[derive(Debug)]
pub struct KeyedLimiter {
    per_minute: f64,
    buckets: Mutex<HashMap<String, Tokens>>,
}

impl KeyedLimiter {
    /// `per_minute` attempts per key per minute, in a burst of as many.
    pub fn new(per_minute: u32) -> KeyedLimiter {
        KeyedLimiter {
            per_minute: f64::from(per_minute),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes an attempt for `key` at `now` if allowed.
    pub fn try_take(&self, key: &str, now: Instant) -> bool {
        let mut map = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        let (rate, burst) = (self.per_minute / 60.0, self.per_minute);
        if map.len() >= MAX_KEYS {
            map.retain(|_, t| !t.full_at(now, rate, burst));
            if map.len() >= MAX_KEYS {
                map.clear();
            }
        }
        map.entry(key.to_string())
            .or_insert_with(|| Tokens::full(burst, now))
            .take(now, rate, burst)
            .is_ok()
    }
}

/// A platform's request refused over its own rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Throttled {
    /// The supplier whose bucket is empty.
    pub supplier: String,
    /// Whole seconds until its next token (at least 1): the `Retry-After` answered.
    pub retry_after: u64,
}

/// One bucket per platform (supplier): `per_minute` requests a minute in a burst of `burst`.
/// A request is charged to a supplier by the storage hash of the API key it presents, once a
/// request with that key was authenticated ([`PlatformLimiter::learn`], called by
/// `access::Caller`); so no store read happens before the bucket, and a key nobody holds (an
/// unauthenticated caller) is under the server-wide bucket only. All keys of one supplier share
/// its bucket.
#[derive(Debug)]
pub struct PlatformLimiter {
    rate: f64,
    burst: f64,
    state: Mutex<Platforms>,
}

#[derive(Debug, Default)]
struct Platforms {
    /// Key storage hash → supplier.
    suppliers: HashMap<String, String>,
    /// Supplier → its bucket.
    buckets: HashMap<String, Tokens>,
}

impl PlatformLimiter {
    /// `per_minute` requests per supplier per minute, at most `burst` at once.
    pub fn new(per_minute: u32, burst: u32) -> PlatformLimiter {
        PlatformLimiter {
            rate: f64::from(per_minute) / 60.0,
            burst: f64::from(burst),
            state: Mutex::new(Platforms::default()),
        }
    }

    /// Remembers that the key with this storage hash belongs to `supplier`.
    pub fn learn(&self, key_hash: &str, supplier: &str) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if s.suppliers
            .get(key_hash)
            .is_some_and(|known| known == supplier)
        {
            return;
        }
        if s.suppliers.len() >= MAX_KEYS {
            s.suppliers.clear();
        }
        s.suppliers
            .insert(key_hash.to_string(), supplier.to_string());
    }

    /// Charges a request presenting the key with this storage hash at `now` to its supplier's
    /// bucket; a key not learned yet is not charged.
    pub fn try_take(&self, key_hash: &str, now: Instant) -> Result<(), Throttled> {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let Some(supplier) = s.suppliers.get(key_hash).cloned() else {
            return Ok(());
        };
        let (rate, burst) = (self.rate, self.burst);
        let bucket = s
            .buckets
            .entry(supplier.clone())
            .or_insert_with(|| Tokens::full(burst, now));
        bucket.take(now, rate, burst).map_err(|wait| Throttled {
            supplier,
            retry_after: (wait.as_secs_f64().ceil() as u64).max(1),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_refills_at_its_rate() {
        let t0 = Instant::now();
        let b = TokenBucket::new(10.0, 5.0);
        assert_eq!((0..8).filter(|_| b.try_take(t0)).count(), 5);
        assert!(!b.try_take(t0 + Duration::from_millis(50)));
        assert!(b.try_take(t0 + Duration::from_millis(160)));
        assert_eq!(
            (0..20)
                .filter(|_| b.try_take(t0 + Duration::from_secs(10)))
                .count(),
            5
        );
    }

    #[test]
    fn keyed_limiter_is_per_key() {
        let t0 = Instant::now();
        let l = KeyedLimiter::new(3);
        assert_eq!((0..5).filter(|_| l.try_take("a", t0)).count(), 3);
        assert!(l.try_take("b", t0));
        assert!(!l.try_take("a", t0 + Duration::from_secs(10)));
        assert!(l.try_take("a", t0 + Duration::from_secs(21)));
    }

    #[test]
    fn platform_limiter_is_per_supplier_and_says_when_to_retry() {
        let t0 = Instant::now();
        // 6 a minute (one every 10 s), 2 at once.
        let l = PlatformLimiter::new(6, 2);
        // A key not learned yet is not charged (an unauthenticated caller).
        assert!((0..10).all(|_| l.try_take("hash-a1", t0).is_ok()));
        l.learn("hash-a1", "tmall");
        l.learn("hash-a2", "tmall");
        l.learn("hash-b", "jd");
        assert!(l.try_take("hash-a1", t0).is_ok());
        assert!(l.try_take("hash-a2", t0).is_ok(), "the second of the burst");
        // Both of tmall's keys share its bucket; jd's is untouched.
        let refused = l.try_take("hash-a1", t0).unwrap_err();
        assert_eq!(
            refused,
            Throttled {
                supplier: "tmall".into(),
                retry_after: 10
            }
        );
        assert_eq!(l.try_take("hash-a2", t0).unwrap_err().supplier, "tmall");
        assert!(l.try_take("hash-b", t0).is_ok());
        assert!(l.try_take("hash-b", t0).is_ok());
        // 4 s later tmall has 0.4 of a token: retry in 6 s; at 10 s it has one.
        let later = l
            .try_take("hash-a1", t0 + Duration::from_secs(4))
            .unwrap_err();
        assert_eq!(later.retry_after, 6);
        assert!(l.try_take("hash-a1", t0 + Duration::from_secs(10)).is_ok());
    }
}
