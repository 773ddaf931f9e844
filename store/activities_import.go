package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"sinergi"
	"sinergi/rupiah"
	"sinergi/sheet"
)

// activityImport reports the problems of an activity import.
var activityImport = &importSpec{
	layout:      sheet.Activities,
	fieldColumn: map[string]string{"from_org_id": "from_org", "to_org_id": "to_org", "from_unit_id": "from_unit", "to_unit_id": "to_unit"},
	forbidden: sheet.Problem{Column: "from_org", Reason: "Anda hanya dapat mencatat kegiatan yang melibatkan instansi Anda",
		ReasonEN: "You may only record activities your organisation takes part in"},
}

// ImportActivities stores the rows of an import file as activities, each
// through the same checks as CreateActivity (form, the right to record for
// one of the two organisations, existing references), in one transaction
// (see runImport).
func (db *DB) ImportActivities(ctx context.Context, rows []sheet.Row, mode sheet.Mode) (*sheet.Report, error) {
	return runImport(ctx, db, db.activityKind(), rowsOf(rows), mode)
}

// ImportActivitiesFile imports an uploaded xlsx or CSV file as
// ImportActivities does, reading its rows as a stream; a file that cannot
// be read is a *sheet.Error and imports nothing.
func (db *DB) ImportActivitiesFile(ctx context.Context, b []byte, mode sheet.Mode) (*sheet.Report, error) {
	return runImport(ctx, db, db.activityKind(), fileOf(sheet.Activities, b), mode)
}

// activityKind is the import of activities: the organisations of a batch
// looked up in one query, each row checked as CreateActivity checks it, the
// valid rows written together (writeActivities).
func (db *DB) activityKind() *importKind[sinergi.ActivityInput] {
	names := orgNames{}
	return &importKind[sinergi.ActivityInput]{spec: activityImport, analyze: "activities",
		prepare: func(ctx context.Context, tx *sql.Tx, rows []sheet.Row) error {
			var refs []string
			for _, r := range rows {
				for _, col := range []string{"from_org", "to_org"} {
					if s := r.Cells[col]; s != "" {
						refs = append(refs, s)
					}
				}
			}
			_, err := names.prefetch(ctx, tx, refs)
			return err
		},
		check: func(ctx context.Context, tx *sql.Tx, r sheet.Row, p *rowProblems, _ func() error) (sinergi.ActivityInput, bool, error) {
			in, err := activityInput(ctx, tx, r, names, p)
			if err != nil {
				return in, false, err
			}
			if len(p.list) > 0 {
				in.Normalize()
				p.addFields(in.Validate()) // report the other fields' problems too
				return in, false, nil
			}
			if err := checkActivityInput(ctx, &in); err != nil {
				return in, false, p.rowErr(err, "from_org")
			}
			if err := db.checkActivityRefs(ctx, tx, in); err != nil {
				return in, false, p.rowErr(err, "")
			}
			return in, true, nil
		},
		write: func(ctx context.Context, tx *sql.Tx, chain *auditChain, ins []sinergi.ActivityInput) ([]int64, error) {
			out, err := db.writeActivities(ctx, tx, chain, ins)
			if err != nil {
				return nil, err
			}
			ids := make([]int64, len(out))
			for i, a := range out {
				ids[i] = a.ID
			}
			return ids, nil
		},
	}
}

// activityInput reads one row into an activity input; cells that cannot be
// read are reported to p.
func activityInput(ctx context.Context, q querier, r sheet.Row, names orgNames, p *rowProblems) (sinergi.ActivityInput, error) {
	c := r.Cells
	in := sinergi.ActivityInput{Type: sinergi.ActivityType(c["type"]), Date: sheet.Date(c["date"]), Description: c["description"], Evidence: c["evidence"]}
	if in.Date != "" {
		if _, err := time.Parse(time.DateOnly, in.Date); err != nil {
			p.add("date", "Tanggal harus TTTT-BB-HH atau HH/BB/TTTT, bukan "+strconv.Quote(c["date"]), "The date must be YYYY-MM-DD or dd/mm/yyyy, not "+strconv.Quote(c["date"]))
		}
	}
	if s := c["value_rupiah"]; s != "" {
		n, ok := rupiah.Parse(s)
		if !ok {
			p.add("value_rupiah", "Nilai harus rupiah utuh, misalnya 1.500.000, bukan "+strconv.Quote(s), "The value must be whole rupiah, e.g. 1.500.000, not "+strconv.Quote(s))
		} else {
			in.ValueRupiah = &n
		}
	}
	for _, ref := range []struct {
		col string
		dst **int64
	}{{"agreement_id", &in.AgreementID}, {"forum_id", &in.ForumID}, {"assistance_request_id", &in.AssistanceRequestID}} {
		if s := c[ref.col]; s != "" {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil || n <= 0 {
				p.add(ref.col, ref.col+" harus bilangan bulat positif", ref.col+" must be a positive integer")
				continue
			}
			*ref.dst = &n
		}
	}
	for _, side := range []struct {
		org, unit string
		orgID     *int64
		unitID    **int64
	}{{"from_org", "from_unit", &in.FromOrgID, &in.FromUnitID}, {"to_org", "to_unit", &in.ToOrgID, &in.ToUnitID}} {
		if s := c[side.org]; s != "" {
			id, why, err := names.resolve(ctx, q, s)
			if err != nil {
				return in, err
			}
			if id == 0 {
				p.add(side.org, why.ID, why.EN)
			}
			*side.orgID = id
		}
		if s := c[side.unit]; s != "" && *side.orgID != 0 {
			id, err := unitRef(ctx, q, *side.orgID, s, side.unit, p)
			if err != nil {
				return in, err
			}
			if id != 0 {
				*side.unitID = &id
			}
		}
	}
	return in, nil
}

// unitRef reads a unit cell: an id (checked against the organisation by
// CreateActivity's checks) or the exact name of one of the organisation's
// units; 0 with a problem when it names none or several.
func unitRef(ctx context.Context, q querier, orgID int64, ref, col string, p *rowProblems) (int64, error) {
	if n, err := strconv.ParseInt(ref, 10, 64); err == nil && n > 0 {
		return n, nil
	}
	ids, err := queryIDs(ctx, q, `SELECT id FROM units WHERE organization_id = $1 AND lower(name) = $2 ORDER BY id LIMIT 2`, orgID, strings.ToLower(ref))
	if err != nil {
		return 0, err
	}
	switch len(ids) {
	case 0:
		p.add(col, "Unit tidak ditemukan pada instansi ini: "+ref, "No such unit in this organisation: "+ref)
		return 0, nil
	case 1:
		return ids[0], nil
	}
	p.add(col, "Nama unit tidak tunggal, tulis ID-nya: "+ref, "The unit name is ambiguous, write its id: "+ref)
	return 0, nil
}
