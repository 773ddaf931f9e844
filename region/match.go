package region

import (
	"slices"
	"strings"
)

// byteBit maps a byte of a lower-cased name to one of 32 bits: one per
// letter and one per class of other bytes.
var byteBit = func() (b [256]uint32) {
	for c := range b {
		switch {
		case 'a' <= c && c <= 'z':
			b[c] = 1 << (c - 'a')
		case '0' <= c && c <= '9':
			b[c] = 1 << 26
		case c == ' ':
			b[c] = 1 << 27
		case c >= 0x80:
			b[c] = 1 << 28
		default:
			b[c] = 1 << 29
		}
	}
	return b
}()

// byteMask returns the set of byteBit bits of the bytes in s. If s contains
// w then byteMask(s) includes byteMask(w), which makes a cheap pre-filter.
func byteMask(s string) uint32 {
	var m uint32
	for i := 0; i < len(s); i++ {
		m |= byteBit[s[i]]
	}
	return m
}

// word is one lower-cased query word.
type word struct {
	s    string
	mask uint32
	// exact: a name contains s exactly when its mask includes mask
	// (s is a single letter).
	exact bool
	// pre is the range of entries whose code starts with s; empty unless
	// s looks like a code.
	pre [2]int
}

// matcher finds the entries of t[lo:hi] that match all words. A word matches
// an entry if the lower-cased name contains it or the code starts with it.
type matcher struct {
	t      *table
	lo, hi int
	words  []word
	need   uint32 // mask bits every match has: those of words that are not codes
}

func newMatcher(t *table, lo, hi int, words []string) matcher {
	m := matcher{t: t, lo: lo, hi: hi, words: make([]word, len(words))}
	for k, s := range words {
		w := word{s: s, mask: byteMask(s)}
		w.exact = len(s) == 1 && 'a' <= s[0] && s[0] <= 'z'
		if strings.Trim(s, "0123456789.") == "" {
			w.pre[0], w.pre[1] = t.prefixRange(s, lo, hi)
		} else {
			m.need |= w.mask
		}
		m.words[k] = w
	}
	return m
}

// appendMatches appends the indices of the matching entries to dst.
// Without words every entry matches and nothing is appended.
func (m *matcher) appendMatches(dst []int32) []int32 {
	if len(m.words) == 0 {
		return dst
	}
	// Cut the range where code-prefix ranges start or end. Within a segment
	// every entry outside the range of a code word must contain that word
	// in its name, so its mask joins the pre-filter.
	cuts := []int{m.lo, m.hi}
	for _, w := range m.words {
		if w.pre[0] < w.pre[1] {
			cuts = append(cuts, w.pre[0], w.pre[1])
		}
	}
	slices.Sort(cuts)
	for c := 1; c < len(cuts); c++ {
		a, b := cuts[c-1], cuts[c]
		if a == b {
			continue
		}
		need := m.need
		for _, w := range m.words {
			if a < w.pre[0] || a >= w.pre[1] {
				need |= w.mask
			}
		}
		for j, em := range m.t.mask[a:b] {
			if em&need == need && m.match(a+j, em) {
				dst = append(dst, int32(a+j))
			}
		}
	}
	return dst
}

// match reports whether entry i, whose mask is em, matches all words.
func (m *matcher) match(i int, em uint32) bool {
	for k := range m.words {
		w := &m.words[k]
		if w.pre[0] <= i && i < w.pre[1] {
			continue
		}
		if em&w.mask != w.mask {
			return false
		}
		if !w.exact && !strings.Contains(m.t.lowerName(i), w.s) {
			return false
		}
	}
	return true
}
