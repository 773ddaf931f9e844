package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sinergi"
	"sinergi/corridor"
	"sinergi/store/storetest"
	"sinergi/web"
)

func writeRecord(t *testing.T, rec corridor.DrawRecord) string {
	t.Helper()
	b, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "draw.json")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCorridorVerifyDraw(t *testing.T) {
	seed := bytes.Repeat([]byte{7}, 32)
	in := corridor.Inputs{Rules: corridor.Rules{Franchise: corridor.FranchiseBefore}, CorridorRegions: []string{"73.09", "73.10"},
		Stations: []corridor.Station{{ID: 1, Name: "Maros", RegencyCode: "73.09", Kiosks: 1}}}
	for i, dom := range []string{"73.09.01.2003", "73.10.01", "73.09.02"} {
		in.Applications = append(in.Applications, corridor.Application{ID: int64(i + 1), NIB: "912000000000" + string(rune('1'+i)),
			DomicileCode: dom, Size: corridor.Micro, Stations: []int64{1}})
	}
	rec, err := corridor.Draw("Koridor uji", 1, in, corridor.Commit(seed), hex.EncodeToString(seed))
	if err != nil {
		t.Fatal(err)
	}
	good := writeRecord(t, rec)
	if code, out, errs := run(t, "", "corridor", "verify-draw", good); code != 0 || !strings.Contains(out, "SAH") {
		t.Fatalf("valid record: %d %s %s", code, out, errs)
	}
	b, _ := os.ReadFile(good)
	if code, _, errs := run(t, string(b), "corridor", "verify-draw", "-"); code != 0 {
		t.Fatalf("stdin: %d %s", code, errs)
	}

	bad := rec
	bad.RevealedSeed = hex.EncodeToString(bytes.Repeat([]byte{8}, 32))
	if code, _, errs := run(t, "", "corridor", "verify-draw", writeRecord(t, bad)); code == 0 || !strings.Contains(errs, "komitmen") {
		t.Errorf("wrong seed: %d %s", code, errs)
	}
	bad = rec
	bad.Result.Assignments = []corridor.Assignment{{StationID: 1, Kiosk: 1, ApplicationID: 2, Tier: 2}}
	if code, _, errs := run(t, "", "corridor", "verify-draw", writeRecord(t, bad)); code == 0 || !strings.Contains(errs, "direproduksi") {
		t.Errorf("tampered result: %d %s", code, errs)
	}
	bad = rec
	bad.Inputs.Applications = append([]corridor.Application(nil), rec.Inputs.Applications...)
	for i, a := range bad.Inputs.Applications {
		if a.ID == rec.Result.Assignments[0].ApplicationID {
			bad.Inputs.Applications[i].DomicileCode = "31.71"
		}
	}
	if code, _, errs := run(t, "", "corridor", "verify-draw", writeRecord(t, bad)); code == 0 {
		t.Errorf("tampered inputs: %d %s", code, errs)
	}
	for _, args := range [][]string{{"corridor", "verify-draw"}, {"corridor"}, {"corridor", "nope"}, {"corridor", "verify-draw", filepath.Join(t.TempDir(), "missing.json")}} {
		if code, _, _ := run(t, "", args...); code == 0 {
			t.Errorf("%v: exit 0", args)
		}
	}
	if code, _, errs := run(t, `{"format":1}`, "corridor", "verify-draw", "-"); code == 0 || !strings.Contains(errs, "not a valid draw record") {
		t.Errorf("garbage: %d %s", code, errs)
	}
}

// The draw record the API publishes is exactly what verify-draw accepts;
// tampered, it is refused.
func TestCorridorVerifyDrawRoundTrip(t *testing.T) {
	db := storetest.Open(t)
	sys := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	owner, err := db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Kementerian Perhubungan", Sector: sinergi.SectorMinistry, RegionCode: "31.71"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.CreateCorridor(sys, sinergi.CorridorInput{Name: "Koridor uji", Infrastructure: sinergi.CorridorInfraRailway, OwnerOrgID: owner.ID,
		Regions: []string{"73.09", "73.10"}, Stations: []sinergi.CorridorStationInput{{Name: "Maros", RegionCode: "73.09", Status: sinergi.CorridorStationOperating, Kiosks: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	for i, dom := range []string{"73.09.01.2003", "73.10.01", "73.09.02", "73.71.01"} {
		if _, err := db.CreateCorridorApplication(sys, c.ID, sinergi.CorridorApplicationInput{BusinessName: fmt.Sprint("Usaha ", i), OwnerName: "Pemilik",
			DomicileCode: dom, Size: corridor.Micro, NIB: fmt.Sprintf("912000000000%d", i), Stations: []int64{c.Stations[0].ID}}); err != nil {
			t.Fatal(err)
		}
	}
	seed := bytes.Repeat([]byte{9}, 32)
	d, err := db.CommitCorridorDraw(sys, c.ID, sinergi.CorridorCommitInput{Commitment: corridor.Commit(seed), ApplicationsCloseAt: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CloseCorridorApplications(sys, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RunCorridorDraw(sys, c.ID, sinergi.CorridorDrawInput{Seed: hex.EncodeToString(seed)}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), "test").Handler())
	defer srv.Close()
	res, err := http.Get(fmt.Sprintf("%s/api/v1/corridors/%d/draws/%d", srv.URL, c.ID, d.ID))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("GET draw record: %d %s", res.StatusCode, body)
	}
	p := filepath.Join(t.TempDir(), "draw.json")
	if err := os.WriteFile(p, body, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := run(t, "", "corridor", "verify-draw", p); code != 0 {
		t.Fatalf("published record: %d %s %s", code, out, errs)
	}
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	first := m["result"].(map[string]any)["assignments"].([]any)[0].(map[string]any)
	first["application_id"] = first["application_id"].(float64) + 100
	tampered, _ := json.Marshal(m)
	if err := os.WriteFile(p, tampered, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "", "corridor", "verify-draw", p); code == 0 || !strings.Contains(errs, "INVALID") {
		t.Fatalf("tampered record: %d %s", code, errs)
	}
}
