package evaluator

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// printBuiltin is the builtin print (println with newline): Go's runtime
// writes its arguments to standard error, without spaces (println: with
// spaces and a newline), floats in %g form, pointers, channels, maps and
// functions as their addresses, slices as [len/cap]address. The
// interpreter's own print wrote to standard output like fmt.Println.
func (e *Evaluator) printBuiltin(newline bool) func(args ...any) {
	return func(args ...any) {
		var b strings.Builder
		for i, a := range args {
			if newline && i > 0 {
				b.WriteByte(' ')
			}
			writeRuntime(&b, a)
		}
		if newline {
			b.WriteByte('\n')
		}
		e.errw.Write([]byte(b.String()))
	}
}

func writeRuntime(b *strings.Builder, a any) {
	v := reflect.ValueOf(a)
	if !v.IsValid() {
		b.WriteString("(0x0,0x0)") // a nil interface
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		b.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32:
		b.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, 32))
	case reflect.Float64:
		b.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, 64))
	case reflect.Complex64:
		b.WriteString(strconv.FormatComplex(v.Complex(), 'g', -1, 64))
	case reflect.Complex128:
		b.WriteString(strconv.FormatComplex(v.Complex(), 'g', -1, 128))
	case reflect.String:
		b.WriteString(v.String())
	case reflect.Pointer, reflect.UnsafePointer, reflect.Chan, reflect.Map, reflect.Func:
		fmt.Fprintf(b, "%#x", v.Pointer())
	case reflect.Slice:
		fmt.Fprintf(b, "[%d/%d]%#x", v.Len(), v.Cap(), v.Pointer())
	default:
		// Go rejects print of other kinds at compile time; the type
		// checker has.
		fmt.Fprint(b, a)
	}
}
