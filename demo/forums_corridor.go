package demo

import (
	"sinergi"
)

// corridorDeciding are the deciding members of the corridor forum.
var corridorDeciding = []string{"maros", "pangkep", "barru", "parepare", "makassar", "kemenhub", "cri", "kai", "sci", "umkm-maros", "komunitas-maros"}

// corridor loads "Forum Koridor Kereta Api Makassar–Parepare": initiated by
// the province, with the corridor regions, DJKA/BPKA, the railway companies,
// an MSME association and a community deciding; meetings in WITA; proposals
// reached, open, blocked, revised into a second round and decided by the
// charter's fallback, plus a meeting-time poll and a closed score poll. It
// meets all six criteria.
func (d *forumDemo) corridor() error {
	f, err := d.db.CreateForum(d.sys, sinergi.ForumInput{
		Name: "Forum Koridor Kereta Api Makassar–Parepare", InitiatorOrgID: d.org["sulsel"], Focus: sinergi.FocusProgrammeManagement,
		ProblemStatement: "Jalur kereta api Makassar–Parepare melintasi lima daerah; lokasi stasiun, akses warga, pemanfaatan lahan dan angkutan lanjutan belum disepakati bersama, sehingga manfaat jalur bagi warga dan UMKM di sekitar stasiun belum optimal.",
		Mission:          "Menyepakati bersama pengoperasian dan pemanfaatan koridor kereta api Makassar–Parepare agar melayani warga, UMKM dan daerah yang dilintasi.",
		SharedValues:     "Musyawarah untuk mufakat; keterbukaan data; kesetaraan antaranggota; keberpihakan pada warga sekitar stasiun.",
		Scope:            "Koridor Kota Makassar, Kabupaten Maros, Kabupaten Pangkajene dan Kepulauan, Kabupaten Barru dan Kota Parepare.",
		Visibility:       sinergi.VisibilityPublic,
		LegalBasis: []sinergi.LegalBasis{
			{Type: "UU", Number: "23", Year: 2007, Article: "tentang Perkeretaapian"},
			{Type: "UU", Number: "23", Year: 2014, Article: "Pasal 363"},
			{Type: "PP", Number: "28", Year: 2018, Article: "tentang Kerja Sama Daerah"},
		},
		Profile: sinergi.ForumProfile{
			Asymmetries:   "Kementerian dan BUMN menguasai data teknis dan anggaran; komunitas dan UMKM bergantung pada informasi dari fasilitator.",
			Incentives:    "Daerah mengharapkan pertumbuhan ekonomi di sekitar stasiun; operator mengharapkan penumpang; warga mengharapkan akses yang aman.",
			Prehistory:    "Pernah terjadi perbedaan pendapat tentang pembebasan lahan di Maros; kerja sama teknis antara BPKA dan pemerintah daerah berjalan baik.",
			InitialTrust:  "medium",
			Inclusiveness: "Semua daerah yang dilintasi, operator dan perwakilan warga menjadi anggota pengambil keputusan.",
			Exclusiveness: "Forum ini satu-satunya wadah keputusan bersama untuk koridor; rapat teknis bilateral dilaporkan ke forum.",
			GroundRules:   "Piagam tertulis dengan mufakat sebagai aturan keputusan dan suara terbanyak bersyarat sebagai cadangan.",
			Transparency:  "Notulen dan keputusan dipublikasikan di halaman publik forum.",
		}})
	if err != nil {
		return err
	}
	if _, err := d.db.SetCharter(d.sys, f.ID, 0, sinergi.CharterInput{
		Rules:        "1. Forum bermusyawarah untuk mufakat.\n2. Setiap instansi anggota pengambil keputusan memiliki satu suara dan diwakili pejabat yang ditunjuk; Plh/Plt dicatat.\n3. Usulan dibuka sekurang-kurangnya tujuh hari sebelum ditutup.\n4. Posisi tidak setuju dan blokir wajib disertai alasan.\n5. Notulen disahkan pada rapat berikutnya dan dipublikasikan bila disepakati.",
		DecisionRule: sinergi.RuleConsensus, Fallback: sinergi.FallbackMajority, FallbackAfterRounds: 2, MajorityPercent: 67,
		Quorum: 6, VoteUnit: sinergi.VotePerOrganization, DisagreeTolerance: 1}); err != nil {
		return err
	}
	for _, s := range corridorDeciding {
		acting, actingFor := sinergi.ActingNone, ""
		if s == "kemenhub" {
			acting, actingFor = sinergi.ActingPlt, "Kepala Balai Pengelola Kereta Api Sulawesi Selatan"
		}
		if err := d.member(f.ID, s, sinergi.MemberDeciding, acting, actingFor); err != nil {
			return err
		}
	}
	if err := d.member(f.ID, "unismuh", sinergi.MemberObserver, "", ""); err != nil {
		return err
	}
	if err := d.member(f.ID, "sulsel", sinergi.MemberFacilitator, "", ""); err != nil {
		return err
	}
	if err := d.acknowledge(f.ID, append([]string{"sulsel"}, corridorDeciding...)); err != nil {
		return err
	}
	if err := d.corridorMeetings(f.ID); err != nil {
		return err
	}
	for _, w := range []sinergi.SmallWinInput{
		{Title: "Data kepemilikan lahan lima stasiun terkumpul", Description: "Dihimpun bersama BPKA dan kelima pemerintah daerah.", AchievedOn: d.date(-40)},
		{Title: "Lapak UMKM di Stasiun Maros disepakati", Description: "Dua puluh lapak untuk anggota Asosiasi UMKM Maros.", AchievedOn: d.date(-12)},
	} {
		if _, err := d.db.AddSmallWin(d.sys, f.ID, w); err != nil {
			return err
		}
	}
	return d.corridorProposals(f.ID)
}

