package web_test

import (
	"strings"
	"testing"
)

// FuzzWriteDecoders sends arbitrary bodies to every write route of the API
// (issue 10, item 2): each POST, PUT and PATCH row of the authorisation
// matrix sets up the record it writes to, then the fuzzed body goes to it
// as a system admin — the account every check lets furthest. Whatever
// arrives, the answer is a 2xx or a 4xx problem, never a 5xx. The seeds are
// the rows' own valid bodies plus a few malformed shapes.
func FuzzWriteDecoders(f *testing.F) {
	m := newMatrix(f)
	var writes []matrixRow
	rows := matrixRows()
	for _, more := range matrixModules {
		rows = append(rows, more()...)
	}
	for _, row := range rows {
		method, rest, _ := strings.Cut(row.name, " ")
		// the accounts stay as they are: a fuzzed body that moved an account
		// to another organisation would turn later fixtures' checks around
		account := strings.HasPrefix(rest, "/me/") || strings.HasPrefix(rest, "/users")
		if (method == "POST" || method == "PUT" || method == "PATCH") && !account {
			writes = append(writes, row)
		}
	}
	if len(writes) < 50 {
		f.Fatalf("only %d write rows: the matrix lost its write routes", len(writes))
	}
	for i, row := range writes {
		_, _, body := row.setup(m)
		f.Add(uint(i), body)
		for _, bad := range []string{`[]`, `null`, `{"id":1e999}`, "{\"title\":\"\u0000\xff\"}", `{`} {
			f.Add(uint(i), bad)
		}
	}
	f.Fuzz(func(t *testing.T, i uint, body string) {
		row := writes[i%uint(len(writes))]
		// A fixture the fuzzed state no longer allows (an earlier body may
		// have changed a shared record) skips the run; only the answer to
		// the fuzzed body can fail it.
		m.t, m.env.t = skipOnFatal{t}, skipOnFatal{t}
		method, path, _ := row.setup(m)
		m.t, m.env.t = t, t
		r := m.do(method, path, "sys", body)
		if r.status >= 500 {
			t.Fatalf("%s (%s %s) body %q: status %d: %s", row.name, method, path, body, r.status, r.body)
		}
	})
}

// skipOnFatal turns a fixture's fatal error into a skip.
type skipOnFatal struct{ testing.TB }

func (s skipOnFatal) Fatal(args ...any)                 { s.TB.Helper(); s.TB.Skip(args...) }
func (s skipOnFatal) Fatalf(format string, args ...any) { s.TB.Helper(); s.TB.Skipf(format, args...) }
