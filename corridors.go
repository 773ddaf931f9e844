package sinergi

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"sinergi/corridor"
	"sinergi/region"
)

// Corridor programmes (issue 9): regions along shared infrastructure — the
// Makassar–Parepare railway — plan together; station kiosks go to local UMKM
// by published priority rules and a verifiable draw (package corridor).
// Station-area use of state property is a BMN matter; region-to-region parts
// are KSDD; region-to-DJKA parts are "sinergi" (PP 28/2018 Pasal 46).

// Rule ids of the module.
const (
	RuleCorridorClosed     = "KR-CLOSED"
	RuleCorridorCommitment = "KR-COMMITMENT"
	RuleCorridorSeed       = "KR-SEED"
	RuleCorridorAgreement  = "KR-AGREEMENT"
)

// CorridorInfrastructureKind is what the corridor is built along.
type CorridorInfrastructureKind string

const (
	CorridorInfraRailway CorridorInfrastructureKind = "railway"
	CorridorInfraRoad    CorridorInfrastructureKind = "road"
	CorridorInfraPort    CorridorInfrastructureKind = "port"
	CorridorInfraOther   CorridorInfrastructureKind = "other"
)

var CorridorInfrastructureKinds = []CorridorInfrastructureKind{CorridorInfraRailway, CorridorInfraRoad, CorridorInfraPort, CorridorInfraOther}

var CorridorInfrastructureLabel = map[CorridorInfrastructureKind]Text{
	CorridorInfraRailway: T("Jalur kereta api", "Railway"), CorridorInfraRoad: T("Jalan", "Road"),
	CorridorInfraPort: T("Pelabuhan", "Port"), CorridorInfraOther: T("Lainnya", "Other"),
}

// CorridorStationStatus: in service or planned.
type CorridorStationStatus string

const (
	CorridorStationOperating CorridorStationStatus = "operating"
	CorridorStationPlanned   CorridorStationStatus = "planned"
)

var CorridorStationStatusLabel = map[CorridorStationStatus]Text{
	CorridorStationOperating: T("Beroperasi", "Operating"), CorridorStationPlanned: T("Direncanakan", "Planned"),
}

// CorridorPlanCategory is a kind of collaboration step, as the seed names them.
type CorridorPlanCategory string

const (
	CorridorCatLocalWorkforce  CorridorPlanCategory = "local_workforce"
	CorridorCatTradingStations CorridorPlanCategory = "trading_around_stations"
	CorridorCatStationShops    CorridorPlanCategory = "station_shops"
	CorridorCatAccessRoads     CorridorPlanCategory = "access_roads"
	CorridorCatFeederTransport CorridorPlanCategory = "feeder_transport"
)

var CorridorPlanCategories = []CorridorPlanCategory{CorridorCatLocalWorkforce, CorridorCatTradingStations, CorridorCatStationShops, CorridorCatAccessRoads, CorridorCatFeederTransport}

var CorridorPlanCategoryLabel = map[CorridorPlanCategory]Text{
	CorridorCatLocalWorkforce:  T("Tenaga kerja lokal", "Local workforce"),
	CorridorCatTradingStations: T("Berdagang di sekitar stasiun", "Trading around stations"),
	CorridorCatStationShops:    T("Kios stasiun untuk UMKM dan waralaba lokal", "Station shops for UMKM and local franchises"),
	CorridorCatAccessRoads:     T("Jalan akses", "Access roads"),
	CorridorCatFeederTransport: T("Angkutan pengumpan", "Feeder transport"),
}

// CorridorStepStatus is the state of a plan step.
type CorridorStepStatus string

const (
	CorridorStepPlanned    CorridorStepStatus = "planned"
	CorridorStepInProgress CorridorStepStatus = "in_progress"
	CorridorStepDone       CorridorStepStatus = "done"
	CorridorStepDelayed    CorridorStepStatus = "delayed"
)

var CorridorStepStatuses = []CorridorStepStatus{CorridorStepPlanned, CorridorStepInProgress, CorridorStepDone, CorridorStepDelayed}

var CorridorStepStatusLabel = map[CorridorStepStatus]Text{
	CorridorStepPlanned: T("Direncanakan", "Planned"), CorridorStepInProgress: T("Berjalan", "In progress"),
	CorridorStepDone: T("Selesai", "Done"), CorridorStepDelayed: T("Terlambat", "Delayed"),
}

