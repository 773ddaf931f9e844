package web_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"sinergi/web"
)

// The OpenAPI document is hand-written; these tests keep it honest: every
// route of routes.go is in it and nothing else, and the real responses of
// every route validate against the schemas it declares for their status.

const openapiFile = "openapi.json"

// apiDoc is the parsed OpenAPI document with a schema compiler over it.
type apiDoc struct {
	raw      map[string]any
	compiler *jsonschema.Compiler
	compiled map[string]*jsonschema.Schema
}

func loadAPIDoc(t testing.TB) *apiDoc {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(web.OpenAPIDocument()))
	if err != nil {
		t.Fatalf("%s does not parse: %v", openapiFile, err)
	}
	raw, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("%s is not a JSON object", openapiFile)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(openapiFile, v); err != nil {
		t.Fatal(err)
	}
	return &apiDoc{raw: raw, compiler: c, compiled: map[string]*jsonschema.Schema{}}
}

// pointer builds a JSON pointer from unescaped tokens.
func pointer(tokens ...string) string {
	var sb strings.Builder
	for _, tok := range tokens {
		sb.WriteByte('/')
		sb.WriteString(strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1"))
	}
	return sb.String()
}

// lookup returns the value at a JSON pointer of the document.
func (d *apiDoc) lookup(ptr string) (any, bool) {
	var cur any = d.raw
	if ptr == "" {
		return cur, true
	}
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch c := cur.(type) {
		case map[string]any:
			var ok bool
			if cur, ok = c[tok]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// deref follows $ref (local references only) from the object at ptr and
// returns the object and its own pointer.
func (d *apiDoc) deref(ptr string) (map[string]any, string, error) {
	for range 10 {
		v, ok := d.lookup(ptr)
		if !ok {
			return nil, ptr, fmt.Errorf("nothing at #%s", ptr)
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil, ptr, fmt.Errorf("#%s is not an object", ptr)
		}
		ref, ok := m["$ref"].(string)
		if !ok {
			return m, ptr, nil
		}
		if !strings.HasPrefix(ref, "#/") {
			return nil, ptr, fmt.Errorf("#%s: only local references are supported, not %q", ptr, ref)
		}
		ptr = strings.TrimPrefix(ref, "#")
	}
	return nil, ptr, fmt.Errorf("#%s: too many references", ptr)
}

// schema compiles the schema at ptr (its $refs resolve inside the document).
func (d *apiDoc) schema(ptr string) (*jsonschema.Schema, error) {
	if s, ok := d.compiled[ptr]; ok {
		return s, nil
	}
	var frag strings.Builder
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		frag.WriteByte('/')
		frag.WriteString(url.PathEscape(tok))
	}
	s, err := d.compiler.Compile(openapiFile + "#" + frag.String())
	if err != nil {
		return nil, fmt.Errorf("schema #%s does not compile: %w", ptr, err)
	}
	d.compiled[ptr] = s
	return s, nil
}

// operations lists "METHOD /path" for every operation of the document.
func (d *apiDoc) operations() []string {
	paths, _ := d.raw["paths"].(map[string]any)
	var out []string
	for p, item := range paths {
		m, _ := item.(map[string]any)
		for method := range m {
			switch method {
			case "get", "put", "post", "delete", "options", "head", "patch", "trace":
				out = append(out, strings.ToUpper(method)+" "+p)
			}
		}
	}
	sort.Strings(out)
	return out
}

// template finds the documented path that a concrete request path matches,
// preferring literal segments over parameters.
func (d *apiDoc) template(path string) (string, bool) {
	path, _, _ = strings.Cut(path, "?")
	segs := strings.Split(path, "/")
	paths, _ := d.raw["paths"].(map[string]any)
	best, bestLiterals := "", -1
	for tmpl := range paths {
		ts := strings.Split(tmpl, "/")
		if len(ts) != len(segs) {
			continue
		}
		literals, ok := 0, true
		for i, s := range ts {
			switch {
			case strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}"):
				ok = ok && segs[i] != ""
			case s == segs[i]:
				literals++
			default:
				ok = false
			}
		}
		if ok && literals > bestLiterals {
			best, bestLiterals = tmpl, literals
		}
	}
	return best, bestLiterals >= 0
}

// check validates a response against the document: the operation of method
// and path must document status, the content type and body must fit the
// declared schema, and required headers must be present and fit theirs. It
// returns the operation ("METHOD /template").
func (d *apiDoc) check(method, path string, status int, header http.Header, body []byte) (string, error) {
	tmpl, ok := d.template(path)
	if !ok {
		return "", fmt.Errorf("path %s is not in %s", path, openapiFile)
	}
	key := method + " " + tmpl
	opPtr := pointer("paths", tmpl, strings.ToLower(method))
	if _, ok := d.lookup(opPtr); !ok {
		return "", fmt.Errorf("operation %s is not in %s", key, openapiFile)
	}
	res, resPtr, err := d.deref(opPtr + pointer("responses", strconv.Itoa(status)))
	if err != nil {
		return key, fmt.Errorf("status %d is not documented for %s (%v)", status, key, err)
	}
	var problems []string
	if hs, ok := res["headers"].(map[string]any); ok {
		names := make([]string, 0, len(hs))
		for n := range hs {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, name := range names {
			h, hPtr, err := d.deref(resPtr + pointer("headers", name))
			if err != nil {
				return key, err
			}
			val := header.Get(name)
			if val == "" {
				if req, _ := h["required"].(bool); req {
					problems = append(problems, "missing header "+name)
				}
				continue
			}
			if _, ok := h["schema"]; ok {
				s, err := d.schema(hPtr + "/schema")
				if err != nil {
					return key, err
				}
				if err := s.Validate(val); err != nil {
					problems = append(problems, fmt.Sprintf("header %s: %q: %v", name, val, err))
				}
			}
		}
	}
	content, _ := res["content"].(map[string]any)
	if len(content) == 0 {
		if len(body) != 0 {
			problems = append(problems, fmt.Sprintf("no body is documented but the response has %d bytes", len(body)))
		}
		return key, joinProblems(problems)
	}
	mt, _, err := mime.ParseMediaType(header.Get("Content-Type"))
	if err != nil {
		return key, fmt.Errorf("bad Content-Type %q: %v", header.Get("Content-Type"), err)
	}
	if _, ok := content[mt]; !ok {
		documented := make([]string, 0, len(content))
		for c := range content {
			documented = append(documented, c)
		}
		sort.Strings(documented)
		return key, fmt.Errorf("content type %s is not documented for status %d (documented: %s)", mt, status, strings.Join(documented, ", "))
	}
	s, err := d.schema(resPtr + pointer("content", mt, "schema"))
	if err != nil {
		return key, err
	}
	var v any = string(body)
	if mt == "application/json" || strings.HasSuffix(mt, "+json") {
		if v, err = jsonschema.UnmarshalJSON(bytes.NewReader(body)); err != nil {
			return key, fmt.Errorf("body is not JSON: %v", err)
		}
	}
	if err := s.Validate(v); err != nil {
		problems = append(problems, fmt.Sprintf("body does not match #%s:\n%v", resPtr+pointer("content", mt, "schema"), err))
	}
	return key, joinProblems(problems)
}

func joinProblems(ps []string) error {
	if len(ps) == 0 {
		return nil
	}
	return errors.New(strings.Join(ps, "\n"))
}

// routeRE matches the JSON API routes registered in routes.go and the
// modules' route files (routes_*.go).
var routeRE = regexp.MustCompile(`api\("([A-Z]+) (/api/v1/[^"]*)"`)

func TestOpenAPIDocument(t *testing.T) {
	d := loadAPIDoc(t)
	if d.raw["openapi"] != "3.1.0" {
		t.Errorf("openapi is %v, want 3.1.0", d.raw["openapi"])
	}
	if d.raw["jsonSchemaDialect"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("jsonSchemaDialect is %v", d.raw["jsonSchemaDialect"])
	}

	files, _ := filepath.Glob("routes*.go")
	var src []byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src = append(src, b...)
	}
	var routes []string
	for _, m := range routeRE.FindAllStringSubmatch(string(src), -1) {
		routes = append(routes, m[1]+" "+strings.ReplaceAll(m[2], "...}", "}")) // {name...} → {name}
	}
	if len(routes) < 10 {
		t.Fatalf("found only %d API routes in routes.go; has its layout changed?", len(routes))
	}
	sort.Strings(routes)
	ops := d.operations()
	for _, r := range routes {
		if !slices.Contains(ops, r) {
			t.Errorf("route %s (routes.go) is not documented in %s", r, openapiFile)
		}
	}
	for _, o := range ops {
		if !slices.Contains(routes, o) {
			t.Errorf("operation %s in %s is not a route in routes.go", o, openapiFile)
		}
	}

	// Every operation is complete and every schema it names compiles.
	ids := map[string]string{}
	paramRE := regexp.MustCompile(`\{([^}]+)\}`)
	for _, o := range ops {
		method, p, _ := strings.Cut(o, " ")
		opPtr := pointer("paths", p, strings.ToLower(method))
		op, _, err := d.deref(opPtr)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := op["operationId"].(string)
		if id == "" {
			t.Errorf("%s: no operationId", o)
		} else if other, dup := ids[id]; dup {
			t.Errorf("%s: operationId %s also used by %s", o, id, other)
		}
		ids[id] = o
		if s, _ := op["summary"].(string); s == "" {
			t.Errorf("%s: no summary", o)
		}
		pathParams := map[string]bool{}
		params, _ := op["parameters"].([]any)
		for i := range params {
			prm, prmPtr, err := d.deref(opPtr + pointer("parameters", strconv.Itoa(i)))
			if err != nil {
				t.Errorf("%s: %v", o, err)
				continue
			}
			name, _ := prm["name"].(string)
			if prm["in"] == "path" {
				pathParams[name] = true
				if prm["required"] != true {
					t.Errorf("%s: path parameter %s must be required", o, name)
				}
			}
			if _, err := d.schema(prmPtr + "/schema"); err != nil {
				t.Errorf("%s: parameter %s: %v", o, name, err)
			}
		}
		for _, m := range paramRE.FindAllStringSubmatch(p, -1) {
			if !pathParams[m[1]] {
				t.Errorf("%s: path parameter {%s} is not declared", o, m[1])
			}
		}
		if _, ok := op["requestBody"]; ok {
			rb, rbPtr, err := d.deref(opPtr + "/requestBody")
			if err != nil {
				t.Fatal(err)
			}
			content, _ := rb["content"].(map[string]any)
			for ct := range content {
				if _, err := d.schema(rbPtr + pointer("content", ct, "schema")); err != nil {
					t.Errorf("%s: request body: %v", o, err)
				}
			}
		}
		responses, _ := op["responses"].(map[string]any)
		if len(responses) == 0 {
			t.Errorf("%s: no responses", o)
		}
		success := false
		for st := range responses {
			res, resPtr, err := d.deref(opPtr + pointer("responses", st))
			if err != nil {
				t.Errorf("%s: response %s: %v", o, st, err)
				continue
			}
			n, err := strconv.Atoi(st)
			if err != nil || n < 100 || n > 599 {
				t.Errorf("%s: response %q is not an HTTP status", o, st)
			}
			success = success || n >= 200 && n < 300
			if s, _ := res["description"].(string); s == "" {
				t.Errorf("%s: response %s has no description", o, st)
			}
			content, _ := res["content"].(map[string]any)
			for ct := range content {
				if _, err := d.schema(resPtr + pointer("content", ct, "schema")); err != nil {
					t.Errorf("%s: response %s: %v", o, st, err)
				}
			}
			if n >= 400 && content["application/problem+json"] == nil {
				t.Errorf("%s: error response %s is not a problem document", o, st)
			}
		}
		if !success {
			t.Errorf("%s: no success response", o)
		}
	}

	// Every local reference anywhere in the document resolves.
	var walk func(v any, at string)
	walk = func(v any, at string) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				if _, ok := d.lookup(strings.TrimPrefix(ref, "#")); !strings.HasPrefix(ref, "#/") || !ok {
					t.Errorf("#%s: $ref %q does not resolve", at, ref)
				}
			}
			for k, x := range v {
				walk(x, at+pointer(k))
			}
		case []any:
			for i, x := range v {
				walk(x, at+pointer(strconv.Itoa(i)))
			}
		}
	}
	walk(d.raw, "")
	components, _ := d.raw["components"].(map[string]any)
	schemas, _ := components["schemas"].(map[string]any)
	for name := range schemas {
		if _, err := d.schema(pointer("components", "schemas", name)); err != nil {
			t.Errorf("components/schemas/%s: %v", name, err)
		}
	}
	if ss, _ := components["securitySchemes"].(map[string]any); ss["bearerAuth"] == nil || ss["cookieSession"] == nil {
		t.Errorf("security schemes bearerAuth and cookieSession must be defined")
	}
}

