package sinergi

// Authorisation of Bantuan Kedinasan, next to the other rules of access.go.

// CanActForOrganization: take a workflow step (submit, accept, refuse, …)
// for an organisation: its admins and members, and the system itself.
// Partners' accounts and system admins of other organisations cannot.
func CanActForOrganization(a *Actor, orgID int64) bool {
	if a != nil && a.System {
		return true
	}
	return a.Authenticated() && orgID != 0 && a.OrgID == orgID && (a.Has(RoleOrgAdmin) || a.Has(RoleMember))
}

// CanReadAssistance: a draft is seen by the requesting organisation only;
// after submission the request's classification decides (CanRead) with the
// two parties as the involved organisations.
func CanReadAssistance(a *Actor, r *AssistanceRequest) bool {
	if r.Status == AssistDraft {
		return a != nil && (a.System || a.Authenticated() && a.OrgID == r.RequesterOrgID && CanRead(a, r.Classification, r.Parties()))
	}
	return CanRead(a, r.Classification, r.Parties())
}
