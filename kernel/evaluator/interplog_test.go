package evaluator

import (
	"bytes"
	"log"
	"testing"
)

func TestInterpreterLogsDropped(t *testing.T) {
	tests := []struct {
		log  func(l *log.Logger)
		kept string
	}{
		{func(l *log.Logger) { l.Print("nil reflect type") }, ""},
		{func(l *log.Logger) { l.Print("nil type") }, ""},
		{func(l *log.Logger) { l.Print("12:3: compositeGenerator not implemented for type kind: chan") }, ""},
		{func(l *log.Logger) { l.Print("http: panic serving 127.0.0.1:4242: boom") }, "http: panic serving 127.0.0.1:4242: boom\n"},
		{func(l *log.Logger) { l.Print("a nil reflect type") }, "a nil reflect type\n"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		for _, flags := range []int{log.LstdFlags, 0} {
			out.Reset()
			tt.log(log.New(withoutInterpreterLogs{&out}, "", flags))
			got := out.String()
			if flags != 0 && len(got) > 20 {
				got = got[20:] // the date and time
			}
			if got != tt.kept {
				t.Errorf("flags %d: kept %q, want %q", flags, out.String(), tt.kept)
			}
		}
	}
}
