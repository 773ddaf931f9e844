package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"sinergi/idfmt"
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

// FormatDate writes a date as Indonesian documents do ("29 November 2026").
func FormatDate(t time.Time, lang string) string { return idfmt.Date(t, lang) }

// FormatDateTime writes "29 November 2026 pukul 09.30 WITA".
func FormatDateTime(t time.Time, lang string) string { return idfmt.DateTime(t, lang) }

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
