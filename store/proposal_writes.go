package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"sinergi"
)

// CreateProposal tables a proposal in a forum (its managers only).
func (db *DB) CreateProposal(ctx context.Context, forumID int64, in sinergi.ProposalInput) (*sinergi.Proposal, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var p *sinergi.Proposal
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, _, err := db.manageable(ctx, tx, forumID); err != nil {
			return err
		}
		if err := db.validateProposal(ctx, tx, forumID, &in); err != nil {
			return err
		}
		var err error
		if p, err = db.insertProposal(ctx, tx, forumID, in, 1, nil); err != nil {
			return err
		}
		return db.notifyNewProposal(ctx, tx, p)
	})
	return p, err
}

func (db *DB) insertProposal(ctx context.Context, tx *sql.Tx, forumID int64, in sinergi.ProposalInput, round int, previous *int64) (*sinergi.Proposal, error) {
	a := sinergi.ActorFrom(ctx)
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO forum_proposals (forum_id, title, body, method, options, round, previous_id, closes_at, status, created_by_org_id, version, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, 1, $10) RETURNING id`,
		forumID, in.Title, in.Body, in.Method, string(in.Options), round, nullID(previous), in.ClosesAt, nullID(&a.OrgID), db.now()).Scan(&id); err != nil {
		return nil, err
	}
	p, err := db.getProposal(ctx, tx, id, false)
	if err != nil {
		return nil, err
	}
	if err := db.fillConsensus(ctx, tx, []*proposalRow{p}); err != nil {
		return nil, err
	}
	return &p.Proposal, db.appendAudit(ctx, tx, "create", "forum_proposal", id, nil, p.Proposal)
}

// closedErr is the error for acting on a proposal that no longer takes positions.
func closedErr() error {
	return sinergi.Errorf(sinergi.CodeConflict, "Usulan ini sudah ditutup; posisi dan komentar tidak lagi diterima", "This proposal is closed; positions and comments are no longer taken")
}

// TakePosition records the actor's organisation's position (or, with one
// person one vote, the actor's own). Only deciding members may; disagree
// and block need a reason; a closed proposal takes none.
func (db *DB) TakePosition(ctx context.Context, proposalID int64, in sinergi.PositionInput) (*sinergi.Proposal, error) {
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
		if err := sinergi.CheckPosition(a, acc); err != nil {
			return err
		}
		if err := consensusOnly(&p.Proposal); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		now := db.now()
		if p.Status != sinergi.ProposalOpen || !p.ClosesAt.After(now) {
			return closedErr()
		}
		voter := int64(0)
		if c, err := db.getCharter(ctx, tx, p.ForumID, false); err == nil && c.VoteUnit == sinergi.VotePerPerson {
			voter = a.UserID
		}
		var before *sinergi.PositionView
		var old sinergi.PositionView
		err = tx.QueryRowContext(ctx, `SELECT id, position, reason, voter_name FROM proposal_positions WHERE proposal_id = $1 AND organization_id = $2 AND user_id = $3`,
			proposalID, a.OrgID, voter).Scan(&old.ID, &old.Position, &old.Reason, &old.VoterName)
		switch {
		case err == nil:
			before = &old
		case err != sql.ErrNoRows:
			return err
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO proposal_positions (proposal_id, organization_id, user_id, voter_name, position, reason, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
			ON CONFLICT (proposal_id, organization_id, user_id) DO UPDATE SET voter_name = excluded.voter_name, position = excluded.position,
				reason = excluded.reason, updated_at = excluded.updated_at RETURNING id`,
			proposalID, a.OrgID, voter, a.Name, string(in.Position), in.Reason, now).Scan(&id); err != nil {
			return err
		}
		after := sinergi.PositionView{ID: id, OrganizationID: a.OrgID, UserID: a.UserID, VoterName: a.Name, Position: in.Position, Reason: in.Reason, UpdatedAt: now}
		if err := db.appendAudit(ctx, tx, "position", "forum_proposal", proposalID, before, after); err != nil {
			return err
		}
		if err := db.fillConsensus(ctx, tx, []*proposalRow{p}); err != nil {
			return err
		}
		out = &p.Proposal
		return nil
	})
	return out, err
}

// AddComment adds a comment to an open proposal, by any member.
func (db *DB) AddComment(ctx context.Context, proposalID int64, in sinergi.CommentInput) (*sinergi.Comment, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var c *sinergi.Comment
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
		if !sinergi.CanComment(a, acc) {
			return sinergi.Errorf(sinergi.CodeForbidden, "Hanya instansi anggota forum yang dapat memberi komentar", "Only member organisations of the forum comment")
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if p.Status != sinergi.ProposalOpen {
			return closedErr()
		}
		now := db.now()
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO proposal_comments (proposal_id, organization_id, user_id, author, body, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			proposalID, a.OrgID, a.UserID, a.Name, in.Body, now).Scan(&id); err != nil {
			return err
		}
		var org string
		if o, err := db.getOrg(ctx, tx, a.OrgID, false); err == nil {
			org = o.Name
		}
		c = &sinergi.Comment{ID: id, ProposalID: proposalID, OrganizationID: a.OrgID, OrgName: org, Role: acc.Roles[a.OrgID], Author: a.Name, Body: in.Body, CreatedAt: now}
		return db.appendAudit(ctx, tx, "create", "proposal_comment", id, nil, c)
	})
	return c, err
}

