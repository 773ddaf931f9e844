package web

import (
	"net/http"
	"strconv"
	"time"

	"sinergi"
	"sinergi/store"
)

func (s *Server) apiUsers(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.DB.Organization(r.Context(), id); err != nil {
		return err
	}
	us, err := s.DB.Users(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, sinergi.List[sinergi.User]{Items: us, Total: len(us), Limit: len(us)})
	return nil
}

func (s *Server) apiCreateUser(w http.ResponseWriter, r *http.Request) error {
	var in sinergi.UserInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	u, err := s.DB.CreateUser(r.Context(), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, u)
	return nil
}

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) error {
	u := currentUser(r)
	if u == nil {
		return sinergi.Unauthorized()
	}
	writeJSON(w, http.StatusOK, u)
	return nil
}

func (s *Server) apiChangePassword(w http.ResponseWriter, r *http.Request) error {
	u := currentUser(r)
	if u == nil {
		return sinergi.Unauthorized()
	}
	var in struct {
		OldPassword string `json:"old_password"`
		NewPassword string `json:"new_password"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := s.DB.ChangePassword(r.Context(), u.ID, in.OldPassword, in.NewPassword); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiTokens(w http.ResponseWriter, r *http.Request) error {
	u := currentUser(r)
	if u == nil {
		return sinergi.Unauthorized()
	}
	ts, err := s.DB.Tokens(r.Context(), u.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, sinergi.List[sinergi.Token]{Items: ts, Total: len(ts), Limit: len(ts)})
	return nil
}

func (s *Server) apiCreateToken(w http.ResponseWriter, r *http.Request) error {
	u := currentUser(r)
	if u == nil {
		return sinergi.Unauthorized()
	}
	var in struct {
		Name      string `json:"name"`
		ExpiresAt string `json:"expires_at"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	var expires *time.Time
	if in.ExpiresAt != "" {
		e, err := time.Parse(time.RFC3339, in.ExpiresAt)
		if err != nil {
			var v sinergi.Validation
			v.Add("expires_at", "Tanggal kedaluwarsa harus RFC 3339, mis. 2027-01-31T00:00:00+08:00", "Expiry must be RFC 3339, e.g. 2027-01-31T00:00:00+08:00")
			return v.Err()
		}
		expires = &e
	}
	t, secret, err := s.DB.CreateToken(r.Context(), u.ID, in.Name, expires)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, struct {
		*sinergi.Token
		Secret string `json:"token"`
	}{t, secret})
	return nil
}

func (s *Server) apiRevokeToken(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.DB.RevokeToken(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiAudit(w http.ResponseWriter, r *http.Request) error {
	if !sinergi.ActorFrom(r.Context()).Authenticated() {
		return sinergi.Unauthorized()
	}
	f := store.AuditFilter{Entity: r.URL.Query().Get("entity")}
	var err error
	if f.Offset, f.Limit, err = queryPage(r); err != nil {
		return err
	}
	if e := r.URL.Query().Get("entity_id"); e != "" {
		if f.EntityID, err = strconv.ParseInt(e, 10, 64); err != nil {
			var v sinergi.Validation
			v.Add("entity_id", "entity_id harus bilangan bulat", "entity_id must be an integer")
			return v.Err()
		}
	}
	l, err := s.DB.AuditEntries(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}
