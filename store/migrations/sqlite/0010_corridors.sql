-- Corridor programmes (issue 9), SQLite: regions along shared infrastructure
-- (the Makassar–Parepare railway) planning together; station kiosks for
-- local UMKM allocated by published rules and a verifiable draw. Regions and
-- station preferences are JSON lists; the draw record is the published JSON.
CREATE TABLE corridors (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT NOT NULL,
    infrastructure        TEXT NOT NULL,
    owner_org_id          INTEGER NOT NULL REFERENCES organizations(id),
    owner_body            TEXT NOT NULL DEFAULT '',
    description           TEXT NOT NULL DEFAULT '',
    forum_id              INTEGER REFERENCES forums(id),
    regions               TEXT NOT NULL DEFAULT '[]',
    franchise_rule        TEXT NOT NULL,
    applications_close_at TIMESTAMP,
    version               INTEGER NOT NULL DEFAULT 1,
    created_at            TIMESTAMP NOT NULL,
    updated_at            TIMESTAMP NOT NULL
);

CREATE TABLE corridor_organizations (
    id              INTEGER PRIMARY KEY,
    corridor_id     INTEGER NOT NULL REFERENCES corridors(id),
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    role            TEXT NOT NULL,
    manager         BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (corridor_id, organization_id)
);
CREATE INDEX corridor_organizations_org ON corridor_organizations(organization_id);

CREATE TABLE corridor_stations (
    id           INTEGER PRIMARY KEY,
    corridor_id  INTEGER NOT NULL REFERENCES corridors(id),
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    region_code  TEXT NOT NULL,
    regency_code TEXT NOT NULL,
    status       TEXT NOT NULL,
    kiosks       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (corridor_id, name)
);

CREATE TABLE corridor_plans (
    id            INTEGER PRIMARY KEY,
    corridor_id   INTEGER NOT NULL REFERENCES corridors(id),
    region_code   TEXT NOT NULL,
    tariff_cap    BIGINT NOT NULL DEFAULT 0,
    hiring_target INTEGER NOT NULL DEFAULT 0,
    hired_total   INTEGER NOT NULL DEFAULT 0,
    hired_local   INTEGER NOT NULL DEFAULT 0,
    note          TEXT NOT NULL DEFAULT '',
    updated_at    TIMESTAMP NOT NULL,
    UNIQUE (corridor_id, region_code)
);

CREATE TABLE corridor_plan_steps (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES corridor_plans(id),
    position   INTEGER NOT NULL,
    category   TEXT NOT NULL,
    title      TEXT NOT NULL,
    owner      TEXT NOT NULL DEFAULT '',
    start_date TEXT NOT NULL DEFAULT '',
    due_date   TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL
);
CREATE INDEX corridor_plan_steps_plan ON corridor_plan_steps(plan_id, position);

CREATE TABLE corridor_vendor_zones (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES corridor_plans(id),
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    station_id INTEGER REFERENCES corridor_stations(id),
    tariff     BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX corridor_vendor_zones_plan ON corridor_vendor_zones(plan_id, position);

CREATE TABLE corridor_applications (
    id               INTEGER PRIMARY KEY,
    corridor_id      INTEGER NOT NULL REFERENCES corridors(id),
    business_name    TEXT NOT NULL,
    owner_name       TEXT NOT NULL,
    domicile_code    TEXT NOT NULL,
    size             TEXT NOT NULL,
    local_franchise  BOOLEAN NOT NULL DEFAULT 0,
    nib              TEXT NOT NULL,
    product_category TEXT NOT NULL DEFAULT '',
    stations         TEXT NOT NULL DEFAULT '[]',
    created_at       TIMESTAMP NOT NULL,
    UNIQUE (corridor_id, nib)
);

CREATE TABLE corridor_draws (
    id           INTEGER PRIMARY KEY,
    corridor_id  INTEGER NOT NULL REFERENCES corridors(id),
    commitment   TEXT NOT NULL,
    committed_at TIMESTAMP NOT NULL,
    status       TEXT NOT NULL,
    drawn_at     TIMESTAMP,
    assigned     INTEGER NOT NULL DEFAULT 0,
    waiting      INTEGER NOT NULL DEFAULT 0,
    record       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX corridor_draws_corridor ON corridor_draws(corridor_id, id);

CREATE TABLE corridor_appeals (
    id             INTEGER PRIMARY KEY,
    corridor_id    INTEGER NOT NULL REFERENCES corridors(id),
    draw_id        INTEGER NOT NULL REFERENCES corridor_draws(id),
    application_id INTEGER NOT NULL REFERENCES corridor_applications(id),
    grounds        TEXT NOT NULL,
    outcome        TEXT NOT NULL,
    decision       TEXT NOT NULL DEFAULT '',
    decided_at     TIMESTAMP,
    created_at     TIMESTAMP NOT NULL
);
CREATE INDEX corridor_appeals_corridor ON corridor_appeals(corridor_id, id);
