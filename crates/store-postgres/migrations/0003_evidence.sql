-- The evidence log (电子存证): leaves with both leaf hashes, the log size, and signed heads.
-- Append-only: the triggers refuse UPDATE and DELETE (evidence_state is updated only by the
-- append, which only ever increases size; its row lock serialises appenders).
CREATE TABLE evidence_state (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    size BIGINT NOT NULL CHECK (size >= 0)
);
INSERT INTO evidence_state (id, size) VALUES (1, 0);

CREATE TABLE evidence_leaves (
    leaf_index BIGINT PRIMARY KEY CHECK (leaf_index >= 0),
    reference  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    leaf_data  BYTEA NOT NULL,
    sha256     BYTEA NOT NULL CHECK (length(sha256) = 32),
    sm3        BYTEA NOT NULL CHECK (length(sm3) = 32)
);
CREATE INDEX evidence_leaves_reference ON evidence_leaves (reference, leaf_index);

CREATE TABLE evidence_heads (
    hash_alg     TEXT NOT NULL CHECK (hash_alg IN ('sha256', 'sm3')),
    tree_size    BIGINT NOT NULL CHECK (tree_size >= 0),
    timestamp_ms BIGINT NOT NULL,
    root         TEXT NOT NULL,
    signed       TEXT NOT NULL,
    PRIMARY KEY (hash_alg, tree_size, timestamp_ms)
);

CREATE FUNCTION tianping_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE FUNCTION tianping_evidence_state_grows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.size < OLD.size OR NEW.id <> OLD.id THEN
        RAISE EXCEPTION 'evidence_state only grows';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER evidence_leaves_append_only BEFORE UPDATE OR DELETE ON evidence_leaves
    FOR EACH ROW EXECUTE FUNCTION tianping_append_only();
CREATE TRIGGER evidence_leaves_no_truncate BEFORE TRUNCATE ON evidence_leaves
    FOR EACH STATEMENT EXECUTE FUNCTION tianping_append_only();
CREATE TRIGGER evidence_heads_append_only BEFORE UPDATE OR DELETE ON evidence_heads
    FOR EACH ROW EXECUTE FUNCTION tianping_append_only();
CREATE TRIGGER evidence_heads_no_truncate BEFORE TRUNCATE ON evidence_heads
    FOR EACH STATEMENT EXECUTE FUNCTION tianping_append_only();
CREATE TRIGGER evidence_state_grows BEFORE UPDATE ON evidence_state
    FOR EACH ROW EXECUTE FUNCTION tianping_evidence_state_grows();
CREATE TRIGGER evidence_state_no_delete BEFORE DELETE ON evidence_state
    FOR EACH ROW EXECUTE FUNCTION tianping_append_only();
