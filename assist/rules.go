// Package assist holds the law of Bantuan Kedinasan (official assistance
// between public bodies, UU No. 30 Tahun 2014 tentang Administrasi
// Pemerintahan, Pasal 34–37) as pure functions without I/O: the grounds of a
// request, the parties, refusal, cost sharing, responsibility, the workflow
// and the response deadline in working days. Each rule is in one place and
// reports a violation as a *sinergi.Error with the rule id and its article.
package assist

import (
	"sinergi"
)

// Rule ids and the articles they come from (domain.md §4).
const (
	RuleAgency    = "X-AGENCY"
	RuleGround    = "BK-GROUND"
	RuleCost      = "BK-COST"
	RuleRefuse    = "BK-REFUSE"
	RuleWritten   = "BK-WRITTEN"
	RuleEmergency = "BK-EMERGENCY"
	RuleResp      = "BK-RESP"

	CiteAgency     = "UU 30/2014 Pasal 34 ayat (4)"
	CitePublicBody = "UU 30/2014 Pasal 1 angka 10 dan Pasal 34 ayat (4)"
	CiteGround     = "UU 30/2014 Pasal 35 ayat (1)"
	CiteCost       = "UU 30/2014 Pasal 35 ayat (2) dan Penjelasannya"
	CiteRefuse     = "UU 30/2014 Pasal 36 ayat (1)"
	CiteWritten    = "UU 30/2014 Pasal 36 ayat (2)"
	CiteEmergency  = "UU 30/2014 Pasal 36 ayat (3)"
	CiteSanction   = "UU 30/2014 Pasal 80 ayat (1) dan Pasal 81 ayat (1)"
	CiteResp       = "UU 30/2014 Pasal 37"
	CiteDeadline   = "UU 30/2014 Pasal 53 sebagaimana diubah UU 6/2023 (Pasal 175 angka 7)"
)

func violation(rule, cite, id, en string) *sinergi.Error {
	return &sinergi.Error{Code: sinergi.CodeRuleViolation, Rule: rule, Citation: cite, Msg: sinergi.T(id+" — "+cite, en+" — "+cite)}
}

// Letter is a lettered item of an article (huruf a, b, …) with its wording.
type Letter struct {
	Letter string
	Text   sinergi.Text
}

// Grounds are the grounds of a request, Pasal 35 ayat (1) huruf a–e.
var Grounds = []Letter{
	{"a", sinergi.T("Keputusan dan/atau Tindakan tidak dapat dilaksanakan sendiri oleh instansi pemohon", "the decision or action cannot be carried out by the requester itself")},
	{"b", sinergi.T("Kurangnya tenaga dan fasilitas yang dimiliki instansi pemohon", "the requester lacks staff and facilities")},
	{"c", sinergi.T("Instansi pemohon tidak memiliki pengetahuan dan kemampuan untuk melaksanakannya sendiri", "the requester lacks the knowledge and capability to do it itself")},
	{"d", sinergi.T("Untuk menetapkan Keputusan atau melayani publik diperlukan surat keterangan dan dokumen dari instansi lain", "certificates and documents held by another body are needed to decide or to serve the public")},
	{"e", sinergi.T("Penyelenggaraan pemerintahan memerlukan biaya, peralatan dan fasilitas besar yang tidak mampu ditanggung sendiri", "government requires large costs, equipment or facilities the requester cannot bear")},
}

// RefusalGrounds are the only grounds of refusal, Pasal 36 ayat (1) huruf a–c.
var RefusalGrounds = []Letter{
	{"a", sinergi.T("Pemberian bantuan akan mempengaruhi kinerja instansi pemberi bantuan", "giving the assistance would affect the provider's own performance")},
	{"b", sinergi.T("Surat keterangan dan dokumen yang diperlukan bersifat rahasia menurut peraturan perundang-undangan", "the documents needed are secret under law")},
	{"c", sinergi.T("Ketentuan peraturan perundang-undangan tidak memperbolehkan pemberian bantuan", "the law does not allow the assistance")},
}

func has(ls []Letter, l string) bool {
	for _, x := range ls {
		if x.Letter == l {
			return true
		}
	}
	return false
}

// LetterText returns the wording of letter l in ls, or "".
func LetterText(ls []Letter, l string) sinergi.Text {
	for _, x := range ls {
		if x.Letter == l {
			return x.Text
		}
	}
	return sinergi.Text{}
}

