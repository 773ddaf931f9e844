package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"sinergi"
	"sinergi/kerjasama"
	"sinergi/search"
)

// The registry's search (issue 5 item 9): agreements.search_text holds the
// folded words (package search) of the title, the scope, the names of the
// urusan and of the parties (organisation name and acronym, unit name).
// Migration 0013 indexes it — SQLite: the FTS5 table agreements_fts kept by
// triggers; PostgreSQL: the generated tsvector search_vector with a GIN
// index — so "every query word begins a word of the record" is an index
// lookup on both engines. The text is written with the agreement and
// rewritten, in the same transaction, when a party's or unit's name changes.

// agreementSearchText is the search text of an agreement from its title,
// scope, urusan codes and the names of its parties.
func agreementSearchText(title, scope string, urusan, names []string) string {
	parts := append([]string{title, scope}, names...)
	for _, u := range urusan {
		if x, ok := sinergi.LookupUrusan(u); ok {
			parts = append(parts, x.Name.ID)
		}
	}
	return search.Text(parts...)
}

// addSearch adds the condition "matches q" to w: every word of q begins a
// word of the agreement's search text. A q without a word matches nothing.
func (db *DB) addSearch(w *where, q string) {
	terms := search.Terms(q)
	switch {
	case len(terms) == 0:
		w.add(`1 = 0`)
	case db.Dialect == Postgres:
		// A literal, not a parameter: with a parameter PostgreSQL soon
		// switches the prepared statement to a generic plan, which cannot
		// know how rare the words are and walks the whole table backwards
		// by id for a rare word (80 ms instead of 0.5 ms at 100,000). The
		// terms are letters and numbers only (package search), and the
		// literal is quoted as SQL quotes it anyway.
		w.add(`a.search_vector @@ '` + strings.ReplaceAll(search.TSQuery(terms), "'", "''") + `'::tsquery`)
	default:
		w.add(`a.id IN (SELECT rowid FROM agreements_fts WHERE agreements_fts MATCH ?)`, search.FTS5(terms))
	}
}

// countAgreements counts the agreements w selects. When the search is the
// only condition, SQLite counts the index's matches (every agreement is in
// it once) instead of looking each match up in agreements.
func (db *DB) countAgreements(ctx context.Context, w where, searchOnly bool) (int, error) {
	var n int
	q := `SELECT count(*) FROM agreements a` + w.String()
	if searchOnly && db.Dialect == SQLite {
		q = `SELECT count(*) FROM agreements_fts WHERE agreements_fts MATCH $1`
	}
	err := db.SQL.QueryRowContext(ctx, q, w.args...).Scan(&n)
	return n, err
}

// inList is "$n, $n+1, …" for the ids, appended to args.
func inList(args *[]any, ids []int64) string {
	var b strings.Builder
	for i, id := range ids {
		*args = append(*args, id)
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("$" + itoa(len(*args)))
	}
	return b.String()
}

