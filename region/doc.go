// Package region is the embedded registry of Indonesian administrative areas
// (wilayah) with their Kemendagri codes: 38 provinces, 514 regencies and
// cities, 7,285 districts (kecamatan) and 83,762 villages (desa/kelurahan).
//
// Codes are in dotted form: "73" (province), "73.09" (regency; cities use
// regency numbers 71–99 and are named "Kota ..."), "73.09.01" (district) and
// "73.09.01.2003" (village).
//
// The data is parsed lazily on first use. Villages live in a separate file
// that is parsed only when a village is actually needed, so lookups of
// provinces, regencies and districts stay cheap on a cold start.
//
// Data licence: the CSV files in data/ come from the idn-area-data package and
// are licensed under the Open Database License (ODbL) 1.0. data/SOURCE.md
// (attribution) and data/LICENSE.md (licence text) must ship with the data;
// keep them verbatim next to the CSV files.
package region
