package web

import (
	"context"
	"net/http"
	"strconv"

	"sinergi"
	"sinergi/store"
)

// assistFilter reads the list filters shared by the API and the HTML list.
func assistFilter(r *http.Request) (sinergi.AssistanceFilter, error) {
	q := r.URL.Query()
	f := sinergi.AssistanceFilter{Status: sinergi.AssistanceStatus(q.Get("status")), Role: q.Get("role")}
	var v sinergi.Validation
	if f.Status != "" && !sinergi.ValidAssistanceStatus(f.Status) {
		v.Add("status", "Status tidak dikenal", "Unknown status")
	}
	if f.Role != "" && f.Role != "requester" && f.Role != "provider" {
		v.Add("role", "role harus requester atau provider", "role must be requester or provider")
	}
	f.Overdue = queryBool(r, "overdue", &v)
	f.Emergency = queryBool(r, "emergency", &v)
	var err error
	if f.Offset, f.Limit, err = queryPage(r); err != nil {
		return f, err
	}
	return f, v.Err()
}

func (s *Server) apiAssistanceList(w http.ResponseWriter, r *http.Request) error {
	f, err := assistFilter(r)
	if err != nil {
		return err
	}
	l, err := s.DB.AssistanceRequests(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

func writeAssist(w http.ResponseWriter, st int, a *sinergi.AssistanceRequest) {
	w.Header().Set("ETag", etag(a.Version))
	writeJSON(w, st, a)
}

func (s *Server) apiAssistanceCreate(w http.ResponseWriter, r *http.Request) error {
	var in sinergi.AssistanceInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	a, err := s.DB.CreateAssistanceRequest(r.Context(), in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/assistance-requests/"+strconv.FormatInt(a.ID, 10))
	writeAssist(w, http.StatusCreated, a)
	return nil
}

func (s *Server) apiAssistanceGet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	a, err := s.DB.AssistanceRequest(r.Context(), id)
	if err != nil {
		return err
	}
	writeAssist(w, http.StatusOK, a)
	return nil
}

// decodeOptional reads a JSON body when there is one.
func decodeOptional(w http.ResponseWriter, r *http.Request, v any) error {
	if r.Body == nil || r.Body == http.NoBody || r.ContentLength == 0 {
		return nil
	}
	return decodeJSON(w, r, v)
}

// stepFunc is a workflow method of the store, e.g. (*store.DB).SubmitAssistanceRequest.
type stepFunc func(db *store.DB, ctx context.Context, id, version int64, in sinergi.StepInput) (*sinergi.AssistanceRequest, error)

// apiAssistanceStep serves a workflow step whose body is an optional note.
func (s *Server) apiAssistanceStep(step stepFunc) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, version, err := recordTarget(r)
		if err != nil {
			return err
		}
		var in sinergi.StepInput
		if err := decodeOptional(w, r, &in); err != nil {
			return err
		}
		a, err := step(s.DB, r.Context(), id, version, in)
		if err != nil {
			return err
		}
		writeAssist(w, http.StatusOK, a)
		return nil
	}
}

func (s *Server) apiAssistanceRefuse(w http.ResponseWriter, r *http.Request) error {
	return updateRecord(w, r, s.DB.RefuseAssistanceRequest, writeAssist)
}

func (s *Server) apiAssistanceCostSharing(w http.ResponseWriter, r *http.Request) error {
	return updateRecord(w, r, s.DB.SetCostSharing, writeAssist)
}

// apiAssistanceConfirm confirms for the caller's organisation (cost sharing
// or the agreement on responsibility).
func (s *Server) apiAssistanceConfirm(sign bool) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, version, err := recordTarget(r)
		if err != nil {
			return err
		}
		var org int64
		if a := sinergi.ActorFrom(r.Context()); a != nil {
			org = a.OrgID
		}
		confirm := s.DB.ConfirmCostSharing
		if sign {
			confirm = s.DB.SignResponsibility
		}
		a, err := confirm(r.Context(), id, version, org)
		if err != nil {
			return err
		}
		writeAssist(w, http.StatusOK, a)
		return nil
	}
}
