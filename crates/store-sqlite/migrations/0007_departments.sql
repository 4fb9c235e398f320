-- The department registry (store area `departments`, crates/store/src/departments.rs): seeded
-- from the installation's configuration at start-up. Accounts, cases and notices store the id in
-- their `department` column; seeding rewrites any Chinese name there to the id, or fails.
CREATE TABLE departments (
    id      TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    name_zh TEXT NOT NULL UNIQUE CHECK (length(trim(name_zh)) > 0),
    name_en TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
    region  TEXT NOT NULL CHECK (length(region) = 6),
    parent  TEXT REFERENCES departments (id) DEFERRABLE INITIALLY DEFERRED,
    active  INTEGER NOT NULL CHECK (active IN (0, 1))
) STRICT;
CREATE INDEX departments_region ON departments (region);
