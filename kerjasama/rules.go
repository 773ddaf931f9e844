// Package kerjasama holds the law of cooperation agreements as pure
// functions without I/O: kerja sama daerah under UU No. 23 Tahun 2014
// Pasal 363–368 and PP No. 28 Tahun 2018 (kinds, parties, the wajib
// pairings, stages, DPRD approval, signing, term, termination), sinergi with
// the central government (Nota Kesepakatan), inter-agency cooperation and the
// university hierarchy MoU → MoA → IA. Each rule is in one place and reports
// a violation as a *sinergi.Error with the rule id and its article.
package kerjasama

import (
	"strconv"
	"strings"
	"time"

	"sinergi"
)

// Rule ids and the articles they come from (domain.md §5).
const (
	RuleParties     = "KS-PARTIES"
	RuleWajibPair   = "KS-WAJIB-PAIR"
	RuleParent      = "KS-PARENT"
	RuleTerm        = "KS-TERM"
	RuleDPRD        = "KS-DPRD"
	RuleSign        = "KS-SIGN"
	RuleFeasibility = "KS-FEASIBILITY"
	RuleForeign     = "KS-FOREIGN-APPROVAL"
	RuleStageOrder  = "KS-STAGE-ORDER"
	RuleTerminate   = "KS-TERMINATE"

	CiteKSDD        = "UU 23/2014 Pasal 363 ayat (2) huruf a; PP 28/2018 Pasal 4"
	CiteKSDPK       = "UU 23/2014 Pasal 363 ayat (2) huruf b dan Pasal 366"
	CiteAbroad      = "UU 23/2014 Pasal 363 ayat (2) huruf c dan Pasal 367"
	CiteSinergi     = "PP 28/2018 Pasal 46 (sinergi dengan Pemerintah Pusat)"
	CiteInterAgency = "UU 30/2014 Pasal 34 ayat (4)"
	CiteUniversity  = "Hierarki kerja sama perguruan tinggi MoU → MoA → IA (pedoman kerja sama perguruan tinggi) [check]"
	CiteWajib       = "UU 23/2014 Pasal 364 ayat (1) dan (2)"
	CiteParent      = "PP 28/2018 Pasal 6 ayat (1) (KB → PKS); hierarki MoU → MoA → IA"
	CiteTerm        = "Permendagri 22/2020 (jangka waktu paling lama 5 tahun) [check]; batas diatur SINERGI_KS_MAX_YEARS"
	CiteDPRD        = "PP 28/2018 Pasal 6 ayat (2); UU 23/2014 Pasal 101 ayat (1) huruf g/i dan Pasal 154 ayat (1) huruf g/i"
	CiteDPRDAbroad  = "PP 28/2018 Pasal 30 (kerja sama dengan pemerintah daerah di luar negeri wajib mendapat persetujuan DPRD)"
	CiteSign        = "PP 28/2018 Pasal 2"
	CiteFeasibility = "UU 23/2014 Pasal 366; PP 28/2018 Pasal 19"
	CiteForeign     = "UU 23/2014 Pasal 367"
	CiteStages      = "PP 28/2018 Pasal 6 ayat (1)"
	CiteStagesPK    = "PP 28/2018 Pasal 6 ayat (1) jo. Pasal 19"
	CiteTerminate   = "PP 28/2018 Pasal 9"
	CiteTerminatePK = "PP 28/2018 Pasal 9 dan Pasal 22"
	CiteMonitoring  = "UU 23/2014 Pasal 368"
	CiteWajibTake   = "UU 23/2014 Pasal 364 ayat (4) dan (5)"
)

func violation(rule, cite, id, en string) *sinergi.Error {
	return &sinergi.Error{Code: sinergi.CodeRuleViolation, Rule: rule, Citation: cite, Msg: sinergi.T(id+" — "+cite, en+" — "+cite)}
}

// Regional reports whether k is kerja sama daerah under PP 28/2018.
func Regional(k sinergi.AgreementKind) bool {
	return k == sinergi.KindKSDD || k == sinergi.KindKSDPK || k == sinergi.KindKSDPL || k == sinergi.KindKSDLL
}

// Abroad reports whether k is cooperation with a partner abroad.
func Abroad(k sinergi.AgreementKind) bool { return k == sinergi.KindKSDPL || k == sinergi.KindKSDLL }

