package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// forumTasks: open proposals of forums where the user's organisation
// decides and has no position yet (with days left), and the overdue action
// items of the user's organisation.
func forumTasks(s *Server, r *http.Request) ([]task, error) {
	u := currentUser(r)
	if u == nil {
		return nil, nil
	}
	pend, err := s.DB.PendingPositions(r.Context(), u.OrganizationID)
	if err != nil {
		return nil, err
	}
	var out []task
	for _, p := range pend {
		days := max(0, int(time.Until(p.ClosesAt).Hours()/24))
		out = append(out, task{
			Text: fmt.Sprintf(pick(r, "Nyatakan posisi instansi Anda: “%s” (%s) — %d hari lagi", "Take your organisation's position: “%s” (%s) — %d days left"), p.Title, p.ForumName, days),
			Link: "/proposals/" + strconv.FormatInt(p.ProposalID, 10) + "#position"})
	}
	items, err := s.DB.OverdueActions(r.Context(), u.OrganizationID)
	if err != nil {
		return nil, err
	}
	for _, a := range items {
		out = append(out, task{
			Text: fmt.Sprintf(pick(r, "Tindak lanjut lewat tenggat (%s): %s", "Overdue action item (due %s): %s"), a.Due, a.Title),
			Link: "/meetings/" + strconv.FormatInt(a.MeetingID, 10) + "#actions"})
	}
	return out, nil
}
