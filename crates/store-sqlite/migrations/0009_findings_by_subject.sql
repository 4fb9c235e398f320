-- A merchant's (or any subject's) findings by its platform and id, in finding-id order: the
-- service's merchant profile asks for exactly these (PageStore::subject_findings). The index of
-- 0002 leads with subject_kind, which that question does not fix.
CREATE INDEX findings_subject_of ON findings (subject_platform, subject_id, finding_id);
