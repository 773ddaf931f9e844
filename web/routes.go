package web

import "net/http"

// router registers routes; each module lists its own in routes_<module>.go.
type router struct {
	s   *Server
	mux *http.ServeMux
}

func (g router) api(pattern string, h apiHandler)   { g.mux.Handle(pattern, g.s.api(h)) }
func (g router) html(pattern string, h htmlHandler) { g.mux.Handle(pattern, g.s.html(h)) }

// routes lists the foundation's routes and calls each module's.
func (s *Server) routes(mux *http.ServeMux) {
	g := router{s, mux}
	api, html := g.api, g.html
	for _, module := range []func(router){s.assistanceRoutes, s.forumRoutes, s.documentRoutes, s.notificationRoutes, s.activityRoutes, s.agreementRoutes, s.universityRoutes, s.reportRoutes, s.assessmentRoutes, s.corridorRoutes} {
		module(g)
	}

	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /metrics", s.metricsHandler())
	mux.Handle("GET /static/", staticHandler())

	// JSON API
	api("GET /api/v1/openapi.json", s.apiOpenAPI)
	api("GET /api/v1/regions", s.apiRegions)
	api("GET /api/v1/regions/{code}", s.apiRegion)
	api("GET /api/v1/sectors", s.apiSectors)
	api("GET /api/v1/organizations", s.apiOrganizations)
	api("POST /api/v1/organizations", s.apiCreateOrganization)
	api("GET /api/v1/organizations/{id}", s.apiOrganization)
	api("PATCH /api/v1/organizations/{id}", s.apiUpdateOrganization)
	api("GET /api/v1/organizations/{id}/units", s.apiUnits)
	api("POST /api/v1/organizations/{id}/units", s.apiCreateUnit)
	api("GET /api/v1/units/{id}", s.apiUnit)
	api("PATCH /api/v1/units/{id}", s.apiUpdateUnit)
	api("DELETE /api/v1/units/{id}", s.apiDeleteUnit)
	api("GET /api/v1/organizations/{id}/people", s.apiPeople)
	api("POST /api/v1/organizations/{id}/people", s.apiCreatePerson)
	api("GET /api/v1/people/{id}", s.apiPerson)
	api("PATCH /api/v1/people/{id}", s.apiUpdatePerson)
	api("DELETE /api/v1/people/{id}", s.apiDeletePerson)
	api("GET /api/v1/organizations/{id}/users", s.apiUsers)
	api("POST /api/v1/users", s.apiCreateUser)
	api("GET /api/v1/me", s.apiMe)
	api("POST /api/v1/me/password", s.apiChangePassword)
	api("GET /api/v1/me/tokens", s.apiTokens)
	api("POST /api/v1/me/tokens", s.apiCreateToken)
	api("DELETE /api/v1/me/tokens/{id}", s.apiRevokeToken)
	api("GET /api/v1/audit", s.apiAudit)
	api("/api/", s.apiNotFound)

	// Web UI
	html("GET /{$}", s.home)
	html("GET /login", s.loginForm)
	html("POST /login", s.login)
	html("POST /logout", s.logout)
	html("GET /lang/{lang}", s.setLang)
	html("GET /regions", s.regionsPage)
	html("GET /organizations", s.organizationsPage)
	html("GET /organizations/new", s.organizationNew)
	html("POST /organizations/new", s.organizationCreate)
	html("GET /organizations/{id}", s.organizationPage)
	html("GET /organizations/{id}/edit", s.organizationEdit)
	html("POST /organizations/{id}/edit", s.organizationSave)
	html("POST /organizations/{id}/units", s.unitCreate)
	html("GET /units/{id}/edit", s.unitEdit)
	html("POST /units/{id}/edit", s.unitSave)
	html("GET /units/{id}/delete", s.unitDeleteConfirm)
	html("POST /units/{id}/delete", s.unitDelete)
	html("GET /organizations/{id}/people", s.peoplePage)
	html("GET /organizations/{id}/people/new", s.personNew)
	html("POST /organizations/{id}/people/new", s.personCreate)
	html("GET /people/{id}/edit", s.personEdit)
	html("POST /people/{id}/edit", s.personSave)
	html("GET /people/{id}/delete", s.personDeleteConfirm)
	html("POST /people/{id}/delete", s.personDelete)
	html("GET /organizations/{id}/users", s.usersPage)
	html("POST /organizations/{id}/users", s.userCreate)
	html("POST /users/{id}/active", s.userSetActive)
	html("GET /account", s.accountPage)
	html("POST /account/password", s.accountPassword)
	html("POST /account/tokens", s.accountTokenCreate)
	html("POST /account/tokens/{id}/revoke", s.accountTokenRevoke)
	html("GET /audit", s.auditPage)
	html("/", s.notFound)
}

type apiHandler func(w http.ResponseWriter, r *http.Request) error

func (s *Server) api(h apiHandler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Vary", "Authorization, Accept-Language")
		if err := h(w, r); err != nil {
			s.apiError(w, r, err)
		}
	})
}

type htmlHandler func(w http.ResponseWriter, r *http.Request) error

func (s *Server) html(h htmlHandler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if err := h(w, r); err != nil {
			s.htmlError(w, r, err)
		}
	})
}
