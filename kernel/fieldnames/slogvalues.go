package fieldnames

import (
	"encoding/json"
	"fmt"
	"log/slog"
)

// SlogValue is what a cell hands log/slog for a value of the notebook's
// types:
//
//	logger.Info("login", "user", u)
//
// slog formats a value with %+v (its text handler) or encodes it with
// json (its JSON handler), and resolves a slog.LogValuer by its LogValue
// method; given the interpreter's value, its text handler wrote the
// interpreter's field names (Xtoken:secret) and no String method's text,
// and neither handler called LogValue. text is the value as fmt should
// see it (through Fields, or as the fmt.Stringer or error it is), plain
// as json should (PlainJSON), and logValue, if not nil, calls the value's
// LogValue method.
func SlogValue(text, plain any, logValue func() slog.Value) any {
	if logValue != nil {
		return slogValuer(logValue)
	}
	return slogValue{text: text, plain: plain}
}

// slogValuer is a slog.LogValuer calling the notebook's LogValue method.
type slogValuer func() slog.Value

func (f slogValuer) LogValue() slog.Value { return f() }

// slogValue formats as fmt formats text, and encodes as json encodes
// plain.
type slogValue struct{ text, plain any }

func (v slogValue) Format(s fmt.State, verb rune) {
	fmt.Fprintf(s, fmt.FormatString(s, verb), v.text)
}

func (v slogValue) MarshalJSON() ([]byte, error) { return json.Marshal(v.plain) }
