package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"sinergi"
)

// apiAssistanceUpdate changes a draft (PATCH, JSON merge patch: the fields
// sent replace the draft's, lists as a whole; null clears a unit).
func (s *Server) apiAssistanceUpdate(w http.ResponseWriter, r *http.Request) error {
	id, version, err := recordTarget(r)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		var tooB *http.MaxBytesError
		if errors.As(err, &tooB) {
			return sinergi.Errorf(sinergi.CodeInvalid, "Isi permintaan terlalu besar (maksimal %d KiB)", "The request body is too large (at most %d KiB)", maxBody>>10)
		}
		return sinergi.Errorf(sinergi.CodeInvalid, "Isi permintaan tidak dapat dibaca", "The request body cannot be read")
	}
	a, err := s.DB.UpdateAssistanceRequest(r.Context(), id, version, func(in *sinergi.AssistanceInput) error {
		var keys map[string]json.RawMessage
		if json.Unmarshal(body, &keys) == nil { // lists sent replace the draft's lists whole
			for k, p := range map[string]func(){"grounds": func() { in.Grounds = nil }, "documents": func() { in.Documents = nil }, "attachments": func() { in.Attachments = nil }} {
				if _, ok := keys[k]; ok {
					p()
				}
			}
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		return decodeJSON(w, r, in)
	})
	if err != nil {
		return err
	}
	writeAssist(w, http.StatusOK, a)
	return nil
}

func (s *Server) apiAssistanceStats(w http.ResponseWriter, r *http.Request) error {
	return byID(w, r, s.DB.AssistanceStats)
}

func writeNumbering(w http.ResponseWriter, n *sinergi.AssistanceNumbering) {
	w.Header().Set("ETag", etag(n.Version))
	writeJSON(w, http.StatusOK, n)
}

func (s *Server) apiAssistanceNumbering(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	n, err := s.DB.AssistanceNumbering(r.Context(), id)
	if err != nil {
		return err
	}
	writeNumbering(w, n)
	return nil
}

func (s *Server) apiAssistanceSetNumbering(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	version, err := ifMatchNumbering(r)
	if err != nil {
		return err
	}
	var in sinergi.AssistanceNumberingInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	n, err := s.DB.SetAssistanceNumbering(r.Context(), id, version, in)
	if err != nil {
		return err
	}
	writeNumbering(w, n)
	return nil
}

// ifMatchNumbering reads If-Match for a numbering, whose version is 0 while
// the default applies ("v0").
func ifMatchNumbering(r *http.Request) (int64, error) {
	if r.Header.Get("If-Match") == `"v0"` {
		return -1, nil
	}
	return ifMatch(r)
}
