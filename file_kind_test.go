package sinergi_test

import (
	"archive/zip"
	"bytes"
	"testing"

	"sinergi"
	"sinergi/sheet"
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

// TestSniffFile: the kind comes from the content, whatever the name.
func TestSniffFile(t *testing.T) {
	xlsx, err := sheet.Agreements.Template()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		in   []byte
		want sinergi.FileKind
	}{
		{"the import template", xlsx, sinergi.FileXLSX},
		{"a docx", zipWith(t, "word/document.xml", "[Content_Types].xml"), sinergi.FileDOCX},
		{"a truncated zip", xlsx[:200], ""},
		{"CSV", []byte("judul,nomor\nA,1\n"), sinergi.FileText},
		{"CSV with a BOM", []byte("\xef\xbb\xbfjudul;nomor\n"), sinergi.FileText},
		{"a PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), sinergi.FilePDF},
		{"a PNG", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), sinergi.FilePNG},
		{"text with a NUL", []byte("a,b\x00,c"), ""},
		{"Latin-1 text", []byte("nama,kota\nJos\xe9,Maros\n"), ""},
		{"a JPEG", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), sinergi.FileJPEG},
		{"a zip of something else", zipWith(t, "README"), ""},
		{"HTML", []byte("<html><script>alert(1)</script></html>"), ""},
		{"an executable", []byte("MZ\x90\x00\x03\x00\x00\x00"), ""},
	} {
		if got := sinergi.SniffFile(tt.in); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