// TestOpenAPIValidatorRejects makes sure the validator can fail.
func TestOpenAPIValidatorRejects(t *testing.T) {
	d := loadAPIDoc(t)
	const org = `{"id":1,"name":"Pemerintah Kabupaten Maros","acronym":"","sector":"regency_government","public":true,` +
		`"region_code":"73.09","region_name":"Kabupaten Maros","parent_id":null,"version":1,` +
		`"created_at":"2026-01-02T03:04:05Z","updated_at":"2026-01-02T03:04:05.123456Z"}`
	hdr := func(kv ...string) http.Header {
		h := http.Header{"Content-Type": {"application/json; charset=utf-8"}, "Etag": {`"v1"`}, "X-Request-Id": {"0123456789abcdef"}}
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i+1] == "" {
				h.Del(kv[i])
			} else {
				h.Set(kv[i], kv[i+1])
			}
		}
		return h
	}
	if _, err := d.check("GET", "/api/v1/organizations/1", 200, hdr(), []byte(org)); err != nil {
		t.Fatalf("a correct organisation is rejected: %v", err)
	}
	tests := []struct {
		name, method, path string
		status             int
		header             http.Header
		body               string
		want               string // part of the error
	}{
		{"id is a string", "GET", "/api/v1/organizations/1", 200, hdr(), strings.Replace(org, `"id":1`, `"id":"x"`, 1), "/id"},
		{"required field missing", "GET", "/api/v1/organizations/1", 200, hdr(), strings.Replace(org, `"public":true,`, ``, 1), "public"},
		{"undocumented field", "GET", "/api/v1/organizations/1", 200, hdr(), strings.Replace(org, `{`, `{"colour":"red",`, 1), "colour"},
		{"unknown sector", "GET", "/api/v1/organizations/1", 200, hdr(), strings.Replace(org, `regency_government`, `guild`, 1), "sector"},
		{"bad timestamp", "GET", "/api/v1/organizations/1", 200, hdr(), strings.Replace(org, `2026-01-02T03:04:05Z`, `yesterday`, 1), "created_at"},
		{"missing ETag", "GET", "/api/v1/organizations/1", 200, hdr("ETag", ""), org, "ETag"},
		{"malformed ETag", "GET", "/api/v1/organizations/1", 200, hdr("ETag", "v1"), org, "ETag"},
		{"undocumented status", "GET", "/api/v1/organizations/1", 418, hdr(), org, "not documented"},
		{"undocumented content type", "GET", "/api/v1/organizations/1", 200, hdr("Content-Type", "text/html"), org, "text/html"},
		{"undocumented method", "PUT", "/api/v1/organizations/1", 200, hdr(), org, "not in"},
		{"undocumented path", "GET", "/api/v1/nothing/1", 200, hdr(), org, "not in"},
		{"body on 204", "DELETE", "/api/v1/units/1", 204, hdr(), `{}`, "no body"},
		{"problem with wrong status", "GET", "/api/v1/organizations/1", 404, hdr("Content-Type", "application/problem+json"),
			`{"type":"about:blank","title":"Not Found","status":400,"code":"not_found","detail":"x","request_id":"0123456789abcdef"}`, "status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := d.check(tt.method, tt.path, tt.status, tt.header, []byte(tt.body))
			if err == nil {
				t.Fatalf("validator accepted a wrong response")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error does not mention %q: %v", tt.want, err)
			}
		})
	}
}

