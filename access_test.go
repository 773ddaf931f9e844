package sinergi

import "testing"

func TestCanRead(t *testing.T) {
	admin := &Actor{UserID: 1, OrgID: 9, Roles: []Role{RoleSystemAdmin}}
	orgAdmin := &Actor{UserID: 2, OrgID: 1, Roles: []Role{RoleOrgAdmin}}
	member := &Actor{UserID: 3, OrgID: 1, Roles: []Role{RoleMember}}
	partner := &Actor{UserID: 4, OrgID: 1, Roles: []Role{RolePartner}}
	outsider := &Actor{UserID: 5, OrgID: 2, Roles: []Role{RoleMember}}
	involved := []int64{1, 3}
	tests := []struct {
		name string
		a    *Actor
		c    Classification
		want bool
	}{
		{"public, biasa", nil, Biasa, false},
		{"outsider, biasa", outsider, Biasa, true},
		{"outsider, terbatas", outsider, Terbatas, false},
		{"partner involved, terbatas", partner, Terbatas, true},
		{"system admin, terbatas", admin, Terbatas, true},
		{"system admin, rahasia", admin, Rahasia, false},
		{"partner involved, rahasia", partner, Rahasia, false},
		{"member involved, rahasia", member, Rahasia, true},
		{"org admin involved, rahasia", orgAdmin, Rahasia, true},
		{"outsider, rahasia", outsider, Rahasia, false},
		{"system actor, rahasia", SystemActor, Rahasia, true},
		{"unknown class", member, "sangat_rahasia", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CanRead(tt.a, tt.c, involved); got != tt.want {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCanManageOrganization(t *testing.T) {
	tests := []struct {
		name string
		a    *Actor
		org  int64
		want bool
	}{
		{"public", nil, 1, false},
		{"system admin", &Actor{UserID: 1, Roles: []Role{RoleSystemAdmin}}, 7, true},
		{"org admin own", &Actor{UserID: 1, OrgID: 7, Roles: []Role{RoleOrgAdmin}}, 7, true},
		{"org admin other", &Actor{UserID: 1, OrgID: 7, Roles: []Role{RoleOrgAdmin}}, 8, false},
		{"member own", &Actor{UserID: 1, OrgID: 7, Roles: []Role{RoleMember}}, 7, false},
		{"org admin, org 0", &Actor{UserID: 1, OrgID: 0, Roles: []Role{RoleOrgAdmin}}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CanManageOrganization(tt.a, tt.org); got != tt.want {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}
