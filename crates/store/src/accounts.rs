//! The `accounts` area of the store: staff accounts, their sessions, platform API keys, and the
//! append-only, hash-chained audit log.
//!
//! Secrets are never stored in the clear: passwords as argon2id PHC strings, session tokens and
//! API keys as SHA-256 of the token (computed by `tianping-auth`). Times are RFC 3339 in UTC with
//! a `Z` and microseconds (`2026-03-02T01:02:03.000000Z`), so text order is time order.
//!
//! # The audit log
//!
//! Rows are numbered from 1 without gaps. Each row stores `prev_hash` (the previous row's hash,
//! 64 zeros for the first) and `row_hash = SHA-256(prev_hash ‖ canonical(row))`, where the
//! canonical row is [`AuditEvent::canonical`]. The database refuses UPDATE and DELETE on the table
//! (SQLite triggers that `RAISE(ABORT)`, a PostgreSQL trigger that raises), so the application
//! cannot change history; [`AccountStore::verify_audit_chain`] detects what a database owner might.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::StoreError;

/// The `prev_hash` of the first audit row.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A new staff or platform account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    /// Random id (UUID).
    pub user_id: String,
    /// Login name (unique).
    pub login: String,
    /// Display name.
    pub display_name: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// TOTP secret, base32.
    pub totp_secret: String,
    /// Roles, comma separated (validated by `tianping_auth::Roles`).
    pub roles: String,
    /// Department id.
    pub department: String,
    /// Region adcode.
    pub region: String,
    /// When created.
    pub created_at: String,
}

/// A stored account.
#[derive(Clone, PartialEq, Eq)]
pub struct AccountRecord {
    /// Random id.
    pub user_id: String,
    /// Login name.
    pub login: String,
    /// Display name.
    pub display_name: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// TOTP secret, base32.
    pub totp_secret: String,
    /// Step of the last accepted TOTP code.
    pub totp_last_step: Option<u64>,
    /// Roles, comma separated.
    pub roles: String,
    /// Department id.
    pub department: String,
    /// Region adcode.
    pub region: String,
    /// Consecutive failed logins.
    pub failures: u32,
    /// Locked until, if locked.
    pub locked_until: Option<String>,
    /// Disabled accounts cannot log in and have no sessions.
    pub disabled: bool,
    /// When created.
    pub created_at: String,
}

impl std::fmt::Debug for AccountRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // No password hash or TOTP secret in logs.
        f.debug_struct("AccountRecord")
            .field("user_id", &self.user_id)
            .field("login", &self.login)
            .field("roles", &self.roles)
            .field("department", &self.department)
            .field("region", &self.region)
            .field("disabled", &self.disabled)
            .finish_non_exhaustive()
    }
}

/// Which accounts a list returns (the caller's scope, applied in the query).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountFilter {
    /// Only this department.
    pub department: Option<String>,
    /// Only regions starting with this prefix.
    pub region_prefix: Option<String>,
}

/// A stored session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    /// SHA-256 of the token.
    pub token_hash: String,
    /// Its account.
    pub user_id: String,
    /// Login time.
    pub created_at: String,
    /// Last request.
    pub last_seen: String,
    /// Last password + TOTP check.
    pub authenticated_at: String,
}

/// A platform API key as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKeyRecord {
    /// SHA-256 of the key.
    pub key_hash: String,
    /// Public id of the key (for listing and revocation).
    pub key_id: String,
    /// The supplier the key acts for.
    pub supplier: String,
    /// A label.
    pub label: String,
    /// When issued.
    pub created_at: String,
    /// Who issued it.
    pub created_by: String,
    /// Revoked keys authenticate nothing.
    pub revoked: bool,
}

/// An audit event to append. No field may hold a password, token, or raw personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// When (UTC, see the module doc).
    pub at: String,
    /// Who: an account id, `platform:<supplier>`, or `anonymous`.
    pub actor: String,
    /// What: an operation id or event name (`login`, `denied`, `unmask_quarantine`, …).
    pub action: String,
    /// On what (a batch, an account id, …).
    pub target: String,
    /// `success`, `failure` or `denied`.
    pub outcome: String,
    /// More, as JSON text.
    pub detail: String,
    /// Where from (client address).
    pub source: String,
}

impl AuditEvent {
    /// The canonical bytes of a row: a JSON array of the sequence number and every field, in
    /// a fixed order.
    pub fn canonical(&self, seq: u64) -> Vec<u8> {
        serde_json::to_vec(&serde_json::json!([
            seq,
            self.at,
            self.actor,
            self.action,
            self.target,
            self.outcome,
            self.detail,
            self.source
        ]))
        .unwrap_or_default()
    }

    /// The row hash: SHA-256 of the previous row's hash (hex text) and the canonical row.
    pub fn chain_hash(&self, seq: u64, prev_hash: &str) -> String {
        let mut h = Sha256::new();
        h.update(prev_hash.as_bytes());
        h.update(self.canonical(seq));
        hex::encode(h.finalize())
    }
}

