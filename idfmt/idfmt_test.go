package idfmt

import (
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	d := time.Date(2026, 11, 29, 1, 30, 0, 0, time.UTC)
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"date id", Date(d, "id"), "29 November 2026"},
		{"date en", Date(d, "en"), "29 November 2026"},
		{"no leading zero", Date(time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), "id"), "5 Maret 2026"},
		{"zero", Date(time.Time{}, "id"), "—"},
		{"datetime id", DateTime(d, "id"), "29 November 2026 pukul 09.30 WITA"},
		{"datetime en", DateTime(d, "en"), "29 November 2026, 09:30 WITA"},
		{"datetime zero", DateTime(time.Time{}, "id"), "—"},
		{"month", Month(time.August), "Agustus"},
		{"month out of range", Month(13), ""},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestNIP(t *testing.T) {
	tests := []struct{ in, want string }{
		{"198501012010011001", "19850101 201001 1 001"},
		{"19850101 201001 1 001", "19850101 201001 1 001"},
		{" 1985 0101 2010 0110 01 ", "19850101 201001 1 001"},
		{"12345", "12345"},
		{"19850101201001100A", "19850101201001100A"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NIP(tt.in); got != tt.want {
			t.Errorf("NIP(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
