// Package idfmt writes dates, times and civil-service numbers the way
// Indonesian official documents do (tata naskah dinas, domain.md §6):
// "29 November 2026", "29 November 2026 pukul 09.30 WITA",
// "NIP 19850101 201001 1 001". It is pure (no I/O) so that the web views and
// the PDF engine write the same text. web.FormatDate and web.FormatDateTime
// give the same results.
package idfmt

import (
	"strconv"
	"strings"
	"time"
)

var months = [12]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}

// Month is the Indonesian name of m ("Januari" … "Desember").
func Month(m time.Month) string {
	if m < 1 || m > 12 {
		return ""
	}
	return months[m-1]
}

// Date writes "29 November 2026" (no leading zero; English month names when
// lang is "en"). The zero time is "—".
func Date(t time.Time, lang string) string {
	if t.IsZero() {
		return "—"
	}
	if lang == "en" {
		return t.Format("2 January 2006")
	}
	return strconv.Itoa(t.Day()) + " " + Month(t.Month()) + " " + strconv.Itoa(t.Year())
}

// WITA is Sulawesi's time zone (UTC+8), the zone of times shown to users.
var WITA = time.FixedZone("WITA", 8*3600)

// DateTime writes "29 November 2026 pukul 09.30 WITA" (English:
// "29 November 2026, 09:30 WITA"). The zero time is "—".
func DateTime(t time.Time, lang string) string {
	if t.IsZero() {
		return "—"
	}
	t = t.In(WITA)
	if lang == "en" {
		return Date(t, lang) + ", " + t.Format("15:04") + " WITA"
	}
	return Date(t, lang) + " pukul " + t.Format("15.04") + " WITA"
}

// NIP groups an 18-digit Nomor Induk Pegawai as it is printed under a
// signature: birth date, month of appointment, sex, serial
// ("198501012010011001" → "19850101 201001 1 001"). Anything that is not 18
// digits once spaces are removed is returned trimmed and unchanged.
func NIP(nip string) string {
	d := strings.Join(strings.Fields(nip), "")
	if len(d) != 18 || strings.Trim(d, "0123456789") != "" {
		return strings.TrimSpace(nip)
	}
	return d[:8] + " " + d[8:14] + " " + d[14:15] + " " + d[15:]
}
