package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"time"

	"sinergi"
	"sinergi/kerjasama"
)

var _ sinergi.AgreementService = (*DB)(nil)

// AgreementSettings are the settings of the kerja sama registry.
type AgreementSettings struct {
	MaxYears     int // longest term without a recorded legal basis (KS-TERM)
	ExpiringDays int // an active agreement is "expiring" this many days before its end
}

// AgreementConfig is read once from the environment:
//
//	SINERGI_KS_MAX_YEARS       longest term in years (default 5; 0 = no limit)
//	SINERGI_KS_EXPIRING_DAYS   days before the end an agreement is expiring (default 90)
var AgreementConfig = agreementConfigFromEnv(os.Getenv)

func agreementConfigFromEnv(getenv func(string) string) AgreementSettings {
	c := AgreementSettings{MaxYears: 5, ExpiringDays: 90}
	if n, err := strconv.Atoi(getenv("SINERGI_KS_MAX_YEARS")); err == nil && n >= 0 && n <= 100 {
		c.MaxYears = n
	}
	if n, err := strconv.Atoi(getenv("SINERGI_KS_EXPIRING_DAYS")); err == nil && n >= 0 && n <= 3650 {
		c.ExpiringDays = n
	}
	return c
}

const agreementCols = `a.id, a.kind, a.ksdd_category, a.title, a.parent_id, a.previous_id, a.renewed_by_id, a.edition, a.bordering,
	a.start_date, a.end_date, a.term_legal_basis, a.burdens_public, a.funded_in_current_budget, a.dprd_required, a.urusan, a.scope,
	a.value, a.funding_sources, a.status, a.terminated_on, a.termination_reason, a.termination_note, a.termination_ref,
	a.version, a.created_at, a.updated_at`

func scanAgreement(row interface{ Scan(...any) error }) (*sinergi.Agreement, error) {
	var a sinergi.Agreement
	var urusan, funding string
	var t sinergi.Termination
	err := row.Scan(&a.ID, &a.Kind, &a.KSDDCategory, &a.Title, &a.ParentID, &a.PreviousID, &a.RenewedByID, &a.Edition, &a.Bordering,
		&a.StartDate, &a.EndDate, &a.TermLegalBasis, &a.BurdensPublic, &a.FundedInCurrentBudget, &a.DPRDRequired, &urusan, &a.Scope,
		&a.Value, &funding, &a.Status, &t.Date, &t.Reason, &t.Note, &t.DocumentRef, &a.Version, &a.CreatedAt, &a.UpdatedAt)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(urusan), &a.Urusan); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(funding), &a.FundingSources); err != nil {
		return nil, err
	}
	if a.Urusan == nil {
		a.Urusan = []string{}
	}
	if a.FundingSources == nil {
		a.FundingSources = []string{}
	}
	if t.Reason != "" {
		a.Termination = &t
	}
	a.CreatedAt, a.UpdatedAt = a.CreatedAt.UTC(), a.UpdatedAt.UTC()
	return &a, nil
}

