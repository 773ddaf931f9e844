package decide

import "sinergi"

// Method is a way of deciding.
type Method string

// The methods. Consensus is computed by package consensus; it is listed here
// so that a forum can store any method in one column.
const (
	MethodConsensus    Method = "consensus"
	MethodAdvice       Method = "advice"
	MethodConsent      Method = "consent"
	MethodSenseCheck   Method = "sense_check"
	MethodScore        Method = "score"
	MethodRankedChoice Method = "ranked_choice"
	MethodDotVote      Method = "dot_vote"
	MethodTimePoll     Method = "time_poll"
)

var methodLabels = map[Method]sinergi.Text{
	MethodConsensus:    sinergi.T("Musyawarah mufakat (konsensus)", "Consensus"),
	MethodAdvice:       sinergi.T("Proses saran", "Advice process"),
	MethodConsent:      sinergi.T("Proses tanpa keberatan", "Consent process"),
	MethodSenseCheck:   sinergi.T("Cek suasana", "Sense check"),
	MethodScore:        sinergi.T("Penilaian skor", "Score"),
	MethodRankedChoice: sinergi.T("Pilihan berperingkat", "Ranked choice"),
	MethodDotVote:      sinergi.T("Pembagian titik", "Dot vote"),
	MethodTimePoll:     sinergi.T("Jajak waktu rapat", "Meeting-time poll"),
}

// Methods lists every method, consensus (the default) first.
func Methods() []Method {
	return []Method{MethodConsensus, MethodAdvice, MethodConsent, MethodSenseCheck,
		MethodScore, MethodRankedChoice, MethodDotVote, MethodTimePoll}
}

// Valid reports whether m is a known method.
func (m Method) Valid() bool { _, ok := methodLabels[m]; return ok }

// Label is the method's name for people.
func (m Method) Label() sinergi.Text { return methodLabels[m] }

// HasOptions reports whether voters choose among the options of Settings.
func (m Method) HasOptions() bool {
	switch m {
	case MethodScore, MethodRankedChoice, MethodDotVote, MethodTimePoll:
		return true
	}
	return false
}

// Choice is a voter's stance in the methods without options.
type Choice string

// Choices of the advice process, consent process and sense check.
const (
	ChoiceSupport   Choice = "support"   // advice: in favour
	ChoiceNeutral   Choice = "neutral"   // advice: neither
	ChoiceConcern   Choice = "concern"   // advice: with a concern
	ChoiceDecision  Choice = "decision"  // advice: the decider's decision
	ChoiceConsent   Choice = "consent"   // consent: no objection
	ChoiceObject    Choice = "object"    // consent: an objection
	ChoiceAgree     Choice = "agree"     // sense check
	ChoiceUnsure    Choice = "unsure"    // sense check
	ChoiceConcerned Choice = "concerned" // sense check
)

var choiceLabels = map[Choice]sinergi.Text{
	ChoiceSupport:   sinergi.T("Mendukung", "Support"),
	ChoiceNeutral:   sinergi.T("Netral", "Neutral"),
	ChoiceConcern:   sinergi.T("Ada kekhawatiran", "Concern"),
	ChoiceDecision:  sinergi.T("Keputusan", "Decision"),
	ChoiceConsent:   sinergi.T("Tidak keberatan", "Consent"),
	ChoiceObject:    sinergi.T("Keberatan", "Objection"),
	ChoiceAgree:     sinergi.T("Setuju", "Agree"),
	ChoiceUnsure:    sinergi.T("Ragu-ragu", "Unsure"),
	ChoiceConcerned: sinergi.T("Khawatir", "Concerned"),
}

// Label is the choice's name for people.
func (c Choice) Label() sinergi.Text { return choiceLabels[c] }

// Choices lists the choices a voter has in method m (for advice, without the
// decider's ChoiceDecision); nil for methods with options.
func Choices(m Method) []Choice {
	switch m {
	case MethodAdvice:
		return []Choice{ChoiceSupport, ChoiceNeutral, ChoiceConcern}
	case MethodConsent:
		return []Choice{ChoiceConsent, ChoiceObject}
	case MethodSenseCheck:
		return []Choice{ChoiceAgree, ChoiceUnsure, ChoiceConcerned}
	}
	return nil
}

// Availability is a voter's answer for one slot of a meeting-time poll.
type Availability string

// Answers of a meeting-time poll; a slot left unanswered counts as No.
const (
	Yes   Availability = "yes"
	Maybe Availability = "maybe"
	No    Availability = "no"
)

// Reasons says whether voters must give a reason.
type Reasons string

// Reason policies; the empty value means optional. Objections in a consent
// process, advice and the advice-seeker's decision always need words.
const (
	ReasonsOptional Reasons = "optional"
	ReasonsRequired Reasons = "required"
)