func (d *forumDemo) corridorMeetings(forumID int64) error {
	all := append([]string{"sulsel"}, corridorDeciding...)
	if err := d.meeting(forumID, sinergi.MeetingInput{StartsAt: d.wita(-60, 9, 30), TimeZone: "WITA", Mode: sinergi.ModeInPerson,
		Place: "Ruang Rapat Pimpinan, Kantor Gubernur Sulawesi Selatan, Makassar", Agenda: "1. Pembentukan forum dan piagam\n2. Pemetaan persoalan koridor",
		Minutes:       "Rapat dibuka oleh Kepala Biro Pemerintahan selaku fasilitator. Anggota menyepakati piagam forum dan rumusan masalah bersama. BPKA memaparkan status jalur. Komunitas Peduli Stasiun Maros meminta akses pejalan kaki yang aman.",
		MinutesPublic: true}, all, []sinergi.ActionItemInput{
		{Title: "Menghimpun data kepemilikan lahan di sekitar lima stasiun", OwnerOrgID: d.org["kemenhub"], Due: d.date(-45), Status: sinergi.ActionDone, DoneOn: d.date(-47)},
		{Title: "Menyusun daftar UMKM calon penyewa lapak stasiun", OwnerOrgID: d.org["umkm-maros"], Due: d.date(-40), Status: sinergi.ActionDone, DoneOn: d.date(-41)},
	}); err != nil {
		return err
	}
	if err := d.meeting(forumID, sinergi.MeetingInput{StartsAt: d.wita(-30, 13, 0), TimeZone: "WITA", Mode: sinergi.ModeHybrid,
		Place: "Aula Kantor Bupati Maros dan Zoom", Agenda: "1. Lokasi Stasiun Maros\n2. Akses pejalan kaki",
		Minutes:       "Forum membahas usulan lokasi Stasiun Maros dan jalur pejalan kaki. PT KAI dan PT CRI menyampaikan kebutuhan operasional. Usulan lokasi dibuka untuk posisi anggota.",
		MinutesPublic: true}, []string{"sulsel", "maros", "pangkep", "barru", "parepare", "makassar", "kemenhub", "cri", "kai", "umkm-maros", "komunitas-maros"}, []sinergi.ActionItemInput{
		{Title: "Desain jalur pejalan kaki Stasiun Maros", OwnerOrgID: d.org["maros"], Due: d.date(-5)},
		{Title: "Kajian angkutan lanjutan dari stasiun", OwnerOrgID: d.org["sci"], Due: d.date(-10), Status: sinergi.ActionDone, DoneOn: d.date(-11)},
	}); err != nil {
		return err
	}
	return d.meeting(forumID, sinergi.MeetingInput{StartsAt: d.wita(-7, 10, 0), TimeZone: "WITA", Mode: sinergi.ModeOnline,
		Place: "Rapat daring", Agenda: "1. Tarif angkutan lanjutan\n2. Pemanfaatan lahan eks-rel",
		Minutes: "Pembahasan internal tentang tarif; catatan ini belum disepakati untuk dipublikasikan.", MinutesPublic: false},
		[]string{"sulsel", "maros", "barru", "parepare", "kemenhub", "cri", "kai", "sci", "komunitas-maros"}, []sinergi.ActionItemInput{
			{Title: "Simulasi tarif angkutan lanjutan", OwnerOrgID: d.org["sci"], Due: d.date(10)},
		})
}

