package criteria

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"sinergi"
)

// The collaborative process of Ansell & Gash (2008, p. 558–561) is a cycle:
// face-to-face dialogue → trust building → commitment to process → shared
// understanding → intermediate outcomes → back to dialogue. Cycle gathers
// the evidence the forum's data holds for each stage.

// MeetingFact is a meeting as the cycle sees it.
type MeetingFact struct {
	StartsAt time.Time
	InPerson bool    // in person or hybrid
	Orgs     []int64 // member organisations present
}

// MemberFact is a member organisation.
type MemberFact struct {
	OrgID int64
	Name  string
}

// ActionFact is an action item.
type ActionFact struct {
	Due    string // YYYY-MM-DD
	Status string // open, done, cancelled
	DoneOn string // YYYY-MM-DD when done
}

// CycleFacts are what the evidence is computed from.
type CycleFacts struct {
	Today        string // YYYY-MM-DD in the forum's time zone
	Now          time.Time
	Meetings     []MeetingFact
	Members      []MemberFact
	Actions      []ActionFact
	Mission      bool
	Problem      bool
	Values       bool
	Acknowledged map[int64]bool
	SmallWins    int
	// Trust is the survey trust score of the forum's members, when a closed
	// campaign gives one (nil: none).
	Trust *SurveyTrust
}

// SurveyTrust is the mean of the trust items (the process item "I trust
// the other partners to keep their commitments" and Custumato's trust
// factor) in the closed survey campaigns that targeted the forum's
// members, over the groups shown under the anonymity threshold only.
type SurveyTrust struct {
	Mean      float64 // on the scale, reverse coding applied
	ScaleMin  int
	ScaleMax  int
	Responses int    // responses of the shown groups
	Campaigns int    // campaigns the mean is taken over
	ClosedOn  string // YYYY-MM-DD, the latest closing date
}

// Low reports whether the mean is below the middle of the scale.
func (s SurveyTrust) Low() bool { return s.Mean*2 < float64(s.ScaleMin+s.ScaleMax) }

// surveyTrustText is the survey part of the trust evidence.
func surveyTrustText(s *SurveyTrust) sinergi.Text {
	if s == nil || s.Responses == 0 || s.ScaleMax <= s.ScaleMin {
		return sinergi.T("", "")
	}
	mean := strconv.FormatFloat(s.Mean, 'f', 2, 64)
	lowID, lowEN := "", ""
	if s.Low() {
		lowID, lowEN = ", di bawah titik tengah skala", ", below the middle of the scale"
	}
	return sinergi.T(
		fmt.Sprintf("; skor kepercayaan dari survei %s dari %d%s (%d jawaban, %d survei, ditutup %s)", strings.Replace(mean, ".", ",", 1), s.ScaleMax, lowID, s.Responses, s.Campaigns, s.ClosedOn),
		fmt.Sprintf("; survey trust score %s of %d%s (%d responses, %d survey(s), closed %s)", mean, s.ScaleMax, lowEN, s.Responses, s.Campaigns, s.ClosedOn))
}

// Stage is the evidence for one stage of the cycle.
type Stage struct {
	Key      string       `json:"key"`
	Title    sinergi.Text `json:"title"`
	Evidence sinergi.Text `json:"evidence"`
	Healthy  bool         `json:"healthy"`
}

// Continuity is one member organisation's attendance.
type Continuity struct {
	OrgID    int64  `json:"organization_id"`
	Name     string `json:"name"`
	Attended int    `json:"attended"`
	Held     int    `json:"held"`
	Percent  int    `json:"percent"`
}

// Evidence is the whole cycle.
type Evidence struct {
	Stages     []Stage      `json:"stages"`
	Continuity []Continuity `json:"continuity"`
}

func pct(a, b int) int {
	if b <= 0 {
		return 0
	}
	return (a*100 + b/2) / b
}

