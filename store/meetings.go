package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"sinergi"
	"sinergi/criteria"
)

const meetingCols = `id, forum_id, starts_at, time_zone, mode, place, agenda, minutes, minutes_public, version, created_at`

func scanMeeting(row interface{ Scan(...any) error }) (*sinergi.Meeting, error) {
	var m sinergi.Meeting
	err := row.Scan(&m.ID, &m.ForumID, &m.StartsAt, &m.TimeZone, &m.Mode, &m.Place, &m.Agenda, &m.Minutes, &m.MinutesPublic, &m.Version, &m.CreatedAt)
	m.StartsAt, m.CreatedAt = m.StartsAt.UTC(), m.CreatedAt.UTC()
	m.Attendance, m.ActionItems = []sinergi.Attendee{}, []sinergi.ActionItem{}
	return &m, err
}

func (db *DB) getMeeting(ctx context.Context, q querier, id int64, lock bool) (*sinergi.Meeting, error) {
	s := `SELECT ` + meetingCols + ` FROM forum_meetings WHERE id = $1`
	if lock {
		s += db.forUpdate()
	}
	m, err := scanMeeting(q.QueryRowContext(ctx, s, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Rapat", "Meeting")
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}

// today is the current date in WITA, as YYYY-MM-DD.
func (db *DB) today() string { return db.now().In(sinergi.Zone("WITA")).Format("2006-01-02") }

// loadMeetings returns meetings (all of a forum, or one) with attendance
// and action items, in three queries. Outsiders see minutes only when
// marked public, no action items and no people's names.
func (db *DB) loadMeetings(ctx context.Context, q querier, cond string, arg int64, insider, people bool) ([]sinergi.Meeting, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+meetingCols+` FROM forum_meetings WHERE `+cond+` ORDER BY starts_at DESC, id DESC`, arg)
	if err != nil {
		return nil, err
	}
	ms := []sinergi.Meeting{}
	idx := map[int64]int{}
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		if !insider && !m.MinutesPublic {
			m.Minutes = ""
		}
		idx[m.ID] = len(ms)
		ms = append(ms, *m)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ms) == 0 {
		return ms, err
	}
	rows, err = q.QueryContext(ctx, `SELECT a.meeting_id, a.organization_id, o.name, a.person_id, COALESCE(p.name, '')
		FROM meeting_attendance a JOIN forum_meetings mt ON mt.id = a.meeting_id JOIN organizations o ON o.id = a.organization_id LEFT JOIN people p ON p.id = a.person_id
		WHERE mt.`+cond+` ORDER BY o.name, p.name`, arg)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var mid int64
		var at sinergi.Attendee
		if err := rows.Scan(&mid, &at.OrganizationID, &at.OrgName, &at.PersonID, &at.PersonName); err != nil {
			rows.Close()
			return nil, err
		}
		if !people {
			at.PersonID, at.PersonName = nil, ""
		}
		if i, ok := idx[mid]; ok {
			ms[i].Attendance = append(ms[i].Attendance, at)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || !insider {
		return ms, err
	}
	items, err := db.actionItems(ctx, q, `ai.meeting_id IN (SELECT id FROM forum_meetings WHERE `+cond+`)`, arg)
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		if i, ok := idx[it.MeetingID]; ok {
			ms[i].ActionItems = append(ms[i].ActionItems, it)
		}
	}
	return ms, nil
}

// Meetings lists a forum's meetings, newest first.
func (db *DB) Meetings(ctx context.Context, forumID int64) ([]sinergi.Meeting, error) {
	a := sinergi.ActorFrom(ctx)
	_, acc, err := db.forumAccess(ctx, db.SQL, forumID, false)
	if err != nil {
		return nil, err
	}
	if err := readable(a, acc); err != nil {
		return nil, err
	}
	insider := sinergi.IsForumInsider(a, acc)
	return db.loadMeetings(ctx, db.SQL, "forum_id = $1", forumID, insider, insider && sinergi.CanViewPeople(a))
}

// MeetingView is a meeting with its forum.
type MeetingView struct {
	sinergi.Meeting
	Forum     *sinergi.Forum        `json:"-"`
	Members   []sinergi.ForumMember `json:"-"`
	Insider   bool                  `json:"-"`
	CanManage bool                  `json:"-"`
}

