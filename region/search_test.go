package region

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// allRegions returns every region in code order, read with encoding/csv.
func allRegions(t testing.TB) []Region {
	t.Helper()
	var all []Region
	for _, f := range dataFiles {
		for _, r := range readCSV(t, f.file) {
			all = append(all, Region{Code: r[0], Name: r[2], Level: f.level, ParentCode: r[1]})
		}
	}
	slices.SortFunc(all, func(a, b Region) int { return strings.Compare(a.Code, b.Code) })
	return all
}

// naiveSearch is the obviously correct, slow reference for Search, without
// paging.
func naiveSearch(all []Region, q Query) []Region {
	words := strings.Fields(strings.ToLower(q.Q))
	parent := strings.TrimSpace(q.Parent)
	out := []Region{}
next:
	for _, r := range all {
		if q.Level != "" && r.Level != q.Level || parent != "" && r.ParentCode != parent {
			continue
		}
		name := strings.ToLower(r.Name)
		for _, w := range words {
			if !strings.Contains(name, w) && !strings.HasPrefix(r.Code, w) {
				continue next
			}
		}
		out = append(out, r)
	}
	return out
}

func codes(rs []Region) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Code
	}
	return out
}

func TestSearch(t *testing.T) {
	tests := []struct {
		name      string
		q         Query
		wantTotal int      // -1: do not check
		contains  []string // codes that must be among all matches
	}{
		{"level regency", Query{Level: Regency}, 514, []string{"73.09", "73.71"}},
		{"level province", Query{Level: Province}, 38, []string{"73"}},
		{"maros", Query{Q: "maros"}, -1, []string{"73.09", "73.09.04"}},
		{"MAROS upper", Query{Q: "  MAROS "}, -1, []string{"73.09", "73.09.04"}},
		{"kabupaten maros", Query{Q: "Kabupaten Maros"}, 1, []string{"73.09"}},
		{"maros district", Query{Q: "maros", Level: District}, 1, []string{"73.09.04"}},
		{"code prefix 73.09", Query{Q: "73.09"}, 1 + 14 + 103, []string{"73.09", "73.09.01", "73.09.01.2003"}},
		{"kota makassar", Query{Q: "kota makassar"}, 1, []string{"73.71"}},
		{"makassar kota", Query{Q: "makassar kota"}, 1, []string{"73.71"}},
		{"makassar regency", Query{Q: "makassar", Level: Regency}, 1, []string{"73.71"}},
		{"parent 73 regency", Query{Parent: "73", Level: Regency}, 24, []string{"73.09", "73.71"}},
		{"parent 73", Query{Parent: " 73 "}, 24, []string{"73.01", "73.73"}},
		{"parent 73 village", Query{Parent: "73", Level: Village}, 0, nil},
		{"parent 73.09 q", Query{Parent: "73.09", Q: "maros"}, 1, []string{"73.09.04"}},
		{"parent village", Query{Parent: "73.09.01.2003"}, 0, nil},
		{"parent malformed", Query{Parent: "7x"}, 0, nil},
		{"parent unknown", Query{Parent: "99"}, 0, nil},
		{"unknown level", Query{Level: "planet"}, 0, nil},
		{"no match", Query{Q: "maros zzzz"}, 0, nil},
		{"everything", Query{}, 38 + 514 + 7285 + 83762, []string{"11", "96"}},
		{"quote", Query{Q: `ra"as`}, 2, []string{"35.29.22", "35.29.18.2015"}},
	}
	all := allRegions(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			items, total := Search(tc.q)
			want := naiveSearch(all, tc.q)
			if got, want := total, len(want); got != want {
				t.Errorf("total = %d, want %d (reference)", got, want)
			}
			if tc.wantTotal >= 0 && total != tc.wantTotal {
				t.Errorf("total = %d, want %d", total, tc.wantTotal)
			}
			n := min(len(want), defaultLimit)
			if got, want := codes(items), codes(want[:n]); !slices.Equal(got, want) {
				t.Errorf("items = %v, want %v", got, want)
			}
			for _, c := range tc.contains {
				if !slices.Contains(codes(want), c) {
					t.Errorf("matches lack %s", c)
				}
			}
		})
	}
}

