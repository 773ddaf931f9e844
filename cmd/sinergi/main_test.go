package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"sinergi"
	"sinergi/demo"
	"sinergi/store"
	"sinergi/store/storetest"
)

// run executes a command line in-process and returns its exit code and output.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCommandLine(t *testing.T) {
	dsn := storetest.DSN(t)
	if code, out, errs := run(t, "", "demo", "--db", dsn); code != 0 || !strings.Contains(out, "DEMO") || !strings.Contains(out, "admin@sinergi.test") {
		t.Fatalf("demo: %d %s %s", code, out, errs)
	}
	code, out, errs := run(t, "", "user", "list", "--json", "--db", dsn)
	if code != 0 {
		t.Fatalf("user list: %d %s", code, errs)
	}
	var users []struct {
		Email          string   `json:"email"`
		OrganizationID int64    `json:"organization_id"`
		Roles          []string `json:"roles"`
	}
	if err := json.Unmarshal([]byte(out), &users); err != nil || len(users) < 10 {
		t.Fatalf("user list --json: %v, %d users", err, len(users))
	}
	found := false
	for _, u := range users {
		if u.Email == "admin@sinergi.test" && u.OrganizationID > 0 && len(u.Roles) == 1 && u.Roles[0] == "system_admin" {
			found = true
		}
	}
	if !found {
		t.Fatal("admin@sinergi.test with system_admin not listed")
	}
	code, out, errs = run(t, "", "token", "create", "--user", "admin@sinergi.test", "--db", dsn)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || !strings.HasPrefix(lines[len(lines)-1], "sng_") {
		t.Fatalf("token create: %d %q %s", code, out, errs)
	}
	if code, out, _ := run(t, "", "audit", "verify", "--db", dsn); code != 0 || !strings.Contains(out, "utuh") {
		t.Fatalf("audit verify: %d %s", code, out)
	}
	if code, out, _ := run(t, "kata-sandi-baru-123\n", "user", "passwd", "--email", "admin@sinergi.test", "--db", dsn); code != 0 {
		t.Fatalf("user passwd: %d %s", code, out)
	}
	// a login lockout lifted from the command line
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	for range store.AccountFailures {
		db.Login(context.Background(), "admin.ugm@sinergi.test", "tebak-tebak-1", "")
	}
	if _, err := db.Login(context.Background(), "admin.ugm@sinergi.test", demo.Password, ""); sinergi.ErrorCode(err) != sinergi.CodeTooManyRequests {
		t.Fatalf("not locked: %v", err)
	}
	if code, out, errs := run(t, "", "user", "unlock", "admin.ugm@sinergi.test", "--db", dsn); code != 0 || !strings.Contains(out, "unlocked") {
		t.Fatalf("user unlock: %d %s %s", code, out, errs)
	}
	if _, err := db.Login(context.Background(), "admin.ugm@sinergi.test", demo.Password, ""); err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	db.Close()
	bad := [][]string{
		{"user", "unlock", "--db", dsn},
		{"nonsense"},
		{"user", "create", "--email", "x", "--db", dsn},
		{"token", "create", "--user", "nobody@sinergi.test", "--db", dsn},
		{"serve", "--db", "mysql://x"},
		{"serve", "--trusted-proxies", "10.0.0.0/99", "--db", dsn},
		{"user", "list", "stray", "--db", dsn},
	}
	for _, args := range bad {
		if code, _, errs := run(t, "", args...); code == 0 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want a failure with a message", args, code, errs)
		}
	}
	if code, out, _ := run(t, "", "version"); code != 0 || !strings.HasPrefix(out, "sinergi ") {
		t.Fatalf("version: %d %q", code, out)
	}
}

func TestServeRefusesOutdatedSchema(t *testing.T) {
	dsn := storetest.DSN(t)
	code, _, errs := run(t, "", "serve", "--no-migrate", "--addr", "127.0.0.1:0", "--db", dsn)
	if code == 0 || !strings.Contains(errs, "sinergi migrate") {
		t.Fatalf("got %d %q; want refusal naming `sinergi migrate`", code, errs)
	}
}

// syncBuffer is a buffer the server goroutine writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeDemoAndShutdown(t *testing.T) {
	dsn := storetest.DSN(t)
	ctx, cancel := context.WithCancel(context.Background())
	out, logs := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, []string{"serve", "--demo", "--addr", "127.0.0.1:0", "--db", dsn}, strings.NewReader(""), out, logs)
	}()
	re := regexp.MustCompile(`http://127\.0\.0\.1:\d+`)
	var base string
	for base == "" {
		select {
		case code := <-done:
			t.Fatalf("serve exited early with %d: %s %s", code, out.String(), logs.String())
		case <-time.After(20 * time.Millisecond):
			base = re.FindString(out.String())
		}
	}
	if !strings.Contains(out.String(), "DEMO") {
		t.Fatalf("no demo warning printed: %s", out.String())
	}
	res, err := http.Get(base + "/readyz")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("readyz: %v %v", err, res)
	}
	res.Body.Close()
	res, _ = http.Get(base + "/api/v1/organizations?limit=1")
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !bytes.Contains(body, []byte(`"total":`)) {
		t.Fatalf("organizations: %s", body)
	}
	cancel() // as SIGTERM does
	if code := <-done; code != 0 {
		t.Fatalf("shutdown exit %d: %s", code, logs.String())
	}
	// the access log is JSON with a request id
	sc := bufio.NewScanner(strings.NewReader(logs.String()))
	seen := false
	for sc.Scan() {
		var m map[string]any
		if json.Unmarshal(sc.Bytes(), &m) == nil && m["msg"] == "request" && m["request_id"] != "" {
			seen = true
		}
	}
	if !seen {
		t.Fatalf("no JSON request log line: %s", logs.String())
	}
}

func TestAuditVerifyNamesBrokenEntry(t *testing.T) {
	dsn := storetest.DSN(t)
	if code, _, errs := run(t, "", "demo", "--db", dsn); code != 0 {
		t.Fatal(errs)
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := []string{`DROP TRIGGER audit_log_no_update`, `UPDATE audit_log SET actor = 'mallory' WHERE id = 5`}
	if db.Dialect == store.Postgres {
		stmts = []string{`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`, stmts[1]}
	}
	for _, s := range stmts {
		if _, err := db.SQL.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	code, _, errs := run(t, "", "audit", "verify", "--db", dsn)
	if code == 0 || !strings.Contains(errs, "entri 5") {
		t.Fatalf("got exit %d, %q; want failure naming entry 5", code, errs)
	}
}
