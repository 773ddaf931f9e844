package report

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"sinergi"
	"sinergi/store"
	"sinergi/survey"
)

// Part 3 from the assessments module (issue 8 item 5): the register of
// challenges and obstacles, and low trust and culture scores of closed
// survey campaigns that targeted the organisation.

// registerSource and surveySource say where the figures come from.
const (
	registerSource = "register hambatan: obstacles (store.Obstacles)"
	surveySource   = "survei: survey_campaigns, survey_groups, survey_responses (store.Results; hanya kelompok yang mencapai ambang anonimitas)"
)

// SurveyScore is one closed survey campaign that targeted the organisation,
// with the organisation's groups shown under the anonymity threshold.
type SurveyScore struct {
	CampaignID     int64
	Title          string
	Instrument     string
	InstrumentName string
	Validated      bool
	ClosesOn       string
	Threshold      int
	ScaleMin       int
	ScaleMax       int
	Hidden         int           // groups of the campaign not shown (below the threshold): a count only
	Groups         []SurveyGroup // shown groups that belong to the organisation
}

// SurveyGroup is one shown group: its mean over the items the report reads
// (every culture item; the trust items of the other instruments) and the
// items whose mean is below the middle of the scale.
type SurveyGroup struct {
	Label     string
	Responses int
	Mean      float64
	Change    *float64
	Low       []SurveyItem
}

// SurveyItem is one item's mean in a group.
type SurveyItem struct {
	Text string
	Mean float64
}

// low reports whether a mean is below the middle of the scale.
func (s SurveyScore) low(m float64) bool { return m*2 < float64(s.ScaleMin+s.ScaleMax) }

// reportItems are the items the report reads: the whole culture
// instrument, and the trust items (the process item cp_trust, Custumato's
// trust factor) of the others. Levels of collaboration are not read.
func reportItems(in survey.Instrument) map[string]bool {
	out := map[string]bool{}
	for _, it := range in.Items {
		if in.Code == "culture" || it.ID == "cp_trust" || it.Dimension == "trust" {
			out[it.ID] = true
		}
	}
	return out
}

// loadRegister reads the open entries of the register (open or being
// mitigated) that affect the organisation, its forums, its agreements or
// its requests, as the reader may see the register (their own
// organisation's; system admins every organisation's), and the closed
// survey campaigns that targeted the organisation, closed within the
// period, through store.Results: a group below the threshold never
// reaches the report.
func loadRegister(ctx context.Context, db *store.DB, d *Data) error {
	forums, agreements, requests := map[int64]bool{}, map[int64]bool{}, map[int64]bool{}
	for _, f := range d.Forums {
		forums[f.ID] = true
	}
	for _, a := range d.Agreements {
		agreements[a.ID] = true
	}
	for _, q := range d.Requests {
		requests[q.ID] = true
	}
	for off := 0; ; {
		l, err := db.Obstacles(ctx, store.ObstacleFilter{Offset: off, Limit: 200})
		if err != nil {
			return err
		}
		for _, o := range l.Items {
			if o.Status == "resolved" {
				continue
			}
			mine := o.OrgID == d.Org.ID
			switch o.AffectsKind {
			case "organization":
				mine = mine || o.AffectsID == d.Org.ID
			case "forum":
				mine = mine || forums[o.AffectsID]
			case "agreement":
				mine = mine || agreements[o.AffectsID]
			case "request":
				mine = mine || requests[o.AffectsID]
			}
			if mine {
				d.Register = append(d.Register, o)
			}
		}
		off += len(l.Items)
		if len(l.Items) == 0 || off >= l.Total {
			break
		}
	}
	sev := map[string]int{"high": 0, "medium": 1, "low": 2}
	sort.SliceStable(d.Register, func(i, j int) bool {
		a, b := d.Register[i], d.Register[j]
		if sev[a.Severity] != sev[b.Severity] {
			return sev[a.Severity] < sev[b.Severity]
		}
		return a.ID < b.ID
	})

	mine := map[string]bool{"org:" + strconv.FormatInt(d.Org.ID, 10): true}
	for _, u := range d.Units {
		mine["unit:"+strconv.FormatInt(u.ID, 10)] = true
	}
	from, to := d.From.Format(time.DateOnly), d.To.Format(time.DateOnly)
	var ids []int64
	for off := 0; ; {
		l, err := db.Campaigns(ctx, store.CampaignFilter{Status: sinergi.CampaignClosed, Offset: off, Limit: 200})
		if err != nil {
			return err
		}
		for _, c := range l.Items {
			if c.ClosesOn < from || c.ClosesOn > to {
				continue
			}
			for _, g := range c.Groups {
				if mine[g.Key] {
					ids = append(ids, c.ID)
					break
				}
			}
		}
		off += len(l.Items)
		if len(l.Items) == 0 || off >= l.Total {
			break
		}
	}
	for _, id := range ids {
		res, err := db.Results(ctx, id)
		if err != nil {
			return err
		}
		if !res.Final {
			continue
		}
		items := reportItems(res.Inst)
		if len(items) == 0 {
			continue
		}
		s := SurveyScore{CampaignID: id, Title: res.Campaign.Title, Instrument: res.Instrument, InstrumentName: res.Inst.Name.ID, Validated: res.Validated,
			ClosesOn: res.Campaign.ClosesOn, Threshold: res.Results.Threshold, ScaleMin: res.Scale.Min, ScaleMax: res.Scale.Max, Hidden: res.Results.HiddenGroups}
		for _, g := range res.Results.Groups {
			if !mine[g.Key] { // the merged group and other organisations' groups
				continue
			}
			sg := SurveyGroup{Label: g.Label, Responses: g.Responses}
			sum, n := 0.0, 0
			for _, it := range g.Items {
				if !items[it.ItemID] || it.N == 0 {
					continue
				}
				sum += it.Mean * float64(it.N)
				n += it.N
				if s.low(it.Mean) {
					sg.Low = append(sg.Low, SurveyItem{Text: it.Text.ID, Mean: it.Mean})
				}
			}
			if n == 0 {
				continue
			}
			sg.Mean = float64(int(sum/float64(n)*100+0.5)) / 100
			if len(items) == len(g.Items) {
				sg.Change = g.Change
			}
			s.Groups = append(s.Groups, sg)
		}
		d.Surveys = append(d.Surveys, s)
	}
	d.RegisterLoaded = true
	return nil
}

