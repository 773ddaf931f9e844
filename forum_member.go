package sinergi

import (
	"strings"
	"time"
	"unicode/utf8"
)

// MemberRole is an organisation's role in a forum.
type MemberRole string

const (
	MemberFacilitator MemberRole = "facilitator"
	MemberDeciding    MemberRole = "deciding"
	MemberConsulted   MemberRole = "consulted"
	MemberObserver    MemberRole = "observer"
)

// MemberRoles lists the roles in the order the UI shows them.
var MemberRoles = []MemberRole{MemberFacilitator, MemberDeciding, MemberConsulted, MemberObserver}

// MemberRoleLabel is how the UI names a role.
var MemberRoleLabel = map[MemberRole]Text{
	MemberFacilitator: T("Fasilitator", "Facilitator"),
	MemberDeciding:    T("Anggota pengambil keputusan", "Deciding member"),
	MemberConsulted:   T("Anggota konsultasi", "Consulted member"),
	MemberObserver:    T("Pengamat", "Observer"),
}

// Valid reports whether r is a known role.
func (r MemberRole) Valid() bool { _, ok := MemberRoleLabel[r]; return ok }

// ForumMember is a member organisation with its representatives.
type ForumMember struct {
	ID              int64            `json:"id"`
	ForumID         int64            `json:"forum_id"`
	OrganizationID  int64            `json:"organization_id"`
	OrgName         string           `json:"organization_name"`
	Sector          Sector           `json:"sector"`
	Public          bool             `json:"public"`
	Role            MemberRole       `json:"role"`
	Acknowledged    bool             `json:"acknowledged"` // of the shared understanding
	Representatives []Representative `json:"representatives"`
	JoinedAt        time.Time        `json:"joined_at"`
}

// MemberInput adds a member or changes its role.
type MemberInput struct {
	OrganizationID int64      `json:"organization_id"`
	Role           MemberRole `json:"role"`
}

// Validate checks the input.
func (in *MemberInput) Validate() error {
	var v Validation
	if in.OrganizationID <= 0 {
		v.Add("organization_id", "Pilih instansi", "Choose the organisation")
	}
	if !in.Role.Valid() {
		v.Add("role", "Peran harus facilitator, deciding, consulted atau observer", "Role must be facilitator, deciding, consulted or observer")
	}
	return v.Err()
}

// Acting records that a representative stands in for an official: Plh
// (pelaksana harian, while the official is away) or Plt (pelaksana tugas,
// while the post is vacant).
type Acting string

const (
	ActingNone Acting = ""
	ActingPlh  Acting = "plh"
	ActingPlt  Acting = "plt"
)

// ActingLabel is how the UI names an acting status.
var ActingLabel = map[Acting]Text{
	ActingPlh: T("Plh (pelaksana harian)", "Plh (acting, official away)"),
	ActingPlt: T("Plt (pelaksana tugas)", "Plt (acting, post vacant)"),
}

// Representative is a person who represents a member organisation.
type Representative struct {
	ID         int64     `json:"id"`
	MemberID   int64     `json:"member_id"`
	PersonID   int64     `json:"person_id"`
	PersonName string    `json:"person_name"`
	Position   string    `json:"position"`
	Acting     Acting    `json:"acting"`
	ActingFor  string    `json:"acting_for"` // the official stood in for
	CreatedAt  time.Time `json:"created_at"`
}

// RepresentativeInput adds a representative.
type RepresentativeInput struct {
	PersonID  int64  `json:"person_id"`
	Acting    Acting `json:"acting"`
	ActingFor string `json:"acting_for"`
}

// Validate checks the input.
func (in *RepresentativeInput) Validate() error {
	in.ActingFor = strings.Join(strings.Fields(in.ActingFor), " ")
	var v Validation
	if in.PersonID <= 0 {
		v.Add("person_id", "Pilih orang dari instansi anggota", "Choose a person of the member organisation")
	}
	switch in.Acting {
	case ActingNone:
		in.ActingFor = ""
	case ActingPlh, ActingPlt:
		if n := utf8.RuneCountInString(in.ActingFor); n < 3 || n > 200 {
			v.Add("acting_for", "Sebutkan jabatan atau pejabat yang digantikan (3–200 karakter)", "Name the official or post stood in for (3–200 characters)")
		}
	default:
		v.Add("acting", "Status harus kosong, plh atau plt", "Acting must be empty, plh or plt")
	}
	return v.Err()
}

// SmallWin is an intermediate outcome of the forum.
type SmallWin struct {
	ID          int64     `json:"id"`
	ForumID     int64     `json:"forum_id"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	AchievedOn  string    `json:"achieved_on"` // YYYY-MM-DD
	CreatedAt   time.Time `json:"created_at"`
}

// SmallWinInput records a small win.
type SmallWinInput struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	AchievedOn  string `json:"achieved_on"`
}

// Validate checks the input.
func (in *SmallWinInput) Validate() error {
	in.Title = strings.Join(strings.Fields(in.Title), " ")
	in.Description = strings.TrimSpace(in.Description)
	var v Validation
	if n := utf8.RuneCountInString(in.Title); n < 3 || n > 200 {
		v.Add("title", "Judul harus 3 sampai 200 karakter", "Title must be 3 to 200 characters")
	}
	if utf8.RuneCountInString(in.Description) > maxText {
		v.Add("description", "Uraian terlalu panjang", "Description too long")
	}
	if !ValidDate(in.AchievedOn) {
		v.Add("achieved_on", "Tanggal harus berformat TTTT-BB-HH", "Date must be YYYY-MM-DD")
	}
	return v.Err()
}

// ValidDate reports whether s is a calendar date YYYY-MM-DD between 1945 and 2100.
func ValidDate(s string) bool {
	d, err := time.Parse("2006-01-02", s)
	return err == nil && d.Year() >= 1945 && d.Year() <= 2100
}