// CorridorAppealOutcome is the state of an appeal.
type CorridorAppealOutcome string

const (
	CorridorAppealPending  CorridorAppealOutcome = "pending"
	CorridorAppealUpheld   CorridorAppealOutcome = "upheld"
	CorridorAppealRejected CorridorAppealOutcome = "rejected"
)

var CorridorAppealOutcomeLabel = map[CorridorAppealOutcome]Text{
	CorridorAppealPending: T("Diproses", "Pending"), CorridorAppealUpheld: T("Diterima", "Upheld"), CorridorAppealRejected: T("Ditolak", "Rejected"),
}

var CorridorSizeLabel = map[corridor.Size]Text{
	corridor.Micro: T("Mikro", "Micro"), corridor.Small: T("Kecil", "Small"), corridor.Medium: T("Menengah", "Medium"),
}

// CorridorOrg is a participating organisation; managers administer the
// programme (applications, commitment, draw, appeals).
type CorridorOrg struct {
	OrganizationID int64  `json:"organization_id"`
	Name           string `json:"name"`
	Role           string `json:"role"`
	Manager        bool   `json:"manager"`
}

// CorridorStation is a station (or segment stop) of the corridor.
type CorridorStation struct {
	ID          int64                 `json:"id"`
	Name        string                `json:"name"`
	RegionCode  string                `json:"region_code"`
	RegencyCode string                `json:"regency_code"`
	Status      CorridorStationStatus `json:"status"`
	Kiosks      int                   `json:"kiosks"`
}

// CorridorPlanStep is one collaboration step of a region's plan.
type CorridorPlanStep struct {
	Category  CorridorPlanCategory `json:"category"`
	Title     string               `json:"title"`
	Owner     string               `json:"owner"`
	StartDate string               `json:"start_date,omitempty"`
	DueDate   string               `json:"due_date,omitempty"`
	Status    CorridorStepStatus   `json:"status"`
}

// CorridorVendorZone is a zone for street vendors around a station with its monthly
// retribution tariff; OverCap flags a tariff above the plan's cap.
type CorridorVendorZone struct {
	Name      string `json:"name"`
	StationID *int64 `json:"station_id"`
	Tariff    int64  `json:"tariff"`
	OverCap   bool   `json:"over_cap"`
}

// CorridorPlan is the plan of one region of the corridor.
type CorridorPlan struct {
	RegionCode   string               `json:"region_code"`
	RegionName   string               `json:"region_name"`
	TariffCap    int64                `json:"tariff_cap"`
	HiringTarget int                  `json:"hiring_target_percent"`
	HiredTotal   int                  `json:"hired_total"`
	HiredLocal   int                  `json:"hired_local"`
	LocalShare   float64              `json:"local_share_percent"`
	Note         string               `json:"note"`
	Steps        []CorridorPlanStep   `json:"steps"`
	Zones        []CorridorVendorZone `json:"vendor_zones"`
	FlaggedZones int                  `json:"flagged_zones"`
}

// Corridor is a corridor programme.
type Corridor struct {
	ID                  int64                      `json:"id"`
	Name                string                     `json:"name"`
	Infrastructure      CorridorInfrastructureKind `json:"infrastructure"`
	OwnerOrgID          int64                      `json:"owner_org_id"`
	OwnerOrgName        string                     `json:"owner_org_name"`
	OwnerBody           string                     `json:"owner_body"`
	Description         string                     `json:"description"`
	ForumID             *int64                     `json:"forum_id"`
	Regions             []string                   `json:"regions"`
	FranchiseRule       corridor.FranchiseRule     `json:"franchise_rule"`
	ApplicationsCloseAt *time.Time                 `json:"applications_close_at"`
	ApplicationsOpen    bool                       `json:"applications_open"`
	Applications        int                        `json:"applications"`
	Organizations       []CorridorOrg              `json:"organizations"`
	Stations            []CorridorStation          `json:"stations"`
	Plans               []CorridorPlan             `json:"plans"`
	Agreements          []CorridorAgreement        `json:"agreements"`
	Version             int64                      `json:"version"`
	CreatedAt           time.Time                  `json:"created_at"`
	UpdatedAt           time.Time                  `json:"updated_at"`
}

