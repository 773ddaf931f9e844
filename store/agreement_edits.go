package store

// Follow-up edits of a kerja sama agreement (issue 5, item 2): obligations
// marked done (and undone), and the parties' roles and signatories changed
// under the same rules as at creation (KS-PARTIES, KS-WAJIB-PAIR, KS-SIGN).
// Each takes the agreement's version (If-Match) and bumps it.

import (
	"context"
	"database/sql"

	"sinergi"
	"sinergi/kerjasama"
)

// setObligation marks obligation oid of the agreement done on date with a
// note, or not done when date is "".
func (db *DB) setObligation(ctx context.Context, id, version, oid int64, date, note, action string) (*sinergi.Agreement, error) {
	var out *sinergi.Agreement
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		ag, err := db.lockFollowUp(ctx, tx, id, version)
		if err != nil {
			return err
		}
		var cur *sinergi.Obligation
		for i := range ag.Obligations {
			if ag.Obligations[i].ID == oid {
				cur = &ag.Obligations[i]
			}
		}
		if cur == nil {
			return sinergi.NotFound("Kewajiban", "Obligation")
		}
		switch {
		case date != "" && cur.DoneOn != "":
			return sinergi.Errorf(sinergi.CodeConflict, "Kewajiban ini sudah dicatat terlaksana", "This obligation is already marked done")
		case date == "" && cur.DoneOn == "":
			return sinergi.Errorf(sinergi.CodeConflict, "Kewajiban ini belum dicatat terlaksana", "This obligation is not marked done")
		case date != "" && date < ag.StartDate:
			return fieldErr("date", "Tanggal pelaksanaan tidak boleh sebelum kerja sama mulai ("+ag.StartDate+")", "The date must not be before the agreement starts ("+ag.StartDate+")")
		case date != "" && date > db.ksToday().Format("2006-01-02"):
			return fieldErr("date", "Tanggal pelaksanaan tidak boleh di masa depan", "The date must not be in the future")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE agreement_obligations SET done_on = $1, done_note = $2 WHERE id = $3 AND agreement_id = $4`, date, note, oid, id); err != nil {
			return err
		}
		if err := bumpAgreement(ctx, tx, id, db.now()); err != nil {
			return err
		}
		out, err = db.finishChange(ctx, tx, action, ag)
		return err
	})
	return out, err
}

// MarkObligationDone records that an obligation was carried out.
func (db *DB) MarkObligationDone(ctx context.Context, id, version, oid int64, in sinergi.ObligationDoneInput) (*sinergi.Agreement, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	return db.setObligation(ctx, id, version, oid, in.Date, in.Note, "obligation_done")
}

// UndoObligation takes back the record that an obligation was carried out.
func (db *DB) UndoObligation(ctx context.Context, id, version, oid int64) (*sinergi.Agreement, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	return db.setObligation(ctx, id, version, oid, "", "", "obligation_undone")
}

// UpdateAgreementParty changes the role and signatories of a party. The
// parties must still fit the kind with the new role (KS-PARTIES, and the
// pairing of a wajib KSDD), and in kerja sama daerah an official with power
// of attorney may sign only the PKS (KS-SIGN, PP 28/2018 Pasal 2).
func (db *DB) UpdateAgreementParty(ctx context.Context, id, version, orgID int64, in sinergi.PartyEditInput) (*sinergi.Agreement, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if err := in.Validate(orgID); err != nil {
		return nil, err
	}
	var out *sinergi.Agreement
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		ag, err := db.lockFollowUp(ctx, tx, id, version)
		if err != nil {
			return err
		}
		if ag.Status == sinergi.AgreementTerminated {
			return sinergi.Errorf(sinergi.CodeConflict, "Kerja sama sudah berakhir", "The agreement has been terminated")
		}
		ps := rulesParties(ag.Parties)
		found := false
		for i := range ps {
			if ps[i].ID == orgID {
				ps[i].Role, found = in.Role, true
			}
		}
		if !found {
			return sinergi.NotFound("Pihak", "Party")
		}
		if err := kerjasama.CheckParties(ag.Kind, ps); err != nil {
			return err
		}
		if ag.Kind == sinergi.KindKSDD {
			if err := kerjasama.CheckWajib(ag.KSDDCategory, ag.Bordering, ps); err != nil {
				return err
			}
		}
		for _, s := range in.Signatories {
			if err := kerjasama.CheckSignatory(ag.Kind, s.Authority, s.Document); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE agreement_parties SET role = $1, signatories = $2 WHERE agreement_id = $3 AND organization_id = $4`,
			in.Role, jsonString(in.Signatories), id, orgID); err != nil {
			return err
		}
		if err := bumpAgreement(ctx, tx, id, db.now()); err != nil {
			return err
		}
		out, err = db.finishChange(ctx, tx, "party", ag)
		return err
	})
	return out, err
}
