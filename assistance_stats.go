package sinergi

import "context"

// The dashboard of Bantuan Kedinasan per organisation (issue 4, item 7):
// what came in, what went out, how fast answers come, how often requests are
// accepted, on which grounds they are refused, and what is overdue. The
// figures are computed by assist.ComputeStats from the requests and their
// history.

// ResponseTime summarises response times in working days: the working days
// after the day of submission up to and including the day of the answer (an
// answer on the day of submission takes 0). Percentiles use the
// nearest-rank method: the p-th percentile of n sorted values is the value
// at rank ⌈p/100 × n⌉. Nil when there is no answered request.
type ResponseTime struct {
	Count  int  `json:"count"`
	Median *int `json:"median"`
	P90    *int `json:"p90"`
	Max    *int `json:"max"`
}

// GroundCount is how many refusals rest on one letter of Pasal 36 ayat (1).
type GroundCount struct {
	Ground string `json:"ground"`
	Label  string `json:"label"`
	Count  int    `json:"count"`
}

// AssistanceDirection holds the figures of one direction: incoming (the
// organisation is the provider) or outgoing (it is the requester).
type AssistanceDirection struct {
	Total           int                      `json:"total"`
	ByStatus        map[AssistanceStatus]int `json:"by_status"`
	Answered        int                      `json:"answered"`
	Accepted        int                      `json:"accepted"`
	Refused         int                      `json:"refused"`
	AcceptanceRate  *float64                 `json:"acceptance_rate"`
	ResponseDays    ResponseTime             `json:"response_days"`
	RefusalGrounds  []GroundCount            `json:"refusal_grounds"`
	BlockedRefusals int                      `json:"blocked_refusals"`
	Overdue         int                      `json:"overdue"`
}

// OverdueRequest is a submitted request whose answer is late.
type OverdueRequest struct {
	ID              int64  `json:"id"`
	Number          string `json:"number"`
	Subject         string `json:"subject"`
	Direction       string `json:"direction"` // "incoming" or "outgoing"
	Counterpart     string `json:"counterpart"`
	DueDate         string `json:"due_date"`
	WorkingDaysLate int    `json:"working_days_late"`
	Emergency       bool   `json:"emergency"`
	Escalated       bool   `json:"escalated"`
}

// AssistanceStats is the dashboard of one organisation.
type AssistanceStats struct {
	OrganizationID   int64               `json:"organization_id"`
	OrganizationName string              `json:"organization_name"`
	AsOf             string              `json:"as_of"`
	Incoming         AssistanceDirection `json:"incoming"`
	Outgoing         AssistanceDirection `json:"outgoing"`
	Overdue          []OverdueRequest    `json:"overdue"`
}

// AssistanceStatsService gives the dashboard of an organisation, computed
// over the requests the caller may read.
type AssistanceStatsService interface {
	AssistanceStats(ctx context.Context, orgID int64) (*AssistanceStats, error)
}
