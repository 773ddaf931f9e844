package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"sinergi"
)

// Ratner's three-stage assessment of a forum or an organisation (issue 8).
// For a forum, stage 2 is the forum's own meeting action items; for an
// organisation, the assessment keeps its own actions.

const assessmentCols = `a.id, a.title, a.subject, a.forum_id, a.org_id, COALESCE(f.name, o.name), a.summary, a.version, a.created_at, a.updated_at`
const assessmentFrom = ` FROM assessments a JOIN organizations o ON o.id = a.org_id LEFT JOIN forums f ON f.id = a.forum_id`

func scanAssessment(row interface{ Scan(...any) error }) (*sinergi.Assessment, error) {
	var x sinergi.Assessment
	var forum sql.NullInt64
	if err := row.Scan(&x.ID, &x.Title, &x.Subject, &forum, &x.OrgID, &x.SubjectName, &x.Summary, &x.Version, &x.CreatedAt, &x.UpdatedAt); err != nil {
		return nil, err
	}
	if forum.Valid {
		x.ForumID = &forum.Int64
	}
	x.CreatedAt, x.UpdatedAt = x.CreatedAt.UTC(), x.UpdatedAt.UTC()
	x.Issues, x.Actions, x.Strategies = []sinergi.AssessmentIssue{}, []sinergi.AssessmentAction{}, []sinergi.AssessmentStrategy{}
	return &x, nil
}

func (db *DB) getAssessment(ctx context.Context, q querier, id int64, lock bool) (*sinergi.Assessment, error) {
	s := `SELECT ` + assessmentCols + assessmentFrom + ` WHERE a.id = $1`
	if lock && db.Dialect == Postgres {
		s += " FOR UPDATE OF a"
	}
	x, err := scanAssessment(q.QueryRowContext(ctx, s, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Asesmen", "Assessment")
	}
	return x, err
}

// assessmentAccess: for a forum, its insiders read and its managers write;
// for an organisation, its accounts read and its admins and members write.
func (db *DB) assessmentAccess(ctx context.Context, q querier, x *sinergi.Assessment, write bool) error {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return sinergi.Unauthorized()
	}
	if x.ForumID != nil {
		_, acc, err := db.forumAccess(ctx, q, *x.ForumID, false)
		if err != nil {
			return err
		}
		if (write && sinergi.CanManageForum(a, acc)) || (!write && sinergi.IsForumInsider(a, acc)) {
			return nil
		}
		return sinergi.Errorf(sinergi.CodeForbidden, "Asesmen forum ini hanya untuk pengelola dan anggotanya", "This forum's assessment is for its managers and members")
	}
	if a.IsAdmin() || (a.OrgID == x.OrgID && (!write || a.Has(sinergi.RoleOrgAdmin) || a.Has(sinergi.RoleMember))) {
		return nil
	}
	return sinergi.Errorf(sinergi.CodeForbidden, "Asesmen ini milik instansi lain", "This assessment belongs to another organisation")
}

func (db *DB) fillAssessment(ctx context.Context, q querier, x *sinergi.Assessment) error {
	rows, err := q.QueryContext(ctx, `SELECT id, kind, description, stakeholders FROM assessment_issues WHERE assessment_id = $1 ORDER BY id`, x.ID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var i sinergi.AssessmentIssue
		if err := rows.Scan(&i.ID, &i.Kind, &i.Description, &i.Stakeholders); err != nil {
			rows.Close()
			return err
		}
		x.Issues = append(x.Issues, i)
	}
	rows.Close()
	if x.ForumID != nil {
		items, err := db.actionItems(ctx, q, `ai.forum_id = $1`, *x.ForumID)
		if err != nil {
			return err
		}
		for _, it := range items {
			owner := it.OwnerOrgName
			if it.OwnerPersonName != "" {
				owner += " (" + it.OwnerPersonName + ")"
			}
			id := it.ID
			x.Actions = append(x.Actions, sinergi.AssessmentAction{ID: it.ID, ActionItemID: &id, Title: it.Title, Owner: owner, Due: it.Due, Status: it.Status})
		}
	} else {
		rows, err := q.QueryContext(ctx, `SELECT id, title, owner, due, status FROM assessment_actions WHERE assessment_id = $1 ORDER BY due, id`, x.ID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var p sinergi.AssessmentAction
			if err := rows.Scan(&p.ID, &p.Title, &p.Owner, &p.Due, &p.Status); err != nil {
				rows.Close()
				return err
			}
			x.Actions = append(x.Actions, p)
		}
		rows.Close()
	}
	rows, err = q.QueryContext(ctx, `SELECT id, target, channel, message, owner FROM assessment_strategies WHERE assessment_id = $1 ORDER BY id`, x.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var s sinergi.AssessmentStrategy
		if err := rows.Scan(&s.ID, &s.Target, &s.Channel, &s.Message, &s.Owner); err != nil {
			return err
		}
		x.Strategies = append(x.Strategies, s)
	}
	return rows.Err()
}

