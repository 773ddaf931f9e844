package kerjasama

import (
	"time"

	"sinergi"
)

// Stage codes. Kerja sama daerah follows PP 28/2018 Pasal 6 ayat (1) huruf
// a–j (KSDPK mutatis mutandis, Pasal 19); the last three (pelaksanaan,
// penatausahaan, pelaporan) are as domain.md reads them [check wording].
const (
	StagePersiapan         = "persiapan"
	StagePenawaran         = "penawaran"
	StageStudiKelayakan    = "studi_kelayakan"
	StagePenyusunanKB      = "penyusunan_kb"
	StagePenandatangananKB = "penandatanganan_kb"
	StagePersetujuanDPRD   = "persetujuan_dprd"
	StagePersetujuanPusat  = "persetujuan_pusat"
	StagePenyusunanPKS     = "penyusunan_pks"
	StagePenandatangananPK = "penandatanganan_pks"
	StagePenyusunan        = "penyusunan"
	StagePenandatanganan   = "penandatanganan"
	StagePelaksanaan       = "pelaksanaan"
	StagePenatausahaan     = "penatausahaan"
	StagePelaporan         = "pelaporan"
)

// StageLabel names each stage.
var StageLabel = map[string]sinergi.Text{
	StagePersiapan:         sinergi.T("Persiapan", "Preparation"),
	StagePenawaran:         sinergi.T("Penawaran", "Offer"),
	StageStudiKelayakan:    sinergi.T("Studi kelayakan", "Feasibility study"),
	StagePenyusunanKB:      sinergi.T("Penyusunan kesepakatan bersama (KB)", "Drafting the joint agreement (KB)"),
	StagePenandatangananKB: sinergi.T("Penandatanganan KB", "Signing the KB"),
	StagePersetujuanDPRD:   sinergi.T("Persetujuan DPRD", "DPRD approval"),
	StagePersetujuanPusat:  sinergi.T("Persetujuan Pemerintah Pusat", "Central-government approval"),
	StagePenyusunanPKS:     sinergi.T("Penyusunan perjanjian kerja sama (PKS)", "Drafting the cooperation agreement (PKS)"),
	StagePenandatangananPK: sinergi.T("Penandatanganan PKS", "Signing the PKS"),
	StagePenyusunan:        sinergi.T("Penyusunan naskah", "Drafting"),
	StagePenandatanganan:   sinergi.T("Penandatanganan", "Signing"),
	StagePelaksanaan:       sinergi.T("Pelaksanaan", "Implementation"),
	StagePenatausahaan:     sinergi.T("Penatausahaan", "Administration"),
	StagePelaporan:         sinergi.T("Pelaporan", "Reporting"),
}

// StageDef is a stage of a kind's procedure.
type StageDef struct {
	Code     string
	Required bool
}

// DPRDRequired: DPRD approval is needed when the plan burdens the public
// and the region or its funding is not in the current APBD (PP 28/2018
// Pasal 6 ayat (2), read as the contract: either condition), and
// always for cooperation with a local government abroad (KSDPL).
func DPRDRequired(k sinergi.AgreementKind, burdensPublic, fundedInCurrentBudget bool) bool {
	switch k {
	case sinergi.KindKSDPL:
		return true
	case sinergi.KindKSDD, sinergi.KindKSDPK, sinergi.KindKSDLL:
		return burdensPublic || !fundedInCurrentBudget
	}
	return false
}

// Stages returns the stages of a kind in order, each marked required or
// not. Persetujuan DPRD is listed for every kind of kerja sama daerah and
// required only when DPRDRequired says so.
func Stages(k sinergi.AgreementKind, burdensPublic, fundedInCurrentBudget bool) []StageDef {
	dprd := DPRDRequired(k, burdensPublic, fundedInCurrentBudget)
	req := func(codes ...string) []StageDef {
		out := make([]StageDef, len(codes))
		for i, c := range codes {
			out[i] = StageDef{c, true}
			if c == StagePersetujuanDPRD {
				out[i].Required = dprd
			}
		}
		return out
	}
	switch k {
	case sinergi.KindKSDD:
		return req(StagePersiapan, StagePenawaran, StagePenyusunanKB, StagePenandatangananKB, StagePersetujuanDPRD,
			StagePenyusunanPKS, StagePenandatangananPK, StagePelaksanaan, StagePenatausahaan, StagePelaporan)
	case sinergi.KindKSDPK:
		return req(StagePersiapan, StagePenawaran, StageStudiKelayakan, StagePenyusunanKB, StagePenandatangananKB, StagePersetujuanDPRD,
			StagePenyusunanPKS, StagePenandatangananPK, StagePelaksanaan, StagePenatausahaan, StagePelaporan)
	case sinergi.KindKSDPL, sinergi.KindKSDLL:
		return req(StagePersiapan, StagePenawaran, StagePenyusunanKB, StagePersetujuanDPRD, StagePersetujuanPusat, StagePenandatangananKB,
			StagePenyusunanPKS, StagePenandatangananPK, StagePelaksanaan, StagePelaporan)
	}
	return req(StagePersiapan, StagePenyusunan, StagePenandatanganan, StagePelaksanaan, StagePelaporan)
}

