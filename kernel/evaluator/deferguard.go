package evaluator

// A deferred call that panics ends Yaegi's run of its frame's deferred
// calls: those deferred before it never ran (a deferred
// fmt.Println("deferred") printed nothing after a deferred panic("second")).
// A function that defers a call that panics itself, or more than one call
// of which one recovers, makes a deferGuard first (program's guardDefers)
// and runs each deferred call through it:
//
//	__goconc_dg := __goconc.DeferGuard()
//	defer func() { if __goconc_dg.Pending() { __goconc_dg.Raise(recover()) } }()
//	...
//	defer __goconc_dg.Run(func() { f(x) })
//
// Run takes the panic of a call and lets the next one run; a recover() in
// a later deferred call takes it (Take), as Go's recover() takes the
// newest panic; Raise, deferred first, so run last, raises what no
// recover() took. Each such panic aborted the panic before it, the
// frame's own first: Go prints those that nothing recovered above the
// one it reports (panic: first, then panic: second), so the guard tells
// the goroutine's chain of panics (panicchain.go).
type deferGuard struct {
	panics []any // the panics of deferred calls not yet taken, oldest first
}

func newDeferGuard() *deferGuard { return &deferGuard{} }

// Run calls a deferred call, keeping its panic for later.
func (d *deferGuard) Run(call func()) {
	defer func() {
		if r := recover(); r != nil {
			d.panics = append(d.panics, r)
		}
	}()
	call()
}

// Take is what a recover() in one of the frame's deferred calls returns:
// the panic of a deferred call before it if there is one (it aborted the
// panic Yaegi knows of, v, which the recover() took too), else v.
func (d *deferGuard) Take(v any) any {
	if _, stop := v.(halted); stop || len(d.panics) == 0 {
		return v
	}
	return d.newest(v)
}

// Pending reports whether a deferred call's panic waits to be raised: the
// frame's last deferred call, then, takes the frame's own panic, if no
// recover() did, for Raise.
func (d *deferGuard) Pending() bool { return len(d.panics) > 0 }

// Raise raises the panic of a deferred call that no recover() took. own is
// the frame's own panic that no recover() took, or nil.
func (d *deferGuard) Raise(own any) {
	if _, stop := own.(halted); stop || len(d.panics) == 0 {
		if own != nil {
			panic(own)
		}
		return
	}
	panic(d.newest(own))
}

// newest returns the newest panic of the deferred calls, and forgets them,
// telling the goroutine's chain that each aborted the one before, the
// first the frame's own, own (if not nil).
func (d *deferGuard) newest(own any) any {
	ps := d.panics
	d.panics = nil
	if own != nil {
		ps = append([]any{own}, ps...)
	}
	for i := 1; i < len(ps); i++ {
		chains.aborting(ps[i-1], ps[i])
	}
	return ps[len(ps)-1]
}