// AssessmentFilter selects assessments.
type AssessmentFilter struct {
	ForumID int64
	OrgID   int64
	Offset  int
	Limit   int
}

// Assessments lists the assessments the actor may read, newest first, with
// their three stages.
func (db *DB) Assessments(ctx context.Context, f AssessmentFilter) (sinergi.List[sinergi.Assessment], error) {
	out := sinergi.List[sinergi.Assessment]{Items: []sinergi.Assessment{}}
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return out, sinergi.Unauthorized()
	}
	out.Offset, out.Limit = sinergi.ClampPage(f.Offset, f.Limit)
	var w where
	if !a.IsAdmin() {
		w.add(`(a.org_id = ? OR a.forum_id IN (SELECT forum_id FROM forum_members WHERE organization_id = ?))`, a.OrgID, a.OrgID)
	}
	if f.ForumID > 0 {
		w.add(`a.forum_id = ?`, f.ForumID)
	}
	if f.OrgID > 0 {
		w.add(`a.org_id = ?`, f.OrgID)
	}
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*)`+assessmentFrom+w.String(), w.args...).Scan(&out.Total); err != nil {
		return out, err
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+assessmentCols+assessmentFrom+w.String()+` ORDER BY a.created_at DESC, a.id DESC`+limitClause(0, out.Offset, out.Limit), w.args...)
	if err != nil {
		return out, err
	}
	for rows.Next() {
		x, err := scanAssessment(rows)
		if err != nil {
			rows.Close()
			return out, err
		}
		out.Items = append(out.Items, *x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return out, err
	}
	for i := range out.Items {
		if err := db.fillAssessment(ctx, db.SQL, &out.Items[i]); err != nil {
			return out, err
		}
	}
	return out, nil
}

// Assessment returns one assessment with its three stages.
func (db *DB) Assessment(ctx context.Context, id int64) (*sinergi.Assessment, error) {
	x, err := db.getAssessment(ctx, db.SQL, id, false)
	if err != nil {
		return nil, err
	}
	if err := db.assessmentAccess(ctx, db.SQL, x, false); err != nil {
		return nil, err
	}
	return x, db.fillAssessment(ctx, db.SQL, x)
}

// CreateAssessment starts an assessment of a forum (its managers) or of an
// organisation (its admins and members).
func (db *DB) CreateAssessment(ctx context.Context, in sinergi.AssessmentInput) (*sinergi.Assessment, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var x *sinergi.Assessment
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		probe := &sinergi.Assessment{OrgID: in.OrganizationID}
		subject := sinergi.SubjectOrganization
		if in.ForumID > 0 {
			f, _, err := db.forumAccess(ctx, tx, in.ForumID, false)
			if err != nil {
				var v sinergi.Validation
				v.Add("forum_id", "Forum tidak ditemukan", "Forum not found")
				return v.Err()
			}
			probe.ForumID, probe.OrgID, subject = &f.ID, f.InitiatorOrgID, sinergi.SubjectForum
		} else if _, err := db.getOrg(ctx, tx, in.OrganizationID, false); err != nil {
			var v sinergi.Validation
			v.Add("organization_id", "Instansi tidak ditemukan", "Organisation not found")
			return v.Err()
		}
		if err := db.assessmentAccess(ctx, tx, probe, true); err != nil {
			return err
		}
		now := db.now()
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO assessments (title, subject, forum_id, org_id, summary, created_by, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7) RETURNING id`, in.Title, string(subject), nullID(probe.ForumID), probe.OrgID, in.Summary, nullID(&a.UserID), now).Scan(&id); err != nil {
			return err
		}
		var err error
		if x, err = db.getAssessment(ctx, tx, id, false); err != nil {
			return err
		}
		if err := db.fillAssessment(ctx, tx, x); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "create", "assessment", id, nil, x)
	})
	return x, err
}

