package demo

import "sinergi"

// org is one organisation of the demo dataset. The organisations are real
// institutions; everything said about them (units aside) is illustrative.
type org struct {
	Slug    string // in account e-mails: admin.<slug>@sinergi.test
	Name    string
	Acronym string
	Sector  sinergi.Sector
	Region  string
	Units   []unit
}

// unit is a unit with its sub-units.
type unit struct {
	Name string
	Kind sinergi.UnitKind
	Sub  []unit
}

func u(name string, kind sinergi.UnitKind, sub ...unit) unit { return unit{name, kind, sub} }

const (
	bappelitbangda = "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah (Bappelitbangda)"
	bappeda        = "Badan Perencanaan Pembangunan Daerah (Bappeda)"
)

// pemda lists the OPD every regional government of the demo has, with the
// divisions of its Dinas Perhubungan and any further units.
func pemda(planning string, dishub []unit, extra ...unit) []unit {
	return append([]unit{
		u(planning, "opd"),
		u("Dinas Perhubungan", "opd", dishub...),
		u("Dinas Koperasi dan UKM", "opd"),
		u("Dinas Tenaga Kerja", "opd"),
	}, extra...)
}

// orgs is the demo's organisation registry, in loading order.
var orgs = []org{
	{"unsulbar", "Universitas Sulawesi Barat", "UNSULBAR", sinergi.SectorPublicUniversity, "76.05", []unit{
		u("Fakultas Peternakan dan Perikanan", "faculty", u("Program Studi Peternakan", "study_programme")),
		u("Fakultas Kedokteran", "faculty", u("Program Studi Pendidikan Dokter", "study_programme")),
		u("Lembaga Penelitian dan Pengabdian kepada Masyarakat (LPPM)", "institute"),
	}},
	{"ugm", "Universitas Gadjah Mada", "UGM", sinergi.SectorPublicUniversity, "34.04", []unit{
		u("Fakultas Peternakan", "faculty"),
	}},
	{"unismuh", "Universitas Muhammadiyah Makassar", "Unismuh", sinergi.SectorPrivateUniversity, "73.71", []unit{
		u("Fakultas Kedokteran dan Ilmu Kesehatan", "faculty"),
	}},
	{"sulsel", "Pemerintah Provinsi Sulawesi Selatan", "Pemprov Sulsel", sinergi.SectorProvincialGovernment, "73",
		pemda(bappelitbangda, []unit{u("Bidang Perkeretaapian", "division")},
			u("Biro Pemerintahan (Sekretariat TKKSD)", "opd"))},
	{"maros", "Pemerintah Kabupaten Maros", "Pemkab Maros", sinergi.SectorRegencyGovernment, "73.09",
		pemda(bappelitbangda, []unit{u("Bidang Lalu Lintas", "division")})},
	{"pangkep", "Pemerintah Kabupaten Pangkajene dan Kepulauan", "Pemkab Pangkep", sinergi.SectorRegencyGovernment, "73.10",
		pemda(bappelitbangda, nil)},
	{"barru", "Pemerintah Kabupaten Barru", "Pemkab Barru", sinergi.SectorRegencyGovernment, "73.11",
		pemda(bappelitbangda, nil)},
	{"parepare", "Pemerintah Kota Parepare", "Pemkot Parepare", sinergi.SectorCityGovernment, "73.72",
		pemda(bappeda, nil)},
	{"makassar", "Pemerintah Kota Makassar", "Pemkot Makassar", sinergi.SectorCityGovernment, "73.71",
		pemda(bappeda, nil)},
	{"kemenhub", "Kementerian Perhubungan", "Kemenhub", sinergi.SectorMinistry, "31", []unit{
		u("Direktorat Jenderal Perkeretaapian (DJKA)", "directorate",
			u("Balai Pengelola Kereta Api Sulawesi Selatan (BPKA Sulsel)", "office")),
	}},
	{"cri", "PT Celebes Railway Indonesia", "CRI", sinergi.SectorPrivateCompany, "73.71", nil},
	{"kai", "PT Kereta Api Indonesia (Persero)", "KAI", sinergi.SectorBUMN, "32.73", nil},
	{"sci", "PT Sulsel Citra Indonesia", "SCI", sinergi.SectorBUMD, "73.71", nil},
	{"umkm-maros", "Asosiasi UMKM Maros", "", sinergi.SectorCooperative, "73.09", nil},
	{"komunitas-maros", "Komunitas Peduli Stasiun Maros", "", sinergi.SectorCommunity, "73.09", nil},
}
