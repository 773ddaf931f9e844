package corridor

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
)

var seed = bytes.Repeat([]byte{0x5e}, 32)
var seedHex = hex.EncodeToString(seed)

func nib(i int) string { return fmt.Sprintf("%013d", 9120000000000+i) }

func app(id int64, dom string, size Size, fr bool, st ...int64) Application {
	return Application{ID: id, NIB: nib(int(id)), DomicileCode: dom, Size: size, LocalFranchise: fr, Stations: st}
}

// base: Mandai (Maros) with 2 kiosks, Pangkajene (Pangkep) with 1; corridor
// Maros, Pangkep, Barru, Parepare, Makassar.
func base(rule FranchiseRule, apps ...Application) Inputs {
	return Inputs{Rules: Rules{Franchise: rule},
		CorridorRegions: []string{"73.09", "73.10", "73.11", "73.72", "73.71"},
		Stations:        []Station{{ID: 1, Name: "Mandai", RegencyCode: "73.09", Kiosks: 2}, {ID: 2, Name: "Pangkajene", RegencyCode: "73.10", Kiosks: 1}},
		Applications:    apps}
}

func winners(r Result, station int64) []int64 {
	var out []int64
	for _, a := range r.Assignments {
		if a.StationID == station {
			out = append(out, a.ApplicationID)
		}
	}
	return out
}

func TestPriorityOrder(t *testing.T) {
	cases := []struct {
		name string
		in   Inputs
		want map[int64][]int64 // station → applications in kiosk order
	}{
		{"station regency before corridor before others", base(FranchiseWith,
			app(1, "32.73.01.1001", Micro, false, 1), // Bandung: others
			app(2, "73.71.01.1001", Micro, false, 1), // Makassar: corridor
			app(3, "73.09.01.2003", Micro, false, 1), // Maros village: station regency
		), map[int64][]int64{1: {3, 2}}},
		{"district code counts as domicile", base(FranchiseWith,
			app(1, "73.11.01", Micro, false, 1),
			app(2, "73.09.02", Medium, false, 1),
			app(3, "11.01", Micro, false, 1),
		), map[int64][]int64{1: {2, 1}}},
		{"micro before small before medium", base(FranchiseWith,
			app(1, "73.09.01.2003", Medium, false, 1),
			app(2, "73.09.01.2003", Small, false, 1),
			app(3, "73.09.01.2003", Micro, false, 1),
		), map[int64][]int64{1: {3, 2}}},
		{"franchise before", base(FranchiseBefore,
			app(1, "73.10.01", Small, false, 2),
			app(2, "73.10.01", Small, true, 2),
		), map[int64][]int64{2: {2}}},
		{"franchise after", base(FranchiseAfter,
			app(1, "73.10.01", Small, true, 2),
			app(2, "73.10.01", Small, false, 2),
		), map[int64][]int64{2: {2}}},
		{"franchise never beats a smaller class", base(FranchiseBefore,
			app(1, "73.10.01", Small, true, 2),
			app(2, "73.10.01", Micro, false, 2),
		), map[int64][]int64{2: {2}}},
		{"rejected applicant goes to next preference", base(FranchiseWith,
			app(1, "73.10.01", Micro, false, 2, 1),
			app(2, "73.10.01", Small, false, 2, 1),
			app(3, "73.10.01", Medium, false, 2, 1),
			app(4, "73.09.01", Medium, false, 1),
		), map[int64][]int64{2: {1}, 1: {4, 2}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Allocate(c.in, seed)
			if err != nil {
				t.Fatal(err)
			}
			for st, want := range c.want {
				if got := winners(r, st); fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("station %d: %v, want %v", st, got, want)
				}
			}
		})
	}
}

func TestTiesFollowDrawNumber(t *testing.T) {
	var apps []Application
	for i := int64(1); i <= 6; i++ {
		apps = append(apps, app(i, "73.09.01.2003", Micro, false, 1))
	}
	in := base(FranchiseWith, apps...)
	r, err := Allocate(in, seed)
	if err != nil {
		t.Fatal(err)
	}
	// expected: the two smallest SHA-256(seed || id)
	best := []int64{0, 0}
	var bd [2][32]byte
	for i := int64(1); i <= 6; i++ {
		d := DrawNumber(seed, i)
		switch {
		case best[0] == 0 || bytes.Compare(d[:], bd[0][:]) < 0:
			best[1], bd[1] = best[0], bd[0]
			best[0], bd[0] = i, d
		case best[1] == 0 || bytes.Compare(d[:], bd[1][:]) < 0:
			best[1], bd[1] = i, d
		}
	}
	if got := winners(r, 1); fmt.Sprint(got) != fmt.Sprint(best) {
		t.Errorf("winners %v, want %v", got, best)
	}
	if len(r.Waiting) != 4 || r.Waiting[0].Rank != 1 {
		t.Errorf("waiting %+v", r.Waiting)
	}
	// another seed may order them differently, but always deterministically
	r2, _ := Allocate(in, seed)
	if fmt.Sprint(r) != fmt.Sprint(r2) {
		t.Error("not deterministic")
	}
}

