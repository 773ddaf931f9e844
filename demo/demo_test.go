package demo_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"sinergi"
	"sinergi/demo"
	"sinergi/store"
	"sinergi/store/storetest"
)

var sys = sinergi.WithActor(context.Background(), sinergi.SystemActor)

// want is the brief's list of organisations, slug by name.
var want = []struct {
	name, slug, region string
	sector             sinergi.Sector
}{
	{"Universitas Sulawesi Barat", "unsulbar", "76.05", sinergi.SectorPublicUniversity},
	{"Universitas Gadjah Mada", "ugm", "34.04", sinergi.SectorPublicUniversity},
	{"Universitas Muhammadiyah Makassar", "unismuh", "73.71", sinergi.SectorPrivateUniversity},
	{"Pemerintah Provinsi Sulawesi Selatan", "sulsel", "73", sinergi.SectorProvincialGovernment},
	{"Pemerintah Kabupaten Maros", "maros", "73.09", sinergi.SectorRegencyGovernment},
	{"Pemerintah Kabupaten Pangkajene dan Kepulauan", "pangkep", "73.10", sinergi.SectorRegencyGovernment},
	{"Pemerintah Kabupaten Barru", "barru", "73.11", sinergi.SectorRegencyGovernment},
	{"Pemerintah Kota Parepare", "parepare", "73.72", sinergi.SectorCityGovernment},
	{"Pemerintah Kota Makassar", "makassar", "73.71", sinergi.SectorCityGovernment},
	{"Kementerian Perhubungan", "kemenhub", "31", sinergi.SectorMinistry},
	{"PT Celebes Railway Indonesia", "cri", "73.71", sinergi.SectorPrivateCompany},
	{"PT Kereta Api Indonesia (Persero)", "kai", "32.73", sinergi.SectorBUMN},
	{"PT Sulsel Citra Indonesia", "sci", "73.71", sinergi.SectorBUMD},
	{"Asosiasi UMKM Maros", "umkm-maros", "73.09", sinergi.SectorCooperative},
	{"Komunitas Peduli Stasiun Maros", "komunitas-maros", "73.09", sinergi.SectorCommunity},
}

