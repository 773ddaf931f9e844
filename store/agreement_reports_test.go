package store_test

import (
	"archive/zip"
	"bytes"
	"context"
	"testing"

	"sinergi"
	"sinergi/kerjasama"
	"sinergi/store"
)

// activeKSDD makes the Maros–Pangkep–Barru agreement and brings it into
// force (it starts on 1 January 2026; today is 2 November 2026).
func activeKSDD(t *testing.T, e *ksEnv, ctx context.Context) *sinergi.Agreement {
	t.Helper()
	a, err := e.db.CreateAgreement(ctx, e.ksdd())
	if err != nil {
		t.Fatal(err)
	}
	return complete(t, e.db, ctx, a, "persiapan", "penawaran", "penyusunan_kb", "penandatanganan_kb", "penyusunan_pks", "penandatanganan_pks")
}

func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, n := range names {
		f, err := w.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte("<x/>"))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func mustActivity(t *testing.T, db *store.DB, from, to int64, desc string) *sinergi.Activity {
	t.Helper()
	a, err := db.CreateActivity(sys, sinergi.ActivityInput{Type: "joint_planning", FromOrgID: from, ToOrgID: to, Date: "2026-05-10", Description: desc})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAgreementReports(t *testing.T) {
	e := newKS(t)
	admin := asUser(t, e.db, e.maros.ID, "admin@maros.test", sinergi.RoleOrgAdmin)
	a := activeKSDD(t, e, admin)
	if r := a.Reporting; r == nil || r.IntervalMonths != 6 || r.NextDue != "2026-07-01" || !r.Overdue || r.Reports != 0 {
		t.Fatalf("reporting before any report: %+v", r)
	}
	draft, err := e.db.CreateAgreement(admin, e.ksdd())
	if err != nil {
		t.Fatal(err)
	}
	ours := mustActivity(t, e.db, e.maros.ID, e.pangkep.ID, "Rapat teknis jalan akses")
	theirs := mustActivity(t, e.db, e.maros.ID, e.mamuju.ID, "Studi banding ke Mamuju")
	good := sinergi.ReportInput{PeriodStart: "2026-01-01", PeriodEnd: "2026-06-30", ReportDate: "2026-07-05",
		Narrative: "Lahan untuk jalan akses telah dibebaskan sebagian.", Outcome: "60% lahan tersedia", ActivityIDs: []int64{ours.ID}}
	tests := []struct {
		name string
		ctx  context.Context
		id   int64
		edit func(in *sinergi.ReportInput)
		want string
	}{
		{"member of a party", e.marosCtx, a.ID, nil, "forbidden"},
		{"admin of another region", e.outsider, a.ID, nil, "forbidden"},
		{"partner", e.criCtx, a.ID, nil, "forbidden"},
		{"no date", admin, a.ID, func(in *sinergi.ReportInput) { in.ReportDate = "" }, "invalid"},
		{"period reversed", admin, a.ID, func(in *sinergi.ReportInput) { in.PeriodEnd = "2025-12-31" }, "invalid"},
		{"report before the period ends", admin, a.ID, func(in *sinergi.ReportInput) { in.ReportDate = "2026-06-01" }, "invalid"},
		{"short narrative", admin, a.ID, func(in *sinergi.ReportInput) { in.Narrative = "ok" }, "invalid"},
		{"period before the start", admin, a.ID, func(in *sinergi.ReportInput) { in.PeriodStart = "2025-06-01" }, "invalid"},
		{"activity outside the parties", admin, a.ID, func(in *sinergi.ReportInput) { in.ActivityIDs = []int64{theirs.ID} }, "invalid"},
		{"unknown activity", admin, a.ID, func(in *sinergi.ReportInput) { in.ActivityIDs = []int64{999999} }, "invalid"},
		{"activity twice", admin, a.ID, func(in *sinergi.ReportInput) { in.ActivityIDs = []int64{ours.ID, ours.ID} }, "invalid"},
		{"draft agreement", admin, draft.ID, nil, "conflict"},
		{"unknown agreement", admin, 999999, nil, "not_found"},
		{"system admin", sys, a.ID, nil, ""},
		{"admin of a party", admin, a.ID, nil, ""},
	}
	var rep *sinergi.AgreementReport
	for _, tt := range tests {
		in := good
		in.ActivityIDs = append([]int64(nil), good.ActivityIDs...)
		if tt.edit != nil {
			tt.edit(&in)
		}
		r, err := e.db.CreateAgreementReport(tt.ctx, tt.id, in)
		if got := string(code(err)); got != tt.want && !(tt.want == "" && err == nil) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
		if err == nil {
			rep = r
		}
	}
	l, err := e.db.AgreementReports(e.criCtx, a.ID, 0, 0)
	if err != nil || l.Total != 2 || len(l.Items[0].Activities) != 1 || l.Items[0].Activities[0].ID != ours.ID {
		t.Fatalf("reports read by a partner: %+v %v", l, err)
	}
	got, err := e.db.Agreement(admin, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r := got.Reporting; r.Reports != 2 || r.LastReportDate != "2026-07-05" || r.NextDue != "2027-01-05" || r.Overdue {
		t.Errorf("reporting after a report: %+v", r)
	}

	// evidence: the type is read from the content
	files := []struct {
		name string
		data []byte
		want string // content type, or the error code
	}{
		{"laporan.pdf", []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), sinergi.EvidencePDF},
		{"foto.png", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 32)...), sinergi.EvidencePNG},
		{"foto.jpeg", append([]byte("\xff\xd8\xff\xe0"), make([]byte, 32)...), sinergi.EvidenceJPEG},
		{"catatan.txt", []byte("Notulen rapat teknis 10 Mei 2026"), sinergi.EvidenceText},
		{"rekap.xlsx", zipOf(t, "[Content_Types].xml", "xl/workbook.xml"), sinergi.EvidenceXLSX},
		{"surat.docx", zipOf(t, "[Content_Types].xml", "word/document.xml"), sinergi.EvidenceDOCX},
		{"laporan.pdf", []byte("MZ\x90\x00\x03\x00\x00\x00program"), "invalid"}, // an executable named .pdf
		{"arsip.xlsx", zipOf(t, "a.txt"), "invalid"},                            // a plain zip
		{"halaman.txt", []byte("<html><script>alert(1)</script></html>"), "invalid"},
		{"kosong.txt", nil, "invalid"},
		{"besar.txt", bytes.Repeat([]byte("a"), sinergi.MaxEvidenceSize+1), "too_large"},
	}
	stored := 0
	for _, f := range files {
		meta, err := e.db.AddReportEvidence(admin, a.ID, rep.ID, f.name, f.data)
		switch {
		case err != nil && string(code(err)) != f.want:
			t.Errorf("%s: %v, want %s", f.name, err, f.want)
		case err == nil && meta.ContentType != f.want:
			t.Errorf("%s: stored as %s, want %s", f.name, meta.ContentType, f.want)
		case err == nil:
			stored++
			m, data, err := e.db.ReportEvidence(e.criCtx, a.ID, rep.ID, meta.ID)
			if err != nil || !bytes.Equal(data, f.data) || m.SHA256 != meta.SHA256 || m.Size != int64(len(f.data)) {
				t.Errorf("%s: read back %v", f.name, err)
			}
		}
	}
	if _, err := e.db.AddReportEvidence(e.marosCtx, a.ID, rep.ID, "x.txt", []byte("catatan anggota")); code(err) != sinergi.CodeForbidden {
		t.Errorf("member uploads: %v", err)
	}
	if _, _, err := e.db.ReportEvidence(admin, draft.ID, rep.ID, 1); code(err) != sinergi.CodeNotFound {
		t.Errorf("file through another agreement: %v", err)
	}
	r, err := e.db.AgreementReport(admin, a.ID, rep.ID)
	if err != nil || len(r.Files) != stored || stored != 6 {
		t.Fatalf("files stored: %d of %d, %v", len(r.Files), stored, err)
	}

	// edit the report and the interval, with If-Match versions
	upd := good
	upd.Narrative = "Lahan telah dibebaskan seluruhnya."
	upd.ActivityIDs = nil
	if _, err := e.db.UpdateAgreementReport(admin, a.ID, rep.ID, rep.Version+5, upd); code(err) != sinergi.CodePreconditionFailed {
		t.Errorf("stale report version: %v", err)
	}
	r, err = e.db.UpdateAgreementReport(admin, a.ID, rep.ID, rep.Version, upd)
	if err != nil || r.Narrative != upd.Narrative || len(r.Activities) != 0 || r.Version != rep.Version+1 {
		t.Fatalf("update: %+v %v", r, err)
	}
	if _, err := e.db.SetReportingInterval(admin, a.ID, got.Version+1, sinergi.ReportingInput{IntervalMonths: 12}); code(err) != sinergi.CodePreconditionFailed {
		t.Errorf("stale agreement version: %v", err)
	}
	if _, err := e.db.SetReportingInterval(admin, a.ID, got.Version, sinergi.ReportingInput{IntervalMonths: 0}); code(err) != sinergi.CodeInvalid {
		t.Errorf("interval 0: %v", err)
	}
	if _, err := e.db.SetReportingInterval(e.marosCtx, a.ID, got.Version, sinergi.ReportingInput{IntervalMonths: 12}); code(err) != sinergi.CodeForbidden {
		t.Errorf("member sets the interval: %v", err)
	}
	after, err := e.db.SetReportingInterval(admin, a.ID, got.Version, sinergi.ReportingInput{IntervalMonths: 12})
	if err != nil || after.Reporting.IntervalMonths != 12 || after.Reporting.NextDue != "2027-07-05" || after.Version != got.Version+1 {
		t.Fatalf("interval: %+v %v", after.Reporting, err)
	}
	if n, err := e.db.VerifyAudit(context.Background()); err != nil || n == 0 {
		t.Errorf("audit: %d %v", n, err)
	}
}

