package assist

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"sinergi"
)

// Letter numbers in the tata naskah dinas form (domain.md §6):
// security code–serial/agency/unit/archive code/month/year, for example
// B-235/PANRB/D-IV/KKA/06/2012. Each agency writes its own variant, so the
// number is a pattern of placeholders the organisation sets:
//
//	{security}     security code of the letter: B biasa, T terbatas, R rahasia
//	{serial}       the organisation's serial in the year (1, 2, …);
//	               {serial:N} pads it with zeros to N digits (N = 1–9)
//	{agency}       the agency code (e.g. PANRB)
//	{unit}         the unit code (e.g. D-IV)
//	{archive}      the archive (classification) code (e.g. KKA)
//	{month}        the month as two digits (06)
//	{month_roman}  the month in Roman numerals (VI)
//	{year}         the year (2012)
//
// Serials count per organisation and per year, so a pattern must carry
// {serial} once and {year}.

// DefaultPattern is used when an organisation has set none.
const DefaultPattern = "{security}-{serial:4}/{agency}/{archive}/{month}/{year}"

// DefaultArchiveCode is the archive code of Bantuan Kedinasan letters when the
// organisation has set none.
const DefaultArchiveCode = "BK"

// Numbering is an organisation's numbering pattern with its codes.
type Numbering struct {
	Pattern     string `json:"pattern"`
	AgencyCode  string `json:"agency_code"`
	UnitCode    string `json:"unit_code"`
	ArchiveCode string `json:"archive_code"`
}

