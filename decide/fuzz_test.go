package decide

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"sinergi"
)

// fuzzOptions includes a blank, a duplicate-prone and a non-ASCII option.
var fuzzOptions = []string{"A", "B", "C", "Kereta", "Halte é", "D", "", "A", "E", "F"}

// fuzzPoll builds settings and ballots from fuzz input: one byte picks a
// field, the next ones its value, so that most ballots are nearly valid.
func fuzzPoll(method, nopts uint8, lo, hi, dots int16, flags uint8, data []byte) (Settings, []Ballot) {
	ms := Methods()
	s := Settings{
		Method:       ms[int(method)%len(ms)],
		Options:      fuzzOptions[:int(nopts)%(len(fuzzOptions)+1)],
		ScoreMin:     int(lo),
		ScoreMax:     int(hi),
		DotsPerVoter: int(dots),
		HideResults:  flags&1 != 0,
		Reasons:      []Reasons{"", ReasonsOptional, ReasonsRequired, "x"}[flags>>1&3],
		Decider:      []string{"", "v0", "v1"}[int(flags>>3)%3],
	}
	if flags&32 != 0 && s.Method == MethodConsensus {
		s.Method = "unknown"
	}
	opt := func(b byte) string {
		if int(b)%16 < len(s.Options) {
			return s.Options[int(b)%16]
		}
		return "Z"
	}
	choices := []Choice{ChoiceSupport, ChoiceNeutral, ChoiceConcern, ChoiceDecision, ChoiceConsent, ChoiceObject, ChoiceAgree, ChoiceUnsure, ChoiceConcerned, ""}
	avail := []Availability{Yes, Maybe, No, "", "?"}
	var bs []Ballot
	var b *Ballot
	for i := 0; i+1 < len(data); i += 2 {
		op, v := data[i], data[i+1]
		if b == nil || op%8 == 0 {
			bs = append(bs, Ballot{VoterID: []string{"v0", "v1", "v2", "v3", "v4", ""}[int(v)%6]})
			b = &bs[len(bs)-1]
			continue
		}
		switch op % 8 {
		case 1:
			b.Choice = choices[int(v)%len(choices)]
		case 2:
			if b.Scores == nil {
				b.Scores = map[string]int{}
			}
			b.Scores[opt(v)] = int(int8(op)) / 8
		case 3:
			b.Ranking = append(b.Ranking, opt(v))
		case 4:
			if b.Dots == nil {
				b.Dots = map[string]int{}
			}
			b.Dots[opt(v)] = int(int8(op)) / 16
		case 5:
			if b.Slots == nil {
				b.Slots = map[string]Availability{}
			}
			b.Slots[opt(v)] = avail[int(op/8)%len(avail)]
		case 6:
			b.Reason = []string{"", " ", "alasan", "reason"}[v%4]
		case 7: // a ballot scoring every option, so that score polls get results
			b.Scores = map[string]int{}
			for j, o := range s.Options {
				b.Scores[o] = s.ScoreMin + (int(v)+j)%3
			}
		}
	}
	return s, bs
}

func FuzzTally(f *testing.F) {
	f.Add(uint8(4), uint8(3), int16(1), int16(5), int16(0), uint8(0), []byte{0, 1, 7, 0, 0, 2, 7, 1, 0, 3, 7, 2})
	f.Add(uint8(5), uint8(4), int16(0), int16(0), int16(0), uint8(1), []byte{0, 0, 3, 0, 3, 1, 0, 1, 3, 1, 3, 2, 0, 2, 3, 2})
	f.Add(uint8(6), uint8(3), int16(0), int16(0), int16(3), uint8(0), []byte{0, 0, 36, 0, 20, 1, 0, 1, 52, 2})
	f.Add(uint8(7), uint8(2), int16(0), int16(0), int16(0), uint8(0), []byte{0, 0, 5, 0, 13, 1, 0, 1, 21, 0})
	f.Add(uint8(1), uint8(0), int16(0), int16(0), int16(0), uint8(8), []byte{0, 0, 1, 3, 6, 2, 0, 2, 1, 0, 6, 2})
	f.Add(uint8(2), uint8(0), int16(0), int16(0), int16(0), uint8(4), []byte{0, 0, 1, 5, 6, 2, 0, 1, 1, 4})
	f.Add(uint8(3), uint8(0), int16(0), int16(0), int16(0), uint8(0), []byte{0, 0, 1, 6, 0, 1, 1, 8})
	f.Fuzz(func(t *testing.T, method, nopts uint8, lo, hi, dots int16, flags uint8, data []byte) {
		s, bs := fuzzPoll(method, nopts, lo, hi, dots, flags, data)
		for _, b := range bs {
			if err := Validate(s, b); err != nil {
				var e *sinergi.Error
				if !errors.As(err, &e) || e.Code != sinergi.CodeInvalid || len(e.Fields) == 0 {
					t.Fatalf("Validate: %v, want invalid *sinergi.Error naming fields", err)
				}
			}
		}
		closed := flags&64 != 0
		r := Tally(s, bs, closed)
		if r.Outcome.ID == "" || r.Outcome.EN == "" {
			t.Fatalf("outcome %+v not bilingual", r.Outcome)
		}
		if r.Ballots+r.Invalid > len(bs) {
			t.Fatalf("%d ballots + %d invalid > %d cast", r.Ballots, r.Invalid, len(bs))
		}
		switch {
		case r.Status == StatusInvalid:
			if s.Validate() == nil {
				t.Fatal("status invalid for valid settings")
			}
			return
		case !r.Visible:
			if r.Counts != nil || r.Winners != nil || closed {
				t.Fatalf("hidden result shows more than the count: %+v", r)
			}
		case r.Status == StatusTie && len(r.Winners) < 2,
			r.Status == StatusDecided && s.Method.HasOptions() && len(r.Winners) != 1,
			r.Status == StatusPassed && len(r.Objectors) > 0:
			t.Fatalf("inconsistent result: %+v", r)
		}
		rev := slices.Clone(bs)
		slices.Reverse(rev)
		if !hasDuplicateVoters(bs) && !reflect.DeepEqual(Tally(s, rev, closed), r) {
			t.Fatalf("result depends on the order of the ballots")
		}
	})
}

// hasDuplicateVoters reports whether a voter cast two valid ballots (then
// the order decides which one counts).
func hasDuplicateVoters(bs []Ballot) bool {
	seen := map[string]bool{}
	for _, b := range bs {
		if seen[b.VoterID] {
			return true
		}
		seen[b.VoterID] = true
	}
	return false
}
