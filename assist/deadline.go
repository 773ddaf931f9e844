package assist

import (
	"time"
)

// Config is what an installation may set about deadlines.
type Config struct {
	// ResponseDays is the number of working days the provider has to
	// answer: default 5 (UU 30/2014 Pasal 53 as amended by UU 6/2023;
	// domain.md §4 — a setting, not a fixed rule).
	ResponseDays int
	// Holidays are the national holidays and collective leave days
	// ("YYYY-MM-DD") that are not working days; Saturdays and Sundays
	// never are.
	Holidays []string
	// Zone is where "today" is decided (WITA by default: the demo region).
	Zone *time.Location
	// DeemedGrantedNote shows, on overdue requests, the note that under
	// Pasal 53 as amended an application not answered in time is deemed
	// granted. Whether Pasal 53 reaches Bantuan Kedinasan is a legal
	// question ([check] in domain.md); the note never changes the status.
	DeemedGrantedNote bool
}

// Holidays2026 are Indonesia's national holidays and cuti bersama of 2026
// as announced (SKB 3 Menteri) [check: confirm against the decree; the
// list is configuration].
var Holidays2026 = []string{
	"2026-01-01", "2026-01-16", "2026-02-17", "2026-03-19", "2026-03-20", "2026-03-21",
	"2026-03-23", "2026-03-24", "2026-04-03", "2026-05-01", "2026-05-14", "2026-05-27",
	"2026-05-31", "2026-06-01", "2026-06-16", "2026-08-17", "2026-08-25", "2026-12-24", "2026-12-25",
}

// Wita is UTC+8, Sulawesi's time.
var Wita = time.FixedZone("WITA", 8*3600)

// DefaultConfig is the configuration unless the installation says otherwise.
func DefaultConfig() Config {
	return Config{ResponseDays: 5, Holidays: Holidays2026, Zone: Wita, DeemedGrantedNote: true}
}

// Calendar counts working days.
type Calendar struct {
	holidays map[string]bool
	zone     *time.Location
}

// Calendar returns the working-day calendar of c.
func (c Config) Calendar() Calendar {
	cal := Calendar{holidays: map[string]bool{}, zone: c.Zone}
	if cal.zone == nil {
		cal.zone = Wita
	}
	for _, h := range c.Holidays {
		cal.holidays[h] = true
	}
	return cal
}

// Date returns the calendar date of t in the calendar's zone, at midnight UTC.
func (c Calendar) Date(t time.Time) time.Time {
	y, m, d := t.In(c.zone).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// WorkingDay reports whether date d is a working day.
func (c Calendar) WorkingDay(d time.Time) bool {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	return !c.holidays[d.Format(time.DateOnly)]
}

// AddWorkingDays returns the n-th working day after date d (n ≥ 0; n = 0
// is d itself). A request submitted on Monday 2 November 2026 with 5 days
// is due on Monday 9 November.
func (c Calendar) AddWorkingDays(d time.Time, n int) time.Time {
	d = c.Date(d)
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if c.WorkingDay(d) {
			n--
		}
	}
	return d
}

// DaysLeft returns the working days from today to due: the working days in
// (today, due] when due is later, 0 on the due date, and minus the working
// days in (due, today] once it has passed (a weekend after the due date
// leaves it at 0 until the next working day).
func (c Calendar) DaysLeft(today, due time.Time) int {
	today, due = c.Date(today), c.Date(due)
	sign, from, to := 1, today, due
	if today.After(due) {
		sign, from, to = -1, due, today
	}
	n := 0
	for d := from.AddDate(0, 0, 1); !d.After(to); d = d.AddDate(0, 0, 1) {
		if c.WorkingDay(d) {
			n++
		}
	}
	return sign * n
}

// Overdue reports whether the deadline has passed on today's date.
func (c Calendar) Overdue(today, due time.Time) bool {
	return c.Date(today).After(c.Date(due))
}