func (db *DB) getAgreement(ctx context.Context, q querier, id int64, lock bool) (*sinergi.Agreement, error) {
	s := `SELECT ` + agreementCols + ` FROM agreements a WHERE a.id = $1`
	if lock {
		s += db.forUpdate()
	}
	a, err := scanAgreement(q.QueryRowContext(ctx, s, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Kerja sama", "Agreement")
	}
	return a, err
}

// today is the current calendar date (UTC).
func (db *DB) ksToday() time.Time {
	n := db.now()
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

// fillAgreement loads the parties, stages, obligations and (when asked)
// children of one agreement and works out the shown status, days left and
// monitoring authority.
func (db *DB) fillAgreement(ctx context.Context, q querier, a *sinergi.Agreement, children bool) error {
	if err := db.fillAgreements(ctx, q, []*sinergi.Agreement{a}); err != nil {
		return err
	}
	if !children {
		return nil
	}
	rows, err := q.QueryContext(ctx, `SELECT id, kind, title, status, end_date FROM agreements WHERE parent_id = $1 ORDER BY id`, a.ID)
	if err != nil {
		return err
	}
	today := db.ksToday()
	for rows.Next() {
		var c sinergi.AgreementRef
		var end string
		if err := rows.Scan(&c.ID, &c.Kind, &c.Title, &c.Status, &end); err != nil {
			rows.Close()
			return err
		}
		c.Status = kerjasama.Status(c.Status, end, today, AgreementConfig.ExpiringDays)
		a.Children = append(a.Children, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return db.fillReporting(ctx, q, a, today)
}

func rulesParties(ps []sinergi.AgreementParty) []kerjasama.Party {
	out := make([]kerjasama.Party, len(ps))
	for i, p := range ps {
		out[i] = kerjasama.Party{ID: p.OrganizationID, Sector: p.Sector, RegionCode: p.RegionCode, Role: p.Role}
	}
	return out
}

// Agreement returns one agreement with its parties, stages, obligations and
// children. The registry is open to every logged-in account.
func (db *DB) Agreement(ctx context.Context, id int64) (*sinergi.Agreement, error) {
	if !sinergi.CanReadAgreements(sinergi.ActorFrom(ctx)) {
		return nil, sinergi.Unauthorized()
	}
	a, err := db.getAgreement(ctx, db.SQL, id, false)
	if err != nil {
		return nil, err
	}
	return a, db.fillAgreement(ctx, db.SQL, a, true)
}

// Agreements lists agreements, newest first. Status filters the shown
// status (expiring and expired follow from the end date); Q searches
// titles, parties and objects.
func (db *DB) Agreements(ctx context.Context, f sinergi.AgreementFilter) (sinergi.List[sinergi.Agreement], error) {
	out := sinergi.List[sinergi.Agreement]{Items: []sinergi.Agreement{}}
	if !sinergi.CanReadAgreements(sinergi.ActorFrom(ctx)) {
		return out, sinergi.Unauthorized()
	}
	out.Offset, out.Limit = sinergi.ClampPage(f.Offset, f.Limit)
	var w where
	today := db.ksToday()
	d, limit := today.Format(time.DateOnly), today.AddDate(0, 0, AgreementConfig.ExpiringDays).Format(time.DateOnly)
	switch f.Status {
	case "":
	case sinergi.AgreementActive:
		w.add(`a.status = 'active' AND a.end_date > ?`, limit)
	case sinergi.AgreementExpiring:
		w.add(`a.status = 'active' AND a.end_date >= ? AND a.end_date <= ?`, d, limit)
	case sinergi.AgreementExpired:
		w.add(`a.status = 'active' AND a.end_date < ?`, d)
	default:
		w.add(`a.status = ?`, string(f.Status))
	}
	if f.Kind != "" {
		w.add(`a.kind = ?`, string(f.Kind))
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		db.addSearch(&w, q)
	}
	if f.OrgID != 0 {
		w.add(`a.id IN (SELECT agreement_id FROM agreement_parties WHERE organization_id = ?)`, f.OrgID)
	}
	if f.ParentID != 0 {
		w.add(`a.parent_id = ?`, f.ParentID)
	}
	var err error
	if out.Total, err = db.countAgreements(ctx, w, strings.TrimSpace(f.Q) != "" && len(w.conds) == 1 && len(w.args) == 1); err != nil {
		return out, err
	}
	if out.Total <= out.Offset {
		return out, nil
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+agreementCols+` FROM agreements a`+w.String()+` ORDER BY a.id DESC`+limitClause(0, out.Offset, out.Limit), w.args...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanAgreement(rows)
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, *a)
	}
	if err := rows.Err(); err != nil {
		return out, err
	}
	rows.Close()
	page := make([]*sinergi.Agreement, len(out.Items))
	for i := range out.Items {
		page[i] = &out.Items[i]
	}
	return out, db.fillAgreements(ctx, db.SQL, page)
}

// CountAgreements returns the number of agreements in each shown status.
func (db *DB) CountAgreements(ctx context.Context) (map[sinergi.AgreementStatus]int, error) {
	out := map[sinergi.AgreementStatus]int{}
	for _, st := range sinergi.AgreementStatuses {
		l, err := db.Agreements(ctx, sinergi.AgreementFilter{Status: st, Limit: 1, Offset: 1 << 30})
		if err != nil {
			return nil, err
		}
		out[st] = l.Total
	}
	return out, nil
}

func fieldErr(field, id, en string) error {
	var v sinergi.Validation
	v.Add(field, id, en)
	return v.Err()
}

// CreateAgreement records an agreement as a draft with the stages of its
// kind, after checking the input and the law: the parties fit the kind
// (KS-PARTIES), a wajib KSDD is between bordering regions of an allowed
// pairing (KS-WAJIB-PAIR), the parent fits (KS-PARENT), the term
// (KS-TERM) and the signatories (KS-SIGN). The actor must act for one of
// the parties.
func (db *DB) CreateAgreement(ctx context.Context, in sinergi.AgreementInput) (*sinergi.Agreement, error) {
	if err := checkAgreementInput(ctx, &in); err != nil {
		return nil, err
	}
	var out *sinergi.Agreement
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = db.insertAgreement(ctx, tx, in, nil, 1)
		return err
	})
	return out, err
}

// insertAgreement checks the law and writes a new agreement (a renewal
// passes the agreement it renews).
func (db *DB) insertAgreement(ctx context.Context, tx *sql.Tx, in sinergi.AgreementInput, previous *sinergi.Agreement, edition int) (*sinergi.Agreement, error) {
	lk := newKSLookup()
	n, err := db.checkNewAgreement(ctx, tx, lk, in, previous, edition)
	if err != nil {
		return nil, err
	}
	chain := db.auditChain(tx)
	out, err := db.writeAgreements(ctx, tx, chain, lk, []*newAgreement{n})
	if err != nil {
		return nil, err
	}
	return out[0], chain.flush(ctx)
}

// lockAgreement reads an agreement for a change by the actor: it must
// exist, the actor must act for a party, and the version must match.
func (db *DB) lockAgreement(ctx context.Context, tx *sql.Tx, id, version int64) (*sinergi.Agreement, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	ag, err := db.getAgreement(ctx, tx, id, true)
	if err != nil {
		return nil, err
	}
	if err := db.fillAgreement(ctx, tx, ag, false); err != nil {
		return nil, err
	}
	if !sinergi.CanManageAgreement(a, ag.PartyIDs()) {
		return nil, sinergi.Forbidden()
	}
	return ag, checkVersion(ag.Version, version)
}

// finishChange re-reads the agreement after a change, bumps nothing more
// and appends the audit entry.
func (db *DB) finishChange(ctx context.Context, tx *sql.Tx, action string, before *sinergi.Agreement) (*sinergi.Agreement, error) {
	after, err := db.getAgreement(ctx, tx, before.ID, false)
	if err != nil {
		return nil, err
	}
	if err := db.fillAgreement(ctx, tx, after, true); err != nil {
		return nil, err
	}
	return after, db.appendAudit(ctx, tx, action, "agreement", before.ID, before, after)
}

// CompleteAgreementStage records the date and document of a stage. The
// earlier required stages must be done (KS-DPRD, KS-FOREIGN-APPROVAL,
// KS-FEASIBILITY, KS-STAGE-ORDER); the first stage puts a draft in
// process, the signing of the final document puts it in force.
func (db *DB) CompleteAgreementStage(ctx context.Context, id, version int64, code string, in sinergi.StageInput) (*sinergi.Agreement, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var out *sinergi.Agreement
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		ag, err := db.lockAgreement(ctx, tx, id, version)
		if err != nil {
			return err
		}
		st := ag.Stage(code)
		if st == nil {
			return sinergi.NotFound("Tahapan "+code, "Stage "+code)
		}
		if ag.Status == sinergi.AgreementTerminated {
			return sinergi.Errorf(sinergi.CodeConflict, "Kerja sama sudah berakhir", "The agreement has been terminated")
		}
		if st.Done {
			return sinergi.Errorf(sinergi.CodeConflict, "Tahapan ini sudah dicatat", "This stage is already recorded")
		}
		states := make([]kerjasama.StageState, len(ag.Stages))
		for i, s := range ag.Stages {
			states[i] = kerjasama.StageState{Code: s.Code, Required: s.Required, Done: s.Done}
		}
		if err := kerjasama.CheckStage(ag.Kind, states, code); err != nil {
			return err
		}
		status := ag.Status
		switch {
		case code == kerjasama.ActivatingStage(ag.Kind):
			status = sinergi.AgreementActive
		case status == sinergi.AgreementDraft:
			status = sinergi.AgreementInProcess
		}
		// the stored status: expiring and expired are shown, not stored
		if status == sinergi.AgreementExpiring || status == sinergi.AgreementExpired {
			status = sinergi.AgreementActive
		}
		a := sinergi.ActorFrom(ctx)
		now := db.now()
		if _, err := tx.ExecContext(ctx, `UPDATE agreement_stages SET done_on = $1, document_ref = $2, note = $3, completed_by = $4, completed_at = $5
			WHERE agreement_id = $6 AND code = $7`, in.Date, in.DocumentRef, in.Note, a.Label(), now, id, code); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE agreements SET status = $1, version = version + 1, updated_at = $2 WHERE id = $3`, string(status), now, id); err != nil {
			return err
		}
		out, err = db.finishChange(ctx, tx, "stage:"+code, ag)
		return err
	})
	return out, err
}

// TerminateAgreement ends an agreement on a ground of PP 28/2018 Pasal 9
// or 22 (KS-TERMINATE).
func (db *DB) TerminateAgreement(ctx context.Context, id, version int64, in sinergi.TerminationInput) (*sinergi.Agreement, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var out *sinergi.Agreement
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		ag, err := db.lockAgreement(ctx, tx, id, version)
		if err != nil {
			return err
		}
		if ag.Status == sinergi.AgreementTerminated {
			return sinergi.Errorf(sinergi.CodeConflict, "Kerja sama sudah berakhir", "The agreement has already been terminated")
		}
		if err := kerjasama.CheckTermination(ag.Kind, in.Reason, ag.EndDate, in.Date); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE agreements SET status = 'terminated', terminated_on = $1, termination_reason = $2, termination_note = $3,
			termination_ref = $4, version = version + 1, updated_at = $5 WHERE id = $6`, in.Date, in.Reason, in.Note, in.DocumentRef, db.now(), id); err != nil {
			return err
		}
		out, err = db.finishChange(ctx, tx, "terminate", ag)
		return err
	})
	return out, err
}

