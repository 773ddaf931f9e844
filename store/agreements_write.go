package store

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"sinergi"
	"sinergi/kerjasama"
)

// newAgreement is an agreement that passed the checks of the law, ready to
// be written (alone by CreateAgreement and RenewAgreement, by the hundred by
// the import).
type newAgreement struct {
	in      sinergi.AgreementInput
	prevID  *int64
	edition int
	search  string
}

// ksLookup caches the organisations and units the checks read, for the
// length of one transaction (an import reads each party once).
type ksLookup struct {
	orgs  map[int64]*sinergi.Organization
	units map[int64]*sinergi.Unit
}

func newKSLookup() *ksLookup {
	return &ksLookup{orgs: map[int64]*sinergi.Organization{}, units: map[int64]*sinergi.Unit{}}
}

func (db *DB) lookupOrg(ctx context.Context, q querier, lk *ksLookup, id int64) (*sinergi.Organization, error) {
	if o, ok := lk.orgs[id]; ok {
		return o, nil
	}
	o, err := db.getOrg(ctx, q, id, false)
	if err == nil {
		lk.orgs[id] = o
	}
	return o, err
}

// prefetchOrgs reads the organisations of ids not in lk yet, in one query.
func (db *DB) prefetchOrgs(ctx context.Context, q querier, lk *ksLookup, ids []int64) error {
	var missing []int64
	for _, id := range ids {
		if _, ok := lk.orgs[id]; !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	var args []any
	rows, err := q.QueryContext(ctx, `SELECT `+orgCols+` FROM organizations WHERE id IN (`+inList(&args, missing)+`)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return err
		}
		lk.orgs[o.ID] = o
	}
	return rows.Err()
}

// checkNewAgreement checks a new agreement against the law: the parties
// fit the kind (KS-PARTIES), a wajib KSDD's pairing (KS-WAJIB-PAIR), the
// signatories (KS-SIGN), the parent (KS-PARENT) and the term (KS-TERM).
func (db *DB) checkNewAgreement(ctx context.Context, tx *sql.Tx, lk *ksLookup, in sinergi.AgreementInput, previous *sinergi.Agreement, edition int) (*newAgreement, error) {
	parties := make([]kerjasama.Party, len(in.Parties))
	var names []string
	for i, p := range in.Parties {
		o, err := db.lookupOrg(ctx, tx, lk, p.OrganizationID)
		if sinergi.ErrorCode(err) == sinergi.CodeNotFound {
			return nil, fieldErr("parties", "Instansi tidak ditemukan: "+strconv.FormatInt(p.OrganizationID, 10), "Organisation not found: "+strconv.FormatInt(p.OrganizationID, 10))
		}
		if err != nil {
			return nil, err
		}
		if p.UnitID != nil {
			u, ok := lk.units[*p.UnitID]
			if !ok {
				u, err = db.getUnit(ctx, tx, *p.UnitID, false)
				if err == nil {
					lk.units[u.ID] = u
				}
			}
			if sinergi.ErrorCode(err) == sinergi.CodeNotFound || err == nil && u.OrganizationID != o.ID {
				return nil, fieldErr("parties", "Unit kerja tidak ditemukan di instansi "+o.Name, "Unit not found in "+o.Name)
			}
			if err != nil {
				return nil, err
			}
			names = append(names, u.Name)
		}
		parties[i] = kerjasama.Party{ID: o.ID, Sector: o.Sector, RegionCode: o.RegionCode, Role: p.Role}
		names = append(names, o.Name, o.Acronym)
	}
	if err := kerjasama.CheckParties(in.Kind, parties); err != nil {
		return nil, err
	}
	if in.Kind == sinergi.KindKSDD {
		if err := kerjasama.CheckWajib(in.KSDDCategory, in.Bordering, parties); err != nil {
			return nil, err
		}
	}
	for _, p := range in.Parties {
		for _, s := range p.Signatories {
			if err := kerjasama.CheckSignatory(in.Kind, s.Authority, s.Document); err != nil {
				return nil, err
			}
		}
	}
	var parent *kerjasama.ParentInfo
	if in.ParentID != nil {
		pa, err := db.getAgreement(ctx, tx, *in.ParentID, false)
		if sinergi.ErrorCode(err) == sinergi.CodeNotFound {
			return nil, fieldErr("parent_id", "Kerja sama induk tidak ditemukan", "Parent agreement not found")
		}
		if err != nil {
			return nil, err
		}
		if err := db.fillAgreement(ctx, tx, pa, false); err != nil {
			return nil, err
		}
		parent = &kerjasama.ParentInfo{Kind: pa.Kind, Status: pa.Status, PartyIDs: pa.PartyIDs(), Start: pa.StartDate, End: pa.EndDate}
	}
	var ids []int64
	for _, p := range in.Parties {
		ids = append(ids, p.OrganizationID)
	}
	if err := kerjasama.CheckParent(in.Kind, parent, ids, in.StartDate, in.EndDate); err != nil {
		return nil, err
	}
	start, _ := sinergi.ParseDate(in.StartDate)
	end, _ := sinergi.ParseDate(in.EndDate)
	if err := kerjasama.CheckTerm(start, end, AgreementConfig.MaxYears, in.TermLegalBasis); err != nil {
		return nil, err
	}
	if in.Urusan == nil {
		in.Urusan = []string{}
	}
	if in.FundingSources == nil {
		in.FundingSources = []string{}
	}
	n := &newAgreement{in: in, edition: edition, search: agreementSearchText(in.Title, in.Scope, in.Urusan, names)}
	if previous != nil {
		n.prevID = &previous.ID
	}
	return n, nil
}

var (
	agreementInsertCols = []string{"kind", "ksdd_category", "title", "parent_id", "previous_id", "edition", "bordering", "start_date", "end_date",
		"term_legal_basis", "burdens_public", "funded_in_current_budget", "dprd_required", "urusan", "scope", "value", "funding_sources", "status",
		"search_text", "version", "created_at", "updated_at"}
	partyInsertCols      = []string{"agreement_id", "position", "organization_id", "unit_id", "role", "signatories"}
	stageInsertCols      = []string{"agreement_id", "position", "code", "required"}
	obligationInsertCols = []string{"agreement_id", "position", "organization_id", "description", "due_date"}
)

// writeAgreements writes checked agreements as drafts with their parties,
// stages of their kind and obligations — a few multi-row statements for
// the lot — and appends one audit entry ("create") per agreement with the
// agreement as a read shows it to chain (the caller flushes it). lk holds
// the parties checkNewAgreement read.
func (db *DB) writeAgreements(ctx context.Context, tx *sql.Tx, chain *auditChain, lk *ksLookup, ns []*newAgreement) ([]*sinergi.Agreement, error) {
	now := db.now()
	rows := make([][]any, len(ns))
	for i, n := range ns {
		in := n.in
		rows[i] = []any{string(in.Kind), in.KSDDCategory, in.Title, nullID(in.ParentID), nullID(n.prevID), n.edition, in.Bordering, in.StartDate, in.EndDate,
			in.TermLegalBasis, in.BurdensPublic, in.FundedInCurrentBudget, kerjasama.DPRDRequired(in.Kind, in.BurdensPublic, in.FundedInCurrentBudget),
			jsonString(in.Urusan), in.Scope, in.Value, jsonString(in.FundingSources), string(sinergi.AgreementDraft), n.search, 1, now, now}
	}
	ids, err := db.insertRows(ctx, tx, "agreements", agreementInsertCols, rows, "id")
	if err != nil {
		return nil, err
	}
	var parties, stages, obligations [][]any
	obligationIDs := make([][]int64, len(ns)) // filled from the obligations' insert, in the same order
	for i, n := range ns {
		id, in := ids[i], n.in
		for j, p := range in.Parties {
			sig := p.Signatories
			if sig == nil {
				sig = []sinergi.Signatory{}
			}
			parties = append(parties, []any{id, j, p.OrganizationID, nullID(p.UnitID), p.Role, jsonString(sig)})
		}
		for j, s := range kerjasama.Stages(in.Kind, in.BurdensPublic, in.FundedInCurrentBudget) {
			stages = append(stages, []any{id, j, s.Code, s.Required})
		}
		for j, o := range in.Obligations {
			obligations = append(obligations, []any{id, j, o.OrganizationID, o.Description, o.DueDate})
		}
	}
	for _, t := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{{"agreement_parties", partyInsertCols, parties}, {"agreement_stages", stageInsertCols, stages}} {
		if _, err := db.insertRows(ctx, tx, t.table, t.cols, t.rows, ""); err != nil {
			return nil, err
		}
	}
	if len(obligations) > 0 {
		oids, err := db.insertRows(ctx, tx, "agreement_obligations", obligationInsertCols, obligations, "id")
		if err != nil {
			return nil, err
		}
		for i, n := range ns {
			obligationIDs[i], oids = oids[:len(n.in.Obligations)], oids[len(n.in.Obligations):]
		}
	}
	out := make([]*sinergi.Agreement, len(ns))
	after := make([]any, len(ns))
	today := db.ksToday()
	for i, n := range ns {
		if out[i], err = db.agreementView(ctx, tx, lk, n, ids[i], obligationIDs[i], now, today); err != nil {
			return nil, err
		}
		after[i] = out[i]
	}
	if err := chain.appendAll(ctx, "create", "agreement", ids, after); err != nil {
		return nil, err
	}
	return out, nil
}

// agreementView is a new agreement as a read (Agreement) shows it, from
// what was written — the import's hundreds of agreements are not read back.
// TestAgreementWrittenAsRead holds the two equal.
func (db *DB) agreementView(ctx context.Context, q querier, lk *ksLookup, n *newAgreement, id int64, obligationIDs []int64, now, today time.Time) (*sinergi.Agreement, error) {
	in := n.in
	a := &sinergi.Agreement{ID: id, Kind: in.Kind, KSDDCategory: in.KSDDCategory, Title: in.Title, Status: sinergi.AgreementDraft,
		ParentID: in.ParentID, PreviousID: n.prevID, Edition: n.edition, Parties: make([]sinergi.AgreementParty, len(in.Parties)),
		Bordering: in.Bordering, StartDate: in.StartDate, EndDate: in.EndDate, TermLegalBasis: in.TermLegalBasis,
		BurdensPublic: in.BurdensPublic, FundedInCurrentBudget: in.FundedInCurrentBudget,
		DPRDRequired: kerjasama.DPRDRequired(in.Kind, in.BurdensPublic, in.FundedInCurrentBudget), Urusan: in.Urusan, Scope: in.Scope,
		Obligations: make([]sinergi.Obligation, len(in.Obligations)), Value: in.Value, FundingSources: in.FundingSources,
		Version: 1, CreatedAt: now, UpdatedAt: now}
	for i, p := range in.Parties {
		o, err := db.lookupOrg(ctx, q, lk, p.OrganizationID)
		if err != nil {
			return nil, err
		}
		sig := p.Signatories
		if sig == nil {
			sig = []sinergi.Signatory{}
		}
		a.Parties[i] = sinergi.AgreementParty{OrganizationID: o.ID, OrganizationName: o.Name, Sector: o.Sector, RegionCode: o.RegionCode,
			UnitID: p.UnitID, Role: p.Role, Signatories: sig}
		if p.UnitID != nil {
			a.Parties[i].UnitName = lk.units[*p.UnitID].Name
		}
	}
	a.Stages = []sinergi.AgreementStage{}
	for _, s := range kerjasama.Stages(in.Kind, in.BurdensPublic, in.FundedInCurrentBudget) {
		a.Stages = append(a.Stages, sinergi.AgreementStage{Code: s.Code, Required: s.Required})
	}
	for i, ob := range in.Obligations {
		o, err := db.lookupOrg(ctx, q, lk, ob.OrganizationID)
		if err != nil {
			return nil, err
		}
		a.Obligations[i] = sinergi.Obligation{ID: obligationIDs[i], OrganizationID: o.ID, OrganizationName: o.Name, Description: ob.Description, DueDate: ob.DueDate,
			Overdue: ob.DueDate != "" && ob.DueDate < today.Format(time.DateOnly)}
	}
	deriveAgreement(a, today)
	setReporting(a, sinergi.Reporting{IntervalMonths: kerjasama.DefaultReportMonths}, today) // no reports, the default interval
	return a, nil
}
