package store

import (
	"context"
	"database/sql"
	"strings"
	"time"
	"unicode/utf8"

	"sinergi"
	"sinergi/assist"
)

// The workflow steps of a request. Each runs in one transaction that locks
// the request, checks the actor's side, the version, the workflow and the
// law (package assist), updates the row and records the step in the
// request's history and in the audit log. Two officials acting at once are
// serialised by the row lock: the second finds the new status and gets a
// conflict.

func checkNote(note string) error {
	if utf8.RuneCountInString(note) > 5000 {
		var v sinergi.Validation
		v.Add("note", "Catatan paling banyak 5000 karakter", "The note must be at most 5000 characters")
		return v.Err()
	}
	return nil
}

// mayAct checks that the actor acts for the side that may take action.
func mayAct(a *sinergi.Actor, r *sinergi.AssistanceRequest, side assist.Side) error {
	ok := false
	switch side {
	case assist.Requester:
		ok = sinergi.CanActForOrganization(a, r.RequesterOrgID)
	case assist.Provider:
		ok = sinergi.CanActForOrganization(a, r.ProviderOrgID)
	case assist.Either:
		ok = sinergi.CanActForOrganization(a, r.RequesterOrgID) || sinergi.CanActForOrganization(a, r.ProviderOrgID)
	}
	if !ok {
		return sinergi.Forbidden()
	}
	return nil
}

// lockAssist reads a request for a change: unknown or unreadable → 404,
// stale version → 412.
func (db *DB) lockAssist(ctx context.Context, tx *sql.Tx, id, version int64) (*sinergi.AssistanceRequest, error) {
	r, err := db.getAssist(ctx, tx, id, true)
	if err != nil {
		return nil, err
	}
	if !sinergi.CanReadAssistance(sinergi.ActorFrom(ctx), r) {
		return nil, sinergi.NotFound("Permohonan Bantuan Kedinasan", "Assistance request")
	}
	if err := db.fill(ctx, tx, r, false); err != nil {
		return nil, err
	}
	return r, checkVersion(r.Version, version)
}

// releaseShares: a cancelled or refused request no longer charges its budget
// lines, so its shares leave the activity's unique index (BK-COST).
func (db *DB) releaseShares(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE assistance_cost_shares SET activity_key = NULL WHERE request_id = $1`, id)
	return err
}

// applyStep moves r by action inside tx after the law's checks for it.
func (db *DB) applyStep(ctx context.Context, tx *sql.Tx, r *sinergi.AssistanceRequest, action assist.Action, note string) (*sinergi.AssistanceRequest, error) {
	if err := mayAct(sinergi.ActorFrom(ctx), r, assist.ActionSide(action)); err != nil {
		return nil, err
	}
	to, err := assist.Transition(r.Status, action)
	if err != nil {
		return nil, err
	}
	now := db.now()
	set, args := "", []any{}
	switch action {
	case assist.Submit:
		if err := assist.CheckGrounds(r.Grounds); err != nil {
			return nil, err
		}
		number, err := db.letterNumber(ctx, tx, r.RequesterOrgID, r.Classification, now)
		if err != nil {
			return nil, err
		}
		due := AssistanceConfig.Calendar().AddWorkingDays(now, AssistanceConfig.ResponseDays)
		set, args = `, submitted_at = $4, due_date = $5, number = $6`, []any{now, due.Format(time.DateOnly), number}
	case assist.Accept:
		number, err := db.letterNumber(ctx, tx, r.ProviderOrgID, r.Classification, now)
		if err != nil {
			return nil, err
		}
		set, args = `, responded_at = $4, response_number = $5`, []any{now, number}
	case assist.Cancel:
		if err := db.releaseShares(ctx, tx, r.ID); err != nil {
			return nil, err
		}
	case assist.Start:
		if err := assist.CheckCostAgreed(r.CostEstimate, r.CostSharing.Agreed); err != nil {
			return nil, err
		}
		signed := r.Responsibility.RequesterSignedAt != nil && r.Responsibility.ProviderSignedAt != nil
		if err := assist.CheckResponsibility(r.Responsibility.Holder, r.Responsibility.LegalBasis, r.Responsibility.AgreementRef, signed, true); err != nil {
			return nil, err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE assistance_requests SET status = $1, version = version + 1, updated_at = $2`+set+` WHERE id = $3`,
		append([]any{string(to), now, r.ID}, args...)...); err != nil {
		return nil, err
	}
	return db.recordStep(ctx, tx, r, string(action), to, note)
}

// recordStep writes the history line and the audit entry of a change of r
// and returns the request as it now is.
func (db *DB) recordStep(ctx context.Context, tx *sql.Tx, before *sinergi.AssistanceRequest, action string, to sinergi.AssistanceStatus, note string) (*sinergi.AssistanceRequest, error) {
	if err := db.addHistory(ctx, tx, before.ID, action, before.Status, to, note); err != nil {
		return nil, err
	}
	after, err := db.getAssist(ctx, tx, before.ID, false)
	if err != nil {
		return nil, err
	}
	if err := db.fill(ctx, tx, after, false); err != nil {
		return nil, err
	}
	return after, db.appendAudit(ctx, tx, action, "assistance_request", before.ID, before, after)
}

