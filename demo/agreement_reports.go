package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sinergi"
	"sinergi/store"
)

// loadAgreementReports gives the KSDPK with PT Celebes Railway Indonesia an
// implementation report with a linked coordination activity and a minutes
// file, and runs the kerja sama reminders once, so that the party admins
// see the overdue obligations (PT CRI's parking area, Barru's spatial plan),
// the overdue reports of agreements without any and the expiring ones.
func loadAgreementReports(ctx context.Context, db *store.DB) error {
	ids, err := orgIDs(ctx, db)
	if err != nil {
		return err
	}
	l, err := db.Agreements(ctx, sinergi.AgreementFilter{Kind: sinergi.KindKSDPK, OrgID: ids["cri"], Limit: 10})
	if err != nil {
		return err
	}
	var a *sinergi.Agreement
	for i := range l.Items {
		if strings.Contains(l.Items[i].Title, "Kawasan Berorientasi Transit") {
			a = &l.Items[i]
		}
	}
	if a == nil {
		return fmt.Errorf("demo: the KSDPK with PT Celebes Railway Indonesia is missing")
	}
	now := db.Now().UTC()
	day := func(months, days int) string { return now.AddDate(0, months, days).Format(time.DateOnly) }
	act, err := db.CreateActivity(ctx, sinergi.ActivityInput{Type: sinergi.ActJointPlanning, FromOrgID: ids["maros"], ToOrgID: ids["cri"], AgreementID: &a.ID,
		Date: day(-2, -5), Description: "Rapat koordinasi desain kawasan parkir dan ruang UMKM Stasiun Maros", Evidence: "Notulen rapat koordinasi"})
	if err != nil {
		return fmt.Errorf("demo: report activity: %w", err)
	}
	as := sinergi.WithActor(ctx, &sinergi.Actor{System: true, Roles: []sinergi.Role{sinergi.RoleOrgAdmin}, OrgID: ids["maros"],
		Email: "admin.maros@sinergi.test", Name: "Admin Kabupaten Maros"})
	rep, err := db.CreateAgreementReport(as, a.ID, sinergi.ReportInput{PeriodStart: a.StartDate, PeriodEnd: day(-2, 0), ReportDate: day(-2, 0),
		Narrative:   "Desain kawasan parkir dan ruang UMKM disepakati dalam rapat koordinasi; perizinan jalan akses sedang diproses Dinas PUPR Maros.",
		Outcome:     "Desain teknis kawasan parkir disetujui kedua pihak; pembangunan parkir oleh PT CRI belum dimulai (kewajiban lewat tenggat).",
		ActivityIDs: []int64{act.ID}})
	if err != nil {
		return fmt.Errorf("demo: report: %w", err)
	}
	minutes := "Notulen Rapat Koordinasi Kawasan Stasiun Maros\n\nHadir: Pemerintah Kabupaten Maros, PT Celebes Railway Indonesia.\n" +
		"Kesepakatan: desain parkir 120 kendaraan dan 24 lapak UMKM; PT CRI menyampaikan jadwal pembangunan.\n"
	if _, err := db.AddReportEvidence(as, a.ID, rep.ID, "notulen-rapat-koordinasi.txt", []byte(minutes)); err != nil {
		return fmt.Errorf("demo: evidence: %w", err)
	}
	if _, err := db.RemindAgreements(ctx); err != nil {
		return fmt.Errorf("demo: reminders: %w", err)
	}
	return nil
}
