package main

import "fmt"

func cmdMigrate(e *env, args []string) error {
	fs, dsn := flags(e, "migrate")
	status := fs.Bool("status", false, "only print the schema version")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	db, err := openRaw(e, *dsn) // an outdated schema is what migrate is for
	if err != nil {
		return err
	}
	defer db.Close()
	if *status {
		cur, latest, err := db.SchemaVersion(e.ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "schema %d, latest %d\n", cur, latest)
		if cur != latest {
			return fmt.Errorf("schema not current")
		}
		return nil
	}
	n, err := db.Migrate(e.ctx)
	if err != nil {
		return err
	}
	cur, _, _ := db.SchemaVersion(e.ctx)
	fmt.Fprintf(e.stdout, "%d migrasi diterapkan / migrations applied; schema version %d\n", n, cur)
	return nil
}