// step runs one workflow action as its own transaction.
func (db *DB) step(ctx context.Context, id, version int64, action assist.Action, note string) (*sinergi.AssistanceRequest, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	note = strings.TrimSpace(note)
	if err := checkNote(note); err != nil {
		return nil, err
	}
	var r *sinergi.AssistanceRequest
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		before, err := db.lockAssist(ctx, tx, id, version)
		if err != nil {
			return err
		}
		if r, err = db.applyStep(ctx, tx, before, action, note); err != nil {
			return err
		}
		return db.fill(ctx, tx, r, true)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// SubmitAssistanceRequest sends a draft to the provider; the response
// deadline starts (working days, AssistanceConfig).
func (db *DB) SubmitAssistanceRequest(ctx context.Context, id, version int64, in sinergi.StepInput) (*sinergi.AssistanceRequest, error) {
	return db.step(ctx, id, version, assist.Submit, in.Note)
}

// AcceptAssistanceRequest: the provider agrees to give the assistance.
func (db *DB) AcceptAssistanceRequest(ctx context.Context, id, version int64, in sinergi.StepInput) (*sinergi.AssistanceRequest, error) {
	return db.step(ctx, id, version, assist.Accept, in.Note)
}

// StartAssistanceRequest: the work begins, once costs and responsibility are settled.
func (db *DB) StartAssistanceRequest(ctx context.Context, id, version int64, in sinergi.StepInput) (*sinergi.AssistanceRequest, error) {
	return db.step(ctx, id, version, assist.Start, in.Note)
}

// CompleteAssistanceRequest: the assistance has been given.
func (db *DB) CompleteAssistanceRequest(ctx context.Context, id, version int64, in sinergi.StepInput) (*sinergi.AssistanceRequest, error) {
	return db.step(ctx, id, version, assist.Complete, in.Note)
}

// CancelAssistanceRequest: the requester withdraws before acceptance.
func (db *DB) CancelAssistanceRequest(ctx context.Context, id, version int64, in sinergi.StepInput) (*sinergi.AssistanceRequest, error) {
	return db.step(ctx, id, version, assist.Cancel, in.Note)
}

// RefuseAssistanceRequest refuses under Pasal 36. Refusing an emergency is
// unlawful: the attempt is recorded (history and audit, committed) and the
// BK-EMERGENCY violation returned.
func (db *DB) RefuseAssistanceRequest(ctx context.Context, id, version int64, in sinergi.RefusalInput) (*sinergi.AssistanceRequest, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	in.Ground = strings.TrimSpace(in.Ground)
	in.Reason = strings.TrimSpace(in.Reason)
	if utf8.RuneCountInString(in.Reason) > 10000 || len(in.Ground) > 10 {
		var v sinergi.Validation
		v.Add("reason", "Alasan paling banyak 10000 karakter", "The reason must be at most 10000 characters")
		return nil, v.Err()
	}
	var r *sinergi.AssistanceRequest
	var blocked error
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		before, err := db.lockAssist(ctx, tx, id, version)
		if err != nil {
			return err
		}
		if err := mayAct(sinergi.ActorFrom(ctx), before, assist.Provider); err != nil {
			return err
		}
		to, err := assist.Transition(before.Status, assist.Refuse)
		if err != nil {
			return err
		}
		if err := assist.CheckRefusal(before.Emergency, in.Ground, in.Reason); err != nil {
			if sinergi.ErrorCode(err) != sinergi.CodeRuleViolation || err.(*sinergi.Error).Rule != assist.RuleEmergency {
				return err
			}
			blocked = err
			note := "Penolakan permintaan darurat dicegah (" + assist.CiteEmergency + "; sanksi: " + assist.CiteSanction + ")"
			if in.Reason != "" {
				note += ". Alasan yang diajukan: " + in.Reason
			}
			_, err := db.recordStep(ctx, tx, before, "refuse_blocked", before.Status, note)
			return err
		}
		now := db.now()
		number, err := db.letterNumber(ctx, tx, before.ProviderOrgID, before.Classification, now)
		if err != nil {
			return err
		}
		if err := db.releaseShares(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE assistance_requests SET status = $1, version = version + 1, updated_at = $2, responded_at = $2,
			refusal_ground = $3, refusal_reason = $4, response_number = $5 WHERE id = $6`, string(to), now, in.Ground, in.Reason, number, id); err != nil {
			return err
		}
		if r, err = db.recordStep(ctx, tx, before, string(assist.Refuse), to, "Pasal 36 ayat (1) huruf "+in.Ground+": "+in.Reason); err != nil {
			return err
		}
		return db.fill(ctx, tx, r, true)
	})
	if err != nil {
		return nil, err
	}
	if blocked != nil {
		return nil, blocked
	}
	return r, nil
}
