package evaluator

import (
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/display"
	"github.com/goconc/goconc/lib/timeline"
)

// maxOutcomeTimelines is how many outcomes an exploration draws a timeline
// for; the table lists them all.
const maxOutcomeTimelines = 6

// showExploration shows what an exploration found under the cell: a
// verdict and a table of the outcomes, then the timeline of the first
// schedule of each outcome, with where it departs from the first outcome
// marked.
func (e *Evaluator) showExploration(cell string, x *exploration) {
	e.host.Display(cell, x.table(), false)
	if len(x.outcomes) == 0 {
		return
	}
	for i, o := range x.outcomes {
		if i == maxOutcomeTimelines {
			break
		}
		s := o.first
		if s.trace == nil {
			continue
		}
		t := s.trace
		if o.marked != nil {
			t = o.marked
		}
		title := fmt.Sprintf("outcome %d of %d: %d of %d schedules, replay=%s", i+1, len(x.outcomes), o.count, x.schedules, s.plan.Token())
		id := fmt.Sprintf("goconc-explore-%s-%d", cell, i+1)
		e.host.Display(cell, timelineDisplay(t, id, timeline.WithTitle(title), timeline.WithStepAxis()), false)
	}
}

// verdict says in one line what the exploration found.
func (x *exploration) verdict() string {
	var v string
	switch n := len(x.outcomes); {
	case n == 0:
		v = "no schedule ran to its end"
	case n == 1 && x.onlyOne:
		v = "1 outcome: the cell runs one way only (no point of it had two ways to go on), so one schedule was enough"
	case n == 1 && x.schedules == 1:
		v = "1 outcome in 1 schedule"
	case n == 1:
		v = fmt.Sprintf("1 outcome in %d schedules: the cell does the same whatever the schedule", x.schedules)
	default:
		v = fmt.Sprintf("%d outcomes in %d schedules: the cell's result depends on the schedule", n, x.schedules)
	}
	switch {
	case x.interrupted:
		v += fmt.Sprintf(" (interrupted after %d of %d schedules)", x.schedules, x.opts.Schedules)
	case x.outOfTime:
		v += fmt.Sprintf(" (stopped after %d of %d schedules: the %v time budget ran out; %%%%explore N time=DURATION gives more)", x.schedules, x.opts.Schedules, x.opts.Budget)
	}
	return v
}

// describeOutcome returns an outcome's output as it reads in the table.
func describeOutcome(s *schedule) (output, ending string) {
	output = s.output
	if s.result != "" {
		output += "value: " + s.result + "\n"
	}
	if output == "" {
		output = "(no output)"
	}
	ending = s.ending
	if ending == "" {
		ending = "ran to the end"
	}
	return strings.TrimRight(output, "\n"), ending
}

// clip keeps at most n lines of s.
func clip(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= n {
		return s
	}
	return strings.Join(lines[:n], "\n") + fmt.Sprintf("\n… (%d more lines)", len(lines)-n)
}

// MIMEExplore is the MIME type of an exploration's outcomes as JSON, in
// the display of its table beside HTML and text: for tools that read
// notebooks (and tests), with the outputs whole.
const MIMEExplore = "application/vnd.goconc.explore+json"

// exploreJSON is what MIMEExplore holds.
type exploreJSON struct {
	Verdict   string        `json:"verdict"`
	Seed      uint64        `json:"seed"`
	Schedules int           `json:"schedules"` // run
	Planned   int           `json:"planned"`
	Stopped   string        `json:"stopped,omitempty"` // "time" or "interrupted", if it stopped early
	ElapsedMS float64       `json:"elapsed_ms"`
	Outcomes  []outcomeJSON `json:"outcomes"`
}

