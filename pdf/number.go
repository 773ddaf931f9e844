package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"sinergi"
)

// Classification is the security class of an official document, the code
// that starts its number (Peraturan BKN 17/2020 Pasal 5; domain.md §6).
type Classification string

const (
	SangatRahasia Classification = "SR" // marked in red
	Rahasia       Classification = "R"  // marked in red
	Terbatas      Classification = "T"
	Biasa         Classification = "B"
)

// Valid reports whether c is one of SR, R, T, B.
func (c Classification) Valid() bool {
	return c == SangatRahasia || c == Rahasia || c == Terbatas || c == Biasa
}

// mark is the red marking printed on every page ("" for T, B and none).
func (c Classification) mark() string {
	switch c {
	case SangatRahasia:
		return "SANGAT RAHASIA"
	case Rahasia:
		return "RAHASIA"
	}
	return ""
}

// Number is the number of an official letter, built from its parts:
// security code–serial/agency/unit/archive code/month/year, e.g.
// B-235/PANRB/D-IV/KKA/06/2012 (Permenpan RB 80/2012). Unit may be empty
// for agencies that leave it out.
type Number struct {
	Security Classification // SR, R, T or B
	Serial   int            // running number, from 1
	Agency   string         // e.g. PANRB
	Unit     string         // e.g. D-IV; optional
	Archive  string         // archive classification code, e.g. KKA or 000.1.2.3
	Month    int            // 1–12, written 01–12
	Year     int
}

// String writes the number ("B-235/PANRB/D-IV/KKA/06/2012"). It does not
// check the parts: call Validate first.
func (n Number) String() string {
	parts := []string{string(n.Security) + "-" + strconv.Itoa(n.Serial), n.Agency}
	if n.Unit != "" {
		parts = append(parts, n.Unit)
	}
	parts = append(parts, n.Archive, fmt.Sprintf("%02d", n.Month), strconv.Itoa(n.Year))
	return strings.Join(parts, "/")
}

// codeOK accepts letters, digits, '.', '-' and '_' (no '/' or spaces, which
// would make the number ambiguous).
func codeOK(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for _, c := range s {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// Validate names every part that is wrong (a sinergi.Error with CodeInvalid).
func (n Number) Validate() error {
	var v sinergi.Validation
	if !n.Security.Valid() {
		v.Add("security", "Kode keamanan harus SR, R, T atau B", "The security code must be SR, R, T or B")
	}
	if n.Serial < 1 || n.Serial > 999999 {
		v.Add("serial", "Nomor urut harus 1 sampai 999999", "The serial must be 1 to 999999")
	}
	if !codeOK(n.Agency) {
		v.Add("agency", "Kode instansi wajib diisi, tanpa spasi atau garis miring", "The agency code is required, without spaces or slashes")
	}
	if n.Unit != "" && !codeOK(n.Unit) {
		v.Add("unit", "Kode unit tidak boleh berisi spasi atau garis miring", "The unit code must not contain spaces or slashes")
	}
	if !codeOK(n.Archive) {
		v.Add("archive", "Kode klasifikasi arsip wajib diisi, tanpa spasi atau garis miring", "The archive code is required, without spaces or slashes")
	}
	if n.Month < 1 || n.Month > 12 {
		v.Add("month", "Bulan harus 1 sampai 12", "The month must be 1 to 12")
	}
	if n.Year < 1945 || n.Year > 9999 {
		v.Add("year", "Tahun harus 1945 sampai 9999", "The year must be 1945 to 9999")
	}
	return v.Err()
}

// ParseNumber reads a number written by Number.String (with or without the
// unit) and validates it.
func ParseNumber(s string) (Number, error) {
	bad := sinergi.Errorf(sinergi.CodeInvalid, "Nomor surat tidak berbentuk kode-urut/instansi/[unit/]arsip/bulan/tahun", "The letter number is not code-serial/agency/[unit/]archive/month/year")
	p := strings.Split(strings.TrimSpace(s), "/")
	if len(p) != 5 && len(p) != 6 {
		return Number{}, bad
	}
	code, serial, ok := strings.Cut(p[0], "-")
	if !ok {
		return Number{}, bad
	}
	var n Number
	var err error
	n.Security = Classification(code)
	if n.Serial, err = strconv.Atoi(serial); err != nil {
		return Number{}, bad
	}
	n.Agency = p[1]
	if len(p) == 6 {
		n.Unit = p[2]
	}
	n.Archive = p[len(p)-3]
	if n.Month, err = strconv.Atoi(p[len(p)-2]); err != nil {
		return Number{}, bad
	}
	if n.Year, err = strconv.Atoi(p[len(p)-1]); err != nil {
		return Number{}, bad
	}
	return n, n.Validate()
}
