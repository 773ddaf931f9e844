package report

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"sinergi"
	"sinergi/criteria"
	"sinergi/pdf"
	"sinergi/rupiah"
)

// Build assembles the report from the data. It is pure: the same data give
// the same report.
func Build(d *Data) *Report {
	b := &builder{d: d, r: &Report{Title: "Laporan Kolaborasi Instansi", OrgName: d.Org.Name, From: d.From, To: d.To, Secret: d.Secret}}
	b.r.Verdict = Judge(d.Facts())
	b.meta()
	b.summary()
	b.part1()
	b.part2()
	b.part3()
	b.part4()
	b.appendix()
	return b.r
}

type builder struct {
	d *Data
	r *Report
}

func (b *builder) period() string { return date(b.d.From) + " sampai dengan " + date(b.d.To) }

// src is the "Sumber" line of a figure: where it comes from and the period.
func (b *builder) src(what string) string {
	return what + "; periode " + b.d.From.Format(time.DateOnly) + " s.d. " + b.d.To.Format(time.DateOnly)
}

func (b *builder) short() string {
	if b.d.Org.Acronym != "" {
		return b.d.Org.Acronym
	}
	return b.d.Org.Name
}

func sectorLabel(s sinergi.Sector) string {
	if i, ok := sinergi.LookupSector(s); ok {
		return i.Label.ID
	}
	return string(s)
}

func (b *builder) meta() {
	d := b.d
	region := "—"
	if d.Org.RegionName != "" {
		region = d.Org.RegionName + " (" + d.Org.RegionCode + ")"
	}
	b.r.Meta = []pdf.KV{
		{Key: "Instansi", Value: d.Org.Name},
		{Key: "Sektor", Value: sectorLabel(d.Org.Sector)},
		{Key: "Wilayah", Value: region},
		{Key: "Periode", Value: b.period()},
		{Key: "Disusun", Value: date(d.GeneratedAt) + " dari basis data Sinergi"},
	}
}

// ---------------------------------------------------------------- summary

func (b *builder) summary() {
	d, v := b.d, b.r.Verdict
	f := d.Facts()
	var s []string
	s = append(s, fmt.Sprintf("Laporan ini menjawab satu pertanyaan dengan data yang tercatat di Sinergi: apakah tata kelola kolaboratif (collaborative governance) dan pendekatan Whole of Government (WoG) benar-benar berjalan di %s selama %s?", d.Org.Name, b.period()))
	s = append(s, fmt.Sprintf("Jawabannya: %s. Putusan itu diambil dari enam indikator terukur dengan %s.", strings.ToUpper(v.Status.Label()), v.Reason))
	b.r.Summary = append(b.r.Summary, Block{Kind: KPara, Text: strings.Join(s, " ")})

	var facts []string
	if len(d.Forums) == 0 {
		facts = append(facts, b.short()+" belum tercatat sebagai pemrakarsa atau anggota forum kolaborasi mana pun.")
	} else {
		facts = append(facts, fmt.Sprintf("%s terlibat dalam %s; forum terbaiknya memenuhi %d dari 6 kriteria Ansell dan Gash.", b.short(), count(len(d.Forums), "forum"), f.BestCriteria))
	}
	facts = append(facts, fmt.Sprintf("Dalam periode ini tercatat %s, %s, dan %s dengan %s.",
		count(len(d.Activities), "kegiatan kolaborasi"), count(len(d.Requests), "permintaan Bantuan Kedinasan"), count(f.Ties, "ikatan"), count(f.Partners, "instansi mitra")))
	if f.Ties > 0 {
		facts = append(facts, fmt.Sprintf("Sebanyak %s ikatan itu melintasi batas sektor.", pct(float64(f.CrossSector)/float64(f.Ties))))
	}
	if m := d.Assistance.Incoming.ResponseDays.Median; m != nil {
		facts = append(facts, fmt.Sprintf("Permintaan Bantuan Kedinasan yang masuk dijawab dalam median %d hari kerja.", *m))
	}
	facts = append(facts, b.agreementSummary())
	if heads := b.obstacleHeads(); len(heads) > 0 {
		facts = append(facts, fmt.Sprintf("Hambatan yang paling terlihat: %s.", list(heads)))
	}
	b.r.Summary = append(b.r.Summary, Block{Kind: KPara, Text: strings.Join(nonEmpty(facts), " ")})
	b.r.Summary = append(b.r.Summary, Block{Kind: KPara, Text: "Setiap angka dalam laporan ini menyebut sumbernya (tabel atau kueri dan periodenya). Bagian yang datanya belum ada di Sinergi dinyatakan terus terang sebagai belum ada data, tidak diisi dengan perkiraan."})
	if d.Secret {
		b.r.Summary = append(b.r.Summary, Block{Kind: KPara, Text: "Laporan ini memuat catatan berklasifikasi RAHASIA karena pembacanya berhak atasnya; perlakukan dokumen ini sesuai ketentuan tata naskah dinas untuk surat rahasia."})
	}
}

func (b *builder) obstacleHeads() []string {
	var out []string
	if n := len(b.d.Assistance.Overdue); n > 0 {
		out = append(out, count(n, "permintaan Bantuan Kedinasan")+" yang melewati tenggat jawaban")
	}
	if n := len(b.d.Overdue); n > 0 {
		out = append(out, count(n, "tindak lanjut rapat")+" yang lewat tenggat")
	}
	if n := len(b.d.Net.Dormant); n > 0 {
		out = append(out, count(n, "ikatan kerja sama")+" yang tidur lebih dari 12 bulan")
	}
	out = append(out, b.agreementHeads()...)
	return append(out, b.registerHeads()...)
}

// ---------------------------------------------------------------- part 1

