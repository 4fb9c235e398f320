-- Credit risk classes (A–D) per entity and day, and the 双随机 draw records (append-only), each
-- draw logged in the evidence log in the transaction that stores it. A task is drawn once.
CREATE TABLE credit_classes (
    as_of TEXT NOT NULL,
    uscc TEXT NOT NULL,
    class TEXT NOT NULL CHECK (class IN ('A', 'B', 'C', 'D')),
    points BIGINT NOT NULL,
    model_version BIGINT NOT NULL,
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
    leaf_index BIGINT NOT NULL,
    saved_at_ms BIGINT NOT NULL
);

CREATE FUNCTION credit_draws_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'credit_draws is append-only';
END;
$$;
CREATE TRIGGER credit_draws_no_update BEFORE UPDATE OR DELETE ON credit_draws
    FOR EACH ROW EXECUTE FUNCTION credit_draws_append_only();
CREATE TRIGGER credit_draws_no_truncate BEFORE TRUNCATE ON credit_draws
    FOR EACH STATEMENT EXECUTE FUNCTION credit_draws_append_only();
