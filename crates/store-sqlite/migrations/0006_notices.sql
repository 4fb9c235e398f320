-- Rectification notices (责令整改通知, tianping-cases::notice; store area `notices`) and their
-- append-only event history. Domain values are kept as JSON in `body`; the other columns are what
-- lists, the platform's view and the overdue queue query.
CREATE TABLE notices (
    notice_id     TEXT PRIMARY KEY,
    alert_id      TEXT NOT NULL REFERENCES alerts (alert_id),
    merchant_key  TEXT NOT NULL,
    practice      TEXT NOT NULL,
    platform      TEXT NOT NULL CHECK (length(trim(platform)) > 0),
    department    TEXT NOT NULL,
    region        TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('issued', 'replied', 'accepted', 'escalated')),
    due_date      TEXT,
    due_unknown   INTEGER NOT NULL,
    version       INTEGER NOT NULL CHECK (version >= 1),
    issued_at_ms  INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    case_id       TEXT,
    body          TEXT NOT NULL
) STRICT;
-- At most one open notice per alert.
CREATE UNIQUE INDEX notices_one_open ON notices (alert_id) WHERE state IN ('issued', 'replied');
CREATE INDEX notices_platform ON notices (platform, state, due_date);
CREATE INDEX notices_queue ON notices (department, region, state, due_date);

CREATE TABLE notice_events (
    notice_id  TEXT NOT NULL REFERENCES notices (notice_id),
    seq        INTEGER NOT NULL CHECK (seq >= 1),
    actor      TEXT NOT NULL CHECK (length(trim(actor)) > 0),
    role       TEXT NOT NULL,
    action     TEXT NOT NULL,
    from_state TEXT,
    to_state   TEXT NOT NULL,
    reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    at_ms      INTEGER NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (notice_id, seq)
) STRICT;

-- Append-only: the history of a notice is never rewritten.
CREATE TRIGGER notice_events_no_update BEFORE UPDATE ON notice_events
BEGIN
    SELECT RAISE(ABORT, 'notice_events is append-only');
END;
CREATE TRIGGER notice_events_no_delete BEFORE DELETE ON notice_events
BEGIN
    SELECT RAISE(ABORT, 'notice_events is append-only');
END;
