package sinergi

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// Kerja sama (cooperation agreements): kerja sama daerah under UU 23/2014
// Pasal 363–368 and PP 28/2018, sinergi with the central government, inter-
// agency cooperation and the university hierarchy MoU → MoA → IA. The rules
// live in package kerjasama; this file holds the types, the checks of
// well-formed input and the service interface.

// AgreementKind is the kind of an agreement (API enum values).
type AgreementKind string

const (
	KindKSDD            AgreementKind = "KSDD"             // with another region (PP 28/2018 Pasal 4 huruf a)
	KindKSDPK           AgreementKind = "KSDPK"            // with a third party
	KindKSDPL           AgreementKind = "KSDPL"            // with a local government abroad
	KindKSDLL           AgreementKind = "KSDLL"            // with an institution abroad
	KindNotaKesepakatan AgreementKind = "NOTA_KESEPAKATAN" // sinergi with the central government
	KindInterAgency     AgreementKind = "INTER_AGENCY"     // UU 30/2014 Pasal 34 ayat (4)
	KindMoU             AgreementKind = "MOU"              // university, institution level
	KindMoA             AgreementKind = "MOA"              // university, faculty level
	KindIA              AgreementKind = "IA"               // implementation arrangement, study programme
)

// AgreementKinds lists the kinds in the order the UI shows them.
var AgreementKinds = []AgreementKind{KindKSDD, KindKSDPK, KindKSDPL, KindKSDLL, KindNotaKesepakatan, KindInterAgency, KindMoU, KindMoA, KindIA}

// AgreementKindLabel names each kind.
var AgreementKindLabel = map[AgreementKind]Text{
	KindKSDD:            T("Kerja sama daerah dengan daerah lain (KSDD)", "Cooperation with another region (KSDD)"),
	KindKSDPK:           T("Kerja sama daerah dengan pihak ketiga (KSDPK)", "Cooperation with a third party (KSDPK)"),
	KindKSDPL:           T("Kerja sama daerah dengan pemerintah daerah di luar negeri (KSDPL)", "Cooperation with a local government abroad (KSDPL)"),
	KindKSDLL:           T("Kerja sama daerah dengan lembaga di luar negeri (KSDLL)", "Cooperation with an institution abroad (KSDLL)"),
	KindNotaKesepakatan: T("Nota Kesepakatan (sinergi dengan Pemerintah Pusat)", "Memorandum of agreement with the central government (sinergi)"),
	KindInterAgency:     T("Kerja sama antar-instansi pemerintah", "Inter-agency cooperation"),
	KindMoU:             T("MoU (tingkat institusi)", "MoU (institution)"),
	KindMoA:             T("MoA (tingkat fakultas)", "MoA (faculty)"),
	KindIA:              T("IA (tingkat program studi)", "Implementation arrangement (study programme)"),
}

// ValidAgreementKind reports whether k is known.
func ValidAgreementKind(k AgreementKind) bool { _, ok := AgreementKindLabel[k]; return ok }

// KSDD categories, UU 23/2014 Pasal 363 ayat (3).
const (
	KSDDWajib    = "wajib"
	KSDDSukarela = "sukarela"
)

// AgreementStatus is the state of an agreement. Draft, in process, active
// and terminated are stored; expiring and expired follow from the end date
// of an active agreement and today.
type AgreementStatus string

const (
	AgreementDraft      AgreementStatus = "draft"
	AgreementInProcess  AgreementStatus = "in_process"
	AgreementActive     AgreementStatus = "active"
	AgreementExpiring   AgreementStatus = "expiring"
	AgreementExpired    AgreementStatus = "expired"
	AgreementTerminated AgreementStatus = "terminated"
)

// AgreementStatuses lists the states in order.
var AgreementStatuses = []AgreementStatus{AgreementDraft, AgreementInProcess, AgreementActive, AgreementExpiring, AgreementExpired, AgreementTerminated}

// AgreementStatusLabel is how the UI names a state (ui.md status tags).
var AgreementStatusLabel = map[AgreementStatus]Text{
	AgreementDraft:      T("Draf", "Draft"),
	AgreementInProcess:  T("Dalam proses", "In process"),
	AgreementActive:     T("Aktif", "Active"),
	AgreementExpiring:   T("Akan berakhir", "Expiring"),
	AgreementExpired:    T("Kedaluwarsa", "Expired"),
	AgreementTerminated: T("Berakhir", "Terminated"),
}

