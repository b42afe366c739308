package evaluator

// A deferred call that panics ends Yaegi's run of its frame's deferred
// calls: those deferred before it never ran (a deferred
// fmt.Println("deferred") printed nothing after a deferred panic("second")).
// A function with more than one deferred call makes a deferGuard first
// (program's guardDefers) and runs each deferred call through it:
//
//	__goconc_dg := __goconc.DeferGuard(); defer __goconc_dg.Raise()
//	...
//	defer __goconc_dg.Run(func() { f(x) })
//
// Run takes the panic of a call and lets the next one run; a recover() in
// a later deferred call takes it (Take), as Go's recover() takes the
// newest panic; Raise, deferred first, so run last, raises what no
// recover() took.
type deferGuard struct {
	pending any // the newest panic of a deferred call, not yet taken
}

func newDeferGuard() *deferGuard { return &deferGuard{} }

// Run calls a deferred call, keeping its panic for later.
func (d *deferGuard) Run(call func()) {
	defer func() {
		if r := recover(); r != nil {
			d.pending = r
		}
	}()
	call()
}

// Take is what a recover() in one of the frame's deferred calls returns:
// the panic of a deferred call before it if there is one (it replaced the
// panic Yaegi knows of, v, which the recover() took too), else v.
func (d *deferGuard) Take(v any) any {
	if d.pending != nil {
		v, d.pending = d.pending, nil
	}
	return v
}

// Raise raises the panic of a deferred call that no recover() took.
func (d *deferGuard) Raise() {
	if p := d.pending; p != nil {
		d.pending = nil
		panic(p)
	}
}
