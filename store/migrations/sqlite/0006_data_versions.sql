-- A change counter per table, bumped by triggers in the writing transaction.
-- Readers that cache derived results (list pages, totals) key them on it, so
-- a cache is never stale, whichever server copy or tool made the change.
CREATE TABLE data_versions (
    name    TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO data_versions (name, version) VALUES ('organizations', 1);
CREATE TRIGGER organizations_version_insert AFTER INSERT ON organizations
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'organizations'; END;
CREATE TRIGGER organizations_version_update AFTER UPDATE ON organizations
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'organizations'; END;
CREATE TRIGGER organizations_version_delete AFTER DELETE ON organizations
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'organizations'; END;
