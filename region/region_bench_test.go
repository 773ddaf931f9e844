package region

import (
	"sync"
	"testing"
)

func BenchmarkLookup(b *testing.B) {
	codes := []string{"73", "73.09", "73.09.01", "73.09.01.2003", "99.99"}
	for _, c := range codes {
		Lookup(c) // parse outside the timer
	}
	for _, c := range codes {
		b.Run(c, func(b *testing.B) {
			for b.Loop() {
				Lookup(c)
			}
		})
	}
}

func BenchmarkSearch(b *testing.B) {
	Count(Village) // parse outside the timer
	for _, tc := range []struct {
		name string
		q    Query
	}{
		{"maros", Query{Q: "maros"}},
		{"kota_makassar", Query{Q: "kota makassar"}},
		{"code_73.09", Query{Q: "73.09"}},
		{"common_a", Query{Q: "a"}},
		{"two_common", Query{Q: "a e"}},
		{"no_match", Query{Q: "zzzz"}},
		{"all_offset_90000", Query{Offset: 90000}},
		{"level_regency", Query{Level: Regency}},
		{"parent_73", Query{Parent: "73"}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				Search(tc.q)
			}
		})
	}
}

// BenchmarkColdStart measures the first-use parsing cost.
func BenchmarkColdStart(b *testing.B) {
	b.Run("base", func(b *testing.B) {
		for b.Loop() {
			resetForTest()
			Lookup("73.09")
		}
	})
	b.Run("villages", func(b *testing.B) {
		Lookup("73.09")
		for b.Loop() {
			villOnce, villTable = sync.Once{}, nil
			Lookup("73.09.01.2003")
		}
	})
}
