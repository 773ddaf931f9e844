package store

import (
	"errors"
	"fmt"
	"testing"

	"sinergi/sheet"
)

// readAhead hands every row in order, returns the source's format and
// error, and when fn fails stops the reader and returns fn's error.
func TestReadAhead(t *testing.T) {
	n := 3*importBatch + 7
	src := func(fail error) rowSource {
		return func(fn func(sheet.Row) error) (string, error) {
			for i := range n {
				if err := fn(sheet.Row{Line: i + 2}); err != nil {
					return "", err
				}
			}
			return "csv", fail
		}
	}
	var lines []int
	format, err := readAhead(src(nil), func(r sheet.Row) error { lines = append(lines, r.Line); return nil })
	if err != nil || format != "csv" || len(lines) != n {
		t.Fatalf("%q, %v, %d rows", format, err, len(lines))
	}
	for i, l := range lines {
		if l != i+2 {
			t.Fatalf("row %d has line %d", i, l)
		}
	}
	bad := errors.New("file broken")
	if _, err := readAhead(src(bad), func(sheet.Row) error { return nil }); err != bad {
		t.Errorf("source error: %v", err)
	}
	seen := 0
	stop := fmt.Errorf("database failed")
	if _, err := readAhead(src(nil), func(sheet.Row) error {
		if seen++; seen == importBatch+1 {
			return stop
		}
		return nil
	}); err != stop || seen != importBatch+1 {
		t.Errorf("fn error: %v after %d rows", err, seen)
	}
}
