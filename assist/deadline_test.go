package assist

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// Deadlines count working days (UU 30/2014 "hari kerja"): weekends and the
// configured holidays do not count.
func TestAddWorkingDays(t *testing.T) {
	cal := Config{Holidays: []string{"2026-08-17", "2026-12-25"}}.Calendar()
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-11-02", 5, "2026-11-09"}, // Monday → next Monday
		{"2026-11-06", 5, "2026-11-13"}, // Friday → next Friday
		{"2026-11-07", 5, "2026-11-13"}, // Saturday counts from Monday
		{"2026-11-02", 0, "2026-11-02"},
		{"2026-08-14", 1, "2026-08-18"}, // Friday, then weekend and 17 August
		{"2026-12-21", 5, "2026-12-29"}, // Christmas on Friday
		{"2026-11-02", 10, "2026-11-16"},
	}
	for _, tt := range tests {
		if got := cal.AddWorkingDays(day(tt.from), tt.n).Format(time.DateOnly); got != tt.want {
			t.Errorf("%s + %d working days = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestDaysLeft(t *testing.T) {
	cal := Config{Holidays: []string{"2026-11-05"}}.Calendar()
	due := day("2026-11-09") // Monday
	tests := []struct {
		today   string
		left    int
		overdue bool
	}{
		{"2026-11-02", 4, false}, // Tue, Wed, (Thu holiday), Fri, Mon
		{"2026-11-06", 1, false},
		{"2026-11-07", 1, false},
		{"2026-11-09", 0, false},
		{"2026-11-10", -1, true},
		{"2026-11-16", -5, true},
	}
	for _, tt := range tests {
		if got := cal.DaysLeft(day(tt.today), due); got != tt.left {
			t.Errorf("%s: %d working days left, want %d", tt.today, got, tt.left)
		}
		if got := cal.Overdue(day(tt.today), due); got != tt.overdue {
			t.Errorf("%s: overdue %v, want %v", tt.today, got, tt.overdue)
		}
	}
}

// "Today" is the date in WITA: 23.30 UTC on Sunday is Monday in Makassar.
func TestDateInZone(t *testing.T) {
	cal := DefaultConfig().Calendar()
	got := cal.Date(time.Date(2026, 11, 1, 23, 30, 0, 0, time.UTC))
	if got.Format(time.DateOnly) != "2026-11-02" {
		t.Errorf("date %s, want 2026-11-02", got.Format(time.DateOnly))
	}
	if d := DefaultConfig(); d.ResponseDays != 5 || !d.DeemedGrantedNote {
		t.Errorf("default config %+v", d)
	}
	for _, h := range Holidays2026 {
		if _, err := time.Parse(time.DateOnly, h); err != nil {
			t.Errorf("holiday %q: %v", h, err)
		}
	}
}
