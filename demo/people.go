package demo

import "strings"

// person is an invented person. The first of an organisation gets its
// org_admin account, the second its member or partner account. Only civil
// servants (ASN) of public bodies have a NIP.
type person struct {
	Name, Position, Unit, NIP string
}

// suffix marks the names of invented people and accounts in the UI.
const suffix = " (demo)"

// email is the invented address of p: first and last name.
func (p person) email() string {
	f := strings.Fields(strings.ToLower(p.Name))
	return f[0] + "." + f[len(f)-1] + "@sinergi.test"
}

// people maps an organisation's slug to its people.
var people = map[string][]person{
	"unsulbar": {
		{"Andi Rahmat Hidayat", "Dekan Fakultas Peternakan dan Perikanan", "Fakultas Peternakan dan Perikanan", "197803152005011002"},
		{"Sitti Rahmawati", "Ketua Program Studi Peternakan", "Program Studi Peternakan", "198507222010122003"},
		{"Muhammad Fadli Anwar", "Sekretaris LPPM", "Lembaga Penelitian dan Pengabdian kepada Masyarakat (LPPM)", "198911042015041001"},
	},
	"ugm": {
		{"Bambang Wicaksono", "Wakil Dekan Bidang Kerja Sama", "Fakultas Peternakan", "197206181998031001"},
		{"Retno Wulandari", "Dosen", "Fakultas Peternakan", "198102102006042001"},
	},
	"unismuh": {
		{"Ahmad Syarifuddin", "Kepala Biro Kerja Sama", "", ""},
		{"Nurhidayah Basri", "Wakil Dekan", "Fakultas Kedokteran dan Ilmu Kesehatan", ""},
	},
	"sulsel": {
		{"Andi Musdalifah Rauf", "Kepala Bagian Kerja Sama", "Biro Pemerintahan (Sekretariat TKKSD)", "198003122005022001"},
		{"Hendra Saputra Lewa", "Kepala Bidang Perkeretaapian", "Bidang Perkeretaapian", "197609252001121001"},
		{"Rini Astuti Pakki", "Analis Kebijakan Ahli Muda", bappelitbangda, "199001172015032002"},
	},
	"maros": {
		{"Syamsul Alam Daeng Situju", "Kepala Bidang Lalu Lintas", "Bidang Lalu Lintas", "197705142002121003"},
		{"Hasnah Yusuf", "Perencana Ahli Muda", bappelitbangda, "198612302011012004"},
	},
	"pangkep": {
		{"Muhammad Ridwan Saleh", "Sekretaris Bappelitbangda", bappelitbangda, "197811202003121002"},
		{"Fitriani Amir", "Analis Pemberdayaan Koperasi", "Dinas Koperasi dan UKM", "198704082010012001"},
	},
	"barru": {
		{"Ilham Kurniawan Latif", "Kepala Bidang Pelatihan dan Penempatan", "Dinas Tenaga Kerja", "198205062006041002"},
		{"Nur Aisyah Hamid", "Perencana Ahli Pertama", bappelitbangda, "199103212019032001"},
	},
	"parepare": {
		{"Rahman Ilyas", "Kepala Seksi Angkutan", "Dinas Perhubungan", "198008182006041001"},
		{"Sri Wahyuni Arsyad", "Perencana Ahli Pertama", bappeda, "199404062020122002"},
	},
	"makassar": {
		{"Arman Sulaiman", "Kepala Bidang Infrastruktur dan Kewilayahan", bappeda, "197912282005011001"},
		{"Dian Puspitasari", "Analis Usaha Mikro", "Dinas Koperasi dan UKM", "198809152012122001"},
	},
	"kemenhub": {
		{"Yudi Prasetyo", "Perencana Ahli Madya", "Direktorat Jenderal Perkeretaapian (DJKA)", "197405031999031002"},
		{"Andi Irfan Maulana", "Kepala Seksi Prasarana", "Balai Pengelola Kereta Api Sulawesi Selatan (BPKA Sulsel)", "198410112009121001"},
		{"Ratna Kusumawati", "Analis Kerja Sama", "Direktorat Jenderal Perkeretaapian (DJKA)", "199206252018012001"},
	},
	"cri": {
		{"Fajar Nugroho", "Direktur Operasi", "", ""},
		{"Maya Anggraini", "Manajer Kemitraan", "", ""},
	},
	"kai": {
		{"Agus Setiawan Putra", "Manajer Pengembangan Usaha", "", ""},
		{"Intan Permatasari", "Staf Hubungan Kelembagaan", "", ""},
	},
	"sci": {
		{"Taufik Ramadhan", "Direktur Pengembangan Usaha", "", ""},
		{"Nirwana Sari Jufri", "Staf Hukum dan Kerja Sama", "", ""},
	},
	"umkm-maros": {
		{"Baharuddin Tahir", "Ketua", "", ""},
		{"Suriani Nasir", "Sekretaris", "", ""},
	},
	"komunitas-maros": {
		{"Reza Firmansyah", "Koordinator", "", ""},
		{"Ayu Lestari Syam", "Bendahara", "", ""},
	},
}
