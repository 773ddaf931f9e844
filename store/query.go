package store

import (
	"fmt"
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
