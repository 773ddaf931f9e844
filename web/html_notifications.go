package web

import (
	"net/http"
	"net/url"
	"strconv"

	"sinergi"
	"sinergi/notify"
	"sinergi/store"
)

// unreadCount is the number the layout's notification link shows (0 for
// the public, and when the count cannot be read: the page still renders).
func (s *Server) unreadCount(r *http.Request) int {
	if currentUser(r) == nil {
		return 0
	}
	n, err := s.DB.UnreadNotifications(r.Context())
	if err != nil {
		return 0
	}
	return n
}

// Bell is the unread count as the layout shows it ("" when none, "99+"
// beyond 99).
func (p page) Bell() string {
	switch {
	case p.Unread <= 0:
		return ""
	case p.Unread > 99:
		return "99+"
	}
	return strconv.Itoa(p.Unread)
}

// notificationsData is what notifications.html shows.
type notificationsData struct {
	List   store.NotificationList
	Pager  pager
	Unread bool
}

// Kind labels a notification kind.
func (notificationsData) Kind(k notify.Kind) sinergi.Text { return k.Label() }

func (s *Server) notificationsPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	f := store.NotificationFilter{Unread: r.URL.Query().Get("unread") == "true"}
	f.Offset, _ = strconv.Atoi(r.URL.Query().Get("offset"))
	l, err := s.DB.Notifications(r.Context(), f)
	if err != nil {
		return err
	}
	d := &notificationsData{List: l, Pager: newPager(r, l.Offset, l.Limit, l.Total), Unread: f.Unread}
	s.render(w, r, http.StatusOK, "notifications", page{Title: pick(r, "Pemberitahuan", "Notifications"), Data: d})
	return nil
}

// backTo is a local path to return to, or /notifications.
func backTo(v string) string {
	if v == "" {
		return "/notifications"
	}
	return safeNext(v)
}

func (s *Server) notificationRead(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	n, err := s.DB.MarkNotificationRead(r.Context(), id)
	if err != nil {
		return err
	}
	next := backTo(r.PostForm.Get("next"))
	if r.PostForm.Get("open") != "" && n.Link != "" {
		next = backTo(n.Link)
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) notificationsReadAll(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	if _, err := s.DB.MarkAllNotificationsRead(r.Context()); err != nil {
		return err
	}
	flash(w, pick(r, "Semua pemberitahuan ditandai sudah dibaca.", "All notifications marked as read."))
	http.Redirect(w, r, "/notifications", http.StatusSeeOther)
	return nil
}

// prefsData is what notification_prefs.html shows.
type prefsData struct {
	Kinds []notify.Kind
	Email bool // this server sends e-mail
}

func (prefsData) Label(k notify.Kind) sinergi.Text { return k.Label() }

func prefsForm(p notify.Preferences) url.Values {
	f := url.Values{}
	for _, k := range notify.Kinds() {
		f.Set("in_app."+string(k), string(p.Get(notify.InApp, k)))
		f.Set("email."+string(k), string(p.Get(notify.Email, k)))
	}
	return f
}

func (s *Server) preferencesPageWith(w http.ResponseWriter, r *http.Request, st int, form url.Values, errs []sinergi.FieldError) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	if form == nil {
		p, err := s.DB.NotificationPreferences(r.Context())
		if err != nil {
			return err
		}
		form = prefsForm(p)
	}
	s.render(w, r, st, "notification_prefs", page{Title: pick(r, "Pengaturan pemberitahuan", "Notification settings"), Form: form, Errors: errs,
		Data: &prefsData{Kinds: notify.Kinds(), Email: s.DB.EmailEnabled()}})
	return nil
}

func (s *Server) preferencesPage(w http.ResponseWriter, r *http.Request) error {
	return s.preferencesPageWith(w, r, http.StatusOK, nil, nil)
}

func (s *Server) preferencesSave(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	p := notify.Preferences{InApp: map[notify.Kind]notify.Frequency{}, Email: map[notify.Kind]notify.Frequency{}}
	for _, k := range notify.Kinds() {
		if v := r.PostForm.Get("in_app." + string(k)); v != "" {
			p.InApp[k] = notify.Frequency(v)
		}
		if v := r.PostForm.Get("email." + string(k)); v != "" {
			p.Email[k] = notify.Frequency(v)
		}
	}
	if _, err := s.DB.SetNotificationPreferences(r.Context(), p); err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.preferencesPageWith(w, r, http.StatusBadRequest, r.PostForm, errs)
	}
	flash(w, pick(r, "Pengaturan pemberitahuan disimpan.", "Notification settings saved."))
	http.Redirect(w, r, "/notifications/preferences", http.StatusSeeOther)
	return nil
}