// CorridorSummary is a corridor in a list.
type CorridorSummary struct {
	ID             int64                      `json:"id"`
	Name           string                     `json:"name"`
	Infrastructure CorridorInfrastructureKind `json:"infrastructure"`
	OwnerBody      string                     `json:"owner_body"`
	Regions        []string                   `json:"regions"`
	Stations       int                        `json:"stations"`
	Kiosks         int                        `json:"kiosks"`
}

// CorridorApplication is a UMKM application for station kiosks. OwnerName is
// personal data, shown to the programme's managers only.
type CorridorApplication struct {
	ID              int64         `json:"id"`
	BusinessName    string        `json:"business_name"`
	OwnerName       string        `json:"owner_name,omitempty"`
	DomicileCode    string        `json:"domicile_code"`
	DomicileName    string        `json:"domicile_name"`
	Size            corridor.Size `json:"size"`
	LocalFranchise  bool          `json:"local_franchise"`
	NIB             string        `json:"nib"`
	ProductCategory string        `json:"product_category"`
	Stations        []int64       `json:"stations"`
	CreatedAt       time.Time     `json:"created_at"`
}

// CorridorDraw is a draw: committed (commitment published) or drawn.
type CorridorDraw struct {
	ID          int64      `json:"id"`
	Commitment  string     `json:"commitment"`
	CommittedAt time.Time  `json:"committed_at"`
	Status      string     `json:"status"`
	DrawnAt     *time.Time `json:"drawn_at"`
	Assigned    int        `json:"assigned"`
	Waiting     int        `json:"waiting"`
}

// CorridorAppeal is an appeal against a draw, with its outcome.
type CorridorAppeal struct {
	ID            int64                 `json:"id"`
	DrawID        int64                 `json:"draw_id"`
	ApplicationID int64                 `json:"application_id"`
	BusinessName  string                `json:"business_name"`
	Grounds       string                `json:"grounds"`
	Outcome       CorridorAppealOutcome `json:"outcome"`
	Decision      string                `json:"decision"`
	DecidedAt     *time.Time            `json:"decided_at"`
	CreatedAt     time.Time             `json:"created_at"`
}

// CorridorOrgInput names a participating organisation.
type CorridorOrgInput struct {
	OrganizationID int64  `json:"organization_id"`
	Role           string `json:"role"`
	Manager        bool   `json:"manager"`
}

// CorridorStationInput describes a station.
type CorridorStationInput struct {
	Name       string                `json:"name"`
	RegionCode string                `json:"region_code"`
	Status     CorridorStationStatus `json:"status"`
	Kiosks     int                   `json:"kiosks"`
}

// CorridorInput creates a programme.
type CorridorInput struct {
	Name                string                     `json:"name"`
	Infrastructure      CorridorInfrastructureKind `json:"infrastructure"`
	OwnerOrgID          int64                      `json:"owner_org_id"`
	OwnerBody           string                     `json:"owner_body"`
	Description         string                     `json:"description"`
	ForumID             *int64                     `json:"forum_id"`
	Regions             []string                   `json:"regions"`
	FranchiseRule       corridor.FranchiseRule     `json:"franchise_rule"`
	ApplicationsCloseAt *time.Time                 `json:"applications_close_at"`
	Organizations       []CorridorOrgInput         `json:"organizations"`
	Stations            []CorridorStationInput     `json:"stations"`
}

// text checks a free-text field: required or not, length, no NUL.
func corridorText(v *Validation, field, s string, required bool, max int) {
	switch {
	case required && strings.TrimSpace(s) == "":
		v.Add(field, "Wajib diisi", "Required")
	case utf8.RuneCountInString(s) > max:
		v.Add(field, fmt.Sprintf("Paling banyak %d karakter", max), fmt.Sprintf("At most %d characters", max))
	case strings.ContainsRune(s, 0) || !utf8.ValidString(s):
		v.Add(field, "Berisi karakter yang tidak sah", "Contains invalid characters")
	}
}

// RegencyOf returns the regency/city code of a region code at or below
// regency level ("73.09.01.2003" → "73.09"), or "" for other codes.
func RegencyOf(code string) string {
	parts := strings.Split(code, ".")
	if len(parts) < 2 || !region.Valid(code) {
		return ""
	}
	return parts[0] + "." + parts[1]
}

