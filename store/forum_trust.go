package store

import (
	"context"
	"encoding/json"

	"sinergi/criteria"
	"sinergi/survey"
)

// forumSurveyTrust is the survey trust score of a forum's members for its
// process cycle (issue 8 item 5): over the closed campaigns that targeted
// the forum's members (scope forum), the latest of each instrument with
// trust items (the process item cp_trust, Custumato's trust factor), the
// mean of those items in the groups shown under the campaign's anonymity
// threshold — a hidden group never counts. Only the aggregate leaves the
// store, as the results page shows it. Nil when no campaign gives one.
func (db *DB) forumSurveyTrust(ctx context.Context, forumID int64) (*criteria.SurveyTrust, error) {
	rows, err := db.SQL.QueryContext(ctx, `SELECT id, instrument, threshold, closes_on FROM survey_campaigns
		WHERE scope = 'forum' AND forum_id = $1 AND closes_on < $2 ORDER BY closes_on DESC, id DESC`, forumID, db.today())
	if err != nil {
		return nil, err
	}
	type camp struct {
		id        int64
		inst      survey.Instrument
		threshold int
		closesOn  string
	}
	var cs []camp
	seen := map[string]bool{}
	for rows.Next() {
		var c camp
		var code string
		if err := rows.Scan(&c.id, &code, &c.threshold, &c.closesOn); err != nil {
			rows.Close()
			return nil, err
		}
		inst, ok := survey.Lookup(code)
		if !ok || seen[code] || len(trustItems(inst)) == 0 {
			continue
		}
		seen[code] = true
		c.inst = inst
		cs = append(cs, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out *criteria.SurveyTrust
	sum, n := 0.0, 0
	for _, c := range cs {
		rs, err := db.surveyResponses(ctx, c.id)
		if err != nil {
			return nil, err
		}
		res := survey.Compute(c.inst, c.inst.Items, rs, nil, c.threshold, "")
		if res.Overall == nil {
			continue
		}
		trust := trustItems(c.inst)
		got := false
		for _, it := range res.Overall.Items {
			if trust[it.ItemID] && it.N > 0 {
				sum += it.Mean * float64(it.N)
				n += it.N
				got = true
			}
		}
		if !got {
			continue
		}
		if out == nil {
			out = &criteria.SurveyTrust{ScaleMin: c.inst.Scale.Min, ScaleMax: c.inst.Scale.Max, ClosedOn: c.closesOn}
		}
		out.Campaigns++
		out.Responses += res.Overall.Responses
	}
	if out != nil && n > 0 {
		out.Mean = float64(int(sum/float64(n)*100+0.5)) / 100
	}
	return out, nil
}

// trustItems are the items of an instrument that measure trust.
func trustItems(in survey.Instrument) map[string]bool {
	out := map[string]bool{}
	for _, it := range in.Items {
		if it.ID == "cp_trust" || it.Dimension == "trust" {
			out[it.ID] = true
		}
	}
	return out
}

// surveyResponses reads the anonymous responses of a campaign.
func (db *DB) surveyResponses(ctx context.Context, campaignID int64) ([]survey.Response, error) {
	rows, err := db.SQL.QueryContext(ctx, `SELECT group_key, answers FROM survey_responses WHERE campaign_id = $1`, campaignID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var rs []survey.Response
	for rows.Next() {
		var r survey.Response
		var ans string
		if err := rows.Scan(&r.Group, &ans); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(ans), &r.Answers); err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, rows.Err()
}
