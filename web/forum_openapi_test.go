package web_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// The real responses of every forum route validate against the merged
// OpenAPI document, and every forum operation is seen to succeed and to fail.
func TestForumOpenAPIResponses(t *testing.T) {
	e := newForumEnv(t)
	c := &contract{t: t, e: e.env, doc: loadAPIDoc(t), seen: map[string][]int{}}
	const missing = "999999"
	soon := time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339)

	// forums
	okForum := fmt.Sprintf(`{"name":"Forum Koridor Kereta Api","initiator_org_id":%d,"focus":"programme_management","legal_basis":[{"type":"Perpres","number":"109","year":2020,"article":"Lampiran"}],"profile":{"initial_trust":"medium","asymmetries":"Anggaran"}}`, e.orgA.ID)
	c.call(401, "POST", "/api/v1/forums", "", okForum)
	c.call(403, "POST", "/api/v1/forums", "partnerB", okForum)
	c.call(400, "POST", "/api/v1/forums", "memberA", `{"name":"Forum","focus":"guild"}`)
	c.call(400, "POST", "/api/v1/forums", "memberA", `{"name":`)
	r := c.call(201, "POST", "/api/v1/forums", "memberA", okForum)
	forum := fmt.Sprintf("/api/v1/forums/%d", c.id(r))
	c.call(200, "GET", "/api/v1/forums", "", "")
	c.call(200, "GET", "/api/v1/forums?q=koridor&focus=programme_management&meets_all=false&organization_id=1&offset=0&limit=5", "memberA", "")
	c.call(400, "GET", "/api/v1/forums?meets_all=maybe", "", "")
	c.call(200, "GET", forum, "", "")
	c.call(404, "GET", "/api/v1/forums/"+missing, "", "")
	tag := c.call(200, "GET", forum, "memberA", "").header.Get("ETag")
	c.call(200, "PATCH", forum, "memberA", `{"mission":"Kereta api yang melayani warga","shared_values":"Keterbukaan","problem_statement":"Lokasi stasiun"}`, "If-Match", tag)
	c.call(412, "PATCH", forum, "memberA", `{"scope":"Koridor"}`, "If-Match", tag)
	c.call(403, "PATCH", forum, "partnerB", `{"scope":"Koridor"}`)

	// charter
	c.call(404, "GET", forum+"/charter", "", "")
	c.call(400, "PUT", forum+"/charter", "memberA", `{"quorum":0,"fallback":"referral"}`)
	c.call(403, "PUT", forum+"/charter", "partnerB", `{"quorum":1}`)
	r = c.call(200, "PUT", forum+"/charter", "memberA", `{"rules":"Musyawarah untuk mufakat","quorum":2,"fallback":"qualified_majority","fallback_after_rounds":2,"majority_percent":50,"disagree_tolerance":0}`)
	c.call(200, "GET", forum+"/charter", "", "")
	c.call(200, "PATCH", forum+"/charter", "memberA", `{"disagree_tolerance":1}`, "If-Match", r.header.Get("ETag"))
	c.call(412, "PATCH", forum+"/charter", "memberA", `{"disagree_tolerance":0}`, "If-Match", r.header.Get("ETag"))

	// members and representatives
	c.call(201, "POST", forum+"/members", "memberA", fmt.Sprintf(`{"organization_id":%d,"role":"deciding"}`, e.orgB.ID))
	c.call(201, "POST", forum+"/members", "memberA", fmt.Sprintf(`{"organization_id":%d,"role":"observer"}`, e.orgC.ID))
	c.call(201, "POST", forum+"/members", "memberA", fmt.Sprintf(`{"organization_id":%d,"role":"deciding"}`, e.orgD.ID))
	c.call(409, "POST", forum+"/members", "memberA", fmt.Sprintf(`{"organization_id":%d,"role":"deciding"}`, e.orgB.ID))
	c.call(400, "POST", forum+"/members", "memberA", `{"organization_id":0,"role":"king"}`)
	c.call(403, "POST", forum+"/members", "partnerB", fmt.Sprintf(`{"organization_id":%d,"role":"deciding"}`, e.orgC.ID))
	c.call(200, "PATCH", fmt.Sprintf("%s/members/%d", forum, e.orgC.ID), "memberA", `{"role":"consulted"}`)
	c.call(400, "PATCH", fmt.Sprintf("%s/members/%d", forum, e.orgC.ID), "memberA", `{"role":"king"}`)
	rep := c.call(201, "POST", fmt.Sprintf("%s/members/%d/representatives", forum, e.orgB.ID), "memberA", fmt.Sprintf(`{"person_id":%d,"acting":"plt","acting_for":"Direktur Utama"}`, e.personB.ID))
	c.call(400, "POST", fmt.Sprintf("%s/members/%d/representatives", forum, e.orgB.ID), "memberA", `{"person_id":1,"acting":"plt"}`)
	c.call(204, "DELETE", fmt.Sprintf("/api/v1/representatives/%d", c.id(rep)), "memberA", "")
	c.call(404, "DELETE", "/api/v1/representatives/"+missing, "memberA", "")
	c.call(201, "POST", fmt.Sprintf("%s/members/%d/representatives", forum, e.orgB.ID), "memberA", fmt.Sprintf(`{"person_id":%d}`, e.personB.ID))
	c.call(201, "POST", forum+"/acknowledgements", "partnerB", "")
	c.call(200, "POST", forum+"/acknowledgements", "partnerB", "")
	c.call(201, "POST", forum+"/acknowledgements", "adminD", "")
	c.call(204, "DELETE", fmt.Sprintf("%s/members/%d", forum, e.orgD.ID), "memberA", "")
	c.call(404, "DELETE", fmt.Sprintf("%s/members/%d", forum, e.orgD.ID), "memberA", "")
	c.call(409, "DELETE", fmt.Sprintf("%s/members/%d", forum, e.orgA.ID), "memberA", "")
	c.call(403, "POST", forum+"/acknowledgements", "adminD", "")
	c.call(201, "POST", forum+"/small-wins", "memberA", `{"title":"Data lahan stasiun terkumpul","achieved_on":"2026-10-01"}`)
	c.call(400, "POST", forum+"/small-wins", "memberA", `{"title":"x","achieved_on":"kemarin"}`)

	// meetings
	mt := c.call(201, "POST", forum+"/meetings", "memberA", `{"starts_at":"2026-11-02T09:30:00+08:00","time_zone":"WITA","mode":"in_person","place":"Kantor Gubernur","agenda":"Lokasi stasiun"}`)
	meeting := fmt.Sprintf("/api/v1/meetings/%d", c.id(mt))
	c.call(400, "POST", forum+"/meetings", "memberA", `{"starts_at":"kemarin","mode":"in_person"}`)
	c.call(400, "POST", forum+"/meetings", "memberA", `{"starts_at":"2026-11-02T09:30:00+08:00","mode":"telepathy","time_zone":"CET"}`)
	c.call(200, "GET", forum+"/meetings", "", "")
	c.call(404, "GET", "/api/v1/forums/"+missing+"/meetings", "", "")
	c.call(200, "GET", meeting, "partnerB", "")
	c.call(404, "GET", "/api/v1/meetings/"+missing, "", "")
	c.call(200, "PATCH", meeting, "memberA", `{"minutes":"Disepakati tiga lokasi.","minutes_public":true}`, "If-Match", mt.header.Get("ETag"))
	c.call(412, "PATCH", meeting, "memberA", `{"minutes":"x"}`, "If-Match", mt.header.Get("ETag"))
	c.call(200, "PUT", meeting+"/attendance", "memberA", fmt.Sprintf(`{"attendees":[{"organization_id":%d},{"organization_id":%d,"person_id":%d}]}`, e.orgA.ID, e.orgB.ID, e.personB.ID))
	c.call(400, "PUT", meeting+"/attendance", "memberA", `{"attendees":[{"organization_id":999999}]}`)
	ai := c.call(201, "POST", meeting+"/action-items", "memberA", fmt.Sprintf(`{"title":"Kirim data lahan","owner_org_id":%d,"due":"2026-11-20"}`, e.orgB.ID))
	c.call(400, "POST", meeting+"/action-items", "memberA", `{"title":"x","owner_org_id":0,"due":"besok"}`)
	action := fmt.Sprintf("/api/v1/action-items/%d", c.id(ai))
	c.call(200, "PATCH", action, "partnerB", `{"status":"done","done_on":"2026-11-19"}`)
	c.call(400, "PATCH", action, "partnerB", `{"status":"done","done_on":""}`)
	other := c.call(201, "POST", forum+"/meetings", "memberA", `{"starts_at":"2026-12-02T09:30:00+07:00","time_zone":"WIB","mode":"online"}`)
	c.call(403, "DELETE", fmt.Sprintf("/api/v1/meetings/%d", c.id(other)), "partnerB", "")
	c.call(204, "DELETE", fmt.Sprintf("/api/v1/meetings/%d", c.id(other)), "memberA", "")

	// proposals and positions
	p := c.call(201, "POST", forum+"/proposals", "memberA", `{"title":"Lokasi Stasiun Maros","body":"Stasiun di Kecamatan Turikale.","closes_at":"`+soon+`"}`)
	proposal := fmt.Sprintf("/api/v1/proposals/%d", c.id(p))
	c.call(400, "POST", forum+"/proposals", "memberA", `{"title":"x","body":"","closes_at":"2000-01-01T00:00:00Z"}`)
	c.call(403, "POST", forum+"/proposals", "partnerB", `{"title":"Lokasi","body":"x","closes_at":"`+soon+`"}`)
	c.call(403, "POST", proposal+"/positions", "partnerC", `{"position":"agree"}`)
	c.call(400, "POST", proposal+"/positions", "partnerB", `{"position":"block"}`)
	c.call(200, "POST", proposal+"/positions", "partnerB", `{"position":"agree"}`)
	c.call(201, "POST", proposal+"/comments", "partnerC", `{"body":"Mohon jalur pejalan kaki."}`)
	c.call(400, "POST", proposal+"/comments", "partnerC", `{"body":""}`)
	c.call(200, "GET", proposal, "", "")
	c.call(404, "GET", "/api/v1/proposals/"+missing, "", "")
	c.call(200, "GET", "/api/v1/proposals?status=open&forum_id="+strings.TrimPrefix(forum, "/api/v1/forums/"), "", "")
	c.call(200, "GET", "/api/v1/proposals", "partnerB", "")
	c.call(400, "GET", "/api/v1/proposals?status=pending", "", "")
	tag = c.call(200, "GET", proposal, "memberA", "").header.Get("ETag")
	c.call(400, "POST", proposal+"/close", "memberA", `{"outcome":"","review_date":"x"}`)
	c.call(200, "POST", proposal+"/close", "memberA", `{"outcome":"Tidak tercapai kuorum; direvisi.","review_date":"2027-01-31"}`, "If-Match", tag)
	c.call(409, "POST", proposal+"/close", "memberA", `{"outcome":"Lagi","review_date":"2027-01-31"}`)
	c.call(409, "POST", proposal+"/positions", "partnerB", `{"position":"agree"}`)
	c.call(409, "POST", proposal+"/comments", "partnerC", `{"body":"Terlambat"}`)
	next := c.call(201, "POST", proposal+"/revise", "memberA", `{"title":"Lokasi Stasiun Maros (putaran 2)","body":"Di Turikale, dengan jalur pejalan kaki.","closes_at":"`+soon+`"}`)
	c.call(409, "POST", proposal+"/revise", "memberA", `{"title":"Lagi","body":"x","closes_at":"`+soon+`"}`)
	round2 := fmt.Sprintf("/api/v1/proposals/%d", c.id(next))
	c.call(200, "POST", round2+"/positions", "partnerB", `{"position":"block","reason":"Lahan belum bebas"}`)
	c.call(422, "POST", round2+"/revise", "memberA", `{"title":"Putaran 3","body":"x","closes_at":"`+soon+`"}`)

	// every forum operation was seen to succeed and to fail
	var ops []string
	for _, op := range c.doc.operations() {
		if moduleOperation(t, op) && !strings.HasSuffix(op, "/ballots") && (strings.Contains(op, "/forums") || strings.Contains(op, "/meetings") || strings.Contains(op, "/proposals") ||
			strings.Contains(op, "/action-items") || strings.Contains(op, "/representatives")) {
			ops = append(ops, op)
		}
	}
	if len(ops) != 29 {
		t.Errorf("%d documented forum operations, want 29", len(ops))
	}
	for _, op := range ops {
		sts := c.seen[op]
		sort.Ints(sts)
		if !slices.ContainsFunc(sts, func(s int) bool { return s >= 200 && s < 300 }) || !slices.ContainsFunc(sts, func(s int) bool { return s >= 400 }) {
			t.Errorf("%s: want a success and an error exercised, saw %v", op, sts)
		}
	}
}
