package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"time"

	"sinergi"
	"sinergi/corridor"
	"sinergi/region"
)

// Corridor programmes (issue 9). Reads are public: programmes, stations,
// plans, draws and appeals are published. Applications carry the owner's
// name, which only the programme's managers see.

const corridorCols = `c.id, c.name, c.infrastructure, c.owner_org_id, o.name, c.owner_body, c.description, c.forum_id, c.regions,
	c.franchise_rule, c.applications_close_at, c.version, c.created_at, c.updated_at`

func corridorNotFound() error { return sinergi.NotFound("Program koridor", "Corridor programme") }

func (db *DB) loadCorridor(ctx context.Context, q querier, id int64) (*sinergi.Corridor, error) {
	var c sinergi.Corridor
	var regions string
	err := q.QueryRowContext(ctx, `SELECT `+corridorCols+` FROM corridors c JOIN organizations o ON o.id = c.owner_org_id WHERE c.id = $1`, id).Scan(
		&c.ID, &c.Name, &c.Infrastructure, &c.OwnerOrgID, &c.OwnerOrgName, &c.OwnerBody, &c.Description, &c.ForumID, &regions,
		&c.FranchiseRule, &c.ApplicationsCloseAt, &c.Version, &c.CreatedAt, &c.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, corridorNotFound()
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(regions), &c.Regions); err != nil {
		return nil, err
	}
	c.Organizations, c.Stations, c.Plans = []sinergi.CorridorOrg{}, []sinergi.CorridorStation{}, []sinergi.CorridorPlan{}
	rows, err := q.QueryContext(ctx, `SELECT co.organization_id, o.name, co.role, co.manager FROM corridor_organizations co
		JOIN organizations o ON o.id = co.organization_id WHERE co.corridor_id = $1 ORDER BY co.id`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var x sinergi.CorridorOrg
		if err := rows.Scan(&x.OrganizationID, &x.Name, &x.Role, &x.Manager); err != nil {
			rows.Close()
			return nil, err
		}
		c.Organizations = append(c.Organizations, x)
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, `SELECT id, name, region_code, regency_code, status, kiosks FROM corridor_stations WHERE corridor_id = $1 ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var s sinergi.CorridorStation
		if err := rows.Scan(&s.ID, &s.Name, &s.RegionCode, &s.RegencyCode, &s.Status, &s.Kiosks); err != nil {
			rows.Close()
			return nil, err
		}
		c.Stations = append(c.Stations, s)
	}
	rows.Close()
	if err := db.loadPlans(ctx, q, &c); err != nil {
		return nil, err
	}
	if err := loadCorridorAgreements(ctx, q, &c); err != nil {
		return nil, err
	}
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM corridor_applications WHERE corridor_id = $1`, id).Scan(&c.Applications); err != nil {
		return nil, err
	}
	var drawn int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM corridor_draws WHERE corridor_id = $1 AND status = 'drawn'`, id).Scan(&drawn); err != nil {
		return nil, err
	}
	c.ApplicationsOpen = drawn == 0 && (c.ApplicationsCloseAt == nil || db.now().Before(*c.ApplicationsCloseAt))
	return &c, rows.Err()
}

func (db *DB) loadPlans(ctx context.Context, q querier, c *sinergi.Corridor) error {
	rows, err := q.QueryContext(ctx, `SELECT id, region_code, tariff_cap, hiring_target, hired_total, hired_local, note FROM corridor_plans WHERE corridor_id = $1 ORDER BY region_code`, c.ID)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var p sinergi.CorridorPlan
		var id int64
		if err := rows.Scan(&id, &p.RegionCode, &p.TariffCap, &p.HiringTarget, &p.HiredTotal, &p.HiredLocal, &p.Note); err != nil {
			rows.Close()
			return err
		}
		if r, ok := region.Lookup(p.RegionCode); ok {
			p.RegionName = r.Name
		}
		if p.HiredTotal > 0 {
			p.LocalShare = float64(int(float64(p.HiredLocal)*1000/float64(p.HiredTotal)+0.5)) / 10
		}
		p.Steps, p.Zones = []sinergi.CorridorPlanStep{}, []sinergi.CorridorVendorZone{}
		ids = append(ids, id)
		c.Plans = append(c.Plans, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i, id := range ids {
		p := &c.Plans[i]
		rows, err := q.QueryContext(ctx, `SELECT category, title, owner, start_date, due_date, status FROM corridor_plan_steps WHERE plan_id = $1 ORDER BY position`, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var s sinergi.CorridorPlanStep
			if err := rows.Scan(&s.Category, &s.Title, &s.Owner, &s.StartDate, &s.DueDate, &s.Status); err != nil {
				rows.Close()
				return err
			}
			p.Steps = append(p.Steps, s)
		}
		rows.Close()
		rows, err = q.QueryContext(ctx, `SELECT name, station_id, tariff FROM corridor_vendor_zones WHERE plan_id = $1 ORDER BY position`, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var z sinergi.CorridorVendorZone
			if err := rows.Scan(&z.Name, &z.StationID, &z.Tariff); err != nil {
				rows.Close()
				return err
			}
			z.OverCap = z.Tariff > p.TariffCap
			if z.OverCap {
				p.FlaggedZones++
			}
			p.Zones = append(p.Zones, z)
		}
		rows.Close()
	}
	return nil
}

// Corridor returns a programme with its organisations, stations and plans.
func (db *DB) Corridor(ctx context.Context, id int64) (*sinergi.Corridor, error) {
	return db.loadCorridor(ctx, db.SQL, id)
}

// Corridors lists programmes, newest first.
func (db *DB) Corridors(ctx context.Context, offset, limit int) (sinergi.List[sinergi.CorridorSummary], error) {
	out := sinergi.List[sinergi.CorridorSummary]{Items: []sinergi.CorridorSummary{}}
	out.Offset, out.Limit = sinergi.ClampPage(offset, limit)
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM corridors`).Scan(&out.Total); err != nil {
		return out, err
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT c.id, c.name, c.infrastructure, c.owner_body, c.regions,
		(SELECT count(*) FROM corridor_stations s WHERE s.corridor_id = c.id),
		(SELECT COALESCE(sum(s.kiosks), 0) FROM corridor_stations s WHERE s.corridor_id = c.id)
		FROM corridors c ORDER BY c.id DESC`+limitClause(0, out.Offset, out.Limit))
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		var s sinergi.CorridorSummary
		var regions string
		if err := rows.Scan(&s.ID, &s.Name, &s.Infrastructure, &s.OwnerBody, &regions, &s.Stations, &s.Kiosks); err != nil {
			return out, err
		}
		if err := json.Unmarshal([]byte(regions), &s.Regions); err != nil {
			return out, err
		}
		out.Items = append(out.Items, s)
	}
	return out, rows.Err()
}

// CorridorIDByForumName returns the id of the forum with exactly this name
// (0 when there is none); the demo links its corridor through it.
func (db *DB) CorridorForumByName(ctx context.Context, name string) (int64, error) {
	var id int64
	err := db.SQL.QueryRowContext(ctx, `SELECT id FROM forums WHERE name = $1 ORDER BY id LIMIT 1`, name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

func corridorManagers(c *sinergi.Corridor) []int64 {
	var m []int64
	for _, o := range c.Organizations {
		if o.Manager {
			m = append(m, o.OrganizationID)
		}
	}
	return m
}

// CanManage reports whether the actor of ctx administers the programme.
func CanManageCorridor(ctx context.Context, c *sinergi.Corridor) bool {
	return sinergi.CanManageCorridor(sinergi.ActorFrom(ctx), c.OwnerOrgID, corridorManagers(c))
}

func corridorOrgExists(ctx context.Context, q querier, id int64) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM organizations WHERE id = $1`, id).Scan(&n)
	return n > 0, err
}

