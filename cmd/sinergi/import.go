package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"sinergi/sheet"
	"sinergi/store"
)

// cmdImport imports spreadsheets: `sinergi import agreements FILE` and
// `sinergi import activities FILE` read an xlsx or CSV file in the import
// template's columns (the same file, limits and checks as POST
// /api/v1/agreements/import and /api/v1/activities/import) and store the
// records as the system, each audited.
func cmdImport(e *env, args []string) error {
	const usage = "pemakaian / usage: sinergi import agreements|activities FILE.xlsx|FILE.csv [--mode all|valid] [--report FILE.json] [--db …]"
	kinds := map[string]func(*store.DB, context.Context, []byte, sheet.Mode) (*sheet.Report, error){
		"agreements": (*store.DB).ImportAgreementsFile,
		"activities": (*store.DB).ImportActivitiesFile,
	}
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		fmt.Fprintln(e.stderr, usage)
		return nil
	}
	if len(args) == 0 || kinds[args[0]] == nil {
		return usageError{"sub-perintah / subcommand: agreements, activities (sinergi import agreements FILE.xlsx [--mode all|valid])"}
	}
	fs, dsn := flags(e, "import "+args[0])
	mode := fs.String("mode", "all", "all: any problem imports nothing; valid: the valid rows are imported")
	report := fs.String("report", "", "write the whole report (every problem) as JSON to this file")
	if len(args) < 2 {
		return usageError{"sebutkan berkas / name the file: sinergi import " + args[0] + " FILE.xlsx"}
	}
	if err := parse(fs, args[2:], 0); err != nil {
		return err
	}
	m := map[string]sheet.Mode{"all": sheet.AllOrNothing, "valid": sheet.ValidOnly,
		string(sheet.AllOrNothing): sheet.AllOrNothing, string(sheet.ValidOnly): sheet.ValidOnly}[*mode]
	if m == "" {
		return usageError{"--mode harus all atau valid / must be all or valid"}
	}
	start := time.Now()
	b, err := os.ReadFile(args[1])
	if err != nil {
		return err
	}
	db, err := openDB(e, *dsn, false)
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := kinds[args[0]](db, system(e), b, m)
	if err != nil {
		return sheetErr(err)
	}
	took := time.Since(start)
	fmt.Fprintf(e.stdout, "%s: %d baris, %d sah, %d diimpor, %d masalah (%s) / %d rows, %d valid, %d imported, %d problems; %.0f baris/detik / rows/s in %s\n",
		rep.Format, rep.Rows, rep.Valid, rep.Imported, len(rep.Problems), rep.Mode, rep.Rows, rep.Valid, rep.Imported, len(rep.Problems),
		float64(rep.Rows)/took.Seconds(), took.Round(time.Millisecond))
	for i, p := range rep.Problems {
		if i == 20 {
			fmt.Fprintf(e.stdout, "  … %d masalah lagi / more problems (--report FILE.json)\n", len(rep.Problems)-i)
			break
		}
		fmt.Fprintf(e.stdout, "  baris/row %d, %s: %s / %s\n", p.Row, p.Label, p.Reason, p.ReasonEN)
	}
	if *report != "" {
		j, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(*report, j, 0o644); err != nil {
			return err
		}
	}
	if rep.Imported == 0 && len(rep.Problems) > 0 {
		return fmt.Errorf("tidak ada yang diimpor / nothing was imported")
	}
	return nil
}

// sheetErr names a file that cannot be read as such.
func sheetErr(err error) error {
	if se, ok := err.(*sheet.Error); ok {
		return fmt.Errorf("berkas tidak dapat dibaca / the file cannot be read: %s / %s", se.ID, se.EN)
	}
	return err
}
