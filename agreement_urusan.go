package sinergi

// Urusan pemerintahan konkuren that are the regions' business, UU 23/2014
// Pasal 12: six mandatory affairs on basic services (ayat (1)), eighteen
// other mandatory affairs (ayat (2)) and eight optional affairs (ayat (3)).
// The object of a kerja sama names the affairs it serves.

// UrusanGroup is the class of an affair.
type UrusanGroup string

const (
	UrusanWajibDasar    UrusanGroup = "wajib_pelayanan_dasar"
	UrusanWajibNonDasar UrusanGroup = "wajib_non_pelayanan_dasar"
	UrusanPilihan       UrusanGroup = "pilihan"
)

// UrusanGroupLabel names each class with its article.
var UrusanGroupLabel = map[UrusanGroup]Text{
	UrusanWajibDasar:    T("Urusan wajib yang berkaitan dengan pelayanan dasar (UU 23/2014 Pasal 12 ayat (1))", "Mandatory affairs on basic services (UU 23/2014 Pasal 12 ayat (1))"),
	UrusanWajibNonDasar: T("Urusan wajib yang tidak berkaitan dengan pelayanan dasar (UU 23/2014 Pasal 12 ayat (2))", "Other mandatory affairs (UU 23/2014 Pasal 12 ayat (2))"),
	UrusanPilihan:       T("Urusan pilihan (UU 23/2014 Pasal 12 ayat (3))", "Optional affairs (UU 23/2014 Pasal 12 ayat (3))"),
}

// Urusan is one government affair with its official name and letter.
type Urusan struct {
	Code   string      `json:"code"`
	Group  UrusanGroup `json:"group"`
	Letter string      `json:"letter"`
	Name   Text        `json:"name"`
}

// UrusanList is the table of UU 23/2014 Pasal 12, in the law's order.
var UrusanList = []Urusan{
	{"pendidikan", UrusanWajibDasar, "a", T("pendidikan", "education")},
	{"kesehatan", UrusanWajibDasar, "b", T("kesehatan", "health")},
	{"pupr", UrusanWajibDasar, "c", T("pekerjaan umum dan penataan ruang", "public works and spatial planning")},
	{"perumahan", UrusanWajibDasar, "d", T("perumahan rakyat dan kawasan permukiman", "public housing and settlement areas")},
	{"trantibum", UrusanWajibDasar, "e", T("ketenteraman, ketertiban umum, dan pelindungan masyarakat", "public peace, order and protection")},
	{"sosial", UrusanWajibDasar, "f", T("sosial", "social affairs")},

	{"tenaga_kerja", UrusanWajibNonDasar, "a", T("tenaga kerja", "labour")},
	{"pppa", UrusanWajibNonDasar, "b", T("pemberdayaan perempuan dan pelindungan anak", "women's empowerment and child protection")},
	{"pangan", UrusanWajibNonDasar, "c", T("pangan", "food")},
	{"pertanahan", UrusanWajibNonDasar, "d", T("pertanahan", "land")},
	{"lingkungan_hidup", UrusanWajibNonDasar, "e", T("lingkungan hidup", "environment")},
	{"adminduk", UrusanWajibNonDasar, "f", T("administrasi kependudukan dan pencatatan sipil", "population administration and civil registration")},
	{"pmd", UrusanWajibNonDasar, "g", T("pemberdayaan masyarakat dan Desa", "community and village empowerment")},
	{"kb", UrusanWajibNonDasar, "h", T("pengendalian penduduk dan keluarga berencana", "population control and family planning")},
	{"perhubungan", UrusanWajibNonDasar, "i", T("perhubungan", "transport")},
	{"kominfo", UrusanWajibNonDasar, "j", T("komunikasi dan informatika", "communication and informatics")},
	{"koperasi_ukm", UrusanWajibNonDasar, "k", T("koperasi, usaha kecil, dan menengah", "cooperatives and small and medium enterprises")},
	{"penanaman_modal", UrusanWajibNonDasar, "l", T("penanaman modal", "investment")},
	{"pemuda_olahraga", UrusanWajibNonDasar, "m", T("kepemudaan dan olah raga", "youth and sport")},
	{"statistik", UrusanWajibNonDasar, "n", T("statistik", "statistics")},
	{"persandian", UrusanWajibNonDasar, "o", T("persandian", "cryptography")},
	{"kebudayaan", UrusanWajibNonDasar, "p", T("kebudayaan", "culture")},
	{"perpustakaan", UrusanWajibNonDasar, "q", T("perpustakaan", "libraries")},
	{"kearsipan", UrusanWajibNonDasar, "r", T("kearsipan", "archives")},

	{"kelautan_perikanan", UrusanPilihan, "a", T("kelautan dan perikanan", "marine affairs and fisheries")},
	{"pariwisata", UrusanPilihan, "b", T("pariwisata", "tourism")},
	{"pertanian", UrusanPilihan, "c", T("pertanian", "agriculture")},
	{"kehutanan", UrusanPilihan, "d", T("kehutanan", "forestry")},
	{"esdm", UrusanPilihan, "e", T("energi dan sumber daya mineral", "energy and mineral resources")},
	{"perdagangan", UrusanPilihan, "f", T("perdagangan", "trade")},
	{"perindustrian", UrusanPilihan, "g", T("perindustrian", "industry")},
	{"transmigrasi", UrusanPilihan, "h", T("transmigrasi", "transmigration")},
}

// LookupUrusan returns the affair with the code.
func LookupUrusan(code string) (Urusan, bool) {
	for _, u := range UrusanList {
		if u.Code == code {
			return u, true
		}
	}
	return Urusan{}, false
}
