package region

import "strings"

// Level is the administrative level of a region.
type Level string

// The four administrative levels, from the top down.
const (
	Province Level = "province"
	Regency  Level = "regency"  // kabupaten or kota
	District Level = "district" // kecamatan
	Village  Level = "village"  // desa or kelurahan
)

// levels lists the levels in depth order; the index is the depth.
var levels = [...]Level{Province, Regency, District, Village}

// ParseLevel parses a level name, case-insensitively. Besides the four English
// names it accepts the Indonesian "provinsi", "kabupaten_kota", "kabupaten",
// "kota", "kecamatan", "desa" and "kelurahan".
func ParseLevel(s string) (Level, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "province", "provinsi":
		return Province, true
	case "regency", "kabupaten_kota", "kabupaten", "kota":
		return Regency, true
	case "district", "kecamatan":
		return District, true
	case "village", "desa", "kelurahan":
		return Village, true
	}
	return "", false
}

// depth returns the index of l in levels, or -1 if l is not a known level.
func (l Level) depth() int {
	for i, v := range levels {
		if v == l {
			return i
		}
	}
	return -1
}
