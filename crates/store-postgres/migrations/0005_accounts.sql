-- Staff and platform accounts, sessions, platform API keys, and the append-only audit log
-- (crates/store/src/accounts.rs). Secrets are stored hashed; times are UTC RFC 3339 text.
CREATE TABLE accounts (
    user_id        TEXT PRIMARY KEY,
    login          TEXT NOT NULL UNIQUE,
    display_name   TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    totp_secret    TEXT NOT NULL,
    totp_last_step BIGINT,
    roles          TEXT NOT NULL,
    department     TEXT NOT NULL,
    region         TEXT NOT NULL,
    failures       BIGINT NOT NULL DEFAULT 0,
    locked_until   TEXT,
    disabled       BIGINT NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL
);
CREATE INDEX accounts_scope ON accounts (department, region);

-- One row ever: first-run setup happened.
CREATE TABLE setup_marker (
    id      BIGINT PRIMARY KEY CHECK (id = 1),
    done_at TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash       TEXT PRIMARY KEY,
    user_id          TEXT NOT NULL REFERENCES accounts (user_id),
    created_at       TEXT NOT NULL,
    last_seen        TEXT NOT NULL,
    authenticated_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_keys (
    key_hash   TEXT PRIMARY KEY,
    key_id     TEXT NOT NULL UNIQUE,
    supplier   TEXT NOT NULL,
    label      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    revoked    BIGINT NOT NULL DEFAULT 0
);

-- The audit log: numbered from 1, each row hash-chained to the previous one.
CREATE TABLE audit_log (
    seq       BIGINT PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    target    TEXT NOT NULL,
    outcome   TEXT NOT NULL,
    detail    TEXT NOT NULL,
    source    TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    row_hash  TEXT NOT NULL
);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- The head of the chain, so an append need not scan; verification never trusts it for hashes.
CREATE TABLE audit_head (
    id   BIGINT PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