// ValidAgreementStatus reports whether s is known.
func ValidAgreementStatus(s AgreementStatus) bool { _, ok := AgreementStatusLabel[s]; return ok }

// Party roles.
const (
	PartyRoleParty   = "party"   // pihak
	PartyRoleLead    = "lead"    // pihak pertama / koordinator
	PartyRoleWitness = "witness" // saksi / mengetahui; not a party to the obligations
)

// Signatory authorities.
const (
	AuthorityHeadOfRegion      = "head_of_region"      // kepala daerah (or the head of the institution)
	AuthorityPowerOfAttorney   = "power_of_attorney"   // pejabat yang diberi kuasa
	AuthorityHeadOfInstitution = "head_of_institution" // rektor, dekan, direktur, menteri …
)

// Documents a signatory signs.
const (
	DocKB    = "kb"    // Kesepakatan Bersama
	DocPKS   = "pks"   // Perjanjian Kerja Sama / kontrak kerja sama
	DocOther = "other" // Nota Kesepakatan, MoU, MoA, IA, …
)

// Signatory is who signs a document for a party.
type Signatory struct {
	Name      string `json:"name"`
	Position  string `json:"position"`
	Authority string `json:"authority"`
	Document  string `json:"document"`
}

// AgreementParty is an organisation in an agreement.
type AgreementParty struct {
	OrganizationID   int64       `json:"organization_id"`
	OrganizationName string      `json:"organization_name,omitempty"`
	Sector           Sector      `json:"sector,omitempty"`
	RegionCode       string      `json:"region_code,omitempty"`
	UnitID           *int64      `json:"unit_id,omitempty"`
	UnitName         string      `json:"unit_name,omitempty"`
	Role             string      `json:"role"`
	Signatories      []Signatory `json:"signatories"`
}

// Obligation is what one party must do, by when.
type Obligation struct {
	ID               int64  `json:"id"`
	OrganizationID   int64  `json:"organization_id"`
	OrganizationName string `json:"organization_name,omitempty"`
	Description      string `json:"description"`
	DueDate          string `json:"due_date"`
	Overdue          bool   `json:"overdue"`
	DoneOn           string `json:"done_on"`
	DoneNote         string `json:"done_note"`
}

// AgreementStage is one stage of the procedure with its date and document.
type AgreementStage struct {
	Code        string     `json:"code"`
	Required    bool       `json:"required"`
	Done        bool       `json:"done"`
	Date        string     `json:"date"`
	DocumentRef string     `json:"document_ref"`
	Note        string     `json:"note"`
	CompletedBy string     `json:"completed_by,omitempty"`
	CompletedAt *time.Time `json:"completed_at,omitempty"`
}

// Termination records how an agreement ended (PP 28/2018 Pasal 9, 22).
type Termination struct {
	Reason      string `json:"reason"`
	Date        string `json:"date"`
	Note        string `json:"note"`
	DocumentRef string `json:"document_ref"`
}

// AgreementRef is a short reference to a related agreement.
type AgreementRef struct {
	ID     int64           `json:"id"`
	Kind   AgreementKind   `json:"kind"`
	Title  string          `json:"title"`
	Status AgreementStatus `json:"status"`
}

// Monitoring names the authority that monitors and evaluates the agreement
// (UU 23/2014 Pasal 368).
type Monitoring struct {
	Authority    string `json:"authority"` // "governor" or "minister_of_home_affairs" or ""
	ProvinceCode string `json:"province_code,omitempty"`
	Text         Text   `json:"text"`
}

