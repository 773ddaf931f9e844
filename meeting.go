package sinergi

import (
	"strings"
	"time"
	"unicode/utf8"
)

// TimeZones are Indonesia's three time zones. Meetings are stored in UTC
// with the zone name they were set in.
var TimeZones = []struct {
	Name   string
	Offset int // hours east of UTC
	Label  Text
}{
	{"WIB", 7, T("WIB (UTC+7)", "WIB (UTC+7)")},
	{"WITA", 8, T("WITA (UTC+8)", "WITA (UTC+8)")},
	{"WIT", 9, T("WIT (UTC+9)", "WIT (UTC+9)")},
}

// Zone returns the location of a zone name (WITA when unknown).
func Zone(name string) *time.Location {
	for _, z := range TimeZones {
		if z.Name == name {
			return time.FixedZone(z.Name, z.Offset*3600)
		}
	}
	return time.FixedZone("WITA", 8*3600)
}

// ValidZone reports whether name is WIB, WITA or WIT.
func ValidZone(name string) bool {
	for _, z := range TimeZones {
		if z.Name == name {
			return true
		}
	}
	return false
}

// MeetingMode is how a meeting is held.
type MeetingMode string

const (
	ModeInPerson MeetingMode = "in_person"
	ModeOnline   MeetingMode = "online"
	ModeHybrid   MeetingMode = "hybrid"
)

// MeetingModeLabel is how the UI names a mode.
var MeetingModeLabel = map[MeetingMode]Text{
	ModeInPerson: T("Tatap muka", "In person"),
	ModeOnline:   T("Daring", "Online"),
	ModeHybrid:   T("Hibrida", "Hybrid"),
}

// Meeting is a forum meeting with its attendance, minutes and action items.
type Meeting struct {
	ID            int64        `json:"id"`
	ForumID       int64        `json:"forum_id"`
	StartsAt      time.Time    `json:"starts_at"` // UTC
	TimeZone      string       `json:"time_zone"`
	Mode          MeetingMode  `json:"mode"`
	Place         string       `json:"place"`
	Agenda        string       `json:"agenda"`
	Minutes       string       `json:"minutes"`
	MinutesPublic bool         `json:"minutes_public"`
	Attendance    []Attendee   `json:"attendance"`
	ActionItems   []ActionItem `json:"action_items"`
	Version       int64        `json:"version"`
	CreatedAt     time.Time    `json:"created_at"`
}

// Local is the start time in the meeting's own zone.
func (m *Meeting) Local() time.Time { return m.StartsAt.In(Zone(m.TimeZone)) }

// MeetingInput creates or changes a meeting.
type MeetingInput struct {
	StartsAt      time.Time   `json:"starts_at"`
	TimeZone      string      `json:"time_zone"`
	Mode          MeetingMode `json:"mode"`
	Place         string      `json:"place"`
	Agenda        string      `json:"agenda"`
	Minutes       string      `json:"minutes"`
	MinutesPublic bool        `json:"minutes_public"`
}

// Validate normalises and checks the input.
func (in *MeetingInput) Validate() error {
	in.Place = strings.Join(strings.Fields(in.Place), " ")
	in.Agenda, in.Minutes = strings.TrimSpace(in.Agenda), strings.TrimSpace(in.Minutes)
	if in.TimeZone == "" {
		in.TimeZone = "WITA"
	}
	var v Validation
	if in.StartsAt.IsZero() || in.StartsAt.Year() < 2000 || in.StartsAt.Year() > 2100 {
		v.Add("starts_at", "Isi tanggal dan jam rapat", "Give the meeting's date and time")
	}
	if !ValidZone(in.TimeZone) {
		v.Add("time_zone", "Zona waktu harus WIB, WITA atau WIT", "Time zone must be WIB, WITA or WIT")
	}
	if _, ok := MeetingModeLabel[in.Mode]; !ok {
		v.Add("mode", "Bentuk rapat harus in_person, online atau hybrid", "Mode must be in_person, online or hybrid")
	}
	if utf8.RuneCountInString(in.Place) > 300 {
		v.Add("place", "Tempat paling banyak 300 karakter", "Place must be at most 300 characters")
	}
	if utf8.RuneCountInString(in.Agenda) > maxText {
		v.Add("agenda", "Agenda terlalu panjang", "Agenda too long")
	}
	if utf8.RuneCountInString(in.Minutes) > 5*maxText {
		v.Add("minutes", "Notulen terlalu panjang (maksimal 100.000 karakter)", "Minutes too long (at most 100,000 characters)")
	}
	in.StartsAt = in.StartsAt.UTC().Truncate(time.Minute)
	return v.Err()
}

