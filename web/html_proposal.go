package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"sinergi"
	"sinergi/decide"
	"sinergi/store"
)

// proposalPageData is what proposal.html and proposal_print.html show.
type proposalPageData struct {
	forumLabels
	decideLabels
	P       *store.ProposalView
	Pending []sinergi.ForumMember // deciding members without a position
	Open    string
	Now     time.Time
}

// Voter names the organisation (or person) behind a ballot's voter id.
func (d *proposalPageData) Voter(id string) string { return orText(voterNames(d.P)[id], id) }

// Winners writes the chosen options of a result.
func (d *proposalPageData) Winners(r *decide.Result, lang string) string { return winnerList(r, lang) }

// WinnersKey names the chosen options of a result.
func (d *proposalPageData) WinnersKey(r *decide.Result, lang string) string {
	return winnersKey(r, lang)
}

func (s *Server) proposalPageWith(w http.ResponseWriter, r *http.Request, st int, name string, form url.Values, errs []sinergi.FieldError, open string) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.DB.Proposal(r.Context(), id)
	if err != nil {
		return err
	}
	d := &proposalPageData{P: p, Open: open, Now: time.Now()}
	spoke := map[int64]bool{}
	for _, x := range p.Positions {
		spoke[x.OrganizationID] = true
	}
	for _, m := range p.Members {
		if m.Role == sinergi.MemberDeciding && !spoke[m.OrganizationID] {
			d.Pending = append(d.Pending, m)
		}
	}
	if form == nil {
		form = url.Values{"title": {p.Title}, "body": {p.Body}, "version": {strconv.FormatInt(p.Version, 10)}, "time_zone": {"WITA"}}
	}
	s.render(w, r, st, name, page{Title: p.Title, Form: form, Errors: errs, Data: d})
	return nil
}

func (s *Server) proposalPage(w http.ResponseWriter, r *http.Request) error {
	return s.proposalPageWith(w, r, http.StatusOK, "proposal", nil, nil, "")
}

func (s *Server) proposalPrint(w http.ResponseWriter, r *http.Request) error {
	return s.proposalPageWith(w, r, http.StatusOK, "proposal_print", nil, nil, "")
}

// proposalForm handles a form posted on the proposal page.
func (s *Server) proposalForm(w http.ResponseWriter, r *http.Request, open, done string, do func(id int64, f url.Values) (int64, error)) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	next, err := do(id, r.PostForm)
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.proposalPageWith(w, r, http.StatusBadRequest, "proposal", r.PostForm, errs, open)
	}
	flash(w, done)
	http.Redirect(w, r, "/proposals/"+strconv.FormatInt(next, 10), http.StatusSeeOther)
	return nil
}

func (s *Server) positionTake(w http.ResponseWriter, r *http.Request) error {
	return s.proposalForm(w, r, "position", pick(r, "Posisi instansi Anda tercatat.", "Your organisation's position is recorded."), func(id int64, f url.Values) (int64, error) {
		_, err := s.DB.TakePosition(r.Context(), id, sinergi.PositionInput{Position: sinergi.Position(f.Get("position")), Reason: f.Get("reason")})
		return id, err
	})
}

func (s *Server) commentAdd(w http.ResponseWriter, r *http.Request) error {
	return s.proposalForm(w, r, "comment", pick(r, "Komentar ditambahkan.", "Comment added."), func(id int64, f url.Values) (int64, error) {
		_, err := s.DB.AddComment(r.Context(), id, sinergi.CommentInput{Body: f.Get("comment")})
		return id, err
	})
}

func (s *Server) proposalClose(w http.ResponseWriter, r *http.Request) error {
	return s.proposalForm(w, r, "close", pick(r, "Usulan ditutup dengan pernyataan hasil.", "Proposal closed with its outcome statement."), func(id int64, f url.Values) (int64, error) {
		_, err := s.DB.CloseProposal(r.Context(), id, formVersion(f), sinergi.CloseInput{Outcome: f.Get("outcome"), ReviewDate: f.Get("review_date")})
		return id, err
	})
}

func (s *Server) proposalRevise(w http.ResponseWriter, r *http.Request) error {
	return s.proposalForm(w, r, "revise", pick(r, "Usulan direvisi ke putaran baru.", "Proposal revised into a new round."), func(id int64, f url.Values) (int64, error) {
		var v sinergi.Validation
		at := localTime(f, "close_date", "close_time", "time_zone", &v, "closes_at")
		if err := v.Err(); err != nil {
			return 0, err
		}
		p, err := s.DB.ReviseProposal(r.Context(), id, sinergi.ProposalInput{Title: f.Get("title"), Body: f.Get("body"), ClosesAt: at})
		if err != nil {
			return 0, err
		}
		return p.ID, nil
	})
}
