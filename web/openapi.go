package web

import (
	_ "embed"
	"net/http"
)

// openapiDoc is the hand-written OpenAPI 3.1 description of /api/v1; the
// tests check real responses against it.
//
//go:embed openapi.json
var openapiDoc []byte

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(openapiDoc)
	return nil
}
