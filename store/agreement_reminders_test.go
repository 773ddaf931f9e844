package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"sinergi"
	"sinergi/store"
	"sinergi/store/storetest"
)

// TestAgreementReminders: two server copies (two handles on one database)
// run the reminder job twice each, at the same time; every reminder reaches
// each organisation admin of the parties exactly once.
func TestAgreementReminders(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.DSN(t)
	open := func() *store.DB {
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	db1 := open()
	if _, err := db1.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	db2 := open()
	now := time.Date(2026, 11, 2, 1, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	db1.Now, db2.Now = clock, clock

	maros := mustOrg(t, db1, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Maros", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.09"})
	pangkep := mustOrg(t, db1, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Pangkajene dan Kepulauan", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.10"})
	sulsel := mustOrg(t, db1, sinergi.OrganizationInput{Name: "Pemerintah Provinsi Sulawesi Selatan", Sector: sinergi.SectorProvincialGovernment, RegionCode: "73"})
	admins := map[int64]string{}
	for _, u := range []struct {
		org   int64
		email string
		role  sinergi.Role
	}{{maros.ID, "admin@maros.test", sinergi.RoleOrgAdmin}, {pangkep.ID, "admin@pangkep.test", sinergi.RoleOrgAdmin},
		{maros.ID, "staf@maros.test", sinergi.RoleMember}, {sulsel.ID, "admin@sulsel.test", sinergi.RoleOrgAdmin}} {
		c := asUser(t, db1, u.org, u.email, u.role)
		if u.role == sinergi.RoleOrgAdmin && u.org != sulsel.ID {
			admins[sinergi.ActorFrom(c).UserID] = u.email
		}
	}
	mk := func(title, start, end string, obligations ...sinergi.ObligationInput) *sinergi.Agreement {
		a, err := db1.CreateAgreement(sys, sinergi.AgreementInput{Kind: sinergi.KindKSDD, Title: title, StartDate: start, EndDate: end,
			Parties:               []sinergi.PartyInput{{OrganizationID: maros.ID, Role: "lead"}, {OrganizationID: pangkep.ID}, {OrganizationID: sulsel.ID, Role: "witness"}},
			FundedInCurrentBudget: true, Obligations: obligations})
		if err != nil {
			t.Fatal(err)
		}
		return complete(t, db1, sys, a, "persiapan", "penawaran", "penyusunan_kb", "penandatanganan_kb", "penyusunan_pks", "penandatanganan_pks")
	}
	// ends in 18 days (threshold 30), an obligation overdue, reports overdue since 2022-07-01
	soon := mk("Pengelolaan sampah regional", "2022-01-01", "2026-11-20", sinergi.ObligationInput{OrganizationID: pangkep.ID, Description: "Menyediakan truk", DueDate: "2026-10-01"})
	// ends in 60 days (threshold 90); its report is not due before 2027-02-01
	mid := mk("Air minum lintas kabupaten", "2026-08-01", "2026-12-31")
	if _, err := db1.CreateAgreementReport(sys, mid.ID, sinergi.ReportInput{PeriodStart: "2026-08-01", PeriodEnd: "2026-08-31", ReportDate: "2026-08-31", Narrative: "Jaringan pipa induk telah diukur."}); err != nil {
		t.Fatal(err)
	}
	// far from its end, nothing due, an obligation done
	far := mk("Jalan akses stasiun", "2026-09-01", "2030-08-31", sinergi.ObligationInput{OrganizationID: maros.ID, Description: "Lahan", DueDate: "2026-10-01"})
	if _, err := db1.MarkObligationDone(sys, far.ID, 0, far.Obligations[0].ID, sinergi.ObligationDoneInput{Date: "2026-09-30"}); err != nil {
		t.Fatal(err)
	}

	run := func() {
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for _, db := range []*store.DB{db1, db2, db1, db2} {
			wg.Go(func() {
				if _, err := db.RemindAgreements(ctx); err != nil {
					errs <- err
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
	}
	want := map[string]bool{
		fmt.Sprintf("agreement:%d:expiry:30", soon.ID):                                        true,
		fmt.Sprintf("agreement:%d:obligation:%d:2026-10-01", soon.ID, soon.Obligations[0].ID): true,
		fmt.Sprintf("agreement:%d:report:2022-07-01", soon.ID):                                true,
		fmt.Sprintf("agreement:%d:expiry:90", mid.ID):                                         true,
	}
	check := func(when string) {
		t.Helper()
		rows, err := db1.SQL.Query(`SELECT subject, recipient_id, count(*) FROM notifications WHERE subject LIKE 'agreement:%' GROUP BY subject, recipient_id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		got := map[string]int{}
		for rows.Next() {
			var s string
			var r int64
			var n int
			if err := rows.Scan(&s, &r, &n); err != nil {
				t.Fatal(err)
			}
			if n != 1 || admins[r] == "" || !want[s] {
				t.Errorf("%s: %s to %d (%q) %d times", when, s, r, admins[r], n)
			}
			got[s]++
		}
		for s := range want {
			if got[s] != len(admins) {
				t.Errorf("%s: %s reached %d of %d admins", when, s, got[s], len(admins))
			}
		}
	}
	run()
	run()
	check("first day")
	if n, err := db1.RemindAgreements(ctx); err != nil || n != 0 {
		t.Errorf("a run after the reminders went out sent %d (%v)", n, err)
	}

	// thirteen days later: 5 days left, the 7-day reminder; the report
	// reminder of the same due date is not sent again
	now = now.AddDate(0, 0, 13)
	run()
	want[fmt.Sprintf("agreement:%d:expiry:7", soon.ID)] = true
	check("13 days later")
	// a restart: a fresh handle changes nothing
	db3 := open()
	db3.Now = clock
	if _, err := db3.RemindAgreements(ctx); err != nil {
		t.Fatal(err)
	}
	check("after a restart")
}
