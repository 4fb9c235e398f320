-- The department that ran each 双随机 draw (its plan's `department`), as a column, so the draws a
-- member of staff may list are selected in the query (the web's draw list, scoped like clues and
-- cases by department). Rows stored before take it from their record; the append-only trigger is
-- disabled for that one backfill and enabled again in the same migration (one transaction).
ALTER TABLE credit_draws ADD COLUMN department TEXT NOT NULL DEFAULT '';
ALTER TABLE credit_draws DISABLE TRIGGER credit_draws_no_update;
UPDATE credit_draws SET department = COALESCE(record::jsonb #>> '{input,plan,department}', '');
ALTER TABLE credit_draws ENABLE TRIGGER credit_draws_no_update;
CREATE INDEX credit_draws_by_department ON credit_draws (department, check_start);
