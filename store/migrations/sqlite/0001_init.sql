-- Registry, accounts and audit (SQLite). Times are stored in UTC.
CREATE TABLE organizations (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    acronym     TEXT NOT NULL DEFAULT '',
    sector      TEXT NOT NULL,
    region_code TEXT NOT NULL DEFAULT '',
    parent_id   INTEGER REFERENCES organizations(id),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX organizations_sector_name ON organizations(sector, name);
CREATE INDEX organizations_name ON organizations(name);
CREATE INDEX organizations_region ON organizations(region_code);
CREATE INDEX organizations_parent ON organizations(parent_id);

CREATE TABLE units (
    id              INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    parent_id       INTEGER REFERENCES units(id),
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX units_org ON units(organization_id);
CREATE INDEX units_parent ON units(parent_id);

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    unit_id         INTEGER REFERENCES units(id),
    name            TEXT NOT NULL,
    nip             TEXT,
    position        TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX people_nip ON people(nip) WHERE nip IS NOT NULL;
CREATE INDEX people_org ON people(organization_id, name);
CREATE INDEX people_unit ON people(unit_id);

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    person_id       INTEGER REFERENCES people(id),
    roles           TEXT NOT NULL,
    password_hash   TEXT NOT NULL,
    active          BOOLEAN NOT NULL DEFAULT 1,
    lang            TEXT NOT NULL DEFAULT 'id',
    created_at      TIMESTAMP NOT NULL,
    last_login_at   TIMESTAMP
);
CREATE INDEX users_org ON users(organization_id);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf         TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

CREATE TABLE tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    prefix       TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    expires_at   TIMESTAMP,
    revoked_at   TIMESTAMP
);
CREATE INDEX tokens_user ON tokens(user_id);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    actor_id    INTEGER,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER,
    before_data TEXT,
    after_data  TEXT,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- The head of the hash chain, updated in the same transaction as each entry:
-- it locks the chain for one writer at a time and lets `audit verify` notice
-- entries removed from the end.
CREATE TABLE audit_head (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    last_id   BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, '');
