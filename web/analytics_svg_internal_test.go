package web

import (
	"fmt"
	"testing"

	"sinergi/network"
	"sinergi/store"
)

func TestAnalyticsDrawingLarge(t *testing.T) {
	var edges []network.Edge
	for i := 0; i < maxDrawn+1; i++ {
		edges = append(edges, network.Edge{Source: fmt.Sprint(i), Target: fmt.Sprint(i + 1), Weight: 1})
	}
	g, err := network.Build(nil, edges)
	if err != nil {
		t.Fatal(err)
	}
	d := drawNetwork(&store.OrgNetwork{Graph: g})
	if d == nil || d.TooLarge != g.Nodes() || len(d.Nodes) != 0 {
		t.Fatalf("large network: %+v", d)
	}
	if drawNetwork(&store.OrgNetwork{}) != nil {
		t.Fatal("nil graph should draw nothing")
	}
}
