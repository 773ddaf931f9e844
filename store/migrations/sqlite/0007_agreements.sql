-- Kerja sama registry (UU 23/2014 Pasal 363–368, PP 28/2018; university
-- MoU → MoA → IA), SQLite. Urusan codes, funding sources and signatories are
-- JSON lists; parties, stages and obligations are rows. search_text holds
-- the lower-cased title, parties and object for the registry's search.
CREATE TABLE agreements (
    id                       INTEGER PRIMARY KEY,
    kind                     TEXT NOT NULL,
    ksdd_category            TEXT NOT NULL DEFAULT '',
    title                    TEXT NOT NULL,
    parent_id                INTEGER REFERENCES agreements(id),
    previous_id              INTEGER REFERENCES agreements(id),
    renewed_by_id            INTEGER REFERENCES agreements(id),
    edition                  INTEGER NOT NULL DEFAULT 1,
    bordering                BOOLEAN NOT NULL DEFAULT 0,
    start_date               TEXT NOT NULL,
    end_date                 TEXT NOT NULL,
    term_legal_basis         TEXT NOT NULL DEFAULT '',
    burdens_public           BOOLEAN NOT NULL DEFAULT 0,
    funded_in_current_budget BOOLEAN NOT NULL DEFAULT 0,
    dprd_required            BOOLEAN NOT NULL DEFAULT 0,
    urusan                   TEXT NOT NULL DEFAULT '[]',
    scope                    TEXT NOT NULL DEFAULT '',
    value                    BIGINT NOT NULL DEFAULT 0,
    funding_sources          TEXT NOT NULL DEFAULT '[]',
    status                   TEXT NOT NULL,
    terminated_on            TEXT NOT NULL DEFAULT '',
    termination_reason       TEXT NOT NULL DEFAULT '',
    termination_note         TEXT NOT NULL DEFAULT '',
    termination_ref          TEXT NOT NULL DEFAULT '',
    search_text              TEXT NOT NULL DEFAULT '',
    version                  INTEGER NOT NULL DEFAULT 1,
    created_at               TIMESTAMP NOT NULL,
    updated_at               TIMESTAMP NOT NULL
);
CREATE INDEX agreements_status_end ON agreements(status, end_date);
CREATE INDEX agreements_parent ON agreements(parent_id);
CREATE INDEX agreements_kind ON agreements(kind);

CREATE TABLE agreement_parties (
    id              INTEGER PRIMARY KEY,
    agreement_id    INTEGER NOT NULL REFERENCES agreements(id),
    position        INTEGER NOT NULL,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    unit_id         INTEGER REFERENCES units(id) ON DELETE SET NULL,
    role            TEXT NOT NULL,
    signatories     TEXT NOT NULL DEFAULT '[]',
    UNIQUE (agreement_id, organization_id)
);
CREATE INDEX agreement_parties_org ON agreement_parties(organization_id, agreement_id);

CREATE TABLE agreement_stages (
    id           INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements(id),
    position     INTEGER NOT NULL,
    code         TEXT NOT NULL,
    required     BOOLEAN NOT NULL,
    done_on      TEXT NOT NULL DEFAULT '',
    document_ref TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    completed_by TEXT NOT NULL DEFAULT '',
    completed_at TIMESTAMP,
    UNIQUE (agreement_id, code)
);

CREATE TABLE agreement_obligations (
    id              INTEGER PRIMARY KEY,
    agreement_id    INTEGER NOT NULL REFERENCES agreements(id),
    position        INTEGER NOT NULL,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    description     TEXT NOT NULL,
    due_date        TEXT NOT NULL DEFAULT '',
    done_on         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX agreement_obligations_agreement ON agreement_obligations(agreement_id, position);
CREATE INDEX agreement_obligations_due ON agreement_obligations(due_date);
