package sinergi

// Sector is the kind of an organisation. Whether it is a public body follows
// from the sector (Ansell & Gash C1/C2 use it): government and public
// universities are public; state- and region-owned enterprises (BUMN, BUMD)
// are companies and count as non-state partners.
type Sector string

const (
	SectorMinistry               Sector = "ministry"
	SectorProvincialGovernment   Sector = "provincial_government"
	SectorRegencyGovernment      Sector = "regency_government"
	SectorCityGovernment         Sector = "city_government"
	SectorPublicUniversity       Sector = "public_university"
	SectorPrivateUniversity      Sector = "private_university"
	SectorBUMN                   Sector = "bumn"
	SectorBUMD                   Sector = "bumd"
	SectorPrivateCompany         Sector = "private_company"
	SectorCooperative            Sector = "cooperative"
	SectorCivilSociety           Sector = "civil_society"
	SectorCommunity              Sector = "community"
	SectorForeignInstitution     Sector = "foreign_institution"
	SectorForeignLocalGovernment Sector = "foreign_local_government"
)

// SectorInfo describes a sector.
type SectorInfo struct {
	Code   Sector
	Label  Text
	Public bool
}

// Sectors lists every sector in the order the UI shows them.
var Sectors = []SectorInfo{
	{SectorMinistry, T("Kementerian/Lembaga", "Ministry/agency"), true},
	{SectorProvincialGovernment, T("Pemerintah provinsi", "Provincial government"), true},
	{SectorRegencyGovernment, T("Pemerintah kabupaten", "Regency government"), true},
	{SectorCityGovernment, T("Pemerintah kota", "City government"), true},
	{SectorPublicUniversity, T("Perguruan tinggi negeri", "Public university"), true},
	{SectorPrivateUniversity, T("Perguruan tinggi swasta", "Private university"), false},
	{SectorBUMN, T("BUMN", "State-owned enterprise (BUMN)"), false},
	{SectorBUMD, T("BUMD", "Region-owned enterprise (BUMD)"), false},
	{SectorPrivateCompany, T("Perusahaan swasta", "Private company"), false},
	{SectorCooperative, T("Koperasi/UMKM", "Cooperative/MSME"), false},
	{SectorCivilSociety, T("Organisasi masyarakat sipil", "Civil-society organisation"), false},
	{SectorCommunity, T("Komunitas", "Community"), false},
	{SectorForeignInstitution, T("Lembaga luar negeri", "Foreign institution"), false},
	{SectorForeignLocalGovernment, T("Pemerintah daerah luar negeri", "Foreign local government"), false},
}

// LookupSector returns the description of s.
func LookupSector(s Sector) (SectorInfo, bool) {
	for _, i := range Sectors {
		if i.Code == s {
			return i, true
		}
	}
	return SectorInfo{}, false
}

// IsPublic reports whether organisations of sector s are public bodies.
func (s Sector) IsPublic() bool {
	i, _ := LookupSector(s)
	return i.Public
}

// IsForeign reports whether the sector is abroad (no Indonesian region).
func (s Sector) IsForeign() bool {
	return s == SectorForeignInstitution || s == SectorForeignLocalGovernment
}
