package store_test

import (
	"slices"
	"testing"

	"sinergi"
	"sinergi/store"
)

// searchFixture: three agreements whose words differ in case, accents,
// parties and object; run on SQLite and (SINERGI_TEST_POSTGRES) PostgreSQL.
func searchFixture(t *testing.T) (*ksEnv, map[string]int64) {
	t.Helper()
	e := newKS(t)
	mk := func(in sinergi.AgreementInput) int64 {
		t.Helper()
		a, err := e.db.CreateAgreement(ksSys, in)
		if err != nil {
			t.Fatal(err)
		}
		return a.ID
	}
	ids := map[string]int64{}
	ids["ksdd"] = mk(e.ksdd()) // perhubungan, pupr; Maros, Pangkajene, Barru
	ids["moa"] = mk(sinergi.AgreementInput{Kind: sinergi.KindMoU, Title: "Pertukaran mahasiswa FAKULTAS PETERNAKAN",
		Parties: []sinergi.PartyInput{{OrganizationID: e.uni.ID}, {OrganizationID: e.ugm.ID}}, StartDate: "2025-01-01", EndDate: "2029-12-31",
		Scope: "Kuliah lapangan dan riset bersama"})
	ids["cafe"] = mk(sinergi.AgreementInput{Kind: sinergi.KindKSDPK, Title: "Pengelolaan Café Stasiun Maros",
		Parties: []sinergi.PartyInput{{OrganizationID: e.maros.ID, Role: "lead"}, {OrganizationID: e.cri.ID}}, StartDate: "2026-01-01", EndDate: "2028-12-31",
		Urusan: []string{"pariwisata"}})
	return e, ids
}

func searchIDs(t *testing.T, e *ksEnv, f sinergi.AgreementFilter) ([]int64, int) {
	t.Helper()
	l, err := e.db.Agreements(e.marosCtx, f)
	if err != nil {
		t.Fatalf("%+v: %v", f, err)
	}
	var ids []int64
	for _, a := range l.Items {
		ids = append(ids, a.ID)
	}
	return ids, l.Total
}

func TestAgreementSearch(t *testing.T) {
	e, id := searchFixture(t)
	k, m, c := id["ksdd"], id["moa"], id["cafe"]
	for _, tc := range []struct {
		name string
		f    sinergi.AgreementFilter
		want []int64 // newest first
	}{
		{"prefix of a title word", sinergi.AgreementFilter{Q: "pete"}, []int64{m}},
		{"case", sinergi.AgreementFilter{Q: "PETERNAKAN fakultas"}, []int64{m}},
		{"accent in the record", sinergi.AgreementFilter{Q: "cafe"}, []int64{c}},
		{"accent in the query", sinergi.AgreementFilter{Q: "cafÉ stasiún"}, []int64{c}},
		{"not inside a word", sinergi.AgreementFilter{Q: "ternak"}, nil},
		{"party name", sinergi.AgreementFilter{Q: "gadjah"}, []int64{m}},
		{"party name, two agreements", sinergi.AgreementFilter{Q: "Maros"}, []int64{c, k}},
		{"every word must match", sinergi.AgreementFilter{Q: "maros pangkajene"}, []int64{k}},
		{"scope", sinergi.AgreementFilter{Q: "riset"}, []int64{m}},
		{"urusan name", sinergi.AgreementFilter{Q: "perhubungan"}, []int64{k}},
		{"urusan name prefix", sinergi.AgreementFilter{Q: "pariw"}, []int64{c}},
		{"punctuation splits words", sinergi.AgreementFilter{Q: "celebes-railway"}, []int64{c}},
		{"no word", sinergi.AgreementFilter{Q: "%_\\*\"'"}, nil},
		{"operators are words", sinergi.AgreementFilter{Q: "maros OR NOT pete*"}, nil},
		{"with kind", sinergi.AgreementFilter{Q: "maros", Kind: sinergi.KindKSDD}, []int64{k}},
		{"with organisation", sinergi.AgreementFilter{Q: "stasiun", OrgID: e.cri.ID}, []int64{c}},
		{"with status", sinergi.AgreementFilter{Q: "maros", Status: sinergi.AgreementDraft}, []int64{c, k}},
		{"with status, none", sinergi.AgreementFilter{Q: "maros", Status: sinergi.AgreementActive}, nil},
	} {
		got, total := searchIDs(t, e, tc.f)
		if !slices.Equal(got, tc.want) || total != len(tc.want) {
			t.Errorf("%s: %+v gave %v (total %d), want %v", tc.name, tc.f, got, total, tc.want)
		}
	}
	// Pagination keeps the total of the whole result.
	got, total := searchIDs(t, e, sinergi.AgreementFilter{Q: "maros", Limit: 1, Offset: 1})
	if !slices.Equal(got, []int64{k}) || total != 2 {
		t.Errorf("page 2 of 'maros': %v, total %d", got, total)
	}
	// The list's batched loading gives what the single read gives.
	l, _ := e.db.Agreements(e.marosCtx, sinergi.AgreementFilter{})
	for _, a := range l.Items {
		one, err := e.db.Agreement(e.marosCtx, a.ID)
		if err != nil || len(one.Parties) != len(a.Parties) || len(one.Stages) != len(a.Stages) || len(one.Obligations) != len(a.Obligations) ||
			one.Monitoring != a.Monitoring || one.Parties[0].OrganizationName != a.Parties[0].OrganizationName {
			t.Errorf("agreement %d: list %+v, read %+v", a.ID, a, one)
		}
	}
	// Only a logged-in reader searches.
	if l, err := e.db.Agreements(t.Context(), sinergi.AgreementFilter{Q: "maros"}); sinergi.ErrorCode(err) != sinergi.CodeUnauthorized || len(l.Items) != 0 {
		t.Errorf("anonymous search: %d items, %v", len(l.Items), err)
	}
}