// contract sends requests to the running server and checks each response
// against the document, remembering which statuses each operation gave.
type contract struct {
	t    *testing.T
	e    *env
	doc  *apiDoc
	seen map[string][]int
}

func (c *contract) verify(method, path string, status int, header http.Header, body []byte) {
	c.t.Helper()
	op, err := c.doc.check(method, path, status, header, body)
	if err != nil {
		c.t.Errorf("%s %s → %d: %v\nbody: %.400s", method, path, status, err, body)
	}
	if op != "" && !slices.Contains(c.seen[op], status) {
		c.seen[op] = append(c.seen[op], status)
	}
}

// call sends a request as the named account, checks its status and
// validates the response.
func (c *contract) call(want int, method, path, who, body string, header ...string) resp {
	c.t.Helper()
	r := c.e.do(method, path, who, body, header...)
	if r.status != want {
		c.t.Errorf("%s %s as %q: status %d, want %d: %.400s", method, path, who, r.status, want, r.body)
	}
	c.verify(method, path, r.status, r.header, r.body)
	return r
}

// id returns the "id" of a JSON response (fatal when there is none).
func (c *contract) id(r resp) int64 {
	c.t.Helper()
	if r.status >= 300 {
		c.t.Fatalf("cannot go on without the created record: %d %s", r.status, r.body)
	}
	n, ok := r.json(c.t)["id"].(float64)
	if !ok {
		c.t.Fatalf("no id in %s", r.body)
	}
	return int64(n)
}

