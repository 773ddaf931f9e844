// Package audit defines the hash chain of the audit log. Every entry's hash
// covers its own fields and the previous entry's hash, so altering or
// removing any row breaks the chain from that row on. The chain's head (last
// id and hash) is kept apart, so removing rows from the end is noticed too.
package audit

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strconv"
)

// Entry is one row of the audit log. Before and After are JSON texts (empty
// when there is none); At is RFC 3339 in UTC.
type Entry struct {
	ID       int64  `json:"id"`
	At       string `json:"at"`
	ActorID  int64  `json:"actor_id"`
	Actor    string `json:"actor"`
	Action   string `json:"action"`
	Entity   string `json:"entity"`
	EntityID int64  `json:"entity_id"`
	Before   string `json:"before,omitempty"`
	After    string `json:"after,omitempty"`
	PrevHash string `json:"prev_hash"`
	Hash     string `json:"hash"`
}

// Hash computes the hash of e from its fields and PrevHash (not from
// e.Hash). Fields are length-prefixed so that no two entries share an input.
func Hash(e Entry) string {
	h := sha256.New()
	for _, f := range []string{
		"sinergi-audit-v1", strconv.FormatInt(e.ID, 10), e.At, strconv.FormatInt(e.ActorID, 10), e.Actor,
		e.Action, e.Entity, strconv.FormatInt(e.EntityID, 10), e.Before, e.After, e.PrevHash,
	} {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(f)))
		h.Write(n[:])
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Broken describes the first entry where the chain fails.
type Broken struct {
	ID     int64 // the first broken entry (0 when the head disagrees with an empty log)
	Reason string
}

func (b *Broken) Error() string {
	return fmt.Sprintf("audit log broken at entry %d: %s", b.ID, b.Reason)
}

// Verifier checks entries one at a time, in id order.
type Verifier struct {
	prev    string
	lastID  int64
	Checked int
}

// Next checks e against the chain so far.
func (v *Verifier) Next(e Entry) error {
	if e.ID <= v.lastID {
		return &Broken{e.ID, "entries out of order"}
	}
	if e.PrevHash != v.prev {
		return &Broken{e.ID, "previous-hash link does not match: an entry before it was removed or altered"}
	}
	if Hash(e) != e.Hash {
		return &Broken{e.ID, "content does not match its hash: the entry was altered"}
	}
	v.prev, v.lastID = e.Hash, e.ID
	v.Checked++
	return nil
}

// End checks the chain's end against the recorded head.
func (v *Verifier) End(headID int64, headHash string) error {
	if headID != v.lastID || headHash != v.prev {
		id := v.lastID
		if headID > id {
			id = headID
		}
		return &Broken{id, fmt.Sprintf("the log ends at entry %d but the recorded head is entry %d: entries were removed from the end or the head was altered", v.lastID, headID)}
	}
	return nil
}
