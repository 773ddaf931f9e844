package web

import (
	"net/http"
	"net/url"
	"strconv"

	"sinergi"
	"sinergi/store"
)

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	counts, err := s.DB.Counts(r.Context(), 0)
	if err != nil {
		return err
	}
	tasks, err := s.tasks(r)
	if err != nil {
		return err
	}
	data := map[string]any{"Counts": counts, "Tasks": tasks}
	if u := currentUser(r); u != nil {
		own, err := s.DB.Counts(r.Context(), u.OrganizationID)
		if err != nil {
			return err
		}
		data["Own"] = own
	}
	s.render(w, r, http.StatusOK, "home", page{Title: "", Data: data})
	return nil
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) error {
	if currentUser(r) != nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return nil
	}
	s.render(w, r, http.StatusOK, "login", page{Title: pick(r, "Masuk", "Log in"), Form: url.Values{"next": {r.URL.Query().Get("next")}}})
	return nil
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return sinergi.Errorf(sinergi.CodeInvalid, "Formulir tidak dapat dibaca", "The form cannot be read")
	}
	email, pw := r.PostForm.Get("email"), r.PostForm.Get("password")
	fail := func(st int, msg sinergi.Text) error {
		form := url.Values{"email": {email}, "next": {r.PostForm.Get("next")}}
		s.render(w, r, st, "login", page{Title: pick(r, "Masuk", "Log in"), Form: form,
			Errors: []sinergi.FieldError{{Field: "email", Msg: msg}}})
		return nil
	}
	if !s.logins.allow(s.clientAddr(r), email) {
		w.Header().Set("Retry-After", "15")
		return fail(http.StatusTooManyRequests, sinergi.T("Terlalu banyak percobaan masuk. Tunggu sebentar lalu coba lagi.", "Too many login attempts. Wait a moment and try again."))
	}
	// the lockout (store.Login) holds across server copies; the limiter above
	// only slows one copy down
	u, err := s.DB.Login(r.Context(), email, pw, s.clientAddr(r))
	if err != nil {
		if e, ok := err.(*sinergi.Error); ok && e.Code == sinergi.CodeUnauthorized {
			return fail(http.StatusUnauthorized, e.Msg)
		}
		if e, ok := err.(*sinergi.Error); ok && e.Code == sinergi.CodeTooManyRequests {
			w.Header().Set("Retry-After", strconv.Itoa(int(store.LockFor.Seconds())))
			return fail(http.StatusTooManyRequests, e.Msg)
		}
		return err
	}
	secret, err := s.DB.CreateSession(r.Context(), u.ID)
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: secret, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: s.secureCookie(r), MaxAge: int(store.SessionTTL.Seconds())})
	http.Redirect(w, r, safeNext(r.PostForm.Get("next")), http.StatusSeeOther)
	return nil
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := s.DB.DeleteSession(r.Context(), c.Value); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Path: "/", MaxAge: -1, HttpOnly: true, Secure: s.secureCookie(r)})
	flash(w, pick(r, "Anda telah keluar.", "You have logged out."))
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	return sinergi.NotFound("Halaman", "Page")
}

// pick chooses the text for the request's language.
func pick(r *http.Request, id, en string) string { return sinergi.T(id, en).In(lang(r)) }

// requireUser returns the logged-in user or an unauthorized error (which
// sends browsers to the login page).
func requireUser(r *http.Request) (*sinergi.User, error) {
	if u := currentUser(r); u != nil {
		return u, nil
	}
	return nil, sinergi.Unauthorized()
}
