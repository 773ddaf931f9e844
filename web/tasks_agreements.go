package web

import (
	"net/http"
	"strconv"

	"sinergi"
)

// agreementTasks: my organisation's agreements that are expiring, its
// overdue obligations under agreements in force and its overdue
// implementation reports.
func agreementTasks(s *Server, r *http.Request) ([]task, error) {
	u := currentUser(r)
	if u == nil || u.OrganizationID == 0 || !sinergi.CanActForOrganization(sinergi.ActorFrom(r.Context()), u.OrganizationID) {
		return nil, nil
	}
	var out []task
	exp, err := s.DB.Agreements(r.Context(), sinergi.AgreementFilter{Status: sinergi.AgreementExpiring, OrgID: u.OrganizationID, Limit: 20})
	if err != nil {
		return nil, err
	}
	for i := range exp.Items {
		a := &exp.Items[i]
		v := ksView(r, a)
		out = append(out, task{Text: pick(r, "Kerja sama akan berakhir: ", "Agreement expiring: ") + a.Title + " — " + v.End + " (" + v.Left + ")",
			Link: "/agreements/" + strconv.FormatInt(a.ID, 10)})
	}
	for _, st := range []sinergi.AgreementStatus{sinergi.AgreementActive, sinergi.AgreementExpiring, sinergi.AgreementInProcess} {
		l, err := s.DB.Agreements(r.Context(), sinergi.AgreementFilter{Status: st, OrgID: u.OrganizationID, Limit: 50})
		if err != nil {
			return nil, err
		}
		for i := range l.Items {
			a := &l.Items[i]
			for _, o := range a.Obligations {
				if o.Overdue && o.OrganizationID == u.OrganizationID {
					out = append(out, task{Text: pick(r, "Kewajiban lewat tenggat ("+o.DueDate+"): ", "Obligation overdue ("+o.DueDate+"): ") + o.Description + " — " + a.Title,
						Link: "/agreements/" + strconv.FormatInt(a.ID, 10)})
				}
			}
		}
	}
	late, err := s.DB.OverdueAgreementReports(r.Context(), u.OrganizationID)
	if err != nil {
		return nil, err
	}
	for _, o := range late {
		out = append(out, task{Text: pick(r, "Laporan pelaksanaan terlambat (jatuh tempo "+o.Due+"): ", "Implementation report overdue (due "+o.Due+"): ") + o.Title,
			Link: "/agreements/" + strconv.FormatInt(o.AgreementID, 10) + "/reports"})
	}
	return out, nil
}