// CreateCorridor creates a programme. System admins, and organisation
// admins of the owner or of a managing organisation.
func (db *DB) CreateCorridor(ctx context.Context, in sinergi.CorridorInput) (*sinergi.Corridor, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var mgr []int64
	for _, o := range in.Organizations {
		if o.Manager {
			mgr = append(mgr, o.OrganizationID)
		}
	}
	if !a.IsAdmin() && !(a.Has(sinergi.RoleOrgAdmin) && sinergi.CanManageCorridor(a, in.OwnerOrgID, mgr)) {
		return nil, sinergi.Forbidden()
	}
	var id int64
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var v sinergi.Validation
		for i, oid := range append([]int64{in.OwnerOrgID}, corridorOrgIDs(in.Organizations)...) {
			ok, err := corridorOrgExists(ctx, tx, oid)
			if err != nil {
				return err
			}
			if !ok {
				f := "owner_org_id"
				if i > 0 {
					f = "organizations[" + itoa(i-1) + "].organization_id"
				}
				v.Add(f, "Instansi tidak ditemukan", "Organisation not found")
			}
		}
		if in.ForumID != nil {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM forums WHERE id = $1`, *in.ForumID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				v.Add("forum_id", "Forum tidak ditemukan", "Forum not found")
			}
		}
		if err := v.Err(); err != nil {
			return err
		}
		now := db.now()
		regions, _ := json.Marshal(in.Regions)
		var closeAt any
		if in.ApplicationsCloseAt != nil {
			closeAt = in.ApplicationsCloseAt.UTC()
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO corridors (name, infrastructure, owner_org_id, owner_body, description, forum_id, regions,
			franchise_rule, applications_close_at, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10) RETURNING id`,
			in.Name, in.Infrastructure, in.OwnerOrgID, in.OwnerBody, in.Description, nullID(in.ForumID), string(regions), in.FranchiseRule, closeAt, now).Scan(&id); err != nil {
			return err
		}
		for _, o := range in.Organizations {
			if _, err := tx.ExecContext(ctx, `INSERT INTO corridor_organizations (corridor_id, organization_id, role, manager) VALUES ($1, $2, $3, $4)`,
				id, o.OrganizationID, o.Role, o.Manager); err != nil {
				return err
			}
		}
		for i, s := range in.Stations {
			if _, err := tx.ExecContext(ctx, `INSERT INTO corridor_stations (corridor_id, position, name, region_code, regency_code, status, kiosks) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				id, i, s.Name, s.RegionCode, sinergi.RegencyOf(s.RegionCode), s.Status, s.Kiosks); err != nil {
				return err
			}
		}
		after, err := db.loadCorridor(ctx, tx, id)
		if err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "corridor.create", "corridor", id, nil, after)
	})
	if err != nil {
		return nil, err
	}
	return db.Corridor(ctx, id)
}

func corridorOrgIDs(os []sinergi.CorridorOrgInput) []int64 {
	out := make([]int64, len(os))
	for i, o := range os {
		out[i] = o.OrganizationID
	}
	return out
}

// managed loads a programme in tx and checks that the actor manages it.
func (db *DB) managedCorridor(ctx context.Context, tx *sql.Tx, id int64) (*sinergi.Corridor, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var n int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM corridors WHERE id = $1`+db.forUpdate(), id).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, corridorNotFound()
	}
	if err != nil {
		return nil, err
	}
	c, err := db.loadCorridor(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if !CanManageCorridor(ctx, c) {
		return nil, sinergi.Forbidden()
	}
	return c, nil
}

func (db *DB) bumpCorridor(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE corridors SET version = version + 1, updated_at = $1 WHERE id = $2`, db.now(), id)
	return err
}

// SaveCorridorPlan creates or replaces the plan of one region.
func (db *DB) SaveCorridorPlan(ctx context.Context, id int64, in sinergi.CorridorPlanInput) (*sinergi.Corridor, error) {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		c, err := db.managedCorridor(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := in.Validate(c.Regions); err != nil {
			return err
		}
		var v sinergi.Validation
		for i, z := range in.Zones {
			if z.StationID != nil && !slices.ContainsFunc(c.Stations, func(s sinergi.CorridorStation) bool { return s.ID == *z.StationID }) {
				v.Add("vendor_zones["+itoa(i)+"].station_id", "Stasiun bukan bagian dari koridor ini", "The station is not part of this corridor")
			}
		}
		if err := v.Err(); err != nil {
			return err
		}
		var before *sinergi.CorridorPlan
		for i := range c.Plans {
			if c.Plans[i].RegionCode == in.RegionCode {
				before = &c.Plans[i]
			}
		}
		var planID int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM corridor_plans WHERE corridor_id = $1 AND region_code = $2`, id, in.RegionCode).Scan(&planID)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if err := tx.QueryRowContext(ctx, `INSERT INTO corridor_plans (corridor_id, region_code, tariff_cap, hiring_target, hired_total, hired_local, note, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, id, in.RegionCode, in.TariffCap, in.HiringTarget, in.HiredTotal, in.HiredLocal, in.Note, db.now()).Scan(&planID); err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			if _, err := tx.ExecContext(ctx, `UPDATE corridor_plans SET tariff_cap = $1, hiring_target = $2, hired_total = $3, hired_local = $4, note = $5, updated_at = $6 WHERE id = $7`,
				in.TariffCap, in.HiringTarget, in.HiredTotal, in.HiredLocal, in.Note, db.now(), planID); err != nil {
				return err
			}
			for _, t := range []string{"corridor_plan_steps", "corridor_vendor_zones"} {
				if _, err := tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE plan_id = $1`, planID); err != nil {
					return err
				}
			}
		}
		for i, s := range in.Steps {
			if _, err := tx.ExecContext(ctx, `INSERT INTO corridor_plan_steps (plan_id, position, category, title, owner, start_date, due_date, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
				planID, i, s.Category, s.Title, s.Owner, s.StartDate, s.DueDate, s.Status); err != nil {
				return err
			}
		}
		for i, z := range in.Zones {
			if _, err := tx.ExecContext(ctx, `INSERT INTO corridor_vendor_zones (plan_id, position, name, station_id, tariff) VALUES ($1, $2, $3, $4, $5)`,
				planID, i, z.Name, nullID(z.StationID), z.Tariff); err != nil {
				return err
			}
		}
		if err := db.bumpCorridor(ctx, tx, id); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "corridor.plan", "corridor", id, before, in)
	})
	if err != nil {
		return nil, err
	}
	return db.Corridor(ctx, id)
}

func corridorClosedErr() error {
	return &sinergi.Error{Code: sinergi.CodeRuleViolation, Rule: sinergi.RuleCorridorClosed, Citation: "Aturan prioritas program koridor / programme priority rules",
		Msg: sinergi.T("Pendaftaran sudah ditutup; permohonan tidak dapat diterima", "Applications are closed; the application cannot be accepted")}
}

// CreateCorridorApplication records a UMKM application while applications
// are open; one application per business (NIB) per programme.
func (db *DB) CreateCorridorApplication(ctx context.Context, id int64, in sinergi.CorridorApplicationInput) (*sinergi.CorridorApplication, error) {
	var appID int64
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		c, err := db.managedCorridor(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := in.Validate(c.Stations); err != nil {
			return err
		}
		if !c.ApplicationsOpen {
			return corridorClosedErr()
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM corridor_applications WHERE corridor_id = $1 AND nib = $2`, id, in.NIB).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &sinergi.Error{Code: sinergi.CodeConflict, Msg: sinergi.T("Usaha dengan NIB ini sudah mendaftar; satu permohonan per usaha", "A business with this NIB has already applied; one application per business"),
				Fields: []sinergi.FieldError{{Field: "nib", Msg: sinergi.T("NIB sudah terdaftar pada program ini", "NIB already registered in this programme")}}}
		}
		st, _ := json.Marshal(in.Stations)
		if err := tx.QueryRowContext(ctx, `INSERT INTO corridor_applications (corridor_id, business_name, owner_name, domicile_code, size, local_franchise, nib, product_category, stations, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`, id, in.BusinessName, in.OwnerName, in.DomicileCode, in.Size, in.LocalFranchise, in.NIB, in.ProductCategory, string(st), db.now()).Scan(&appID); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "corridor.apply", "corridor_application", appID, nil, in)
	})
	if err != nil {
		return nil, err
	}
	a, err := db.corridorApplications(ctx, db.SQL, id, appID, true, 0, 1)
	if err != nil {
		return nil, err
	}
	return &a.Items[0], nil
}

