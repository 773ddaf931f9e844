package notify

import (
	"net/mail"
	"strings"
	"testing"
)

func TestComposeHeaders(t *testing.T) {
	from := mail.Address{Name: "Sinergi", Address: "noreply@sinergi.go.id"}
	tests := []struct {
		name    string
		m       Message
		want    []string // header lines that must appear
		notWant []string
	}{
		{"ASCII subject stays plain", Message{To: mail.Address{Address: "a@b.go.id"}, Subject: "Daily digest"},
			[]string{"Subject: Daily digest\r\n", "To: <a@b.go.id>\r\n"}, nil},
		{"no header injection", Message{To: mail.Address{Name: "Andi\r\nBcc: x@y", Address: "a@b.go.id"}, Subject: "Hai\r\nBcc: x@y"},
			[]string{"Subject: Hai Bcc: x@y\r\n"}, []string{"\r\nBcc:"}},
		{"long ASCII subject folded at spaces", Message{To: mail.Address{Address: "a@b.go.id"}, Subject: strings.Repeat("kerja sama ", 12)},
			[]string{"Subject: kerja sama kerja sama", "\r\n kerja sama"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := string(compose(from, tt.m, sentAt))
			head := strings.SplitN(raw, "\r\n\r\n", 2)[0] + "\r\n"
			for _, w := range tt.want {
				if !strings.Contains(head, w) {
					t.Errorf("headers lack %q:\n%s", w, head)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(head, w) {
					t.Errorf("headers contain %q:\n%s", w, head)
				}
			}
			for _, l := range strings.Split(head, "\r\n") {
				if len(l) > 78 {
					t.Errorf("line of %d characters: %q", len(l), l)
				}
			}
		})
	}
}
