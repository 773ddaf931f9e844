package notify

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"sinergi"
)

// checkFields checks that err names exactly the fields want (nil: no error)
// and that it is an invalid *sinergi.Error with bilingual messages.
func checkFields(t *testing.T, err error, want []string) {
	t.Helper()
	var got []string
	if err != nil {
		var e *sinergi.Error
		if !errors.As(err, &e) || e.Code != sinergi.CodeInvalid {
			t.Fatalf("error %v: want *sinergi.Error with code invalid", err)
		}
		for _, f := range e.Fields {
			if f.Msg.ID == "" || f.Msg.EN == "" || f.Msg.ID == f.Msg.EN {
				t.Errorf("field %s: message %+v is not bilingual", f.Field, f.Msg)
			}
			if !slices.Contains(got, f.Field) {
				got = append(got, f.Field)
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fields = %v, want %v (err: %v)", got, want, err)
	}
}
