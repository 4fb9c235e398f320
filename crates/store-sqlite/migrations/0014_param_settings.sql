-- Rule parameter settings: a value for one parameter of one rule from an effective date on, with
-- the reason (its legal or policy basis), who set it and when it was recorded. Append-only: a
-- changed value is a new row; the value in force on a day is the latest effective_from <= that day
-- (ties: the highest setting_id), resolved by tianping_detect::rules.
CREATE TABLE param_settings (
    setting_id INTEGER PRIMARY KEY AUTOINCREMENT,
    rule TEXT NOT NULL CHECK (length(rule) > 0),
    param TEXT NOT NULL CHECK (length(param) > 0),
    value REAL NOT NULL,
    effective_from TEXT NOT NULL CHECK (length(effective_from) = 10),
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    set_by TEXT NOT NULL CHECK (length(set_by) > 0),
    recorded_at TEXT NOT NULL
);
CREATE INDEX param_settings_by_rule ON param_settings (rule, param, effective_from, setting_id);

CREATE TRIGGER param_settings_no_update BEFORE UPDATE ON param_settings
BEGIN
    SELECT RAISE(ABORT, 'param_settings is append-only');
END;
CREATE TRIGGER param_settings_no_delete BEFORE DELETE ON param_settings
BEGIN
    SELECT RAISE(ABORT, 'param_settings is append-only');
END;
