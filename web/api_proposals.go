package web

import (
	"net/http"
	"strconv"

	"sinergi"
)

func (s *Server) apiProposals(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := sinergi.ProposalFilter{Status: sinergi.ProposalStatus(q.Get("status"))}
	var v sinergi.Validation
	if f.Status != "" && f.Status != sinergi.ProposalOpen && f.Status != sinergi.ProposalClosed {
		v.Add("status", "status harus open atau closed", "status must be open or closed")
	}
	f.ForumID = queryID(r, "forum_id", &v)
	var err error
	if f.Offset, f.Limit, err = queryPage(r); err != nil {
		return err
	}
	if err := v.Err(); err != nil {
		return err
	}
	l, err := s.DB.Proposals(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

func (s *Server) writeProposal(w http.ResponseWriter, r *http.Request, id int64, st int) error {
	p, err := s.DB.Proposal(r.Context(), id)
	if err != nil {
		return err
	}
	if st == http.StatusCreated {
		w.Header().Set("Location", "/api/v1/proposals/"+strconv.FormatInt(id, 10))
	}
	w.Header().Set("ETag", etag(p.Version))
	writeJSON(w, st, p.Proposal)
	return nil
}

func (s *Server) apiCreateProposal(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.ProposalInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	p, err := s.DB.CreateProposal(r.Context(), id, in)
	if err != nil {
		return err
	}
	return s.writeProposal(w, r, p.ID, http.StatusCreated)
}

func (s *Server) apiProposal(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.writeProposal(w, r, id, http.StatusOK)
}

func (s *Server) apiTakePosition(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.PositionInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if _, err := s.DB.TakePosition(r.Context(), id, in); err != nil {
		return err
	}
	return s.writeProposal(w, r, id, http.StatusOK)
}

func (s *Server) apiAddComment(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.CommentInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	c, err := s.DB.AddComment(r.Context(), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, c)
	return nil
}

func (s *Server) apiCloseProposal(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	version, err := ifMatch(r)
	if err != nil {
		return err
	}
	var in sinergi.CloseInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if _, err := s.DB.CloseProposal(r.Context(), id, version, in); err != nil {
		return err
	}
	return s.writeProposal(w, r, id, http.StatusOK)
}

func (s *Server) apiReviseProposal(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.ProposalInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	p, err := s.DB.ReviseProposal(r.Context(), id, in)
	if err != nil {
		return err
	}
	return s.writeProposal(w, r, p.ID, http.StatusCreated)
}