func (b *builder) part1() {
	d, r, v := b.d, b.r, b.r.Verdict
	r.heading(1, "Apakah tata kelola kolaboratif dan WoG benar-benar berjalan?")
	r.para(fmt.Sprintf("Bagian ini menilai %s dengan dua kacamata. Yang pertama adalah tata kelola kolaboratif menurut Ansell dan Gash (2008): badan publik melibatkan pemangku kepentingan non-pemerintah secara langsung dalam pengambilan keputusan kolektif yang formal, berorientasi mufakat dan deliberatif, untuk membuat atau melaksanakan kebijakan publik. Yang kedua adalah Whole of Government, yaitu instansi pemerintah yang bekerja melintasi batas portofolio dan sektor untuk mencapai tujuan bersama, sebagai jawaban atas fragmentasi dan mentalitas silo.", d.Org.Name),
		"Keduanya tidak dinilai dari pernyataan atau dokumen rencana, tetapi dari jejak kerja yang tercatat: forum dan rapatnya, kegiatan dengan instansi lain, permintaan Bantuan Kedinasan, dan siapa bekerja dengan siapa.")

	r.heading(2, "Putusan dan ambang penilaian")
	r.para(fmt.Sprintf("Putusan laporan ini adalah %s.", strings.ToUpper(v.Status.Label())),
		fmt.Sprintf("Dari %d indikator, %d dapat dinilai dengan data yang ada, dan jumlah skornya %d dari maksimum %d.", len(v.Indicators), v.Max/2, v.Score, v.Max),
		"Aturannya ditetapkan lebih dahulu dan sama untuk setiap instansi: putusan berjalan memerlukan skor sedikitnya 75% dari maksimum tanpa nilai nol pada indikator forum (tata kelola kolaboratif) maupun indikator lintas sektor (WoG); putusan berjalan sebagian memerlukan sedikitnya 40%; di bawah itu, atau bila kurang dari tiga indikator dapat dinilai, putusannya belum berjalan.",
		"Indikator tanpa data tidak dihitung sebagai nol, tetapi juga tidak menambah skor.")
	t := pdf.Table{Caption: "Indikator putusan, nilai terukur dan ambangnya",
		Columns: []pdf.Column{{Title: "Indikator", Width: 3}, {Title: "Nilai terukur", Width: 3}, {Title: "Skor", Width: 1, Align: "C"}, {Title: "Ambang", Width: 4}},
		Source:  b.src("report.Judge atas data forum (forums, forum_members, forum_charters, forum_meetings), jejaring (activities, forum_members, assistance_requests) dan assistance_history")}
	for _, in := range v.Indicators {
		sc := "tanpa data"
		if in.Judged {
			sc = fmt.Sprintf("%d/2", in.Score)
		}
		t.Rows = append(t.Rows, []string{in.Name, in.Value, sc, in.Rule})
	}
	r.table(t)
	var strong, weak []string
	for _, in := range v.Indicators {
		switch {
		case !in.Judged:
		case in.Score == 2:
			strong = append(strong, strings.ToLower(in.Name[:1])+in.Name[1:])
		case in.Score == 0:
			weak = append(weak, strings.ToLower(in.Name[:1])+in.Name[1:])
		}
	}
	var s []string
	if len(strong) > 0 {
		s = append(s, "Kekuatan yang terukur terletak pada "+list(strong)+".")
	}
	if len(weak) > 0 {
		s = append(s, "Sebaliknya, "+list(weak)+" belum memenuhi ambang terendah, sehingga di situlah perbaikan paling berpengaruh terhadap putusan.")
	}
	if len(strong) == 0 && len(weak) == 0 {
		s = append(s, "Tidak ada indikator yang berada di titik ekstrem: semuanya berada pada tingkat sebagian atau belum dapat dinilai.")
	}
	r.para(s...)

	b.forums()
	b.cycle()
	b.ties()
	b.response()
}

func mark(c criteria.Criterion) string {
	if c.Met {
		return "ya"
	}
	return "belum"
}

func (b *builder) forums() {
	d, r := b.d, b.r
	r.heading(2, "Forum kolaborasi terhadap enam kriteria")
	if len(d.Forums) == 0 {
		r.para(fmt.Sprintf("Belum ada data forum: %s tidak tercatat sebagai pemrakarsa maupun anggota forum kolaborasi di Sinergi, atau forumnya tidak dapat dibaca oleh akun yang menyusun laporan ini.", d.Org.Name),
			"Tanpa forum, unsur inti tata kelola kolaboratif, yaitu keputusan kolektif bersama aktor non-pemerintah, tidak dapat dibuktikan dari data.")
		return
	}
	r.para("Enam kriteria Ansell dan Gash diperiksa per forum dari data, bukan dari pengakuan: C1 forum diprakarsai badan publik; C2 pesertanya mencakup aktor non-pemerintah; C3 aktor non-pemerintah ikut memutuskan, bukan sekadar dimintai pendapat; C4 forum terorganisasi secara formal (piagam dengan tata tertib) dan benar-benar bertemu dengan daftar hadir; C5 aturan keputusannya mufakat; C6 fokusnya kebijakan atau manajemen publik.")
	for i, f := range d.Forums {
		res := f.Criteria
		n := res.MetCount()
		var missing []string
		for _, c := range res.All() {
			if !c.Met {
				missing = append(missing, strings.SplitN(c.Title.ID, " ", 2)[0]+" ("+strings.TrimSuffix(c.Explanation.ID, ".")+")")
			}
		}
		open := pick(i,
			fmt.Sprintf("%s, tempat %s berperan sebagai %s, memiliki %s anggota dan berfokus pada %s.", capital(forumName(f.Name)), b.short(), f.Role, num(f.Members), f.Focus),
			fmt.Sprintf("Di %s (%s anggota, fokus %s), %s duduk sebagai %s.", forumName(f.Name), num(f.Members), f.Focus, b.short(), f.Role),
			fmt.Sprintf("%s juga terlibat sebagai %s di %s, yang beranggotakan %s instansi dengan fokus %s.", b.short(), f.Role, forumName(f.Name), num(f.Members), f.Focus))
		var verdict string
		switch {
		case n == 6:
			verdict = pick(i, "Keenam kriteria terpenuhi, sehingga forum ini adalah tata kelola kolaboratif dalam arti Ansell dan Gash.",
				"Forum ini memenuhi keenam kriteria; ia bukan sekadar wadah koordinasi, melainkan tata kelola kolaboratif yang sesungguhnya.")
		case n >= ForumPartialCriteria:
			verdict = fmt.Sprintf("Forum ini memenuhi %d dari enam kriteria; yang belum terpenuhi: %s.", n, strings.Join(missing, "; "))
		default:
			verdict = fmt.Sprintf("Hanya %d dari enam kriteria yang terpenuhi, sehingga forum ini lebih tepat disebut wadah koordinasi daripada tata kelola kolaboratif. Yang belum terpenuhi: %s.", n, strings.Join(missing, "; "))
		}
		evid := ""
		if res.C3.Met {
			evid = res.C3.Explanation.ID + "."
		} else if res.C2.Met {
			evid = res.C2.Explanation.ID + ", tetapi " + strings.ToLower(res.C3.Explanation.ID[:1]) + res.C3.Explanation.ID[1:] + "."
		}
		if res.C4.Met {
			evid += " " + res.C4.Explanation.ID + "."
		}
		r.para(open, verdict, evid)
	}
	t := pdf.Table{Caption: "Enam kriteria tata kelola kolaboratif per forum",
		Columns: []pdf.Column{{Title: "Forum", Width: 4}, {Title: "C1", Align: "C"}, {Title: "C2", Align: "C"}, {Title: "C3", Align: "C"}, {Title: "C4", Align: "C"}, {Title: "C5", Align: "C"}, {Title: "C6", Align: "C"}, {Title: "Jumlah", Width: 1.6, Align: "C"}},
		Source:  "criteria.Evaluate atas forums, forum_members, organizations.sector, forum_charters, forum_meetings dengan meeting_attendance dan proposal_positions; keadaan per " + b.d.GeneratedAt.Format(time.DateOnly)}
	for _, f := range d.Forums {
		c := f.Criteria
		t.Rows = append(t.Rows, []string{f.Name, mark(c.C1), mark(c.C2), mark(c.C3), mark(c.C4), mark(c.C5), mark(c.C6), fmt.Sprintf("%d/6", c.MetCount())})
	}
	r.table(t)
}