// ---------------------------------------------------------------- build

func mean(x float64) string { return dec(x, 2) }

// lowGroups are the shown groups with a mean below the middle of the scale
// or with low items.
func (b *builder) lowGroups() (groups, items int) {
	for _, s := range b.d.Surveys {
		for _, g := range s.Groups {
			if s.low(g.Mean) || len(g.Low) > 0 {
				groups++
			}
			items += len(g.Low)
		}
	}
	return
}

// registerHeads are the summary's obstacle heads from the register and the
// surveys.
func (b *builder) registerHeads() []string {
	if !b.d.RegisterLoaded {
		return nil
	}
	var out []string
	if n := len(b.d.Register); n > 0 {
		out = append(out, count(n, "entri register hambatan")+" yang masih terbuka")
	}
	if g, _ := b.lowGroups(); g > 0 {
		out = append(out, count(g, "kelompok responden")+" dengan skor budaya atau kepercayaan yang rendah")
	}
	return out
}

func obstacleCategory(c sinergi.ObstacleCategory) string {
	if l, ok := sinergi.ObstacleCategoryLabel(c); ok {
		return strings.ToLower(l.ID)
	}
	return string(c)
}

func textOf(m map[string]sinergi.Text, k string) string {
	if l, ok := m[k]; ok {
		return strings.ToLower(l.ID)
	}
	return k
}