// closeTx closes an open proposal, storing its final consensus status.
func (db *DB) closeTx(ctx context.Context, tx *sql.Tx, p *proposalRow, in sinergi.CloseInput) error {
	before := p.Proposal
	if err := db.fillConsensus(ctx, tx, []*proposalRow{p}); err != nil {
		return err
	}
	result, err := json.Marshal(p.Consensus)
	if err != nil {
		return err
	}
	now := db.now()
	if _, err := tx.ExecContext(ctx, `UPDATE forum_proposals SET status = 'closed', outcome = $1, review_date = $2, result = $3, closed_at = $4, version = version + 1 WHERE id = $5`,
		in.Outcome, in.ReviewDate, string(result), now, p.ID); err != nil {
		return err
	}
	p.Status, p.Outcome, p.ReviewDate, p.ClosedAt, p.result, p.Version = sinergi.ProposalClosed, in.Outcome, in.ReviewDate, &now, string(result), p.Version+1
	if err := db.notifyOutcome(ctx, tx, &p.Proposal); err != nil {
		return err
	}
	return db.appendAudit(ctx, tx, "close", "forum_proposal", p.ID, before, p.Proposal)
}

// CloseProposal closes a proposal with its outcome statement and review
// date; the consensus status at that moment becomes its record (including
// the charter's fallback when the rounds are used up).
func (db *DB) CloseProposal(ctx context.Context, id, version int64, in sinergi.CloseInput) (*sinergi.Proposal, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var out *sinergi.Proposal
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		p, err := db.getProposal(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if _, _, err := db.manageable(ctx, tx, p.ForumID); err != nil {
			return err
		}
		if err := checkVersion(p.Version, version); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if p.Status != sinergi.ProposalOpen {
			return sinergi.Errorf(sinergi.CodeConflict, "Usulan ini sudah ditutup", "This proposal is already closed")
		}
		if err := db.closeTx(ctx, tx, p, in); err != nil {
			return err
		}
		out = &p.Proposal
		return nil
	})
	return out, err
}

// ReviseProposal carries a proposal without a decision into a new round;
// an open one is closed first, its record saying it was revised. When the
// charter's rounds are used up its fallback decides instead (FORUM-ROUNDS).
func (db *DB) ReviseProposal(ctx context.Context, id int64, in sinergi.ProposalInput) (*sinergi.Proposal, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var out *sinergi.Proposal
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		p, err := db.getProposal(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if _, _, err := db.manageable(ctx, tx, p.ForumID); err != nil {
			return err
		}
		if err := consensusOnly(&p.Proposal); err != nil {
			return err
		}
		if err := db.validateProposal(ctx, tx, p.ForumID, &in); err != nil {
			return err
		}
		if p.NextID != nil {
			return sinergi.Errorf(sinergi.CodeConflict, "Usulan ini sudah direvisi ke putaran berikutnya", "This proposal has already been revised into a new round")
		}
		if err := db.fillConsensus(ctx, tx, []*proposalRow{p}); err != nil {
			return err
		}
		switch {
		case p.Consensus.Decided:
			return sinergi.Errorf(sinergi.CodeConflict, "Usulan ini sudah diputuskan; tidak perlu putaran baru", "This proposal has been decided; no new round is needed")
		case p.Consensus.FallbackApplies:
			return &sinergi.Error{Code: sinergi.CodeRuleViolation, Rule: "FORUM-ROUNDS", Citation: "Piagam forum (mekanisme cadangan)",
				Msg: sinergi.T("Batas putaran dalam piagam telah tercapai; mekanisme cadangan piagam yang berlaku, bukan putaran baru",
					"The charter's rounds are used up; its fallback applies instead of a new round")}
		}
		if p.Status == sinergi.ProposalOpen {
			review := in.ClosesAt.In(sinergi.Zone("WITA")).Format("2006-01-02")
			msg := "Tidak mencapai mufakat pada putaran " + itoa(p.Round) + "; direvisi ke putaran " + itoa(p.Round+1) + "."
			if err := db.closeTx(ctx, tx, p, sinergi.CloseInput{Outcome: msg, ReviewDate: review}); err != nil {
				return err
			}
		}
		if out, err = db.insertProposal(ctx, tx, p.ForumID, in, p.Round+1, &p.ID); err != nil {
			return err
		}
		return db.notifyNewProposal(ctx, tx, out)
	})
	return out, err
}

// PendingPosition is an open proposal awaiting the position of an
// organisation (dashboard).
type PendingPosition struct {
	ProposalID int64
	Title      string
	ForumName  string
	ClosesAt   time.Time
}

// PendingPositions lists the open proposals of forums where orgID is a
// deciding member and has taken no position yet, closing soonest first.
func (db *DB) PendingPositions(ctx context.Context, orgID int64) ([]PendingPosition, error) {
	rows, err := db.SQL.QueryContext(ctx, `SELECT p.id, p.title, f.name, p.closes_at FROM forum_proposals p
		JOIN forums f ON f.id = p.forum_id
		JOIN forum_members m ON m.forum_id = p.forum_id AND m.organization_id = $1 AND m.role = 'deciding'
		WHERE p.status = 'open' AND p.closes_at > $2
		AND NOT EXISTS (SELECT 1 FROM proposal_positions pp WHERE pp.proposal_id = p.id AND pp.organization_id = $1)
		AND NOT EXISTS (SELECT 1 FROM proposal_ballots pb WHERE pb.proposal_id = p.id AND pb.organization_id = $1)
		ORDER BY p.closes_at, p.id LIMIT 20`, orgID, db.now())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PendingPosition
	for rows.Next() {
		var x PendingPosition
		if err := rows.Scan(&x.ProposalID, &x.Title, &x.ForumName, &x.ClosesAt); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}
