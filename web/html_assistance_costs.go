package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"sinergi"
	"sinergi/rupiah"
)

// costRows is how many share lines the cost form offers.
const costRows = 4

func (s *Server) assistanceCosts(w http.ResponseWriter, r *http.Request) error {
	a, err := s.loadAssist(r)
	if err != nil {
		return err
	}
	form := url.Values{}
	for i, sh := range a.CostSharing.Shares {
		n := strconv.Itoa(i + 1)
		form.Set("org_"+n, strconv.FormatInt(sh.OrganizationID, 10))
		form.Set("amount_"+n, strconv.FormatInt(sh.Amount, 10))
		form.Set("source_"+n, sh.FundingSource)
		form.Set("line_"+n, sh.BudgetLine)
	}
	return s.renderCosts(w, r, http.StatusOK, a, form, nil)
}

func (s *Server) renderCosts(w http.ResponseWriter, r *http.Request, st int, a *sinergi.AssistanceRequest, form url.Values, errs []sinergi.FieldError) error {
	type row struct{ N string }
	var rows []row
	for i := 1; i <= costRows; i++ {
		rows = append(rows, row{strconv.Itoa(i)})
	}
	var shares []map[string]string
	for _, sh := range a.CostSharing.Shares {
		shares = append(shares, map[string]string{"Org": sh.OrganizationName, "Amount": rupiah.Format(sh.Amount), "Source": sh.FundingSource, "Line": sh.BudgetLine})
	}
	org := currentUser(r).OrganizationID
	mine := a.CostSharing.RequesterConfirmedAt
	if org == a.ProviderOrgID {
		mine = a.CostSharing.ProviderConfirmedAt
	}
	s.render(w, r, st, "assistance_costs", page{Title: pick(r, "Pembagian biaya", "Cost sharing"), Form: form, Errors: errs, Data: map[string]any{
		"R": bkView(r, a), "Rows": rows, "Shares": shares, "Sources": sinergi.FundingSources, "Can": bkSides(r, a),
		"Confirmed": mine != nil, "Parties": []struct {
			ID   int64
			Name string
		}{{a.RequesterOrgID, a.RequesterOrgName}, {a.ProviderOrgID, a.ProviderOrgName}}}})
	return nil
}

func (s *Server) assistanceCostsSave(w http.ResponseWriter, r *http.Request) error {
	a, err := s.loadAssist(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	var in sinergi.CostSharingInput
	var v sinergi.Validation
	for i := 1; i <= costRows; i++ {
		n := strconv.Itoa(i)
		f := r.PostForm
		if strings.TrimSpace(f.Get("amount_"+n)+f.Get("line_"+n)) == "" {
			continue
		}
		sh := sinergi.CostShare{FundingSource: f.Get("source_" + n), BudgetLine: f.Get("line_" + n)}
		sh.OrganizationID, _ = strconv.ParseInt(f.Get("org_"+n), 10, 64)
		amount, ok := rupiah.Parse(f.Get("amount_" + n))
		if !ok {
			v.Add("amount_"+n, "Jumlah harus angka rupiah, misalnya 1.500.000", "The amount must be rupiah, e.g. 1.500.000")
		}
		sh.Amount = amount
		in.Shares = append(in.Shares, sh)
	}
	err = v.Err()
	if err == nil {
		_, err = s.DB.SetCostSharing(r.Context(), a.ID, formVersion(r.PostForm), in)
	}
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		for i := range errs { // shares[0].amount → amount_1
			if f := errs[i].Field; strings.HasPrefix(f, "shares[") {
				k, _ := strconv.Atoi(f[len("shares["):strings.IndexByte(f, ']')])
				name := map[string]string{"organization_id": "org_", "amount": "amount_", "funding_source": "source_", "budget_line": "line_"}[f[strings.IndexByte(f, '.')+1:]]
				errs[i].Field = name + strconv.Itoa(k+1)
			}
		}
		return s.renderCosts(w, r, http.StatusUnprocessableEntity, a, r.PostForm, errs)
	}
	flash(w, pick(r, "Pembagian biaya tersimpan. Kedua pihak perlu menyetujuinya.", "Cost sharing saved. Both parties need to confirm it."))
	http.Redirect(w, r, bkPath(a.ID, "/costs"), http.StatusSeeOther)
	return nil
}
