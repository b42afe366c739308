package explore

import (
	"bytes"
	"strconv"
	"time"

	"github.com/goconc/goconc/lib/stacks"
)

// A goroutine of a run can block where the run does not see it: in an
// Accept, a read from the network, a lock of a compiled package. Holding
// the turn there, it would stop the whole run. The watch notices a holder
// that passed no scheduling point for a while and that the runtime shows
// waiting rather than running: it takes the turn from it and gives it to
// the next goroutine. The one that was away takes part again at its next
// scheduling point (see rejoin). Such runs depend on more than their
// schedule: a replay of one may differ.

// watchEvery is how often the watch looks; a holder is taken the turn
// from after awayAfter looks without progress.
const (
	watchEvery = 20 * time.Millisecond
	awayAfter  = 3
)

func (r *Run) watch() {
	t := time.NewTicker(watchEvery)
	defer t.Stop()
	var last *G
	lastSteps, quiet := -1, 0
	for {
		select {
		case <-r.abortCh:
			return
		case <-t.C:
		}
		r.mu.Lock()
		h, steps := r.holder, r.steps
		id := int64(0)
		if h != nil {
			id = h.goid
		}
		r.mu.Unlock()
		if h == nil || id == 0 || h != last || steps != lastSteps {
			last, lastSteps, quiet = h, steps, 0
			continue
		}
		if quiet++; quiet < awayAfter {
			continue
		}
		quiet = 0
		if !waitingOutside(id) {
			continue // it runs: a long computation between two points
		}
		r.mu.Lock()
		if r.holder == h && r.steps == steps && !r.over.Load() {
			h.state = away
			r.holder = nil
			r.gen++
			if next := r.next(); next != nil {
				r.handTo(next)
			}
		}
		r.mu.Unlock()
	}
}

// waitingOutside reports whether goroutine id is waiting (not running nor
// runnable), as the runtime's stack dump says.
func waitingOutside(id int64) bool {
	buf := stacks.All()
	head := []byte("goroutine " + strconv.FormatInt(id, 10) + " [")
	i := bytes.Index(buf, head)
	if i < 0 {
		return false
	}
	st := buf[i+len(head):]
	return !bytes.HasPrefix(st, []byte("running")) && !bytes.HasPrefix(st, []byte("runnable"))
}