// Agreement is one cooperation agreement.
type Agreement struct {
	ID                    int64            `json:"id"`
	Kind                  AgreementKind    `json:"kind"`
	KSDDCategory          string           `json:"ksdd_category"`
	Title                 string           `json:"title"`
	Status                AgreementStatus  `json:"status"`
	ParentID              *int64           `json:"parent_id"`
	PreviousID            *int64           `json:"previous_id"`
	RenewedByID           *int64           `json:"renewed_by_id"`
	Edition               int              `json:"edition"`
	Parties               []AgreementParty `json:"parties"`
	Bordering             bool             `json:"bordering"`
	StartDate             string           `json:"start_date"`
	EndDate               string           `json:"end_date"`
	DaysLeft              *int             `json:"days_left"`
	TermLegalBasis        string           `json:"term_legal_basis"`
	BurdensPublic         bool             `json:"burdens_public"`
	FundedInCurrentBudget bool             `json:"funded_in_current_budget"`
	DPRDRequired          bool             `json:"dprd_required"`
	Urusan                []string         `json:"urusan"`
	Scope                 string           `json:"scope"`
	Obligations           []Obligation     `json:"obligations"`
	Value                 int64            `json:"value"`
	FundingSources        []string         `json:"funding_sources"`
	Stages                []AgreementStage `json:"stages"`
	Termination           *Termination     `json:"termination"`
	Monitoring            Monitoring       `json:"monitoring"`
	Reporting             *Reporting       `json:"reporting,omitempty"`
	Children              []AgreementRef   `json:"children,omitempty"`
	Version               int64            `json:"version"`
	CreatedAt             time.Time        `json:"created_at"`
	UpdatedAt             time.Time        `json:"updated_at"`
}

// PartyIDs returns the organisations of the agreement.
func (a *Agreement) PartyIDs() []int64 {
	out := make([]int64, len(a.Parties))
	for i, p := range a.Parties {
		out[i] = p.OrganizationID
	}
	return out
}

// Stage returns the stage with the code, or nil.
func (a *Agreement) Stage(code string) *AgreementStage {
	for i := range a.Stages {
		if a.Stages[i].Code == code {
			return &a.Stages[i]
		}
	}
	return nil
}

// PartyInput names a party of a new agreement.
type PartyInput struct {
	OrganizationID int64       `json:"organization_id"`
	UnitID         *int64      `json:"unit_id"`
	Role           string      `json:"role"`
	Signatories    []Signatory `json:"signatories"`
}

// ObligationInput is one obligation of a new agreement.
type ObligationInput struct {
	OrganizationID int64  `json:"organization_id"`
	Description    string `json:"description"`
	DueDate        string `json:"due_date"`
}

// AgreementInput creates an agreement (API contract of issue 5).
type AgreementInput struct {
	Kind                  AgreementKind     `json:"kind"`
	KSDDCategory          string            `json:"ksdd_category"`
	Title                 string            `json:"title"`
	Parties               []PartyInput      `json:"parties"`
	Bordering             bool              `json:"bordering"`
	StartDate             string            `json:"start_date"`
	EndDate               string            `json:"end_date"`
	TermLegalBasis        string            `json:"term_legal_basis"`
	BurdensPublic         bool              `json:"burdens_public"`
	FundedInCurrentBudget bool              `json:"funded_in_current_budget"`
	ParentID              *int64            `json:"parent_id"`
	Urusan                []string          `json:"urusan"`
	Scope                 string            `json:"scope"`
	Obligations           []ObligationInput `json:"obligations"`
	Value                 int64             `json:"value"`
	FundingSources        []string          `json:"funding_sources"`
}

// Normalize trims the input and fills defaults.
func (in *AgreementInput) Normalize() {
	in.Kind = AgreementKind(strings.ToUpper(strings.TrimSpace(string(in.Kind))))
	in.KSDDCategory = strings.ToLower(strings.TrimSpace(in.KSDDCategory))
	if in.Kind == KindKSDD && in.KSDDCategory == "" {
		in.KSDDCategory = KSDDSukarela
	}
	in.Title = squash(in.Title)
	in.StartDate, in.EndDate = strings.TrimSpace(in.StartDate), strings.TrimSpace(in.EndDate)
	in.TermLegalBasis = strings.TrimSpace(in.TermLegalBasis)
	in.Scope = strings.TrimSpace(in.Scope)
	for i := range in.Parties {
		p := &in.Parties[i]
		p.Role = strings.TrimSpace(p.Role)
		if p.Role == "" {
			p.Role = PartyRoleParty
		}
		for j := range p.Signatories {
			s := &p.Signatories[j]
			s.Name, s.Position = squash(s.Name), squash(s.Position)
			s.Authority, s.Document = strings.TrimSpace(s.Authority), strings.ToLower(strings.TrimSpace(s.Document))
			if s.Document == "" {
				s.Document = DocOther
			}
		}
	}
	for i := range in.Urusan {
		in.Urusan[i] = strings.TrimSpace(in.Urusan[i])
	}
	for i := range in.FundingSources {
		in.FundingSources[i] = strings.TrimSpace(in.FundingSources[i])
	}
	for i := range in.Obligations {
		in.Obligations[i].Description = strings.TrimSpace(in.Obligations[i].Description)
		in.Obligations[i].DueDate = strings.TrimSpace(in.Obligations[i].DueDate)
	}
}

