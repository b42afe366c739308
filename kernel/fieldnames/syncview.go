package fieldnames

import (
	"reflect"
	"sync"
)

// A cell's sync.Mutex, RWMutex, WaitGroup, Once, Map and Cond are goconc's
// (lib/sync), which record what they do; a value holding one printed
// their fields ({mu:{mu:{_:{} mu:{state:0 sema:0}} nwait:...}), not the
// standard library's ({mu:{_:{} mu:{state:0 sema:0}}}). stdSyncView gives
// the printer the standard type's value in its place: the standard lock
// or map that goconc's holds, or for a WaitGroup, a Once and a Cond a
// standard one in the same state (the counter; done; the Locker), which
// is what fmt shows of them but for goroutines waiting.
func stdSyncView(v reflect.Value) (reflect.Value, bool) {
	if !isLibSync(v.Type()) {
		return v, false
	}
	switch v.Type().Name() {
	case "Mutex":
		return v.FieldByName("mu"), true
	case "RWMutex":
		return v.FieldByName("rw"), true
	case "Map":
		return v.FieldByName("m"), true
	case "WaitGroup":
		wg := new(sync.WaitGroup)
		if n := v.FieldByName("n").FieldByName("v").Int(); n > 0 {
			wg.Add(int(n))
		}
		return reflect.ValueOf(wg).Elem(), true
	case "Cond":
		c := new(sync.Cond)
		if l := v.FieldByName("L"); l.IsValid() && !l.IsNil() && l.CanInterface() {
			c.L = l.Interface().(sync.Locker)
		}
		return reflect.ValueOf(c).Elem(), true
	case "Once":
		o := new(sync.Once)
		if v.FieldByName("done").FieldByName("v").Uint() != 0 {
			o.Do(func() {})
		}
		return reflect.ValueOf(o).Elem(), true
	}
	return v, false
}

// isLibSync reports whether t is one of the types of goconc's sync that
// stdSyncView shows as the standard library's.
func isLibSync(t reflect.Type) bool {
	// (not the standard library's own, which stdSyncView gives)
	return t.PkgPath() == libSync && ShownAsStdSync(libSync, t.Name())
}

// ShownAsStdSync reports whether the type name of package path (sync, as
// the checker knows it, or goconc's, which cells run with) is one that
// the Fields hook prints as the standard library's.
func ShownAsStdSync(path, name string) bool {
	if path != "sync" && path != libSync {
		return false
	}
	switch name {
	case "Mutex", "RWMutex", "Map", "WaitGroup", "Once", "Cond":
		return true
	}
	return false
}

// libSync is the path of goconc's sync package, which cells import as
// "sync".
const libSync = "github.com/goconc/goconc/lib/sync"
