package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"sort"
	"strings"

	"sinergi"
	"sinergi/criteria"
)

const forumCols = `f.id, f.name, f.initiator_org_id, o.name, o.sector, f.focus, f.problem_statement, f.mission, f.shared_values, f.scope,
	f.legal_basis, f.visibility, f.profile, f.version, f.created_at, f.updated_at`
const forumFrom = ` FROM forums f JOIN organizations o ON o.id = f.initiator_org_id`

func scanForum(row interface{ Scan(...any) error }) (*sinergi.Forum, error) {
	var f sinergi.Forum
	var sector sinergi.Sector
	var legal, profile string
	if err := row.Scan(&f.ID, &f.Name, &f.InitiatorOrgID, &f.InitiatorName, &sector, &f.Focus, &f.ProblemStatement, &f.Mission, &f.SharedValues, &f.Scope,
		&legal, &f.Visibility, &profile, &f.Version, &f.CreatedAt, &f.UpdatedAt); err != nil {
		return nil, err
	}
	f.InitiatorPublic = sector.IsPublic()
	f.LegalBasis = []sinergi.LegalBasis{}
	json.Unmarshal([]byte(legal), &f.LegalBasis)
	json.Unmarshal([]byte(profile), &f.Profile)
	f.CreatedAt, f.UpdatedAt = f.CreatedAt.UTC(), f.UpdatedAt.UTC()
	return &f, nil
}

func (db *DB) getForum(ctx context.Context, q querier, id int64, lock bool) (*sinergi.Forum, error) {
	s := `SELECT ` + forumCols + forumFrom + ` WHERE f.id = $1`
	if lock && db.Dialect == Postgres {
		s += " FOR UPDATE OF f"
	}
	f, err := scanForum(q.QueryRowContext(ctx, s, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Forum", "Forum")
	}
	return f, err
}

// forumAccess loads a forum and what the access rules need about it.
func (db *DB) forumAccess(ctx context.Context, q querier, id int64, lock bool) (*sinergi.Forum, *sinergi.ForumAccess, error) {
	f, err := db.getForum(ctx, q, id, lock)
	if err != nil {
		return nil, nil, err
	}
	acc := &sinergi.ForumAccess{Visibility: f.Visibility, InitiatorOrgID: f.InitiatorOrgID, Roles: map[int64]sinergi.MemberRole{}}
	rows, err := q.QueryContext(ctx, `SELECT organization_id, role FROM forum_members WHERE forum_id = $1`, id)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var org int64
		var role sinergi.MemberRole
		if err := rows.Scan(&org, &role); err != nil {
			return nil, nil, err
		}
		acc.Roles[org] = role
	}
	return f, acc, rows.Err()
}

// readable checks that the actor may read the forum: 401 for the public
// on a members-only forum, 403 for other outsiders.
func readable(a *sinergi.Actor, acc *sinergi.ForumAccess) error {
	if sinergi.CanReadForum(a, acc) {
		return nil
	}
	if !a.Authenticated() {
		return sinergi.Unauthorized()
	}
	return sinergi.Errorf(sinergi.CodeForbidden, "Forum ini hanya untuk anggotanya", "This forum is for its members only")
}

// manageable loads a forum for a change and checks the actor may manage it.
func (db *DB) manageable(ctx context.Context, tx *sql.Tx, forumID int64) (*sinergi.Forum, *sinergi.ForumAccess, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, nil, sinergi.Unauthorized()
	}
	f, acc, err := db.forumAccess(ctx, tx, forumID, true)
	if err != nil {
		return nil, nil, err
	}
	if !sinergi.CanManageForum(a, acc) {
		if err := readable(a, acc); err != nil {
			return nil, nil, err
		}
		return nil, nil, sinergi.Errorf(sinergi.CodeForbidden, "Hanya pemrakarsa, fasilitator dan admin sistem yang dapat mengelola forum ini",
			"Only the initiator, facilitators and system admins manage this forum")
	}
	return f, acc, nil
}

func forumJSON(in sinergi.ForumInput) (legal, profile string) {
	if in.LegalBasis == nil {
		in.LegalBasis = []sinergi.LegalBasis{}
	}
	l, _ := json.Marshal(in.LegalBasis)
	p, _ := json.Marshal(in.Profile)
	return string(l), string(p)
}

