package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"

	"sinergi"
	"sinergi/auth"
	"sinergi/survey"
)

// Survey campaigns (issue 8). Answers are anonymous: a response row holds
// the campaign, the group key and the answers, nothing else (see
// migrations/*/0009_assessments.sql).

// SurveyLinkPrefix starts every one-time survey token.
const SurveyLinkPrefix = "svy_"

const campaignCols = `c.id, c.title, c.instrument, c.scope, c.forum_id, c.owner_org_id, o.name, c.partner_ids, c.opens_on, c.closes_on, c.threshold, c.version, c.created_at,
	(SELECT count(*) FROM survey_responses r WHERE r.campaign_id = c.id)`
const campaignFrom = ` FROM survey_campaigns c JOIN organizations o ON o.id = c.owner_org_id`

func (db *DB) scanCampaign(row interface{ Scan(...any) error }) (*sinergi.Campaign, error) {
	var c sinergi.Campaign
	var forum sql.NullInt64
	var partners string
	if err := row.Scan(&c.ID, &c.Title, &c.Instrument, &c.Scope, &forum, &c.OwnerOrgID, &c.OwnerOrgName, &partners, &c.OpensOn, &c.ClosesOn, &c.Threshold,
		&c.Version, &c.CreatedAt, &c.Responses); err != nil {
		return nil, err
	}
	if forum.Valid {
		c.ForumID = &forum.Int64
	}
	json.Unmarshal([]byte(partners), &c.PartnerIDs)
	if c.PartnerIDs == nil {
		c.PartnerIDs = []int64{}
	}
	if in, ok := survey.Lookup(c.Instrument); ok {
		c.InstrumentName = in.Name
	}
	c.CreatedAt = c.CreatedAt.UTC()
	c.Status = c.StatusOn(db.today())
	c.Groups = []sinergi.CampaignGroup{}
	return &c, nil
}

