package web

import (
	"net/http"
	"strconv"
	"strings"

	"sinergi"
	"sinergi/store"
)

// forumFilter reads the list filters shared by the API and the HTML list.
func forumFilter(r *http.Request) (sinergi.ForumFilter, error) {
	q := r.URL.Query()
	f := sinergi.ForumFilter{Q: strings.TrimSpace(q.Get("q")), Focus: sinergi.ForumFocus(q.Get("focus"))}
	var v sinergi.Validation
	if f.Focus != "" {
		if _, ok := sinergi.LookupFocus(f.Focus); !ok {
			v.Add("focus", "Fokus tidak dikenal", "Unknown focus")
		}
	}
	f.MeetsAll = queryBool(r, "meets_all", &v)
	f.OrgID = queryID(r, "organization_id", &v)
	if len(f.Q) > 200 {
		v.Add("q", "Kata kunci terlalu panjang", "Search text too long")
	}
	var err error
	if f.Offset, f.Limit, err = queryPage(r); err != nil {
		return f, err
	}
	return f, v.Err()
}

func (s *Server) apiForums(w http.ResponseWriter, r *http.Request) error {
	f, err := forumFilter(r)
	if err != nil {
		return err
	}
	l, err := s.DB.Forums(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

func (s *Server) apiCreateForum(w http.ResponseWriter, r *http.Request) error {
	var in sinergi.ForumInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	f, err := s.DB.CreateForum(r.Context(), in)
	if err != nil {
		return err
	}
	return s.writeForum(w, r, f.ID, http.StatusCreated)
}

// writeForum answers with the whole forum view.
func (s *Server) writeForum(w http.ResponseWriter, r *http.Request, id int64, st int) error {
	v, err := s.DB.Forum(r.Context(), id)
	if err != nil {
		return err
	}
	if st == http.StatusCreated {
		w.Header().Set("Location", "/api/v1/forums/"+strconv.FormatInt(id, 10))
	}
	w.Header().Set("ETag", etag(v.Version))
	writeJSON(w, st, v)
	return nil
}

func (s *Server) apiForum(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.writeForum(w, r, id, http.StatusOK)
}

func (s *Server) apiUpdateForum(w http.ResponseWriter, r *http.Request) error {
	return mergeRecord(w, r, s.DB.Forum,
		func(c *store.ForumView) (sinergi.ForumInput, int64) {
			return sinergi.ForumInput{Name: c.Name, InitiatorOrgID: c.InitiatorOrgID, Focus: c.Focus, ProblemStatement: c.ProblemStatement, Mission: c.Mission,
				SharedValues: c.SharedValues, Scope: c.Scope, LegalBasis: c.LegalBasis, Visibility: c.Visibility, Profile: c.Profile}, c.Version
		},
		s.DB.UpdateForum,
		func(f *sinergi.Forum) error { return s.writeForum(w, r, f.ID, http.StatusOK) })
}

func (s *Server) apiCharter(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, err := s.DB.Charter(r.Context(), id)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(c.Version))
	writeJSON(w, http.StatusOK, c)
	return nil
}

// apiSetCharter writes the whole charter (PUT) or merges the body onto the
// current one (PATCH).
func (s *Server) apiSetCharter(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	version, err := ifMatch(r)
	if err != nil {
		return err
	}
	in := sinergi.DefaultCharter()
	if r.Method == http.MethodPatch {
		cur, err := s.DB.Charter(r.Context(), id)
		if err != nil {
			return err
		}
		if version == 0 {
			version = cur.Version
		}
		in = cur.Input()
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	c, err := s.DB.SetCharter(r.Context(), id, version, in)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(c.Version))
	writeJSON(w, http.StatusOK, c)
	return nil
}

func (s *Server) apiAddMember(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.MemberInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	m, err := s.DB.AddMember(r.Context(), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, m)
	return nil
}

func (s *Server) apiSetMemberRole(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	org, err := pathID(r, "org")
	if err != nil {
		return err
	}
	var in struct {
		Role sinergi.MemberRole `json:"role"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	m, err := s.DB.SetMemberRole(r.Context(), id, org, in.Role)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, m)
	return nil
}

func (s *Server) apiRemoveMember(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	org, err := pathID(r, "org")
	if err != nil {
		return err
	}
	if err := s.DB.RemoveMember(r.Context(), id, org); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiAddRepresentative(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	org, err := pathID(r, "org")
	if err != nil {
		return err
	}
	var in sinergi.RepresentativeInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	rep, err := s.DB.AddRepresentative(r.Context(), id, org, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, rep)
	return nil
}

func (s *Server) apiRemoveRepresentative(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.DB.RemoveRepresentative(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiAcknowledge(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	created, err := s.DB.Acknowledge(r.Context(), id)
	if err != nil {
		return err
	}
	st := http.StatusOK
	if created {
		st = http.StatusCreated
	}
	return s.writeForum(w, r, id, st)
}

func (s *Server) apiAddSmallWin(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.SmallWinInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	sw, err := s.DB.AddSmallWin(r.Context(), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, sw)
	return nil
}
