package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"sinergi"
	"sinergi/auth"
)

var _ sinergi.AccountService = (*DB)(nil)

const userCols = `u.id, u.email, u.name, u.organization_id, o.name, u.person_id, u.roles, u.active, u.lang, u.created_at, u.last_login_at`
const userFrom = ` FROM users u JOIN organizations o ON o.id = u.organization_id`

func scanUser(row interface{ Scan(...any) error }) (*sinergi.User, error) {
	var u sinergi.User
	var roles string
	if err := row.Scan(&u.ID, &u.Email, &u.Name, &u.OrganizationID, &u.OrgName, &u.PersonID, &roles, &u.Active, &u.Lang, &u.CreatedAt, &u.LastLoginAt); err != nil {
		return nil, err
	}
	u.Roles = parseRoles(roles)
	u.CreatedAt = u.CreatedAt.UTC()
	return &u, nil
}

func parseRoles(s string) []sinergi.Role {
	roles := []sinergi.Role{}
	for _, r := range strings.Split(s, ",") {
		if r != "" {
			roles = append(roles, sinergi.Role(r))
		}
	}
	return roles
}

func joinRoles(rs []sinergi.Role) string {
	var ss []string
	for _, r := range sinergi.Roles { // canonical order, no duplicates
		if slices.Contains(rs, r) {
			ss = append(ss, string(r))
		}
	}
	return strings.Join(ss, ",")
}

// ActorOf is the actor a user acts as.
func ActorOf(u *sinergi.User) *sinergi.Actor {
	return &sinergi.Actor{UserID: u.ID, Email: u.Email, Name: u.Name, OrgID: u.OrganizationID, Roles: u.Roles}
}

func (db *DB) getUser(ctx context.Context, q querier, cond string, arg any) (*sinergi.User, error) {
	u, err := scanUser(q.QueryRowContext(ctx, `SELECT `+userCols+userFrom+` WHERE `+cond, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Akun", "Account")
	}
	return u, err
}

// User returns an account: one's own, or one an admin manages.
func (db *DB) User(ctx context.Context, id int64) (*sinergi.User, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	u, err := db.getUser(ctx, db.SQL, `u.id = $1`, id)
	if err != nil {
		return nil, err
	}
	if a.UserID != id && !sinergi.CanManageOrganization(a, u.OrganizationID) {
		return nil, sinergi.Forbidden()
	}
	return u, nil
}

// Users lists the accounts of an organisation (0: all, system admins only).
func (db *DB) Users(ctx context.Context, orgID int64) ([]sinergi.User, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if (orgID == 0 && !a.IsAdmin()) || !sinergi.CanManageOrganization(a, orgID) && orgID != 0 {
		return nil, sinergi.Forbidden()
	}
	q, args := `SELECT `+userCols+userFrom, []any{}
	if orgID != 0 {
		q += ` WHERE u.organization_id = $1`
		args = append(args, orgID)
	}
	rows, err := db.SQL.QueryContext(ctx, q+` ORDER BY u.email`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	us := []sinergi.User{}
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		us = append(us, *u)
	}
	return us, rows.Err()
}

// CreateUser makes an account. Organisation admins create accounts in their
// own organisation and cannot hand out the system admin role.
func (db *DB) CreateUser(ctx context.Context, in sinergi.UserInput) (*sinergi.User, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if !sinergi.CanManageOrganization(a, in.OrganizationID) ||
		(slices.Contains(in.Roles, sinergi.RoleSystemAdmin) && !a.IsAdmin()) {
		return nil, sinergi.Forbidden()
	}
	hash := auth.HashPassword(in.Password)
	var u *sinergi.User
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := db.getOrg(ctx, tx, in.OrganizationID, false); err != nil {
			var v sinergi.Validation
			v.Add("organization_id", "Instansi tidak ditemukan", "Organisation not found")
			return v.Err()
		}
		if in.PersonID != nil {
			p, err := db.getPerson(ctx, tx, *in.PersonID, false)
			if err != nil || p.OrganizationID != in.OrganizationID {
				var v sinergi.Validation
				v.Add("person_id", "Orang tidak ditemukan di instansi ini", "Person not found in this organisation")
				return v.Err()
			}
		}
		var id int64
		err := tx.QueryRowContext(ctx, `INSERT INTO users (email, name, organization_id, person_id, roles, password_hash, active, lang, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, TRUE, 'id', $7) RETURNING id`,
			in.Email, in.Name, in.OrganizationID, nullID(in.PersonID), joinRoles(in.Roles), hash, db.now()).Scan(&id)
		if err != nil && sinergi.ErrorCode(dbErr(err)) == sinergi.CodeConflict && strings.Contains(err.Error(), "email") {
			var v sinergi.Validation
			v.Add("email", "Alamat surel ini sudah dipakai akun lain", "This e-mail address is already used by another account")
			return v.Err()
		}
		if err != nil {
			return err
		}
		if u, err = db.getUser(ctx, tx, `u.id = $1`, id); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "create", "user", id, nil, u)
	})
	return u, err
}

