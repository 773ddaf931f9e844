package store

import "context"

// DataVersion returns the change counter of a table (see migration 0006):
// it changes whenever a transaction that wrote the table commits.
func (db *DB) DataVersion(ctx context.Context, table string) (int64, error) {
	var v int64
	err := db.SQL.QueryRowContext(ctx, `SELECT version FROM data_versions WHERE name = $1`, table).Scan(&v)
	return v, err
}
