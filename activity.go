package sinergi

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// Inter-organisational collaboration activities (issue 6), typed by Esteve
// et al. (2013)'s 11 activities (../shared/docs/domain.md §3). A give/receive
// pair is one event seen from both sides: "A gives training to B" is "B
// receives training from A", so the four pairs are one type each with a
// direction (FromOrgID gives, ToOrgID receives) and the 11 activities become
// 7 types.

// ActivityType is the kind of collaboration.
type ActivityType string

const (
	ActInformalCooperation ActivityType = "informal_cooperation"
	ActMutualAidAgreement  ActivityType = "mutual_aid_agreement"
	ActTraining            ActivityType = "training"
	ActJointPlanning       ActivityType = "joint_planning"
	ActEquipment           ActivityType = "equipment"
	ActTechnicalAssistance ActivityType = "technical_assistance"
	ActGrantManagement     ActivityType = "grant_management"
)

// ActivityTypeInfo describes a type.
type ActivityTypeInfo struct {
	Code     ActivityType
	Label    Text
	Directed bool // a give/receive pair: FromOrgID gives, ToOrgID receives
	Give     Text // the giver's side (directed types)
	Receive  Text // the receiver's side (directed types)
}

// ActivityTypes lists the types in Esteve et al.'s order.
var ActivityTypes = []ActivityTypeInfo{
	{ActInformalCooperation, T("Kerja sama informal", "Informal cooperation"), false, Text{}, Text{}},
	{ActMutualAidAgreement, T("Perjanjian saling bantu", "Mutual aid agreement"), false, Text{}, Text{}},
	{ActTraining, T("Pelatihan", "Training"), true, T("Memberi pelatihan", "Giving training"), T("Menerima pelatihan", "Receiving training")},
	{ActJointPlanning, T("Perencanaan bersama", "Joint planning"), false, Text{}, Text{}},
	{ActEquipment, T("Peralatan", "Equipment"), true, T("Menyediakan peralatan", "Providing equipment"), T("Menerima peralatan", "Receiving equipment")},
	{ActTechnicalAssistance, T("Bantuan teknis", "Technical assistance"), true, T("Memberi bantuan teknis", "Giving technical assistance"), T("Menerima bantuan teknis", "Receiving technical assistance")},
	{ActGrantManagement, T("Pengelolaan hibah", "Grant management"), true, T("Memberi pengelolaan hibah", "Giving grant management"), T("Menerima pengelolaan hibah", "Receiving grant management")},
}

// LookupActivityType returns the description of t.
func LookupActivityType(t ActivityType) (ActivityTypeInfo, bool) {
	for _, i := range ActivityTypes {
		if i.Code == t {
			return i, true
		}
	}
	return ActivityTypeInfo{}, false
}

// activityAliases accepts the 11 activity names of Esteve et al. as written
// from one side; the direction stays FromOrgID → ToOrgID (giver → receiver).
var activityAliases = map[string]ActivityType{
	"giving_training": ActTraining, "receiving_training": ActTraining, "give_training": ActTraining, "receive_training": ActTraining,
	"providing_equipment": ActEquipment, "receiving_equipment": ActEquipment, "provide_equipment": ActEquipment, "receive_equipment": ActEquipment,
	"giving_technical_assistance": ActTechnicalAssistance, "receiving_technical_assistance": ActTechnicalAssistance,
	"give_technical_assistance": ActTechnicalAssistance, "receive_technical_assistance": ActTechnicalAssistance,
	"giving_grant_management": ActGrantManagement, "receiving_grant_management": ActGrantManagement,
	"give_grant_management": ActGrantManagement, "receive_grant_management": ActGrantManagement,
}

// Activity is one recorded collaboration between two organisations.
type Activity struct {
	ID                  int64        `json:"id"`
	Type                ActivityType `json:"type"`
	Directed            bool         `json:"directed"`
	FromOrgID           int64        `json:"from_org_id"`
	FromOrgName         string       `json:"from_org_name"`
	FromUnitID          *int64       `json:"from_unit_id"`
	ToOrgID             int64        `json:"to_org_id"`
	ToOrgName           string       `json:"to_org_name"`
	ToUnitID            *int64       `json:"to_unit_id"`
	Date                string       `json:"date"` // YYYY-MM-DD
	Description         string       `json:"description"`
	Evidence            string       `json:"evidence"`
	ValueRupiah         *int64       `json:"value_rupiah"`
	AgreementID         *int64       `json:"agreement_id"`
	ForumID             *int64       `json:"forum_id"`
	AssistanceRequestID *int64       `json:"assistance_request_id"`
	Version             int64        `json:"version"`
	CreatedAt           time.Time    `json:"created_at"`
	UpdatedAt           time.Time    `json:"updated_at"`
}

// ActivityInput is what a client sends to record an activity.
type ActivityInput struct {
	Type                ActivityType `json:"type"`
	FromOrgID           int64        `json:"from_org_id"`
	FromUnitID          *int64       `json:"from_unit_id"`
	ToOrgID             int64        `json:"to_org_id"`
	ToUnitID            *int64       `json:"to_unit_id"`
	Date                string       `json:"date"`
	Description         string       `json:"description"`
	Evidence            string       `json:"evidence"`
	ValueRupiah         *int64       `json:"value_rupiah"`
	AgreementID         *int64       `json:"agreement_id"`
	ForumID             *int64       `json:"forum_id"`
	AssistanceRequestID *int64       `json:"assistance_request_id"`
}