// Validate checks a new programme.
func (in *CorridorInput) Validate() error {
	var v Validation
	corridorText(&v, "name", in.Name, true, 200)
	corridorText(&v, "owner_body", in.OwnerBody, false, 200)
	corridorText(&v, "description", in.Description, false, 4000)
	if !slices.Contains(CorridorInfrastructureKinds, in.Infrastructure) {
		v.Add("infrastructure", "Jenis infrastruktur: railway, road, port atau other", "Infrastructure: railway, road, port or other")
	}
	if in.OwnerOrgID <= 0 {
		v.Add("owner_org_id", "Instansi pemilik wajib diisi", "The owner organisation is required")
	}
	if in.FranchiseRule == "" {
		in.FranchiseRule = corridor.FranchiseBefore
	}
	if !corridor.ValidFranchiseRule(in.FranchiseRule) {
		v.Add("franchise_rule", "Aturan waralaba: before, with atau after", "Franchise rule: before, with or after")
	}
	if len(in.Regions) == 0 || len(in.Regions) > 50 {
		v.Add("regions", "Sebutkan 1 sampai 50 daerah", "Name 1 to 50 regions")
	}
	for i, c := range in.Regions {
		if !region.Valid(c) || slices.Index(in.Regions, c) != i {
			v.Add(fmt.Sprintf("regions[%d]", i), "Kode wilayah tidak dikenal atau ganda", "Unknown or repeated region code")
		}
	}
	if len(in.Stations) > 500 {
		v.Add("stations", "Paling banyak 500 stasiun", "At most 500 stations")
	}
	for i, s := range in.Stations {
		f := fmt.Sprintf("stations[%d]", i)
		corridorText(&v, f+".name", s.Name, true, 100)
		if RegencyOf(s.RegionCode) == "" {
			v.Add(f+".region_code", "Kode wilayah kabupaten/kota, kecamatan atau desa tidak dikenal", "Unknown regency, district or village code")
		}
		if s.Status != CorridorStationOperating && s.Status != CorridorStationPlanned {
			v.Add(f+".status", "Status: operating atau planned", "Status: operating or planned")
		}
		if s.Kiosks < 0 || s.Kiosks > 1000 {
			v.Add(f+".kiosks", "Jumlah kios 0 sampai 1000", "Kiosks: 0 to 1000")
		}
		for j := range i {
			if strings.EqualFold(in.Stations[j].Name, s.Name) {
				v.Add(f+".name", "Nama stasiun ganda", "Repeated station name")
			}
		}
	}
	if len(in.Organizations) > 100 {
		v.Add("organizations", "Paling banyak 100 instansi", "At most 100 organisations")
	}
	for i, o := range in.Organizations {
		f := fmt.Sprintf("organizations[%d]", i)
		if o.OrganizationID <= 0 {
			v.Add(f+".organization_id", "Wajib diisi", "Required")
		}
		corridorText(&v, f+".role", o.Role, false, 100)
		for j := range i {
			if in.Organizations[j].OrganizationID == o.OrganizationID {
				v.Add(f+".organization_id", "Instansi ganda", "Repeated organisation")
			}
		}
	}
	return v.Err()
}

// CorridorZoneInput is a vendor zone of a plan.
type CorridorZoneInput struct {
	Name      string `json:"name"`
	StationID *int64 `json:"station_id"`
	Tariff    int64  `json:"tariff"`
}

// CorridorPlanInput creates or replaces the plan of one region.
type CorridorPlanInput struct {
	RegionCode   string              `json:"region_code"`
	TariffCap    int64               `json:"tariff_cap"`
	HiringTarget int                 `json:"hiring_target_percent"`
	HiredTotal   int                 `json:"hired_total"`
	HiredLocal   int                 `json:"hired_local"`
	Note         string              `json:"note"`
	Steps        []CorridorPlanStep  `json:"steps"`
	Zones        []CorridorZoneInput `json:"vendor_zones"`
}

func corridorDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// Validate checks a plan; the region must be one of the programme's.
func (in *CorridorPlanInput) Validate(regions []string) error {
	var v Validation
	if !slices.Contains(regions, in.RegionCode) {
		v.Add("region_code", "Daerah bukan bagian dari koridor ini", "The region is not part of this corridor")
	}
	if in.TariffCap < 0 || in.TariffCap > 1e12 {
		v.Add("tariff_cap", "Batas tarif tidak sah", "Invalid tariff cap")
	}
	if in.HiringTarget < 0 || in.HiringTarget > 100 {
		v.Add("hiring_target_percent", "Target 0 sampai 100 persen", "Target: 0 to 100 percent")
	}
	if in.HiredTotal < 0 || in.HiredTotal > 10_000_000 || in.HiredLocal < 0 || in.HiredLocal > in.HiredTotal {
		v.Add("hired_local", "Tenaga kerja lokal tidak boleh negatif atau melebihi jumlah tenaga kerja", "Local hires cannot be negative or exceed all hires")
	}
	corridorText(&v, "note", in.Note, false, 4000)
	if len(in.Steps) > 200 || len(in.Zones) > 200 {
		v.Add("steps", "Paling banyak 200 langkah dan 200 zona", "At most 200 steps and 200 zones")
	}
	for i, s := range in.Steps {
		f := fmt.Sprintf("steps[%d]", i)
		if !slices.Contains(CorridorPlanCategories, s.Category) {
			v.Add(f+".category", "Kategori tidak dikenal", "Unknown category")
		}
		corridorText(&v, f+".title", s.Title, true, 300)
		corridorText(&v, f+".owner", s.Owner, true, 200)
		if s.Status == "" {
			in.Steps[i].Status = CorridorStepPlanned
		} else if !slices.Contains(CorridorStepStatuses, s.Status) {
			v.Add(f+".status", "Status tidak dikenal", "Unknown status")
		}
		for _, d := range []struct{ n, s string }{{"start_date", s.StartDate}, {"due_date", s.DueDate}} {
			if d.s != "" && !corridorDate(d.s) {
				v.Add(f+"."+d.n, "Tanggal harus YYYY-MM-DD", "Date must be YYYY-MM-DD")
			}
		}
		if s.StartDate != "" && s.DueDate != "" && corridorDate(s.StartDate) && corridorDate(s.DueDate) && s.DueDate < s.StartDate {
			v.Add(f+".due_date", "Tenggat sebelum tanggal mulai", "Due date before the start date")
		}
	}
	for i, z := range in.Zones {
		f := fmt.Sprintf("vendor_zones[%d]", i)
		corridorText(&v, f+".name", z.Name, true, 200)
		if z.Tariff < 0 || z.Tariff > 1e12 {
			v.Add(f+".tariff", "Tarif tidak sah", "Invalid tariff")
		}
	}
	return v.Err()
}

// CorridorApplicationInput is a UMKM application.
type CorridorApplicationInput struct {
	BusinessName    string        `json:"business_name"`
	OwnerName       string        `json:"owner_name"`
	DomicileCode    string        `json:"domicile_code"`
	Size            corridor.Size `json:"size"`
	LocalFranchise  bool          `json:"local_franchise"`
	NIB             string        `json:"nib"`
	ProductCategory string        `json:"product_category"`
	Stations        []int64       `json:"stations"`
}

// Validate checks an application against the programme's stations.
func (in *CorridorApplicationInput) Validate(stations []CorridorStation) error {
	var v Validation
	in.NIB = strings.TrimSpace(in.NIB)
	in.DomicileCode = strings.TrimSpace(in.DomicileCode)
	corridorText(&v, "business_name", in.BusinessName, true, 200)
	corridorText(&v, "owner_name", in.OwnerName, true, 200)
	corridorText(&v, "product_category", in.ProductCategory, false, 100)
	if r, ok := region.Lookup(in.DomicileCode); !ok || (r.Level != region.District && r.Level != region.Village) {
		v.Add("domicile_code", "Kode desa/kelurahan atau kecamatan domisili tidak dikenal", "Unknown village or district code of domicile")
	}
	if !slices.Contains(corridor.Sizes, in.Size) {
		v.Add("size", "Skala usaha: micro, small atau medium", "Size: micro, small or medium")
	}
	if !corridor.ValidNIB(in.NIB) {
		v.Add("nib", "NIB harus 13 digit angka", "The NIB must be 13 digits")
	}
	if len(in.Stations) < 1 || len(in.Stations) > 3 {
		v.Add("stations", "Pilih 1 sampai 3 stasiun menurut urutan pilihan", "Choose 1 to 3 stations in order of preference")
	}
	for i, id := range in.Stations {
		ok := false
		for _, s := range stations {
			ok = ok || (s.ID == id && s.Kiosks > 0)
		}
		if !ok || slices.Index(in.Stations, id) != i {
			v.Add(fmt.Sprintf("stations[%d]", i), "Stasiun tidak dikenal, tanpa kios, atau dipilih dua kali", "Unknown station, a station without kiosks, or chosen twice")
		}
	}
	return v.Err()
}