func (b *builder) cycle() {
	d, r := b.d, b.r
	r.heading(2, "Siklus proses kolaborasi")
	if len(d.Forums) == 0 {
		r.para("Belum ada data siklus proses: siklus dialog tatap muka, membangun kepercayaan, komitmen pada proses, pemahaman bersama dan hasil antara hanya dapat dibaca dari forum, dan instansi ini belum memiliki forum yang tercatat.")
		return
	}
	r.para("Ansell dan Gash menggambarkan proses kolaborasi sebagai siklus: dialog tatap muka melahirkan kepercayaan, kepercayaan menumbuhkan komitmen pada proses, komitmen menghasilkan pemahaman bersama, dan pemahaman bersama menghasilkan capaian antara (small wins) yang kembali memperkuat dialog. Sinergi mencari jejak setiap tahap dalam data forum: rapat dan kehadiran, ketepatan tindak lanjut, kesinambungan kehadiran anggota, pengakuan atas misi dan rumusan masalah, serta capaian kecil yang dicatat.")
	for i, f := range d.Forums {
		var ok, not []string
		for _, s := range f.Cycle.Stages {
			line := strings.ToLower(s.Title.ID) + " (" + strings.ToLower(s.Evidence.ID[:1]) + s.Evidence.ID[1:] + ")"
			if s.Healthy {
				ok = append(ok, line)
			} else {
				not = append(not, line)
			}
		}
		var s []string
		s = append(s, pick(i, "Di "+forumName(f.Name)+", ", "Untuk "+forumName(f.Name)+", ", "Pada "+forumName(f.Name)+", ")+
			fmt.Sprintf("%d dari %d tahap siklus menunjukkan bukti yang sehat.", len(ok), len(f.Cycle.Stages)))
		if len(ok) > 0 {
			s = append(s, "Tahap yang berjalan: "+strings.Join(ok, "; ")+".")
		}
		if len(not) > 0 {
			s = append(s, pick(i, "Tahap yang masih lemah: ", "Yang perlu diperkuat: ")+strings.Join(not, "; ")+".")
		}
		if len(f.SmallWins) > 0 {
			s = append(s, "Capaian kecil yang tercatat antara lain "+list(quote(f.SmallWins[:min(3, len(f.SmallWins))]))+".")
		}
		r.para(s...)
	}
}

func quote(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = "“" + s + "”"
	}
	return out
}

func kindLabel(k string) string {
	switch k {
	case "forum":
		return "keanggotaan forum bersama"
	case "assistance":
		return "Bantuan Kedinasan"
	}
	if i, ok := sinergi.LookupActivityType(sinergi.ActivityType(k)); ok {
		return strings.ToLower(i.Label.ID)
	}
	return k
}

func (b *builder) ties() {
	d, r, n := b.d, b.r, b.d.Net
	f := d.Facts()
	r.heading(2, "Ikatan lintas unit dan lintas sektor; indeks E-I")
	r.para("WoG diukur dari siapa yang benar-benar bekerja dengan siapa. Setiap kegiatan kolaborasi, keanggotaan forum bersama dan permintaan Bantuan Kedinasan adalah satu tautan antara dua instansi; tautan-tautan itu membentuk jejaring yang sama dengan yang ditampilkan halaman analitik Sinergi untuk periode yang sama.",
		"Indeks E-I Krackhardt membandingkan ikatan eksternal (dengan sektor lain) dan internal (dengan sektor sendiri): (E − I) / (E + I), dari −1 (silo murni) sampai +1 (sepenuhnya terbuka ke luar).")
	if f.Ties == 0 {
		r.para(fmt.Sprintf("Belum ada data ikatan: dalam periode ini tidak ada kegiatan, forum bersama atau Bantuan Kedinasan yang menghubungkan %s dengan instansi lain.", d.Org.Name))
		return
	}
	share := float64(f.CrossSector) / float64(f.Ties)
	var s []string
	s = append(s, fmt.Sprintf("Dalam periode ini %s memiliki %s dengan %s. Dari jumlah itu, %s (%s) terjalin dengan instansi di luar sektor %s.",
		b.short(), count(f.Ties, "tautan"), count(len(n.Ties), "mitra"), num(f.CrossSector), pct(share), strings.ToLower(sectorLabel(d.Org.Sector))))
	if n.EIOrg != nil {
		tone := "lebih banyak ke luar sektor daripada ke dalam"
		switch {
		case *n.EIOrg <= EIPartial:
			tone = "cenderung tertutup di dalam sektornya sendiri"
		case *n.EIOrg < 0:
			tone = "sedikit lebih banyak di dalam sektor sendiri"
		case *n.EIOrg == 0:
			tone = "seimbang antara dalam dan luar sektor"
		}
		s = append(s, fmt.Sprintf("Indeks E-I %s atas mitranya adalah %s (%d mitra lintas sektor, %d mitra sesektor): jejaringnya %s.", b.short(), dec(*n.EIOrg, 2), n.OrgExternal, n.OrgInternal, tone))
	}
	if n.EINetwork != nil {
		s = append(s, fmt.Sprintf("Sebagai pembanding, indeks E-I seluruh jejaring Sinergi pada periode yang sama adalah %s.", dec(*n.EINetwork, 2)))
	}
	if n.WoG != nil {
		s = append(s, fmt.Sprintf("Indeks WoG %s, gabungan keterbukaan lintas sektor, jumlah mitra, peran penghubung, keaktifan ikatan dan timbal balik, bernilai %s dari 100 dan berada di peringkat %d dari %d instansi.", b.short(), dec(*n.WoG, 1), n.WoGRank, n.Nodes))
	}
	if n.Betweenness >= 0.1 {
		s = append(s, fmt.Sprintf("%s juga berperan sebagai penghubung (broker): %s jalur terpendek antarinstansi melewatinya.", b.short(), pct(n.Betweenness)))
	}
	r.para(s...)

	u := n.Units
	switch {
	case u.Total == 0:
		r.para("Belum ada data unit kerja untuk instansi ini, sehingga jangkauan kolaborasi ke dalam unit-unitnya tidak dapat diukur.")
	case u.Named == 0:
		r.para(fmt.Sprintf("Lintas unit: %s mencatat %s, tetapi tidak satu pun dari %s catatan kolaborasi pada periode ini menyebut unit kerja pelaksananya. Karena itu belum dapat dibuktikan unit mana yang bekerja lintas batas; yang terlihat hanya instansi sebagai satu kesatuan. Mencantumkan unit pelaksana pada setiap kegiatan dan permintaan Bantuan Kedinasan akan membuat ukuran ini bermakna.",
			b.short(), count(u.Total, "unit kerja"), num(u.Records)))
	default:
		names := make([]string, 0, len(u.Involved))
		for k := range u.Involved {
			names = append(names, k)
		}
		sort.Strings(names)
		r.para(fmt.Sprintf("Lintas unit: %s dari %s catatan kolaborasi menyebut unit kerja pelaksananya; %s dari %s unit %s terlibat, yaitu %s.",
			num(u.Named), num(u.Records), num(len(u.Involved)), num(u.Total), b.short(), list(names)))
	}

	bySector := map[string][2]int{}
	for _, t := range n.Ties {
		v := bySector[t.Sector]
		bySector[t.Sector] = [2]int{v[0] + 1, v[1] + t.Links}
	}
	var labels []string
	for k := range bySector {
		labels = append(labels, k)
	}
	sort.Strings(labels)
	var keys []string
	for _, l := range labels {
		if shortSector(l) != l {
			keys = append(keys, shortSector(l)+" = "+l)
		}
	}
	c := pdf.Chart{Caption: "Mitra dan tautan " + b.short() + " per sektor mitra", Unit: "jumlah",
		Series: []pdf.Series{{Name: "Mitra"}, {Name: "Tautan"}},
		Source: b.src("store.Network: activities, forum_members, assistance_requests yang melibatkan "+b.short()) + ". Singkatan: " + strings.Join(keys, "; ")}
	for _, l := range labels {
		c.Labels = append(c.Labels, shortSector(l))
		c.Series[0].Values = append(c.Series[0].Values, float64(bySector[l][0]))
		c.Series[1].Values = append(c.Series[1].Values, float64(bySector[l][1]))
	}
	r.Blocks = append(r.Blocks, Block{Kind: KBar, Chart: c})
	r.para(fmt.Sprintf("Gambar berikut adalah potret jejaring periode ini: %s di tengah, instansi lain melingkar dan dikelompokkan menurut komunitas yang ditemukan algoritma Louvain; tebal garis mengikuti banyaknya dan kebaruan tautan. Jejaring ini memiliki %s instansi dan %s ikatan dengan kepadatan %s.",
		b.short(), num(n.Nodes), num(n.Edges), dec(n.Density, 3)))
	if len(n.Snapshot.Nodes) > 0 {
		r.Blocks = append(r.Blocks, Block{Kind: KNetwork, Net: n.Snapshot})
	}
}

