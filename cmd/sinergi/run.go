package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"sinergi"
	"sinergi/store"
)

// Version is set at build time (-ldflags "-X main.Version=…").
var Version = "dev"

// env holds the process's streams; commands read and write only through it,
// so tests run them in-process.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

type command struct {
	summary string
	run     func(e *env, args []string) error
}

var commands = map[string]command{
	"serve":   {"jalankan server web dan API / run the web server and API", cmdServe},
	"migrate": {"terapkan migrasi basis data / apply database migrations", cmdMigrate},
	"user":    {"kelola akun (create, list, passwd, disable, enable) / manage accounts", cmdUser},
	"token":   {"kelola token akses API (create, list, revoke) / manage API tokens", cmdToken},
	"demo":    {"muat data demo ke basis data kosong / load the demo dataset", cmdDemo},
	"audit":   {"periksa atau tampilkan jejak audit (verify, list) / audit log", cmdAudit},
	"analyze": {"ukur jaringan kolaborasi (--edges FILE.csv | basis data) / network measures", cmdAnalyze},
	"report":  {"tulis laporan PDF (agency: laporan kolaborasi instansi) / write reports", cmdReport},
	"backup":  {"salin basis data SQLite secara daring / online copy of the SQLite database", cmdBackup},
	"restore": {"pulihkan cadangan SQLite ke basis data kosong / restore a SQLite backup", cmdRestore},
	"version": {"tampilkan versi / print the version", cmdVersion},

	"import": {"impor kerja sama atau kegiatan dari xlsx/CSV (agreements|activities FILE) / import agreements or activities", cmdImport},

	"corridor": {"koridor: verify-draw FILE memeriksa ulang undian kios / re-check a published kiosk draw", cmdCorridor},
}

// Run executes one command line and returns the process exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "sinergi: perintah tidak dikenal %q / unknown command\n\n", args[0])
		usage(stderr)
		return 2
	}
	if err := c.run(e, args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "sinergi %s: %v\n", args[0], err)
			return 2
		}
		var de *sinergi.Error
		if errors.As(err, &de) {
			fmt.Fprintf(stderr, "sinergi %s: %s\n", args[0], de.Msg.ID+" / "+de.Msg.EN)
			for _, f := range de.Fields {
				fmt.Fprintf(stderr, "  - %s: %s / %s\n", f.Field, f.Msg.ID, f.Msg.EN)
			}
			return 1
		}
		fmt.Fprintf(stderr, "sinergi %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usage(w io.Writer) {
	fmt.Fprintln(w, "Sinergi — tata kelola kolaboratif / collaborative governance")
	fmt.Fprintln(w, "\nPemakaian / usage: sinergi PERINTAH [opsi]")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nKonfigurasi / configuration: --db sqlite:PATH|postgres://… (SINERGI_DB, default sqlite:sinergi.db),")
	fmt.Fprintln(w, "  --addr HOST:PORT (SINERGI_ADDR, default 127.0.0.1:8080). `sinergi PERINTAH -h` shows each command's options.")
}

// flags makes a flag set with the options every command shares.
func flags(e *env, name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("sinergi "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", envOr("SINERGI_DB", "sqlite:sinergi.db"), "database: sqlite:PATH or postgres://… (env SINERGI_DB)")
	return fs, db
}

func envOr(name, def string) string {
	if v := strings.TrimSpace(os.Getenv(name)); v != "" {
		return v
	}
	return def
}

func envBool(name string) bool {
	switch strings.ToLower(os.Getenv(name)) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

// parse parses args and refuses stray positional arguments beyond max.
func parse(fs *flag.FlagSet, args []string, max int) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > max {
		return usageError{fmt.Sprintf("argumen tidak dikenal / unexpected arguments: %s", strings.Join(fs.Args()[max:], " "))}
	}
	return nil
}

// openDB opens the database and, unless told not to, migrates it.
func openDB(e *env, dsn string, migrate bool) (*store.DB, error) {
	db, err := store.Open(e.ctx, dsn)
	if err != nil {
		return nil, err
	}
	if migrate {
		if _, err := db.Migrate(e.ctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("migrate: %w", err)
		}
	} else if err := db.CheckSchema(e.ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// system is the context the administration commands act in.
func system(e *env) context.Context { return sinergi.WithActor(e.ctx, sinergi.SystemActor) }

func cmdVersion(e *env, args []string) error {
	fmt.Fprintln(e.stdout, "sinergi", Version)
	return nil
}
