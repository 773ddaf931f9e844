package sinergi

import (
	"context"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// Person is someone working for an organisation: a civil servant (with a
// NIP) or a partner's representative.
type Person struct {
	ID             int64     `json:"id"`
	OrganizationID int64     `json:"organization_id"`
	UnitID         *int64    `json:"unit_id"`
	UnitName       string    `json:"unit_name,omitempty"`
	Name           string    `json:"name"`
	NIP            string    `json:"nip"`
	Position       string    `json:"position"`
	Email          string    `json:"email"`
	Version        int64     `json:"version"`
	CreatedAt      time.Time `json:"created_at"`
}

// PersonInput creates or changes a person.
type PersonInput struct {
	Name     string `json:"name"`
	NIP      string `json:"nip"`
	Position string `json:"position"`
	Email    string `json:"email"`
	UnitID   *int64 `json:"unit_id"`
}

// Validate checks the fields that need no database.
func (in *PersonInput) Validate() error {
	in.Name = strings.Join(strings.Fields(in.Name), " ")
	in.NIP = strings.ReplaceAll(strings.TrimSpace(in.NIP), " ", "")
	in.Position = strings.TrimSpace(in.Position)
	in.Email = strings.ToLower(strings.TrimSpace(in.Email))
	var v Validation
	if n := utf8.RuneCountInString(in.Name); n < 2 || n > 200 {
		v.Add("name", "Nama harus 2 sampai 200 karakter", "Name must be 2 to 200 characters")
	}
	if in.NIP != "" {
		if err := ValidateNIP(in.NIP); err != nil {
			v.Fields = append(v.Fields, FieldError{Field: "nip", Msg: err.(*Error).Msg})
		}
	}
	if utf8.RuneCountInString(in.Position) > 200 {
		v.Add("position", "Jabatan paling banyak 200 karakter", "Position must be at most 200 characters")
	}
	if in.Email != "" && !ValidEmail(in.Email) {
		v.Add("email", "Alamat surel tidak valid", "Invalid e-mail address")
	}
	if in.UnitID != nil && *in.UnitID <= 0 {
		v.Add("unit_id", "Unit kerja tidak valid", "Invalid unit")
	}
	return v.Err()
}

// ValidEmail accepts a bare address (no display name) of sane length.
func ValidEmail(s string) bool {
	if len(s) > 254 || strings.ContainsAny(s, " <>") {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.IndexByte(s, '@'):], ".")
}

// ValidateNIP checks an ASN's Nomor Induk Pegawai: 18 digits made of the
// birth date (yyyymmdd), the month of appointment (yyyymm), sex (1 or 2) and
// a serial number (BKN's numbering; PP 11/2017 keeps the NIP for life).
func ValidateNIP(nip string) error {
	bad := func(id, en string) error { return Errorf(CodeInvalid, id, en) }
	if len(nip) != 18 {
		return bad("NIP harus 18 digit", "NIP must have 18 digits")
	}
	for _, c := range nip {
		if c < '0' || c > '9' {
			return bad("NIP hanya berisi angka", "NIP must contain digits only")
		}
	}
	birth, err := time.Parse("20060102", nip[:8])
	if err != nil || birth.Year() < 1900 {
		return bad("8 digit pertama NIP harus tanggal lahir (ttttbbhh)", "The first 8 digits of a NIP must be the birth date (yyyymmdd)")
	}
	appointed, err := time.Parse("200601", nip[8:14])
	if err != nil || !appointed.After(birth) {
		return bad("Digit 9–14 NIP harus bulan pengangkatan (ttttbb) setelah tanggal lahir", "Digits 9–14 of a NIP must be the month of appointment (yyyymm), after the birth date")
	}
	if nip[14] != '1' && nip[14] != '2' {
		return bad("Digit ke-15 NIP harus 1 atau 2", "Digit 15 of a NIP must be 1 or 2")
	}
	return nil
}

// PersonService manages people.
type PersonService interface {
	People(ctx context.Context, orgID int64, q string, offset, limit int) (List[Person], error)
	Person(ctx context.Context, id int64) (*Person, error)
	CreatePerson(ctx context.Context, orgID int64, in PersonInput) (*Person, error)
	UpdatePerson(ctx context.Context, id, version int64, in PersonInput) (*Person, error)
	DeletePerson(ctx context.Context, id int64) error
}