// CorridorCommitInput publishes the commitment (SHA-256 of the secret seed, hex)
// and the closing time of applications.
type CorridorCommitInput struct {
	Commitment          string    `json:"commitment"`
	ApplicationsCloseAt time.Time `json:"applications_close_at"`
}

// CorridorDrawInput reveals the seed.
type CorridorDrawInput struct {
	Seed string `json:"seed"`
}

// CorridorAppealInput records an appeal.
type CorridorAppealInput struct {
	ApplicationID int64  `json:"application_id"`
	Grounds       string `json:"grounds"`
}

// CorridorAppealDecisionInput records the outcome of an appeal.
type CorridorAppealDecisionInput struct {
	Outcome  CorridorAppealOutcome `json:"outcome"`
	Decision string                `json:"decision"`
}

// CanManageCorridor: system admins, and admins and members of the owner
// organisation or of a participating organisation marked as manager.
func CanManageCorridor(a *Actor, ownerOrgID int64, managers []int64) bool {
	if a.IsAdmin() {
		return true
	}
	if !a.Has(RoleOrgAdmin) && !a.Has(RoleMember) || a.OrgID == 0 {
		return false
	}
	return a.OrgID == ownerOrgID || slices.Contains(managers, a.OrgID)
}

// CorridorAgreementKinds are the kerja sama kinds a programme links to: KSDD
// among its regions, the Nota Kesepakatan ("sinergi", PP 28/2018 Pasal 46)
// with the central owner, and inter-agency agreements.
var CorridorAgreementKinds = []AgreementKind{KindKSDD, KindNotaKesepakatan, KindInterAgency}

// CorridorAgreement is a kerja sama linked to a programme. Kind is public;
// title and term come from the kerja sama registry and are filled in only
// for those who may read the registry (CanReadAgreements).
type CorridorAgreement struct {
	AgreementID int64         `json:"agreement_id"`
	Kind        AgreementKind `json:"kind"`
	Title       string        `json:"title,omitempty"`
	StartDate   string        `json:"start_date,omitempty"`
	EndDate     string        `json:"end_date,omitempty"`
	LinkedAt    time.Time     `json:"linked_at"`
}

// CorridorAgreementInput links a kerja sama to a programme.
type CorridorAgreementInput struct {
	AgreementID int64 `json:"agreement_id"`
}

// Validate checks the link request (the agreement's existence and kind are
// checked by the store).
func (in *CorridorAgreementInput) Validate() error {
	var v Validation
	if in.AgreementID <= 0 {
		v.Add("agreement_id", "Kerja sama wajib dipilih", "The agreement is required")
	}
	return v.Err()
}

// CorridorAgreementKindErr is the rule violation for linking an agreement of
// another kind.
func CorridorAgreementKindErr(kind AgreementKind) error {
	return &Error{Code: CodeRuleViolation, Rule: RuleCorridorAgreement, Citation: "UU 23/2014 Pasal 363; PP 28/2018 Pasal 4 dan Pasal 46",
		Msg: T("Program koridor hanya dapat ditautkan ke kerja sama antardaerah (KSDD), Nota Kesepakatan (sinergi dengan pemerintah pusat) atau kerja sama antarinstansi (INTER_AGENCY); kerja sama ini berjenis "+string(kind),
			"A corridor programme links only to region-to-region agreements (KSDD), a Nota Kesepakatan (sinergi with the central government) or inter-agency agreements (INTER_AGENCY); this agreement is of kind "+string(kind)),
		Fields: []FieldError{{Field: "agreement_id", Msg: T("Jenis harus KSDD, NOTA_KESEPAKATAN atau INTER_AGENCY", "The kind must be KSDD, NOTA_KESEPAKATAN or INTER_AGENCY")}}}
}
