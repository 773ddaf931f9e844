package audit

import (
	"errors"
	"testing"
)

func chain(n int) []Entry {
	var out []Entry
	prev := ""
	for i := 1; i <= n; i++ {
		e := Entry{ID: int64(i * 2), At: "2026-11-29T10:00:00Z", ActorID: 1, Actor: "a@sinergi.test",
			Action: "update", Entity: "organization", EntityID: 7, Before: `{"name":"A"}`, After: `{"name":"B"}`, PrevHash: prev}
		e.Hash = Hash(e)
		prev = e.Hash
		out = append(out, e)
	}
	return out
}

func verify(es []Entry, headID int64, headHash string) error {
	var v Verifier
	for _, e := range es {
		if err := v.Next(e); err != nil {
			return err
		}
	}
	return v.End(headID, headHash)
}

func TestVerify(t *testing.T) {
	tests := []struct {
		name   string
		mutate func([]Entry) ([]Entry, int64, string)
		wantID int64 // 0 = intact
	}{
		{"intact", func(es []Entry) ([]Entry, int64, string) { return es, es[4].ID, es[4].Hash }, 0},
		{"empty log, empty head", func([]Entry) ([]Entry, int64, string) { return nil, 0, "" }, 0},
		{"altered field", func(es []Entry) ([]Entry, int64, string) {
			es[2].After = `{"name":"C"}`
			return es, es[4].ID, es[4].Hash
		}, 6},
		{"altered and rehashed", func(es []Entry) ([]Entry, int64, string) {
			es[1].Actor = "mallory"
			es[1].Hash = Hash(es[1])
			return es, es[4].ID, es[4].Hash
		}, 6},
		{"middle removed", func(es []Entry) ([]Entry, int64, string) {
			h := es[4]
			return append(es[:2], es[3:]...), h.ID, h.Hash
		}, 8},
		{"first removed", func(es []Entry) ([]Entry, int64, string) { return es[1:], es[4].ID, es[4].Hash }, 4},
		{"last removed", func(es []Entry) ([]Entry, int64, string) { return es[:4], es[4].ID, es[4].Hash }, 10},
		{"reordered", func(es []Entry) ([]Entry, int64, string) {
			es[1], es[2] = es[2], es[1]
			return es, es[4].ID, es[4].Hash
		}, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, id, h := tt.mutate(chain(5))
			err := verify(es, id, h)
			var b *Broken
			switch {
			case tt.wantID == 0 && err != nil:
				t.Fatalf("got %v, want intact", err)
			case tt.wantID != 0 && !errors.As(err, &b):
				t.Fatalf("got %v, want broken at %d", err, tt.wantID)
			case tt.wantID != 0 && b.ID != tt.wantID:
				t.Fatalf("got broken at %d (%s), want %d", b.ID, b.Reason, tt.wantID)
			}
		})
	}
}

func TestHashCoversEveryField(t *testing.T) {
	base := chain(1)[0]
	muts := map[string]func(*Entry){
		"id": func(e *Entry) { e.ID++ }, "at": func(e *Entry) { e.At += "x" },
		"actor_id": func(e *Entry) { e.ActorID++ }, "actor": func(e *Entry) { e.Actor += "x" },
		"action": func(e *Entry) { e.Action += "x" }, "entity": func(e *Entry) { e.Entity += "x" },
		"entity_id": func(e *Entry) { e.EntityID++ }, "before": func(e *Entry) { e.Before += "x" },
		"after": func(e *Entry) { e.After += "x" }, "prev": func(e *Entry) { e.PrevHash += "x" },
		// moving a byte between adjacent fields must change the hash too
		"shift": func(e *Entry) { e.Action, e.Entity = e.Action+"o", e.Entity[1:] },
	}
	for name, m := range muts {
		t.Run(name, func(t *testing.T) {
			e := base
			m(&e)
			if got := Hash(e); got == base.Hash {
				t.Fatalf("hash unchanged after changing %s", name)
			}
		})
	}
}
