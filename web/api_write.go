package web

import (
	"context"
	"net/http"
)

// updateRecord serves the common shape of a write on an existing record: the
// id from the path, the version the client saw from If-Match, a JSON body
// decoded strictly into In, the store's method, and the record written back
// (with its ETag) by write. Modules whose handlers have exactly this shape call it
// instead of repeating it.
func updateRecord[In, Out any](w http.ResponseWriter, r *http.Request,
	call func(ctx context.Context, id, version int64, in In) (Out, error),
	write func(w http.ResponseWriter, status int, out Out)) error {
	id, version, err := recordTarget(r)
	if err != nil {
		return err
	}
	var in In
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	out, err := call(r.Context(), id, version, in)
	if err != nil {
		return err
	}
	write(w, http.StatusOK, out)
	return nil
}

// recordTarget reads the record id from the path and the version the client
// saw from If-Match (0 when it sent none).
func recordTarget(r *http.Request) (int64, int64, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return 0, 0, err
	}
	version, err := ifMatch(r)
	return id, version, err
}

// mergeRecord serves a PATCH that merges the JSON body onto the current
// record: base turns what load read into the input (and gives the version it
// was read at), the body's fields overwrite it, and save stores it under the
// version the client saw — or, without If-Match, the version just read, so a
// merge never lands on something newer than what it was merged onto.
func mergeRecord[Cur, In, Out any](w http.ResponseWriter, r *http.Request,
	load func(ctx context.Context, id int64) (Cur, error),
	base func(cur Cur) (in In, version int64),
	save func(ctx context.Context, id, version int64, in In) (Out, error),
	write func(out Out) error) error {
	id, version, err := recordTarget(r)
	if err != nil {
		return err
	}
	cur, err := load(r.Context(), id)
	if err != nil {
		return err
	}
	in, read := base(cur)
	if version == 0 {
		version = read
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	out, err := save(r.Context(), id, version, in)
	if err != nil {
		return err
	}
	return write(out)
}

// writeVersioned answers with a record and its ETag.
func writeVersioned(w http.ResponseWriter, status int, v any, version int64) {
	w.Header().Set("ETag", etag(version))
	writeJSON(w, status, v)
}
