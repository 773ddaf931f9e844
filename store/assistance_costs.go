package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"sinergi"
	"sinergi/assist"
)

// costOpen: the cost sharing can be set while the work has not started.
func costOpen(s sinergi.AssistanceStatus) bool {
	return s == sinergi.AssistDraft || s == sinergi.AssistSubmitted || s == sinergi.AssistAccepted
}

func closed(r *sinergi.AssistanceRequest) error {
	l := sinergi.AssistanceStatusLabel[r.Status]
	return &sinergi.Error{Code: sinergi.CodeConflict, Msg: sinergi.T("Permohonan berstatus "+l.ID+"; pembagian biaya dan perjanjian tidak dapat diubah lagi",
		"The request is "+l.EN+"; the cost sharing and the agreement can no longer change")}
}

// SetCostSharing replaces the shares of a request (BK-COST); both parties
// must then confirm it again.
func (db *DB) SetCostSharing(ctx context.Context, id, version int64, in sinergi.CostSharingInput) (*sinergi.AssistanceRequest, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if in.Shares == nil {
		in.Shares = []sinergi.CostShare{}
	}
	if err := assist.CheckShareInput(in.Shares); err != nil {
		return nil, err
	}
	var r *sinergi.AssistanceRequest
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		before, err := db.lockAssist(ctx, tx, id, version)
		if err != nil {
			return err
		}
		if err := mayAct(sinergi.ActorFrom(ctx), before, assist.Either); err != nil {
			return err
		}
		if before.Status == sinergi.AssistDraft && !sinergi.CanActForOrganization(sinergi.ActorFrom(ctx), before.RequesterOrgID) {
			return sinergi.Forbidden()
		}
		if !costOpen(before.Status) {
			return closed(before)
		}
		used, err := db.usedBudgetKeys(ctx, tx, before.Activity, id)
		if err != nil {
			return err
		}
		if err := assist.CheckCostSharing(before.CostEstimate, before.Parties(), in.Shares, used); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM assistance_cost_shares WHERE request_id = $1`, id); err != nil {
			return err
		}
		for i, s := range in.Shares {
			if _, err := tx.ExecContext(ctx, `INSERT INTO assistance_cost_shares (request_id, position, organization_id, amount, funding_source, budget_line, budget_key, activity_key)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, id, i, s.OrganizationID, s.Amount, s.FundingSource, s.BudgetLine, assist.BudgetKey(s.BudgetLine), activityKey(before)); err != nil {
				return doubleFinancing(err, s.BudgetLine)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE assistance_requests SET cost_requester_at = NULL, cost_provider_at = NULL, version = version + 1, updated_at = $1 WHERE id = $2`, db.now(), id); err != nil {
			return err
		}
		if r, err = db.recordStep(ctx, tx, before, "cost_sharing", before.Status, ""); err != nil {
			return err
		}
		return db.fill(ctx, tx, r, true)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// activityKey is what a request's shares carry in the activity's unique
// index (activity_key, budget_key): the activity while the request is live,
// NULL (outside the index) without an activity or once cancelled or refused.
// The index makes the database itself refuse a budget line charged twice
// for one activity, even by two requests saved at the same moment — the
// check of usedBudgetKeys alone cannot see a concurrent, uncommitted one.
func activityKey(r *sinergi.AssistanceRequest) any {
	if r.Activity == "" || r.Status == sinergi.AssistCancelled || r.Status == sinergi.AssistRefused {
		return nil
	}
	return r.Activity
}

// usedBudgetKeys returns the budget lines that live requests of activity
// other than id already charge.
func (db *DB) usedBudgetKeys(ctx context.Context, tx *sql.Tx, activity string, id int64) (map[string]bool, error) {
	used := map[string]bool{}
	if activity == "" {
		return used, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT budget_key FROM assistance_cost_shares WHERE activity_key = $1 AND request_id <> $2`, activity, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		used[k] = true
	}
	return used, rows.Err()
}

// doubleFinancing turns the unique index's refusal into the BK-COST
// violation (the shares of one request were checked for duplicates before).
func doubleFinancing(err error, line string) error {
	var pg *pgconn.PgError
	if errors.As(err, &pg) && pg.Code == "23505" || strings.Contains(err.Error(), "UNIQUE constraint failed") {
		return assist.DoubleFinancing(line)
	}
	return err
}

