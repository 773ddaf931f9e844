package web

import "net/http"

// task is one line of the dashboard's "what needs me today".
type task struct{ Text, Link string }

// taskSources are the modules' contributions to the dashboard, each giving
// the logged-in user's open tasks (requests awaiting an answer, proposals
// without a position, reports due, …).
var taskSources = []func(s *Server, r *http.Request) ([]task, error){assistanceTasks, forumTasks, agreementTasks}

func (s *Server) tasks(r *http.Request) ([]task, error) {
	out := []task{}
	if currentUser(r) == nil {
		return out, nil
	}
	for _, src := range taskSources {
		ts, err := src(s, r)
		if err != nil {
			return nil, err
		}
		out = append(out, ts...)
	}
	return out, nil
}
