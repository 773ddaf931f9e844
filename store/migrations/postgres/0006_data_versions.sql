-- A change counter per table, bumped by triggers in the writing transaction.
-- Readers that cache derived results (list pages, totals) key them on it, so
-- a cache is never stale, whichever server copy or tool made the change.
CREATE TABLE data_versions (
    name    TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO data_versions (name, version) VALUES ('organizations', 1);
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = TG_TABLE_NAME; RETURN NULL; END $$;
CREATE TRIGGER organizations_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organizations
FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
