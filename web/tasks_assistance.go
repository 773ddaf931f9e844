package web

import (
	"net/http"
	"strconv"

	"sinergi"
)

// assistanceTasks: requests awaiting my organisation's answer, with the
// working days left, and cost sharings awaiting my organisation's
// confirmation.
func assistanceTasks(s *Server, r *http.Request) ([]task, error) {
	u := currentUser(r)
	if !sinergi.CanActForOrganization(sinergi.ActorFrom(r.Context()), u.OrganizationID) {
		return nil, nil
	}
	var out []task
	waiting, err := s.DB.AssistanceRequests(r.Context(), sinergi.AssistanceFilter{Status: sinergi.AssistSubmitted, Role: "provider", Limit: 20})
	if err != nil {
		return nil, err
	}
	for i := range waiting.Items {
		a := &waiting.Items[i]
		v := bkView(r, a)
		out = append(out, task{Text: pick(r, "Jawab permohonan Bantuan Kedinasan dari ", "Answer the official-assistance request from ") +
			a.RequesterOrgName + ": " + a.Subject + " — " + v.Days, Link: bkPath(a.ID, "/respond")})
	}
	for _, role := range []string{"requester", "provider"} {
		l, err := s.DB.AssistanceRequests(r.Context(), sinergi.AssistanceFilter{Role: role, Limit: 50})
		if err != nil {
			return nil, err
		}
		for i := range l.Items {
			a := &l.Items[i]
			mine := a.CostSharing.RequesterConfirmedAt
			if role == "provider" {
				mine = a.CostSharing.ProviderConfirmedAt
			}
			if a.CostEstimate > 0 && len(a.CostSharing.Shares) > 0 && mine == nil && (a.Status == sinergi.AssistSubmitted || a.Status == sinergi.AssistAccepted) {
				out = append(out, task{Text: pick(r, "Setujui pembagian biaya: ", "Confirm the cost sharing: ") + a.Subject + " (" + strconv.FormatInt(a.ID, 10) + ")",
					Link: bkPath(a.ID, "/costs")})
			}
		}
	}
	return out, nil
}