// badText refuses text that no database stores as text: invalid UTF-8 and
// NUL characters.
func badText(v *Validation, field string, ss ...string) {
	for _, s := range ss {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			v.Add(field, "Isian memuat karakter yang tidak sah", "The input holds invalid characters")
			return
		}
	}
}

// Validate checks well-formed input (400 when wrong). The rules of the law
// (parties, pairings, term, signing) are checked by package kerjasama (422).
func (in *AgreementInput) Validate() error {
	var v Validation
	badText(&v, "title", in.Title)
	badText(&v, "term_legal_basis", in.TermLegalBasis)
	badText(&v, "scope", in.Scope)
	for _, p := range in.Parties {
		for _, s := range p.Signatories {
			badText(&v, "parties", s.Name, s.Position)
		}
	}
	for _, o := range in.Obligations {
		badText(&v, "obligations", o.Description)
	}
	if !ValidAgreementKind(in.Kind) {
		v.Add("kind", "Jenis kerja sama harus salah satu dari KSDD, KSDPK, KSDPL, KSDLL, NOTA_KESEPAKATAN, INTER_AGENCY, MOU, MOA, IA",
			"kind must be one of KSDD, KSDPK, KSDPL, KSDLL, NOTA_KESEPAKATAN, INTER_AGENCY, MOU, MOA, IA")
	}
	switch {
	case in.Kind == KindKSDD && in.KSDDCategory != KSDDWajib && in.KSDDCategory != KSDDSukarela:
		v.Add("ksdd_category", "Kategori KSDD harus wajib atau sukarela", "ksdd_category must be wajib or sukarela")
	case in.Kind != KindKSDD && in.KSDDCategory != "":
		v.Add("ksdd_category", "Kategori wajib/sukarela hanya untuk KSDD", "ksdd_category applies to KSDD only")
	}
	if n := utf8.RuneCountInString(in.Title); n < 5 || n > 300 {
		v.Add("title", "Judul kerja sama harus 5 sampai 300 karakter", "The title must be 5 to 300 characters")
	}
	if len(in.Parties) == 0 {
		v.Add("parties", "Sebutkan para pihak", "Name the parties")
	}
	if len(in.Parties) > 50 {
		v.Add("parties", "Paling banyak 50 pihak", "At most 50 parties")
	}
	seen := map[int64]bool{}
	for _, p := range in.Parties {
		if p.OrganizationID <= 0 {
			v.Add("parties", "Setiap pihak perlu organization_id", "Every party needs an organization_id")
			continue
		}
		if seen[p.OrganizationID] {
			v.Add("parties", "Instansi yang sama disebut dua kali", "The same organisation is named twice")
		}
		seen[p.OrganizationID] = true
		if p.UnitID != nil && *p.UnitID <= 0 {
			v.Add("parties", "Unit kerja tidak valid", "Invalid unit")
		}
		switch p.Role {
		case PartyRoleParty, PartyRoleLead, PartyRoleWitness:
		default:
			v.Add("parties", "Peran pihak harus party, lead atau witness", "A party's role must be party, lead or witness")
		}
		if len(p.Signatories) > 10 {
			v.Add("parties", "Paling banyak 10 penanda tangan per pihak", "At most 10 signatories per party")
		}
		for _, s := range p.Signatories {
			if s.Name == "" || s.Position == "" {
				v.Add("parties", "Setiap penanda tangan perlu nama dan jabatan", "Every signatory needs a name and a position")
			}
			tooLong(&v, "parties", s.Name, 200)
			tooLong(&v, "parties", s.Position, 300)
			switch s.Authority {
			case AuthorityHeadOfRegion, AuthorityPowerOfAttorney, AuthorityHeadOfInstitution:
			default:
				v.Add("parties", "Kewenangan penanda tangan harus head_of_region, power_of_attorney atau head_of_institution", "A signatory's authority must be head_of_region, power_of_attorney or head_of_institution")
			}
			switch s.Document {
			case DocKB, DocPKS, DocOther:
			default:
				v.Add("parties", "Dokumen yang ditandatangani harus kb, pks atau other", "The signed document must be kb, pks or other")
			}
		}
	}
	start, okS := ParseDate(in.StartDate)
	end, okE := ParseDate(in.EndDate)
	if !okS {
		v.Add("start_date", "Tanggal mulai harus berbentuk TTTT-BB-HH, misalnya 2026-01-01", "start_date must be a date YYYY-MM-DD, e.g. 2026-01-01")
	}
	if !okE {
		v.Add("end_date", "Tanggal berakhir harus berbentuk TTTT-BB-HH, misalnya 2030-12-31", "end_date must be a date YYYY-MM-DD, e.g. 2030-12-31")
	}
	if okS && okE && !end.After(start) {
		v.Add("end_date", "Tanggal berakhir harus sesudah tanggal mulai", "end_date must be after start_date")
	}
	if okS && (start.Year() < 1945 || start.Year() > 2200) || okE && (end.Year() < 1945 || end.Year() > 2200) {
		v.Add("start_date", "Tahun harus antara 1945 dan 2200", "The year must be between 1945 and 2200")
	}
	if in.ParentID != nil && *in.ParentID <= 0 {
		v.Add("parent_id", "Kerja sama induk tidak valid", "Invalid parent agreement")
	}
	tooLong(&v, "term_legal_basis", in.TermLegalBasis, 1000)
	tooLong(&v, "scope", in.Scope, 10000)
	if len(in.Urusan) > len(UrusanList) {
		v.Add("urusan", "Terlalu banyak urusan", "Too many affairs")
	}
	useen := map[string]bool{}
	for _, u := range in.Urusan {
		if _, ok := LookupUrusan(u); !ok {
			v.Add("urusan", "Urusan pemerintahan tidak dikenal: "+u, "Unknown government affair: "+u)
		} else if useen[u] {
			v.Add("urusan", "Urusan disebut dua kali: "+u, "Affair named twice: "+u)
		}
		useen[u] = true
	}
	if in.Value < 0 || in.Value > 1e15 {
		v.Add("value", "Nilai kerja sama harus antara Rp0 dan Rp1.000.000.000.000.000", "The value must be between Rp0 and Rp1,000,000,000,000,000")
	}
	if len(in.FundingSources) > 10 {
		v.Add("funding_sources", "Paling banyak 10 sumber dana", "At most 10 funding sources")
	}
	for _, f := range in.FundingSources {
		if !ValidAgreementFunding(f) {
			v.Add("funding_sources", "Sumber dana tidak dikenal: "+f, "Unknown funding source: "+f)
		}
	}
	if len(in.Obligations) > 100 {
		v.Add("obligations", "Paling banyak 100 kewajiban", "At most 100 obligations")
	}
	for _, o := range in.Obligations {
		if !seen[o.OrganizationID] {
			v.Add("obligations", "Kewajiban harus milik salah satu pihak", "An obligation must belong to one of the parties")
		}
		if o.Description == "" {
			v.Add("obligations", "Uraikan setiap kewajiban", "Describe every obligation")
		}
		tooLong(&v, "obligations", o.Description, 2000)
		if o.DueDate != "" {
			if _, ok := ParseDate(o.DueDate); !ok {
				v.Add("obligations", "Tenggat kewajiban harus berbentuk TTTT-BB-HH", "An obligation's due date must be YYYY-MM-DD")
			}
		}
	}
	return v.Err()
}

