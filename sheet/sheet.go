// Package sheet reads and writes the spreadsheets of the bulk imports and
// exports (the kerja sama registry, the activity log): the import template
// (xlsx), uploaded xlsx and CSV files and the exports of a filtered list. A
// [Layout] names one kind of file's columns (agreements.go, activities.go);
// the rules of a record stay with the domain (the inputs' Validate and the
// store's checks), which the import calls row by row.
package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Limits on an uploaded file. A zip bomb (an xlsx whose parts inflate far
// beyond its size) is refused from the sizes the archive declares, and the
// zip reader refuses parts that inflate beyond what they declare.
var (
	MaxUpload      int64 = 10 << 20  // bytes of the uploaded file
	MaxUnzipped    int64 = 256 << 20 // bytes of all parts of an xlsx, inflated (read as a stream: 100,000 rows of inline strings are about 75 MiB)
	MaxUnzippedXML int64 = 16 << 20  // bytes of one worksheet kept in memory
	MaxRows              = 100_000   // data rows in one file
	MaxCell              = 10_000    // characters in one cell
)

// Column is one column of the template.
type Column struct {
	Key   string // API field name, e.g. "start_date"
	Label string // Indonesian header
	Help  string // Indonesian instruction
	HelpE string // English instruction
}

// Header is the text of the column's header cell: "Judul (title)".
func (c Column) Header() string { return c.Label + " (" + c.Key + ")" }

// Layout is one kind of import file: its data sheet, its columns in order,
// the columns a file must have and an example row for the instructions.
type Layout struct {
	Sheet       string // name of the data sheet, e.g. "Kerja sama"
	Noun, NounE string // one record, for the instructions: "kerja sama", "agreement"
	File        string // base name of the template file, e.g. "templat-impor-kerja-sama"
	Columns     []Column
	Required    []string // keys of the columns a file must have
	Example     []any
}

// ColumnLabel returns the header of a column key, or the key.
func (l *Layout) ColumnLabel(key string) string {
	for _, c := range l.Columns {
		if c.Key == key {
			return c.Header()
		}
	}
	return key
}

// Error is a file that cannot be read at all: nothing is imported.
type Error struct{ ID, EN string }

func (e *Error) Error() string { return e.EN }

func fail(id, en string, args ...any) *Error {
	return &Error{ID: fmt.Sprintf(id, args...), EN: fmt.Sprintf(en, args...)}
}

// Problem is one problem of one row: the spreadsheet row number (the
// header is row 1), the column key and the reason.
type Problem struct {
	Row      int    `json:"row"`
	Column   string `json:"column"`
	Label    string `json:"column_label"`
	Reason   string `json:"reason"`
	ReasonEN string `json:"reason_en"`
	Rule     string `json:"rule,omitempty"`
	Citation string `json:"citation,omitempty"`
}

// Mode is how an import treats rows with problems.
type Mode string

const (
	AllOrNothing Mode = "all_or_nothing" // any problem: nothing is stored
	ValidOnly    Mode = "valid_only"     // the valid rows are stored
)

// Report is the result of an import.
type Report struct {
	Mode     Mode      `json:"mode"`
	Format   string    `json:"format"`
	Rows     int       `json:"rows"`
	Valid    int       `json:"valid"`
	Imported int       `json:"imported"`
	IDs      []int64   `json:"ids"`
	Problems []Problem `json:"problems"`
}

// Row is one data row: its spreadsheet row number and its cells by column key.
type Row struct {
	Line  int
	Cells map[string]string
}

// Template returns the import template: a data sheet with the header row
// and an instructions sheet.
func (l *Layout) Template() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	data := l.Sheet
	if err := f.SetSheetName("Sheet1", data); err != nil {
		return nil, err
	}
	head := make([]any, len(l.Columns))
	for i, c := range l.Columns {
		head[i] = c.Header()
	}
	if err := f.SetSheetRow(data, "A1", &head); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return nil, err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": dates stay text
	if err != nil {
		return nil, err
	}
	last, _ := excelize.ColumnNumberToName(len(l.Columns))
	if err := f.SetColStyle(data, "A:"+last, text); err != nil {
		return nil, err
	}
	if err := f.SetCellStyle(data, "A1", last+"1", bold); err != nil {
		return nil, err
	}
	if err := f.SetColWidth(data, "A", last, 24); err != nil {
		return nil, err
	}
	if err := f.SetPanes(data, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	const help = "Petunjuk"
	if _, err := f.NewSheet(help); err != nil {
		return nil, err
	}
	rows := [][]any{
		{fmt.Sprintf("Petunjuk pengisian templat impor %s / How to fill in the %s import template", l.Noun, l.NounE)},
		{fmt.Sprintf("Isi satu %s per baris pada lembar %q, mulai baris 2. Jangan ubah baris judul kolom. Simpan sebagai .xlsx atau CSV (UTF-8, pemisah koma atau titik koma). Ukuran berkas paling besar %d MiB.", l.Noun, l.Sheet, MaxUpload>>20)},
		{fmt.Sprintf("Fill in one %s per row on the %q sheet from row 2. Do not change the header row. Save as .xlsx or CSV (UTF-8, comma or semicolon). At most %d MiB.", l.NounE, l.Sheet, MaxUpload>>20)},
		{},
		{"Kolom / Column", "Petunjuk", "Instructions"},
	}
	for _, c := range l.Columns {
		rows = append(rows, []any{c.Header(), c.Help, c.HelpE})
	}
	rows = append(rows, []any{}, []any{"Contoh / Example"})
	head2 := make([]any, len(l.Columns))
	copy(head2, head)
	rows = append(rows, head2, l.Example)
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(help, cell, &r); err != nil {
			return nil, err
		}
	}
	_ = f.SetColWidth(help, "A", "A", 40)
	_ = f.SetColWidth(help, "B", "C", 70)
	f.SetActiveSheet(0)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// IsXLSX reports whether b starts like a zip archive.
func IsXLSX(b []byte) bool { return bytes.HasPrefix(b, []byte("PK\x03\x04")) }

// Read parses an uploaded file (xlsx when it is a zip archive, else CSV)
// into its data rows. The format is "xlsx" or "csv".
func (l *Layout) Read(b []byte) (rows []Row, format string, err error) {
	format, err = l.Scan(b, func(r Row) error {
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		return nil, format, err
	}
	return rows, format, nil
}

// Scan parses an uploaded file like Read but hands each data row to fn as
// it is read, holding only the row in memory (and, for xlsx, the shared
// strings); an error from fn stops the scan and is returned.
func (l *Layout) Scan(b []byte, fn func(Row) error) (format string, err error) {
	if int64(len(b)) > MaxUpload {
		return "", TooLarge()
	}
	if len(b) == 0 {
		return "", fail("Berkas kosong", "The file is empty")
	}
	rs := &rowScanner{layout: l, fn: fn}
	if IsXLSX(b) {
		format = "xlsx"
		err = readXLSX(b, l.Sheet, rs.record)
	} else {
		format = "csv"
		err = readCSV(b, rs.record)
	}
	if err != nil {
		return format, err
	}
	if rs.keys == nil {
		return format, fail("Berkas tidak memuat baris judul kolom", "The file has no header row")
	}
	if rs.rows == 0 {
		return format, fail("Berkas tidak memuat baris data", "The file holds no data rows")
	}
	return format, nil
}

// TooLarge is the error for an upload over MaxUpload.
func TooLarge() *Error {
	return fail("Berkas terlalu besar (paling besar %d MiB)", "The file is too large (at most %d MiB)", MaxUpload>>20)
}

// readXLSX hands the records of the sheet named data (any case), else of
// the first sheet, to emit.
func readXLSX(b []byte, data string, emit func([]string) error) error {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return fail("Berkas xlsx rusak atau bukan xlsx", "The xlsx file is damaged or not an xlsx file")
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if total > uint64(MaxUnzipped) || zf.UncompressedSize64 > uint64(MaxUnzipped) {
			return bomb()
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: MaxUnzipped, UnzipXMLSizeLimit: MaxUnzippedXML})
	if err != nil {
		if strings.Contains(err.Error(), "size") && strings.Contains(err.Error(), "limit") {
			return bomb()
		}
		return fail("Berkas xlsx rusak atau bukan xlsx", "The xlsx file is damaged or not an xlsx file")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return fail("Berkas xlsx tidak memuat lembar kerja", "The xlsx file holds no worksheet")
	}
	name := sheets[0]
	for _, s := range sheets {
		if strings.EqualFold(s, data) {
			name = s
		}
	}
	it, err := f.Rows(name)
	if err != nil {
		return readErr(err)
	}
	defer it.Close()
	for it.Next() {
		r, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return readErr(err)
		}
		if err := emit(r); err != nil {
			return err
		}
	}
	if err := it.Error(); err != nil {
		return readErr(err)
	}
	return nil
}

