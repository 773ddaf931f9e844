package web

import (
	"context"
	"sync"
	"time"

	"sinergi/network"
	"sinergi/store"
)

// analysisCache keeps organisation-network analyses keyed by the change
// counters of every table the network is read from (store.NetworkTables)
// and by the day: an analysis is recomputed only when activities,
// agreements, forums, assistance requests, units or organisations changed
// (in any server copy) or, for an open window, on a new day, since
// dormant ties depend on today. The counters are read before the analysis,
// so an analysis is never served for data newer than it saw. Cached
// analyses are shared between requests and must not be modified.
type analysisCache struct {
	mu       sync.Mutex
	key      string // the versions the entries were computed from
	entries  map[string]*store.OrgNetwork
	max      int
	computed int // analyses run, for tests
}

func newAnalysisCache(max int) *analysisCache {
	return &analysisCache{entries: map[string]*store.OrgNetwork{}, max: max}
}

// networkAnalysis returns the analysis of the window [since, until] (zero:
// open), from the cache when the data is unchanged.
func (s *Server) networkAnalysis(ctx context.Context, since, until time.Time) (*store.OrgNetwork, error) {
	c := s.analyses
	versions, err := s.DB.DataVersions(ctx, store.NetworkTables...)
	if err != nil {
		return nil, err
	}
	day := ""
	if until.IsZero() || until.After(s.DB.Now()) {
		day = s.DB.Now().UTC().Format(time.DateOnly)
	}
	window := since.Format(time.RFC3339Nano) + "|" + until.Format(time.RFC3339Nano) + "|" + day
	c.mu.Lock()
	if c.key == versions {
		if res, ok := c.entries[window]; ok {
			c.mu.Unlock()
			return res, nil
		}
	}
	c.mu.Unlock()
	res, err := s.DB.AnalyzeNetwork(ctx, since, until, network.Options{})
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.computed++
	if c.key != versions || len(c.entries) >= c.max {
		c.key, c.entries = versions, map[string]*store.OrgNetwork{}
	}
	c.entries[window] = res
	return res, nil
}