type outcomeJSON struct {
	Output string `json:"output"`           // standard output, and standard error with its lines marked "stderr: "
	Value  string `json:"value,omitempty"`  // the cell's value
	Ending string `json:"ending,omitempty"` // "" if it ran to its end
	Count  int    `json:"count"`
	First  int    `json:"first"`  // the first schedule that gave it, from 0
	Replay string `json:"replay"` // the token of that schedule
	Why    string `json:"why,omitempty"`
}

func (x *exploration) json() map[string]any {
	j := exploreJSON{Verdict: x.verdict(), Seed: x.opts.Seed, Schedules: x.schedules, Planned: x.opts.Schedules,
		ElapsedMS: float64(x.elapsed.Microseconds()) / 1000, Outcomes: []outcomeJSON{}}
	switch {
	case x.interrupted:
		j.Stopped = "interrupted"
	case x.outOfTime:
		j.Stopped = "time"
	}
	for _, o := range x.outcomes {
		j.Outcomes = append(j.Outcomes, outcomeJSON{Output: o.first.output, Value: o.first.result, Ending: o.first.ending, Count: o.count,
			First: o.first.index, Replay: o.first.plan.Token(), Why: o.why})
	}
	b, _ := json.Marshal(j)
	var m map[string]any
	json.Unmarshal(b, &m)
	return m
}

// table renders the verdict and the outcomes as HTML and as text.
func (x *exploration) table() display.Data {
	var h, t strings.Builder
	verdict := x.verdict()
	per := ""
	if x.schedules > 0 {
		per = fmt.Sprintf(", %v per schedule", (x.elapsed / time.Duration(x.schedules)).Round(time.Microsecond))
	}
	seed := fmt.Sprintf("seed=%d, %v%s", x.opts.Seed, x.elapsed.Round(time.Millisecond), per)
	fmt.Fprintf(&h, "<p><b>%s</b> <small>(%s)</small></p>\n", html.EscapeString(verdict), html.EscapeString(seed))
	fmt.Fprintf(&t, "%s (%s)\n", verdict, seed)
	if len(x.outcomes) == 0 {
		return display.Data{Data: display.MIMEMap{"text/html": h.String(), "text/plain": t.String(), MIMEExplore: x.json()}, Metadata: display.MIMEMap{}}
	}
	h.WriteString(`<table><thead><tr><th>#</th><th style="text-align:left">output</th><th style="text-align:left">ending</th><th>schedules</th><th style="text-align:left">replay with</th></tr></thead><tbody>` + "\n")
	for i, o := range x.outcomes {
		out, ending := describeOutcome(o.first)
		why := o.why
		share := fmt.Sprintf("%d (%.0f%%)", o.count, 100*float64(o.count)/float64(x.schedules))
		replay := "%%explore replay=" + o.first.plan.Token()
		fmt.Fprintf(&h, `<tr><td>%d</td><td style="text-align:left"><pre>%s</pre></td><td style="text-align:left"><pre>%s</pre>`,
			i+1, html.EscapeString(clip(out, 12)), html.EscapeString(clip(ending, 8)))
		if why != "" {
			fmt.Fprintf(&h, "<small>why: %s</small>", html.EscapeString(why))
		}
		fmt.Fprintf(&h, `</td><td>%s</td><td style="text-align:left"><code>%s</code></td></tr>`+"\n", share, html.EscapeString(replay))

		fmt.Fprintf(&t, "\noutcome %d: %s of %d schedules; replay with %s\n", i+1, share, x.schedules, replay)
		fmt.Fprintf(&t, "%s\n", indent(clip(out, 12)))
		if o.first.ending != "" {
			fmt.Fprintf(&t, "%s\n", indent(clip(ending, 8)))
		}
		if why != "" {
			fmt.Fprintf(&t, "  why: %s\n", why)
		}
	}
	h.WriteString("</tbody></table>\n")
	return display.Data{Data: display.MIMEMap{"text/html": h.String(), "text/plain": t.String(), MIMEExplore: x.json()}, Metadata: display.MIMEMap{}}
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}
