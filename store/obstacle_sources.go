package store

import (
	"context"
	"strconv"
	"time"

	"sinergi"
	"sinergi/kerjasama"
	"sinergi/network"
)

// agreementAndTieProposals adds three sources to ObstacleProposals (issue 8
// item 4), in the same shape and with the same keys scheme:
//
//   - "agreement-legal": agreements have no general legal-basis field
//     (term_legal_basis only justifies a term beyond the maximum), so an
//     agreement "without a legal basis" is one whose kind and budget need
//     DPRD approval (dprd_required) while the persetujuan_dprd stage has no
//     date recorded. Terminated and expired agreements are left out.
//   - "obligation-overdue": agreement obligations whose due date has passed
//     and that are not done, proposed to the obliged organisation.
//   - "tie-dormant": ties dormant per network.Dormant over the stored
//     network (store.Network + network.FromLinks, as AnalyzeNetwork does);
//     the key's id is the other organisation.
func (db *DB) agreementAndTieProposals(ctx context.Context, admin bool, org int64, today string, key func(string, int64, int64) string) ([]sinergi.ObstacleProposal, error) {
	out := []sinergi.ObstacleProposal{}
	// agreements needing DPRD approval without it
	rows, err := db.SQL.QueryContext(ctx, `SELECT a.id, a.title, p.organization_id FROM agreements a
		JOIN agreement_parties p ON p.agreement_id = a.id
		WHERE a.dprd_required AND a.status NOT IN ('terminated', 'expired')
		AND NOT EXISTS (SELECT 1 FROM agreement_stages s WHERE s.agreement_id = a.id AND s.code = $1 AND s.done_on <> '')
		AND ($2 OR p.organization_id = $3) ORDER BY a.id, p.organization_id`, kerjasama.StagePersetujuanDPRD, admin, org)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, owner int64
		var title string
		if err := rows.Scan(&id, &title, &owner); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, sinergi.ObstacleProposal{Key: key("agreement-legal", id, owner), OrgID: owner, Category: "legal_basis", AffectsKind: "agreement", AffectsID: id, AffectsLabel: title, Severity: "high",
			Description: "Kerja sama \"" + title + "\" memerlukan persetujuan DPRD yang belum tercatat (" + kerjasama.CiteDPRD + ")."})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// overdue agreement obligations
	rows, err = db.SQL.QueryContext(ctx, `SELECT o.id, o.agreement_id, a.title, o.organization_id, o.description, o.due_date FROM agreement_obligations o
		JOIN agreements a ON a.id = o.agreement_id
		WHERE o.due_date <> '' AND o.due_date < $1 AND o.done_on = '' AND a.status NOT IN ('terminated', 'expired')
		AND ($2 OR o.organization_id = $3) ORDER BY o.id`, today, admin, org)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, agID, owner int64
		var title, desc, due string
		if err := rows.Scan(&id, &agID, &title, &owner, &desc, &due); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, sinergi.ObstacleProposal{Key: key("obligation-overdue", id, owner), OrgID: owner, Category: "other", AffectsKind: "agreement", AffectsID: agID, AffectsLabel: title, Severity: "medium",
			Description: "Kewajiban \"" + desc + "\" dalam kerja sama \"" + title + "\" melewati tenggat " + due + "."})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// dormant ties, computed as the network analysis does
	data, err := db.Network(ctx, time.Time{}, time.Time{})
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	nodes := make([]string, len(data.Orgs))
	for i, o := range data.Orgs {
		nodes[i] = NodeID(o.ID)
		names[nodes[i]] = o.Name
	}
	now := db.now()
	_, opts, err := network.FromLinks(nodes, data.Links, nil, now)
	if err != nil {
		return nil, err
	}
	self := NodeID(org)
	for _, t := range network.Dormant(opts.Ties, now) {
		a, _ := strconv.ParseInt(t.A, 10, 64)
		b, _ := strconv.ParseInt(t.B, 10, 64)
		owner, other := a, b
		switch {
		case admin:
		case t.A == self:
		case t.B == self:
			owner, other = b, a
		default:
			continue
		}
		out = append(out, sinergi.ObstacleProposal{Key: key("tie-dormant", other, owner), OrgID: owner, Category: "communication", AffectsKind: "organization", AffectsID: other, AffectsLabel: names[NodeID(other)], Severity: "low",
			Description: "Hubungan dengan " + names[NodeID(other)] + " tidak aktif sejak " + t.Last.Format(time.DateOnly) + " (lebih dari 12 bulan)."})
	}
	return out, nil
}
