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

// importRows runs an import. one reads, checks and stores one row: it
// returns the new record's id, or 0 with the row's problems in p, or an
// error for a failure that is not the row's. finish (if not nil) runs after
// the last row, in the same transaction.
func (db *DB) importRows(ctx context.Context, spec *importSpec, rows []sheet.Row, mode sheet.Mode,
	one func(tx *sql.Tx, r sheet.Row, p *rowProblems) (int64, error), finish func(tx *sql.Tx) error) (*sheet.Report, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if mode == "" {
		mode = sheet.AllOrNothing
	}
	if mode != sheet.AllOrNothing && mode != sheet.ValidOnly {
		return nil, fieldErr("mode", "Mode impor harus all_or_nothing atau valid_only", "mode must be all_or_nothing or valid_only")
	}
	rep := &sheet.Report{Mode: mode, Rows: len(rows), IDs: []int64{}, Problems: []sheet.Problem{}}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		for _, r := range rows {
			p := &rowProblems{spec: spec, line: r.Line}
			id, err := one(tx, r, p)
			if err != nil {
				return err
			}
			if len(p.list) == 0 && id != 0 {
				rep.Valid++
				rep.IDs = append(rep.IDs, id)
			}
			rep.Problems = append(rep.Problems, p.list...)
		}
		if len(rep.Problems) > 0 && mode == sheet.AllOrNothing {
			return errImportRollback
		}
		if finish != nil {
			return finish(tx)
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
	return rep, nil
}

// orgNames resolves organisations named in an import by id or by exact name
// (any case), remembering the names already looked up.
type orgNames map[string][]int64

// resolve returns the id of the organisation ref names (an id or an exact
// name, any case), or 0 with the reason.
func (names orgNames) resolve(ctx context.Context, q querier, ref string) (int64, sinergi.Text, error) {
	key, query, arg := strings.ToLower(ref), `SELECT id FROM organizations WHERE lower(name) = $1 ORDER BY id LIMIT 2`, any(strings.ToLower(ref))
	if n, err := strconv.ParseInt(ref, 10, 64); err == nil && n > 0 {
		key, query, arg = "#"+ref, `SELECT id FROM organizations WHERE id = $1`, n
	}
	ids, ok := names[key]
	if !ok {
		var err error
		if ids, err = queryIDs(ctx, q, query, arg); err != nil {
			return 0, sinergi.Text{}, err
		}
		names[key] = ids
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
