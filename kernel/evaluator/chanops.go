package evaluator

import (
	"reflect"
	"strconv"

	"github.com/goconc/goconc/kernel/fieldnames"
	"github.com/goconc/goconc/lib/explore"
	"github.com/goconc/goconc/lib/trace"
)

// Every channel operation of a cell comes here (package program rewrites
// them into calls of Send, Receive and Select), for three reasons: an
// interrupt must be able to stop a goroutine blocked in one, timelines and
// deadlock reports must know who waits where, and the interpreter's own
// select is not safe to run in two goroutines at once (Yaegi v0.16.1 keeps
// the cases of a select statement in one array per statement, so two
// goroutines running the same select can send each other's values).
//
// Values move through pointers to the interpreter's variables: the
// interpreter stores a value exactly as the channel's element type wants
// it, which an interface{} copy would not keep for interpreted interfaces.

// Case is one case of a select, made by RecvCase or SendCase.
type Case struct {
	dir   reflect.SelectDir
	ch    reflect.Value
	ptr   reflect.Value // the variable received into, or holding the value to send
	name  string        // the channel's source text
	where string
}

// RecvCase is a case receiving from channel c into *p.
func RecvCase(c, p any, name, where string) Case {
	return Case{dir: reflect.SelectRecv, ch: reflect.ValueOf(c), ptr: reflect.ValueOf(p), name: name, where: where}
}

// SendCase is a case sending *p on channel c.
func SendCase(c, p any, name, where string) Case {
	return Case{dir: reflect.SelectSend, ch: reflect.ValueOf(c), ptr: reflect.ValueOf(p), name: name, where: where}
}

// Send sends *p on channel c (the source text name, at where).
func (e *Evaluator) Send(c, p any, name, where string) {
	e.Select(where, false, SendCase(c, p, name, where))
}

// Receive receives from channel c into *p and reports whether the value
// came from a send (false: the channel is closed).
func (e *Evaluator) Receive(c, p any, name, where string) bool {
	_, ok := e.Select(where, false, RecvCase(c, p, name, where))
	return ok
}

// Select runs a select statement at where: it returns the index of the
// case that ran, or -1 for the default case, and for a receive whether
// the value came from a send. Without a default case, if no case is ready,
// the goroutine is recorded as blocked and also waits on its cell's stop
// channel.
func (e *Evaluator) Select(where string, hasDefault bool, cases ...Case) (int, bool) {
	if x := explore.Current(); x != nil {
		return e.exploreSelect(x, where, hasDefault, cases)
	}
	var buf [4]reflect.SelectCase
	sc := buf[:0]
	if len(cases)+1 > len(buf) {
		sc = make([]reflect.SelectCase, 0, len(cases)+1)
	}
	sc = sc[:len(cases)+1]
	for i, c := range cases {
		sc[i] = reflect.SelectCase{Dir: c.dir, Chan: c.ch}
		if c.dir == reflect.SelectSend {
			sc[i].Send = c.ptr.Elem()
		}
	}
	sc[len(cases)] = reflect.SelectCase{Dir: reflect.SelectDefault}
	i, v, ok := reflect.Select(sc)
	if i == len(cases) {
		if hasDefault {
			return -1, false
		}
		e.block(where, cases)
		sc[len(cases)] = reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(e.stopChan())}
		i, v, ok = reflect.Select(sc)
		if i == len(cases) {
			halt()
		}
		if !trace.Enabled() {
			trace.Unblock() // else the send or receive recorded below ends the wait
		}
	}
	trace.WaitUnwound() // (lib/trace's unwinding.go)
	c := cases[i]
	if c.dir == reflect.SelectRecv {
		c.ptr.Elem().Set(v)
	}
	if trace.Enabled() {
		if c.dir == reflect.SelectSend {
			trace.ChanSentAt(c.ch.Pointer(), c.ch.Cap(), c.name, valueText(sc[i].Send), c.where)
		} else {
			// No text: timelines label a transfer with the send's text,
			// and a receive pairs with its send by sequence number.
			trace.ChanReceivedAt(c.ch.Pointer(), c.ch.Cap(), c.name, "", ok, c.where)
		}
	}
	return i, ok
}

// valueText is the short text of a value sent or received, as timelines
// show it; numbers are written without boxing them first.
func valueText(v reflect.Value) string {
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem() // (a chan any's element: the box is inside)
	}
	v = fieldnames.Unboxed(v)
	if !v.IsValid() {
		return "nil"
	}
	if !v.CanInterface() {
		return v.Type().String()
	}
	if v.Type().PkgPath() != "" {
		return trace.Short(v.Interface(), 16) // a named type may have a String method
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	}
	return trace.Short(v.Interface(), 16)
}

// block records that the goroutine waits on cases: on one channel for a
// plain send or receive, in a select otherwise. Deadlock detection needs
// to know whether a timer feeds one of the channels.
func (e *Evaluator) block(where string, cases []Case) {
	if len(cases) == 1 {
		reason := trace.ChanRecv
		if cases[0].dir == reflect.SelectSend {
			reason = trace.ChanSend
		}
		e.blockChan(cases[0].ch, reason, cases[0].name, where)
		return
	}
	timed := false
	for _, c := range cases {
		timed = timed || trace.TimerChan(c.ch.Interface())
	}
	trace.BlockTimed(trace.SelectWait, 0, where, timed)
}

// blockChan records that the goroutine waits to send on or receive from
// one channel.
func (e *Evaluator) blockChan(ch reflect.Value, reason trace.Reason, name, where string) {
	trace.BlockOnNamed(reason, chanObject(ch, name), name, where, trace.TimerChan(ch.Interface()))
}

// chanObject returns the trace object of a channel.
func chanObject(ch reflect.Value, name string) trace.ObjectID {
	if !ch.IsValid() || ch.Kind() != reflect.Chan || ch.IsNil() {
		return 0
	}
	return trace.ObjectAt(ch.Pointer(), trace.Chan, ch.Cap(), name)
}
