package web_test

import (
	"encoding/json"
	"testing"
)

// FuzzAgreementImport posts arbitrary files (seeds in
// testdata/fuzz/FuzzAgreementImport: the template, filled xlsx and CSV in
// both separators, with a BOM, malformed, a PDF) to the agreement import in
// both modes. Whatever arrives, the answer is 200 with a consistent report
// or a 4xx problem on the file — never a 5xx, never a panic.
func FuzzAgreementImport(f *testing.F) {
	f.Add([]byte("kind,title,parties,start_date,end_date\nKSDD,Jalan,\"1;2\",2026-01-01,2030-12-31\n"), false)
	e := newEnv(f)
	f.Fuzz(func(t *testing.T, file []byte, validOnly bool) {
		te := *e // report through this run's t, not the F
		te.t = t
		path := "/api/v1/agreements/import"
		if validOnly {
			path += "?mode=valid_only"
		}
		r := upload(t, &te, path, "memberA", file)
		switch {
		case r.status == 200:
			var rep struct {
				Rows     int               `json:"rows"`
				Imported int               `json:"imported"`
				Problems []json.RawMessage `json:"problems"`
			}
			if err := json.Unmarshal(r.body, &rep); err != nil || rep.Imported < 0 || rep.Imported > rep.Rows || (!validOnly && rep.Imported > 0 && len(rep.Problems) > 0) {
				t.Fatalf("report %s (%v)", r.body, err)
			}
		case r.status == 400 || r.status == 413:
		default:
			t.Fatalf("%q: status %d: %s", file, r.status, r.body)
		}
	})
}