// SetUserActive enables or disables an account; disabling ends its
// sessions and revokes its tokens.
func (db *DB) SetUserActive(ctx context.Context, id int64, active bool) error {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return sinergi.Unauthorized()
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		before, err := db.getUser(ctx, tx, `u.id = $1`, id)
		if err != nil {
			return err
		}
		if !sinergi.CanManageOrganization(a, before.OrganizationID) || a.UserID == id {
			return sinergi.Forbidden()
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET active = $1 WHERE id = $2`, active, id); err != nil {
			return err
		}
		if !active {
			if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL`, db.now(), id); err != nil {
				return err
			}
		}
		after := *before
		after.Active = active
		return db.appendAudit(ctx, tx, "update", "user", id, before, &after)
	})
}

var errLogin = sinergi.Errorf(sinergi.CodeUnauthorized, "Surel atau kata sandi salah", "Wrong e-mail or password")

// Authenticate checks an e-mail and password. Unknown accounts take as long
// as wrong passwords.
func (db *DB) Authenticate(ctx context.Context, email, password string) (*sinergi.User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	var hash string
	var id int64
	var active bool
	err := db.SQL.QueryRowContext(ctx, `SELECT id, password_hash, active FROM users WHERE email = $1`, email).Scan(&id, &hash, &active)
	if errors.Is(err, sql.ErrNoRows) {
		auth.WasteTime(password)
		return nil, errLogin
	}
	if err != nil {
		return nil, err
	}
	ok, err := auth.CheckPassword(hash, password)
	if err != nil || !ok || !active {
		return nil, errLogin
	}
	if _, err := db.SQL.ExecContext(ctx, `UPDATE users SET last_login_at = $1 WHERE id = $2`, db.now(), id); err != nil {
		return nil, err
	}
	return db.getUser(ctx, db.SQL, `u.id = $1`, id)
}

// ChangePassword lets a user change their own password.
func (db *DB) ChangePassword(ctx context.Context, userID int64, old, newPw string) error {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() || (a.UserID != userID && !a.System) {
		return sinergi.Forbidden()
	}
	var hash string
	if err := db.SQL.QueryRowContext(ctx, `SELECT password_hash FROM users WHERE id = $1`, userID).Scan(&hash); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return sinergi.NotFound("Akun", "Account")
		}
		return err
	}
	var v sinergi.Validation
	if !a.System {
		if ok, _ := auth.CheckPassword(hash, old); !ok {
			v.Add("old_password", "Kata sandi lama salah", "The current password is wrong")
		}
	}
	if p := sinergi.PasswordProblem(newPw); p != nil {
		v.Fields = append(v.Fields, sinergi.FieldError{Field: "new_password", Msg: *p})
	}
	if err := v.Err(); err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1 WHERE id = $2`, auth.HashPassword(newPw), userID); err != nil {
			return err
		}
		// other sessions end: whoever knew the old password is logged out
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "change_password", "user", userID, nil, nil)
	})
}

// UserByEmail is for the command line (system actor).
func (db *DB) UserByEmail(ctx context.Context, email string) (*sinergi.User, error) {
	return db.getUser(ctx, db.SQL, `u.email = $1`, strings.ToLower(strings.TrimSpace(email)))
}
