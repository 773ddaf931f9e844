-- Inter-organisational collaboration activities (issue 6), SQLite. Esteve et
-- al.'s 11 activities as 7 types; for directed types from_org_id gives and
-- to_org_id receives. Dates as text YYYY-MM-DD, times in UTC. agreement_id
-- refers to the kerja sama registry (migration 0007), kept without a foreign
-- key so that the two modules migrate independently.
CREATE TABLE activities (
    id                    INTEGER PRIMARY KEY,
    type                  TEXT NOT NULL,
    from_org_id           INTEGER NOT NULL REFERENCES organizations(id),
    from_unit_id          INTEGER REFERENCES units(id) ON DELETE SET NULL,
    to_org_id             INTEGER NOT NULL REFERENCES organizations(id),
    to_unit_id            INTEGER REFERENCES units(id) ON DELETE SET NULL,
    date                  TEXT NOT NULL,
    description           TEXT NOT NULL,
    evidence              TEXT NOT NULL DEFAULT '',
    value_rupiah          BIGINT,
    agreement_id          INTEGER,
    forum_id              INTEGER REFERENCES forums(id),
    assistance_request_id INTEGER REFERENCES assistance_requests(id),
    created_by            INTEGER,
    version               INTEGER NOT NULL DEFAULT 1,
    created_at            TIMESTAMP NOT NULL,
    updated_at            TIMESTAMP NOT NULL
);
CREATE INDEX activities_from ON activities(from_org_id, date);
CREATE INDEX activities_to ON activities(to_org_id, date);
CREATE INDEX activities_date ON activities(date);