// Meeting returns one meeting.
func (db *DB) Meeting(ctx context.Context, id int64) (*MeetingView, error) {
	a := sinergi.ActorFrom(ctx)
	m, err := db.getMeeting(ctx, db.SQL, id, false)
	if err != nil {
		return nil, err
	}
	f, acc, err := db.forumAccess(ctx, db.SQL, m.ForumID, false)
	if err != nil {
		return nil, err
	}
	if err := readable(a, acc); err != nil {
		return nil, err
	}
	v := &MeetingView{Forum: f, Insider: sinergi.IsForumInsider(a, acc), CanManage: sinergi.CanManageForum(a, acc)}
	ms, err := db.loadMeetings(ctx, db.SQL, "id = $1", id, v.Insider, v.Insider && sinergi.CanViewPeople(a))
	if err != nil || len(ms) == 0 {
		return nil, err
	}
	v.Meeting = ms[0]
	if v.Members, err = db.forumMembers(ctx, f.ID, v.Insider && sinergi.CanViewPeople(a)); err != nil {
		return nil, err
	}
	return v, nil
}

// CreateMeeting schedules or records a meeting.
func (db *DB) CreateMeeting(ctx context.Context, forumID int64, in sinergi.MeetingInput) (*sinergi.Meeting, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var m *sinergi.Meeting
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, _, err := db.manageable(ctx, tx, forumID); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO forum_meetings (forum_id, starts_at, time_zone, mode, place, agenda, minutes, minutes_public, version, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9) RETURNING id`,
			forumID, in.StartsAt, in.TimeZone, string(in.Mode), in.Place, in.Agenda, in.Minutes, in.MinutesPublic, db.now()).Scan(&id); err != nil {
			return err
		}
		var err error
		if m, err = db.getMeeting(ctx, tx, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "create", "forum_meeting", id, nil, m)
	})
	return m, err
}

// manageMeeting loads a meeting for a change by the forum's managers.
func (db *DB) manageMeeting(ctx context.Context, tx *sql.Tx, id int64) (*sinergi.Meeting, *sinergi.ForumAccess, error) {
	m, err := db.getMeeting(ctx, tx, id, true)
	if err != nil {
		return nil, nil, err
	}
	_, acc, err := db.manageable(ctx, tx, m.ForumID)
	return m, acc, err
}

// UpdateMeeting changes a meeting, its minutes among them; version 0 skips
// the check.
func (db *DB) UpdateMeeting(ctx context.Context, id, version int64, in sinergi.MeetingInput) (*sinergi.Meeting, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var m *sinergi.Meeting
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		before, _, err := db.manageMeeting(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion(before.Version, version); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE forum_meetings SET starts_at = $1, time_zone = $2, mode = $3, place = $4, agenda = $5, minutes = $6, minutes_public = $7,
			version = version + 1 WHERE id = $8`, in.StartsAt, in.TimeZone, string(in.Mode), in.Place, in.Agenda, in.Minutes, in.MinutesPublic, id); err != nil {
			return err
		}
		if m, err = db.getMeeting(ctx, tx, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "update", "forum_meeting", id, before, m)
	})
	return m, err
}

// DeleteMeeting removes a meeting with its attendance and action items.
func (db *DB) DeleteMeeting(ctx context.Context, id int64) error {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return sinergi.Unauthorized()
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		before, _, err := db.manageMeeting(ctx, tx, id)
		if err != nil {
			return err
		}
		for _, s := range []string{`DELETE FROM meeting_attendance WHERE meeting_id = $1`, `DELETE FROM forum_action_items WHERE meeting_id = $1`, `DELETE FROM forum_meetings WHERE id = $1`} {
			if _, err := tx.ExecContext(ctx, s, id); err != nil {
				return err
			}
		}
		return db.appendAudit(ctx, tx, "delete", "forum_meeting", id, before, nil)
	})
}

