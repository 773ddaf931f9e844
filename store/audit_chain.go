package store

import (
	"context"
	"database/sql"
	"time"

	"sinergi"
	"sinergi/audit"
)

// auditChain appends entries to the audit log inside one transaction: the
// one way the store writes audit (appendAudit is a chain of one entry). It
// reads the chain head (locking it on PostgreSQL) at the first entry,
// numbers and hashes each entry exactly as one appendAudit after another
// would, inserts the entries in multi-row statements (auditBatch at a time)
// and writes the head back once, at flush. So a batch of n entries costs
// n/auditBatch INSERTs instead of 3n statements. Between the first append
// and the last flush no other audit write may happen in the transaction,
// and flush must run before it commits (VerifyAudit would find the head
// behind the log).
type auditChain struct {
	db       *DB
	tx       *sql.Tx
	loaded   bool
	lastID   int64
	lastHash string
	rows     [][]any // entries hashed, not yet inserted
	dirty    bool    // the head is behind the log
}

// auditBatch is how many entries a chain holds before inserting them.
const auditBatch = 500

var auditInsertCols = []string{"id", "at", "actor_id", "actor", "action", "entity", "entity_id", "before_data", "after_data", "prev_hash", "hash"}

func (db *DB) auditChain(tx *sql.Tx) *auditChain { return &auditChain{db: db, tx: tx} }

// append records one change (before and after marshalled to JSON, nil for none).
func (c *auditChain) append(ctx context.Context, action, entity string, entityID int64, before, after any) error {
	if !c.loaded {
		if err := c.tx.QueryRowContext(ctx, `SELECT last_id, last_hash FROM audit_head WHERE id = 1`+c.db.forUpdate()).Scan(&c.lastID, &c.lastHash); err != nil {
			return err
		}
		c.loaded = true
	}
	a := sinergi.ActorFrom(ctx)
	e := audit.Entry{ID: c.lastID + 1, PrevHash: c.lastHash,
		At: c.db.now().Format(time.RFC3339Nano), Actor: a.Label(), Action: action, Entity: entity, EntityID: entityID,
		Before: jsonText(before), After: jsonText(after),
	}
	if a != nil {
		e.ActorID = a.UserID
	}
	e.Hash = audit.Hash(e)
	c.rows = append(c.rows, []any{e.ID, e.At, e.ActorID, e.Actor, e.Action, e.Entity, e.EntityID, e.Before, e.After, e.PrevHash, e.Hash})
	c.lastID, c.lastHash, c.dirty = e.ID, e.Hash, true
	if len(c.rows) >= auditBatch {
		return c.insert(ctx)
	}
	return nil
}

// insert writes the entries held.
func (c *auditChain) insert(ctx context.Context) error {
	if len(c.rows) == 0 {
		return nil
	}
	_, err := c.db.insertRows(ctx, c.tx, "audit_log", auditInsertCols, c.rows, "")
	c.rows = c.rows[:0]
	return err
}

// flush writes the entries held and the chain head; nothing when nothing
// was appended since the last flush.
func (c *auditChain) flush(ctx context.Context) error {
	if !c.dirty {
		return nil
	}
	if err := c.insert(ctx); err != nil {
		return err
	}
	_, err := c.tx.ExecContext(ctx, `UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE id = 1`, c.lastID, c.lastHash)
	c.dirty = false
	return err
}
