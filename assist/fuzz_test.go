package assist

import (
	"strings"
	"testing"

	"sinergi"
)

// FuzzRules feeds arbitrary input to the rules and checks what must always
// hold: no panic; every violation carries its rule id and article; an
// emergency is never refused; a refusal passes only on a–c with a written
// reason; grounds pass only as distinct letters a–e; cost shares pass only
// when they add up, belong to the parties and repeat no budget line.
// Seeds are in testdata/fuzz/FuzzRules; run with
// go test -fuzz FuzzRules ./assist
func FuzzRules(f *testing.F) {
	f.Add(false, "a", "Tenaga terbatas", "ab", int64(100), int64(60), int64(40), "5.1", "5.2", "draft", "submit")
	f.Add(true, "a", "alasan", "d", int64(0), int64(0), int64(0), "", "", "submitted", "refuse")
	f.Fuzz(func(t *testing.T, emergency bool, ground, reason, letters string, total, a1, a2 int64, line1, line2, from, action string) {
		err := CheckRefusal(emergency, ground, reason)
		switch r := ruleOf(err); {
		case emergency && r != RuleEmergency:
			t.Fatalf("emergency refused with %q", r)
		case !emergency && r == "" && (!strings.Contains("abc", ground) || len(ground) != 1 || !hasText(reason)):
			t.Fatalf("refusal on %q / %q allowed", ground, reason)
		case r != "" && r != RuleEmergency && r != RuleRefuse && r != RuleWritten:
			t.Fatalf("unexpected %q", r)
		}

		var g sinergi.Grounds
		for _, l := range strings.Split(letters, "") {
			g = append(g, sinergi.Ground{Letter: l})
		}
		err = CheckGrounds(g)
		if r := ruleOf(err); r != "" && r != RuleGround {
			t.Fatalf("grounds: %q", r)
		}
		if err == nil {
			seen := map[string]bool{}
			for _, x := range g {
				if seen[x.Letter] || !strings.Contains("abcde", x.Letter) || x.Letter == "" {
					t.Fatalf("grounds %q accepted", letters)
				}
				seen[x.Letter] = true
			}
			if len(g) == 0 {
				t.Fatal("no ground accepted")
			}
		}

		shares := []sinergi.CostShare{{OrganizationID: 1, Amount: a1, FundingSource: "APBD", BudgetLine: line1},
			{OrganizationID: 2, Amount: a2, FundingSource: "APBN", BudgetLine: line2}}
		if CheckShareInput(shares) == nil {
			err := CheckCostSharing(total, []int64{1, 2}, shares, nil)
			if r := ruleOf(err); r != "" && r != RuleCost {
				t.Fatalf("cost: %q", r)
			}
			if err == nil && (a1+a2 != total || BudgetKey(line1) == BudgetKey(line2)) {
				t.Fatalf("shares %d+%d of %d on %q/%q accepted", a1, a2, total, line1, line2)
			}
		}

		to, err := Transition(sinergi.AssistanceStatus(from), Action(action))
		if err == nil && (!sinergi.ValidAssistanceStatus(to) || ActionSide(Action(action)) == 0) {
			t.Fatalf("%s --%s--> %s", from, action, to)
		}
		if err != nil && to != sinergi.AssistanceStatus(from) {
			t.Fatal("a refused transition changed the state")
		}
		cal := DefaultConfig().Calendar()
		if total >= 0 && total < 1000 {
			d := cal.AddWorkingDays(day("2026-01-01"), int(total))
			if cal.DaysLeft(day("2026-01-01"), d) != int(total) {
				t.Fatalf("days left of %d working days", total)
			}
		}
	})
}
