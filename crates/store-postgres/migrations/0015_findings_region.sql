-- The place of a finding's subject (属地管辖): a 6-digit division code fixed when the finding is
-- first stored (the merchant's business address, a listing's merchant's, a platform's domicile,
-- an address key's code; tianping_detect::places), so that a district branch of the data owner's
-- department lists the findings of its own district in the query (DataScope::OwnerRegion).
-- NULL means "the data owner's region": rows stored before this migration, and findings whose
-- subject has no known place. A code outside the owner's region also counts as the owner's (the
-- store does not know the owner; the service applies that rule). The department of a finding is
-- always the data owner's, so it has no column.
ALTER TABLE findings ADD COLUMN region TEXT;
