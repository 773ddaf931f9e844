package sinergi

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Assessments (issue 8): survey campaigns with anonymous answers, Ratner's
// three-stage assessment of a forum or an organisation, and the register of
// challenges and obstacles (../shared/docs/domain.md §3).

// CampaignScope says whom a survey campaign asks.
type CampaignScope string

const (
	ScopeOrganizations CampaignScope = "organizations" // one group per organisation
	ScopeUnits         CampaignScope = "units"         // one group per unit of one organisation
	ScopeForum         CampaignScope = "forum"         // one group per member organisation of a forum
)

// CampaignStatus follows from the dates.
type CampaignStatus string

const (
	CampaignScheduled CampaignStatus = "scheduled"
	CampaignOpen      CampaignStatus = "open"
	CampaignClosed    CampaignStatus = "closed"
)

// CampaignStatusLabel names a status in the UI.
var CampaignStatusLabel = map[CampaignStatus]Text{
	CampaignScheduled: T("Terjadwal", "Scheduled"),
	CampaignOpen:      T("Berjalan", "Open"),
	CampaignClosed:    T("Selesai", "Closed"),
}

// CampaignGroup is a group whose results are reported together.
type CampaignGroup struct {
	Key   string `json:"key"` // "org:12" or "unit:34"
	Label string `json:"label"`
}

// Campaign is a survey campaign.
type Campaign struct {
	ID             int64           `json:"id"`
	Title          string          `json:"title"`
	Instrument     string          `json:"instrument"`
	InstrumentName Text            `json:"instrument_name"`
	Scope          CampaignScope   `json:"scope"`
	ForumID        *int64          `json:"forum_id"`
	OwnerOrgID     int64           `json:"owner_org_id"`
	OwnerOrgName   string          `json:"owner_org_name"`
	Groups         []CampaignGroup `json:"groups"`
	PartnerIDs     []int64         `json:"partner_ids"`
	OpensOn        string          `json:"opens_on"`
	ClosesOn       string          `json:"closes_on"`
	Threshold      int             `json:"threshold"`
	Status         CampaignStatus  `json:"status"`
	Responses      int             `json:"responses"`
	Version        int64           `json:"version"`
	CreatedAt      time.Time       `json:"created_at"`
}

// StatusOn returns the status of the campaign on a day (YYYY-MM-DD).
func (c *Campaign) StatusOn(today string) CampaignStatus {
	switch {
	case today < c.OpensOn:
		return CampaignScheduled
	case today > c.ClosesOn:
		return CampaignClosed
	}
	return CampaignOpen
}

// CampaignInput creates a campaign.
type CampaignInput struct {
	Title           string        `json:"title"`
	Instrument      string        `json:"instrument"`
	Scope           CampaignScope `json:"scope"`
	OrganizationIDs []int64       `json:"organization_ids"`
	UnitIDs         []int64       `json:"unit_ids"`
	ForumID         int64         `json:"forum_id"`
	PartnerIDs      []int64       `json:"partner_ids"`
	OpensOn         string        `json:"opens_on"`
	ClosesOn        string        `json:"closes_on"`
	Threshold       int           `json:"threshold"`
}

// Validate checks the form of the input; the store checks the references.
// known reports whether an instrument code exists and whether it rates
// partners.
func (in *CampaignInput) Validate(known func(string) (exists, perPartner bool)) error {
	in.Title = strings.Join(strings.Fields(in.Title), " ")
	var v Validation
	if n := utf8.RuneCountInString(in.Title); n < 3 || n > 200 {
		v.Add("title", "Judul harus 3 sampai 200 karakter", "The title must be 3 to 200 characters")
	}
	exists, perPartner := known(in.Instrument)
	if !exists {
		v.Add("instrument", "Pilih instrumen: culture, process, success atau levels", "Choose an instrument: culture, process, success or levels")
	}
	switch in.Scope {
	case ScopeOrganizations:
		if len(in.OrganizationIDs) == 0 || len(in.OrganizationIDs) > 200 {
			v.Add("organization_ids", "Pilih 1 sampai 200 instansi sasaran", "Choose 1 to 200 target organisations")
		}
	case ScopeUnits:
		if len(in.UnitIDs) == 0 || len(in.UnitIDs) > 500 {
			v.Add("unit_ids", "Pilih 1 sampai 500 unit kerja sasaran", "Choose 1 to 500 target units")
		}
	case ScopeForum:
		if in.ForumID <= 0 {
			v.Add("forum_id", "Pilih forum sasaran", "Choose the target forum")
		}
	default:
		v.Add("scope", "Sasaran harus organizations, units atau forum", "The scope must be organizations, units or forum")
	}
	if perPartner && (len(in.PartnerIDs) == 0 || len(in.PartnerIDs) > 100) {
		v.Add("partner_ids", "Instrumen tingkat kolaborasi memerlukan 1 sampai 100 instansi mitra", "The levels instrument needs 1 to 100 partner organisations")
	}
	if !perPartner && len(in.PartnerIDs) > 0 {
		v.Add("partner_ids", "Mitra hanya untuk instrumen tingkat kolaborasi", "Partners belong to the levels instrument only")
	}
	if !ValidDate(in.OpensOn) {
		v.Add("opens_on", "Tanggal buka harus berformat TTTT-BB-HH", "The opening date must be YYYY-MM-DD")
	}
	if !ValidDate(in.ClosesOn) {
		v.Add("closes_on", "Tanggal tutup harus berformat TTTT-BB-HH", "The closing date must be YYYY-MM-DD")
	} else if ValidDate(in.OpensOn) && in.ClosesOn < in.OpensOn {
		v.Add("closes_on", "Tanggal tutup tidak boleh sebelum tanggal buka", "The closing date cannot be before the opening date")
	}
	if in.Threshold == 0 {
		in.Threshold = 5
	}
	if in.Threshold < 3 || in.Threshold > 100 {
		v.Add("threshold", "Ambang anonimitas harus 3 sampai 100 jawaban", "The anonymity threshold must be 3 to 100 responses")
	}
	return v.Err()
}

