package sinergi

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"sinergi/region"
)

// Organization is an institution in the registry: a ministry, a regional
// government, a university, a company, a community…
type Organization struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"`
	Acronym    string    `json:"acronym"`
	Sector     Sector    `json:"sector"`
	Public     bool      `json:"public"`
	RegionCode string    `json:"region_code"`
	RegionName string    `json:"region_name,omitempty"`
	ParentID   *int64    `json:"parent_id"`
	Version    int64     `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// OrganizationInput is what a user submits to create or change one.
type OrganizationInput struct {
	Name       string `json:"name"`
	Acronym    string `json:"acronym"`
	Sector     Sector `json:"sector"`
	RegionCode string `json:"region_code"`
	ParentID   *int64 `json:"parent_id"`
}

// Normalize trims the input.
func (in *OrganizationInput) Normalize() {
	in.Name = strings.Join(strings.Fields(in.Name), " ")
	in.Acronym = strings.TrimSpace(in.Acronym)
	in.RegionCode = strings.TrimSpace(in.RegionCode)
	in.Sector = Sector(strings.TrimSpace(string(in.Sector)))
}

// Validate checks the fields that need no database. The region must exist
// and fit the sector: a provincial government sits in a province, a regency
// government in a kabupaten, a city government in a kota (codes 71–99);
// foreign organisations have no Indonesian region.
func (in *OrganizationInput) Validate() error {
	var v Validation
	n := utf8.RuneCountInString(in.Name)
	switch {
	case n == 0:
		v.Add("name", "Nama instansi wajib diisi", "Name is required")
	case n < 2 || n > 200:
		v.Add("name", "Nama instansi harus 2 sampai 200 karakter", "Name must be 2 to 200 characters")
	}
	if utf8.RuneCountInString(in.Acronym) > 30 {
		v.Add("acronym", "Singkatan paling banyak 30 karakter", "Acronym must be at most 30 characters")
	}
	if in.Sector == "" {
		v.Add("sector", "Pilih sektor instansi", "Choose the sector")
	} else if _, ok := LookupSector(in.Sector); !ok {
		v.Add("sector", "Sektor tidak dikenal", "Unknown sector")
	}
	if in.ParentID != nil && *in.ParentID <= 0 {
		v.Add("parent_id", "Instansi induk tidak valid", "Invalid parent organisation")
	}
	if in.RegionCode != "" {
		r, ok := region.Lookup(in.RegionCode)
		switch {
		case !ok:
			v.Add("region_code", "Kode wilayah tidak dikenal (contoh: 73.09)", "Unknown region code (e.g. 73.09)")
		case in.Sector.IsForeign():
			v.Add("region_code", "Instansi luar negeri tidak memiliki wilayah Indonesia", "A foreign organisation has no Indonesian region")
		case in.Sector == SectorProvincialGovernment && r.Level != region.Province:
			v.Add("region_code", "Pemerintah provinsi harus berwilayah provinsi", "A provincial government must be in a province")
		case in.Sector == SectorRegencyGovernment && (r.Level != region.Regency || IsCityCode(r.Code)):
			v.Add("region_code", "Pemerintah kabupaten harus berwilayah kabupaten", "A regency government must be in a kabupaten")
		case in.Sector == SectorCityGovernment && (r.Level != region.Regency || !IsCityCode(r.Code)):
			v.Add("region_code", "Pemerintah kota harus berwilayah kota", "A city government must be in a kota")
		}
	} else if in.Sector == SectorProvincialGovernment || in.Sector == SectorRegencyGovernment || in.Sector == SectorCityGovernment {
		v.Add("region_code", "Pemerintah daerah wajib memiliki kode wilayah", "A regional government needs a region code")
	}
	return v.Err()
}

// IsCityCode reports whether a regency-level code is a kota (numbers 71–99).
func IsCityCode(code string) bool {
	i := strings.IndexByte(code, '.')
	if i < 0 || len(code) != i+3 {
		return false
	}
	return code[i+1] >= '7' && code[i+1] <= '9' && !(code[i+1] == '7' && code[i+2] == '0')
}

// OrganizationFilter selects organisations in a list.
type OrganizationFilter struct {
	Q          string
	Sector     Sector
	RegionCode string // the region or any region inside it
	ParentID   int64
	Public     *bool
	Offset     int
	Limit      int
}

// List is one page of results and the total number of matches.
type List[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

// ClampPage applies the default and maximum page size.
func ClampPage(offset, limit int) (int, int) {
	if offset < 0 {
		offset = 0
	}
	if limit <= 0 {
		limit = 50
	}
	if limit > 200 {
		limit = 200
	}
	return offset, limit
}

// OrganizationService manages the organisation registry.
type OrganizationService interface {
	Organization(ctx context.Context, id int64) (*Organization, error)
	Organizations(ctx context.Context, f OrganizationFilter) (List[Organization], error)
	CreateOrganization(ctx context.Context, in OrganizationInput) (*Organization, error)
	UpdateOrganization(ctx context.Context, id, version int64, in OrganizationInput) (*Organization, error)
}
