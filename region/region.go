package region

import "strings"

// Region is one administrative area.
type Region struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	Level      Level  `json:"level"`
	ParentCode string `json:"parent_code,omitempty"`
}

// find locates a code, trimmed of surrounding spaces. Malformed codes are
// rejected without parsing any data, and only a village code parses villages.
func find(code string) (*table, int, bool) {
	code = strings.TrimSpace(code)
	d := codeDepth(code)
	if d < 0 {
		return nil, 0, false
	}
	t := tableAt(d)
	i, ok := t.find(code)
	return t, i, ok
}

// Lookup returns the region with exactly the given code, such as "73.09".
// Surrounding spaces are ignored.
func Lookup(code string) (Region, bool) {
	t, i, ok := find(code)
	if !ok {
		return Region{}, false
	}
	return t.region(i), true
}

// Valid reports whether code is the code of a known region.
func Valid(code string) bool {
	_, _, ok := find(code)
	return ok
}

// Ancestors returns the regions above code, from the province down to the
// direct parent, excluding the region itself. It returns an empty slice for a
// province and nil for an unknown code.
func Ancestors(code string) []Region {
	t, i, ok := find(code)
	if !ok {
		return nil
	}
	c := t.ents[i].code
	out := make([]Region, 0, 3)
	for j := 0; j < len(c); j++ {
		if c[j] == '.' {
			if a, ok := Lookup(c[:j]); ok {
				out = append(out, a)
			}
		}
	}
	return out
}

// Children returns the direct children of code sorted by code: regencies of
// a province, districts of a regency, villages of a district. Children("")
// returns all provinces. It returns an empty slice for a village and nil for
// an unknown code.
func Children(code string) []Region {
	code = strings.TrimSpace(code)
	var ct *table
	lo, hi := 0, 0
	if code == "" {
		ct = tableAt(0)
		hi = len(ct.ents)
	} else {
		t, _, ok := find(code)
		if !ok {
			return nil
		}
		if t.level == Village {
			return []Region{}
		}
		ct = tableAt(t.level.depth() + 1)
		lo, hi = ct.prefixRange(code+".", 0, len(ct.ents))
	}
	out := make([]Region, hi-lo)
	for i := range out {
		out[i] = ct.region(lo + i)
	}
	return out
}

// Count returns the number of regions at level, or 0 for an unknown level.
func Count(level Level) int {
	d := level.depth()
	if d < 0 {
		return 0
	}
	return len(tableAt(d).ents)
}
