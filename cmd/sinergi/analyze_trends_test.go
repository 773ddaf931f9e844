package main

import (
	"encoding/json"
	"strings"
	"testing"

	"sinergi/store/storetest"
)

func TestAnalyzeTrends(t *testing.T) {
	dsn := storetest.DSN(t)
	if code, _, errs := run(t, "", "demo", "--db", dsn); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	code, out, errs := run(t, "", "analyze", "--trends", "--json", "--db", dsn)
	if code != 0 {
		t.Fatalf("analyze --trends: %d %s", code, errs)
	}
	var r struct {
		From     string `json:"from"`
		Quarters []struct {
			Quarter    string         `json:"quarter"`
			Activities int            `json:"activities"`
			ByType     map[string]int `json:"by_type"`
			Partners   int            `json:"partners"`
			EI         *float64       `json:"ei_index"`
		} `json:"quarters"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	total, withEI := 0, 0
	for _, q := range r.Quarters {
		total += q.Activities
		if q.EI != nil {
			withEI++
		}
		if len(q.ByType) != 7 {
			t.Errorf("%s: by_type %v", q.Quarter, q.ByType)
		}
	}
	// the demo holds a year of activities
	if len(r.Quarters) != 8 || total == 0 || withEI < 4 {
		t.Errorf("trends of the demo: %d quarters, %d activities, %d with an E-I index", len(r.Quarters), total, withEI)
	}
	code, out, errs = run(t, "", "analyze", "--trends", "--org", "1", "--since", "2020-01-01", "--db", dsn)
	if code != 0 || !strings.Contains(out, "2020-Q1") || !strings.Contains(out, "E-I") {
		t.Errorf("text, one organisation: %d %s %s", code, out, errs)
	}
	for name, args := range map[string][]string{
		"missing organisation":  {"--org", "999999"},
		"negative organisation": {"--org", "-1"},
		"since after until":     {"--since", "2026-06-01", "--until", "2026-01-01"},
		"bad until":             {"--until", "besok"},
	} {
		if code, _, errs := run(t, "", append([]string{"analyze", "--trends", "--db", dsn}, args...)...); code == 0 || errs == "" {
			t.Errorf("%s: exit %d, stderr %q", name, code, errs)
		}
	}
}
