package kerjasama

import "sinergi"

// KindBasis is the legal basis of an agreement's kind, as the rule errors
// cite it (e.g. "UU 23/2014 Pasal 363 ayat (2) huruf a; PP 28/2018 Pasal 4"
// for a KSDD); documents print it as the agreement's legal basis.
func KindBasis(k sinergi.AgreementKind) string { return citeKind(k) }

// DPRDBasis is the legal basis of the DPRD approval the kind needs.
func DPRDBasis(k sinergi.AgreementKind) string {
	if k == sinergi.KindKSDPL {
		return CiteDPRDAbroad
	}
	return CiteDPRD
}
