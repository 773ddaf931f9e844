package report

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"sinergi"
	"sinergi/kerjasama"
	"sinergi/pdf"
	"sinergi/rupiah"
	"sinergi/store"
)

// Agreement is one kerja sama agreement of the organisation in the period:
// the organisation is a party to it (lead or party) or knows it as a
// witness ("mengetahui", e.g. a governor over a KSDD of its regencies).
type Agreement struct {
	sinergi.Agreement
	Role    string               // the organisation's role: sinergi.PartyRoleLead, PartyRoleParty or PartyRoleWitness
	Unit    string               // the organisation's unit named in the agreement, if any
	Overdue []sinergi.Obligation // open obligations past due (of every party), at GeneratedAt
}

// Party reports whether the organisation is a party (not only a witness).
func (a Agreement) Party() bool { return a.Role != sinergi.PartyRoleWitness }

// agreementsSource says where the agreement figures come from.
const agreementsSource = "registri kerja sama: agreements, agreement_parties, agreement_stages, agreement_obligations (store.Agreements)"

// loadAgreements reads the agreements the organisation takes part in whose
// term (or, before signing, whose record) falls in the period. Agreements
// between public bodies carry no classification: the registry is open to
// every logged-in account (sinergi.CanReadAgreements), which Load has
// already required. Status, days left and overdue obligations are as of
// the day the report is made, as the registry shows them.
func loadAgreements(ctx context.Context, db *store.DB, d *Data, end time.Time) error {
	from, to := d.From.Format(time.DateOnly), d.To.Format(time.DateOnly)
	for off := 0; ; {
		l, err := db.Agreements(ctx, sinergi.AgreementFilter{OrgID: d.Org.ID, Offset: off, Limit: 200})
		if err != nil {
			return err
		}
		for _, a := range l.Items {
			if !agreementInPeriod(a, from, to, end) {
				continue
			}
			x := Agreement{Agreement: a}
			for _, p := range a.Parties {
				if p.OrganizationID != d.Org.ID {
					continue
				}
				// a lead or party role wins over a witness role
				if x.Role == "" || x.Role == sinergi.PartyRoleWitness {
					x.Role, x.Unit = p.Role, p.UnitName
				}
			}
			if x.Role == "" {
				continue
			}
			for _, o := range a.Obligations {
				if o.Overdue {
					x.Overdue = append(x.Overdue, o)
				}
			}
			d.Agreements = append(d.Agreements, x)
		}
		off += len(l.Items)
		if len(l.Items) == 0 || off >= l.Total {
			break
		}
	}
	sort.SliceStable(d.Agreements, func(i, j int) bool {
		ai, aj := d.Agreements[i], d.Agreements[j]
		if ai.Party() != aj.Party() {
			return ai.Party()
		}
		if ai.StartDate != aj.StartDate {
			return ai.StartDate < aj.StartDate
		}
		return ai.ID < aj.ID
	})
	d.AgreementsLoaded = true
	return nil
}

// agreementInPeriod: the term overlaps the period; an agreement without a
// start date yet (draft, in process) counts when it was recorded by the end
// of the period; a terminated one only when it ended within or after it.
func agreementInPeriod(a sinergi.Agreement, from, to string, end time.Time) bool {
	if a.Termination != nil && a.Termination.Date != "" && a.Termination.Date < from {
		return false
	}
	if a.StartDate == "" {
		return !a.CreatedAt.After(end)
	}
	return a.StartDate <= to && (a.EndDate == "" || a.EndDate >= from)
}

// ---------------------------------------------------------------- helpers

func kindName(k sinergi.AgreementKind) string {
	if l, ok := sinergi.AgreementKindLabel[k]; ok {
		return l.ID
	}
	return string(k)
}

func statusName(s sinergi.AgreementStatus) string {
	if l, ok := sinergi.AgreementStatusLabel[s]; ok {
		return strings.ToLower(l.ID)
	}
	return string(s)
}