func TestOneKioskPerBusiness(t *testing.T) {
	in := base(FranchiseWith, app(1, "73.09.01", Micro, false, 1, 2), app(2, "73.10.01", Micro, false, 2, 1))
	r, err := Allocate(in, seed)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Assignments) != 2 || winners(r, 1)[0] != 1 || winners(r, 2)[0] != 2 {
		t.Errorf("assignments %+v", r.Assignments)
	}
}

func TestBadInputs(t *testing.T) {
	cases := []struct {
		name  string
		in    Inputs
		field string
	}{
		{"same business twice", base(FranchiseWith, app(1, "73.09.01", Micro, false, 1), Application{ID: 2, NIB: nib(1), DomicileCode: "73.09.01", Size: Micro, Stations: []int64{2}}), "applications[1].nib"},
		{"same id twice", base(FranchiseWith, app(1, "73.09.01", Micro, false, 1), app(1, "73.09.01", Micro, false, 2)), "applications[1].id"},
		{"unknown station", base(FranchiseWith, app(1, "73.09.01", Micro, false, 9)), "applications[0].stations[0]"},
		{"station twice", base(FranchiseWith, app(1, "73.09.01", Micro, false, 1, 1)), "applications[0].stations[1]"},
		{"no station", base(FranchiseWith, app(1, "73.09.01", Micro, false)), "applications[0].stations"},
		{"bad size", base(FranchiseWith, app(1, "73.09.01", "large", false, 1)), "applications[0].size"},
		{"bad rule", base("sometimes"), "rules.franchise"},
		{"bad NIB", base(FranchiseWith, Application{ID: 1, NIB: "12345", DomicileCode: "73.09", Size: Micro, Stations: []int64{1}}), "applications[0].nib"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Allocate(c.in, seed)
			var ie *InputError
			if !errors.As(err, &ie) || ie.Field != c.field {
				t.Errorf("err %v, want field %s", err, c.field)
			}
		})
	}
}

func TestDrawAndVerify(t *testing.T) {
	in := base(FranchiseBefore, app(1, "73.09.01", Micro, false, 1), app(2, "73.09.01", Micro, true, 1), app(3, "73.71", Small, false, 1, 2))
	commit := Commit(seed)
	if _, err := Draw("x", 1, in, commit, hex.EncodeToString(bytes.Repeat([]byte{1}, 32))); !errors.Is(err, ErrSeedMismatch) {
		t.Fatalf("mismatched seed: %v", err)
	}
	if _, err := Draw("x", 1, in, commit, "zz"); err == nil {
		t.Fatal("bad seed accepted")
	}
	rec, err := Draw("x", 1, in, commit, seedHex)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(rec)
	var back DrawRecord
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if err := Verify(back); err != nil {
		t.Fatalf("verify: %v", err)
	}
	tampered := back
	tampered.Result.Assignments = append([]Assignment(nil), back.Result.Assignments...)
	tampered.Result.Assignments[0].ApplicationID, tampered.Result.Assignments[1].ApplicationID = tampered.Result.Assignments[1].ApplicationID, tampered.Result.Assignments[0].ApplicationID
	if err := Verify(tampered); !errors.Is(err, ErrResultMismatch) {
		t.Errorf("tampered result: %v", err)
	}
	tampered = back
	tampered.Commitment = Commit([]byte("another seed, 16+ bytes"))
	if err := Verify(tampered); !errors.Is(err, ErrSeedMismatch) {
		t.Errorf("tampered commitment: %v", err)
	}
}

