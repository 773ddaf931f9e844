package main

import (
	"encoding/json"
	"errors"
	"fmt"

	"sinergi/audit"
	"sinergi/store"
)

func cmdAudit(e *env, args []string) error {
	if len(args) == 0 {
		return usageError{"pakai / use: sinergi audit verify|list [opsi]"}
	}
	fs, dsn := flags(e, "audit "+args[0])
	limit := fs.Int("limit", 50, "entries to list")
	if err := parse(fs, args[1:], 0); err != nil {
		return err
	}
	db, err := openDB(e, *dsn, false)
	if err != nil {
		return err
	}
	defer db.Close()
	switch args[0] {
	case "verify":
		n, err := db.VerifyAudit(e.ctx)
		var b *audit.Broken
		if errors.As(err, &b) {
			return fmt.Errorf("RUSAK / BROKEN: entri %d: %s (%d entri sebelumnya utuh / entries before it intact)", b.ID, b.Reason, n)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "jejak audit utuh / audit log intact: %d entri / entries\n", n)
		return nil
	case "list":
		l, err := db.AuditEntries(system(e), store.AuditFilter{Limit: *limit})
		if err != nil {
			return err
		}
		enc := json.NewEncoder(e.stdout)
		for _, en := range l.Items {
			if err := enc.Encode(en); err != nil {
				return err
			}
		}
		return nil
	}
	return usageError{"subperintah tidak dikenal / unknown subcommand: " + args[0]}
}
