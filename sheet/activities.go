package sheet

// Activities is the import file of the activity log (issue 6): one
// collaboration activity per row, as POST /api/v1/activities takes it, with
// organisations and units by id or exact name.
var Activities = &Layout{
	Sheet: "Kegiatan", Noun: "kegiatan", NounE: "activity", File: "templat-impor-kegiatan",
	Columns: []Column{
		{"type", "Jenis kegiatan", "Wajib. Salah satu dari 11 kegiatan Esteve dkk.: informal_cooperation, mutual_aid_agreement, giving_training, receiving_training, joint_planning, providing_equipment, receiving_equipment, giving_technical_assistance, receiving_technical_assistance, giving_grant_management, receiving_grant_management (atau training, equipment, technical_assistance, grant_management).",
			"Required. One of Esteve et al.'s 11 activities: informal_cooperation, mutual_aid_agreement, giving_training, receiving_training, joint_planning, providing_equipment, receiving_equipment, giving_technical_assistance, receiving_technical_assistance, giving_grant_management, receiving_grant_management (or training, equipment, technical_assistance, grant_management)."},
		{"from_org", "Instansi pemberi", "Wajib. ID atau nama instansi persis seperti di Sinergi. Untuk pasangan memberi/menerima selalu instansi yang memberi.", "Required. Organisation id or exact name as in Sinergi. For give/receive pairs always the giving organisation."},
		{"from_unit", "Unit pemberi", "Opsional: ID atau nama unit kerja pada instansi pemberi.", "Optional: id or name of a unit of the giving organisation."},
		{"to_org", "Instansi penerima", "Wajib. ID atau nama instansi persis; berbeda dari instansi pemberi.", "Required. Organisation id or exact name; not the giving organisation."},
		{"to_unit", "Unit penerima", "Opsional: ID atau nama unit kerja pada instansi penerima.", "Optional: id or name of a unit of the receiving organisation."},
		{"date", "Tanggal", "Wajib, TTTT-BB-HH (2026-03-31) atau HH/BB/TTTT (31/03/2026).", "Required, YYYY-MM-DD (2026-03-31) or dd/mm/yyyy (31/03/2026)."},
		{"description", "Uraian", "Wajib, paling banyak 4000 karakter.", "Required, at most 4000 characters."},
		{"evidence", "Bukti", "Opsional: nomor surat, tautan dokumentasi (paling banyak 2000 karakter).", "Optional: letter number, link to documentation (at most 2000 characters)."},
		{"value_rupiah", "Nilai (Rp)", "Opsional: rupiah utuh, misalnya 1.500.000 atau Rp1.500.000,00.", "Optional: whole rupiah, e.g. 1.500.000 or Rp1.500.000,00."},
		{"agreement_id", "ID kerja sama", "Opsional: ID kerja sama yang mendasari kegiatan.", "Optional: id of the agreement behind the activity."},
		{"forum_id", "ID forum", "Opsional: ID forum tempat kegiatan disepakati.", "Optional: id of the forum where it was agreed."},
		{"assistance_request_id", "ID permohonan bantuan", "Opsional: ID permohonan Bantuan Kedinasan.", "Optional: id of the Bantuan Kedinasan request."},
	},
	Required: []string{"type", "from_org", "to_org", "date", "description"},
	Example: []any{"giving_training", "Universitas Sulawesi Barat", "", "Pemerintah Kabupaten Maros", "", "31/03/2026",
		"Pelatihan penyusunan dokumen perencanaan", "Surat 005/UNSULBAR/2026", "Rp15.000.000", "", "", ""},
}