func roleName(r string) string {
	switch r {
	case sinergi.PartyRoleLead:
		return "pihak pertama (koordinator)"
	case sinergi.PartyRoleWitness:
		return "pihak yang mengetahui (saksi)"
	}
	return "pihak"
}

// lastStage is the last stage done, in the order of the procedure.
func lastStage(a sinergi.Agreement) *sinergi.AgreementStage {
	var last *sinergi.AgreementStage
	for i := range a.Stages {
		if a.Stages[i].Done {
			last = &a.Stages[i]
		}
	}
	return last
}

// nextStage is the first required stage not done yet.
func nextStage(a sinergi.Agreement) *sinergi.AgreementStage {
	for i := range a.Stages {
		if !a.Stages[i].Done && a.Stages[i].Required {
			return &a.Stages[i]
		}
	}
	return nil
}

func stageName(code string) string {
	if l, ok := kerjasama.StageLabel[code]; ok {
		return strings.ToLower(l.ID[:1]) + l.ID[1:]
	}
	return code
}

func (a Agreement) partners(me int64) []string {
	var out []string
	for _, p := range a.Parties {
		if p.OrganizationID != me && p.Role != sinergi.PartyRoleWitness {
			out = append(out, p.OrganizationName)
		}
	}
	return out
}

func (b *builder) agreementCounts() (party, witness, overdueOwn, overdueOthers, expiring int) {
	for _, a := range b.d.Agreements {
		if a.Party() {
			party++
		} else {
			witness++
		}
		if a.Status == sinergi.AgreementExpiring && a.Party() {
			expiring++
		}
		for _, o := range a.Overdue {
			if o.OrganizationID == b.d.Org.ID {
				overdueOwn++
			} else {
				overdueOthers++
			}
		}
	}
	return
}

func (b *builder) agreementsSrc() string { return b.src(agreementsSource) }

// ---------------------------------------------------------------- summary

// agreementSummary is the sentence of the summary on agreements.
func (b *builder) agreementSummary() string {
	if !b.d.AgreementsLoaded {
		return ""
	}
	party, witness, _, _, _ := b.agreementCounts()
	if party+witness == 0 {
		return fmt.Sprintf("Registri kerja sama tidak mencatat perjanjian yang melibatkan %s dalam periode ini.", b.short())
	}
	s := fmt.Sprintf("Registri kerja sama mencatat %s dengan %s sebagai pihak", count(party, "perjanjian"), b.short())
	if witness > 0 {
		s += fmt.Sprintf(", ditambah %s yang diketahuinya sebagai saksi", count(witness, "perjanjian"))
	}
	return s + "."
}

// agreementHeads are the obstacles from agreements for the summary.
func (b *builder) agreementHeads() []string {
	if !b.d.AgreementsLoaded {
		return nil
	}
	var out []string
	_, _, own, others, expiring := b.agreementCounts()
	if own > 0 {
		out = append(out, count(own, "kewajiban perjanjian kerja sama")+" milik "+b.short()+" yang lewat tenggat")
	}
	if others > 0 {
		out = append(out, count(others, "kewajiban pihak lain")+" dalam perjanjian kerja sama yang diikuti atau diketahuinya yang lewat tenggat")
	}
	if expiring > 0 {
		out = append(out, count(expiring, "perjanjian kerja sama")+" yang segera berakhir")
	}
	return out
}

// ---------------------------------------------------------------- part 2