func TestAgreementSearchFollowsRenames(t *testing.T) {
	e, id := searchFixture(t)
	if _, err := e.db.UpdateOrganization(ksSys, e.ugm.ID, 0, sinergi.OrganizationInput{Name: "Universitas Gadjah Mada Yogyakarta", Acronym: "UGM",
		Sector: sinergi.SectorPublicUniversity, RegionCode: "34.04"}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]int64{"yogya": {id["moa"]}, "ugm": {id["moa"]}, "gadjah": {id["moa"]}} {
		if got, _ := searchIDs(t, e, sinergi.AgreementFilter{Q: q}); !slices.Equal(got, want) {
			t.Errorf("after the rename, %q: %v, want %v", q, got, want)
		}
	}
	u, err := e.db.CreateUnit(ksSys, e.cri.ID, sinergi.UnitInput{Name: "Divisi Kuliner", Kind: "division"})
	if err != nil {
		t.Fatal(err)
	}
	in := sinergi.AgreementInput{Kind: sinergi.KindKSDPK, Title: "Kios makanan stasiun",
		Parties:   []sinergi.PartyInput{{OrganizationID: e.maros.ID, Role: "lead"}, {OrganizationID: e.cri.ID, UnitID: &u.ID}},
		StartDate: "2026-01-01", EndDate: "2028-12-31"}
	a, err := e.db.CreateAgreement(ksSys, in)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := searchIDs(t, e, sinergi.AgreementFilter{Q: "kulin"}); !slices.Equal(got, []int64{a.ID}) {
		t.Errorf("unit name: %v", got)
	}
	if _, err := e.db.UpdateUnit(ksSys, u.ID, 0, sinergi.UnitInput{Name: "Divisi Kedai", Kind: "division"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := searchIDs(t, e, sinergi.AgreementFilter{Q: "kulin"}); len(got) != 0 {
		t.Errorf("old unit name still found: %v", got)
	}
	if got, _ := searchIDs(t, e, sinergi.AgreementFilter{Q: "kedai"}); !slices.Equal(got, []int64{a.ID}) {
		t.Errorf("new unit name: %v", got)
	}
	if err := e.db.DeleteUnit(ksSys, u.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := searchIDs(t, e, sinergi.AgreementFilter{Q: "kedai"}); len(got) != 0 {
		t.Errorf("deleted unit still found: %v", got)
	}
}

// Migration 0013 rewrites the search text of rows written before it (lower
// case, accents and " | " separators) into the indexed, folded form.
func TestAgreementSearchMigration(t *testing.T) {
	e, id := searchFixture(t)
	undo := []string{`DROP TABLE agreements_fts`, `DROP TRIGGER agreements_fts_insert`, `DROP TRIGGER agreements_fts_delete`, `DROP TRIGGER agreements_fts_update`}
	if e.db.Dialect == store.Postgres {
		undo = []string{`ALTER TABLE agreements DROP COLUMN search_vector`}
	}
	undo = append(undo, `DROP INDEX organizations_lower_name`, `UPDATE agreements SET search_text = 'pengelolaan café stasiun maros | pemerintah kabupaten maros | '`,
		`DELETE FROM schema_migrations WHERE version = 13`)
	for _, s := range undo {
		if _, err := e.db.SQL.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	if n, err := e.db.Migrate(t.Context()); err != nil || n != 1 {
		t.Fatalf("migrate: %d, %v", n, err)
	}
	if got, _ := searchIDs(t, e, sinergi.AgreementFilter{Q: "cafe"}); !slices.Equal(got, []int64{id["cafe"]}) {
		t.Errorf("after migration, cafe: %v", got)
	}
	if got, _ := searchIDs(t, e, sinergi.AgreementFilter{Q: "gadj pete"}); !slices.Equal(got, []int64{id["moa"]}) {
		t.Errorf("after migration, gadj pete: %v", got)
	}
}
