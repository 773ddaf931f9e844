package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// DataVersion returns the change counter of a table (see migration 0006):
// it changes whenever a transaction that wrote the table commits.
func (db *DB) DataVersion(ctx context.Context, table string) (int64, error) {
	var v int64
	err := db.SQL.QueryRowContext(ctx, `SELECT version FROM data_versions WHERE name = $1`, table).Scan(&v)
	return v, err
}

// NetworkTables are the tables the collaboration network is read from, each
// with a change counter (migrations 0006 and 0015).
var NetworkTables = []string{"organizations", "units", "activities", "agreements", "agreement_parties", "forums", "forum_members", "assistance_requests"}

// DataVersions returns the change counters of tables as one key, in the
// order given ("12.1.40…"): it changes whenever one of the tables does. A
// table without a counter is an error.
func (db *DB) DataVersions(ctx context.Context, tables ...string) (string, error) {
	ph := make([]string, len(tables))
	args := make([]any, len(tables))
	for i, t := range tables {
		ph[i], args[i] = "$"+strconv.Itoa(i+1), t
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT name, version FROM data_versions WHERE name IN (`+strings.Join(ph, ", ")+`)`, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	got := map[string]int64{}
	for rows.Next() {
		var name string
		var v int64
		if err := rows.Scan(&name, &v); err != nil {
			return "", err
		}
		got[name] = v
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	key := make([]string, len(tables))
	for i, t := range tables {
		v, ok := got[t]
		if !ok {
			return "", fmt.Errorf("no change counter for table %s", t)
		}
		key[i] = strconv.FormatInt(v, 10)
	}
	return strings.Join(key, "."), nil
}
