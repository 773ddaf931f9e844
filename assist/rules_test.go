package assist

import (
	"testing"

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

func grounds(ls ...string) sinergi.Grounds {
	var g sinergi.Grounds
	for _, l := range ls {
		g = append(g, sinergi.Ground{Letter: l})
	}
	return g
}

// Pasal 35 ayat (1): at least one of a–e.
func TestCheckGrounds(t *testing.T) {
	tests := []struct {
		name string
		g    sinergi.Grounds
		want string
	}{
		{"none", nil, RuleGround},
		{"empty list", sinergi.Grounds{}, RuleGround},
		{"a", grounds("a"), ""},
		{"d and b", grounds("d", "b"), ""},
		{"all five", grounds("a", "b", "c", "d", "e"), ""},
		{"f is no ground", grounds("f"), RuleGround},
		{"empty letter", grounds(""), RuleGround},
		{"capital is normalised before, so refused here", grounds("A"), RuleGround},
		{"twice", grounds("b", "b"), RuleGround},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ruleOf(CheckGrounds(tt.g)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Pasal 34 ayat (4), Pasal 1 angka 10: two different public bodies.
func TestCheckParties(t *testing.T) {
	tests := []struct {
		name string
		r, p Party
		want string
	}{
		{"two public bodies", Party{1, true}, Party{2, true}, ""},
		{"same organisation", Party{1, true}, Party{1, true}, RuleAgency},
		{"provider is a company", Party{1, true}, Party{2, false}, RuleAgency},
		{"requester is a company", Party{1, false}, Party{2, true}, RuleAgency},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ruleOf(CheckParties(tt.r, tt.p)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Pasal 36 ayat (1)–(3).
func TestCheckRefusal(t *testing.T) {
	tests := []struct {
		name      string
		emergency bool
		ground    string
		reason    string
		want      string
		cite      string
	}{
		{"ground a with reason", false, "a", "Tenaga teknis sedang dikerahkan ke proyek lain", "", ""},
		{"ground b with reason", false, "b", "Dokumen dikecualikan", "", ""},
		{"ground c with reason", false, "c", "Dilarang undang-undang", "", ""},
		{"ground d is not a refusal ground", false, "d", "alasan", RuleRefuse, "UU 30/2014 Pasal 36 ayat (1)"},
		{"no ground", false, "", "alasan", RuleRefuse, "UU 30/2014 Pasal 36 ayat (1)"},
		{"upper case A is not a ground", false, "A", "alasan", RuleRefuse, ""},
		{"no reason", false, "a", "", RuleWritten, "UU 30/2014 Pasal 36 ayat (2)"},
		{"blank reason", false, "a", " \t\n\u00a0", RuleWritten, ""},
		{"emergency with a good ground", true, "a", "alasan", RuleEmergency, "UU 30/2014 Pasal 36 ayat (3)"},
		{"emergency without anything", true, "", "", RuleEmergency, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckRefusal(tt.emergency, tt.ground, tt.reason)
			if got := ruleOf(err); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			if tt.cite != "" && err.(*sinergi.Error).Citation != tt.cite {
				t.Errorf("citation %q, want %q", err.(*sinergi.Error).Citation, tt.cite)
			}
		})
	}
}

// Pasal 37.
func TestCheckResponsibility(t *testing.T) {
	tests := []struct {
		name                     string
		holder, basis, agreement string
		signed, starting         bool
		want                     string
	}{
		{"requester by default", sinergi.RespRequester, "", "", false, true, ""},
		{"provider without basis", sinergi.RespProvider, "", "", false, false, RuleResp},
		{"shared without basis", sinergi.RespShared, " ", "", false, false, RuleResp},
		{"provider by law", sinergi.RespProvider, "Perda Sulsel 2/2024 Pasal 10", "", false, true, ""},
		{"agreement named at creation", sinergi.RespShared, "", "PKS 12/2026", false, false, ""},
		{"agreement unsigned at start", sinergi.RespShared, "", "PKS 12/2026", false, true, RuleResp},
		{"agreement signed at start", sinergi.RespShared, "", "PKS 12/2026", true, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ruleOf(CheckResponsibility(tt.holder, tt.basis, tt.agreement, tt.signed, tt.starting)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Pasal 35 ayat (2) and its Penjelasan: fair sharing, no double financing.
func TestCheckCostSharing(t *testing.T) {
	share := func(org, amount int64, line string) sinergi.CostShare {
		return sinergi.CostShare{OrganizationID: org, Amount: amount, FundingSource: "APBD", BudgetLine: line}
	}
	parties := []int64{1, 2}
	tests := []struct {
		name   string
		total  int64
		shares []sinergi.CostShare
		used   map[string]bool
		want   string
	}{
		{"split adds up", 1500000, []sinergi.CostShare{share(1, 1000000, "1.02.01.5.1.02"), share(2, 500000, "2.01.03.5.1.02")}, nil, ""},
		{"one party bears all", 750000, []sinergi.CostShare{share(2, 750000, "X")}, nil, ""},
		{"two lines of one party", 300, []sinergi.CostShare{share(1, 100, "A"), share(1, 200, "B")}, nil, ""},
		{"too little", 1500000, []sinergi.CostShare{share(1, 1000000, "A")}, nil, RuleCost},
		{"too much", 100, []sinergi.CostShare{share(1, 60, "A"), share(2, 60, "B")}, nil, RuleCost},
		{"no shares for a cost", 100, nil, nil, RuleCost},
		{"no cost, no shares", 0, nil, nil, ""},
		{"third organisation", 100, []sinergi.CostShare{share(3, 100, "A")}, nil, RuleCost},
		{"same line twice", 200, []sinergi.CostShare{share(1, 100, "5.02 / 01"), share(2, 100, "5.02/01")}, nil, RuleCost},
		{"line used by another request of the activity", 100, []sinergi.CostShare{share(1, 100, "a-1")}, map[string]bool{"A-1": true}, RuleCost},
		{"other lines of the activity are fine", 100, []sinergi.CostShare{share(1, 100, "B-1")}, map[string]bool{"A-1": true}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ruleOf(CheckCostSharing(tt.total, parties, tt.shares, tt.used)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCheckShareInput(t *testing.T) {
	bad := []sinergi.CostShare{{OrganizationID: 0, Amount: 0, FundingSource: "hutang", BudgetLine: " "}}
	err := CheckShareInput(bad)
	e, ok := err.(*sinergi.Error)
	if !ok || e.Code != sinergi.CodeInvalid || len(e.Fields) != 4 {
		t.Fatalf("got %v", err)
	}
	for i, f := range []string{"shares[0].organization_id", "shares[0].amount", "shares[0].funding_source", "shares[0].budget_line"} {
		if e.Fields[i].Field != f {
			t.Errorf("field %d = %s, want %s", i, e.Fields[i].Field, f)
		}
	}
	for _, fs := range []string{"APBN", "APBD", "PNBP", "BLU", "other"} {
		if err := CheckShareInput([]sinergi.CostShare{{OrganizationID: 1, Amount: 1, FundingSource: fs, BudgetLine: "x"}}); err != nil {
			t.Errorf("%s: %v", fs, err)
		}
	}
}

func TestCheckCostAgreed(t *testing.T) {
	if ruleOf(CheckCostAgreed(1, false)) != RuleCost || CheckCostAgreed(1, true) != nil || CheckCostAgreed(0, false) != nil {
		t.Error("start must wait for an agreed sharing when the assistance costs money, and only then")
	}
}
