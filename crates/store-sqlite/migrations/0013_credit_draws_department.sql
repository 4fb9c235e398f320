-- The department that ran each 双随机 draw (its plan's `department`), as a column, so the draws a
-- member of staff may list are selected in the query (the web's draw list, scoped like clues and
-- cases by department). Rows stored before take it from their record; the append-only trigger is
-- lifted for that one backfill and restored in the same migration (one transaction).
ALTER TABLE credit_draws ADD COLUMN department TEXT NOT NULL DEFAULT '';
DROP TRIGGER credit_draws_no_update;
UPDATE credit_draws SET department = COALESCE(json_extract(record, '$.input.plan.department'), '');
CREATE TRIGGER credit_draws_no_update BEFORE UPDATE ON credit_draws
BEGIN
    SELECT RAISE(ABORT, 'credit_draws is append-only');
END;
CREATE INDEX credit_draws_by_department ON credit_draws (department, check_start);
