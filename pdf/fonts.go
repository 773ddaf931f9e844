package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
)

// styles are fpdf's style strings, in the order of fontSet.faces.
var styles = [4]string{"", "B", "I", "BI"}

// arialFiles are the Windows file names of Arial, in the order of styles.
var arialFiles = [4]string{"arial.ttf", "arialbd.ttf", "ariali.ttf", "arialbi.ttf"}

// face is one TrueType file of the body font.
type face struct {
	ttf      []byte
	psName   string // PostScript name from the 'name' table, e.g. "LiberationSans-Bold"
	unitsEm  float64
	lineEm   float64 // natural line height in em: (ascender − descender + lineGap) / unitsPerEm (hhea)
	subsetID string  // six capital letters: the subset tag of the PDF name
}

// fontSet is the four faces of the body font.
type fontSet struct{ faces [4]face }

// loadFonts reads Arial from dir (arial.ttf, arialbd.ttf, ariali.ttf,
// arialbi.ttf, any letter case), or takes Liberation Sans when dir is "".
func loadFonts(dir string) (*fontSet, error) {
	var data [4][]byte
	if dir == "" {
		data = [4][]byte{liberationsansregular.TTF, liberationsansbold.TTF, liberationsansitalic.TTF, liberationsansbolditalic.TTF}
	} else {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("pdf: font directory: %w", err)
		}
		byLower := map[string]string{}
		for _, e := range entries {
			byLower[strings.ToLower(e.Name())] = e.Name()
		}
		var missing []string
		for i, n := range arialFiles {
			real, ok := byLower[n]
			if !ok {
				missing = append(missing, n)
				continue
			}
			if data[i], err = os.ReadFile(filepath.Join(dir, real)); err != nil {
				return nil, fmt.Errorf("pdf: font: %w", err)
			}
		}
		if len(missing) > 0 {
			return nil, fmt.Errorf("pdf: font directory %s lacks %s", dir, strings.Join(missing, ", "))
		}
	}
	fs := &fontSet{}
	for i, b := range data {
		f, err := parseFace(b)
		if err != nil {
			return nil, fmt.Errorf("pdf: font %s: %w", styleName(i), err)
		}
		f.subsetID = "SNRGA" + string(rune('A'+i))
		fs.faces[i] = f
	}
	return fs, nil
}

func styleName(i int) string { return [4]string{"regular", "bold", "italic", "bold italic"}[i] }

// tables maps the tags of a TrueType file to their bytes.
func tables(b []byte) (map[string][]byte, error) {
	if len(b) < 12 {
		return nil, errors.New("not a TrueType file")
	}
	if v := binary.BigEndian.Uint32(b); v != 0x00010000 && v != 0x74727565 {
		return nil, errors.New("not a TrueType file (only .ttf outlines are supported)")
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	t := map[string][]byte{}
	for i := range n {
		r := 12 + 16*i
		if r+16 > len(b) {
			return nil, errors.New("truncated table directory")
		}
		off, ln := binary.BigEndian.Uint32(b[r+8:]), binary.BigEndian.Uint32(b[r+12:])
		if uint64(off)+uint64(ln) > uint64(len(b)) {
			return nil, errors.New("table outside the file")
		}
		t[string(b[r:r+4])] = b[off : off+ln]
	}
	return t, nil
}

// parseFace reads the metrics and the PostScript name of a TrueType font.
func parseFace(b []byte) (face, error) {
	t, err := tables(b)
	if err != nil {
		return face{}, err
	}
	head, hhea := t["head"], t["hhea"]
	if len(head) < 20 || len(hhea) < 10 {
		return face{}, errors.New("missing head or hhea table")
	}
	em := float64(binary.BigEndian.Uint16(head[18:]))
	if em == 0 {
		return face{}, errors.New("unitsPerEm is 0")
	}
	asc := float64(int16(binary.BigEndian.Uint16(hhea[4:])))
	desc := float64(int16(binary.BigEndian.Uint16(hhea[6:])))
	gap := float64(int16(binary.BigEndian.Uint16(hhea[8:])))
	f := face{ttf: b, unitsEm: em, lineEm: (asc - desc + gap) / em, psName: psName(t["name"])}
	if f.psName == "" {
		return face{}, errors.New("no PostScript name in the name table")
	}
	return f, nil
}

// psName is name ID 6 of a 'name' table (Windows Unicode or Macintosh Roman).
func psName(n []byte) string {
	if len(n) < 6 {
		return ""
	}
	count, strOff := int(binary.BigEndian.Uint16(n[2:])), int(binary.BigEndian.Uint16(n[4:]))
	for i := range count {
		r := 6 + 12*i
		if r+12 > len(n) {
			return ""
		}
		plat, id := binary.BigEndian.Uint16(n[r:]), binary.BigEndian.Uint16(n[r+6:])
		ln, off := int(binary.BigEndian.Uint16(n[r+8:])), int(binary.BigEndian.Uint16(n[r+10:]))
		if id != 6 || strOff+off+ln > len(n) {
			continue
		}
		s := n[strOff+off : strOff+off+ln]
		switch plat {
		case 3, 0:
			u := make([]uint16, len(s)/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(s[2*j:])
			}
			return cleanName(string(utf16.Decode(u)))
		case 1:
			return cleanName(string(s))
		}
	}
	return ""
}

// cleanName keeps the characters a PDF name may hold without escapes.
func cleanName(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7f && !strings.ContainsRune("()<>[]{}/%#", r) {
			return r
		}
		return -1
	}, s)
}

// family is the name under which the faces are given to fpdf. fpdf writes
// "utf8" + lower(family) + style as the PDF font name; the name is long so
// that fixNames can put the true name in its place without moving a byte.
const family = "sinergi-body-font-0123456789-0123456789-0123456789-0123456789"

// fixNames replaces, in place, fpdf's made-up font names in (part of) the
// finished file with "SNRGAA+LiberationSans" (subset tag + PostScript
// name), padded with spaces so that the cross-reference offsets stay right.
func (fs *fontSet) fixNames(pdf []byte) {
	if !bytes.Contains(pdf, []byte("/utf8"+family)) {
		return
	}
	for i, f := range fs.faces {
		old := []byte("/utf8" + family + styles[i] + "\n")
		name := "/" + f.subsetID + "+" + f.psName
		if len(name)+1 > len(old) {
			name = name[:len(old)-1]
		}
		repl := name + strings.Repeat(" ", len(old)-len(name)-1) + "\n"
		for at := 0; ; {
			j := bytes.Index(pdf[at:], old)
			if j < 0 {
				break
			}
			at += j + copy(pdf[at+j:], repl)
		}
	}
}