// CorridorApplications lists applications in order of receipt; logged-in
// accounts only, owner names for managers only.
func (db *DB) CorridorApplications(ctx context.Context, id int64, offset, limit int) (sinergi.List[sinergi.CorridorApplication], error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return sinergi.List[sinergi.CorridorApplication]{Items: []sinergi.CorridorApplication{}}, sinergi.Unauthorized()
	}
	c, err := db.Corridor(ctx, id)
	if err != nil {
		return sinergi.List[sinergi.CorridorApplication]{Items: []sinergi.CorridorApplication{}}, err
	}
	return db.corridorApplications(ctx, db.SQL, id, 0, CanManageCorridor(ctx, c), offset, limit)
}

func (db *DB) corridorApplications(ctx context.Context, q querier, id, only int64, owners bool, offset, limit int) (sinergi.List[sinergi.CorridorApplication], error) {
	out := sinergi.List[sinergi.CorridorApplication]{Items: []sinergi.CorridorApplication{}}
	out.Offset, out.Limit = sinergi.ClampPage(offset, limit)
	var w where
	w.add("corridor_id = ?", id)
	if only != 0 {
		w.add("id = ?", only)
	}
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM corridor_applications`+w.String(), w.args...).Scan(&out.Total); err != nil {
		return out, err
	}
	rows, err := q.QueryContext(ctx, `SELECT id, business_name, owner_name, domicile_code, size, local_franchise, nib, product_category, stations, created_at
		FROM corridor_applications`+w.String()+` ORDER BY id`+limitClause(0, out.Offset, out.Limit), w.args...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		var a sinergi.CorridorApplication
		var st string
		if err := rows.Scan(&a.ID, &a.BusinessName, &a.OwnerName, &a.DomicileCode, &a.Size, &a.LocalFranchise, &a.NIB, &a.ProductCategory, &st, &a.CreatedAt); err != nil {
			return out, err
		}
		if err := json.Unmarshal([]byte(st), &a.Stations); err != nil {
			return out, err
		}
		if r, ok := region.Lookup(a.DomicileCode); ok {
			a.DomicileName = r.Name
		}
		if !owners {
			a.OwnerName = ""
		}
		out.Items = append(out.Items, a)
	}
	return out, rows.Err()
}

const corridorDrawCols = `id, commitment, committed_at, status, drawn_at, assigned, waiting`

func scanCorridorDraw(row interface{ Scan(...any) error }) (*sinergi.CorridorDraw, error) {
	var d sinergi.CorridorDraw
	err := row.Scan(&d.ID, &d.Commitment, &d.CommittedAt, &d.Status, &d.DrawnAt, &d.Assigned, &d.Waiting)
	return &d, err
}

// CommitCorridorDraw publishes the commitment before applications close.
// A programme holds one draw.
func (db *DB) CommitCorridorDraw(ctx context.Context, id int64, in sinergi.CorridorCommitInput) (*sinergi.CorridorDraw, error) {
	var drawID int64
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		c, err := db.managedCorridor(ctx, tx, id)
		if err != nil {
			return err
		}
		var v sinergi.Validation
		if !corridor.ValidCommitment(in.Commitment) {
			v.Add("commitment", "Komitmen harus 64 digit heksadesimal huruf kecil (SHA-256 benih)", "The commitment must be 64 lower-case hexadecimal digits (SHA-256 of the seed)")
		}
		if in.ApplicationsCloseAt.IsZero() {
			v.Add("applications_close_at", "Waktu penutupan pendaftaran wajib diisi", "The closing time of applications is required")
		}
		if err := v.Err(); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM corridor_draws WHERE corridor_id = $1`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return sinergi.Errorf(sinergi.CodeConflict, "Komitmen undian program ini sudah dipublikasikan", "The draw commitment of this programme has already been published")
		}
		now := db.now()
		if !c.ApplicationsOpen || !in.ApplicationsCloseAt.After(now) {
			return &sinergi.Error{Code: sinergi.CodeRuleViolation, Rule: sinergi.RuleCorridorCommitment, Citation: "Aturan undian terverifikasi / verifiable draw rules",
				Msg: sinergi.T("Komitmen harus dipublikasikan sebelum pendaftaran ditutup", "The commitment must be published before applications close")}
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO corridor_draws (corridor_id, commitment, committed_at, status) VALUES ($1, $2, $3, 'committed') RETURNING id`,
			id, in.Commitment, now).Scan(&drawID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE corridors SET applications_close_at = $1 WHERE id = $2`, in.ApplicationsCloseAt.UTC().Truncate(time.Microsecond), id); err != nil {
			return err
		}
		if err := db.bumpCorridor(ctx, tx, id); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "corridor.commit", "corridor_draw", drawID, nil, in)
	})
	if err != nil {
		return nil, err
	}
	return scanCorridorDraw(db.SQL.QueryRowContext(ctx, `SELECT `+corridorDrawCols+` FROM corridor_draws WHERE id = $1`, drawID))
}

