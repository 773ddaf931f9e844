// Package criteria checks, from a forum's data, the six defining criteria
// of collaborative governance of Ansell & Gash (2008, JPART 18(4):543–571,
// p. 544–545; ../shared/docs/domain.md §1), and gathers the evidence of the
// collaborative process cycle. Each criterion says whether it is met with
// its evidence or, when not, what is missing and how to fix it. It does no I/O.
package criteria

import (
	"fmt"
	"strings"

	"sinergi"
)

// Facts are what the six criteria are computed from.
type Facts struct {
	InitiatorName      string
	InitiatorPublic    bool
	NonStateMembers    []string // names of non-state member organisations
	NonStateDeciding   []string // … of those holding a deciding role
	NonStateDecided    []string // … of those that took a position on a proposal
	HasCharter         bool
	CharterRules       bool // the charter's ground rules are written down
	MeetingsAttended   int  // meetings with attendance recorded
	DecisionConsensus  bool // the charter's decision rule is consensus
	DecisionFallback   bool // and it records a fallback
	Focus              string
	FocusPublic        bool // policy, programme or public asset management
	FocusLabel         sinergi.Text
	DecidingMembers    int
	ProposalsWithVotes int
}

// Criterion is one criterion's result.
type Criterion struct {
	Met         bool         `json:"met"`
	Title       sinergi.Text `json:"-"`
	Explanation sinergi.Text `json:"explanation"` // the evidence, or what is missing
	Fix         sinergi.Text `json:"fix"`         // how to fix it (empty when met)
}

// Result holds C1…C6.
type Result struct {
	C1 Criterion `json:"c1"`
	C2 Criterion `json:"c2"`
	C3 Criterion `json:"c3"`
	C4 Criterion `json:"c4"`
	C5 Criterion `json:"c5"`
	C6 Criterion `json:"c6"`
}

// All returns the criteria in order.
func (r Result) All() []Criterion { return []Criterion{r.C1, r.C2, r.C3, r.C4, r.C5, r.C6} }

// MetCount is how many criteria are met.
func (r Result) MetCount() int {
	n := 0
	for _, c := range r.All() {
		if c.Met {
			n++
		}
	}
	return n
}

// MeetsAll reports whether the forum is collaborative governance in the
// sense of Ansell & Gash.
func (r Result) MeetsAll() bool { return r.MetCount() == 6 }

func t(id, en string, args ...any) sinergi.Text {
	return sinergi.T(fmt.Sprintf(id, args...), fmt.Sprintf(en, args...))
}

func names(ns []string) string {
	if len(ns) > 5 {
		return strings.Join(ns[:5], ", ") + fmt.Sprintf(" (+%d)", len(ns)-5)
	}
	return strings.Join(ns, ", ")
}