func (b *builder) response() {
	d, r := b.d, b.r
	in, out := d.Assistance.Incoming, d.Assistance.Outgoing
	r.heading(2, "Waktu respons Bantuan Kedinasan")
	r.para("Bantuan Kedinasan (UU 30/2014 Pasal 1 angka 10 dan Pasal 35–37) adalah bentuk kerja sama antarbadan pemerintahan yang paling dekat dengan WoG sehari-hari: satu instansi meminta, instansi lain wajib membantu kecuali ada alasan penolakan yang sah dan tertulis. Tenggat jawaban di Sinergi adalah 5 hari kerja (UU 6/2023 Pasal 175 angka 7); waktu respons dihitung dalam hari kerja dari pengajuan sampai jawaban pertama.")
	if in.Total+out.Total == 0 {
		r.para(fmt.Sprintf("Belum ada data Bantuan Kedinasan: tidak ada permintaan yang diajukan oleh atau kepada %s dalam periode ini.", d.Org.Name))
		return
	}
	var s []string
	if in.Total > 0 {
		answered := fmt.Sprintf("telah menjawab %s", count(in.Answered, "di antaranya"))
		if in.Answered == in.Total {
			answered = "semuanya telah dijawab"
		}
		s = append(s, fmt.Sprintf("%s menerima %s dan %s: %s diterima, %s ditolak.", b.short(), count(in.Total, "permintaan"), answered, num(in.Accepted), num(in.Refused)))
		if m := in.ResponseDays.Median; m != nil && *in.ResponseDays.Max == 0 {
			s = append(s, "Setiap jawaban diberikan pada hari kerja yang sama dengan pengajuannya, jadi waktu jawabnya 0 hari kerja.")
		} else if m != nil {
			s = append(s, fmt.Sprintf("Median waktu jawabnya %d hari kerja, persentil ke-90 %d hari kerja, dan yang paling lama %d hari kerja.", *m, *in.ResponseDays.P90, *in.ResponseDays.Max))
			if *m <= ResponseFull {
				s = append(s, "Itu berada dalam tenggat lima hari kerja.")
			} else {
				s = append(s, "Itu melampaui tenggat lima hari kerja.")
			}
		}
	} else {
		s = append(s, fmt.Sprintf("Tidak ada permintaan yang masuk kepada %s dalam periode ini, sehingga kecepatan jawabnya belum dapat diukur.", b.short()))
	}
	if out.Total > 0 {
		done := fmt.Sprintf("%s di antaranya telah dijawab", num(out.Answered))
		switch {
		case out.Total == 1 && out.Answered == 1:
			done = "permintaan itu telah dijawab"
		case out.Answered == out.Total:
			done = "semuanya telah dijawab"
		case out.Answered == 0:
			done = "belum ada yang dijawab"
		}
		s = append(s, fmt.Sprintf("Ke arah sebaliknya, %s mengajukan %s kepada instansi lain, dan %s.", b.short(), count(out.Total, "permintaan"), done))
		if m := out.ResponseDays.Median; m != nil {
			s = append(s, fmt.Sprintf("Mitra menjawabnya dalam median %d hari kerja.", *m))
		}
	}
	r.para(s...)
	t := pdf.Table{Caption: "Ringkasan Bantuan Kedinasan " + b.short(),
		Columns: []pdf.Column{{Title: "Ukuran", Width: 3}, {Title: "Masuk (sebagai pemberi)", Width: 2, Align: "R"}, {Title: "Keluar (sebagai peminta)", Width: 2, Align: "R"}},
		Source:  b.src("assist.ComputeStats atas assistance_requests dan assistance_history (submit → accept/refuse), hari kerja menurut kalender Bantuan Kedinasan")}
	opt := func(p *int) string {
		if p == nil {
			return "—"
		}
		return num(*p)
	}
	t.Rows = [][]string{
		{"Permintaan", num(in.Total), num(out.Total)},
		{"Dijawab", num(in.Answered), num(out.Answered)},
		{"Diterima", num(in.Accepted), num(out.Accepted)},
		{"Ditolak", num(in.Refused), num(out.Refused)},
		{"Median respons (hari kerja)", opt(in.ResponseDays.Median), opt(out.ResponseDays.Median)},
		{"Persentil ke-90 (hari kerja)", opt(in.ResponseDays.P90), opt(out.ResponseDays.P90)},
		{"Terlambat dijawab", num(in.Overdue), num(out.Overdue)},
	}
	r.table(t)
}

