package region

import (
	"encoding/csv"
	"os"
	"strings"
	"sync"
	"testing"
)

// resetForTest drops the parsed data so that laziness can be observed.
func resetForTest() {
	baseOnce, baseTables = sync.Once{}, [3]*table{}
	villOnce, villTable = sync.Once{}, nil
}

// readCSV parses a data file with encoding/csv as an independent reference.
// Each row is returned as code, parent code, name.
func readCSV(t testing.TB, name string) [][3]string {
	t.Helper()
	f, err := os.Open("data/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out [][3]string
	for _, r := range recs[1:] {
		if len(r) == 2 {
			out = append(out, [3]string{r[0], "", r[1]})
		} else {
			out = append(out, [3]string{r[0], r[1], r[2]})
		}
	}
	return out
}

var dataFiles = []struct {
	file  string
	level Level
	n     int
}{
	{"provinces.csv", Province, 38},
	{"regencies.csv", Regency, 514},
	{"districts.csv", District, 7285},
	{"villages.csv", Village, 83762},
}

func TestCount(t *testing.T) {
	for _, tc := range dataFiles {
		t.Run(string(tc.level), func(t *testing.T) {
			if got, want := Count(tc.level), tc.n; got != want {
				t.Errorf("Count(%q) = %d, want %d", tc.level, got, want)
			}
		})
	}
	if got, want := Count("planet"), 0; got != want {
		t.Errorf("Count(planet) = %d, want %d", got, want)
	}
}

// TestAgainstCSV checks every row of every file against encoding/csv.
func TestAgainstCSV(t *testing.T) {
	for _, tc := range dataFiles {
		t.Run(tc.file, func(t *testing.T) {
			rows := readCSV(t, tc.file)
			if got, want := len(rows), tc.n; got != want {
				t.Fatalf("rows = %d, want %d", got, want)
			}
			for _, r := range rows {
				got, ok := Lookup(r[0])
				want := Region{Code: r[0], Name: r[2], Level: tc.level, ParentCode: r[1]}
				if !ok || got != want {
					t.Fatalf("Lookup(%q) = %+v, %v; want %+v", r[0], got, ok, want)
				}
			}
		})
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		code string
		want Region
	}{
		{"73", Region{"73", "Sulawesi Selatan", Province, ""}},
		{"73.09", Region{"73.09", "Kabupaten Maros", Regency, "73"}},
		{" 73.09\n", Region{"73.09", "Kabupaten Maros", Regency, "73"}},
		{"73.71", Region{"73.71", "Kota Makassar", Regency, "73"}},
		{"73.09.04", Region{"73.09.04", "Maros Baru", District, "73.09"}},
		{"73.09.01.2003", Region{"73.09.01.2003", "Tenrigangkae", Village, "73.09.01"}},
		{"35.29.22", Region{"35.29.22", `Ra"as`, District, "35.29"}},
		{"12.07.28.1007", Region{"12.07.28.1007", "Lubuk Pakam I,II", Village, "12.07.28"}},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			got, ok := Lookup(tc.code)
			if !ok {
				t.Fatalf("Lookup(%q) not found", tc.code)
			}
			if got != tc.want {
				t.Errorf("Lookup(%q) = %+v, want %+v", tc.code, got, tc.want)
			}
			if !Valid(tc.code) {
				t.Errorf("Valid(%q) = false, want true", tc.code)
			}
		})
	}
}

func TestLookupInvalid(t *testing.T) {
	// Children("") lists the provinces, so blank codes skip that check.
	for _, code := range []string{
		"", " ", "99", "99.99", "73.09.", "73.", ".73", "abc", "7", "730", "73.9",
		"73.09.01.20", "73.09.01.20033", "73.09.01.2003.1", "73..09", "73-09",
		"٧٣", "73.09\x00", strings.Repeat("7", 1<<16), strings.Repeat("73.", 1<<14),
	} {
		name := code
		if len(name) > 20 {
			name = name[:20] + "..."
		}
		t.Run(name, func(t *testing.T) {
			if got, ok := Lookup(code); ok {
				t.Errorf("Lookup(%q) = %+v, true; want false", name, got)
			}
			if Valid(code) {
				t.Errorf("Valid(%q) = true, want false", name)
			}
			if got := Ancestors(code); got != nil {
				t.Errorf("Ancestors(%q) = %v, want nil", name, got)
			}
			if got := Children(code); got != nil && strings.TrimSpace(code) != "" {
				t.Errorf("Children(%q) = %v, want nil", name, got)
			}
		})
	}
}

