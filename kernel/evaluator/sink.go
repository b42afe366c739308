package evaluator

import (
	"github.com/goconc/goconc/kernel/display"
	"github.com/goconc/goconc/lib/trace"
)

// sink sends the display package's output to the host, for the cell that
// owns the calling goroutine.
type sink struct{ e *Evaluator }

func (s sink) Display(d display.Data, update bool) error {
	s.e.host.Display(s.e.cellOf(trace.LabelOf(trace.Current())), d, update)
	return nil
}

func (s sink) Clear(wait bool) error {
	s.e.host.Clear(s.e.cellOf(trace.LabelOf(trace.Current())), wait)
	return nil
}