// ---------------------------------------------------------------- part 2

func (b *builder) part2() {
	d, r := b.d, b.r
	r.heading(1, "Contoh kolaborasi")
	r.para(fmt.Sprintf("Bagian ini memberi contoh nyata kolaborasi %s dengan instansi lain dalam periode laporan, lengkap dengan tanggal dan hasilnya. Contoh diambil dari %s: kegiatan kolaborasi yang diklasifikasikan menurut sebelas aktivitas Esteve dkk. (2013), forum, permintaan Bantuan Kedinasan%s.", d.Org.Name, map[bool]string{true: "empat jenis catatan", false: "tiga jenis catatan"}[d.AgreementsLoaded], map[bool]string{true: ", dan perjanjian kerja sama dari registri kerja sama", false: ""}[d.AgreementsLoaded]))

	r.heading(2, "Kegiatan kolaborasi")
	if len(d.Activities) == 0 {
		r.para(fmt.Sprintf("Belum ada data kegiatan kolaborasi %s dalam periode ini.", d.Org.Name))
	} else {
		byType := map[string]int{}
		var total int64
		for _, a := range d.Activities {
			byType[kindLabel(string(a.Type))]++
			if a.ValueRupiah != nil {
				total += *a.ValueRupiah
			}
		}
		var kinds []string
		for k, v := range byType {
			kinds = append(kinds, fmt.Sprintf("%s %s", num(v), k))
		}
		sort.Strings(kinds)
		s := []string{fmt.Sprintf("Sepanjang periode tercatat %s: %s.", count(len(d.Activities), "kegiatan"), list(kinds))}
		if total > 0 {
			s = append(s, fmt.Sprintf("Nilai yang dicatat untuk kegiatan-kegiatan itu berjumlah %s.", rupiah.Format(total)))
		}
		r.para(s...)
		for i, a := range d.Activities {
			r.para(b.activity(i, a))
		}
	}

	r.heading(2, "Forum sebagai wadah kolaborasi")
	if len(d.Forums) == 0 {
		r.para("Belum ada data forum untuk instansi ini.")
	} else {
		for i, f := range d.Forums {
			var s []string
			s = append(s, pick(i, fmt.Sprintf("%s mempertemukan %s instansi.", capital(forumName(f.Name)), num(f.Members)),
				fmt.Sprintf("Sebanyak %s instansi bertemu di %s.", num(f.Members), forumName(f.Name))))
			for _, st := range f.Cycle.Stages {
				if st.Key == "dialogue" || st.Key == "trust" {
					s = append(s, st.Title.ID+": "+strings.ToLower(st.Evidence.ID[:1])+st.Evidence.ID[1:]+".")
				}
			}
			if len(f.SmallWins) > 0 {
				s = append(s, fmt.Sprintf("Hasil antaranya yang tercatat: %s.", list(quote(f.SmallWins))))
			} else {
				s = append(s, "Belum ada capaian kecil yang dicatat sebagai hasil forum ini.")
			}
			r.para(s...)
		}
	}

	r.heading(2, "Permintaan Bantuan Kedinasan")
	if len(d.Requests) == 0 {
		r.para("Belum ada data permintaan Bantuan Kedinasan yang melibatkan instansi ini dalam periode laporan.")
	} else {
		for i, q := range d.Requests {
			r.para(b.request(i, q))
		}
	}

	x := d.extra("agreements")
	r.heading(2, "Perjanjian kerja sama")
	if d.AgreementsLoaded {
		b.agreementsPart2()
	} else {
		b.extra(x)
	}
}

func (b *builder) extra(x Extra) {
	if !x.Available {
		b.r.para(x.Note)
		return
	}
	b.r.para(x.Lines...)
	if x.Table != nil {
		b.r.table(*x.Table)
	}
	if x.Note != "" {
		b.r.para(x.Note)
	}
}

func (b *builder) activity(i int, a sinergi.Activity) string {
	me := b.d.Org.ID
	info, _ := sinergi.LookupActivityType(a.Type)
	partner := a.ToOrgName
	if a.ToOrgID == me {
		partner = a.FromOrgName
	}
	when := day(a.Date)
	var s string
	if info.Directed {
		if a.FromOrgID == me {
			s = pick(i, fmt.Sprintf("Pada %s, %s %s kepada %s: %s.", when, b.short(), strings.ToLower(info.Give.ID), partner, lowerFirst(a.Description)),
				fmt.Sprintf("%s, %s: %s %s kepada %s.", capital(when), lowerFirst(a.Description), b.short(), strings.ToLower(info.Give.ID), partner))
		} else {
			s = pick(i, fmt.Sprintf("Pada %s, %s %s dari %s: %s.", when, b.short(), strings.ToLower(info.Receive.ID), partner, lowerFirst(a.Description)),
				fmt.Sprintf("%s menjadi pemberi dalam kegiatan %s pada %s, dan %s %s.", partner, lowerFirst(a.Description), when, b.short(), strings.ToLower(info.Receive.ID)))
		}
	} else {
		s = pick(i, fmt.Sprintf("Pada %s, %s dan %s melakukan %s: %s.", when, b.short(), partner, strings.ToLower(info.Label.ID), lowerFirst(a.Description)),
			fmt.Sprintf("%s bersama %s menjalankan %s pada %s, yaitu %s.", b.short(), partner, strings.ToLower(info.Label.ID), when, lowerFirst(a.Description)),
			fmt.Sprintf("Kegiatan %s dengan %s tercatat pada %s: %s.", strings.ToLower(info.Label.ID), partner, when, lowerFirst(a.Description)))
	}
	if a.ValueRupiah != nil && *a.ValueRupiah > 0 {
		s += " " + pick(i, "Nilainya dicatat "+rupiah.Format(*a.ValueRupiah)+".", "Kegiatan ini bernilai "+rupiah.Format(*a.ValueRupiah)+".")
	}
	if strings.TrimSpace(a.Evidence) != "" {
		s += " Hasil dan buktinya: " + lowerFirst(a.Evidence) + "."
	} else {
		s += " " + pick(i, "Bukti hasilnya belum dilampirkan pada catatan kegiatan.", "Catatan ini belum memuat bukti hasil.", "Hasilnya belum didokumentasikan dalam catatan.")
	}
	return s
}

