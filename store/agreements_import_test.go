package store_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sinergi"
	"sinergi/sheet"
)

// fillTemplate writes rows into the data sheet of the agreement import template.
func fillTemplate(t *testing.T, rows [][]any) []byte {
	t.Helper()
	tpl, err := sheet.Agreements.Template()
	if err != nil {
		t.Fatal(err)
	}
	return fillSheet(t, tpl, "Kerja sama", rows)
}

// fillSheet writes rows into a template's data sheet from row 2.
func fillSheet(t *testing.T, tpl []byte, name string, rows [][]any) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(tpl))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(name, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func (e *ksEnv) importRows(t *testing.T, b []byte, mode sheet.Mode) *sheet.Report {
	t.Helper()
	rows, _, err := sheet.Agreements.Read(b)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := e.db.ImportAgreements(e.marosCtx, rows, mode)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func (e *ksEnv) count(t *testing.T) int {
	t.Helper()
	l, err := e.db.Agreements(e.marosCtx, sinergi.AgreementFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return l.Total
}

func TestAgreementImportRoundTrip(t *testing.T) {
	e := newKS(t)
	b := fillTemplate(t, [][]any{
		{"KSDD", "", "Jalan akses Stasiun Maros", "Pemerintah Kabupaten Maros; pemerintah kabupaten pangkajene dan kepulauan", "2026-01-01", "2030-12-31", "tidak", "ya", "", "Jalan akses"},
		{"ksdpk", "", "Kawasan stasiun dengan PT CRI", e.maros.Name + ";" + ksItoa(e.cri.ID), "2026-02-01", "2028-12-31", "", "ya", "", ""},
	})
	rep := e.importRows(t, b, sheet.AllOrNothing)
	if len(rep.Problems) != 0 || rep.Imported != 2 || rep.Rows != 2 {
		t.Fatalf("report %+v", rep)
	}
	rows, err := e.db.ExportAgreements(e.marosCtx, sinergi.AgreementFilter{Q: "stasiun"})
	if err != nil {
		t.Fatal(err)
	}
	var csv bytes.Buffer
	if err := sheet.WriteCSV(&csv, sheet.Agreements.ExportHeader(), rows); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Jalan akses Stasiun Maros", "Kawasan stasiun dengan PT CRI", "PT Celebes Railway Indonesia", "2030-12-31"} {
		if !strings.Contains(csv.String(), want) {
			t.Errorf("export lacks %q:\n%s", want, csv.String())
		}
	}
	// the export reads back as an import file with the same rows
	back, _, err := sheet.Agreements.Read(csv.Bytes())
	if err != nil || len(back) != 2 || back[1].Cells["title"] != "Jalan akses Stasiun Maros" {
		t.Errorf("export read back: %v, %+v", err, back)
	}
}

func TestAgreementImportAllOrNothing(t *testing.T) {
	e := newKS(t)
	b := fillTemplate(t, [][]any{
		{"KSDD", "", "Jalan akses Stasiun Maros", "Pemerintah Kabupaten Maros; Pemerintah Kabupaten Barru", "2026-01-01", "2030-12-31", "", "ya", "", ""},
		{"KSDD", "", "Jalan akses dua", "Pemerintah Kabupaten Maros; Kabupaten Antah Berantah", "1 Januari 2026", "2030-12-31", "mungkin", "ya", "", ""},
		{"KSDD", "", "Jalan akses tiga", "Pemerintah Kabupaten Maros; Pemerintah Kabupaten Barru", "2026-01-01", "2034-12-31", "", "", "", ""},
		{"KSDD", "", "Jalan akses empat", ksItoa(e.pangkep.ID) + ";" + ksItoa(e.barru.ID), "2026-01-01", "2030-12-31", "", "", "", ""},
	})
	rep := e.importRows(t, b, sheet.AllOrNothing)
	if rep.Imported != 0 || len(rep.IDs) != 0 || e.count(t) != 0 {
		t.Fatalf("all_or_nothing stored %d (%d in the database): %+v", rep.Imported, e.count(t), rep)
	}
	want := map[string]bool{"3 parties": false, "3 start_date": false, "3 burdens_public": false, "4 end_date KS-TERM": false, "5 parties": false}
	for _, p := range rep.Problems {
		k := ksItoa(int64(p.Row)) + " " + p.Column
		if p.Rule != "" {
			k += " " + p.Rule
		}
		if _, ok := want[k]; ok {
			want[k] = true
		}
		if p.Reason == "" || p.ReasonEN == "" {
			t.Errorf("problem without a reason: %+v", p)
		}
	}
	for k, seen := range want {
		if !seen {
			t.Errorf("no problem %q in %+v", k, rep.Problems)
		}
	}

	rep = e.importRows(t, b, sheet.ValidOnly)
	if rep.Imported != 1 || rep.Valid != 1 || e.count(t) != 1 {
		t.Fatalf("valid_only: imported %d, in the database %d: %+v", rep.Imported, e.count(t), rep)
	}
	a, err := e.db.Agreement(e.marosCtx, rep.IDs[0])
	if err != nil || a.Title != "Jalan akses Stasiun Maros" || a.Status != sinergi.AgreementDraft {
		t.Errorf("stored %+v, %v", a, err)
	}
}

func TestAgreementImportBadFiles(t *testing.T) {
	for name, b := range map[string]string{
		"malformed csv":  "kind,title,parties,start_date,end_date\nKSDD,\"Jalan,x,2026-01-01,2030-12-31\n\"x\"y,1,2,3,4\n",
		"no header":      "\n\n",
		"missing column": "kind;title\nKSDD;Jalan akses\n",
		"binary":         "\x00\x01\x02garbage",
		"broken xlsx":    "PK\x03\x04 this is no zip",
		"no rows":        "kind,title,parties,start_date,end_date\n",
	} {
		if _, _, err := sheet.Agreements.Read([]byte(b)); err == nil {
			t.Errorf("%s: read without an error", name)
		}
	}
}

func ksItoa(n int64) string { return strconv.FormatInt(n, 10) }
