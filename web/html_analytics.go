package web

import (
	"fmt"
	"net/http"
	"sort"
	"strings"

	"sinergi"
	"sinergi/network"
)

type analyticsRow struct {
	Name, Sector, Value, Extra string
	Href                       string
}

type analyticsView struct {
	Since, Until, Level                                    string
	Levels                                                 []levelOption
	Node, Group, NodeEI, GroupEI                           sinergi.Text // what a node and a formal group are at this level
	Nodes, Edges, Components, Isolated, Communities, Links int
	Density, Modularity, Formal, EI, Reciprocity, Method   string
	Brokers, EINodes, EIGroups, Dormant, WoG               []analyticsRow
	Groups                                                 []analyticsRow // communities: Value = members
	Findings                                               []string
	Drawing                                                *netDrawing // html_analytics_svg.go
	Trends                                                 *trendsView // html_trends.go
}

type levelOption struct {
	Code  string
	Label sinergi.Text
}

// analyticsLevels names the levels of the network (issue 6 item 2): the
// node, and the formal group its E-I index is taken against (domain.md §7).
var analyticsLevels = []struct {
	Level           network.Level
	Node, Group     sinergi.Text
	NodeEI, GroupEI sinergi.Text // table headings
}{
	{network.LevelUnit, sinergi.T("Unit kerja", "Unit"), sinergi.T("Instansi", "Organisation"),
		sinergi.T("Indeks E-I per unit kerja", "E-I index per unit"), sinergi.T("Indeks E-I per instansi (semua unit kerjanya)", "E-I index per organisation (all its units)")},
	{network.LevelOrganization, sinergi.T("Instansi", "Organisation"), sinergi.T("Sektor", "Sector"),
		sinergi.T("Indeks E-I per instansi", "E-I index per organisation"), sinergi.T("Indeks E-I per sektor", "E-I index per sector")},
	{network.LevelSector, sinergi.T("Sektor", "Sector"), sinergi.Text{}, sinergi.T("Indeks E-I per sektor", "E-I index per sector"), sinergi.Text{}},
}

// dec formats x with the decimal separator of the language.
func dec(x float64, digits int, lang string) string {
	s := fmt.Sprintf("%.*f", digits, x)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// analyticsPage shows the organisation-level collaboration network:
// brokers, communities, E-I per sector, dormant ties, WoG index, findings.
func (s *Server) analyticsPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	since, until, level, err := networkQuery(r)
	if err != nil {
		return err
	}
	res, err := s.networkAnalysis(r.Context(), since, until, level)
	if err != nil {
		return err
	}
	lg := lang(r)
	sectorLabel := func(code string) string {
		if i, ok := sinergi.LookupSector(sinergi.Sector(code)); ok {
			return i.Label.In(lg)
		}
		return code
	}
	v := analyticsView{Since: r.URL.Query().Get("since"), Until: r.URL.Query().Get("until"), Level: string(level),
		Nodes: res.Nodes, Edges: res.Edges, Components: res.Components, Isolated: len(res.Isolated), Communities: res.CommunityCount,
		Density: dec(res.Density, 3, lg), Modularity: dec(res.Modularity, 3, lg), Method: res.BetweennessMethod}
	for _, l := range analyticsLevels {
		v.Levels = append(v.Levels, levelOption{string(l.Level), l.Node})
		if l.Level == level {
			v.Node, v.Group, v.NodeEI, v.GroupEI = l.Node, l.Group, l.NodeEI, l.GroupEI
		}
	}
	for _, n := range res.Links {
		v.Links += n
	}
	v.Drawing = drawNetwork(res)
	v.Trends = s.trendsFor(r, 0, since, until)
	if res.FormalModularity != nil {
		v.Formal = dec(*res.FormalModularity, 3, lg)
	}
	if res.EINetwork != nil && res.EINetwork.Index != nil {
		v.EI = dec(*res.EINetwork.Index, 2, lg)
	}
	if res.Reciprocity != nil {
		v.Reciprocity = dec(res.Reciprocity.Overall, 2, lg)
	}
	name := func(node string) string {
		if level == network.LevelSector {
			return sectorLabel(node)
		}
		return res.Labels[node]
	}
	row := func(node, value, extra string) analyticsRow {
		return analyticsRow{Name: name(node), Sector: sectorLabel(res.Sectors[node]), Value: value, Extra: extra, Href: res.Href(node)}
	}
	eiRows := func(m map[string]network.EI, label func(string) string, href func(string) string) []analyticsRow {
		var out []analyticsRow
		for k, e := range m {
			val := "—"
			if e.Index != nil {
				val = dec(*e.Index, 2, lg)
			}
			out = append(out, analyticsRow{Name: label(k), Sector: sectorLabel(res.Sectors[k]), Value: val, Extra: fmt.Sprintf("%d / %d", e.External, e.Internal), Href: href(k)})
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
		return out
	}
	for _, b := range res.Brokers {
		v.Brokers = append(v.Brokers, row(b.Node, dec(b.Value, 3, lg), ""))
	}
	members := make([][]string, res.CommunityCount)
	for node, c := range res.Communities {
		if c >= 0 && c < len(members) {
			members[c] = append(members[c], name(node))
		}
	}
	for c, m := range members {
		if len(m) < 2 {
			continue // singletons: the isolated nodes
		}
		sort.Strings(m)
		v.Groups = append(v.Groups, analyticsRow{Name: fmt.Sprintf("%d", c+1), Value: strings.Join(m, "; "), Extra: fmt.Sprintf("%d", len(m))})
	}
	v.EINodes = eiRows(res.EINodes, name, res.Href)
	if level == network.LevelUnit { // groups are organisations
		v.EIGroups = eiRows(res.EIGroups, func(k string) string { return res.Labels[k] }, res.Href)
	} else {
		v.EIGroups = eiRows(res.EIGroups, sectorLabel, func(string) string { return "" })
	}
	for _, t := range res.Dormant {
		v.Dormant = append(v.Dormant, analyticsRow{Name: name(t.A) + " – " + name(t.B), Value: FormatDate(t.Last, lg), Extra: fmt.Sprintf("%d", t.Count)})
	}
	type ws struct {
		node string
		v    float64
	}
	var wogs []ws
	for n, x := range res.WoG {
		wogs = append(wogs, ws{n, x})
	}
	sort.Slice(wogs, func(i, j int) bool {
		if wogs[i].v != wogs[j].v {
			return wogs[i].v > wogs[j].v
		}
		return name(wogs[i].node) < name(wogs[j].node)
	})
	for _, x := range wogs {
		v.WoG = append(v.WoG, row(x.node, dec(x.v, 1, lg), ""))
	}
	for _, f := range res.Findings {
		if lg == "en" {
			v.Findings = append(v.Findings, f.EN)
		} else {
			v.Findings = append(v.Findings, f.ID)
		}
	}
	s.render(w, r, http.StatusOK, "analytics", page{Title: pick(r, "Analitik jejaring kolaborasi", "Collaboration network analytics"), Data: v})
	return nil
}
