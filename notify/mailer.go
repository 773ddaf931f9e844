package notify

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/mail"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"sinergi"
)

// Mailer sends e-mail.
type Mailer interface {
	Send(ctx context.Context, m Message) error
}

// Config configures the SMTP server e-mail goes through.
type Config struct {
	Addr     string // host:port, e.g. smtp.example.go.id:587
	From     string // sender, e.g. "Sinergi <noreply@example.go.id>"
	Username string // PLAIN auth when set
	Password string
	Hello    string        // name given in EHLO; "localhost" when empty
	Timeout  time.Duration // for one whole delivery; 30 s when zero
	// TLS is used for STARTTLS (e.g. to trust a private CA); when nil the
	// system roots verify the host of Addr.
	TLS *tls.Config
}

// Validate checks the configuration; its error is a *sinergi.Error with code
// invalid naming each bad field.
func (c Config) Validate() error {
	var v sinergi.Validation
	host, port, err := net.SplitHostPort(c.Addr)
	if p, perr := strconv.Atoi(port); err != nil || host == "" || perr != nil || p < 1 || p > 65535 {
		v.Add("addr", "Alamat server SMTP harus berbentuk host:port, misalnya smtp.contoh.go.id:587",
			"The SMTP server address must be host:port, e.g. smtp.example.go.id:587")
	}
	if a, err := mail.ParseAddress(c.From); err != nil || a.Address == "" {
		v.Add("from", "Alamat pengirim tidak valid, misalnya Sinergi <noreply@contoh.go.id>",
			"Invalid sender address, e.g. Sinergi <noreply@example.go.id>")
	}
	if c.Username == "" && c.Password != "" {
		v.Add("username", "Nama pengguna SMTP wajib diisi bila ada kata sandi", "The SMTP username is required with a password")
	}
	if strings.ContainsAny(c.Hello, " \r\n") {
		v.Add("hello", "Nama EHLO tidak boleh berisi spasi", "The EHLO name cannot contain spaces")
	}
	if c.Timeout < 0 {
		v.Add("timeout", "Batas waktu tidak boleh negatif", "The timeout cannot be negative")
	}
	return v.Err()
}

// Permanent reports whether err is a permanent SMTP failure (a 5xx reply),
// which retrying will not cure.
func Permanent(err error) bool {
	var e *textproto.Error
	return errors.As(err, &e) && e.Code >= 500 && e.Code < 600
}
