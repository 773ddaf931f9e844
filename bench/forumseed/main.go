// Command forumseed writes one large collaborative-governance forum into a
// migrated Sinergi database whose organizations table is already filled
// (by bench/seed), for bench/forum.sh (see docs/benchmarks.md):
//
//	sinergi migrate --db sqlite:/tmp/forum.db
//	go run ./bench/seed --db sqlite:/tmp/forum.db --n 2000
//	go run ./bench/forumseed --db sqlite:/tmp/forum.db --info /tmp/forum.env
//
// The forum: a regency government as initiator (facilitator), --members
// (200) deciding member organisations of all sectors, a charter (consensus,
// quorum 20, two disagreements tolerated, a two-thirds majority as fallback
// after two rounds), 12 meetings with attendance and action items, --proposals
// (1,000) consensus proposals — about a third open, the rest closed with
// their outcome statement, review date and stored final result, some carried
// into a second round — and --positions (50,000) positions spread over them
// (every tenth proposal has a position from each of the 200 deciding
// members, the others about 16 to 58), with a reason on every disagree and
// block, plus a few comments per proposal.
//
// Rows are written with SQL in one transaction, as the store writes them
// (store/forums.go, store/proposal_writes.go): the stored result of a closed
// proposal is what closeTx stores, consensus.Evaluate over the charter's
// rules, the deciding members and the positions, as JSON. It is a fixture:
// NO audit-log entries are written, and it refuses a database that already
// has a forum. PostgreSQL: VACUUM (ANALYZE) of the tables written afterwards
// (as bench/seed does); SQLite: no ANALYZE (the server never runs it).
//
// --info FILE writes shell assignments (FORUM_ID, INITIATOR_ORG, BIG_OPEN,
// BIG_CLOSED, …) for the script that measures the pages.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"

	"sinergi"
	"sinergi/bench/internal/benchdb"
	"sinergi/consensus"
)

func main() {
	dsn := flag.String("db", "", "database: sqlite:PATH or postgres://…")
	members := flag.Int("members", 200, "deciding member organisations")
	proposals := flag.Int("proposals", 1000, "proposals")
	positions := flag.Int("positions", 50000, "positions over all proposals")
	seed := flag.Uint64("seed", 1, "random seed (the data is deterministic per seed)")
	info := flag.String("info", "", "write shell assignments (ids to measure) to this file")
	flag.Parse()
	if err := run(*dsn, *members, *proposals, *positions, *seed, *info); err != nil {
		fmt.Fprintln(os.Stderr, "forumseed:", err)
		os.Exit(1)
	}
}

// cfg is the charter the forum decides by.
var cfg = sinergi.Charter{
	Rules: `1. Rapat pleno diadakan sekurang-kurangnya sekali sebulan; undangan dan bahan dikirim paling lambat tiga hari kerja sebelumnya.
2. Setiap instansi anggota pengambil keputusan menunjuk satu wakil tetap dan satu wakil pengganti.
3. Usulan dibahas paling sedikit dua minggu sebelum ditutup; setiap anggota dapat memberi komentar.
4. Keputusan diambil secara musyawarah untuk mufakat; posisi "tidak setuju" dan "blokir" wajib disertai alasan.
5. Bila mufakat tidak tercapai dalam dua putaran, usulan diputuskan dengan suara terbanyak dua pertiga anggota pengambil keputusan.
6. Notulen rapat diumumkan kepada publik paling lambat tujuh hari setelah rapat.`,
	DecisionRule: sinergi.RuleConsensus, Fallback: sinergi.FallbackMajority, FallbackAfterRounds: 2, MajorityPercent: 67,
	Quorum: 20, VoteUnit: sinergi.VotePerOrganization, DisagreeTolerance: 2,
}

// rules is store.rulesOf(cfg).
func rules() consensus.Rules {
	return consensus.Rules{Quorum: cfg.Quorum, Unit: cfg.VoteUnit, DisagreeTolerance: cfg.DisagreeTolerance, Fallback: cfg.Fallback,
		FallbackAfter: cfg.FallbackAfterRounds, MajorityPercent: cfg.MajorityPercent, ReferralAuthority: cfg.ReferralAuthority}
}

type position struct {
	org    int64
	voter  string
	pos    sinergi.Position
	reason string
	at     time.Time
}

