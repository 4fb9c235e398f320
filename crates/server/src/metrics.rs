//! Counters for `/metrics` (Prometheus text exposition format 0.0.4), kept in atomics.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

/// Upper bounds of the latency histogram, seconds.
const BUCKETS: [f64; 10] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

/// The server's counters.
#[derive(Debug, Default)]
pub struct Metrics {
    requests_2xx: AtomicU64,
    requests_3xx: AtomicU64,
    requests_4xx: AtomicU64,
    requests_5xx: AtomicU64,
    in_flight: AtomicI64,
    shed_overload: AtomicU64,
    shed_rate: AtomicU64,
    /// Requests refused over a platform's own rate, by supplier (a supplier id is no secret;
    /// the key itself is never a label).
    shed_platform: Mutex<BTreeMap<String, u64>>,
    denied: AtomicU64,
    logins_ok: AtomicU64,
    logins_failed: AtomicU64,
    pushes: AtomicU64,
    latency_buckets: [AtomicU64; 10],
    latency_count: AtomicU64,
    latency_sum_micros: AtomicU64,
}

/// Events counted outside the request wrapper.
#[derive(Debug, Clone, Copy)]
pub enum Event {
    /// Refused: too many requests in flight (503).
    ShedOverload,
    /// Refused: over the request rate (429).
    ShedRate,
    /// An access denied by the policy.
    Denied,
    /// A successful login.
    LoginOk,
    /// A failed login.
    LoginFailed,
    /// A pushed batch (whatever its receipt).
    Push,
}

impl Metrics {
    /// Counts an event.
    pub fn count(&self, event: Event) {
        let c = match event {
            Event::ShedOverload => &self.shed_overload,
            Event::ShedRate => &self.shed_rate,
            Event::Denied => &self.denied,
            Event::LoginOk => &self.logins_ok,
            Event::LoginFailed => &self.logins_failed,
            Event::Push => &self.pushes,
        };
        c.fetch_add(1, Ordering::Relaxed);
    }

    /// A platform's request refused over its own rate.
    pub fn count_platform_shed(&self, supplier: &str) {
        let mut m = self.shed_platform.lock().unwrap_or_else(|e| e.into_inner());
        *m.entry(supplier.to_string()).or_insert(0) += 1;
    }

    /// A request started.
    pub fn start(&self) {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
    }

    /// A request finished with `status` after `seconds`.
    pub fn finish(&self, status: u16, seconds: f64) {
        self.in_flight.fetch_sub(1, Ordering::Relaxed);
        let c = match status {
            200..=299 => &self.requests_2xx,
            300..=399 => &self.requests_3xx,
            400..=499 => &self.requests_4xx,
            _ => &self.requests_5xx,
        };
        c.fetch_add(1, Ordering::Relaxed);
        for (i, bound) in BUCKETS.iter().enumerate() {
            if seconds <= *bound {
                self.latency_buckets[i].fetch_add(1, Ordering::Relaxed);
            }
        }
        self.latency_count.fetch_add(1, Ordering::Relaxed);
        self.latency_sum_micros
            .fetch_add((seconds * 1e6) as u64, Ordering::Relaxed);
    }

