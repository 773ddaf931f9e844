package store

// Other ways to decide (issue 3, item 7): a proposal whose method is not
// consensus keeps its decide.Settings in forum_proposals.options; deciding
// members cast ballots, appended to proposal_ballots (the latest of each
// voter counts), and decide.Tally gives the result.

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"sinergi"
	"sinergi/decide"
)

// BallotView is the latest ballot of one voter, as shown once results are
// visible.
type BallotView struct {
	VoterID        string        `json:"voter_id"`
	OrganizationID int64         `json:"organization_id"`
	OrgName        string        `json:"organization_name"`
	VoterName      string        `json:"voter_name"`
	Ballot         decide.Ballot `json:"ballot"`
	CreatedAt      time.Time     `json:"created_at"`
}

// voterID names the voter of a ballot: the organisation, or with one person
// one vote the account.
func voterID(unit sinergi.VoteUnit, a *sinergi.Actor) string {
	if unit == sinergi.VotePerPerson {
		return "user:" + strconv.FormatInt(a.UserID, 10)
	}
	return "org:" + strconv.FormatInt(a.OrgID, 10)
}

// voteUnit is the charter's vote basis (one organisation one vote without a
// charter).
func (db *DB) voteUnit(ctx context.Context, q querier, forumID int64) sinergi.VoteUnit {
	if c, err := db.getCharter(ctx, q, forumID, false); err == nil {
		return c.VoteUnit
	}
	return sinergi.VotePerOrganization
}

// settingsInput is the settings object of a proposal input: decide.Settings
// without the method, read strictly.
type settingsInput struct {
	Options      []string       `json:"options"`
	ScoreMin     *int           `json:"score_min"`
	ScoreMax     *int           `json:"score_max"`
	DotsPerVoter *int           `json:"dots_per_voter"`
	HideResults  bool           `json:"hide_results"`
	Reasons      decide.Reasons `json:"reasons"`
	Decider      string         `json:"decider"`
	Method       string         `json:"method"` // ignored when it repeats the proposal's
}

// validateProposal checks a proposal input, and for methods other than
// consensus its settings (decide.Settings.Validate, fields named
// "settings.…"), which it stores as the proposal's options.
func (db *DB) validateProposal(ctx context.Context, q querier, forumID int64, in *sinergi.ProposalInput) error {
	err := in.Validate(db.now())
	if in.Method == sinergi.MethodConsensus || !decide.Method(in.Method).Valid() {
		return err
	}
	var v sinergi.Validation
	if e, ok := err.(*sinergi.Error); ok {
		v.Fields = append(v.Fields, e.Fields...)
	} else if err != nil {
		return err
	}
	raw := in.Settings
	if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		raw = in.Options
	}
	var si settingsInput
	if len(bytes.TrimSpace(raw)) > 0 && string(bytes.TrimSpace(raw)) != "null" {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&si); err != nil {
			v.Add("settings", "Pengaturan harus objek JSON dengan options, score_min, score_max, dots_per_voter, hide_results, reasons, decider",
				"Settings must be a JSON object with options, score_min, score_max, dots_per_voter, hide_results, reasons, decider")
			return v.Err()
		}
	}
	s := decide.Defaults(decide.Method(in.Method))
	for _, o := range si.Options {
		s.Options = append(s.Options, strings.TrimSpace(o))
	}
	if si.ScoreMin != nil {
		s.ScoreMin = *si.ScoreMin
	}
	if si.ScoreMax != nil {
		s.ScoreMax = *si.ScoreMax
	}
	if si.DotsPerVoter != nil {
		s.DotsPerVoter = *si.DotsPerVoter
	}
	s.HideResults = si.HideResults
	if si.Reasons != "" {
		s.Reasons = si.Reasons
	}
	if si.Method != "" && si.Method != in.Method {
		v.Add("settings.method", "Cara dalam pengaturan berbeda dengan method usulan", "The settings' method differs from the proposal's method")
	}
	s.Decider = strings.TrimSpace(si.Decider)
	if s.Method == decide.MethodAdvice && s.Decider == "" {
		// The advice-seeker is whoever tables the proposal.
		if a := sinergi.ActorFrom(ctx); a.Authenticated() && a.OrgID != 0 {
			s.Decider = voterID(db.voteUnit(ctx, q, forumID), a)
		}
	}
	if err := s.Validate(); err != nil {
		if e, ok := err.(*sinergi.Error); ok {
			for _, f := range e.Fields {
				v.Fields = append(v.Fields, sinergi.FieldError{Field: "settings." + f.Field, Msg: f.Msg})
			}
		}
	}
	if err := v.Err(); err != nil {
		return err
	}
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	in.Options = b
	return nil
}

// settingsOf decodes the settings of a proposal decided by another method
// than consensus.
func settingsOf(p *sinergi.Proposal) (decide.Settings, bool) {
	if p.Method == sinergi.MethodConsensus || p.Method == "" {
		return decide.Settings{}, false
	}
	var s decide.Settings
	_ = json.Unmarshal(p.Options, &s)
	s.Method = decide.Method(p.Method)
	return s, true
}

// pollClosed reports whether a proposal no longer takes ballots.
func pollClosed(p *sinergi.Proposal, now time.Time) bool {
	return p.Status != sinergi.ProposalOpen || !p.ClosesAt.After(now)
}

type storedBallot struct {
	BallotView
	id int64
}

