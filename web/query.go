package web

import (
	"context"
	"net/http"
	"strconv"

	"sinergi"
)

// Query parameters shared by the list filters: each reader records a field
// error in v and returns the zero value when the text does not parse.

// queryID reads an optional positive integer id.
func queryID(r *http.Request, name string, v *sinergi.Validation) int64 {
	s := r.URL.Query().Get(name)
	if s == "" {
		return 0
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		v.Add(name, name+" harus bilangan bulat positif", name+" must be a positive integer")
		return 0
	}
	return id
}

// queryBool reads an optional true/false; nil when absent.
func queryBool(r *http.Request, name string, v *sinergi.Validation) *bool {
	s := r.URL.Query().Get(name)
	if s == "" {
		return nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		v.Add(name, name+" harus true atau false", name+" must be true or false")
		return nil
	}
	return &b
}

// queryPage reads offset and limit.
func queryPage(r *http.Request) (offset, limit int, err error) {
	if offset, err = queryInt(r, "offset"); err != nil {
		return 0, 0, err
	}
	limit, err = queryInt(r, "limit")
	return offset, limit, err
}

// listUnder serves a page of the records under the one named by the path's
// id (an agreement's reports, a programme's applications, …).
func listUnder[T any](w http.ResponseWriter, r *http.Request, list func(ctx context.Context, id int64, offset, limit int) (T, error)) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	off, lim, err := queryPage(r)
	if err != nil {
		return err
	}
	l, err := list(r.Context(), id, off, lim)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

// byID serves call on the record named by the path's id, answering 200 with
// what it returns.
func byID[T any](w http.ResponseWriter, r *http.Request, call func(ctx context.Context, id int64) (T, error)) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	out, err := call(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
