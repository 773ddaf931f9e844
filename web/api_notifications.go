package web

import (
	"net/http"

	"sinergi/notify"
	"sinergi/store"
)

func (s *Server) apiNotifications(w http.ResponseWriter, r *http.Request) error {
	f := store.NotificationFilter{}
	switch v := r.URL.Query().Get("unread"); v {
	case "", "false":
	case "true":
		f.Unread = true
	default:
		return invalidField("unread", "unread harus true atau false", "unread must be true or false")
	}
	var err error
	if f.Offset, f.Limit, err = queryPage(r); err != nil {
		return err
	}
	l, err := s.DB.Notifications(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

func (s *Server) apiReadNotification(w http.ResponseWriter, r *http.Request) error {
	return byID(w, r, s.DB.MarkNotificationRead)
}

func (s *Server) apiReadAllNotifications(w http.ResponseWriter, r *http.Request) error {
	n, err := s.DB.MarkAllNotificationsRead(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]int{"marked": n})
	return nil
}

func (s *Server) apiNotificationPreferences(w http.ResponseWriter, r *http.Request) error {
	p, err := s.DB.NotificationPreferences(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}

func (s *Server) apiSetNotificationPreferences(w http.ResponseWriter, r *http.Request) error {
	var in notify.Preferences
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	p, err := s.DB.SetNotificationPreferences(r.Context(), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}
