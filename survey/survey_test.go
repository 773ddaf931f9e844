package survey

import (
	"reflect"
	"strings"
	"testing"
)

func TestInstrumentsShipped(t *testing.T) {
	want := map[string]int{"culture": 7, "process": 14, "success": 5, "levels": 0}
	for code, n := range want {
		in, ok := Lookup(code)
		if !ok {
			t.Fatalf("instrument %s missing", code)
		}
		if len(in.Items) != n {
			t.Errorf("%s: %d items, want %d", code, len(in.Items), n)
		}
	}
	c, _ := Lookup("culture")
	if c.Items[0].Text.ID != "Organisasi menganggap perubahan sebagai sesuatu yang alami dan perlu terjadi." {
		t.Errorf("culture item 1 is not in the seed's wording: %q", c.Items[0].Text.ID)
	}
	p, _ := Lookup("process")
	if p.Validated || !strings.Contains(p.Name.ID, "belum tervalidasi") || !strings.Contains(p.Name.EN, "not a validated scale") {
		t.Errorf("the process bank must be labelled as not validated: %+v", p.Name)
	}
	l, _ := Lookup("levels")
	if l.Scale.Min != 0 || l.Scale.Max != 5 || !l.PerPartner {
		t.Errorf("levels: scale %d–%d per partner %v", l.Scale.Min, l.Scale.Max, l.PerPartner)
	}
	if items := l.ItemsFor([]Partner{{7, "Unismuh"}}); len(items) != 1 || items[0].ID != "org_7" {
		t.Errorf("levels items: %+v", items)
	}
	if c.Scale.Label(5).ID != "Sangat setuju" || c.Scale.Label(1).EN != "Strongly disagree" {
		t.Errorf("likert labels: %+v", c.Scale.Labels)
	}
}

