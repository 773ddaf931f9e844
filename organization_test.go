package sinergi

import "testing"

func TestIsCityCode(t *testing.T) {
	for code, want := range map[string]bool{"73.71": true, "73.72": true, "73.09": false, "73.70": false, "31.71": true,
		"73.99": true, "73": false, "73.71.01": false, "": false, "7.71": true} {
		if got := IsCityCode(code); got != want {
			t.Errorf("%q: got %v, want %v", code, got, want)
		}
	}
}

func TestSectorPublic(t *testing.T) {
	public := map[Sector]bool{SectorMinistry: true, SectorProvincialGovernment: true, SectorRegencyGovernment: true,
		SectorCityGovernment: true, SectorPublicUniversity: true}
	for _, s := range Sectors {
		if got := s.Code.IsPublic(); got != public[s.Code] {
			t.Errorf("%s: public %v, want %v", s.Code, got, public[s.Code])
		}
	}
	if len(Sectors) != 14 {
		t.Fatalf("got %d sectors, want the 14 of the contract", len(Sectors))
	}
}

func TestOrganizationInputValidate(t *testing.T) {
	tests := []struct {
		name  string
		in    OrganizationInput
		field string // "" = valid
	}{
		{"regency ok", OrganizationInput{Name: "Pemkab Maros", Sector: SectorRegencyGovernment, RegionCode: "73.09"}, ""},
		{"city ok", OrganizationInput{Name: "Pemkot Makassar", Sector: SectorCityGovernment, RegionCode: "73.71"}, ""},
		{"province ok", OrganizationInput{Name: "Pemprov Sulsel", Sector: SectorProvincialGovernment, RegionCode: "73"}, ""},
		{"company in a village ok", OrganizationInput{Name: "CV Maju", Sector: SectorPrivateCompany, RegionCode: "73.09.01.2003"}, ""},
		{"foreign ok", OrganizationInput{Name: "Tokyo Metropolitan Govt", Sector: SectorForeignLocalGovernment}, ""},
		{"one-letter name", OrganizationInput{Name: "X", Sector: SectorCommunity}, "name"},
		{"long acronym", OrganizationInput{Name: "Komunitas", Acronym: "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF", Sector: SectorCommunity}, "acronym"},
		{"no sector", OrganizationInput{Name: "Komunitas"}, "sector"},
		{"province in a regency", OrganizationInput{Name: "Pemprov", Sector: SectorProvincialGovernment, RegionCode: "73.09"}, "region_code"},
		{"regency without region", OrganizationInput{Name: "Pemkab", Sector: SectorRegencyGovernment}, "region_code"},
		{"zero parent", OrganizationInput{Name: "Dinas", Sector: SectorCommunity, ParentID: new(int64(0))}, "parent_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.in.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("got %v, want valid", err)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok || e.Code != CodeInvalid || e.Fields[0].Field != tt.field {
				t.Fatalf("got %v, want invalid %s", err, tt.field)
			}
		})
	}
}