/// A stored audit row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRecord {
    /// Position in the log, from 1.
    pub seq: u64,
    /// The event.
    #[serde(flatten)]
    pub event: AuditEvent,
    /// The previous row's hash.
    pub prev_hash: String,
    /// This row's hash.
    pub row_hash: String,
}

/// What [`AccountStore::verify_audit_chain`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditChainReport {
    /// Rows checked.
    pub rows: u64,
    /// Hash of the last row (the head), or the genesis hash when empty.
    pub head: String,
    /// The first row that does not verify (gap, wrong link or wrong hash), if any.
    pub first_bad_seq: Option<u64>,
}

impl AuditChainReport {
    /// Whether the whole chain verifies.
    pub fn is_intact(&self) -> bool {
        self.first_bad_seq.is_none()
    }
}

/// Accounts, sessions, API keys and the audit log.
#[async_trait]
pub trait AccountStore: Send + Sync {
    /// Number of accounts.
    async fn count_accounts(&self) -> Result<u64, StoreError>;

    /// First-run setup: creates the account only if no account exists and setup never ran
    /// (atomic; concurrent calls create at most one). Returns whether it was created.
    async fn create_first_account(&self, account: &NewAccount) -> Result<bool, StoreError>;

    /// Creates an account. Returns `false` if the login is taken.
    async fn create_account(&self, account: &NewAccount) -> Result<bool, StoreError>;

    /// An account by login name.
    async fn account_by_login(&self, login: &str) -> Result<Option<AccountRecord>, StoreError>;

    /// An account by id.
    async fn account_by_id(&self, user_id: &str) -> Result<Option<AccountRecord>, StoreError>;

    /// Accounts within the filter, by login.
    async fn list_accounts(
        &self,
        filter: &AccountFilter,
        limit: u32,
        offset: u64,
    ) -> Result<Vec<AccountRecord>, StoreError>;

    /// Stores the lock state after a failed login.
    async fn set_lock_state(
        &self,
        user_id: &str,
        failures: u32,
        locked_until: Option<&str>,
    ) -> Result<(), StoreError>;

    /// After a successful password + TOTP check: records the TOTP step and clears failures and
    /// lock, only if `totp_step` is later than the last one used. Returns `false` if another
    /// login used this step first (the code is spent).
    async fn record_login_success(&self, user_id: &str, totp_step: u64)
    -> Result<bool, StoreError>;

    /// Replaces the stored password hash (rehash with current parameters).
    async fn set_password_hash(&self, user_id: &str, password_hash: &str)
    -> Result<(), StoreError>;

    /// Replaces an account's roles.
    async fn set_roles(&self, user_id: &str, roles: &str) -> Result<bool, StoreError>;

    /// Disables an account and deletes its sessions, in one transaction.
    async fn disable_account(&self, user_id: &str) -> Result<bool, StoreError>;

    /// Stores a new session.
    async fn create_session(&self, session: &SessionRecord) -> Result<(), StoreError>;

    /// A session by token hash.
    async fn session(&self, token_hash: &str) -> Result<Option<SessionRecord>, StoreError>;

    /// Updates a session's last request time.
    async fn touch_session(&self, token_hash: &str, now: &str) -> Result<(), StoreError>;

    /// Marks a session re-authenticated at `now`.
    async fn reauthenticate_session(&self, token_hash: &str, now: &str) -> Result<(), StoreError>;

    /// Deletes a session.
    async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError>;

    /// Stores a new API key.
    async fn create_api_key(&self, key: &ApiKeyRecord) -> Result<(), StoreError>;

    /// An API key by hash.
    async fn api_key(&self, key_hash: &str) -> Result<Option<ApiKeyRecord>, StoreError>;

    /// Revokes an API key by its public id. Returns whether a key was found.
    async fn revoke_api_key(&self, key_id: &str) -> Result<bool, StoreError>;

    /// Appends an audit event to the chain (serialised: concurrent appends never fork it).
    async fn append_audit(&self, event: &AuditEvent) -> Result<AuditRecord, StoreError>;

    /// Audit rows, newest first, with `seq` below `before` if given.
    async fn audit_events(
        &self,
        limit: u32,
        before: Option<u64>,
    ) -> Result<Vec<AuditRecord>, StoreError>;

    /// Walks the whole audit log and checks numbering, links and hashes.
    async fn verify_audit_chain(&self) -> Result<AuditChainReport, StoreError>;

    // --- web (helper): the administrators' pages.
    /// Enables a disabled account and clears its failed-login lock. Returns whether it exists.
    async fn enable_account(&self, user_id: &str) -> Result<bool, StoreError>;

    /// Replaces an account's (sealed) TOTP secret, forgets its last used step and deletes its
    /// sessions, in one transaction. Returns whether it exists.
    async fn reset_totp(&self, user_id: &str, sealed_secret: &str) -> Result<bool, StoreError>;

    /// Platform API keys (hashes included; callers show only the public fields), oldest first.
    async fn list_api_keys(&self, limit: u32) -> Result<Vec<ApiKeyRecord>, StoreError>;
}