func TestLoadRejects(t *testing.T) {
	for name, doc := range map[string]string{
		"bad json":       `{`,
		"unknown scale":  `{"scales":{},"instruments":[{"code":"x","scale":"s","items":[{"id":"a","text":{"id":"a","en":"a"}}]}]}`,
		"labels missing": `{"scales":{"s":{"min":1,"max":3,"labels":[{"id":"a","en":"a"}]}},"instruments":[]}`,
		"repeated item":  `{"scales":{"s":{"min":0,"max":1,"labels":[{"id":"a","en":"a"},{"id":"b","en":"b"}]}},"instruments":[{"code":"x","scale":"s","items":[{"id":"a","text":{"id":"a","en":"a"}},{"id":"a","text":{"id":"a","en":"a"}}]}]}`,
		"no items":       `{"scales":{"s":{"min":0,"max":1,"labels":[{"id":"a","en":"a"},{"id":"b","en":"b"}]}},"instruments":[{"code":"x","scale":"s","items":[]}]}`,
	} {
		if _, err := Load([]byte(doc)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestDecide(t *testing.T) {
	tests := []struct {
		name      string
		counts    map[string]int
		threshold int
		want      Visibility
	}{
		{"all large", map[string]int{"a": 5, "b": 9}, 5, Visibility{Shown: []string{"a", "b"}}},
		{"one small hidden", map[string]int{"a": 12, "b": 4}, 5, Visibility{Shown: []string{"a"}, Hidden: []string{"b"}}},
		{"small merged", map[string]int{"a": 12, "b": 3, "c": 2}, 5, Visibility{Shown: []string{"a"}, Others: []string{"b", "c"}}},
		{"small too few even merged", map[string]int{"a": 12, "b": 2, "c": 2}, 5, Visibility{Shown: []string{"a"}, Hidden: []string{"b", "c"}}},
		{"only small merged", map[string]int{"b": 3, "c": 3}, 5, Visibility{Others: []string{"b", "c"}}},
		{"empty groups ignored", map[string]int{"a": 0, "b": 6}, 5, Visibility{Shown: []string{"b"}}},
		{"custom threshold", map[string]int{"a": 3, "b": 2}, 3, Visibility{Shown: []string{"a"}, Hidden: []string{"b"}}},
		{"zero threshold means default", map[string]int{"a": 4}, 0, Visibility{Hidden: []string{"a"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Decide(tt.counts, tt.threshold); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func rep(group string, n int, answers map[string]int) []Response {
	out := make([]Response, n)
	for i := range out {
		out[i] = Response{Group: group, Answers: answers}
	}
	return out
}

func TestCompute(t *testing.T) {
	in := Instrument{Scale: Scale{Min: 1, Max: 5}, Items: []Item{{ID: "q1"}, {ID: "q2", Reverse: true}}}
	var rs []Response
	rs = append(rs, rep("a", 4, map[string]int{"q1": 4, "q2": 2})...) // scored 4 and 4
	rs = append(rs, rep("a", 1, map[string]int{"q1": 5, "q2": 1})...) // scored 5 and 5
	rs = append(rs, rep("b", 2, map[string]int{"q1": 1, "q2": 5})...) // small: hidden
	rs = append(rs, rep("c", 3, map[string]int{"q1": 2, "q2": 4})...) // small
	labels := map[string]string{"a": "Unit A", "b": "Unit B", "c": "Unit C"}
	res := Compute(in, in.Items, rs, labels, 5, "Lainnya")
	if len(res.Groups) != 2 || res.HiddenGroups != 0 {
		t.Fatalf("groups %+v hidden %d", res.Groups, res.HiddenGroups)
	}
	a := res.Groups[0]
	if a.Key != "a" || a.Label != "Unit A" || a.Responses != 5 || a.Mean != 4.2 {
		t.Errorf("group a: %+v", a)
	}
	if a.Items[1].Mean != 4.2 || !reflect.DeepEqual(a.Items[1].Distribution, []int{1, 4, 0, 0, 0}) {
		t.Errorf("reverse-coded item: mean %v distribution %v", a.Items[1].Mean, a.Items[1].Distribution)
	}
	o := res.Groups[1]
	if o.Key != OthersKey || o.Responses != 5 || o.Merged != 2 || o.Label != "Lainnya" {
		t.Errorf("others: %+v", o)
	}
	if res.Overall == nil || res.Overall.Responses != 10 {
		t.Errorf("overall: %+v", res.Overall)
	}
	for _, g := range res.Groups {
		if g.Responses < res.Threshold {
			t.Errorf("group %s below threshold shown", g.Key)
		}
	}

	// with b hidden, the overall leaves it out (no subtraction attack)
	res = Compute(in, in.Items, rs[:7], labels, 5, "Lainnya")
	if len(res.Groups) != 1 || res.HiddenGroups != 1 || res.Overall.Responses != 5 {
		t.Errorf("hidden: %+v overall %+v", res, res.Overall)
	}
	// nothing large enough: no groups, no overall
	res = Compute(in, in.Items, rs[5:7], labels, 5, "Lainnya")
	if len(res.Groups) != 0 || res.Overall != nil || res.HiddenGroups != 1 {
		t.Errorf("all hidden: %+v", res)
	}
}

func TestCompare(t *testing.T) {
	in := Instrument{Scale: Scale{Min: 1, Max: 5}, Items: []Item{{ID: "q1"}}}
	prev := Compute(in, in.Items, rep("a", 5, map[string]int{"q1": 3}), nil, 5, "")
	cur := Compute(in, in.Items, append(rep("a", 5, map[string]int{"q1": 4}), rep("b", 6, map[string]int{"q1": 2})...), nil, 5, "")
	Compare(&cur, &prev)
	if c := cur.Groups[0].Change; c == nil || *c != 1 {
		t.Errorf("change of a: %v", c)
	}
	if cur.Groups[1].Change != nil {
		t.Errorf("b has no previous result, change %v", *cur.Groups[1].Change)
	}
	if cur.Overall.Change == nil {
		t.Errorf("overall change missing")
	}
	Compare(&cur, nil)
}

func TestCheck(t *testing.T) {
	in, _ := Lookup("success")
	ok := map[string]int{"sf_trust": 1, "sf_power": 2, "sf_leadership": 3, "sf_management": 4, "sf_formal": 5}
	if errs := Check(in, in.Items, ok); len(errs) != 0 {
		t.Fatalf("complete answers refused: %v", errs)
	}
	tests := []struct {
		name   string
		change func(m map[string]int)
		field  string
	}{
		{"above the scale", func(m map[string]int) { m["sf_trust"] = 6 }, "answers.sf_trust"},
		{"below the scale", func(m map[string]int) { m["sf_power"] = 0 }, "answers.sf_power"},
		{"missing", func(m map[string]int) { delete(m, "sf_formal") }, "answers.sf_formal"},
		{"unknown", func(m map[string]int) { m["zz"] = 3 }, "answers.zz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := map[string]int{}
			for k, v := range ok {
				m[k] = v
			}
			tt.change(m)
			errs := Check(in, in.Items, m)
			if len(errs) != 1 || errs[0].Field != tt.field {
				t.Errorf("got %+v, want one problem on %s", errs, tt.field)
			}
		})
	}
}

func TestFormatMean(t *testing.T) {
	if FormatMean(3.756, "id") != "3,76" || FormatMean(3.5, "en") != "3.50" {
		t.Error(FormatMean(3.756, "id"), FormatMean(3.5, "en"))
	}
}
