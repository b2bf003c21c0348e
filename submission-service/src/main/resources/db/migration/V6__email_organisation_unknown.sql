-- A mail names a person, not an organisation: an e-mail submission has no organisation name until a reviewer gives
-- one, so that the sender's own name is never published as if it were the organisation's.
alter table submission alter column organisation_name drop not null;
