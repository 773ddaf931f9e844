package assist

import "sinergi"

// Action is a step of the workflow.
type Action string

const (
	Submit   Action = "submit"
	Accept   Action = "accept"
	Refuse   Action = "refuse"
	Start    Action = "start"
	Complete Action = "complete"
	Cancel   Action = "cancel"
)

// Side is the party that may take an action.
type Side int

const (
	Requester Side = iota + 1
	Provider
	Either
)

type step struct {
	from []sinergi.AssistanceStatus
	to   sinergi.AssistanceStatus
	side Side
}

// workflow: draft → submitted → accepted | refused; accepted → in_progress
// → completed; the requester may cancel before acceptance. Only the
// provider answers (Pasal 36: the requested body refuses); only the
// requester submits and cancels.
var workflow = map[Action]step{
	Submit:   {[]sinergi.AssistanceStatus{sinergi.AssistDraft}, sinergi.AssistSubmitted, Requester},
	Accept:   {[]sinergi.AssistanceStatus{sinergi.AssistSubmitted}, sinergi.AssistAccepted, Provider},
	Refuse:   {[]sinergi.AssistanceStatus{sinergi.AssistSubmitted}, sinergi.AssistRefused, Provider},
	Start:    {[]sinergi.AssistanceStatus{sinergi.AssistAccepted}, sinergi.AssistInProgress, Provider},
	Complete: {[]sinergi.AssistanceStatus{sinergi.AssistInProgress}, sinergi.AssistCompleted, Either},
	Cancel:   {[]sinergi.AssistanceStatus{sinergi.AssistDraft, sinergi.AssistSubmitted}, sinergi.AssistCancelled, Requester},
}

// ActionSide returns who may take action a (0 for an unknown action).
func ActionSide(a Action) Side { return workflow[a].side }

// Transition returns the state after action a from state from, or a
// conflict error when the workflow does not allow it there.
func Transition(from sinergi.AssistanceStatus, a Action) (sinergi.AssistanceStatus, error) {
	s, ok := workflow[a]
	if !ok {
		return from, sinergi.Errorf(sinergi.CodeInvalid, "Tindakan tidak dikenal", "Unknown action")
	}
	for _, f := range s.from {
		if f == from {
			return s.to, nil
		}
	}
	l := sinergi.AssistanceStatusLabel[from]
	return from, &sinergi.Error{Code: sinergi.CodeConflict, Msg: sinergi.T(
		"Permohonan berstatus "+l.ID+"; langkah ini tidak dapat dilakukan sekarang",
		"The request is "+l.EN+"; this step is not possible now")}
}

// Allowed reports whether a is possible from state from.
func Allowed(from sinergi.AssistanceStatus, a Action) bool {
	_, err := Transition(from, a)
	return err == nil
}
