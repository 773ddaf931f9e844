package region

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
)

// The CSV files are embedded as strings so that codes and names can be
// substrings of the read-only embedded data rather than copies.
var (
	//go:embed data/provinces.csv
	provincesCSV string
	//go:embed data/regencies.csv
	regenciesCSV string
	//go:embed data/districts.csv
	districtsCSV string
	//go:embed data/villages.csv
	villagesCSV string
)

// Provinces, regencies and districts are small and parsed together; villages
// are 90% of the data and are parsed only when a village is needed.
var (
	baseOnce   sync.Once
	baseTables [3]*table
	villOnce   sync.Once
	villTable  *table
)

// tableAt returns the table of the level with the given depth (0..3),
// parsing it on first use.
func tableAt(depth int) *table {
	if depth == 3 {
		villOnce.Do(func() { villTable = parseTable(villagesCSV, Village) })
		return villTable
	}
	baseOnce.Do(func() {
		baseTables[0] = parseTable(provincesCSV, Province)
		baseTables[1] = parseTable(regenciesCSV, Regency)
		baseTables[2] = parseTable(districtsCSV, District)
	})
	return baseTables[depth]
}

// segLen is the number of digits of each segment of a code, by depth.
var segLen = [...]int{2, 2, 2, 4}

// codeDepth returns the depth (0 province .. 3 village) implied by the shape
// of a dotted code such as "73.09.01.2003", or -1 if the code is malformed.
func codeDepth(code string) int {
	for d := 0; d < len(segLen); d++ {
		n := segLen[d]
		if len(code) < n {
			return -1
		}
		for i := 0; i < n; i++ {
			if code[i] < '0' || code[i] > '9' {
				return -1
			}
		}
		code = code[n:]
		if code == "" {
			return d
		}
		if code[0] != '.' {
			return -1
		}
		code = code[1:]
	}
	return -1
}

// parseTable parses one embedded CSV file: a header line, then lines of
// "code,name" (provinces) or "code,parent_code,name". Only the last field
// may be quoted. The parent code is not stored: it is the code up to its
// last dot.
func parseTable(data string, level Level) *table {
	t := &table{level: level, ents: make([]entry, 0, strings.Count(data, "\n"))}
	_, data, _ = strings.Cut(data, "\n") // header
	fields := 3
	if level == Province {
		fields = 2
	}
	size := 0
	for data != "" {
		var line string
		line, data, _ = strings.Cut(data, "\n")
		line = strings.TrimSuffix(line, "\r")
		code, rest, ok := strings.Cut(line, ",")
		if fields == 3 && ok {
			_, rest, ok = strings.Cut(rest, ",")
		}
		if !ok || code == "" {
			continue
		}
		name := unquote(rest)
		t.ents = append(t.ents, entry{code: code, name: name})
		size += len(name) + 1
	}
	if !slices.IsSortedFunc(t.ents, cmpEntry) {
		slices.SortFunc(t.ents, cmpEntry)
	}
	t.index(size)
	return t
}

func cmpEntry(a, b entry) int { return strings.Compare(a.code, b.code) }

// unquote decodes a CSV field that may be enclosed in double quotes.
func unquote(s string) string {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s
	}
	return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
}
