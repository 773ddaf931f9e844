-- Bantuan Kedinasan (UU 30/2014 Pasal 34–37), SQLite. Grounds, requested
-- documents and attachments are JSON lists; cost shares and the history of
-- each request are rows.
CREATE TABLE assistance_requests (
    id                      INTEGER PRIMARY KEY,
    number                  TEXT NOT NULL DEFAULT '',
    requester_org_id        INTEGER NOT NULL REFERENCES organizations(id),
    requester_unit_id       INTEGER REFERENCES units(id) ON DELETE SET NULL,
    provider_org_id         INTEGER NOT NULL REFERENCES organizations(id),
    provider_unit_id        INTEGER REFERENCES units(id) ON DELETE SET NULL,
    subject                 TEXT NOT NULL,
    description             TEXT NOT NULL,
    grounds                 TEXT NOT NULL,
    emergency               BOOLEAN NOT NULL DEFAULT 0,
    emergency_justification TEXT NOT NULL DEFAULT '',
    needed_by               TEXT NOT NULL DEFAULT '',
    cost_estimate           BIGINT NOT NULL DEFAULT 0,
    classification          TEXT NOT NULL DEFAULT 'biasa',
    activity                TEXT NOT NULL DEFAULT '',
    documents               TEXT NOT NULL DEFAULT '[]',
    attachments             TEXT NOT NULL DEFAULT '[]',
    responsibility          TEXT NOT NULL DEFAULT 'requester',
    legal_basis             TEXT NOT NULL DEFAULT '',
    agreement_ref           TEXT NOT NULL DEFAULT '',
    agreement_requester_at  TIMESTAMP,
    agreement_provider_at   TIMESTAMP,
    status                  TEXT NOT NULL,
    submitted_at            TIMESTAMP,
    due_date                TEXT NOT NULL DEFAULT '',
    responded_at            TIMESTAMP,
    refusal_ground          TEXT NOT NULL DEFAULT '',
    refusal_reason          TEXT NOT NULL DEFAULT '',
    escalated_at            TIMESTAMP,
    escalated_to_org_id     INTEGER REFERENCES organizations(id),
    cost_requester_at       TIMESTAMP,
    cost_provider_at        TIMESTAMP,
    version                 INTEGER NOT NULL DEFAULT 1,
    created_at              TIMESTAMP NOT NULL,
    updated_at              TIMESTAMP NOT NULL
);
CREATE INDEX assistance_requester ON assistance_requests(requester_org_id, status);
CREATE INDEX assistance_provider ON assistance_requests(provider_org_id, status);
CREATE INDEX assistance_due ON assistance_requests(status, due_date);
CREATE INDEX assistance_activity ON assistance_requests(activity);

CREATE TABLE assistance_cost_shares (
    id              INTEGER PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES assistance_requests(id),
    position        INTEGER NOT NULL,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    amount          BIGINT NOT NULL,
    funding_source  TEXT NOT NULL,
    budget_line     TEXT NOT NULL,
    budget_key      TEXT NOT NULL,
    UNIQUE (request_id, budget_key)
);
CREATE INDEX assistance_cost_shares_key ON assistance_cost_shares(budget_key);

CREATE TABLE assistance_history (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES assistance_requests(id),
    at           TIMESTAMP NOT NULL,
    actor_id     INTEGER,
    actor        TEXT NOT NULL,
    actor_org_id INTEGER,
    action       TEXT NOT NULL,
    from_status  TEXT NOT NULL DEFAULT '',
    to_status    TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assistance_history_request ON assistance_history(request_id, id);
