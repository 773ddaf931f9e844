package harness

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Ack is a write the server acknowledged (201): an organisation with a
// unique name.
type Ack struct {
	ID   int64
	Name string
}

// StatusError is CreateOrg's error when the server answered, but not 201
// with the organisation.
type StatusError struct {
	Status int
	Body   string
}

func (e *StatusError) Error() string { return fmt.Sprintf("status %d: %.200s", e.Status, e.Body) }

// CreateOrg creates an organisation named name through the API; the error
// is a *StatusError when the server answered otherwise.
func CreateOrg(client *http.Client, base, tok, name string) (int64, error) {
	st, body, err := Do(client, "POST", base+"/api/v1/organizations", tok, fmt.Sprintf(`{"name":%q,"sector":"community","region_code":"73.71"}`, name))
	if err != nil {
		return 0, err
	}
	var o struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	}
	if st != http.StatusCreated || json.Unmarshal([]byte(body), &o) != nil || o.ID == 0 || o.Name != name {
		return 0, &StatusError{st, body}
	}
	return o.ID, nil
}

// Writers runs n goroutines; writer w calls write(w, i) for i = 0, 1, …
// until write returns false or the returned stop function is called. stop
// waits for all writers.
func Writers(n int, write func(w, i int) bool) (stop func()) {
	var halt atomic.Bool
	var wg sync.WaitGroup
	for w := range n {
		wg.Go(func() {
			for i := 0; !halt.Load(); i++ {
				if !write(w, i) {
					return
				}
			}
		})
	}
	return func() { halt.Store(true); wg.Wait() }
}

// Client is an HTTP client for n concurrent writers.
func Client(n int) *http.Client {
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: n}}
}

// Verified is what Verify found.
type Verified struct {
	Present       int    // acknowledged writes found with their name
	Organizations int    // organisations in the database
	Audit         string // `sinergi audit verify` output
	AuditEntries  int
}

// Verify reads every acknowledged organisation through the server at base,
// checks that there are as many organisations as audit entries for
// organisations (nothing half-written) and runs `sinergi audit verify`.
func Verify(client *http.Client, bin, dsn, base, tok string, acked []Ack) (Verified, error) {
	var v Verified
	var missing []string
	for _, a := range acked {
		var o struct {
			Name string `json:"name"`
		}
		st, err := GetJSON(client, base, tok, fmt.Sprintf("/api/v1/organizations/%d", a.ID), &o)
		if err != nil {
			return v, err
		}
		if st != 200 || o.Name != a.Name {
			missing = append(missing, fmt.Sprintf("#%d %q (status %d, name %q)", a.ID, a.Name, st, o.Name))
			continue
		}
		v.Present++
	}
	if len(missing) > 0 {
		return v, fmt.Errorf("LOST %d of %d acknowledged writes, first: %s", len(missing), len(acked), missing[0])
	}
	var orgs, creates struct {
		Total int `json:"total"`
	}
	for _, q := range []struct {
		path string
		v    any
	}{{"/api/v1/organizations?limit=1", &orgs}, {"/api/v1/audit?entity=organization&limit=1", &creates}} {
		if st, err := GetJSON(client, base, tok, q.path, q.v); err != nil || st != 200 {
			return v, fmt.Errorf("GET %s: %d %v", q.path, st, err)
		}
	}
	if orgs.Total != creates.Total {
		return v, fmt.Errorf("HALF-WRITTEN: %d organisations but %d audit entries for organisations", orgs.Total, creates.Total)
	}
	v.Organizations = orgs.Total
	out, err := exec.Command(bin, "audit", "verify", "--db", dsn).CombinedOutput()
	if err != nil {
		return v, fmt.Errorf("audit verify: %v: %s", err, out)
	}
	v.Audit = strings.TrimSpace(string(out))
	if _, after, ok := strings.Cut(v.Audit, ":"); ok {
		fmt.Sscanf(after, "%d", &v.AuditEntries)
	}
	return v, nil
}