func (b *builder) agreementsPart2() {
	d, r := b.d, b.r
	party, witness, _, _, _ := b.agreementCounts()
	if party+witness == 0 {
		r.para(fmt.Sprintf("Belum ada data perjanjian kerja sama: registri kerja sama Sinergi tidak mencatat perjanjian yang melibatkan %s dan berlaku dalam periode ini.", d.Org.Name))
		return
	}
	byStatus := map[string]int{}
	for _, a := range d.Agreements {
		if a.Party() {
			byStatus[statusName(a.Status)]++
		}
	}
	var st []string
	for k, v := range byStatus {
		st = append(st, num(v)+" "+k)
	}
	sort.Strings(st)
	var s []string
	s = append(s, "Perjanjian kerja sama adalah bentuk kolaborasi yang paling formal: kerja sama daerah menurut UU 23/2014 Pasal 363–368 dan PP 28/2018, Nota Kesepakatan sinergi dengan Pemerintah Pusat, kerja sama antarinstansi, serta jenjang MoU, MoA dan IA di perguruan tinggi.")
	if party > 0 {
		s = append(s, fmt.Sprintf("Dalam periode ini %s menjadi pihak dalam %s (%s menurut status per %s).", b.short(), count(party, "perjanjian"), list(st), date(d.GeneratedAt)))
	} else {
		s = append(s, fmt.Sprintf("Dalam periode ini %s tidak menjadi pihak dalam perjanjian mana pun.", b.short()))
	}
	if witness > 0 {
		s = append(s, fmt.Sprintf("%s juga tercatat mengetahui %s sebagai saksi, tanpa kewajiban sendiri.", b.short(), count(witness, "perjanjian")))
	}
	s = append(s, "Status, sisa jangka waktu dan kewajiban yang lewat tenggat dibaca per tanggal laporan disusun, sama dengan yang ditampilkan registri.")
	r.para(s...)
	for i, a := range d.Agreements {
		r.para(b.agreement(i, a))
	}
}

func (b *builder) agreement(i int, a Agreement) string {
	me := b.d.Org.ID
	var s []string
	partners := a.partners(me)
	who := "para pihak lain"
	if len(partners) > 0 {
		who = list(partners)
	}
	kind := kindName(a.Kind)
	if a.Party() {
		role := roleName(a.Role)
		if a.Unit != "" {
			role += " melalui " + a.Unit
		}
		s = append(s, pick(i,
			fmt.Sprintf("%s, berjenis %s, mengikat %s dengan %s; %s menjadi %s.", quote([]string{a.Title})[0], kind, b.short(), who, b.short(), role),
			fmt.Sprintf("Bersama %s, %s menjadi %s dalam %s, berjenis %s.", who, b.short(), role, quote([]string{a.Title})[0], kind)))
	} else {
		s = append(s, fmt.Sprintf("%s mengetahui, sebagai saksi, %s antara %s, berjenis %s.", b.short(), quote([]string{a.Title})[0], who, kind))
		if a.Monitoring.Text.ID != "" {
			s = append(s, "Pemantauan dan evaluasinya berada pada "+lowerFirst(a.Monitoring.Text.ID)+".")
		}
	}
	if strings.TrimSpace(a.Scope) != "" {
		s = append(s, "Ruang lingkupnya: "+lowerFirst(a.Scope)+".")
	}
	switch {
	case a.StartDate != "" && a.EndDate != "":
		s = append(s, fmt.Sprintf("Jangka waktunya %s sampai %s.", day(a.StartDate), day(a.EndDate)))
	case a.StartDate != "":
		s = append(s, fmt.Sprintf("Berlaku sejak %s.", day(a.StartDate)))
	default:
		s = append(s, fmt.Sprintf("Perjanjian ini dicatat pada %s dan belum memiliki tanggal mulai berlaku.", date(a.CreatedAt)))
	}
	if last := lastStage(a.Agreement); last != nil {
		t := fmt.Sprintf("Tahap terakhir yang dicapai adalah %s pada %s", stageName(last.Code), day(last.Date))
		if last.DocumentRef != "" {
			t += " (dokumen " + last.DocumentRef + ")"
		}
		s = append(s, t+".")
	} else {
		s = append(s, "Belum ada tahap prosedur yang dicatat selesai.")
	}
	switch a.Status {
	case sinergi.AgreementTerminated:
		t := "Perjanjian ini telah diakhiri"
		if a.Termination != nil {
			if a.Termination.Date != "" {
				t += " pada " + day(a.Termination.Date)
			}
			if r := kerjasama.TerminationText(a.Termination.Reason).ID; r != "" {
				t += " dengan alasan: " + lowerFirst(r)
			}
			if a.Termination.Note != "" {
				t += "; " + lowerFirst(a.Termination.Note)
			}
		}
		s = append(s, t+".")
	case sinergi.AgreementExpired:
		s = append(s, "Jangka waktunya sudah lewat tanpa perpanjangan yang tercatat, sehingga statusnya kedaluwarsa.")
	case sinergi.AgreementExpiring:
		t := "Statusnya akan berakhir"
		if a.DaysLeft != nil {
			t += fmt.Sprintf(": sisa %d hari", *a.DaysLeft)
		}
		s = append(s, t+", sehingga perpanjangan atau pengakhirannya perlu diputuskan.")
	case sinergi.AgreementActive:
		s = append(s, "Statusnya aktif.")
	default:
		t := "Statusnya " + statusName(a.Status)
		if n := nextStage(a.Agreement); n != nil {
			t += "; tahap berikutnya adalah " + stageName(n.Code)
		}
		s = append(s, t+".")
	}
	if a.Value > 0 {
		s = append(s, "Nilai yang dicatat "+rupiah.Format(a.Value)+".")
	}
	if len(a.Obligations) > 0 {
		if len(a.Overdue) == 0 {
			s = append(s, fmt.Sprintf("Dari %s yang dicatat, tidak ada yang lewat tenggat.", count(len(a.Obligations), "kewajiban")))
		} else {
			var items []string
			for _, o := range a.Overdue {
				items = append(items, fmt.Sprintf("%s (%s, tenggat %s)", lowerFirst(o.Description), o.OrganizationName, day(o.DueDate)))
			}
			s = append(s, fmt.Sprintf("Dari %s yang dicatat, %s lewat tenggat: %s.", count(len(a.Obligations), "kewajiban"), num(len(a.Overdue)), strings.Join(items, "; ")))
		}
	}
	return strings.Join(s, " ")
}

