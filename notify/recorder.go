package notify

import (
	"context"
	"sync"
)

// Recorder is a Mailer that keeps messages in memory, for tests and demos.
type Recorder struct {
	mu   sync.Mutex
	sent []Message
}

// Send records m.
func (r *Recorder) Send(_ context.Context, m Message) error {
	if err := m.check(); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = append(r.sent, m)
	return nil
}

// Sent returns the messages recorded so far.
func (r *Recorder) Sent() []Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Message(nil), r.sent...)
}
