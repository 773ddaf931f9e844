package demo_test

import (
	"slices"
	"testing"

	"sinergi"
	"sinergi/demo"
	"sinergi/iku"
	"sinergi/store/storetest"
)

// Unsulbar's university view shows the UGM student exchange and the Unismuh
// benchmarking, each on its study programme and with its activity types.
func TestDemoUniversityView(t *testing.T) {
	db := storetest.Open(t)
	if _, err := demo.Load(sys, db); err != nil {
		t.Fatal(err)
	}
	l, err := db.Organizations(sys, sinergi.OrganizationFilter{Q: "Universitas Sulawesi Barat"})
	if err != nil || l.Total != 1 {
		t.Fatalf("Unsulbar: %v %d", err, l.Total)
	}
	v, err := db.UniversityView(sys, l.Items[0].ID, iku.SemesterOf(db.Now()))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]iku.Activity{
		"Program Studi Peternakan":        {"student_exchange", "credit_transfer"},
		"Program Studi Pendidikan Dokter": {"curriculum_development", "benchmarking"},
	}
	for _, ia := range v.IAs {
		if !ia.Active || !ia.Programme || len(ia.Partners) != 1 || ia.Partners[0].Category != iku.University {
			t.Errorf("IA %q: %+v", ia.Title, ia)
		}
		if w, ok := want[ia.UnitName]; !ok || !slices.Equal(ia.ActivityTypes, w) {
			t.Errorf("IA %q on %q: types %v", ia.Title, ia.UnitName, ia.ActivityTypes)
		}
		delete(want, ia.UnitName)
	}
	if len(want) != 0 {
		t.Errorf("IAs missing from the view: %v", want)
	}
	if v.Figure != (iku.Figure{Programmes: 2, WithIA: 2, Share: 1, Weighted: 0.5}) {
		t.Errorf("figure %+v", v.Figure)
	}
}
