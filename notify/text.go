package notify

import (
	"fmt"
	"time"

	"sinergi"
)

var months = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"}

// date formats t as "29 November 2026" in Indonesian and English.
func date(t time.Time) sinergi.Text {
	return sinergi.T(fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year()),
		fmt.Sprintf("%d %s %d", t.Day(), t.Month(), t.Year()))
}

// dateTime formats t as "29 November 2026 pukul 09.30 WITA" and
// "29 November 2026 at 09:30 WITA"; the zone is t's own.
func dateTime(t time.Time) sinergi.Text {
	d, zone := date(t), t.Format("MST")
	return sinergi.T(fmt.Sprintf("%s pukul %s %s", d.ID, t.Format("15.04"), zone),
		fmt.Sprintf("%s at %s %s", d.EN, t.Format("15:04"), zone))
}
