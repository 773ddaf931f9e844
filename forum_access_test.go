package sinergi

import (
	"strings"
	"testing"
	"time"
)

func TestForumAccess(t *testing.T) {
	f := &ForumAccess{Visibility: VisibilityMembers, InitiatorOrgID: 1,
		Roles: map[int64]MemberRole{1: MemberFacilitator, 2: MemberDeciding, 3: MemberConsulted, 4: MemberObserver, 5: MemberFacilitator}}
	acct := func(org int64, r Role) *Actor { return &Actor{UserID: 10 + org, OrgID: org, Roles: []Role{r}} }
	var anon *Actor
	admin := &Actor{UserID: 1, OrgID: 9, Roles: []Role{RoleSystemAdmin}}
	tests := []struct {
		name                   string
		a                      *Actor
		manage, read, comment  bool
		position               Code // "" when allowed
		positionSays, ackCheck string
	}{
		{"anonymous", anon, false, false, false, CodeUnauthorized, "", ""},
		{"system admin elsewhere", admin, true, true, true, CodeForbidden, "bukan anggota", ""},
		{"initiator admin", acct(1, RoleOrgAdmin), true, true, true, CodeForbidden, "Fasilitator", ""},
		{"other facilitator member", acct(5, RoleMember), true, true, true, CodeForbidden, "Fasilitator", ""},
		{"deciding partner", acct(2, RolePartner), false, true, true, "", "", ""},
		{"deciding admin", acct(2, RoleOrgAdmin), false, true, true, "", "", ""},
		{"consulted", acct(3, RoleMember), false, true, true, CodeForbidden, "anggota konsultasi", ""},
		{"observer", acct(4, RolePartner), false, true, true, CodeForbidden, "pengamat", ""},
		{"stranger", acct(7, RoleOrgAdmin), false, false, false, CodeForbidden, "bukan anggota", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CanManageForum(tt.a, f); got != tt.manage {
				t.Errorf("manage: got %v, want %v", got, tt.manage)
			}
			if got := CanReadForum(tt.a, f); got != tt.read {
				t.Errorf("read members-only: got %v, want %v", got, tt.read)
			}
			if !CanReadForum(tt.a, &ForumAccess{Visibility: VisibilityPublic, Roles: f.Roles}) {
				t.Errorf("a public forum must be readable by everyone")
			}
			if got := CanComment(tt.a, f); got != tt.comment {
				t.Errorf("comment: got %v, want %v", got, tt.comment)
			}
			err := CheckPosition(tt.a, f)
			if got := Code(""); err != nil {
				got = ErrorCode(err)
				if got != tt.position {
					t.Errorf("position: got %s, want %q", got, tt.position)
				}
				if !strings.Contains(err.(*Error).Msg.ID, tt.positionSays) {
					t.Errorf("position reason %q does not say %q", err.(*Error).Msg.ID, tt.positionSays)
				}
			} else if tt.position != "" {
				t.Errorf("position allowed, want %s", tt.position)
			}
		})
	}
	if !CanCreateForum(acct(1, RoleMember), true) || CanCreateForum(acct(2, RolePartner), false) || CanCreateForum(acct(2, RoleOrgAdmin), false) || CanCreateForum(anon, true) || !CanCreateForum(admin, false) {
		t.Error("CanCreateForum: public bodies' admins and members and system admins only")
	}
	if !CanInitiateFor(acct(1, RoleMember), 1) || CanInitiateFor(acct(1, RoleMember), 2) || !CanInitiateFor(admin, 2) {
		t.Error("CanInitiateFor: own organisation, or any for system admins")
	}
}

func TestForumInputs(t *testing.T) {
	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	fields := func(err error) string {
		if err == nil {
			return ""
		}
		var fs []string
		for _, f := range err.(*Error).Fields {
			fs = append(fs, f.Field)
		}
		return strings.Join(fs, ",")
	}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"forum ok", (&ForumInput{Name: "Forum Koridor", InitiatorOrgID: 1, Focus: FocusPublicPolicy}).Validate(), ""},
		{"forum bad", (&ForumInput{Name: "x", Focus: "guild", Visibility: "secret", LegalBasis: []LegalBasis{{Type: "Perpres", Year: 1800}}}).Validate(), "name,initiator_org_id,focus,visibility,legal_basis"},
		{"charter ok", (&CharterInput{Rules: "Tata tertib", Quorum: 3, Fallback: FallbackMajority, FallbackAfterRounds: 2, MajorityPercent: 67}).Validate(), ""},
		{"charter bad", (&CharterInput{DecisionRule: "dice", Fallback: FallbackReferral, Quorum: 0, VoteUnit: "tribe", DisagreeTolerance: -1}).Validate(), "decision_rule,referral_authority,fallback_after_rounds,quorum,vote_unit,disagree_tolerance"},
		{"member bad", (&MemberInput{Role: "king"}).Validate(), "organization_id,role"},
		{"representative plt needs whom", (&RepresentativeInput{PersonID: 1, Acting: ActingPlt}).Validate(), "acting_for"},
		{"meeting bad", (&MeetingInput{TimeZone: "CET", Mode: "telepathy"}).Validate(), "starts_at,time_zone,mode"},
		{"meeting ok", (&MeetingInput{StartsAt: now, Mode: ModeHybrid}).Validate(), ""},
		{"action done needs date", (&ActionItemInput{Title: "Kirim data", OwnerOrgID: 1, Due: "2026-12-01", Status: ActionDone}).Validate(), "done_on"},
		{"action bad", (&ActionItemInput{Due: "besok"}).Validate(), "title,owner_org_id,due"},
		{"proposal ok", (&ProposalInput{Title: "Lokasi stasiun", Body: "Usulan", ClosesAt: now.Add(time.Hour)}).Validate(now), ""},
		{"proposal bad", (&ProposalInput{Title: "x", ClosesAt: now.Add(-time.Hour), Method: "dice", Options: []byte(`[1]`)}).Validate(now), "title,body,closes_at,method,options"},
		{"block without reason", (&PositionInput{Position: PositionBlock, Reason: " "}).Validate(), "reason"},
		{"disagree without reason", (&PositionInput{Position: PositionDisagree}).Validate(), "reason"},
		{"agree without reason", (&PositionInput{Position: PositionAgree}).Validate(), ""},
		{"unknown position", (&PositionInput{Position: "maybe"}).Validate(), "position"},
		{"close bad", (&CloseInput{ReviewDate: "2026-02-30"}).Validate(), "outcome,review_date"},
		{"small win bad", (&SmallWinInput{Title: "ok!", AchievedOn: ""}).Validate(), "achieved_on"},
	}
	for _, tt := range tests {
		if got := fields(tt.err); got != tt.want {
			t.Errorf("%s: fields %q, want %q", tt.name, got, tt.want)
		}
	}
}