func TestLoad(t *testing.T) {
	db := storetest.Open(t)
	start := time.Now()
	accounts, err := demo.Load(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Load (%s): %d accounts in %v", db.Dialect, len(accounts), time.Since(start))

	if len(accounts) != 1+2*len(want) {
		t.Fatalf("got %d accounts, want %d", len(accounts), 1+2*len(want))
	}
	if a := accounts[0]; a.Email != "admin@sinergi.test" || !slices.Equal(a.Roles, []sinergi.Role{sinergi.RoleSystemAdmin}) ||
		a.Organization != "Pemerintah Provinsi Sulawesi Selatan" || a.Name != "Admin Sistem (demo)" {
		t.Fatalf("first account: %+v", a)
	}
	byEmail := map[string]demo.Account{}
	for _, a := range accounts {
		if !strings.HasSuffix(a.Email, "@sinergi.test") {
			t.Errorf("%s: not @sinergi.test", a.Email)
		}
		byEmail[a.Email] = a
	}

	orgs := map[string]sinergi.Organization{}
	for _, w := range want {
		l, err := db.Organizations(sys, sinergi.OrganizationFilter{Q: w.name})
		if err != nil || l.Total != 1 {
			t.Fatalf("%s: %d found, %v", w.name, l.Total, err)
		}
		o := l.Items[0]
		if o.Name != w.name || o.Sector != w.sector || o.RegionCode != w.region {
			t.Errorf("%s: got %+v", w.name, o)
		}
		orgs[o.Name] = o
		second, role := "anggota.", sinergi.RoleMember
		if !o.Public {
			second, role = "mitra.", sinergi.RolePartner
		}
		checkAccount(t, byEmail, "admin."+w.slug+"@sinergi.test", o.Name, sinergi.RoleOrgAdmin)
		checkAccount(t, byEmail, second+w.slug+"@sinergi.test", o.Name, role)
		checkPeople(t, db, o)
	}
	if l, _ := db.Organizations(sys, sinergi.OrganizationFilter{}); l.Total != len(want) {
		t.Errorf("%d organisations, want %d", l.Total, len(want))
	}
	checkUsers(t, db, accounts, orgs)

	u, err := db.Authenticate(context.Background(), "admin@sinergi.test", demo.Password)
	if err != nil || !slices.Contains(u.Roles, sinergi.RoleSystemAdmin) {
		t.Fatalf("authenticate admin: %+v, %v", u, err)
	}

	notice := demo.Notice(accounts)
	for _, s := range []string{"DEMO ONLY", "ilustratif", "illustrative", demo.Password} {
		if !strings.Contains(notice, s) {
			t.Errorf("notice lacks %q", s)
		}
	}
	for _, a := range accounts {
		if !strings.Contains(notice, a.Email) {
			t.Errorf("notice lacks %s", a.Email)
		}
	}

	if again, err := demo.Load(context.Background(), db); !errors.Is(err, demo.ErrNotEmpty) || again != nil {
		t.Fatalf("second load: %v, %v", again, err)
	}
	if l, _ := db.Organizations(sys, sinergi.OrganizationFilter{}); l.Total != len(want) {
		t.Errorf("second load changed the registry: %d organisations", l.Total)
	}
}

func checkAccount(t *testing.T, byEmail map[string]demo.Account, email, org string, role sinergi.Role) {
	t.Helper()
	a, ok := byEmail[email]
	if !ok {
		t.Errorf("no account %s", email)
		return
	}
	if a.Organization != org || !slices.Equal(a.Roles, []sinergi.Role{role}) {
		t.Errorf("%s: got %+v, want %s in %s", email, a, role, org)
	}
}

// checkPeople: 2–3 invented people, NIPs for public bodies only.
func checkPeople(t *testing.T, db *store.DB, o sinergi.Organization) {
	t.Helper()
	l, err := db.People(sys, o.ID, "", 0, 0)
	if err != nil || l.Total < 2 || l.Total > 3 {
		t.Errorf("%s: %d people, %v", o.Name, l.Total, err)
	}
	for _, p := range l.Items {
		if (p.NIP != "") != o.Public || (p.NIP != "" && sinergi.ValidateNIP(p.NIP) != nil) {
			t.Errorf("%s: %s has NIP %q", o.Name, p.Name, p.NIP)
		}
		if !strings.HasSuffix(p.Email, "@sinergi.test") || !strings.HasSuffix(p.Name, " (demo)") {
			t.Errorf("%s: person %s <%s>", o.Name, p.Name, p.Email)
		}
	}
}

// checkUsers compares the stored accounts with the returned ones: same
// set, organisations exist, one org_admin per organisation, each linked to
// a person of its organisation (the system admin aside).
func checkUsers(t *testing.T, db *store.DB, accounts []demo.Account, orgs map[string]sinergi.Organization) {
	t.Helper()
	users, err := db.Users(sys, 0)
	if err != nil || len(users) != len(accounts) {
		t.Fatalf("%d users stored, %v; want %d", len(users), err, len(accounts))
	}
	admins := map[int64]int{}
	for _, u := range users {
		i := slices.IndexFunc(accounts, func(a demo.Account) bool { return a.Email == u.Email })
		if i < 0 || !slices.Equal(u.Roles, accounts[i].Roles) || u.OrgName != accounts[i].Organization || u.Name != accounts[i].Name {
			t.Errorf("stored %+v does not match returned accounts", u)
			continue
		}
		if orgs[u.OrgName].ID != u.OrganizationID {
			t.Errorf("%s: organisation %d not in the list", u.Email, u.OrganizationID)
		}
		if slices.Contains(u.Roles, sinergi.RoleOrgAdmin) {
			admins[u.OrganizationID]++
		}
		if slices.Contains(u.Roles, sinergi.RoleSystemAdmin) {
			continue
		}
		if u.PersonID == nil {
			t.Errorf("%s: no person", u.Email)
		} else if p, err := db.Person(sys, *u.PersonID); err != nil || p.OrganizationID != u.OrganizationID || p.Name != u.Name {
			t.Errorf("%s: person %+v, %v", u.Email, p, err)
		}
	}
	for name, o := range orgs {
		if admins[o.ID] != 1 {
			t.Errorf("%s: %d org_admin accounts", name, admins[o.ID])
		}
	}
}