// ActivatingStage is the stage whose completion puts the agreement in
// force: the signing of the PKS, or of the one document of other kinds.
func ActivatingStage(k sinergi.AgreementKind) string {
	if Regional(k) {
		return StagePenandatangananPK
	}
	return StagePenandatanganan
}

// StageState is a stage as the rules see it.
type StageState struct {
	Code     string
	Required bool
	Done     bool
}

// CheckStage decides whether stage code may be completed now: every required
// stage before it must be done. A missing DPRD approval (KS-DPRD), central-
// government approval of foreign cooperation (KS-FOREIGN-APPROVAL) or
// feasibility study of a third-party PKS (KS-FEASIBILITY) is named as its own
// rule; any other gap is KS-STAGE-ORDER. Unknown and completed stages are
// reported by the caller (404, 409).
func CheckStage(k sinergi.AgreementKind, stages []StageState, code string) error {
	var missing []string
	for _, s := range stages {
		if s.Code == code {
			break
		}
		if s.Required && !s.Done {
			missing = append(missing, s.Code)
		}
	}
	for _, m := range missing {
		switch m {
		case StagePersetujuanDPRD:
			return violation(RuleDPRD, DPRDBasis(k), "Kerja sama ini memerlukan persetujuan DPRD sebelum PKS disusun dan ditandatangani", "This agreement needs DPRD approval before the PKS is drafted and signed")
		case StagePersetujuanPusat:
			return violation(RuleForeign, CiteForeign, "Kerja sama dengan pihak luar negeri hanya dapat ditandatangani setelah mendapat persetujuan Pemerintah Pusat", "Cooperation abroad may be signed only after the central government's approval")
		case StageStudiKelayakan:
			return violation(RuleFeasibility, CiteFeasibility, "Kerja sama dengan pihak ketiga harus didahului studi kelayakan; catat studi kelayakan sebelum melanjutkan", "Cooperation with a third party must be preceded by a feasibility study; record it first")
		}
	}
	if len(missing) > 0 {
		cite := CiteStages
		if k == sinergi.KindKSDPK {
			cite = CiteStagesPK
		}
		if !Regional(k) {
			cite = "Tahapan kerja sama (urutan persiapan → penyusunan → penandatanganan)"
		}
		l := StageLabel[missing[0]]
		return violation(RuleStageOrder, cite, "Tahapan sebelumnya belum selesai: "+l.ID, "An earlier stage is not done: "+l.EN)
	}
	return nil
}

// Status is the status shown for a stored status: an active agreement is
// expiring within expiringDays of its end date and expired after it.
func Status(stored sinergi.AgreementStatus, end string, today time.Time, expiringDays int) sinergi.AgreementStatus {
	if stored != sinergi.AgreementActive {
		return stored
	}
	e, ok := sinergi.ParseDate(end)
	if !ok {
		return stored
	}
	d := today.Format(time.DateOnly)
	switch {
	case end < d:
		return sinergi.AgreementExpired
	case !e.After(dateOf(today).AddDate(0, 0, expiringDays)):
		return sinergi.AgreementExpiring
	}
	return stored
}

func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// DaysLeft is the number of calendar days from today to the end date.
func DaysLeft(end string, today time.Time) (int, bool) {
	e, ok := sinergi.ParseDate(end)
	if !ok {
		return 0, false
	}
	return int(e.Sub(dateOf(today)).Hours() / 24), true
}