// Attendee is an organisation present at a meeting, with the person who
// came (nil when only the organisation is recorded).
type Attendee struct {
	OrganizationID int64  `json:"organization_id"`
	OrgName        string `json:"organization_name"`
	PersonID       *int64 `json:"person_id"`
	PersonName     string `json:"person_name"`
}

// AttendeeInput is one line of the attendance list.
type AttendeeInput struct {
	OrganizationID int64  `json:"organization_id"`
	PersonID       *int64 `json:"person_id"`
}

// AttendanceInput replaces a meeting's attendance list.
type AttendanceInput struct {
	Attendees []AttendeeInput `json:"attendees"`
}

// ActionStatus is the state of an action item.
type ActionStatus string

const (
	ActionOpen      ActionStatus = "open"
	ActionDone      ActionStatus = "done"
	ActionCancelled ActionStatus = "cancelled"
)

// ActionStatusLabel is how the UI names a status.
var ActionStatusLabel = map[ActionStatus]Text{
	ActionOpen:      T("Berjalan", "Open"),
	ActionDone:      T("Selesai", "Done"),
	ActionCancelled: T("Dibatalkan", "Cancelled"),
}

// ActionItem is a follow-up agreed at a meeting (tindak lanjut).
type ActionItem struct {
	ID              int64        `json:"id"`
	MeetingID       int64        `json:"meeting_id"`
	ForumID         int64        `json:"forum_id"`
	Title           string       `json:"title"`
	OwnerOrgID      int64        `json:"owner_org_id"`
	OwnerOrgName    string       `json:"owner_org_name"`
	OwnerPersonID   *int64       `json:"owner_person_id"`
	OwnerPersonName string       `json:"owner_person_name"`
	Due             string       `json:"due"` // YYYY-MM-DD
	Status          ActionStatus `json:"status"`
	DoneOn          string       `json:"done_on"`
	Version         int64        `json:"version"`
	CreatedAt       time.Time    `json:"created_at"`
}

// ActionItemInput creates or changes an action item.
type ActionItemInput struct {
	Title         string       `json:"title"`
	OwnerOrgID    int64        `json:"owner_org_id"`
	OwnerPersonID *int64       `json:"owner_person_id"`
	Due           string       `json:"due"`
	Status        ActionStatus `json:"status"`
	DoneOn        string       `json:"done_on"`
}

// Validate normalises and checks the input.
func (in *ActionItemInput) Validate() error {
	in.Title = strings.Join(strings.Fields(in.Title), " ")
	if in.Status == "" {
		in.Status = ActionOpen
	}
	var v Validation
	if n := utf8.RuneCountInString(in.Title); n < 3 || n > 300 {
		v.Add("title", "Uraian tindak lanjut harus 3 sampai 300 karakter", "The action must be 3 to 300 characters")
	}
	if in.OwnerOrgID <= 0 {
		v.Add("owner_org_id", "Pilih instansi penanggung jawab", "Choose the owning organisation")
	}
	if in.OwnerPersonID != nil && *in.OwnerPersonID <= 0 {
		v.Add("owner_person_id", "Penanggung jawab tidak valid", "Invalid owner")
	}
	if !ValidDate(in.Due) {
		v.Add("due", "Tenggat harus berformat TTTT-BB-HH", "Due date must be YYYY-MM-DD")
	}
	if _, ok := ActionStatusLabel[in.Status]; !ok {
		v.Add("status", "Status harus open, done atau cancelled", "Status must be open, done or cancelled")
	}
	switch {
	case in.Status != ActionDone:
		in.DoneOn = ""
	case in.DoneOn == "":
		v.Add("done_on", "Isi tanggal selesai", "Give the date it was done")
	case !ValidDate(in.DoneOn):
		v.Add("done_on", "Tanggal selesai harus berformat TTTT-BB-HH", "Done date must be YYYY-MM-DD")
	}
	return v.Err()
}
