package decide

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"sinergi"
)

// Ballot is one voter's vote. Only the fields of the poll's method are read.
type Ballot struct {
	VoterID string `json:"voter_id"`
	// Choice: advice, consent and sense check.
	Choice Choice `json:"choice,omitempty"`
	// Scores: option → score (score); every option must be scored.
	Scores map[string]int `json:"scores,omitempty"`
	// Ranking: options, most preferred first (ranked choice); options left
	// out are ranked below all others.
	Ranking []string `json:"ranking,omitempty"`
	// Dots: option → dots (dot vote); 1 to DotsPerVoter in total.
	Dots map[string]int `json:"dots,omitempty"`
	// Slots: option → availability (time poll); missing slots count as No.
	Slots  map[string]Availability `json:"slots,omitempty"`
	Reason string                  `json:"reason,omitempty"`
}

// Validate checks ballot b against the settings s (and s itself). Its error
// is a *sinergi.Error with code invalid naming each bad field.
func Validate(s Settings, b Ballot) error {
	var v sinergi.Validation
	s.check(&v)
	if len(v.Fields) > 0 {
		return v.Err()
	}
	checkBallot(&v, s, s.index(), b)
	return v.Err()
}

// checkBallot checks b against valid settings s; idx is s.index().
func checkBallot(v *sinergi.Validation, s Settings, idx map[string]int, b Ballot) {
	switch {
	case strings.TrimSpace(b.VoterID) == "":
		v.Add("voter_id", "Pemilih tidak diketahui", "The voter is missing")
	case len(b.VoterID) > MaxVoterIDLen:
		v.Add("voter_id", "Pengenal pemilih terlalu panjang", "The voter id is too long")
	}
	switch n := utf8.RuneCountInString(b.Reason); {
	case n > MaxReasonLen:
		v.Add("reason", fmt.Sprintf("Alasan paling banyak %d karakter", MaxReasonLen), fmt.Sprintf("A reason can have at most %d characters", MaxReasonLen))
	case s.Reasons == ReasonsRequired && blank(b.Reason):
		v.Add("reason", "Alasan wajib diisi", "A reason is required")
	}
	switch s.Method {
	case MethodAdvice:
		checkAdvice(v, s, b)
	case MethodConsent:
		checkConsent(v, b)
	case MethodSenseCheck:
		checkChoice(v, b.Choice, Choices(MethodSenseCheck))
	case MethodScore:
		checkScore(v, s, idx, b)
	case MethodRankedChoice:
		checkRanking(v, idx, b)
	case MethodDotVote:
		checkDots(v, s, idx, b)
	case MethodTimePoll:
		checkSlots(v, idx, b)
	}
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

func checkChoice(v *sinergi.Validation, c Choice, allowed []Choice) {
	if !slices.Contains(allowed, c) {
		ids, ens := make([]string, len(allowed)), make([]string, len(allowed))
		for i, a := range allowed {
			ids[i], ens[i] = a.Label().ID, a.Label().EN
		}
		v.Add("choice", "Pilih salah satu: "+strings.Join(ids, ", "), "Choose one of: "+strings.Join(ens, ", "))
	}
}

// unknownKeys returns the keys of m that are not options, sorted.
func unknownKeys[V any](idx map[string]int, m map[string]V) []string {
	var out []string
	for k := range m {
		if _, ok := idx[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

func addUnknown(v *sinergi.Validation, field string, keys []string) {
	if len(keys) > 0 {
		list := strings.Join(keys, ", ")
		v.Add(field, "Pilihan tidak dikenal: "+list, "Unknown option: "+list)
	}
}
