package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"sinergi"
)

// analyzeTrends prints the stored network per quarter (issue 6 item 5):
// `sinergi analyze --trends [--org ID] [--since D] [--until D] [--json]`,
// the same JSON as GET /api/v1/analytics/trends.
func analyzeTrends(e *env, dsn string, org int64, since, until string, asJSON bool) error {
	var from, to time.Time
	var err error
	if since != "" {
		if from, err = time.Parse(time.DateOnly, since); err != nil {
			return usageError{"--since harus YYYY-MM-DD / must be YYYY-MM-DD"}
		}
	}
	if until != "" {
		if to, err = time.Parse(time.DateOnly, until); err != nil {
			return usageError{"--until harus YYYY-MM-DD / must be YYYY-MM-DD"}
		}
	}
	if org < 0 {
		return usageError{"--org harus ID instansi / must be an organisation id"}
	}
	db, err := openDB(e, dsn, true)
	if err != nil {
		return err
	}
	defer db.Close()
	t, err := db.ActivityTrends(system(e), org, from, to)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(t)
	}
	if t.OrgName != "" {
		fmt.Fprintf(e.stdout, "%s (%d)\n", t.OrgName, t.OrgID)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "triwulan/quarter\tkegiatan/activities\t")
	for _, info := range sinergi.ActivityTypes {
		fmt.Fprintf(tw, "%s\t", info.Code)
	}
	fmt.Fprint(tw, "mitra/partners\tlintas sektor/across sectors\tE-I\t\n")
	opt := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprintf("%.2f", *p)
	}
	for _, q := range t.Quarters {
		fmt.Fprintf(tw, "%s\t%d\t", q.Quarter, q.Activities)
		for _, info := range sinergi.ActivityTypes {
			fmt.Fprintf(tw, "%d\t", q.ByType[string(info.Code)])
		}
		fmt.Fprintf(tw, "%d\t%d/%d (%s)\t%s\t\n", q.Partners, q.CrossSector, q.Ties, opt(q.CrossSectorShare), opt(q.EI))
	}
	return tw.Flush()
}
