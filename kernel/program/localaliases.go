package program

import (
	"errors"

	"github.com/goconc/goconc/kernel/localalias"
)

// inlineLocalAliases writes out the type aliases the cell declares inside
// functions, which the interpreter cannot declare (see kernel/localalias),
// before the cell is checked: every later rule sees the types themselves.
func inlineLocalAliases(ps *parsed) (*parsed, error) {
	src, changed, err := localalias.Inline(ps.c)
	if err != nil {
		var errs Errors
		for _, e := range unjoin(err) {
			var le *localalias.Error
			if errors.As(e, &le) {
				line, col := ps.c.LineCol(le.Offset)
				errs = append(errs, &Error{Label: ps.label, Line: line, Col: col, Msg: le.Msg})
			}
		}
		return nil, errs
	}
	if !changed {
		return ps, nil
	}
	return parseCell(ps.label, src)
}

// unjoin returns the errors errors.Join joined in err, or err alone.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
