package decide

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"sinergi"
)

// Limits on settings, so that no poll can overflow a total.
const (
	MaxOptions      = 50
	MaxOptionLen    = 200 // runes
	MaxScore        = 1000
	MaxDotsPerVoter = 1000
	MaxReasonLen    = 5000 // runes
	MaxVoterIDLen   = 100  // bytes
)

// Settings configure one poll.
type Settings struct {
	Method Method `json:"method"`
	// Options are the things voted on (score, ranked choice, dot vote) or the
	// time slots (time poll), in the order shown; each is its own key.
	Options      []string `json:"options,omitempty"`
	ScoreMin     int      `json:"score_min,omitempty"`      // score
	ScoreMax     int      `json:"score_max,omitempty"`      // score
	DotsPerVoter int      `json:"dots_per_voter,omitempty"` // dot vote
	// HideResults keeps results hidden until the poll closes; only the
	// number of ballots shows meanwhile.
	HideResults bool    `json:"hide_results"`
	Reasons     Reasons `json:"reasons,omitempty"`
	// Decider is the voter id of the advice-seeker (advice process).
	Decider string `json:"decider,omitempty"`
}

// Defaults returns settings for m with a usable score range (1–5) and dots
// per voter (10); options and the decider are left to the caller.
func Defaults(m Method) Settings {
	s := Settings{Method: m, Reasons: ReasonsOptional}
	switch m {
	case MethodScore:
		s.ScoreMin, s.ScoreMax = 1, 5
	case MethodDotVote:
		s.DotsPerVoter = 10
	}
	return s
}

// Validate checks the settings. Its error is a *sinergi.Error with code
// invalid naming each bad field.
func (s Settings) Validate() error {
	var v sinergi.Validation
	s.check(&v)
	return v.Err()
}

func (s Settings) check(v *sinergi.Validation) {
	switch {
	case s.Method == "":
		v.Add("method", "Pilih cara pengambilan keputusan", "Choose a decision method")
	case s.Method == MethodConsensus:
		v.Add("method", "Konsensus dihitung oleh modul konsensus, bukan di sini", "Consensus is computed by the consensus module, not here")
	case !s.Method.Valid():
		v.Add("method", "Cara pengambilan keputusan tidak dikenal", "Unknown decision method")
	}
	if s.Reasons != "" && s.Reasons != ReasonsOptional && s.Reasons != ReasonsRequired {
		v.Add("reasons", "Aturan alasan harus opsional atau wajib", "Reasons must be optional or required")
	}
	if s.Method.HasOptions() {
		checkOptions(v, s.Options)
	}
	switch s.Method {
	case MethodAdvice:
		if strings.TrimSpace(s.Decider) == "" {
			v.Add("decider", "Tentukan pencari saran yang akan memutuskan", "Name the advice-seeker who will decide")
		}
	case MethodScore:
		switch {
		case s.ScoreMin >= s.ScoreMax:
			v.Add("score_max", "Nilai tertinggi harus lebih besar dari nilai terendah", "The highest score must be greater than the lowest")
		case s.ScoreMin < -MaxScore || s.ScoreMax > MaxScore:
			v.Add("score_min", fmt.Sprintf("Rentang nilai harus di antara -%d dan %d", MaxScore, MaxScore),
				fmt.Sprintf("The score range must lie between -%d and %d", MaxScore, MaxScore))
		}
	case MethodDotVote:
		if s.DotsPerVoter < 1 || s.DotsPerVoter > MaxDotsPerVoter {
			v.Add("dots_per_voter", fmt.Sprintf("Jumlah titik per pemilih harus 1 sampai %d", MaxDotsPerVoter),
				fmt.Sprintf("Dots per voter must be 1 to %d", MaxDotsPerVoter))
		}
	}
}

func checkOptions(v *sinergi.Validation, opts []string) {
	if len(opts) < 2 || len(opts) > MaxOptions {
		v.Add("options", fmt.Sprintf("Berikan 2 sampai %d pilihan", MaxOptions), fmt.Sprintf("Give 2 to %d options", MaxOptions))
		if len(opts) > MaxOptions {
			return
		}
	}
	seen := make(map[string]bool, len(opts))
	for i, o := range opts {
		field := fmt.Sprintf("options[%d]", i)
		switch n := utf8.RuneCountInString(o); {
		case strings.TrimSpace(o) == "":
			v.Add(field, "Pilihan tidak boleh kosong", "An option cannot be empty")
		case n > MaxOptionLen || !utf8.ValidString(o):
			v.Add(field, fmt.Sprintf("Pilihan paling banyak %d karakter", MaxOptionLen), fmt.Sprintf("An option can have at most %d characters", MaxOptionLen))
		case seen[o]:
			v.Add(field, "Pilihan ganda: "+o, "Duplicate option: "+o)
		}
		seen[o] = true
	}
}

// index maps each option to its position.
func (s Settings) index() map[string]int {
	m := make(map[string]int, len(s.Options))
	for i, o := range s.Options {
		m[o] = i
	}
	return m
}
