package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"sinergi"
	"sinergi/store"
	"sinergi/store/storetest"
)

func TestReportAgency(t *testing.T) {
	dsn := storetest.DSN(t)
	if code, _, errs := run(t, "", "demo", "--db", dsn); code != 0 {
		t.Fatalf("demo: %d %s", code, errs)
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	l, err := db.Organizations(sinergi.WithActor(context.Background(), sinergi.SystemActor), sinergi.OrganizationFilter{Q: "Pemerintah Provinsi Sulawesi Selatan", Limit: 1})
	db.Close()
	if err != nil || l.Total == 0 {
		t.Fatalf("demo organisation: %v", err)
	}
	org := strconv.FormatInt(l.Items[0].ID, 10)
	to := time.Now().UTC().Format(time.DateOnly)
	from := time.Now().UTC().AddDate(-1, 0, 0).Format(time.DateOnly)
	dir := t.TempDir()
	out := filepath.Join(dir, "laporan.pdf")
	html := filepath.Join(dir, "laporan.html")

	code, stdout, stderr := run(t, "", "report", "agency", "--db", dsn, "--org", org, "--from", from, "--to", to, "--out", out, "--html", html, "--min-words", "2000")
	if code != 0 {
		t.Fatalf("report: %d\n%s\n%s", code, stdout, stderr)
	}
	t.Log(strings.TrimSpace(stdout))
	for _, s := range []string{"forum dan enam kriteria", "analisis jejaring", "menulis PDF", "selesai"} {
		if !strings.Contains(stderr, s) {
			t.Errorf("progress lacks %q:\n%s", s, stderr)
		}
	}
	if !strings.Contains(stdout, "kata") || !strings.Contains(stdout, "putusan") {
		t.Errorf("stdout: %s", stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("no PDF written: %v", err)
	}
	if h, err := os.ReadFile(html); err != nil || !strings.Contains(string(h), "Tantangan dan hambatan") {
		t.Errorf("HTML view: %v", err)
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		if o, err := exec.Command("qpdf", "--check", out).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, o)
		}
	} else if os.Getenv("CI") != "" {
		t.Error("qpdf is required in CI")
	}

	// too few words: a clear failure, and no file
	short := filepath.Join(dir, "pendek.pdf")
	code, _, stderr = run(t, "", "report", "agency", "--db", dsn, "--org", org, "--from", from, "--to", to, "--out", short, "--min-words", "1000000")
	if code != 1 || !strings.Contains(stderr, "kurang dari --min-words 1000000") {
		t.Errorf("min-words: %d %s", code, stderr)
	}
	if _, err := os.Stat(short); err == nil {
		t.Error("a report shorter than --min-words was written")
	}

	// bad input: usage errors (exit 2), unknown organisation (exit 1)
	for _, args := range [][]string{
		{"report"},
		{"report", "letters"},
		{"report", "agency", "--db", dsn, "--from", from, "--to", to, "--out", short},
		{"report", "agency", "--db", dsn, "--org", org, "--from", "2026-13-01", "--to", to, "--out", short},
		{"report", "agency", "--db", dsn, "--org", org, "--from", to, "--to", from, "--out", short},
		{"report", "agency", "--db", dsn, "--org", org, "--from", from, "--to", to},
	} {
		if code, _, stderr := run(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr)
		}
	}
	if code, _, stderr := run(t, "", "report", "agency", "--db", dsn, "--org", "999999", "--from", from, "--to", to, "--out", short); code != 1 {
		t.Errorf("unknown organisation: exit %d (%s)", code, stderr)
	}
}
