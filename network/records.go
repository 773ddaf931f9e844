package network

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"
)

// ReadLinks reads link records, one a line, as CSV:
//
//	from,to,date[,kind[,directed]]
//
// date is YYYY-MM-DD; kind names the record (an activity type, "forum", …);
// directed is 1 or true for a give/receive pair (from gave, to received).
// A first line naming the columns is skipped; lines starting with # are
// comments. Node names and kinds are interned, so a million records of a
// hundred thousand nodes keep one copy of each name. Errors name the line.
func ReadLinks(r io.Reader) ([]Link, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = true
	names := map[string]string{}
	intern := func(s string) string {
		s = strings.TrimSpace(s)
		if v, ok := names[s]; ok {
			return v
		}
		s = strings.Clone(s)
		names[s] = s
		return s
	}
	var out []Link
	for first := true; ; first = false {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("malformed CSV: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if first && len(rec) >= 3 && strings.EqualFold(strings.TrimSpace(rec[2]), "date") {
			continue
		}
		if len(rec) < 3 || len(rec) > 5 {
			return nil, fmt.Errorf("line %d: want from,to,date[,kind[,directed]], got %d fields", line, len(rec))
		}
		l := Link{From: intern(rec[0]), To: intern(rec[1])}
		if l.From == "" || l.To == "" {
			return nil, fmt.Errorf("line %d: empty node name", line)
		}
		if l.At, err = time.Parse(time.DateOnly, strings.TrimSpace(rec[2])); err != nil {
			return nil, fmt.Errorf("line %d: date must be YYYY-MM-DD: %q", line, rec[2])
		}
		if len(rec) > 3 {
			l.Kind = intern(rec[3])
		}
		if len(rec) > 4 {
			switch strings.ToLower(strings.TrimSpace(rec[4])) {
			case "1", "true":
				l.Directed = true
			case "", "0", "false":
			default:
				return nil, fmt.Errorf("line %d: directed must be 1/0 or true/false: %q", line, rec[4])
			}
		}
		out = append(out, l)
	}
}