type proposal struct {
	id              int64
	title, body     string
	round           int
	previous        int // index of the previous round, -1 if none
	created, closes time.Time
	open            bool
	outcome, review string
	closed          time.Time
	result          string
	positions       []position
	comments        []position // reason = body
}

func run(dsn string, nMembers, nProposals, nPositions int, seed uint64, infoFile string) error {
	if nMembers < 1 || nProposals < 1 || nPositions < 0 || nPositions > nMembers*nProposals {
		return fmt.Errorf("need --members ≥ 1, --proposals ≥ 1 and 0 ≤ --positions ≤ members × proposals")
	}
	db, driver, err := benchdb.Open(dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	start := time.Now()

	var forums int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM forums`).Scan(&forums); err != nil {
		return fmt.Errorf("forums table not readable (run `sinergi migrate --db DSN` first): %w", err)
	}
	if forums > 0 {
		return fmt.Errorf("the database already has %d forum(s); use a fresh one", forums)
	}
	// The initiator: the first regency government (a public body, as
	// forums require). Members: every k-th other organisation by id, so
	// that all sectors are represented.
	var initiator int64
	var initiatorName string
	if err := db.QueryRowContext(ctx, `SELECT id, name FROM organizations WHERE sector = 'regency_government' ORDER BY id LIMIT 1`).Scan(&initiator, &initiatorName); err != nil {
		return fmt.Errorf("no regency government in organizations (fill it with bench/seed first): %w", err)
	}
	var orgIDs []int64
	rows, err := db.QueryContext(ctx, `SELECT id FROM organizations WHERE id <> $1 ORDER BY id`, initiator)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		orgIDs = append(orgIDs, id)
	}
	rows.Close()
	if len(orgIDs) < nMembers {
		return fmt.Errorf("organizations holds %d rows besides the initiator; need at least %d", len(orgIDs), nMembers)
	}
	deciding := make([]int64, nMembers)
	step := len(orgIDs) / nMembers
	for i := range deciding {
		deciding[i] = orgIDs[i*step]
	}

	rng := rand.New(rand.NewPCG(seed, 0xf0e0))
	now := time.Now().UTC().Truncate(time.Microsecond)
	ps := makeProposals(rng, now, deciding, nProposals, nPositions)

	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // no-op after Commit

	// forum, charter, members, acknowledgements
	founded := now.AddDate(-2, -1, 0)
	legal, _ := json.Marshal([]sinergi.LegalBasis{{Type: "Perpres", Number: "55", Year: 2018, Article: "Pasal 3"}, {Type: "Perda", Number: "4", Year: 2021}})
	profile, _ := json.Marshal(sinergi.ForumProfile{Asymmetries: "Kapasitas teknis instansi daerah dan komunitas berbeda jauh.", Incentives: "Dana alokasi khusus transportasi dan target layanan angkutan umum.",
		Prehistory: "Kerja sama lintas kabupaten sejak 2019.", InitialTrust: "medium", Inclusiveness: "Terbuka bagi operator, kampus dan komunitas pengguna.",
		GroundRules: "Tata tertib tertulis dalam piagam.", Transparency: "Notulen dan keputusan diumumkan."})
	var forumID int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO forums (name, initiator_org_id, focus, problem_statement, mission, shared_values, scope, legal_basis, visibility, profile, version, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'public', $9, 3, $10, $11) RETURNING id`,
		"Forum Transportasi Perkotaan Mamminasata", initiator, string(sinergi.FocusPublicPolicy),
		"Angkutan umum di kawasan Makassar, Maros, Sungguminasa dan Takalar tidak terpadu: trayek tumpang tindih, jadwal tidak terhubung, dan data penumpang tersebar di banyak instansi.",
		"Menyepakati rencana angkutan umum terpadu dan pembagian peran antarinstansi.",
		"Keterbukaan data, keselamatan pengguna, musyawarah untuk mufakat.",
		"Angkutan umum perkotaan, kereta api Makassar–Parepare, dan angkutan pengumpan.",
		string(legal), string(profile), founded, now.AddDate(0, -3, 0)).Scan(&forumID); err != nil {
		return fmt.Errorf("forum: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO forum_charters (forum_id, rules, decision_rule, fallback, fallback_after_rounds, majority_percent, referral_authority, quorum, vote_unit, disagree_tolerance, version, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 2, $11)`,
		forumID, cfg.Rules, string(cfg.DecisionRule), string(cfg.Fallback), cfg.FallbackAfterRounds, cfg.MajorityPercent, cfg.ReferralAuthority,
		cfg.Quorum, string(cfg.VoteUnit), cfg.DisagreeTolerance, founded.AddDate(0, 0, 14)); err != nil {
		return fmt.Errorf("charter: %w", err)
	}
	var members, acks [][]any
	members = append(members, []any{forumID, initiator, string(sinergi.MemberFacilitator), founded})
	acks = append(acks, []any{forumID, initiator, 0, founded.AddDate(0, 0, 1)})
	for i, o := range deciding {
		joined := founded.Add(time.Duration(i) * 3 * time.Hour)
		members = append(members, []any{forumID, o, string(sinergi.MemberDeciding), joined})
		if rng.IntN(10) < 7 {
			acks = append(acks, []any{forumID, o, 0, joined.AddDate(0, 0, 1+rng.IntN(30))})
		}
	}
	if err := insertRows(ctx, tx, "forum_members", []string{"forum_id", "organization_id", "role", "joined_at"}, members); err != nil {
		return err
	}
	if err := insertRows(ctx, tx, "forum_acknowledgements", []string{"forum_id", "organization_id", "user_id", "acknowledged_at"}, acks); err != nil {
		return err
	}

	// meetings, attendance, action items
	var attendance, actions [][]any
	for m := range 12 {
		at := founded.AddDate(0, 2*m+1, 0).Add(2 * time.Hour)
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO forum_meetings (forum_id, starts_at, time_zone, mode, place, agenda, minutes, minutes_public, version, created_at)
			VALUES ($1, $2, 'WITA', $3, $4, $5, $6, $7, 2, $8) RETURNING id`,
			forumID, at, string([]sinergi.MeetingMode{sinergi.ModeInPerson, sinergi.ModeHybrid, sinergi.ModeOnline}[m%3]),
			"Ruang Rapat Bappelitbangda Kabupaten Maros", fmt.Sprintf("Rapat pleno ke-%d: laporan kemajuan, usulan terbuka, rencana tindak lanjut.", m+1),
			fmt.Sprintf("Rapat pleno ke-%d dibuka pukul 09.00 WITA oleh fasilitator. Peserta membahas kemajuan rencana angkutan terpadu dan usulan yang sedang terbuka.", m+1),
			m%2 == 0, at.AddDate(0, 0, -10)).Scan(&id); err != nil {
			return fmt.Errorf("meeting: %w", err)
		}
		attendance = append(attendance, []any{id, initiator})
		for _, o := range sample(rng, deciding, 40+rng.IntN(60)) {
			attendance = append(attendance, []any{id, o})
		}
		for a := range 3 {
			due := at.AddDate(0, 1, 0).In(sinergi.Zone("WITA")).Format("2006-01-02")
			status, done := "open", ""
			if m < 10 {
				status, done = "done", at.AddDate(0, 0, 20).In(sinergi.Zone("WITA")).Format("2006-01-02")
			}
			actions = append(actions, []any{id, forumID, fmt.Sprintf("Tindak lanjut %d.%d: kirim data trayek dan jadwal", m+1, a+1), deciding[rng.IntN(len(deciding))], due, status, done, at})
		}
	}
	if err := insertRows(ctx, tx, "meeting_attendance", []string{"meeting_id", "organization_id"}, attendance); err != nil {
		return err
	}
	if err := insertRows(ctx, tx, "forum_action_items", []string{"meeting_id", "forum_id", "title", "owner_org_id", "due", "status", "done_on", "created_at"}, actions); err != nil {
		return err
	}

	// proposals (one by one: their ids are needed), then positions and comments
	for i := range ps {
		p := &ps[i]
		var prev any
		if p.previous >= 0 {
			prev = ps[p.previous].id
		}
		status, version := "open", 1
		var closed any
		if !p.open {
			status, version, closed = "closed", 2, p.closed
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO forum_proposals (forum_id, title, body, method, options, round, previous_id, closes_at, status, outcome, review_date, result, closed_at, created_by_org_id, version, created_at)
			VALUES ($1, $2, $3, 'consensus', '{}', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
			forumID, p.title, p.body, p.round, prev, p.closes, status, p.outcome, p.review, p.result, closed, initiator, version, p.created).Scan(&p.id); err != nil {
			return fmt.Errorf("proposal: %w", err)
		}
	}
	var posRows, comRows [][]any
	for _, p := range ps {
		for _, x := range p.positions {
			posRows = append(posRows, []any{p.id, x.org, 0, x.voter, string(x.pos), x.reason, x.at, x.at})
		}
		for _, c := range p.comments {
			comRows = append(comRows, []any{p.id, c.org, 0, c.voter, c.reason, c.at})
		}
	}
	if err := insertRows(ctx, tx, "proposal_positions", []string{"proposal_id", "organization_id", "user_id", "voter_name", "position", "reason", "created_at", "updated_at"}, posRows); err != nil {
		return err
	}
	if err := insertRows(ctx, tx, "proposal_comments", []string{"proposal_id", "organization_id", "user_id", "author", "body", "created_at"}, comRows); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	inserted := time.Since(start)
	if driver == "pgx" {
		if _, err := db.ExecContext(ctx, `VACUUM (ANALYZE) forums, forum_charters, forum_members, forum_acknowledgements, forum_meetings, meeting_attendance,
			forum_action_items, forum_proposals, proposal_positions, proposal_comments`); err != nil {
			return fmt.Errorf("vacuum analyze: %w", err)
		}
	}

	// What to measure: the open and the closed proposal with the most
	// positions, and counts for the report.
	bigOpen, bigClosed, nOpen, nRound2 := -1, -1, 0, 0
	for i, p := range ps {
		if p.open {
			nOpen++
			if bigOpen < 0 || len(p.positions) > len(ps[bigOpen].positions) {
				bigOpen = i
			}
		} else if bigClosed < 0 || len(p.positions) > len(ps[bigClosed].positions) {
			bigClosed = i
		}
		if p.round > 1 {
			nRound2++
		}
	}
	fmt.Printf("seeded forum %d (%q, initiator %q): %d deciding members + the facilitator, %d acknowledgements, 12 meetings, %d proposals (%d open, %d closed, %d in round 2), %d positions, %d comments in %s (insert %s) on %s\n",
		forumID, "Forum Transportasi Perkotaan Mamminasata", initiatorName, len(deciding), len(acks), len(ps), nOpen, len(ps)-nOpen, nRound2,
		len(posRows), len(comRows), time.Since(start).Round(time.Millisecond), inserted.Round(time.Millisecond), driver)
	if infoFile != "" {
		s := fmt.Sprintf("FORUM_ID=%d\nINITIATOR_ORG=%d\nBIG_OPEN=%d\nBIG_OPEN_POSITIONS=%d\nBIG_OPEN_TITLE=%q\nBIG_CLOSED=%d\nBIG_CLOSED_POSITIONS=%d\nBIG_CLOSED_TITLE=%q\nPROPOSALS=%d\nPOSITIONS=%d\n",
			forumID, initiator, ps[bigOpen].id, len(ps[bigOpen].positions), ps[bigOpen].title, ps[bigClosed].id, len(ps[bigClosed].positions), ps[bigClosed].title, len(ps), len(posRows))
		if err := os.WriteFile(infoFile, []byte(s), 0o644); err != nil {
			return err
		}
	}
	return nil
}

var (
	topics = []string{"Penataan trayek angkutan kota", "Integrasi jadwal kereta api dan bus pengumpan", "Tarif terpadu angkutan umum",
		"Halte dan fasilitas pejalan kaki", "Pembagian data penumpang", "Jalur khusus bus di poros Maros–Makassar", "Subsidi angkutan pelajar",
		"Keselamatan angkutan daring", "Parkir di kawasan stasiun", "Angkutan pengumpan bandara", "Standar pelayanan minimal angkot",
		"Rencana induk transportasi kawasan", "Pemantauan emisi kendaraan umum", "Aksesibilitas bagi penyandang disabilitas"}
	places  = []string{"Kota Makassar", "Kabupaten Maros", "Kabupaten Gowa", "Kabupaten Takalar", "koridor Mandai", "Stasiun Maros", "Pelabuhan Soekarno-Hatta"}
	voters  = []string{"Andi Rahman", "Siti Nurhaliza", "Muhammad Akbar", "Nur Aisyah", "Baso Amir", "Rini Hartati", "Yusuf Kalla", "Dewi Lestari", "Ahmad Fauzi", "Sri Wahyuni"}
	reasons = []string{
		"Anggaran tahun berjalan belum memuat biaya ini; kami minta pelaksanaan digeser ke tahun anggaran berikutnya setelah pembahasan dengan DPRD.",
		"Kajian dampak lalu lintas belum lengkap, terutama untuk simpang di sekitar pasar; tanpa kajian itu kami tidak dapat menyetujui.",
		"Usulan ini mengurangi pendapatan operator angkot kecil tanpa skema kompensasi yang jelas.",
		"Kewenangan atas ruas jalan ini ada pada pemerintah provinsi; usulan perlu disesuaikan dengan rencana kerja provinsi lebih dulu.",
		"Data penumpang yang dipakai sudah berumur tiga tahun; kami minta survei ulang sebelum keputusan diambil.",
		"Rancangan halte belum memenuhi standar aksesibilitas; pengguna kursi roda tidak dapat naik dari sisi jalan.",
		"Kami tidak dilibatkan dalam penyusunan rancangan, padahal trayek yang diubah melewati wilayah kami.",
		"Jadwal yang diusulkan bertabrakan dengan jam sekolah dan akan menambah kepadatan pada pagi hari.",
	}
	comments = []string{"Mohon lampiran peta trayek dalam format yang dapat dibuka tanpa aplikasi khusus.", "Kami mendukung, dengan catatan ada evaluasi enam bulan setelah berjalan.",
		"Apakah operator sudah diajak bicara?", "Data dari dinas kami dapat dikirim minggu depan.", "Usul agar dibahas juga pada rapat pleno berikutnya."}
)

// makeProposals builds the proposals with their positions and, for closed
// ones, the result closeTx would store.
func makeProposals(rng *rand.Rand, now time.Time, deciding []int64, n, nPositions int) []proposal {
	// Positions per proposal: every tenth proposal hears every deciding
	// member; the others share the rest, each at least 1.
	counts := make([]int, n)
	rest, others := nPositions, 0
	for i := range counts {
		if i%10 == 3 && rest >= len(deciding) {
			counts[i] = len(deciding)
			rest -= len(deciding)
		} else {
			others++
		}
	}
	for i := range counts {
		if counts[i] == 0 && others > 0 {
			avg := rest / others
			c := min(len(deciding), max(1, avg/2+rng.IntN(avg+1)))
			if others == 1 {
				c = min(len(deciding), rest)
			}
			c = min(c, rest-(others-1)) // leave at least one each for the others
			counts[i], rest, others = c, rest-c, others-1
		}
	}
	for i := 0; rest > 0 && i < 100*n; i++ { // spread what capping left
		if j := rng.IntN(n); counts[j] < len(deciding) {
			counts[j]++
			rest--
		}
	}

	ps := make([]proposal, n)
	for i := range ps {
		p := &ps[i]
		p.previous = -1
		p.round = 1
		topic, place := topics[i%len(topics)], places[rng.IntN(len(places))]
		p.title = fmt.Sprintf("%s di %s (usulan %d)", topic, place, i+1)
		p.body = fmt.Sprintf("Latar belakang: %s di %s belum tertangani secara terpadu.\n\nUsulan: forum menyepakati langkah bersama, pembagian peran antarinstansi, dan jadwal pelaksanaan selama dua belas bulan.\n\nAnggaran: dibebankan pada APBD masing-masing dan dana alokasi khusus transportasi.", topic, place)
		// a third open (closing in the next two months), the rest closed
		// over the last two years, oldest first
		if i >= n-n/3 {
			p.open = true
			p.created = now.Add(-time.Duration(rng.Int64N(int64(20 * 24 * time.Hour)))).Truncate(time.Second)
			p.closes = now.Add(time.Duration(1+rng.IntN(60)) * 24 * time.Hour).Truncate(time.Second)
		} else {
			p.created = now.AddDate(-2, 0, 0).Add(time.Duration(i) * (2 * 365 * 24 * time.Hour / time.Duration(n))).Truncate(time.Second)
			p.closes = p.created.Add(14 * 24 * time.Hour)
		}
		// temper: most consensual, some contested, a few blocked
		var mix [4]int // agree, abstain, disagree, block (per mille)
		switch t := rng.IntN(20); {
		case t < 13:
			mix = [4]int{930, 60, 10, 0}
		case t < 18:
			mix = [4]int{700, 120, 170, 10}
		default:
			mix = [4]int{550, 100, 250, 100}
		}
		until := p.closes
		if p.open {
			until = now
		}
		for _, o := range sample(rng, deciding, counts[i]) {
			x := position{org: o, voter: voters[rng.IntN(len(voters))], at: p.created.Add(time.Duration(rng.Float64() * float64(until.Sub(p.created)))).Truncate(time.Microsecond)}
			r := rng.IntN(1000)
			switch {
			case r < mix[0]:
				x.pos = sinergi.PositionAgree
			case r < mix[0]+mix[1]:
				x.pos = sinergi.PositionAbstain
			case r < mix[0]+mix[1]+mix[2]:
				x.pos = sinergi.PositionDisagree
			default:
				x.pos = sinergi.PositionBlock
			}
			if x.pos.NeedsReason() {
				x.reason = reasons[rng.IntN(len(reasons))]
			}
			p.positions = append(p.positions, x)
		}
		for range rng.IntN(6) {
			p.comments = append(p.comments, position{org: deciding[rng.IntN(len(deciding))], voter: voters[rng.IntN(len(voters))],
				reason: comments[rng.IntN(len(comments))], at: p.created.Add(time.Duration(rng.Float64() * float64(until.Sub(p.created)))).Truncate(time.Microsecond)})
		}
		slices.SortFunc(p.comments, func(a, b position) int { return a.at.Compare(b.at) })
	}
	// Closed proposals: the result as closeTx stores it. A closed proposal
	// without a decision is carried into round 2 by the next closed one
	// (as ReviseProposal does) one time in three.
	for i := range ps {
		p := &ps[i]
		if i > 0 && !ps[i-1].open && !p.open && ps[i-1].round == 1 && ps[i-1].result != "" && !ps[i-1].decided() && rng.IntN(3) == 0 {
			p.previous, p.round = i-1, 2
			p.title = strings.Replace(ps[i-1].title, ")", ", putaran 2)", 1)
			p.body = ps[i-1].body + "\n\nPerbaikan untuk putaran 2: jadwal pelaksanaan dibagi dua tahap dan kajian dampak dilampirkan."
			ps[i-1].outcome = "Tidak mencapai mufakat pada putaran 1; direvisi ke putaran 2."
		}
		if p.open {
			continue
		}
		votes := make([]consensus.Vote, len(p.positions))
		for j, x := range p.positions {
			votes[j] = consensus.Vote{OrgID: x.org, Position: x.pos, At: x.at}
		}
		st := consensus.Evaluate(consensus.Input{Rules: rules(), Deciding: deciding, Votes: votes, Round: p.round})
		b, _ := json.Marshal(st)
		p.result = string(b)
		p.closed = p.closes.Add(time.Duration(1+rng.IntN(48)) * time.Hour)
		p.review = p.closes.AddDate(0, 6, 0).In(sinergi.Zone("WITA")).Format("2006-01-02")
		if st.Decided {
			p.outcome = "Disepakati. Setiap instansi melaksanakan bagiannya sesuai jadwal; fasilitator melaporkan kemajuan pada rapat pleno."
		} else {
			p.outcome = "Tidak disepakati pada putaran ini; usulan dapat diajukan kembali dengan perbaikan."
		}
	}
	return ps
}

func (p *proposal) decided() bool {
	var st sinergi.ConsensusStatus
	return json.Unmarshal([]byte(p.result), &st) == nil && st.Decided
}

// sample returns k distinct elements of s in random order.
func sample(rng *rand.Rand, s []int64, k int) []int64 {
	c := slices.Clone(s)
	rng.Shuffle(len(c), func(i, j int) { c[i], c[j] = c[j], c[i] })
	return c[:min(k, len(c))]
}

// insertRows writes rows into table in small multi-row INSERTs
// (modernc.org/sqlite binds $N parameters slowly in large statements).
func insertRows(ctx context.Context, tx *sql.Tx, table string, cols []string, rows [][]any) error {
	return benchdb.Insert(ctx, tx, table, cols, rows, 4000/len(cols))
}