// AgreementFundingSources are the funding sources of an agreement: those of
// the public budget plus the partner's own money and grants.
var AgreementFundingSources = []struct {
	Code  string
	Label Text
}{
	{"APBN", T("APBN", "State budget (APBN)")},
	{"APBD", T("APBD", "Regional budget (APBD)")},
	{"PNBP", T("PNBP", "Non-tax state revenue (PNBP)")},
	{"BLU", T("BLU", "Public service agency (BLU)")},
	{"partner", T("Dana mitra/pihak ketiga", "Partner's own funds")},
	{"grant", T("Hibah", "Grant")},
	{"other", T("Lainnya", "Other")},
}

// ValidAgreementFunding reports whether s is a known funding source.
func ValidAgreementFunding(s string) bool {
	for _, f := range AgreementFundingSources {
		if f.Code == s {
			return true
		}
	}
	return false
}

// StageInput completes a stage: the date and the document of the stage.
type StageInput struct {
	Date        string `json:"date"`
	DocumentRef string `json:"document_ref"`
	Note        string `json:"note"`
}

// Validate checks the stage input.
func (in *StageInput) Validate() error {
	var v Validation
	in.Date, in.DocumentRef, in.Note = strings.TrimSpace(in.Date), squash(in.DocumentRef), strings.TrimSpace(in.Note)
	if _, ok := ParseDate(in.Date); !ok {
		v.Add("date", "Tanggal tahapan harus berbentuk TTTT-BB-HH", "date must be YYYY-MM-DD")
	}
	tooLong(&v, "document_ref", in.DocumentRef, 300)
	tooLong(&v, "note", in.Note, 2000)
	badText(&v, "document_ref", in.DocumentRef)
	badText(&v, "note", in.Note)
	return v.Err()
}

