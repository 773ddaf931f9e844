package web

import (
	"strconv"
	"time"

	"sinergi"
)

// forumLabels gives the forum templates their labels and small
// computations (the shared template functions stay untouched).
type forumLabels struct{}

func (forumLabels) Role(r sinergi.MemberRole) sinergi.Text     { return sinergi.MemberRoleLabel[r] }
func (forumLabels) Position(p sinergi.Position) sinergi.Text   { return sinergi.PositionLabel[p] }
func (forumLabels) Outcome(o sinergi.Outcome) sinergi.Text     { return sinergi.OutcomeLabel[o] }
func (forumLabels) Mode(m sinergi.MeetingMode) sinergi.Text    { return sinergi.MeetingModeLabel[m] }
func (forumLabels) Action(s sinergi.ActionStatus) sinergi.Text { return sinergi.ActionStatusLabel[s] }
func (forumLabels) Acting(a sinergi.Acting) sinergi.Text       { return sinergi.ActingLabel[a] }
func (forumLabels) Fallback(f sinergi.Fallback) sinergi.Text   { return sinergi.FallbackLabel[f] }
func (forumLabels) Rule(d sinergi.DecisionRule) sinergi.Text   { return sinergi.DecisionRuleLabel[d] }
func (forumLabels) VoteUnit(u sinergi.VoteUnit) sinergi.Text   { return sinergi.VoteUnitLabel[u] }
func (forumLabels) Roles() []sinergi.MemberRole                { return sinergi.MemberRoles }
func (forumLabels) Positions() []sinergi.Position              { return sinergi.Positions }
func (forumLabels) Foci() []sinergi.FocusInfo                  { return sinergi.Foci }
func (forumLabels) Zones() []string                            { return []string{"WITA", "WIB", "WIT"} }
func (forumLabels) Modes() []sinergi.MeetingMode {
	return []sinergi.MeetingMode{sinergi.ModeInPerson, sinergi.ModeHybrid, sinergi.ModeOnline}
}
func (forumLabels) ID(id int64) string            { return strconv.FormatInt(id, 10) }
func (forumLabels) Needs(p sinergi.Position) bool { return p.NeedsReason() }
func (forumLabels) Focus(f sinergi.ForumFocus) sinergi.Text {
	i, _ := sinergi.LookupFocus(f)
	return i.Label
}
func (forumLabels) LegalBasis(l sinergi.LegalBasis) string { return l.String() }
func (forumLabels) Count(c sinergi.ConsensusCounts, p sinergi.Position) int {
	return map[sinergi.Position]int{sinergi.PositionAgree: c.Agree, sinergi.PositionAbstain: c.Abstain, sinergi.PositionDisagree: c.Disagree, sinergi.PositionBlock: c.Block}[p]
}

// When writes a meeting's start in its own zone: "2 November 2026 pukul 09.30 WITA".
func (forumLabels) When(lang string, t time.Time, zone string) string {
	l := t.In(sinergi.Zone(zone))
	if lang == "en" {
		return FormatDate(l, lang) + ", " + l.Format("15:04") + " " + zone
	}
	return FormatDate(l, lang) + " pukul " + l.Format("15.04") + " " + zone
}

// DaysLeft is the number of whole days until t (0 when past).
func (forumLabels) DaysLeft(t time.Time) int { return max(0, int(time.Until(t).Hours()/24)) }

// Accepting reports whether a proposal still takes positions.
func (forumLabels) Accepting(p sinergi.Proposal) bool {
	return p.Status == sinergi.ProposalOpen && p.ClosesAt.After(time.Now())
}

// barSeg is one segment of the consensus bar (an SVG rect, as the
// content security policy allows no inline styles).
type barSeg struct {
	X, W  float64
	Class string
	Label sinergi.Text
	N     int
}

// Bar splits 100 units among the positions counted and the deciding
// members who have not spoken yet.
func (forumLabels) Bar(c sinergi.ConsensusStatus) []barSeg {
	pending := max(0, c.DecidingMembers-c.OrgsPresent)
	total := c.Counts.Total() + pending
	if total == 0 {
		return []barSeg{{X: 0, W: 100, Class: "bar-pending", Label: sinergi.T("Belum ada posisi", "No positions yet")}}
	}
	parts := []barSeg{
		{Class: "bar-agree", N: c.Counts.Agree, Label: sinergi.PositionLabel[sinergi.PositionAgree]},
		{Class: "bar-abstain", N: c.Counts.Abstain, Label: sinergi.PositionLabel[sinergi.PositionAbstain]},
		{Class: "bar-disagree", N: c.Counts.Disagree, Label: sinergi.PositionLabel[sinergi.PositionDisagree]},
		{Class: "bar-block", N: c.Counts.Block, Label: sinergi.PositionLabel[sinergi.PositionBlock]},
		{Class: "bar-pending", N: pending, Label: sinergi.T("Belum menyatakan posisi", "No position yet")},
	}
	var out []barSeg
	x := 0.0
	for _, p := range parts {
		if p.N == 0 {
			continue
		}
		p.X, p.W = x, float64(p.N)*100/float64(total)
		x += p.W
		out = append(out, p)
	}
	return out
}

// barView is what the "consensusbar" template shows.
type barView struct {
	P       page
	C       sinergi.ConsensusStatus
	Segs    []barSeg
	Pending int
}

// Bar prepares the consensus bar of a status for a page's templates.
func (p page) Bar(c sinergi.ConsensusStatus) barView {
	return barView{P: p, C: c, Segs: forumLabels{}.Bar(c), Pending: max(0, c.DecidingMembers-c.OrgsPresent)}
}