// Termination grounds, PP 28/2018 Pasal 9 (all kinds) and Pasal 22 (third
// parties add a court ruling and bankruptcy).
var TerminationReasons = []struct {
	Code       string
	ThirdParty bool // Pasal 22 only
	Text       sinergi.Text
}{
	{"term_ended", false, sinergi.T("Jangka waktu kerja sama berakhir", "The term has ended")},
	{"objective_reached", false, sinergi.T("Tujuan kerja sama telah tercapai", "The objective has been reached")},
	{"agreed", false, sinergi.T("Para pihak sepakat mengakhiri", "The parties agree to end it")},
	{"policy_change", false, sinergi.T("Perubahan kebijakan yang mengakibatkan kerja sama tidak dapat dilaksanakan", "A policy change makes it impossible")},
	{"object_lost", false, sinergi.T("Objek kerja sama musnah", "The object is lost")},
	{"court_ruling", true, sinergi.T("Putusan pengadilan", "A court ruling")},
	{"bankruptcy", true, sinergi.T("Pihak ketiga dinyatakan pailit", "The third party is bankrupt")},
}

// TerminationText returns the wording of a reason, or "".
func TerminationText(code string) sinergi.Text {
	for _, r := range TerminationReasons {
		if r.Code == code {
			return r.Text
		}
	}
	return sinergi.Text{}
}

// CheckTermination (KS-TERMINATE): an agreement ends only on a ground of
// Pasal 9 (or Pasal 22 for third parties); a change of regional head is no
// ground; "term ended" needs the end date reached.
func CheckTermination(k sinergi.AgreementKind, reason, endDate, onDate string) error {
	cite := CiteTerminate
	if k == sinergi.KindKSDPK {
		cite = CiteTerminatePK
	}
	if reason == "regional_head_change" {
		return violation(RuleTerminate, cite, "Pergantian kepala daerah tidak mengakhiri kerja sama", "A change of regional head does not end an agreement")
	}
	for _, r := range TerminationReasons {
		if r.Code != reason {
			continue
		}
		if r.ThirdParty && k != sinergi.KindKSDPK {
			return violation(RuleTerminate, cite, "Putusan pengadilan dan kepailitan adalah alasan berakhirnya kerja sama dengan pihak ketiga (Pasal 22)", "A court ruling and bankruptcy end cooperation with third parties only (Pasal 22)")
		}
		if reason == "term_ended" && onDate < endDate {
			return violation(RuleTerminate, cite, "Jangka waktu kerja sama belum berakhir (berakhir "+endDate+")", "The term has not ended yet (it ends "+endDate+")")
		}
		return nil
	}
	return violation(RuleTerminate, cite, "Alasan berakhirnya kerja sama tidak dikenal; yang sah: jangka waktu berakhir, tujuan tercapai, kesepakatan para pihak, perubahan kebijakan, objek musnah (dan untuk pihak ketiga: putusan pengadilan, pailit)",
		"Unknown termination ground; the lawful ones: term ended, objective reached, parties agree, policy change, object lost (and for third parties: court ruling, bankruptcy)")
}

// Monitor returns the authority that monitors and evaluates an agreement
// (UU 23/2014 Pasal 368): the governor when every region involved is a
// kabupaten/kota of one province, otherwise the Minister of Home Affairs.
// Cooperation abroad is reported to the Minister (PP 28/2018 Pasal 43).
func Monitor(k sinergi.AgreementKind, ps []Party) sinergi.Monitoring {
	if !Regional(k) && k != sinergi.KindNotaKesepakatan {
		return sinergi.Monitoring{}
	}
	province, ok := "", true
	for _, p := range principals(ps) {
		if !p.IsRegion() {
			continue
		}
		if p.IsProvince() || province != "" && p.Province() != province {
			ok = false
		}
		province = p.Province()
	}
	if ok && province != "" && !Abroad(k) && k != sinergi.KindNotaKesepakatan {
		return sinergi.Monitoring{Authority: "governor", ProvinceCode: province,
			Text: sinergi.T("Gubernur sebagai wakil Pemerintah Pusat ("+CiteMonitoring+")", "The governor as representative of the central government ("+CiteMonitoring+")")}
	}
	cite := CiteMonitoring
	if Abroad(k) {
		cite += "; PP 28/2018 Pasal 43"
	}
	return sinergi.Monitoring{Authority: "minister_of_home_affairs",
		Text: sinergi.T("Menteri Dalam Negeri ("+cite+")", "The Minister of Home Affairs ("+cite+")")}
}
