package web

import (
	"embed"
	"encoding/json"
	"io/fs"
	"maps"
	"net/http"
	"path"
)

// The OpenAPI 3.1 description of /api/v1 is hand-written: openapi.json holds
// the document and the foundation's routes; each module adds a fragment in
// openapi/ with its own "paths" and "components". They are merged once at
// start, and the tests check real responses against the result.
//
//go:embed openapi.json openapi
var openapiFS embed.FS

var openapiDoc = mustMergeOpenAPI()

// OpenAPIDocument returns the merged document as served.
func OpenAPIDocument() []byte { return openapiDoc }

func mustMergeOpenAPI() []byte {
	var doc map[string]any
	b, err := openapiFS.ReadFile("openapi.json")
	if err != nil {
		panic(err)
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		panic("openapi.json: " + err.Error())
	}
	frags, _ := fs.Glob(openapiFS, "openapi/*.json")
	for _, name := range frags {
		b, err := openapiFS.ReadFile(name)
		if err != nil {
			panic(err)
		}
		var frag map[string]any
		if err := json.Unmarshal(b, &frag); err != nil {
			panic(path.Base(name) + ": " + err.Error())
		}
		mergeSection(doc, frag, "paths")
		fc, _ := frag["components"].(map[string]any)
		for kind := range fc {
			comps, _ := doc["components"].(map[string]any)
			mergeSection(comps, fc, kind)
		}
		if tags, ok := frag["tags"].([]any); ok {
			existing, _ := doc["tags"].([]any)
			doc["tags"] = append(existing, tags...)
		}
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(err)
	}
	return out
}

// mergeSection copies the entries of src[key] into dst[key]; a name defined
// twice is a programming error.
func mergeSection(dst, src map[string]any, key string) {
	s, _ := src[key].(map[string]any)
	if len(s) == 0 {
		return
	}
	d, _ := dst[key].(map[string]any)
	if d == nil {
		d = map[string]any{}
		dst[key] = d
	}
	for k := range s {
		if _, dup := d[k]; dup {
			panic("openapi: " + key + " " + k + " defined twice")
		}
	}
	maps.Copy(d, s)
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(openapiDoc)
	return nil
}
