package sinergi

import (
	"encoding/json"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// MethodConsensus is the default way a proposal is decided (and what C5
// looks for). Other methods (advice, consent, …) are added by the decide
// package through Proposal.Method and Proposal.Options.
const MethodConsensus = "consensus"

// ProposalStatus is open (positions can be taken) or closed.
type ProposalStatus string

const (
	ProposalOpen   ProposalStatus = "open"
	ProposalClosed ProposalStatus = "closed"
)

// Proposal is something a forum decides.
type Proposal struct {
	ID         int64           `json:"id"`
	ForumID    int64           `json:"forum_id"`
	ForumName  string          `json:"forum_name"`
	Title      string          `json:"title"`
	Body       string          `json:"body"`
	Method     string          `json:"method"`
	Options    json.RawMessage `json:"options"`
	Round      int             `json:"round"`
	PreviousID *int64          `json:"previous_id"`
	NextID     *int64          `json:"next_id"`
	ClosesAt   time.Time       `json:"closes_at"`
	Status     ProposalStatus  `json:"status"`
	Outcome    string          `json:"outcome"`     // outcome statement, on closing
	ReviewDate string          `json:"review_date"` // YYYY-MM-DD, on closing
	ClosedAt   *time.Time      `json:"closed_at"`
	Consensus  ConsensusStatus `json:"consensus"` // live while open, final once closed
	Positions  []PositionView  `json:"positions,omitempty"`
	Comments   []Comment       `json:"comments,omitempty"`
	Version    int64           `json:"version"`
	CreatedAt  time.Time       `json:"created_at"`

	// Result is the decide.Result of a proposal decided by another method
	// than consensus (nil for consensus); Ballots are the latest ballot of
	// each voter, present only once the result is visible.
	Result  any `json:"result,omitempty"`
	Ballots any `json:"ballots,omitempty"`
}

// ProposalInput tables a proposal (or the next round of one).
type ProposalInput struct {
	Title    string          `json:"title"`
	Body     string          `json:"body"`
	ClosesAt time.Time       `json:"closes_at"`
	Method   string          `json:"method"`
	Options  json.RawMessage `json:"options"`
	// Settings configure a method other than consensus (decide.Settings
	// without the method); the store checks them and keeps them as Options.
	Settings json.RawMessage `json:"settings"`
}

// ProposalMethods are the ways a proposal can be decided (the decide
// package's methods); consensus is the default.
var ProposalMethods = []string{MethodConsensus, "advice", "consent", "sense_check", "score", "ranked_choice", "dot_vote", "time_poll"}

// Validate normalises and checks the input; now is the current time.
func (in *ProposalInput) Validate(now time.Time) error {
	in.Title = strings.Join(strings.Fields(in.Title), " ")
	in.Body = strings.TrimSpace(in.Body)
	if in.Method == "" {
		in.Method = MethodConsensus
	}
	var v Validation
	if n := utf8.RuneCountInString(in.Title); n < 3 || n > 300 {
		v.Add("title", "Judul usulan harus 3 sampai 300 karakter", "The title must be 3 to 300 characters")
	}
	if n := utf8.RuneCountInString(in.Body); n < 1 || n > 5*maxText {
		v.Add("body", "Isi usulan wajib diisi (maksimal 100.000 karakter)", "The proposal text is required (at most 100,000 characters)")
	}
	if in.ClosesAt.IsZero() {
		v.Add("closes_at", "Isi waktu penutupan", "Give the closing time")
	} else if !in.ClosesAt.After(now) || in.ClosesAt.After(now.AddDate(2, 0, 0)) {
		v.Add("closes_at", "Waktu penutupan harus di masa depan, paling lama 2 tahun lagi", "The closing time must be in the future, at most 2 years ahead")
	}
	if !slices.Contains(ProposalMethods, in.Method) {
		v.Add("method", "Cara pengambilan keputusan tidak dikenal: pilih "+strings.Join(ProposalMethods, ", "), "Unknown decision method: choose "+strings.Join(ProposalMethods, ", "))
	}
	if len(in.Options) == 0 || string(in.Options) == "null" {
		in.Options = json.RawMessage("{}")
	} else if len(in.Options) > 10000 || !json.Valid(in.Options) || in.Options[0] != '{' {
		v.Add("options", "Opsi harus objek JSON", "Options must be a JSON object")
	}
	in.ClosesAt = in.ClosesAt.UTC().Truncate(time.Second)
	return v.Err()
}

// PositionInput is a position taken on a proposal, as the caller's
// organisation.
type PositionInput struct {
	Position Position `json:"position"`
	Reason   string   `json:"reason"`
}

// Validate checks the input: disagree and block need a reason.
func (in *PositionInput) Validate() error {
	in.Reason = strings.TrimSpace(in.Reason)
	var v Validation
	switch {
	case in.Position == "":
		v.Add("position", "Pilih posisi: agree, abstain, disagree atau block", "Choose a position: agree, abstain, disagree or block")
	case !in.Position.Valid():
		v.Add("position", "Posisi harus agree, abstain, disagree atau block", "Position must be agree, abstain, disagree or block")
	case in.Position.NeedsReason() && utf8.RuneCountInString(in.Reason) < 3:
		v.Add("reason", "Alasan wajib diisi untuk posisi tidak setuju atau blokir", "A reason is required to disagree or block")
	}
	if utf8.RuneCountInString(in.Reason) > maxText {
		v.Add("reason", "Alasan terlalu panjang", "Reason too long")
	}
	return v.Err()
}

// PositionView is a position as shown: who took it and why.
type PositionView struct {
	ID             int64     `json:"id"`
	OrganizationID int64     `json:"organization_id"`
	OrgName        string    `json:"organization_name"`
	UserID         int64     `json:"user_id"`
	VoterName      string    `json:"voter_name"`
	Position       Position  `json:"position"`
	Reason         string    `json:"reason"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Comment is a remark on a proposal by any member (consulted members and
// observers speak this way; comments are not counted).
type Comment struct {
	ID             int64      `json:"id"`
	ProposalID     int64      `json:"proposal_id"`
	OrganizationID int64      `json:"organization_id"`
	OrgName        string     `json:"organization_name"`
	Role           MemberRole `json:"role"`
	Author         string     `json:"author"`
	Body           string     `json:"body"`
	CreatedAt      time.Time  `json:"created_at"`
}

// CommentInput adds a comment.
type CommentInput struct {
	Body string `json:"body"`
}

// Validate checks the input.
func (in *CommentInput) Validate() error {
	in.Body = strings.TrimSpace(in.Body)
	var v Validation
	if n := utf8.RuneCountInString(in.Body); n < 1 || n > maxText {
		v.Add("body", "Komentar wajib diisi (maksimal 20.000 karakter)", "The comment is required (at most 20,000 characters)")
	}
	return v.Err()
}

// CloseInput closes a proposal with its outcome statement.
type CloseInput struct {
	Outcome    string `json:"outcome"`
	ReviewDate string `json:"review_date"`
}

// Validate checks the input.
func (in *CloseInput) Validate() error {
	in.Outcome = strings.TrimSpace(in.Outcome)
	var v Validation
	if n := utf8.RuneCountInString(in.Outcome); n < 3 || n > maxText {
		v.Add("outcome", "Pernyataan hasil wajib diisi (3–20.000 karakter)", "The outcome statement is required (3–20,000 characters)")
	}
	if !ValidDate(in.ReviewDate) {
		v.Add("review_date", "Tanggal peninjauan harus berformat TTTT-BB-HH", "Review date must be YYYY-MM-DD")
	}
	return v.Err()
}

// ProposalFilter selects proposals in a list.
type ProposalFilter struct {
	ForumID int64
	Status  ProposalStatus
	Offset  int
	Limit   int
}