// University reports whether k belongs to the university hierarchy.
func University(k sinergi.AgreementKind) bool {
	return k == sinergi.KindMoU || k == sinergi.KindMoA || k == sinergi.KindIA
}

// Party is an organisation taking part in an agreement.
type Party struct {
	ID         int64
	Sector     sinergi.Sector
	RegionCode string
	Role       string
}

// IsRegion reports whether the party is a regional government.
func (p Party) IsRegion() bool {
	return p.Sector == sinergi.SectorProvincialGovernment || p.Sector == sinergi.SectorRegencyGovernment || p.Sector == sinergi.SectorCityGovernment
}

// IsProvince reports whether the party is a provincial government.
func (p Party) IsProvince() bool { return p.Sector == sinergi.SectorProvincialGovernment }

// Province is the province code of the party's region ("73" for 73.09).
func (p Party) Province() string {
	if i := strings.IndexByte(p.RegionCode, '.'); i >= 0 {
		return p.RegionCode[:i]
	}
	return p.RegionCode
}

func (p Party) thirdParty() bool {
	return !p.IsRegion() && p.Sector != sinergi.SectorMinistry && !p.Sector.IsForeign()
}

func (p Party) university() bool {
	return p.Sector == sinergi.SectorPublicUniversity || p.Sector == sinergi.SectorPrivateUniversity
}

// principals are the parties bound by the agreement (witnesses are not).
func principals(ps []Party) []Party {
	var out []Party
	for _, p := range ps {
		if p.Role != sinergi.PartyRoleWitness {
			out = append(out, p)
		}
	}
	return out
}

func count(ps []Party, f func(Party) bool) int {
	n := 0
	for _, p := range ps {
		if f(p) {
			n++
		}
	}
	return n
}

// CheckParties (KS-PARTIES): the parties fit the kind — at least two
// parties; KSDD only regions; KSDPK a region and a third party; KSDPL a
// region and a local government abroad; KSDLL a region and an institution
// abroad; a Nota Kesepakatan a region and a ministry; inter-agency
// cooperation only public bodies; MoU/MoA/IA at least one university.
func CheckParties(k sinergi.AgreementKind, ps []Party) error {
	ps = principals(ps)
	if len(ps) < 2 {
		return violation(RuleParties, citeKind(k), "Kerja sama memerlukan paling sedikit dua pihak (saksi tidak dihitung)", "An agreement needs at least two parties (witnesses do not count)")
	}
	regions := count(ps, Party.IsRegion)
	switch k {
	case sinergi.KindKSDD:
		if regions != len(ps) {
			return violation(RuleParties, CiteKSDD, "KSDD hanya antara pemerintah daerah (provinsi, kabupaten, kota)", "A KSDD is between regional governments only (province, regency, city)")
		}
	case sinergi.KindKSDPK:
		if regions == 0 || count(ps, Party.thirdParty) == 0 || regions+count(ps, Party.thirdParty) != len(ps) {
			return violation(RuleParties, CiteKSDPK, "KSDPK adalah kerja sama pemerintah daerah dengan pihak ketiga (perseorangan, badan usaha, organisasi kemasyarakatan, lembaga nonpemerintah)", "A KSDPK is between a regional government and third parties (individuals, business entities, organisations)")
		}
	case sinergi.KindKSDPL:
		if regions == 0 || count(ps, func(p Party) bool { return p.Sector == sinergi.SectorForeignLocalGovernment }) == 0 {
			return violation(RuleParties, CiteAbroad, "KSDPL adalah kerja sama pemerintah daerah dengan pemerintah daerah di luar negeri", "A KSDPL is between a regional government and a local government abroad")
		}
	case sinergi.KindKSDLL:
		if regions == 0 || count(ps, func(p Party) bool { return p.Sector == sinergi.SectorForeignInstitution }) == 0 {
			return violation(RuleParties, CiteAbroad, "KSDLL adalah kerja sama pemerintah daerah dengan lembaga di luar negeri", "A KSDLL is between a regional government and an institution abroad")
		}
	case sinergi.KindNotaKesepakatan:
		if regions == 0 || count(ps, func(p Party) bool { return p.Sector == sinergi.SectorMinistry }) == 0 {
			return violation(RuleParties, CiteSinergi, "Nota Kesepakatan (sinergi) adalah antara pemerintah daerah dan Pemerintah Pusat (kementerian/lembaga); kerja sama antar-daerah memakai KSDD", "A Nota Kesepakatan (sinergi) is between regional governments and the central government (a ministry or agency); use KSDD between regions")
		}
	case sinergi.KindInterAgency:
		if count(ps, func(p Party) bool { return p.Sector.IsPublic() }) != len(ps) {
			return violation(RuleParties, CiteInterAgency, "Kerja sama antar-instansi hanya antara badan publik", "Inter-agency cooperation is between public bodies only")
		}
	case sinergi.KindMoU, sinergi.KindMoA, sinergi.KindIA:
		if count(ps, Party.university) == 0 {
			return violation(RuleParties, CiteUniversity, "MoU, MoA dan IA adalah kerja sama perguruan tinggi; salah satu pihak harus perguruan tinggi", "MoU, MoA and IA are university agreements; one party must be a university")
		}
	}
	return nil
}

