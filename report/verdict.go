package report

// The verdict of Part 1: is collaborative governance and whole-of-government
// really running at the organisation? It is computed from six indicators,
// each scored 2 (terpenuhi), 1 (sebagian) or 0 (belum), or left out when the
// data to judge it do not exist. The thresholds are constants below, each
// with its reason, so that an agency can argue with them in one place.

// Status is the verdict.
type Status string

const (
	Running Status = "berjalan" // running
	Partly  Status = "sebagian" // partly running
	NotYet  Status = "belum"    // not yet running
)

// Label is the verdict in Indonesian.
func (s Status) Label() string {
	switch s {
	case Running:
		return "berjalan"
	case Partly:
		return "berjalan sebagian"
	}
	return "belum berjalan"
}

// Thresholds of the indicators (documented in the report's method section).
const (
	// C: a forum meeting all six criteria of Ansell & Gash (2008) is
	// collaborative governance in their sense; one meeting at least four
	// shows the form without the full substance.
	ForumPartialCriteria = 4
	// P: stages of the collaborative process cycle with healthy evidence in
	// the organisation's best forum (of five): at least 4 is a cycle that
	// turns, at least 2 a cycle that has started.
	CycleFull, CyclePartial = 4, 2
	// S: share of the organisation's ties (links in the period) whose partner
	// is in another sector: at least half is cross-sector work, a quarter a
	// beginning (WoG is work across portfolio boundaries, APSC 2004).
	CrossSectorFull, CrossSectorPartial = 0.5, 0.25
	// E: Krackhardt's E-I index of the organisation over sector groups:
	// ≥ 0 means at least as many external as internal ties; ≤ −0.5 is the
	// silo threshold the network findings use.
	EIFull, EIPartial = 0.0, -0.5
	// R: median response to Bantuan Kedinasan requests in working days: 5 is
	// the deadline of UU 6/2023 Pasal 175 angka 7 (the configured default),
	// 10 the older general time of UU 30/2014 Pasal 53.
	ResponseFull, ResponsePartial = 5, 10
	// B: distinct partner organisations in the period.
	PartnersFull, PartnersPartial = 5, 2
	// The verdict: "berjalan" needs a score of at least 75% of the maximum
	// over the indicators that could be judged, with neither the forum
	// indicator (collaborative governance) nor the cross-sector indicator
	// (WoG) at 0; "sebagian" needs at least 40%. Fewer than MinIndicators
	// judged indicators give "belum" with the reason that data are missing.
	RunningShare, PartlyShare = 0.75, 0.40
	MinIndicators             = 3
)

// Facts are the measured inputs of the verdict. Pointers are nil when the
// data to judge the indicator do not exist.
type Facts struct {
	Forums          int      // forums the organisation initiated or belongs to
	BestCriteria    int      // most criteria met by one of its forums (0–6)
	BestCycle       *int     // healthy cycle stages of its best forum (0–5); nil without forums
	Ties            int      // links of the organisation in the period
	CrossSector     int      // … whose partner is in another sector
	EI              *float64 // E-I index of the organisation over sectors; nil without ties
	MedianResponse  *int     // median working days to answer assistance requests; nil when none answered
	OverdueRequests int      // submitted assistance requests past their due date
	Partners        int      // distinct partner organisations
}

// Indicator is one scored indicator.
type Indicator struct {
	Key    string // C, P, S, E, R, B
	Name   string
	Score  int  // 0, 1, 2
	Judged bool // false: no data
	Value  string
	Rule   string // the thresholds in words
}

// Verdict is the result.
type Verdict struct {
	Status     Status
	Score, Max int
	Indicators []Indicator
	Reason     string // why, in one Indonesian sentence
}

func score(ok2, ok1 bool) int {
	switch {
	case ok2:
		return 2
	case ok1:
		return 1
	}
	return 0
}

