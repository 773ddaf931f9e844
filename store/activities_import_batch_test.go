package store_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"sinergi/sheet"
	"sinergi/store"
)

// An activity import over several batches (500 rows each) read from the
// file as a stream stores every valid row in file order with its audit
// entry and the chain intact; a problem in the last batch reports its
// spreadsheet row, and all_or_nothing mode then stores nothing.
func TestActivityImportAcrossBatches(t *testing.T) {
	e := newActImport(t)
	var b strings.Builder
	b.WriteString("type,from_org,to_org,date,description\n")
	const n = 1203
	for i := range n {
		fmt.Fprintf(&b, "giving_training,%s,%d,01/02/2026,Pelatihan ke-%d\n", e.maros.Name, e.unsulbar.ID, i+1)
	}
	file := b.String()
	bad := file + "giving_training,Pemerintah Kabupaten Atlantis,2,01/02/2026,Tidak ada\n"
	rep, err := e.db.ImportActivitiesFile(e.marosCtx, []byte(bad), sheet.AllOrNothing)
	if err != nil || rep.Format != "csv" || rep.Rows != n+1 || rep.Valid != n || rep.Imported != 0 || len(rep.Problems) != 1 ||
		rep.Problems[0].Row != n+2 || rep.Problems[0].Column != "from_org" {
		t.Fatalf("all or nothing: %v %+v", err, rep.Problems)
	}
	if c := e.count(t); c != 0 {
		t.Fatalf("all or nothing stored %d", c)
	}
	rep, err = e.db.ImportActivitiesFile(e.marosCtx, []byte(file), sheet.AllOrNothing)
	if err != nil || rep.Imported != n || len(rep.IDs) != n {
		t.Fatalf("import: %v %+v", err, rep.Problems)
	}
	for i, id := range rep.IDs {
		if i > 0 && id <= rep.IDs[i-1] {
			t.Fatalf("ids out of file order at %d", i)
		}
	}
	last, err := e.db.Activity(e.marosCtx, rep.IDs[n-1])
	if err != nil || last.Description != fmt.Sprintf("Pelatihan ke-%d", n) || last.ToOrgID != e.unsulbar.ID {
		t.Errorf("last row: %v %+v", err, last)
	}
	audited, err := e.db.AuditEntries(sys, store.AuditFilter{Entity: "activity", Limit: 1})
	if err != nil || audited.Total != n || audited.Items[0].EntityID != rep.IDs[n-1] {
		t.Errorf("audit: %v %d entries", err, audited.Total)
	}
	if _, err := e.db.VerifyAudit(sys); err != nil {
		t.Errorf("chain: %v", err)
	}
	var se *sheet.Error
	if _, err := e.db.ImportActivitiesFile(e.marosCtx, []byte("type\nx\n"), sheet.AllOrNothing); !errors.As(err, &se) {
		t.Errorf("a file without the required columns: %v", err)
	}
}
