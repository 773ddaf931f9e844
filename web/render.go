package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"sinergi"
)

//go:embed templates
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// assetNames maps "style.css" to its content-hashed name "style.1a2b3c4d.css".
var assetNames, assetFiles = hashAssets()

func hashAssets() (map[string]string, map[string]string) {
	names, files := map[string]string{}, map[string]string{}
	fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := staticFS.ReadFile(p)
		sum := sha256.Sum256(b)
		base := strings.TrimPrefix(p, "static/")
		ext := path.Ext(base)
		hashed := strings.TrimSuffix(base, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		names[base], files[hashed] = hashed, p
		return nil
	})
	return names, files
}

// staticHandler serves assets under their hashed names, cached for a year.
func staticHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := assetFiles[strings.TrimPrefix(r.URL.Path, "/static/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		http.ServeFileFS(w, r, staticFS, p)
	})
}

// page is what every template gets.
type page struct {
	Title  string
	Lang   string
	User   *sinergi.User
	Flash  string
	Path   string
	Form   url.Values
	Errors []sinergi.FieldError // shown in the error summary and by each field
	ErrMsg string
	Data   any
	Unread int // unread notifications (notifications.go)
}

// T picks the Indonesian or English text.
func (p page) T(id, en string) string {
	if p.Lang == "en" {
		return en
	}
	return id
}

// Tx translates a domain text.
func (p page) Tx(t sinergi.Text) string { return t.In(p.Lang) }

// FieldErr is the message for one field, or "".
func (p page) FieldErr(field string) string {
	for _, e := range p.Errors {
		if e.Field == field {
			return e.Msg.In(p.Lang)
		}
	}
	return ""
}

// Val is the submitted value of a form field.
func (p page) Val(field string) string { return p.Form.Get(field) }

// Date and DateTime format times in the page's language.
func (p page) Date(t time.Time) string     { return FormatDate(t, p.Lang) }
func (p page) DateTime(t time.Time) string { return FormatDateTime(t, p.Lang) }

// Can reports whether the user holds a role.
func (p page) Can(role string) bool {
	return p.User != nil && slices.Contains(p.User.Roles, sinergi.Role(role))
}

type pages struct{ t map[string]*template.Template }

var funcs = template.FuncMap{
	"asset": func(name string) string { return "/static/" + assetNames[name] },
	"sectorLabel": func(lang string, s sinergi.Sector) string {
		if i, ok := sinergi.LookupSector(s); ok {
			return i.Label.In(lang)
		}
		return string(s)
	},
	"num": func(n int) string { return formatInt(int64(n)) },
	"add": func(a, b int) int { return a + b },
	"deref": func(p *int64) int64 {
		if p == nil {
			return 0
		}
		return *p
	},
	"indent": func(d int) string { return strings.Repeat("— ", d) },
	"query": func(kv ...any) template.URL { // builds "?a=1&b=2" skipping empty values
		v := url.Values{}
		for i := 0; i+1 < len(kv); i += 2 {
			if s := toString(kv[i+1]); s != "" && s != "0" {
				v.Set(toString(kv[i]), s)
			}
		}
		return template.URL("?" + v.Encode())
	},
}

func toString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case sinergi.Sector:
		return string(x)
	}
	return ""
}

// formatInt writes 1234567 as "1.234.567".
func formatInt(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func mustParsePages() *pages {
	ps := &pages{t: map[string]*template.Template{}}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	for _, n := range names {
		base := strings.TrimSuffix(path.Base(n), ".html")
		if base == "layout" || base == "partials" {
			continue
		}
		ps.t[base] = template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partials.html", n))
	}
	return ps
}

// render writes a page inside the layout.
func (s *Server) render(w http.ResponseWriter, r *http.Request, st int, name string, p page) {
	p.Lang = lang(r)
	p.User = currentUser(r)
	p.Unread = s.unreadCount(r)
	p.Path = r.URL.RequestURI()
	if p.Form == nil {
		p.Form = url.Values{}
	}
	if c, err := r.Cookie("flash"); err == nil {
		if v, err := url.QueryUnescape(c.Value); err == nil {
			p.Flash = v
		}
		http.SetCookie(w, &http.Cookie{Name: "flash", Path: "/", MaxAge: -1})
	}
	t, ok := s.pages.t[name]
	if !ok {
		s.Log.Error("missing template", "name", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		s.Log.Error("render", "template", name, "request_id", requestID(r), "err", err)
		http.Error(w, "internal error "+requestID(r), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(st)
	w.Write(buf.Bytes())
}

// flash shows a message on the next page rendered.
func flash(w http.ResponseWriter, msg string) {
	http.SetCookie(w, &http.Cookie{Name: "flash", Value: url.QueryEscape(msg), Path: "/", MaxAge: 60, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

// formErrors turns a domain error into the form's messages; other errors
// are returned for the generic error page.
func formErrors(err error) ([]sinergi.FieldError, string, error) {
	var e *sinergi.Error
	if !errors.As(err, &e) || (e.Code != sinergi.CodeInvalid && e.Code != sinergi.CodeConflict && e.Code != sinergi.CodePreconditionFailed && e.Code != sinergi.CodeRuleViolation) {
		return nil, "", err
	}
	fields := e.Fields
	if len(fields) == 0 {
		fields = []sinergi.FieldError{{Field: "", Msg: e.Msg}}
	}
	return fields, e.Msg.ID, nil
}
