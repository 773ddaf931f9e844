// Package corridor holds the pure rules of corridor programmes (issue 9):
// the published priority rules for station kiosks and the verifiable draw
// that breaks ties. Nothing here does I/O; the same inputs and seed always
// give the same result, so anyone can re-run a published draw.
//
// # Priority rules (published with every draw)
//
// An application names its business (NIB, 13 digits; one application per
// business), the region code of its domicile (village or district), its size
// class and whether it is a local franchise, and one to three stations in
// order of preference. For an application a and a station s its priority key
// is the tuple, compared in order, smaller first:
//
//  1. tier: 1 when a's domicile lies in s's regency (the code equals the
//     regency code or starts with it followed by "."), 2 when it lies in one
//     of the corridor's regions, 3 otherwise;
//  2. size: micro (0) before small (1) before medium (2);
//  3. franchise, by the rule's franchise setting: "before" puts local
//     franchises (0) before others (1), "after" puts them after, "with"
//     treats both alike (0);
//  4. the draw number: SHA-256 of the seed bytes followed by the
//     application id written in decimal ASCII, compared as 32 unsigned bytes;
//  5. the application id (never reached in practice).
//
// # Allocation
//
// Kiosks are allocated by applicant-proposing deferred acceptance
// (Gale–Shapley): every application proposes to its first station; each
// station keeps the best keys up to its kiosk count and rejects the rest;
// rejected applications propose to their next station, until no application
// has a station left. No business gets more than one kiosk, and no
// application is passed over for a station it prefers by one with a worse
// key there. Within a station, kiosk 1 goes to the best key. The waiting
// list of a station ranks, by key, the applications left without a kiosk
// that listed it.
//
// # Verifiable draw
//
// Before applications close the programme publishes a commitment, the
// lower-case hex SHA-256 of the secret seed bytes (the seed itself is 16 to
// 64 bytes, given in hex). At the draw the seed is revealed; Draw refuses a
// seed whose hash differs from the commitment and allocates nothing. Verify
// re-checks a DrawRecord: the commitment, then Allocate on the record's
// inputs and seed must give exactly the record's result.
package corridor

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Format names the DrawRecord format.
const Format = "sinergi-corridor-draw/1"

// Size is a business size class (UU 20/2008 tentang UMKM).
type Size string

const (
	Micro  Size = "micro"
	Small  Size = "small"
	Medium Size = "medium"
)

// Sizes lists the size classes in priority order.
var Sizes = []Size{Micro, Small, Medium}

func sizeRank(s Size) int { return slices.Index(Sizes, s) }

// FranchiseRule places local franchises within a size class.
type FranchiseRule string

const (
	FranchiseBefore FranchiseRule = "before"
	FranchiseWith   FranchiseRule = "with"
	FranchiseAfter  FranchiseRule = "after"
)

// ValidFranchiseRule reports whether r is known.
func ValidFranchiseRule(r FranchiseRule) bool {
	return r == FranchiseBefore || r == FranchiseWith || r == FranchiseAfter
}

// Rules are the published priority settings.
type Rules struct {
	Franchise FranchiseRule `json:"franchise"`
}

// Station is a station with kiosks to allocate.
type Station struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	RegencyCode string `json:"regency_code"`
	Kiosks      int    `json:"kiosks"`
}

// Application holds the fields of an application the rules use.
type Application struct {
	ID             int64   `json:"id"`
	NIB            string  `json:"nib"`
	DomicileCode   string  `json:"domicile_code"`
	Size           Size    `json:"size"`
	LocalFranchise bool    `json:"local_franchise"`
	Stations       []int64 `json:"stations"`
}

// Inputs are everything published before the draw except the seed.
type Inputs struct {
	Rules           Rules         `json:"rules"`
	CorridorRegions []string      `json:"corridor_regions"`
	Stations        []Station     `json:"stations"`
	Applications    []Application `json:"applications"`
}

// Assignment gives one kiosk to one application.
type Assignment struct {
	StationID     int64 `json:"station_id"`
	Kiosk         int   `json:"kiosk"`
	ApplicationID int64 `json:"application_id"`
	Tier          int   `json:"tier"`
}