// CloseCorridorApplications closes applications now (after the commitment).
func (db *DB) CloseCorridorApplications(ctx context.Context, id int64) (*sinergi.Corridor, error) {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		c, err := db.managedCorridor(ctx, tx, id)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM corridor_draws WHERE corridor_id = $1`, id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return &sinergi.Error{Code: sinergi.CodeRuleViolation, Rule: sinergi.RuleCorridorCommitment, Citation: "Aturan undian terverifikasi / verifiable draw rules",
				Msg: sinergi.T("Publikasikan komitmen undian sebelum menutup pendaftaran", "Publish the draw commitment before closing applications")}
		}
		if !c.ApplicationsOpen {
			return sinergi.Errorf(sinergi.CodeConflict, "Pendaftaran sudah ditutup", "Applications are already closed")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE corridors SET applications_close_at = $1 WHERE id = $2`, db.now(), id); err != nil {
			return err
		}
		if err := db.bumpCorridor(ctx, tx, id); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "corridor.close", "corridor", id, map[string]any{"applications_close_at": c.ApplicationsCloseAt}, map[string]any{"applications_close_at": db.now()})
	})
	if err != nil {
		return nil, err
	}
	return db.Corridor(ctx, id)
}

// corridorInputs builds the published inputs of a programme's draw.
func (db *DB) corridorInputs(ctx context.Context, q querier, c *sinergi.Corridor) (corridor.Inputs, error) {
	in := corridor.Inputs{Rules: corridor.Rules{Franchise: c.FranchiseRule}, CorridorRegions: c.Regions,
		Stations: []corridor.Station{}, Applications: []corridor.Application{}}
	for _, s := range c.Stations {
		in.Stations = append(in.Stations, corridor.Station{ID: s.ID, Name: s.Name, RegencyCode: s.RegencyCode, Kiosks: s.Kiosks})
	}
	rows, err := q.QueryContext(ctx, `SELECT id, nib, domicile_code, size, local_franchise, stations FROM corridor_applications WHERE corridor_id = $1 ORDER BY id`, c.ID)
	if err != nil {
		return in, err
	}
	defer rows.Close()
	for rows.Next() {
		var a corridor.Application
		var st string
		if err := rows.Scan(&a.ID, &a.NIB, &a.DomicileCode, &a.Size, &a.LocalFranchise, &st); err != nil {
			return in, err
		}
		if err := json.Unmarshal([]byte(st), &a.Stations); err != nil {
			return in, err
		}
		in.Applications = append(in.Applications, a)
	}
	return in, rows.Err()
}

