package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// lang is the UI language of a browser request: the "lang" cookie, else
// Indonesian.
func lang(r *http.Request) string {
	if c, err := r.Cookie("lang"); err == nil && c.Value == "en" {
		return "en"
	}
	return "id"
}

// apiLang picks Indonesian or English from Accept-Language (Indonesian when
// neither is asked for).
func apiLang(r *http.Request) string {
	best, bestQ := "id", -1.0
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		base := strings.ToLower(strings.SplitN(tag, "-", 2)[0])
		if (base == "en" || base == "id" || base == "in") && q > bestQ {
			best, bestQ = base, q
		}
	}
	if best == "in" {
		best = "id"
	}
	return best
}

var monthsID = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}

// FormatDate writes a date as Indonesian documents do ("29 November 2026")
// or in English ("29 November 2026" too, with English month names).
func FormatDate(t time.Time, lang string) string {
	if t.IsZero() {
		return "—"
	}
	if lang == "en" {
		return t.Format("2 January 2006")
	}
	return strconv.Itoa(t.Day()) + " " + monthsID[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// wita is Sulawesi's time zone, used for times shown in the UI.
var wita = time.FixedZone("WITA", 8*3600)

// FormatDateTime writes "29 November 2026 pukul 09.30 WITA".
func FormatDateTime(t time.Time, lang string) string {
	if t.IsZero() {
		return "—"
	}
	t = t.In(wita)
	if lang == "en" {
		return FormatDate(t, lang) + ", " + t.Format("15:04") + " WITA"
	}
	return FormatDate(t, lang) + " pukul " + t.Format("15.04") + " WITA"
}

func (s *Server) setLang(w http.ResponseWriter, r *http.Request) error {
	l := r.PathValue("lang")
	if l != "en" {
		l = "id"
	}
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: l, Path: "/", MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
	return nil
}

// safeNext keeps redirects on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") || strings.ContainsAny(next, "\r\n") {
		return "/"
	}
	return next
}