func readErr(err error) error {
	if errors.Is(err, zip.ErrFormat) || strings.Contains(err.Error(), "limit") {
		return bomb()
	}
	return fail("Lembar kerja xlsx tidak dapat dibaca", "The xlsx worksheet cannot be read")
}

func bomb() *Error {
	return fail("Berkas xlsx ditolak: isinya setelah diekstrak melebihi %d MiB (kemungkinan bom zip)",
		"The xlsx file is refused: its content inflates beyond %d MiB (a possible zip bomb)", MaxUnzipped>>20)
}

func readCSV(b []byte, emit func([]string) error) error {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 {
		return fail("Berkas CSV harus teks UTF-8 (atau unggah berkas .xlsx)", "A CSV file must be UTF-8 text (or upload an .xlsx file)")
	}
	first, _, _ := bytes.Cut(b, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(b))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return fail("CSV tidak valid pada baris %d: %v", "Malformed CSV at line %d: %v", pe.Line, pe.Err)
			}
			return fail("CSV tidak valid", "Malformed CSV")
		}
		if err := emit(rec); err != nil {
			return err
		}
	}
	return nil
}

// headerKey maps a header cell to a column key: "Judul (title)", "Judul"
// and "title" all name the title column.
func (l *Layout) headerKey(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	for _, c := range l.Columns {
		if h == c.Key || h == strings.ToLower(c.Label) || h == strings.ToLower(c.Header()) {
			return c.Key
		}
		if i := strings.LastIndex(h, "("); i >= 0 && strings.TrimSuffix(strings.TrimSpace(h[i+1:]), ")") == c.Key {
			return c.Key
		}
	}
	return ""
}

