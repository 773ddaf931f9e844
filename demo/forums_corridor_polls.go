package demo

import (
	"encoding/json"
	"fmt"
	"time"

	"sinergi"
	"sinergi/decide"
)

// corridorPolls adds the corridor forum's proposals decided another way
// than consensus (issue 3, item 7): an open meeting-time poll for the next
// meeting, and a closed score poll on which station access road to build
// first.
func (d *forumDemo) corridorPolls(forumID int64) error {
	// 1. meeting-time poll, open, results visible
	var slots []string
	for day := 12; len(slots) < 3; day++ {
		t := d.wita(day, 9, 0)
		if t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
			continue
		}
		slots = append(slots, slotLabel(t))
	}
	p, err := d.createPoll(forumID, sinergi.ProposalInput{Title: "Jadwal rapat forum berikutnya",
		Body:     "Pilih waktu rapat keempat forum (Kantor Gubernur Sulawesi Selatan dan Zoom, pukul 09.00–12.00 WITA). Agenda: tarif angkutan lanjutan dan jalan akses stasiun.",
		ClosesAt: d.wita(6, 17, 0), Method: string(decide.MethodTimePoll)},
		map[string]any{"options": slots})
	if err != nil {
		return err
	}
	y, m, n := decide.Yes, decide.Maybe, decide.No
	if err := d.ballots(p.ID, map[string]decide.Ballot{
		"maros":           {Slots: map[string]decide.Availability{slots[0]: y, slots[1]: y, slots[2]: m}},
		"pangkep":         {Slots: map[string]decide.Availability{slots[0]: n, slots[1]: y, slots[2]: y}},
		"barru":           {Slots: map[string]decide.Availability{slots[0]: m, slots[1]: y, slots[2]: n}},
		"parepare":        {Slots: map[string]decide.Availability{slots[0]: y, slots[1]: y, slots[2]: n}, Reason: "Wali Kota hadir langsung pada hari kedua."},
		"kemenhub":        {Slots: map[string]decide.Availability{slots[0]: y, slots[1]: m, slots[2]: y}},
		"kai":             {Slots: map[string]decide.Availability{slots[0]: n, slots[1]: y, slots[2]: y}},
		"komunitas-maros": {Slots: map[string]decide.Availability{slots[0]: y, slots[1]: y, slots[2]: n}},
	}); err != nil {
		return fmt.Errorf("time poll: %w", err)
	}
	// 2. score poll on the access roads, closed with its outcome
	roads := []string{"Jalan akses Stasiun Maros (Turikale)", "Jalan akses Stasiun Mandai", "Jalan akses Stasiun Pangkajene", "Jalan akses Stasiun Barru", "Jalan akses Stasiun Parepare"}
	p, err = d.createPoll(forumID, sinergi.ProposalInput{Title: "Prioritas pembangunan jalan akses stasiun",
		Body:     "Beri nilai 1 (rendah) sampai 5 (tinggi) untuk setiap ruas jalan akses menurut manfaat bagi warga dan UMKM. Ruas dengan total nilai tertinggi dibangun lebih dahulu dengan APBD Provinsi 2027.",
		ClosesAt: d.wita(5, 17, 0), Method: string(decide.MethodScore)},
		map[string]any{"options": roads, "score_min": 1, "score_max": 5})
	if err != nil {
		return err
	}
	score := func(s ...int) map[string]int {
		m := map[string]int{}
		for i, r := range roads {
			m[r] = s[i]
		}
		return m
	}
	if err := d.ballots(p.ID, map[string]decide.Ballot{
		"maros":           {Scores: score(5, 4, 2, 2, 3), Reason: "Stasiun Turikale paling dekat dengan pasar dan terminal."},
		"pangkep":         {Scores: score(4, 3, 5, 2, 2)},
		"barru":           {Scores: score(4, 2, 3, 5, 2)},
		"parepare":        {Scores: score(3, 2, 2, 3, 5), Reason: "Pelabuhan Parepare membutuhkan sambungan ke stasiun."},
		"makassar":        {Scores: score(4, 5, 2, 1, 2)},
		"kemenhub":        {Scores: score(5, 4, 3, 3, 4)},
		"kai":             {Scores: score(5, 4, 3, 2, 4)},
		"umkm-maros":      {Scores: score(5, 3, 2, 2, 2), Reason: "Dua puluh lapak UMKM berada di Stasiun Maros."},
		"komunitas-maros": {Scores: score(5, 3, 3, 2, 3)},
	}); err != nil {
		return fmt.Errorf("score poll: %w", err)
	}
	_, err = d.db.CloseProposal(d.sys, p.ID, 0, sinergi.CloseInput{
		Outcome:    "Berdasarkan penilaian sembilan anggota, jalan akses Stasiun Maros (Turikale) menjadi prioritas pertama dan diusulkan dalam APBD Provinsi 2027; jalan akses Stasiun Mandai menyusul. Pemerintah Kabupaten Maros menyiapkan DED.",
		ReviewDate: d.date(120)})
	return err
}

// slotLabel names a meeting-time option: "Selasa, 24-11-2026 09.00 WITA".
func slotLabel(t time.Time) string {
	day := [7]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}[t.Weekday()]
	return day + ", " + t.Format("02-01-2006 15.04") + " WITA"
}

// createPoll tables a proposal decided by in.Method with the given settings.
func (d *forumDemo) createPoll(forumID int64, in sinergi.ProposalInput, settings map[string]any) (*sinergi.Proposal, error) {
	raw, err := json.Marshal(settings)
	if err != nil {
		return nil, err
	}
	in.Settings = raw
	p, err := d.db.CreateProposal(d.sys, forumID, in)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in.Title, err)
	}
	return p, nil
}

// ballots has the listed organisations cast their ballots.
func (d *forumDemo) ballots(proposalID int64, bs map[string]decide.Ballot) error {
	for slug, b := range bs {
		if _, err := d.db.CastBallot(d.actor[slug], proposalID, b); err != nil {
			return fmt.Errorf("%s ballot: %w", slug, err)
		}
	}
	return nil
}
