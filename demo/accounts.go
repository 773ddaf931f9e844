package demo

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"sinergi"
	"sinergi/store"
)

// The system admin's account belongs to this organisation.
const (
	adminOrg   = "sulsel"
	adminEmail = "admin@sinergi.test"
	adminName  = "Admin Sistem (demo)"
)

// workers is how many accounts are created at once: hashing their
// passwords (argon2id, ~20 ms each) dominates Load.
const workers = 4

// plan collects the accounts to create, in the order Load returns them.
type plan struct {
	inputs   []sinergi.UserInput
	accounts []Account
}

// add plans the accounts of organisation o: org_admin (its first person)
// and member or partner (its second), and the system admin in adminOrg.
func (p *plan) add(o org, orgID int64, persons []int64) {
	second, prefix := sinergi.RoleMember, "anggota."
	if !o.Sector.IsPublic() {
		second, prefix = sinergi.RolePartner, "mitra."
	}
	for i, r := range []sinergi.Role{sinergi.RoleOrgAdmin, second} {
		email := "admin." + o.Slug + "@sinergi.test"
		if i == 1 {
			email = prefix + o.Slug + "@sinergi.test"
		}
		in := sinergi.UserInput{Email: email, OrganizationID: orgID, Roles: []sinergi.Role{r}, Password: Password}
		in.Name = "Akun " + o.Slug + suffix
		if i < len(persons) {
			in.Name = people[o.Slug][i].Name + suffix
			in.PersonID = &persons[i]
		}
		p.inputs = append(p.inputs, in)
		p.accounts = append(p.accounts, Account{email, in.Name, o.Name, in.Roles})
	}
	if o.Slug == adminOrg {
		roles := []sinergi.Role{sinergi.RoleSystemAdmin}
		p.inputs = slices.Insert(p.inputs, 0, sinergi.UserInput{Email: adminEmail, Name: adminName,
			OrganizationID: orgID, Roles: roles, Password: Password})
		p.accounts = slices.Insert(p.accounts, 0, Account{adminEmail, adminName, o.Name, roles})
	}
}

// createUsers creates the accounts, a few at a time; it stops at the first
// error.
func createUsers(ctx context.Context, db *store.DB, ins []sinergi.UserInput) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	next := make(chan sinergi.UserInput)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for in := range next {
				if _, err := db.CreateUser(ctx, in); err != nil {
					cancel(fmt.Errorf("demo: account %s: %w", in.Email, err))
				}
			}
		})
	}
feed:
	for _, in := range ins {
		select {
		case next <- in:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	return context.Cause(ctx)
}
