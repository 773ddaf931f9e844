package search

import (
	"slices"
	"strings"
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

// textByWords is Text as Words defines it: the folded words of the parts,
// each once, in order.
func textByWords(parts ...string) string {
	var out []string
	for _, p := range parts {
		for _, w := range Words(p) {
			if !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return strings.Join(out, " ")
}

// Text's ASCII fast path folds as Words does.
func FuzzText(f *testing.F) {
	for _, s := range []string{"Jalan Akses_Stasiun-2026 MAROS", "Kab. Maros; Pemkab BARRU (KSDD) 12a", "Café Ümit", "a-b a b A", "~[]{}@`Zz09", ""} {
		f.Add(s, "pengembangan JALAN")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := Text(a, b, a), textByWords(a, b, a); got != want {
			t.Errorf("Text(%q, %q) = %q, want %q", a, b, got, want)
		}
	})
}