func (db *DB) getCampaign(ctx context.Context, q querier, id int64, lock bool) (*sinergi.Campaign, error) {
	s := `SELECT ` + campaignCols + campaignFrom + ` WHERE c.id = $1`
	if lock && db.Dialect == Postgres {
		s += " FOR UPDATE OF c"
	}
	c, err := db.scanCampaign(q.QueryRowContext(ctx, s, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Survei", "Survey")
	}
	if err != nil {
		return nil, err
	}
	return c, db.fillGroups(ctx, q, c)
}

type svGroup struct {
	sinergi.CampaignGroup
	OrgID int64
}

func (db *DB) campaignGroups(ctx context.Context, q querier, id int64) ([]svGroup, error) {
	rows, err := q.QueryContext(ctx, `SELECT group_key, label, org_id FROM survey_groups WHERE campaign_id = $1 ORDER BY label, group_key`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []svGroup
	for rows.Next() {
		var g svGroup
		if err := rows.Scan(&g.Key, &g.Label, &g.OrgID); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

func (db *DB) fillGroups(ctx context.Context, q querier, c *sinergi.Campaign) error {
	gs, err := db.campaignGroups(ctx, q, c.ID)
	for _, g := range gs {
		c.Groups = append(c.Groups, g.CampaignGroup)
	}
	return err
}

// canSeeCampaign: system admins; accounts of the owner and of the target
// organisations.
func canSeeCampaign(a *sinergi.Actor, c *sinergi.Campaign, groups []svGroup) bool {
	if a.IsAdmin() || (a.Authenticated() && a.OrgID == c.OwnerOrgID) {
		return true
	}
	return a.Authenticated() && slices.ContainsFunc(groups, func(g svGroup) bool { return g.OrgID == a.OrgID })
}

// CampaignFilter selects campaigns.
type CampaignFilter struct {
	Instrument string
	Status     sinergi.CampaignStatus
	Offset     int
	Limit      int
}

// Campaigns lists the campaigns the actor may see, newest first.
func (db *DB) Campaigns(ctx context.Context, f CampaignFilter) (sinergi.List[sinergi.Campaign], error) {
	out := sinergi.List[sinergi.Campaign]{Items: []sinergi.Campaign{}}
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return out, sinergi.Unauthorized()
	}
	out.Offset, out.Limit = sinergi.ClampPage(f.Offset, f.Limit)
	var w where
	if !a.IsAdmin() {
		w.add(`(c.owner_org_id = ? OR EXISTS (SELECT 1 FROM survey_groups g WHERE g.campaign_id = c.id AND g.org_id = ?))`, a.OrgID, a.OrgID)
	}
	if f.Instrument != "" {
		w.add(`c.instrument = ?`, f.Instrument)
	}
	today := db.today()
	switch f.Status {
	case sinergi.CampaignScheduled:
		w.add(`c.opens_on > ?`, today)
	case sinergi.CampaignOpen:
		w.add(`c.opens_on <= ? AND c.closes_on >= ?`, today, today)
	case sinergi.CampaignClosed:
		w.add(`c.closes_on < ?`, today)
	}
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*)`+campaignFrom+w.String(), w.args...).Scan(&out.Total); err != nil {
		return out, err
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+campaignCols+campaignFrom+w.String()+` ORDER BY c.opens_on DESC, c.id DESC`+limitClause(0, out.Offset, out.Limit), w.args...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		c, err := db.scanCampaign(rows)
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, *c)
	}
	if err := rows.Err(); err != nil {
		return out, err
	}
	rows.Close()
	for i := range out.Items {
		if err := db.fillGroups(ctx, db.SQL, &out.Items[i]); err != nil {
			return out, err
		}
	}
	return out, nil
}

// Campaign returns one campaign.
func (db *DB) Campaign(ctx context.Context, id int64) (*sinergi.Campaign, error) {
	a := sinergi.ActorFrom(ctx)
	c, err := db.getCampaign(ctx, db.SQL, id, false)
	if err != nil {
		return nil, err
	}
	gs, err := db.campaignGroups(ctx, db.SQL, id)
	if err != nil {
		return nil, err
	}
	if !canSeeCampaign(a, c, gs) {
		if !a.Authenticated() {
			return nil, sinergi.Unauthorized()
		}
		return nil, sinergi.Forbidden()
	}
	return c, nil
}

func svKnownInstrument(code string) (bool, bool) {
	in, ok := survey.Lookup(code)
	return ok, in.PerPartner
}

// CreateCampaign starts a survey campaign. Organisation admins for their
// own organisation (and its units); forum managers for a forum's members;
// system admins for any organisations.
func (db *DB) CreateCampaign(ctx context.Context, in sinergi.CampaignInput) (*sinergi.Campaign, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if err := in.Validate(svKnownInstrument); err != nil {
		return nil, err
	}
	var c *sinergi.Campaign
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var groups []svGroup
		var owner int64
		var forumID *int64
		bad := func(field, id, en string) error {
			var v sinergi.Validation
			v.Add(field, id, en)
			return v.Err()
		}
		switch in.Scope {
		case sinergi.ScopeOrganizations:
			for _, id := range svUnique(in.OrganizationIDs) {
				o, err := db.getOrg(ctx, tx, id, false)
				if err != nil {
					return bad("organization_ids", "Instansi sasaran tidak ditemukan: "+strconv.FormatInt(id, 10), "Target organisation not found: "+strconv.FormatInt(id, 10))
				}
				if !sinergi.CanManageOrganization(a, o.ID) {
					return sinergi.Errorf(sinergi.CodeForbidden, "Admin instansi hanya dapat menyurvei instansinya sendiri", "Organisation admins survey their own organisation only")
				}
				groups = append(groups, svGroup{sinergi.CampaignGroup{Key: "org:" + strconv.FormatInt(o.ID, 10), Label: o.Name}, o.ID})
			}
			owner = groups[0].OrgID
			if !a.IsAdmin() {
				owner = a.OrgID
			}
		case sinergi.ScopeUnits:
			for _, id := range svUnique(in.UnitIDs) {
				u, err := db.getUnit(ctx, tx, id, false)
				if err != nil {
					return bad("unit_ids", "Unit kerja sasaran tidak ditemukan: "+strconv.FormatInt(id, 10), "Target unit not found: "+strconv.FormatInt(id, 10))
				}
				if owner != 0 && u.OrganizationID != owner {
					return bad("unit_ids", "Semua unit kerja sasaran harus dari satu instansi", "All target units must belong to one organisation")
				}
				owner = u.OrganizationID
				groups = append(groups, svGroup{sinergi.CampaignGroup{Key: "unit:" + strconv.FormatInt(u.ID, 10), Label: u.Name}, u.OrganizationID})
			}
			if !sinergi.CanManageOrganization(a, owner) {
				return sinergi.Errorf(sinergi.CodeForbidden, "Hanya admin instansi yang dapat menyurvei unit kerjanya", "Only the organisation's admins survey its units")
			}
		case sinergi.ScopeForum:
			f, acc, err := db.forumAccess(ctx, tx, in.ForumID, false)
			if err != nil {
				return bad("forum_id", "Forum tidak ditemukan", "Forum not found")
			}
			if !sinergi.CanManageForum(a, acc) {
				return sinergi.Errorf(sinergi.CodeForbidden, "Hanya pemrakarsa dan fasilitator forum yang dapat menyurvei anggotanya", "Only the forum's initiator and facilitators survey its members")
			}
			owner, forumID = f.InitiatorOrgID, &f.ID
			orgs := []int64{f.InitiatorOrgID}
			for org := range acc.Roles {
				orgs = append(orgs, org)
			}
			slices.Sort(orgs)
			for _, id := range slices.Compact(orgs) {
				o, err := db.getOrg(ctx, tx, id, false)
				if err != nil {
					return err
				}
				groups = append(groups, svGroup{sinergi.CampaignGroup{Key: "org:" + strconv.FormatInt(o.ID, 10), Label: o.Name}, o.ID})
			}
		}
		partners := append([]int64{}, svUnique(in.PartnerIDs)...)
		for _, id := range partners {
			if _, err := db.getOrg(ctx, tx, id, false); err != nil {
				return bad("partner_ids", "Instansi mitra tidak ditemukan: "+strconv.FormatInt(id, 10), "Partner organisation not found: "+strconv.FormatInt(id, 10))
			}
		}
		pj, _ := json.Marshal(partners)
		now := db.now()
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO survey_campaigns (title, instrument, scope, forum_id, owner_org_id, partner_ids, opens_on, closes_on, threshold, created_by, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11) RETURNING id`,
			in.Title, in.Instrument, string(in.Scope), nullID(forumID), owner, string(pj), in.OpensOn, in.ClosesOn, in.Threshold, nullID(&a.UserID), now).Scan(&id); err != nil {
			return err
		}
		for _, g := range groups {
			var unit any
			if strings.HasPrefix(g.Key, "unit:") {
				n, _ := strconv.ParseInt(strings.TrimPrefix(g.Key, "unit:"), 10, 64)
				unit = n
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO survey_groups (campaign_id, group_key, label, org_id, unit_id) VALUES ($1, $2, $3, $4, $5)`,
				id, g.Key, g.Label, g.OrgID, unit); err != nil {
				return err
			}
		}
		var err error
		if c, err = db.getCampaign(ctx, tx, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "create", "survey_campaign", id, nil, c)
	})
	return c, err
}

func svUnique(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}

// canRunCampaign: who issues links for a campaign and sees who may answer.
func (db *DB) canRunCampaign(ctx context.Context, q querier, a *sinergi.Actor, c *sinergi.Campaign) (bool, error) {
	if a.IsAdmin() {
		return true, nil
	}
	if c.ForumID != nil {
		_, acc, err := db.forumAccess(ctx, q, *c.ForumID, false)
		if err != nil {
			return false, err
		}
		return sinergi.CanManageForum(a, acc), nil
	}
	return sinergi.CanManageOrganization(a, c.OwnerOrgID), nil
}

// CanRunCampaign reports whether the actor issues links for the campaign.
func (db *DB) CanRunCampaign(ctx context.Context, c *sinergi.Campaign) bool {
	ok, _ := db.canRunCampaign(ctx, db.SQL, sinergi.ActorFrom(ctx), c)
	return ok
}

// IssueLinks makes one-time links for a group and returns the tokens, shown
// once; only their SHA-256 is stored.
func (db *DB) IssueLinks(ctx context.Context, campaignID int64, in sinergi.LinkInput) (*sinergi.IssuedLinks, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	out := &sinergi.IssuedLinks{CampaignID: campaignID, Group: in.Group, Tokens: []string{}, URLs: []string{}}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		c, err := db.getCampaign(ctx, tx, campaignID, true)
		if err != nil {
			return err
		}
		ok, err := db.canRunCampaign(ctx, tx, a, c)
		if err != nil {
			return err
		}
		if !ok {
			return sinergi.Errorf(sinergi.CodeForbidden, "Hanya pengelola survei yang dapat membuat tautan", "Only the survey's managers issue links")
		}
		var v sinergi.Validation
		if !slices.ContainsFunc(c.Groups, func(g sinergi.CampaignGroup) bool { return g.Key == in.Group }) {
			v.Add("group", "Kelompok tidak ada dalam survei ini", "The group is not part of this survey")
		}
		if in.Count < 1 || in.Count > 500 {
			v.Add("count", "Jumlah tautan harus 1 sampai 500", "The number of links must be 1 to 500")
		}
		if err := v.Err(); err != nil {
			return err
		}
		if c.Status == sinergi.CampaignClosed {
			return sinergi.Errorf(sinergi.CodeConflict, "Survei sudah ditutup", "The survey is closed")
		}
		for range in.Count {
			secret, hash := auth.NewSecret(SurveyLinkPrefix)
			if _, err := tx.ExecContext(ctx, `INSERT INTO survey_links (token_hash, campaign_id, group_key, used) VALUES ($1, $2, $3, FALSE)`, hash, c.ID, in.Group); err != nil {
				return err
			}
			out.Tokens = append(out.Tokens, secret)
			out.URLs = append(out.URLs, "/s/"+secret)
		}
		return db.appendAudit(ctx, tx, "issue_links", "survey_campaign", c.ID, nil, map[string]any{"group": in.Group, "count": in.Count})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SurveyForm is what a respondent sees.
type SurveyForm struct {
	Campaign   *sinergi.Campaign
	Instrument survey.Instrument
	Items      []survey.Item
	Group      string // fixed by the link, or "" when the respondent chooses
	Choices    []sinergi.CampaignGroup
}

func (db *DB) svPartners(ctx context.Context, q querier, ids []int64) ([]survey.Partner, error) {
	out := []survey.Partner{}
	for _, id := range ids {
		o, err := db.getOrg(ctx, q, id, false)
		if err != nil {
			return nil, err
		}
		out = append(out, survey.Partner{ID: o.ID, Name: o.Name})
	}
	return out, nil
}

// linkFor returns the group of an unused link of the campaign.
func (db *DB) linkFor(ctx context.Context, q querier, token string, lock bool) (campaignID int64, group string, err error) {
	if !strings.HasPrefix(token, SurveyLinkPrefix) || len(token) > 100 {
		return 0, "", svBadLink()
	}
	s := `SELECT campaign_id, group_key, used FROM survey_links WHERE token_hash = $1`
	if lock {
		s += db.forUpdate()
	}
	var used bool
	err = q.QueryRowContext(ctx, s, auth.HashSecret(token)).Scan(&campaignID, &group, &used)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", svBadLink()
	}
	if err != nil {
		return 0, "", err
	}
	if used {
		return 0, "", sinergi.Errorf(sinergi.CodeConflict, "Tautan ini sudah dipakai untuk menjawab; setiap tautan hanya berlaku sekali", "This link has already been used; each link works once")
	}
	return campaignID, group, nil
}

func svBadLink() error {
	return sinergi.Errorf(sinergi.CodeForbidden, "Tautan survei tidak berlaku", "The survey link is not valid")
}

// FormByLink opens the survey of a one-time link (no login needed).
func (db *DB) FormByLink(ctx context.Context, token string) (*SurveyForm, error) {
	id, group, err := db.linkFor(ctx, db.SQL, token, false)
	if err != nil {
		return nil, err
	}
	return db.form(ctx, id, group)
}

// FormByLogin opens a campaign's survey for the logged-in respondent.
func (db *DB) FormByLogin(ctx context.Context, id int64) (*SurveyForm, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	f, err := db.form(ctx, id, "")
	if err != nil {
		return nil, err
	}
	gs, err := db.campaignGroups(ctx, db.SQL, id)
	if err != nil {
		return nil, err
	}
	for _, g := range gs {
		if g.OrgID == a.OrgID && a.OrgID != 0 {
			f.Choices = append(f.Choices, g.CampaignGroup)
		}
	}
	if len(f.Choices) == 0 {
		return nil, sinergi.Errorf(sinergi.CodeForbidden, "Survei ini bukan untuk instansi Anda", "This survey is not for your organisation")
	}
	if len(f.Choices) == 1 {
		f.Group = f.Choices[0].Key
	}
	return f, nil
}

func (db *DB) form(ctx context.Context, id int64, group string) (*SurveyForm, error) {
	c, err := db.getCampaign(ctx, db.SQL, id, false)
	if err != nil {
		return nil, err
	}
	in, ok := survey.Lookup(c.Instrument)
	if !ok {
		return nil, sinergi.NotFound("Instrumen", "Instrument")
	}
	ps, err := db.svPartners(ctx, db.SQL, c.PartnerIDs)
	if err != nil {
		return nil, err
	}
	return &SurveyForm{Campaign: c, Instrument: in, Items: in.ItemsFor(ps), Group: group}, nil
}

// Respond stores one anonymous response: with a one-time link (consumed)
// or once per account. Nothing links the response to the link or the
// account. Closed campaigns, used links, second answers and answers
// outside the scale are refused and nothing is stored.
func (db *DB) Respond(ctx context.Context, campaignID int64, in sinergi.ResponseInput) error {
	a := sinergi.ActorFrom(ctx)
	in.Token = strings.TrimSpace(in.Token)
	if in.Token == "" && !a.Authenticated() {
		return sinergi.Errorf(sinergi.CodeUnauthorized, "Jawab melalui tautan sekali pakai atau masuk terlebih dahulu", "Answer through a one-time link or log in first")
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		c, err := db.getCampaign(ctx, tx, campaignID, true)
		if err != nil {
			return err
		}
		switch c.Status {
		case sinergi.CampaignScheduled:
			return sinergi.Errorf(sinergi.CodeConflict, "Survei belum dibuka (dibuka %s)", "The survey is not open yet (opens %s)", c.OpensOn)
		case sinergi.CampaignClosed:
			return sinergi.Errorf(sinergi.CodeConflict, "Survei sudah ditutup pada %s; jawaban tidak lagi diterima", "The survey closed on %s; answers are no longer accepted", c.ClosesOn)
		}
		inst, ok := survey.Lookup(c.Instrument)
		if !ok {
			return sinergi.NotFound("Instrumen", "Instrument")
		}
		ps, err := db.svPartners(ctx, tx, c.PartnerIDs)
		if err != nil {
			return err
		}
		if errs := survey.Check(inst, inst.ItemsFor(ps), in.Answers); len(errs) > 0 {
			return &sinergi.Error{Code: sinergi.CodeInvalid, Fields: errs, Msg: sinergi.T("Ada jawaban yang belum diisi atau di luar skala", "Some answers are missing or outside the scale")}
		}
		var group string
		if in.Token != "" {
			linkCampaign, g, err := db.linkFor(ctx, tx, in.Token, true)
			if err != nil {
				return err
			}
			if linkCampaign != c.ID {
				return svBadLink()
			}
			group = g
			res, err := tx.ExecContext(ctx, `UPDATE survey_links SET used = TRUE WHERE token_hash = $1 AND used = FALSE`, auth.HashSecret(in.Token))
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return sinergi.Errorf(sinergi.CodeConflict, "Tautan ini sudah dipakai", "This link has already been used")
			}
		} else {
			gs, err := db.campaignGroups(ctx, tx, c.ID)
			if err != nil {
				return err
			}
			var mine []string
			for _, g := range gs {
				if g.OrgID == a.OrgID && a.OrgID != 0 {
					mine = append(mine, g.Key)
				}
			}
			switch {
			case len(mine) == 0:
				return sinergi.Errorf(sinergi.CodeForbidden, "Survei ini bukan untuk instansi Anda", "This survey is not for your organisation")
			case in.Group == "" && len(mine) == 1:
				group = mine[0]
			case slices.Contains(mine, in.Group):
				group = in.Group
			default:
				var v sinergi.Validation
				v.Add("group", "Pilih unit kerja Anda di antara sasaran survei", "Choose your unit among the survey's targets")
				return v.Err()
			}
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM survey_respondents WHERE campaign_id = $1 AND user_id = $2`, c.ID, a.UserID).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return sinergi.Errorf(sinergi.CodeConflict, "Anda sudah menjawab survei ini; setiap akun menjawab sekali", "You have already answered this survey; each account answers once")
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO survey_respondents (campaign_id, user_id) VALUES ($1, $2)`, c.ID, a.UserID); err != nil {
				return err
			}
		}
		ans, _ := json.Marshal(in.Answers)
		if _, err := tx.ExecContext(ctx, `INSERT INTO survey_responses (id, campaign_id, group_key, answers) VALUES ($1, $2, $3, $4)`, svResponseID(), c.ID, group, string(ans)); err != nil {
			return err
		}
		// the audit says that a response came in, never what it says
		return db.appendAudit(ctx, tx, "respond", "survey_campaign", c.ID, nil, nil)
	})
}

func svResponseID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// HasAnswered reports whether the logged-in account has answered.
func (db *DB) HasAnswered(ctx context.Context, campaignID int64) bool {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return false
	}
	var n int
	db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM survey_respondents WHERE campaign_id = $1 AND user_id = $2`, campaignID, a.UserID).Scan(&n)
	return n > 0
}

// SurveyResults is the anonymised result of a campaign.
type SurveyResults struct {
	CampaignID int64                   `json:"campaign_id"`
	Instrument string                  `json:"instrument"`
	Validated  bool                    `json:"validated"`
	Scale      survey.Scale            `json:"scale"`
	Final      bool                    `json:"final"` // the campaign is closed; open campaigns show no groups
	Responses  int                     `json:"responses"`
	PreviousID *int64                  `json:"previous_campaign_id"`
	Results    survey.Results          `json:"results"`
	Campaign   *sinergi.Campaign       `json:"-"`
	Inst       survey.Instrument       `json:"-"`
	Labels     map[string]sinergi.Text `json:"-"`
}

// OthersLabel names the merged group.
var OthersLabel = sinergi.T("Lainnya (gabungan kelompok kecil)", "Others (small groups merged)")

// Results scores a campaign. Groups below the threshold are never in it;
// while the campaign is open no group is shown, so that results cannot be
// compared between two moments to single out one answer.
func (db *DB) Results(ctx context.Context, id int64) (*SurveyResults, error) {
	c, err := db.Campaign(ctx, id)
	if err != nil {
		return nil, err
	}
	inst, ok := survey.Lookup(c.Instrument)
	if !ok {
		return nil, sinergi.NotFound("Instrumen", "Instrument")
	}
	out := &SurveyResults{CampaignID: c.ID, Instrument: c.Instrument, Validated: inst.Validated, Scale: inst.Scale, Campaign: c, Inst: inst,
		Final: c.Status == sinergi.CampaignClosed, Responses: c.Responses,
		Results: survey.Results{Threshold: c.Threshold, Groups: []survey.GroupResult{}}}
	if !out.Final {
		return out, nil
	}
	if out.Results, err = db.svScore(ctx, c, inst); err != nil {
		return nil, err
	}
	var prev int64
	err = db.SQL.QueryRowContext(ctx, `SELECT id FROM survey_campaigns WHERE instrument = $1 AND owner_org_id = $2 AND scope = $3 AND COALESCE(forum_id, 0) = $4
		AND closes_on < $5 AND id <> $6 ORDER BY closes_on DESC, id DESC LIMIT 1`,
		c.Instrument, c.OwnerOrgID, string(c.Scope), svDeref(c.ForumID), c.OpensOn, c.ID).Scan(&prev)
	if err == nil {
		pc, err := db.getCampaign(ctx, db.SQL, prev, false)
		if err != nil {
			return nil, err
		}
		pr, err := db.svScore(ctx, pc, inst)
		if err != nil {
			return nil, err
		}
		survey.Compare(&out.Results, &pr)
		out.PreviousID = &prev
	} else if !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	return out, nil
}

func svDeref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

func (db *DB) svScore(ctx context.Context, c *sinergi.Campaign, inst survey.Instrument) (survey.Results, error) {
	ps, err := db.svPartners(ctx, db.SQL, c.PartnerIDs)
	if err != nil {
		return survey.Results{}, err
	}
	labels := map[string]string{}
	for _, g := range c.Groups {
		labels[g.Key] = g.Label
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT group_key, answers FROM survey_responses WHERE campaign_id = $1`, c.ID)
	if err != nil {
		return survey.Results{}, err
	}
	defer rows.Close()
	var rs []survey.Response
	for rows.Next() {
		var r survey.Response
		var ans string
		if err := rows.Scan(&r.Group, &ans); err != nil {
			return survey.Results{}, err
		}
		json.Unmarshal([]byte(ans), &r.Answers)
		rs = append(rs, r)
	}
	if err := rows.Err(); err != nil {
		return survey.Results{}, err
	}
	res := survey.Compute(inst, inst.ItemsFor(ps), rs, labels, c.Threshold, OthersLabel.ID)
	if res.Overall != nil {
		res.Overall.Label = "Semua kelompok yang ditampilkan"
	}
	return res, nil
}
