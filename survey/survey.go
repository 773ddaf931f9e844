// Package survey holds the survey instruments of Sinergi as data (items,
// scale, reverse coding, Indonesian and English wording) and the pure rules
// that score a campaign: reverse coding, means, distributions, change
// against the previous campaign, and the anonymity threshold below which a
// group is never shown. It does no I/O.
//
// Sources (../shared/docs/domain.md §3): Pérez López et al. (2004) for the
// seven culture indicators, in the seed's wording; Ansell & Gash (2008) for
// the process item bank, which is written for the product and is not a
// validated scale; Custumato (2021) for the five success factors; the
// Levels of Collaboration Scale (0–5 per partner).
package survey

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"sinergi"
)

// DefaultThreshold is the smallest number of responses a group needs before
// any of its results are shown.
const DefaultThreshold = 5

// MinThreshold is the smallest threshold a campaign may set.
const MinThreshold = 3

// OthersKey is the key of the group that merges the groups too small to show.
const OthersKey = "_others"

// Scale is an answer scale: whole numbers from Min to Max, one label each.
type Scale struct {
	Code   string         `json:"code"`
	Min    int            `json:"min"`
	Max    int            `json:"max"`
	Labels []sinergi.Text `json:"labels"`
}

// Label returns the label of value v.
func (s Scale) Label(v int) sinergi.Text {
	if v < s.Min || v > s.Max || v-s.Min >= len(s.Labels) {
		return sinergi.T(strconv.Itoa(v), strconv.Itoa(v))
	}
	return s.Labels[v-s.Min]
}

// Points lists the values of the scale.
func (s Scale) Points() []int {
	out := make([]int, 0, s.Max-s.Min+1)
	for v := s.Min; v <= s.Max; v++ {
		out = append(out, v)
	}
	return out
}

// Item is one statement to rate.
type Item struct {
	ID        string       `json:"id"`
	Dimension string       `json:"dimension"`
	Text      sinergi.Text `json:"text"`
	Reverse   bool         `json:"reverse,omitempty"` // scored as Min+Max-answer
}

// Instrument is a questionnaire.
type Instrument struct {
	Code       string       `json:"code"`
	Name       sinergi.Text `json:"name"`
	Source     string       `json:"source"`
	Validated  bool         `json:"validated"`
	Note       sinergi.Text `json:"note"`
	ScaleCode  string       `json:"scale"`
	Scale      Scale        `json:"-"`
	PerPartner bool         `json:"per_partner,omitempty"` // one item per partner organisation
	Items      []Item       `json:"items"`
}

// Partner is a partner organisation rated by a per-partner instrument.
type Partner struct {
	ID   int64
	Name string
}

// PartnerItemID is the item id of a partner in a per-partner instrument.
func PartnerItemID(orgID int64) string { return "org_" + strconv.FormatInt(orgID, 10) }

// ItemsFor returns the items a respondent answers: the instrument's own, or
// one per partner for a per-partner instrument.
func (in Instrument) ItemsFor(partners []Partner) []Item {
	if !in.PerPartner {
		return in.Items
	}
	out := make([]Item, 0, len(partners))
	for _, p := range partners {
		out = append(out, Item{ID: PartnerItemID(p.ID), Dimension: "partner",
			Text: sinergi.T("Tingkat kolaborasi dengan "+p.Name, "Level of collaboration with "+p.Name)})
	}
	return out
}

// Score returns the scored value of an answer (reverse coding applied).
func (in Instrument) Score(it Item, v int) int {
	if it.Reverse {
		return in.Scale.Min + in.Scale.Max - v
	}
	return v
}

//go:embed instruments.json
var instrumentsJSON []byte

var instruments = mustLoad(instrumentsJSON)

func mustLoad(b []byte) []Instrument {
	out, err := Load(b)
	if err != nil {
		panic(err)
	}
	return out
}