// changeAssessment runs fn on an assessment the actor may change, bumps
// its version and records the change.
func (db *DB) changeAssessment(ctx context.Context, id int64, action string, fn func(tx *sql.Tx, x *sinergi.Assessment) (int64, any, error)) (int64, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return 0, sinergi.Unauthorized()
	}
	var childID int64
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		x, err := db.getAssessment(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if err := db.assessmentAccess(ctx, tx, x, true); err != nil {
			return err
		}
		var after any
		if childID, after, err = fn(tx, x); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE assessments SET version = version + 1, updated_at = $1 WHERE id = $2`, db.now(), id); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, action, "assessment", id, nil, after)
	})
	return childID, err
}

// AddIssue adds a stage-1 problem or opportunity.
func (db *DB) AddIssue(ctx context.Context, id int64, in sinergi.IssueInput) (int64, error) {
	return db.changeAssessment(ctx, id, "add_issue", func(tx *sql.Tx, x *sinergi.Assessment) (int64, any, error) {
		if err := in.Validate(); err != nil {
			return 0, nil, err
		}
		var n int64
		err := tx.QueryRowContext(ctx, `INSERT INTO assessment_issues (assessment_id, kind, description, stakeholders) VALUES ($1, $2, $3, $4) RETURNING id`,
			x.ID, string(in.Kind), in.Description, in.Stakeholders).Scan(&n)
		return n, in, err
	})
}

// AddPlanAction adds a stage-2 action to an organisation's assessment. A
// forum's action plan is its meeting action items: add those at a meeting.
func (db *DB) AddPlanAction(ctx context.Context, id int64, in sinergi.PlanActionInput) (int64, error) {
	return db.changeAssessment(ctx, id, "add_action", func(tx *sql.Tx, x *sinergi.Assessment) (int64, any, error) {
		if x.ForumID != nil {
			return 0, nil, sinergi.Errorf(sinergi.CodeConflict, "Rencana aksi forum adalah tindak lanjut rapatnya: tambahkan di halaman rapat forum", "A forum's action plan is its meeting action items: add them on the forum's meeting page")
		}
		if err := in.Validate(); err != nil {
			return 0, nil, err
		}
		var n int64
		err := tx.QueryRowContext(ctx, `INSERT INTO assessment_actions (assessment_id, title, owner, due, status) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			x.ID, in.Title, in.Owner, in.Due, string(in.Status)).Scan(&n)
		return n, in, err
	})
}

