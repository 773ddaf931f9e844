-- Kerja sama follow-up (issue 5, items 6 and 7), SQLite: implementation
-- reports with evidence files (kept in the database) and linked activities,
-- the reporting interval of each agreement, and obligations marked done.
-- Reminders use the notifications' unique key (subject, kind, recipient).
CREATE TABLE agreement_reporting (
    agreement_id    INTEGER PRIMARY KEY REFERENCES agreements(id),
    interval_months INTEGER NOT NULL
);

CREATE TABLE agreement_reports (
    id           INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements(id),
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    report_date  TEXT NOT NULL,
    narrative    TEXT NOT NULL,
    outcome      TEXT NOT NULL DEFAULT '',
    author_id    INTEGER,
    author_name  TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX agreement_reports_agreement ON agreement_reports(agreement_id, report_date);

CREATE TABLE agreement_report_files (
    id           INTEGER PRIMARY KEY,
    report_id    INTEGER NOT NULL REFERENCES agreement_reports(id),
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    data         BLOB NOT NULL,
    uploaded_by  TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX agreement_report_files_report ON agreement_report_files(report_id, id);

CREATE TABLE agreement_report_activities (
    report_id   INTEGER NOT NULL REFERENCES agreement_reports(id),
    activity_id INTEGER NOT NULL REFERENCES activities(id),
    PRIMARY KEY (report_id, activity_id)
);

ALTER TABLE agreement_obligations ADD COLUMN done_note TEXT NOT NULL DEFAULT '';
