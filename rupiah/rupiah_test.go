package rupiah

import (
	"math"
	"testing"
)

// Examples from domain.md §6 and the forms of tata naskah dinas.
func TestFormat(t *testing.T) {
	tests := []struct {
		n               int64
		plain, official string
	}{
		{0, "Rp0", "Rp0,00"},
		{999, "Rp999", "Rp999,00"},
		{1000, "Rp1.000", "Rp1.000,00"},
		{1500000, "Rp1.500.000", "Rp1.500.000,00"},
		{1500000000, "Rp1.500.000.000", "Rp1.500.000.000,00"},
		{-5000, "-Rp5.000", "-Rp5.000,00"},
		{math.MaxInt64, "Rp9.223.372.036.854.775.807", "Rp9.223.372.036.854.775.807,00"},
		{math.MinInt64, "-Rp9.223.372.036.854.775.808", "-Rp9.223.372.036.854.775.808,00"},
	}
	for _, tt := range tests {
		if got := Format(tt.n); got != tt.plain {
			t.Errorf("Format(%d) = %q, want %q", tt.n, got, tt.plain)
		}
		if got := FormatOfficial(tt.n); got != tt.official {
			t.Errorf("FormatOfficial(%d) = %q, want %q", tt.n, got, tt.official)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "nol"},
		{1, "satu"},
		{10, "sepuluh"},
		{11, "sebelas"},
		{12, "dua belas"},
		{19, "sembilan belas"},
		{20, "dua puluh"},
		{21, "dua puluh satu"},
		{99, "sembilan puluh sembilan"},
		{100, "seratus"},
		{101, "seratus satu"},
		{111, "seratus sebelas"},
		{250, "dua ratus lima puluh"},
		{1000, "seribu"},
		{1001, "seribu satu"},
		{1100, "seribu seratus"},
		{2000, "dua ribu"},
		{11000, "sebelas ribu"},
		{100000, "seratus ribu"},
		{101000, "seratus satu ribu"},
		{1000000, "satu juta"},
		{1500000, "satu juta lima ratus ribu"},
		{1001000, "satu juta seribu"},
		{25750000, "dua puluh lima juta tujuh ratus lima puluh ribu"},
		{1500000000, "satu miliar lima ratus juta"},
		{1000000000000, "satu triliun"},
		{1000000000000000, "satu kuadriliun"},
		{-1500, "minus seribu lima ratus"},
		{math.MaxInt64, "sembilan kuintiliun dua ratus dua puluh tiga kuadriliun tiga ratus tujuh puluh dua triliun tiga puluh enam miliar delapan ratus lima puluh empat juta tujuh ratus tujuh puluh lima ribu delapan ratus tujuh"},
	}
	for _, tt := range tests {
		if got := Words(tt.n); got != tt.want {
			t.Errorf("Words(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestOfficial(t *testing.T) {
	// the example of domain.md §6
	want := "Rp1.500.000.000,00 (satu miliar lima ratus juta rupiah)"
	if got := Official(1500000000); got != want {
		t.Errorf("Official = %q, want %q", got, want)
	}
}

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		in string
		n  int64
		ok bool
	}{
		{"1500000", 1500000, true},
		{"1.500.000", 1500000, true},
		{"Rp1.500.000", 1500000, true},
		{"Rp 1.500.000,00", 1500000, true},
		{"rp. 15.000.000", 15000000, true},
		{"Rp1.000,-", 1000, true},
		{" 1 500 000 ", 1500000, true},
		{"1.5E+06", 1500000, true},
		{"1.5e7", 15000000, true},
		{"0", 0, true},
		{"-5.000", -5000, true},
		{"9.223.372.036.854.775.807", math.MaxInt64, true},
		{"9223372036854775808", 0, false},
		{"1.50", 0, false},
		{"1.5000", 0, false},
		{".500", 0, false},
		{"1500,50", 0, false},
		{"1.25E0", 0, false},
		{"1e30", 0, false},
		{"", 0, false},
		{"Rp", 0, false},
		{"lima juta", 0, false},
		{"0x10", 0, false},
		{"+5", 0, false},
	} {
		n, ok := Parse(tt.in)
		if n != tt.n || ok != tt.ok {
			t.Errorf("Parse(%q) = %d, %v; want %d, %v", tt.in, n, ok, tt.n, tt.ok)
		}
		if ok && n >= 0 {
			if back, ok2 := Parse(Format(n)); !ok2 || back != n {
				t.Errorf("Parse(Format(%d)) = %d, %v", n, back, ok2)
			}
		}
	}
}
