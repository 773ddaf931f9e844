package sinergi

import (
	"context"
	"time"
)

// AssistanceNumbering is an organisation's numbering of its Bantuan
// Kedinasan letters (domain.md §6; the placeholders are documented in
// package assist). Default is true when the organisation has set none and
// the default pattern applies; Example is the number its next letter would
// get today (security code B).
type AssistanceNumbering struct {
	OrganizationID int64      `json:"organization_id"`
	Pattern        string     `json:"pattern"`
	AgencyCode     string     `json:"agency_code"`
	UnitCode       string     `json:"unit_code"`
	ArchiveCode    string     `json:"archive_code"`
	Default        bool       `json:"default"`
	Example        string     `json:"example"`
	NextSerial     int64      `json:"next_serial"`
	Version        int64      `json:"version"`
	UpdatedAt      *time.Time `json:"updated_at"`
}

// AssistanceNumberingInput sets an organisation's numbering.
type AssistanceNumberingInput struct {
	Pattern     string `json:"pattern"`
	AgencyCode  string `json:"agency_code"`
	UnitCode    string `json:"unit_code"`
	ArchiveCode string `json:"archive_code"`
}

// AssistanceNumberingService reads and sets the numbering of letters.
type AssistanceNumberingService interface {
	AssistanceNumbering(ctx context.Context, orgID int64) (*AssistanceNumbering, error)
	SetAssistanceNumbering(ctx context.Context, orgID, version int64, in AssistanceNumberingInput) (*AssistanceNumbering, error)
}
