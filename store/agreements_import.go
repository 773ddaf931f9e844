package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"sinergi"
	"sinergi/kerjasama"
	"sinergi/sheet"
)

// checkAgreementInput is the check of a new agreement before the law:
// a login, well-formed input and the actor acting for a party. The API,
// the form and the import all pass through it.
func checkAgreementInput(ctx context.Context, in *sinergi.AgreementInput) error {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return sinergi.Unauthorized()
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return err
	}
	var ids []int64
	for _, p := range in.Parties {
		ids = append(ids, p.OrganizationID)
	}
	if !sinergi.CanManageAgreement(a, ids) {
		return sinergi.Forbidden()
	}
	return nil
}

// agreementImport reports the problems of an agreement import.
var agreementImport = &importSpec{
	layout: sheet.Agreements,
	ruleColumn: map[string]string{
		kerjasama.RuleParties:   "parties",
		kerjasama.RuleWajibPair: "ksdd_category",
		kerjasama.RuleParent:    "parent_id",
		kerjasama.RuleTerm:      "end_date",
		kerjasama.RuleSign:      "parties",
	},
	forbidden: sheet.Problem{Column: "parties", Reason: "Anda tidak bertindak untuk salah satu pihak", ReasonEN: "You do not act for any of the parties"},
}

// ImportAgreements stores the rows of an import file as draft agreements,
// each through the same checks as CreateAgreement, in one transaction (see
// runImport).
func (db *DB) ImportAgreements(ctx context.Context, rows []sheet.Row, mode sheet.Mode) (*sheet.Report, error) {
	return runImport(ctx, db, db.agreementKind(), rowsOf(rows), mode)
}

// ImportAgreementsFile imports an uploaded xlsx or CSV file as
// ImportAgreements does, reading its rows as a stream; a file that cannot
// be read is a *sheet.Error and imports nothing.
func (db *DB) ImportAgreementsFile(ctx context.Context, b []byte, mode sheet.Mode) (*sheet.Report, error) {
	return runImport(ctx, db, db.agreementKind(), fileOf(sheet.Agreements, b), mode)
}

// agreementKind is the import of agreements: the party names of a batch
// looked up in one query and the organisations they name read in another
// (each once per import), the law checked row by row (checkNewAgreement),
// the valid rows written together (writeAgreements).
func (db *DB) agreementKind() *importKind[*newAgreement] {
	names, lk := orgNames{}, newKSLookup()
	return &importKind[*newAgreement]{spec: agreementImport,
		analyze: "agreements, agreement_parties, agreement_stages, agreement_obligations",
		prepare: func(ctx context.Context, tx *sql.Tx, rows []sheet.Row) error {
			var refs []string
			for _, r := range rows {
				refs = append(refs, sheet.List(r.Cells["parties"])...)
			}
			found, err := names.prefetch(ctx, tx, refs)
			if err != nil {
				return err
			}
			return db.prefetchOrgs(ctx, tx, lk, found)
		},
		check: func(ctx context.Context, tx *sql.Tx, r sheet.Row, p *rowProblems, flush func() error) (*newAgreement, bool, error) {
			in, err := importInput(ctx, tx, r, names, p)
			if err != nil {
				return nil, false, err
			}
			if len(p.list) > 0 {
				in.Normalize()
				p.addFields(in.Validate()) // report the other fields' problems too
				return nil, false, nil
			}
			if err := checkAgreementInput(ctx, &in); err != nil {
				return nil, false, p.rowErr(err, "parties")
			}
			if in.ParentID != nil {
				// the parent may be a row of this file still pending
				if err := flush(); err != nil {
					return nil, false, err
				}
			}
			n, err := db.checkNewAgreement(ctx, tx, lk, in, nil, 1)
			if err != nil {
				return nil, false, p.rowErr(err, "")
			}
			return n, true, nil
		},
		write: func(ctx context.Context, tx *sql.Tx, chain *auditChain, ns []*newAgreement) ([]int64, error) {
			out, err := db.writeAgreements(ctx, tx, chain, lk, ns)
			if err != nil {
				return nil, err
			}
			ids := make([]int64, len(out))
			for i, a := range out {
				ids[i] = a.ID
			}
			return ids, nil
		},
	}
}

// importInput reads one row into an agreement input; cells that cannot be
// read are reported to p.
func importInput(ctx context.Context, q querier, r sheet.Row, names orgNames, p *rowProblems) (sinergi.AgreementInput, error) {
	c := r.Cells
	in := sinergi.AgreementInput{Kind: sinergi.AgreementKind(c["kind"]), KSDDCategory: c["ksdd_category"], Title: c["title"],
		StartDate: sheet.Date(c["start_date"]), EndDate: sheet.Date(c["end_date"]), Scope: c["scope"]}
	for _, b := range []struct {
		col string
		dst *bool
	}{{"burdens_public", &in.BurdensPublic}, {"funded_in_current_budget", &in.FundedInCurrentBudget}} {
		v, ok := sheet.Bool(c[b.col])
		if !ok {
			p.add(b.col, "Isi ya atau tidak, bukan "+strconv.Quote(c[b.col]), "Write yes or no, not "+strconv.Quote(c[b.col]))
		}
		*b.dst = v
	}
	if s := c["parent_id"]; s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			p.add("parent_id", "ID kerja sama induk harus bilangan bulat positif", "parent_id must be a positive integer")
		} else {
			in.ParentID = &n
		}
	}
	for _, ref := range sheet.List(c["parties"]) {
		id, why, err := names.resolve(ctx, q, ref)
		if err != nil {
			return in, err
		}
		if id == 0 {
			p.add("parties", why.ID, why.EN)
			continue
		}
		in.Parties = append(in.Parties, sinergi.PartyInput{OrganizationID: id})
	}
	return in, nil
}

// ExportAgreements returns the rows of every agreement the filter selects
// (all pages, at most sheet.MaxRows), in the export's columns.
func (db *DB) ExportAgreements(ctx context.Context, f sinergi.AgreementFilter) ([][]string, error) {
	var out [][]string
	f.Offset, f.Limit = 0, 200
	for {
		l, err := db.Agreements(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, a := range l.Items {
			var parties []string
			for _, p := range a.Parties {
				parties = append(parties, p.OrganizationName)
			}
			parent := ""
			if a.ParentID != nil {
				parent = strconv.FormatInt(*a.ParentID, 10)
			}
			out = append(out, []string{strconv.FormatInt(a.ID, 10), string(a.Status), string(a.Kind), a.KSDDCategory, a.Title,
				strings.Join(parties, "; "), a.StartDate, a.EndDate, yesNo(a.BurdensPublic), yesNo(a.FundedInCurrentBudget), parent, a.Scope})
		}
		f.Offset += len(l.Items)
		if len(l.Items) == 0 || f.Offset >= l.Total || len(out) >= sheet.MaxRows {
			return out, nil
		}
	}
}

func yesNo(b bool) string {
	if b {
		return "ya"
	}
	return "tidak"
}