// RunCorridorDraw reveals the seed after applications close, checks it
// against the commitment and stores the allocation. A mismatch allocates
// nothing.
func (db *DB) RunCorridorDraw(ctx context.Context, id int64, in sinergi.CorridorDrawInput) (*sinergi.CorridorDraw, error) {
	var drawID int64
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		c, err := db.managedCorridor(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := corridor.ParseSeed(in.Seed); err != nil {
			return &sinergi.Error{Code: sinergi.CodeInvalid, Msg: sinergi.T("Benih tidak sah", "Invalid seed"),
				Fields: []sinergi.FieldError{{Field: "seed", Msg: sinergi.T("Benih harus 32 sampai 128 digit heksadesimal", "The seed must be 32 to 128 hexadecimal digits")}}}
		}
		var commitment, status string
		err = tx.QueryRowContext(ctx, `SELECT id, commitment, status FROM corridor_draws WHERE corridor_id = $1 ORDER BY id DESC LIMIT 1`, id).Scan(&drawID, &commitment, &status)
		if errors.Is(err, sql.ErrNoRows) {
			return &sinergi.Error{Code: sinergi.CodeRuleViolation, Rule: sinergi.RuleCorridorCommitment, Citation: "Aturan undian terverifikasi / verifiable draw rules",
				Msg: sinergi.T("Belum ada komitmen undian yang dipublikasikan", "No draw commitment has been published")}
		}
		if err != nil {
			return err
		}
		if status != "committed" {
			return sinergi.Errorf(sinergi.CodeConflict, "Undian sudah dilaksanakan", "The draw has already been held")
		}
		if c.ApplicationsOpen {
			return sinergi.Errorf(sinergi.CodeConflict, "Pendaftaran masih dibuka; undian dilaksanakan setelah pendaftaran ditutup", "Applications are still open; the draw takes place after they close")
		}
		inputs, err := db.corridorInputs(ctx, tx, c)
		if err != nil {
			return err
		}
		rec, err := corridor.Draw(c.Name, drawID, inputs, commitment, in.Seed)
		if errors.Is(err, corridor.ErrSeedMismatch) {
			return &sinergi.Error{Code: sinergi.CodeRuleViolation, Rule: sinergi.RuleCorridorSeed, Citation: "Aturan undian terverifikasi / verifiable draw rules",
				Msg:    sinergi.T("Benih yang dibuka tidak cocok dengan komitmen yang dipublikasikan; tidak ada yang dialokasikan", "The revealed seed does not match the published commitment; nothing was allocated"),
				Fields: []sinergi.FieldError{{Field: "seed", Msg: sinergi.T("Tidak cocok dengan komitmen", "Does not match the commitment")}}}
		}
		if err != nil {
			return err
		}
		b, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE corridor_draws SET status = 'drawn', drawn_at = $1, assigned = $2, waiting = $3, record = $4 WHERE id = $5`,
			db.now(), len(rec.Result.Assignments), len(rec.Result.Waiting), string(b), drawID); err != nil {
			return err
		}
		if err := db.bumpCorridor(ctx, tx, id); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "corridor.draw", "corridor_draw", drawID, nil,
			map[string]any{"commitment": commitment, "revealed_seed": rec.RevealedSeed, "assigned": len(rec.Result.Assignments), "waiting": len(rec.Result.Waiting)})
	})
	if err != nil {
		return nil, err
	}
	return scanCorridorDraw(db.SQL.QueryRowContext(ctx, `SELECT `+corridorDrawCols+` FROM corridor_draws WHERE id = $1`, drawID))
}

// CorridorDraws lists a programme's draws. Public.
func (db *DB) CorridorDraws(ctx context.Context, id int64) (sinergi.List[sinergi.CorridorDraw], error) {
	out := sinergi.List[sinergi.CorridorDraw]{Items: []sinergi.CorridorDraw{}}
	out.Offset, out.Limit = sinergi.ClampPage(0, 200)
	if _, err := db.Corridor(ctx, id); err != nil {
		return out, err
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+corridorDrawCols+` FROM corridor_draws WHERE corridor_id = $1 ORDER BY id LIMIT 200`, id)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		d, err := scanCorridorDraw(rows)
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, *d)
	}
	out.Total = len(out.Items)
	return out, rows.Err()
}

// CorridorDrawRecord returns the published record of a held draw. Public.
func (db *DB) CorridorDrawRecord(ctx context.Context, id, drawID int64) (*corridor.DrawRecord, error) {
	var status, record string
	err := db.SQL.QueryRowContext(ctx, `SELECT status, record FROM corridor_draws WHERE id = $1 AND corridor_id = $2`, drawID, id).Scan(&status, &record)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Undian", "Draw")
	}
	if err != nil {
		return nil, err
	}
	if status != "drawn" {
		return nil, sinergi.Errorf(sinergi.CodeConflict, "Undian belum dilaksanakan; baru komitmennya yang dipublikasikan", "The draw has not been held yet; only its commitment is published")
	}
	var rec corridor.DrawRecord
	if err := json.Unmarshal([]byte(record), &rec); err != nil {
		return nil, err
	}
	return &rec, nil
}

const corridorAppealCols = `ap.id, ap.draw_id, ap.application_id, a.business_name, ap.grounds, ap.outcome, ap.decision, ap.decided_at, ap.created_at`

func scanCorridorAppeal(row interface{ Scan(...any) error }) (*sinergi.CorridorAppeal, error) {
	var x sinergi.CorridorAppeal
	err := row.Scan(&x.ID, &x.DrawID, &x.ApplicationID, &x.BusinessName, &x.Grounds, &x.Outcome, &x.Decision, &x.DecidedAt, &x.CreatedAt)
	return &x, err
}

func (db *DB) corridorAppeal(ctx context.Context, q querier, id, appealID int64) (*sinergi.CorridorAppeal, error) {
	x, err := scanCorridorAppeal(q.QueryRowContext(ctx, `SELECT `+corridorAppealCols+` FROM corridor_appeals ap JOIN corridor_applications a ON a.id = ap.application_id
		WHERE ap.id = $1 AND ap.corridor_id = $2`, appealID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Keberatan", "Appeal")
	}
	return x, err
}

// CorridorAppeals lists the appeals of a programme with their outcome. Public.
func (db *DB) CorridorAppeals(ctx context.Context, id int64) (sinergi.List[sinergi.CorridorAppeal], error) {
	out := sinergi.List[sinergi.CorridorAppeal]{Items: []sinergi.CorridorAppeal{}}
	out.Offset, out.Limit = sinergi.ClampPage(0, 200)
	if _, err := db.Corridor(ctx, id); err != nil {
		return out, err
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+corridorAppealCols+` FROM corridor_appeals ap JOIN corridor_applications a ON a.id = ap.application_id
		WHERE ap.corridor_id = $1 ORDER BY ap.id LIMIT 200`, id)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		x, err := scanCorridorAppeal(rows)
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, *x)
	}
	out.Total = len(out.Items)
	return out, rows.Err()
}

// CreateCorridorAppeal records an applicant's appeal against the held draw.
func (db *DB) CreateCorridorAppeal(ctx context.Context, id int64, in sinergi.CorridorAppealInput) (*sinergi.CorridorAppeal, error) {
	var appealID int64
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := db.managedCorridor(ctx, tx, id); err != nil {
			return err
		}
		var v sinergi.Validation
		if len([]rune(in.Grounds)) > 4000 || in.Grounds == "" || !corridorValidText(in.Grounds) {
			v.Add("grounds", "Alasan keberatan wajib diisi (paling banyak 4000 karakter)", "The grounds are required (at most 4000 characters)")
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM corridor_applications WHERE id = $1 AND corridor_id = $2`, in.ApplicationID, id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			v.Add("application_id", "Permohonan tidak ditemukan pada program ini", "No such application in this programme")
		}
		if err := v.Err(); err != nil {
			return err
		}
		var drawID int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM corridor_draws WHERE corridor_id = $1 AND status = 'drawn' ORDER BY id DESC LIMIT 1`, id).Scan(&drawID)
		if errors.Is(err, sql.ErrNoRows) {
			return sinergi.Errorf(sinergi.CodeConflict, "Belum ada hasil undian untuk diajukan keberatan", "There is no draw result to appeal against yet")
		}
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO corridor_appeals (corridor_id, draw_id, application_id, grounds, outcome, created_at) VALUES ($1, $2, $3, $4, 'pending', $5) RETURNING id`,
			id, drawID, in.ApplicationID, in.Grounds, db.now()).Scan(&appealID); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "corridor.appeal", "corridor_appeal", appealID, nil, in)
	})
	if err != nil {
		return nil, err
	}
	return db.corridorAppeal(ctx, db.SQL, id, appealID)
}