// AddStrategy adds a stage-3 strategy to influence.
func (db *DB) AddStrategy(ctx context.Context, id int64, in sinergi.StrategyInput) (int64, error) {
	return db.changeAssessment(ctx, id, "add_strategy", func(tx *sql.Tx, x *sinergi.Assessment) (int64, any, error) {
		if err := in.Validate(); err != nil {
			return 0, nil, err
		}
		var n int64
		err := tx.QueryRowContext(ctx, `INSERT INTO assessment_strategies (assessment_id, target, channel, message, owner) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			x.ID, in.Target, in.Channel, in.Message, in.Owner).Scan(&n)
		return n, in, err
	})
}

// --- challenges and obstacles ---

const obstacleCols = `b.id, b.org_id, o.name, b.category, b.description, b.affects_kind, b.affects_id, b.affects_label, b.severity, b.mitigation, b.owner, b.status,
	COALESCE(b.proposal_key, ''), b.version, b.created_at, b.updated_at`
const obstacleFrom = ` FROM obstacles b JOIN organizations o ON o.id = b.org_id`

func scanObstacle(row interface{ Scan(...any) error }) (*sinergi.Obstacle, error) {
	var b sinergi.Obstacle
	err := row.Scan(&b.ID, &b.OrgID, &b.OrgName, &b.Category, &b.Description, &b.AffectsKind, &b.AffectsID, &b.AffectsLabel, &b.Severity, &b.Mitigation, &b.Owner, &b.Status,
		&b.ProposalKey, &b.Version, &b.CreatedAt, &b.UpdatedAt)
	b.CreatedAt, b.UpdatedAt = b.CreatedAt.UTC(), b.UpdatedAt.UTC()
	return &b, err
}

func (db *DB) getObstacle(ctx context.Context, q querier, id int64, lock bool) (*sinergi.Obstacle, error) {
	s := `SELECT ` + obstacleCols + obstacleFrom + ` WHERE b.id = $1`
	if lock && db.Dialect == Postgres {
		s += " FOR UPDATE OF b"
	}
	b, err := scanObstacle(q.QueryRowContext(ctx, s, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Hambatan", "Obstacle")
	}
	return b, err
}

// canKeepRegister: accounts acting for the organisation, and system admins.
func canKeepRegister(a *sinergi.Actor, orgID int64) bool {
	return a.IsAdmin() || (a.Authenticated() && a.OrgID == orgID && (a.Has(sinergi.RoleOrgAdmin) || a.Has(sinergi.RoleMember) || a.Has(sinergi.RolePartner)))
}

// ObstacleFilter selects register entries.
type ObstacleFilter struct {
	Status   string
	Category string
	OrgID    int64
	Offset   int
	Limit    int
}

// Obstacles lists the register of the actor's organisation (system admins:
// every organisation), most severe and newest first.
func (db *DB) Obstacles(ctx context.Context, f ObstacleFilter) (sinergi.List[sinergi.Obstacle], error) {
	out := sinergi.List[sinergi.Obstacle]{Items: []sinergi.Obstacle{}}
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return out, sinergi.Unauthorized()
	}
	out.Offset, out.Limit = sinergi.ClampPage(f.Offset, f.Limit)
	var w where
	if !a.IsAdmin() {
		w.add(`b.org_id = ?`, a.OrgID)
	}
	if f.OrgID > 0 {
		w.add(`b.org_id = ?`, f.OrgID)
	}
	if f.Status != "" {
		w.add(`b.status = ?`, f.Status)
	}
	if f.Category != "" {
		w.add(`b.category = ?`, f.Category)
	}
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*)`+obstacleFrom+w.String(), w.args...).Scan(&out.Total); err != nil {
		return out, err
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+obstacleCols+obstacleFrom+w.String()+
		` ORDER BY CASE b.status WHEN 'resolved' THEN 1 ELSE 0 END, CASE b.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, b.id DESC`+limitClause(0, out.Offset, out.Limit), w.args...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		b, err := scanObstacle(rows)
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, *b)
	}
	return out, rows.Err()
}

// Obstacle returns one entry.
func (db *DB) Obstacle(ctx context.Context, id int64) (*sinergi.Obstacle, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	b, err := db.getObstacle(ctx, db.SQL, id, false)
	if err != nil {
		return nil, err
	}
	if !a.IsAdmin() && a.OrgID != b.OrgID {
		return nil, sinergi.NotFound("Hambatan", "Obstacle")
	}
	return b, nil
}

// CreateObstacle adds an entry to the register of the input's organisation
// (0: the actor's).
func (db *DB) CreateObstacle(ctx context.Context, in sinergi.ObstacleInput) (*sinergi.Obstacle, error) {
	return db.insertObstacle(ctx, in, "")
}

func (db *DB) insertObstacle(ctx context.Context, in sinergi.ObstacleInput, proposalKey string) (*sinergi.Obstacle, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if in.OrganizationID == 0 {
		in.OrganizationID = a.OrgID
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if !canKeepRegister(a, in.OrganizationID) {
		return nil, sinergi.Errorf(sinergi.CodeForbidden, "Anda hanya dapat mengisi daftar hambatan instansi Anda sendiri", "You keep the obstacle register of your own organisation only")
	}
	var b *sinergi.Obstacle
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := db.getOrg(ctx, tx, in.OrganizationID, false); err != nil {
			var v sinergi.Validation
			v.Add("organization_id", "Instansi tidak ditemukan", "Organisation not found")
			return v.Err()
		}
		now := db.now()
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO obstacles (org_id, category, description, affects_kind, affects_id, affects_label, severity, mitigation, owner, status, proposal_key, created_by, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $13, $13) RETURNING id`,
			in.OrganizationID, string(in.Category), in.Description, in.AffectsKind, in.AffectsID, in.AffectsLabel, in.Severity, in.Mitigation, in.Owner, in.Status,
			nullStr(proposalKey), nullID(&a.UserID), now).Scan(&id); err != nil {
			return err
		}
		var err error
		if b, err = db.getObstacle(ctx, tx, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "create", "obstacle", id, nil, b)
	})
	return b, err
}

// UpdateObstacle changes an entry (version: what the client saw, 0 = any).
func (db *DB) UpdateObstacle(ctx context.Context, id, version int64, in sinergi.ObstacleInput) (*sinergi.Obstacle, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var b *sinergi.Obstacle
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		before, err := db.getObstacle(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if !a.IsAdmin() && a.OrgID != before.OrgID {
			return sinergi.NotFound("Hambatan", "Obstacle")
		}
		if !canKeepRegister(a, before.OrgID) {
			return sinergi.Forbidden()
		}
		if err := checkVersion(before.Version, version); err != nil {
			return err
		}
		in.OrganizationID = before.OrgID
		if err := in.Validate(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE obstacles SET category = $1, description = $2, affects_kind = $3, affects_id = $4, affects_label = $5, severity = $6,
			mitigation = $7, owner = $8, status = $9, version = version + 1, updated_at = $10 WHERE id = $11`,
			string(in.Category), in.Description, in.AffectsKind, in.AffectsID, in.AffectsLabel, in.Severity, in.Mitigation, in.Owner, in.Status, db.now(), id); err != nil {
			return err
		}
		if b, err = db.getObstacle(ctx, tx, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "update", "obstacle", id, before, b)
	})
	return b, err
}