// RenewAgreement makes a new edition of an agreement in force or ended by
// its term: same kind, parties, object and parent, a new term, the stages
// from the start; the old one points to the new.
func (db *DB) RenewAgreement(ctx context.Context, id, version int64, in sinergi.RenewalInput) (*sinergi.Agreement, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var out *sinergi.Agreement
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		ag, err := db.lockAgreement(ctx, tx, id, version)
		if err != nil {
			return err
		}
		if ag.RenewedByID != nil {
			return sinergi.Errorf(sinergi.CodeConflict, "Kerja sama ini sudah diperpanjang", "This agreement has already been renewed")
		}
		switch {
		case ag.Status == sinergi.AgreementActive, ag.Status == sinergi.AgreementExpiring, ag.Status == sinergi.AgreementExpired:
		case ag.Status == sinergi.AgreementTerminated && ag.Termination != nil && ag.Termination.Reason == "term_ended":
		default:
			return sinergi.Errorf(sinergi.CodeConflict, "Hanya kerja sama yang berlaku atau berakhir karena jangka waktunya yang dapat diperpanjang", "Only an agreement in force or ended by its term can be renewed")
		}
		nin := sinergi.AgreementInput{Kind: ag.Kind, KSDDCategory: ag.KSDDCategory, Title: ag.Title, Bordering: ag.Bordering,
			StartDate: in.StartDate, EndDate: in.EndDate, TermLegalBasis: in.TermLegalBasis, BurdensPublic: ag.BurdensPublic,
			FundedInCurrentBudget: ag.FundedInCurrentBudget, ParentID: ag.ParentID, Urusan: ag.Urusan, Scope: ag.Scope,
			Value: ag.Value, FundingSources: ag.FundingSources}
		if strings.TrimSpace(in.Title) != "" {
			nin.Title = in.Title
		}
		for _, p := range ag.Parties {
			nin.Parties = append(nin.Parties, sinergi.PartyInput{OrganizationID: p.OrganizationID, UnitID: p.UnitID, Role: p.Role})
		}
		nin.Normalize()
		if err := nin.Validate(); err != nil {
			return err
		}
		if nin.StartDate < ag.StartDate {
			return fieldErr("start_date", "Masa perpanjangan harus dimulai sesudah awal kerja sama lama ("+ag.StartDate+")", "The renewal must start after the old agreement's start ("+ag.StartDate+")")
		}
		if out, err = db.insertAgreement(ctx, tx, nin, ag, ag.Edition+1); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE agreements SET renewed_by_id = $1, version = version + 1, updated_at = $2 WHERE id = $3`, out.ID, db.now(), id); err != nil {
			return err
		}
		if _, err := db.finishChange(ctx, tx, "renew", ag); err != nil {
			return err
		}
		return nil
	})
	return out, err
}
