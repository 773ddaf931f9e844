package notify

import "sinergi"

// Kind is what a notification is about. Preferences are kept per kind.
type Kind string

// The kinds. KindGeneric is for other modules (Bantuan Kedinasan, kerja
// sama, …) until they need a preference of their own.
const (
	KindProposalNew         Kind = "proposal_new"
	KindProposalClosingSoon Kind = "proposal_closing_soon"
	KindProposalOutcome     Kind = "proposal_outcome"
	KindGeneric             Kind = "generic"
)

var kindLabels = map[Kind]sinergi.Text{
	KindProposalNew:         sinergi.T("Usulan baru", "New proposal"),
	KindProposalClosingSoon: sinergi.T("Usulan segera ditutup", "Proposal closing soon"),
	KindProposalOutcome:     sinergi.T("Hasil usulan", "Proposal outcome"),
	KindGeneric:             sinergi.T("Pemberitahuan lain", "Other notifications"),
}

// Kinds lists every kind, in the order a preferences form shows them.
func Kinds() []Kind {
	return []Kind{KindProposalNew, KindProposalClosingSoon, KindProposalOutcome, KindGeneric}
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { _, ok := kindLabels[k]; return ok }

// Label is the kind's name for people.
func (k Kind) Label() sinergi.Text { return kindLabels[k] }