// rowScanner turns the records of a file into rows: the first record with
// a cell is the header, blank records are skipped.
type rowScanner struct {
	layout  *Layout
	fn      func(Row) error
	keys    []string // column key of each header cell ("" for unknown)
	records int
	rows    int
}

func (rs *rowScanner) record(rec []string) error {
	rs.records++
	if rs.records > MaxRows+1 {
		return fail("Terlalu banyak baris (paling banyak %d)", "Too many rows (at most %d)", MaxRows)
	}
	if blank(rec) {
		return nil
	}
	if rs.keys == nil {
		return rs.header(rec)
	}
	r := Row{Line: rs.records, Cells: make(map[string]string, len(rs.layout.Columns))}
	for j, v := range rec {
		if j < len(rs.keys) && rs.keys[j] != "" {
			if utf8.RuneCountInString(v) > MaxCell {
				return fail("Sel di baris %d terlalu panjang (paling banyak %d karakter)", "A cell in row %d is too long (at most %d characters)", rs.records, MaxCell)
			}
			r.Cells[rs.keys[j]] = strings.TrimSpace(v)
		}
	}
	rs.rows++
	return rs.fn(r)
}

func (rs *rowScanner) header(rec []string) error {
	l := rs.layout
	keys := make([]string, len(rec))
	seen := map[string]bool{}
	for i, h := range rec {
		k := l.headerKey(h)
		if k != "" && seen[k] {
			return fail("Kolom %q muncul dua kali", "Column %q appears twice", h)
		}
		seen[k], keys[i] = true, k
	}
	var missing []string
	for _, k := range l.Required {
		if !seen[k] {
			missing = append(missing, l.ColumnLabel(k))
		}
	}
	if len(missing) > 0 {
		return fail("Kolom wajib tidak ada: %s (gunakan templat impor)", "Required columns are missing: %s (use the import template)", strings.Join(missing, ", "))
	}
	rs.keys = keys
	return nil
}

func blank(r []string) bool {
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Bool reads a yes/no cell; ok is false for anything else.
func Bool(s string) (v, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "tidak", "no", "n", "false", "0":
		return false, true
	case "ya", "yes", "y", "true", "1", "benar":
		return true, true
	}
	return false, false
}

// Date reads a date cell: YYYY-MM-DD or dd/mm/yyyy as typed, or the serial
// number a spreadsheet stores for a date-formatted cell. What it cannot read
// is returned as it is, for the record's validation to refuse.
func Date(s string) string {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseFloat(s, 64); err == nil && n > 1 && n < 120000 && !strings.Contains(s, "-") {
		d := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n))
		return d.Format(time.DateOnly)
	}
	if len(s) > 10 && s[4] == '-' && s[7] == '-' && (s[10] == ' ' || s[10] == 'T') {
		return s[:10] // 2026-01-01 00:00:00
	}
	if strings.Count(s, "/") == 2 {
		if d, err := time.Parse("2/1/2006", s); err == nil {
			return d.Format(time.DateOnly) // dd/mm/yyyy, as Indonesian spreadsheets write it
		}
	}
	return s
}

// List splits a cell at semicolons (the parties of an agreement).
func List(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ExportHeader is the header of an export: the id and status and the
// template's columns (so an export can be imported again).
func (l *Layout) ExportHeader() []string {
	h := []string{"ID (id)", "Status (status)"}
	for _, c := range l.Columns {
		h = append(h, c.Header())
	}
	return h
}

// WriteCSV writes rows as CSV (UTF-8 with a BOM so spreadsheets read it).
func WriteCSV(w io.Writer, header []string, rows [][]string) error {
	if _, err := w.Write([]byte("\xef\xbb\xbf")); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		for i, c := range r {
			r[i] = safeCell(c)
		}
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// safeCell keeps a spreadsheet from reading text as a formula (CSV
// injection): a leading =, +, - or @ gets a leading apostrophe.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		if _, err := strconv.ParseFloat(s, 64); err != nil {
			return "'" + s
		}
	}
	return s
}

// WriteXLSX writes rows to an xlsx workbook with one sheet, streaming.
func WriteXLSX(w io.Writer, sheetName string, header []string, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheetName)
	if err != nil {
		return err
	}
	row := func(n int, cells []string) error {
		vs := make([]any, len(cells))
		for i, c := range cells {
			vs[i] = c // text cells: never formulas
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		return sw.SetRow(cell, vs)
	}
	if err := row(1, header); err != nil {
		return err
	}
	for i, r := range rows {
		if err := row(i+2, r); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
