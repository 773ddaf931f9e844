package report

import (
	"strconv"
	"strings"
	"time"

	"sinergi/pdf"
)

// Kind is the kind of a content block.
type Kind int

const (
	KHeading Kind = iota
	KPara
	KBullets
	KTable
	KBar
	KNetwork
)

// Block is one piece of the report, written the same way to PDF and HTML.
type Block struct {
	Kind   Kind
	Level  int    // headings: 1–3
	Number string // headings: "1.2", set by Build
	Text   string
	Items  []string
	Table  pdf.Table
	Chart  pdf.Chart
	Net    pdf.Network
}

// Report is the assembled report.
type Report struct {
	Title    string
	OrgName  string
	Meta     []pdf.KV
	Summary  []Block // before the contents, unnumbered
	Blocks   []Block
	Verdict  Verdict
	From, To time.Time
	Secret   bool // holds rahasia records: marked RAHASIA on every page
	nums     [3]int
}

func (r *Report) heading(level int, text string) {
	r.nums[level-1]++
	for i := level; i < 3; i++ {
		r.nums[i] = 0
	}
	parts := make([]string, level)
	for i := range level {
		parts[i] = strconv.Itoa(r.nums[i])
	}
	r.Blocks = append(r.Blocks, Block{Kind: KHeading, Level: level, Number: strings.Join(parts, "."), Text: text})
}

func (r *Report) para(sentences ...string) {
	var keep []string
	for _, s := range sentences {
		if s = strings.TrimSpace(s); s != "" {
			keep = append(keep, s)
		}
	}
	if len(keep) > 0 {
		r.Blocks = append(r.Blocks, Block{Kind: KPara, Text: strings.Join(keep, " ")})
	}
}

func (r *Report) bullets(items ...string) {
	if len(items) > 0 {
		r.Blocks = append(r.Blocks, Block{Kind: KBullets, Items: items})
	}
}

func (r *Report) table(t pdf.Table) { r.Blocks = append(r.Blocks, Block{Kind: KTable, Table: t}) }

// text is every word of a block as the reader sees it.
func (b Block) text() string {
	var s []string
	switch b.Kind {
	case KHeading, KPara:
		s = append(s, b.Text)
	case KBullets:
		s = append(s, b.Items...)
	case KTable:
		s = append(s, b.Table.Caption, b.Table.Source)
		for _, c := range b.Table.Columns {
			s = append(s, c.Title)
		}
		for _, row := range b.Table.Rows {
			s = append(s, row...)
		}
	case KBar:
		s = append(s, b.Chart.Caption, b.Chart.Source, b.Chart.Unit)
		s = append(s, b.Chart.Labels...)
		for _, x := range b.Chart.Series {
			s = append(s, x.Name)
		}
	case KNetwork:
		s = append(s, b.Net.Caption, b.Net.Source)
		for _, n := range b.Net.Nodes {
			s = append(s, n.Label)
		}
	}
	return strings.Join(s, "\n")
}

// WordCount is the number of words of the report's content: title, data
// block, summary, headings, paragraphs, lists, tables and captions (not the
// table of contents, page numbers and heading numbers the engine adds).
func (r *Report) WordCount() int {
	var b strings.Builder
	b.WriteString(r.Title + "\n" + r.OrgName + "\n")
	for _, kv := range r.Meta {
		b.WriteString(kv.Key + " " + kv.Value + "\n")
	}
	for _, x := range append(append([]Block{}, r.Summary...), r.Blocks...) {
		b.WriteString(x.text() + "\n")
	}
	return Words(b.String())
}

// ProseWords counts only the words of paragraphs and lists.
func (r *Report) ProseWords() int {
	n := 0
	for _, x := range append(append([]Block{}, r.Summary...), r.Blocks...) {
		if x.Kind == KPara || x.Kind == KBullets {
			n += Words(x.text())
		}
	}
	return n
}
