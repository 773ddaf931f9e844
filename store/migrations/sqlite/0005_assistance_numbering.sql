-- Bantuan Kedinasan, second step (SQLite): each organisation's letter
-- numbering pattern (tata naskah dinas, domain.md §6) and its serials per
-- year; the reply letter's own number; and the guard against double
-- financing across requests of the same activity (BK-COST): a live share
-- carries its request's activity, and an activity's budget line is unique.
CREATE TABLE assistance_numbering (
    organization_id INTEGER PRIMARY KEY REFERENCES organizations(id),
    pattern         TEXT NOT NULL,
    agency_code     TEXT NOT NULL DEFAULT '',
    unit_code       TEXT NOT NULL DEFAULT '',
    archive_code    TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    updated_at      TIMESTAMP NOT NULL
);

-- The last serial given by an organisation in a year; incremented in the
-- transaction that numbers the letter, so a rollback gives it back (no gaps)
-- and the row lock serialises two letters at once (no duplicates).
CREATE TABLE assistance_number_serials (
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    year            INTEGER NOT NULL,
    last_serial     INTEGER NOT NULL,
    PRIMARY KEY (organization_id, year)
);
-- Numbers given before this migration used the request id as the serial:
-- continue after them so that no number repeats.
INSERT INTO assistance_number_serials (organization_id, year, last_serial)
SELECT requester_org_id, CAST(substr(number, length(number) - 3, 4) AS INTEGER), max(id)
FROM assistance_requests WHERE number GLOB '*/[0-9][0-9][0-9][0-9]'
GROUP BY requester_org_id, CAST(substr(number, length(number) - 3, 4) AS INTEGER);

ALTER TABLE assistance_requests ADD COLUMN response_number TEXT NOT NULL DEFAULT '';

ALTER TABLE assistance_cost_shares ADD COLUMN activity_key TEXT;
UPDATE assistance_cost_shares SET activity_key = (
    SELECT r.activity FROM assistance_requests r
    WHERE r.id = assistance_cost_shares.request_id AND r.activity <> '' AND r.status NOT IN ('cancelled', 'refused'))
WHERE NOT EXISTS ( -- an earlier live share of the same activity keeps the line
    SELECT 1 FROM assistance_cost_shares e
    JOIN assistance_requests er ON er.id = e.request_id
    JOIN assistance_requests me ON me.id = assistance_cost_shares.request_id
    WHERE e.id < assistance_cost_shares.id AND e.budget_key = assistance_cost_shares.budget_key
      AND er.activity = me.activity AND er.status NOT IN ('cancelled', 'refused'));
CREATE UNIQUE INDEX assistance_cost_shares_live ON assistance_cost_shares(activity_key, budget_key);