// ResponseInput is one respondent's answers: with a one-time link (token)
// or, without one, with the respondent's login.
type ResponseInput struct {
	Token   string         `json:"token"`
	Group   string         `json:"group"` // unit campaigns answered by login: the respondent's unit
	Answers map[string]int `json:"answers"`
}

// LinkInput asks for one-time links for a group.
type LinkInput struct {
	Group string `json:"group"`
	Count int    `json:"count"`
}

// IssuedLinks are one-time links, shown once.
type IssuedLinks struct {
	CampaignID int64    `json:"campaign_id"`
	Group      string   `json:"group"`
	Tokens     []string `json:"tokens"`
	URLs       []string `json:"urls"`
}

// --- Ratner's assessment ---

// AssessmentSubject is what a Ratner assessment looks at.
type AssessmentSubject string

const (
	SubjectForum        AssessmentSubject = "forum"
	SubjectOrganization AssessmentSubject = "organization"
)

// Assessment is a Ratner (2012) assessment: (1) problems and opportunities,
// (2) the collaborative action plan, (3) strategies to influence.
type Assessment struct {
	ID          int64             `json:"id"`
	Title       string            `json:"title"`
	Subject     AssessmentSubject `json:"subject"`
	ForumID     *int64            `json:"forum_id"`
	OrgID       int64             `json:"organization_id"`
	SubjectName string            `json:"subject_name"`
	Summary     string            `json:"summary"`
	Issues      []AssessmentIssue `json:"issues"`
	// Actions: for a forum, its meeting action items (the same records);
	// for an organisation, the assessment's own actions.
	Actions    []AssessmentAction   `json:"actions"`
	Strategies []AssessmentStrategy `json:"strategies"`
	Version    int64                `json:"version"`
	CreatedAt  time.Time            `json:"created_at"`
	UpdatedAt  time.Time            `json:"updated_at"`
}

// AssessmentInput creates an assessment.
type AssessmentInput struct {
	Title          string `json:"title"`
	ForumID        int64  `json:"forum_id"`
	OrganizationID int64  `json:"organization_id"`
	Summary        string `json:"summary"`
}

// Validate checks the input.
func (in *AssessmentInput) Validate() error {
	in.Title = strings.Join(strings.Fields(in.Title), " ")
	in.Summary = strings.TrimSpace(in.Summary)
	var v Validation
	if n := utf8.RuneCountInString(in.Title); n < 3 || n > 200 {
		v.Add("title", "Judul harus 3 sampai 200 karakter", "The title must be 3 to 200 characters")
	}
	if (in.ForumID > 0) == (in.OrganizationID > 0) {
		v.Add("forum_id", "Pilih satu: forum atau instansi", "Choose one: a forum or an organisation")
	}
	if in.ForumID < 0 || in.OrganizationID < 0 {
		v.Add("organization_id", "Nomor tidak valid", "Invalid id")
	}
	tooLong(&v, "summary", in.Summary, maxText)
	return v.Err()
}

// IssueKind is a stage-1 finding.
type IssueKind string

const (
	IssueProblem     IssueKind = "problem"
	IssueOpportunity IssueKind = "opportunity"
)

// IssueKindLabel names the kinds.
var IssueKindLabel = map[IssueKind]Text{
	IssueProblem:     T("Permasalahan", "Problem"),
	IssueOpportunity: T("Peluang", "Opportunity"),
}

// AssessmentIssue is a problem or opportunity with the stakeholders it affects.
type AssessmentIssue struct {
	ID           int64     `json:"id"`
	Kind         IssueKind `json:"kind"`
	Description  string    `json:"description"`
	Stakeholders string    `json:"stakeholders"`
}