// stable checks the invariants: capacity, one kiosk each, and no
// application passed over for a station it prefers by a worse key.
func stable(t *testing.T, in Inputs, seed []byte, r Result) {
	t.Helper()
	caps := map[int64]int{}
	for _, s := range in.Stations {
		caps[s.ID] = s.Kiosks
	}
	got := map[int64]int64{}
	count := map[int64]int{}
	for _, a := range r.Assignments {
		if _, dup := got[a.ApplicationID]; dup {
			t.Fatalf("application %d has two kiosks", a.ApplicationID)
		}
		got[a.ApplicationID] = a.StationID
		count[a.StationID]++
		if count[a.StationID] > caps[a.StationID] {
			t.Fatalf("station %d over capacity", a.StationID)
		}
	}
	regency := map[int64]string{}
	for _, s := range in.Stations {
		regency[s.ID] = s.RegencyCode
	}
	franchise := func(l bool) uint32 {
		if in.Rules.Franchise == FranchiseBefore && !l || in.Rules.Franchise == FranchiseAfter && l {
			return 1
		}
		return 0
	}
	k := func(a Application, st int64) key {
		return key{class: uint32(Tier(a.DomicileCode, regency[st], in.CorridorRegions))<<8 | uint32(sizeRank(a.Size))<<4 | franchise(a.LocalFranchise), draw: DrawNumber(seed, a.ID), id: a.ID}
	}
	byID := map[int64]Application{}
	for _, a := range in.Applications {
		byID[a.ID] = a
	}
	for _, a := range in.Applications {
		for _, st := range a.Stations {
			if got[a.ID] == st {
				break
			}
			// a prefers st to what it got: st must be full of better keys
			if count[st] < caps[st] {
				t.Fatalf("application %d left out of station %d with a free kiosk", a.ID, st)
			}
			ka := k(a, st)
			for _, x := range r.Assignments {
				if x.StationID == st {
					kb := k(byID[x.ApplicationID], st)
					if less(&ka, &kb) {
						t.Fatalf("application %d passed over at station %d for %d", a.ID, st, x.ApplicationID)
					}
				}
			}
		}
	}
}

func randomInputs(rng *rand.Rand, nApps, nStations int) Inputs {
	regs := []string{"73.09", "73.10", "73.11", "73.71", "73.72", "74.01", "31.71"}
	in := Inputs{Rules: Rules{Franchise: []FranchiseRule{FranchiseBefore, FranchiseWith, FranchiseAfter}[rng.IntN(3)]}, CorridorRegions: regs[:5]}
	for s := range nStations {
		in.Stations = append(in.Stations, Station{ID: int64(s + 1), Name: fmt.Sprint("S", s), RegencyCode: regs[rng.IntN(5)], Kiosks: rng.IntN(4)})
	}
	for i := range nApps {
		n := 1 + rng.IntN(min(3, nStations))
		perm := rng.Perm(nStations)[:n]
		var st []int64
		for _, p := range perm {
			st = append(st, int64(p+1))
		}
		in.Applications = append(in.Applications, Application{ID: int64(i*7 + 3), NIB: nib(i), DomicileCode: fmt.Sprintf("%s.%02d", regs[rng.IntN(len(regs))], 1+rng.IntN(9)),
			Size: Sizes[rng.IntN(3)], LocalFranchise: rng.IntN(2) == 0, Stations: st})
	}
	return in
}

func TestRandomStable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		in := randomInputs(rng, 1+rng.IntN(40), 1+rng.IntN(6))
		r, err := Allocate(in, seed)
		if err != nil {
			t.Fatal(err)
		}
		stable(t, in, seed, r)
	}
}

func FuzzAllocate(f *testing.F) {
	f.Add(uint64(1), uint8(10), uint8(3), []byte("seed-0123456789abcdef"))
	f.Add(uint64(7), uint8(60), uint8(5), []byte("another-seed-0123456789"))
	f.Fuzz(func(t *testing.T, r uint64, nApps, nStations uint8, sd []byte) {
		if len(sd) == 0 {
			return
		}
		in := randomInputs(rand.New(rand.NewPCG(r, 9)), int(nApps%80), 1+int(nStations%8))
		res, err := Allocate(in, sd)
		if err != nil {
			t.Fatal(err)
		}
		stable(t, in, sd, res)
		res2, _ := Allocate(in, sd)
		if fmt.Sprint(res) != fmt.Sprint(res2) {
			t.Fatal("not deterministic")
		}
		if len(sd) >= 16 && len(sd) <= 64 {
			rec, err := Draw("f", 1, in, Commit(sd), hex.EncodeToString(sd))
			if err != nil {
				t.Fatal(err)
			}
			if err := Verify(rec); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// BenchmarkAllocate: 100,000 applications over 5,000 kiosks (500 stations
// of 10), each listing 1–3 stations.
func BenchmarkAllocate(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	in := randomInputs(rng, 100_000, 500)
	for i := range in.Stations {
		in.Stations[i].Kiosks = 10
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Allocate(in, seed); err != nil {
			b.Fatal(err)
		}
	}
}
