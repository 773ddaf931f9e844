package criteria

import (
	"strings"
	"testing"
	"time"
)

// TestCycleSurveyTrust: the survey trust score, when there is one, is shown
// in the trust stage's evidence, and a score below the middle of the scale
// keeps the stage from being healthy.
func TestCycleSurveyTrust(t *testing.T) {
	now := time.Date(2026, 11, 29, 2, 0, 0, 0, time.UTC)
	base := CycleFacts{Today: "2026-11-29", Now: now, Members: []MemberFact{{1, "Pemprov"}, {2, "PT KAI"}},
		Actions: []ActionFact{{Due: "2026-11-01", Status: "done", DoneOn: "2026-10-30"}}}
	const actions = "1 dari 1 tindak lanjut yang jatuh tempo selesai tepat waktu (100%); 0 terlambat, 0 belum selesai"
	for _, tc := range []struct {
		name    string
		trust   *SurveyTrust
		id, en  string
		healthy bool
	}{
		{"no survey", nil, actions, "", true},
		{"no responses", &SurveyTrust{ScaleMin: 1, ScaleMax: 5, Campaigns: 1, ClosedOn: "2026-10-31"}, actions, "", true},
		{"high", &SurveyTrust{Mean: 4.25, ScaleMin: 1, ScaleMax: 5, Responses: 12, Campaigns: 1, ClosedOn: "2026-10-31"},
			actions + "; skor kepercayaan dari survei 4,25 dari 5 (12 jawaban, 1 survei, ditutup 2026-10-31)",
			"; survey trust score 4.25 of 5 (12 responses, 1 survey(s), closed 2026-10-31)", true},
		{"middle", &SurveyTrust{Mean: 3, ScaleMin: 1, ScaleMax: 5, Responses: 5, Campaigns: 2, ClosedOn: "2026-11-15"},
			actions + "; skor kepercayaan dari survei 3,00 dari 5 (5 jawaban, 2 survei, ditutup 2026-11-15)",
			"; survey trust score 3.00 of 5 (5 responses, 2 survey(s), closed 2026-11-15)", true},
		{"low", &SurveyTrust{Mean: 2.4, ScaleMin: 1, ScaleMax: 5, Responses: 9, Campaigns: 1, ClosedOn: "2026-10-31"},
			actions + "; skor kepercayaan dari survei 2,40 dari 5, di bawah titik tengah skala (9 jawaban, 1 survei, ditutup 2026-10-31)",
			"; survey trust score 2.40 of 5, below the middle of the scale (9 responses, 1 survey(s), closed 2026-10-31)", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := base
			f.Trust = tc.trust
			ev := Cycle(f)
			s := ev.Stages[1]
			if s.Key != "trust" {
				t.Fatalf("stage 1 is %q", s.Key)
			}
			if s.Evidence.ID != tc.id {
				t.Errorf("evidence: got %q, want %q", s.Evidence.ID, tc.id)
			}
			if !strings.HasSuffix(s.Evidence.EN, tc.en) || (tc.en == "" && strings.Contains(s.Evidence.EN, "survey")) {
				t.Errorf("English evidence: got %q, want suffix %q", s.Evidence.EN, tc.en)
			}
			if s.Healthy != tc.healthy {
				t.Errorf("healthy: got %v, want %v", s.Healthy, tc.healthy)
			}
		})
	}
}