// Cycle computes the evidence of each stage.
func Cycle(f CycleFacts) Evidence {
	ev := Evidence{Stages: []Stage{}, Continuity: []Continuity{}}
	held, inPerson, presentSum := 0, 0, 0
	attended := map[int64]int{}
	isMember := map[int64]bool{}
	for _, m := range f.Members {
		isMember[m.OrgID] = true
	}
	for _, m := range f.Meetings {
		if m.StartsAt.After(f.Now) {
			continue
		}
		held++
		if m.InPerson {
			inPerson++
		}
		seen := map[int64]bool{}
		for _, o := range m.Orgs {
			if isMember[o] && !seen[o] {
				seen[o] = true
				attended[o]++
			}
		}
		presentSum += len(seen)
	}
	rate := pct(presentSum, held*len(f.Members))
	ev.Stages = append(ev.Stages, Stage{Key: "dialogue", Title: sinergi.T("Dialog tatap muka", "Face-to-face dialogue"),
		Evidence: t("%d rapat terlaksana, %d di antaranya tatap muka atau hibrida; rata-rata kehadiran instansi %d%%",
			"%d meeting(s) held, %d of them in person or hybrid; average organisation attendance %d%%", held, inPerson, rate),
		Healthy: inPerson > 0 && rate >= 50})

	due, onTime, late, overdue := 0, 0, 0, 0
	for _, a := range f.Actions {
		if a.Status == "cancelled" || a.Due == "" || a.Due > f.Today {
			continue
		}
		due++
		switch {
		case a.Status == "done" && a.DoneOn != "" && a.DoneOn <= a.Due:
			onTime++
		case a.Status == "done":
			late++
		default:
			overdue++
		}
	}
	trust := t("%d dari %d tindak lanjut yang jatuh tempo selesai tepat waktu (%d%%); %d terlambat, %d belum selesai",
		"%d of %d action items due were delivered on time (%d%%); %d late, %d still open", onTime, due, pct(onTime, due), late, overdue)
	st := surveyTrustText(f.Trust)
	trust.ID, trust.EN = trust.ID+st.ID, trust.EN+st.EN
	ev.Stages = append(ev.Stages, Stage{Key: "trust", Title: sinergi.T("Membangun kepercayaan", "Trust building"),
		Evidence: trust, Healthy: due > 0 && pct(onTime, due) >= 70 && !(st.ID != "" && f.Trust.Low())})

	steady := 0
	for _, m := range f.Members {
		c := Continuity{OrgID: m.OrgID, Name: m.Name, Attended: attended[m.OrgID], Held: held, Percent: pct(attended[m.OrgID], held)}
		if held > 0 && c.Percent >= 50 {
			steady++
		}
		ev.Continuity = append(ev.Continuity, c)
	}
	ev.Stages = append(ev.Stages, Stage{Key: "commitment", Title: sinergi.T("Komitmen pada proses", "Commitment to process"),
		Evidence: t("%d dari %d instansi anggota menghadiri sedikitnya separuh rapat", "%d of %d member organisations attended at least half of the meetings", steady, len(f.Members)),
		Healthy:  held > 0 && steady*2 >= len(f.Members) && len(f.Members) > 0})

	acks := 0
	for _, m := range f.Members {
		if f.Acknowledged[m.OrgID] {
			acks++
		}
	}
	missing := []string{}
	for _, x := range []struct {
		ok     bool
		id, en string
	}{{f.Mission, "misi", "mission"}, {f.Problem, "rumusan masalah", "problem statement"}, {f.Values, "nilai bersama", "shared values"}} {
		if !x.ok {
			missing = append(missing, x.id+"/"+x.en)
		}
	}
	su := t("Misi, rumusan masalah dan nilai bersama tercatat; diakui oleh %d dari %d instansi anggota",
		"Mission, problem statement and shared values are recorded; acknowledged by %d of %d member organisations", acks, len(f.Members))
	if len(missing) > 0 {
		su = t("Belum tercatat: %s; diakui oleh %d dari %d instansi anggota", "Not yet recorded: %s; acknowledged by %d of %d member organisations",
			joinMissing(missing), acks, len(f.Members))
	}
	ev.Stages = append(ev.Stages, Stage{Key: "understanding", Title: sinergi.T("Pemahaman bersama", "Shared understanding"),
		Evidence: su, Healthy: len(missing) == 0 && len(f.Members) > 0 && acks == len(f.Members)})

	ev.Stages = append(ev.Stages, Stage{Key: "outcomes", Title: sinergi.T("Hasil antara", "Intermediate outcomes"),
		Evidence: t("%d capaian kecil (small wins) tercatat", "%d small win(s) recorded", f.SmallWins),
		Healthy:  f.SmallWins > 0})
	return ev
}

func joinMissing(ss []string) string { return strings.Join(ss, ", ") }
