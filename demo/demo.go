// Package demo loads Sinergi's demo dataset into an empty database: real
// institutions of the Makassar–Parepare railway setting, with their units,
// invented people (plausible Indonesian names, made-up NIPs, e-mails at
// sinergi.test) and one account per role per organisation. The data is
// illustrative only.
package demo

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"sinergi"
	"sinergi/store"
)

// Password is the one password of every demo account (demo only).
const Password = "sinergi-demo-2026"

// Account is a demo account as the command line lists it.
type Account struct {
	Email, Name, Organization string
	Roles                     []sinergi.Role
}

// ErrNotEmpty: the demo loads only into a database without organisations.
var ErrNotEmpty = errors.New("demo: the database already has organisations; the demo data loads only into an empty database")

// Load fills an empty database (no organisations) and returns the accounts
// it made, system admin first. On a non-empty database it returns
// ErrNotEmpty and changes nothing. It acts as the system. If it fails
// half-way, what it made stays; start again from an empty database.
func Load(ctx context.Context, db *store.DB) ([]Account, error) {
	ctx = sinergi.WithActor(ctx, sinergi.SystemActor)
	l, err := db.Organizations(ctx, sinergi.OrganizationFilter{Limit: 1})
	if err != nil {
		return nil, err
	}
	if l.Total > 0 {
		return nil, ErrNotEmpty
	}
	var p plan
	for _, o := range orgs {
		id, persons, err := loadOrg(ctx, db, o)
		if err != nil {
			return nil, fmt.Errorf("demo: %s: %w", o.Name, err)
		}
		p.add(o, id, persons)
	}
	if err := createUsers(ctx, db, p.inputs); err != nil {
		return nil, err
	}
	if err := loadAssistance(ctx, db); err != nil {
		return nil, err
	}
	if err := loadAgreements(ctx, db); err != nil {
		return nil, err
	}
	if err := loadActivities(ctx, db); err != nil {
		return nil, err
	}
	if err := loadAgreementReports(ctx, db); err != nil {
		return nil, err
	}
	if err := loadForums(ctx, db); err != nil {
		return nil, err
	}
	if err := loadCorridors(ctx, db); err != nil {
		return nil, err
	}
	return p.accounts, loadAssessments(ctx, db)
}

// loadOrg creates an organisation, its units and its people, and returns
// the ids of the organisation and of its people.
func loadOrg(ctx context.Context, db *store.DB, o org) (int64, []int64, error) {
	made, err := db.CreateOrganization(ctx, sinergi.OrganizationInput{
		Name: o.Name, Acronym: o.Acronym, Sector: o.Sector, RegionCode: o.Region})
	if err != nil {
		return 0, nil, err
	}
	units := map[string]int64{}
	if err := createUnits(ctx, db, made.ID, nil, o.Units, units); err != nil {
		return 0, nil, err
	}
	var ids []int64
	for _, p := range people[o.Slug] {
		in := sinergi.PersonInput{Name: p.Name + suffix, NIP: p.NIP, Position: p.Position, Email: p.email()}
		if p.Unit != "" {
			id, ok := units[p.Unit]
			if !ok {
				return 0, nil, fmt.Errorf("%s: no unit %q", p.Name, p.Unit)
			}
			in.UnitID = &id
		}
		made, err := db.CreatePerson(ctx, made.ID, in)
		if err != nil {
			return 0, nil, fmt.Errorf("%s: %w", p.Name, err)
		}
		ids = append(ids, made.ID)
	}
	return made.ID, ids, nil
}

// createUnits creates us under parent (nil: top level), depth-first, and
// records their ids by name.
func createUnits(ctx context.Context, db *store.DB, orgID int64, parent *int64, us []unit, ids map[string]int64) error {
	for _, x := range us {
		made, err := db.CreateUnit(ctx, orgID, sinergi.UnitInput{Name: x.Name, Kind: x.Kind, ParentID: parent})
		if err != nil {
			return fmt.Errorf("unit %s: %w", x.Name, err)
		}
		ids[x.Name] = made.ID
		if err := createUnits(ctx, db, orgID, &made.ID, x.Sub, ids); err != nil {
			return err
		}
	}
	return nil
}

// Notice is the multi-line "DEMO ONLY" warning for the command line: what
// the data is, the accounts and their password.
func Notice(accounts []Account) string {
	var b strings.Builder
	b.WriteString(`==================== DEMO ONLY / HANYA UNTUK DEMO ====================
Data demo ini ilustratif. Instansi nyata dipakai hanya sebagai contoh dan
susunan unitnya disederhanakan; orang, NIP, jabatan dan surel dikarang.
This demo data is illustrative. Real institutions appear only as examples,
their units simplified; people, NIPs, positions and e-mails are invented.
Jangan pakai di produksi. Do not use in production.

Kata sandi semua akun / password of every account: ` + Password + "\n\n")
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "SUREL/E-MAIL\tPERAN/ROLES\tINSTANSI/ORGANISATION")
	for _, a := range accounts {
		roles := make([]string, len(a.Roles))
		for i, r := range a.Roles {
			roles[i] = string(r)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", a.Email, strings.Join(roles, ","), a.Organization)
	}
	w.Flush()
	b.WriteString("=======================================================================\n")
	return b.String()
}
