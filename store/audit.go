package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"sinergi"
	"sinergi/audit"
)

// appendAudit records a change in the same transaction as the change itself.
// before and after are marshalled to JSON (nil for none). A batch of
// entries in one transaction uses one auditChain (audit_chain.go).
func (db *DB) appendAudit(ctx context.Context, tx *sql.Tx, action, entity string, entityID int64, before, after any) error {
	c := db.auditChain(tx)
	if err := c.append(ctx, action, entity, entityID, before, after); err != nil {
		return err
	}
	return c.flush(ctx)
}

func jsonText(v any) string {
	if v == nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return ""
	}
	return string(b)
}

const auditCols = `id, at, COALESCE(actor_id, 0), actor, action, entity, COALESCE(entity_id, 0), COALESCE(before_data, ''), COALESCE(after_data, ''), prev_hash, hash`

func scanAudit(rows *sql.Rows) (audit.Entry, error) {
	var e audit.Entry
	err := rows.Scan(&e.ID, &e.At, &e.ActorID, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Before, &e.After, &e.PrevHash, &e.Hash)
	return e, err
}

// VerifyAudit walks the whole log and checks the chain and its head. It
// returns the number of entries checked; a broken chain is an *audit.Broken.
func (db *DB) VerifyAudit(ctx context.Context) (int, error) {
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+auditCols+` FROM audit_log ORDER BY id`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var v audit.Verifier
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return v.Checked, err
		}
		if err := v.Next(e); err != nil {
			return v.Checked, err
		}
	}
	if err := rows.Err(); err != nil {
		return v.Checked, err
	}
	var headID int64
	var headHash string
	if err := db.SQL.QueryRowContext(ctx, `SELECT last_id, last_hash FROM audit_head WHERE id = 1`).Scan(&headID, &headHash); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return v.Checked, &audit.Broken{Reason: "the chain head row is missing"}
		}
		return v.Checked, err
	}
	return v.Checked, v.End(headID, headHash)
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	Entity   string
	EntityID int64
	Offset   int
	Limit    int
}

// AuditEntries lists entries, newest first. System admins only.
func (db *DB) AuditEntries(ctx context.Context, f AuditFilter) (sinergi.List[audit.Entry], error) {
	out := sinergi.List[audit.Entry]{Items: []audit.Entry{}}
	if !sinergi.CanReadAudit(sinergi.ActorFrom(ctx)) {
		return out, sinergi.Forbidden()
	}
	out.Offset, out.Limit = sinergi.ClampPage(f.Offset, f.Limit)
	where, args := " WHERE 1=1", []any{}
	if f.Entity != "" {
		args = append(args, f.Entity)
		where += " AND entity = $1"
		if f.EntityID != 0 {
			args = append(args, f.EntityID)
			where += " AND entity_id = $2"
		}
	}
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM audit_log`+where, args...).Scan(&out.Total); err != nil {
		return out, err
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+auditCols+` FROM audit_log`+where+` ORDER BY id DESC `+limitClause(len(args), out.Offset, out.Limit), args...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	a := sinergi.ActorFrom(ctx)
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, redactAudit(a, e))
	}
	return out, rows.Err()
}

// redactAudit hides the before and after data of entries about records
// classified rahasia from readers not entitled to them (system admins read
// the audit log but not secrets: sinergi.CanRead). The stored rows stay as
// they are, so the chain still verifies.
func redactAudit(a *sinergi.Actor, e audit.Entry) audit.Entry {
	for _, d := range []*string{&e.Before, &e.After} {
		var c struct {
			Classification sinergi.Classification `json:"classification"`
		}
		if *d != "" && json.Unmarshal([]byte(*d), &c) == nil && c.Classification == sinergi.Rahasia && !sinergi.CanRead(a, sinergi.Rahasia, nil) {
			*d = `{"classification":"rahasia","redacted":true}`
		}
	}
	return e
}
