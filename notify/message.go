package notify

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"
)

// Message is one e-mail: plain UTF-8 text, Indonesian first with English
// below.
type Message struct {
	To      mail.Address
	Subject string
	Body    string // lines end in "\n"
}

// check rejects a message that cannot be sent safely.
func (m Message) check() error {
	if _, err := mail.ParseAddress(m.To.Address); err != nil || strings.ContainsAny(m.To.Address, "<>\r\n") {
		return errors.New("notify: invalid recipient address " + m.To.Address)
	}
	if strings.TrimSpace(m.Subject) == "" {
		return errors.New("notify: empty subject")
	}
	return nil
}

// compose renders m as an RFC 5322 message with CRLF line ends: encoded
// headers, Date, Message-ID, and a quoted-printable UTF-8 text body.
func compose(from mail.Address, m Message, now time.Time) []byte {
	var b bytes.Buffer
	header := func(k, v string) { b.WriteString(fold(k, v)) }
	f, to := oneLine(from), oneLine(m.To)
	header("From", f.String())
	header("To", to.String())
	header("Subject", mime.QEncoding.Encode("UTF-8", strings.Join(strings.Fields(m.Subject), " ")))
	header("Date", now.Format(time.RFC1123Z))
	header("Message-ID", messageID(from.Address))
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=UTF-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	header("Auto-Submitted", "auto-generated") // RFC 3834: no auto-replies
	b.WriteString("\r\n")
	w := quotedprintable.NewWriter(&b)
	w.Write([]byte(strings.ReplaceAll(m.Body, "\r\n", "\n")))
	w.Close()
	return b.Bytes()
}

// oneLine drops line breaks from a display name.
func oneLine(a mail.Address) mail.Address {
	a.Name = strings.Join(strings.Fields(a.Name), " ")
	return a
}

// fold writes a header line, folding at spaces so that lines stay within 78
// characters where the words allow (encoded words are at most 75).
func fold(k, v string) string {
	var b strings.Builder
	line := k + ":"
	for _, w := range strings.Split(v, " ") {
		if len(line)+1+len(w) > 78 && strings.TrimSpace(line) != "" {
			b.WriteString(line + "\r\n")
			line = ""
		}
		line += " " + w
	}
	b.WriteString(line + "\r\n")
	return b.String()
}

// messageID returns a new <random@domain> for the sender's domain.
func messageID(from string) string {
	domain := "sinergi.localhost"
	if i := strings.LastIndexByte(from, '@'); i >= 0 && i < len(from)-1 {
		domain = from[i+1:]
	}
	var r [16]byte
	rand.Read(r[:])
	return "<" + hex.EncodeToString(r[:]) + "@" + domain + ">"
}
