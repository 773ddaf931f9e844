package sinergi

import (
	"context"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Bantuan Kedinasan (official assistance between public bodies), UU 30/2014
// Pasal 34–37. The rules themselves live in package assist; this file holds
// the types, the checks of well-formed input and the service interface.

// AssistanceStatus is the state of a request in its workflow.
type AssistanceStatus string

const (
	AssistDraft      AssistanceStatus = "draft"
	AssistSubmitted  AssistanceStatus = "submitted"
	AssistAccepted   AssistanceStatus = "accepted"
	AssistRefused    AssistanceStatus = "refused"
	AssistInProgress AssistanceStatus = "in_progress"
	AssistCompleted  AssistanceStatus = "completed"
	AssistCancelled  AssistanceStatus = "cancelled"
)

// AssistanceStatuses lists the states in workflow order.
var AssistanceStatuses = []AssistanceStatus{AssistDraft, AssistSubmitted, AssistAccepted, AssistRefused, AssistInProgress, AssistCompleted, AssistCancelled}

// AssistanceStatusLabel is how the UI names a state (ui.md status tags).
var AssistanceStatusLabel = map[AssistanceStatus]Text{
	AssistDraft:      T("Draf", "Draft"),
	AssistSubmitted:  T("Diajukan", "Submitted"),
	AssistAccepted:   T("Diterima", "Accepted"),
	AssistRefused:    T("Ditolak", "Refused"),
	AssistInProgress: T("Berjalan", "In progress"),
	AssistCompleted:  T("Selesai", "Completed"),
	AssistCancelled:  T("Dibatalkan", "Cancelled"),
}

// ValidAssistanceStatus reports whether s is known.
func ValidAssistanceStatus(s AssistanceStatus) bool {
	_, ok := AssistanceStatusLabel[s]
	return ok
}

// Ground is one ground of a request (Pasal 35 ayat (1) huruf a–e) with the
// requester's explanation.
type Ground struct {
	Letter      string `json:"letter"`
	Explanation string `json:"explanation"`
}

// Grounds is the list of grounds of a request. In JSON it reads either
// plain letters (["a","d"]) or objects ({"letter":"d","explanation":"…"}),
// mixed freely; it is written as objects.
type Grounds []Ground

// UnmarshalJSON accepts letters and objects.
func (g *Grounds) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	out := make(Grounds, 0, len(raw))
	for _, r := range raw {
		var letter string
		if err := json.Unmarshal(r, &letter); err == nil {
			out = append(out, Ground{Letter: letter})
			continue
		}
		var obj struct {
			Letter      string `json:"letter"`
			Explanation string `json:"explanation"`
		}
		dec := json.NewDecoder(strings.NewReader(string(r)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&obj); err != nil {
			return &json.UnmarshalTypeError{Value: "grounds item", Type: reflect.TypeOf(""), Field: "grounds"}
		}
		out = append(out, Ground(obj))
	}
	*g = out
	return nil
}

// Letters returns the letters of the grounds.
func (g Grounds) Letters() []string {
	out := make([]string, len(g))
	for i, x := range g {
		out[i] = x.Letter
	}
	return out
}

// RequestedDocument is a document the requester asks for, with its class.
type RequestedDocument struct {
	Title          string         `json:"title"`
	Classification Classification `json:"classification"`
	Note           string         `json:"note,omitempty"`
}

// Attachment is a reference to a supporting document (title and URL or
// letter number); files are not uploaded.
type Attachment struct {
	Title     string `json:"title"`
	Reference string `json:"reference"`
}

// Responsibility holders (Pasal 37).
const (
	RespRequester = "requester"
	RespProvider  = "provider"
	RespShared    = "shared"
)

// Funding sources of a cost share.
var FundingSources = []struct {
	Code  string
	Label Text
}{
	{"APBN", T("APBN", "State budget (APBN)")},
	{"APBD", T("APBD", "Regional budget (APBD)")},
	{"PNBP", T("PNBP", "Non-tax state revenue (PNBP)")},
	{"BLU", T("BLU", "Public service agency (BLU)")},
	{"other", T("Lainnya", "Other")},
}

// ValidFundingSource reports whether s is a known funding source.
func ValidFundingSource(s string) bool {
	for _, f := range FundingSources {
		if f.Code == s {
			return true
		}
	}
	return false
}

// CostShare is one party's part of the cost of a request.
type CostShare struct {
	OrganizationID   int64  `json:"organization_id"`
	OrganizationName string `json:"organization_name,omitempty"`
	Amount           int64  `json:"amount"`
	FundingSource    string `json:"funding_source"`
	BudgetLine       string `json:"budget_line"`
}

// CostSharing is the agreed split of the cost and each party's confirmation.
type CostSharing struct {
	Shares               []CostShare `json:"shares"`
	RequesterConfirmedAt *time.Time  `json:"requester_confirmed_at"`
	ProviderConfirmedAt  *time.Time  `json:"provider_confirmed_at"`
	Agreed               bool        `json:"agreed"`
}

// HistoryEntry is one step of a request: who, when, what and why.
type HistoryEntry struct {
	At         time.Time        `json:"at"`
	Actor      string           `json:"actor"`
	ActorOrgID int64            `json:"actor_org_id,omitempty"`
	Action     string           `json:"action"`
	FromStatus AssistanceStatus `json:"from_status,omitempty"`
	ToStatus   AssistanceStatus `json:"to_status,omitempty"`
	Note       string           `json:"note,omitempty"`
}

// Responsibility records who answers for what is done under the assistance
// (Pasal 37) and on what basis when it is not the requester.
type Responsibility struct {
	Holder            string     `json:"holder"`
	LegalBasis        string     `json:"legal_basis,omitempty"`
	AgreementRef      string     `json:"agreement_ref,omitempty"`
	RequesterSignedAt *time.Time `json:"requester_signed_at,omitempty"`
	ProviderSignedAt  *time.Time `json:"provider_signed_at,omitempty"`
}

// AssistanceRequest is a request for Bantuan Kedinasan.
type AssistanceRequest struct {
	ID                     int64               `json:"id"`
	Number                 string              `json:"number"`
	ResponseNumber         string              `json:"response_number"`
	RequesterOrgID         int64               `json:"requester_org_id"`
	RequesterOrgName       string              `json:"requester_org_name"`
	RequesterUnitID        *int64              `json:"requester_unit_id"`
	ProviderOrgID          int64               `json:"provider_org_id"`
	ProviderOrgName        string              `json:"provider_org_name"`
	ProviderUnitID         *int64              `json:"provider_unit_id"`
	Subject                string              `json:"subject"`
	Description            string              `json:"description"`
	Grounds                Grounds             `json:"grounds"`
	Emergency              bool                `json:"emergency"`
	EmergencyJustification string              `json:"emergency_justification"`
	NeededBy               string              `json:"needed_by"`
	CostEstimate           int64               `json:"cost_estimate"`
	Classification         Classification      `json:"classification"`
	Activity               string              `json:"activity"`
	Documents              []RequestedDocument `json:"documents"`
	Attachments            []Attachment        `json:"attachments"`
	Responsibility         Responsibility      `json:"responsibility"`
	Status                 AssistanceStatus    `json:"status"`
	SubmittedAt            *time.Time          `json:"submitted_at"`
	DueDate                string              `json:"due_date"`
	RespondedAt            *time.Time          `json:"responded_at"`
	RefusalGround          string              `json:"refusal_ground"`
	RefusalReason          string              `json:"refusal_reason"`
	EscalatedAt            *time.Time          `json:"escalated_at"`
	EscalatedToOrgID       *int64              `json:"escalated_to_org_id"`
	CostSharing            CostSharing         `json:"cost_sharing"`
	Overdue                bool                `json:"overdue"`
	WorkingDaysLeft        *int                `json:"working_days_left"`
	DeemedGranted          bool                `json:"deemed_granted"`
	History                []HistoryEntry      `json:"history,omitempty"`
	Version                int64               `json:"version"`
	CreatedAt              time.Time           `json:"created_at"`
	UpdatedAt              time.Time           `json:"updated_at"`
}

// Input returns the request as the input that would create it: the base a
// change of a draft starts from.
func (r *AssistanceRequest) Input() AssistanceInput {
	return AssistanceInput{RequesterOrgID: r.RequesterOrgID, RequesterUnitID: r.RequesterUnitID, ProviderOrgID: r.ProviderOrgID,
		ProviderUnitID: r.ProviderUnitID, Subject: r.Subject, Description: r.Description, Grounds: append(Grounds{}, r.Grounds...),
		Emergency: r.Emergency, EmergencyJustification: r.EmergencyJustification, NeededBy: r.NeededBy, CostEstimate: r.CostEstimate,
		Classification: r.Classification, Activity: r.Activity, Documents: append([]RequestedDocument{}, r.Documents...),
		Attachments: append([]Attachment{}, r.Attachments...), Responsibility: r.Responsibility.Holder,
		LegalBasis: r.Responsibility.LegalBasis, AgreementRef: r.Responsibility.AgreementRef}
}

// Parties returns the two organisations of the request.
func (r *AssistanceRequest) Parties() []int64 { return []int64{r.RequesterOrgID, r.ProviderOrgID} }

// AssistanceInput creates a request. Grounds, needed-by (YYYY-MM-DD) and
// the cost estimate (whole rupiah) follow the API contract.
type AssistanceInput struct {
	RequesterOrgID         int64               `json:"requester_org_id"`
	RequesterUnitID        *int64              `json:"requester_unit_id"`
	ProviderOrgID          int64               `json:"provider_org_id"`
	ProviderUnitID         *int64              `json:"provider_unit_id"`
	Subject                string              `json:"subject"`
	Description            string              `json:"description"`
	Grounds                Grounds             `json:"grounds"`
	Emergency              bool                `json:"emergency"`
	EmergencyJustification string              `json:"emergency_justification"`
	NeededBy               string              `json:"needed_by"`
	CostEstimate           int64               `json:"cost_estimate"`
	Classification         Classification      `json:"classification"`
	Activity               string              `json:"activity"`
	Documents              []RequestedDocument `json:"documents"`
	Attachments            []Attachment        `json:"attachments"`
	Responsibility         string              `json:"responsibility"`
	LegalBasis             string              `json:"legal_basis"`
	AgreementRef           string              `json:"agreement_ref"`
	Submit                 bool                `json:"-"` // create and submit at once (the web form)
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// Normalize trims the input and fills defaults.
func (in *AssistanceInput) Normalize() {
	in.Subject = squash(in.Subject)
	in.Description = strings.TrimSpace(in.Description)
	in.EmergencyJustification = strings.TrimSpace(in.EmergencyJustification)
	in.NeededBy = strings.TrimSpace(in.NeededBy)
	in.Activity = squash(in.Activity)
	in.LegalBasis = strings.TrimSpace(in.LegalBasis)
	in.AgreementRef = squash(in.AgreementRef)
	in.Responsibility = strings.TrimSpace(in.Responsibility)
	if in.Responsibility == "" {
		in.Responsibility = RespRequester
	}
	if in.Classification == "" {
		in.Classification = Biasa
	}
	for i := range in.Grounds {
		in.Grounds[i].Letter = strings.ToLower(strings.TrimSpace(in.Grounds[i].Letter))
		in.Grounds[i].Explanation = strings.TrimSpace(in.Grounds[i].Explanation)
	}
	for i := range in.Documents {
		in.Documents[i].Title = squash(in.Documents[i].Title)
		in.Documents[i].Note = strings.TrimSpace(in.Documents[i].Note)
		if in.Documents[i].Classification == "" {
			in.Documents[i].Classification = Biasa
		}
	}
	for i := range in.Attachments {
		in.Attachments[i].Title = squash(in.Attachments[i].Title)
		in.Attachments[i].Reference = strings.TrimSpace(in.Attachments[i].Reference)
	}
}

func tooLong(v *Validation, field, s string, max int) {
	if utf8.RuneCountInString(s) > max {
		v.Add(field, "Isian terlalu panjang (paling banyak "+itoa(max)+" karakter)", "Too long (at most "+itoa(max)+" characters)")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// ParseDate reads a calendar date "YYYY-MM-DD".
func ParseDate(s string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// Validate checks well-formed input (400 when wrong). The rules of the law
// (grounds, parties) are checked by package assist (422).
func (in *AssistanceInput) Validate() error {
	var v Validation
	if in.RequesterOrgID <= 0 {
		v.Add("requester_org_id", "Pilih instansi pemohon", "Choose the requesting organisation")
	}
	if in.ProviderOrgID <= 0 {
		v.Add("provider_org_id", "Pilih instansi yang dimintai bantuan", "Choose the organisation asked for assistance")
	}
	if in.RequesterUnitID != nil && *in.RequesterUnitID <= 0 {
		v.Add("requester_unit_id", "Unit kerja tidak valid", "Invalid unit")
	}
	if in.ProviderUnitID != nil && *in.ProviderUnitID <= 0 {
		v.Add("provider_unit_id", "Unit kerja tidak valid", "Invalid unit")
	}
	if n := utf8.RuneCountInString(in.Subject); n < 5 || n > 200 {
		v.Add("subject", "Perihal harus 5 sampai 200 karakter", "Subject must be 5 to 200 characters")
	}
	if in.Description == "" {
		v.Add("description", "Uraikan bantuan yang diminta", "Describe the assistance requested")
	}
	tooLong(&v, "description", in.Description, 10000)
	if len(in.Grounds) > 5 {
		v.Add("grounds", "Paling banyak lima dasar permohonan (huruf a–e)", "At most five grounds (letters a–e)")
	}
	for _, g := range in.Grounds {
		tooLong(&v, "grounds", g.Explanation, 2000)
	}
	if in.Emergency && in.EmergencyJustification == "" {
		v.Add("emergency_justification", "Jelaskan keadaan darurat yang dihadapi", "Explain the emergency")
	}
	tooLong(&v, "emergency_justification", in.EmergencyJustification, 2000)
	if in.NeededBy != "" {
		if _, ok := ParseDate(in.NeededBy); !ok {
			v.Add("needed_by", "Tanggal dibutuhkan harus berbentuk TTTT-BB-HH, misalnya 2026-12-01", "Needed-by must be a date YYYY-MM-DD, e.g. 2026-12-01")
		}
	}
	if in.CostEstimate < 0 || in.CostEstimate > 1e15 {
		v.Add("cost_estimate", "Perkiraan biaya harus antara Rp0 dan Rp1.000.000.000.000.000", "The cost estimate must be between Rp0 and Rp1,000,000,000,000,000")
	}
	if !ValidClassification(in.Classification) {
		v.Add("classification", "Klasifikasi harus biasa, terbatas atau rahasia", "Classification must be biasa, terbatas or rahasia")
	}
	tooLong(&v, "activity", in.Activity, 200)
	if len(in.Documents) > 50 {
		v.Add("documents", "Paling banyak 50 dokumen", "At most 50 documents")
	}
	for _, d := range in.Documents {
		if d.Title == "" {
			v.Add("documents", "Setiap dokumen yang diminta perlu judul", "Every requested document needs a title")
		}
		tooLong(&v, "documents", d.Title, 300)
		tooLong(&v, "documents", d.Note, 2000)
		if !ValidClassification(d.Classification) {
			v.Add("documents", "Klasifikasi dokumen harus biasa, terbatas atau rahasia", "A document's classification must be biasa, terbatas or rahasia")
		}
	}
	if len(in.Attachments) > 50 {
		v.Add("attachments", "Paling banyak 50 lampiran", "At most 50 attachments")
	}
	for _, a := range in.Attachments {
		if a.Title == "" || a.Reference == "" {
			v.Add("attachments", "Setiap lampiran perlu judul dan rujukan (URL atau nomor surat)", "Every attachment needs a title and a reference (URL or letter number)")
		}
		tooLong(&v, "attachments", a.Title, 300)
		tooLong(&v, "attachments", a.Reference, 1000)
	}
	switch in.Responsibility {
	case RespRequester, RespProvider, RespShared:
	default:
		v.Add("responsibility", "Tanggung jawab harus requester, provider atau shared", "Responsibility must be requester, provider or shared")
	}
	tooLong(&v, "legal_basis", in.LegalBasis, 1000)
	tooLong(&v, "agreement_ref", in.AgreementRef, 300)
	return v.Err()
}

// RefusalInput refuses a request (Pasal 36).
type RefusalInput struct {
	Ground string `json:"ground"`
	Reason string `json:"reason"`
}

// CostSharingInput sets the cost sharing of a request.
type CostSharingInput struct {
	Shares []CostShare `json:"shares"`
}

// StepInput is the optional note of a workflow step.
type StepInput struct {
	Note string `json:"note"`
}

// AssistanceFilter selects requests in a list.
type AssistanceFilter struct {
	Status    AssistanceStatus
	Role      string // "requester" or "provider": the actor's organisation's side
	Overdue   *bool
	Emergency *bool
	Offset    int
	Limit     int
}

// AssistanceService manages Bantuan Kedinasan requests.
type AssistanceService interface {
	AssistanceRequest(ctx context.Context, id int64) (*AssistanceRequest, error)
	AssistanceRequests(ctx context.Context, f AssistanceFilter) (List[AssistanceRequest], error)
	CreateAssistanceRequest(ctx context.Context, in AssistanceInput) (*AssistanceRequest, error)
	// UpdateAssistanceRequest changes a draft: edit receives the draft as
	// input and changes it (e.g. by decoding a JSON merge patch onto it).
	UpdateAssistanceRequest(ctx context.Context, id, version int64, edit func(in *AssistanceInput) error) (*AssistanceRequest, error)
	SubmitAssistanceRequest(ctx context.Context, id, version int64, in StepInput) (*AssistanceRequest, error)
	AcceptAssistanceRequest(ctx context.Context, id, version int64, in StepInput) (*AssistanceRequest, error)
	RefuseAssistanceRequest(ctx context.Context, id, version int64, in RefusalInput) (*AssistanceRequest, error)
	StartAssistanceRequest(ctx context.Context, id, version int64, in StepInput) (*AssistanceRequest, error)
	CompleteAssistanceRequest(ctx context.Context, id, version int64, in StepInput) (*AssistanceRequest, error)
	CancelAssistanceRequest(ctx context.Context, id, version int64, in StepInput) (*AssistanceRequest, error)
	SetCostSharing(ctx context.Context, id, version int64, in CostSharingInput) (*AssistanceRequest, error)
	ConfirmCostSharing(ctx context.Context, id, version, orgID int64) (*AssistanceRequest, error)
	SignResponsibility(ctx context.Context, id, version, orgID int64) (*AssistanceRequest, error)
}
