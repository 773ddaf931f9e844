package sinergi

// Authorisation rules of forums, in one place (access.go style). The store
// loads a ForumAccess for the forum and calls these before reading or
// writing.

// ForumAccess is what the rules need to know about a forum.
type ForumAccess struct {
	Visibility     Visibility
	InitiatorOrgID int64
	Roles          map[int64]MemberRole // member organisation → role
}

// RoleOf returns the role of an organisation, if it is a member.
func (f *ForumAccess) RoleOf(orgID int64) (MemberRole, bool) {
	r, ok := f.Roles[orgID]
	return r, ok && orgID != 0
}

// acts reports whether a acts for its organisation in forum work: its
// admins and members; partners act for non-state organisations.
func acts(a *Actor) bool {
	return a.Has(RoleOrgAdmin) || a.Has(RoleMember) || a.Has(RolePartner)
}

// CanCreateForum: public bodies start forums (Ansell & Gash C1) — admins
// and members of an organisation of a public sector — and system admins.
func CanCreateForum(a *Actor, orgPublic bool) bool {
	if a.IsAdmin() {
		return true
	}
	return a.Authenticated() && orgPublic && (a.Has(RoleOrgAdmin) || a.Has(RoleMember))
}

// CanInitiateFor: an account names its own organisation as the initiator;
// system admins may name any.
func CanInitiateFor(a *Actor, orgID int64) bool {
	return a.IsAdmin() || (a != nil && a.OrgID == orgID && orgID != 0)
}

// CanManageForum: change the forum, its charter, members, meetings and
// proposals. System admins; admins and members of the initiating
// organisation and of facilitator organisations.
func CanManageForum(a *Actor, f *ForumAccess) bool {
	if a.IsAdmin() {
		return true
	}
	if !a.Authenticated() || !(a.Has(RoleOrgAdmin) || a.Has(RoleMember)) {
		return false
	}
	if a.OrgID == f.InitiatorOrgID {
		return true
	}
	r, ok := f.RoleOf(a.OrgID)
	return ok && r == MemberFacilitator
}

// IsForumInsider: sees everything of a forum (minutes not marked public,
// action items, people's names): system admins, the initiator's and the
// member organisations' accounts.
func IsForumInsider(a *Actor, f *ForumAccess) bool {
	if a.IsAdmin() {
		return true
	}
	if !a.Authenticated() {
		return false
	}
	_, member := f.RoleOf(a.OrgID)
	return member || a.OrgID == f.InitiatorOrgID
}

// CanReadForum: a public forum is read by everyone, also without login
// (charter, members, decisions, minutes marked public); a members-only
// forum by its insiders only.
func CanReadForum(a *Actor, f *ForumAccess) bool {
	return f.Visibility == VisibilityPublic || IsForumInsider(a, f)
}

// CheckPosition says whether a may take a position for its organisation:
// only deciding members decide; consulted members and observers comment.
// The error says why not.
func CheckPosition(a *Actor, f *ForumAccess) error {
	if !a.Authenticated() {
		return Unauthorized()
	}
	r, ok := f.RoleOf(a.OrgID)
	switch {
	case !ok:
		return Errorf(CodeForbidden, "Instansi Anda bukan anggota forum ini; hanya anggota pengambil keputusan yang dapat menyatakan posisi",
			"Your organisation is not a member of this forum; only deciding members take positions")
	case r == MemberConsulted:
		return Errorf(CodeForbidden, "Instansi Anda adalah anggota konsultasi: silakan beri komentar; posisinya tidak dihitung dalam keputusan",
			"Your organisation is a consulted member: please comment; its positions are not counted in decisions")
	case r == MemberObserver:
		return Errorf(CodeForbidden, "Instansi Anda adalah pengamat: silakan beri komentar; pengamat tidak menyatakan posisi",
			"Your organisation is an observer: please comment; observers do not take positions")
	case r == MemberFacilitator:
		return Errorf(CodeForbidden, "Fasilitator memandu proses dan tidak menyatakan posisi; jadikan instansi anggota pengambil keputusan bila perlu",
			"Facilitators guide the process and do not take positions; make the organisation a deciding member if it must decide")
	case !acts(a):
		return Forbidden()
	}
	return nil
}

// CanComment: accounts of any member organisation, and the forum's managers.
func CanComment(a *Actor, f *ForumAccess) bool {
	if CanManageForum(a, f) {
		return true
	}
	if !a.Authenticated() {
		return false
	}
	_, ok := f.RoleOf(a.OrgID)
	return ok && acts(a)
}

// CanAcknowledge: a member organisation's accounts acknowledge the shared
// understanding (mission, problem statement, values) for it.
func CanAcknowledge(a *Actor, f *ForumAccess) bool {
	if !a.Authenticated() {
		return false
	}
	_, ok := f.RoleOf(a.OrgID)
	return ok && acts(a)
}
