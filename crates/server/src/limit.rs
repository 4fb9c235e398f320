//! Protecting the service: a token bucket over all requests (429 beyond the rate), a cap on
//! requests in flight (503 beyond it), and per-address buckets for login and setup attempts.
//! Time is passed in, so the buckets are tested without sleeping.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

/// A token bucket: `rate` tokens per second, holding at most `burst`.
#[derive(Debug)]
pub struct TokenBucket {
    rate: f64,
    burst: f64,
    state: Mutex<(f64, Option<Instant>)>,
}

impl TokenBucket {
    /// A full bucket.
    pub fn new(rate_per_second: f64, burst: f64) -> TokenBucket {
        TokenBucket {
            rate: rate_per_second,
            burst,
            state: Mutex::new((burst, None)),
        }
    }

    /// Takes a token at `now` if there is one.
    pub fn try_take(&self, now: Instant) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let (tokens, last) = &mut *s;
        if let Some(last) = *last {
            let elapsed = now.saturating_duration_since(last).as_secs_f64();
            *tokens = (*tokens + elapsed * self.rate).min(self.burst);
        }
        *last = Some(now);
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// One bucket per key (a client address), forgotten when full again; bounded in size.
#[derive(Debug)]
pub struct KeyedLimiter {
    per_minute: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

/// Keys remembered at most; beyond it, full buckets are dropped first, then all.
const MAX_KEYS: usize = 100_000;

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
        let rate = self.per_minute / 60.0;
        if map.len() >= MAX_KEYS {
            let burst = self.per_minute;
            map.retain(|_, (tokens, last)| {
                *tokens + now.saturating_duration_since(*last).as_secs_f64() * rate < burst
            });
            if map.len() >= MAX_KEYS {
                map.clear();
            }
        }
        let entry = map.entry(key.to_string()).or_insert((self.per_minute, now));
        let elapsed = now.saturating_duration_since(entry.1).as_secs_f64();
        entry.0 = (entry.0 + elapsed * rate).min(self.per_minute);
        entry.1 = now;
        if entry.0 >= 1.0 {
            entry.0 -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

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
}
