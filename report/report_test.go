package report_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sinergi"
	"sinergi/demo"
	"sinergi/report"
	"sinergi/store"
	"sinergi/store/storetest"
)

// demoOrg loads the demo data and returns the database and the id of
// Pemerintah Provinsi Sulawesi Selatan.
func demoOrg(t *testing.T) (*store.DB, int64) {
	t.Helper()
	db := storetest.Open(t)
	ctx := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	l, err := db.Organizations(ctx, sinergi.OrganizationFilter{Q: "Pemerintah Provinsi Sulawesi Selatan", Limit: 5})
	if err != nil || l.Total == 0 {
		t.Fatalf("demo organisation: %v %+v", err, l)
	}
	return db, l.Items[0].ID
}

// needTools skips unless the poppler and qpdf tools are installed (fails
// instead when CI is set).
func needTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"qpdf", "pdffonts", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is required in CI", tool)
			}
			t.Skipf("%s not installed: skipping the tool checks", tool)
		}
	}
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func TestDemoReport(t *testing.T) {
	db, org := demoOrg(t)
	ctx := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	to := time.Now().UTC()
	from := to.AddDate(-1, 0, 0)
	var steps []string
	d, err := report.Load(ctx, db, org, from, to, func(s string) { steps = append(steps, s) })
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) < 4 {
		t.Errorf("progress steps: %v", steps)
	}
	r := report.Build(d)
	words := r.WordCount()
	t.Logf("verdict %s (%d/%d); words %d (prose %d)", r.Verdict.Status, r.Verdict.Score, r.Verdict.Max, words, r.ProseWords())
	if words < 2000 {
		t.Errorf("the demo report has %d words, want ≥ 2000", words)
	}
	h := r.HTML()
	for _, s := range []string{"Apakah tata kelola kolaboratif dan WoG benar-benar berjalan?", "Contoh kolaborasi", "Tantangan dan hambatan", "Rencana kolaborasi koridor", "Lampiran", "<svg", "Sumber:"} {
		if !strings.Contains(h, s) {
			t.Errorf("HTML lacks %q", s)
		}
	}
	var buf bytes.Buffer
	pages, err := r.PDF(&buf, report.PDFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "laporan.pdf")
	if dir := os.Getenv("REPORT_OUT"); dir != "" {
		p = filepath.Join(dir, "laporan.pdf")
	}
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d pages, %d bytes: %s", pages, buf.Len(), p)
	needTools(t)
	tool(t, "qpdf", "--check", p)
	fonts := tool(t, "pdffonts", p)
	if !strings.Contains(fonts, "LiberationSans") || strings.Contains(fonts, " no  ") && !strings.Contains(fonts, "yes") {
		t.Errorf("pdffonts:\n%s", fonts)
	}
	for _, line := range strings.Split(fonts, "\n")[2:] {
		if f := strings.Fields(line); len(f) > 4 && strings.Contains(f[0], "LiberationSans") && !strings.Contains(line, "yes yes") {
			t.Errorf("font not embedded as a subset: %s", line)
		}
	}
	text := tool(t, "pdftotext", "-layout", p, "-")
	flat := strings.Join(strings.Fields(text), " ")
	for _, s := range []string{"Laporan Kolaborasi Instansi", "Apakah tata kelola kolaboratif dan WoG benar-benar berjalan?", "Contoh kolaborasi", "Tantangan dan hambatan", "Rencana kolaborasi koridor", "Lampiran", "Daftar Isi", "Pemerintah Provinsi Sulawesi Selatan", "hari kerja", "Sumber:"} {
		if !strings.Contains(flat, s) {
			t.Errorf("pdftotext lacks %q", s)
		}
	}
	if n := report.Words(text); n < 2000 {
		t.Errorf("pdftotext gives %d words, want ≥ 2000", n)
	}
}