// ---------------------------------------------------------------- part 3

func (b *builder) agreementsPart3() {
	d, r := b.d, b.r
	if !d.AgreementsLoaded {
		return // a registered module feeds Part 2 only
	}
	r.heading(2, "Kewajiban perjanjian dan perjanjian yang segera berakhir")
	party, witness, _, _, _ := b.agreementCounts()
	if party+witness == 0 {
		r.para("Belum ada data: tanpa perjanjian kerja sama dalam periode ini, kewajiban dan jangka waktu perjanjian tidak dapat dijadikan sinyal hambatan.")
		return
	}
	var overdue, expiring []string
	for _, a := range d.Agreements {
		for _, o := range a.Overdue {
			overdue = append(overdue, fmt.Sprintf("%s: %s, kewajiban %s, tenggat %s.", a.Title, lowerFirst(o.Description), o.OrganizationName, day(o.DueDate)))
		}
		if a.Status == sinergi.AgreementExpiring && a.Party() {
			left := ""
			if a.DaysLeft != nil {
				left = fmt.Sprintf(", sisa %d hari", *a.DaysLeft)
			}
			expiring = append(expiring, fmt.Sprintf("%s: berakhir %s%s.", a.Title, day(a.EndDate), left))
		}
	}
	if len(overdue) == 0 {
		r.para(fmt.Sprintf("Per %s tidak ada kewajiban dalam perjanjian kerja sama %s yang lewat tenggat.", date(d.GeneratedAt), b.short()))
	} else {
		r.para(fmt.Sprintf("Per %s terdapat %s dalam perjanjian kerja sama yang melibatkan %s yang belum selesai padahal tenggatnya sudah lewat. Kewajiban yang tertunda adalah sinyal terukur dari anggaran yang terbatas, pendekatan dengan mitra yang lama, atau batas masalah yang kabur; bagi pihak yang mengetahui, ini menjadi bahan pemantauan.", date(d.GeneratedAt), count(len(overdue), "kewajiban"), b.short()))
		r.bullets(overdue...)
	}
	if len(expiring) == 0 {
		r.para(fmt.Sprintf("Tidak ada perjanjian %s yang jangka waktunya segera berakhir (dalam %d hari).", b.short(), store.AgreementConfig.ExpiringDays))
	} else {
		r.para(fmt.Sprintf("%s akan berakhir dalam %d hari. Tanpa keputusan perpanjangan, kerja sama yang sedang berjalan terputus, dan mengulang prosedurnya dari awal memakan waktu.", capital(count(len(expiring), "perjanjian")), store.AgreementConfig.ExpiringDays))
		r.bullets(expiring...)
	}
	r.para("Sumber: " + b.agreementsSrc() + "; status dan tenggat per " + d.GeneratedAt.Format(time.DateOnly) + ".")
}

