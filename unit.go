package sinergi

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// UnitKind names the level of a unit inside its organisation
// (university → faculty → study programme; regency → OPD → division).
type UnitKind string

// UnitKinds lists the kinds with their labels.
var UnitKinds = []struct {
	Code  UnitKind
	Label Text
}{
	{"faculty", T("Fakultas", "Faculty")},
	{"study_programme", T("Program studi", "Study programme")},
	{"institute", T("Lembaga/Pusat", "Institute/centre")},
	{"opd", T("Perangkat daerah (OPD)", "Regional office (OPD)")},
	{"directorate", T("Direktorat/Deputi", "Directorate")},
	{"division", T("Bidang/Bagian", "Division")},
	{"office", T("Kantor/Balai", "Office")},
	{"other", T("Lainnya", "Other")},
}

// ValidUnitKind reports whether k is known.
func ValidUnitKind(k UnitKind) bool {
	for _, u := range UnitKinds {
		if u.Code == k {
			return true
		}
	}
	return false
}

// Unit is a part of an organisation; units form a tree.
type Unit struct {
	ID             int64     `json:"id"`
	OrganizationID int64     `json:"organization_id"`
	ParentID       *int64    `json:"parent_id"`
	Name           string    `json:"name"`
	Kind           UnitKind  `json:"kind"`
	Depth          int       `json:"depth"`
	Version        int64     `json:"version"`
	CreatedAt      time.Time `json:"created_at"`
}

// UnitInput creates or changes a unit.
type UnitInput struct {
	Name     string   `json:"name"`
	Kind     UnitKind `json:"kind"`
	ParentID *int64   `json:"parent_id"`
}

// Validate checks the fields that need no database.
func (in *UnitInput) Validate() error {
	in.Name = strings.Join(strings.Fields(in.Name), " ")
	var v Validation
	if n := utf8.RuneCountInString(in.Name); n < 2 || n > 200 {
		v.Add("name", "Nama unit kerja harus 2 sampai 200 karakter", "Unit name must be 2 to 200 characters")
	}
	if in.Kind == "" {
		in.Kind = "other"
	}
	if !ValidUnitKind(in.Kind) {
		v.Add("kind", "Jenis unit kerja tidak dikenal", "Unknown unit kind")
	}
	if in.ParentID != nil && *in.ParentID <= 0 {
		v.Add("parent_id", "Unit induk tidak valid", "Invalid parent unit")
	}
	return v.Err()
}

// SortTree orders units depth-first (parents before children, siblings by
// name) and sets Depth. Units whose parent is missing are treated as roots.
func SortTree(units []Unit) []Unit {
	children := map[int64][]Unit{}
	ids := map[int64]bool{}
	for _, u := range units {
		ids[u.ID] = true
	}
	for _, u := range units {
		p := int64(0)
		if u.ParentID != nil && ids[*u.ParentID] {
			p = *u.ParentID
		}
		children[p] = append(children[p], u)
	}
	out := make([]Unit, 0, len(units))
	seen := map[int64]bool{}
	var walk func(p int64, depth int)
	walk = func(p int64, depth int) {
		for _, u := range children[p] {
			if seen[u.ID] {
				continue
			}
			seen[u.ID] = true
			u.Depth = depth
			out = append(out, u)
			walk(u.ID, depth+1)
		}
	}
	walk(0, 0)
	return out
}

// UnitService manages the units of organisations.
type UnitService interface {
	Units(ctx context.Context, orgID int64) ([]Unit, error)
	Unit(ctx context.Context, id int64) (*Unit, error)
	CreateUnit(ctx context.Context, orgID int64, in UnitInput) (*Unit, error)
	UpdateUnit(ctx context.Context, id, version int64, in UnitInput) (*Unit, error)
	DeleteUnit(ctx context.Context, id int64) error
}
