package main

import (
	"flag"
	"io"
	"testing"
)

// TestSecureCookiesDefault: --secure-cookies follows the flag or the
// environment when given, otherwise an https public URL.
func TestSecureCookiesDefault(t *testing.T) {
	for _, c := range []struct {
		env, public string
		args        []string
		want        bool
	}{
		{"", "", nil, false},
		{"", "http://sinergi.example.go.id", nil, false},
		{"", "https://sinergi.example.go.id", nil, true},
		{"", "HTTPS://sinergi.example.go.id", nil, true},
		{"", "https://sinergi.example.go.id", []string{"--secure-cookies=false"}, false},
		{"", "", []string{"--secure-cookies"}, true},
		{"0", "https://sinergi.example.go.id", nil, false},
		{"1", "", nil, true},
	} {
		t.Setenv("SINERGI_SECURE_COOKIES", c.env)
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		v := fs.Bool("secure-cookies", envBool("SINERGI_SECURE_COOKIES"), "")
		if err := fs.Parse(c.args); err != nil {
			t.Fatal(err)
		}
		if got := secureCookiesOn(fs, *v, c.public); got != c.want {
			t.Errorf("env %q, public URL %q, args %v: %v, want %v", c.env, c.public, c.args, got, c.want)
		}
	}
}
