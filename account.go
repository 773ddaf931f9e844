package sinergi

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// User is a login account. It belongs to one organisation.
type User struct {
	ID             int64      `json:"id"`
	Email          string     `json:"email"`
	Name           string     `json:"name"`
	OrganizationID int64      `json:"organization_id"`
	OrgName        string     `json:"organization_name,omitempty"`
	PersonID       *int64     `json:"person_id"`
	Roles          []Role     `json:"roles"`
	Active         bool       `json:"active"`
	Lang           string     `json:"lang"`
	CreatedAt      time.Time  `json:"created_at"`
	LastLoginAt    *time.Time `json:"last_login_at"`
}

// UserInput creates an account.
type UserInput struct {
	Email          string `json:"email"`
	Name           string `json:"name"`
	OrganizationID int64  `json:"organization_id"`
	PersonID       *int64 `json:"person_id"`
	Roles          []Role `json:"roles"`
	Password       string `json:"password"`
}

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = 10

// Validate checks the fields that need no database.
func (in *UserInput) Validate() error {
	in.Email = strings.ToLower(strings.TrimSpace(in.Email))
	in.Name = strings.Join(strings.Fields(in.Name), " ")
	var v Validation
	if !ValidEmail(in.Email) {
		v.Add("email", "Alamat surel tidak valid", "Invalid e-mail address")
	}
	if n := utf8.RuneCountInString(in.Name); n < 2 || n > 200 {
		v.Add("name", "Nama harus 2 sampai 200 karakter", "Name must be 2 to 200 characters")
	}
	if in.OrganizationID <= 0 {
		v.Add("organization_id", "Pilih instansi akun ini", "Choose the account's organisation")
	}
	if len(in.Roles) == 0 {
		v.Add("roles", "Pilih minimal satu peran", "Choose at least one role")
	}
	for _, r := range in.Roles {
		if !ValidRole(r) {
			v.Add("roles", "Peran tidak dikenal: "+string(r), "Unknown role: "+string(r))
		}
	}
	if msg := PasswordProblem(in.Password); msg != nil {
		v.Fields = append(v.Fields, FieldError{Field: "password", Msg: *msg})
	}
	return v.Err()
}

// PasswordProblem says what is wrong with a new password, or nil.
func PasswordProblem(p string) *Text {
	switch {
	case utf8.RuneCountInString(p) < MinPasswordLen:
		t := T("Kata sandi minimal 10 karakter", "Password must have at least 10 characters")
		return &t
	case len(p) > 256:
		t := T("Kata sandi paling banyak 256 karakter", "Password must be at most 256 characters")
		return &t
	}
	return nil
}

// Token is a personal access token for API clients. Only its hash is
// stored; the secret is shown once at creation.
type Token struct {
	ID         int64      `json:"id"`
	UserID     int64      `json:"user_id"`
	Name       string     `json:"name"`
	Prefix     string     `json:"prefix"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
	ExpiresAt  *time.Time `json:"expires_at"`
	RevokedAt  *time.Time `json:"revoked_at"`
}

// AccountService manages accounts, sessions and tokens.
type AccountService interface {
	Users(ctx context.Context, orgID int64) ([]User, error)
	CreateUser(ctx context.Context, in UserInput) (*User, error)
	Authenticate(ctx context.Context, email, password string) (*User, error)
	ChangePassword(ctx context.Context, userID int64, old, new string) error
}
