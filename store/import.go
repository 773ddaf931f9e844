package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"sinergi"
	"sinergi/sheet"
)

// The bulk imports (agreements, activities) share one shape: every row goes
// through the same checks as the record's create call, inside one
// transaction; every problem is reported with its row, column and reason in
// Indonesian and English; in all_or_nothing mode any problem stores nothing,
// in valid_only mode the valid rows are stored. A database failure (not a
// row's fault) fails the whole import.

// errImportRollback undoes an all-or-nothing import with problems.
var errImportRollback = errors.New("import has problems")

// importSpec says how one kind of import reports domain errors.
type importSpec struct {
	layout      *sheet.Layout
	ruleColumn  map[string]string // rule id → column
	fieldColumn map[string]string // input field → column, when they differ
	forbidden   sheet.Problem     // Column, Reason, ReasonEN for a row the actor may not write
}

// rowProblems collects the problems of one row.
type rowProblems struct {
	spec *importSpec
	line int
	list []sheet.Problem
}

func (p *rowProblems) column(field string) string {
	if c, ok := p.spec.fieldColumn[field]; ok {
		return c
	}
	return field
}

// add records a problem with a column.
func (p *rowProblems) add(col, id, en string) {
	p.list = append(p.list, sheet.Problem{Row: p.line, Column: col, Label: p.spec.layout.ColumnLabel(col), Reason: id, ReasonEN: en})
}

// addFields records the field errors of a validation error on the columns
// not flagged yet (a cell that could not be read was already reported).
func (p *rowProblems) addFields(err error) {
	var e *sinergi.Error
	if !errors.As(err, &e) {
		return
	}
	flagged := map[string]bool{}
	for _, x := range p.list {
		flagged[x.Column] = true
	}
	for _, f := range e.Fields {
		if c := p.column(f.Field); !flagged[c] {
			p.add(c, f.Msg.ID, f.Msg.EN)
		}
	}
}

// addErr turns a domain error of the row into problems (col when the error
// names no field or rule); false for an error that is not the row's (the
// database failed).
func (p *rowProblems) addErr(err error, col string) bool {
	var e *sinergi.Error
	if !errors.As(err, &e) || e.Code == sinergi.CodeInternal {
		return false
	}
	x := sheet.Problem{Row: p.line, Column: col, Reason: e.Msg.ID, ReasonEN: e.Msg.EN, Rule: e.Rule, Citation: e.Citation}
	switch {
	case e.Code == sinergi.CodeForbidden:
		x.Column, x.Reason, x.ReasonEN = p.spec.forbidden.Column, p.spec.forbidden.Reason, p.spec.forbidden.ReasonEN
	case e.Rule != "":
		if c, ok := p.spec.ruleColumn[e.Rule]; ok {
			x.Column = c
		}
	}
	if len(e.Fields) > 0 {
		for _, f := range e.Fields {
			q := x
			q.Column, q.Reason, q.ReasonEN = p.column(f.Field), f.Msg.ID, f.Msg.EN
			q.Label = p.spec.layout.ColumnLabel(q.Column)
			p.list = append(p.list, q)
		}
		return true
	}
	x.Label = p.spec.layout.ColumnLabel(x.Column)
	p.list = append(p.list, x)
	return true
}

// rowErr reports a domain error of the row (see addErr) and returns nil,
// or returns an error that is not the row's.
func (p *rowProblems) rowErr(err error, col string) error {
	if p.addErr(err, col) {
		return nil
	}
	return err
}

// importBatch is how many rows an import reads before checking them
// together (what they name looked up in one query) and how many checked
// rows it holds before writing them together (multi-row statements; their
// audit entries on one chain, whose head moves once per import).
const importBatch = 500

// analyzeAfter is the size of an import after which PostgreSQL's statistics
// of the tables it wrote are refreshed.
const analyzeAfter = 5000

