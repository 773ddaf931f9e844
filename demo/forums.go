package demo

import (
	"context"
	"fmt"
	"time"

	"sinergi"
	"sinergi/store"
)

// forumDemo holds what the forum loader looks up once.
type forumDemo struct {
	db     *store.DB
	sys    context.Context
	now    time.Time
	org    map[string]int64            // slug → organisation id
	actor  map[string]context.Context  // slug → its member/partner account
	person map[string][]sinergi.Person // slug → people
}

// loadForums adds the demo forums: the Makassar–Parepare railway corridor
// forum (meets all six criteria) and a university forum of public bodies
// only (fails C2). Illustrative only.
func loadForums(ctx context.Context, db *store.DB) error {
	d := &forumDemo{db: db, sys: ctx, now: db.Now().UTC(), org: map[string]int64{}, actor: map[string]context.Context{}, person: map[string][]sinergi.Person{}}
	l, err := db.Organizations(ctx, sinergi.OrganizationFilter{Limit: 200})
	if err != nil {
		return err
	}
	for _, o := range orgs {
		for _, x := range l.Items {
			if x.Name == o.Name {
				d.org[o.Slug] = x.ID
			}
		}
		users, err := db.Users(ctx, d.org[o.Slug])
		if err != nil {
			return err
		}
		for _, u := range users {
			if u.Email != "admin."+o.Slug+"@sinergi.test" && u.Email != adminEmail {
				d.actor[o.Slug] = sinergi.WithActor(context.Background(), store.ActorOf(&u))
			}
		}
		ps, err := db.People(ctx, d.org[o.Slug], "", 0, 10)
		if err != nil {
			return err
		}
		d.person[o.Slug] = ps.Items
	}
	if err := d.corridor(); err != nil {
		return fmt.Errorf("demo: corridor forum: %w", err)
	}
	if err := d.university(); err != nil {
		return fmt.Errorf("demo: university forum: %w", err)
	}
	return nil
}

// wita is a wall-clock time in WITA, days from now.
func (d *forumDemo) wita(days int, hour, minute int) time.Time {
	t := d.now.In(sinergi.Zone("WITA")).AddDate(0, 0, days)
	return time.Date(t.Year(), t.Month(), t.Day(), hour, minute, 0, 0, sinergi.Zone("WITA"))
}

func (d *forumDemo) date(days int) string { return d.wita(days, 12, 0).Format("2006-01-02") }

// member adds a member with its first person as representative.
func (d *forumDemo) member(forumID int64, slug string, role sinergi.MemberRole, acting sinergi.Acting, actingFor string) error {
	if _, err := d.db.AddMember(d.sys, forumID, sinergi.MemberInput{OrganizationID: d.org[slug], Role: role}); err != nil && sinergi.ErrorCode(err) != sinergi.CodeConflict {
		return fmt.Errorf("%s: %w", slug, err)
	}
	if ps := d.person[slug]; len(ps) > 0 {
		if _, err := d.db.AddRepresentative(d.sys, forumID, d.org[slug], sinergi.RepresentativeInput{PersonID: ps[0].ID, Acting: acting, ActingFor: actingFor}); err != nil {
			return fmt.Errorf("%s representative: %w", slug, err)
		}
	}
	return nil
}

// meeting records a past meeting with attendance, minutes and action items.
func (d *forumDemo) meeting(forumID int64, in sinergi.MeetingInput, present []string, actions []sinergi.ActionItemInput) error {
	m, err := d.db.CreateMeeting(d.sys, forumID, in)
	if err != nil {
		return err
	}
	var att sinergi.AttendanceInput
	for _, s := range present {
		att.Attendees = append(att.Attendees, sinergi.AttendeeInput{OrganizationID: d.org[s]})
	}
	if _, err := d.db.SetAttendance(d.sys, m.ID, att); err != nil {
		return err
	}
	for _, a := range actions {
		done := a
		a.Status, a.DoneOn = sinergi.ActionOpen, ""
		it, err := d.db.CreateActionItem(d.sys, m.ID, a)
		if err != nil {
			return err
		}
		if done.Status == sinergi.ActionDone {
			if _, err := d.db.UpdateActionItem(d.sys, it.ID, 0, done); err != nil {
				return err
			}
		}
	}
	return nil
}

// positions has the listed organisations take positions ("agree",
// "abstain", or "disagree:reason", "block:reason").
func (d *forumDemo) positions(proposalID int64, pos map[string]string) error {
	for slug, p := range pos {
		in := sinergi.PositionInput{Position: sinergi.Position(p)}
		for i := range p {
			if p[i] == ':' {
				in = sinergi.PositionInput{Position: sinergi.Position(p[:i]), Reason: p[i+1:]}
				break
			}
		}
		if _, err := d.db.TakePosition(d.actor[slug], proposalID, in); err != nil {
			return fmt.Errorf("%s position: %w", slug, err)
		}
	}
	return nil
}

func (d *forumDemo) acknowledge(forumID int64, slugs []string) error {
	for _, s := range slugs {
		if _, err := d.db.Acknowledge(d.actor[s], forumID); err != nil {
			return fmt.Errorf("%s acknowledges: %w", s, err)
		}
	}
	return nil
}
