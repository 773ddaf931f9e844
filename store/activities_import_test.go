package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"sinergi"
	"sinergi/sheet"
	"sinergi/store"
	"sinergi/store/storetest"
)

type actImport struct {
	db                    *store.DB
	maros, unsulbar, pare *sinergi.Organization
	bappeda               *sinergi.Unit
	marosCtx              context.Context
}

func newActImport(t testing.TB) *actImport {
	t.Helper()
	db := storetest.Open(t)
	e := &actImport{db: db}
	org := func(name string, s sinergi.Sector, region string) *sinergi.Organization {
		o, err := db.CreateOrganization(sys, sinergi.OrganizationInput{Name: name, Sector: s, RegionCode: region})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	e.maros = org("Pemerintah Kabupaten Maros", sinergi.SectorRegencyGovernment, "73.09")
	e.unsulbar = org("Universitas Sulawesi Barat", sinergi.SectorPublicUniversity, "76.05")
	e.pare = org("Pemerintah Kota Parepare", sinergi.SectorCityGovernment, "73.72")
	var err error
	if e.bappeda, err = db.CreateUnit(sys, e.maros.ID, sinergi.UnitInput{Name: "Bappelitbangda", Kind: "opd"}); err != nil {
		t.Fatal(err)
	}
	e.marosCtx = actor(21, e.maros.ID, sinergi.RoleMember)
	return e
}

func (e *actImport) run(t *testing.T, csv string, mode sheet.Mode) *sheet.Report {
	t.Helper()
	rows, format, err := sheet.Activities.Read([]byte(csv))
	if err != nil || format != "csv" {
		t.Fatalf("read: %v %s", err, format)
	}
	rep, err := e.db.ImportActivities(e.marosCtx, rows, mode)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func (e *actImport) count(t *testing.T) int {
	t.Helper()
	l, err := e.db.Activities(e.marosCtx, sinergi.ActivityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return l.Total
}

func TestActivityImportRows(t *testing.T) {
	e := newActImport(t)
	id := func(o *sinergi.Organization) string { return ksItoa(o.ID) }
	file := "type;from_org;from_unit;to_org;to_unit;date;description;evidence;value_rupiah;agreement_id;forum_id;assistance_request_id\n" +
		"giving_training;universitas sulawesi barat;;Pemerintah Kabupaten Maros;Bappelitbangda;31/03/2026;Pelatihan perencanaan;Surat 1;Rp15.000.000;;;\n" +
		"informal_cooperation;" + id(e.maros) + ";" + ksItoa(e.bappeda.ID) + ";" + id(e.pare) + ";;2026-04-02;Rapat koordinasi;;;;;\n" +
		"sharing;Kabupaten Antah Berantah;;" + id(e.pare) + ";;31/02/2026;Berbagi;;lima juta;x;;\n" +
		"training;" + id(e.unsulbar) + ";;" + id(e.pare) + ";;2026-05-01;Bukan urusan Maros;;;;;\n" +
		"joint_planning;" + id(e.maros) + ";;" + id(e.pare) + ";Dinas Tidak Ada;2026-05-01;Perencanaan;;;;;\n" +
		"joint_planning;" + id(e.maros) + ";;" + id(e.pare) + ";;2026-05-01;Perencanaan;;;;999;\n" +
		"equipment;" + id(e.maros) + ";;" + id(e.maros) + ";;2026-05-01;;;;;;\n" +
		"training;999999;Bappelitbangda;" + id(e.maros) + ";;2026-05-01;Pelatihan;;;;;\n"
	rep := e.run(t, file, sheet.AllOrNothing)
	if rep.Rows != 8 || rep.Imported != 0 || rep.Valid != 2 || len(rep.IDs) != 0 || e.count(t) != 0 {
		t.Fatalf("all_or_nothing stored something: %d in the database, report %+v", e.count(t), rep)
	}
	want := map[string]bool{"4 type": false, "4 from_org": false, "4 date": false, "4 value_rupiah": false, "4 agreement_id": false,
		"5 from_org": false, "6 to_unit": false, "7 forum_id": false, "8 to_org": false, "8 description": false, "9 from_org": false}
	for _, p := range rep.Problems {
		k := ksItoa(int64(p.Row)) + " " + p.Column
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected problem %+v", p)
		}
		want[k] = true
		if p.Reason == "" || p.ReasonEN == "" || p.Label == "" || p.Reason == p.ReasonEN {
			t.Errorf("problem without a reason in both languages: %+v", p)
		}
	}
	for k, seen := range want {
		if !seen {
			t.Errorf("no problem %q in %+v", k, rep.Problems)
		}
	}

	rep = e.run(t, file, sheet.ValidOnly)
	if rep.Imported != 2 || len(rep.IDs) != 2 || e.count(t) != 2 {
		t.Fatalf("valid_only: %d in the database, report %+v", e.count(t), rep)
	}
	a, err := e.db.Activity(e.marosCtx, rep.IDs[0])
	if err != nil || a.Type != sinergi.ActTraining || a.FromOrgID != e.unsulbar.ID || a.ToOrgID != e.maros.ID || a.Date != "2026-03-31" ||
		a.ToUnitID == nil || *a.ToUnitID != e.bappeda.ID || a.ValueRupiah == nil || *a.ValueRupiah != 15_000_000 || a.Evidence != "Surat 1" {
		t.Errorf("first row stored as %+v (%v)", a, err)
	}
	b, err := e.db.Activity(e.marosCtx, rep.IDs[1])
	if err != nil || b.FromUnitID == nil || *b.FromUnitID != e.bappeda.ID || b.ValueRupiah != nil {
		t.Errorf("second row stored as %+v (%v)", b, err)
	}
	// every stored row is audited (one chain for the import), and the chain
	// holds, also for the next write
	if _, err := e.db.CreateActivity(e.marosCtx, sinergi.ActivityInput{Type: sinergi.ActJointPlanning, FromOrgID: e.maros.ID, ToOrgID: e.pare.ID, Date: "2026-06-01", Description: "Sesudah impor"}); err != nil {
		t.Fatal(err)
	}
	entries, err := e.db.AuditEntries(sys, store.AuditFilter{Entity: "activity"})
	if err != nil || entries.Total != 3 || entries.Items[1].EntityID != rep.IDs[1] || entries.Items[2].EntityID != rep.IDs[0] {
		t.Errorf("audit entries %d, %v", entries.Total, err)
	}
	if _, err := e.db.VerifyAudit(t.Context()); err != nil {
		t.Errorf("audit chain: %v", err)
	}
	// an admin may import for anyone; a bad mode and an anonymous import are refused
	if _, err := e.db.ImportActivities(sys, nil, "some"); sinergi.ErrorCode(err) != sinergi.CodeInvalid {
		t.Errorf("bad mode: %v", err)
	}
	if _, err := e.db.ImportActivities(t.Context(), nil, ""); sinergi.ErrorCode(err) != sinergi.CodeUnauthorized {
		t.Errorf("anonymous: %v", err)
	}
}

func TestActivityImportTemplate(t *testing.T) {
	e := newActImport(t)
	tpl, err := sheet.Activities.Template()
	if err != nil {
		t.Fatal(err)
	}
	// the empty template holds no data rows
	if _, _, err := sheet.Activities.Read(tpl); err == nil || !strings.Contains(err.Error(), "no data rows") {
		t.Errorf("empty template: %v", err)
	}
	b := fillSheet(t, tpl, "Kegiatan", [][]any{{"receiving_equipment", e.pare.Name, "", e.maros.Name, "", "2026-06-30", "Pinjam alat ukur", "", 2500000, "", "", ""}})
	rows, format, err := sheet.Activities.Read(b)
	if err != nil || format != "xlsx" || len(rows) != 1 {
		t.Fatalf("read: %v %s %d", err, format, len(rows))
	}
	rep, err := e.db.ImportActivities(e.marosCtx, rows, sheet.AllOrNothing)
	if err != nil || rep.Imported != 1 || len(rep.Problems) != 0 {
		t.Fatalf("import: %v %+v", err, rep)
	}
	a, _ := e.db.Activity(e.marosCtx, rep.IDs[0])
	if a.Type != sinergi.ActEquipment || *a.ValueRupiah != 2_500_000 {
		t.Errorf("stored %+v", a)
	}
}

// FuzzActivityImport feeds arbitrary files to the activity importer: a file
// is either refused as a whole with a *sheet.Error, or imported with a
// consistent report; never a panic or a database failure.
func FuzzActivityImport(f *testing.F) {
	f.Add([]byte("type,from_org,to_org,date,description\ntraining,1,2,2026-01-01,Pelatihan\n"), false)
	f.Add([]byte("Jenis kegiatan (type);Instansi pemberi (from_org);Instansi penerima (to_org);Tanggal (date);Uraian (description);Nilai (Rp) (value_rupiah)\n"+
		"joint_planning;Pemerintah Kota Parepare;Pemerintah Kabupaten Maros;01/02/2026;Rencana;Rp1.000\n"), true)
	tpl, err := sheet.Activities.Template()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(tpl, true)
	e := newActImport(f)
	f.Fuzz(func(t *testing.T, b []byte, validOnly bool) {
		rows, _, err := sheet.Activities.Read(b)
		if err != nil {
			var se *sheet.Error
			if !errors.As(err, &se) || se.ID == "" || se.EN == "" {
				t.Fatalf("read error %T %v", err, err)
			}
			return
		}
		mode := sheet.AllOrNothing
		if validOnly {
			mode = sheet.ValidOnly
		}
		rep, err := e.db.ImportActivities(e.marosCtx, rows, mode)
		if err != nil {
			t.Fatalf("import failed: %v", err)
		}
		if rep.Rows != len(rows) || rep.Imported != len(rep.IDs) || rep.Valid > rep.Rows ||
			(mode == sheet.AllOrNothing && len(rep.Problems) > 0 && rep.Imported != 0) || (len(rep.Problems) == 0 && rep.Imported != rep.Rows) {
			t.Fatalf("inconsistent report %+v", rep)
		}
		for _, p := range rep.Problems {
			if p.Row < 2 || p.Column == "" || p.Reason == "" || p.ReasonEN == "" {
				t.Fatalf("bad problem %+v", p)
			}
		}
	})
}
