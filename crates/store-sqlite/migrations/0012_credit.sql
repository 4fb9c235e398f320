-- Credit risk classes (A–D) per entity and day, and the 双随机 draw records (append-only), each
-- draw logged in the evidence log in the transaction that stores it. A task is drawn once.
CREATE TABLE credit_classes (
    as_of TEXT NOT NULL,
    uscc TEXT NOT NULL,
    class TEXT NOT NULL CHECK (class IN ('A', 'B', 'C', 'D')),
    points INTEGER NOT NULL,
    model_version INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (as_of, uscc)
);
CREATE INDEX credit_classes_by_uscc ON credit_classes (uscc, as_of);

CREATE TABLE credit_draws (
    rng_key TEXT PRIMARY KEY,
    task_id TEXT NOT NULL UNIQUE,
    check_start TEXT NOT NULL,
    input_sha256 TEXT NOT NULL,
    result_sha256 TEXT NOT NULL,
    record TEXT NOT NULL,
    leaf_index INTEGER NOT NULL,
    saved_at_ms INTEGER NOT NULL
);

CREATE TRIGGER credit_draws_no_update BEFORE UPDATE ON credit_draws
BEGIN
    SELECT RAISE(ABORT, 'credit_draws is append-only');
END;
CREATE TRIGGER credit_draws_no_delete BEFORE DELETE ON credit_draws
BEGIN
    SELECT RAISE(ABORT, 'credit_draws is append-only');
END;
