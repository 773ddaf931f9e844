package assist

import (
	"fmt"
	"strings"

	"sinergi"
	"sinergi/rupiah"
)

// BudgetKey is the comparable form of a budget line (DIPA/DPA code): upper
// case without spaces, so "5.02.01 / 521211" and "5.02.01/521211" are one line.
func BudgetKey(line string) string {
	return strings.ToUpper(strings.Join(strings.Fields(line), ""))
}

// CheckShareInput checks that each share is well formed (400 when not):
// positive amount, known funding source, a budget line.
func CheckShareInput(shares []sinergi.CostShare) error {
	var v sinergi.Validation
	if len(shares) > 20 {
		v.Add("shares", "Paling banyak 20 bagian biaya", "At most 20 cost shares")
	}
	for i, s := range shares {
		f := fmt.Sprintf("shares[%d].", i)
		if s.OrganizationID <= 0 {
			v.Add(f+"organization_id", "Pilih instansi yang menanggung bagian ini", "Choose the organisation bearing this share")
		}
		if s.Amount <= 0 || s.Amount > 1e15 {
			v.Add(f+"amount", "Jumlah harus lebih dari Rp0", "The amount must be more than Rp0")
		}
		if !sinergi.ValidFundingSource(s.FundingSource) {
			v.Add(f+"funding_source", "Sumber dana harus APBN, APBD, PNBP, BLU atau other", "The funding source must be APBN, APBD, PNBP, BLU or other")
		}
		if BudgetKey(s.BudgetLine) == "" {
			v.Add(f+"budget_line", "Isi kode mata anggaran (DIPA/DPA)", "Give the budget line (DIPA/DPA code)")
		} else if len(s.BudgetLine) > 100 {
			v.Add(f+"budget_line", "Kode mata anggaran paling banyak 100 karakter", "The budget line must be at most 100 characters")
		}
	}
	return v.Err()
}

// CheckCostSharing (BK-COST): the shares belong to the two parties, add up
// to the total cost, and charge no budget line twice — neither within the
// request nor across other live requests of the same activity
// (usedElsewhere holds their BudgetKeys).
func CheckCostSharing(total int64, parties []int64, shares []sinergi.CostShare, usedElsewhere map[string]bool) error {
	var sum int64
	seen := map[string]bool{}
	for _, s := range shares {
		if s.OrganizationID != parties[0] && s.OrganizationID != parties[1] {
			return violation(RuleCost, CiteCost, "Biaya dibagi antara instansi pemohon dan instansi pemberi bantuan saja", "The cost is shared between the requester and the provider only")
		}
		k := BudgetKey(s.BudgetLine)
		if seen[k] {
			return violation(RuleCost, CiteCost, "Mata anggaran "+s.BudgetLine+" dibebani dua kali untuk biaya yang sama (pembiayaan ganda)", "Budget line "+s.BudgetLine+" is charged twice for the same cost (double financing)")
		}
		if usedElsewhere[k] {
			return DoubleFinancing(s.BudgetLine)
		}
		seen[k] = true
		sum += s.Amount
	}
	if sum != total {
		return violation(RuleCost, CiteCost,
			"Jumlah bagian biaya ("+rupiah.Format(sum)+") harus sama dengan perkiraan biaya ("+rupiah.Format(total)+")",
			"The shares ("+rupiah.Format(sum)+") must add up to the cost estimate ("+rupiah.Format(total)+")")
	}
	return nil
}

// DoubleFinancing (BK-COST) is the violation of charging a budget line that
// already pays for another live request of the same activity.
func DoubleFinancing(line string) *sinergi.Error {
	return violation(RuleCost, CiteCost, "Mata anggaran "+line+" sudah membiayai permohonan lain untuk kegiatan yang sama (pembiayaan ganda)", "Budget line "+line+" already pays for another request of the same activity (double financing)")
}

// CheckCostAgreed (BK-COST): when the assistance costs money, it cannot
// start before both parties have confirmed the cost sharing.
func CheckCostAgreed(total int64, agreed bool) error {
	if total > 0 && !agreed {
		return violation(RuleCost, CiteCost, "Bantuan berbiaya belum dapat dimulai: pembagian biaya belum disepakati kedua pihak", "Assistance that costs money cannot start before both parties have agreed the cost sharing")
	}
	return nil
}