// refreshAgreementSearch rewrites the search text of the agreements from
// their stored title, scope, urusan and parties (after a party or unit is
// renamed, and by migration 0013 for the rows written before it).
func (db *DB) refreshAgreementSearch(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		type doc struct {
			title, scope, urusan, old string
			names                     []string
		}
		docs := map[int64]*doc{}
		var args []any
		in := inList(&args, chunk)
		rows, err := tx.QueryContext(ctx, `SELECT id, title, scope, urusan, search_text FROM agreements WHERE id IN (`+in+`)`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			d := &doc{}
			if err := rows.Scan(&id, &d.title, &d.scope, &d.urusan, &d.old); err != nil {
				rows.Close()
				return err
			}
			docs[id] = d
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = tx.QueryContext(ctx, `SELECT p.agreement_id, o.name, o.acronym, COALESCE(u.name, '') FROM agreement_parties p
			JOIN organizations o ON o.id = p.organization_id LEFT JOIN units u ON u.id = p.unit_id
			WHERE p.agreement_id IN (`+in+`) ORDER BY p.agreement_id, p.position`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var name, acronym, unit string
			if err := rows.Scan(&id, &name, &acronym, &unit); err != nil {
				rows.Close()
				return err
			}
			if d := docs[id]; d != nil {
				d.names = append(d.names, unit, name, acronym)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for id, d := range docs {
			var urusan []string
			if err := json.Unmarshal([]byte(d.urusan), &urusan); err != nil {
				return err
			}
			text := agreementSearchText(d.title, d.scope, urusan, d.names)
			if text == d.old {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE agreements SET search_text = $1 WHERE id = $2`, text, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// refreshAgreementSearchOf rewrites the search text of the agreements a
// party organisation (col "organization_id") or unit (col "unit_id") is in.
func (db *DB) refreshAgreementSearchOf(ctx context.Context, tx *sql.Tx, col string, id int64) error {
	ids, err := agreementIDsOf(ctx, tx, col, id)
	if err != nil {
		return err
	}
	return db.refreshAgreementSearch(ctx, tx, ids)
}

func agreementIDsOf(ctx context.Context, q querier, col string, id int64) ([]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT agreement_id FROM agreement_parties WHERE `+col+` = $1`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var x int64
		if err := rows.Scan(&x); err != nil {
			return nil, err
		}
		ids = append(ids, x)
	}
	return ids, rows.Err()
}

// refreshAllAgreementSearch is the Go step of migration 0013: the search
// text of every agreement in the folded form.
func refreshAllAgreementSearch(ctx context.Context, db *DB, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM agreements ORDER BY id`)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return db.refreshAgreementSearch(ctx, tx, ids)
}

// fillAgreements loads the parties, stages and obligations of agreements
// with one query each (not per agreement) and works out the shown status,
// days left and monitoring authority.
func (db *DB) fillAgreements(ctx context.Context, q querier, as []*sinergi.Agreement) error {
	if len(as) == 0 {
		return nil
	}
	byID := make(map[int64]*sinergi.Agreement, len(as))
	ids := make([]int64, len(as))
	for i, a := range as {
		byID[a.ID], ids[i] = a, a.ID
		a.Parties, a.Stages, a.Obligations = []sinergi.AgreementParty{}, []sinergi.AgreementStage{}, []sinergi.Obligation{}
	}
	var args []any
	in := inList(&args, ids)
	// parties
	rows, err := q.QueryContext(ctx, `SELECT p.agreement_id, p.organization_id, o.name, o.sector, o.region_code, p.unit_id, COALESCE(u.name, ''), p.role, p.signatories
		FROM agreement_parties p JOIN organizations o ON o.id = p.organization_id LEFT JOIN units u ON u.id = p.unit_id
		WHERE p.agreement_id IN (`+in+`) ORDER BY p.agreement_id, p.position`, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var p sinergi.AgreementParty
		var sig string
		if err := rows.Scan(&id, &p.OrganizationID, &p.OrganizationName, &p.Sector, &p.RegionCode, &p.UnitID, &p.UnitName, &p.Role, &sig); err != nil {
			rows.Close()
			return err
		}
		if err := json.Unmarshal([]byte(sig), &p.Signatories); err != nil {
			rows.Close()
			return err
		}
		if p.Signatories == nil {
			p.Signatories = []sinergi.Signatory{}
		}
		byID[id].Parties = append(byID[id].Parties, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	// stages
	rows, err = q.QueryContext(ctx, `SELECT agreement_id, code, required, done_on, document_ref, note, completed_by, completed_at
		FROM agreement_stages WHERE agreement_id IN (`+in+`) ORDER BY agreement_id, position`, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var s sinergi.AgreementStage
		if err := rows.Scan(&id, &s.Code, &s.Required, &s.Date, &s.DocumentRef, &s.Note, &s.CompletedBy, &s.CompletedAt); err != nil {
			rows.Close()
			return err
		}
		s.Done = s.Date != ""
		s.CompletedAt = utcp(s.CompletedAt)
		byID[id].Stages = append(byID[id].Stages, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	// obligations
	today := db.ksToday()
	day := today.Format(time.DateOnly)
	rows, err = q.QueryContext(ctx, `SELECT b.agreement_id, b.id, b.organization_id, o.name, b.description, b.due_date, b.done_on, b.done_note
		FROM agreement_obligations b JOIN organizations o ON o.id = b.organization_id WHERE b.agreement_id IN (`+in+`) ORDER BY b.agreement_id, b.position`, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var o sinergi.Obligation
		if err := rows.Scan(&id, &o.ID, &o.OrganizationID, &o.OrganizationName, &o.Description, &o.DueDate, &o.DoneOn, &o.DoneNote); err != nil {
			rows.Close()
			return err
		}
		a := byID[id]
		o.Overdue = o.DoneOn == "" && o.DueDate != "" && o.DueDate < day && a.Status != sinergi.AgreementTerminated
		a.Obligations = append(a.Obligations, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, a := range as {
		deriveAgreement(a, today)
	}
	return nil
}

// deriveAgreement works out what an agreement shows from what is stored:
// the status (expiring and expired from the end date), the days left and
// the monitoring authority.
func deriveAgreement(a *sinergi.Agreement, today time.Time) {
	a.Status = kerjasama.Status(a.Status, a.EndDate, today, AgreementConfig.ExpiringDays)
	a.DaysLeft = nil
	if a.Status != sinergi.AgreementTerminated && a.Status != sinergi.AgreementExpired {
		if n, ok := kerjasama.DaysLeft(a.EndDate, today); ok {
			a.DaysLeft = &n
		}
	}
	a.Monitoring = kerjasama.Monitor(a.Kind, rulesParties(a.Parties))
}
