package kerjasama

import (
	"strings"
	"testing"
	"time"

	"sinergi"
)

// ruleOf returns the rule id of err ("" for nil, the code otherwise).
func ruleOf(err error) string {
	if err == nil {
		return ""
	}
	e, ok := err.(*sinergi.Error)
	if !ok {
		return "foreign"
	}
	if e.Rule != "" {
		if e.Code != sinergi.CodeRuleViolation || e.Citation == "" {
			return "rule without code or citation"
		}
		return e.Rule
	}
	return string(e.Code)
}

var (
	sulsel  = Party{1, sinergi.SectorProvincialGovernment, "73", "party"}
	sulbar  = Party{2, sinergi.SectorProvincialGovernment, "76", "party"}
	maros   = Party{3, sinergi.SectorRegencyGovernment, "73.09", "party"}
	pangkep = Party{4, sinergi.SectorRegencyGovernment, "73.10", "party"}
	barru   = Party{5, sinergi.SectorRegencyGovernment, "73.11", "party"}
	mamuju  = Party{6, sinergi.SectorRegencyGovernment, "76.02", "party"}
	pare    = Party{7, sinergi.SectorCityGovernment, "73.72", "party"}
	cri     = Party{8, sinergi.SectorPrivateCompany, "73.71", "party"}
	djka    = Party{9, sinergi.SectorMinistry, "31", "party"}
	unsul   = Party{10, sinergi.SectorPublicUniversity, "76.05", "party"}
	ugm     = Party{11, sinergi.SectorPublicUniversity, "34.04", "party"}
	penang  = Party{12, sinergi.SectorForeignLocalGovernment, "", "party"}
	jica    = Party{13, sinergi.SectorForeignInstitution, "", "party"}
	bumd    = Party{14, sinergi.SectorBUMD, "73.09", "party"}
)

func witness(p Party) Party { p.Role = sinergi.PartyRoleWitness; return p }