func TestAncestors(t *testing.T) {
	tests := []struct {
		code string
		want []string
	}{
		{"73", []string{}},
		{"73.09", []string{"73"}},
		{"73.09.01", []string{"73", "73.09"}},
		{"73.09.01.2003", []string{"73", "73.09", "73.09.01"}},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			got := Ancestors(tc.code)
			if got == nil || len(got) != len(tc.want) {
				t.Fatalf("Ancestors(%q) = %v, want codes %v", tc.code, got, tc.want)
			}
			for i, r := range got {
				if r.Code != tc.want[i] {
					t.Errorf("Ancestors(%q)[%d].Code = %q, want %q", tc.code, i, r.Code, tc.want[i])
				}
			}
		})
	}
	got := Ancestors("73.09.01.2003")
	if got, want := got[1].Name, "Kabupaten Maros"; got != want {
		t.Errorf("Ancestors(village)[1].Name = %q, want %q", got, want)
	}
}

func TestChildren(t *testing.T) {
	tests := []struct {
		code      string
		n         int
		first     string
		level     Level
		wantEmpty bool
	}{
		{"", 38, "11", Province, false},
		{"73", 24, "73.01", Regency, false},
		{"73.09", 14, "73.09.01", District, false},
		{"73.09.01", 6, "73.09.01.1001", Village, false},
		{"73.09.01.2003", 0, "", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			got := Children(tc.code)
			if got == nil {
				t.Fatalf("Children(%q) = nil", tc.code)
			}
			if tc.wantEmpty {
				if len(got) != 0 {
					t.Errorf("Children(%q) = %v, want empty", tc.code, got)
				}
				return
			}
			if got, want := len(got), tc.n; got != want {
				t.Errorf("len(Children(%q)) = %d, want %d", tc.code, got, want)
			}
			if got, want := got[0].Code, tc.first; got != want {
				t.Errorf("Children(%q)[0].Code = %q, want %q", tc.code, got, want)
			}
			for i, r := range got {
				if r.Level != tc.level || r.ParentCode != tc.code {
					t.Errorf("Children(%q)[%d] = %+v, want level %q parent %q", tc.code, i, r, tc.level, tc.code)
				}
				if i > 0 && got[i-1].Code >= r.Code {
					t.Errorf("Children(%q) not sorted at %d", tc.code, i)
				}
			}
		})
	}
}

func TestParseLevel(t *testing.T) {
	tests := []struct {
		in   string
		want Level
		ok   bool
	}{
		{"province", Province, true},
		{"provinsi", Province, true},
		{"regency", Regency, true},
		{"kabupaten_kota", Regency, true},
		{"kabupaten", Regency, true},
		{"Kota", Regency, true},
		{"district", District, true},
		{"kecamatan", District, true},
		{"village", Village, true},
		{"desa", Village, true},
		{" kelurahan ", Village, true},
		{"", "", false},
		{"negara", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := ParseLevel(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("ParseLevel(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// TestLazyVillages checks that non-village lookups do not parse villages.
func TestLazyVillages(t *testing.T) {
	resetForTest()
	defer resetForTest()
	for _, code := range []string{"73", "73.09", "73.09.01", "99.99.99", "73.09.01.", "abc"} {
		Lookup(code)
	}
	Children("73.09")
	Search(Query{Q: "maros", Level: District})
	Search(Query{Parent: "73"})
	if villTable != nil {
		t.Fatalf("villages parsed by non-village calls")
	}
	if _, ok := Lookup("73.09.01.2003"); !ok || villTable == nil {
		t.Fatalf("village lookup: ok = %v, villages parsed = %v; want true, true", ok, villTable != nil)
	}
}

// TestConcurrentFirstUse races first use of both data sets (run with -race).
func TestConcurrentFirstUse(t *testing.T) {
	resetForTest()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			switch g % 4 {
			case 0:
				Lookup("73.09.01.2003")
			case 1:
				Search(Query{Q: "maros"})
			case 2:
				Children("73.09.01")
			default:
				Ancestors("73.09.01")
			}
		}()
	}
	wg.Wait()
	if got, want := Count(Village), 83762; got != want {
		t.Errorf("Count(Village) = %d, want %d", got, want)
	}
}