func lowerFirst(s string) string {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	for i, r := range s {
		// keep acronyms and proper names ("KKN", "UMKM", "Bazar UMKM" stays "bazar UMKM")
		rest := s[i+len(string(r)):]
		if len(rest) > 0 && strings.ToUpper(rest[:1]) == rest[:1] && strings.ToLower(rest[:1]) != rest[:1] {
			return s
		}
		return strings.ToLower(string(r)) + rest
	}
	return s
}

func (b *builder) request(i int, q sinergi.AssistanceRequest) string {
	me := b.d.Org.ID
	var s []string
	sub := "—"
	if q.SubmittedAt != nil {
		sub = date(*q.SubmittedAt)
	}
	num := q.Number
	if num == "" {
		num = "tanpa nomor"
	}
	if q.RequesterOrgID == me {
		s = append(s, pick(i, fmt.Sprintf("Pada %s, %s meminta Bantuan Kedinasan kepada %s perihal %s (nomor %s).", sub, b.short(), q.ProviderOrgName, lowerFirst(q.Subject), num),
			fmt.Sprintf("%s mengajukan permintaan nomor %s kepada %s pada %s, perihal %s.", b.short(), num, q.ProviderOrgName, sub, lowerFirst(q.Subject))))
	} else {
		s = append(s, pick(i, fmt.Sprintf("Pada %s, %s meminta Bantuan Kedinasan kepada %s perihal %s (nomor %s).", sub, q.RequesterOrgName, b.short(), lowerFirst(q.Subject), num),
			fmt.Sprintf("%s menerima permintaan nomor %s dari %s pada %s, perihal %s.", b.short(), num, q.RequesterOrgName, sub, lowerFirst(q.Subject))))
	}
	if q.Emergency {
		s = append(s, "Permintaan ini berstatus darurat, sehingga menurut Pasal 36 ayat (3) tidak dapat ditolak.")
	}
	switch q.Status {
	case sinergi.AssistSubmitted:
		if q.Overdue {
			s = append(s, fmt.Sprintf("Sampai laporan disusun permintaan ini belum dijawab, padahal tenggatnya %s.", day(q.DueDate)))
		} else {
			s = append(s, fmt.Sprintf("Permintaan ini masih menunggu jawaban dengan tenggat %s.", day(q.DueDate)))
		}
	case sinergi.AssistRefused:
		reason := strings.TrimSuffix(q.RefusalReason, ".")
		s = append(s, fmt.Sprintf("Permintaan ini ditolak%s dengan alasan tertulis: %s.", onDate(q.RespondedAt), lowerFirst(reason)))
	case sinergi.AssistAccepted, sinergi.AssistInProgress, sinergi.AssistCompleted:
		st := map[sinergi.AssistanceStatus]string{sinergi.AssistAccepted: "diterima dan menunggu pelaksanaan", sinergi.AssistInProgress: "diterima dan sedang dilaksanakan", sinergi.AssistCompleted: "diterima dan telah selesai dilaksanakan"}[q.Status]
		s = append(s, fmt.Sprintf("Permintaan ini %s%s.", st, onDateComma(q.RespondedAt)))
	case sinergi.AssistCancelled:
		s = append(s, "Permintaan ini kemudian dibatalkan oleh peminta.")
	}
	if q.CostEstimate > 0 {
		s = append(s, "Perkiraan biayanya "+rupiah.Format(q.CostEstimate)+".")
	}
	return strings.Join(s, " ")
}

func onDate(t *time.Time) string {
	if t == nil {
		return ""
	}
	return " pada " + date(*t)
}

func onDateComma(t *time.Time) string {
	if t == nil {
		return ""
	}
	return " (dijawab " + date(*t) + ")"
}

// ---------------------------------------------------------------- part 3

