package iku

import (
	"testing"
	"time"

	"sinergi"
)

func TestCategoriesTable(t *testing.T) {
	seen := map[Category]bool{}
	for _, c := range Categories {
		if c.Code == None || seen[c.Code] {
			t.Errorf("category %q empty or repeated", c.Code)
		}
		seen[c.Code] = true
		if c.Weight <= 0 || c.Weight > 1 || c.WorldClass != (c.Weight == 1) {
			t.Errorf("%s: weight %v, world-class %v", c.Code, c.Weight, c.WorldClass)
		}
		if c.Label.ID == "" || c.Label.EN == "" {
			t.Errorf("%s has no label", c.Code)
		}
	}
	if Weight(None) != 0 || Weight("nope") != 0 || Weight(QS100) != 1 || Weight(Government) != 0.5 {
		t.Error("Weight does not read the table")
	}
}

func TestFromSectorAndEffective(t *testing.T) {
	for _, tt := range []struct {
		sector   sinergi.Sector
		explicit Category
		want     Category
		source   string
	}{
		{sinergi.SectorRegencyGovernment, None, Government, "sector"},
		{sinergi.SectorMinistry, None, Government, "sector"},
		{sinergi.SectorForeignLocalGovernment, None, Government, "sector"},
		{sinergi.SectorPublicUniversity, None, University, "sector"},
		{sinergi.SectorPrivateUniversity, None, University, "sector"},
		{sinergi.SectorPublicUniversity, QS100, QS100, "explicit"}, // a world-class university, set by an admin
		{sinergi.SectorBUMN, None, SOE, "sector"},
		{sinergi.SectorBUMD, None, SOE, "sector"},
		{sinergi.SectorCooperative, None, MSME, "sector"},
		{sinergi.SectorPrivateCompany, None, None, "none"}, // ambiguous: multinational? start-up? UMKM?
		{sinergi.SectorPrivateCompany, Multinational, Multinational, "explicit"},
		{sinergi.SectorCivilSociety, None, None, "none"},
		{sinergi.SectorCommunity, None, None, "none"},
		{sinergi.SectorForeignInstitution, None, None, "none"},
		{sinergi.SectorForeignInstitution, Multilateral, Multilateral, "explicit"},
	} {
		c, src := Effective(tt.explicit, tt.sector)
		if c != tt.want || src != tt.source {
			t.Errorf("Effective(%q, %s) = %q, %q; want %q, %q", tt.explicit, tt.sector, c, src, tt.want, tt.source)
		}
	}
	for _, s := range sinergi.Sectors {
		if c := FromSector(s.Code); c != None {
			if _, ok := LookupCategory(c); !ok {
				t.Errorf("sector %s maps to unknown category %q", s.Code, c)
			}
		}
	}
	if !IsUniversity(sinergi.SectorPrivateUniversity) || IsUniversity(sinergi.SectorMinistry) {
		t.Error("IsUniversity")
	}
}

func TestCheckActivities(t *testing.T) {
	if len(Activities) != 11 {
		t.Errorf("%d activity types, want the 11 of issue 5 item 10", len(Activities))
	}
	for _, tt := range []struct {
		in []Activity
		ok bool
	}{
		{nil, true},
		{[]Activity{"student_exchange", "credit_transfer"}, true},
		{[]Activity{"benchmarking"}, true},
		{[]Activity{"tourism"}, false},
		{[]Activity{"internship", "internship"}, false},
	} {
		if err := CheckActivities(tt.in); (err == nil) != tt.ok {
			t.Errorf("CheckActivities(%v) = %v", tt.in, err)
		} else if err != nil && sinergi.ErrorCode(err) != sinergi.CodeInvalid {
			t.Errorf("CheckActivities(%v): code %v", tt.in, sinergi.ErrorCode(err))
		}
	}
}

func TestSemester(t *testing.T) {
	for _, tt := range []struct {
		in          string
		ok          bool
		first, last string
		label       string
	}{
		{"2026-1", true, "2026-08-01", "2027-01-31", "Ganjil 2026/2027"},
		{"2026-2", true, "2027-02-01", "2027-07-31", "Genap 2026/2027"},
		{"2026-3", false, "", "", ""},
		{"2026", false, "", "", ""},
		{"1999-1", false, "", "", ""},
		{"abcd-1", false, "", "", ""},
		{"20261", false, "", "", ""},
	} {
		s, ok := ParseSemester(tt.in)
		if ok != tt.ok {
			t.Errorf("ParseSemester(%q) ok = %v", tt.in, ok)
			continue
		}
		if !ok {
			continue
		}
		f, l := s.Span()
		if f != tt.first || l != tt.last || s.Label().ID != tt.label || s.Code() != tt.in {
			t.Errorf("%q: %s – %s, %q, %q", tt.in, f, l, s.Label().ID, s.Code())
		}
	}
	for _, tt := range []struct {
		day, want string
	}{
		{"2026-08-01", "2026-1"}, {"2026-12-31", "2026-1"}, {"2027-01-31", "2026-1"},
		{"2027-02-01", "2026-2"}, {"2027-07-31", "2026-2"}, {"2027-08-01", "2027-1"},
	} {
		d, _ := time.Parse(time.DateOnly, tt.day)
		if got := SemesterOf(d).Code(); got != tt.want {
			t.Errorf("SemesterOf(%s) = %s, want %s", tt.day, got, tt.want)
		}
	}
	s := Semester{2026, 1}
	if s.Next().Code() != "2026-2" || s.Prev().Code() != "2025-2" || s.Next().Next().Code() != "2027-1" || s.Next().Prev() != s {
		t.Error("Prev/Next")
	}
}

func TestActiveIn(t *testing.T) {
	s := Semester{2026, 1} // 2026-08-01 … 2027-01-31
	for _, tt := range []struct {
		name string
		ia   IA
		want bool
	}{
		{"covers the semester", IA{"2026-01-01", "2027-12-31", true, ""}, true},
		{"not signed", IA{"2026-01-01", "2027-12-31", false, ""}, false},
		{"starts on the last day", IA{"2027-01-31", "2028-01-01", true, ""}, true},
		{"starts after", IA{"2027-02-01", "2028-01-01", true, ""}, false},
		{"ends on the first day", IA{"2025-01-01", "2026-08-01", true, ""}, true},
		{"ended before", IA{"2025-01-01", "2026-07-31", true, ""}, false},
		{"terminated during", IA{"2025-01-01", "2028-01-01", true, "2026-10-01"}, true},
		{"terminated before", IA{"2025-01-01", "2028-01-01", true, "2026-07-01"}, false},
		{"terminated after its end", IA{"2025-01-01", "2026-07-31", true, "2026-09-01"}, false},
	} {
		if got := ActiveIn(s, tt.ia); got != tt.want {
			t.Errorf("%s: ActiveIn = %v", tt.name, got)
		}
	}
}

func TestCompute(t *testing.T) {
	for _, tt := range []struct {
		best []float64
		want Figure
	}{
		{nil, Figure{}},
		{[]float64{0, 0}, Figure{Programmes: 2}},
		{[]float64{1, 0.5, 0, 0}, Figure{4, 2, 0.5, 0.375}},
		{[]float64{0.5, 0.5, 0.5}, Figure{3, 3, 1, 0.5}},
		{[]float64{1, 0, 0}, Figure{3, 1, 0.3333, 0.3333}},
		{[]float64{2}, Figure{1, 1, 1, 1}}, // a weight never counts more than 1
	} {
		if got := Compute(tt.best); got != tt.want {
			t.Errorf("Compute(%v) = %+v, want %+v", tt.best, got, tt.want)
		}
	}
}
