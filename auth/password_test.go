package auth

import "testing"

func TestPassword(t *testing.T) {
	h := HashPassword("rahasia-sekali-123")
	tests := []struct {
		name    string
		encoded string
		pw      string
		want    bool
		wantErr bool
	}{
		{"right", h, "rahasia-sekali-123", true, false},
		{"wrong", h, "rahasia-sekali-124", false, false},
		{"empty", h, "", false, false},
		{"malformed", "$argon2id$x", "a", false, true},
		{"other algorithm", "$2a$10$abcdefghijklmnopqrstuv", "a", false, true},
		{"absurd cost", "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdA$a2V5", "a", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckPassword(tt.encoded, tt.pw)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Fatalf("got %v, %v; want %v, err %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
	if HashPassword("x") == HashPassword("x") {
		t.Fatal("two hashes of one password are equal: salt missing")
	}
}

func TestSecret(t *testing.T) {
	s1, h1 := NewSecret("sng_")
	s2, _ := NewSecret("sng_")
	if s1 == s2 || len(s1) < 40 || s1[:4] != "sng_" {
		t.Fatalf("weak secrets %q %q", s1, s2)
	}
	if HashSecret(s1) != h1 {
		t.Fatal("hash mismatch")
	}
}
