package trace

import (
	"fmt"
	"reflect"
)

// ObjectID identifies a channel, mutex, WaitGroup or other object in a trace.
// The zero ObjectID means "no object".
type ObjectID uint32

// ObjectKind says what an object is.
type ObjectKind uint8

// Kinds of objects.
const (
	Chan ObjectKind = iota + 1
	Mutex
	RWMutex
	WaitGroup
	Once
	Cond
	Context
	Flight
	Semaphore
	Map
	Group
	Timer
)

var objectKindNames = [...]string{
	Chan: "chan", Mutex: "mutex", RWMutex: "rwmutex", WaitGroup: "wg", Once: "once", Cond: "cond",
	Context: "ctx", Flight: "flight", Semaphore: "sem", Map: "map", Group: "group", Timer: "timer",
}

func (k ObjectKind) String() string {
	if int(k) < len(objectKindNames) && objectKindNames[k] != "" {
		return objectKindNames[k]
	}
	return "object"
}

// Object describes a traced object.
type Object struct {
	ID   ObjectID
	Kind ObjectKind
	Name string // given with Name, or made up from the kind ("ch3")
	Cap  int    // a channel's capacity
}

// NewObject registers a new object at address addr and returns its id.
// Instrumented types call it once, the first time they are used, and keep
// the id; a name given earlier with Name for that address is applied. addr
// may be 0 for an object nobody can name.
func NewObject(addr uintptr, kind ObjectKind, capacity int) ObjectID {
	return rec.newObject(addr, kind, capacity)
}

// ObjectAt returns the id of the object at address addr (a channel's or a
// value's pointer), registering it on first use. It lets code that cannot
// store an id in the object, such as plain Go channels, still be traced.
// capacity is only used for channels.
func ObjectAt(addr uintptr, kind ObjectKind, capacity int, name string) ObjectID {
	return rec.objectAt(addr, kind, capacity, name)
}

// Name gives obj a name shown on timelines. obj is a pointer to a traced
// value (&mu, &wg), a channel, or any pointer. A name given before the object
// is first used is kept until then. Naming an object again renames it.
func Name(obj any, name string) {
	addr, ok := addressOf(obj)
	if !ok {
		return
	}
	rec.name(addr, name)
}

// NameID names an object by id.
func NameID(id ObjectID, name string) { rec.nameID(id, name) }

func addressOf(obj any) (uintptr, bool) {
	if obj == nil {
		return 0, false
	}
	v := reflect.ValueOf(obj)
	switch v.Kind() {
	case reflect.Pointer, reflect.Chan, reflect.Map, reflect.UnsafePointer, reflect.Func, reflect.Slice:
		if v.IsNil() {
			return 0, false
		}
		return v.Pointer(), true
	}
	return 0, false
}

func defaultName(kind ObjectKind, id ObjectID) string {
	return fmt.Sprintf("%s%d", kind, id)
}
