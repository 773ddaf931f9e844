package store

// Survey campaign reminders (issue 8, item 1): shortly before a campaign
// closes, the accounts of its target that have not answered by login are
// reminded once, in-app and by e-mail as they chose (kind generic).

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"sinergi"
	"sinergi/notify"
)

// SurveyReminderWindow is how long before a campaign closes its reminders
// go out.
const SurveyReminderWindow = 48 * time.Hour

func surveyReminderSubject(id int64) string { return "survey_reminder:" + strconv.FormatInt(id, 10) }

// RemindSurveys creates the reminders of open campaigns that close within
// SurveyReminderWindow (a campaign closes at the end of its closing day,
// WITA). Each active account of a target organisation that has not answered
// by login is reminded once per campaign: the notifications' unique key
// (subject, kind, recipient) makes a second run change nothing, so it is
// safe with several server copies and after restarts.
//
// Answers given through a one-time link cannot be told apart: nothing links
// a response to a link or an account (by design), so an account whose
// holder answered by link is still reminded. Only survey_respondents — which
// says that an account answered, never what — is read here; no answer is
// ever linked to a person. It returns how many campaigns it went through.
func (db *DB) RemindSurveys(ctx context.Context) (int, error) {
	now := db.now()
	wita := sinergi.Zone("WITA")
	today := db.today()
	last := now.Add(SurveyReminderWindow).In(wita).Format(time.DateOnly)
	rows, err := db.SQL.QueryContext(ctx, `SELECT id, title, closes_on FROM survey_campaigns WHERE opens_on <= $1 AND closes_on >= $1 AND closes_on <= $2 ORDER BY id`, today, last)
	if err != nil {
		return 0, err
	}
	type due struct {
		id           int64
		title, close string
	}
	var todo []due
	for rows.Next() {
		var d due
		if err := rows.Scan(&d.id, &d.title, &d.close); err != nil {
			rows.Close()
			return 0, err
		}
		day, err := time.ParseInLocation(time.DateOnly, d.close, wita)
		if err != nil {
			continue
		}
		end := day.AddDate(0, 0, 1)
		if end.After(now) && !end.After(now.Add(SurveyReminderWindow)) {
			todo = append(todo, d)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	ctx = sinergi.WithActor(ctx, sinergi.SystemActor)
	n := 0
	for _, d := range todo {
		err := db.inTx(ctx, func(tx *sql.Tx) error {
			gs, err := db.campaignGroups(ctx, tx, d.id)
			if err != nil {
				return err
			}
			var orgs []int64
			for _, g := range gs {
				orgs = append(orgs, g.OrgID)
			}
			rs, err := db.recipients(ctx, tx, svUnique(orgs))
			if err != nil {
				return err
			}
			answered := map[int64]bool{}
			rows, err := tx.QueryContext(ctx, `SELECT user_id FROM survey_respondents WHERE campaign_id = $1`, d.id)
			if err != nil {
				return err
			}
			for rows.Next() {
				var u int64
				if err := rows.Scan(&u); err != nil {
					rows.Close()
					return err
				}
				answered[u] = true
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			var silent []notify.Recipient
			for _, r := range rs {
				if !answered[r.UserID] {
					silent = append(silent, r)
				}
			}
			n++
			link := "/surveys/" + strconv.FormatInt(d.id, 10)
			return db.enqueue(ctx, tx, surveyReminderSubject(d.id), silent, func(r notify.Recipient) notify.Notification {
				return notify.Generic(r.UserID,
					sinergi.T("Survei segera ditutup: "+d.title, "Survey closing soon: "+d.title),
					sinergi.T("Survei ini ditutup pada akhir "+d.close+" (WITA). Jika Anda sudah menjawab melalui tautan sekali pakai, abaikan pengingat ini.",
						"This survey closes at the end of "+d.close+" (WITA). If you have already answered through a one-time link, please ignore this reminder."),
					link, now)
			})
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
