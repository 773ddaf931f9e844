package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"sinergi"
)

// maxBody is the largest JSON request body accepted.
const maxBody = 1 << 20

// marshalJSON encodes v as the API writes it (no HTML escaping, final newline).
func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return buf.Bytes(), err
}

func writeJSONStatus(w http.ResponseWriter, contentType string, st int, v any) {
	b, err := marshalJSON(v)
	if err != nil {
		http.Error(w, `{"code":"internal"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(st)
	w.Write(b)
}

func writeJSON(w http.ResponseWriter, st int, v any) {
	writeJSONStatus(w, "application/json; charset=utf-8", st, v)
}

// decodeJSON reads one JSON object into v, strictly: unknown fields, wrong
// types, trailing data and oversized bodies are refused with the field named.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	ct := r.Header.Get("Content-Type")
	if ct != "" && !strings.HasPrefix(ct, "application/json") && !strings.HasPrefix(ct, "application/merge-patch+json") {
		return sinergi.Errorf(sinergi.CodeInvalid, "Isi permintaan harus JSON (Content-Type: application/json)", "The request body must be JSON (Content-Type: application/json)")
	}
	body := http.MaxBytesReader(w, r.Body, maxBody)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, e := dec.Token(); e != io.EOF {
			return sinergi.Errorf(sinergi.CodeInvalid, "Isi permintaan harus satu objek JSON saja", "The request body must hold one JSON object only")
		}
		return nil
	}
	var (
		syn  *json.SyntaxError
		typ  *json.UnmarshalTypeError
		tooB *http.MaxBytesError
	)
	field := func(name, id, en string) error {
		return &sinergi.Error{Code: sinergi.CodeInvalid, Msg: sinergi.T(id, en),
			Fields: []sinergi.FieldError{{Field: name, Msg: sinergi.T(id, en)}}}
	}
	switch {
	case errors.As(err, &tooB):
		return sinergi.Errorf(sinergi.CodeInvalid, "Isi permintaan terlalu besar (maksimal %d KiB)", "The request body is too large (at most %d KiB)", maxBody>>10)
	case errors.Is(err, io.EOF):
		return sinergi.Errorf(sinergi.CodeInvalid, "Isi permintaan kosong; kirim objek JSON", "Empty request body; send a JSON object")
	case errors.As(err, &syn), errors.Is(err, io.ErrUnexpectedEOF):
		return sinergi.Errorf(sinergi.CodeInvalid, "JSON tidak valid", "Malformed JSON")
	case errors.As(err, &typ):
		name := typ.Field
		if name == "" {
			name = "body"
		}
		return field(name, fmt.Sprintf("Jenis nilai salah untuk %s (seharusnya %s)", name, typeName(typ.Type.String())),
			fmt.Sprintf("Wrong type for %s (expected %s)", name, typeName(typ.Type.String())))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return field(name, "Kolom tidak dikenal: "+name, "Unknown field: "+name)
	}
	return sinergi.Errorf(sinergi.CodeInvalid, "Isi permintaan tidak dapat dibaca", "The request body cannot be read")
}

func typeName(t string) string {
	t = strings.TrimPrefix(strings.TrimPrefix(t, "*"), "[]")
	switch {
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"), strings.HasPrefix(t, "float"):
		return "number"
	case t == "bool":
		return "boolean"
	case t == "string", strings.HasPrefix(t, "sinergi."):
		return "string"
	}
	return t
}

// pathID parses a positive integer path value; anything else is not found.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, sinergi.NotFound("Data", "Record")
	}
	return id, nil
}

// queryInt parses an optional integer query parameter.
func queryInt(r *http.Request, name string) (int, error) {
	s := r.URL.Query().Get(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 1_000_000_000 {
		return 0, &sinergi.Error{Code: sinergi.CodeInvalid, Msg: sinergi.T("Parameter "+name+" harus bilangan bulat tidak negatif", "Parameter "+name+" must be a non-negative integer"),
			Fields: []sinergi.FieldError{{Field: name, Msg: sinergi.T("harus bilangan bulat tidak negatif", "must be a non-negative integer")}}}
	}
	return n, nil
}

// etag is the entity tag of a record version.
func etag(version int64) string { return `"v` + strconv.FormatInt(version, 10) + `"` }

// ifMatch returns the version named by If-Match: 0 when absent or "*".
func ifMatch(r *http.Request) (int64, error) {
	h := strings.TrimSpace(r.Header.Get("If-Match"))
	if h == "" || h == "*" {
		return 0, nil
	}
	h = strings.TrimPrefix(h, "W/")
	if len(h) > 3 && strings.HasPrefix(h, `"v`) && strings.HasSuffix(h, `"`) {
		if v, err := strconv.ParseInt(h[2:len(h)-1], 10, 64); err == nil && v > 0 {
			return v, nil
		}
	}
	return 0, sinergi.Stale()
}
