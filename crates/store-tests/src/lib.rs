//! The store story test (in `tests/story.rs`) runs one story against every backend: SQLite in a
//! temporary directory always, PostgreSQL when `TIANPING_TEST_PG_URL` names a server (required
//! when `CI` is set, so CI cannot silently skip it).
