-- The checked reference from records' `department` columns (accounts, cases — clues are cases —
-- and notices) to the department registry (0007). A declared FOREIGN KEY would need a rebuild of
-- each table in SQLite and would reject what the registry's seeding exists to migrate: records
-- from before the registry name their department in Chinese, and the registry is seeded from
-- the configuration after the migrations run. So the reference is checked by triggers, the same
-- on both backends: once the registry holds any department, every inserted or re-pointed
-- `department` must be one of its ids, and a department that records point to cannot be
-- deleted. Rows stored before are listed, each named, by `tianping departments check` and
-- by a failing seed.
CREATE TRIGGER accounts_department_ref_insert BEFORE INSERT ON accounts
WHEN EXISTS (SELECT 1 FROM departments)
 AND NOT EXISTS (SELECT 1 FROM departments WHERE id = NEW.department)
BEGIN SELECT RAISE(ABORT, 'department_ref: accounts.department is not a department id of the registry'); END;
CREATE TRIGGER accounts_department_ref_update BEFORE UPDATE OF department ON accounts
WHEN EXISTS (SELECT 1 FROM departments)
 AND NOT EXISTS (SELECT 1 FROM departments WHERE id = NEW.department)
BEGIN SELECT RAISE(ABORT, 'department_ref: accounts.department is not a department id of the registry'); END;

CREATE TRIGGER cases_department_ref_insert BEFORE INSERT ON cases
WHEN EXISTS (SELECT 1 FROM departments)
 AND NOT EXISTS (SELECT 1 FROM departments WHERE id = NEW.department)
BEGIN SELECT RAISE(ABORT, 'department_ref: cases.department is not a department id of the registry'); END;
CREATE TRIGGER cases_department_ref_update BEFORE UPDATE OF department ON cases
WHEN EXISTS (SELECT 1 FROM departments)
 AND NOT EXISTS (SELECT 1 FROM departments WHERE id = NEW.department)
BEGIN SELECT RAISE(ABORT, 'department_ref: cases.department is not a department id of the registry'); END;

CREATE TRIGGER notices_department_ref_insert BEFORE INSERT ON notices
WHEN EXISTS (SELECT 1 FROM departments)
 AND NOT EXISTS (SELECT 1 FROM departments WHERE id = NEW.department)
BEGIN SELECT RAISE(ABORT, 'department_ref: notices.department is not a department id of the registry'); END;
CREATE TRIGGER notices_department_ref_update BEFORE UPDATE OF department ON notices
WHEN EXISTS (SELECT 1 FROM departments)
 AND NOT EXISTS (SELECT 1 FROM departments WHERE id = NEW.department)
BEGIN SELECT RAISE(ABORT, 'department_ref: notices.department is not a department id of the registry'); END;

CREATE TRIGGER departments_referenced_delete BEFORE DELETE ON departments
WHEN EXISTS (SELECT 1 FROM accounts WHERE department = OLD.id)
  OR EXISTS (SELECT 1 FROM cases WHERE department = OLD.id)
  OR EXISTS (SELECT 1 FROM notices WHERE department = OLD.id)
BEGIN SELECT RAISE(ABORT, 'department_ref: a department that records point to cannot be deleted (deactivate it)'); END;
CREATE TRIGGER departments_id_update BEFORE UPDATE OF id ON departments
BEGIN SELECT RAISE(ABORT, 'department_ref: a department id cannot change'); END;