// Waiting is one place on a station's waiting list.
type Waiting struct {
	StationID     int64 `json:"station_id"`
	Rank          int   `json:"rank"`
	ApplicationID int64 `json:"application_id"`
	Tier          int   `json:"tier"`
}

// Result is the outcome of a draw: assignments by station (in input order)
// and kiosk number, then the waiting lists in the same order.
type Result struct {
	Assignments []Assignment `json:"assignments"`
	Waiting     []Waiting    `json:"waiting"`
}

// DrawRecord is the published record of a draw; Verify re-checks it.
type DrawRecord struct {
	Format       string `json:"format"`
	Programme    string `json:"programme"`
	DrawID       int64  `json:"draw_id"`
	Inputs       Inputs `json:"inputs"`
	Commitment   string `json:"commitment"`
	RevealedSeed string `json:"revealed_seed"`
	Result       Result `json:"result"`
}

// InputError is a problem with the inputs; nothing is allocated.
type InputError struct {
	Field string // e.g. "applications[3].nib"
	Msg   string
}

func (e *InputError) Error() string { return e.Field + ": " + e.Msg }

// ErrSeedMismatch: the revealed seed does not hash to the commitment.
var ErrSeedMismatch = errors.New("the revealed seed does not match the published commitment")

// ErrResultMismatch: re-running the allocation gives another result.
var ErrResultMismatch = errors.New("re-running the allocation does not give the published result")

// ParseSeed decodes a hex seed of 16 to 64 bytes.
func ParseSeed(h string) ([]byte, error) {
	b, err := hex.DecodeString(strings.TrimSpace(h))
	if err != nil || len(b) < 16 || len(b) > 64 {
		return nil, &InputError{"revealed_seed", "must be 32 to 128 hexadecimal digits (16 to 64 bytes)"}
	}
	return b, nil
}

// Commit returns the commitment of a seed: lower-case hex SHA-256.
func Commit(seed []byte) string {
	h := sha256.Sum256(seed)
	return hex.EncodeToString(h[:])
}

