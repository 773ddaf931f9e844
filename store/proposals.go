package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"sinergi"
	"sinergi/consensus"
	"sinergi/decide"
)

const proposalCols = `p.id, p.forum_id, f.name, p.title, p.body, p.method, p.options, p.round, p.previous_id,
	(SELECT n.id FROM forum_proposals n WHERE n.previous_id = p.id), p.closes_at, p.status, p.outcome, p.review_date, p.result, p.closed_at, p.version, p.created_at`
const proposalFrom = ` FROM forum_proposals p JOIN forums f ON f.id = p.forum_id`

// proposalRow is a proposal with its stored result (closed proposals).
type proposalRow struct {
	sinergi.Proposal
	result string
}

func scanProposal(row interface{ Scan(...any) error }) (*proposalRow, error) {
	var p proposalRow
	var opts string
	err := row.Scan(&p.ID, &p.ForumID, &p.ForumName, &p.Title, &p.Body, &p.Method, &opts, &p.Round, &p.PreviousID, &p.NextID, &p.ClosesAt,
		&p.Status, &p.Outcome, &p.ReviewDate, &p.result, &p.ClosedAt, &p.Version, &p.CreatedAt)
	p.Options = json.RawMessage(opts)
	if !json.Valid(p.Options) {
		p.Options = json.RawMessage("{}")
	}
	p.ClosesAt, p.CreatedAt = p.ClosesAt.UTC(), p.CreatedAt.UTC()
	if p.ClosedAt != nil {
		t := p.ClosedAt.UTC()
		p.ClosedAt = &t
	}
	return &p, err
}