// SetAttendance replaces a meeting's attendance list. Every organisation
// must be a member of the forum; every person must work for the
// organisation named with them.
func (db *DB) SetAttendance(ctx context.Context, id int64, in sinergi.AttendanceInput) ([]sinergi.Attendee, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var out []sinergi.Attendee
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		m, acc, err := db.manageMeeting(ctx, tx, id)
		if err != nil {
			return err
		}
		var v sinergi.Validation
		if len(in.Attendees) > 2000 {
			v.Add("attendees", "Daftar hadir paling banyak 2.000 baris", "At most 2,000 attendees")
			return v.Err()
		}
		seen := map[[2]int64]bool{}
		for _, at := range in.Attendees {
			if _, ok := acc.RoleOf(at.OrganizationID); !ok {
				v.Add("attendees", "Setiap instansi dalam daftar hadir harus anggota forum", "Every organisation on the attendance list must be a forum member")
				return v.Err()
			}
			var pid int64
			if at.PersonID != nil {
				p, err := db.getPerson(ctx, tx, *at.PersonID, false)
				if err != nil || p.OrganizationID != at.OrganizationID {
					v.Add("attendees", "Orang dalam daftar hadir harus terdaftar di instansinya", "People on the attendance list must be registered with their organisation")
					return v.Err()
				}
				pid = p.ID
			}
			seen[[2]int64{at.OrganizationID, pid}] = true
		}
		ms, err := db.loadMeetings(ctx, tx, "id = $1", id, true, true)
		if err != nil {
			return err
		}
		before := ms[0].Attendance
		if _, err := tx.ExecContext(ctx, `DELETE FROM meeting_attendance WHERE meeting_id = $1`, id); err != nil {
			return err
		}
		for k := range seen {
			var pid any
			if k[1] != 0 {
				pid = k[1]
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_attendance (meeting_id, organization_id, person_id) VALUES ($1, $2, $3)`, id, k[0], pid); err != nil {
				return err
			}
		}
		if ms, err = db.loadMeetings(ctx, tx, "id = $1", id, true, true); err != nil {
			return err
		}
		out = ms[0].Attendance
		return db.appendAudit(ctx, tx, "update", "meeting_attendance", m.ID, before, out)
	})
	return out, err
}

// cycle gathers the evidence of the collaborative process of a forum.
func (db *DB) cycle(ctx context.Context, v *ForumView) (criteria.Evidence, error) {
	f := criteria.CycleFacts{Today: db.today(), Now: db.now(), Mission: v.Mission != "", Problem: v.ProblemStatement != "", Values: v.SharedValues != "",
		Acknowledged: map[int64]bool{}, SmallWins: len(v.SmallWins)}
	for _, m := range v.Members {
		f.Members = append(f.Members, criteria.MemberFact{OrgID: m.OrganizationID, Name: m.OrgName})
		f.Acknowledged[m.OrganizationID] = m.Acknowledged
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT mt.id, mt.starts_at, mt.mode, a.organization_id FROM forum_meetings mt
		LEFT JOIN meeting_attendance a ON a.meeting_id = mt.id WHERE mt.forum_id = $1 ORDER BY mt.id`, v.ID)
	if err != nil {
		return criteria.Evidence{}, err
	}
	idx := map[int64]int{}
	for rows.Next() {
		var id int64
		var at time.Time
		var mode sinergi.MeetingMode
		var org sql.NullInt64
		if err := rows.Scan(&id, &at, &mode, &org); err != nil {
			rows.Close()
			return criteria.Evidence{}, err
		}
		i, ok := idx[id]
		if !ok {
			i = len(f.Meetings)
			idx[id] = i
			f.Meetings = append(f.Meetings, criteria.MeetingFact{StartsAt: at.UTC(), InPerson: mode != sinergi.ModeOnline})
		}
		if org.Valid {
			f.Meetings[i].Orgs = append(f.Meetings[i].Orgs, org.Int64)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return criteria.Evidence{}, err
	}
	rows, err = db.SQL.QueryContext(ctx, `SELECT due, status, done_on FROM forum_action_items WHERE forum_id = $1`, v.ID)
	if err != nil {
		return criteria.Evidence{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var a criteria.ActionFact
		if err := rows.Scan(&a.Due, &a.Status, &a.DoneOn); err != nil {
			return criteria.Evidence{}, err
		}
		f.Actions = append(f.Actions, a)
	}
	if err := rows.Err(); err != nil {
		return criteria.Evidence{}, err
	}
	if f.Trust, err = db.forumSurveyTrust(ctx, v.ID); err != nil {
		return criteria.Evidence{}, err
	}
	return criteria.Cycle(f), nil
}