// Load reads instruments from their JSON form and checks them: known scale,
// unique item ids, labels for every scale point.
func Load(b []byte) ([]Instrument, error) {
	var f struct {
		Scales      map[string]Scale `json:"scales"`
		Instruments []Instrument     `json:"instruments"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, err
	}
	for code, s := range f.Scales {
		if s.Max <= s.Min || len(s.Labels) != s.Max-s.Min+1 {
			return nil, fmt.Errorf("scale %s: needs one label for each point from %d to %d", code, s.Min, s.Max)
		}
	}
	codes := map[string]bool{}
	for i := range f.Instruments {
		in := &f.Instruments[i]
		s, ok := f.Scales[in.ScaleCode]
		if !ok {
			return nil, fmt.Errorf("instrument %s: unknown scale %q", in.Code, in.ScaleCode)
		}
		s.Code = in.ScaleCode
		in.Scale = s
		if in.Code == "" || codes[in.Code] {
			return nil, fmt.Errorf("instrument %q: empty or repeated code", in.Code)
		}
		codes[in.Code] = true
		ids := map[string]bool{}
		for _, it := range in.Items {
			if it.ID == "" || ids[it.ID] || it.Text.ID == "" || it.Text.EN == "" {
				return nil, fmt.Errorf("instrument %s: item %q: empty or repeated id, or missing wording", in.Code, it.ID)
			}
			ids[it.ID] = true
		}
		if !in.PerPartner && len(in.Items) == 0 {
			return nil, fmt.Errorf("instrument %s: no items", in.Code)
		}
	}
	return f.Instruments, nil
}

// Instruments lists the shipped instruments.
func Instruments() []Instrument { return instruments }

// Lookup returns the instrument with code c.
func Lookup(c string) (Instrument, bool) {
	for _, in := range instruments {
		if in.Code == c {
			return in, true
		}
	}
	return Instrument{}, false
}

// Check validates one respondent's answers against the items: every item
// answered once, within the scale, nothing else. It returns field problems
// keyed "answers.<item>".
func Check(in Instrument, items []Item, answers map[string]int) []sinergi.FieldError {
	var out []sinergi.FieldError
	known := map[string]bool{}
	for _, it := range items {
		known[it.ID] = true
		v, ok := answers[it.ID]
		switch {
		case !ok:
			out = append(out, sinergi.FieldError{Field: "answers." + it.ID, Msg: sinergi.T("Butir ini belum dijawab", "This item is not answered")})
		case v < in.Scale.Min || v > in.Scale.Max:
			out = append(out, sinergi.FieldError{Field: "answers." + it.ID, Msg: sinergi.T(
				fmt.Sprintf("Jawaban harus antara %d dan %d", in.Scale.Min, in.Scale.Max),
				fmt.Sprintf("The answer must be between %d and %d", in.Scale.Min, in.Scale.Max))})
		}
	}
	var extra []string
	for id := range answers {
		if !known[id] {
			extra = append(extra, id)
		}
	}
	sort.Strings(extra)
	for _, id := range extra {
		out = append(out, sinergi.FieldError{Field: "answers." + trim(id), Msg: sinergi.T("Butir tidak dikenal", "Unknown item")})
	}
	return out
}

func trim(s string) string {
	if len(s) > 60 {
		return s[:60]
	}
	return s
}

// Response is one anonymous set of answers with the group it counts in.
type Response struct {
	Group   string
	Answers map[string]int
}

// ItemResult is the result of one item in a group.
type ItemResult struct {
	ItemID  string       `json:"item_id"`
	Text    sinergi.Text `json:"text"`
	Reverse bool         `json:"reverse"`
	N       int          `json:"n"`
	Mean    float64      `json:"mean"` // of scored values (reverse coding applied)
	// Distribution counts the answers as given, one entry per scale point
	// from the scale's minimum.
	Distribution []int `json:"distribution"`
}

// GroupResult is the result of one group shown.
type GroupResult struct {
	Key       string       `json:"key"`
	Label     string       `json:"label"`
	Responses int          `json:"responses"`
	Mean      float64      `json:"mean"`
	Change    *float64     `json:"change"` // mean minus the previous campaign's, when both are shown
	Items     []ItemResult `json:"items"`
	Merged    int          `json:"merged_groups,omitempty"` // for the others group: how many groups it merges
}

// Results is what a campaign shows. Groups below the threshold are never
// in it: they are merged into the others group when that reaches the
// threshold, else hidden. Overall covers the shown groups only, so that no
// hidden group can be worked out by subtraction.
type Results struct {
	Threshold    int           `json:"threshold"`
	Groups       []GroupResult `json:"groups"`
	Overall      *GroupResult  `json:"overall"`
	HiddenGroups int           `json:"hidden_groups"`
}

// Visibility is how the groups of a campaign are shown.
type Visibility struct {
	Shown  []string // shown on their own, in key order
	Others []string // merged into the others group (shown)
	Hidden []string // not shown at all
}

// Decide applies the anonymity threshold to the response counts of the
// groups. Groups without responses are neither shown nor hidden.
func Decide(counts map[string]int, threshold int) Visibility {
	if threshold < 1 {
		threshold = DefaultThreshold
	}
	var v Visibility
	var small []string
	smallN := 0
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		n := counts[k]
		switch {
		case n <= 0:
		case n >= threshold:
			v.Shown = append(v.Shown, k)
		default:
			small = append(small, k)
			smallN += n
		}
	}
	if smallN >= threshold && len(small) > 1 {
		v.Others = small
	} else {
		v.Hidden = small
	}
	return v
}

// Compute scores the responses of a campaign. labels names the groups;
// threshold is the anonymity threshold (0: DefaultThreshold).
func Compute(in Instrument, items []Item, rs []Response, labels map[string]string, threshold int, othersLabel string) Results {
	if threshold < 1 {
		threshold = DefaultThreshold
	}
	counts := map[string]int{}
	for _, r := range rs {
		counts[r.Group]++
	}
	vis := Decide(counts, threshold)
	res := Results{Threshold: threshold, Groups: []GroupResult{}, HiddenGroups: len(vis.Hidden)}
	byGroup := func(keys []string) []Response {
		set := map[string]bool{}
		for _, k := range keys {
			set[k] = true
		}
		var out []Response
		for _, r := range rs {
			if set[r.Group] {
				out = append(out, r)
			}
		}
		return out
	}
	for _, k := range vis.Shown {
		g := group(in, items, byGroup([]string{k}))
		g.Key, g.Label = k, labels[k]
		if g.Label == "" {
			g.Label = k
		}
		res.Groups = append(res.Groups, g)
	}
	if len(vis.Others) > 0 {
		g := group(in, items, byGroup(vis.Others))
		g.Key, g.Label, g.Merged = OthersKey, othersLabel, len(vis.Others)
		res.Groups = append(res.Groups, g)
	}
	if len(res.Groups) > 0 {
		g := group(in, items, byGroup(append(append([]string{}, vis.Shown...), vis.Others...)))
		g.Key, g.Label = "_all", "Semua kelompok yang ditampilkan"
		res.Overall = &g
	}
	return res
}

// group scores the responses of one shown group: the mean of every scored
// answer, and per item the mean and the distribution of answers as given.
func group(in Instrument, items []Item, rs []Response) GroupResult {
	g := GroupResult{Responses: len(rs), Items: make([]ItemResult, 0, len(items))}
	sum, n := 0, 0
	for _, it := range items {
		ir := ItemResult{ItemID: it.ID, Text: it.Text, Reverse: it.Reverse, Distribution: make([]int, in.Scale.Max-in.Scale.Min+1)}
		isum := 0
		for _, r := range rs {
			v, ok := r.Answers[it.ID]
			if !ok || v < in.Scale.Min || v > in.Scale.Max {
				continue
			}
			ir.Distribution[v-in.Scale.Min]++
			s := in.Score(it, v)
			isum += s
			ir.N++
		}
		if ir.N > 0 {
			ir.Mean = round2(float64(isum) / float64(ir.N))
		}
		sum += isum
		n += ir.N
		g.Items = append(g.Items, ir)
	}
	if n > 0 {
		g.Mean = round2(float64(sum) / float64(n))
	}
	return g
}

// Compare sets the change of each shown group (and of the overall) against
// the previous campaign's results: only where both are shown.
func Compare(cur *Results, prev *Results) {
	if prev == nil {
		return
	}
	old := map[string]float64{}
	for _, g := range prev.Groups {
		old[g.Key] = g.Mean
	}
	for i := range cur.Groups {
		if m, ok := old[cur.Groups[i].Key]; ok && cur.Groups[i].Key != OthersKey {
			d := round2(cur.Groups[i].Mean - m)
			cur.Groups[i].Change = &d
		}
	}
	if cur.Overall != nil && prev.Overall != nil {
		d := round2(cur.Overall.Mean - prev.Overall.Mean)
		cur.Overall.Change = &d
	}
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// FormatMean writes a mean with a decimal comma in Indonesian ("3,75").
func FormatMean(f float64, lang string) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
