package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

func cmdToken(e *env, args []string) error {
	if len(args) == 0 {
		return usageError{"pakai / use: sinergi token create|list|revoke [opsi]"}
	}
	fs, dsn := flags(e, "token "+args[0])
	user := fs.String("user", "", "the account's e-mail")
	name := fs.String("name", "cli", "token name (create)")
	expires := fs.String("expires", "", "lifetime for create, e.g. 90d or 12h (default: no expiry)")
	id := fs.Int64("id", 0, "token id (revoke)")
	if err := parse(fs, args[1:], 0); err != nil {
		return err
	}
	db, err := openDB(e, *dsn, true)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := system(e)
	switch args[0] {
	case "create":
		u, err := db.UserByEmail(e.ctx, *user)
		if err != nil {
			return err
		}
		var exp *time.Time
		if *expires != "" {
			d, err := parseLifetime(*expires)
			if err != nil {
				return usageError{"--expires: " + err.Error()}
			}
			t := time.Now().Add(d)
			exp = &t
		}
		_, secret, err := db.CreateToken(ctx, u.ID, *name, exp)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stderr, "Token untuk / token for", u.Email, "— simpan sekarang, tidak akan ditampilkan lagi / keep it now, it is not shown again:")
		fmt.Fprintln(e.stdout, secret)
		return nil
	case "list":
		u, err := db.UserByEmail(e.ctx, *user)
		if err != nil {
			return err
		}
		ts, err := db.Tokens(ctx, u.ID)
		if err != nil {
			return err
		}
		for _, t := range ts {
			state := "active"
			if t.RevokedAt != nil {
				state = "revoked"
			}
			fmt.Fprintf(e.stdout, "%d\t%s\t%s…\t%s\t%s\n", t.ID, t.Name, t.Prefix, t.CreatedAt.Format(time.RFC3339), state)
		}
		return nil
	case "revoke":
		if *id <= 0 {
			return usageError{"--id is required"}
		}
		if err := db.RevokeToken(ctx, *id); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "token %d dicabut / revoked\n", *id)
		return nil
	}
	return usageError{"subperintah tidak dikenal / unknown subcommand: " + args[0]}
}

// parseLifetime accepts Go durations and whole days ("90d").
func parseLifetime(s string) (time.Duration, error) {
	if d, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(d)
		if err != nil || n <= 0 || n > 3650 {
			return 0, fmt.Errorf("want 1d…3650d")
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("want a positive duration such as 12h or 90d")
	}
	return d, nil
}