// checkInitiator: the organisation exists and the actor may name it.
func (db *DB) checkInitiator(ctx context.Context, q querier, a *sinergi.Actor, orgID int64) error {
	o, err := db.getOrg(ctx, q, orgID, false)
	if err != nil {
		var v sinergi.Validation
		v.Add("initiator_org_id", "Instansi pemrakarsa tidak ditemukan", "Initiating organisation not found")
		return v.Err()
	}
	if !sinergi.CanInitiateFor(a, o.ID) {
		return sinergi.Errorf(sinergi.CodeForbidden, "Anda hanya dapat memprakarsai forum atas nama instansi Anda sendiri", "You can only initiate a forum for your own organisation")
	}
	return nil
}

// CreateForum starts a forum; the initiating organisation becomes its first
// member, as facilitator.
func (db *DB) CreateForum(ctx context.Context, in sinergi.ForumInput) (*sinergi.Forum, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var f *sinergi.Forum
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		public := false
		if a.OrgID != 0 {
			if o, err := db.getOrg(ctx, tx, a.OrgID, false); err == nil {
				public = o.Public
			}
		}
		if !sinergi.CanCreateForum(a, public) {
			return sinergi.Errorf(sinergi.CodeForbidden, "Forum diprakarsai oleh badan publik: hanya admin dan anggota instansi pemerintah atau perguruan tinggi negeri yang dapat membuatnya",
				"Forums are initiated by public bodies: only admins and members of a government body or public university can create one")
		}
		if err := db.checkInitiator(ctx, tx, a, in.InitiatorOrgID); err != nil {
			return err
		}
		now := db.now()
		legal, profile := forumJSON(in)
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO forums (name, initiator_org_id, focus, problem_statement, mission, shared_values, scope, legal_basis, visibility, profile, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11) RETURNING id`,
			in.Name, in.InitiatorOrgID, string(in.Focus), in.ProblemStatement, in.Mission, in.SharedValues, in.Scope, legal, string(in.Visibility), profile, now).Scan(&id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO forum_members (forum_id, organization_id, role, joined_at) VALUES ($1, $2, 'facilitator', $3)`, id, in.InitiatorOrgID, now); err != nil {
			return err
		}
		var err error
		if f, err = db.getForum(ctx, tx, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "create", "forum", id, nil, f)
	})
	return f, err
}

// UpdateForum changes a forum; version 0 skips the check.
func (db *DB) UpdateForum(ctx context.Context, id, version int64, in sinergi.ForumInput) (*sinergi.Forum, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var f *sinergi.Forum
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		before, _, err := db.manageable(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion(before.Version, version); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if in.InitiatorOrgID != before.InitiatorOrgID {
			if err := db.checkInitiator(ctx, tx, sinergi.ActorFrom(ctx), in.InitiatorOrgID); err != nil {
				return err
			}
		}
		legal, profile := forumJSON(in)
		if _, err := tx.ExecContext(ctx, `UPDATE forums SET name = $1, initiator_org_id = $2, focus = $3, problem_statement = $4, mission = $5, shared_values = $6,
			scope = $7, legal_basis = $8, visibility = $9, profile = $10, version = version + 1, updated_at = $11 WHERE id = $12`,
			in.Name, in.InitiatorOrgID, string(in.Focus), in.ProblemStatement, in.Mission, in.SharedValues, in.Scope, legal, string(in.Visibility), profile, db.now(), id); err != nil {
			return err
		}
		if f, err = db.getForum(ctx, tx, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "update", "forum", id, before, f)
	})
	return f, err
}

// ForumSummary is a forum in a list, with its criteria.
type ForumSummary struct {
	sinergi.Forum
	Members  int             `json:"member_count"`
	Criteria criteria.Result `json:"criteria"`
	MeetsAll bool            `json:"meets_all"`
}

