-- The checked reference from records' `department` columns (accounts, cases — clues are cases —
-- and notices) to the department registry (0007). Not a declared FOREIGN KEY: it would reject
-- what the registry's seeding exists to migrate (records from before the registry name their
-- department in Chinese, and the registry is seeded from the configuration after the migrations
-- run), and the SQLite backend cannot add one without rebuilding each table. So the reference is
-- checked by triggers, the same on both backends: once the registry holds any department, every
-- inserted or re-pointed `department` must be one of its ids (SQLSTATE 23503, as a foreign key
-- would), and a department that records point to cannot be deleted. Rows stored before are
-- listed, each named, by `tianping departments check` and by a failing seed.
CREATE FUNCTION tianping_department_ref() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM departments)
       AND NOT EXISTS (SELECT 1 FROM departments WHERE id = NEW.department) THEN
        RAISE EXCEPTION 'department_ref: %.department % is not a department id of the registry',
            TG_TABLE_NAME, quote_literal(NEW.department)
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER accounts_department_ref BEFORE INSERT OR UPDATE OF department ON accounts
    FOR EACH ROW EXECUTE FUNCTION tianping_department_ref();
CREATE TRIGGER cases_department_ref BEFORE INSERT OR UPDATE OF department ON cases
    FOR EACH ROW EXECUTE FUNCTION tianping_department_ref();
CREATE TRIGGER notices_department_ref BEFORE INSERT OR UPDATE OF department ON notices
    FOR EACH ROW EXECUTE FUNCTION tianping_department_ref();

CREATE FUNCTION tianping_department_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.id = OLD.id THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'department_ref: a department id cannot change' USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM accounts WHERE department = OLD.id)
       OR EXISTS (SELECT 1 FROM cases WHERE department = OLD.id)
       OR EXISTS (SELECT 1 FROM notices WHERE department = OLD.id) THEN
        RAISE EXCEPTION 'department_ref: department % is referenced and cannot be deleted (deactivate it)',
            quote_literal(OLD.id) USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER departments_referenced BEFORE DELETE OR UPDATE OF id ON departments
    FOR EACH ROW EXECUTE FUNCTION tianping_department_referenced();
