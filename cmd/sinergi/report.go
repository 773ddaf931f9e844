package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"sinergi/report"
)

// cmdReport writes reports as PDF: `sinergi report agency` is the agency
// collaboration report (issue 7 item 3).
func cmdReport(e *env, args []string) error {
	if len(args) == 0 || args[0] != "agency" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprintln(e.stderr, "pemakaian / usage: sinergi report agency --org ID --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf [--min-words N] [--font-dir DIR] [--html FILE.html] [--db …]")
			return nil
		}
		return usageError{"sub-perintah / subcommand: agency (sinergi report agency --org ID --from DATE --to DATE --out FILE.pdf)"}
	}
	fs, dsn := flags(e, "report agency")
	org := fs.Int64("org", 0, "organisation id")
	from := fs.String("from", "", "first day of the period, YYYY-MM-DD")
	to := fs.String("to", "", "last day of the period, YYYY-MM-DD")
	out := fs.String("out", "", "PDF file to write")
	htmlOut := fs.String("html", "", "optional: also write the HTML view to this file")
	minWords := fs.Int("min-words", 0, "fail when the report has fewer words")
	fontDir := fs.String("font-dir", "", "directory with arial.ttf, arialbd.ttf, ariali.ttf, arialbi.ttf to embed Arial instead of Liberation Sans")
	if err := parse(fs, args[1:], 0); err != nil {
		return err
	}
	if *org <= 0 {
		return usageError{"--org ID wajib / is required"}
	}
	if *out == "" {
		return usageError{"--out FILE.pdf wajib / is required"}
	}
	if *minWords < 0 {
		return usageError{"--min-words harus ≥ 0 / must be ≥ 0"}
	}
	f, err := time.Parse(time.DateOnly, strings.TrimSpace(*from))
	if err != nil {
		return usageError{"--from harus YYYY-MM-DD / must be YYYY-MM-DD"}
	}
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(*to))
	if err != nil {
		return usageError{"--to harus YYYY-MM-DD / must be YYYY-MM-DD"}
	}
	if t.Before(f) {
		return usageError{"--to sebelum --from / --to is before --from"}
	}
	start := time.Now()
	step := func(s string) {
		fmt.Fprintf(e.stderr, "[%5.1fs] %s\n", time.Since(start).Seconds(), s)
	}
	db, err := openDB(e, *dsn, false)
	if err != nil {
		return err
	}
	defer db.Close()
	step("membaca data / loading data")
	d, err := report.Load(system(e), db, *org, f, t, func(s string) { step("  " + s) })
	if err != nil {
		return err
	}
	step("menyusun laporan / assembling")
	r := report.Build(d)
	words := r.WordCount()
	if *minWords > 0 && words < *minWords {
		return fmt.Errorf("laporan hanya %d kata, kurang dari --min-words %d; tidak ditulis / the report has %d words, fewer than --min-words %d; not written", words, *minWords, words, *minWords)
	}
	step("menulis PDF / writing the PDF")
	var buf bytes.Buffer
	pages, err := r.PDF(&buf, report.PDFOptions{FontDir: *fontDir})
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	if *htmlOut != "" {
		page := "<!doctype html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><title>" + r.Title + "</title></head><body>" + r.HTML() + "</body></html>\n"
		if err := os.WriteFile(*htmlOut, []byte(page), 0o644); err != nil {
			return err
		}
	}
	step("selesai / done")
	fmt.Fprintf(e.stdout, "%s: %s halaman, %s kata (prosa %s), putusan: %s (%d/%d)\n", *out, strconv.Itoa(pages), strconv.Itoa(words), strconv.Itoa(r.ProseWords()), r.Verdict.Status.Label(), r.Verdict.Score, r.Verdict.Max)
	return nil
}