// IssueInput adds a stage-1 finding.
type IssueInput struct {
	Kind         IssueKind `json:"kind"`
	Description  string    `json:"description"`
	Stakeholders string    `json:"stakeholders"`
}

// Validate checks the input.
func (in *IssueInput) Validate() error {
	in.Description, in.Stakeholders = strings.TrimSpace(in.Description), strings.TrimSpace(in.Stakeholders)
	var v Validation
	if _, ok := IssueKindLabel[in.Kind]; !ok {
		v.Add("kind", "Jenis harus problem atau opportunity", "Kind must be problem or opportunity")
	}
	if in.Description == "" {
		v.Add("description", "Uraikan permasalahan atau peluangnya", "Describe the problem or opportunity")
	}
	if in.Stakeholders == "" {
		v.Add("stakeholders", "Sebutkan pemangku kepentingan yang terdampak", "Name the stakeholders affected")
	}
	tooLong(&v, "description", in.Description, 5000)
	tooLong(&v, "stakeholders", in.Stakeholders, 2000)
	return v.Err()
}

// AssessmentAction is a stage-2 action. For a forum assessment it is a
// forum action item (ActionItemID set).
type AssessmentAction struct {
	ID           int64        `json:"id"`
	ActionItemID *int64       `json:"action_item_id"`
	Title        string       `json:"title"`
	Owner        string       `json:"owner"`
	Due          string       `json:"due"`
	Status       ActionStatus `json:"status"`
}

// PlanActionInput adds an action to an organisation's assessment.
type PlanActionInput struct {
	Title  string       `json:"title"`
	Owner  string       `json:"owner"`
	Due    string       `json:"due"`
	Status ActionStatus `json:"status"`
}

// Validate checks the input.
func (in *PlanActionInput) Validate() error {
	in.Title, in.Owner = strings.TrimSpace(in.Title), strings.TrimSpace(in.Owner)
	if in.Status == "" {
		in.Status = ActionOpen
	}
	var v Validation
	if n := utf8.RuneCountInString(in.Title); n < 3 || n > 500 {
		v.Add("title", "Judul aksi harus 3 sampai 500 karakter", "The action must be 3 to 500 characters")
	}
	if in.Owner == "" {
		v.Add("owner", "Sebutkan penanggung jawab", "Name the owner")
	}
	tooLong(&v, "owner", in.Owner, 200)
	if !ValidDate(in.Due) {
		v.Add("due", "Tenggat harus berformat TTTT-BB-HH", "The due date must be YYYY-MM-DD")
	}
	if _, ok := ActionStatusLabel[in.Status]; !ok {
		v.Add("status", "Status tidak dikenal", "Unknown status")
	}
	return v.Err()
}

// AssessmentStrategy is a stage-3 strategy to influence.
type AssessmentStrategy struct {
	ID      int64  `json:"id"`
	Target  string `json:"target"`
	Channel string `json:"channel"`
	Message string `json:"message"`
	Owner   string `json:"owner"`
}

// StrategyInput adds a strategy.
type StrategyInput struct {
	Target  string `json:"target"`
	Channel string `json:"channel"`
	Message string `json:"message"`
	Owner   string `json:"owner"`
}

// Validate checks the input.
func (in *StrategyInput) Validate() error {
	var v Validation
	for _, f := range []struct {
		name string
		p    *string
		max  int
	}{{"target", &in.Target, 500}, {"channel", &in.Channel, 500}, {"message", &in.Message, 5000}, {"owner", &in.Owner, 200}} {
		*f.p = strings.TrimSpace(*f.p)
		if *f.p == "" {
			v.Add(f.name, "Wajib diisi", "Required")
		} else {
			tooLong(&v, f.name, *f.p, f.max)
		}
	}
	return v.Err()
}

// --- challenges and obstacles ---

// ObstacleCategory follows the seed and Astari et al. (2019).
type ObstacleCategory string

// ObstacleCategories lists the categories in the order the UI shows them.
var ObstacleCategories = []struct {
	Code  ObstacleCategory
	Label Text
}{
	{"funding", T("Dana terbatas atau berubah-ubah", "Limited or changing funding")},
	{"approach_time", T("Pendekatan dengan mitra membutuhkan waktu lama", "Approaching partners takes long")},
	{"communication", T("Minimnya komunikasi", "Little communication")},
	{"trust", T("Kurangnya rasa saling percaya", "Little mutual trust")},
	{"mindset", T("Perbedaan pola pikir dan gaya bekerja", "Different mindsets and working styles")},
	{"problem_boundary", T("Batasan masalah tidak jelas", "Unclear problem boundary")},
	{"legal_basis", T("Dasar hukum tidak jelas", "Unclear legal basis")},
	{"other", T("Lainnya", "Other")},
}

