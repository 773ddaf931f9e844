-- Assessments (issue 8), SQLite: survey campaigns with anonymous answers,
-- Ratner's three-stage assessment and the register of challenges and
-- obstacles. Dates as text YYYY-MM-DD, times in UTC.
--
-- Anonymity: survey_responses carry the campaign and the group key only —
-- no account, no link, no time. survey_respondents records that an account
-- has answered a campaign (to refuse a second answer) and nothing else; it
-- has no row id and no time, so its rows cannot be lined up with answers.
-- survey_links keep the SHA-256 of each one-time token and whether it was
-- used, not when.
CREATE TABLE survey_campaigns (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL,
    instrument   TEXT NOT NULL,
    scope        TEXT NOT NULL,
    forum_id     INTEGER REFERENCES forums(id),
    owner_org_id INTEGER NOT NULL REFERENCES organizations(id),
    partner_ids  TEXT NOT NULL DEFAULT '[]',
    opens_on     TEXT NOT NULL,
    closes_on    TEXT NOT NULL,
    threshold    INTEGER NOT NULL DEFAULT 5,
    created_by   INTEGER,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX survey_campaigns_owner ON survey_campaigns(owner_org_id, closes_on);

CREATE TABLE survey_groups (
    campaign_id INTEGER NOT NULL REFERENCES survey_campaigns(id),
    group_key   TEXT NOT NULL,
    label       TEXT NOT NULL,
    org_id      INTEGER NOT NULL REFERENCES organizations(id),
    unit_id     INTEGER REFERENCES units(id),
    PRIMARY KEY (campaign_id, group_key)
);

CREATE TABLE survey_links (
    token_hash  TEXT PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES survey_campaigns(id),
    group_key   TEXT NOT NULL,
    used        BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX survey_links_campaign ON survey_links(campaign_id);

CREATE TABLE survey_respondents (
    campaign_id INTEGER NOT NULL REFERENCES survey_campaigns(id),
    user_id     INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, user_id)
) WITHOUT ROWID;

CREATE TABLE survey_responses (
    id          TEXT PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES survey_campaigns(id),
    group_key   TEXT NOT NULL,
    answers     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX survey_responses_campaign ON survey_responses(campaign_id, group_key);

CREATE TABLE assessments (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    subject    TEXT NOT NULL,
    forum_id   INTEGER REFERENCES forums(id),
    org_id     INTEGER NOT NULL REFERENCES organizations(id),
    summary    TEXT NOT NULL DEFAULT '',
    created_by INTEGER,
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX assessments_org ON assessments(org_id);
CREATE INDEX assessments_forum ON assessments(forum_id);

CREATE TABLE assessment_issues (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    kind          TEXT NOT NULL,
    description   TEXT NOT NULL,
    stakeholders  TEXT NOT NULL
);
CREATE INDEX assessment_issues_a ON assessment_issues(assessment_id);

CREATE TABLE assessment_actions (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    title         TEXT NOT NULL,
    owner         TEXT NOT NULL,
    due           TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'open'
);
CREATE INDEX assessment_actions_a ON assessment_actions(assessment_id);

CREATE TABLE assessment_strategies (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    target        TEXT NOT NULL,
    channel       TEXT NOT NULL,
    message       TEXT NOT NULL,
    owner         TEXT NOT NULL
);
CREATE INDEX assessment_strategies_a ON assessment_strategies(assessment_id);

CREATE TABLE obstacles (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES organizations(id),
    category      TEXT NOT NULL,
    description   TEXT NOT NULL,
    affects_kind  TEXT NOT NULL,
    affects_id    INTEGER NOT NULL DEFAULT 0,
    affects_label TEXT NOT NULL DEFAULT '',
    severity      TEXT NOT NULL,
    mitigation    TEXT NOT NULL DEFAULT '',
    owner         TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    proposal_key  TEXT UNIQUE,
    created_by    INTEGER,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX obstacles_org ON obstacles(org_id, status);

CREATE TABLE obstacle_dismissals (
    proposal_key TEXT PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organizations(id),
    dismissed_by INTEGER,
    dismissed_at TIMESTAMP NOT NULL
);
