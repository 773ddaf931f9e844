-- Change counters (see 0006) for the tables the collaboration network is
-- read from, so the network analysis can be cached until one of them
-- changes (issue 6): activities, agreements and their parties, forums and
-- their members, assistance requests, and units (unit-level networks).
INSERT INTO data_versions (name, version) VALUES ('activities', 1);
INSERT INTO data_versions (name, version) VALUES ('agreements', 1);
INSERT INTO data_versions (name, version) VALUES ('agreement_parties', 1);
INSERT INTO data_versions (name, version) VALUES ('forums', 1);
INSERT INTO data_versions (name, version) VALUES ('forum_members', 1);
INSERT INTO data_versions (name, version) VALUES ('assistance_requests', 1);
INSERT INTO data_versions (name, version) VALUES ('units', 1);
CREATE TRIGGER activities_version_insert AFTER INSERT ON activities
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'activities'; END;
CREATE TRIGGER activities_version_update AFTER UPDATE ON activities
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'activities'; END;
CREATE TRIGGER activities_version_delete AFTER DELETE ON activities
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'activities'; END;
CREATE TRIGGER agreements_version_insert AFTER INSERT ON agreements
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'agreements'; END;
CREATE TRIGGER agreements_version_update AFTER UPDATE ON agreements
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'agreements'; END;
CREATE TRIGGER agreements_version_delete AFTER DELETE ON agreements
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'agreements'; END;
CREATE TRIGGER agreement_parties_version_insert AFTER INSERT ON agreement_parties
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'agreement_parties'; END;
CREATE TRIGGER agreement_parties_version_update AFTER UPDATE ON agreement_parties
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'agreement_parties'; END;
CREATE TRIGGER agreement_parties_version_delete AFTER DELETE ON agreement_parties
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'agreement_parties'; END;
CREATE TRIGGER forums_version_insert AFTER INSERT ON forums
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'forums'; END;
CREATE TRIGGER forums_version_update AFTER UPDATE ON forums
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'forums'; END;
CREATE TRIGGER forums_version_delete AFTER DELETE ON forums
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'forums'; END;
CREATE TRIGGER forum_members_version_insert AFTER INSERT ON forum_members
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'forum_members'; END;
CREATE TRIGGER forum_members_version_update AFTER UPDATE ON forum_members
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'forum_members'; END;
CREATE TRIGGER forum_members_version_delete AFTER DELETE ON forum_members
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'forum_members'; END;
CREATE TRIGGER assistance_requests_version_insert AFTER INSERT ON assistance_requests
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'assistance_requests'; END;
CREATE TRIGGER assistance_requests_version_update AFTER UPDATE ON assistance_requests
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'assistance_requests'; END;
CREATE TRIGGER assistance_requests_version_delete AFTER DELETE ON assistance_requests
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'assistance_requests'; END;
CREATE TRIGGER units_version_insert AFTER INSERT ON units
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'units'; END;
CREATE TRIGGER units_version_update AFTER UPDATE ON units
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'units'; END;
CREATE TRIGGER units_version_delete AFTER DELETE ON units
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'units'; END;
