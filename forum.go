package sinergi

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A forum is a collaborative-governance forum in the sense of Ansell & Gash
// (2008): public agencies engage non-state stakeholders in a formal,
// consensus-oriented, deliberative collective decision process
// (../shared/docs/domain.md §1).

// ForumFocus is what the forum works on (criterion C6).
type ForumFocus string

const (
	FocusPublicPolicy          ForumFocus = "public_policy"
	FocusProgrammeManagement   ForumFocus = "programme_management"
	FocusPublicAssetManagement ForumFocus = "public_asset_management"
	FocusOther                 ForumFocus = "other"
)

// FocusInfo describes a focus.
type FocusInfo struct {
	Code   ForumFocus
	Label  Text
	Public bool // public policy or public management (C6)
}

// Foci lists the foci in the order the UI shows them.
var Foci = []FocusInfo{
	{FocusPublicPolicy, T("Kebijakan publik", "Public policy"), true},
	{FocusProgrammeManagement, T("Manajemen program publik", "Public programme management"), true},
	{FocusPublicAssetManagement, T("Manajemen aset publik", "Public asset management"), true},
	{FocusOther, T("Lainnya", "Other"), false},
}

// LookupFocus returns the description of f.
func LookupFocus(f ForumFocus) (FocusInfo, bool) {
	for _, i := range Foci {
		if i.Code == f {
			return i, true
		}
	}
	return FocusInfo{}, false
}

// Visibility says who may read a forum.
type Visibility string

const (
	VisibilityPublic  Visibility = "public"  // everyone, without login
	VisibilityMembers Visibility = "members" // member organisations and system admins
)

// LegalBasis is a reference to a regulation (e.g. Perpres 109 2020 Pasal 3).
type LegalBasis struct {
	Type    string `json:"type"` // UU, PP, Perpres, Permen, Perda, Pergub, …
	Number  string `json:"number"`
	Year    int    `json:"year"`
	Article string `json:"article"`
}

// String writes "Perpres 109/2020 Pasal 3".
func (l LegalBasis) String() string {
	s := strings.TrimSpace(l.Type + " " + l.Number)
	if l.Year > 0 {
		s += "/" + strconv.Itoa(l.Year)
	}
	if l.Article != "" {
		s += " " + l.Article
	}
	return s
}

// ForumProfile records the model variables of Ansell & Gash that are not
// computed: starting conditions and institutional design.
type ForumProfile struct {
	Asymmetries   string `json:"asymmetries"`   // power, resource and knowledge asymmetries
	Incentives    string `json:"incentives"`    // incentives for and constraints on participation
	Prehistory    string `json:"prehistory"`    // prehistory of cooperation or conflict
	InitialTrust  string `json:"initial_trust"` // low, medium, high or ""
	Inclusiveness string `json:"inclusiveness"` // participatory inclusiveness
	Exclusiveness string `json:"exclusiveness"` // forum exclusiveness
	GroundRules   string `json:"ground_rules"`  // clarity of ground rules
	Transparency  string `json:"transparency"`  // process transparency
}

// TrustLevels are the values of ForumProfile.InitialTrust.
var TrustLevels = []struct {
	Code  string
	Label Text
}{{"low", T("Rendah", "Low")}, {"medium", T("Sedang", "Medium")}, {"high", T("Tinggi", "High")}}

// Forum is a collaborative-governance forum.
type Forum struct {
	ID               int64        `json:"id"`
	Name             string       `json:"name"`
	InitiatorOrgID   int64        `json:"initiator_org_id"`
	InitiatorName    string       `json:"initiator_name"`
	InitiatorPublic  bool         `json:"initiator_public"`
	Focus            ForumFocus   `json:"focus"`
	ProblemStatement string       `json:"problem_statement"`
	Mission          string       `json:"mission"`
	SharedValues     string       `json:"shared_values"`
	Scope            string       `json:"scope"`
	LegalBasis       []LegalBasis `json:"legal_basis"`
	Visibility       Visibility   `json:"visibility"`
	Profile          ForumProfile `json:"profile"`
	Version          int64        `json:"version"`
	CreatedAt        time.Time    `json:"created_at"`
	UpdatedAt        time.Time    `json:"updated_at"`
}

