package web

// The other ways to decide on the web pages (issue 3, item 7): the method and
// settings of the new-proposal form, the ballot form fitting the method and
// the result as a table with bars.

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"sinergi"
	"sinergi/decide"
)

// decideLabels gives the templates the labels and small computations of
// package decide.
type decideLabels struct{}

func (decideLabels) Methods() []decide.Method                 { return decide.Methods() }
func (decideLabels) MethodLabel(m string) sinergi.Text        { return decide.Method(m).Label() }
func (decideLabels) HasOptions(m string) bool                 { return decide.Method(m).HasOptions() }
func (decideLabels) Choices(m string) []decide.Choice         { return decide.Choices(decide.Method(m)) }
func (decideLabels) ChoiceLabel(c decide.Choice) sinergi.Text { return c.Label() }
func (decideLabels) Availabilities() []decide.Availability {
	return []decide.Availability{decide.Yes, decide.Maybe, decide.No}
}

// AvailabilityLabel names an answer of a meeting-time poll.
func (decideLabels) AvailabilityLabel(a decide.Availability) sinergi.Text {
	switch a {
	case decide.Yes:
		return sinergi.T("Bisa", "Yes")
	case decide.Maybe:
		return sinergi.T("Mungkin", "Maybe")
	}
	return sinergi.T("Tidak bisa", "No")
}

// Seq is 1…n.
func (decideLabels) Seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// OptionLabel names a counted option: a choice's label, or the option.
func (decideLabels) OptionLabel(r *decide.Result, option string) sinergi.Text {
	if !r.Method.HasOptions() {
		if l := decide.Choice(option).Label(); l.ID != "" {
			return l
		}
	}
	return sinergi.T(option, option)
}

// metric is what a bar of the result shows.
func metric(m decide.Method, c decide.Count) int {
	switch m {
	case decide.MethodScore, decide.MethodDotVote, decide.MethodRankedChoice:
		return c.Total
	}
	return c.Count
}

// MetricLabel names the measure the bars show.
func (decideLabels) MetricLabel(m decide.Method) sinergi.Text {
	switch m {
	case decide.MethodScore:
		return sinergi.T("Jumlah skor", "Total score")
	case decide.MethodDotVote:
		return sinergi.T("Jumlah titik", "Total dots")
	case decide.MethodRankedChoice:
		return sinergi.T("Poin Borda", "Borda points")
	case decide.MethodTimePoll:
		return sinergi.T("Bisa hadir", "Available")
	}
	return sinergi.T("Suara", "Ballots")
}

// Metric is the number a row's bar stands for.
func (decideLabels) Metric(r *decide.Result, c decide.Count) int { return metric(r.Method, c) }

// BarWidth is the width (of 100) of a row's bar, relative to the largest.
func (decideLabels) BarWidth(r *decide.Result, c decide.Count) float64 {
	top := 0
	for _, x := range r.Counts {
		top = max(top, metric(r.Method, x))
	}
	if top <= 0 || metric(r.Method, c) <= 0 {
		return 0
	}
	return float64(metric(r.Method, c)) * 100 / float64(top)
}

