package web

import (
	"fmt"
	"net/http"
	"strconv"
)

// pager is the "← previous · 51–100 of 128 · next →" row under a table.
type pager struct {
	Prev, Next, Label, PrevLabel, NextLabel string
}

func newPager(r *http.Request, offset, limit, total int) pager {
	p := pager{PrevLabel: pick(r, "Sebelumnya", "Previous"), NextLabel: pick(r, "Berikutnya", "Next")}
	if total == 0 {
		return p
	}
	link := func(off int) string {
		q := r.URL.Query()
		q.Set("offset", strconv.Itoa(off))
		return r.URL.Path + "?" + q.Encode()
	}
	if offset > 0 {
		p.Prev = link(max(0, offset-limit))
	}
	if offset+limit < total {
		p.Next = link(offset + limit)
	}
	last := min(offset+limit, total)
	p.Label = fmt.Sprintf("%s–%s %s %s", formatInt(int64(min(offset+1, total))), formatInt(int64(last)), pick(r, "dari", "of"), formatInt(int64(total)))
	return p
}
