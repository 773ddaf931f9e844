package store

import (
	"slices"
	"testing"
)

func TestReminderDaysFromEnv(t *testing.T) {
	tests := []struct {
		env  string
		want []int
	}{
		{"", []int{90, 30, 7}},
		{"14, 60", []int{60, 14}},
		{"30,x", []int{90, 30, 7}},
		{"0", []int{90, 30, 7}},
		{"7,7", []int{90, 30, 7}},
	}
	for _, tt := range tests {
		got := reminderDaysFromEnv(func(string) string { return tt.env })
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.env, got, tt.want)
		}
	}
}