// Evaluate computes the six criteria.
func Evaluate(f Facts) Result {
	var r Result
	r.C1 = Criterion{Title: sinergi.T("C1 Diprakarsai oleh badan publik", "C1 Initiated by a public agency")}
	if f.InitiatorPublic {
		r.C1.Met = true
		r.C1.Explanation = t("Pemrakarsa %s adalah badan publik", "The initiator %s is a public body", f.InitiatorName)
	} else {
		r.C1.Explanation = t("Pemrakarsa %s bukan badan publik", "The initiator %s is not a public body", f.InitiatorName)
		r.C1.Fix = sinergi.T("Jadikan instansi pemerintah atau perguruan tinggi negeri sebagai pemrakarsa forum", "Make a government body or public university the forum's initiator")
	}
	r.C2 = Criterion{Title: sinergi.T("C2 Melibatkan aktor non-pemerintah", "C2 Includes non-state actors")}
	if len(f.NonStateMembers) > 0 {
		r.C2.Met = true
		r.C2.Explanation = t("Anggota non-pemerintah: %s", "Non-state members: %s", names(f.NonStateMembers))
	} else {
		r.C2.Explanation = sinergi.T("Semua anggota adalah badan publik; tidak ada anggota non-pemerintah", "All members are public bodies; there is no non-state member")
		r.C2.Fix = sinergi.T("Tambahkan anggota non-pemerintah (badan usaha, BUMN/BUMD, perguruan tinggi swasta, asosiasi, komunitas)", "Add a non-state member (company, BUMN/BUMD, private university, association, community)")
	}
	r.C3 = Criterion{Title: sinergi.T("C3 Terlibat langsung dalam pengambilan keputusan", "C3 Engaged directly in decision making")}
	switch {
	case len(f.NonStateDeciding) == 0:
		r.C3.Explanation = sinergi.T("Tidak ada anggota non-pemerintah yang berperan sebagai pengambil keputusan; mereka hanya dikonsultasikan atau mengamati", "No non-state member holds a deciding role; they are only consulted or observe")
		r.C3.Fix = sinergi.T("Ubah peran anggota non-pemerintah menjadi anggota pengambil keputusan", "Give non-state members the deciding-member role")
	case len(f.NonStateDecided) == 0:
		r.C3.Explanation = t("Anggota non-pemerintah pengambil keputusan (%s) belum pernah menyatakan posisi atas usulan", "Non-state deciding members (%s) have not yet taken a position on a proposal", names(f.NonStateDeciding))
		r.C3.Fix = sinergi.T("Ajukan usulan dan minta anggota non-pemerintah menyatakan posisinya", "Table a proposal and ask the non-state members to take their position")
	default:
		r.C3.Met = true
		r.C3.Explanation = t("Anggota non-pemerintah pengambil keputusan yang telah menyatakan posisi: %s", "Non-state deciding members who took positions: %s", names(f.NonStateDecided))
	}
	r.C4 = Criterion{Title: sinergi.T("C4 Terorganisasi secara formal dan bertemu bersama", "C4 Formally organised, meets collectively")}
	switch {
	case !f.HasCharter || !f.CharterRules:
		r.C4.Explanation = sinergi.T("Belum ada piagam dengan tata tertib tertulis", "There is no charter with written ground rules")
		r.C4.Fix = sinergi.T("Tulis piagam forum: tata tertib, aturan keputusan dan kuorum", "Write the forum's charter: ground rules, decision rule and quorum")
	case f.MeetingsAttended == 0:
		r.C4.Explanation = sinergi.T("Piagam ada, tetapi belum ada rapat dengan daftar hadir", "A charter exists, but no meeting with attendance is recorded")
		r.C4.Fix = sinergi.T("Catat rapat forum beserta daftar hadirnya", "Record a forum meeting with its attendance")
	default:
		r.C4.Met = true
		r.C4.Explanation = t("Piagam dengan tata tertib ada; %d rapat dengan daftar hadir tercatat", "A charter with ground rules exists; %d meeting(s) with attendance recorded", f.MeetingsAttended)
	}
	r.C5 = Criterion{Title: sinergi.T("C5 Bertujuan memutuskan secara mufakat", "C5 Aims at consensus decisions")}
	switch {
	case !f.HasCharter:
		r.C5.Explanation = sinergi.T("Belum ada piagam yang menetapkan aturan keputusan", "No charter sets the decision rule")
		r.C5.Fix = sinergi.T("Tetapkan mufakat sebagai aturan keputusan dalam piagam (mekanisme cadangan boleh ada)", "Make consensus the charter's decision rule (a fallback may exist)")
	case !f.DecisionConsensus:
		r.C5.Explanation = sinergi.T("Aturan keputusan piagam bukan mufakat", "The charter's decision rule is not consensus")
		r.C5.Fix = sinergi.T("Ubah aturan keputusan piagam menjadi mufakat; suara terbanyak dapat menjadi mekanisme cadangan", "Change the charter's decision rule to consensus; a majority vote can be the fallback")
	case f.DecisionFallback:
		r.C5.Met = true
		r.C5.Explanation = sinergi.T("Aturan keputusan piagam: mufakat, dengan mekanisme cadangan tercatat", "The charter's decision rule: consensus, with a recorded fallback")
	default:
		r.C5.Met = true
		r.C5.Explanation = sinergi.T("Aturan keputusan piagam: mufakat", "The charter's decision rule: consensus")
	}
	r.C6 = Criterion{Title: sinergi.T("C6 Berfokus pada kebijakan atau manajemen publik", "C6 Focus on public policy or management")}
	if f.FocusPublic {
		r.C6.Met = true
		r.C6.Explanation = sinergi.T("Fokus forum: "+f.FocusLabel.ID, "Forum focus: "+f.FocusLabel.EN)
	} else {
		r.C6.Explanation = sinergi.T("Fokus forum bukan kebijakan publik, manajemen program atau aset publik", "The forum's focus is not public policy, programme or public asset management")
		r.C6.Fix = sinergi.T("Tetapkan fokus forum: kebijakan publik, manajemen program, atau manajemen aset publik", "Set the forum's focus to public policy, programme management or public asset management")
	}
	return r
}
