package jobs_test

import (
	"context"
	"testing"
	"time"

	"sinergi"
	"sinergi/jobs"
	"sinergi/store/storetest"
)

// A tick of the jobs sends the kerja sama reminders: an agreement in force
// with an overdue obligation reminds its party's organisation admin, once.
func TestTickRemindsAgreements(t *testing.T) {
	db := storetest.Open(t)
	now := time.Date(2026, 11, 2, 1, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	sys := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	var ids []int64
	for _, o := range []sinergi.OrganizationInput{{Name: "Pemerintah Kabupaten Maros", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.09"},
		{Name: "Pemerintah Kabupaten Barru", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.11"}} {
		org, err := db.CreateOrganization(sys, o)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, org.ID)
	}
	if _, err := db.CreateUser(sys, sinergi.UserInput{Email: "admin@maros.test", Name: "Admin Maros", OrganizationID: ids[0], Roles: []sinergi.Role{sinergi.RoleOrgAdmin}, Password: "kata-sandi-uji-1"}); err != nil {
		t.Fatal(err)
	}
	a, err := db.CreateAgreement(sys, sinergi.AgreementInput{Kind: sinergi.KindKSDD, Title: "Jalan poros Maros–Barru", FundedInCurrentBudget: true,
		Parties: []sinergi.PartyInput{{OrganizationID: ids[0]}, {OrganizationID: ids[1]}}, StartDate: "2026-09-01", EndDate: "2029-12-31",
		Obligations: []sinergi.ObligationInput{{OrganizationID: ids[0], Description: "Lahan", DueDate: "2026-10-01"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CompleteAgreementStage(sys, a.ID, 0, "persiapan", sinergi.StageInput{Date: "2026-09-01"}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := jobs.Tick(context.Background(), db, jobs.Config{}, now); err != nil {
			t.Fatal(err)
		}
	}
	var n int
	if err := db.SQL.QueryRow(`SELECT count(*) FROM notifications WHERE subject LIKE 'agreement:%:obligation:%'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("obligation reminders after two ticks: %d, %v", n, err)
	}
}