// DecideCorridorAppeal records the outcome of a pending appeal.
func (db *DB) DecideCorridorAppeal(ctx context.Context, id, appealID int64, in sinergi.CorridorAppealDecisionInput) (*sinergi.CorridorAppeal, error) {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := db.managedCorridor(ctx, tx, id); err != nil {
			return err
		}
		var v sinergi.Validation
		if in.Outcome != sinergi.CorridorAppealUpheld && in.Outcome != sinergi.CorridorAppealRejected {
			v.Add("outcome", "Hasil: upheld atau rejected", "Outcome: upheld or rejected")
		}
		if in.Decision == "" || len([]rune(in.Decision)) > 4000 || !corridorValidText(in.Decision) {
			v.Add("decision", "Pertimbangan keputusan wajib diisi (paling banyak 4000 karakter)", "The reasons are required (at most 4000 characters)")
		}
		if err := v.Err(); err != nil {
			return err
		}
		before, err := db.corridorAppeal(ctx, tx, id, appealID)
		if err != nil {
			return err
		}
		if before.Outcome != sinergi.CorridorAppealPending {
			return sinergi.Errorf(sinergi.CodeConflict, "Keberatan ini sudah diputus", "This appeal has already been decided")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE corridor_appeals SET outcome = $1, decision = $2, decided_at = $3 WHERE id = $4`, in.Outcome, in.Decision, db.now(), appealID); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "corridor.appeal_decide", "corridor_appeal", appealID, before, in)
	})
	if err != nil {
		return nil, err
	}
	return db.corridorAppeal(ctx, db.SQL, id, appealID)
}

func corridorValidText(s string) bool {
	for _, r := range s {
		if r == 0 || r == 0xFFFD {
			return false
		}
	}
	return true
}

// CorridorBusinesses returns every application of a programme by id, without
// owner names, for the public draw result (business name and domicile).
func (db *DB) CorridorBusinesses(ctx context.Context, id int64) (map[int64]sinergi.CorridorApplication, error) {
	rows, err := db.SQL.QueryContext(ctx, `SELECT id, business_name, domicile_code, size, local_franchise, product_category FROM corridor_applications WHERE corridor_id = $1`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]sinergi.CorridorApplication{}
	for rows.Next() {
		var a sinergi.CorridorApplication
		if err := rows.Scan(&a.ID, &a.BusinessName, &a.DomicileCode, &a.Size, &a.LocalFranchise, &a.ProductCategory); err != nil {
			return nil, err
		}
		if r, ok := region.Lookup(a.DomicileCode); ok {
			a.DomicileName = r.Name
		}
		out[a.ID] = a
	}
	return out, rows.Err()
}
