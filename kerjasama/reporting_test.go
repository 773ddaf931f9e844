package kerjasama

import (
	"slices"
	"testing"

	"sinergi"
)

func TestReportDue(t *testing.T) {
	tests := []struct {
		start, last string
		months      int
		want        string
	}{
		{"2026-01-01", "", 6, "2026-07-01"},
		{"2026-01-01", "2026-06-15", 6, "2026-12-15"},
		{"2026-01-31", "", 1, "2026-03-03"}, // Go's AddDate normalises 31 February
		{"2026-01-01", "", 12, "2027-01-01"},
		{"bad", "", 6, ""},
		{"2026-01-01", "", 0, ""},
	}
	for _, tt := range tests {
		if got := ReportDue(tt.start, tt.last, tt.months); got != tt.want {
			t.Errorf("ReportDue(%q, %q, %d) = %q, want %q", tt.start, tt.last, tt.months, got, tt.want)
		}
	}
}

func TestReportOverdue(t *testing.T) {
	today := d("2026-11-02")
	tests := []struct {
		st   sinergi.AgreementStatus
		due  string
		want bool
	}{
		{sinergi.AgreementActive, "2026-11-01", true},
		{sinergi.AgreementExpiring, "2026-07-01", true},
		{sinergi.AgreementActive, "2026-11-02", false}, // due today: not yet late
		{sinergi.AgreementActive, "2027-01-01", false},
		{sinergi.AgreementInProcess, "2026-07-01", false},
		{sinergi.AgreementExpired, "2026-07-01", false},
		{sinergi.AgreementTerminated, "2026-07-01", false},
		{sinergi.AgreementActive, "", false},
	}
	for _, tt := range tests {
		if got := ReportOverdue(tt.st, tt.due, today); got != tt.want {
			t.Errorf("ReportOverdue(%s, %q) = %v, want %v", tt.st, tt.due, got, tt.want)
		}
	}
}

func TestExpiryThreshold(t *testing.T) {
	th := []int{90, 30, 7}
	tests := []struct {
		left int
		want int
		ok   bool
	}{
		{120, 0, false}, {91, 0, false}, {90, 90, true}, {45, 90, true}, {30, 30, true},
		{29, 30, true}, {8, 30, true}, {7, 7, true}, {0, 7, true}, {-1, 0, false},
	}
	for _, tt := range tests {
		got, ok := ExpiryThreshold(tt.left, th)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ExpiryThreshold(%d) = %d, %v; want %d, %v", tt.left, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseThresholds(t *testing.T) {
	tests := []struct {
		in   []int
		want []int
		ok   bool
	}{
		{[]int{7, 90, 30}, []int{90, 30, 7}, true},
		{[]int{14}, []int{14}, true},
		{nil, nil, false},
		{[]int{0}, nil, false},
		{[]int{30, 30}, nil, false},
		{[]int{4000}, nil, false},
	}
	for _, tt := range tests {
		got, ok := ParseThresholds(tt.in)
		if ok != tt.ok || !slices.Equal(got, tt.want) {
			t.Errorf("ParseThresholds(%v) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