// Mean writes a score mean with one decimal.
func (decideLabels) Mean(lang string, f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Summary writes a ballot in a few words.
func (d decideLabels) Summary(lang string, s *decide.Settings, b decide.Ballot) string {
	if s == nil {
		return ""
	}
	var parts []string
	switch s.Method {
	case decide.MethodAdvice, decide.MethodConsent, decide.MethodSenseCheck:
		return b.Choice.Label().In(lang)
	case decide.MethodScore:
		for _, o := range s.Options {
			parts = append(parts, fmt.Sprintf("%s: %d", o, b.Scores[o]))
		}
	case decide.MethodRankedChoice:
		for i, o := range b.Ranking {
			parts = append(parts, fmt.Sprintf("%d. %s", i+1, o))
		}
	case decide.MethodDotVote:
		for _, o := range s.Options {
			if b.Dots[o] > 0 {
				parts = append(parts, fmt.Sprintf("%s: %d", o, b.Dots[o]))
			}
		}
	case decide.MethodTimePoll:
		for _, o := range s.Options {
			a := b.Slots[o]
			if a == "" {
				a = decide.No
			}
			parts = append(parts, o+": "+d.AvailabilityLabel(a).In(lang))
		}
	}
	return strings.Join(parts, "; ")
}

// FieldErrs joins the messages of the fields named prefix or prefix[…].
func (p page) FieldErrs(prefix string) string {
	var out []string
	for _, e := range p.Errors {
		if e.Field == prefix || strings.HasPrefix(e.Field, prefix+"[") || strings.HasPrefix(e.Field, prefix+".") {
			out = append(out, e.Msg.In(p.Lang))
		}
	}
	return strings.Join(out, "; ")
}

// settingsFromForm reads the method and its settings from the new-proposal
// form: options one per line; numbers as typed.
func settingsFromForm(f url.Values, v *sinergi.Validation) (string, json.RawMessage) {
	method := strings.TrimSpace(f.Get("method"))
	if method == "" || method == sinergi.MethodConsensus {
		return method, nil
	}
	m := map[string]any{"hide_results": f.Get("hide_results") != "", "reasons": f.Get("reasons")}
	var opts []string
	for _, line := range strings.Split(f.Get("options"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			opts = append(opts, line)
		}
	}
	if opts != nil {
		m["options"] = opts
	}
	for _, k := range []string{"score_min", "score_max", "dots_per_voter"} {
		s := strings.TrimSpace(f.Get(k))
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			v.Add("settings."+k, "Isi dengan bilangan bulat", "Give a whole number")
			continue
		}
		m[k] = n
	}
	b, _ := json.Marshal(m)
	return method, b
}

// ballotFromForm reads a ballot from the proposal page's form; options are
// named by their position (score.0, rank.0, dots.0, slot.0).
func ballotFromForm(s *decide.Settings, f url.Values, v *sinergi.Validation) decide.Ballot {
	b := decide.Ballot{Choice: decide.Choice(f.Get("choice")), Reason: f.Get("reason")}
	num := func(field, key string) (int, bool) {
		t := strings.TrimSpace(f.Get(key))
		if t == "" {
			return 0, false
		}
		n, err := strconv.Atoi(t)
		if err != nil {
			v.Add(field, "Isi dengan bilangan bulat", "Give a whole number")
			return 0, false
		}
		return n, true
	}
	switch s.Method {
	case decide.MethodScore:
		b.Scores = map[string]int{}
		for i, o := range s.Options {
			if n, ok := num("scores", "score."+strconv.Itoa(i)); ok {
				b.Scores[o] = n
			}
		}
	case decide.MethodDotVote:
		b.Dots = map[string]int{}
		for i, o := range s.Options {
			if n, ok := num("dots", "dots."+strconv.Itoa(i)); ok && n != 0 {
				b.Dots[o] = n
			}
		}
	case decide.MethodTimePoll:
		b.Slots = map[string]decide.Availability{}
		for i, o := range s.Options {
			if a := f.Get("slot." + strconv.Itoa(i)); a != "" {
				b.Slots[o] = decide.Availability(a)
			}
		}
	case decide.MethodRankedChoice:
		type ranked struct {
			rank int
			opt  string
		}
		var rs []ranked
		seen := map[int]bool{}
		for i, o := range s.Options {
			if n, ok := num("ranking", "rank."+strconv.Itoa(i)); ok {
				if seen[n] {
					v.Add("ranking", "Setiap peringkat hanya boleh dipakai sekali", "Use each rank once")
				}
				seen[n] = true
				rs = append(rs, ranked{n, o})
			}
		}
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].rank < rs[j].rank })
		for _, r := range rs {
			b.Ranking = append(b.Ranking, r.opt)
		}
	}
	return b
}

func (s *Server) ballotCast(w http.ResponseWriter, r *http.Request) error {
	return s.proposalForm(w, r, "ballot", pick(r, "Suara Anda tercatat.", "Your ballot is recorded."), func(id int64, f url.Values) (int64, error) {
		p, err := s.DB.Proposal(r.Context(), id)
		if err != nil {
			return 0, err
		}
		if p.Settings == nil {
			return 0, sinergi.Errorf(sinergi.CodeConflict, "Usulan ini diputuskan dengan musyawarah mufakat: nyatakan posisi", "This proposal is decided by consensus: take a position")
		}
		var v sinergi.Validation
		b := ballotFromForm(p.Settings, f, &v)
		if err := v.Err(); err != nil {
			return 0, err
		}
		_, err = s.DB.CastBallot(r.Context(), id, b)
		return id, err
	})
}

// Checked reports whether a form value holds v (for repeated fields).
func (p page) Checked(field, v string) bool { return slices.Contains(p.Form[field], v) }
