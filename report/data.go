// Package report writes the agency collaboration report ("Laporan
// Kolaborasi Instansi", issue 7 item 3) for one organisation and one period:
// a summary; Part 1, whether collaborative governance and whole-of-government
// really run there, with a verdict from documented thresholds (Judge);
// Part 2, examples of collaboration; Part 3, challenges and obstacles from
// measured signals; Part 4, the corridor plan; appendix tables.
//
// Build is pure assembly over a Data value; Load (load.go) gathers the data
// from the database as the caller may see it. Each part reads its own
// section of Data; sections of modules that are not part of the report yet
// (kerja sama agreements, the obstacle register, corridor programmes) are
// Extra values that say plainly that no data exist, until a module plugs a
// Source in with RegisterSource. The same content is written as PDF through
// package pdf and as HTML.
package report

import (
	"context"
	"sort"
	"sync"
	"time"

	"sinergi"
	"sinergi/criteria"
	"sinergi/pdf"
)

// Data is everything the report is assembled from.
type Data struct {
	Org         sinergi.Organization
	From, To    time.Time // the period, both days included
	GeneratedAt time.Time
	Units       []sinergi.Unit
	Forums      []Forum
	Activities  []sinergi.Activity          // in the period, involving the organisation
	Requests    []sinergi.AssistanceRequest // submitted in the period, involving the organisation
	Assistance  sinergi.AssistanceStats     // over Requests
	Overdue     []sinergi.ActionItem        // open action items of the organisation past due, at GeneratedAt
	Net         Net
	Agreements  []Agreement // kerja sama of the organisation in the period (agreements.go)
	// AgreementsLoaded: Agreements were read from the registry; false when
	// a registered "agreements" Source feeds the section instead.
	AgreementsLoaded bool
	// Register: open entries of the obstacle register that affect the
	// organisation or its forums, agreements or requests (register.go);
	// Surveys: scores of closed survey campaigns that targeted it, shown
	// groups only. RegisterLoaded: both were read from the database.
	Register       []sinergi.Obstacle
	Surveys        []SurveyScore
	RegisterLoaded bool
	// Corridors: the plans of the organisation's region in the corridor
	// programmes it takes part in (corridor.go).
	Corridors      []CorridorPlan
	CorridorLoaded bool
	Extras         []Extra // agreements, register, corridor (in that order)
	Secret         bool    // rahasia records are included (the reader is entitled)
	Withheld       int     // records left out because the reader may not see them
}

// Forum is one forum of the organisation with its criteria and process.
type Forum struct {
	ID        int64
	Name      string
	Role      string // the organisation's role: "pemrakarsa" or the member role
	Focus     string
	Members   int
	Criteria  criteria.Result
	Cycle     criteria.Evidence
	SmallWins []string
}

// Tie is the organisation's tie with one partner in the network.
type Tie struct {
	PartnerID   int64
	Partner     string
	Sector      string // label
	CrossSector bool
	Links       int            // links in the period
	Kinds       map[string]int // links per kind (activity type, forum, assistance)
	Last        time.Time      // last link up to the end of the period
	Dormant     bool           // no link in the 12 months before the end of the period
}

// Net holds the network measures, computed like /analytics.
type Net struct {
	Nodes, Edges int
	Density      float64
	EIOrg        *float64 // the organisation's E-I index over sectors (period)
	OrgExternal  int      // cross-sector ties of the organisation (E)
	OrgInternal  int      // same-sector ties (I)
	EINetwork    *float64
	WoG          *float64 // the organisation's WoG index (0–100)
	WoGRank      int      // 1 = highest
	Betweenness  float64
	Brokers      []string // names, highest first
	Ties         []Tie    // partners, most links first (period)
	Dormant      []Tie    // dormant ties of the organisation (all history to the end)
	Units        UnitTies
	Findings     []string // network findings that name the organisation
	Snapshot     pdf.Network
	Links        int // links read in the period (all organisations)
}

// UnitTies is how far collaboration reaches into the organisation's units:
// records (activities, assistance requests) in the period that name one of
// its units.
type UnitTies struct {
	Total    int            // units of the organisation
	Named    int            // records naming a unit of the organisation
	Records  int            // records of the organisation in the period
	Involved map[string]int // unit name → records naming it
}

// Extra is a section fed by a module that may not exist yet.
type Extra struct {
	Key       string // "agreements", "register", "corridor"
	Title     string
	Available bool
	Note      string     // said when not available, or under the table
	Lines     []string   // prose lines when available
	Table     *pdf.Table // optional
}