func TestOpenAPIResponses(t *testing.T) {
	e := newEnv(t)
	c := &contract{t: t, e: e, doc: loadAPIDoc(t), seen: map[string][]int{}}
	orgA := fmt.Sprintf("/api/v1/organizations/%d", e.orgA.ID)
	orgB := fmt.Sprintf("/api/v1/organizations/%d", e.orgB.ID)
	const missing = "999999"
	badToken := []string{"Authorization", "Bearer sng_nope"}

	// Meta
	r := c.call(200, "GET", "/api/v1/openapi.json", "", "")
	if file := web.OpenAPIDocument(); !bytes.Equal(r.body, file) {
		t.Errorf("GET /api/v1/openapi.json does not serve %s", openapiFile)
	}
	c.call(401, "GET", "/api/v1/openapi.json", "", "", badToken...)

	// Regions
	c.call(200, "GET", "/api/v1/regions", "", "")
	c.call(200, "GET", "/api/v1/regions?q=maros&level=kabupaten", "", "")
	c.call(200, "GET", "/api/v1/regions?parent=73.09&offset=2&limit=3", "", "")
	c.call(200, "GET", "/api/v1/regions?q=73.09.01&level=village&limit=2", "", "")
	c.call(200, "GET", "/api/v1/regions?q=tidak-ada-wilayah-ini", "", "")
	c.call(400, "GET", "/api/v1/regions?level=planet", "", "")
	c.call(400, "GET", "/api/v1/regions?offset=-1", "", "", "Accept-Language", "en")
	c.call(401, "GET", "/api/v1/regions", "", "", badToken...)
	c.call(200, "GET", "/api/v1/regions/73", "", "")
	c.call(200, "GET", "/api/v1/regions/73.09", "", "")
	c.call(200, "GET", "/api/v1/regions/73.09.01", "", "")
	if r := c.call(200, "GET", "/api/v1/regions?parent=73.09.01&limit=1", "", ""); r.status == 200 {
		items, _ := r.json(t)["items"].([]any)
		if len(items) == 1 {
			village := items[0].(map[string]any)["code"].(string)
			c.call(200, "GET", "/api/v1/regions/"+village, "", "")
		}
	}
	c.call(404, "GET", "/api/v1/regions/99.99", "", "")

	// Sectors
	c.call(200, "GET", "/api/v1/sectors", "", "")
	c.call(200, "GET", "/api/v1/sectors", "", "", "Accept-Language", "en")
	c.call(401, "GET", "/api/v1/sectors", "", "", badToken...)

	// Organisations
	okOrg := `{"name":"Dinas Perhubungan Kabupaten Barru","acronym":"Dishub Barru","sector":"regency_government","region_code":"73.11"}`
	c.call(401, "POST", "/api/v1/organizations", "", okOrg)
	c.call(403, "POST", "/api/v1/organizations", "memberA", okOrg)
	c.call(403, "POST", "/api/v1/organizations", "adminA", okOrg, "Sec-Fetch-Site", "cross-site")
	c.call(400, "POST", "/api/v1/organizations", "adminA", `{"name":`)
	c.call(400, "POST", "/api/v1/organizations", "adminA", `{"name":"Dinas X","sector":"community","colour":"red"}`)
	c.call(400, "POST", "/api/v1/organizations", "adminA", `{"sector":"guild"}`, "Accept-Language", "en")
	created := c.call(201, "POST", "/api/v1/organizations", "adminA", okOrg)
	c.id(created)
	if loc := created.header.Get("Location"); loc != "" {
		c.call(200, "GET", loc, "", "")
	}
	child := c.id(c.call(201, "POST", "/api/v1/organizations", "sys",
		fmt.Sprintf(`{"name":"Bappelitbangda Maros","sector":"regency_government","region_code":"73.09","parent_id":%d}`, e.orgA.ID)))
	c.call(201, "POST", "/api/v1/organizations", "sys", `{"name":"JICA","sector":"foreign_institution"}`) // no region
	c.call(200, "GET", "/api/v1/organizations", "", "")
	c.call(200, "GET", "/api/v1/organizations?q=maros&sector=regency_government&region=73&public=true&offset=0&limit=10", "", "")
	c.call(200, "GET", fmt.Sprintf("/api/v1/organizations?parent_id=%d&region_code=73.09", e.orgA.ID), "", "")
	c.call(200, "GET", "/api/v1/organizations?public=false&offset=100", "", "")
	c.call(400, "GET", "/api/v1/organizations?sector=guild&parent_id=0", "", "")
	c.call(401, "GET", "/api/v1/organizations", "", "", badToken...)
	r = c.call(200, "GET", orgA, "", "")
	tag := r.header.Get("ETag")
	c.call(200, "GET", fmt.Sprintf("/api/v1/organizations/%d", child), "memberA", "")
	c.call(404, "GET", "/api/v1/organizations/"+missing, "", "")
	c.call(404, "GET", "/api/v1/organizations/abc", "", "")
	c.call(401, "GET", orgA, "", "", badToken...)
	c.call(200, "PATCH", orgA, "adminA", `{"acronym":"Pemkab Maros"}`, "If-Match", tag)
	c.call(200, "PATCH", orgA, "adminA", `{"acronym":"Pemkab Maros"}`, "Content-Type", "application/merge-patch+json")
	c.call(412, "PATCH", orgA, "adminA", `{"acronym":"X"}`, "If-Match", tag)
	c.call(412, "PATCH", orgA, "adminA", `{"acronym":"X"}`, "If-Match", `"garbage"`)
	c.call(400, "PATCH", orgA, "adminA", `{"sector":42}`)
	c.call(403, "PATCH", orgA, "partnerB", `{"acronym":"X"}`)
	c.call(401, "PATCH", orgA, "", `{"acronym":"X"}`)
	c.call(404, "PATCH", "/api/v1/organizations/"+missing, "sys", `{"acronym":"X"}`)

	// Units
	units := orgA + "/units"
	c.call(200, "GET", units, "", "")
	top := c.id(c.call(201, "POST", units, "adminA", `{"name":"Dinas Perhubungan","kind":"opd"}`))
	sub := c.id(c.call(201, "POST", units, "adminA", fmt.Sprintf(`{"name":"Bidang Lalu Lintas","kind":"division","parent_id":%d}`, top)))
	c.call(201, "POST", units, "sys", `{"name":"Sekretariat Daerah"}`)
	c.call(400, "POST", units, "adminA", `{"name":"X","kind":"guild"}`)
	c.call(403, "POST", units, "memberA", `{"name":"Dinas Kesehatan"}`)
	c.call(403, "POST", orgB+"/units", "adminA", `{"name":"Divisi Operasi"}`)
	c.call(401, "POST", units, "", `{"name":"Dinas Kesehatan"}`)
	c.call(404, "POST", "/api/v1/organizations/"+missing+"/units", "sys", `{"name":"Dinas Kesehatan"}`)
	c.call(200, "GET", units, "", "")
	c.call(404, "GET", "/api/v1/organizations/"+missing+"/units", "", "")
	unit := fmt.Sprintf("/api/v1/units/%d", sub)
	r = c.call(200, "GET", unit, "", "")
	tag = r.header.Get("ETag")
	c.call(404, "GET", "/api/v1/units/"+missing, "", "")
	c.call(401, "GET", unit, "", "", badToken...)
	c.call(200, "PATCH", unit, "adminA", `{"name":"Bidang Lalu Lintas dan Angkutan"}`, "If-Match", tag)
	c.call(412, "PATCH", unit, "adminA", `{"name":"Bidang Angkutan"}`, "If-Match", tag)
	c.call(400, "PATCH", unit, "adminA", `{"kind":"guild"}`)
	c.call(403, "PATCH", unit, "memberA", `{"name":"Bidang Angkutan"}`)
	c.call(401, "PATCH", unit, "", `{"name":"Bidang Angkutan"}`)
	c.call(404, "PATCH", "/api/v1/units/"+missing, "sys", `{"name":"Bidang Angkutan"}`)

	// People
	people := orgA + "/people"
	okPerson := fmt.Sprintf(`{"name":"Rahmat Contoh","nip":"198703152010011002","position":"Kepala Bidang","email":"rahmat@maroskab.go.id","unit_id":%d}`, top)
	p := c.id(c.call(201, "POST", people, "adminA", okPerson))
	c.call(201, "POST", people, "adminA", `{"name":"Mitra Tanpa Unit"}`)
	c.call(400, "POST", people, "adminA", `{"name":"X Y","nip":"123","email":"bukan surel"}`)
	c.call(400, "POST", people, "adminA", okPerson) // the same NIP again
	c.call(403, "POST", people, "memberA", `{"name":"Siti Contoh"}`)
	c.call(401, "POST", people, "", `{"name":"Siti Contoh"}`)
	c.call(404, "POST", "/api/v1/organizations/"+missing+"/people", "sys", `{"name":"Siti Contoh"}`)
	c.call(200, "GET", people, "partnerB", "")
	c.call(200, "GET", people+"?q=rahmat&offset=0&limit=1", "memberA", "")
	c.call(400, "GET", people+"?limit=x", "memberA", "")
	c.call(401, "GET", people, "", "")
	c.call(404, "GET", "/api/v1/organizations/"+missing+"/people", "memberA", "")
	person := fmt.Sprintf("/api/v1/people/%d", p)
	r = c.call(200, "GET", person, "memberA", "")
	tag = r.header.Get("ETag")
	c.call(401, "GET", person, "", "")
	c.call(404, "GET", "/api/v1/people/"+missing, "memberA", "")
	c.call(200, "PATCH", person, "adminA", `{"position":"Sekretaris Dinas","unit_id":null}`, "If-Match", tag)
	c.call(412, "PATCH", person, "adminA", `{"position":"X"}`, "If-Match", tag)
	c.call(400, "PATCH", person, "adminA", `{"email":"bukan surel"}`)
	c.call(403, "PATCH", person, "partnerB", `{"position":"X"}`)
	c.call(401, "PATCH", person, "", `{"position":"X"}`)
	c.call(404, "PATCH", "/api/v1/people/"+missing, "sys", `{"position":"X"}`)

	// Deleting
	c.call(409, "DELETE", fmt.Sprintf("/api/v1/units/%d", top), "adminA", "")
	c.call(403, "DELETE", unit, "memberA", "")
	c.call(401, "DELETE", unit, "", "")
	c.call(204, "DELETE", unit, "adminA", "")
	c.call(404, "DELETE", unit, "adminA", "")
	c.call(403, "DELETE", person, "partnerB", "")
	c.call(401, "DELETE", person, "", "")
	c.call(204, "DELETE", person, "adminA", "")
	c.call(404, "DELETE", person, "adminA", "")

	// Accounts
	c.call(200, "GET", orgA+"/users", "adminA", "")
	c.call(403, "GET", orgA+"/users", "memberA", "")
	c.call(401, "GET", orgA+"/users", "", "")
	c.call(404, "GET", "/api/v1/organizations/"+missing+"/users", "sys", "")
	okUser := fmt.Sprintf(`{"email":"Operator@MarosKab.go.id","name":"Operator Maros","organization_id":%d,"roles":["member","org_admin"],"password":"kata-sandi-baru-1"}`, e.orgA.ID)
	c.call(201, "POST", "/api/v1/users", "adminA", okUser)
	c.call(400, "POST", "/api/v1/users", "adminA", okUser) // e-mail taken
	c.call(400, "POST", "/api/v1/users", "adminA", `{"email":"x","roles":["king"],"password":"short"}`)
	c.call(403, "POST", "/api/v1/users", "adminA", fmt.Sprintf(`{"email":"root@maroskab.go.id","name":"Root","organization_id":%d,"roles":["system_admin"],"password":"kata-sandi-baru-1"}`, e.orgA.ID))
	c.call(403, "POST", "/api/v1/users", "memberA", okUser)
	c.call(401, "POST", "/api/v1/users", "", okUser)

	// The caller: by token and by the web UI's session cookie.
	c.call(200, "GET", "/api/v1/me", "memberA", "")
	c.call(401, "GET", "/api/v1/me", "", "")
	c.call(401, "GET", "/api/v1/me", "", "", badToken...)
	c.call(401, "GET", "/api/v1/me", "", "", "Authorization", "Basic YWJjOmRlZg==")
	browser := e.browser()
	e.login(browser, "memberA@sinergi.test")
	res, err := browser.Get(e.srv.URL + "/api/v1/me")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("GET /api/v1/me with a session cookie: %d %s", res.StatusCode, b)
	}
	c.verify("GET", "/api/v1/me", res.StatusCode, res.Header, b)

	c.call(200, "GET", "/api/v1/me/tokens", "memberA", "")
	c.call(401, "GET", "/api/v1/me/tokens", "", "")
	tok := c.id(c.call(201, "POST", "/api/v1/me/tokens", "memberA", `{"name":"skrip impor","expires_at":"2099-12-31T23:59:59+08:00"}`))
	c.call(201, "POST", "/api/v1/me/tokens", "memberA", `{"name":"tanpa kedaluwarsa","expires_at":null}`)
	c.call(400, "POST", "/api/v1/me/tokens", "memberA", `{"name":"","expires_at":"2000-01-01T00:00:00Z"}`)
	c.call(400, "POST", "/api/v1/me/tokens", "memberA", `{"name":"x","expires_at":"besok"}`)
	c.call(401, "POST", "/api/v1/me/tokens", "", `{"name":"x"}`)
	c.call(204, "DELETE", fmt.Sprintf("/api/v1/me/tokens/%d", tok), "memberA", "")
	c.call(204, "DELETE", fmt.Sprintf("/api/v1/me/tokens/%d", tok), "memberA", "")  // twice is harmless
	c.call(200, "GET", "/api/v1/me/tokens", "memberA", "")                          // now with a revoked one
	c.call(404, "DELETE", fmt.Sprintf("/api/v1/me/tokens/%d", tok), "partnerB", "") // another organisation's token: not found, no existence oracle
	c.call(404, "DELETE", "/api/v1/me/tokens/"+missing, "memberA", "")
	c.call(401, "DELETE", fmt.Sprintf("/api/v1/me/tokens/%d", tok), "", "")
	c.call(400, "POST", "/api/v1/me/password", "memberA", `{"old_password":"salah-sekali-1","new_password":"pendek"}`)
	c.call(400, "POST", "/api/v1/me/password", "memberA", `{"old_password":"kata-sandi-uji-1"}`, "Content-Type", "text/plain")
	c.call(401, "POST", "/api/v1/me/password", "", `{"old_password":"kata-sandi-uji-1","new_password":"kata-sandi-baru-2"}`)
	c.call(204, "POST", "/api/v1/me/password", "memberA", `{"old_password":"kata-sandi-uji-1","new_password":"kata-sandi-baru-2"}`)

	// Audit
	c.call(200, "GET", "/api/v1/audit", "sys", "")
	c.call(200, "GET", fmt.Sprintf("/api/v1/audit?entity=unit&entity_id=%d&offset=0&limit=5", sub), "sys", "")
	c.call(400, "GET", "/api/v1/audit?entity=unit&entity_id=x", "sys", "")
	c.call(403, "GET", "/api/v1/audit", "memberA", "")
	c.call(401, "GET", "/api/v1/audit", "", "")

	// Unknown API routes answer with the shared problem document.
	r = e.do("GET", "/api/v1/nothing-here", "", "")
	if s, err := c.doc.schema(pointer("components", "responses", "NotFound", "content", "application/problem+json", "schema")); err != nil {
		t.Error(err)
	} else if v, err := jsonschema.UnmarshalJSON(bytes.NewReader(r.body)); err != nil || r.status != 404 {
		t.Errorf("unknown route: %d %s", r.status, r.body)
	} else if err := s.Validate(v); err != nil {
		t.Errorf("unknown route: problem document does not match: %v", err)
	}

	// Every documented operation was seen to succeed and to fail. Modules'
	// operations (openapi/*.json) are checked by the modules' own tests.
	for _, op := range c.doc.operations() {
		if moduleOperation(t, op) {
			continue
		}
		sts := c.seen[op]
		sort.Ints(sts)
		if !slices.ContainsFunc(sts, func(s int) bool { return s >= 200 && s < 300 }) {
			t.Errorf("%s: no successful response exercised (saw %v)", op, sts)
		}
		if !slices.ContainsFunc(sts, func(s int) bool { return s >= 400 }) {
			t.Errorf("%s: no error response exercised (saw %v)", op, sts)
		}
	}
	if testing.Verbose() {
		for _, op := range c.doc.operations() {
			t.Logf("%-45s %v", op, c.seen[op])
		}
	}
}

// moduleOperation reports whether op ("METHOD /path") is documented in a
// module's fragment (openapi/*.json) rather than in openapi.json.
func moduleOperation(t *testing.T, op string) bool {
	t.Helper()
	files, _ := filepath.Glob("openapi/*.json")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var frag struct {
			Paths map[string]map[string]any `json:"paths"`
		}
		if err := json.Unmarshal(b, &frag); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		method, path, _ := strings.Cut(op, " ")
		if _, ok := frag.Paths[path][strings.ToLower(method)]; ok {
			return true
		}
	}
	return false
}
