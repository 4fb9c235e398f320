//! Who may do what: staff and platform authentication and the access policy, as pure functions.
//!
//! Nothing here does IO or reads the clock: time (`now`) and randomness (salts, secrets, tokens)
//! are arguments, so every rule — lockout, idle timeout, re-authentication, TOTP windows — is
//! tested deterministically. The server reads the clock and the OS random generator and calls in.
//!
//! - [`password`]: argon2id hashes with the OWASP parameters, and the password policy.
//! - [`totp`]: RFC 6238 one-time codes (the second, cryptographic factor), single use per step.
//! - [`lockout`]: 5 failures lock an account for 15 minutes.
//! - [`session`]: opaque tokens stored hashed, 30-minute idle timeout, re-authentication window.
//! - [`role`]: roles, and role sets that never hold two of the three administrators.
//! - [`scope`]: department and region (adcode) scopes.
//! - [`department`]: the installation's department registry (ids, names, regions, parents).
//! - [`policy`]: the table `Operation × Role → Allow(scope rule) | Deny` and [`authorize`].
//! - [`mask`]: who may see personal fields unmasked.
//! - [`seal`]: TOTP secrets sealed at rest (XChaCha20-Poly1305, bound to the account).

pub mod department;
pub mod lockout;
pub mod mask;
pub mod password;
pub mod policy;
pub mod role;
pub mod scope;
pub mod seal;
pub mod session;
pub mod totp;

pub use policy::{Decision, DenyReason, Operation, Principal, Resource, ScopeRule, authorize};
pub use role::{Role, RoleError, Roles};
pub use scope::{Adcode, DepartmentId, Scope, ScopeError};
