package sinergi

import (
	"path"
	"strings"
	"time"
	"unicode/utf8"
)

// Follow-up of a kerja sama agreement (issue 5, items 2 and 6):
// implementation reports with evidence files and linked activities, the
// reporting interval, obligations marked done and the parties' roles and
// signatories edited.

// Reporting is an agreement's reporting state: its interval, the date of
// the last report and when the next is due.
type Reporting struct {
	IntervalMonths int    `json:"interval_months"`
	LastReportDate string `json:"last_report_date"`
	NextDue        string `json:"next_due"`
	Overdue        bool   `json:"overdue"`
	Reports        int    `json:"reports"`
}

// ReportFile is an evidence file of a report (its content is downloaded
// separately).
type ReportFile struct {
	ID          int64     `json:"id"`
	Name        string    `json:"name"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	UploadedBy  string    `json:"uploaded_by"`
	CreatedAt   time.Time `json:"created_at"`
}

// ReportActivity is an activity linked to a report.
type ReportActivity struct {
	ID          int64        `json:"id"`
	Type        ActivityType `json:"type"`
	Date        string       `json:"date"`
	Description string       `json:"description"`
	FromOrgID   int64        `json:"from_org_id"`
	ToOrgID     int64        `json:"to_org_id"`
}

// AgreementReport is one implementation report of an agreement.
type AgreementReport struct {
	ID          int64            `json:"id"`
	AgreementID int64            `json:"agreement_id"`
	PeriodStart string           `json:"period_start"`
	PeriodEnd   string           `json:"period_end"`
	ReportDate  string           `json:"report_date"`
	Narrative   string           `json:"narrative"`
	Outcome     string           `json:"outcome"`
	AuthorID    *int64           `json:"author_id"`
	AuthorName  string           `json:"author_name"`
	Files       []ReportFile     `json:"files"`
	Activities  []ReportActivity `json:"activities"`
	Version     int64            `json:"version"`
	CreatedAt   time.Time        `json:"created_at"`
	UpdatedAt   time.Time        `json:"updated_at"`
}

// ReportInput writes an implementation report.
type ReportInput struct {
	PeriodStart string  `json:"period_start"`
	PeriodEnd   string  `json:"period_end"`
	ReportDate  string  `json:"report_date"`
	Narrative   string  `json:"narrative"`
	Outcome     string  `json:"outcome"`
	ActivityIDs []int64 `json:"activity_ids"`
}

// Validate trims and checks a report (400 when wrong).
func (in *ReportInput) Validate() error {
	var v Validation
	in.PeriodStart, in.PeriodEnd, in.ReportDate = strings.TrimSpace(in.PeriodStart), strings.TrimSpace(in.PeriodEnd), strings.TrimSpace(in.ReportDate)
	in.Narrative, in.Outcome = strings.TrimSpace(in.Narrative), strings.TrimSpace(in.Outcome)
	ps, okS := ParseDate(in.PeriodStart)
	pe, okE := ParseDate(in.PeriodEnd)
	rd, okR := ParseDate(in.ReportDate)
	if !okS {
		v.Add("period_start", "Awal periode harus berbentuk TTTT-BB-HH", "period_start must be a date YYYY-MM-DD")
	}
	if !okE {
		v.Add("period_end", "Akhir periode harus berbentuk TTTT-BB-HH", "period_end must be a date YYYY-MM-DD")
	}
	if !okR {
		v.Add("report_date", "Tanggal laporan harus berbentuk TTTT-BB-HH", "report_date must be a date YYYY-MM-DD")
	}
	if okS && okE && pe.Before(ps) {
		v.Add("period_end", "Akhir periode tidak boleh sebelum awalnya", "period_end must not be before period_start")
	}
	if okE && okR && rd.Before(pe) {
		v.Add("report_date", "Laporan dibuat pada atau sesudah akhir periode", "report_date must be on or after period_end")
	}
	for _, t := range []time.Time{ps, pe, rd} {
		if !t.IsZero() && (t.Year() < 1945 || t.Year() > 2200) {
			v.Add("report_date", "Tahun harus antara 1945 dan 2200", "The year must be between 1945 and 2200")
			break
		}
	}
	if utf8.RuneCountInString(in.Narrative) < 10 {
		v.Add("narrative", "Uraikan pelaksanaan kerja sama (paling sedikit 10 karakter)", "Describe the implementation (at least 10 characters)")
	}
	tooLong(&v, "narrative", in.Narrative, 20000)
	tooLong(&v, "outcome", in.Outcome, 10000)
	badText(&v, "narrative", in.Narrative)
	badText(&v, "outcome", in.Outcome)
	if len(in.ActivityIDs) > 100 {
		v.Add("activity_ids", "Paling banyak 100 kegiatan", "At most 100 activities")
	}
	seen := map[int64]bool{}
	for _, id := range in.ActivityIDs {
		if id <= 0 || seen[id] {
			v.Add("activity_ids", "Nomor kegiatan harus bilangan bulat positif, masing-masing sekali", "Activity ids must be positive integers, each once")
			break
		}
		seen[id] = true
	}
	return v.Err()
}

// ReportingInput sets an agreement's reporting interval.
type ReportingInput struct {
	IntervalMonths int `json:"interval_months"`
}

// Validate checks the interval (1 to 60 months).
func (in *ReportingInput) Validate() error {
	var v Validation
	if in.IntervalMonths < 1 || in.IntervalMonths > 60 {
		v.Add("interval_months", "Interval pelaporan harus 1 sampai 60 bulan", "interval_months must be 1 to 60")
	}
	return v.Err()
}

// ObligationDoneInput marks an obligation done.
type ObligationDoneInput struct {
	Date string `json:"date"`
	Note string `json:"note"`
}

// Validate checks the date and note.
func (in *ObligationDoneInput) Validate() error {
	var v Validation
	in.Date, in.Note = strings.TrimSpace(in.Date), strings.TrimSpace(in.Note)
	if d, ok := ParseDate(in.Date); !ok || d.Year() < 1945 || d.Year() > 2200 {
		v.Add("date", "Tanggal pelaksanaan harus berbentuk TTTT-BB-HH", "date must be a date YYYY-MM-DD")
	}
	tooLong(&v, "note", in.Note, 2000)
	badText(&v, "note", in.Note)
	return v.Err()
}

// PartyEditInput changes a party's role and signatories.
type PartyEditInput struct {
	Role        string      `json:"role"`
	Signatories []Signatory `json:"signatories"`
}

// Validate normalises and checks the party edit with the same checks as a
// new agreement's parties.
func (in *PartyEditInput) Validate(orgID int64) error {
	a := AgreementInput{Parties: []PartyInput{{OrganizationID: orgID, Role: in.Role, Signatories: in.Signatories}}}
	a.Normalize()
	in.Role, in.Signatories = a.Parties[0].Role, a.Parties[0].Signatories
	if in.Signatories == nil {
		in.Signatories = []Signatory{}
	}
	err := a.Validate()
	if err == nil {
		return nil
	}
	// keep only the problems of the party itself: the rest of the empty
	// agreement is not being edited
	var v Validation
	if e, ok := err.(*Error); ok {
		for _, f := range e.Fields {
			if f.Field == "parties" {
				v.Fields = append(v.Fields, f)
			}
		}
	}
	return v.Err()
}

// MaxEvidenceSize is the largest evidence file (10 MiB).
const MaxEvidenceSize = 10 << 20

// Evidence file types, by what their content is (never by their name).
const (
	EvidencePDF  = "application/pdf"
	EvidencePNG  = "image/png"
	EvidenceJPEG = "image/jpeg"
	EvidenceText = "text/plain; charset=utf-8"
	EvidenceXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	EvidenceDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)

// SniffEvidence returns the content type of an evidence file from its
// content (SniffFile): PDF, PNG, JPEG, plain UTF-8 text, or an Office Open
// XML spreadsheet or document. ok is false for anything else.
func SniffEvidence(b []byte) (string, bool) {
	ct, ok := map[FileKind]string{FilePDF: EvidencePDF, FilePNG: EvidencePNG, FileJPEG: EvidenceJPEG, FileText: EvidenceText,
		FileXLSX: EvidenceXLSX, FileDOCX: EvidenceDOCX}[SniffFile(b)]
	return ct, ok
}

// CheckEvidence refuses an empty, too large (CodeTooLarge) or unknown
// evidence file.
func CheckEvidence(data []byte) error {
	if len(data) > MaxEvidenceSize {
		return EvidenceTooLarge()
	}
	var v Validation
	if len(data) == 0 {
		v.Add("file", "Berkas kosong", "The file is empty")
	} else if _, ok := SniffEvidence(data); !ok {
		v.Add("file", "Jenis berkas tidak diterima: unggah PDF, PNG, JPEG, xlsx, docx atau teks biasa",
			"File type not accepted: upload PDF, PNG, JPEG, xlsx, docx or plain text")
	}
	return v.Err()
}

// EvidenceTooLarge is the error of an evidence file over MaxEvidenceSize.
func EvidenceTooLarge() *Error { return FileTooLarge(MaxEvidenceSize) }

// EvidenceName makes an uploaded file's name safe to show and to offer as a
// download name: the base name, printable, at most 200 characters, with an
// extension fitting its type.
func EvidenceName(name, contentType string) string {
	name = path.Base(strings.ReplaceAll(strings.ToValidUTF8(name, ""), `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`"/:*?<>|;`, r) {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if name == "" || name == "." || name == ".." {
		name = "bukti"
	}
	if r := []rune(name); len(r) > 200 {
		name = string(r[:200])
	}
	ext := map[string]string{EvidencePDF: ".pdf", EvidencePNG: ".png", EvidenceJPEG: ".jpg", EvidenceText: ".txt", EvidenceXLSX: ".xlsx", EvidenceDOCX: ".docx"}[contentType]
	if e := strings.ToLower(path.Ext(name)); ext != "" && e != ext && !(ext == ".jpg" && e == ".jpeg") {
		name += ext
	}
	return name
}

// CanFollowUpAgreement: write reports, upload evidence, mark obligations
// done and edit the parties — the organisation admins of a party and system
// admins.
func CanFollowUpAgreement(a *Actor, parties []int64) bool {
	if a.IsAdmin() {
		return true
	}
	if !a.Authenticated() || !a.Has(RoleOrgAdmin) || a.OrgID == 0 {
		return false
	}
	for _, id := range parties {
		if id == a.OrgID {
			return true
		}
	}
	return false
}
