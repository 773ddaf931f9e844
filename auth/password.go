// Package auth holds the secrets of accounts: argon2id password hashes and
// random tokens (sessions, personal access tokens), of which only hashes are
// stored.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id's cost settings (OWASP's minimum: 19 MiB, 2 passes).
type Params struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
}

// Default is used for new hashes.
var Default = Params{Memory: 19 * 1024, Time: 2, Threads: 1}

var b64 = base64.RawStdEncoding

// HashPassword returns an encoded argon2id hash of pw with a random salt.
func HashPassword(pw string) string {
	salt := make([]byte, 16)
	rand.Read(salt)
	p := Default
	key := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, 32)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key))
}

// ErrMalformed is returned for a stored hash that cannot be read.
var ErrMalformed = errors.New("malformed password hash")

// CheckPassword reports whether pw matches the encoded hash.
func CheckPassword(encoded, pw string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, ErrMalformed
	}
	var v int
	var p Params
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return false, ErrMalformed
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return false, ErrMalformed
	}
	if p.Memory > 1<<20 || p.Time > 10 || p.Threads == 0 {
		return false, ErrMalformed
	}
	salt, err1 := b64.DecodeString(parts[4])
	key, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(key) == 0 {
		return false, ErrMalformed
	}
	got := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// dummy is checked against when an account does not exist, so that a login
// takes as long for an unknown e-mail as for a wrong password.
// It is made on first use: hashing at start-up cost every command 30 ms and
// 19 MiB.
var dummy = sync.OnceValue(func() string { return HashPassword("sinergi-no-such-account") })

// WasteTime spends what CheckPassword spends.
func WasteTime(pw string) { CheckPassword(dummy(), pw) }

// NewSecret returns a random token with the given prefix ("sng_", "") and
// the hex SHA-256 of it, which is what is stored.
func NewSecret(prefix string) (secret, hash string) {
	b := make([]byte, 32)
	rand.Read(b)
	secret = prefix + base64.RawURLEncoding.EncodeToString(b)
	return secret, HashSecret(secret)
}

// HashSecret is the stored form of a secret.
func HashSecret(secret string) string {
	s := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(s[:])
}
