package pdf

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// fpdf compresses each page with a new zlib writer (about 1 MB to allocate
// and clear per page). The engine asks it for plain streams instead and
// compresses them here with one reused writer per core, then writes the
// cross-reference table again. The writer is klauspost/compress's zlib: the
// same format, a quarter less CPU than compress/zlib and 3 % smaller files
// at BestSpeed (measured on the 500-page report of bench/pdfgen).

// pdfObj is one indirect object of the file.
type pdfObj struct {
	num, off int
	chunk    []byte // "n 0 obj … endobj\n" as written
	out      []byte // replacement; nil: chunk as is
}

// deflate compresses the streams that have no filter ("<</Length n>>") and
// returns the file with a new cross-reference table. fix (may be nil) edits
// in place, without changing their length, the objects left as they are —
// the dictionaries, where the font names are — or the whole file when
// deflate does not understand it; such a file comes back otherwise
// unchanged (still valid, only larger).
func deflate(in []byte, fix func([]byte)) []byte {
	if fix == nil {
		fix = func([]byte) {}
	}
	objs, trailer, ok := parseObjects(in)
	if !ok {
		fix(in)
		return in
	}
	jobs := make(chan *pdfObj)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), 4) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var zw *zlib.Writer
			for o := range jobs {
				prefix := strconv.Itoa(o.num) + " 0 obj\n<</Length "
				head, rest, ok := bytes.Cut(o.chunk[len(prefix):], []byte(">>\nstream\n"))
				n, err := strconv.Atoi(string(head))
				if !ok || err != nil || n > len(rest) || !bytes.Equal(rest[n:], []byte("\nendstream\nendobj\n")) {
					continue
				}
				var buf bytes.Buffer
				buf.Grow(n/3 + 64)
				if zw == nil {
					zw, _ = zlib.NewWriterLevel(&buf, zlib.BestSpeed)
				} else {
					zw.Reset(&buf)
				}
				zw.Write(rest[:n])
				zw.Close()
				o.out = fmt.Appendf(nil, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n%s\nendstream\nendobj\n", o.num, buf.Len(), buf.Bytes())
			}
		}()
	}
	for _, o := range objs {
		if bytes.HasPrefix(o.chunk, []byte(strconv.Itoa(o.num)+" 0 obj\n<</Length ")) {
			jobs <- o
		}
	}
	close(jobs)
	wg.Wait()

	out := bytes.NewBuffer(make([]byte, 0, len(in)/2))
	out.Write(in[:objs[0].off])
	offs := make([]int, len(objs)+1)
	for _, o := range objs {
		offs[o.num] = out.Len()
		if o.out != nil {
			out.Write(o.out)
		} else {
			fix(o.chunk)
			out.Write(o.chunk)
		}
	}
	x := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offs))
	for _, off := range offs[1:] {
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", x)
	return out.Bytes()
}

// parseObjects splits a file written by fpdf (one cross-reference section,
// objects 1…n, all in use) into its objects in file order, and returns the
// trailer dictionary ("trailer\n<<…>>\n").
func parseObjects(in []byte) ([]*pdfObj, []byte, bool) {
	x := bytes.LastIndex(in, []byte("\nxref\n0 "))
	if x < 0 {
		return nil, nil, false
	}
	x++
	line, rest, _ := bytes.Cut(in[x+len("xref\n0 "):], []byte("\n"))
	n, err := strconv.Atoi(string(line))
	if err != nil || n < 2 || len(rest) < 20*n {
		return nil, nil, false
	}
	objs := make([]*pdfObj, 0, n-1)
	for j := 1; j < n; j++ {
		e := rest[20*j : 20*j+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || e[17] != 'n' || off <= 0 || off >= x {
			return nil, nil, false
		}
		objs = append(objs, &pdfObj{num: j, off: off})
	}
	trailer, _, ok := bytes.Cut(rest[20*n:], []byte("startxref\n"))
	if !ok || !bytes.HasPrefix(trailer, []byte("trailer\n")) {
		return nil, nil, false
	}
	slices.SortFunc(objs, func(a, b *pdfObj) int { return a.off - b.off })
	for i, o := range objs {
		end := x
		if i+1 < len(objs) {
			end = objs[i+1].off
		}
		o.chunk = in[o.off:end]
		if !bytes.HasPrefix(o.chunk, []byte(strconv.Itoa(o.num)+" 0 obj\n")) || !bytes.HasSuffix(o.chunk, []byte("endobj\n")) {
			return nil, nil, false
		}
	}
	return objs, trailer, true
}
