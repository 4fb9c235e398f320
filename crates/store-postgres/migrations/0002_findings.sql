-- Detection runs and findings (shared/spec/findings.md §1). A finding is stored once per
-- finding_id; later runs that produce it again update last_run (and the body when it changed).
CREATE TABLE detection_runs (
    run_id        TEXT PRIMARY KEY,
    as_of         TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    detectors     TEXT NOT NULL,
    params        TEXT NOT NULL,
    params_sha256 TEXT NOT NULL,
    data_sha256   TEXT NOT NULL,
    findings      BIGINT NOT NULL,
    new_findings  BIGINT NOT NULL
);

CREATE TABLE findings (
    finding_id       TEXT PRIMARY KEY,
    detector         TEXT NOT NULL,
    rule             TEXT NOT NULL,
    severity         TEXT NOT NULL,
    subject_kind     TEXT NOT NULL,
    subject_platform TEXT,
    subject_id       TEXT NOT NULL,
    body             TEXT NOT NULL,
    evidence_sha256  TEXT NOT NULL,
    first_run        TEXT NOT NULL REFERENCES detection_runs (run_id),
    last_run         TEXT NOT NULL REFERENCES detection_runs (run_id)
);
CREATE INDEX findings_detector ON findings (detector, finding_id);
CREATE INDEX findings_subject ON findings (subject_kind, subject_platform, subject_id);

-- What each detector last ran on, so that an unchanged input is not analysed again.
CREATE TABLE detector_state (
    detector    TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    run_id      TEXT NOT NULL REFERENCES detection_runs (run_id)
);