    /// The exposition text.
    pub fn render(&self) -> String {
        let g = |a: &AtomicU64| a.load(Ordering::Relaxed);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# HELP tianping_http_requests_total HTTP requests answered, by status class."
        );
        let _ = writeln!(out, "# TYPE tianping_http_requests_total counter");
        for (class, c) in [
            ("2xx", &self.requests_2xx),
            ("3xx", &self.requests_3xx),
            ("4xx", &self.requests_4xx),
            ("5xx", &self.requests_5xx),
        ] {
            let _ = writeln!(
                out,
                "tianping_http_requests_total{{class=\"{class}\"}} {}",
                g(c)
            );
        }
        let _ = writeln!(
            out,
            "# HELP tianping_http_in_flight Requests being handled."
        );
        let _ = writeln!(out, "# TYPE tianping_http_in_flight gauge");
        let _ = writeln!(
            out,
            "tianping_http_in_flight {}",
            self.in_flight.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "# HELP tianping_http_shed_total Requests refused to protect the service."
        );
        let _ = writeln!(out, "# TYPE tianping_http_shed_total counter");
        let _ = writeln!(
            out,
            "tianping_http_shed_total{{reason=\"overload\"}} {}",
            g(&self.shed_overload)
        );
        let _ = writeln!(
            out,
            "tianping_http_shed_total{{reason=\"rate\"}} {}",
            g(&self.shed_rate)
        );
        let by_supplier = self
            .shed_platform
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let _ = writeln!(
            out,
            "tianping_http_shed_total{{reason=\"platform_rate\"}} {}",
            by_supplier.values().sum::<u64>()
        );
        let _ = writeln!(
            out,
            "# HELP tianping_platform_throttled_total Platform requests refused over the platform's own rate, by supplier."
        );
        let _ = writeln!(out, "# TYPE tianping_platform_throttled_total counter");
        for (supplier, n) in &by_supplier {
            let _ = writeln!(
                out,
                "tianping_platform_throttled_total{{supplier=\"{}\"}} {n}",
                label(supplier)
            );
        }
        let _ = writeln!(
            out,
            "# HELP tianping_access_denied_total Accesses denied by the policy."
        );
        let _ = writeln!(out, "# TYPE tianping_access_denied_total counter");
        let _ = writeln!(out, "tianping_access_denied_total {}", g(&self.denied));
        let _ = writeln!(out, "# HELP tianping_logins_total Staff logins.");
        let _ = writeln!(out, "# TYPE tianping_logins_total counter");
        let _ = writeln!(
            out,
            "tianping_logins_total{{outcome=\"success\"}} {}",
            g(&self.logins_ok)
        );
        let _ = writeln!(
            out,
            "tianping_logins_total{{outcome=\"failure\"}} {}",
            g(&self.logins_failed)
        );
        let _ = writeln!(
            out,
            "# HELP tianping_pushed_batches_total Batches pushed by platforms."
        );
        let _ = writeln!(out, "# TYPE tianping_pushed_batches_total counter");
        let _ = writeln!(out, "tianping_pushed_batches_total {}", g(&self.pushes));
        let _ = writeln!(
            out,
            "# HELP tianping_http_request_duration_seconds Request latency."
        );
        let _ = writeln!(
            out,
            "# TYPE tianping_http_request_duration_seconds histogram"
        );
        for (i, bound) in BUCKETS.iter().enumerate() {
            let _ = writeln!(
                out,
                "tianping_http_request_duration_seconds_bucket{{le=\"{bound}\"}} {}",
                g(&self.latency_buckets[i])
            );
        }
        let count = g(&self.latency_count);
        let _ = writeln!(
            out,
            "tianping_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {count}"
        );
        let _ = writeln!(
            out,
            "tianping_http_request_duration_seconds_sum {}",
            g(&self.latency_sum_micros) as f64 / 1e6
        );
        let _ = writeln!(out, "tianping_http_request_duration_seconds_count {count}");
        out
    }
}

/// A label value escaped per the exposition format (backslash, quote, newline).
fn label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counts() {
        let m = Metrics::default();
        m.start();
        m.finish(200, 0.02);
        m.start();
        m.finish(429, 0.001);
        m.count(Event::ShedRate);
        let text = m.render();
        assert!(text.contains("tianping_http_requests_total{class=\"2xx\"} 1"));
        assert!(text.contains("tianping_http_requests_total{class=\"4xx\"} 1"));
        assert!(text.contains("tianping_http_shed_total{reason=\"rate\"} 1"));
        assert!(text.contains("tianping_http_request_duration_seconds_bucket{le=\"0.025\"} 2"));
        assert!(text.contains("tianping_http_request_duration_seconds_bucket{le=\"0.01\"} 1"));
        assert!(text.contains("tianping_http_in_flight 0"));
        assert!(text.contains("tianping_http_shed_total{reason=\"platform_rate\"} 0"));
        m.count_platform_shed("tmall");
        m.count_platform_shed("tmall");
        m.count_platform_shed("j\"d");
        let text = m.render();
        assert!(text.contains("tianping_http_shed_total{reason=\"platform_rate\"} 3"));
        assert!(text.contains("tianping_platform_throttled_total{supplier=\"tmall\"} 2"));
        assert!(text.contains("tianping_platform_throttled_total{supplier=\"j\\\"d\"} 1"));
    }
}