// ObstacleProposals lists what the data suggests for the register of the
// actor's organisation (system admins: of every organisation): forums it
// initiated or joined without a legal basis, Bantuan Kedinasan requests it
// answered (or that were answered to it) after the due date, and its forum
// action items past their due date. Accepted and dismissed ones are left
// out.
func (db *DB) ObstacleProposals(ctx context.Context) ([]sinergi.ObstacleProposal, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	out := []sinergi.ObstacleProposal{}
	org := a.OrgID
	admin := a.IsAdmin()
	key := func(kind string, id, org int64) string {
		return kind + ":" + strconv.FormatInt(id, 10) + "@" + strconv.FormatInt(org, 10)
	}
	// forums without a legal basis
	rows, err := db.SQL.QueryContext(ctx, `SELECT f.id, f.name, f.initiator_org_id FROM forums f WHERE f.legal_basis = '[]'
		AND ($1 OR f.initiator_org_id = $2 OR f.id IN (SELECT forum_id FROM forum_members WHERE organization_id = $2)) ORDER BY f.id`, admin, org)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, owner int64
		var name string
		if err := rows.Scan(&id, &name, &owner); err != nil {
			rows.Close()
			return nil, err
		}
		if !admin {
			owner = org
		}
		out = append(out, sinergi.ObstacleProposal{Key: key("forum-legal", id, owner), OrgID: owner, Category: "legal_basis", AffectsKind: "forum", AffectsID: id, AffectsLabel: name, Severity: "medium",
			Description: "Forum \"" + name + "\" belum mencantumkan dasar hukum (Astari dkk., 2019: dasar hukum kolaborasi yang tidak jelas menghambat kolaborasi)."})
	}
	rows.Close()
	// Bantuan Kedinasan requests answered late, or not answered by the due date
	today := db.today()
	// (rahasia requests only for those CanRead entitles: not system admins)
	rows, err = db.SQL.QueryContext(ctx, `SELECT id, number, subject, provider_org_id, requester_org_id, due_date, responded_at, status, classification FROM assistance_requests
		WHERE due_date <> '' AND status <> 'draft' AND ($1 OR provider_org_id = $2 OR requester_org_id = $2) ORDER BY id`, admin, org)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, provider, requester int64
		var number, subject, due, status, class string
		var responded sql.NullTime
		if err := rows.Scan(&id, &number, &subject, &provider, &requester, &due, &responded, &status, &class); err != nil {
			rows.Close()
			return nil, err
		}
		if !sinergi.CanRead(a, sinergi.Classification(class), []int64{requester, provider}) {
			continue
		}
		late := false
		if responded.Valid {
			late = responded.Time.In(sinergi.Zone("WITA")).Format(time.DateOnly) > due
		} else {
			late = status == string(sinergi.AssistSubmitted) && due < today
		}
		if !late {
			continue
		}
		owner := org
		if admin {
			owner = provider
		}
		label := strings.TrimSpace(number + " " + subject)
		out = append(out, sinergi.ObstacleProposal{Key: key("assist-late", id, owner), OrgID: owner, Category: "communication", AffectsKind: "request", AffectsID: id, AffectsLabel: label, Severity: "medium",
			Description: "Permintaan Bantuan Kedinasan \"" + subject + "\" dijawab melewati tenggat " + due + " (minimnya komunikasi mengurangi produktivitas)."})
	}
	rows.Close()
	// overdue forum action items of the organisation
	items, err := db.actionItems(ctx, db.SQL, `($1 OR ai.owner_org_id = $2) AND ai.status = 'open' AND ai.due < $3`, admin, org, today)
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		owner := org
		if admin {
			owner = it.OwnerOrgID
		}
		out = append(out, sinergi.ObstacleProposal{Key: key("action-overdue", it.ID, owner), OrgID: owner, Category: "other", AffectsKind: "forum", AffectsID: it.ForumID, AffectsLabel: it.Title, Severity: "low",
			Description: "Tindak lanjut forum \"" + it.Title + "\" (" + it.OwnerOrgName + ") melewati tenggat " + it.Due + "."})
	}
	more, err := db.agreementAndTieProposals(ctx, admin, org, today, key)
	if err != nil {
		return nil, err
	}
	out = append(out, more...)
	// leave out what was accepted or dismissed
	done := map[string]bool{}
	rows, err = db.SQL.QueryContext(ctx, `SELECT proposal_key FROM obstacles WHERE proposal_key IS NOT NULL UNION SELECT proposal_key FROM obstacle_dismissals`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		done[k] = true
	}
	kept := out[:0]
	for _, p := range out {
		if !done[p.Key] {
			kept = append(kept, p)
		}
	}
	if len(kept) > 200 {
		kept = kept[:200]
	}
	return kept, rows.Err()
}

