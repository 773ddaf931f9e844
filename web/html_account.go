package web

import (
	"net/http"
	"net/url"
	"strconv"

	"sinergi"
)

func roleLabels() map[sinergi.Role]sinergi.Text { return sinergi.RoleLabel }

func (s *Server) usersPageWith(w http.ResponseWriter, r *http.Request, st int, form url.Values, errs []sinergi.FieldError) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, err := s.DB.Organization(r.Context(), id)
	if err != nil {
		return err
	}
	users, err := s.DB.Users(r.Context(), id)
	if err != nil {
		return err
	}
	s.render(w, r, st, "users", page{Title: pick(r, "Akun pengguna", "User accounts") + " — " + o.Name, Form: form, Errors: errs,
		Data: map[string]any{"Org": o, "Users": users, "Roles": sinergi.Roles, "RoleLabels": roleLabels()}})
	return nil
}

func (s *Server) usersPage(w http.ResponseWriter, r *http.Request) error {
	return s.usersPageWith(w, r, http.StatusOK, nil, nil)
}

func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	in := sinergi.UserInput{Email: r.PostForm.Get("email"), Name: r.PostForm.Get("name"), OrganizationID: id, Password: r.PostForm.Get("password")}
	for _, role := range r.PostForm["roles"] {
		in.Roles = append(in.Roles, sinergi.Role(role))
	}
	if _, err := s.DB.CreateUser(r.Context(), in); err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		form := url.Values{"email": {in.Email}, "name": {in.Name}}
		return s.usersPageWith(w, r, http.StatusBadRequest, form, errs)
	}
	flash(w, pick(r, "Akun "+in.Email+" dibuat.", "Account "+in.Email+" created."))
	http.Redirect(w, r, "/organizations/"+strconv.FormatInt(id, 10)+"/users", http.StatusSeeOther)
	return nil
}

func (s *Server) userSetActive(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	u, err := s.DB.User(r.Context(), id)
	if err != nil {
		return err
	}
	active := r.PostForm.Get("active") == "true"
	if err := s.DB.SetUserActive(r.Context(), id, active); err != nil {
		return err
	}
	if active {
		flash(w, pick(r, "Akun "+u.Email+" diaktifkan.", "Account "+u.Email+" enabled."))
	} else {
		flash(w, pick(r, "Akun "+u.Email+" dinonaktifkan; sesi dan tokennya diakhiri.", "Account "+u.Email+" disabled; its sessions and tokens ended."))
	}
	http.Redirect(w, r, "/organizations/"+strconv.FormatInt(u.OrganizationID, 10)+"/users", http.StatusSeeOther)
	return nil
}

func (s *Server) accountPageWith(w http.ResponseWriter, r *http.Request, st int, newToken string, errs []sinergi.FieldError) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	tokens, err := s.DB.Tokens(r.Context(), u.ID)
	if err != nil {
		return err
	}
	s.render(w, r, st, "account", page{Title: pick(r, "Akun saya", "My account"), Errors: errs,
		Data: map[string]any{"Tokens": tokens, "NewToken": newToken, "RoleLabels": roleLabels()}})
	return nil
}

func (s *Server) accountPage(w http.ResponseWriter, r *http.Request) error {
	return s.accountPageWith(w, r, http.StatusOK, "", nil)
}

func (s *Server) accountPassword(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	if err := s.DB.ChangePassword(r.Context(), u.ID, r.PostForm.Get("old_password"), r.PostForm.Get("new_password")); err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.accountPageWith(w, r, http.StatusBadRequest, "", errs)
	}
	// the change ended every session, this one too: start a fresh one
	secret, err := s.DB.CreateSession(r.Context(), u.ID)
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: secret, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secureCookie(r)})
	flash(w, pick(r, "Kata sandi diganti. Sesi di perangkat lain telah diakhiri.", "Password changed. Sessions on other devices have ended."))
	http.Redirect(w, r, "/account", http.StatusSeeOther)
	return nil
}

func (s *Server) accountTokenCreate(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	_, secret, err := s.DB.CreateToken(r.Context(), u.ID, r.PostForm.Get("name"), nil)
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.accountPageWith(w, r, http.StatusBadRequest, "", errs)
	}
	// shown once, on this response only (never stored or redirected)
	return s.accountPageWith(w, r, http.StatusCreated, secret, nil)
}

func (s *Server) accountTokenRevoke(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.DB.RevokeToken(r.Context(), id); err != nil {
		return err
	}
	flash(w, pick(r, "Token dicabut.", "Token revoked."))
	http.Redirect(w, r, "/account#tokens", http.StatusSeeOther)
	return nil
}
