-- Deliveries, batches, the lake's file list, quarantine and warnings (see tianping-store docs).
CREATE TABLE deliveries (
    delivery_id     TEXT PRIMARY KEY,
    supplier        TEXT,
    batch_id        TEXT,
    batch_digest    TEXT,
    delivery_sha256 TEXT,
    received_at     TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'rejected', 'duplicate', 'conflict', 'interrupted')),
    receipt         TEXT
) STRICT;
CREATE INDEX deliveries_batch ON deliveries (supplier, batch_id);

CREATE TABLE batches (
    supplier         TEXT NOT NULL,
    batch_id         TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
    batch_digest     TEXT NOT NULL,
    delivery_id      TEXT NOT NULL REFERENCES deliveries (delivery_id),
    received_at      TEXT NOT NULL,
    accepted_rows    INTEGER NOT NULL,
    quarantined_rows INTEGER NOT NULL,
    warning_rows     INTEGER NOT NULL,
    receipt          TEXT NOT NULL,
    PRIMARY KEY (supplier, batch_id)
) STRICT;

CREATE TABLE lake_files (
    path        TEXT PRIMARY KEY,
    table_name  TEXT NOT NULL,
    supplier    TEXT NOT NULL,
    batch_id    TEXT NOT NULL,
    delivery_id TEXT NOT NULL REFERENCES deliveries (delivery_id),
    rows        INTEGER NOT NULL,
    bytes       INTEGER NOT NULL
) STRICT;
CREATE INDEX lake_files_table ON lake_files (table_name);
CREATE INDEX lake_files_batch ON lake_files (supplier, batch_id);

CREATE TABLE quarantine (
    delivery_id TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    file        TEXT NOT NULL,
    table_name  TEXT NOT NULL,
    record      INTEGER NOT NULL,
    line        INTEGER,
    field       TEXT,
    value       TEXT,
    rule        TEXT NOT NULL,
    message     TEXT NOT NULL,
    message_en  TEXT NOT NULL,
    raw         BLOB NOT NULL,
    personal    INTEGER NOT NULL,
    PRIMARY KEY (delivery_id, seq)
) STRICT;

CREATE TABLE row_warnings (
    delivery_id TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    file        TEXT NOT NULL,
    table_name  TEXT NOT NULL,
    record      INTEGER NOT NULL,
    line        INTEGER,
    field       TEXT NOT NULL,
    value       TEXT NOT NULL,
    rule        TEXT NOT NULL,
    message     TEXT NOT NULL,
    message_en  TEXT NOT NULL,
    PRIMARY KEY (delivery_id, seq)
) STRICT;