// AgencyCodeOf turns an acronym into an agency code ("Pemkab Maros" →
// "PEMKABMAROS"); without one the organisation's id stands in.
func AgencyCodeOf(acronym string, orgID int64) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(acronym) {
		if codeRune(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 || b.Len() > 30 {
		return fmt.Sprintf("ORG%d", orgID)
	}
	return b.String()
}

// DefaultNumbering is the numbering of an organisation that has set none.
func DefaultNumbering(acronym string, orgID int64) Numbering {
	return Numbering{Pattern: DefaultPattern, AgencyCode: AgencyCodeOf(acronym, orgID), ArchiveCode: DefaultArchiveCode}
}

// Normalize trims the fields.
func (n *Numbering) Normalize() {
	n.Pattern = strings.TrimSpace(n.Pattern)
	n.AgencyCode = strings.TrimSpace(n.AgencyCode)
	n.UnitCode = strings.TrimSpace(n.UnitCode)
	n.ArchiveCode = strings.TrimSpace(n.ArchiveCode)
}

func codeRune(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r == '_'
}

// literalRune: what may stand between placeholders.
func literalRune(r rune) bool { return codeRune(r) || r == '/' || r == ' ' }

// token is a piece of a pattern: a literal or a placeholder (name, width).
type token struct {
	lit   string
	name  string
	width int
}

var placeholders = map[string]bool{"security": true, "serial": true, "agency": true, "unit": true, "archive": true, "month": true, "month_roman": true, "year": true}

// parse splits a pattern into tokens or says, in both languages, what is wrong.
func parse(p string) ([]token, *sinergi.Text) {
	bad := func(id, en string) ([]token, *sinergi.Text) { t := sinergi.T(id, en); return nil, &t }
	var out []token
	for p != "" {
		open := strings.IndexByte(p, '{')
		if close := strings.IndexByte(p, '}'); close >= 0 && (open < 0 || close < open) {
			return bad("Tanda } tanpa pasangan {", "A } without its {")
		}
		if open < 0 {
			open = len(p)
		}
		if open > 0 {
			lit := p[:open]
			for _, r := range lit {
				if !literalRune(r) {
					return bad(fmt.Sprintf("Karakter %q tidak boleh dipakai; gunakan huruf, angka, - . _ / atau spasi", r),
						fmt.Sprintf("Character %q is not allowed; use letters, digits, - . _ / or spaces", r))
				}
			}
			out = append(out, token{lit: lit})
			p = p[open:]
			continue
		}
		end := strings.IndexByte(p, '}')
		if end < 0 {
			return bad("Tanda { tanpa pasangan }", "A { without its }")
		}
		name, width := p[1:end], 0
		if n, w, ok := strings.Cut(name, ":"); ok {
			k, err := strconv.Atoi(w)
			if n != "serial" || err != nil || k < 1 || k > 9 {
				return bad("Lebar hanya untuk {serial:N} dengan N 1–9, bukan {"+name+"}", "A width is only for {serial:N} with N 1–9, not {"+name+"}")
			}
			name, width = n, k
		}
		if !placeholders[name] {
			return bad("Isian {"+name+"} tidak dikenal; yang dikenal: {security} {serial} {agency} {unit} {archive} {month} {month_roman} {year}",
				"Unknown placeholder {"+name+"}; known: {security} {serial} {agency} {unit} {archive} {month} {month_roman} {year}")
		}
		out = append(out, token{name: name, width: width})
		p = p[end+1:]
	}
	return out, nil
}

func checkCode(v *sinergi.Validation, field, code string, used bool, label sinergi.Text) {
	switch {
	case code == "" && used:
		v.Add(field, "Pola memakai kode "+label.ID+"; isi kodenya", "The pattern uses the "+label.EN+" code; fill it in")
	case utf8.RuneCountInString(code) > 30:
		v.Add(field, "Kode paling banyak 30 karakter", "A code must be at most 30 characters")
	default:
		for _, r := range code {
			if !codeRune(r) {
				v.Add(field, "Kode hanya boleh berisi huruf, angka, - . atau _ (tanpa garis miring)", "A code may hold letters, digits, - . or _ only (no slash)")
				return
			}
		}
	}
}

// Validate checks a numbering (400 with the field named when wrong).
func (n Numbering) Validate() error {
	var v sinergi.Validation
	toks, perr := parse(n.Pattern)
	uses := map[string]int{}
	switch {
	case n.Pattern == "":
		v.Add("pattern", "Isi pola penomoran, misalnya "+DefaultPattern, "Give a numbering pattern, e.g. "+DefaultPattern)
	case utf8.RuneCountInString(n.Pattern) > 120:
		v.Add("pattern", "Pola paling banyak 120 karakter", "The pattern must be at most 120 characters")
	case perr != nil:
		v.Add("pattern", perr.ID, perr.EN)
	default:
		for _, t := range toks {
			if t.name != "" {
				uses[t.name]++
			}
		}
		if uses["serial"] != 1 {
			v.Add("pattern", "Pola harus memuat {serial} tepat satu kali (nomor urut)", "The pattern must hold {serial} exactly once (the serial)")
		}
		if uses["year"] == 0 {
			v.Add("pattern", "Pola harus memuat {year}: nomor urut dimulai lagi setiap tahun", "The pattern must hold {year}: serials start again every year")
		}
	}
	checkCode(&v, "agency_code", n.AgencyCode, uses["agency"] > 0, sinergi.T("instansi", "agency"))
	checkCode(&v, "unit_code", n.UnitCode, uses["unit"] > 0, sinergi.T("unit", "unit"))
	checkCode(&v, "archive_code", n.ArchiveCode, uses["archive"] > 0, sinergi.T("arsip", "archive"))
	return v.Err()
}

// SecurityCode is the letter's security code for a classification (B, T, R).
func SecurityCode(c sinergi.Classification) string {
	switch c {
	case sinergi.Rahasia:
		return "R"
	case sinergi.Terbatas:
		return "T"
	}
	return "B"
}

var roman = []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}

// Format writes the number of a letter with the given serial, security class
// and date (taken in WITA, the demo region's zone). The pattern must be
// valid; an invalid one yields the default pattern's number.
func (n Numbering) Format(c sinergi.Classification, serial int64, at time.Time) string {
	toks, perr := parse(n.Pattern)
	if perr != nil || n.Validate() != nil {
		d := Numbering{Pattern: DefaultPattern, AgencyCode: n.AgencyCode, ArchiveCode: DefaultArchiveCode}
		if d.AgencyCode == "" || d.Validate() != nil {
			d.AgencyCode = "ORG"
		}
		toks, _ = parse(DefaultPattern)
		n = d
	}
	at = at.In(Wita)
	var b strings.Builder
	for _, t := range toks {
		switch t.name {
		case "":
			b.WriteString(t.lit)
		case "security":
			b.WriteString(SecurityCode(c))
		case "serial":
			fmt.Fprintf(&b, "%0*d", t.width, serial)
		case "agency":
			b.WriteString(n.AgencyCode)
		case "unit":
			b.WriteString(n.UnitCode)
		case "archive":
			b.WriteString(n.ArchiveCode)
		case "month":
			fmt.Fprintf(&b, "%02d", int(at.Month()))
		case "month_roman":
			b.WriteString(roman[at.Month()])
		case "year":
			fmt.Fprintf(&b, "%d", at.Year())
		}
	}
	return b.String()
}
