package store

import (
	"context"
	"database/sql"

	"sinergi"
	"sinergi/iku"
	"sinergi/kerjasama"
)

// The university view of the kerja sama registry (issue 5 item 10): IAs of
// a university by study programme, partner category and activity type, and
// the IKU 6 figure of a semester. The rules are in package iku.

// ActivityTypes is the set of typed implementation activities of an IA.
type ActivityTypes struct {
	AgreementID int64          `json:"agreement_id"`
	Version     int64          `json:"version"`
	Types       []iku.Activity `json:"types"`
}

// PartnerCategory is the IKU 6 category of an organisation.
type PartnerCategory struct {
	OrganizationID int64          `json:"organization_id"`
	Sector         sinergi.Sector `json:"sector"`
	Explicit       iku.Category   `json:"explicit"` // set by an admin; "" = none
	Category       iku.Category   `json:"category"` // the one that counts
	Source         string         `json:"source"`   // explicit, sector or none
	Weight         float64        `json:"weight"`
}

func (db *DB) activityTypes(ctx context.Context, q querier, id int64) ([]iku.Activity, error) {
	rows, err := q.QueryContext(ctx, `SELECT type FROM agreement_activity_types WHERE agreement_id = $1`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	set := map[iku.Activity]bool{}
	for rows.Next() {
		var t iku.Activity
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		set[t] = true
	}
	return orderedActivities(set), rows.Err()
}

// orderedActivities lists a set in the order of iku.Activities.
func orderedActivities(set map[iku.Activity]bool) []iku.Activity {
	out := []iku.Activity{}
	for _, a := range iku.Activities {
		if set[a.Code] {
			out = append(out, a.Code)
		}
	}
	return out
}

// AgreementActivityTypes returns the activity types of an agreement (empty
// for kinds other than IA). Open to every logged-in account, like the registry.
func (db *DB) AgreementActivityTypes(ctx context.Context, id int64) (*ActivityTypes, error) {
	if !sinergi.CanReadAgreements(sinergi.ActorFrom(ctx)) {
		return nil, sinergi.Unauthorized()
	}
	a, err := db.getAgreement(ctx, db.SQL, id, false)
	if err != nil {
		return nil, err
	}
	ts, err := db.activityTypes(ctx, db.SQL, id)
	return &ActivityTypes{AgreementID: id, Version: a.Version, Types: ts}, err
}

// SetAgreementActivityTypes replaces the activity types of an IA. Those who
// may manage the agreement set them; the agreement's version goes up.
func (db *DB) SetAgreementActivityTypes(ctx context.Context, id, version int64, types []iku.Activity) (*ActivityTypes, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if len(types) > len(iku.Activities) {
		return nil, fieldErr("types", "Terlalu banyak jenis kegiatan", "Too many activity types")
	}
	if err := iku.CheckActivities(types); err != nil {
		return nil, err
	}
	var out *ActivityTypes
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		ag, err := db.lockAgreement(ctx, tx, id, version)
		if err != nil {
			return err
		}
		if ag.Kind != sinergi.KindIA {
			return fieldErr("types", "Jenis kegiatan pelaksanaan hanya dicatat pada IA", "Activity types are recorded on an IA only")
		}
		before, err := db.activityTypes(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM agreement_activity_types WHERE agreement_id = $1`, id); err != nil {
			return err
		}
		for _, t := range types {
			if _, err := tx.ExecContext(ctx, `INSERT INTO agreement_activity_types (agreement_id, type) VALUES ($1, $2)`, id, string(t)); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE agreements SET version = version + 1, updated_at = $1 WHERE id = $2`, db.now(), id); err != nil {
			return err
		}
		after, err := db.activityTypes(ctx, tx, id)
		if err != nil {
			return err
		}
		out = &ActivityTypes{AgreementID: id, Version: ag.Version + 1, Types: after}
		return db.appendAudit(ctx, tx, "activity_types", "agreement", id, map[string]any{"types": before}, map[string]any{"types": after})
	})
	return out, err
}

