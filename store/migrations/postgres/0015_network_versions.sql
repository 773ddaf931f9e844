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
CREATE TRIGGER activities_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activities
FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER agreements_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreements
FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER agreement_parties_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreement_parties
FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER forums_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON forums
FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER forum_members_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON forum_members
FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER assistance_requests_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assistance_requests
FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER units_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
