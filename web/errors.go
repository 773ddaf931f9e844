package web

import (
	"errors"
	"net/http"

	"sinergi"
	"sinergi/store"
)

// status is the one table from error codes to HTTP status.
var status = map[sinergi.Code]int{
	sinergi.CodeInvalid:            http.StatusBadRequest,
	sinergi.CodeNotFound:           http.StatusNotFound,
	sinergi.CodeConflict:           http.StatusConflict,
	sinergi.CodeForbidden:          http.StatusForbidden,
	sinergi.CodeUnauthorized:       http.StatusUnauthorized,
	sinergi.CodePreconditionFailed: http.StatusPreconditionFailed,
	sinergi.CodeTooManyRequests:    http.StatusTooManyRequests,
	sinergi.CodeTooLarge:           http.StatusRequestEntityTooLarge,
	sinergi.CodeRuleViolation:      http.StatusUnprocessableEntity,
	sinergi.CodeInternal:           http.StatusInternalServerError,
}

// asDomain returns err as a domain error; anything else is internal and is
// logged here, once, with the request id.
func (s *Server) asDomain(r *http.Request, err error) *sinergi.Error {
	var e *sinergi.Error
	if errors.As(err, &e) && e.Code != sinergi.CodeInternal {
		return e
	}
	if ue := store.UserError(err); ue != nil && ue.Code != sinergi.CodeInternal {
		return ue
	}
	// a client that hung up makes the driver fail in its own words (pgx says
	// "bad connection"): that is a cancellation, not an internal error
	if r.Context().Err() != nil {
		s.Log.Info("request cancelled", "request_id", requestID(r))
	} else {
		s.Log.Error("internal error", "request_id", requestID(r), "method", r.Method, "path", r.URL.Path, "err", err)
	}
	return &sinergi.Error{Code: sinergi.CodeInternal,
		Msg: sinergi.T("Terjadi kesalahan internal (kode permintaan "+requestID(r)+")", "Internal error (request id "+requestID(r)+")")}
}

// Problem is an RFC 9457 problem document with Sinergi's extensions.
type Problem struct {
	Type      string         `json:"type"`
	Title     string         `json:"title"`
	Status    int            `json:"status"`
	Code      string         `json:"code"`
	Detail    string         `json:"detail"`
	Errors    []ProblemField `json:"errors,omitempty"`
	Citation  string         `json:"citation,omitempty"`
	RequestID string         `json:"request_id"`
}

// ProblemField is one field's problem.
type ProblemField struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// unavailable answers a request that failed because the database cannot
// be reached: 503 with Retry-After (logged as a warning, not an internal
// error); it reports whether err was such a failure.
func (s *Server) unavailable(w http.ResponseWriter, r *http.Request, err error) (sinergi.Text, bool) {
	if !store.Unavailable(err) || r.Context().Err() != nil {
		return sinergi.Text{}, false
	}
	s.Log.Warn("database unavailable", "request_id", requestID(r), "method", r.Method, "path", r.URL.Path, "err", err)
	w.Header().Set("Retry-After", "5")
	return sinergi.T("Basis data sedang tidak dapat dihubungi; coba lagi sebentar lagi (kode permintaan "+requestID(r)+")",
		"The database cannot be reached right now; try again in a moment (request id "+requestID(r)+")"), true
}

// apiError writes err as application/problem+json.
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	if msg, ok := s.unavailable(w, r, err); ok {
		st := http.StatusServiceUnavailable
		writeJSONStatus(w, "application/problem+json", st, Problem{Type: "about:blank", Title: http.StatusText(st), Status: st,
			Code: "unavailable", Detail: msg.In(apiLang(r)), RequestID: requestID(r)})
		return
	}
	e := s.asDomain(r, err)
	lang := apiLang(r)
	st := status[e.Code]
	p := Problem{Type: "about:blank", Title: http.StatusText(st), Status: st, Code: string(e.Code),
		Detail: e.Msg.In(lang), RequestID: requestID(r), Citation: e.Citation}
	if e.Rule != "" {
		p.Code = e.Rule
		p.Type = "/api/v1/problems/" + e.Rule
	}
	for _, f := range e.Fields {
		p.Errors = append(p.Errors, ProblemField{Field: f.Field, Message: f.Msg.In(lang)})
	}
	if e.Code == sinergi.CodeUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="sinergi"`)
	}
	writeJSONStatus(w, "application/problem+json", st, p)
}

// htmlError renders an error page for errors that are not a form's own.
func (s *Server) htmlError(w http.ResponseWriter, r *http.Request, err error) {
	if msg, ok := s.unavailable(w, r, err); ok {
		st := http.StatusServiceUnavailable
		s.render(w, r, st, "error", page{Title: http.StatusText(st), Data: map[string]any{"Status": st, "Message": msg.In(lang(r)), "RequestID": requestID(r)}})
		return
	}
	e := s.asDomain(r, err)
	if e.Code == sinergi.CodeUnauthorized && r.Method == http.MethodGet {
		http.Redirect(w, r, "/login?next="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	st := status[e.Code]
	s.render(w, r, st, "error", page{Title: http.StatusText(st), Data: map[string]any{"Status": st, "Message": e.Msg.In(lang(r)), "RequestID": requestID(r)}})
}

// invalidField is a 400 problem naming the field.
func invalidField(field, id, en string) error {
	var v sinergi.Validation
	v.Add(field, id, en)
	return v.Err()
}