func (d *forumDemo) corridorProposals(forumID int64) error {
	allAgree := func(except ...string) map[string]string {
		m := map[string]string{}
		for _, s := range corridorDeciding {
			m[s] = "agree"
		}
		for _, s := range except {
			delete(m, s)
		}
		return m
	}
	// 1. consensus reached and closed
	p, err := d.db.CreateProposal(d.sys, forumID, sinergi.ProposalInput{Title: "Penetapan lokasi Stasiun Maros di Kecamatan Turikale",
		Body: "Stasiun Maros dibangun di Kecamatan Turikale, dengan jalur pejalan kaki ke pasar dan terminal.", ClosesAt: d.wita(3, 17, 0)})
	if err != nil {
		return err
	}
	pos := allAgree("barru")
	pos["barru"] = "abstain"
	if err := d.positions(p.ID, pos); err != nil {
		return err
	}
	if _, err := d.db.CloseProposal(d.sys, p.ID, 0, sinergi.CloseInput{Outcome: "Forum bermufakat: Stasiun Maros di Kecamatan Turikale. Pemerintah Kabupaten Maros menyiapkan jalur pejalan kaki.", ReviewDate: d.date(180)}); err != nil {
		return err
	}
	// 2. open, waiting for several members (Maros among them: its dashboard task)
	p, err = d.db.CreateProposal(d.sys, forumID, sinergi.ProposalInput{Title: "Jadwal operasional KA Makassar–Parepare",
		Body: "Kereta beroperasi pukul 05.30–21.00 WITA dengan selang 60 menit pada jam sibuk.", ClosesAt: d.wita(9, 17, 0)})
	if err != nil {
		return err
	}
	if err := d.positions(p.ID, map[string]string{"kai": "agree", "cri": "agree", "parepare": "agree", "umkm-maros": "disagree:Kereta pertama terlalu siang bagi pedagang pasar pagi"}); err != nil {
		return err
	}
	if _, err := d.db.AddComment(d.actor["unismuh"], p.ID, sinergi.CommentInput{Body: "Kajian kami menunjukkan permintaan tertinggi pukul 06.00–08.00; mohon pertimbangkan keberangkatan lebih pagi."}); err != nil {
		return err
	}
	// 3. open and blocked
	p, err = d.db.CreateProposal(d.sys, forumID, sinergi.ProposalInput{Title: "Tarif angkutan lanjutan dari stasiun",
		Body: "Tarif angkutan lanjutan stasiun–pusat kota Rp10.000 per orang.", ClosesAt: d.wita(5, 17, 0)})
	if err != nil {
		return err
	}
	if err := d.positions(p.ID, map[string]string{"sci": "agree", "maros": "agree", "makassar": "agree", "kai": "agree", "cri": "abstain", "pangkep": "agree",
		"komunitas-maros": "block:Tarif memberatkan pelajar dan warga berpenghasilan rendah; usul tarif khusus pelajar"}); err != nil {
		return err
	}
	// 4. blocked in round 1, revised; round 2 decided by the charter's fallback
	p, err = d.db.CreateProposal(d.sys, forumID, sinergi.ProposalInput{Title: "Pemanfaatan lahan eks-rel di Parepare",
		Body: "Lahan eks-rel di Parepare dijadikan kawasan komersial.", ClosesAt: d.wita(2, 17, 0)})
	if err != nil {
		return err
	}
	pos = allAgree("komunitas-maros", "parepare")
	pos["parepare"] = "block:Lahan dipakai warga sebagai ruang terbuka"
	if err := d.positions(p.ID, pos); err != nil {
		return err
	}
	r2, err := d.db.ReviseProposal(d.sys, p.ID, sinergi.ProposalInput{Title: "Pemanfaatan lahan eks-rel di Parepare (putaran 2)",
		Body: "Lahan eks-rel di Parepare dijadikan kawasan komersial dengan 30% ruang terbuka publik.", ClosesAt: d.wita(4, 17, 0)})
	if err != nil {
		return err
	}
	pos = allAgree("parepare", "komunitas-maros")
	pos["parepare"] = "block:Ruang terbuka 30% belum cukup"
	pos["komunitas-maros"] = "disagree:Perlu kajian dampak sosial"
	if err := d.positions(r2.ID, pos); err != nil {
		return err
	}
	_, err = d.db.CloseProposal(d.sys, r2.ID, 0, sinergi.CloseInput{Outcome: "Mufakat tidak tercapai dalam dua putaran; sesuai piagam, usulan diputuskan dengan suara terbanyak bersyarat 67% (9 dari 11 setuju). Pemerintah Kota Parepare mencatat keberatannya.", ReviewDate: d.date(365)})
	if err != nil {
		return err
	}
	// 5. other ways to decide: a meeting-time poll and a score poll
	return d.corridorPolls(forumID)
}