func (b *builder) part3() {
	d, r := b.d, b.r
	r.heading(1, "Tantangan dan hambatan")
	r.para("Literatur yang menjadi dasar penugasan ini menyebut tantangan dan hambatan kolaborasi yang khas: anggaran yang terbatas atau berubah-ubah, pendekatan dengan mitra yang memakan waktu lama, komunikasi yang minim, rasa saling percaya yang kurang, serta perbedaan pola pikir dan gaya kerja; Astari dkk. (2019) menambahkan batas masalah yang kabur dan dasar hukum yang tidak jelas. Bagian ini tidak menebak hambatan mana yang dialami, tetapi membaca sinyal yang terukur di data: " + b.signalList() + ".")

	r.heading(2, "Jawaban yang lambat dan permintaan yang terlambat")
	in := d.Assistance.Incoming
	switch {
	case len(d.Assistance.Overdue) > 0:
		var items []string
		for _, o := range d.Assistance.Overdue {
			dir := "masuk dari"
			if o.Direction == "outgoing" {
				dir = "keluar kepada"
			}
			it := fmt.Sprintf("%s (%s %s): tenggat %s, terlambat %d hari kerja", o.Subject, dir, o.Counterpart, day(o.DueDate), o.WorkingDaysLate)
			if o.Emergency {
				it += "; permintaan darurat"
			}
			if o.Escalated {
				it += "; sudah dieskalasi"
			}
			items = append(items, it+".")
		}
		r.para(fmt.Sprintf("Per %s terdapat %s yang sudah melewati tenggat jawaban. Keterlambatan seperti ini adalah bentuk terukur dari hambatan “pendekatan dengan mitra yang membutuhkan waktu lama”, dan menurut UU 6/2023 permohonan yang tidak dijawab tepat waktu dapat dianggap dikabulkan.", day(d.Assistance.AsOf), count(len(d.Assistance.Overdue), "permintaan Bantuan Kedinasan")))
		r.bullets(items...)
	case in.ResponseDays.Median != nil && *in.ResponseDays.Median > ResponseFull:
		r.para(fmt.Sprintf("Tidak ada permintaan yang saat ini terlambat, tetapi median waktu jawab %d hari kerja melampaui tenggat lima hari kerja.", *in.ResponseDays.Median))
	case in.Total+d.Assistance.Outgoing.Total == 0:
		r.para("Belum ada data: tanpa permintaan Bantuan Kedinasan dalam periode ini, kecepatan jawab tidak dapat dijadikan sinyal hambatan.")
	default:
		r.para("Tidak ada sinyal hambatan di sini: tidak ada permintaan Bantuan Kedinasan yang terlambat dijawab dalam periode ini.")
	}
	if n := in.BlockedRefusals; n > 0 {
		r.para(fmt.Sprintf("Sistem juga mencatat %s penolakan yang dicegah karena tidak memenuhi syarat Pasal 36 UU 30/2014.", count(n, "upaya")))
	}

	r.heading(2, "Tindak lanjut yang melewati tenggat")
	if len(d.Overdue) == 0 {
		r.para(fmt.Sprintf("Per %s tidak ada tindak lanjut rapat forum milik %s yang melewati tenggat.", date(d.GeneratedAt), b.short()))
	} else {
		r.para(fmt.Sprintf("Per %s, %s milik %s masih terbuka padahal tenggatnya sudah lewat. Tindak lanjut yang tidak selesai menggerus tahap membangun kepercayaan dalam siklus kolaborasi: mitra menilai kesungguhan dari janji yang ditepati.", date(d.GeneratedAt), count(len(d.Overdue), "tindak lanjut"), b.short()))
		var items []string
		for _, a := range d.Overdue {
			items = append(items, fmt.Sprintf("%s, tenggat %s.", strings.TrimSuffix(a.Title, "."), day(a.Due)))
		}
		r.bullets(items...)
	}

	r.heading(2, "Ikatan yang tidur")
	if len(d.Net.Dormant) == 0 {
		r.para(fmt.Sprintf("Tidak ada ikatan %s yang tidur: setiap mitra yang pernah tercatat masih aktif dalam 12 bulan sebelum akhir periode.", b.short()))
	} else {
		var items []string
		for _, t := range d.Net.Dormant {
			items = append(items, fmt.Sprintf("%s (%s): kegiatan terakhir %s.", t.Partner, strings.ToLower(t.Sector), date(t.Last)))
		}
		r.para(fmt.Sprintf("Ikatan disebut tidur bila tidak ada kegiatan selama 12 bulan. %s memiliki %s seperti itu. Ikatan tidur adalah modal kerja sama yang pernah ada tetapi tidak dirawat; menghidupkannya kembali biasanya lebih murah daripada membangun kemitraan baru.", b.short(), count(len(d.Net.Dormant), "ikatan")))
		r.bullets(items...)
	}

	r.heading(2, "Temuan jejaring dan kecenderungan silo")
	if len(d.Net.Findings) == 0 {
		r.para(fmt.Sprintf("Analisis jejaring periode ini tidak menghasilkan temuan khusus yang menyebut %s (misalnya keterisolasian atau silo).", b.short()))
	} else {
		r.para("Analisis jejaring menghasilkan temuan berikut yang menyangkut instansi ini:")
		r.bullets(d.Net.Findings...)
	}

	b.agreementsPart3()

	r.heading(2, "Register hambatan dan asesmen")
	b.registerPart3()

	r.heading(2, "Langkah perbaikan yang ditunjukkan data")
	var fixes []string
	for _, f := range d.Forums {
		for _, c := range f.Criteria.All() {
			if !c.Met && c.Fix.ID != "" {
				fixes = append(fixes, fmt.Sprintf("%s, %s: %s.", capital(forumName(f.Name)), strings.ToLower(strings.SplitN(c.Title.ID, " ", 2)[1]), lowerFirst(c.Fix.ID)))
			}
		}
	}
	for _, f := range d.Forums {
		for _, st := range f.Cycle.Stages {
			if !st.Healthy {
				fixes = append(fixes, fmt.Sprintf("%s, tahap %s: %s; %s.", capital(forumName(f.Name)), strings.ToLower(st.Title.ID), lowerFirst(st.Evidence.ID), stageFix[st.Key]))
			}
		}
	}
	if len(d.Net.Dormant) > 0 {
		fixes = append(fixes, fmt.Sprintf("Hubungi kembali %s dengan kegiatan kecil yang konkret untuk menghidupkan ikatan yang tidur.", list(partnerNames(d.Net.Dormant, 3))))
	}
	fixes = append(fixes, b.agreementFixes()...)
	fixes = append(fixes, b.registerFixes()...)
	fixes = append(fixes, b.corridorFixes()...)
	if len(d.Assistance.Overdue) > 0 {
		fixes = append(fixes, "Jawab permintaan Bantuan Kedinasan yang terlambat, atau tolak secara tertulis dengan alasan yang sah menurut Pasal 36 UU 30/2014.")
	}
	if d.Net.Units.Total > 0 && d.Net.Units.Named == 0 {
		fixes = append(fixes, "Cantumkan unit kerja pelaksana pada setiap kegiatan dan permintaan Bantuan Kedinasan agar kolaborasi lintas unit dapat diukur.")
	}
	if len(fixes) == 0 {
		r.para("Data periode ini tidak menunjukkan kekurangan yang perlu diperbaiki secara khusus.")
	} else {
		r.para("Setiap kekurangan yang terukur di atas menunjuk pada langkah yang dapat diambil:")
		r.bullets(fixes...)
	}
}

func partnerNames(ts []Tie, n int) []string {
	var out []string
	for i, t := range ts {
		if i == n {
			break
		}
		out = append(out, t.Partner)
	}
	return out
}

// ---------------------------------------------------------------- part 4

func (b *builder) part4() {
	d, r := b.d, b.r
	r.heading(1, "Rencana kolaborasi koridor")
	if d.CorridorLoaded {
		b.corridorPart4()
		return
	}
	x := d.extra("corridor")
	if x.Available {
		b.extra(x)
		return
	}
	r.para(x.Note)
	if d.Org.RegionName != "" {
		r.para(fmt.Sprintf("Sebagai keterangan, %s berkedudukan di wilayah %s (kode %s). Bila wilayah ini termasuk dalam program koridor, misalnya jalur kereta api Makassar–Parepare, rencana kolaborasinya akan dimuat di bagian ini setelah modul koridor terhubung.", d.Org.Name, d.Org.RegionName, d.Org.RegionCode))
	}
}

// ---------------------------------------------------------------- appendix

