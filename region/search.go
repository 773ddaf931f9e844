package region

import (
	"strings"
	"sync"
)

// Paging defaults of Search.
const (
	defaultLimit = 50
	maxLimit     = 500
)

// Query selects regions for Search.
type Query struct {
	// Q is split into words; every word must match, case-insensitively, a
	// substring of the name or a prefix of the code. Empty matches all.
	Q string
	// Level keeps only regions of this level; "" keeps all. An unknown
	// level matches nothing.
	Level Level
	// Parent keeps only the direct children of this code; "" keeps all.
	Parent string
	// Offset skips that many matches (negative means 0). Limit caps the
	// items returned: <= 0 means 50, and at most 500.
	Offset, Limit int
}

// Search returns one page of the regions matching q, ordered by code, and
// the total number of matches before paging. Items is never nil.
func Search(q Query) (items []Region, total int) {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	offset := max(q.Offset, 0)

	words := strings.Fields(strings.ToLower(q.Q))
	ms := matchers(q.Level, strings.TrimSpace(q.Parent), words)
	bufp := bufPool.Get().(*[]int32)
	defer bufPool.Put(bufp)
	buf := (*bufp)[:0]
	hs := make([]hits, len(ms))
	for i := range ms {
		n := len(buf)
		buf = ms[i].appendMatches(buf)
		hs[i] = hits{m: &ms[i], idx: buf[n:]}
		total += hs[i].len()
	}
	*bufp = buf

	if offset >= total {
		return []Region{}, total
	}
	items = make([]Region, 0, min(limit, total-offset))
	if len(hs) == 1 {
		h := &hs[0]
		for j := offset; j < h.len() && len(items) < limit; j++ {
			items = append(items, h.m.t.region(h.at(j)))
		}
		return items, total
	}
	// Merge the levels by code; a parent's code sorts before its children's.
	// Take runs from one level at a time: the matches before the smallest
	// head of the other levels.
	pos := make([]int, len(hs))
	for skip := offset; len(items) < limit; {
		best, bound := -1, ""
		for s := range hs {
			if pos[s] >= hs[s].len() {
				continue
			}
			c := hs[s].code(pos[s])
			if best < 0 || c < hs[best].code(pos[best]) {
				if best >= 0 {
					bound = hs[best].code(pos[best])
				}
				best = s
			} else if bound == "" || c < bound {
				bound = c
			}
		}
		if best < 0 {
			break
		}
		h := &hs[best]
		end := h.runEnd(pos[best], bound)
		if skip > 0 {
			n := min(skip, end-pos[best])
			pos[best] += n
			skip -= n
			continue
		}
		for ; pos[best] < end && len(items) < limit; pos[best]++ {
			items = append(items, h.m.t.region(h.at(pos[best])))
		}
	}
	return items, total
}

// bufPool holds match index buffers, so that broad queries do not allocate.
var bufPool = sync.Pool{New: func() any { return new([]int32) }}

// hits are the matches of one matcher: the entries listed in idx, or with
// no words, all entries of the matcher's range.
type hits struct {
	m   *matcher
	idx []int32
}

func (h *hits) len() int {
	if len(h.m.words) == 0 {
		return h.m.hi - h.m.lo
	}
	return len(h.idx)
}

// code returns the code of the j-th match.
func (h *hits) code(j int) string {
	return h.m.t.ents[h.at(j)].code
}

// runEnd returns the first j > from whose code is above bound, or len if
// bound is "". It gallops, as runs are usually short but may be long.
func (h *hits) runEnd(from int, bound string) int {
	n := h.len()
	if bound == "" {
		return n
	}
	lo, step := from, 1 // h.code(lo) < bound
	for lo+step < n && h.code(lo+step) < bound {
		lo += step
		step *= 2
	}
	hi := min(lo+step, n) // hi == n or h.code(hi) > bound
	for lo+1 < hi {
		mid := int(uint(lo+hi) >> 1)
		if h.code(mid) < bound {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// at returns the entry index of the j-th match.
func (h *hits) at(j int) int {
	if len(h.m.words) == 0 {
		return h.m.lo + j
	}
	return int(h.idx[j])
}

// matchers returns one matcher per table range that the level and parent
// filters leave, or none if the filters exclude everything.
func matchers(level Level, parent string, words []string) []matcher {
	depth := -1
	if level != "" {
		if depth = level.depth(); depth < 0 {
			return nil
		}
	}
	if parent != "" {
		pd := codeDepth(parent)
		if pd < 0 || pd == 3 || (depth >= 0 && depth != pd+1) {
			return nil
		}
		t := tableAt(pd + 1)
		lo, hi := t.prefixRange(parent+".", 0, len(t.ents))
		return []matcher{newMatcher(t, lo, hi, words)}
	}
	if depth >= 0 {
		t := tableAt(depth)
		return []matcher{newMatcher(t, 0, len(t.ents), words)}
	}
	ms := make([]matcher, len(levels))
	for d := range ms {
		t := tableAt(d)
		ms[d] = newMatcher(t, 0, len(t.ents), words)
	}
	return ms
}
