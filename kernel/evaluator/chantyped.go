package evaluator

import (
	"reflect"
	"strings"

	"github.com/goconc/goconc/kernel/program"
	"github.com/goconc/goconc/lib/explore"
	"github.com/goconc/goconc/lib/trace"
)

// Channels of basic element types and of struct{} have hooks of their own
// (program.FastChanElems): the value is passed to SendInt and comes back
// from RecvInt and RecvOKInt as a value, and the hook does the channel
// operation itself, typed, with no reflection: a try without blocking, and
// if that fails, a wait that an interrupt can end. They behave as Send and
// Receive do, at a fraction of the cost.

// typedChanHooks returns the typed hooks, by name.
func (e *Evaluator) typedChanHooks() map[string]reflect.Value {
	m := map[string]reflect.Value{}
	addTyped[bool](e, m, "Bool")
	addTyped[string](e, m, "String")
	addTyped[int](e, m, "Int")
	addTyped[int8](e, m, "Int8")
	addTyped[int16](e, m, "Int16")
	addTyped[int32](e, m, "Int32")
	addTyped[int64](e, m, "Int64")
	addTyped[uint](e, m, "Uint")
	addTyped[uint8](e, m, "Uint8")
	addTyped[uint16](e, m, "Uint16")
	addTyped[uint32](e, m, "Uint32")
	addTyped[uint64](e, m, "Uint64")
	addTyped[float32](e, m, "Float32")
	addTyped[float64](e, m, "Float64")
	addTyped[struct{}](e, m, program.FastChanEmpty)
	return m
}

func addTyped[T any](e *Evaluator, m map[string]reflect.Value, suffix string) {
	m["Send"+suffix] = reflect.ValueOf(func(c chan<- T, v T, site string) { sendTyped(e, c, v, site) })
	m["Recv"+suffix] = reflect.ValueOf(func(c <-chan T, site string) T {
		v, _ := recvTyped(e, c, site)
		return v
	})
	m["RecvOK"+suffix] = reflect.ValueOf(func(c <-chan T, site string) (T, bool) { return recvTyped(e, c, site) })
}

// splitSite returns the channel's name and the position of a typed hook's
// site argument (see program's site).
func splitSite(site string) (name, where string) {
	name, where, _ = strings.Cut(site, "\x1f")
	return name, where
}

// sendTyped sends v on c, as Send does.
func sendTyped[T any](e *Evaluator, c chan<- T, v T, site string) {
	if x := explore.Current(); x != nil {
		name, where := splitSite(site)
		e.exploreSelect(x, where, false, []Case{SendCase(c, &v, name, where)})
		return
	}
	select {
	case c <- v:
	default:
		name, where := splitSite(site)
		e.blockChan(reflect.ValueOf(c), trace.ChanSend, name, where)
		select {
		case c <- v:
		case <-e.stopChan():
			halt()
		}
		if !trace.Enabled() {
			trace.Unblock() // else the send recorded below ends the wait
		}
	}
	trace.WaitUnwound()
	if trace.Enabled() {
		name, where := splitSite(site)
		trace.ChanSentAt(reflect.ValueOf(c).Pointer(), cap(c), name, valueText(reflect.ValueOf(v)), where)
	}
}

// recvTyped receives from c, as Receive does.
func recvTyped[T any](e *Evaluator, c <-chan T, site string) (T, bool) {
	var v T
	var ok bool
	if x := explore.Current(); x != nil {
		name, where := splitSite(site)
		_, ok = e.exploreSelect(x, where, false, []Case{RecvCase(c, &v, name, where)})
		return v, ok
	}
	select {
	case v, ok = <-c:
	default:
		name, where := splitSite(site)
		e.blockChan(reflect.ValueOf(c), trace.ChanRecv, name, where)
		select {
		case v, ok = <-c:
		case <-e.stopChan():
			halt()
		}
		if !trace.Enabled() {
			trace.Unblock()
		}
	}
	trace.WaitUnwound()
	if trace.Enabled() {
		name, where := splitSite(site)
		trace.ChanReceivedAt(reflect.ValueOf(c).Pointer(), cap(c), name, "", ok, where)
	}
	return v, ok
}
