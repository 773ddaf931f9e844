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
	// ahead lets appendAll encode and hash its entries in a goroutine
	// while the transaction goes on (the import's; the values given must
	// not change afterwards); pending is that work, not yet in rows.
	ahead   bool
	pending *auditWork
}

// auditWork is a batch of entries being encoded and hashed in a goroutine:
// rows and the last hash once done is closed.
type auditWork struct {
	done chan struct{}
	rows [][]any
	last string
}

// auditBatch is how many entries a chain holds before inserting them.
const auditBatch = 500

var auditInsertCols = []string{"id", "at", "actor_id", "actor", "action", "entity", "entity_id", "before_data", "after_data", "prev_hash", "hash"}

func (db *DB) auditChain(tx *sql.Tx) *auditChain { return &auditChain{db: db, tx: tx} }

// load reads the chain head once and takes in the work done ahead.
func (c *auditChain) load(ctx context.Context) error {
	if !c.loaded {
		if err := c.tx.QueryRowContext(ctx, `SELECT last_id, last_hash FROM audit_head WHERE id = 1`+c.db.forUpdate()).Scan(&c.lastID, &c.lastHash); err != nil {
			return err
		}
		c.loaded = true
	}
	if w := c.pending; w != nil {
		<-w.done
		c.rows = append(c.rows, w.rows...)
		c.lastHash, c.pending = w.last, nil
	}
	return nil
}

// entry is a change as an entry of the chain, not hashed yet.
func (c *auditChain) entry(ctx context.Context, action, entity string, entityID int64) audit.Entry {
	a := sinergi.ActorFrom(ctx)
	e := audit.Entry{At: c.db.now().Format(time.RFC3339Nano), Actor: a.Label(), Action: action, Entity: entity, EntityID: entityID}
	if a != nil {
		e.ActorID = a.UserID
	}
	return e
}

// seal numbers and hashes e after prev and returns it as a row.
func seal(e *audit.Entry, id int64, prev string) []any {
	e.ID, e.PrevHash = id, prev
	e.Hash = audit.Hash(*e)
	return []any{e.ID, e.At, e.ActorID, e.Actor, e.Action, e.Entity, e.EntityID, e.Before, e.After, e.PrevHash, e.Hash}
}

// append records one change (before and after marshalled to JSON, nil for none).
func (c *auditChain) append(ctx context.Context, action, entity string, entityID int64, before, after any) error {
	if err := c.load(ctx); err != nil {
		return err
	}
	e := c.entry(ctx, action, entity, entityID)
	e.Before, e.After = jsonText(before), jsonText(after)
	c.rows = append(c.rows, seal(&e, c.lastID+1, c.lastHash))
	c.lastID, c.lastHash, c.dirty = e.ID, e.Hash, true
	if len(c.rows) >= auditBatch {
		return c.insert(ctx)
	}
	return nil
}

// appendAll records one change per entity (no before; after[i] for
// ids[i]), in order, as append one after another does. With ahead set the
// entries are encoded and hashed in a goroutine, and taken in by the next
// append, appendAll or flush.
func (c *auditChain) appendAll(ctx context.Context, action, entity string, ids []int64, after []any) error {
	if !c.ahead {
		for i, id := range ids {
			if err := c.append(ctx, action, entity, id, nil, after[i]); err != nil {
				return err
			}
		}
		return nil
	}
	if err := c.load(ctx); err != nil {
		return err
	}
	if len(c.rows) >= auditBatch {
		if err := c.insert(ctx); err != nil {
			return err
		}
	}
	es := make([]audit.Entry, len(ids))
	for i, id := range ids {
		es[i] = c.entry(ctx, action, entity, id)
	}
	w := &auditWork{done: make(chan struct{})}
	first, prev := c.lastID+1, c.lastHash
	go func() {
		defer close(w.done)
		w.rows = make([][]any, len(es))
		for i := range es {
			es[i].After = jsonText(after[i])
			w.rows[i] = seal(&es[i], first+int64(i), prev)
			prev = es[i].Hash
		}
		w.last = prev
	}()
	c.pending, c.lastID, c.dirty = w, c.lastID+int64(len(ids)), true
	return nil
}

// insert writes the entries held.
func (c *auditChain) insert(ctx context.Context) error {
	if err := c.load(ctx); err != nil {
		return err
	}
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
