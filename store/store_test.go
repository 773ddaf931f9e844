package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"sinergi"
	"sinergi/audit"
	"sinergi/store"
	"sinergi/store/storetest"
)

var sys = sinergi.WithActor(context.Background(), sinergi.SystemActor)

func mustOrg(t *testing.T, db *store.DB, in sinergi.OrganizationInput) *sinergi.Organization {
	t.Helper()
	o, err := db.CreateOrganization(sys, in)
	if err != nil {
		t.Fatalf("create %q: %v", in.Name, err)
	}
	return o
}

func asUser(t *testing.T, db *store.DB, orgID int64, email string, roles ...sinergi.Role) context.Context {
	t.Helper()
	u, err := db.CreateUser(sys, sinergi.UserInput{Email: email, Name: "Uji " + email, OrganizationID: orgID, Roles: roles, Password: "kata-sandi-uji-1"})
	if err != nil {
		t.Fatal(err)
	}
	return sinergi.WithActor(context.Background(), store.ActorOf(u))
}

func code(err error) sinergi.Code {
	if err == nil {
		return ""
	}
	return sinergi.ErrorCode(err)
}

func TestMigrateIsIdempotent(t *testing.T) {
	db := storetest.Open(t)
	n, err := db.Migrate(context.Background())
	if err != nil || n != 0 {
		t.Fatalf("second migrate: got %d, %v; want 0, nil", n, err)
	}
	if err := db.CheckSchema(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestOrganizations(t *testing.T) {
	db := storetest.Open(t)
	maros := mustOrg(t, db, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Maros", Acronym: "Pemkab Maros", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.09"})
	if !maros.Public || maros.RegionName != "Kabupaten Maros" || maros.Version != 1 {
		t.Fatalf("got %+v", maros)
	}
	mustOrg(t, db, sinergi.OrganizationInput{Name: "PT Celebes Railway Indonesia", Sector: sinergi.SectorPrivateCompany, RegionCode: "73.71"})
	mustOrg(t, db, sinergi.OrganizationInput{Name: "Komunitas 100% Maros_", Sector: sinergi.SectorCommunity, RegionCode: "73.09.01"})

	bad := []struct {
		name  string
		in    sinergi.OrganizationInput
		field string
	}{
		{"no name", sinergi.OrganizationInput{Sector: sinergi.SectorCommunity}, "name"},
		{"unknown sector", sinergi.OrganizationInput{Name: "X Y", Sector: "church"}, "sector"},
		{"unknown region", sinergi.OrganizationInput{Name: "X Y", Sector: sinergi.SectorCommunity, RegionCode: "99.99"}, "region_code"},
		{"city in a kabupaten", sinergi.OrganizationInput{Name: "Kota X", Sector: sinergi.SectorCityGovernment, RegionCode: "73.09"}, "region_code"},
		{"regency in a kota", sinergi.OrganizationInput{Name: "Kab X", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.71"}, "region_code"},
		{"province without region", sinergi.OrganizationInput{Name: "Prov X", Sector: sinergi.SectorProvincialGovernment}, "region_code"},
		{"foreign with region", sinergi.OrganizationInput{Name: "Uni X", Sector: sinergi.SectorForeignInstitution, RegionCode: "73"}, "region_code"},
		{"missing parent", sinergi.OrganizationInput{Name: "Dinas X", Sector: sinergi.SectorCommunity, ParentID: new(int64(9999))}, "parent_id"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.CreateOrganization(sys, tt.in)
			var e *sinergi.Error
			if !errors.As(err, &e) || e.Code != sinergi.CodeInvalid || len(e.Fields) == 0 || e.Fields[0].Field != tt.field {
				t.Fatalf("got %v, want invalid %s", err, tt.field)
			}
		})
	}

	filters := []struct {
		name string
		f    sinergi.OrganizationFilter
		want int
	}{
		{"all", sinergi.OrganizationFilter{}, 3},
		{"q name", sinergi.OrganizationFilter{Q: "maros"}, 2},
		{"q acronym", sinergi.OrganizationFilter{Q: "pemkab"}, 1},
		{"q percent literal", sinergi.OrganizationFilter{Q: "100%"}, 1},
		{"q underscore literal", sinergi.OrganizationFilter{Q: "s_"}, 1},
		{"sector", sinergi.OrganizationFilter{Sector: sinergi.SectorPrivateCompany}, 1},
		{"region with children", sinergi.OrganizationFilter{RegionCode: "73.09"}, 2},
		{"public", sinergi.OrganizationFilter{Public: new(true)}, 1},
		{"page beyond", sinergi.OrganizationFilter{Offset: 10}, 3},
	}
	for _, tt := range filters {
		t.Run(tt.name, func(t *testing.T) {
			l, err := db.Organizations(context.Background(), tt.f)
			if err != nil || l.Total != tt.want {
				t.Fatalf("got total %d, %v; want %d", l.Total, err, tt.want)
			}
		})
	}

	// optimistic concurrency: a stale version is refused and changes nothing
	in := sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Maros (baru)", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.09"}
	up, err := db.UpdateOrganization(sys, maros.ID, 1, in)
	if err != nil || up.Version != 2 {
		t.Fatalf("update: %v %+v", err, up)
	}
	if _, err := db.UpdateOrganization(sys, maros.ID, 1, in); code(err) != sinergi.CodePreconditionFailed {
		t.Fatalf("stale update: got %v, want precondition_failed", err)
	}
	// a cycle in the parent chain is refused
	child := mustOrg(t, db, sinergi.OrganizationInput{Name: "Bappelitbangda Maros", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.09", ParentID: &maros.ID})
	in.ParentID = &child.ID
	if _, err := db.UpdateOrganization(sys, maros.ID, 0, in); code(err) != sinergi.CodeInvalid {
		t.Fatalf("cycle: got %v, want invalid", err)
	}
	if _, err := db.Organization(context.Background(), 424242); code(err) != sinergi.CodeNotFound {
		t.Fatalf("got %v, want not_found", err)
	}
}

func TestPermissions(t *testing.T) {
	db := storetest.Open(t)
	a := mustOrg(t, db, sinergi.OrganizationInput{Name: "Pemerintah Kota Parepare", Sector: sinergi.SectorCityGovernment, RegionCode: "73.72"})
	b := mustOrg(t, db, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Barru", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.11"})
	adminA := asUser(t, db, a.ID, "admin@a.test", sinergi.RoleOrgAdmin)
	memberA := asUser(t, db, a.ID, "member@a.test", sinergi.RoleMember)
	public := context.Background()
	unit := sinergi.UnitInput{Name: "Dinas Perhubungan", Kind: "opd"}
	tests := []struct {
		name string
		ctx  context.Context
		org  int64
		want sinergi.Code
	}{
		{"org admin, own", adminA, a.ID, ""},
		{"org admin, other", adminA, b.ID, sinergi.CodeForbidden},
		{"member, own", memberA, a.ID, sinergi.CodeForbidden},
		{"public", public, a.ID, sinergi.CodeUnauthorized},
		{"system", sys, b.ID, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.CreateUnit(tt.ctx, tt.org, unit)
			if got := code(err); got != tt.want {
				t.Fatalf("got %q (%v), want %q", got, err, tt.want)
			}
		})
	}
	if _, err := db.CreateUser(adminA, sinergi.UserInput{Email: "x@a.test", Name: "X Y", OrganizationID: a.ID, Roles: []sinergi.Role{sinergi.RoleSystemAdmin}, Password: "0123456789ab"}); code(err) != sinergi.CodeForbidden {
		t.Fatalf("org admin granting system admin: got %v", err)
	}
	if _, err := db.People(public, a.ID, "", 0, 10); code(err) != sinergi.CodeUnauthorized {
		t.Fatalf("public reading people: got %v", err)
	}
}

func TestUnitsAndPeople(t *testing.T) {
	db := storetest.Open(t)
	u := mustOrg(t, db, sinergi.OrganizationInput{Name: "Universitas Sulawesi Barat", Sector: sinergi.SectorPublicUniversity, RegionCode: "76"})
	other := mustOrg(t, db, sinergi.OrganizationInput{Name: "Universitas Gadjah Mada", Sector: sinergi.SectorPublicUniversity, RegionCode: "34"})
	fak, err := db.CreateUnit(sys, u.ID, sinergi.UnitInput{Name: "Fakultas Peternakan dan Perikanan", Kind: "faculty"})
	if err != nil {
		t.Fatal(err)
	}
	prodi, err := db.CreateUnit(sys, u.ID, sinergi.UnitInput{Name: "Prodi Peternakan", Kind: "study_programme", ParentID: &fak.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUnit(sys, other.ID, sinergi.UnitInput{Name: "Fakultas X", ParentID: &fak.ID}); code(err) != sinergi.CodeInvalid {
		t.Fatalf("parent from another organisation: got %v", err)
	}
	if _, err := db.UpdateUnit(sys, fak.ID, 0, sinergi.UnitInput{Name: "Fakultas", Kind: "faculty", ParentID: &prodi.ID}); code(err) != sinergi.CodeInvalid {
		t.Fatalf("unit cycle: got %v", err)
	}
	tree, err := db.Units(sys, u.ID)
	if err != nil || len(tree) != 2 || tree[1].Depth != 1 || tree[1].ID != prodi.ID {
		t.Fatalf("tree: %v %+v", err, tree)
	}
	p, err := db.CreatePerson(sys, u.ID, sinergi.PersonInput{Name: "Andi Contoh", NIP: "198501012010011001", Position: "Dosen", Email: "andi@sinergi.test", UnitID: &prodi.ID})
	if err != nil || p.UnitName != "Prodi Peternakan" {
		t.Fatalf("person: %v %+v", err, p)
	}
	_, err = db.CreatePerson(sys, other.ID, sinergi.PersonInput{Name: "Budi Contoh", NIP: "198501012010011001"})
	var e *sinergi.Error
	if !errors.As(err, &e) || e.Code != sinergi.CodeInvalid || e.Fields[0].Field != "nip" {
		t.Fatalf("duplicate NIP: got %v", err)
	}
	if err := db.DeleteUnit(sys, fak.ID); code(err) != sinergi.CodeConflict {
		t.Fatalf("delete unit with children: got %v", err)
	}
	if err := db.DeleteUnit(sys, prodi.ID); err != nil {
		t.Fatal(err)
	}
	if p, _ = db.Person(sys, p.ID); p.UnitID != nil {
		t.Fatalf("person still in deleted unit: %+v", p)
	}
}

func TestAccounts(t *testing.T) {
	db := storetest.Open(t)
	o := mustOrg(t, db, sinergi.OrganizationInput{Name: "Dinas Koperasi", Sector: sinergi.SectorCommunity})
	ctx := asUser(t, db, o.ID, "Ani@Sinergi.test", sinergi.RoleMember)
	if _, err := db.CreateUser(sys, sinergi.UserInput{Email: "ani@sinergi.test", Name: "Ani", OrganizationID: o.ID, Roles: []sinergi.Role{sinergi.RoleMember}, Password: "0123456789ab"}); code(err) != sinergi.CodeInvalid {
		t.Fatalf("duplicate e-mail: got %v", err)
	}
	u, err := db.Authenticate(context.Background(), " ANI@sinergi.test ", "kata-sandi-uji-1")
	if err != nil || u.Email != "ani@sinergi.test" {
		t.Fatalf("login: %v", err)
	}
	if _, err := db.Authenticate(context.Background(), "ani@sinergi.test", "salah"); code(err) != sinergi.CodeUnauthorized {
		t.Fatalf("wrong password: got %v", err)
	}
	sess, err := db.CreateSession(context.Background(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if su, err := db.SessionUser(context.Background(), sess); err != nil || su.ID != u.ID {
		t.Fatalf("session: %v", err)
	}
	if err := db.ChangePassword(ctx, u.ID, "kata-sandi-uji-1", "kata-sandi-baru-2"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SessionUser(context.Background(), sess); code(err) != sinergi.CodeUnauthorized {
		t.Fatalf("session after password change: got %v", err)
	}
	tok, secret, err := db.CreateToken(ctx, u.ID, "skrip", nil)
	if err != nil {
		t.Fatal(err)
	}
	if tu, err := db.TokenUser(context.Background(), secret); err != nil || tu.ID != u.ID {
		t.Fatalf("token: %v", err)
	}
	if err := db.RevokeToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.TokenUser(context.Background(), secret); code(err) != sinergi.CodeUnauthorized {
		t.Fatalf("revoked token: got %v", err)
	}
	past := time.Now().Add(-time.Hour)
	if _, _, err := db.CreateToken(ctx, u.ID, "lama", &past); code(err) != sinergi.CodeInvalid {
		t.Fatalf("expired token: got %v", err)
	}
}

func TestAuditChain(t *testing.T) {
	db := storetest.Open(t)
	o := mustOrg(t, db, sinergi.OrganizationInput{Name: "Komunitas Rel", Sector: sinergi.SectorCommunity})
	for i := range 3 {
		if _, err := db.UpdateOrganization(sys, o.ID, 0, sinergi.OrganizationInput{Name: "Komunitas Rel " + string(rune('A'+i)), Sector: sinergi.SectorCommunity}); err != nil {
			t.Fatal(err)
		}
	}
	n, err := db.VerifyAudit(context.Background())
	if err != nil || n != 4 {
		t.Fatalf("verify: %d, %v; want 4 entries intact", n, err)
	}
	l, err := db.AuditEntries(sys, store.AuditFilter{Entity: "organization", EntityID: o.ID})
	if err != nil || l.Total != 4 || l.Items[0].Action != "update" || l.Items[3].Before != "" {
		t.Fatalf("entries: %v %+v", err, l)
	}
	// the log refuses changes through SQL…
	if _, err := db.SQL.Exec(`UPDATE audit_log SET actor = 'x' WHERE id = 2`); err == nil {
		t.Fatal("audit_log accepted an UPDATE")
	}
	// …and verify names the first broken entry when someone gets round that
	tamper(t, db, `UPDATE audit_log SET after_data = '{"name":"palsu"}' WHERE id = 2`)
	_, err = db.VerifyAudit(context.Background())
	var b *audit.Broken
	if !errors.As(err, &b) || b.ID != 2 {
		t.Fatalf("got %v, want broken at 2", err)
	}
}

func TestAuditTailRemoval(t *testing.T) {
	db := storetest.Open(t)
	mustOrg(t, db, sinergi.OrganizationInput{Name: "Komunitas A", Sector: sinergi.SectorCommunity})
	mustOrg(t, db, sinergi.OrganizationInput{Name: "Komunitas B", Sector: sinergi.SectorCommunity})
	tamper(t, db, `DELETE FROM audit_log WHERE id = 2`)
	_, err := db.VerifyAudit(context.Background())
	var b *audit.Broken
	if !errors.As(err, &b) || b.ID != 2 {
		t.Fatalf("got %v, want broken at 2", err)
	}
}

// tamper runs sql with the append-only triggers out of the way, as someone
// with direct access to the database could.
func tamper(t *testing.T, db *store.DB, sql string) {
	t.Helper()
	off, on := []string{`DROP TRIGGER audit_log_no_update`, `DROP TRIGGER audit_log_no_delete`}, []string{}
	if db.Dialect == store.Postgres {
		off = []string{`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`}
		on = []string{`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`}
	}
	for _, s := range append(append(off, sql), on...) {
		if _, err := db.SQL.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}
