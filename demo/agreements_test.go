package demo_test

import (
	"strconv"
	"testing"

	"sinergi"
	"sinergi/demo"
	"sinergi/store/storetest"
)

// The demo registry holds every kind the brief names, the university chain
// MoU → MoA → IA, some expiring agreements and one terminated.
func TestDemoAgreements(t *testing.T) {
	db := storetest.Open(t)
	if _, err := demo.Load(sys, db); err != nil {
		t.Fatal(err)
	}
	l, err := db.Agreements(sys, sinergi.AgreementFilter{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	kinds, statuses := map[sinergi.AgreementKind]int{}, map[sinergi.AgreementStatus]int{}
	var ia *sinergi.Agreement
	for i, a := range l.Items {
		kinds[a.Kind]++
		statuses[a.Status]++
		if a.Kind == sinergi.KindIA {
			ia = &l.Items[i]
		}
	}
	for _, k := range []sinergi.AgreementKind{sinergi.KindMoU, sinergi.KindMoA, sinergi.KindIA, sinergi.KindKSDD, sinergi.KindKSDPK, sinergi.KindNotaKesepakatan} {
		if kinds[k] == 0 {
			t.Errorf("no %s in the demo", k)
		}
	}
	if statuses[sinergi.AgreementExpiring] < 2 || statuses[sinergi.AgreementTerminated] != 1 || statuses[sinergi.AgreementInProcess] != 1 {
		t.Errorf("statuses %v: want some expiring, one terminated, one in process", statuses)
	}
	if ia == nil || ia.ParentID == nil {
		t.Fatal("no IA with a parent")
	}
	moa, err := db.Agreement(sys, *ia.ParentID)
	if err != nil || moa.Kind != sinergi.KindMoA || moa.ParentID == nil {
		t.Fatalf("IA's parent: %+v, %v", moa, err)
	}
	if mou, err := db.Agreement(sys, *moa.ParentID); err != nil || mou.Kind != sinergi.KindMoU {
		t.Errorf("MoA's parent: %+v, %v", mou, err)
	}
	if n, err := db.VerifyAudit(sys); err != nil || n == 0 {
		t.Errorf("audit after the demo: %d, %v", n, err)
	}
}

// The demo's KSDPK has an implementation report with a linked activity and
// evidence, and the reminder of PT CRI's overdue obligation reached the
// party admins.
func TestDemoAgreementReports(t *testing.T) {
	db := storetest.Open(t)
	if _, err := demo.Load(sys, db); err != nil {
		t.Fatal(err)
	}
	l, err := db.Agreements(sys, sinergi.AgreementFilter{Kind: sinergi.KindKSDPK, Limit: 10})
	if err != nil || l.Total == 0 {
		t.Fatalf("KSDPK: %v", err)
	}
	a := l.Items[0]
	reps, err := db.AgreementReports(sys, a.ID, 0, 10)
	if err != nil || reps.Total != 1 || len(reps.Items[0].Activities) != 1 || len(reps.Items[0].Files) != 1 {
		t.Fatalf("reports: %+v %v", reps, err)
	}
	var overdue int64
	for _, o := range a.Obligations {
		if o.Overdue {
			overdue = o.ID
		}
	}
	if overdue == 0 {
		t.Fatal("no overdue obligation")
	}
	var n int
	if err := db.SQL.QueryRow(`SELECT count(*) FROM notifications WHERE subject LIKE $1`, "agreement:%:obligation:"+strconv.FormatInt(overdue, 10)+":%").Scan(&n); err != nil || n < 2 {
		t.Errorf("reminders of the overdue obligation: %d, %v", n, err)
	}
}
