package session

import (
	"log"
	"os"
	"strings"
	"testing"
	"time"
)

// newLimitedSession starts a session whose evaluator may use 300 MiB.
func newLimitedSession(t *testing.T) *tsession {
	cmd := testCommand()
	cmd.Env = append(cmd.Env, "GOCONC_MEMORY_LIMIT=300MiB")
	s, err := New(cmd, log.New(os.Stderr, "session: ", 0))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return &tsession{Session: s, t: t}
}

func TestMemoryBombs(t *testing.T) {
	tests := []struct {
		name, code string
		ename      string
		want       []string
	}{
		{"growing slice in a function", "func grow() int {\n\tvar s [][]byte\n\tfor {\n\t\ts = append(s, make([]byte, 1<<20))\n\t}\n}\ngrow()",
			"MemoryLimit", []string{"more than goconc's limit of 300 MiB", "GOCONC_MEMORY_LIMIT", "variables are kept"}},
		{"goroutine bomb", "for {\n\tgo func() { select {} }()\n}",
			"MemoryLimit", []string{"goroutines were alive"}},
		{"one huge allocation", "b := make([]byte, 1<<40)\nfmt.Println(len(b))",
			"fatal error", []string{"out of memory"}},
		{"growing notebook variable", "var hoard [][]byte\nfor {\n\thoard = append(hoard, make([]byte, 1<<20))\n}",
			"fatal error", []string{"out of memory", "variables and goroutines hold it"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newLimitedSession(t)
			s.ok("kept := 42")
			start := time.Now()
			r, c := s.exec(tt.code)
			tb := r.Evalue + "\n" + strings.Join(r.Traceback, "\n")
			if r.Status != "error" || r.Ename != tt.ename {
				t.Fatalf("reply %s %q after %v:\n%s\nstderr: %s", r.Status, r.Ename, time.Since(start), tb, c.stream("stderr"))
			}
			for _, w := range tt.want {
				if !strings.Contains(tb, w) {
					t.Errorf("the error lacks %q:\n%s", w, tb)
				}
			}
			if got := s.ok("kept").results; len(got) != 1 || got[0] != "42" {
				t.Errorf("after the bomb, kept = %q", got)
			}
			t.Logf("stopped after %v", time.Since(start))
		})
	}
}
