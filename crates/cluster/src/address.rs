//! Typed addresses: `HOST:PORT` for binding and connecting, and the `df://HOST:PORT` URL of a
//! scheduler. Parsing names the option and the value that is wrong.

use std::fmt;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};

use crate::ClusterError;

/// Ballista's default scheduler port, used when a `df://` URL has none.
pub const DEFAULT_SCHEDULER_PORT: u16 = 50050;

/// A host (name or IP) and a port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPort {
    /// Host name or IP address (IPv6 without brackets).
    pub host: String,
    /// Port.
    pub port: u16,
}

impl HostPort {
    /// Parses `HOST:PORT` (`[V6]:PORT` for IPv6) given to `option`.
    pub fn parse(option: &'static str, value: &str) -> Result<HostPort, ClusterError> {
        let bad = |reason: &str| ClusterError::BadOption {
            option,
            value: value.to_string(),
            reason: reason.to_string(),
        };
        let (host, port) = value
            .rsplit_once(':')
            .ok_or_else(|| bad("expected HOST:PORT"))?;
        let bracketed = host.strip_prefix('[').and_then(|h| h.strip_suffix(']'));
        if host.is_empty() {
            return Err(bad("the host is empty"));
        }
        let host = match bracketed {
            Some(v6) if v6.parse::<std::net::Ipv6Addr>().is_ok() => v6,
            Some(_) => return Err(bad("[…] must hold an IPv6 address")),
            None if host.contains(':') => {
                return Err(bad("write an IPv6 address as [ADDRESS]:PORT"));
            }
            None => host,
        };
        if !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '_'))
        {
            return Err(bad("the host has characters a host name cannot have"));
        }
        let port: u16 = port
            .parse()
            .map_err(|_| bad("the port is not a number from 0 to 65535"))?;
        Ok(HostPort {
            host: host.to_string(),
            port,
        })
    }

    /// The socket address to bind (the host must be an IP address, or resolve to one).
    pub fn socket_addr(&self, option: &'static str) -> Result<SocketAddr, ClusterError> {
        if let Ok(ip) = self.host.parse::<IpAddr>() {
            return Ok(SocketAddr::new(ip, self.port));
        }
        (self.host.as_str(), self.port)
            .to_socket_addrs()
            .ok()
            .and_then(|mut a| a.next())
            .ok_or_else(|| ClusterError::BadOption {
                option,
                value: self.to_string(),
                reason: "the host does not resolve to an address".into(),
            })
    }

    /// Whether the host is the unspecified address (`0.0.0.0`, `::`), which others cannot connect to.
    pub fn is_unspecified(&self) -> bool {
        self.host
            .parse::<IpAddr>()
            .map(|ip| ip.is_unspecified())
            .unwrap_or(false)
    }
}

impl fmt::Display for HostPort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

/// A scheduler's `df://HOST[:PORT]` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterUrl(pub HostPort);

impl ClusterUrl {
    /// Parses `df://HOST[:PORT]` given to `option` (the port defaults to 50050).
    pub fn parse(option: &'static str, value: &str) -> Result<ClusterUrl, ClusterError> {
        let rest = value
            .strip_prefix("df://")
            .ok_or_else(|| ClusterError::BadOption {
                option,
                value: value.to_string(),
                reason: "expected df://HOST:PORT (the scheduler)".into(),
            })?;
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        let has_port = rest
            .rsplit_once(':')
            .is_some_and(|(h, p)| !p.is_empty() && (!h.contains(':') || h.ends_with(']')));
        let hp = if has_port {
            HostPort::parse(option, rest)
        } else {
            HostPort::parse(option, &format!("{rest}:{DEFAULT_SCHEDULER_PORT}"))
        }
        .map_err(|e| match e {
            ClusterError::BadOption { reason, .. } => ClusterError::BadOption {
                option,
                value: value.to_string(),
                reason,
            },
            other => other,
        })?;
        Ok(ClusterUrl(hp))
    }
}

impl fmt::Display for ClusterUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "df://{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_port_parses_and_refuses_with_the_value() {
        let hp = HostPort::parse("--bind", "127.0.0.1:50050").unwrap();
        assert_eq!(hp.host, "127.0.0.1");
        assert_eq!(hp.port, 50050);
        assert_eq!(hp.to_string(), "127.0.0.1:50050");
        let v6 = HostPort::parse("--bind", "[::1]:7").unwrap();
        assert_eq!(v6.host, "::1");
        assert_eq!(v6.to_string(), "[::1]:7");
        assert!(
            HostPort::parse("--bind", "0.0.0.0:1")
                .unwrap()
                .is_unspecified()
        );
        for bad in [
            "127.0.0.1",
            ":80",
            "host:99999",
            "host:x",
            "a b:1",
            "::1:80",
        ] {
            let e = HostPort::parse("--bind", bad).unwrap_err().to_string();
            assert!(e.starts_with("--bind"), "{e}");
            assert!(e.contains(bad), "{e}");
        }
    }

    #[test]
    fn cluster_url_defaults_the_port_and_refuses_other_schemes() {
        let u = ClusterUrl::parse("--cluster", "df://sched.local").unwrap();
        assert_eq!(u.0.port, DEFAULT_SCHEDULER_PORT);
        assert_eq!(u.to_string(), "df://sched.local:50050");
        let u = ClusterUrl::parse("--cluster", "df://127.0.0.1:6000/").unwrap();
        assert_eq!(u.0, HostPort::parse("x", "127.0.0.1:6000").unwrap());
        let e = ClusterUrl::parse("--cluster", "http://x:1")
            .unwrap_err()
            .to_string();
        assert!(e.contains("--cluster") && e.contains("http://x:1"), "{e}");
        let e = ClusterUrl::parse("--cluster", "df://x:port")
            .unwrap_err()
            .to_string();
        assert!(e.contains("df://x:port"), "{e}");
    }
}
