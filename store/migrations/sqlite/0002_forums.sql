-- Collaborative-governance forums (issue 3), SQLite. Times are stored in UTC;
-- dates (due, done, review, achieved) as text YYYY-MM-DD.
CREATE TABLE forums (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    initiator_org_id  INTEGER NOT NULL REFERENCES organizations(id),
    focus             TEXT NOT NULL,
    problem_statement TEXT NOT NULL DEFAULT '',
    mission           TEXT NOT NULL DEFAULT '',
    shared_values     TEXT NOT NULL DEFAULT '',
    scope             TEXT NOT NULL DEFAULT '',
    legal_basis       TEXT NOT NULL DEFAULT '[]',
    visibility        TEXT NOT NULL DEFAULT 'public',
    profile           TEXT NOT NULL DEFAULT '{}',
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL
);
CREATE INDEX forums_initiator ON forums(initiator_org_id);
CREATE INDEX forums_name ON forums(name);

CREATE TABLE forum_charters (
    forum_id              INTEGER PRIMARY KEY REFERENCES forums(id),
    rules                 TEXT NOT NULL DEFAULT '',
    decision_rule         TEXT NOT NULL DEFAULT 'consensus',
    fallback              TEXT NOT NULL DEFAULT 'none',
    fallback_after_rounds INTEGER NOT NULL DEFAULT 0,
    majority_percent      INTEGER NOT NULL DEFAULT 0,
    referral_authority    TEXT NOT NULL DEFAULT '',
    quorum                INTEGER NOT NULL DEFAULT 1,
    vote_unit             TEXT NOT NULL DEFAULT 'organization',
    disagree_tolerance    INTEGER NOT NULL DEFAULT 0,
    version               INTEGER NOT NULL DEFAULT 1,
    updated_at            TIMESTAMP NOT NULL
);

CREATE TABLE forum_members (
    id              INTEGER PRIMARY KEY,
    forum_id        INTEGER NOT NULL REFERENCES forums(id),
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    role            TEXT NOT NULL,
    joined_at       TIMESTAMP NOT NULL,
    UNIQUE (forum_id, organization_id)
);
CREATE INDEX forum_members_org ON forum_members(organization_id, role);

CREATE TABLE forum_representatives (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES forum_members(id),
    person_id  INTEGER NOT NULL REFERENCES people(id),
    acting     TEXT NOT NULL DEFAULT '',
    acting_for TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    UNIQUE (member_id, person_id)
);
CREATE INDEX forum_representatives_person ON forum_representatives(person_id);

CREATE TABLE forum_acknowledgements (
    forum_id        INTEGER NOT NULL REFERENCES forums(id),
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    user_id         INTEGER NOT NULL DEFAULT 0,
    acknowledged_at TIMESTAMP NOT NULL,
    PRIMARY KEY (forum_id, organization_id)
);

CREATE TABLE forum_small_wins (
    id          INTEGER PRIMARY KEY,
    forum_id    INTEGER NOT NULL REFERENCES forums(id),
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    achieved_on TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX forum_small_wins_forum ON forum_small_wins(forum_id, achieved_on);

CREATE TABLE forum_meetings (
    id             INTEGER PRIMARY KEY,
    forum_id       INTEGER NOT NULL REFERENCES forums(id),
    starts_at      TIMESTAMP NOT NULL,
    time_zone      TEXT NOT NULL DEFAULT 'WITA',
    mode           TEXT NOT NULL,
    place          TEXT NOT NULL DEFAULT '',
    agenda         TEXT NOT NULL DEFAULT '',
    minutes        TEXT NOT NULL DEFAULT '',
    minutes_public BOOLEAN NOT NULL DEFAULT 0,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TIMESTAMP NOT NULL
);
CREATE INDEX forum_meetings_forum ON forum_meetings(forum_id, starts_at);

CREATE TABLE meeting_attendance (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES forum_meetings(id),
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    person_id       INTEGER REFERENCES people(id)
);
CREATE UNIQUE INDEX meeting_attendance_once ON meeting_attendance(meeting_id, organization_id, COALESCE(person_id, 0));

CREATE TABLE forum_action_items (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES forum_meetings(id),
    forum_id        INTEGER NOT NULL REFERENCES forums(id),
    title           TEXT NOT NULL,
    owner_org_id    INTEGER NOT NULL REFERENCES organizations(id),
    owner_person_id INTEGER REFERENCES people(id),
    due             TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'open',
    done_on         TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX forum_action_items_meeting ON forum_action_items(meeting_id);
CREATE INDEX forum_action_items_forum ON forum_action_items(forum_id, due);
CREATE INDEX forum_action_items_owner ON forum_action_items(owner_org_id, status, due);

-- method and options let other ways of deciding (advice, consent, score, …)
-- use the same table; consensus is the default.
CREATE TABLE forum_proposals (
    id                INTEGER PRIMARY KEY,
    forum_id          INTEGER NOT NULL REFERENCES forums(id),
    title             TEXT NOT NULL,
    body              TEXT NOT NULL,
    method            TEXT NOT NULL DEFAULT 'consensus',
    options           TEXT NOT NULL DEFAULT '{}',
    round             INTEGER NOT NULL DEFAULT 1,
    previous_id       INTEGER REFERENCES forum_proposals(id),
    closes_at         TIMESTAMP NOT NULL,
    status            TEXT NOT NULL DEFAULT 'open',
    outcome           TEXT NOT NULL DEFAULT '',
    review_date       TEXT NOT NULL DEFAULT '',
    result            TEXT NOT NULL DEFAULT '',
    closed_at         TIMESTAMP,
    created_by_org_id INTEGER REFERENCES organizations(id),
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TIMESTAMP NOT NULL
);
CREATE INDEX forum_proposals_forum ON forum_proposals(forum_id, status, closes_at);
CREATE INDEX forum_proposals_status ON forum_proposals(status, closes_at);
CREATE UNIQUE INDEX forum_proposals_previous ON forum_proposals(previous_id) WHERE previous_id IS NOT NULL;

CREATE TABLE proposal_positions (
    id              INTEGER PRIMARY KEY,
    proposal_id     INTEGER NOT NULL REFERENCES forum_proposals(id),
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    user_id         INTEGER NOT NULL DEFAULT 0,
    voter_name      TEXT NOT NULL DEFAULT '',
    position        TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    UNIQUE (proposal_id, organization_id, user_id)
);
CREATE INDEX proposal_positions_org ON proposal_positions(organization_id, proposal_id);

CREATE TABLE proposal_comments (
    id              INTEGER PRIMARY KEY,
    proposal_id     INTEGER NOT NULL REFERENCES forum_proposals(id),
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    user_id         INTEGER NOT NULL DEFAULT 0,
    author          TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL,
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX proposal_comments_proposal ON proposal_comments(proposal_id, created_at);
