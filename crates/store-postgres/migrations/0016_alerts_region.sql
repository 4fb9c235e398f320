-- The place of an alert (属地管辖), like a finding's (migration 0015): the region its findings
-- share, so that a district branch of the data owner's department lists and acts on the alerts of
-- its own district (DataScope::OwnerRegion). Set on every refresh from the findings' regions.
-- NULL means "the data owner's region": rows stored before this migration, alerts whose findings
-- have no known place, and alerts whose findings were placed in different regions (a subject
-- that moved between runs; the owner decides).
ALTER TABLE alerts ADD COLUMN region TEXT;
