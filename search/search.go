// Package search folds text into the words the registries' full-text
// search indexes and matches: lower case, accents and compatibility forms
// removed (NFKD), split at every character that is neither a letter nor a
// number. The store keeps the folded words of a record in one column —
// space-separated, each word once — and both engines index exactly those
// words (SQLite FTS5 with the ascii tokenizer, PostgreSQL a tsvector built
// from the word array), so a query finds the same records on both. A query
// word matches every indexed word it begins ("pete" finds "Peternakan").
package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MaxTerms is how many words of a query are used; the rest are ignored.
const MaxTerms = 12

// special are letters NFKD does not decompose into a base letter.
var special = map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d", 'ł': "l", 'ı': "i", 'þ': "th"}

// Words returns the folded words of s, in order, repeats included.
func Words(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	if !ascii(s) {
		s = norm.NFKD.String(s)
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining accent of the letter before it
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			r = unicode.ToLower(r)
			if x, ok := special[r]; ok {
				b.WriteString(x)
			} else {
				b.WriteRune(r)
			}
		default:
			flush()
		}
	}
	flush()
	return out
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Text is the indexed text of a record made of parts: their folded words,
// each once, separated by single spaces.
func Text(parts ...string) string {
	seen := make(map[string]bool, 32)
	var b strings.Builder
	add := func(w string) {
		seen[w] = true
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	var word []byte
	for _, p := range parts {
		if !ascii(p) {
			for _, w := range Words(p) {
				if !seen[w] {
					add(w)
				}
			}
			continue
		}
		// ASCII (most text): the words are the runs of letters and
		// digits, lower-cased, as Words folds them — without its
		// allocations (a word is copied only when new).
		for i := 0; i <= len(p); i++ {
			if i < len(p) {
				if c := p[i]; 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
					word = append(word, c)
					continue
				} else if 'A' <= c && c <= 'Z' {
					word = append(word, c+'a'-'A')
					continue
				}
			}
			if len(word) > 0 && !seen[string(word)] {
				add(string(word))
			}
			word = word[:0]
		}
	}
	return b.String()
}

// Terms are the words of a query (at most MaxTerms, each once); a record
// matches when every term begins one of its words.
func Terms(q string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range Words(q) {
		if !seen[w] && len(out) < MaxTerms {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// FTS5 is the FTS5 MATCH expression of terms: "t1"* AND "t2"* …
func FTS5(terms []string) string {
	q := make([]string, len(terms))
	for i, t := range terms {
		q[i] = `"` + t + `"*`
	}
	return strings.Join(q, " AND ")
}

// TSQuery is the PostgreSQL tsquery text of terms: 't1':* & 't2':* … The
// words are quoted lexemes, taken as they are (no parser, no dictionary).
func TSQuery(terms []string) string {
	q := make([]string, len(terms))
	for i, t := range terms {
		q[i] = "'" + t + "':*"
	}
	return strings.Join(q, " & ")
}
