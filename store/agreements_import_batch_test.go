package store_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"sinergi/audit"
	"sinergi/sheet"
	"sinergi/store"
)

// An import larger than one batch (500 rows) reports each problem on its
// own row, writes the valid rows in file order with one audit entry each,
// checks a row with a parent after writing the rows before it, and in
// all_or_nothing mode stores nothing. The file is read as a stream (ImportAgreementsFile).
func TestAgreementImportAcrossBatches(t *testing.T) {
	e := newKS(t)
	var b strings.Builder
	b.WriteString("kind,title,parties,start_date,end_date\n")
	for i := range 1200 {
		parties := "Pemerintah Kabupaten Maros; Pemerintah Kabupaten Barru"
		switch i {
		case 776:
			parties = "Pemerintah Kabupaten Maros; Kabupaten Fiktif"
		case 1100:
			parties = fmt.Sprint(e.maros.ID) + ";" + fmt.Sprint(e.pangkep.ID)
		}
		fmt.Fprintf(&b, "KSDD,Jalan akses stasiun nomor %d,\"%s\",2026-01-01,2027-01-01\n", i+1, parties)
	}
	file := []byte(b.String())
	rep, err := e.db.ImportAgreementsFile(e.marosCtx, file, sheet.AllOrNothing)
	if err != nil || rep.Imported != 0 || rep.Valid != 1199 || len(rep.Problems) != 1 || e.count(t) != 0 {
		t.Fatalf("all or nothing: %+v, %v, %d stored", rep, err, e.count(t))
	}
	rep, err = e.db.ImportAgreementsFile(e.marosCtx, file, sheet.ValidOnly)
	if err != nil || rep.Format != "csv" || rep.Rows != 1200 || rep.Imported != 1199 || len(rep.IDs) != 1199 {
		t.Fatalf("valid only: %+v, %v", rep, err)
	}
	if p := rep.Problems[0]; p.Row != 778 || p.Column != "parties" || !strings.Contains(p.Reason, "Kabupaten Fiktif") {
		t.Errorf("problem %+v, want row 778 (the header is row 1), parties", p)
	}
	if !slices.IsSorted(rep.IDs) {
		t.Errorf("ids not in file order")
	}
	// The audit entries (encoded and hashed while the next rows are
	// checked) follow the insertion order: entity ids in file order, one
	// entry each, each holding its agreement.
	var audited []audit.Entry
	for off := 0; ; off += 200 {
		l, err := e.db.AuditEntries(ksSys, store.AuditFilter{Entity: "agreement", Offset: off, Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		audited = append(audited, l.Items...)
		if len(l.Items) < 200 {
			break
		}
	}
	slices.Reverse(audited) // oldest first
	if len(audited) != len(rep.IDs) {
		t.Fatalf("%d audit entries for %d agreements", len(audited), len(rep.IDs))
	}
	for i, x := range audited {
		row := i + 1
		if i >= 776 {
			row++ // row 777 had the problem
		}
		if x.EntityID != rep.IDs[i] || i > 0 && x.ID != audited[i-1].ID+1 || x.Action != "create" ||
			!strings.Contains(x.After, fmt.Sprintf(`"title":"Jalan akses stasiun nomor %d"`, row)) {
			t.Fatalf("audit entry %d: %+v, want agreement %d (row %d)", i, x, rep.IDs[i], row)
		}
	}
	a, err := e.db.Agreement(e.marosCtx, rep.IDs[1099]) // file row 1102: its parties by id
	if err != nil || a.Title != "Jalan akses stasiun nomor 1101" || a.Parties[1].OrganizationName != e.pangkep.Name {
		t.Errorf("row 1102: %+v, %v", a, err)
	}
	// A parent from an earlier import: an IA under an MoA under an MoU.
	head := "kind,title,parties,start_date,end_date,parent_id\n"
	uni := "Universitas Sulawesi Barat; Universitas Gadjah Mada"
	rep, err = e.db.ImportAgreementsFile(ksSys, []byte(head+"MOU,MoU Unsulbar UGM,\""+uni+"\",2026-01-01,2029-12-31,\n"), sheet.AllOrNothing)
	if err != nil || rep.Imported != 1 {
		t.Fatalf("MoU: %+v, %v", rep, err)
	}
	moa := fmt.Sprintf("MOU,MoU kedua,\"%s\",2026-01-01,2029-12-31,\nMOA,MoA Fakultas Peternakan,\"%s\",2026-02-01,2028-12-31,%d\n", uni, uni, rep.IDs[0])
	rep, err = e.db.ImportAgreementsFile(ksSys, []byte(head+moa), sheet.AllOrNothing)
	if err != nil || rep.Imported != 2 {
		t.Fatalf("MoA under the MoU: %+v, %v", rep, err)
	}
	if n, err := e.db.VerifyAudit(t.Context()); err != nil || n < 1201 {
		t.Errorf("audit: %d entries, %v", n, err)
	}
}
