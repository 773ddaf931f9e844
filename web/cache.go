package web

import (
	"strconv"
	"sync"
)

// pageCache keeps rendered JSON list pages keyed by the data version they
// were computed from. A page is served from the cache only while the table's
// version in the database is unchanged, so it is never stale, also with
// several server copies; what it saves is the count and the page query.
type pageCache struct {
	mu      sync.Mutex
	version int64
	pages   map[string]cachedPage
	max     int
}

type cachedPage struct {
	body []byte
	etag string
}

func newPageCache(max int) *pageCache { return &pageCache{pages: map[string]cachedPage{}, max: max} }

func (c *pageCache) get(version int64, key string) (cachedPage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version != c.version {
		return cachedPage{}, false
	}
	p, ok := c.pages[key]
	return p, ok
}

func (c *pageCache) put(version int64, key string, body []byte) cachedPage {
	p := cachedPage{body: body, etag: `"o` + strconv.FormatInt(version, 10) + "-" + strconv.Itoa(len(body)) + `"`}
	c.mu.Lock()
	defer c.mu.Unlock()
	if version < c.version {
		return p // computed from an older state than the cache holds
	}
	if version > c.version || len(c.pages) >= c.max {
		c.version, c.pages = version, map[string]cachedPage{}
	}
	c.pages[key] = p
	return p
}
