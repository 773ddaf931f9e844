package network

import (
	"strings"
	"testing"
	"time"
)

func TestReadLinks(t *testing.T) {
	in := "from,to,date,kind,directed\n# comment\na,b,2026-01-02,training,1\nb, a ,2025-12-31\nc,a,2026-02-01,forum,false\n"
	got, err := ReadLinks(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Link{
		{From: "a", To: "b", At: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Kind: "training", Directed: true},
		{From: "b", To: "a", At: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)},
		{From: "c", To: "a", At: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Kind: "forum"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d links, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("link %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	for _, bad := range []string{"a,b\n", "a,b,2026-13-01\n", "a,,2026-01-01\n", "a,b,2026-01-01,x,maybe\n", "a,b,2026-01-01,x,1,9\n", "a,\"b\n"} {
		if _, err := ReadLinks(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "line") && !strings.Contains(err.Error(), "CSV") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
