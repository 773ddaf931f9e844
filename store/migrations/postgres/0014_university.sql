-- University view of the kerja sama registry (issue 5 item 10), PostgreSQL: the
-- IKU 6 partner category an admin set for an organisation where its sector
-- does not decide it (no row: the sector's default), and the typed
-- implementation activities of an IA.
CREATE TABLE organization_partner_categories (
    organization_id BIGINT PRIMARY KEY REFERENCES organizations(id),
    category        TEXT NOT NULL,
    set_by          TEXT NOT NULL DEFAULT '',
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE agreement_activity_types (
    agreement_id BIGINT NOT NULL REFERENCES agreements(id),
    type         TEXT NOT NULL,
    PRIMARY KEY (agreement_id, type)
);
CREATE INDEX agreement_activity_types_type ON agreement_activity_types(type, agreement_id);
