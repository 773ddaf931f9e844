package network

import "fmt"

// Level is the granularity at which the collaboration network is analysed
// (issue 6 item 2; domain.md §7: "edges between organisations/units").
type Level string

const (
	// LevelUnit: a link's end is the unit recorded on it (activities and
	// agreement parties may name one), else the organisation itself.
	LevelUnit Level = "unit"
	// LevelOrganization: every end is an organisation.
	LevelOrganization Level = "organization"
	// LevelSector: organisations are merged by their sector code.
	LevelSector Level = "sector"
)

// Levels lists the levels, finest first.
var Levels = []Level{LevelUnit, LevelOrganization, LevelSector}

// ParseLevel reads a level name; "" means organisation.
func ParseLevel(s string) (Level, error) {
	if s == "" {
		return LevelOrganization, nil
	}
	for _, l := range Levels {
		if string(l) == s {
			return l, nil
		}
	}
	return "", fmt.Errorf("network: unknown level %q (unit, organization or sector)", s)
}

// UnitLinks returns the links with each end at its unit where one is
// recorded (FromUnit/ToUnit), else at its organisation.
func UnitLinks(links []Link) []Link {
	out := make([]Link, len(links))
	for i, l := range links {
		if l.FromUnit != "" {
			l.From = l.FromUnit
		}
		if l.ToUnit != "" {
			l.To = l.ToUnit
		}
		out[i] = l
	}
	return out
}

// Coarsen returns the links with each end replaced by its parent (an
// organisation by its sector, …); ends without a parent stay. Links whose
// two ends fall into the same parent are kept: [FromLinks] leaves such
// self-ties out of the graph, the arcs and the ties.
func Coarsen(links []Link, parent map[string]string) []Link {
	out := make([]Link, len(links))
	for i, l := range links {
		if p, ok := parent[l.From]; ok {
			l.From = p
		}
		if p, ok := parent[l.To]; ok {
			l.To = p
		}
		l.FromUnit, l.ToUnit = "", ""
		out[i] = l
	}
	return out
}
