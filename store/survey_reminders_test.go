package store_test

import (
	"fmt"
	"testing"
	"time"

	"sinergi"
	"sinergi/store"
)

func TestSurveyReminders(t *testing.T) {
	db, org, admin, units := surveySetup(t)
	// campaign closed yesterday: created while it was open
	db.Now = func() time.Time { return time.Date(2026, 11, 1, 2, 0, 0, 0, time.UTC) }
	closed, err := db.CreateCampaign(admin, sinergi.CampaignInput{Title: "Survei lama", Instrument: "culture", Scope: sinergi.ScopeUnits,
		UnitIDs: []int64{units[0].ID}, OpensOn: "2026-11-01", ClosesOn: "2026-11-09"})
	if err != nil {
		t.Fatal(err)
	}
	// now 2026-11-10 10:00 WITA
	db.Now = func() time.Time { return time.Date(2026, 11, 10, 2, 0, 0, 0, time.UTC) }
	soon, err := db.CreateCampaign(admin, sinergi.CampaignInput{Title: "Survei segera", Instrument: "culture", Scope: sinergi.ScopeUnits,
		UnitIDs: []int64{units[0].ID}, OpensOn: "2026-11-01", ClosesOn: "2026-11-11"}) // closes in 38 h
	if err != nil {
		t.Fatal(err)
	}
	later, err := db.CreateCampaign(admin, sinergi.CampaignInput{Title: "Survei nanti", Instrument: "culture", Scope: sinergi.ScopeUnits,
		UnitIDs: []int64{units[0].ID}, OpensOn: "2026-11-01", ClosesOn: "2026-11-12"}) // closes in 62 h
	if err != nil {
		t.Fatal(err)
	}
	answered := asUser(t, db, org.ID, "sudah@sinergi.test", sinergi.RoleMember)
	asUser(t, db, org.ID, "belum1@sinergi.test", sinergi.RoleMember)
	asUser(t, db, org.ID, "belum2@sinergi.test", sinergi.RoleMember)
	if err := db.Respond(answered, soon.ID, sinergi.ResponseInput{Answers: cultureAnswers(4)}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := db.RemindSurveys(admin); err != nil {
			t.Fatal(err)
		}
	}
	got := surveyReminders(t, db)
	if got["survey_reminder:"+fmt.Sprint(soon.ID)] != 2 || len(got) != 1 {
		t.Fatalf("reminders: %v (closed %d, later %d)", got, closed.ID, later.ID)
	}
	var n int
	if err := db.SQL.QueryRow(`SELECT count(*) FROM notifications WHERE subject = $1 AND recipient_id = $2`,
		"survey_reminder:"+fmt.Sprint(soon.ID), sinergi.ActorFrom(answered).UserID).Scan(&n); err != nil || n != 0 {
		t.Fatalf("account that answered reminded: %d %v", n, err)
	}
	// a day later the second campaign is within 48 h: reminded once too
	db.Now = func() time.Time { return time.Date(2026, 11, 11, 2, 0, 0, 0, time.UTC) }
	for range 2 {
		if _, err := db.RemindSurveys(admin); err != nil {
			t.Fatal(err)
		}
	}
	got = surveyReminders(t, db)
	if got["survey_reminder:"+fmt.Sprint(soon.ID)] != 2 || got["survey_reminder:"+fmt.Sprint(later.ID)] != 3 || len(got) != 2 {
		t.Fatalf("reminders a day later: %v", got)
	}
}

func surveyReminders(t *testing.T, db *store.DB) map[string]int {
	t.Helper()
	rows, err := db.SQL.Query(`SELECT subject, kind, count(*) FROM notifications WHERE subject LIKE 'survey_reminder:%' GROUP BY subject, kind`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var s, k string
		var n int
		if err := rows.Scan(&s, &k, &n); err != nil {
			t.Fatal(err)
		}
		if k != "generic" {
			t.Fatalf("kind %q", k)
		}
		out[s] = n
	}
	return out
}