// ValidCommitment reports whether c is 64 lower-case hex digits.
func ValidCommitment(c string) bool {
	if len(c) != 64 {
		return false
	}
	for _, r := range c {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}

// ValidNIB reports whether s is a 13-digit Nomor Induk Berusaha.
func ValidNIB(s string) bool {
	if len(s) != 13 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Validate checks the inputs: known rule, stations with unique ids and
// kiosk counts ≥ 0, applications with unique ids and businesses, known sizes,
// and 1–3 distinct known stations each.
func (in *Inputs) Validate() error {
	if !ValidFranchiseRule(in.Rules.Franchise) {
		return &InputError{"rules.franchise", `must be "before", "with" or "after"`}
	}
	for i, c := range in.CorridorRegions {
		if c == "" {
			return &InputError{fmt.Sprintf("corridor_regions[%d]", i), "empty region code"}
		}
	}
	st := make(map[int64]bool, len(in.Stations))
	for i, s := range in.Stations {
		f := "stations[" + strconv.Itoa(i) + "]"
		switch {
		case st[s.ID]:
			return &InputError{f + ".id", "duplicate station id " + strconv.FormatInt(s.ID, 10)}
		case s.Kiosks < 0 || s.Kiosks > 1_000_000:
			return &InputError{f + ".kiosks", "must be 0 to 1000000"}
		case s.RegencyCode == "":
			return &InputError{f + ".regency_code", "required"}
		}
		st[s.ID] = true
	}
	ids := make(map[int64]bool, len(in.Applications))
	nibs := make(map[string]bool, len(in.Applications))
	for i, a := range in.Applications {
		f := func(sfx string) string { return "applications[" + strconv.Itoa(i) + "]" + sfx }
		switch {
		case ids[a.ID]:
			return &InputError{f(".id"), "duplicate application id " + strconv.FormatInt(a.ID, 10)}
		case nibs[a.NIB]:
			return &InputError{f(".nib"), "one application per business: NIB " + a.NIB + " applied twice"}
		case !ValidNIB(a.NIB):
			return &InputError{f(".nib"), "NIB must be 13 digits"}
		case sizeRank(a.Size) < 0:
			return &InputError{f(".size"), `must be "micro", "small" or "medium"`}
		case len(a.Stations) < 1 || len(a.Stations) > 3:
			return &InputError{f(".stations"), "list 1 to 3 stations"}
		}
		for j, s := range a.Stations {
			if !st[s] {
				return &InputError{f(fmt.Sprintf(".stations[%d]", j)), "unknown station " + strconv.FormatInt(s, 10)}
			}
			if slices.Index(a.Stations, s) != j {
				return &InputError{f(fmt.Sprintf(".stations[%d]", j)), "station listed twice"}
			}
		}
		ids[a.ID], nibs[a.NIB] = true, true
	}
	return nil
}

// within reports whether code lies in region (equal, or below it).
func within(code, region string) bool {
	return code == region || (len(code) > len(region) && strings.HasPrefix(code, region) && code[len(region)] == '.')
}

// Tier is the domicile tier of an application at a station (1, 2 or 3).
func Tier(domicile, stationRegency string, corridor []string) int {
	if within(domicile, stationRegency) {
		return 1
	}
	for _, r := range corridor {
		if within(domicile, r) {
			return 2
		}
	}
	return 3
}

// key is a priority key packed for fast comparison: class then draw number.
type key struct {
	class uint32 // tier<<8 | size<<4 | franchise
	draw  [32]byte
	id    int64
}

func less(a, b *key) bool {
	if a.class != b.class {
		return a.class < b.class
	}
	if c := bytes.Compare(a.draw[:], b.draw[:]); c != 0 {
		return c < 0
	}
	return a.id < b.id
}

// DrawNumber is SHA-256(seed || decimal application id).
func DrawNumber(seed []byte, id int64) [32]byte {
	return drawNumber(make([]byte, 0, len(seed)+20), seed, id)
}

// drawNumber computes DrawNumber in buf (reused between calls).
func drawNumber(buf, seed []byte, id int64) [32]byte {
	return sha256.Sum256(strconv.AppendInt(append(buf[:0], seed...), id, 10))
}

// Allocate runs the published rules on the inputs with the revealed seed.
// It is a pure function: the same arguments always give the same result.
func Allocate(in Inputs, seed []byte) (Result, error) {
	if err := in.Validate(); err != nil {
		return Result{}, err
	}
	if len(seed) == 0 {
		return Result{}, &InputError{"revealed_seed", "required"}
	}
	stIdx := make(map[int64]int, len(in.Stations))
	for i, s := range in.Stations {
		stIdx[s.ID] = i
	}
	apps := in.Applications
	draws := make([][32]byte, len(apps))
	buf := make([]byte, 0, len(seed)+20)
	for i, a := range apps {
		draws[i] = drawNumber(buf, seed, a.ID)
	}
	franchise := func(local bool) uint32 {
		switch in.Rules.Franchise {
		case FranchiseBefore:
			if !local {
				return 1
			}
		case FranchiseAfter:
			if local {
				return 1
			}
		}
		return 0
	}
	// keyAt computes the key of application i at station index s.
	keyAt := func(i, s int) key {
		a := &apps[i]
		t := Tier(a.DomicileCode, in.Stations[s].RegencyCode, in.CorridorRegions)
		return key{class: uint32(t)<<8 | uint32(sizeRank(a.Size))<<4 | franchise(a.LocalFranchise), draw: draws[i], id: a.ID}
	}
	type held struct {
		k   key
		app int
	}
	// Each station holds a max-heap (worst first) of at most Kiosks entries.
	heaps := make([][]held, len(in.Stations))
	worse := func(h []held, i, j int) bool { return less(&h[j].k, &h[i].k) }
	up := func(h []held, i int) {
		for i > 0 {
			p := (i - 1) / 2
			if !worse(h, i, p) {
				break
			}
			h[i], h[p] = h[p], h[i]
			i = p
		}
	}
	down := func(h []held, i int) {
		for {
			l, m := 2*i+1, i
			if l < len(h) && worse(h, l, m) {
				m = l
			}
			if r := l + 1; r < len(h) && worse(h, r, m) {
				m = r
			}
			if m == i {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	next := make([]int, len(apps)) // next preference to propose to
	queue := make([]int, len(apps))
	for i := range queue {
		queue[i] = i
	}
	for len(queue) > 0 {
		i := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for next[i] < len(apps[i].Stations) {
			s := stIdx[apps[i].Stations[next[i]]]
			next[i]++
			cap := in.Stations[s].Kiosks
			if cap == 0 {
				continue
			}
			k := keyAt(i, s)
			h := heaps[s]
			if len(h) < cap {
				h = append(h, held{k, i})
				up(h, len(h)-1)
				heaps[s] = h
				break
			}
			if less(&k, &h[0].k) {
				out := h[0].app
				h[0] = held{k, i}
				down(h, 0)
				queue = append(queue, out)
				break
			}
		}
	}
	assigned := make([]bool, len(apps))
	res := Result{Assignments: []Assignment{}, Waiting: []Waiting{}}
	for s, h := range heaps {
		slices.SortFunc(h, func(a, b held) int { return cmpKey(&a.k, &b.k) })
		for n, x := range h {
			assigned[x.app] = true
			res.Assignments = append(res.Assignments, Assignment{StationID: in.Stations[s].ID, Kiosk: n + 1,
				ApplicationID: apps[x.app].ID, Tier: int(x.k.class >> 8)})
		}
	}
	wait := make([][]held, len(in.Stations))
	for i, a := range apps {
		if assigned[i] {
			continue
		}
		for _, sid := range a.Stations {
			s := stIdx[sid]
			wait[s] = append(wait[s], held{keyAt(i, s), i})
		}
	}
	for s, w := range wait {
		slices.SortFunc(w, func(a, b held) int { return cmpKey(&a.k, &b.k) })
		for n, x := range w {
			res.Waiting = append(res.Waiting, Waiting{StationID: in.Stations[s].ID, Rank: n + 1,
				ApplicationID: apps[x.app].ID, Tier: int(x.k.class >> 8)})
		}
	}
	return res, nil
}

func cmpKey(a, b *key) int {
	if a.class != b.class {
		if a.class < b.class {
			return -1
		}
		return 1
	}
	if c := bytes.Compare(a.draw[:], b.draw[:]); c != 0 {
		return c
	}
	switch {
	case a.id < b.id:
		return -1
	case a.id > b.id:
		return 1
	}
	return 0
}

// Draw checks the revealed seed against the commitment and allocates. On a
// mismatch it returns ErrSeedMismatch and no record.
func Draw(programme string, drawID int64, in Inputs, commitment, seedHex string) (DrawRecord, error) {
	seed, err := ParseSeed(seedHex)
	if err != nil {
		return DrawRecord{}, err
	}
	if !ValidCommitment(commitment) {
		return DrawRecord{}, &InputError{"commitment", "must be 64 lower-case hexadecimal digits"}
	}
	if Commit(seed) != commitment {
		return DrawRecord{}, ErrSeedMismatch
	}
	res, err := Allocate(in, seed)
	if err != nil {
		return DrawRecord{}, err
	}
	return DrawRecord{Format: Format, Programme: programme, DrawID: drawID, Inputs: in,
		Commitment: commitment, RevealedSeed: strings.ToLower(strings.TrimSpace(seedHex)), Result: res}, nil
}

// Verify re-checks a published record: format, commitment, then the result.
func Verify(rec DrawRecord) error {
	if rec.Format != Format {
		return &InputError{"format", "must be " + Format}
	}
	seed, err := ParseSeed(rec.RevealedSeed)
	if err != nil {
		return err
	}
	if !ValidCommitment(rec.Commitment) {
		return &InputError{"commitment", "must be 64 lower-case hexadecimal digits"}
	}
	if Commit(seed) != rec.Commitment {
		return ErrSeedMismatch
	}
	res, err := Allocate(rec.Inputs, seed)
	if err != nil {
		return err
	}
	if !slices.Equal(res.Assignments, rec.Result.Assignments) || !slices.Equal(res.Waiting, rec.Result.Waiting) {
		return ErrResultMismatch
	}
	return nil
}