func citeKind(k sinergi.AgreementKind) string {
	switch k {
	case sinergi.KindKSDD:
		return CiteKSDD
	case sinergi.KindKSDPK:
		return CiteKSDPK
	case sinergi.KindKSDPL, sinergi.KindKSDLL:
		return CiteAbroad
	case sinergi.KindNotaKesepakatan:
		return CiteSinergi
	case sinergi.KindInterAgency:
		return CiteInterAgency
	}
	return CiteUniversity
}

// Pairing is one of the five pairings of wajib cooperation, UU 23/2014
// Pasal 364 ayat (2) huruf a–e.
type Pairing struct {
	Letter string
	Text   sinergi.Text
}

// Pairings lists the five pairings.
var Pairings = []Pairing{
	{"a", sinergi.T("provinsi dengan provinsi lain yang berbatasan", "a province with a bordering province")},
	{"b", sinergi.T("provinsi dengan kabupaten/kota di wilayahnya", "a province with a kabupaten/kota within it")},
	{"c", sinergi.T("provinsi dengan kabupaten/kota dari provinsi lain yang berbatasan", "a province with a bordering kabupaten/kota of another province")},
	{"d", sinergi.T("kabupaten/kota dengan kabupaten/kota lain dari provinsi yang berbeda yang berbatasan", "a kabupaten/kota with a bordering kabupaten/kota of another province")},
	{"e", sinergi.T("kabupaten/kota dengan kabupaten/kota lain dalam satu provinsi yang berbatasan", "a kabupaten/kota with a bordering kabupaten/kota of the same province")},
}

// PairOf returns the letter of the pairing of two regional governments
// (derived from their sectors and region codes), or "" when they are no
// pairing of Pasal 364 ayat (2).
func PairOf(x, y Party) string {
	if !x.IsRegion() || !y.IsRegion() || x.RegionCode == "" || y.RegionCode == "" || x.RegionCode == y.RegionCode {
		return ""
	}
	same := x.Province() == y.Province()
	switch {
	case x.IsProvince() && y.IsProvince():
		return "a"
	case x.IsProvince() || y.IsProvince():
		if same {
			return "b"
		}
		return "c"
	case same:
		return "e"
	}
	return "d"
}

// CheckWajib (KS-WAJIB-PAIR): a wajib KSDD is only between bordering regions
// (declared so by the parties), each pair of parties being one of the five
// pairings of Pasal 364 ayat (2). Sukarela cooperation (Pasal 365) may be
// between any regions.
func CheckWajib(category string, bordering bool, ps []Party) error {
	if category != sinergi.KSDDWajib {
		return nil
	}
	ps = principals(ps)
	for i := range ps {
		for j := i + 1; j < len(ps); j++ {
			if PairOf(ps[i], ps[j]) == "" {
				return violation(RuleWajibPair, CiteWajib, "Kerja sama wajib hanya untuk pasangan daerah menurut Pasal 364 ayat (2) huruf a–e (provinsi dan kabupaten/kota yang berbeda)", "Mandatory cooperation is only for the pairings of Pasal 364 ayat (2) a–e (distinct provinces and kabupaten/kota)")
			}
		}
	}
	if !bordering {
		return violation(RuleWajibPair, CiteWajib, "Kerja sama wajib hanya antar-daerah yang berbatasan; nyatakan bahwa para pihak berbatasan, atau pilih kerja sama sukarela (Pasal 365)", "Mandatory cooperation is between bordering regions only; declare the parties bordering, or choose voluntary cooperation (Pasal 365)")
	}
	return nil
}

