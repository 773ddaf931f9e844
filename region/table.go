package region

import (
	"slices"
	"sort"
	"strings"
)

// entry is one region. Its level is that of its table and its parent code is
// its code up to the last dot.
type entry struct {
	code, name string
}

// table holds the regions of one level, sorted by code.
type table struct {
	level Level
	ents  []entry
	// lower holds every lower-cased name followed by '\n', in entry order:
	// one allocation instead of one per name.
	lower string
	// start[i] is the offset of entry i's name in lower;
	// start[len(ents)] == len(lower).
	start []uint32
	// mask[i] is the byteMask of entry i's lower-cased name.
	mask []uint32
}

// index builds lower, start and mask; size is the expected length of lower.
func (t *table) index(size int) {
	var b strings.Builder
	b.Grow(size)
	t.start = make([]uint32, len(t.ents)+1)
	for i, e := range t.ents {
		t.start[i] = uint32(b.Len())
		writeLower(&b, e.name)
		b.WriteByte('\n')
	}
	t.start[len(t.ents)] = uint32(b.Len())
	t.lower = b.String()
	t.mask = make([]uint32, len(t.ents))
	for i := range t.mask {
		t.mask[i] = byteMask(t.lowerName(i))
	}
}

// writeLower writes s lower-cased to b, without allocating for ASCII.
func writeLower(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			b.WriteString(strings.ToLower(s))
			return
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
}

// find returns the index of the entry with the given code.
func (t *table) find(code string) (int, bool) {
	return slices.BinarySearchFunc(t.ents, code, func(e entry, c string) int {
		return strings.Compare(e.code, c)
	})
}

// prefixRange returns the range [lo, hi) of entries within [from, to) whose
// code starts with p. Codes are sorted, so such entries are contiguous.
func (t *table) prefixRange(p string, from, to int) (lo, hi int) {
	ents := t.ents[from:to]
	lo, _ = slices.BinarySearchFunc(ents, p, func(e entry, p string) int {
		return strings.Compare(e.code, p)
	})
	n := sort.Search(len(ents)-lo, func(k int) bool {
		return !strings.HasPrefix(ents[lo+k].code, p)
	})
	return from + lo, from + lo + n
}

// lowerName returns the lower-cased name of entry i.
func (t *table) lowerName(i int) string {
	return t.lower[t.start[i] : t.start[i+1]-1]
}

// region returns entry i as a Region.
func (t *table) region(i int) Region {
	e := t.ents[i]
	r := Region{Code: e.code, Name: e.name, Level: t.level}
	if j := strings.LastIndexByte(e.code, '.'); j >= 0 {
		r.ParentCode = e.code[:j]
	}
	return r
}
