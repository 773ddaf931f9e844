package sinergi

import "testing"

func TestValidateNIP(t *testing.T) {
	tests := []struct {
		nip string
		ok  bool
	}{
		{"198501012010011001", true},
		{"197912312005022003", true},
		{"19850101201001100", false},   // 17 digits
		{"1985010120100110011", false}, // 19 digits
		{"19850101201001100a", false},
		{"198513012010011001", false}, // month 13
		{"198502302010011001", false}, // 30 February
		{"198501011980011001", false}, // appointed before birth
		{"198501012010013001", false}, // sex digit 3
		{"185001012010011001", false}, // born before 1900
	}
	for _, tt := range tests {
		t.Run(tt.nip, func(t *testing.T) {
			if err := ValidateNIP(tt.nip); (err == nil) != tt.ok {
				t.Fatalf("got %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestValidEmail(t *testing.T) {
	for s, want := range map[string]bool{"a@sinergi.test": true, "a.b@maroskab.go.id": true, "a@localhost": false,
		"Ani <a@b.id>": false, "": false, "a b@c.id": false, "@b.id": false} {
		if got := ValidEmail(s); got != want {
			t.Errorf("%q: got %v, want %v", s, got, want)
		}
	}
}
