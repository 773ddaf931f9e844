package demo_test

import (
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
