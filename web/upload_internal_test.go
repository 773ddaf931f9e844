package web

import (
	"archive/zip"
	"bytes"
	"errors"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"sinergi"
)

func zipWith(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		f, _ := zw.Create(n)
		f.Write([]byte("<x/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadUpload: the size limit (raw body and multipart), the kinds a
// rule accepts, the missing and empty file, and the kept form fields.
func TestReadUpload(t *testing.T) {
	rule := uploadRule{Max: 1 << 10, Kinds: []sinergi.FileKind{kindXLSX, kindCSV}, Fields: []string{"mode"}}
	xlsx := zipWith(t, "xl/workbook.xml")
	raw := func(b []byte) *http.Request {
		r := httptest.NewRequest("POST", "/", bytes.NewReader(b))
		r.Header.Set("Content-Type", "application/octet-stream")
		return r
	}
	form := func(file string, b []byte, fields map[string]string) *http.Request {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		for k, v := range fields {
			mw.WriteField(k, v)
		}
		if file != "" {
			fw, _ := mw.CreateFormFile(file, "data.csv") // the name says CSV whatever the content
			fw.Write(b)
		}
		mw.Close()
		r := httptest.NewRequest("POST", "/", &buf)
		r.Header.Set("Content-Type", mw.FormDataContentType())
		return r
	}
	csv := []byte("judul,nomor\nA,1\n")
	big := []byte(strings.Repeat("a,b\n", 300)) // 1200 bytes > 1 KiB
	for _, tt := range []struct {
		name string
		r    *http.Request
		want string // "xlsx"/"text" accepted, "413", or "400:" + part of the message
	}{
		{"raw CSV", raw(csv), "text"},
		{"raw xlsx", raw(xlsx), "xlsx"},
		{"raw CSV at the limit", raw(big[:1<<10]), "text"},
		{"raw CSV over the limit", raw(big), "413"},
		{"multipart CSV", form("file", csv, map[string]string{"mode": "valid_only", "other": "x"}), "text"},
		{"multipart over the limit", form("file", big, nil), "413"},
		{"multipart PDF named data.csv", form("file", []byte("%PDF-1.4\n"), nil), "400:harus xlsx atau CSV"},
		{"raw PNG", raw([]byte("\x89PNG\r\n\x1a\n\x00")), "400:harus xlsx atau CSV"},
		{"raw docx", raw(zipWith(t, "word/document.xml")), "400:harus xlsx atau CSV"},
		{"multipart without the file", form("", nil, map[string]string{"mode": "all_or_nothing"}), "400:Pilih berkas"},
		{"multipart with an empty file", form("file", nil, nil), "400:Berkas kosong"},
		{"empty raw body", raw(nil), "400:Berkas kosong"},
	} {
		up, err := readUpload(httptest.NewRecorder(), tt.r, rule)
		var got string
		var se *sinergi.Error
		switch {
		case err == nil:
			got = string(up.Kind)
			if tt.name == "multipart CSV" && (up.Fields["mode"] != "valid_only" || up.Fields["other"] != "" || !bytes.Equal(up.Data, csv)) {
				t.Errorf("%s: fields %v, data %q", tt.name, up.Fields, up.Data)
			}
		case errors.As(err, &se) && se.Code == sinergi.CodeTooLarge:
			got = "413"
			if !strings.Contains(se.Msg.ID, "1 KiB") {
				t.Errorf("%s: message %q", tt.name, se.Msg.ID)
			}
		case errors.As(err, &se) && se.Code == sinergi.CodeInvalid && len(se.Fields) == 1 && se.Fields[0].Field == "file":
			got = "400:" + se.Msg.ID
		default:
			got = "other: " + err.Error()
		}
		if got != tt.want && !(strings.HasPrefix(tt.want, "400:") && strings.HasPrefix(got, "400:") && strings.Contains(got, tt.want[4:])) {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}
