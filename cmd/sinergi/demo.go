package main

import (
	"fmt"

	"sinergi/demo"
)

func cmdDemo(e *env, args []string) error {
	fs, dsn := flags(e, "demo")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	db, err := openDB(e, *dsn, true)
	if err != nil {
		return err
	}
	defer db.Close()
	accounts, err := demo.Load(system(e), db)
	if err != nil {
		return fmt.Errorf("%w", err)
	}
	fmt.Fprint(e.stdout, demo.Notice(accounts))
	return nil
}