func (db *DB) findProposal(ctx context.Context, key string) (*sinergi.ObstacleProposal, error) {
	ps, err := db.ObstacleProposals(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		if p.Key == key {
			return &p, nil
		}
	}
	return nil, sinergi.NotFound("Usulan hambatan", "Proposed obstacle")
}

// AcceptProposal turns a proposal into a register entry (mitigation and
// owner may be given).
func (db *DB) AcceptProposal(ctx context.Context, key, mitigation, owner string) (*sinergi.Obstacle, error) {
	p, err := db.findProposal(ctx, key)
	if err != nil {
		return nil, err
	}
	return db.insertObstacle(ctx, sinergi.ObstacleInput{OrganizationID: p.OrgID, Category: p.Category, Description: p.Description, AffectsKind: p.AffectsKind,
		AffectsID: p.AffectsID, AffectsLabel: p.AffectsLabel, Severity: p.Severity, Mitigation: mitigation, Owner: owner, Status: "open"}, p.Key)
}

// DismissProposal records that a person judged a proposal not an obstacle.
func (db *DB) DismissProposal(ctx context.Context, key string) error {
	a := sinergi.ActorFrom(ctx)
	p, err := db.findProposal(ctx, key)
	if err != nil {
		return err
	}
	if !canKeepRegister(a, p.OrgID) {
		return sinergi.Forbidden()
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO obstacle_dismissals (proposal_key, org_id, dismissed_by, dismissed_at) VALUES ($1, $2, $3, $4)`,
			p.Key, p.OrgID, nullID(&a.UserID), db.now()); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "dismiss_proposal", "obstacle", 0, nil, p)
	})
}
