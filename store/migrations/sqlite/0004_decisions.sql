-- Other ways to decide and notifications (issue 3, items 7 and 11), SQLite.
-- Ballots of proposals decided by a decide method other than consensus: each
-- ballot is appended (a changed one is a new row); the latest of each voter
-- counts. voter_id is "org:<id>" or "user:<id>" per the charter's vote basis.
CREATE TABLE proposal_ballots (
    id              INTEGER PRIMARY KEY,
    proposal_id     INTEGER NOT NULL REFERENCES forum_proposals(id),
    voter_id        TEXT NOT NULL,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    user_id         INTEGER NOT NULL DEFAULT 0,
    voter_name      TEXT NOT NULL DEFAULT '',
    ballot          TEXT NOT NULL,
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX proposal_ballots_proposal ON proposal_ballots(proposal_id, voter_id, id);

-- When the closing-soon reminders of a proposal were created (once).
ALTER TABLE forum_proposals ADD COLUMN reminded_at TIMESTAMP;

-- Notifications, in-app and by e-mail. subject + kind + recipient is unique,
-- so a notification is created once even after a restart.
-- email_state: off (no e-mail), immediate, daily (pending), sent, skipped, failed.
CREATE TABLE notifications (
    id            INTEGER PRIMARY KEY,
    recipient_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    subject       TEXT NOT NULL,
    title_id      TEXT NOT NULL,
    title_en      TEXT NOT NULL DEFAULT '',
    body_id       TEXT NOT NULL DEFAULT '',
    body_en       TEXT NOT NULL DEFAULT '',
    link          TEXT NOT NULL DEFAULT '',
    in_app        BOOLEAN NOT NULL DEFAULT 1,
    created_at    TIMESTAMP NOT NULL,
    read_at       TIMESTAMP,
    email_state   TEXT NOT NULL DEFAULT 'off',
    email_next_at TIMESTAMP,
    email_tries   INTEGER NOT NULL DEFAULT 0,
    email_error   TEXT NOT NULL DEFAULT '',
    emailed_at    TIMESTAMP,
    UNIQUE (subject, kind, recipient_id)
);
CREATE INDEX notifications_recipient ON notifications(recipient_id, in_app, read_at, id);
CREATE INDEX notifications_email ON notifications(email_state, email_next_at, id);

-- A user's choice per kind and channel (in_app: immediate | none; email:
-- immediate | daily | none); a missing row means the default.
CREATE TABLE notification_preferences (
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,
    channel   TEXT NOT NULL,
    frequency TEXT NOT NULL,
    PRIMARY KEY (user_id, kind, channel)
);

-- The day each periodic job last ran, so that several server copies run a
-- daily job once.
CREATE TABLE job_runs (
    name     TEXT PRIMARY KEY,
    last_day TEXT NOT NULL
);
