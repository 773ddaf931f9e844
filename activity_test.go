package sinergi

import "testing"

func TestActivitySameOrganisation(t *testing.T) {
	u := func(v int64) *int64 { return &v }
	for _, tt := range []struct {
		name     string
		from, to *int64
		ok       bool
	}{
		{"no units", nil, nil, false},
		{"one unit", u(1), nil, false},
		{"same unit twice", u(1), u(1), false},
		{"two units", u(1), u(2), true},
	} {
		in := ActivityInput{Type: ActJointPlanning, FromOrgID: 7, ToOrgID: 7, FromUnitID: tt.from, ToUnitID: tt.to, Date: "2026-01-01", Description: "Rapat"}
		in.Normalize()
		err := in.Validate()
		if (err == nil) != tt.ok {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}