// importKind is one kind of import; T is a row that passed its checks.
type importKind[T any] struct {
	spec *importSpec
	// prepare looks up what a batch of rows names (organisations by name
	// or id) in as few queries as possible, for check to find.
	prepare func(ctx context.Context, tx *sql.Tx, rows []sheet.Row) error
	// check reads and checks one row: ok with the row to write, or not ok
	// with the row's problems in p; an error is a failure that is not the
	// row's. A row that names an earlier row of the file calls flush first,
	// so that row is written.
	check func(ctx context.Context, tx *sql.Tx, r sheet.Row, p *rowProblems, flush func() error) (row T, ok bool, err error)
	// write stores checked rows with their audit entries on chain and
	// returns their ids in order.
	write func(ctx context.Context, tx *sql.Tx, chain *auditChain, rows []T) ([]int64, error)
	// analyze names the tables whose PostgreSQL statistics are refreshed
	// after an import of analyzeAfter rows or more.
	analyze string
}

// rowSource hands the rows of an import to a function, returning the
// file's format ("" for rows given as such).
type rowSource func(fn func(sheet.Row) error) (format string, err error)

// rowsOf is the source of rows already read.
func rowsOf(rows []sheet.Row) rowSource {
	return func(fn func(sheet.Row) error) (string, error) {
		for _, r := range rows {
			if err := fn(r); err != nil {
				return "", err
			}
		}
		return "", nil
	}
}

// fileOf is the source of the rows of an uploaded xlsx or CSV file, read
// as a stream; a file that cannot be read is a *sheet.Error.
func fileOf(l *sheet.Layout, b []byte) rowSource {
	return func(fn func(sheet.Row) error) (string, error) { return l.Scan(b, fn) }
}

// readAhead hands the rows of src to fn as src does, reading them (parsing
// the file's XML) in a goroutine of its own, a few batches ahead of fn: the
// parsing of the next rows overlaps the checks and writes of the previous
// ones. fn runs in the caller's goroutine, in the file's order; its error
// stops the reading and is returned.
func readAhead(src rowSource, fn func(sheet.Row) error) (string, error) {
	type result struct {
		format string
		err    error
	}
	batches := make(chan []sheet.Row, 2)
	stop := make(chan struct{})
	done := make(chan result, 1)
	errStopped := errors.New("import stopped")
	go func() {
		var b []sheet.Row
		format, err := src(func(r sheet.Row) error {
			if b = append(b, r); len(b) < importBatch {
				return nil
			}
			select {
			case batches <- b:
				b = make([]sheet.Row, 0, importBatch)
				return nil
			case <-stop:
				return errStopped
			}
		})
		if err == nil && len(b) > 0 {
			select {
			case batches <- b:
			case <-stop:
				err = errStopped
			}
		}
		close(batches)
		done <- result{format, err}
	}()
	for b := range batches {
		for _, r := range b {
			if err := fn(r); err != nil {
				close(stop)
				for range batches { // let the reader see stop and end
				}
				<-done
				return "", err
			}
		}
	}
	res := <-done
	return res.format, res.err
}

// runImport runs an import: the rows are read, checked and written by the
// batch (importBatch) in one transaction.
func runImport[T any](ctx context.Context, db *DB, k *importKind[T], src rowSource, mode sheet.Mode) (*sheet.Report, error) {
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
		chain := db.auditChain(tx)
		chain.ahead = true // the rows written are not changed after
		var read []sheet.Row
		var pending []T
		flush := func() error {
			if len(pending) == 0 {
				return nil
			}
			ids, err := k.write(ctx, tx, chain, pending)
			if err != nil {
				return err
			}
			rep.IDs = append(rep.IDs, ids...)
			pending = pending[:0]
			return nil
		}
		check := func() error {
			if err := k.prepare(ctx, tx, read); err != nil {
				return err
			}
			for _, r := range read {
				p := &rowProblems{spec: k.spec, line: r.Line}
				row, ok, err := k.check(ctx, tx, r, p, flush)
				if err != nil {
					return err
				}
				if ok && len(p.list) == 0 {
					rep.Valid++
					pending = append(pending, row)
				}
				rep.Problems = append(rep.Problems, p.list...)
			}
			read = read[:0]
			if len(pending) >= importBatch {
				return flush()
			}
			return nil
		}
		format, err := readAhead(src, func(r sheet.Row) error {
			rep.Rows++
			if read = append(read, r); len(read) == importBatch {
				return check()
			}
			return nil
		})
		if err != nil {
			return err
		}
		rep.Format = format
		if err := check(); err != nil {
			return err
		}
		if len(rep.Problems) > 0 && mode == sheet.AllOrNothing {
			return errImportRollback
		}
		if err := flush(); err != nil {
			return err
		}
		return chain.flush(ctx)
	})
	if errors.Is(err, errImportRollback) {
		rep.IDs = []int64{}
		return rep, nil
	}
	if err != nil {
		return nil, err
	}
	rep.Imported = len(rep.IDs)
	if db.Dialect == Postgres && rep.Imported >= analyzeAfter && k.analyze != "" {
		// Fresh statistics now rather than when autovacuum comes by: with
		// the stale ones the planner reads a page's agreement stages by a
		// full scan (70 ms instead of 3 ms at 100,000 agreements). Best
		// effort: the import is committed, and autovacuum will analyze anyway.
		_, _ = db.SQL.ExecContext(ctx, `ANALYZE `+k.analyze)
	}
	return rep, nil
}