// CheckSignatory (KS-SIGN): in kerja sama daerah the head of region signs;
// an official with power of attorney may sign only the PKS.
func CheckSignatory(k sinergi.AgreementKind, authority, document string) error {
	if !Regional(k) || authority != sinergi.AuthorityPowerOfAttorney || document == sinergi.DocPKS {
		return nil
	}
	return violation(RuleSign, CiteSign, "Pejabat yang diberi kuasa hanya dapat menandatangani perjanjian kerja sama (PKS); kesepakatan bersama ditandatangani kepala daerah", "An official with power of attorney may sign only the cooperation agreement (PKS); the joint agreement (KB) is signed by the head of region")
}

// ParentInfo is what the rules need to know of a parent agreement.
type ParentInfo struct {
	Kind       sinergi.AgreementKind
	Status     sinergi.AgreementStatus
	PartyIDs   []int64
	Start, End string
}

// AllowedParent returns the kinds that may be parent of k (nil: none).
func AllowedParent(k sinergi.AgreementKind) []sinergi.AgreementKind {
	switch {
	case k == sinergi.KindMoA:
		return []sinergi.AgreementKind{sinergi.KindMoU}
	case k == sinergi.KindIA:
		return []sinergi.AgreementKind{sinergi.KindMoA}
	case Regional(k):
		return []sinergi.AgreementKind{k} // a further PKS under a KB framework of the same kind
	case k == sinergi.KindInterAgency:
		return []sinergi.AgreementKind{sinergi.KindNotaKesepakatan, sinergi.KindInterAgency}
	}
	return nil
}

// CheckParent (KS-PARENT): a MoA hangs under a MoU and an IA under a MoA;
// a PKS under its KB (same kind); the parent is in force (not terminated
// or expired), shares a party with the child and the child's term lies
// within the parent's.
func CheckParent(k sinergi.AgreementKind, parent *ParentInfo, partyIDs []int64, start, end string) error {
	if parent == nil {
		if k == sinergi.KindMoA || k == sinergi.KindIA {
			want := "MoU"
			if k == sinergi.KindIA {
				want = "MoA"
			}
			return violation(RuleParent, CiteParent, string(k)+" harus berinduk pada sebuah "+want, string(k)+" must have a "+want+" as its parent")
		}
		return nil
	}
	ok := false
	for _, p := range AllowedParent(k) {
		ok = ok || p == parent.Kind
	}
	if !ok {
		return violation(RuleParent, CiteParent, "Jenis kerja sama induk tidak sesuai: "+string(parent.Kind)+" tidak dapat menjadi induk "+string(k), "Wrong parent kind: "+string(parent.Kind)+" cannot be the parent of "+string(k))
	}
	if parent.Status == sinergi.AgreementTerminated || parent.Status == sinergi.AgreementExpired {
		return violation(RuleParent, CiteParent, "Kerja sama induk sudah berakhir", "The parent agreement has ended")
	}
	shared := false
	for _, a := range partyIDs {
		for _, b := range parent.PartyIDs {
			shared = shared || a == b
		}
	}
	if !shared {
		return violation(RuleParent, CiteParent, "Kerja sama turunan harus melibatkan paling sedikit satu pihak dari kerja sama induk", "A child agreement must include at least one party of its parent")
	}
	if end > parent.End || start < parent.Start {
		return violation(RuleParent, CiteParent, "Jangka waktu kerja sama turunan harus di dalam jangka waktu kerja sama induk ("+parent.Start+" s.d. "+parent.End+")", "The child's term must lie within the parent's term ("+parent.Start+" to "+parent.End+")")
	}
	return nil
}

// CheckTerm (KS-TERM): the term is at most maxYears years unless a legal
// basis for a longer term is recorded. Dates are YYYY-MM-DD, end after start.
func CheckTerm(start, end time.Time, maxYears int, legalBasis string) error {
	if maxYears <= 0 || strings.TrimSpace(legalBasis) != "" {
		return nil
	}
	if end.After(start.AddDate(maxYears, 0, 0)) {
		n := itoa(maxYears)
		return violation(RuleTerm, CiteTerm, "Jangka waktu kerja sama paling lama "+n+" tahun; catat dasar hukum bila jangka waktunya lebih panjang", "An agreement runs at most "+n+" years; record the legal basis for a longer term")
	}
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }
