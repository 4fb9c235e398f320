-- Alerts, clues and cases, and their append-only event history (tianping-cases; store area
-- `cases`). Domain values are kept as JSON in `body`; the other columns are what queues and
-- checks query.
CREATE TABLE alerts (
    alert_id         TEXT PRIMARY KEY,
    merchant_key     TEXT NOT NULL,
    subject_kind     TEXT NOT NULL,
    subject_platform TEXT,
    subject_id       TEXT NOT NULL,
    practice         TEXT NOT NULL,
    severity         TEXT NOT NULL,
    severity_rank    BIGINT NOT NULL,
    score            DOUBLE PRECISION NOT NULL,
    tier             TEXT NOT NULL,
    finding_ids      TEXT NOT NULL,
    body             TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('open', 'clue')),
    case_id          TEXT,
    first_seen_ms    BIGINT NOT NULL,
    updated_at_ms    BIGINT NOT NULL
);
CREATE INDEX alerts_rank ON alerts (severity_rank DESC, score DESC, alert_id);
CREATE INDEX alerts_merchant ON alerts (merchant_key);

-- One clue per alert; a clue becomes a case in place (its state says which).
CREATE TABLE cases (
    case_id       TEXT PRIMARY KEY,
    alert_id      TEXT NOT NULL UNIQUE REFERENCES alerts (alert_id),
    state         TEXT NOT NULL,
    department    TEXT NOT NULL,
    region        TEXT NOT NULL,
    deadline_kind TEXT,
    due_date      TEXT,
    due_unknown   BIGINT NOT NULL,
    dispute_due   TEXT,
    version       BIGINT NOT NULL,
    opened_at_ms  BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    body          TEXT NOT NULL
);
CREATE INDEX cases_queue ON cases (department, region, state, due_date);

CREATE TABLE case_events (
    case_id    TEXT NOT NULL REFERENCES cases (case_id),
    seq        BIGINT NOT NULL CHECK (seq >= 1),
    actor      TEXT NOT NULL CHECK (length(trim(actor)) > 0),
    role       TEXT NOT NULL,
    action     TEXT NOT NULL,
    from_state TEXT,
    to_state   TEXT NOT NULL,
    reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    at_ms      BIGINT NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
);

-- Append-only: the history of a case is never rewritten.
CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_events is append-only';
END;
$$;
CREATE TRIGGER case_events_no_update BEFORE UPDATE OR DELETE ON case_events
    FOR EACH ROW EXECUTE FUNCTION case_events_append_only();
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
    FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only();
