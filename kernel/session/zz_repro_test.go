package session

import "testing"

func TestReproState(t *testing.T) {
	s := newTestSession(t)
	s.ok(`fmt.Println("hello, world")`)
	s.ok("type point struct{ X, Y int }\n\nfunc (p point) Add(q point) point { return point{p.X + q.X, p.Y + q.Y} }\n\np := point{1, 2}.Add(point{3, 4})\nstrings.Repeat(\"-\", 10)")
	c := s.ok("p")
	t.Logf("p: %q", c.results)
	r, _ := s.exec("go func() {\n\tvar m map[string]int\n\tm[\"boom\"] = 1 // assignment to a nil map\n}()\ntime.Sleep(100 * time.Millisecond)")
	t.Logf("panic cell: %s", r.Ename)
	c = s.ok("p.Add(p)")
	t.Logf("after: %q", c.results)
	c = s.ok(`Display(display.Markdown("**Go** makes"))`)
	t.Logf("display count %d", c.display)
}
