package sinergi

import "slices"

// Authorisation rules, in one place. The store's service methods call these
// before reading or writing, so the web UI, the API and the command line
// cannot disagree.

// IsAdmin reports whether a runs the installation.
func (a *Actor) IsAdmin() bool { return a != nil && (a.System || a.Has(RoleSystemAdmin)) }

// CanCreateOrganization: system admins, and organisation admins (who register
// the partners they work with).
func CanCreateOrganization(a *Actor) bool {
	return a.IsAdmin() || a.Has(RoleOrgAdmin)
}

// CanManageOrganization: change an organisation and its units, people and
// accounts. System admins everywhere; organisation admins in their own.
func CanManageOrganization(a *Actor, orgID int64) bool {
	if a.IsAdmin() {
		return true
	}
	return a.Has(RoleOrgAdmin) && a.OrgID == orgID && orgID != 0
}

// CanViewPeople: names, NIP and e-mail of people are personal data, shown to
// logged-in accounts only.
func CanViewPeople(a *Actor) bool { return a.Authenticated() }

// CanReadAudit: the audit log is for system admins.
func CanReadAudit(a *Actor) bool { return a.IsAdmin() }

// Classification of a record (tata naskah dinas security classes used by
// later modules; SR is treated as rahasia).
type Classification string

const (
	Biasa    Classification = "biasa"
	Terbatas Classification = "terbatas"
	Rahasia  Classification = "rahasia"
)

// ValidClassification reports whether c is known.
func ValidClassification(c Classification) bool {
	return c == Biasa || c == Terbatas || c == Rahasia
}

// ClassificationLabel is how the UI names a classification.
var ClassificationLabel = map[Classification]Text{
	Biasa:    T("Biasa", "Ordinary"),
	Terbatas: T("Terbatas", "Restricted"),
	Rahasia:  T("Rahasia", "Secret"),
}

// CanRead decides whether a may see a record of class c that involves the
// organisations in orgs (its owner and parties):
//   - biasa: any logged-in account;
//   - terbatas: accounts of an involved organisation, and system admins;
//   - rahasia: admins and members of an involved organisation only — not
//     partners' accounts, and not system admins, who run the installation
//     but are not entitled to its secrets.
func CanRead(a *Actor, c Classification, orgs []int64) bool {
	if a != nil && a.System {
		return true
	}
	if !a.Authenticated() {
		return false
	}
	involved := slices.Contains(orgs, a.OrgID)
	switch c {
	case Biasa, "":
		return true
	case Terbatas:
		return involved || a.Has(RoleSystemAdmin)
	case Rahasia:
		return involved && (a.Has(RoleOrgAdmin) || a.Has(RoleMember))
	}
	return false
}