// Source loads one Extra section for an organisation and a period.
type Source func(ctx context.Context, org sinergi.Organization, from, to time.Time) (Extra, error)

var (
	sourcesMu sync.Mutex
	sources   = map[string]Source{}
)

// RegisterSource lets a module feed a section ("agreements", "register" or
// "corridor"); a later registration replaces an earlier one.
func RegisterSource(key string, s Source) {
	sourcesMu.Lock()
	defer sourcesMu.Unlock()
	sources[key] = s
}

// extraKeys are the optional sections in report order, with the wording
// when no module feeds them.
var extraKeys = []struct{ key, title, absent string }{
	{"agreements", "Perjanjian kerja sama", "Belum ada data perjanjian kerja sama dalam laporan ini: modul registrasi kerja sama daerah belum terhubung ke laporan, sehingga contoh kolaborasi di bagian ini hanya berasal dari kegiatan, forum dan Bantuan Kedinasan yang tercatat."},
	{"register", "Register hambatan", "Belum ada data register hambatan dan hasil asesmen (survei kepercayaan, faktor kolaborasi) untuk instansi ini: modul asesmen belum terhubung ke laporan. Tantangan pada subbab sebelumnya hanya diturunkan dari sinyal yang terukur."},
	{"corridor", "Rencana kolaborasi koridor", "Rencana kolaborasi koridor tidak tersedia: modul program koridor belum terhubung ke laporan, sehingga belum ada rencana aksi per daerah yang dapat dilaporkan."},
}

// registered reports whether a module feeds the section key.
func registered(key string) bool {
	sourcesMu.Lock()
	defer sourcesMu.Unlock()
	_, ok := sources[key]
	return ok
}

// loadExtras runs the registered sources, then the built-in ones (sections
// Load reads itself from the database), and says "no data" for the rest.
func loadExtras(ctx context.Context, org sinergi.Organization, from, to time.Time, builtin map[string]Source) ([]Extra, error) {
	sourcesMu.Lock()
	src := make(map[string]Source, len(sources)+len(builtin))
	for k, v := range builtin {
		src[k] = v
	}
	for k, v := range sources {
		src[k] = v
	}
	sourcesMu.Unlock()
	var out []Extra
	for _, k := range extraKeys {
		if s, ok := src[k.key]; ok {
			x, err := s(ctx, org, from, to)
			if err != nil {
				return nil, err
			}
			x.Key = k.key
			if x.Title == "" {
				x.Title = k.title
			}
			out = append(out, x)
			continue
		}
		out = append(out, Extra{Key: k.key, Title: k.title, Note: k.absent})
	}
	return out, nil
}

// extra returns the section with key.
func (d *Data) extra(key string) Extra {
	for _, x := range d.Extras {
		if x.Key == key {
			return x
		}
	}
	for _, k := range extraKeys {
		if k.key == key {
			return Extra{Key: key, Title: k.title, Note: k.absent}
		}
	}
	return Extra{Key: key}
}

// Facts derives the verdict's inputs from the data.
func (d *Data) Facts() Facts {
	f := Facts{Forums: len(d.Forums), Partners: len(d.Net.Ties), OverdueRequests: d.Assistance.Incoming.Overdue, EI: d.Net.EIOrg}
	best := -1
	for _, fo := range d.Forums {
		f.BestCriteria = max(f.BestCriteria, fo.Criteria.MetCount())
		best = max(best, healthy(fo.Cycle))
	}
	if best >= 0 {
		f.BestCycle = &best
	}
	for _, t := range d.Net.Ties {
		f.Ties += t.Links
		if t.CrossSector {
			f.CrossSector += t.Links
		}
	}
	f.MedianResponse = d.Assistance.Incoming.ResponseDays.Median
	return f
}

func healthy(e criteria.Evidence) int {
	n := 0
	for _, s := range e.Stages {
		if s.Healthy {
			n++
		}
	}
	return n
}

// sortTies orders ties by links, then last activity, then name.
func sortTies(ts []Tie) {
	sort.SliceStable(ts, func(i, j int) bool {
		if ts[i].Links != ts[j].Links {
			return ts[i].Links > ts[j].Links
		}
		if !ts[i].Last.Equal(ts[j].Last) {
			return ts[i].Last.After(ts[j].Last)
		}
		return ts[i].Partner < ts[j].Partner
	})
}

type (
	pdfNetwork = pdf.Network
	pdfNode    = pdf.Node
	pdfEdge    = pdf.Edge
)
