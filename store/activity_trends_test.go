package store_test

import (
	"testing"
	"time"

	"sinergi"
)

func TestActivityTrends(t *testing.T) {
	e := newKS(t) // today is 2026-11-02
	add := func(typ sinergi.ActivityType, from, to *sinergi.Organization, date string) {
		t.Helper()
		if _, err := e.db.CreateActivity(sys, sinergi.ActivityInput{Type: typ, FromOrgID: from.ID, ToOrgID: to.ID, Date: date, Description: "Kegiatan"}); err != nil {
			t.Fatal(err)
		}
	}
	add(sinergi.ActJointPlanning, e.maros, e.pangkep, "2026-01-10")
	add(sinergi.ActTraining, e.uni, e.maros, "2026-02-10")
	add(sinergi.ActTraining, e.uni, e.maros, "2026-03-10")
	add(sinergi.ActInformalCooperation, e.barru, e.pangkep, "2026-08-01")
	add(sinergi.ActEquipment, e.cri, e.maros, "2024-05-01")

	all, err := e.db.ActivityTrends(e.marosCtx, 0, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Quarters) != 8 || all.From != "2025-01-01" || all.To != "2026-12-31" || all.Quarters[7].Quarter != "2026-Q4" {
		t.Fatalf("default range %s..%s, %d quarters", all.From, all.To, len(all.Quarters))
	}
	q1 := all.Quarters[4]
	if q1.Quarter != "2026-Q1" || q1.Activities != 3 || q1.ByType["training"] != 2 || q1.Partners != 3 || q1.Ties != 2 || q1.CrossSector != 1 ||
		q1.CrossSectorShare == nil || *q1.CrossSectorShare != 0.5 || q1.EI == nil || *q1.EI != 0 {
		t.Errorf("2026-Q1: %+v", q1)
	}
	if q3 := all.Quarters[6]; q3.Activities != 1 || *q3.EI != -1 {
		t.Errorf("2026-Q3: %+v", q3)
	}
	maros, err := e.db.ActivityTrends(e.marosCtx, e.maros.ID, time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if maros.OrgName != e.maros.Name || len(maros.Quarters) != 8 || maros.Quarters[0].Quarter != "2024-Q2" || maros.Quarters[0].ByType["equipment"] != 1 {
		t.Fatalf("Maros: %+v", maros)
	}
	if q := maros.Quarters[7]; q.Activities != 3 || q.Partners != 2 || q.CrossSector != 1 || *q.EI != 0 {
		t.Errorf("Maros 2026-Q1: %+v", q)
	}
	for name, err := range map[string]error{
		"missing organisation": second(e.db.ActivityTrends(e.marosCtx, 999999, time.Time{}, time.Time{})),
		"from after to":        second(e.db.ActivityTrends(e.marosCtx, 0, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC))),
		"too many quarters":    second(e.db.ActivityTrends(e.marosCtx, 0, time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), time.Time{})),
		"anonymous":            second(e.db.ActivityTrends(t.Context(), 0, time.Time{}, time.Time{})),
	} {
		want := map[string]sinergi.Code{"missing organisation": sinergi.CodeNotFound, "anonymous": sinergi.CodeUnauthorized}[name]
		if want == "" {
			want = sinergi.CodeInvalid
		}
		if sinergi.ErrorCode(err) != want {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func second[T any](_ T, err error) error { return err }