// ForumInput creates or changes a forum.
type ForumInput struct {
	Name             string       `json:"name"`
	InitiatorOrgID   int64        `json:"initiator_org_id"`
	Focus            ForumFocus   `json:"focus"`
	ProblemStatement string       `json:"problem_statement"`
	Mission          string       `json:"mission"`
	SharedValues     string       `json:"shared_values"`
	Scope            string       `json:"scope"`
	LegalBasis       []LegalBasis `json:"legal_basis"`
	Visibility       Visibility   `json:"visibility"`
	Profile          ForumProfile `json:"profile"`
}

// maxText is the longest free text a forum field takes.
const maxText = 20000

// Validate normalises and checks the input.
func (in *ForumInput) Validate() error {
	in.Name = strings.Join(strings.Fields(in.Name), " ")
	for _, p := range []*string{&in.ProblemStatement, &in.Mission, &in.SharedValues, &in.Scope} {
		*p = strings.TrimSpace(*p)
	}
	if in.Visibility == "" {
		in.Visibility = VisibilityPublic
	}
	var v Validation
	if n := utf8.RuneCountInString(in.Name); n < 3 || n > 200 {
		v.Add("name", "Nama forum harus 3 sampai 200 karakter", "Forum name must be 3 to 200 characters")
	}
	if in.InitiatorOrgID <= 0 {
		v.Add("initiator_org_id", "Pilih instansi pemrakarsa", "Choose the initiating organisation")
	}
	if in.Focus == "" {
		v.Add("focus", "Pilih fokus forum", "Choose the forum's focus")
	} else if _, ok := LookupFocus(in.Focus); !ok {
		v.Add("focus", "Fokus harus public_policy, programme_management, public_asset_management atau other", "Focus must be public_policy, programme_management, public_asset_management or other")
	}
	if in.Visibility != VisibilityPublic && in.Visibility != VisibilityMembers {
		v.Add("visibility", "Visibilitas harus public atau members", "Visibility must be public or members")
	}
	for name, s := range map[string]string{"problem_statement": in.ProblemStatement, "mission": in.Mission, "shared_values": in.SharedValues, "scope": in.Scope} {
		if utf8.RuneCountInString(s) > maxText {
			v.Add(name, "Teks terlalu panjang (maksimal 20.000 karakter)", "Text too long (at most 20,000 characters)")
		}
	}
	if len(in.LegalBasis) > 50 {
		v.Add("legal_basis", "Paling banyak 50 dasar hukum", "At most 50 legal bases")
	}
	for i := range in.LegalBasis {
		l := &in.LegalBasis[i]
		l.Type, l.Number, l.Article = strings.TrimSpace(l.Type), strings.TrimSpace(l.Number), strings.TrimSpace(l.Article)
		if l.Type == "" || utf8.RuneCountInString(l.Type) > 50 || utf8.RuneCountInString(l.Number) > 50 || utf8.RuneCountInString(l.Article) > 200 {
			v.Add("legal_basis", "Setiap dasar hukum memerlukan jenis (mis. Perpres), nomor dan tahun", "Each legal basis needs a type (e.g. Perpres), a number and a year")
			break
		}
		if l.Year != 0 && (l.Year < 1945 || l.Year > 2100) {
			v.Add("legal_basis", "Tahun dasar hukum harus antara 1945 dan 2100", "The year of a legal basis must be between 1945 and 2100")
			break
		}
	}
	p := &in.Profile
	for _, s := range []*string{&p.Asymmetries, &p.Incentives, &p.Prehistory, &p.Inclusiveness, &p.Exclusiveness, &p.GroundRules, &p.Transparency} {
		*s = strings.TrimSpace(*s)
		if utf8.RuneCountInString(*s) > maxText {
			v.Add("profile", "Teks profil terlalu panjang", "Profile text too long")
			break
		}
	}
	switch p.InitialTrust {
	case "", "low", "medium", "high":
	default:
		v.Add("profile", "Tingkat kepercayaan awal harus low, medium atau high", "Initial trust must be low, medium or high")
	}
	return v.Err()
}

// ForumFilter selects forums in a list.
type ForumFilter struct {
	Q        string
	Focus    ForumFocus
	OrgID    int64 // forums this organisation initiated or is a member of
	MeetsAll *bool // only forums meeting (or not meeting) all six criteria
	Offset   int
	Limit    int
}
