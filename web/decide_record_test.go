package web_test

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"
)

// decideForum is a public forum with two deciding members (orgB, account
// partnerB, and orgD, account adminD) and orgC consulted.
func decideForum(t *testing.T) (*forumEnv, string) {
	t.Helper()
	e := newForumEnv(t)
	forum := e.forumWithMembers(t, "public")
	if r := e.do("POST", forum+"/members", "memberA", fmt.Sprintf(`{"organization_id":%d,"role":"deciding"}`, e.orgD.ID)); r.status != 201 {
		t.Fatalf("add member: %d %s", r.status, r.body)
	}
	return e, forum
}

// poll tables a proposal decided by method and returns its id.
func poll(t *testing.T, e *forumEnv, forum, title, method, settings string) string {
	t.Helper()
	soon := time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339)
	r := e.do("POST", forum+"/proposals", "memberA", `{"title":"`+title+`","body":"Pilih bersama.","closes_at":"`+soon+`","method":"`+method+`","settings":`+settings+`}`)
	if r.status != 201 {
		t.Fatalf("%s: %d %s", method, r.status, r.body)
	}
	return fmt.Sprint(int64(r.json(t)["id"].(float64)))
}

func vote(t *testing.T, e *forumEnv, id, who, ballot string) {
	t.Helper()
	if r := e.do("POST", "/api/v1/proposals/"+id+"/ballots", who, ballot); r.status != 200 {
		t.Fatalf("ballot of %s: %d %s", who, r.status, r.body)
	}
}

func closePoll(t *testing.T, e *forumEnv, id, outcome string) {
	t.Helper()
	if r := e.do("POST", "/api/v1/proposals/"+id+"/close", "memberA", `{"outcome":"`+outcome+`","review_date":"2027-06-30"}`); r.status != 200 {
		t.Fatalf("close: %d %s", r.status, r.body)
	}
}

var tags = regexp.MustCompile(`<[^>]*>`)

// printText GETs the print view of a proposal and returns its text with
// runs of white space made single spaces.
func printText(t *testing.T, e *forumEnv, id, who string) string {
	t.Helper()
	r := e.fetch("/proposals/"+id+"/print", who)
	if r.status != 200 {
		t.Fatalf("print view: %d %.300s", r.status, r.body)
	}
	return strings.Join(strings.Fields(html.UnescapeString(tags.ReplaceAllString(string(r.body), " "))), " ")
}

// The decision record of a proposal decided by another method shows that
// method's result — method, counts per option, winner, reasons, ballots —
// instead of the consensus tally, while open (results hidden when the
// facilitator chose so) and once closed.
func TestDecideRecordHTML(t *testing.T) {
	e, forum := decideForum(t)
	score := poll(t, e, forum, "Prioritas jalan akses stasiun", "score", `{"options":["Jalan akses Stasiun Maros","Jalan akses Stasiun Mandai","Jalan akses Stasiun Barru"],"score_min":1,"score_max":5}`)
	vote(t, e, score, "partnerB", `{"scores":{"Jalan akses Stasiun Maros":5,"Jalan akses Stasiun Mandai":3,"Jalan akses Stasiun Barru":1},"reason":"Dekat pasar dan terminal"}`)
	vote(t, e, score, "adminD", `{"scores":{"Jalan akses Stasiun Maros":4,"Jalan akses Stasiun Mandai":5,"Jalan akses Stasiun Barru":2}}`)
	txt := printText(t, e, score, "memberA")
	wantText(t, "open score record", txt, "Cara memutuskan Penilaian skor", "Unggul sementara Jalan akses Stasiun Maros", "Suara masuk 2")
	closePoll(t, e, score, "Jalan akses Stasiun Maros dibangun lebih dahulu.")
	txt = printText(t, e, score, "")
	wantText(t, "closed score record", txt, "BERITA ACARA KEPUTUSAN", "Cara memutuskan Penilaian skor",
		`Hasil "Jalan akses Stasiun Maros" terpilih dengan total nilai 9 (rata-rata 4,5)`, "Terpilih Jalan akses Stasiun Maros", "Suara masuk 2",
		"Hasil per pilihan", "1 Jalan akses Stasiun Maros 9 4,5", "2 Jalan akses Stasiun Mandai 8 4,0", "3 Jalan akses Stasiun Barru 3 1,5",
		"2 pemilih menilai setiap pilihan dari 1 sampai 5", "Suara anggota", "PT Celebes Railway Indonesia", "Jalan akses Stasiun Maros: 5",
		"Dekat pasar dan terminal", "Pemerintah Kota Parepare", "Pernyataan hasil", "Jalan akses Stasiun Maros dibangun lebih dahulu.")
	for _, no := range []string{"Rekapitulasi", "Posisi anggota", "instansi hadir"} {
		if strings.Contains(txt, no) {
			t.Errorf("the score record shows the consensus part %q:\n%s", no, txt)
		}
	}

	// a meeting-time poll with results hidden until closing
	slots := []string{"Senin, 7 Desember 2026 09.00 WITA", "Selasa, 8 Desember 2026 09.00 WITA"}
	tp := poll(t, e, forum, "Jadwal rapat berikutnya", "time_poll", `{"options":["`+slots[0]+`","`+slots[1]+`"],"hide_results":true}`)
	vote(t, e, tp, "partnerB", `{"slots":{"`+slots[0]+`":"no","`+slots[1]+`":"yes"}}`)
	vote(t, e, tp, "adminD", `{"slots":{"`+slots[0]+`":"maybe","`+slots[1]+`":"yes"}}`)
	txt = printText(t, e, tp, "memberA")
	wantText(t, "hidden time poll", txt, "Cara memutuskan Jajak waktu rapat", "Suara masuk 2 · hasil disembunyikan sampai ditutup")
	for _, no := range []string{"Hasil per pilihan", "Suara anggota", "PT Celebes Railway Indonesia", "Waktu terpilih"} {
		if strings.Contains(txt, no) {
			t.Errorf("the hidden time poll shows %q:\n%s", no, txt)
		}
	}
	closePoll(t, e, tp, "Rapat berikutnya pada hari Selasa.")
	txt = printText(t, e, tp, "memberA")
	wantText(t, "closed time poll", txt, "Waktu terpilih "+slots[1], "Bisa hadir", "1 "+slots[1]+" 2 0 0", "2 "+slots[0]+" 0 1 1",
		"Waktu terbaik: paling banyak jawaban ya", slots[1]+": Bisa")

	// a consent process: the record names the objecting organisation
	consent := poll(t, e, forum, "Tarif parkir stasiun", "consent", `{}`)
	vote(t, e, consent, "partnerB", `{"choice":"consent"}`)
	vote(t, e, consent, "adminD", `{"choice":"object","reason":"Tarif memberatkan warga"}`)
	closePoll(t, e, consent, "Usulan ditolak; tarif dikaji ulang.")
	txt = printText(t, e, consent, "memberA")
	wantText(t, "consent record", txt, "Cara memutuskan Proses tanpa keberatan", "Keberatan dari: Pemerintah Kota Parepare", "Tarif memberatkan warga")
	if strings.Contains(txt, "org:") {
		t.Errorf("the consent record shows a voter id:\n%s", txt)
	}

	// a consensus proposal keeps its consensus record
	soon := time.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339)
	p := e.do("POST", forum+"/proposals", "memberA", `{"title":"Lokasi Stasiun Maros","body":"Turikale","closes_at":"`+soon+`"}`).json(t)
	cons := fmt.Sprint(int64(p["id"].(float64)))
	e.do("POST", "/api/v1/proposals/"+cons+"/positions", "partnerB", `{"position":"agree"}`)
	txt = printText(t, e, cons, "memberA")
	wantText(t, "consensus record", txt, "Rekapitulasi Setuju 1", "Posisi anggota")
	if strings.Contains(txt, "Cara memutuskan") {
		t.Errorf("the consensus record shows a decision method:\n%s", txt)
	}
}

