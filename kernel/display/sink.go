package display

import (
	"errors"
	"fmt"
	"sync/atomic"
)

// Sink receives what the package asks the notebook to show. The kernel
// installs one; without it, Display returns an error.
type Sink interface {
	Display(d Data, update bool) error
	Clear(wait bool) error
}

var sink atomic.Pointer[Sink]

// SetSink installs the receiver of displays. The kernel calls it; nil
// removes it.
func SetSink(s Sink) {
	if s == nil {
		sink.Store(nil)
		return
	}
	sink.Store(&s)
}

// ErrNoNotebook is returned when there is no notebook to display in.
var ErrNoNotebook = errors.New("display: not running in a notebook kernel")

// Display shows v below the cell now. v is Data, or anything Render
// accepts; other values are shown as text.
func Display(v interface{}) error {
	s := sink.Load()
	if s == nil {
		return ErrNoNotebook
	}
	d, ok := Render(v)
	if !ok {
		d = MakeData(MIMETypeText, fmt.Sprintf("%+v", v))
	}
	return (*s).Display(d, false)
}

// WithID returns d with a display id, so that Update can later replace it.
//
//	Display(display.WithID("progress", display.HTML("0%")))
//	display.Update("progress", display.HTML("50%"))
func WithID(id string, d Data) Data {
	t := MIMEMap{}
	for k, v := range d.Transient {
		t[k] = v
	}
	t["display_id"] = id
	d.Transient = t
	return d
}

// Update replaces the output shown with display id id.
func Update(id string, d Data) error {
	s := sink.Load()
	if s == nil {
		return ErrNoNotebook
	}
	return (*s).Display(WithID(id, d), true)
}

// Clear removes the outputs of the current cell.
func Clear() error { return clear(false) }

// ClearWait removes the outputs of the current cell when the next output
// arrives, which avoids flicker in animations.
func ClearWait() error { return clear(true) }

func clear(wait bool) error {
	s := sink.Load()
	if s == nil {
		return ErrNoNotebook
	}
	return (*s).Clear(wait)
}
