package interleaving

import (
	"testing"

	"github.com/goconc/goconc/lib/trace"
)

// run builds a run of two goroutines named func (ids 1 and 2, started in
// that order) and a mutex mu (object 1) from its events.
func run(events ...trace.Event) Run {
	return Run{
		Trace: &trace.Trace{
			Events:     events,
			Goroutines: []trace.Goroutine{{ID: 1, Name: "func"}, {ID: 2, Name: "func"}},
			Objects:    []trace.Object{{ID: 1, Name: "mu"}},
		},
		Paths: map[int64]string{1: "0.1", 2: "0.2"},
	}
}

func read(g int64, v, pos string) trace.Event {
	return trace.Event{G: g, Kind: trace.EvAccess, Arg: 'r', Text: v, Pos: pos}
}

func write(g int64, v, pos string) trace.Event {
	return trace.Event{G: g, Kind: trace.EvAccess, Arg: 'w', Text: v + " = 1", Pos: pos}
}

func lock(g int64) trace.Event { return trace.Event{G: g, Kind: trace.EvLock, Obj: 1, Pos: "[3]:4"} }

func TestExplain(t *testing.T) {
	inTurn := run(read(1, "n", "[3]:5"), write(1, "n", "[3]:5"), read(2, "n", "[3]:5"), write(2, "n", "[3]:5"))
	for _, tc := range []struct {
		name   string
		ref, s Run
		want   string // "" if there is no difference
		marks  int    // how many operations the difference marks
	}{
		{
			name: "a lost update",
			ref:  inTurn,
			s:    run(read(1, "n", "[3]:5"), read(2, "n", "[3]:6"), write(1, "n", "[3]:7"), write(2, "n", "[3]:7")),
			want: "func #2 read n ([3]:6) after func #1 read it and before it wrote it ([3]:7): both worked from the same value", marks: 3,
		},
		{
			name: "a write between a read and its write back",
			ref:  inTurn,
			s:    run(read(1, "n", "[3]:5"), write(2, "n", "[3]:6"), write(1, "n", "[3]:7")),
			want: "func #2 wrote n ([3]:6) after func #1 read it and before it wrote it back ([3]:7): one of the two updates is lost", marks: 3,
		},
		{
			name: "a lock taken in the other order",
			ref:  run(lock(1), lock(2)),
			s:    run(lock(2), lock(1)),
			want: "func #2 locked mu ([3]:4) before func #1 locked it ([3]:4); in outcome 1 it was the other way round", marks: 2,
		},
		{
			name: "an operation the reference has not",
			ref:  run(lock(1)),
			s:    run(lock(1), lock(2)),
			want: "func #2 locked mu ([3]:4), which no goroutine did in outcome 1", marks: 1,
		},
		{
			name: "the same run",
			ref:  inTurn,
			s:    inTurn,
		},
		{
			name: "reads only",
			ref:  run(read(1, "n", "[3]:5"), read(2, "n", "[3]:5")),
			s:    run(read(2, "n", "[3]:5"), read(1, "n", "[3]:5")),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, ok := Explain(tc.ref, tc.s)
			if tc.want == "" {
				if ok {
					t.Fatalf("Explain found a difference where there is none: %q", d.Text(tc.s, 1))
				}
				return
			}
			if !ok {
				t.Fatalf("Explain found no difference; want %q", tc.want)
			}
			if got := d.Text(tc.s, 1); got != tc.want {
				t.Errorf("Text:\n got %q\nwant %q", got, tc.want)
			}
			marked := d.Mark(tc.s.Trace, "why")
			var marks []int64
			for i, e := range marked.Events {
				if e.Kind == trace.EvHighlight {
					marks = append(marks, e.Arg)
					if prev := marked.Events[i-1]; prev.G != e.G || prev.Pos != e.Pos {
						t.Errorf("mark %d follows an operation of goroutine %d at %s, not its own (%d at %s)", e.Arg, prev.G, prev.Pos, e.G, e.Pos)
					}
				}
			}
			if len(marks) != tc.marks || len(marked.Events) != len(tc.s.Trace.Events)+tc.marks {
				t.Errorf("Mark added marks %v; want %d, numbered from 1", marks, tc.marks)
			}
			for i, m := range marks {
				if m != int64(i+1) {
					t.Errorf("marks numbered %v; want 1 to %d in order", marks, tc.marks)
					break
				}
			}
		})
	}
}

func TestNamesNumberByPlaceInTheRun(t *testing.T) {
	titles := map[int64]string{7: "worker", 8: "worker", 9: "main", 10: "worker", 11: "outside"}
	paths := map[int64]string{7: "0.10", 8: "0.2", 9: "0", 10: "0.2.1"}
	want := map[int64]string{9: "main", 8: "worker #1", 10: "worker #2", 7: "worker #3", 11: "outside"}
	got := Names(titles, paths)
	for id, w := range want {
		if got[id] != w {
			t.Errorf("goroutine %d (path %q) is named %q; want %q", id, paths[id], got[id], w)
		}
	}
}