func TestAgreementObligationsAndParties(t *testing.T) {
	e := newKS(t)
	admin := asUser(t, e.db, e.maros.ID, "admin@maros.test", sinergi.RoleOrgAdmin)
	a := activeKSDD(t, e, admin)
	o := a.Obligations[0]
	if !o.Overdue || o.ID == 0 {
		t.Fatalf("obligation: %+v", o)
	}
	done := sinergi.ObligationDoneInput{Date: "2026-10-20", Note: "Berita acara serah terima lahan"}
	tests := []struct {
		name    string
		ctx     context.Context
		version int64
		oid     int64
		in      sinergi.ObligationDoneInput
		want    sinergi.Code
	}{
		{"member", e.marosCtx, a.Version, o.ID, done, sinergi.CodeForbidden},
		{"stale version", admin, a.Version - 1, o.ID, done, sinergi.CodePreconditionFailed},
		{"unknown obligation", admin, a.Version, o.ID + 100, done, sinergi.CodeNotFound},
		{"future date", admin, a.Version, o.ID, sinergi.ObligationDoneInput{Date: "2026-12-01"}, sinergi.CodeInvalid},
		{"before the start", admin, a.Version, o.ID, sinergi.ObligationDoneInput{Date: "2025-12-01"}, sinergi.CodeInvalid},
		{"bad date", admin, a.Version, o.ID, sinergi.ObligationDoneInput{Date: "20-10-2026"}, sinergi.CodeInvalid},
		{"admin", admin, a.Version, o.ID, done, ""},
		{"twice", admin, 0, o.ID, done, sinergi.CodeConflict},
	}
	for _, tt := range tests {
		got, err := e.db.MarkObligationDone(tt.ctx, a.ID, tt.version, tt.oid, tt.in)
		if code(err) != tt.want {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
		if err == nil {
			if x := got.Obligations[0]; x.Overdue || x.DoneOn != done.Date || x.DoneNote != done.Note || got.Version != a.Version+1 {
				t.Errorf("%s: %+v version %d", tt.name, x, got.Version)
			}
			a = got
		}
	}
	a, err := e.db.UndoObligation(admin, a.ID, a.Version, o.ID)
	if err != nil || !a.Obligations[0].Overdue || a.Obligations[0].DoneOn != "" {
		t.Fatalf("undo: %+v %v", a.Obligations, err)
	}
	if _, err := e.db.UndoObligation(admin, a.ID, a.Version, o.ID); code(err) != sinergi.CodeConflict {
		t.Errorf("undo twice: %v", err)
	}

	// parties: roles and signatories under the rules of creation
	head := sinergi.Signatory{Name: "Chaidir Syam", Position: "Bupati Maros", Authority: sinergi.AuthorityHeadOfRegion, Document: sinergi.DocKB}
	poa := sinergi.Signatory{Name: "Andi Davied", Position: "Sekretaris Daerah", Authority: sinergi.AuthorityPowerOfAttorney, Document: sinergi.DocKB}
	poaPKS := poa
	poaPKS.Document = sinergi.DocPKS
	ptests := []struct {
		name string
		ctx  context.Context
		org  int64
		in   sinergi.PartyEditInput
		want string
	}{
		{"power of attorney signs the KB", admin, e.maros.ID, sinergi.PartyEditInput{Role: "lead", Signatories: []sinergi.Signatory{head, poa}}, kerjasama.RuleSign},
		{"two of three become witnesses", admin, e.pangkep.ID, sinergi.PartyEditInput{Role: "witness"}, ""},
		{"unknown role", admin, e.maros.ID, sinergi.PartyEditInput{Role: "boss"}, "invalid"},
		{"signatory without a name", admin, e.maros.ID, sinergi.PartyEditInput{Role: "lead", Signatories: []sinergi.Signatory{{Position: "Bupati", Authority: sinergi.AuthorityHeadOfRegion}}}, "invalid"},
		{"not a party", admin, e.cri.ID, sinergi.PartyEditInput{Role: "party"}, "not_found"},
		{"member", e.marosCtx, e.maros.ID, sinergi.PartyEditInput{Role: "lead"}, "forbidden"},
		{"power of attorney signs the PKS", admin, e.maros.ID, sinergi.PartyEditInput{Role: "lead", Signatories: []sinergi.Signatory{head, poaPKS}}, ""},
	}
	for _, tt := range ptests {
		got, err := e.db.UpdateAgreementParty(tt.ctx, a.ID, 0, tt.org, tt.in)
		if r := rule(err); r != tt.want && !(tt.want == "" && err == nil) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
		if err == nil {
			a = got
		}
	}
	if a.Parties[0].Role != "lead" || len(a.Parties[0].Signatories) != 2 || a.Parties[0].Signatories[1].Document != sinergi.DocPKS || a.Parties[1].Role != "witness" {
		t.Errorf("parties after edits: %+v", a.Parties)
	}
	// with Pangkep a witness, Barru as a witness too would leave one region
	if _, err := e.db.UpdateAgreementParty(admin, a.ID, a.Version, e.barru.ID, sinergi.PartyEditInput{Role: "witness"}); rule(err) != kerjasama.RuleParties {
		t.Errorf("one principal left: %v", err)
	}
	if _, err := e.db.UpdateAgreementParty(admin, a.ID, a.Version-1, e.barru.ID, sinergi.PartyEditInput{Role: "party"}); code(err) != sinergi.CodePreconditionFailed {
		t.Errorf("stale version: %v", err)
	}
}