// Forums lists the forums the actor may read, by name, with the six
// criteria of each.
func (db *DB) Forums(ctx context.Context, f sinergi.ForumFilter) (sinergi.List[ForumSummary], error) {
	out := sinergi.List[ForumSummary]{Items: []ForumSummary{}}
	out.Offset, out.Limit = sinergi.ClampPage(f.Offset, f.Limit)
	a := sinergi.ActorFrom(ctx)
	var w where
	readableWhere(&w, a)
	if f.Q != "" {
		w.add(`lower(f.name) LIKE ? ESCAPE '\'`, likePattern(f.Q))
	}
	if f.Focus != "" {
		w.add(`f.focus = ?`, string(f.Focus))
	}
	if f.OrgID != 0 {
		w.add(`(f.initiator_org_id = ? OR EXISTS (SELECT 1 FROM forum_members m WHERE m.forum_id = f.id AND m.organization_id = ?))`, f.OrgID, f.OrgID)
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+forumCols+forumFrom+w.String()+` ORDER BY f.name, f.id`, w.args...)
	if err != nil {
		return out, err
	}
	var all []sinergi.Forum
	for rows.Next() {
		x, err := scanForum(rows)
		if err != nil {
			rows.Close()
			return out, err
		}
		all = append(all, *x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return out, err
	}
	// The criteria come from data across several tables; they are computed
	// for every matching forum (a handful of grouped queries, not one per
	// forum) so that "meets all six" can filter and count.
	facts, err := db.criteriaFacts(ctx, all)
	if err != nil {
		return out, err
	}
	var matched []ForumSummary
	for _, x := range all {
		fc := facts[x.ID]
		r := criteria.Evaluate(fc.Facts)
		if f.MeetsAll != nil && r.MeetsAll() != *f.MeetsAll {
			continue
		}
		matched = append(matched, ForumSummary{Forum: x, Members: fc.members, Criteria: r, MeetsAll: r.MeetsAll()})
	}
	out.Total = len(matched)
	if out.Offset < len(matched) {
		out.Items = matched[out.Offset:min(len(matched), out.Offset+out.Limit)]
	}
	return out, nil
}

// readableWhere limits a query over forums f to those the actor may read.
func readableWhere(w *where, a *sinergi.Actor) {
	switch {
	case a.IsAdmin():
	case a.Authenticated():
		w.add(`(f.visibility = 'public' OR f.initiator_org_id = ? OR EXISTS (SELECT 1 FROM forum_members rm WHERE rm.forum_id = f.id AND rm.organization_id = ?))`, a.OrgID, a.OrgID)
	default:
		w.add(`f.visibility = 'public'`)
	}
}

type forumFacts struct {
	criteria.Facts
	members int
}

// inIDs returns "(?,?,…)" and the ids as arguments.
func inIDs(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return "(?" + repeat(",?", len(ids)-1) + ")", args
}

// criteriaFacts gathers the facts of the six criteria for forums, in a
// fixed number of queries per 500 forums.
func (db *DB) criteriaFacts(ctx context.Context, forums []sinergi.Forum) (map[int64]*forumFacts, error) {
	out := map[int64]*forumFacts{}
	var ids []int64
	for _, f := range forums {
		info, _ := sinergi.LookupFocus(f.Focus)
		out[f.ID] = &forumFacts{Facts: criteria.Facts{InitiatorName: f.InitiatorName, InitiatorPublic: f.InitiatorPublic,
			Focus: string(f.Focus), FocusPublic: info.Public, FocusLabel: info.Label}}
		ids = append(ids, f.ID)
	}
	for len(ids) > 0 {
		chunk := ids[:min(500, len(ids))]
		ids = ids[len(chunk):]
		if err := db.criteriaChunk(ctx, chunk, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (db *DB) criteriaChunk(ctx context.Context, ids []int64, out map[int64]*forumFacts) error {
	in, args := inIDs(ids)
	var w where
	w.add(`m.forum_id IN `+in, args...)
	rows, err := db.SQL.QueryContext(ctx, `SELECT m.forum_id, m.role, o.name, o.sector FROM forum_members m JOIN organizations o ON o.id = m.organization_id`+w.String()+` ORDER BY o.name`, w.args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var role sinergi.MemberRole
		var name string
		var sector sinergi.Sector
		if err := rows.Scan(&id, &role, &name, &sector); err != nil {
			rows.Close()
			return err
		}
		fc := out[id]
		fc.members++
		if role == sinergi.MemberDeciding {
			fc.DecidingMembers++
		}
		if !sector.IsPublic() {
			fc.NonStateMembers = append(fc.NonStateMembers, name)
			if role == sinergi.MemberDeciding {
				fc.NonStateDeciding = append(fc.NonStateDeciding, name)
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	w = where{}
	w.add(`forum_id IN `+in, args...)
	rows, err = db.SQL.QueryContext(ctx, `SELECT forum_id, rules, decision_rule, fallback FROM forum_charters`+w.String(), w.args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var rules string
		var rule sinergi.DecisionRule
		var fb sinergi.Fallback
		if err := rows.Scan(&id, &rules, &rule, &fb); err != nil {
			rows.Close()
			return err
		}
		fc := out[id]
		fc.HasCharter, fc.CharterRules = true, strings.TrimSpace(rules) != ""
		fc.DecisionConsensus, fc.DecisionFallback = rule == sinergi.RuleConsensus, fb != sinergi.FallbackNone && fb != ""
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	w = where{}
	w.add(`mt.forum_id IN `+in, args...)
	rows, err = db.SQL.QueryContext(ctx, `SELECT mt.forum_id, count(*) FROM forum_meetings mt`+w.String()+
		` AND EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = mt.id) GROUP BY mt.forum_id`, w.args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			rows.Close()
			return err
		}
		out[id].MeetingsAttended = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	// non-state deciding members that took a position on one of the
	// forum's proposals (EXISTS stops at the first)
	var public []any
	for _, s := range sinergi.Sectors {
		if s.Public {
			public = append(public, string(s.Code))
		}
	}
	w = where{}
	w.add(`m.forum_id IN `+in, args...)
	w.add(`m.role = 'deciding'`)
	w.add(`o.sector NOT IN (?`+repeat(",?", len(public)-1)+`)`, public...)
	rows, err = db.SQL.QueryContext(ctx, `SELECT m.forum_id, o.name FROM forum_members m JOIN organizations o ON o.id = m.organization_id`+w.String()+
		` AND EXISTS (SELECT 1 FROM proposal_positions pp JOIN forum_proposals p ON p.id = pp.proposal_id WHERE pp.organization_id = m.organization_id AND p.forum_id = m.forum_id)
		ORDER BY o.name`, w.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		out[id].NonStateDecided = append(out[id].NonStateDecided, name)
	}
	return rows.Err()
}

// ForumView is a forum with everything its page shows.
type ForumView struct {
	sinergi.Forum
	Charter   *sinergi.Charter      `json:"charter"`
	Members   []sinergi.ForumMember `json:"members"`
	Criteria  criteria.Result       `json:"criteria"`
	MeetsAll  bool                  `json:"meets_all"`
	Cycle     criteria.Evidence     `json:"process_cycle"`
	SmallWins []sinergi.SmallWin    `json:"small_wins"`

	Insider   bool               `json:"-"` // sees minutes not marked public, action items, names
	CanManage bool               `json:"-"`
	MyRole    sinergi.MemberRole `json:"-"` // the actor's organisation's role, if a member
}

// Forum returns a forum with its charter, members, criteria and process
// evidence, as the actor may see it.
func (db *DB) Forum(ctx context.Context, id int64) (*ForumView, error) {
	a := sinergi.ActorFrom(ctx)
	f, acc, err := db.forumAccess(ctx, db.SQL, id, false)
	if err != nil {
		return nil, err
	}
	if err := readable(a, acc); err != nil {
		return nil, err
	}
	v := &ForumView{Forum: *f, Insider: sinergi.IsForumInsider(a, acc), CanManage: sinergi.CanManageForum(a, acc)}
	if a.Authenticated() {
		v.MyRole = acc.Roles[a.OrgID]
	}
	if v.Charter, err = db.getCharter(ctx, db.SQL, id, false); err != nil && sinergi.ErrorCode(err) != sinergi.CodeNotFound {
		return nil, err
	}
	if v.Members, err = db.forumMembers(ctx, id, sinergi.CanViewPeople(a)); err != nil {
		return nil, err
	}
	facts, err := db.criteriaFacts(ctx, []sinergi.Forum{*f})
	if err != nil {
		return nil, err
	}
	v.Criteria = criteria.Evaluate(facts[id].Facts)
	v.MeetsAll = v.Criteria.MeetsAll()
	if v.SmallWins, err = db.smallWins(ctx, id); err != nil {
		return nil, err
	}
	if v.Cycle, err = db.cycle(ctx, v); err != nil {
		return nil, err
	}
	return v, nil
}

// sortMembers orders members by role (facilitators first), then name.
func sortMembers(ms []sinergi.ForumMember) {
	rank := map[sinergi.MemberRole]int{}
	for i, r := range sinergi.MemberRoles {
		rank[r] = i
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if rank[ms[i].Role] != rank[ms[j].Role] {
			return rank[ms[i].Role] < rank[ms[j].Role]
		}
		return ms[i].OrgName < ms[j].OrgName
	})
}
