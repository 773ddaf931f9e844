package store

import (
	"context"
	"database/sql"
	"errors"
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

// errImportRollback undoes an all-or-nothing import with problems.
var errImportRollback = errors.New("import has problems")

// ruleColumn is the column a rule violation is reported on.
var ruleColumn = map[string]string{
	kerjasama.RuleParties:   "parties",
	kerjasama.RuleWajibPair: "ksdd_category",
	kerjasama.RuleParent:    "parent_id",
	kerjasama.RuleTerm:      "end_date",
	kerjasama.RuleSign:      "parties",
}

// importBatch is how many rows the import checks before writing them
// together (multi-row statements, one audit-chain update).
const importBatch = 500

// ImportAgreements stores the rows of an import file as draft agreements,
// each through the same checks as CreateAgreement, in one transaction. Every
// problem is reported with its row and column. In all_or_nothing mode any
// problem stores nothing; in valid_only mode the valid rows are stored.
func (db *DB) ImportAgreements(ctx context.Context, rows []sheet.Row, mode sheet.Mode) (*sheet.Report, error) {
	return db.importAgreements(ctx, mode, func(fn func(sheet.Row) error) (string, error) {
		for _, r := range rows {
			if err := fn(r); err != nil {
				return "", err
			}
		}
		return "", nil
	})
}

// ImportAgreementsFile imports an uploaded xlsx or CSV file as
// ImportAgreements does, reading its rows as a stream (sheet.Scan); a file
// that cannot be read is a *sheet.Error and imports nothing.
func (db *DB) ImportAgreementsFile(ctx context.Context, b []byte, mode sheet.Mode) (*sheet.Report, error) {
	return db.importAgreements(ctx, mode, func(fn func(sheet.Row) error) (string, error) { return sheet.Scan(b, fn) })
}

// agreementImport is one import in progress: rows are checked by the
// hundred (the party names of a batch looked up in one query, each
// organisation read once) and the valid ones written together.
type agreementImport struct {
	db      *DB
	tx      *sql.Tx
	rep     *sheet.Report
	lk      *ksLookup
	names   map[string][]int64 // organisation name (lower case) → ids
	read    []sheet.Row        // rows read, not yet checked
	pending []*newAgreement    // rows checked, not yet written
}

func (db *DB) importAgreements(ctx context.Context, mode sheet.Mode, scan func(func(sheet.Row) error) (string, error)) (*sheet.Report, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if mode == "" {
		mode = sheet.AllOrNothing
	}
	if mode != sheet.AllOrNothing && mode != sheet.ValidOnly {
		return nil, fieldErr("mode", "Mode impor harus all_or_nothing atau valid_only", "mode must be all_or_nothing or valid_only")
	}
	rep := &sheet.Report{Mode: mode, IDs: []int64{}, Problems: []sheet.Problem{}}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		im := &agreementImport{db: db, tx: tx, rep: rep, lk: newKSLookup(), names: map[string][]int64{}}
		format, err := scan(func(r sheet.Row) error {
			rep.Rows++
			if im.read = append(im.read, r); len(im.read) == importBatch {
				return im.check(ctx)
			}
			return nil
		})
		if err != nil {
			return err
		}
		rep.Format = format
		if err := im.check(ctx); err != nil {
			return err
		}
		if err := im.flush(ctx); err != nil {
			return err
		}
		if len(rep.Problems) > 0 && mode == sheet.AllOrNothing {
			return errImportRollback
		}
		return nil
	})
	if errors.Is(err, errImportRollback) {
		rep.IDs = []int64{}
		return rep, nil
	}
	if err != nil {
		return nil, err
	}
	rep.Imported = len(rep.IDs)
	if db.Dialect == Postgres && rep.Imported >= analyzeAfter {
		// Fresh statistics now rather than when autovacuum comes by: with
		// the stale ones the planner reads a page's stages by a full scan
		// (70 ms instead of 3 ms at 100,000 agreements). Best effort: the
		// import is committed, and autovacuum will analyze anyway.
		_, _ = db.SQL.ExecContext(ctx, `ANALYZE agreements, agreement_parties, agreement_stages, agreement_obligations`)
	}
	return rep, nil
}

