package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"sinergi"
)

// Links between corridor programmes and the kerja sama registry (issue 9):
// the KSDD agreements among the programme's regions and the Nota
// Kesepakatan ("sinergi", PP 28/2018 Pasal 46) with the central owner.
// Links are public; the agreements' titles and terms follow the registry's
// read rule.

func loadCorridorAgreements(ctx context.Context, q querier, c *sinergi.Corridor) error {
	c.Agreements = []sinergi.CorridorAgreement{}
	rows, err := q.QueryContext(ctx, `SELECT ca.agreement_id, a.kind, a.title, a.start_date, a.end_date, ca.linked_at FROM corridor_agreements ca
		JOIN agreements a ON a.id = ca.agreement_id WHERE ca.corridor_id = $1 ORDER BY ca.id`, c.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	full := sinergi.CanReadAgreements(sinergi.ActorFrom(ctx))
	for rows.Next() {
		var x sinergi.CorridorAgreement
		if err := rows.Scan(&x.AgreementID, &x.Kind, &x.Title, &x.StartDate, &x.EndDate, &x.LinkedAt); err != nil {
			return err
		}
		if !full {
			x.Title, x.StartDate, x.EndDate = "", "", ""
		}
		c.Agreements = append(c.Agreements, x)
	}
	return rows.Err()
}

// LinkCorridorAgreement links a KSDD, Nota Kesepakatan or inter-agency
// agreement to a programme. For the programme's managers.
func (db *DB) LinkCorridorAgreement(ctx context.Context, id int64, in sinergi.CorridorAgreementInput) (*sinergi.Corridor, error) {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		c, err := db.managedCorridor(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		var kind sinergi.AgreementKind
		err = tx.QueryRowContext(ctx, `SELECT kind FROM agreements WHERE id = $1`, in.AgreementID).Scan(&kind)
		if errors.Is(err, sql.ErrNoRows) {
			var v sinergi.Validation
			v.Add("agreement_id", "Kerja sama tidak ditemukan dalam daftar kerja sama", "No such agreement in the kerja sama registry")
			return v.Err()
		}
		if err != nil {
			return err
		}
		if !slices.Contains(sinergi.CorridorAgreementKinds, kind) {
			return sinergi.CorridorAgreementKindErr(kind)
		}
		if slices.ContainsFunc(c.Agreements, func(x sinergi.CorridorAgreement) bool { return x.AgreementID == in.AgreementID }) {
			return sinergi.Errorf(sinergi.CodeConflict, "Kerja sama ini sudah ditautkan ke program", "This agreement is already linked to the programme")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO corridor_agreements (corridor_id, agreement_id, linked_at) VALUES ($1, $2, $3)`, id, in.AgreementID, db.now()); err != nil {
			return err
		}
		if err := db.bumpCorridor(ctx, tx, id); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "corridor.agreement_link", "corridor", id, nil, map[string]any{"agreement_id": in.AgreementID, "kind": kind})
	})
	if err != nil {
		return nil, err
	}
	return db.Corridor(ctx, id)
}

// UnlinkCorridorAgreement removes a link; the agreement itself is kept. For
// the programme's managers.
func (db *DB) UnlinkCorridorAgreement(ctx context.Context, id, agreementID int64) (*sinergi.Corridor, error) {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		c, err := db.managedCorridor(ctx, tx, id)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(c.Agreements, func(x sinergi.CorridorAgreement) bool { return x.AgreementID == agreementID })
		if i < 0 {
			return sinergi.NotFound("Tautan kerja sama", "Agreement link")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM corridor_agreements WHERE corridor_id = $1 AND agreement_id = $2`, id, agreementID); err != nil {
			return err
		}
		if err := db.bumpCorridor(ctx, tx, id); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "corridor.agreement_unlink", "corridor", id, map[string]any{"agreement_id": agreementID, "kind": c.Agreements[i].Kind}, nil)
	})
	if err != nil {
		return nil, err
	}
	return db.Corridor(ctx, id)
}

// CorridorAgreementByTitle returns the id of the agreement of this kind with
// exactly this title (0 when there is none); the demo links its corridor
// through it.
func (db *DB) CorridorAgreementByTitle(ctx context.Context, kind sinergi.AgreementKind, title string) (int64, error) {
	var id int64
	err := db.SQL.QueryRowContext(ctx, `SELECT id FROM agreements WHERE kind = $1 AND title = $2 ORDER BY id DESC LIMIT 1`, kind, title).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// CorridorAgreementCandidates lists the newest agreements of the kinds a
// programme links to (id, kind, title, term), for the managers' link form.
// The registry's read rule applies.
func (db *DB) CorridorAgreementCandidates(ctx context.Context, limit int) ([]sinergi.CorridorAgreement, error) {
	out := []sinergi.CorridorAgreement{}
	if !sinergi.CanReadAgreements(sinergi.ActorFrom(ctx)) {
		return out, sinergi.Unauthorized()
	}
	_, limit = sinergi.ClampPage(0, limit)
	rows, err := db.SQL.QueryContext(ctx, `SELECT id, kind, title, start_date, end_date FROM agreements WHERE kind IN ($1, $2, $3) ORDER BY id DESC`+limitClause(0, 0, limit),
		sinergi.KindKSDD, sinergi.KindNotaKesepakatan, sinergi.KindInterAgency)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		var x sinergi.CorridorAgreement
		if err := rows.Scan(&x.AgreementID, &x.Kind, &x.Title, &x.StartDate, &x.EndDate); err != nil {
			return out, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}