// UU 23/2014 Pasal 363 ayat (2), PP 28/2018 Pasal 4, Pasal 46.
func TestCheckParties(t *testing.T) {
	tests := []struct {
		name string
		k    sinergi.AgreementKind
		ps   []Party
		want string
	}{
		{"KSDD three regencies", sinergi.KindKSDD, []Party{maros, pangkep, barru}, ""},
		{"KSDD one party", sinergi.KindKSDD, []Party{maros}, RuleParties},
		{"KSDD with a witness only", sinergi.KindKSDD, []Party{maros, witness(sulsel)}, RuleParties},
		{"KSDD with a company", sinergi.KindKSDD, []Party{maros, cri}, RuleParties},
		{"KSDPK region and company", sinergi.KindKSDPK, []Party{maros, cri}, ""},
		{"KSDPK region and BUMD", sinergi.KindKSDPK, []Party{maros, bumd}, ""},
		{"KSDPK two regions", sinergi.KindKSDPK, []Party{maros, pangkep}, RuleParties},
		{"KSDPK with a ministry", sinergi.KindKSDPK, []Party{maros, cri, djka}, RuleParties},
		{"KSDPL", sinergi.KindKSDPL, []Party{sulsel, penang}, ""},
		{"KSDPL with an institution", sinergi.KindKSDPL, []Party{sulsel, jica}, RuleParties},
		{"KSDLL", sinergi.KindKSDLL, []Party{sulsel, jica}, ""},
		{"Nota Kesepakatan", sinergi.KindNotaKesepakatan, []Party{maros, pangkep, barru, djka}, ""},
		{"Nota Kesepakatan without the centre", sinergi.KindNotaKesepakatan, []Party{maros, pangkep}, RuleParties},
		{"inter-agency", sinergi.KindInterAgency, []Party{djka, unsul}, ""},
		{"inter-agency with a company", sinergi.KindInterAgency, []Party{djka, cri}, RuleParties},
		{"MoU", sinergi.KindMoU, []Party{unsul, ugm}, ""},
		{"MoU university and region", sinergi.KindMoU, []Party{unsul, maros}, ""},
		{"MoU without university", sinergi.KindMoU, []Party{maros, cri}, RuleParties},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ruleOf(CheckParties(tt.k, tt.ps)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// UU 23/2014 Pasal 364 ayat (2) huruf a–e.
func TestPairOf(t *testing.T) {
	tests := []struct {
		name string
		x, y Party
		want string
	}{
		{"province–province", sulsel, sulbar, "a"},
		{"province–its regency", sulsel, maros, "b"},
		{"regency–its province (either order)", pare, sulsel, "b"},
		{"province–regency of another province", sulbar, maros, "c"},
		{"regency–regency, different provinces", mamuju, barru, "d"},
		{"regency–regency, same province", maros, pangkep, "e"},
		{"regency–city, same province", barru, pare, "e"},
		{"same region", maros, maros, ""},
		{"company", maros, cri, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PairOf(tt.x, tt.y); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCheckWajib(t *testing.T) {
	tests := []struct {
		name      string
		cat       string
		bordering bool
		ps        []Party
		want      string
	}{
		{"sukarela needs nothing", sinergi.KSDDSukarela, false, []Party{maros, mamuju}, ""},
		{"wajib bordering regencies", sinergi.KSDDWajib, true, []Party{maros, pangkep, barru}, ""},
		{"wajib not declared bordering", sinergi.KSDDWajib, false, []Party{maros, pangkep}, RuleWajibPair},
		{"wajib with a company", sinergi.KSDDWajib, true, []Party{maros, cri}, RuleWajibPair},
		{"wajib province and its regency", sinergi.KSDDWajib, true, []Party{sulsel, maros}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ruleOf(CheckWajib(tt.cat, tt.bordering, tt.ps)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// PP 28/2018 Pasal 2: power of attorney signs only the PKS.
func TestCheckSignatory(t *testing.T) {
	tests := []struct {
		k         sinergi.AgreementKind
		auth, doc string
		want      string
	}{
		{sinergi.KindKSDD, sinergi.AuthorityHeadOfRegion, sinergi.DocKB, ""},
		{sinergi.KindKSDD, sinergi.AuthorityPowerOfAttorney, sinergi.DocPKS, ""},
		{sinergi.KindKSDD, sinergi.AuthorityPowerOfAttorney, sinergi.DocKB, RuleSign},
		{sinergi.KindKSDPK, sinergi.AuthorityPowerOfAttorney, sinergi.DocOther, RuleSign},
		{sinergi.KindMoU, sinergi.AuthorityPowerOfAttorney, sinergi.DocOther, ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.k)+" "+tt.auth+" "+tt.doc, func(t *testing.T) {
			if got := ruleOf(CheckSignatory(tt.k, tt.auth, tt.doc)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCheckParent(t *testing.T) {
	mou := &ParentInfo{Kind: sinergi.KindMoU, Status: sinergi.AgreementActive, PartyIDs: []int64{10, 11}, Start: "2025-01-01", End: "2029-12-31"}
	ended := *mou
	ended.Status = sinergi.AgreementTerminated
	moa := &ParentInfo{Kind: sinergi.KindMoA, Status: sinergi.AgreementActive, PartyIDs: []int64{10, 11}, Start: "2025-01-01", End: "2029-12-31"}
	tests := []struct {
		name       string
		k          sinergi.AgreementKind
		p          *ParentInfo
		parties    []int64
		start, end string
		want       string
	}{
		{"MoU stands alone", sinergi.KindMoU, nil, nil, "", "", ""},
		{"MoA needs a MoU", sinergi.KindMoA, nil, nil, "", "", RuleParent},
		{"MoA under MoU", sinergi.KindMoA, mou, []int64{10, 11}, "2025-02-01", "2027-01-31", ""},
		{"IA under MoU", sinergi.KindIA, mou, []int64{10, 11}, "2025-02-01", "2027-01-31", RuleParent},
		{"IA under MoA", sinergi.KindIA, moa, []int64{10, 11}, "2025-02-01", "2027-01-31", ""},
		{"IA needs a MoA", sinergi.KindIA, nil, nil, "", "", RuleParent},
		{"beyond the parent's term", sinergi.KindMoA, mou, []int64{10}, "2025-02-01", "2030-01-31", RuleParent},
		{"no shared party", sinergi.KindMoA, mou, []int64{12, 13}, "2025-02-01", "2027-01-31", RuleParent},
		{"parent terminated", sinergi.KindMoA, &ended, []int64{10}, "2025-02-01", "2027-01-31", RuleParent},
		{"KSDD under a MoU", sinergi.KindKSDD, mou, []int64{10}, "2025-02-01", "2027-01-31", RuleParent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ruleOf(CheckParent(tt.k, tt.p, tt.parties, tt.start, tt.end)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func d(s string) time.Time { t, _ := sinergi.ParseDate(s); return t }

func TestCheckTerm(t *testing.T) {
	tests := []struct {
		name, start, end, basis string
		max                     int
		want                    string
	}{
		{"five years exactly", "2026-01-01", "2031-01-01", "", 5, ""},
		{"five years and a day", "2026-01-01", "2031-01-02", "", 5, RuleTerm},
		{"longer with a legal basis", "2026-01-01", "2046-01-01", "Perda 3/2025 Pasal 9", 5, ""},
		{"setting of ten years", "2026-01-01", "2035-01-01", "", 10, ""},
		{"one year", "2026-01-01", "2026-12-31", "", 5, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ruleOf(CheckTerm(d(tt.start), d(tt.end), tt.max, tt.basis)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDPRDRequired(t *testing.T) {
	tests := []struct {
		k              sinergi.AgreementKind
		burdens, funds bool
		want           bool
	}{
		{sinergi.KindKSDD, false, true, false},
		{sinergi.KindKSDD, true, true, true},
		{sinergi.KindKSDD, false, false, true},
		{sinergi.KindKSDPK, false, true, false},
		{sinergi.KindKSDPL, false, true, true},
		{sinergi.KindKSDLL, false, true, false},
		{sinergi.KindMoU, true, false, false},
		{sinergi.KindNotaKesepakatan, true, false, false},
	}
	for _, tt := range tests {
		if got := DPRDRequired(tt.k, tt.burdens, tt.funds); got != tt.want {
			t.Errorf("%s burdens=%v funded=%v: got %v, want %v", tt.k, tt.burdens, tt.funds, got, tt.want)
		}
	}
}

func states(k sinergi.AgreementKind, burdens, funds bool, done ...string) []StageState {
	var out []StageState
	for _, s := range Stages(k, burdens, funds) {
		st := StageState{Code: s.Code, Required: s.Required}
		for _, x := range done {
			st.Done = st.Done || x == s.Code
		}
		out = append(out, st)
	}
	return out
}

func TestCheckStage(t *testing.T) {
	upToKB := []string{StagePersiapan, StagePenawaran, StagePenyusunanKB, StagePenandatangananKB}
	tests := []struct {
		name    string
		k       sinergi.AgreementKind
		burdens bool
		funds   bool
		done    []string
		code    string
		want    string
	}{
		{"first stage", sinergi.KindKSDD, false, true, nil, StagePersiapan, ""},
		{"skipping the offer", sinergi.KindKSDD, false, true, []string{StagePersiapan}, StagePenyusunanKB, RuleStageOrder},
		{"PKS without DPRD when not required", sinergi.KindKSDD, false, true, upToKB, StagePenyusunanPKS, ""},
		{"PKS without DPRD when required", sinergi.KindKSDD, true, true, upToKB, StagePenyusunanPKS, RuleDPRD},
		{"DPRD itself when required", sinergi.KindKSDD, true, true, upToKB, StagePersetujuanDPRD, ""},
		{"PKS after DPRD", sinergi.KindKSDD, true, true, append(upToKB, StagePersetujuanDPRD), StagePenyusunanPKS, ""},
		{"KSDPL always needs DPRD", sinergi.KindKSDPL, false, true, []string{StagePersiapan, StagePenawaran, StagePenyusunanKB}, StagePersetujuanPusat, RuleDPRD},
		{"KSDLL signing without the centre", sinergi.KindKSDLL, false, true, []string{StagePersiapan, StagePenawaran, StagePenyusunanKB}, StagePenandatangananKB, RuleForeign},
		{"KSDPK signing without a feasibility study", sinergi.KindKSDPK, false, true, []string{StagePersiapan, StagePenawaran, StagePenyusunanKB, StagePenandatangananKB, StagePenyusunanPKS}, StagePenandatangananPK, RuleFeasibility},
		{"MoU signing after drafting", sinergi.KindMoU, false, false, []string{StagePersiapan, StagePenyusunan}, StagePenandatanganan, ""},
		{"MoU signing before drafting", sinergi.KindMoU, false, false, []string{StagePersiapan}, StagePenandatanganan, RuleStageOrder},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ruleOf(CheckStage(tt.k, states(tt.k, tt.burdens, tt.funds, tt.done...), tt.code)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStagesHaveLabels(t *testing.T) {
	for _, k := range sinergi.AgreementKinds {
		seen := map[string]bool{}
		for _, s := range Stages(k, true, false) {
			if StageLabel[s.Code].ID == "" {
				t.Errorf("%s: stage %s has no label", k, s.Code)
			}
			if seen[s.Code] {
				t.Errorf("%s: stage %s twice", k, s.Code)
			}
			seen[s.Code] = true
		}
		if !seen[ActivatingStage(k)] {
			t.Errorf("%s: activating stage %s is not a stage", k, ActivatingStage(k))
		}
	}
}

func TestStatus(t *testing.T) {
	today := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		stored sinergi.AgreementStatus
		end    string
		want   sinergi.AgreementStatus
	}{
		{sinergi.AgreementActive, "2027-12-31", sinergi.AgreementActive},
		{sinergi.AgreementActive, "2027-01-31", sinergi.AgreementExpiring},
		{sinergi.AgreementActive, "2027-01-30", sinergi.AgreementExpiring}, // 89 days
		{sinergi.AgreementActive, "2027-02-01", sinergi.AgreementActive},   // 91 days
		{sinergi.AgreementActive, "2026-11-02", sinergi.AgreementExpiring}, // last day
		{sinergi.AgreementActive, "2026-11-01", sinergi.AgreementExpired},
		{sinergi.AgreementDraft, "2026-11-01", sinergi.AgreementDraft},
		{sinergi.AgreementTerminated, "2026-12-01", sinergi.AgreementTerminated},
	}
	for _, tt := range tests {
		if got := Status(tt.stored, tt.end, today, 90); got != tt.want {
			t.Errorf("%s ending %s: got %s, want %s", tt.stored, tt.end, got, tt.want)
		}
	}
}

func TestCheckTermination(t *testing.T) {
	tests := []struct {
		name   string
		k      sinergi.AgreementKind
		reason string
		end    string
		on     string
		want   string
	}{
		{"parties agree", sinergi.KindKSDD, "agreed", "2030-01-01", "2026-05-01", ""},
		{"term ended early", sinergi.KindKSDD, "term_ended", "2030-01-01", "2026-05-01", RuleTerminate},
		{"term ended", sinergi.KindKSDD, "term_ended", "2026-01-01", "2026-05-01", ""},
		{"regional head changed", sinergi.KindKSDD, "regional_head_change", "2030-01-01", "2026-05-01", RuleTerminate},
		{"bankruptcy of a third party", sinergi.KindKSDPK, "bankruptcy", "2030-01-01", "2026-05-01", ""},
		{"bankruptcy in a KSDD", sinergi.KindKSDD, "bankruptcy", "2030-01-01", "2026-05-01", RuleTerminate},
		{"unknown", sinergi.KindMoU, "bosan", "2030-01-01", "2026-05-01", RuleTerminate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ruleOf(CheckTermination(tt.k, tt.reason, tt.end, tt.on)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// UU 23/2014 Pasal 368.
func TestMonitor(t *testing.T) {
	tests := []struct {
		name string
		k    sinergi.AgreementKind
		ps   []Party
		want string
	}{
		{"regencies of one province", sinergi.KindKSDD, []Party{maros, pangkep, barru}, "governor"},
		{"with the province", sinergi.KindKSDD, []Party{sulsel, maros}, "minister_of_home_affairs"},
		{"across provinces", sinergi.KindKSDD, []Party{mamuju, barru}, "minister_of_home_affairs"},
		{"third party with a regency", sinergi.KindKSDPK, []Party{maros, cri}, "governor"},
		{"abroad", sinergi.KindKSDPL, []Party{maros, penang}, "minister_of_home_affairs"},
		{"university", sinergi.KindMoU, []Party{unsul, ugm}, ""},
		{"city and regency of one province", sinergi.KindKSDD, []Party{pare, barru}, "governor"},
		{"two provinces", sinergi.KindKSDD, []Party{sulsel, sulbar}, "minister_of_home_affairs"},
		{"province with a third party", sinergi.KindKSDPK, []Party{sulsel, cri}, "minister_of_home_affairs"},
		{"province as witness only", sinergi.KindKSDD, []Party{maros, pangkep, witness(sulsel)}, "governor"},
		{"regency with an institution abroad", sinergi.KindKSDLL, []Party{maros, jica}, "minister_of_home_affairs"},
		{"nota kesepakatan with the centre", sinergi.KindNotaKesepakatan, []Party{maros, djka}, "minister_of_home_affairs"},
		{"inter-agency", sinergi.KindInterAgency, []Party{djka, bumd}, ""},
	}
	for _, tt := range tests {
		m := Monitor(tt.k, tt.ps)
		if m.Authority != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, m.Authority, tt.want)
		}
		if m.Authority != "" && !strings.Contains(m.Text.ID, CiteMonitoring) {
			t.Errorf("%s: %q does not cite %s", tt.name, m.Text.ID, CiteMonitoring)
		}
		if m.Authority == "governor" && m.ProvinceCode != "73" {
			t.Errorf("%s: province %q", tt.name, m.ProvinceCode)
		}
	}
}
