package search

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Fakultas Peternakan UGM", []string{"fakultas", "peternakan", "ugm"}},
		{"Kerja sama Café Śląsk – Müller/Straße", []string{"kerja", "sama", "cafe", "slask", "muller", "strasse"}},
		{"Jum'at, 1.5 km; PT. ABC-123", []string{"jum", "at", "1", "5", "km", "pt", "abc", "123"}},
		{"ＦＵＬＬ ｗｉｄｔｈ ﬁne x²", []string{"full", "width", "fine", "x2"}},
		{"100%_\\ ' \" *", []string{"100"}},
		{"", nil},
	} {
		if got := Words(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTextAndTerms(t *testing.T) {
	if got := Text("Jalan akses Stasiun Maros", "jalan MAROS baru", ""); got != "jalan akses stasiun maros baru" {
		t.Errorf("Text = %q", got)
	}
	terms := Terms("pete PETE d'Arc a b c d e f g h i j k l m")
	if len(terms) != MaxTerms || terms[0] != "pete" || terms[1] != "d" || terms[2] != "arc" {
		t.Errorf("Terms = %q", terms)
	}
	if got := FTS5([]string{"pete", "maros"}); got != `"pete"* AND "maros"*` {
		t.Errorf("FTS5 = %s", got)
	}
	if got := TSQuery([]string{"pete", "maros"}); got != `'pete':* & 'maros':*` {
		t.Errorf("TSQuery = %s", got)
	}
}
