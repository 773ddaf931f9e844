// Package harness holds what the reliability tools (tools/crashtest,
// tools/scaleout, tools/pgfault) share: starting and killing `sinergi serve`
// by PID, a fresh PostgreSQL database, API tokens, concurrent organisation
// writers that record every acknowledged write, and the check that every
// acknowledged write is present and the audit chain holds.
package harness

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// StartMax is how long Start waits for /readyz to answer 200.
const StartMax = 60 * time.Second

// Server is one `sinergi serve` process started by Start.
type Server struct {
	Name, Base string
	Cmd        *exec.Cmd
	Log        string // file with its stdout and stderr
	done       bool
}

// Start launches `sinergi serve` on a free 127.0.0.1 port with the given
// extra flags, appends its output to DIR/NAME.log and waits until /readyz
// answers 200.
func Start(bin, dsn, dir, name string, extra ...string) (*Server, error) {
	port, err := FreePort()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	s := &Server{Name: name, Base: "http://" + addr, Log: filepath.Join(dir, name+".log")}
	logf, err := os.OpenFile(s.Log, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	defer logf.Close()
	fmt.Fprintf(logf, "=== start %s\n", name)
	s.Cmd = exec.Command(bin, append([]string{"serve", "--db", dsn, "--addr", addr, "--quiet"}, extra...)...)
	s.Cmd.Stdout, s.Cmd.Stderr = logf, logf
	if err := s.Cmd.Start(); err != nil {
		return nil, err
	}
	deadline := time.Now().Add(StartMax)
	for time.Now().Before(deadline) {
		if s.Ready() == 200 {
			return s, nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.Kill()
	log, _ := os.ReadFile(s.Log)
	return nil, fmt.Errorf("%s did not become ready in %v; log:\n%s", name, StartMax, Tail(log, 2000))
}

// Ready returns the status of GET /readyz (0 when the server does not answer).
func (s *Server) Ready() int {
	c := http.Client{Timeout: 5 * time.Second}
	res, err := c.Get(s.Base + "/readyz")
	if err != nil {
		return 0
	}
	res.Body.Close()
	return res.StatusCode
}

// Stop ends the server gracefully (SIGTERM) and waits for it.
func (s *Server) Stop() { s.signal(syscall.SIGTERM) }

// Kill ends the server with SIGKILL (by its PID) and waits for it.
func (s *Server) Kill() { s.signal(syscall.SIGKILL) }

func (s *Server) signal(sig syscall.Signal) {
	if s == nil || s.done {
		return
	}
	s.Cmd.Process.Signal(sig)
	s.Cmd.Wait()
	s.done = true
}

// FreePort returns a TCP port free on 127.0.0.1 at the time of the call.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// RandDuration returns a uniformly random duration in [0, max).
func RandDuration(max time.Duration) time.Duration {
	if max <= 0 {
		return 0
	}
	n, _ := rand.Int(rand.Reader, big.NewInt(int64(max)))
	return time.Duration(n.Int64())
}

// FreshPostgres creates a new database named PREFIX_<random> on the server
// of admin and returns its URL and a function that drops it.
func FreshPostgres(admin, prefix string) (string, func(), error) {
	b := make([]byte, 6)
	rand.Read(b)
	name := prefix + "_" + hex.EncodeToString(b)
	db, err := sql.Open("pgx", admin)
	if err != nil {
		return "", nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		db.Close()
		return "", nil, fmt.Errorf("create database: %w", err)
	}
	u, err := url.Parse(admin)
	if err != nil {
		db.Close()
		return "", nil, err
	}
	u.Path = "/" + name
	return u.String(), func() {
		db.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
		db.Close()
	}, nil
}

// Demo loads the demo data into dsn.
func Demo(bin, dsn string) error {
	if out, err := exec.Command(bin, "demo", "--db", dsn).CombinedOutput(); err != nil {
		return fmt.Errorf("demo: %v: %s", err, out)
	}
	return nil
}

// Token makes an API token for the account email with `sinergi token create`.
func Token(bin, dsn, email string) (string, error) {
	out, err := exec.Command(bin, "token", "create", "--user", email, "--db", dsn).Output()
	if err != nil {
		return "", fmt.Errorf("token create %s: %v", email, err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	t := lines[len(lines)-1]
	if !strings.HasPrefix(t, "sng_") {
		return "", fmt.Errorf("token create printed %q", out)
	}
	return t, nil
}

// Tail returns the last n bytes of b.
func Tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return bytes.Clone(b)
}

// Do sends one request with the bearer token and returns status and body.
func Do(client *http.Client, method, url, tok, body string) (int, string, error) {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, _ := http.NewRequest(method, url, rd)
	req.Header.Set("Authorization", "Bearer "+tok)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.StatusCode, string(b), err
}

// GetJSON reads base+path into v and returns the status.
func GetJSON(client *http.Client, base, tok, path string, v any) (int, error) {
	st, body, err := Do(client, "GET", base+path, tok, "")
	if err != nil {
		return 0, err
	}
	if st == 200 && v != nil {
		return st, json.Unmarshal([]byte(body), v)
	}
	return st, nil
}
