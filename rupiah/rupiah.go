// Package rupiah writes amounts of Indonesian rupiah the way official
// documents do (tata naskah dinas): "Rp1.500.000" in the UI,
// "Rp1.500.000,00" in letters, and the amount in words ("terbilang") in
// lower case, ending in "rupiah". Amounts are whole rupiah (int64).
package rupiah

import (
	"strconv"
	"strings"
)

// group writes the digits of n with "." every three digits.
func group(n uint64) string {
	s := strconv.FormatUint(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func abs(n int64) (uint64, string) {
	if n < 0 {
		return uint64(-(n + 1)) + 1, "-"
	}
	return uint64(n), ""
}

// Format writes n as "Rp1.500.000" (no space after Rp; negative "-Rp5.000").
func Format(n int64) string {
	u, sign := abs(n)
	return sign + "Rp" + group(u)
}

// FormatOfficial writes n as letters do: "Rp1.500.000,00".
func FormatOfficial(n int64) string { return Format(n) + ",00" }

// Official writes the amount and its words as letters do:
// "Rp1.500.000.000,00 (satu miliar lima ratus juta rupiah)".
func Official(n int64) string { return FormatOfficial(n) + " (" + Words(n) + " rupiah)" }

var ones = []string{"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"}

// scales are the names of powers of a thousand.
var scales = []string{"", "ribu", "juta", "miliar", "triliun", "kuadriliun", "kuintiliun"}

// Words writes n in Indonesian words ("terbilang"), lower case, without the
// currency: 1500000000 → "satu miliar lima ratus juta"; 0 → "nol";
// negative amounts start with "minus".
func Words(n int64) string {
	u, sign := abs(n)
	if u == 0 {
		return "nol"
	}
	var groups []uint64
	for ; u > 0; u /= 1000 {
		groups = append(groups, u%1000)
	}
	var parts []string
	if sign != "" {
		parts = append(parts, "minus")
	}
	for i := len(groups) - 1; i >= 0; i-- {
		g := groups[i]
		switch {
		case g == 0:
			continue
		case g == 1 && i == 1:
			parts = append(parts, "seribu")
		case i == 0:
			parts = append(parts, hundreds(g))
		default:
			parts = append(parts, hundreds(g)+" "+scales[i])
		}
	}
	return strings.Join(parts, " ")
}

// hundreds writes 1–999.
func hundreds(n uint64) string {
	var parts []string
	switch h := n / 100; {
	case h == 1:
		parts = append(parts, "seratus")
	case h > 1:
		parts = append(parts, ones[h]+" ratus")
	}
	if r := n % 100; r > 0 {
		parts = append(parts, tens(r))
	}
	return strings.Join(parts, " ")
}

// tens writes 1–99.
func tens(n uint64) string {
	switch {
	case n < 12:
		return ones[n]
	case n < 20:
		return ones[n-10] + " belas"
	case n%10 == 0:
		return ones[n/10] + " puluh"
	}
	return ones[n/10] + " puluh " + ones[n%10]
}