// registerPart3 writes the register and the survey scores in Part 3.
func (b *builder) registerPart3() {
	d, r := b.d, b.r
	if !d.RegisterLoaded {
		b.extra(d.extra("register"))
		return
	}
	if len(d.Register) == 0 {
		r.para(fmt.Sprintf("Per %s register hambatan tidak memuat entri terbuka yang menyangkut %s, forumnya, perjanjiannya atau permintaan Bantuan Kedinasannya, sejauh register itu boleh dibaca penyusun laporan (register instansi penyusun; admin sistem membaca semua register).", date(d.GeneratedAt), b.short()))
	} else {
		r.para(fmt.Sprintf("Register hambatan mencatat hambatan yang dinilai oleh orang, baik yang ditulis langsung maupun usulan Sinergi dari data yang diterima. Per %s terdapat %s yang masih terbuka atau sedang ditangani dan menyangkut %s, forumnya, perjanjiannya atau permintaan Bantuan Kedinasannya:", date(d.GeneratedAt), count(len(d.Register), "entri"), b.short()))
		var items []string
		for _, o := range d.Register {
			it := fmt.Sprintf("%s — %s (menyangkut %s", capital(obstacleCategory(o.Category)), strings.TrimSuffix(o.Description, "."), textOf(sinergi.ObstacleAffects, o.AffectsKind))
			if o.AffectsLabel != "" {
				it += " " + o.AffectsLabel
			}
			it += fmt.Sprintf("; keparahan %s; status %s", textOf(sinergi.ObstacleSeverity, o.Severity), textOf(sinergi.ObstacleStatus, o.Status))
			if o.OrgID != d.Org.ID && o.OrgName != "" {
				it += "; dicatat oleh " + o.OrgName
			}
			it += ")."
			if o.Mitigation != "" {
				it += " Mitigasi: " + strings.TrimSuffix(o.Mitigation, ".")
				if o.Owner != "" {
					it += ", oleh " + o.Owner
				}
				it += "."
			}
			if o.ProposalKey != "" {
				it += " Entri ini berasal dari usulan Sinergi yang diterima."
			}
			it += fmt.Sprintf(" Sumber: register hambatan, entri #%d (tabel obstacles), dicatat %s.", o.ID, date(o.CreatedAt))
			items = append(items, it)
		}
		r.bullets(items...)
	}

	r.heading(2, "Skor budaya kolaboratif dan kepercayaan dari survei")
	if len(d.Surveys) == 0 {
		r.para(fmt.Sprintf("Belum ada data: tidak ada kampanye survei budaya kolaboratif, proses kolaborasi atau faktor keberhasilan yang menyasar %s dan ditutup dalam periode ini, sejauh kampanye itu boleh dibaca penyusun laporan.", b.short()))
		return
	}
	r.para("Survei dijawab secara anonim. Hasil sebuah kelompok hanya ditampilkan bila jawabannya mencapai ambang anonimitas kampanye; kelompok yang lebih kecil tidak dimuat di sini sama sekali, juga tidak dalam rata-rata. Untuk survei budaya dibaca semua indikator; untuk survei lainnya hanya butir kepercayaan. Skor di bawah titik tengah skala disebut rendah.")
	for _, s := range d.Surveys {
		head := fmt.Sprintf("%s (%s%s), ditutup %s, ambang %d jawaban.", s.Title, s.InstrumentName, map[bool]string{true: "", false: ", bukan skala tervalidasi"}[s.Validated], day(s.ClosesOn), s.Threshold)
		if s.Hidden > 0 {
			head += fmt.Sprintf(" %s di bawah ambang tidak ditampilkan.", capital(count(s.Hidden, "kelompok")))
		}
		if len(s.Groups) == 0 {
			head += fmt.Sprintf(" Tidak ada kelompok %s yang mencapai ambang, sehingga tidak ada skor yang dapat dilaporkan.", b.short())
		}
		var items []string
		for _, g := range s.Groups {
			it := fmt.Sprintf("%s: rata-rata %s dari %d (%d jawaban)", g.Label, mean(g.Mean), s.ScaleMax, g.Responses)
			if g.Change != nil {
				it += fmt.Sprintf(", berubah %s dibanding kampanye sebelumnya", dec(*g.Change, 2))
			}
			if s.low(g.Mean) {
				it += "; skor ini rendah"
			}
			if len(g.Low) > 0 {
				var low []string
				for _, x := range g.Low {
					low = append(low, fmt.Sprintf("“%s” (%s)", strings.TrimSuffix(x.Text, "."), mean(x.Mean)))
				}
				it += "; butir yang rendah: " + strings.Join(low, "; ")
			} else if !s.low(g.Mean) {
				it += "; tidak ada butir yang rendah"
			}
			items = append(items, it+".")
		}
		r.para(head)
		r.bullets(items...)
		r.para(fmt.Sprintf("Sumber: %s; kampanye #%d.", surveySource, s.CampaignID))
	}
}

// registerFixes are the improvement steps the register and surveys point to.
func (b *builder) registerFixes() []string {
	if !b.d.RegisterLoaded {
		return nil
	}
	var out []string
	for _, o := range b.d.Register {
		if o.Mitigation == "" {
			out = append(out, fmt.Sprintf("Tetapkan mitigasi dan penanggung jawab untuk hambatan register #%d (%s).", o.ID, obstacleCategory(o.Category)))
		}
	}
	if g, _ := b.lowGroups(); g > 0 {
		out = append(out, "Bahas skor survei yang rendah bersama kelompok respondennya dan ulangi survei setelah langkah perbaikan, agar perubahannya terukur.")
	}
	return out
}
