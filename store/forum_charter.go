package store

import (
	"context"
	"database/sql"
	"errors"

	"sinergi"
)

const charterCols = `forum_id, rules, decision_rule, fallback, fallback_after_rounds, majority_percent, referral_authority, quorum, vote_unit, disagree_tolerance, version, updated_at`

func scanCharter(row interface{ Scan(...any) error }) (*sinergi.Charter, error) {
	var c sinergi.Charter
	err := row.Scan(&c.ForumID, &c.Rules, &c.DecisionRule, &c.Fallback, &c.FallbackAfterRounds, &c.MajorityPercent, &c.ReferralAuthority,
		&c.Quorum, &c.VoteUnit, &c.DisagreeTolerance, &c.Version, &c.UpdatedAt)
	c.UpdatedAt = c.UpdatedAt.UTC()
	return &c, err
}

func (db *DB) getCharter(ctx context.Context, q querier, forumID int64, lock bool) (*sinergi.Charter, error) {
	s := `SELECT ` + charterCols + ` FROM forum_charters WHERE forum_id = $1`
	if lock {
		s += db.forUpdate()
	}
	c, err := scanCharter(q.QueryRowContext(ctx, s, forumID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Piagam forum", "Forum charter")
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Charter returns a forum's charter (not found when none is written yet).
func (db *DB) Charter(ctx context.Context, forumID int64) (*sinergi.Charter, error) {
	_, acc, err := db.forumAccess(ctx, db.SQL, forumID, false)
	if err != nil {
		return nil, err
	}
	if err := readable(sinergi.ActorFrom(ctx), acc); err != nil {
		return nil, err
	}
	return db.getCharter(ctx, db.SQL, forumID, false)
}

// SetCharter writes a forum's charter. version is the charter version the
// client saw (0: not given); a first charter has none.
func (db *DB) SetCharter(ctx context.Context, forumID, version int64, in sinergi.CharterInput) (*sinergi.Charter, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var c *sinergi.Charter
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, _, err := db.manageable(ctx, tx, forumID); err != nil {
			return err
		}
		before, err := db.getCharter(ctx, tx, forumID, true)
		if err != nil && sinergi.ErrorCode(err) != sinergi.CodeNotFound {
			return err
		}
		if before == nil && version != 0 {
			return sinergi.Stale()
		}
		if before != nil {
			if err := checkVersion(before.Version, version); err != nil {
				return err
			}
		}
		if err := in.Validate(); err != nil {
			return err
		}
		args := []any{in.Rules, string(in.DecisionRule), string(in.Fallback), in.FallbackAfterRounds, in.MajorityPercent, in.ReferralAuthority,
			in.Quorum, string(in.VoteUnit), in.DisagreeTolerance, db.now(), forumID}
		if before == nil {
			_, err = tx.ExecContext(ctx, `INSERT INTO forum_charters (rules, decision_rule, fallback, fallback_after_rounds, majority_percent, referral_authority,
				quorum, vote_unit, disagree_tolerance, version, updated_at, forum_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11)`, args...)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE forum_charters SET rules = $1, decision_rule = $2, fallback = $3, fallback_after_rounds = $4, majority_percent = $5,
				referral_authority = $6, quorum = $7, vote_unit = $8, disagree_tolerance = $9, version = version + 1, updated_at = $10 WHERE forum_id = $11`, args...)
		}
		if err != nil {
			return err
		}
		if c, err = db.getCharter(ctx, tx, forumID, false); err != nil {
			return err
		}
		action := "update"
		if before == nil {
			action = "create"
		}
		return db.appendAudit(ctx, tx, action, "forum_charter", forumID, before, c)
	})
	return c, err
}