func (b *builder) appendix() {
	d, r := b.d, b.r
	r.heading(1, "Lampiran")
	r.para("Tabel-tabel berikut memuat data mentah yang menjadi dasar bagian-bagian sebelumnya, agar setiap angka dapat diperiksa kembali.")
	r.heading(2, "Mitra dan tautan per mitra")
	if len(d.Net.Ties) == 0 {
		r.para("Belum ada data mitra dalam periode ini.")
	} else {
		t := pdf.Table{Caption: "Mitra " + b.short() + " dalam periode laporan",
			Columns: []pdf.Column{{Title: "Mitra", Width: 4}, {Title: "Sektor", Width: 2.5}, {Title: "Tautan", Width: 1.6, Align: "R"}, {Title: "Jenis tautan", Width: 4}, {Title: "Terakhir", Width: 2.2}},
			Source:  b.src("store.Network: activities, forum_members, assistance_requests")}
		for _, x := range d.Net.Ties {
			var kinds []string
			for k, v := range x.Kinds {
				kinds = append(kinds, fmt.Sprintf("%s %s", kindLabel(k), num(v)))
			}
			sort.Strings(kinds)
			t.Rows = append(t.Rows, []string{x.Partner, x.Sector, num(x.Links), strings.Join(kinds, "; "), date(x.Last)})
		}
		r.table(t)
	}
	r.heading(2, "Daftar kegiatan kolaborasi")
	if len(d.Activities) == 0 {
		r.para("Belum ada data kegiatan kolaborasi dalam periode ini.")
	} else {
		t := pdf.Table{Caption: "Kegiatan kolaborasi " + b.short(),
			Columns: []pdf.Column{{Title: "Tanggal", Width: 2.2}, {Title: "Jenis", Width: 2.2}, {Title: "Pemberi / pihak pertama", Width: 3}, {Title: "Penerima / pihak kedua", Width: 3}, {Title: "Nilai", Width: 2, Align: "R"}},
			Source:  b.src("activities (tabel kegiatan), disaring menurut tanggal dan instansi")}
		for _, a := range d.Activities {
			val := "—"
			if a.ValueRupiah != nil && *a.ValueRupiah > 0 {
				val = rupiah.Format(*a.ValueRupiah)
			}
			t.Rows = append(t.Rows, []string{day(a.Date), kindLabel(string(a.Type)), a.FromOrgName, a.ToOrgName, val})
		}
		r.table(t)
	}
	r.heading(2, "Daftar permintaan Bantuan Kedinasan")
	if len(d.Requests) == 0 {
		r.para("Belum ada data permintaan Bantuan Kedinasan dalam periode ini.")
	} else {
		t := pdf.Table{Caption: "Permintaan Bantuan Kedinasan yang melibatkan " + b.short(),
			Columns: []pdf.Column{{Title: "Nomor", Width: 3}, {Title: "Perihal", Width: 4}, {Title: "Peminta", Width: 3}, {Title: "Pemberi", Width: 3}, {Title: "Diajukan", Width: 2.2}, {Title: "Status", Width: 1.8}},
			Source:  b.src("assistance_requests dan assistance_history; hanya catatan yang boleh dibaca penyusun laporan (sinergi.CanReadAssistance)")}
		for _, q := range d.Requests {
			sub := "—"
			if q.SubmittedAt != nil {
				sub = date(*q.SubmittedAt)
			}
			t.Rows = append(t.Rows, []string{or(q.Number, "—"), q.Subject, q.RequesterOrgName, q.ProviderOrgName, sub, sinergi.AssistanceStatusLabel[q.Status].ID})
		}
		r.table(t)
	}
	b.agreementsAppendix()
	r.heading(2, "Bukti siklus proses per forum")
	if len(d.Forums) == 0 {
		r.para("Belum ada data forum.")
	} else {
		t := pdf.Table{Caption: "Bukti tiap tahap siklus proses kolaborasi",
			Columns: []pdf.Column{{Title: "Forum", Width: 3}, {Title: "Tahap", Width: 2.5}, {Title: "Bukti", Width: 6}, {Title: "Sehat", Width: 1.2, Align: "C"}},
			Source:  "criteria.Cycle atas forum_meetings, meeting_attendance, forum_action_items, forum_members (pengakuan) dan forum_small_wins; keadaan per " + d.GeneratedAt.Format(time.DateOnly)}
		for _, f := range d.Forums {
			for _, s := range f.Cycle.Stages {
				h := "belum"
				if s.Healthy {
					h = "ya"
				}
				t.Rows = append(t.Rows, []string{f.Name, s.Title.ID, s.Evidence.ID, h})
			}
		}
		r.table(t)
	}
	r.heading(2, "Catatan metode")
	r.para("Periode laporan mencakup tanggal awal dan akhir. Tautan jejaring dibaca dengan aturan yang sama dengan halaman analitik: satu kegiatan adalah satu tautan; keanggotaan forum bersama menautkan setiap dua anggota sejak anggota yang bergabung kemudian; permintaan Bantuan Kedinasan (kecuali draf dan yang dibatalkan) menautkan pemberi dan peminta sejak diajukan. Bobot ikatan mengikuti jumlah dan kebaruan tautan. Kriteria forum dan bukti siklus proses menggambarkan keadaan saat laporan disusun, karena piagam dan keanggotaan adalah keadaan, bukan peristiwa.",
		fmt.Sprintf("Hanya catatan yang boleh dibaca penyusun laporan yang dimuat; catatan berklasifikasi rahasia hanya masuk bila penyusunnya berhak.%s", withheld(d.Withheld)))
}

func withheld(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" Sebanyak %s tidak dimuat karena penyusun tidak berhak membacanya.", count(n, "catatan"))
}

func or(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// forumName writes "forum X" unless the name already says "Forum …".
func forumName(n string) string {
	if strings.HasPrefix(strings.ToLower(n), "forum") {
		return n
	}
	return "forum " + n
}

// stageFix is what strengthens a weak stage of the process cycle.
var stageFix = map[string]string{
	"dialogue":      "adakan rapat tatap muka atau hibrida dan pastikan sedikitnya separuh anggota hadir",
	"trust":         "selesaikan tindak lanjut tepat waktu, karena janji yang ditepati adalah dasar kepercayaan",
	"commitment":    "ajak anggota yang jarang hadir kembali ke rapat, misalnya dengan agenda yang menyangkut kepentingannya",
	"understanding": "minta setiap anggota mengakui misi, rumusan masalah dan nilai bersama forum",
	"outcomes":      "catat capaian kecil yang sudah diraih agar kemajuan terlihat oleh semua anggota",
}

// shortSector abbreviates a sector label for a chart axis.
func shortSector(label string) string {
	for _, i := range sinergi.Sectors {
		if i.Label.ID == label {
			if a, ok := sectorAbbrev[i.Code]; ok {
				return a
			}
		}
	}
	return label
}

var sectorAbbrev = map[sinergi.Sector]string{
	sinergi.SectorMinistry: "K/L", sinergi.SectorProvincialGovernment: "Pemprov", sinergi.SectorRegencyGovernment: "Pemkab",
	sinergi.SectorCityGovernment: "Pemkot", sinergi.SectorPublicUniversity: "PTN", sinergi.SectorPrivateUniversity: "PTS",
	sinergi.SectorBUMN: "BUMN", sinergi.SectorBUMD: "BUMD", sinergi.SectorPrivateCompany: "Swasta", sinergi.SectorCooperative: "UMKM",
	sinergi.SectorCivilSociety: "OMS", sinergi.SectorCommunity: "Kom.", sinergi.SectorForeignInstitution: "LLN",
	sinergi.SectorForeignLocalGovernment: "Pemda LN",
}
