// Package notify holds notifications: their kinds, each user's preference
// per kind and channel (in-app, e-mail), the daily digest, and a Mailer with
// an SMTP implementation over the standard library.
//
// Everything except SMTP.Send is pure. The caller (a store or a job) keeps
// the queue: it saves each Notification, shows it in-app unless the user
// chose none, sends an immediate e-mail with ImmediateEmail, and once a day
// hands the e-mails still pending, grouped by recipient, to BuildDigests. The
// digest is built only for those recipients, never by walking all users.
package notify
