package demo_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"sinergi"
	"sinergi/demo"
	"sinergi/network"
	"sinergi/store/storetest"
)

// The demo's year of activities shows a silo, a broker and dormant ties.
func TestDemoActivitiesTellTheStory(t *testing.T) {
	db := storetest.Open(t)
	ctx := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	l, err := db.Activities(ctx, sinergi.ActivityFilter{From: time.Now().AddDate(-1, 0, 0).Format(time.DateOnly)})
	if err != nil || l.Total < 15 {
		t.Fatalf("activities of the last year: %d %v", l.Total, err)
	}
	res, err := db.AnalyzeNetwork(ctx, time.Time{}, time.Time{}, network.Options{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string][]string{}
	for _, f := range res.Findings {
		kinds[f.Kind] = append(kinds[f.Kind], f.ID)
	}
	if len(kinds["silo_node"]) == 0 || !strings.Contains(strings.Join(kinds["silo_node"], " "), "Universitas Gadjah Mada") {
		t.Errorf("no silo finding for UGM: %v", kinds)
	}
	if len(kinds["broker"]) == 0 || len(res.Brokers) == 0 {
		t.Errorf("no broker: %v", kinds)
	}
	if len(res.Dormant) < 2 || len(kinds["dormant"]) < 2 {
		t.Errorf("dormant ties: %v", res.Dormant)
	}
	if res.Components != 1 || res.Reciprocity == nil || res.Reciprocity.Reciprocated == 0 {
		t.Errorf("components %d reciprocity %+v", res.Components, res.Reciprocity)
	}
}
