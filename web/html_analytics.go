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
	Since, Until                                           string
	Nodes, Edges, Components, Isolated, Communities, Links int
	Density, Modularity, Formal, EI, Reciprocity, Method   string
	Brokers, EISectors, Dormant, WoG                       []analyticsRow
	Groups                                                 []analyticsRow // communities: Value = members
	Findings                                               []string
	Drawing                                                *netDrawing // html_analytics_svg.go
	Trends                                                 *trendsView // html_trends.go
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
	since, until, err := networkWindow(r)
	if err != nil {
		return err
	}
	res, err := s.DB.AnalyzeNetwork(r.Context(), since, until, network.Options{})
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
	v := analyticsView{Since: r.URL.Query().Get("since"), Until: r.URL.Query().Get("until"),
		Nodes: res.Nodes, Edges: res.Edges, Components: res.Components, Isolated: len(res.Isolated), Communities: res.CommunityCount,
		Density: dec(res.Density, 3, lg), Modularity: dec(res.Modularity, 3, lg), Method: res.BetweennessMethod}
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
	row := func(node, value, extra string) analyticsRow {
		return analyticsRow{Name: res.Labels[node], Sector: sectorLabel(res.Sectors[node]), Value: value, Extra: extra, Href: "/organizations/" + node}
	}
	for _, b := range res.Brokers {
		v.Brokers = append(v.Brokers, row(b.Node, dec(b.Value, 3, lg), ""))
	}
	members := make([][]string, res.CommunityCount)
	for node, c := range res.Communities {
		if c >= 0 && c < len(members) {
			members[c] = append(members[c], res.Labels[node])
		}
	}
	for c, m := range members {
		if len(m) < 2 {
			continue // singletons: the isolated organisations
		}
		sort.Strings(m)
		v.Groups = append(v.Groups, analyticsRow{Name: fmt.Sprintf("%d", c+1), Value: strings.Join(m, "; "), Extra: fmt.Sprintf("%d", len(m))})
	}
	sectors := make([]string, 0, len(res.EIGroups))
	for k := range res.EIGroups {
		sectors = append(sectors, k)
	}
	sort.Strings(sectors)
	for _, k := range sectors {
		e := res.EIGroups[k]
		val := "—"
		if e.Index != nil {
			val = dec(*e.Index, 2, lg)
		}
		v.EISectors = append(v.EISectors, analyticsRow{Name: sectorLabel(k), Value: val, Extra: fmt.Sprintf("%d / %d", e.External, e.Internal)})
	}
	for _, t := range res.Dormant {
		v.Dormant = append(v.Dormant, analyticsRow{Name: res.Labels[t.A] + " – " + res.Labels[t.B], Value: FormatDate(t.Last, lg), Extra: fmt.Sprintf("%d", t.Count)})
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
		return res.Labels[wogs[i].node] < res.Labels[wogs[j].node]
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