// TestSearchReference compares whole result lists, paged through, with the
// reference for queries that exercise code prefixes, digits in names and
// merging across levels.
func TestSearchReference(t *testing.T) {
	all := allRegions(t)
	queries := []Query{
		{Q: "a"}, {Q: "1"}, {Q: "40"}, {Q: "73"}, {Q: "73.09 maros"}, {Q: "7 baru"},
		{Q: "kampung baru"}, {Q: "an ba"}, {Q: "’"}, {Q: "1", Level: Village},
		{Q: "sul", Parent: "73.09"}, {Q: "b", Level: District}, {Q: "11.01."},
	}
	for _, q := range queries {
		t.Run(fmt.Sprintf("%q/%s/%s", q.Q, q.Level, q.Parent), func(t *testing.T) {
			want := naiveSearch(all, q)
			var got []Region
			for q.Offset = 0; ; q.Offset += maxLimit {
				q.Limit = maxLimit
				items, total := Search(q)
				if total != len(want) {
					t.Fatalf("offset %d: total = %d, want %d", q.Offset, total, len(want))
				}
				if len(items) == 0 {
					break
				}
				got = append(got, items...)
			}
			if !slices.Equal(got, want) {
				t.Errorf("got %d items, want %d; first difference in %v", len(got), len(want), codes(got[:min(5, len(got))]))
			}
		})
	}
}

func TestSearchPaging(t *testing.T) {
	all, allTotal := Search(Query{Level: District, Limit: 500})
	tests := []struct {
		name    string
		q       Query
		wantLen int
		first   int // index into all of items[0]
	}{
		{"default limit", Query{Level: District}, 50, 0},
		{"limit capped", Query{Level: District, Limit: 100000}, 500, 0},
		{"negative offset", Query{Level: District, Offset: -5, Limit: 3}, 3, 0},
		{"offset", Query{Level: District, Offset: 10, Limit: 3}, 3, 10},
		{"last page", Query{Level: Regency, Offset: 510, Limit: 10}, 4, -1},
		{"offset at total", Query{Level: District, Offset: 7285}, 0, -1},
		{"offset beyond total", Query{Q: "maros", Offset: 1000}, 0, -1},
		{"huge offset", Query{Offset: int(^uint(0) >> 1), Limit: 500}, 0, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			items, total := Search(tc.q)
			_, wantTotal := Search(Query{Q: tc.q.Q, Level: tc.q.Level})
			if got, want := total, wantTotal; got != want {
				t.Errorf("total = %d, want %d", got, want)
			}
			if items == nil {
				t.Errorf("items = nil, want non-nil")
			}
			if got, want := len(items), tc.wantLen; got != want {
				t.Errorf("len(items) = %d, want %d", got, want)
			}
			if tc.first >= 0 && len(items) > 0 {
				if got, want := items[0], all[tc.first]; got != want {
					t.Errorf("items[0] = %v, want %v", got, want)
				}
			}
		})
	}
	if got, want := allTotal, 7285; got != want {
		t.Errorf("district total = %d, want %d", got, want)
	}
}

func FuzzSearch(f *testing.F) {
	f.Add("maros", "", "", 0, 0)
	f.Add("73.09", "regency", "73", 10, 5)
	f.Add("kota  makassar", "", "73", -1, 1000)
	f.Add("\xff\x00.", "village", "73.09.01", 1<<40, -3)
	f.Fuzz(func(t *testing.T, q, level, parent string, offset, limit int) {
		items, total := Search(Query{Q: q, Level: Level(level), Parent: parent, Offset: offset, Limit: limit})
		if items == nil || len(items) > maxLimit || len(items) > total {
			t.Fatalf("len(items) = %d (nil %v), total = %d", len(items), items == nil, total)
		}
		for i := 1; i < len(items); i++ {
			if items[i-1].Code >= items[i].Code {
				t.Fatalf("items not sorted at %d: %q >= %q", i, items[i-1].Code, items[i].Code)
			}
		}
		Lookup(q)
		Ancestors(parent)
		Children(parent)
	})
}