// analyzeAfter is the size of an import after which PostgreSQL's statistics
// of the registry's tables are refreshed.
const analyzeAfter = 5000

// check checks the rows read: each is reported or becomes pending; the
// pending rows are written when there are enough of them.
func (im *agreementImport) check(ctx context.Context) error {
	if err := im.prefetch(ctx); err != nil {
		return err
	}
	for _, r := range im.read {
		var probs []sheet.Problem
		add := func(col, id, en string) {
			probs = append(probs, sheet.Problem{Row: r.Line, Column: col, Label: sheet.ColumnLabel(col), Reason: id, ReasonEN: en})
		}
		in, err := im.db.importInput(ctx, im.tx, r, im.names, add)
		if err != nil {
			return err
		}
		if len(probs) == 0 {
			if err := checkAgreementInput(ctx, &in); err != nil {
				if !problemsOf(err, r.Line, "parties", &probs) {
					return err
				}
			}
		} else {
			// report the other fields' problems too
			in.Normalize()
			var e *sinergi.Error
			if errors.As(in.Validate(), &e) {
				flagged := map[string]bool{}
				for _, p := range probs {
					flagged[p.Column] = true
				}
				for _, f := range e.Fields {
					if !flagged[f.Field] {
						add(f.Field, f.Msg.ID, f.Msg.EN)
					}
				}
			}
		}
		if len(probs) == 0 {
			if in.ParentID != nil {
				// the parent may be a row of this file still pending
				if err := im.flush(ctx); err != nil {
					return err
				}
			}
			n, err := im.db.checkNewAgreement(ctx, im.tx, im.lk, in, nil, 1)
			if err != nil && !problemsOf(err, r.Line, "", &probs) {
				return err
			}
			if err == nil {
				im.rep.Valid++
				im.pending = append(im.pending, n)
			}
		}
		im.rep.Problems = append(im.rep.Problems, probs...)
	}
	im.read = im.read[:0]
	if len(im.pending) >= importBatch {
		return im.flush(ctx)
	}
	return nil
}

// flush writes the pending rows.
func (im *agreementImport) flush(ctx context.Context) error {
	if len(im.pending) == 0 {
		return nil
	}
	out, err := im.db.writeAgreements(ctx, im.tx, im.lk, im.pending)
	if err != nil {
		return err
	}
	for _, a := range out {
		im.rep.IDs = append(im.rep.IDs, a.ID)
	}
	im.pending = im.pending[:0]
	return nil
}