// agreementFixes are the improvement steps the agreements point to.
func (b *builder) agreementFixes() []string {
	if !b.d.AgreementsLoaded {
		return nil
	}
	var out []string
	_, _, own, others, expiring := b.agreementCounts()
	if own > 0 {
		out = append(out, "Selesaikan kewajiban perjanjian kerja sama yang lewat tenggat, atau sepakati jadwal baru secara tertulis dengan mitra.")
	}
	if others > 0 {
		out = append(out, "Tagih (sebagai pihak) atau pantau (sebagai saksi) kewajiban pihak lain yang lewat tenggat dalam perjanjian kerja sama, misalnya melalui rapat evaluasi bersama.")
	}
	if expiring > 0 {
		out = append(out, "Putuskan perpanjangan atau pengakhiran perjanjian yang segera berakhir sebelum jangka waktunya habis.")
	}
	return out
}

// ---------------------------------------------------------------- appendix

func (b *builder) agreementsAppendix() {
	d, r := b.d, b.r
	r.heading(2, "Daftar perjanjian kerja sama")
	if !d.AgreementsLoaded {
		r.para(d.extra("agreements").Note)
		return
	}
	if len(d.Agreements) == 0 {
		r.para("Belum ada data perjanjian kerja sama dalam periode ini.")
		return
	}
	t := pdf.Table{Caption: "Perjanjian kerja sama yang melibatkan " + b.short(),
		Columns: []pdf.Column{{Title: "Perjanjian", Width: 4.5}, {Title: "Jenis", Width: 1.6}, {Title: "Peran", Width: 1.8}, {Title: "Jangka waktu", Width: 3}, {Title: "Tahap terakhir", Width: 2.4}, {Title: "Status", Width: 1.8}, {Title: "Kewajiban lewat tenggat", Width: 1.8, Align: "R"}},
		Source:  b.agreementsSrc() + "; status, tahap dan kewajiban per " + d.GeneratedAt.Format(time.DateOnly)}
	for _, a := range d.Agreements {
		term := "—"
		if a.StartDate != "" {
			term = day(a.StartDate) + " – " + day(a.EndDate)
		}
		stage := "—"
		if l := lastStage(a.Agreement); l != nil {
			stage = capital(stageName(l.Code))
		}
		role := map[string]string{sinergi.PartyRoleLead: "Pihak pertama", sinergi.PartyRoleWitness: "Saksi"}[a.Role]
		if role == "" {
			role = "Pihak"
		}
		t.Rows = append(t.Rows, []string{a.Title, string(a.Kind), role, term, stage, capital(statusName(a.Status)), num(len(a.Overdue))})
	}
	r.table(t)
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// signalList names the measured signals Part 3 reads.
func (b *builder) signalList() string {
	s := []string{"jawaban yang lambat", "tindak lanjut yang lewat tenggat", "ikatan yang tidur", "kecenderungan silo"}
	if b.d.AgreementsLoaded {
		s = append(s, "kewajiban perjanjian kerja sama yang lewat tenggat", "perjanjian yang segera berakhir")
	}
	if b.d.RegisterLoaded {
		s = append(s, "hambatan yang dicatat di register", "skor budaya dan kepercayaan yang rendah dalam survei")
	}
	return list(s)
}
