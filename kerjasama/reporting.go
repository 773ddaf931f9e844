package kerjasama

import (
	"slices"
	"time"

	"sinergi"
)

// Implementation reports and reminders (issue 5, items 6 and 7). The law
// asks for monitoring and evaluation (UU 23/2014 Pasal 368) and, for
// cooperation abroad, reports to the Minister of Home Affairs (PP 28/2018
// Pasal 43); it sets no reporting interval, so the interval is a setting
// of each agreement (six months unless the parties choose otherwise).

// DefaultReportMonths is the reporting interval of an agreement that has
// not chosen one.
const DefaultReportMonths = 6

// MaxReportMonths is the longest reporting interval that can be chosen.
const MaxReportMonths = 60

// DefaultExpiryReminders are the days before the end of an agreement at
// which the parties are reminded.
var DefaultExpiryReminders = []int{90, 30, 7}

// InForce reports whether a shown status is one under which the agreement
// is being carried out (reports and obligations are due).
func InForce(st sinergi.AgreementStatus) bool {
	return st == sinergi.AgreementActive || st == sinergi.AgreementExpiring
}

// ReportDue is the date the next implementation report is due: months after
// the last report's date, or after the start when there is none yet. It is
// "" when a date cannot be read or months is not positive.
func ReportDue(start, lastReport string, months int) string {
	from := start
	if lastReport != "" {
		from = lastReport
	}
	d, ok := sinergi.ParseDate(from)
	if !ok || months <= 0 {
		return ""
	}
	return d.AddDate(0, months, 0).Format(time.DateOnly)
}

// ReportOverdue reports whether the report due on due is late on today:
// the agreement is in force and the due date has passed.
func ReportOverdue(st sinergi.AgreementStatus, due string, today time.Time) bool {
	return InForce(st) && due != "" && due < today.Format(time.DateOnly)
}

// ExpiryThreshold returns the reminder threshold (days before the end) that
// applies when daysLeft days are left: the smallest threshold not below
// daysLeft. A server that was down past a threshold sends only the most
// urgent one, not every one it missed. ok is false when no reminder
// applies (the end has passed, or it is further away than every threshold).
func ExpiryThreshold(daysLeft int, thresholds []int) (int, bool) {
	if daysLeft < 0 {
		return 0, false
	}
	best, ok := 0, false
	for _, t := range thresholds {
		if t >= daysLeft && (!ok || t < best) {
			best, ok = t, true
		}
	}
	return best, ok
}

// ParseThresholds reads a reminder setting such as "90,30,7": positive day
// counts up to ten years, without repeats, largest first. ok is false when
// the setting cannot be read.
func ParseThresholds(days []int) ([]int, bool) {
	var out []int
	for _, d := range days {
		if d <= 0 || d > 3650 || slices.Contains(out, d) {
			return nil, false
		}
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b int) int { return b - a })
	return out, len(out) > 0
}
