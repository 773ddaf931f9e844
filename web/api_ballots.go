package web

import (
	"net/http"

	"sinergi/decide"
)

// ballotInput is a ballot as the API takes it: decide.Ballot without the
// voter, who is the caller (or the caller's organisation).
type ballotInput struct {
	Choice  decide.Choice                  `json:"choice"`
	Scores  map[string]int                 `json:"scores"`
	Ranking []string                       `json:"ranking"`
	Dots    map[string]int                 `json:"dots"`
	Slots   map[string]decide.Availability `json:"slots"`
	Reason  string                         `json:"reason"`
}

func (in ballotInput) ballot() decide.Ballot {
	return decide.Ballot{Choice: in.Choice, Scores: in.Scores, Ranking: in.Ranking, Dots: in.Dots, Slots: in.Slots, Reason: in.Reason}
}

func (s *Server) apiCastBallot(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in ballotInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if _, err := s.DB.CastBallot(r.Context(), id, in.ballot()); err != nil {
		return err
	}
	return s.writeProposal(w, r, id, http.StatusOK)
}