// Normalize trims text and maps the 11 one-sided names onto the 7 types.
func (in *ActivityInput) Normalize() {
	t := strings.ToLower(strings.TrimSpace(string(in.Type)))
	if a, ok := activityAliases[t]; ok {
		t = string(a)
	}
	in.Type = ActivityType(t)
	in.Date = strings.TrimSpace(in.Date)
	in.Description = strings.TrimSpace(in.Description)
	in.Evidence = strings.TrimSpace(in.Evidence)
	for _, p := range []**int64{&in.FromUnitID, &in.ToUnitID, &in.AgreementID, &in.ForumID, &in.AssistanceRequestID} {
		if *p != nil && **p == 0 {
			*p = nil
		}
	}
}

// Validate checks the input's form; existence of the referenced records is
// checked by the store.
func (in *ActivityInput) Validate() error {
	var v Validation
	if in.Type == "" {
		v.Add("type", "Jenis kegiatan wajib diisi", "Activity type is required")
	} else if _, ok := LookupActivityType(in.Type); !ok {
		v.Add("type", "Jenis kegiatan tidak dikenal (informal_cooperation, mutual_aid_agreement, training, joint_planning, equipment, technical_assistance, grant_management)",
			"Unknown activity type (informal_cooperation, mutual_aid_agreement, training, joint_planning, equipment, technical_assistance, grant_management)")
	}
	if in.FromOrgID <= 0 {
		v.Add("from_org_id", "Instansi pemberi/pertama wajib diisi", "The giving (first) organisation is required")
	}
	if in.ToOrgID <= 0 {
		v.Add("to_org_id", "Instansi penerima/kedua wajib diisi", "The receiving (second) organisation is required")
	}
	// Two units of one organisation may record an activity together: the
	// unit-level network (issue 6) counts it as an internal tie for the E-I
	// index (domain.md §7). Without two different units it needs two
	// organisations.
	units := in.FromUnitID != nil && in.ToUnitID != nil && *in.FromUnitID != *in.ToUnitID
	if in.FromOrgID > 0 && in.FromOrgID == in.ToOrgID && !units {
		v.Add("to_org_id", "Kegiatan harus melibatkan dua instansi yang berbeda, atau dua unit kerja berbeda dalam satu instansi",
			"An activity needs two different organisations, or two different units of one organisation")
	}
	for _, p := range []struct {
		name string
		id   *int64
	}{{"from_unit_id", in.FromUnitID}, {"to_unit_id", in.ToUnitID}, {"agreement_id", in.AgreementID}, {"forum_id", in.ForumID}, {"assistance_request_id", in.AssistanceRequestID}} {
		if p.id != nil && *p.id < 0 {
			v.Add(p.name, p.name+" harus bilangan bulat positif", p.name+" must be a positive integer")
		}
	}
	if in.Date == "" {
		v.Add("date", "Tanggal wajib diisi", "Date is required")
	} else if d, err := time.Parse(time.DateOnly, in.Date); err != nil {
		v.Add("date", "Tanggal harus berformat YYYY-MM-DD", "Date must be YYYY-MM-DD")
	} else if d.Year() < 1945 || d.Year() > 2100 {
		v.Add("date", "Tanggal di luar rentang 1945–2100", "Date outside 1945–2100")
	}
	if in.Description == "" {
		v.Add("description", "Uraian wajib diisi", "Description is required")
	} else if utf8.RuneCountInString(in.Description) > 4000 {
		v.Add("description", "Uraian terlalu panjang (maksimal 4000 karakter)", "Description too long (at most 4000 characters)")
	}
	if utf8.RuneCountInString(in.Evidence) > 2000 {
		v.Add("evidence", "Bukti terlalu panjang (maksimal 2000 karakter)", "Evidence too long (at most 2000 characters)")
	}
	if !utf8.ValidString(in.Description) || !utf8.ValidString(in.Evidence) || strings.ContainsRune(in.Description+in.Evidence, 0) {
		v.Add("description", "Teks berisi karakter yang tidak sah", "Text contains invalid characters")
	}
	if in.ValueRupiah != nil && (*in.ValueRupiah < 0 || *in.ValueRupiah > 1e15) {
		v.Add("value_rupiah", "Nilai rupiah harus antara 0 dan 1.000.000.000.000.000", "Rupiah value must be between 0 and 10^15")
	}
	return v.Err()
}

// ActivityFilter selects activities.
type ActivityFilter struct {
	OrgID  int64 // either side
	Type   ActivityType
	From   string // date ≥, YYYY-MM-DD
	To     string // date ≤
	Offset int
	Limit  int
}

// ActivityService records and lists activities.
type ActivityService interface {
	CreateActivity(ctx context.Context, in ActivityInput) (*Activity, error)
	Activity(ctx context.Context, id int64) (*Activity, error)
	Activities(ctx context.Context, f ActivityFilter) (List[Activity], error)
}

// CanRecordActivity: accounts of either organisation, and system admins.
func CanRecordActivity(a *Actor, fromOrg, toOrg int64) bool {
	if a.IsAdmin() {
		return true
	}
	return a.Authenticated() && a.OrgID != 0 && (a.OrgID == fromOrg || a.OrgID == toOrg)
}

// CanViewActivities: activities are "biasa" records, for logged-in accounts.
func CanViewActivities(a *Actor) bool { return a.Authenticated() }
