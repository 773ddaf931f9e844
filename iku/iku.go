// Package iku holds, as pure functions without I/O, what the university view
// of the kerja sama registry needs for Indikator Kinerja Utama 6 ("program
// studi bekerja sama dengan mitra") of Kepmendikbudristek No. 3/M/2021: the
// partner categories with their weights, the default category of an
// organisation's sector, the typed implementation activities of an IA, the
// academic semester, when an IA counts as active in it, and the figure.
//
// domain.md §5 lists neither the categories nor the weights. The category
// list follows the IKU 6 partner criteria of the Kepmen's guide as reported
// by Ditjen Diktiristek; the weights are the product's reading [check] and
// live in one table (Categories) so they can be changed in one place.
package iku

import (
	"strconv"
	"time"

	"sinergi"
)

// Citation is the source the view cites for IKU 6.
const Citation = "Kepmendikbudristek No. 3/M/2021 tentang Indikator Kinerja Utama PTN, IKU 6: program studi bekerja sama dengan mitra"

// WeightNote says where the weights come from.
const WeightNote = "Bobot: mitra kelas dunia 1,0; mitra lain yang diakui IKU 6 0,5 [check: bobot belum dicocokkan dengan naskah Kepmen]"

// Category is a kind of partner as IKU 6 counts it.
type Category string

const (
	Multinational Category = "multinational_company" // perusahaan multinasional
	NationalCo    Category = "national_company"      // perusahaan nasional berstandar tinggi
	GlobalTech    Category = "global_tech_company"   // perusahaan teknologi global
	TechStartup   Category = "tech_startup"          // perusahaan rintisan teknologi
	WorldNonprof  Category = "world_nonprofit"       // organisasi nirlaba kelas dunia
	Multilateral  Category = "multilateral"          // institusi/organisasi multilateral
	QS100         Category = "qs100_university"      // perguruan tinggi QS100 (menurut bidang ilmu)
	University    Category = "university"            // perguruan tinggi/fakultas/prodi bidang relevan
	Government    Category = "government_agency"     // instansi pemerintah
	SOE           Category = "soe"                   // BUMN/BUMD
	Hospital      Category = "hospital"              // rumah sakit
	MSME          Category = "msme"                  // UMKM
	Research      Category = "research_institute"    // lembaga riset
	Culture       Category = "cultural_institution"  // lembaga kebudayaan bereputasi
	None          Category = ""                      // not (yet) categorised: does not count
)

// CategoryInfo is one row of the weight table.
type CategoryInfo struct {
	Code       Category
	Label      sinergi.Text
	Weight     float64
	WorldClass bool
}

// Categories is the weight table, in the order the view shows it.
var Categories = []CategoryInfo{
	{Multinational, sinergi.T("Perusahaan multinasional", "Multinational company"), 1, true},
	{GlobalTech, sinergi.T("Perusahaan teknologi global", "Global technology company"), 1, true},
	{TechStartup, sinergi.T("Perusahaan rintisan (startup) teknologi", "Technology start-up"), 1, true},
	{WorldNonprof, sinergi.T("Organisasi nirlaba kelas dunia", "World-class non-profit organisation"), 1, true},
	{Multilateral, sinergi.T("Institusi/organisasi multilateral", "Multilateral institution"), 1, true},
	{QS100, sinergi.T("Perguruan tinggi QS100 (menurut bidang ilmu)", "QS top-100 university (by subject)"), 1, true},
	{NationalCo, sinergi.T("Perusahaan nasional berstandar tinggi", "High-standard national company"), 0.5, false},
	{University, sinergi.T("Perguruan tinggi/fakultas/program studi bidang relevan", "University, faculty or programme in a relevant field"), 0.5, false},
	{Government, sinergi.T("Instansi pemerintah", "Government agency"), 0.5, false},
	{SOE, sinergi.T("BUMN/BUMD", "State- or region-owned enterprise"), 0.5, false},
	{Hospital, sinergi.T("Rumah sakit", "Hospital"), 0.5, false},
	{MSME, sinergi.T("UMKM", "Micro, small or medium enterprise"), 0.5, false},
	{Research, sinergi.T("Lembaga riset", "Research institute"), 0.5, false},
	{Culture, sinergi.T("Lembaga kebudayaan bereputasi", "Reputable cultural institution"), 0.5, false},
}

