package sheet

// Agreements is the import file of the kerja sama registry (issue 5).
var Agreements = &Layout{
	Sheet: "Kerja sama", Noun: "kerja sama", NounE: "agreement", File: "templat-impor-kerja-sama",
	Columns: []Column{
		{"kind", "Jenis", "Wajib. Salah satu dari KSDD, KSDPK, KSDPL, KSDLL, NOTA_KESEPAKATAN, INTER_AGENCY, MOU, MOA, IA.", "Required. One of KSDD, KSDPK, KSDPL, KSDLL, NOTA_KESEPAKATAN, INTER_AGENCY, MOU, MOA, IA."},
		{"ksdd_category", "Kategori KSDD", "Hanya untuk KSDD: wajib atau sukarela (kosong = sukarela).", "KSDD only: wajib or sukarela (empty = sukarela)."},
		{"title", "Judul", "Wajib, 5 sampai 300 karakter.", "Required, 5 to 300 characters."},
		{"parties", "Para pihak", "Wajib. ID instansi atau nama instansi persis seperti di Sinergi, dipisah titik koma (;).", "Required. Organisation ids or exact names as in Sinergi, separated by semicolons (;)."},
		{"start_date", "Tanggal mulai", "Wajib, TTTT-BB-HH, misalnya 2026-01-01.", "Required, YYYY-MM-DD, e.g. 2026-01-01."},
		{"end_date", "Tanggal berakhir", "Wajib, TTTT-BB-HH, sesudah tanggal mulai.", "Required, YYYY-MM-DD, after the start date."},
		{"burdens_public", "Membebani masyarakat", "ya atau tidak (kosong = tidak).", "yes or no (empty = no)."},
		{"funded_in_current_budget", "Dianggarkan dalam APBD berjalan", "ya atau tidak (kosong = tidak).", "yes or no (empty = no)."},
		{"parent_id", "ID kerja sama induk", "Opsional: ID kerja sama induk (KB untuk PKS, MoU untuk MoA, MoA untuk IA).", "Optional: id of the parent agreement (KB for a PKS, MoU for an MoA, MoA for an IA)."},
		{"scope", "Ruang lingkup", "Opsional: ruang lingkup / objek kerja sama.", "Optional: scope / object of the agreement."},
	},
	Required: []string{"kind", "title", "parties", "start_date", "end_date"},
	Example: []any{"KSDD", "sukarela", "Jalan akses Stasiun Maros", "Pemerintah Kabupaten Maros; Pemerintah Kabupaten Pangkajene dan Kepulauan",
		"2026-01-01", "2030-12-31", "tidak", "ya", "", "Pembangunan jalan akses stasiun"},
}