// TerminationInput ends an agreement.
type TerminationInput struct {
	Reason      string `json:"reason"`
	Date        string `json:"date"`
	Note        string `json:"note"`
	DocumentRef string `json:"document_ref"`
}

// Validate checks the termination input (the reason itself is a rule).
func (in *TerminationInput) Validate() error {
	var v Validation
	in.Reason, in.Date = strings.TrimSpace(in.Reason), strings.TrimSpace(in.Date)
	in.Note, in.DocumentRef = strings.TrimSpace(in.Note), squash(in.DocumentRef)
	if in.Reason == "" {
		v.Add("reason", "Pilih alasan berakhirnya kerja sama", "Choose the reason for termination")
	}
	tooLong(&v, "reason", in.Reason, 50)
	if _, ok := ParseDate(in.Date); !ok {
		v.Add("date", "Tanggal berakhir harus berbentuk TTTT-BB-HH", "date must be YYYY-MM-DD")
	}
	tooLong(&v, "note", in.Note, 2000)
	tooLong(&v, "document_ref", in.DocumentRef, 300)
	badText(&v, "reason", in.Reason)
	badText(&v, "note", in.Note)
	badText(&v, "document_ref", in.DocumentRef)
	return v.Err()
}

// RenewalInput renews an agreement as a new edition linked to the old.
type RenewalInput struct {
	Title          string `json:"title"`
	StartDate      string `json:"start_date"`
	EndDate        string `json:"end_date"`
	TermLegalBasis string `json:"term_legal_basis"`
}

// AgreementFilter selects agreements in a list.
type AgreementFilter struct {
	Status   AgreementStatus
	Kind     AgreementKind
	Q        string
	OrgID    int64
	ParentID int64
	Offset   int
	Limit    int
}

// AgreementService manages the kerja sama registry.
type AgreementService interface {
	Agreement(ctx context.Context, id int64) (*Agreement, error)
	Agreements(ctx context.Context, f AgreementFilter) (List[Agreement], error)
	CreateAgreement(ctx context.Context, in AgreementInput) (*Agreement, error)
	CompleteAgreementStage(ctx context.Context, id, version int64, code string, in StageInput) (*Agreement, error)
	TerminateAgreement(ctx context.Context, id, version int64, in TerminationInput) (*Agreement, error)
	RenewAgreement(ctx context.Context, id, version int64, in RenewalInput) (*Agreement, error)
}

// CanManageAgreement: record stages, terminate or renew an agreement — the
// admins and members of a party, and system admins.
func CanManageAgreement(a *Actor, parties []int64) bool {
	if a.IsAdmin() {
		return true
	}
	for _, id := range parties {
		if CanActForOrganization(a, id) {
			return true
		}
	}
	return false
}

// CanReadAgreements: agreements between public bodies are public
// information; the registry is shown to every logged-in account.
func CanReadAgreements(a *Actor) bool { return a.Authenticated() }
