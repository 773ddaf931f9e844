package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"

	"sinergi"
	"sinergi/assist"
)

// checkAssistInput checks what the law asks of a request's content, as at
// creation: both parties exist and are different public bodies (X-AGENCY),
// the units belong to them, at least one ground (BK-GROUND), and the
// responsibility (BK-RESP).
func (db *DB) checkAssistInput(ctx context.Context, tx *sql.Tx, in *sinergi.AssistanceInput) error {
	req, err := db.party(ctx, tx, "requester_org_id", in.RequesterOrgID)
	if err != nil {
		return err
	}
	prov, err := db.party(ctx, tx, "provider_org_id", in.ProviderOrgID)
	if err != nil {
		return err
	}
	if err := db.unitOf(ctx, tx, "requester_unit_id", in.RequesterUnitID, req.ID); err != nil {
		return err
	}
	if err := db.unitOf(ctx, tx, "provider_unit_id", in.ProviderUnitID, prov.ID); err != nil {
		return err
	}
	if err := assist.CheckParties(assist.Party{ID: req.ID, Public: req.Public}, assist.Party{ID: prov.ID, Public: prov.Public}); err != nil {
		return err
	}
	if err := assist.CheckGrounds(in.Grounds); err != nil {
		return err
	}
	return assist.CheckResponsibility(in.Responsibility, in.LegalBasis, in.AgreementRef, false, false)
}

// changedFields names the fields of the input that differ, by their JSON names.
func changedFields(a, b sinergi.AssistanceInput) []string {
	var ma, mb map[string]json.RawMessage
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	json.Unmarshal(ja, &ma)
	json.Unmarshal(jb, &mb)
	var out []string
	for k, v := range ma {
		if string(v) != string(mb[k]) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// UpdateAssistanceRequest changes a draft, for the requester's side only:
// the same checks as at creation, in one transaction with the row locked.
// When the cost estimate or the provider changes, the cost sharing no
// longer fits and is removed (both parties agree a new one); when the
// activity changes, the shares must not charge a line the new activity
// already uses (BK-COST); a changed responsibility clause needs new
// signatures. A stale version gives 412, a submitted request 409.
func (db *DB) UpdateAssistanceRequest(ctx context.Context, id, version int64, edit func(in *sinergi.AssistanceInput) error) (*sinergi.AssistanceRequest, error) {
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
		if err := mayAct(a, before, assist.Requester); err != nil {
			return err
		}
		if before.Status != sinergi.AssistDraft {
			l := sinergi.AssistanceStatusLabel[before.Status]
			return &sinergi.Error{Code: sinergi.CodeConflict, Msg: sinergi.T("Permohonan berstatus "+l.ID+"; hanya draf yang dapat diubah",
				"The request is "+l.EN+"; only a draft can be changed")}
		}
		old := before.Input()
		old.Normalize()
		in := before.Input()
		if err := edit(&in); err != nil {
			return err
		}
		in.Submit = false
		in.Normalize()
		if err := in.Validate(); err != nil {
			return err
		}
		if in.RequesterOrgID != before.RequesterOrgID {
			var v sinergi.Validation
			v.Add("requester_org_id", "Instansi pemohon sebuah draf tidak dapat diganti; buat permohonan baru", "The requester of a draft cannot change; create a new request")
			return v.Err()
		}
		if err := db.checkAssistInput(ctx, tx, &in); err != nil {
			return err
		}
		changed := changedFields(old, in)
		if len(changed) == 0 {
			r = before
			return db.fill(ctx, tx, r, true)
		}
		if in.Documents == nil {
			in.Documents = []sinergi.RequestedDocument{}
		}
		if in.Attachments == nil {
			in.Attachments = []sinergi.Attachment{}
		}
		now := db.now()
		if _, err := tx.ExecContext(ctx, `UPDATE assistance_requests SET requester_unit_id = $1, provider_org_id = $2, provider_unit_id = $3,
			subject = $4, description = $5, grounds = $6, emergency = $7, emergency_justification = $8, needed_by = $9, cost_estimate = $10,
			classification = $11, activity = $12, documents = $13, attachments = $14, responsibility = $15, legal_basis = $16, agreement_ref = $17,
			version = version + 1, updated_at = $18 WHERE id = $19`,
			nullID(in.RequesterUnitID), in.ProviderOrgID, nullID(in.ProviderUnitID), in.Subject, in.Description, jsonString(in.Grounds),
			in.Emergency, in.EmergencyJustification, in.NeededBy, in.CostEstimate, string(in.Classification), in.Activity,
			jsonString(in.Documents), jsonString(in.Attachments), in.Responsibility, in.LegalBasis, in.AgreementRef, now, id); err != nil {
			return err
		}
		var notes []string
		shares := before.CostSharing.Shares
		switch {
		case len(shares) > 0 && (in.CostEstimate != before.CostEstimate || in.ProviderOrgID != before.ProviderOrgID):
			if _, err := tx.ExecContext(ctx, `DELETE FROM assistance_cost_shares WHERE request_id = $1`, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE assistance_requests SET cost_requester_at = NULL, cost_provider_at = NULL WHERE id = $1`, id); err != nil {
				return err
			}
			notes = append(notes, "pembagian biaya dihapus karena perkiraan biaya atau instansi pemberi bantuan berubah")
		case len(shares) > 0 && in.Activity != before.Activity:
			used, err := db.usedBudgetKeys(ctx, tx, in.Activity, id)
			if err != nil {
				return err
			}
			if err := assist.CheckCostSharing(in.CostEstimate, []int64{in.RequesterOrgID, in.ProviderOrgID}, shares, used); err != nil {
				return err
			}
			moved := &sinergi.AssistanceRequest{Activity: in.Activity, Status: before.Status}
			for _, s := range shares {
				if _, err := tx.ExecContext(ctx, `UPDATE assistance_cost_shares SET activity_key = $1 WHERE request_id = $2 AND budget_key = $3`,
					activityKey(moved), id, assist.BudgetKey(s.BudgetLine)); err != nil {
					return doubleFinancing(err, s.BudgetLine)
				}
			}
		}
		if in.Responsibility != old.Responsibility || in.LegalBasis != old.LegalBasis || in.AgreementRef != old.AgreementRef {
			if _, err := tx.ExecContext(ctx, `UPDATE assistance_requests SET agreement_requester_at = NULL, agreement_provider_at = NULL WHERE id = $1`, id); err != nil {
				return err
			}
		}
		note := "Diubah: " + strings.Join(changed, ", ")
		if len(notes) > 0 {
			note += "; " + strings.Join(notes, "; ")
		}
		if r, err = db.recordStep(ctx, tx, before, "edit", before.Status, note); err != nil {
			return err
		}
		return db.fill(ctx, tx, r, true)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}