// orgNames resolves organisations named in an import by id or by exact name
// (any case), remembering the names already looked up: by name as the
// lower-case name, by id as "#id".
type orgNames map[string][]int64

// orgKey is the key of a reference in orgNames, and its id when it is one.
func orgKey(ref string) (string, int64) {
	if n, err := strconv.ParseInt(ref, 10, 64); err == nil && n > 0 {
		return "#" + ref, n
	}
	return strings.ToLower(ref), 0
}

// prefetch looks up the references not known yet in one query and returns
// the ids it found.
func (names orgNames) prefetch(ctx context.Context, q querier, refs []string) ([]int64, error) {
	var byName, byID []any
	asked := map[string]bool{}
	for _, ref := range refs {
		key, id := orgKey(ref)
		if _, ok := names[key]; ok || asked[key] {
			continue
		}
		asked[key] = true
		if id != 0 {
			byID = append(byID, id)
		} else {
			byName = append(byName, key)
		}
	}
	if len(asked) == 0 {
		return nil, nil
	}
	var conds []string
	var args []any
	for _, l := range []struct {
		expr string
		vals []any
	}{{"lower(name)", byName}, {"id", byID}} {
		if len(l.vals) == 0 {
			continue
		}
		ph := make([]string, len(l.vals))
		for i, v := range l.vals {
			args = append(args, v)
			ph[i] = "$" + itoa(len(args))
		}
		conds = append(conds, l.expr+" IN ("+strings.Join(ph, ", ")+")")
	}
	rows, err := q.QueryContext(ctx, `SELECT id, lower(name) FROM organizations WHERE `+strings.Join(conds, " OR ")+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for key := range asked {
		names[key] = nil
	}
	var found []int64
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		key := "#" + strconv.FormatInt(id, 10)
		if asked[key] {
			names[key] = []int64{id}
			found = append(found, id)
		}
		if asked[name] && len(names[name]) < 2 {
			names[name] = append(names[name], id)
			found = append(found, id)
		}
	}
	return found, rows.Err()
}

// resolve returns the id of the organisation ref names (an id or an exact
// name, any case), or 0 with the reason.
func (names orgNames) resolve(ctx context.Context, q querier, ref string) (int64, sinergi.Text, error) {
	key, _ := orgKey(ref)
	ids, ok := names[key]
	if !ok {
		if _, err := names.prefetch(ctx, q, []string{ref}); err != nil {
			return 0, sinergi.Text{}, err
		}
		ids = names[key]
	}
	switch len(ids) {
	case 0:
		return 0, sinergi.T("Instansi tidak ditemukan: "+ref, "Organisation not found: "+ref), nil
	case 1:
		return ids[0], sinergi.Text{}, nil
	}
	return 0, sinergi.T("Nama instansi tidak tunggal, tulis ID-nya: "+ref, "The organisation name is ambiguous, write its id: "+ref), nil
}

// queryIDs returns the ids a query selects.
func queryIDs(ctx context.Context, q querier, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
