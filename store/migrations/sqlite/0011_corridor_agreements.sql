-- Corridor programmes (issue 9), SQLite: a programme links to the kerja sama
-- behind it — KSDD agreements among its regions, the Nota Kesepakatan
-- ("sinergi", PP 28/2018 Pasal 46) with the central owner, and inter-agency
-- agreements. The kinds allowed are checked by the store.
CREATE TABLE corridor_agreements (
    id           INTEGER PRIMARY KEY,
    corridor_id  INTEGER NOT NULL REFERENCES corridors(id),
    agreement_id INTEGER NOT NULL REFERENCES agreements(id),
    linked_at    TIMESTAMP NOT NULL,
    UNIQUE (corridor_id, agreement_id)
);
CREATE INDEX corridor_agreements_agreement ON corridor_agreements(agreement_id);