// The PDF decision record of a closed score poll carries the method, the
// winning option, the counts per option and the ballots.
func TestDecideRecordPDF(t *testing.T) {
	needPDFTools(t)
	e, forum := decideForum(t)
	dots := poll(t, e, forum, "Prioritas jalan akses stasiun", "dot_vote", `{"options":["Jalan akses Stasiun Maros","Jalan akses Stasiun Mandai","Jalan akses Stasiun Barru"],"dots_per_voter":10}`)
	if r := e.fetch("/proposals/"+dots+"/record.pdf", "memberA"); r.status != 409 {
		t.Errorf("record of an open poll: %d", r.status)
	}
	vote(t, e, dots, "partnerB", `{"dots":{"Jalan akses Stasiun Maros":6,"Jalan akses Stasiun Mandai":4},"reason":"Dekat pasar"}`)
	vote(t, e, dots, "adminD", `{"dots":{"Jalan akses Stasiun Maros":3,"Jalan akses Stasiun Mandai":2,"Jalan akses Stasiun Barru":5}}`)
	closePoll(t, e, dots, "Jalan akses Stasiun Maros dibangun lebih dahulu.")
	for _, who := range []string{"partnerB", ""} {
		txt := pdfText(t, e.env, "/proposals/"+dots+"/record.pdf", who)
		wantText(t, "dot-vote record", txt, "BERITA ACARA KEPUTUSAN", "Forum Koridor Uji", "Usulan : Prioritas jalan akses stasiun",
			"Cara memutuskan : Pembagian titik", "Terpilih : Jalan akses Stasiun Maros", "Suara masuk : 2",
			"Hasil per pilihan", "Jumlah titik", "Jalan akses Stasiun Maros 9", "Jalan akses Stasiun Barru 5", "Jalan akses Stasiun Mandai 6",
			"Pertimbangan", "Suara anggota", "PT Celebes Railway Indonesia", "Pemerintah Kota Parepare", "Dekat pasar",
			"Pernyataan hasil", "Jalan akses Stasiun Maros dibangun lebih dahulu.", "Ditinjau kembali pada 30 Juni 2027.", "Halaman 1 dari")
		if !regexp.MustCompile(`Hasil : "Jalan akses Stasiun Maros" terpilih dengan`).MatchString(txt) {
			t.Errorf("the record's result does not name the winner:\n%s", txt)
		}
		for _, no := range []string{"Rekapitulasi", "Posisi anggota", "Kuorum"} {
			if strings.Contains(txt, no) {
				t.Errorf("the dot-vote record shows the consensus part %q:\n%s", no, txt)
			}
		}
	}
}
