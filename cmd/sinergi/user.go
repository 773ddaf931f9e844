package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"sinergi"
	"sinergi/store"
)

func openRaw(e *env, dsn string) (*store.DB, error) { return store.Open(e.ctx, dsn) }

func cmdUser(e *env, args []string) error {
	if len(args) == 0 {
		return usageError{"pakai / use: sinergi user create|list|passwd|disable|enable|unlock [opsi]"}
	}
	switch args[0] {
	case "create":
		return userCreate(e, args[1:])
	case "list":
		return userList(e, args[1:])
	case "passwd":
		return userPasswd(e, args[1:])
	case "disable", "enable":
		return userActive(e, args[1:], args[0] == "enable")
	case "unlock":
		return userUnlock(e, args[1:])
	}
	return usageError{"subperintah tidak dikenal / unknown subcommand: " + args[0]}
}

// readSecret takes a password from a flag or, when "-", from the first line
// of standard input (so it stays out of the shell history).
func readSecret(e *env, v string) string {
	if v != "-" {
		return v
	}
	line, _ := bufio.NewReader(e.stdin).ReadString('\n')
	return strings.TrimRight(line, "\r\n")
}

func userCreate(e *env, args []string) error {
	fs, dsn := flags(e, "user create")
	email := fs.String("email", "", "e-mail address (required)")
	name := fs.String("name", "", "full name (required)")
	org := fs.Int64("org", 0, "organisation id (required)")
	roles := fs.String("roles", "member", "comma-separated: system_admin, org_admin, member, partner")
	password := fs.String("password", "-", `initial password; "-" reads it from standard input`)
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	db, err := openDB(e, *dsn, true)
	if err != nil {
		return err
	}
	defer db.Close()
	in := sinergi.UserInput{Email: *email, Name: *name, OrganizationID: *org, Password: readSecret(e, *password)}
	for _, r := range strings.Split(*roles, ",") {
		if r = strings.TrimSpace(r); r != "" {
			in.Roles = append(in.Roles, sinergi.Role(r))
		}
	}
	u, err := db.CreateUser(system(e), in)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "akun dibuat / account created: %s (id %d)\n", u.Email, u.ID)
	return nil
}

func userList(e *env, args []string) error {
	fs, dsn := flags(e, "user list")
	asJSON := fs.Bool("json", false, "print a JSON array")
	org := fs.Int64("org", 0, "only this organisation's accounts")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	db, err := openDB(e, *dsn, true)
	if err != nil {
		return err
	}
	defer db.Close()
	users, err := db.Users(system(e), *org)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(users)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tEMAIL\tORG\tROLES\tACTIVE")
	for _, u := range users {
		rs := make([]string, len(u.Roles))
		for i, r := range u.Roles {
			rs[i] = string(r)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%v\n", u.ID, u.Email, u.OrgName, strings.Join(rs, ","), u.Active)
	}
	return tw.Flush()
}

func userPasswd(e *env, args []string) error {
	fs, dsn := flags(e, "user passwd")
	email := fs.String("email", "", "the account's e-mail (required)")
	password := fs.String("password", "-", `new password; "-" reads it from standard input`)
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	db, err := openDB(e, *dsn, true)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.UserByEmail(e.ctx, *email)
	if err != nil {
		return err
	}
	if err := db.ChangePassword(system(e), u.ID, "", readSecret(e, *password)); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "kata sandi diganti / password changed: %s\n", u.Email)
	return nil
}

func userActive(e *env, args []string, active bool) error {
	fs, dsn := flags(e, "user enable/disable")
	email := fs.String("email", "", "the account's e-mail (required)")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	db, err := openDB(e, *dsn, true)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.UserByEmail(e.ctx, *email)
	if err != nil {
		return err
	}
	if err := db.SetUserActive(system(e), u.ID, active); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: active=%s\n", u.Email, strconv.FormatBool(active))
	return nil
}

// userUnlock lifts a login lockout: `sinergi user unlock EMAIL`, or
// `sinergi user unlock --address IP` for a client address.
func userUnlock(e *env, args []string) error {
	fs, dsn := flags(e, "user unlock")
	address := fs.Bool("address", false, "the argument is a client IP address, not an account e-mail")
	var who string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") { // EMAIL before the flags
		who, args = args[0], args[1:]
	}
	if err := parse(fs, args, 1); err != nil {
		return err
	}
	if fs.NArg() == 1 {
		if who != "" {
			return usageError{"satu akun saja / one account only"}
		}
		who = fs.Arg(0)
	}
	if who == "" {
		return usageError{"pakai / use: sinergi user unlock [--address] EMAIL|IP"}
	}
	db, err := openDB(e, *dsn, true)
	if err != nil {
		return err
	}
	defer db.Close()
	was, err := db.UnlockLogin(system(e), who, *address)
	if err != nil {
		return err
	}
	if !was {
		fmt.Fprintf(e.stdout, "%s: tidak terkunci / not locked (hitungan kegagalan dihapus / failure count cleared)\n", who)
		return nil
	}
	fmt.Fprintf(e.stdout, "%s: kunci dibuka / unlocked\n", who)
	return nil
}
