-- The evidence log (电子存证): leaves with both leaf hashes, the log size, and signed heads.
-- Append-only: the triggers refuse UPDATE and DELETE (evidence_state is updated only by the
-- append, which only ever increases size).
CREATE TABLE evidence_state (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    size INTEGER NOT NULL CHECK (size >= 0)
) STRICT;
INSERT INTO evidence_state (id, size) VALUES (1, 0);

CREATE TABLE evidence_leaves (
    leaf_index INTEGER PRIMARY KEY CHECK (leaf_index >= 0),
    reference  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    leaf_data  BLOB NOT NULL,
    sha256     BLOB NOT NULL CHECK (length(sha256) = 32),
    sm3        BLOB NOT NULL CHECK (length(sm3) = 32)
) STRICT;
CREATE INDEX evidence_leaves_reference ON evidence_leaves (reference, leaf_index);

CREATE TABLE evidence_heads (
    hash_alg     TEXT NOT NULL CHECK (hash_alg IN ('sha256', 'sm3')),
    tree_size    INTEGER NOT NULL CHECK (tree_size >= 0),
    timestamp_ms INTEGER NOT NULL,
    root         TEXT NOT NULL,
    signed       TEXT NOT NULL,
    PRIMARY KEY (hash_alg, tree_size, timestamp_ms)
) STRICT;

CREATE TRIGGER evidence_leaves_no_update BEFORE UPDATE ON evidence_leaves
BEGIN SELECT RAISE(ABORT, 'evidence_leaves is append-only'); END;
CREATE TRIGGER evidence_leaves_no_delete BEFORE DELETE ON evidence_leaves
BEGIN SELECT RAISE(ABORT, 'evidence_leaves is append-only'); END;
CREATE TRIGGER evidence_heads_no_update BEFORE UPDATE ON evidence_heads
BEGIN SELECT RAISE(ABORT, 'evidence_heads is append-only'); END;
CREATE TRIGGER evidence_heads_no_delete BEFORE DELETE ON evidence_heads
BEGIN SELECT RAISE(ABORT, 'evidence_heads is append-only'); END;
CREATE TRIGGER evidence_state_only_grows BEFORE UPDATE ON evidence_state
WHEN NEW.size < OLD.size OR NEW.id <> OLD.id
BEGIN SELECT RAISE(ABORT, 'evidence_state only grows'); END;
CREATE TRIGGER evidence_state_no_delete BEFORE DELETE ON evidence_state
BEGIN SELECT RAISE(ABORT, 'evidence_state cannot be deleted'); END;