// university is a forum of two public universities only: no non-state
// member, so it fails C2 (and with it C3).
func (d *forumDemo) university() error {
	f, err := d.db.CreateForum(d.sys, sinergi.ForumInput{Name: "Forum Kerja Sama Peternakan Unsulbar–UGM", InitiatorOrgID: d.org["unsulbar"], Focus: sinergi.FocusProgrammeManagement,
		ProblemStatement: "Program studi peternakan di Sulawesi Barat kekurangan dosen bergelar doktor dan fasilitas laboratorium.",
		Mission:          "Memperkuat pendidikan dan penelitian peternakan melalui pertukaran dosen dan riset bersama.",
		SharedValues:     "Kesetaraan antarperguruan tinggi; keterbukaan data penelitian.", Visibility: sinergi.VisibilityPublic})
	if err != nil {
		return err
	}
	if _, err := d.db.SetCharter(d.sys, f.ID, 0, sinergi.CharterInput{Rules: "Keputusan diambil secara mufakat oleh kedua perguruan tinggi.", Quorum: 2}); err != nil {
		return err
	}
	if err := d.member(f.ID, "ugm", sinergi.MemberDeciding, "", ""); err != nil {
		return err
	}
	if err := d.member(f.ID, "unsulbar", sinergi.MemberFacilitator, "", ""); err != nil {
		return err
	}
	return d.meeting(f.ID, sinergi.MeetingInput{StartsAt: d.wita(-20, 10, 0), TimeZone: "WITA", Mode: sinergi.ModeOnline, Place: "Rapat daring",
		Agenda: "Rencana pertukaran dosen", Minutes: "Disepakati pertukaran dua dosen pada semester depan.", MinutesPublic: true},
		[]string{"unsulbar", "ugm"}, nil)
}
