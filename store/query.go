package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// where builds a WHERE clause with numbered placeholders ($1, $2, …), the
// form both engines accept.
type where struct {
	conds []string
	args  []any
}

// add appends a condition; each "?" in cond becomes the next placeholder.
func (w *where) add(cond string, args ...any) {
	for _, a := range args {
		w.args = append(w.args, a)
		cond = strings.Replace(cond, "?", fmt.Sprintf("$%d", len(w.args)), 1)
	}
	w.conds = append(w.conds, cond)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func limitClause(_ int, offset, limit int) string {
	return fmt.Sprintf(" LIMIT %d OFFSET %d", limit, offset)
}

// likePattern escapes s for a LIKE … ESCAPE '\' substring match.
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.ToLower(s)) + "%"
}

func itoa(n int) string { return strconv.Itoa(n) }

// insertRows writes rows (each len(cols) values) into table with multi-row
// INSERTs of at most 30,000 parameters (under both engines' limits). The
// placeholders are $n on PostgreSQL and ? on SQLite, whose parser and
// binder look each $n up in a list, which makes long statements of $n
// quadratic. With
// returning ("id"), it returns that column of the inserted rows, ascending:
// ids are assigned in the order of the VALUES list, so the i-th id is the
// i-th row's.
func (db *DB) insertRows(ctx context.Context, tx *sql.Tx, table string, cols []string, rows [][]any, returning string) ([]int64, error) {
	var ids []int64
	per := max(1, 30000/len(cols))
	var sb strings.Builder
	for len(rows) > 0 {
		chunk := rows[:min(per, len(rows))]
		rows = rows[len(chunk):]
		sb.Reset()
		sb.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
		args := make([]any, 0, len(chunk)*len(cols))
		for i, r := range chunk {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteByte('(')
			for j, v := range r {
				if j > 0 {
					sb.WriteString(", ")
				}
				args = append(args, v)
				if db.Dialect == Postgres {
					sb.WriteString("$" + strconv.Itoa(len(args)))
				} else {
					sb.WriteByte('?')
				}
			}
			sb.WriteByte(')')
		}
		if returning == "" {
			if _, err := tx.ExecContext(ctx, sb.String(), args...); err != nil {
				return nil, err
			}
			continue
		}
		res, err := tx.QueryContext(ctx, sb.String()+" RETURNING "+returning, args...)
		if err != nil {
			return nil, err
		}
		first := len(ids)
		for res.Next() {
			var id int64
			if err := res.Scan(&id); err != nil {
				res.Close()
				return nil, err
			}
			ids = append(ids, id)
		}
		res.Close()
		if err := res.Err(); err != nil {
			return nil, err
		}
		if len(ids)-first != len(chunk) {
			return nil, fmt.Errorf("insert into %s: %d rows returned for %d", table, len(ids)-first, len(chunk))
		}
		slices.Sort(ids[first:])
	}
	return ids, nil
}