// Judge computes the verdict from the facts. It is pure.
func Judge(f Facts) Verdict {
	var v Verdict
	add := func(in Indicator) {
		v.Indicators = append(v.Indicators, in)
		if in.Judged {
			v.Score += in.Score
			v.Max += 2
		}
	}
	add(Indicator{Key: "C", Name: "Forum memenuhi enam kriteria tata kelola kolaboratif", Judged: true,
		Score: score(f.BestCriteria >= 6, f.BestCriteria >= ForumPartialCriteria),
		Value: num(f.BestCriteria) + " dari 6 kriteria (forum terbaik dari " + num(f.Forums) + " forum)",
		Rule:  "2: ada forum yang memenuhi 6 kriteria; 1: ada forum yang memenuhi sedikitnya 4; 0: lainnya atau tidak ada forum"})
	cyc := Indicator{Key: "P", Name: "Siklus proses kolaborasi", Rule: "2: sedikitnya 4 dari 5 tahap sehat; 1: sedikitnya 2; 0: kurang dari 2", Value: "tidak ada forum"}
	if f.BestCycle != nil {
		cyc.Judged, cyc.Score, cyc.Value = true, score(*f.BestCycle >= CycleFull, *f.BestCycle >= CyclePartial), num(*f.BestCycle)+" dari 5 tahap sehat"
	}
	add(cyc)
	share := 0.0
	if f.Ties > 0 {
		share = float64(f.CrossSector) / float64(f.Ties)
	}
	add(Indicator{Key: "S", Name: "Ikatan lintas sektor", Judged: true,
		Score: score(f.Ties > 0 && share >= CrossSectorFull, f.Ties > 0 && share >= CrossSectorPartial),
		Value: num(f.CrossSector) + " dari " + num(f.Ties) + " ikatan (" + pct(share) + ")",
		Rule:  "2: sedikitnya 50% ikatan dengan mitra sektor lain; 1: sedikitnya 25%; 0: kurang atau tidak ada ikatan"})
	ei := Indicator{Key: "E", Name: "Indeks E-I (keterbukaan ke luar sektor)", Rule: "2: indeks ≥ 0; 1: indeks > −0,5; 0: indeks ≤ −0,5 (silo)", Value: "tidak ada ikatan"}
	if f.EI != nil {
		ei.Judged, ei.Score, ei.Value = true, score(*f.EI >= EIFull, *f.EI > EIPartial), dec(*f.EI, 2)
	}
	add(ei)
	rs := Indicator{Key: "R", Name: "Kecepatan menjawab Bantuan Kedinasan", Value: "belum ada permintaan yang dijawab",
		Rule: "2: median ≤ 5 hari kerja dan tidak ada yang terlambat; 1: median ≤ 10 hari kerja; 0: lebih lambat"}
	if f.MedianResponse != nil {
		m := *f.MedianResponse
		rs.Judged, rs.Score = true, score(m <= ResponseFull && f.OverdueRequests == 0, m <= ResponsePartial)
		rs.Value = "median " + num(m) + " hari kerja, " + num(f.OverdueRequests) + " terlambat"
	}
	add(rs)
	add(Indicator{Key: "B", Name: "Keluasan jejaring mitra", Judged: true,
		Score: score(f.Partners >= PartnersFull, f.Partners >= PartnersPartial),
		Value: num(f.Partners) + " instansi mitra", Rule: "2: sedikitnya 5 mitra; 1: sedikitnya 2; 0: kurang dari 2"})

	judged, core0 := 0, false
	for _, in := range v.Indicators {
		if in.Judged {
			judged++
		}
		if (in.Key == "C" || in.Key == "S") && in.Score == 0 {
			core0 = true
		}
	}
	ratio := 0.0
	if v.Max > 0 {
		ratio = float64(v.Score) / float64(v.Max)
	}
	switch {
	case judged < MinIndicators:
		v.Status, v.Reason = NotYet, "data yang tercatat belum cukup untuk menilai sedikitnya tiga indikator"
	case ratio >= RunningShare && !core0:
		v.Status, v.Reason = Running, "skor "+num(v.Score)+" dari "+num(v.Max)+" ("+pct(ratio)+") dengan forum kolaboratif dan ikatan lintas sektor yang sama-sama terpenuhi"
	case ratio >= RunningShare:
		v.Status, v.Reason = Partly, "skor "+num(v.Score)+" dari "+num(v.Max)+" ("+pct(ratio)+") sudah tinggi, tetapi salah satu syarat inti (forum kolaboratif atau ikatan lintas sektor) belum terpenuhi"
	case ratio >= PartlyShare:
		v.Status, v.Reason = Partly, "skor "+num(v.Score)+" dari "+num(v.Max)+" ("+pct(ratio)+") berada di antara ambang 40% dan 75%"
	default:
		v.Status, v.Reason = NotYet, "skor "+num(v.Score)+" dari "+num(v.Max)+" ("+pct(ratio)+") berada di bawah ambang 40%"
	}
	return v
}