// ObstacleCategoryLabel returns the label of a category.
func ObstacleCategoryLabel(c ObstacleCategory) (Text, bool) {
	for _, x := range ObstacleCategories {
		if x.Code == c {
			return x.Label, true
		}
	}
	return Text{}, false
}

// ObstacleAffects names what an obstacle affects.
var ObstacleAffects = map[string]Text{
	"forum":        T("Forum", "Forum"),
	"agreement":    T("Kerja sama", "Agreement"),
	"request":      T("Permintaan Bantuan Kedinasan", "Official assistance request"),
	"organization": T("Instansi", "Organisation"),
}

// ObstacleSeverity labels.
var ObstacleSeverity = map[string]Text{
	"low": T("Rendah", "Low"), "medium": T("Sedang", "Medium"), "high": T("Tinggi", "High"),
}

// ObstacleStatus labels.
var ObstacleStatus = map[string]Text{
	"open": T("Terbuka", "Open"), "mitigating": T("Ditangani", "Being mitigated"), "resolved": T("Selesai", "Resolved"),
}

// Obstacle is an entry of the register.
type Obstacle struct {
	ID           int64            `json:"id"`
	OrgID        int64            `json:"organization_id"`
	OrgName      string           `json:"organization_name"`
	Category     ObstacleCategory `json:"category"`
	Description  string           `json:"description"`
	AffectsKind  string           `json:"affects_kind"`
	AffectsID    int64            `json:"affects_id"`
	AffectsLabel string           `json:"affects_label"`
	Severity     string           `json:"severity"`
	Mitigation   string           `json:"mitigation"`
	Owner        string           `json:"owner"`
	Status       string           `json:"status"`
	ProposalKey  string           `json:"proposal_key"`
	Version      int64            `json:"version"`
	CreatedAt    time.Time        `json:"created_at"`
	UpdatedAt    time.Time        `json:"updated_at"`
}

// ObstacleInput creates or changes an entry.
type ObstacleInput struct {
	OrganizationID int64            `json:"organization_id"`
	Category       ObstacleCategory `json:"category"`
	Description    string           `json:"description"`
	AffectsKind    string           `json:"affects_kind"`
	AffectsID      int64            `json:"affects_id"`
	AffectsLabel   string           `json:"affects_label"`
	Severity       string           `json:"severity"`
	Mitigation     string           `json:"mitigation"`
	Owner          string           `json:"owner"`
	Status         string           `json:"status"`
}

// Validate checks the input.
func (in *ObstacleInput) Validate() error {
	in.Description, in.Mitigation, in.Owner, in.AffectsLabel = strings.TrimSpace(in.Description), strings.TrimSpace(in.Mitigation), strings.TrimSpace(in.Owner), strings.TrimSpace(in.AffectsLabel)
	if in.Status == "" {
		in.Status = "open"
	}
	if in.Severity == "" {
		in.Severity = "medium"
	}
	var v Validation
	if _, ok := ObstacleCategoryLabel(in.Category); !ok {
		v.Add("category", "Kategori tidak dikenal", "Unknown category")
	}
	if in.Description == "" {
		v.Add("description", "Uraikan hambatannya", "Describe the obstacle")
	}
	tooLong(&v, "description", in.Description, 5000)
	tooLong(&v, "mitigation", in.Mitigation, 5000)
	tooLong(&v, "owner", in.Owner, 200)
	tooLong(&v, "affects_label", in.AffectsLabel, 300)
	if _, ok := ObstacleAffects[in.AffectsKind]; !ok {
		v.Add("affects_kind", "Yang terdampak harus forum, agreement, request atau organization", "Affects must be forum, agreement, request or organization")
	}
	if in.AffectsID < 0 {
		v.Add("affects_id", "Nomor tidak valid", "Invalid id")
	}
	if _, ok := ObstacleSeverity[in.Severity]; !ok {
		v.Add("severity", "Tingkat keparahan harus low, medium atau high", "Severity must be low, medium or high")
	}
	if _, ok := ObstacleStatus[in.Status]; !ok {
		v.Add("status", "Status harus open, mitigating atau resolved", "Status must be open, mitigating or resolved")
	}
	return v.Err()
}

// ObstacleProposal is an entry Sinergi proposes from the data; a person
// accepts (it becomes an entry) or dismisses it.
type ObstacleProposal struct {
	Key          string           `json:"key"` // e.g. "forum-legal:3"
	OrgID        int64            `json:"organization_id"`
	Category     ObstacleCategory `json:"category"`
	Description  string           `json:"description"`
	AffectsKind  string           `json:"affects_kind"`
	AffectsID    int64            `json:"affects_id"`
	AffectsLabel string           `json:"affects_label"`
	Severity     string           `json:"severity"`
}