func (db *DB) ballots(ctx context.Context, q querier, proposalID int64) ([]storedBallot, error) {
	rows, err := q.QueryContext(ctx, `SELECT b.id, b.voter_id, b.organization_id, o.name, b.voter_name, b.ballot, b.created_at
		FROM proposal_ballots b JOIN organizations o ON o.id = b.organization_id WHERE b.proposal_id = $1 ORDER BY b.id`, proposalID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []storedBallot
	for rows.Next() {
		var b storedBallot
		var raw string
		if err := rows.Scan(&b.id, &b.VoterID, &b.OrganizationID, &b.OrgName, &b.VoterName, &raw, &b.CreatedAt); err != nil {
			return nil, err
		}
		_ = json.Unmarshal([]byte(raw), &b.Ballot)
		b.Ballot.VoterID, b.CreatedAt = b.VoterID, b.CreatedAt.UTC()
		out = append(out, b)
	}
	return out, rows.Err()
}

// fillDecision sets the result (and, once visible, the latest ballots) of a
// proposal decided by another method than consensus.
func (db *DB) fillDecision(ctx context.Context, q querier, v *ProposalView) error {
	s, ok := settingsOf(&v.Proposal)
	if !ok {
		return nil
	}
	v.Settings = &s
	bs, err := db.ballots(ctx, q, v.ID)
	if err != nil {
		return err
	}
	list := make([]decide.Ballot, len(bs))
	for i, b := range bs {
		list[i] = b.Ballot
	}
	r := decide.Tally(s, list, pollClosed(&v.Proposal, db.now()))
	v.DecideResult, v.Result = &r, &r
	me := ""
	if a := sinergi.ActorFrom(ctx); a.Authenticated() && a.OrgID != 0 {
		me = voterID(db.voteUnit(ctx, q, v.ForumID), a)
		v.IsDecider = s.Method == decide.MethodAdvice && me == s.Decider
	}
	latest := map[string]int{}
	for i, b := range bs {
		latest[b.VoterID] = i
	}
	var views []BallotView
	for i, b := range bs {
		if latest[b.VoterID] != i {
			continue
		}
		if me != "" && b.VoterID == me {
			mine := b.BallotView
			v.MyBallot = &mine
		}
		views = append(views, b.BallotView)
	}
	if r.Visible {
		if views == nil {
			views = []BallotView{}
		}
		v.BallotList, v.Ballots = views, views
	}
	return nil
}

// CastBallot records the actor's ballot (as its organisation, or with one
// person one vote as the actor) on a proposal decided by another method than
// consensus. Only deciding members vote (and, in an advice process, the
// advice-seeker); the ballot is checked by decide.Validate; a closed
// proposal takes none. A new ballot replaces the voter's previous one.
func (db *DB) CastBallot(ctx context.Context, proposalID int64, b decide.Ballot) (*sinergi.Proposal, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var out *sinergi.Proposal
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		p, err := db.getProposal(ctx, tx, proposalID, true)
		if err != nil {
			return err
		}
		_, acc, err := db.forumAccess(ctx, tx, p.ForumID, false)
		if err != nil {
			return err
		}
		if err := readable(a, acc); err != nil {
			return err
		}
		s, ok := settingsOf(&p.Proposal)
		if !ok {
			return sinergi.Errorf(sinergi.CodeConflict, "Usulan ini diputuskan dengan musyawarah mufakat: nyatakan posisi, bukan suara",
				"This proposal is decided by consensus: take a position instead of casting a ballot")
		}
		vid := voterID(db.voteUnit(ctx, tx, p.ForumID), a)
		if !(s.Method == decide.MethodAdvice && vid == s.Decider && a.OrgID != 0) {
			if err := sinergi.CheckPosition(a, acc); err != nil {
				return err
			}
		}
		b.VoterID = vid
		b.Reason = strings.TrimSpace(b.Reason)
		if err := decide.Validate(s, b); err != nil {
			return err
		}
		now := db.now()
		if pollClosed(&p.Proposal, now) {
			return sinergi.Errorf(sinergi.CodeConflict, "Usulan ini sudah ditutup; suara tidak lagi diterima", "This proposal is closed; ballots are no longer taken")
		}
		raw, err := json.Marshal(b)
		if err != nil {
			return err
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO proposal_ballots (proposal_id, voter_id, organization_id, user_id, voter_name, ballot, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, proposalID, vid, a.OrgID, a.UserID, a.Name, string(raw), now).Scan(&id); err != nil {
			return err
		}
		if err := db.appendAudit(ctx, tx, "ballot", "forum_proposal", proposalID, nil, BallotView{VoterID: vid, OrganizationID: a.OrgID, VoterName: a.Name, Ballot: b, CreatedAt: now}); err != nil {
			return err
		}
		out = &p.Proposal
		return nil
	})
	return out, err
}

// consensusOnly refuses positions on proposals decided by another method.
func consensusOnly(p *sinergi.Proposal) error {
	if p.Method != sinergi.MethodConsensus && p.Method != "" {
		return sinergi.Errorf(sinergi.CodeConflict, "Usulan ini diputuskan dengan cara lain ("+decide.Method(p.Method).Label().ID+"): berikan suara, bukan posisi",
			"This proposal is decided another way ("+decide.Method(p.Method).Label().EN+"): cast a ballot instead of taking a position")
	}
	return nil
}