func (db *DB) explicitCategory(ctx context.Context, q querier, orgID int64) (iku.Category, error) {
	var c iku.Category
	err := q.QueryRowContext(ctx, `SELECT category FROM organization_partner_categories WHERE organization_id = $1`, orgID).Scan(&c)
	if err == sql.ErrNoRows {
		return iku.None, nil
	}
	return c, err
}

func partnerCategory(o *sinergi.Organization, explicit iku.Category) *PartnerCategory {
	c, src := iku.Effective(explicit, o.Sector)
	return &PartnerCategory{OrganizationID: o.ID, Sector: o.Sector, Explicit: explicit, Category: c, Source: src, Weight: iku.Weight(c)}
}

// OrganizationPartnerCategory returns the IKU 6 category of an organisation. Public, like the organisation.
func (db *DB) OrganizationPartnerCategory(ctx context.Context, orgID int64) (*PartnerCategory, error) {
	o, err := db.Organization(ctx, orgID)
	if err != nil {
		return nil, err
	}
	c, err := db.explicitCategory(ctx, db.SQL, orgID)
	if err != nil {
		return nil, err
	}
	return partnerCategory(o, c), nil
}

// SetPartnerCategory sets the IKU 6 category of an organisation where its
// sector does not decide it ("" goes back to the sector's default). Those
// who manage the organisation may: its admins and system admins.
func (db *DB) SetPartnerCategory(ctx context.Context, orgID int64, c iku.Category) (*PartnerCategory, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if _, ok := iku.LookupCategory(c); !ok && c != iku.None {
		return nil, fieldErr("category", "Kategori mitra tidak dikenal: "+string(c), "Unknown partner category: "+string(c))
	}
	var out *PartnerCategory
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		o, err := db.getOrg(ctx, tx, orgID, true)
		if err != nil {
			return err
		}
		if !sinergi.CanManageOrganization(a, orgID) {
			return sinergi.Forbidden()
		}
		before, err := db.explicitCategory(ctx, tx, orgID)
		if err != nil {
			return err
		}
		if c == iku.None {
			_, err = tx.ExecContext(ctx, `DELETE FROM organization_partner_categories WHERE organization_id = $1`, orgID)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO organization_partner_categories (organization_id, category, set_by, updated_at) VALUES ($1, $2, $3, $4)
				ON CONFLICT (organization_id) DO UPDATE SET category = excluded.category, set_by = excluded.set_by, updated_at = excluded.updated_at`,
				orgID, string(c), a.Label(), db.now())
		}
		if err != nil {
			return err
		}
		out = partnerCategory(o, c)
		return db.appendAudit(ctx, tx, "partner_category", "organization", orgID, partnerCategory(o, before), out)
	})
	return out, err
}

// UniversityView shows a university's IAs in a semester: by study
// programme, partner category and activity type, with the IKU 6 figure.
// Open to every logged-in account, like the registry it reads.
func (db *DB) UniversityView(ctx context.Context, orgID int64, sem iku.Semester) (*iku.View, error) {
	if !sinergi.CanReadAgreements(sinergi.ActorFrom(ctx)) {
		return nil, sinergi.Unauthorized()
	}
	o, err := db.Organization(ctx, orgID)
	if err != nil {
		return nil, err
	}
	if !iku.IsUniversity(o.Sector) {
		return nil, sinergi.NotFound("Tampilan perguruan tinggi (instansi ini bukan perguruan tinggi)", "University view (this organisation is not a university)")
	}
	v := &iku.View{OrganizationID: o.ID, Name: o.Name, Sector: o.Sector, Semester: sem.Ref(), Programmes: []iku.Programme{}, IAs: []iku.ViewIA{}, Partners: []iku.Partner{}}
	units, err := db.Units(ctx, orgID)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, u := range units {
		names[u.ID] = u.Name
	}
	for _, u := range units {
		if u.Kind == "study_programme" {
			p := iku.Programme{UnitID: u.ID, Name: u.Name}
			if u.ParentID != nil {
				p.Faculty = names[*u.ParentID]
			}
			v.Programmes = append(v.Programmes, p)
		}
	}
	const ias = `SELECT a.id FROM agreements a JOIN agreement_parties p ON p.agreement_id = a.id
		WHERE a.kind = 'IA' AND p.organization_id = $1 AND p.role <> 'witness'`
	rows, err := db.SQL.QueryContext(ctx, `SELECT a.id, a.title, a.status, a.start_date, a.end_date, a.terminated_on, p.unit_id, COALESCE(u.name, ''),
		(SELECT count(*) FROM agreement_stages s WHERE s.agreement_id = a.id AND s.code = $2 AND s.done_on <> '')
		FROM agreements a JOIN agreement_parties p ON p.agreement_id = a.id LEFT JOIN units u ON u.id = p.unit_id
		WHERE a.kind = 'IA' AND p.organization_id = $1 AND p.role <> 'witness' ORDER BY a.id`, orgID, kerjasama.ActivatingStage(sinergi.KindIA))
	if err != nil {
		return nil, err
	}
	today := db.ksToday()
	at := map[int64]int{}
	for rows.Next() {
		var x iku.ViewIA
		var term string
		var signed int
		if err := rows.Scan(&x.ID, &x.Title, &x.Status, &x.StartDate, &x.EndDate, &term, &x.UnitID, &x.UnitName, &signed); err != nil {
			rows.Close()
			return nil, err
		}
		x.Active = iku.ActiveIn(sem, iku.IA{Start: x.StartDate, End: x.EndDate, Signed: signed > 0, TerminatedOn: term})
		x.Status = kerjasama.Status(x.Status, x.EndDate, today, AgreementConfig.ExpiringDays)
		x.Partners, x.ActivityTypes = []iku.Partner{}, []iku.Activity{}
		at[x.ID] = len(v.IAs)
		v.IAs = append(v.IAs, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = db.SQL.QueryContext(ctx, `SELECT p.agreement_id, o.id, o.name, o.sector, COALESCE(c.category, '')
		FROM agreement_parties p JOIN organizations o ON o.id = p.organization_id
		LEFT JOIN organization_partner_categories c ON c.organization_id = o.id
		WHERE p.agreement_id IN (`+ias+`) AND p.organization_id <> $1 AND p.role <> 'witness' ORDER BY p.agreement_id, p.position`, orgID)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	for rows.Next() {
		var id int64
		var p iku.Partner
		var explicit iku.Category
		if err := rows.Scan(&id, &p.OrganizationID, &p.Name, &p.Sector, &explicit); err != nil {
			rows.Close()
			return nil, err
		}
		p.Category, p.CategorySource = iku.Effective(explicit, p.Sector)
		p.Weight = iku.Weight(p.Category)
		if i, ok := at[id]; ok {
			v.IAs[i].Partners = append(v.IAs[i].Partners, p)
		}
		if !seen[p.OrganizationID] {
			seen[p.OrganizationID] = true
			v.Partners = append(v.Partners, p)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = db.SQL.QueryContext(ctx, `SELECT agreement_id, type FROM agreement_activity_types WHERE agreement_id IN (`+ias+`)`, orgID)
	if err != nil {
		return nil, err
	}
	sets := map[int64]map[iku.Activity]bool{}
	for rows.Next() {
		var id int64
		var t iku.Activity
		if err := rows.Scan(&id, &t); err != nil {
			rows.Close()
			return nil, err
		}
		if sets[id] == nil {
			sets[id] = map[iku.Activity]bool{}
		}
		sets[id][t] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for id, set := range sets {
		if i, ok := at[id]; ok {
			v.IAs[i].ActivityTypes = orderedActivities(set)
		}
	}
	v.Build()
	return v, nil
}
