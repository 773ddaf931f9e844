// Command actimport measures the activity import (issue 6 item 1) against
// its peer, the same rows recorded one by one through CreateActivity (what
// a client looping over POST /api/v1/activities costs, without HTTP), and
// the organisation page's cached network analysis against computing it.
// It prints figures and ratios; see docs/benchmarks.md.
//
//	go run ./bench/actimport --db sqlite:/tmp/x.db --rows 5000
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"sinergi"
	"sinergi/network"
	"sinergi/sheet"
	"sinergi/store"
)

func main() {
	dsn := flag.String("db", "", "a fresh database: sqlite:PATH or postgres://…")
	rows := flag.Int("rows", 5000, "activities per phase")
	orgs := flag.Int("orgs", 60, "organisations")
	flag.Parse()
	if err := run(*dsn, *rows, *orgs); err != nil {
		fmt.Fprintln(os.Stderr, "actimport:", err)
		os.Exit(1)
	}
}

var types = []string{"informal_cooperation", "mutual_aid_agreement", "giving_training", "receiving_training", "joint_planning",
	"providing_equipment", "receiving_equipment", "giving_technical_assistance", "receiving_technical_assistance", "giving_grant_management", "receiving_grant_management"}

func run(dsn string, n, norgs int) error {
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		return err
	}
	sys := sinergi.WithActor(ctx, sinergi.SystemActor)
	sectors := []sinergi.Sector{sinergi.SectorRegencyGovernment, sinergi.SectorCityGovernment, sinergi.SectorPublicUniversity, sinergi.SectorPrivateCompany, sinergi.SectorCommunity}
	var ids []int64
	var names []string
	for i := range norgs {
		s := sectors[i%len(sectors)]
		region := "73.09"
		if s == sinergi.SectorCityGovernment {
			region = "73.71"
		}
		o, err := db.CreateOrganization(sys, sinergi.OrganizationInput{Name: fmt.Sprintf("Instansi Uji %03d", i), Sector: s, RegionCode: region})
		if err != nil {
			return err
		}
		ids, names = append(ids, o.ID), append(names, o.Name)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	input := func() sinergi.ActivityInput {
		a, b := rng.IntN(norgs), rng.IntN(norgs-1)
		if b >= a {
			b++
		}
		v := int64(rng.IntN(50)) * 1_000_000
		return sinergi.ActivityInput{Type: sinergi.ActivityType(types[rng.IntN(len(types))]), FromOrgID: ids[a], ToOrgID: ids[b],
			Date: start.AddDate(0, 0, rng.IntN(700)).Format(time.DateOnly), Description: "Kegiatan uji " + fmt.Sprint(rng.IntN(1e6)), ValueRupiah: &v}
	}
	// the peer: one CreateActivity (one transaction, one audit entry) per row
	t0 := time.Now()
	for range n {
		if _, err := db.CreateActivity(sys, input()); err != nil {
			return err
		}
	}
	one := time.Since(t0)
	// the import: the same kind of rows in a CSV (names for the givers, ids
	// for the receivers, dd/mm/yyyy dates, rupiah text), read and stored
	var csv bytes.Buffer
	csv.WriteString("type;from_org;to_org;date;description;value_rupiah\n")
	for range n {
		in := input()
		d, _ := time.Parse(time.DateOnly, in.Date)
		fmt.Fprintf(&csv, "%s;%s;%d;%s;%s;Rp%d.000.000\n", in.Type, names[indexOf(ids, in.FromOrgID)], in.ToOrgID, d.Format("02/01/2006"), in.Description, *in.ValueRupiah/1_000_000)
	}
	t0 = time.Now()
	parsed, _, err := sheet.Activities.Read(csv.Bytes())
	if err != nil {
		return err
	}
	read := time.Since(t0)
	rep, err := db.ImportActivities(sys, parsed, sheet.AllOrNothing)
	if err != nil {
		return err
	}
	bulk := time.Since(t0)
	if rep.Imported != n {
		return fmt.Errorf("imported %d of %d: %+v", rep.Imported, n, rep.Problems[:min(3, len(rep.Problems))])
	}
	checked, err := db.VerifyAudit(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("rows %d, organisations %d, CSV %d KiB, audit chain verified (%d entries)\n", n, norgs, csv.Len()>>10, checked)
	fmt.Printf("one by one (CreateActivity)   %8.0f ms  %7.0f rows/s\n", ms(one), float64(n)/one.Seconds())
	fmt.Printf("import (read %4.0f ms + store) %8.0f ms  %7.0f rows/s\n", ms(read), ms(bulk), float64(n)/bulk.Seconds())
	fmt.Printf("ratio one-by-one / import     %8.2f\n", one.Seconds()/bulk.Seconds())

	// the organisation page: a full analysis against a cache hit (reading
	// the change counters, which is all a hit costs in the database)
	const reps = 5
	t0 = time.Now()
	for range reps {
		if _, err := db.AnalyzeNetwork(sys, time.Time{}, time.Time{}, network.Options{}); err != nil {
			return err
		}
	}
	full := time.Since(t0) / reps
	t0 = time.Now()
	for range reps {
		if _, err := db.ActivityTrends(sys, ids[0], time.Time{}, time.Time{}); err != nil {
			return err
		}
	}
	trend := time.Since(t0) / reps
	const hits = 200
	t0 = time.Now()
	for range hits {
		if _, err := db.DataVersions(ctx, store.NetworkTables...); err != nil {
			return err
		}
	}
	hit := time.Since(t0) / hits
	fmt.Printf("network analysis (%d links)   %8.1f ms\n", 2*n, ms(full))
	fmt.Printf("trends of one organisation    %8.1f ms\n", ms(trend))
	fmt.Printf("cache hit (change counters)   %8.3f ms\n", ms(hit))
	fmt.Printf("ratio (analysis+trends) / hit %8.0f\n", (full+trend).Seconds()/hit.Seconds())
	return nil
}

func indexOf(ids []int64, id int64) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return -1
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