// LookupCategory returns the row of c.
func LookupCategory(c Category) (CategoryInfo, bool) {
	for _, x := range Categories {
		if x.Code == c {
			return x, true
		}
	}
	return CategoryInfo{}, false
}

// Weight is the weight of c (0 for an unknown or missing category).
func Weight(c Category) float64 {
	x, _ := LookupCategory(c)
	return x.Weight
}

// FromSector is the default category of an organisation of sector s. Only
// sectors that decide the category get one: a private company may be
// multinational, national, a start-up or an UMKM, a foreign institution a
// university or a multilateral body, a civil-society organisation world-class
// or not — those wait for an admin to set the category explicitly.
func FromSector(s sinergi.Sector) Category {
	switch s {
	case sinergi.SectorMinistry, sinergi.SectorProvincialGovernment, sinergi.SectorRegencyGovernment, sinergi.SectorCityGovernment,
		sinergi.SectorForeignLocalGovernment:
		return Government
	case sinergi.SectorPublicUniversity, sinergi.SectorPrivateUniversity:
		return University
	case sinergi.SectorBUMN, sinergi.SectorBUMD:
		return SOE
	case sinergi.SectorCooperative:
		return MSME
	}
	return None
}

// Effective is the category that counts: the explicit one when set, else
// the sector's default; source says which ("explicit", "sector" or "none").
func Effective(explicit Category, s sinergi.Sector) (c Category, source string) {
	if explicit != None {
		return explicit, "explicit"
	}
	if c := FromSector(s); c != None {
		return c, "sector"
	}
	return None, "none"
}

// IsUniversity reports whether organisations of sector s get the view.
func IsUniversity(s sinergi.Sector) bool {
	return s == sinergi.SectorPublicUniversity || s == sinergi.SectorPrivateUniversity
}

// Activity is a typed implementation activity of an IA.
type Activity string

// Activities lists the types with their labels, in the order the UI shows them.
var Activities = []struct {
	Code  Activity
	Label sinergi.Text
}{
	{"joint_degree", sinergi.T("Gelar bersama (joint/double degree)", "Joint or double degree")},
	{"student_exchange", sinergi.T("Pertukaran mahasiswa", "Student exchange")},
	{"lecturer_exchange", sinergi.T("Pertukaran dosen", "Lecturer exchange")},
	{"credit_transfer", sinergi.T("Alih kredit", "Credit transfer")},
	{"joint_research", sinergi.T("Penelitian bersama", "Joint research")},
	{"community_service", sinergi.T("Pengabdian kepada masyarakat bersama", "Joint community service")},
	{"curriculum_development", sinergi.T("Pengembangan kurikulum/program bersama", "Joint curriculum development")},
	{"internship", sinergi.T("Magang", "Internship")},
	{"visiting_professor", sinergi.T("Dosen/profesor tamu", "Visiting professor")},
	{"graduate_placement", sinergi.T("Penyerapan lulusan", "Graduate placement")},
	{"benchmarking", sinergi.T("Studi banding (benchmarking)", "Benchmarking")},
}

// ActivityLabel returns the label of a, and whether a is known.
func ActivityLabel(a Activity) (sinergi.Text, bool) {
	for _, x := range Activities {
		if x.Code == a {
			return x.Label, true
		}
	}
	return sinergi.Text{}, false
}

// CheckActivities validates a set of types for an IA: known, no repeats.
func CheckActivities(types []Activity) error {
	var v sinergi.Validation
	seen := map[Activity]bool{}
	for _, t := range types {
		if _, ok := ActivityLabel(t); !ok {
			v.Add("types", "Jenis kegiatan tidak dikenal: "+string(t), "Unknown activity type: "+string(t))
		} else if seen[t] {
			v.Add("types", "Jenis kegiatan disebut dua kali: "+string(t), "Activity type named twice: "+string(t))
		}
		seen[t] = true
	}
	return v.Err()
}