// confirmParty sets a party's confirmation column (cost sharing or the
// written agreement on responsibility) for orgID.
func (db *DB) confirmParty(ctx context.Context, id, version, orgID int64, action string, prepare func(r *sinergi.AssistanceRequest) (reqCol, provCol string, err error)) (*sinergi.AssistanceRequest, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var r *sinergi.AssistanceRequest
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		before, err := db.lockAssist(ctx, tx, id, version)
		if err != nil {
			return err
		}
		if (orgID != before.RequesterOrgID && orgID != before.ProviderOrgID) || !sinergi.CanActForOrganization(a, orgID) {
			return sinergi.Forbidden()
		}
		if !costOpen(before.Status) {
			return closed(before)
		}
		reqCol, provCol, err := prepare(before)
		if err != nil {
			return err
		}
		col := reqCol
		if orgID == before.ProviderOrgID {
			col = provCol
		}
		if _, err := tx.ExecContext(ctx, `UPDATE assistance_requests SET `+col+` = $1, version = version + 1, updated_at = $1 WHERE id = $2`, db.now(), id); err != nil {
			return err
		}
		if r, err = db.recordStep(ctx, tx, before, action, before.Status, ""); err != nil {
			return err
		}
		return db.fill(ctx, tx, r, true)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// ConfirmCostSharing records that party orgID agrees to the cost sharing.
func (db *DB) ConfirmCostSharing(ctx context.Context, id, version, orgID int64) (*sinergi.AssistanceRequest, error) {
	return db.confirmParty(ctx, id, version, orgID, "cost_sharing_confirm", func(r *sinergi.AssistanceRequest) (string, string, error) {
		if len(r.CostSharing.Shares) == 0 {
			return "", "", &sinergi.Error{Code: sinergi.CodeRuleViolation, Rule: assist.RuleCost, Citation: assist.CiteCost,
				Msg: sinergi.T("Belum ada pembagian biaya yang dapat disetujui — "+assist.CiteCost, "There is no cost sharing to confirm yet — "+assist.CiteCost)}
		}
		return "cost_requester_at", "cost_provider_at", nil
	})
}

// SignResponsibility records that party orgID has signed the written
// agreement on responsibility (Pasal 37).
func (db *DB) SignResponsibility(ctx context.Context, id, version, orgID int64) (*sinergi.AssistanceRequest, error) {
	return db.confirmParty(ctx, id, version, orgID, "agreement_sign", func(r *sinergi.AssistanceRequest) (string, string, error) {
		if r.Responsibility.AgreementRef == "" {
			return "", "", sinergi.Errorf(sinergi.CodeConflict, "Permohonan ini tidak mencatat perjanjian tertulis tentang tanggung jawab", "This request records no written agreement on responsibility")
		}
		return "agreement_requester_at", "agreement_provider_at", nil
	})
}

// EscalateOverdue escalates every submitted request whose response deadline
// has passed to the provider's superior organisation (its parent in the
// registry), once: the update only touches requests not yet escalated, so a
// restart or a second server never escalates twice. It returns how many
// were escalated.
func (db *DB) EscalateOverdue(ctx context.Context) (int, error) {
	today := AssistanceConfig.Calendar().Date(db.now()).Format(time.DateOnly)
	rows, err := db.SQL.QueryContext(ctx, `SELECT id FROM assistance_requests WHERE status = 'submitted' AND escalated_at IS NULL AND due_date <> '' AND due_date < $1`, today)
	if err != nil {
		return 0, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	ctx = sinergi.WithActor(ctx, sinergi.SystemActor)
	n := 0
	for _, id := range ids {
		err := db.inTx(ctx, func(tx *sql.Tx) error {
			before, err := db.getAssist(ctx, tx, id, true)
			if err != nil || before.Status != sinergi.AssistSubmitted || before.EscalatedAt != nil {
				return err
			}
			prov, err := db.getOrg(ctx, tx, before.ProviderOrgID, false)
			if err != nil {
				return err
			}
			note := "Batas waktu jawaban (" + before.DueDate + ") terlewati; dieskalasi ke atasan instansi pemberi bantuan"
			if prov.ParentID != nil {
				if parent, err := db.getOrg(ctx, tx, *prov.ParentID, false); err == nil {
					note = "Batas waktu jawaban (" + before.DueDate + ") terlewati; dieskalasi ke " + parent.Name
				}
			}
			res, err := tx.ExecContext(ctx, `UPDATE assistance_requests SET escalated_at = $1, escalated_to_org_id = $2, version = version + 1, updated_at = $1
				WHERE id = $3 AND escalated_at IS NULL`, db.now(), nullID(prov.ParentID), id)
			if err != nil {
				return err
			}
			if k, _ := res.RowsAffected(); k == 0 {
				return nil
			}
			n++
			if _, err = db.recordStep(ctx, tx, before, "escalate", before.Status, note); err != nil {
				return err
			}
			return db.notifyEscalation(ctx, tx, before, prov)
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
