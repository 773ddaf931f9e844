package web

import (
	"strings"
	"testing"
)

// File names of downloaded documents carry nothing a header or a file
// system could misread.
func TestSafeFileName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"surat-permohonan-12-B-0001/PEMKABMAROS/BK/11/2026", "surat-permohonan-12-B-0001-PEMKABMAROS-BK-11-2026"},
		{"../../etc/passwd", "etc-passwd"},
		{"a\"b;\r\nSet-Cookie: x=1", "a-b-Set-Cookie-x-1"},
		{"Notulen – Rapat ✓ 000.1.2", "Notulen-Rapat-000.1.2"},
		{"", "dokumen"},
		{"///", "dokumen"},
		{".hidden", "hidden"},
	} {
		if got := safeFileName(tt.in); got != tt.want {
			t.Errorf("safeFileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := safeFileName(strings.Repeat("ab/", 100)); len(got) > 80 || strings.HasSuffix(got, "-") {
		t.Errorf("long name: %q", got)
	}
}