// Semester is an academic half-year as PDDikti codes it: "2026-1" is the
// odd (ganjil) semester of 2026/2027, 1 August 2026 – 31 January 2027;
// "2026-2" the even (genap) one, 1 February – 31 July 2027.
type Semester struct {
	Year int // the first calendar year of the academic year
	Half int // 1 ganjil, 2 genap
}

// ParseSemester reads "YYYY-1" or "YYYY-2" (years 2000–2100).
func ParseSemester(s string) (Semester, bool) {
	if len(s) != 6 || s[4] != '-' || s[5] != '1' && s[5] != '2' {
		return Semester{}, false
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil || y < 2000 || y > 2100 {
		return Semester{}, false
	}
	return Semester{y, int(s[5] - '0')}, true
}

// SemesterOf is the semester a day falls in.
func SemesterOf(d time.Time) Semester {
	switch m := d.Month(); {
	case m >= time.August:
		return Semester{d.Year(), 1}
	case m == time.January:
		return Semester{d.Year() - 1, 1}
	default:
		return Semester{d.Year() - 1, 2}
	}
}

// Code is "YYYY-1" or "YYYY-2".
func (s Semester) Code() string { return strconv.Itoa(s.Year) + "-" + strconv.Itoa(s.Half) }

// Label names the semester, e.g. "Ganjil 2026/2027".
func (s Semester) Label() sinergi.Text {
	ay := strconv.Itoa(s.Year) + "/" + strconv.Itoa(s.Year+1)
	if s.Half == 1 {
		return sinergi.T("Ganjil "+ay, "Odd semester "+ay)
	}
	return sinergi.T("Genap "+ay, "Even semester "+ay)
}

// Span is the first and last day of the semester, as YYYY-MM-DD.
func (s Semester) Span() (first, last string) {
	if s.Half == 1 {
		return strconv.Itoa(s.Year) + "-08-01", strconv.Itoa(s.Year+1) + "-01-31"
	}
	return strconv.Itoa(s.Year+1) + "-02-01", strconv.Itoa(s.Year+1) + "-07-31"
}

// Prev and Next are the neighbouring semesters.
func (s Semester) Prev() Semester {
	if s.Half == 2 {
		return Semester{s.Year, 1}
	}
	return Semester{s.Year - 1, 2}
}

func (s Semester) Next() Semester {
	if s.Half == 1 {
		return Semester{s.Year, 2}
	}
	return Semester{s.Year + 1, 1}
}

// IA is an implementation arrangement as the rule sees it.
type IA struct {
	Start, End   string // term, YYYY-MM-DD
	Signed       bool   // the signing stage is recorded: it came into force
	TerminatedOn string // YYYY-MM-DD when terminated, else ""
}

// ActiveIn reports whether the IA was in force on some day of the semester:
// signed, its term overlapping the semester, and not terminated before the
// semester began (an IA terminated during the semester counts for it).
func ActiveIn(s Semester, ia IA) bool {
	if !ia.Signed {
		return false
	}
	first, last := s.Span()
	end := ia.End
	if ia.TerminatedOn != "" && ia.TerminatedOn < end {
		end = ia.TerminatedOn
	}
	return ia.Start <= last && end >= first
}

// Figure is the IKU 6 figure of a university for one semester.
type Figure struct {
	Programmes int     `json:"programmes"` // study programmes of the university
	WithIA     int     `json:"with_ia"`    // those with at least one active IA with a categorised partner
	Share      float64 `json:"share"`      // WithIA / Programmes (0 when there are none)
	Weighted   float64 `json:"weighted"`   // Σ best weight per programme / Programmes
}

// Compute works out the figure from the best partner weight of each study
// programme (0 when it has no active IA with a categorised partner): the
// share counts programmes with weight > 0, the weighted figure adds their
// weights. Both are fractions rounded to four decimals.
func Compute(best []float64) Figure {
	f := Figure{Programmes: len(best)}
	if f.Programmes == 0 {
		return f
	}
	sum := 0.0
	for _, w := range best {
		if w > 0 {
			f.WithIA++
			sum += min(w, 1)
		}
	}
	f.Share = round4(float64(f.WithIA) / float64(f.Programmes))
	f.Weighted = round4(sum / float64(f.Programmes))
	return f
}

func round4(x float64) float64 { return float64(int64(x*10000+0.5)) / 10000 }
