package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"sinergi/idfmt"
)

// num writes 1234567 as "1.234.567".
func num(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// dec writes x with d decimals and a decimal comma; negatives with "−".
func dec(x float64, d int) string {
	s := strings.Replace(fmt.Sprintf("%.*f", d, math.Abs(x)), ".", ",", 1)
	if x < 0 && strings.Trim(s, "0,") != "" {
		return "−" + s
	}
	return s
}

// pct writes a share as "42%" (or "42,5%" when not whole).
func pct(x float64) string {
	v := math.Round(x*1000) / 10
	if v == math.Trunc(v) {
		return strconv.Itoa(int(v)) + "%"
	}
	return dec(v, 1) + "%"
}

// date writes "29 November 2026".
func date(t time.Time) string { return idfmt.Date(t, "id") }

// day writes a YYYY-MM-DD date as "29 November 2026" ("—" when blank).
func day(s string) string {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return date(t)
	}
	if s == "" {
		return "—"
	}
	return s
}

// count writes "3 kegiatan" or "tidak ada kegiatan"; Indonesian nouns have
// no plural ending.
func count(n int, noun string) string {
	switch n {
	case 0:
		return "tidak ada " + noun
	case 1:
		return "satu " + noun
	}
	if n <= 10 {
		return [...]string{"", "", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh"}[n] + " " + noun
	}
	return num(n) + " " + noun
}

// pick chooses one phrasing by a seed, so that sentences of the same kind
// do not repeat word for word while the report stays reproducible.
func pick(seed int, options ...string) string {
	if seed < 0 {
		seed = -seed
	}
	return options[seed%len(options)]
}

// capital upper-cases the first letter.
func capital(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// list joins "a", "a dan b", "a, b, dan c".
func list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	case 2:
		return items[0] + " dan " + items[1]
	}
	return strings.Join(items[:len(items)-1], ", ") + ", dan " + items[len(items)-1]
}

// Words counts the words of a text as a word processor does: runs of
// letters or digits (with inner punctuation such as "1.234" or "E-I").
func Words(s string) int {
	return len(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r)
	})) - punctOnly(s)
}

// punctOnly counts the whitespace-separated tokens with no letter or digit
// ("—", "•", ":"), which are not words.
func punctOnly(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			n++
		}
	}
	return n
}