// CheckGrounds (BK-GROUND): at least one ground, each one of a–e, none
// twice.
func CheckGrounds(gs sinergi.Grounds) error {
	if len(gs) == 0 {
		return violation(RuleGround, CiteGround, "Pilih minimal satu dasar permohonan (huruf a–e)", "Choose at least one ground of the request (letters a–e)")
	}
	seen := map[string]bool{}
	for _, g := range gs {
		if !has(Grounds, g.Letter) {
			return violation(RuleGround, CiteGround, "Dasar permohonan “"+g.Letter+"” tidak dikenal; yang sah hanya huruf a–e", "Unknown ground “"+g.Letter+"”; only letters a–e are grounds")
		}
		if seen[g.Letter] {
			return violation(RuleGround, CiteGround, "Dasar permohonan huruf "+g.Letter+" disebut dua kali", "Ground "+g.Letter+" is named twice")
		}
		seen[g.Letter] = true
	}
	return nil
}

// Party is an organisation taking part in a request.
type Party struct {
	ID     int64
	Public bool
}

// CheckParties (X-AGENCY): assistance is cooperation between two different
// public bodies.
func CheckParties(requester, provider Party) error {
	if requester.ID == provider.ID {
		return violation(RuleAgency, CiteAgency, "Instansi pemohon dan instansi pemberi bantuan harus berbeda", "The requesting and the providing organisation must differ")
	}
	if !requester.Public || !provider.Public {
		return violation(RuleAgency, CitePublicBody, "Bantuan Kedinasan hanya antar-Badan/Pejabat Pemerintahan; kedua instansi harus badan publik", "Official assistance is between government bodies; both organisations must be public bodies")
	}
	return nil
}

// CheckRefusal decides whether a request may be refused: never in an
// emergency (BK-EMERGENCY), only on Pasal 36 ayat (1) a–c (BK-REFUSE), and
// with the reasons in writing (BK-WRITTEN). Emergency is checked first: no
// ground makes the refusal of an emergency lawful.
func CheckRefusal(emergency bool, ground, reason string) error {
	if emergency {
		return EmergencyRefusal()
	}
	if !has(RefusalGrounds, ground) {
		return violation(RuleRefuse, CiteRefuse, "Penolakan hanya dapat didasarkan pada Pasal 36 ayat (1) huruf a, b atau c", "A refusal can only rest on Pasal 36 ayat (1) letter a, b or c")
	}
	if !hasText(reason) {
		return violation(RuleWritten, CiteWritten, "Penolakan wajib disertai alasan tertulis", "A refusal must give its reasons in writing")
	}
	return nil
}

// EmergencyRefusal is the violation of refusing an emergency request.
func EmergencyRefusal() *sinergi.Error {
	return violation(RuleEmergency, CiteEmergency,
		"Permintaan dalam keadaan darurat wajib diberikan dan tidak dapat ditolak; penolakan dapat dikenai sanksi administratif ringan ("+CiteSanction+")",
		"Assistance needed in an emergency must be given and cannot be refused; refusing it carries a light administrative sanction ("+CiteSanction+")")
}

func hasText(s string) bool {
	for _, r := range s {
		if r > ' ' && r != '\u00a0' && r != '\u200b' && r != '\u3000' && !(r >= '\u2000' && r <= '\u200a') {
			return true
		}
	}
	return false
}

// CheckResponsibility (BK-RESP): responsibility lies with the requester
// unless a legal basis or a written agreement of both parties is recorded.
// At creation a reference to the agreement is enough; before the work
// starts both parties must have signed it (signed).
func CheckResponsibility(holder, legalBasis, agreementRef string, signed bool, starting bool) error {
	if holder == sinergi.RespRequester || hasText(legalBasis) {
		return nil
	}
	if !hasText(agreementRef) {
		return violation(RuleResp, CiteResp, "Tanggung jawab ada pada instansi pemohon, kecuali ada dasar hukum atau perjanjian tertulis kedua pihak; isi salah satunya", "Responsibility lies with the requester unless a legal basis or a written agreement of both parties says otherwise; record one")
	}
	if starting && !signed {
		return violation(RuleResp, CiteResp, "Perjanjian tertulis tentang tanggung jawab belum ditandatangani kedua pihak", "The written agreement on responsibility is not yet signed by both parties")
	}
	return nil
}
