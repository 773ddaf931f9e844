package web

import (
	"context"
	"strconv"
	"sync"
	"time"

	"sinergi"
	"sinergi/network"
	"sinergi/store"
)

// networkCache keeps results derived from the whole collaboration network
// (the analysis, the quarterly trends) keyed by the change counters of
// every table the network is read from (store.NetworkTables) and, for a
// window open towards today, by the day: a result is recomputed only when
// activities, agreements, forums, assistance requests, units or
// organisations changed (in any server copy) or, for an open window, on a
// new day, since dormant ties and the default quarters depend on today. The
// counters are read before computing, so a result is never served for data
// newer than it saw. Cached results are shared between requests and must
// not be modified.
type networkCache struct {
	mu       sync.Mutex
	key      string // the versions the entries were computed from
	entries  map[string]any
	max      int
	computed int // results computed, for tests
}

func newNetworkCache(max int) *networkCache {
	return &networkCache{entries: map[string]any{}, max: max}
}

// cachedNetwork returns the result named key, computing it when the
// network changed since (or, with today, when the day changed). The
// network is the same for every account that may see it (store.Network),
// so a result computed for one is served to the others, never to anyone
// else.
func (s *Server) cachedNetwork(ctx context.Context, key string, today bool, compute func() (any, error)) (any, error) {
	if !sinergi.CanViewActivities(sinergi.ActorFrom(ctx)) {
		return nil, sinergi.Unauthorized()
	}
	c := s.analyses
	versions, err := s.DB.DataVersions(ctx, store.NetworkTables...)
	if err != nil {
		return nil, err
	}
	if today {
		key += "|" + s.DB.Now().UTC().Format(time.DateOnly)
	}
	c.mu.Lock()
	if c.key == versions {
		if res, ok := c.entries[key]; ok {
			c.mu.Unlock()
			return res, nil
		}
	}
	c.mu.Unlock()
	res, err := compute()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.computed++
	if c.key != versions || len(c.entries) >= c.max {
		c.key, c.entries = versions, map[string]any{}
	}
	c.entries[key] = res
	return res, nil
}

// openTowardsToday: a window whose end is not given or not yet reached.
func (s *Server) openTowardsToday(until time.Time) bool {
	return until.IsZero() || until.After(s.DB.Now())
}

func windowKey(parts ...time.Time) string {
	k := ""
	for _, t := range parts {
		k += "|" + t.Format(time.RFC3339Nano)
	}
	return k
}

// networkAnalysis is the analysis of the window [since, until] (zero:
// open), from the cache when the network is unchanged.
func (s *Server) networkAnalysis(ctx context.Context, since, until time.Time, level network.Level) (*store.OrgNetwork, error) {
	res, err := s.cachedNetwork(ctx, "analysis|"+string(level)+windowKey(since, until), s.openTowardsToday(until), func() (any, error) {
		return s.DB.AnalyzeNetworkAt(ctx, since, until, level, network.Options{})
	})
	if err != nil {
		return nil, err
	}
	return res.(*store.OrgNetwork), nil
}

// activityTrends is the quarterly trends of one organisation (0: all),
// from the cache when the network is unchanged.
func (s *Server) activityTrends(ctx context.Context, orgID int64, from, to time.Time) (*store.Trends, error) {
	res, err := s.cachedNetwork(ctx, "trends|"+strconv.FormatInt(orgID, 10)+windowKey(from, to), s.openTowardsToday(to), func() (any, error) {
		return s.DB.ActivityTrends(ctx, orgID, from, to)
	})
	if err != nil {
		return nil, err
	}
	return res.(*store.Trends), nil
}
