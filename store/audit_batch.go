package store

import (
	"context"
	"database/sql"
	"time"

	"sinergi"
	"sinergi/audit"
)

// auditItem is one change to record: an entry of its own in the chain.
type auditItem struct {
	action, entity string
	id             int64
	before, after  any
}

// appendAudits records several changes of one transaction, one chained
// entry each (as appendAudit would, one after the other), reading and
// moving the chain head once and inserting the entries in multi-row
// statements.
func (db *DB) appendAudits(ctx context.Context, tx *sql.Tx, items []auditItem) error {
	if len(items) == 0 {
		return nil
	}
	a := sinergi.ActorFrom(ctx)
	var lastID int64
	var prev string
	if err := tx.QueryRowContext(ctx, `SELECT last_id, last_hash FROM audit_head WHERE id = 1`+db.forUpdate()).Scan(&lastID, &prev); err != nil {
		return err
	}
	at := db.now().Format(time.RFC3339Nano)
	rows := make([][]any, len(items))
	for i, it := range items {
		e := audit.Entry{ID: lastID + 1 + int64(i), At: at, Actor: a.Label(), Action: it.action, Entity: it.entity, EntityID: it.id,
			Before: jsonText(it.before), After: jsonText(it.after), PrevHash: prev}
		if a != nil {
			e.ActorID = a.UserID
		}
		e.Hash = audit.Hash(e)
		prev = e.Hash
		rows[i] = []any{e.ID, e.At, e.ActorID, e.Actor, e.Action, e.Entity, e.EntityID, e.Before, e.After, e.PrevHash, e.Hash}
	}
	if _, err := db.insertRows(ctx, tx, "audit_log", []string{"id", "at", "actor_id", "actor", "action", "entity", "entity_id", "before_data", "after_data", "prev_hash", "hash"}, rows, ""); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE id = 1`, lastID+int64(len(items)), prev)
	return err
}
