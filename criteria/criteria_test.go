package criteria

import (
	"strings"
	"testing"
	"time"

	"sinergi"
)

// full is a forum that meets all six criteria.
func full() Facts {
	return Facts{InitiatorName: "Pemprov Sulsel", InitiatorPublic: true,
		NonStateMembers: []string{"PT KAI", "Asosiasi UMKM Maros"}, NonStateDeciding: []string{"PT KAI"}, NonStateDecided: []string{"PT KAI"},
		HasCharter: true, CharterRules: true, MeetingsAttended: 2, DecisionConsensus: true, DecisionFallback: true,
		FocusPublic: true, FocusLabel: sinergi.T("Manajemen program", "Programme management")}
}

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name    string
		change  func(*Facts)
		failing int    // criterion number that fails (0: none)
		explain string // part of its explanation
	}{
		{"all six", func(*Facts) {}, 0, ""},
		{"private initiator", func(f *Facts) { f.InitiatorPublic = false }, 1, "bukan badan publik"},
		{"only public bodies", func(f *Facts) { f.NonStateMembers, f.NonStateDeciding, f.NonStateDecided = nil, nil, nil }, 2, "tidak ada anggota non-pemerintah"},
		{"non-state only consulted", func(f *Facts) { f.NonStateDeciding, f.NonStateDecided = nil, nil }, 3, "hanya dikonsultasikan"},
		{"non-state never decided", func(f *Facts) { f.NonStateDecided = nil }, 3, "belum pernah menyatakan posisi"},
		{"no charter", func(f *Facts) { f.HasCharter, f.CharterRules = false, false }, 4, "Belum ada piagam"},
		{"no meeting", func(f *Facts) { f.MeetingsAttended = 0 }, 4, "belum ada rapat"},
		{"majority rule", func(f *Facts) { f.DecisionConsensus = false }, 5, "bukan mufakat"},
		{"focus other", func(f *Facts) { f.FocusPublic = false }, 6, "bukan kebijakan publik"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := full()
			tt.change(&f)
			r := Evaluate(f)
			for i, c := range r.All() {
				wantMet := i+1 != tt.failing
				if tt.name == "no charter" && i+1 == 5 || tt.name == "only public bodies" && i+1 == 3 {
					wantMet = false // no charter: no decision rule; no non-state member: none decides
				}
				if c.Met != wantMet {
					t.Errorf("C%d met=%v, want %v (%s)", i+1, c.Met, wantMet, c.Explanation.EN)
				}
				if c.Explanation.ID == "" || c.Explanation.EN == "" || c.Title.ID == "" {
					t.Errorf("C%d: explanation or title missing", i+1)
				}
				if !c.Met && (c.Fix.ID == "" || c.Fix.EN == "") {
					t.Errorf("C%d: failing without a fix", i+1)
				}
				if c.Met && c.Fix.ID != "" {
					t.Errorf("C%d: met but has a fix", i+1)
				}
			}
			if tt.failing == 0 != r.MeetsAll() {
				t.Errorf("MeetsAll=%v", r.MeetsAll())
			}
			if tt.failing > 0 {
				if c := r.All()[tt.failing-1]; !strings.Contains(c.Explanation.ID, tt.explain) {
					t.Errorf("C%d explanation %q does not say %q", tt.failing, c.Explanation.ID, tt.explain)
				}
			}
		})
	}
}

func TestCycle(t *testing.T) {
	now := time.Date(2026, 11, 29, 2, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	f := CycleFacts{Today: "2026-11-29", Now: now,
		Members: []MemberFact{{1, "Pemprov"}, {2, "PT KAI"}, {3, "Komunitas"}, {4, "UMKM"}},
		Meetings: []MeetingFact{
			{StartsAt: now.Add(-30 * day), InPerson: true, Orgs: []int64{1, 2, 3}},
			{StartsAt: now.Add(-10 * day), InPerson: false, Orgs: []int64{1, 2, 2, 9}},
			{StartsAt: now.Add(5 * day), InPerson: true, Orgs: []int64{1, 2, 3, 4}}, // not yet held
		},
		Actions: []ActionFact{
			{Due: "2026-11-01", Status: "done", DoneOn: "2026-10-30"},
			{Due: "2026-11-10", Status: "done", DoneOn: "2026-11-12"},
			{Due: "2026-11-20", Status: "open"},
			{Due: "2026-12-20", Status: "open"},
			{Due: "2026-11-02", Status: "cancelled"},
		},
		Mission: true, Problem: true, Values: false, Acknowledged: map[int64]bool{1: true, 2: true}, SmallWins: 2}
	ev := Cycle(f)
	if len(ev.Stages) != 5 {
		t.Fatalf("got %d stages", len(ev.Stages))
	}
	want := map[string]string{
		"dialogue":      "2 rapat terlaksana, 1 di antaranya tatap muka atau hibrida; rata-rata kehadiran instansi 63%",
		"trust":         "1 dari 3 tindak lanjut yang jatuh tempo selesai tepat waktu (33%); 1 terlambat, 1 belum selesai",
		"commitment":    "3 dari 4 instansi anggota menghadiri sedikitnya separuh rapat",
		"understanding": "Belum tercatat: nilai bersama/shared values; diakui oleh 2 dari 4 instansi anggota",
		"outcomes":      "2 capaian kecil (small wins) tercatat",
	}
	for _, s := range ev.Stages {
		if s.Evidence.ID != want[s.Key] {
			t.Errorf("%s: got %q, want %q", s.Key, s.Evidence.ID, want[s.Key])
		}
		if s.Evidence.EN == "" || s.Title.EN == "" {
			t.Errorf("%s: not bilingual", s.Key)
		}
	}
	if c := ev.Continuity[2]; c.Attended != 1 || c.Held != 2 || c.Percent != 50 {
		t.Errorf("continuity of member 3: %+v", c)
	}
	if c := ev.Continuity[3]; c.Attended != 0 || c.Percent != 0 {
		t.Errorf("continuity of member 4: %+v", c)
	}
	if empty := Cycle(CycleFacts{Now: now}); len(empty.Stages) != 5 || empty.Stages[0].Healthy {
		t.Errorf("empty forum: %+v", empty)
	}
}
