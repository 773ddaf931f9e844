package pdf

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestGolden renders page 1 of the sample letter and report at 50 dpi and
// compares them with testdata/golden/*.png (go test -update rewrites them).
func TestGolden(t *testing.T) {
	needTools(t)
	for name, d := range map[string]*Document{
		"letter": sampleLetter(t, Options{}),
		"report": sampleReport(t, Options{}, 30),
	} {
		t.Run(name, func(t *testing.T) {
			p := write(t, d, name+".pdf")
			prefix := filepath.Join(t.TempDir(), name)
			run(t, "pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", p, prefix)
			got, err := os.ReadFile(prefix + ".png")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", name+".png")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			diff, total := pixelDiff(t, got, want)
			// Up to 0.2 % of the pixels may differ (anti-aliasing of another
			// poppler); a moved line or word changes far more.
			if diff*500 > total {
				out := filepath.Join(t.TempDir(), name+"-got.png")
				os.WriteFile(out, got, 0o644)
				t.Errorf("%d of %d pixels differ from %s (got: %s; go test -update if intended)", diff, total, golden, out)
			}
		})
	}
}

// pixelDiff counts pixels whose grey levels differ by more than 64 of 255.
func pixelDiff(t *testing.T, a, b []byte) (diff, total int) {
	t.Helper()
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if ia.Bounds() != ib.Bounds() {
		t.Fatalf("size %v, golden %v", ia.Bounds(), ib.Bounds())
	}
	bounds := ia.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			if d := grey(ia, x, y) - grey(ib, x, y); d > 64 || d < -64 {
				diff++
			}
		}
	}
	return diff, bounds.Dx() * bounds.Dy()
}

func grey(img image.Image, x, y int) int {
	r, g, b, _ := img.At(x, y).RGBA()
	return int((299*r + 587*g + 114*b) / 1000 >> 8)
}
