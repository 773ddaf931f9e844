package web

import (
	"mime"
	"net/http"
	"strconv"
	"strings"

	"sinergi/pdf"
)

// sendPDF writes a finished document as an attachment named name (made safe
// for a file name: ASCII letters, digits, '-', '_' and '.' only).
func sendPDF(w http.ResponseWriter, d *pdf.Document, name string) error {
	b, err := d.Bytes()
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": safeFileName(name) + ".pdf"}))
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.Write(b)
	return nil
}

// safeFileName keeps ASCII letters, digits, '-', '_' and '.', turns runs of
// anything else into one '-', trims the ends and caps the length; it never
// returns "".
func safeFileName(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '.' && b.Len() > 0:
			b.WriteRune(c)
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = true
		}
	}
	out := strings.Trim(b.String(), "-.")
	if len(out) > 80 {
		out = strings.TrimRight(out[:80], "-.")
	}
	if out == "" {
		return "dokumen"
	}
	return out
}

// orText is s, or def when s is blank.
func orText(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
