package web

import (
	"net/http"
	"time"

	"sinergi/network"
	"sinergi/store"
)

// orgFindings are the plain-language findings of the network analysis
// (issue 6, as on /analytics, whole period) that concern one organisation,
// in the page's language. Signed-in users only, like /analytics; nil when
// there are none or the analysis fails (the organisation page must not fail
// because of it). The analysis comes from the cache (network_cache.go), so
// a view recomputes it only after the network's data changed.
func (s *Server) orgFindings(r *http.Request, orgID int64) []string {
	if currentUser(r) == nil {
		return nil
	}
	res, err := s.networkAnalysis(r.Context(), time.Time{}, time.Time{}, network.LevelOrganization)
	if err != nil {
		return nil
	}
	node := store.NodeID(orgID)
	var out []string
	for _, f := range res.Findings {
		if f.Node != node {
			continue
		}
		if lang(r) == "en" {
			out = append(out, f.EN)
		} else {
			out = append(out, f.ID)
		}
	}
	return out
}