func (db *DB) getProposal(ctx context.Context, q querier, id int64, lock bool) (*proposalRow, error) {
	s := `SELECT ` + proposalCols + proposalFrom + ` WHERE p.id = $1`
	if lock && db.Dialect == Postgres {
		s += " FOR UPDATE OF p"
	}
	p, err := scanProposal(q.QueryRowContext(ctx, s, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Usulan", "Proposal")
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// rulesOf turns a charter into decision rules (a forum without a charter
// decides by consensus with a quorum of one organisation).
func rulesOf(c *sinergi.Charter) consensus.Rules {
	if c == nil {
		d := sinergi.DefaultCharter()
		return consensus.Rules{Quorum: d.Quorum, Unit: d.VoteUnit, Fallback: d.Fallback}
	}
	return consensus.Rules{Quorum: c.Quorum, Unit: c.VoteUnit, DisagreeTolerance: c.DisagreeTolerance, Fallback: c.Fallback,
		FallbackAfter: c.FallbackAfterRounds, MajorityPercent: c.MajorityPercent, ReferralAuthority: c.ReferralAuthority}
}

type decisionCtx struct {
	charter  *sinergi.Charter
	deciding []int64
}

// decisionContexts loads the charters and deciding members of forums.
func (db *DB) decisionContexts(ctx context.Context, q querier, forumIDs []int64) (map[int64]*decisionCtx, error) {
	out := map[int64]*decisionCtx{}
	for _, id := range forumIDs {
		out[id] = &decisionCtx{}
	}
	if len(out) == 0 {
		return out, nil
	}
	ids := make([]int64, 0, len(out))
	for id := range out {
		ids = append(ids, id)
	}
	in, args := inIDs(ids)
	var w where
	w.add("forum_id IN "+in, args...)
	rows, err := q.QueryContext(ctx, `SELECT `+charterCols+` FROM forum_charters`+w.String(), w.args...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		c, err := scanCharter(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out[c.ForumID].charter = c
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = q.QueryContext(ctx, `SELECT forum_id, organization_id FROM forum_members`+w.String()+` AND role = 'deciding'`, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var f, o int64
		if err := rows.Scan(&f, &o); err != nil {
			return nil, err
		}
		out[f].deciding = append(out[f].deciding, o)
	}
	return out, rows.Err()
}

// votes loads the positions on proposals as votes.
func (db *DB) votes(ctx context.Context, q querier, proposalIDs []int64) (map[int64][]consensus.Vote, error) {
	out := map[int64][]consensus.Vote{}
	if len(proposalIDs) == 0 {
		return out, nil
	}
	in, args := inIDs(proposalIDs)
	var w where
	w.add("proposal_id IN "+in, args...)
	rows, err := q.QueryContext(ctx, `SELECT proposal_id, organization_id, user_id, position, updated_at FROM proposal_positions`+w.String(), w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var pid int64
		var v consensus.Vote
		if err := rows.Scan(&pid, &v.OrgID, &v.VoterID, &v.Position, &v.At); err != nil {
			return nil, err
		}
		out[pid] = append(out[pid], v)
	}
	return out, rows.Err()
}

// fillConsensus sets the consensus status of proposals: the stored result
// of closed ones, the live status of open ones (a fixed number of queries
// for the whole page).
func (db *DB) fillConsensus(ctx context.Context, q querier, ps []*proposalRow) error {
	var open, forums []int64
	for _, p := range ps {
		if p.Status == sinergi.ProposalClosed && p.result != "" {
			if json.Unmarshal([]byte(p.result), &p.Consensus) == nil {
				continue
			}
		}
		open = append(open, p.ID)
		forums = append(forums, p.ForumID)
	}
	if len(open) == 0 {
		return nil
	}
	dcs, err := db.decisionContexts(ctx, q, forums)
	if err != nil {
		return err
	}
	vs, err := db.votes(ctx, q, open)
	if err != nil {
		return err
	}
	for _, p := range ps {
		if dc, ok := dcs[p.ForumID]; ok && (p.Status == sinergi.ProposalOpen || p.result == "") {
			p.Consensus = consensus.Evaluate(consensus.Input{Rules: rulesOf(dc.charter), Deciding: dc.deciding, Votes: vs[p.ID], Round: p.Round})
		}
	}
	return nil
}

// Proposals lists proposals of forums the actor may read, those closing
// soonest first.
func (db *DB) Proposals(ctx context.Context, f sinergi.ProposalFilter) (sinergi.List[sinergi.Proposal], error) {
	out := sinergi.List[sinergi.Proposal]{Items: []sinergi.Proposal{}}
	out.Offset, out.Limit = sinergi.ClampPage(f.Offset, f.Limit)
	a := sinergi.ActorFrom(ctx)
	var w where
	if f.ForumID != 0 {
		_, acc, err := db.forumAccess(ctx, db.SQL, f.ForumID, false)
		if err != nil {
			return out, err
		}
		if err := readable(a, acc); err != nil {
			return out, err
		}
		w.add("p.forum_id = ?", f.ForumID)
	} else {
		readableWhere(&w, a)
	}
	if f.Status != "" {
		w.add("p.status = ?", string(f.Status))
	}
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*)`+proposalFrom+w.String(), w.args...).Scan(&out.Total); err != nil {
		return out, err
	}
	if out.Total <= out.Offset {
		return out, nil
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+proposalCols+proposalFrom+w.String()+` ORDER BY p.status DESC, p.closes_at DESC, p.id DESC`+limitClause(0, out.Offset, out.Limit), w.args...)
	if err != nil {
		return out, err
	}
	var ps []*proposalRow
	for rows.Next() {
		p, err := scanProposal(rows)
		if err != nil {
			rows.Close()
			return out, err
		}
		ps = append(ps, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return out, err
	}
	if err := db.fillConsensus(ctx, db.SQL, ps); err != nil {
		return out, err
	}
	for _, p := range ps {
		out.Items = append(out.Items, p.Proposal)
	}
	return out, nil
}

// ProposalView is a proposal with what its page shows.
type ProposalView struct {
	sinergi.Proposal
	Forum       *sinergi.Forum        `json:"-"`
	Charter     *sinergi.Charter      `json:"-"`
	Members     []sinergi.ForumMember `json:"-"`
	CanManage   bool                  `json:"-"`
	MyRole      sinergi.MemberRole    `json:"-"`
	CanComment  bool                  `json:"-"`
	PositionErr error                 `json:"-"` // why the actor may not take a position (nil: may)
	// Methods other than consensus (decisions.go): settings, result, the
	// latest ballots once visible, and the actor's own latest ballot.
	Settings     *decide.Settings `json:"-"`
	DecideResult *decide.Result   `json:"-"`
	BallotList   []BallotView     `json:"-"`
	MyBallot     *BallotView      `json:"-"`
	IsDecider    bool             `json:"-"` // the actor is the advice-seeker
}

// Accepting reports whether positions are still taken.
func (p *ProposalView) Accepting(now time.Time) bool {
	return p.Status == sinergi.ProposalOpen && p.ClosesAt.After(now)
}

// Proposal returns a proposal with its positions, comments and consensus.
func (db *DB) Proposal(ctx context.Context, id int64) (*ProposalView, error) {
	a := sinergi.ActorFrom(ctx)
	p, err := db.getProposal(ctx, db.SQL, id, false)
	if err != nil {
		return nil, err
	}
	f, acc, err := db.forumAccess(ctx, db.SQL, p.ForumID, false)
	if err != nil {
		return nil, err
	}
	if err := readable(a, acc); err != nil {
		return nil, err
	}
	if err := db.fillConsensus(ctx, db.SQL, []*proposalRow{p}); err != nil {
		return nil, err
	}
	v := &ProposalView{Proposal: p.Proposal, Forum: f, CanManage: sinergi.CanManageForum(a, acc), CanComment: sinergi.CanComment(a, acc),
		PositionErr: sinergi.CheckPosition(a, acc)}
	if a.Authenticated() {
		v.MyRole = acc.Roles[a.OrgID]
	}
	if v.Charter, err = db.getCharter(ctx, db.SQL, f.ID, false); err != nil && sinergi.ErrorCode(err) != sinergi.CodeNotFound {
		return nil, err
	}
	if v.Members, err = db.forumMembers(ctx, f.ID, false); err != nil {
		return nil, err
	}
	if v.Positions, err = db.positions(ctx, id); err != nil {
		return nil, err
	}
	if v.Comments, err = db.comments(ctx, id, acc); err != nil {
		return nil, err
	}
	if err := db.fillDecision(ctx, db.SQL, v); err != nil {
		return nil, err
	}
	return v, nil
}

func (db *DB) positions(ctx context.Context, proposalID int64) ([]sinergi.PositionView, error) {
	rows, err := db.SQL.QueryContext(ctx, `SELECT pp.id, pp.organization_id, o.name, pp.user_id, pp.voter_name, pp.position, pp.reason, pp.updated_at
		FROM proposal_positions pp JOIN organizations o ON o.id = pp.organization_id WHERE pp.proposal_id = $1 ORDER BY o.name, pp.updated_at`, proposalID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []sinergi.PositionView{}
	for rows.Next() {
		var x sinergi.PositionView
		if err := rows.Scan(&x.ID, &x.OrganizationID, &x.OrgName, &x.UserID, &x.VoterName, &x.Position, &x.Reason, &x.UpdatedAt); err != nil {
			return nil, err
		}
		x.UpdatedAt = x.UpdatedAt.UTC()
		out = append(out, x)
	}
	return out, rows.Err()
}

func (db *DB) comments(ctx context.Context, proposalID int64, acc *sinergi.ForumAccess) ([]sinergi.Comment, error) {
	rows, err := db.SQL.QueryContext(ctx, `SELECT c.id, c.proposal_id, c.organization_id, o.name, c.author, c.body, c.created_at
		FROM proposal_comments c JOIN organizations o ON o.id = c.organization_id WHERE c.proposal_id = $1 ORDER BY c.created_at, c.id`, proposalID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []sinergi.Comment{}
	for rows.Next() {
		var c sinergi.Comment
		if err := rows.Scan(&c.ID, &c.ProposalID, &c.OrganizationID, &c.OrgName, &c.Author, &c.Body, &c.CreatedAt); err != nil {
			return nil, err
		}
		c.CreatedAt, c.Role = c.CreatedAt.UTC(), acc.Roles[c.OrganizationID]
		out = append(out, c)
	}
	return out, rows.Err()
}
