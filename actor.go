package sinergi

import (
	"context"
	"slices"
)

// Role is what an account may do. The public has no account and no role.
type Role string

const (
	RoleSystemAdmin Role = "system_admin" // runs the installation
	RoleOrgAdmin    Role = "org_admin"    // manages its organisation's units, people and accounts
	RoleMember      Role = "member"       // acts for its unit
	RolePartner     Role = "partner"      // a non-state member of forums and agreements
)

// Roles lists every role, most powerful first.
var Roles = []Role{RoleSystemAdmin, RoleOrgAdmin, RoleMember, RolePartner}

// RoleLabel is how the UI names a role.
var RoleLabel = map[Role]Text{
	RoleSystemAdmin: T("Admin sistem", "System admin"),
	RoleOrgAdmin:    T("Admin instansi", "Organisation admin"),
	RoleMember:      T("Anggota", "Member"),
	RolePartner:     T("Mitra", "Partner"),
}

// ValidRole reports whether r is a known role.
func ValidRole(r Role) bool { return slices.Contains(Roles, r) }

// Actor is who performs an action: a logged-in account, the system itself
// (command line, demo loader) or the anonymous public (nil or zero Actor).
type Actor struct {
	UserID int64
	Email  string
	Name   string
	OrgID  int64
	Roles  []Role
	System bool // command line and loaders: bypasses authorisation
}

// SystemActor acts for the command line and the demo loader.
var SystemActor = &Actor{Email: "system", Name: "Sistem", System: true, Roles: []Role{RoleSystemAdmin}}

// Has reports whether the actor holds role r.
func (a *Actor) Has(r Role) bool { return a != nil && slices.Contains(a.Roles, r) }

// Authenticated reports whether the actor is a logged-in account or the system.
func (a *Actor) Authenticated() bool { return a != nil && (a.UserID != 0 || a.System) }

// Label names the actor in the audit log.
func (a *Actor) Label() string {
	if a == nil || !a.Authenticated() {
		return "publik"
	}
	return a.Email
}

type actorKey struct{}

// WithActor returns a context carrying a.
func WithActor(ctx context.Context, a *Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor of ctx, or the anonymous public (nil).
func ActorFrom(ctx context.Context) *Actor {
	a, _ := ctx.Value(actorKey{}).(*Actor)
	return a
}
