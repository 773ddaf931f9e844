package store

import (
	"context"
	"database/sql"
	"time"

	"sinergi"
	"sinergi/audit"
)

// auditChain appends entries to the audit log inside one transaction. It
// reads the chain head (locking it on PostgreSQL) at the first entry and
// writes it back at flush, so a batch costs one INSERT per entry instead of
// three statements; the entries are numbered and hashed exactly as one
// appendAudit after another would. Between the first append and flush no
// other audit write may happen in the transaction, and flush must run
// before it commits (VerifyAudit would find the head behind the log).
type auditChain struct {
	db       *DB
	tx       *sql.Tx
	loaded   bool
	lastID   int64
	lastHash string
	dirty    bool
}

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
	if _, err := c.tx.ExecContext(ctx, `INSERT INTO audit_log (id, at, actor_id, actor, action, entity, entity_id, before_data, after_data, prev_hash, hash)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		e.ID, e.At, e.ActorID, e.Actor, e.Action, e.Entity, e.EntityID, e.Before, e.After, e.PrevHash, e.Hash); err != nil {
		return err
	}
	c.lastID, c.lastHash, c.dirty = e.ID, e.Hash, true
	return nil
}

// flush writes the chain head back; nothing when nothing was appended.
func (c *auditChain) flush(ctx context.Context) error {
	if !c.dirty {
		return nil
	}
	_, err := c.tx.ExecContext(ctx, `UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE id = 1`, c.lastID, c.lastHash)
	c.dirty = false
	return err
}