// prefetch looks up the party names of the rows read that are not known
// yet (one query) and reads the organisations they and the ids name that
// are not cached (one query).
func (im *agreementImport) prefetch(ctx context.Context) error {
	var names []any
	var ids []int64
	asked := map[string]bool{}
	for _, r := range im.read {
		for _, p := range sheet.Parties(r.Cells["parties"]) {
			if n, err := strconv.ParseInt(p, 10, 64); err == nil && n > 0 {
				if _, ok := im.lk.orgs[n]; !ok {
					ids = append(ids, n)
				}
				continue
			}
			key := strings.ToLower(p)
			if _, ok := im.names[key]; !ok && !asked[key] {
				asked[key] = true
				names = append(names, key)
			}
		}
	}
	if len(names) > 0 {
		ph := make([]string, len(names))
		for i := range names {
			ph[i] = "$" + itoa(i+1)
		}
		rows, err := im.tx.QueryContext(ctx, `SELECT id, lower(name) FROM organizations WHERE lower(name) IN (`+strings.Join(ph, ", ")+`) ORDER BY id`, names...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var key string
			if err := rows.Scan(&id, &key); err != nil {
				rows.Close()
				return err
			}
			if asked[key] && len(im.names[key]) < 2 {
				im.names[key] = append(im.names[key], id)
				ids = append(ids, id)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for key := range asked {
			if _, ok := im.names[key]; !ok {
				im.names[key] = nil
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	var args []any
	rows, err := im.tx.QueryContext(ctx, `SELECT `+orgCols+` FROM organizations WHERE id IN (`+inList(&args, ids)+`)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return err
		}
		im.lk.orgs[o.ID] = o
	}
	return rows.Err()
}

// problemsOf turns a domain error of one row into problems; false for an
// error that is not the row's (the database failed).
func problemsOf(err error, line int, col string, out *[]sheet.Problem) bool {
	var e *sinergi.Error
	if !errors.As(err, &e) || e.Code == sinergi.CodeInternal {
		return false
	}
	p := sheet.Problem{Row: line, Column: col, Reason: e.Msg.ID, ReasonEN: e.Msg.EN, Rule: e.Rule, Citation: e.Citation}
	switch {
	case e.Code == sinergi.CodeForbidden:
		p.Column = "parties"
		p.Reason, p.ReasonEN = "Anda tidak bertindak untuk salah satu pihak", "You do not act for any of the parties"
	case e.Rule != "":
		if c, ok := ruleColumn[e.Rule]; ok {
			p.Column = c
		}
	}
	if len(e.Fields) > 0 {
		for _, f := range e.Fields {
			q := p
			q.Column, q.Reason, q.ReasonEN = f.Field, f.Msg.ID, f.Msg.EN
			q.Label = sheet.ColumnLabel(q.Column)
			*out = append(*out, q)
		}
		return true
	}
	p.Label = sheet.ColumnLabel(p.Column)
	*out = append(*out, p)
	return true
}

// importInput reads one row into an agreement input; cells that cannot be
// read are reported through add.
func (db *DB) importInput(ctx context.Context, q querier, r sheet.Row, names map[string][]int64, add func(col, id, en string)) (sinergi.AgreementInput, error) {
	c := r.Cells
	in := sinergi.AgreementInput{Kind: sinergi.AgreementKind(c["kind"]), KSDDCategory: c["ksdd_category"], Title: c["title"],
		StartDate: sheet.Date(c["start_date"]), EndDate: sheet.Date(c["end_date"]), Scope: c["scope"]}
	for _, b := range []struct {
		col string
		dst *bool
	}{{"burdens_public", &in.BurdensPublic}, {"funded_in_current_budget", &in.FundedInCurrentBudget}} {
		v, ok := sheet.Bool(c[b.col])
		if !ok {
			add(b.col, "Isi ya atau tidak, bukan "+strconv.Quote(c[b.col]), "Write yes or no, not "+strconv.Quote(c[b.col]))
		}
		*b.dst = v
	}
	if s := c["parent_id"]; s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			add("parent_id", "ID kerja sama induk harus bilangan bulat positif", "parent_id must be a positive integer")
		} else {
			in.ParentID = &n
		}
	}
	for _, p := range sheet.Parties(c["parties"]) {
		if n, err := strconv.ParseInt(p, 10, 64); err == nil && n > 0 {
			in.Parties = append(in.Parties, sinergi.PartyInput{OrganizationID: n})
			continue
		}
		key := strings.ToLower(p)
		ids, ok := names[key]
		if !ok {
			rows, err := q.QueryContext(ctx, `SELECT id FROM organizations WHERE lower(name) = $1 ORDER BY id LIMIT 2`, key)
			if err != nil {
				return in, err
			}
			for rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return in, err
				}
				ids = append(ids, id)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return in, err
			}
			names[key] = ids
		}
		switch len(ids) {
		case 0:
			add("parties", "Instansi tidak ditemukan: "+p, "Organisation not found: "+p)
		case 1:
			in.Parties = append(in.Parties, sinergi.PartyInput{OrganizationID: ids[0]})
		default:
			add("parties", "Nama instansi tidak tunggal, tulis ID-nya: "+p, "The organisation name is ambiguous, write its id: "+p)
		}
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
