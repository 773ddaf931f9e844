package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"sinergi"
	"sinergi/store"
	"sinergi/store/storetest"
)

// TestLoginLockout: ten failed logins for an account within the window lock
// it (right password refused too) for LockFor; an unknown e-mail gets the
// very same answers; a successful login clears the count; a system admin
// unlocks; the address is locked after AddressFailures; locks and unlocks
// are audited.
func TestLoginLockout(t *testing.T) {
	db := storetest.Open(t)
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	o := mustOrg(t, db, sinergi.OrganizationInput{Name: "Dinas Kominfo", Sector: sinergi.SectorCommunity})
	member := asUser(t, db, o.ID, "ani@sinergi.test", sinergi.RoleMember)
	bg := context.Background()
	login := func(email, pw, addr string) sinergi.Code {
		t.Helper()
		_, err := db.Login(bg, email, pw, addr)
		return code(err)
	}
	const good = "kata-sandi-uji-1"

	// successful logins clear the count: 9 failures, success, 9 failures → not locked
	for round := range 2 {
		for i := range store.AccountFailures - 1 {
			if c := login("ani@sinergi.test", "salah", fmt.Sprintf("10.0.%d.%d", round, i)); c != sinergi.CodeUnauthorized {
				t.Fatalf("failure %d: %q", i+1, c)
			}
		}
		if c := login(" ANI@sinergi.test", good, "10.0.9.9"); c != "" {
			t.Fatalf("round %d: right password after %d failures: %q", round, store.AccountFailures-1, c)
		}
	}
	// the tenth failure within the window locks, for known and unknown e-mails alike
	for _, email := range []string{"ani@sinergi.test", "tidak-ada@sinergi.test"} {
		var answers []sinergi.Code
		for i := range store.AccountFailures {
			answers = append(answers, login(email, "salah", fmt.Sprintf("10.1.0.%d", i)))
		}
		answers = append(answers, login(email, good, "10.2.0.1"))
		want := strings.Repeat(string(sinergi.CodeUnauthorized)+" ", store.AccountFailures-1) + string(sinergi.CodeTooManyRequests) + " " + string(sinergi.CodeTooManyRequests) + " "
		got := ""
		for _, a := range answers {
			got += string(a) + " "
		}
		if got != want {
			t.Fatalf("%s: answers %s; want %s", email, got, want)
		}
	}
	// failures spread over more than the window do not lock
	if c := login("budi@sinergi.test", "salah", ""); c != sinergi.CodeUnauthorized {
		t.Fatal(c)
	}
	now = now.Add(store.LockWindow + time.Second)
	for range store.AccountFailures - 1 {
		if c := login("budi@sinergi.test", "salah", ""); c != sinergi.CodeUnauthorized {
			t.Fatalf("failures outside the window counted: %q", c)
		}
	}
	// the lock ends after LockFor (ani was locked a window ago; lock again, then wait)
	for range store.AccountFailures {
		login("ani@sinergi.test", "salah", "")
	}
	if c := login("ani@sinergi.test", good, ""); c != sinergi.CodeTooManyRequests {
		t.Fatalf("locked: %q", c)
	}
	now = now.Add(store.LockFor - time.Second)
	if c := login("ani@sinergi.test", good, ""); c != sinergi.CodeTooManyRequests {
		t.Fatalf("still locked a second before the end: %q", c)
	}
	now = now.Add(2 * time.Second)
	if c := login("ani@sinergi.test", good, ""); c != "" {
		t.Fatalf("after the lock: %q", c)
	}

	// only admins unlock; unlocking lifts the lock at once
	for range store.AccountFailures {
		login("ani@sinergi.test", "salah", "")
	}
	if _, err := db.UnlockLogin(member, "ani@sinergi.test", false); code(err) != sinergi.CodeForbidden {
		t.Fatalf("member unlocks: %v", err)
	}
	if was, err := db.UnlockLogin(sys, "Ani@sinergi.test ", false); err != nil || !was {
		t.Fatalf("unlock: %v %v", was, err)
	}
	if c := login("ani@sinergi.test", good, ""); c != "" {
		t.Fatalf("after unlock: %q", c)
	}
	if was, err := db.UnlockLogin(sys, "ani@sinergi.test", false); err != nil || was {
		t.Fatalf("unlock without a lock: %v %v", was, err)
	}

	// per address: AddressFailures failures over many e-mails lock the address, for everyone
	for i := range store.AddressFailures {
		login(fmt.Sprintf("tebak%d@sinergi.test", i), "salah", "192.0.2.7")
	}
	if c := login("ani@sinergi.test", good, "192.0.2.7"); c != sinergi.CodeTooManyRequests {
		t.Fatalf("locked address: %q", c)
	}
	if c := login("ani@sinergi.test", good, "192.0.2.8"); c != "" {
		t.Fatalf("other address: %q", c)
	}
	if was, err := db.UnlockLogin(sys, "192.0.2.7", true); err != nil || !was {
		t.Fatalf("unlock address: %v %v", was, err)
	}
	if c := login("ani@sinergi.test", good, "192.0.2.7"); c != "" {
		t.Fatalf("after address unlock: %q", c)
	}

	// audit: locks (ani ×3, the unknown e-mail, the address) and unlocks
	entries, err := db.AuditEntries(sys, store.AuditFilter{Entity: "login_lock", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, e := range entries.Items {
		count[e.Action]++
		if e.Action == "lock" && !strings.Contains(e.After, `"locked_until"`) {
			t.Errorf("lock entry without its end: %s", e.After)
		}
	}
	if count["lock"] != 5 || count["unlock"] != 2 {
		t.Fatalf("audit: %v; want 5 locks, 2 unlocks", count)
	}
	if out, err := db.VerifyAudit(sys); err != nil {
		t.Fatalf("audit chain: %v %v", out, err)
	}
}
