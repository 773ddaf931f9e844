package sinergi

import (
	"archive/zip"
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// FileKind is the type of an uploaded file as its content shows it — never
// as its name or declared Content-Type claims. Every upload (imports,
// evidence) is told apart by SniffFile, the one place that reads signatures.
type FileKind string

const (
	FilePDF  FileKind = "pdf"
	FilePNG  FileKind = "png"
	FileJPEG FileKind = "jpeg"
	FileXLSX FileKind = "xlsx" // a zip archive whose directory names xl/workbook.xml
	FileDOCX FileKind = "docx" // a zip archive whose directory names word/document.xml
	FileText FileKind = "text" // UTF-8 (an optional BOM), no NUL bytes, no markup: plain text or CSV
)

// SniffFile returns the kind of b, or "" when it is none of them. Zip
// archives are recognised from their directory; nothing is unpacked.
func SniffFile(b []byte) FileKind {
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return FilePDF
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return FilePNG
	case bytes.HasPrefix(b, []byte("\xff\xd8\xff")):
		return FileJPEG
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return ""
		}
		for _, f := range zr.File {
			switch f.Name {
			case "xl/workbook.xml":
				return FileXLSX
			case "word/document.xml":
				return FileDOCX
			}
		}
		return ""
	}
	text := bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	// markup (HTML, XML) is not accepted as text: the standard library's
	// sniffer tells it from the first bytes
	if len(text) > 0 && utf8.Valid(text) && bytes.IndexByte(text, 0) < 0 && strings.HasPrefix(http.DetectContentType(text), "text/plain") {
		return FileText
	}
	return ""
}

// FileTooLarge is the error of an upload over max bytes (413).
func FileTooLarge(max int64) *Error {
	size := strconv.FormatInt(max>>10, 10) + " KiB"
	if max >= 1<<20 {
		size = strconv.FormatInt(max>>20, 10) + " MiB"
	}
	msg := T("Berkas terlalu besar (paling besar "+size+")", "The file is too large (at most "+size+")")
	return &Error{Code: CodeTooLarge, Msg: msg, Fields: []FieldError{{Field: "file", Msg: msg}}}
}
